"""find_claims: every sentence of a prose field that states something about an invariant."""
from __future__ import annotations

import bisect
from collections.abc import Iterable

from . import quantity, ratio
from .model import Claim, Invariant, Invariants
from .passages import Passage, prepare
from .scan import Carry, carry_of

# A sentence (or lead-in plus its list) longer than this is not prose: the attribution work grows
# with the number of mentions in a passage, and a 360 kB "sentence" must not stall a run.
MAX_PASSAGE = 4000


def find_claims(text: str, invariants: Invariants | Iterable[Invariant]) -> list[Claim]:
    """Claims in one prose field (the string as YAML gives it), in text order.

    At most one claim per sentence (or lead-in plus its list) and invariant; `start`/`end` are
    offsets into `text`. A sentence that names no subject, or whose values belong to a confuser,
    an excluded setting or a negated clause, gives no claim.
    """
    if not isinstance(invariants, Invariants):
        raise TypeError("find_claims needs the Invariants returned by load_invariants()")
    if not isinstance(text, str) or not text.strip():
        return []  # a missing or non-text field states nothing (the schema rules report it)
    prepared = prepare(text)
    clean = prepared.clean
    claims: list[Claim] = []
    for inv in invariants:
        module = ratio if inv.kind == "ratio" else quantity
        previous: Passage | None = None
        previous_carry: Carry | None = None  # None: not computed (the passage had no mentions)
        starts, reach = _trigger_index(_trigger_spans(inv, clean))
        for passage in prepared.passages:
            if passage.end - passage.start > MAX_PASSAGE:
                previous = None  # not prose (a dump or an attack): no claim, and no context from it
                continue
            # cheap whole-text scan first: most passages mention no part or unit of this invariant
            i = bisect.bisect_left(starts, passage.end)  # spans starting before the passage ends
            touched = i > 0 and reach[i - 1] > passage.start  # ... one of which ends inside it
            found = module.mentions(inv, clean, passage.start, passage.end) if touched else []
            carry = None
            # what the sentence before was about carries over within a line, or from a heading
            if found and previous is not None and (previous.heading or previous.line == passage.line):
                carry = previous_carry or carry_of(
                    quantity.axis_spans(inv, clean, previous.start, previous.end))
            claim, previous_carry = (module.check(inv, invariants.vocabulary, prepared, passage, found, carry)
                                     if found else (None, None))
            if claim is not None:
                claims.append(claim)
            previous = passage
    return sorted(claims, key=lambda c: (c.start, c.invariant_id))


def _trigger_index(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Span starts, sorted, and the furthest end among the spans up to each: a passage is touched
    when some span starting before its end reaches past its start (log time per passage)."""
    spans.sort()
    starts, reach, furthest = [], [], -1
    for start, end in spans:
        furthest = max(furthest, end)
        starts.append(start)
        reach.append(furthest)
    return starts, reach


def _trigger_spans(inv: Invariant, clean: str) -> list[tuple[int, int]]:
    """Where `mentions` could find anything: a superset, found by one scan of the whole text per
    pattern instead of one per passage (the per-passage scans were most of the cost)."""
    n = len(clean)
    if inv.kind == "ratio":
        spans = [(m.start(), m.end()) for part in inv.parts for m in part.pattern.finditer(clean, 0, n)]
        spans += [(m.start(), m.end()) for m in ratio._RATIO_DIGITS.finditer(clean)]
        spans += [(m.start(), m.end()) for m in ratio._RATIO_TO.finditer(clean)]
        return spans
    assert inv.unit_pattern is not None
    return [(m.start(), m.end()) for m in inv.unit_pattern.finditer(clean, 0, n)]
