"""find_claims: every sentence of a prose field that states something about an invariant.

Most fields state no fact, so the work is put off until a claim may exist:
1. anchors.py: a few `str.find` passes over the field find the places a passage with a claim
   must hold (a number before a unit or part, a ratio, the pump); none: no claim, done.
2. runs.py: only the lines around those places are cut into passages.
3. `_Run`: in a passage holding an anchor, its values, cues and context are worked out, and its
   context only if it asks for it; memo.py remembers what each passage gave.
The result is the reference engine's, claim for claim (tests/facts/test_reference.py,
test_golden_claims.py).
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable

from . import quantity, ratio
from .anchors import Anchors, screen
from .memo import PassageMemo
from .model import Claim, Invariant, Invariants, Vocabulary
from .passages import Passage, Prepared, rough_copies
from .runs import cut
from .scan import AXES, Carry, Span, carry_of
from .window import pieces

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
    if not isinstance(text, str) or not text or text.isspace():
        return []  # a missing or non-text field states nothing (the schema rules report it)
    needs, copies, memo = invariants.needs, rough_copies(text), {}
    if needs is not None and not screen(needs, copies[0], copies[1], memo):
        return []  # the common case: none of a few words is in the field (anchors.may_hold_anchors)
    prepared = Prepared(text, rough=copies, memo=memo)
    anchored = [(inv, inv.anchors.find(prepared)) for inv in invariants]  # anchors.anchors
    spans = sorted(span for _, found in anchored for kind in found for span in kind)
    if not spans:
        return []  # no passage can state a fact: the common case, a few scans
    cuts = pieces(text, spans) if invariants.memo_safe else None
    if cuts is None or sum(b - a for a, b in cuts) > len(text) * _WHOLE:
        return sorted(_claims(invariants, anchored, prepared, spans), key=_order)
    claims: list[Claim] = []
    for a, b in cuts:  # a few lines around the anchors, each made into a field of its own
        inside = [(inv, Anchors(_within(found.strong, a, b), _within(found.subjects, a, b))
                   if found.strong or found.subjects else found) for inv, found in anchored]
        piece = Prepared(text[a:b], piece=True)
        for claim in _claims(invariants, inside, piece, None):
            claims.append(Claim(claim.invariant_id, claim.start + a, claim.end + a, claim.quote, claim.value,
                                claim.agrees, claim.expected))
    return sorted(claims, key=_order)


# window.pieces is not used when its pieces hold more than this share of the field
_WHOLE = 0.75


def _order(claim: Claim) -> tuple[int, str]:
    return claim.start, claim.invariant_id


def _within(spans: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    """The spans inside text[a:b] (window.pieces keeps each inside one piece), as offsets into it."""
    return [(start - a, end - a) for start, end in spans if a <= start and end <= b]


def _claims(invariants: Invariants, anchored: list[tuple[Invariant, Anchors]], prepared: Prepared,
            spans: list[tuple[int, int]] | None) -> list[Claim]:
    """The claims of the passages around `spans`; spans None: of a piece (window.py), cut whole: it
    starts at a line the walk over all lines reaches, and its lines after the anchors' hold no
    passage with an anchor nor one that gives context to one."""
    runs = cut(prepared, spans) if spans is not None else [prepared.walk(0, len(prepared.line_starts))[0]]
    claims: list[Claim] = []
    for inv, found in anchored:
        if found.strong or found.subjects:  # only a passage with an anchor can state something
            strong, subject = _Touches(found.strong), _Touches(found.subjects)
            memo = inv.memo if invariants.memo_safe else None
            for passages in runs:
                claims += _Run(inv, invariants.vocabulary, prepared, passages, memo).claims(strong, subject)
    return claims


class _Touches:
    """Whether a passage overlaps one of the spans (log time per passage)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts, self.reach, furthest = [], [], -1
        for start, end in spans:
            furthest = max(furthest, end)
            self.starts.append(start)
            self.reach.append(furthest)  # the furthest end among the spans up to this one

    def __call__(self, passage: Passage) -> bool:
        i = bisect.bisect_left(self.starts, passage.end)  # spans starting before the passage ends
        return i > 0 and self.reach[i - 1] > passage.start  # ... one of which ends inside it


