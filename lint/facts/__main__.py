"""`python -m lint.facts`: check an invariants file, or try sentences against it.

    python -m lint.facts                          # check schemas/invariants.yaml
    python -m lint.facts --invariants my.yaml     # check another file
    python -m lint.facts --try "The pump moves 2 Na+ out and 3 K+ in."

Exit status: 0 file valid, 2 file invalid (each problem printed as file:line:column: what to fix).
"""
from __future__ import annotations

import argparse
import sys

from .extract import find_claims
from .load import InvariantsError, default_path, load_invariants


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lint.facts", description=__doc__.split("\n")[0])
    parser.add_argument("--invariants", default=None, help=f"invariants file (default: {default_path()})")
    parser.add_argument("--try", dest="sentences", action="append", default=[], metavar="TEXT",
                        help="show the claims found in TEXT (repeatable)")
    args = parser.parse_args(argv)
    try:
        invariants = load_invariants(args.invariants)
    except InvariantsError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    if not args.sentences:
        print(f"{invariants.path}: {len(invariants)} invariants OK "
              f"({', '.join(inv.id for inv in invariants)})")
    for text in args.sentences:
        claims = find_claims(text, invariants)
        if not claims:
            print(f"no claim: {text}")
        for claim in claims:
            verdict = "agrees" if claim.agrees else "VIOLATES"
            print(f"{claim.invariant_id}: {verdict}: states {claim.value}; expected {claim.expected}\n"
                  f"  [{claim.start}:{claim.end}] {claim.quote}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
