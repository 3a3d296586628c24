"""find_claims: every sentence of a prose field that states something about an invariant."""
from __future__ import annotations

from collections.abc import Iterable

from . import quantity, ratio
from .model import Claim, Invariant, Invariants
from .passages import prepare
from .scan import Carry


def find_claims(text: str, invariants: Invariants | Iterable[Invariant]) -> list[Claim]:
    """Claims in one prose field (the string as YAML gives it), in text order.

    At most one claim per sentence (or lead-in plus its list) and invariant; `start`/`end` are
    offsets into `text`. A sentence that names no subject, or whose values belong to a confuser,
    an excluded setting or a negated clause, gives no claim.
    """
    if not isinstance(invariants, Invariants):
        raise TypeError("find_claims needs the Invariants returned by load_invariants()")
    if not text or not text.strip():
        return []
    prepared = prepare(text)
    claims: list[Claim] = []
    for inv in invariants:
        checker = ratio.check if inv.kind == "ratio" else quantity.check
        carry: Carry | None = None
        previous = None
        for passage in prepared.passages:
            # what the sentence before was about carries over within a line, or from a heading
            allowed = previous is not None and (previous.heading or previous.line == passage.line)
            claim, next_carry = checker(inv, invariants.vocabulary, prepared, passage,
                                        carry if allowed else None)
            if claim is not None:
                claims.append(claim)
            carry, previous = next_carry, passage
    return sorted(claims, key=lambda c: (c.start, c.invariant_id))