class _Run:
    """The claims of one invariant in a run of consecutive passages (see runs.cut).

    What the sentence before was about carries over within a line, or from a heading: a passage's
    context is the previous passage's result when that one had values, else its last cues.
    Results are computed only where a claim may come out, and then along the chain of passages
    whose context it needs."""

    def __init__(self, inv: Invariant, vocab: Vocabulary, prepared: Prepared, passages: list[Passage],
                 memo: PassageMemo | None = None) -> None:
        self.inv, self.vocab, self.prepared, self.passages = inv, vocab, prepared, passages
        self.module = ratio if inv.kind == "ratio" else quantity
        self.memo = memo
        self._keys: dict[int, tuple] = {}
        self._found: dict[int, list[Span]] = {}
        self._results: dict[int, tuple[Claim | None, Carry]] = {}

    def claims(self, strong: _Touches, subject: _Touches) -> list[Claim]:
        """Claims of the passages that hold an anchor (no other can state one). A passage's result
        is remembered only if it had values (which depend on its text alone), so a remembered one
        needs no other test."""
        out = []
        for i, passage in enumerate(self.passages):
            if passage.end - passage.start > MAX_PASSAGE:  # _too_long
                continue
            if strong(passage):
                counted = True
            elif subject(passage):
                counted = False  # it holds no count: only a claim of directions (anchors.Anchors)
            else:
                continue
            known = self.memo is not None and (self.key(i), None) in self.memo.results
            if known or (self.may_claim(i, counted) and self.found(i)):
                claim = self.result(i)[0]
                if claim is not None:
                    out.append(claim)
        return out

    def found(self, i: int) -> list[Span]:
        if i not in self._found:
            p = self.passages[i]
            if _too_long(p):
                self._found[i] = []
            elif self.memo is None:
                self._found[i] = self.module.mentions(self.inv, self.prepared, p.start, p.end)
            else:
                known = self.memo.found.get(self.key(i))
                if known is None:
                    spans = self.module.mentions(self.inv, self.prepared, p.start, p.end)
                    known = tuple((s.start - p.start, s.end - p.start, s.data) for s in spans)
                    self.memo.remember(self.memo.found, self.key(i), known)
                self._found[i] = [Span(p.start + a, p.start + b, "mention", data=data) for a, b, data in known]
        return self._found[i]

    def may_claim(self, i: int, counted: bool) -> bool:
        memo, passage = self.memo, self.passages[i]
        if memo is None:
            return self.module.may_claim(self.inv, self.vocab, self.prepared, passage, counted)
        known = memo.may.get((self.key(i), counted))
        if known is None:
            known = self.module.may_claim(self.inv, self.vocab, self.prepared, passage, counted)
            memo.remember(memo.may, (self.key(i), counted), known)
        return known

    def key(self, i: int) -> tuple:
        if i not in self._keys:
            self._keys[i] = PassageMemo.key(self.prepared, self.passages[i])
        return self._keys[i]

    def linked(self, i: int) -> bool:
        """Passage i takes its context from passage i - 1."""
        if i == 0:
            return False  # the run's first passage has no values (or is the field's first)
        previous = self.passages[i - 1]
        return not _too_long(previous) and (previous.heading or previous.line == self.passages[i].line)

    def result(self, i: int) -> tuple[Claim | None, Carry]:
        """(claim, carry to the next passage) of passage i, which has values. Its context is
        worked out only if the passage asks for it (a value with no subject or setting of its own)."""
        if i not in self._results:
            self._results[i] = self._check(i, _Context(self, i) if self.linked(i) else _Context(self, i, _NONE))
        return self._results[i]

    def _check(self, i: int, carry: _Context) -> tuple[Claim | None, Carry]:
        memo, p = self.memo, self.passages[i]
        if memo is None:
            return self.module.check(self.inv, self.vocab, self.prepared, p, self.found(i), carry)
        # remembered by passage, then (when the passage asked for its context) by context too
        known = memo.results.get((self.key(i), None))
        if known is not None and known[2]:
            state = self._state(carry)
            known = memo.results.get((self.key(i), state))
        if known is None:
            claim, after = self.module.check(self.inv, self.vocab, self.prepared, p, self.found(i), carry)
            asked = carry.asked
            value = (None if claim is None else (claim.value, claim.agrees), after, asked)
            memo.remember(memo.results, (self.key(i), None), value)
            if asked:
                memo.remember(memo.results, (self.key(i), self._state(carry)), value)
            return claim, after
        fields, after, _ = known
        if fields is None:
            return None, after
        claim = Claim(self.inv.id, p.start, p.end, self.prepared.quote(p.start, p.end), fields[0], fields[1],
                      self.inv.expected_text())
        return claim, after

    @staticmethod
    def _state(carry: _Context) -> tuple:
        """The context a passage's result depends on: what Carry.get gives on each axis."""
        return tuple((axis, carry.get(axis)) for axis in AXES)

    def context(self, i: int) -> Carry:
        """What passage i - 1 gives passage i (which is linked to it)."""
        previous = self.passages[i - 1]
        if not self.found(i - 1):  # a passage without values carries its last cues
            memo = self.memo
            if memo is None:
                return carry_of(quantity.axis_spans(self.inv, self.prepared, previous.start, previous.end))
            carry = memo.carries.get(self.key(i - 1))
            if carry is None:
                carry = carry_of(quantity.axis_spans(self.inv, self.prepared, previous.start, previous.end))
                memo.remember(memo.carries, self.key(i - 1), carry)
            return carry
        # passage i - 1's own context, and so on back along the line: computed in order, not nested
        chain = [i - 1]
        while self.linked(chain[-1]) and self.found(chain[-1] - 1) and chain[-1] - 1 not in self._results:
            chain.append(chain[-1] - 1)
        for k in reversed(chain):
            if k not in self._results:
                self._results[k] = self._check(k, _Context(self, k, self.context(k) if self.linked(k) else _NONE))
        return self._results[i - 1][1]


_NONE = Carry()  # no context: on every axis, nothing (the same, to scan.resolve, as no Carry at all)


class _Context:
    """A passage's context (scan.Carry), worked out on first use; `asked`: it was used."""

    def __init__(self, run: _Run, i: int, carry: Carry | None = None) -> None:
        self.run, self.i, self.carry, self.asked = run, i, carry, False

    def get(self, axis: str) -> str | None:
        self.asked = True
        if self.carry is None:
            self.carry = self.run.context(self.i)
        return self.carry.get(axis)


def _too_long(passage: Passage) -> bool:
    """Not prose (a dump or an attack): no claim, and no context from it."""
    return passage.end - passage.start > MAX_PASSAGE
