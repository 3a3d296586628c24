"""Write a held-out-style corpus: ~300 articles in the seeds' exact layout, about half clean and the
others each carrying one known defect, with the findings qtlint must report.

    python tests/heldout/make_corpus.py OUT_DIR [--seed S]

writes OUT_DIR/corpus/ (articles, pyproject.toml with `[tool.qtlint]`, published-index.csv),
OUT_DIR/manifest.json (every case: kind, files, expected findings with the lines of their field,
tolerated companions, which files `--fix` must change) and OUT_DIR/fixed/<path> (the bytes a file
must hold after `qtlint check --fix`, for the files that must change).

Clean articles come from benchmarks/generate.py's `generate()` and the real seeds; defect cases are
rendered with the generator's own `render()` and then edited like an editor or a broken export would.
Output is a pure function of the seed.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.heldout.builder import Builder
from tests.heldout.cases_links import reference_cases, slug_cases
from tests.heldout.cases_structure import parse_cases, schema_cases
from tests.heldout.cases_text import (
    clean_text_cases,
    encoding_cases,
    facts_cases,
    grammar_cases,
    linked_c1_case,
)
from tests.heldout.kit import Case

N_GENERATED = 190
SEED = 20250206


def build(out_dir: Path, seed: int = SEED) -> list[Case]:
    """Write the corpus, the manifest and the expected post-fix files; return the cases."""
    root = out_dir / "corpus"
    b = Builder(root, N_GENERATED, seed)
    grammar_cases(b)  # first: the seeds take their own paths before anything else is added
    for step in (linked_c1_case, parse_cases, schema_cases, slug_cases, reference_cases, encoding_cases, facts_cases,
                 clean_text_cases):
        step(b)
    for a in b.arts:  # every generated article no case touched is a clean case of its own
        if a.rel_path not in b.owned:
            b.add("clean/generated", [a.rel_path])
    claimed = [f for c in b.cases for f in c.files]
    on_disk = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))
    assert sorted(set(claimed)) == on_disk, set(on_disk) ^ set(claimed)
    for case in b.cases:
        for rel, data in case.fixed.items():
            path = out_dir / "fixed" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    manifest = {"seed": seed, "corpus": "corpus", "fixed": "fixed", "cases": [c.as_json() for c in b.cases]}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return b.cases


def load_manifest(out_dir: Path) -> list[dict]:
    return json.loads((out_dir / "manifest.json").read_text())["cases"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args(argv)
    if args.out_dir.exists() and any(args.out_dir.iterdir()):
        print(f"make_corpus: {args.out_dir} is not empty", file=sys.stderr)
        return 2
    cases = build(args.out_dir, args.seed)
    files = sum(len(c.files) for c in cases)
    defects = sum(1 for c in cases if c.category != "clean")
    print(f"wrote {files} articles in {len(cases)} cases ({defects} defect cases, "
          f"{len(cases) - defects} clean) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
