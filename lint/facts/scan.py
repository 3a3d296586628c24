"""Which words a value belongs to: cues bound to mentions by weighted distance inside a passage.

A *mention* is something an invariant can check (a voltage, "3 Na+", a "3:2" ratio). A *cue* is a
word that says what a mention is about: the invariant's subject or a confuser ("subject" axis),
a setting that applies or is excluded ("setting" axis), a direction, a negation, a sign word.

1. All cues and mentions are matched; where two overlap the longer wins ("sodium channels" beats
   "sodium"; "not firing" beats "not").
2. Each cue binds to its nearest mention. Distance counts the words between them: function words
   weigh 0.5, content words 1, a comma 1.5, a conjunction ("and", "whereas") 3, a clause break 4
   more; on a tie the cue binds to the mention after it. A comparand ("more negative *than
   neurons*") binds only to a value in parentheses right after it, and only when the thing
   compared has its own value ("EK (-90 mV) is more negative than the resting potential (about
   -70 mV)"); a destination ("... *to the resting potential*") binds only to values after it.
3. Each mention takes, per axis, its nearest bound cue (a subject must beat a confuser by a
   margin, else the confuser wins: no claim is better than a wrong one). With none it inherits
   from the mention before it (or, first in its passage, from the next one in its clause that
   has its own), then from the sentence before (`Carry`).
4. A negation anywhere in a mention's clause (not, if, misconception, ...) drops the mention.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate, chain
from operator import itemgetter
from typing import Any, NamedTuple

from .terms import TermSet

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[a-z]+)?|\S")
# the blanks before each token, and the token: every character not blank is in a token, so the
# matches follow each other and their lengths add up to the tokens' offsets
_BLANKS_TOKEN = re.compile(rf"(\s*)({_TOKEN.pattern})")
_SECOND = itemgetter(1)
_FUNCTION_WORDS = frozenset([
    "a", "an", "the", "of", "is", "are", "was", "be", "been", "being", "it", "its", "their", "they",
    "them", "this", "these", "that", "which", "who", "at", "to", "in", "on", "for", "about",
    "approximately", "around", "roughly", "nearly", "near", "close", "typically", "usually",
    "generally", "normally", "some", "~", "as", "has", "have", "had", "by", "from", "with", "into",
    "per", "each", "every", "only", "just", "very", "also", "then", "back",
])
_CONJUNCTIONS = frozenset(["and", "or", "but", "whereas", "while", "whilst", "although", "though", "than",
                           "yet", "so"])
_PUNCTUATION = {",": 1.5, ";": 3.0, ":": 3.0, ".": 5.0, "!": 5.0, "?": 5.0, "(": 0.3, ")": 0.3,
                "[": 0.3, "]": 0.3, "-": 0.3, "/": 0.3, "~": 0.0, "≈": 0.0}
# the next three are matched in the lowered text (`Prepared.low`), so their words are lowercase and
# need no IGNORECASE (see terms.lowered)
_CLAUSE_BREAK = re.compile(
    r";|\b(?:whereas|while|whilst|but|although|though|unlike|however|meanwhile|in contrast)\b"
    r"|,\s*which\b")
# every match of _CLAUSE_BREAK holds one of these (a `str` search is far cheaper than a regex scan)
_CLAUSE_WORDS = (";", "whereas", "whil", "but", "though", "unlike", "however", "meanwhile", "in contrast",
                 "which")
# "more negative than (the resting potential | neurons)": what follows is compared with, not described
_COMPARAND = re.compile(
    r"\b(?:than|compared\s+(?:to|with)|relative\s+to|versus|vs\.?|below|above|like)"
    r"(?:\s+(?:that|those)\s+of)?(?:\s+in)?(?:\s+(?:the|a|an|typical|most|many))*\s*$")
_COMPARAND_WORDS = ("than", "compared", "relative", "versus", "vs", "below", "above", "like")
# "contributes -4 mV *to the resting potential*": a destination describes values after it, not before
_DESTINATION = re.compile(r"\b(?:to|into|toward|towards)\s+(?:the\s+|its\s+|their\s+|a\s+)?$")
# ... but a value in parentheses right after the comparand is the comparand's own value
_COMPARAND_VALUE = re.compile(
    r"\s*\(\s*(?i:about|approximately|around|roughly|nearly|near|close\s+to|~|≈)?\s*")
_CLAUSE_PENALTY = 4.0
_COVERED_WEIGHT = 0.5
# kinds and their priority when two matches of equal length overlap (lower wins)
_PRIORITY = {"mask": 0, "confuser": 1, "subject": 2, "excluded": 3, "applies": 4, "mention": 5,
             "direction": 6, "negation": 7, "sign": 8}
AXES = ("subject", "setting")
_NEGATIVE = frozenset({"confuser", "excluded"})
AMBIGUITY = 1.0
_AXIS_OF = {"subject": "subject", "confuser": "subject", "applies": "setting", "excluded": "setting"}
_UNBOUND = frozenset(("mention", "mask", "negation", "sign"))


class Span(NamedTuple):  # a value, made by the dozen a passage: a tuple is quicker to make
    start: int
    end: int
    kind: str  # mention | subject | confuser | applies | excluded | direction | negation | sign | mask
    label: str = ""
    data: Any = None


@dataclass
class Resolved:
    mention: Span
    state: dict[str, str | None] = field(default_factory=dict)  # axis -> cue kind
    own: dict[str, bool] = field(default_factory=dict)  # axis -> decided by its own bound cue
    carried: dict[str, bool] = field(default_factory=dict)  # axis -> from the sentence before
    direction: str | None = None
    direction_cue: Span | None = None
    negated: bool = False
    signs: frozenset[str] = frozenset()
    clause: int = 0


@dataclass(frozen=True)
class Carry:
    """What the previous passage was about, per axis (cue kind or None)."""

    state: tuple[tuple[str, str | None], ...] = ()

    def get(self, axis: str) -> str | None:
        return dict(self.state).get(axis)


def find(pattern: TermSet | None, field, start: int, end: int, kind: str, label: str = "") -> list[Span]:
    """Spans of `kind` where `pattern` matches in the passage field.clean[start:end]."""
    if pattern is None:
        return []
    return [Span(s, e, kind, label) for s, e in pattern.spans(field, start, end) if e > s]


def _select_key(s: Span) -> tuple[int, int, int]:
    return s.start - s.end, _PRIORITY[s.kind], s.start


def select(spans: list[Span]) -> list[Span]:
    """Longest first, then by kind priority; drop anything overlapping what is already taken."""
    taken: list[Span] = []
    for span in sorted(spans, key=_select_key):
        if all(span.end <= t.start or span.start >= t.end for t in taken):
            taken.append(span)
    taken.sort(key=lambda s: (s.start, s.end))
    return taken


class _Distances:
    def __init__(self, clean: str, start: int, end: int, spans: list[Span], breaks: list[int]) -> None:
        """`spans`: as `select` gives them (sorted, no two overlapping)."""
        # the tokens _TOKEN.finditer finds, with a few calls for all of them instead of three a token
        pairs = _BLANKS_TOKEN.findall(clean, start, end)
        bounds = list(accumulate(map(len, chain.from_iterable(pairs)), initial=start))
        self.starts = starts = bounds[1::2]
        ends = bounds[2::2]
        tokens = list(map(_SECOND, pairs))
        weights = list(map(_WEIGHTS.get, tokens))
        if None in weights:
            for i, weight in enumerate(weights):
                if weight is None:
                    weights[i] = _weight(tokens[i])
        for span in spans:  # a token inside a cue or mention weighs little
            i = bisect.bisect_left(starts, span.start)
            while i < len(ends) and ends[i] <= span.end:
                weights[i] = _COVERED_WEIGHT
                i += 1
        self.sums, self.breaks = list(accumulate(weights, initial=0.0)), breaks

    def gap(self, a: int, b: int) -> float:
        """Weight of the tokens starting in [a, b), plus the clause breaks in [a, b]."""
        i, j = bisect.bisect_left(self.starts, a), bisect.bisect_left(self.starts, b)
        crossed = bisect.bisect_right(self.breaks, b) - bisect.bisect_left(self.breaks, a)
        return self.sums[j] - self.sums[i] + _CLAUSE_PENALTY * crossed

    def between(self, cue: Span, mention: Span) -> float:
        if cue.end <= mention.start:
            return self.gap(cue.end, mention.start)
        return self.gap(mention.end, cue.start)


_WEIGHTS: dict[str, float] = {}


def _weight(token: str) -> float:
    weight = _WEIGHTS.get(token)
    if weight is None:
        weight = _token_weight(token)
        if len(_WEIGHTS) < 100_000:  # a memo of the words seen, bounded for hostile input
            _WEIGHTS[token] = weight
    return weight


def _token_weight(token: str) -> float:
    lower = token.lower()
    if lower == "for":  # "2 K+ in for every 3 Na+": the other side of a ratio begins
        return 1.5
    if lower in _CONJUNCTIONS:
        return 3.0
    if lower in _FUNCTION_WORDS:
        return 0.5
    if not token[0].isalnum():
        return _PUNCTUATION.get(token, 1.0)
    return 1.0


def clause_breaks(field, start: int, end: int, items: tuple[int, ...] = ()) -> list[int]:
    text = field.low[start:end]
    if any(word in text for word in _CLAUSE_WORDS):  # else _CLAUSE_BREAK finds nothing
        found = {m.start() for m in _CLAUSE_BREAK.finditer(field.low, start, end) if m.start() > start}
        return sorted(found | set(items))
    return sorted(set(items))


def resolve(field, start: int, end: int, spans: list[Span], items: tuple[int, ...] = (),
            carry: Carry | None = None, direction_targets=None) -> tuple[list[Resolved], Carry]:
    """Bind the selected `spans` of one passage of `field` (a Prepared); see the module docstring."""
    clean, low = field.clean, field.low
    breaks = clause_breaks(field, start, end, items)
    dist = _Distances(clean, start, end, spans, breaks)
    mentions = [s for s in spans if s.kind == "mention"]
    out = [Resolved(m, clause=bisect.bisect_right(breaks, m.start)) for m in mentions]
    bound: list[list[tuple[float, int, Span]]] = [[] for _ in mentions]
    every = range(len(mentions))
    aimed = [i for i in every if direction_targets is None or direction_targets(mentions[i])]
    text = low[start:end]  # without one of their words, _COMPARAND and _DESTINATION cannot match
    comparand = any(word in text for word in _COMPARAND_WORDS)
    destination = "to" in text
    for cue in spans:
        if cue.kind in _UNBOUND:
            continue
        targets = aimed if cue.kind == "direction" else every
        if comparand and cue.kind in _AXIS_OF and _COMPARAND.search(low, max(start, cue.start - 40), cue.start):
            # "A (-90 mV) is more negative than B (-70 mV)": B's value only when A has its own
            compared = any(m.end <= cue.start for m in mentions)
            targets = [i for i in targets
                       if compared and _COMPARAND_VALUE.fullmatch(clean, cue.end, mentions[i].start)]
        elif destination and cue.kind in _AXIS_OF and _DESTINATION.search(low, max(start, cue.start - 20),
                                                                           cue.start):
            targets = [i for i in targets if mentions[i].start >= cue.end]
        if not targets:
            continue
        # nearest; on a tie the mention after the cue (cue.start < mention.start sorts first)
        best, best_key = -1, None
        for i in targets:
            key = (dist.between(cue, mentions[i]), mentions[i].start < cue.start)
            if best_key is None or key < best_key:
                best, best_key = i, key
        side = 0 if cue.start < mentions[best].start else 1  # ties inside a mention: cue before wins
        bound[best].append((best_key[0], side, cue))
    for r, cues in zip(out, bound):
        for axis in AXES:
            r.state[axis] = _nearest(axis, cues)
            r.own[axis] = r.state[axis] is not None
            r.carried[axis] = False
        # nearest first; on a tie the earlier cue (comparing the cues themselves raised TypeError)
        directions = sorted(((d, side, c) for d, side, c in cues if c.kind == "direction"),
                            key=lambda t: (t[0], t[1], t[2].start, t[2].end))
        if directions:
            r.direction, r.direction_cue = directions[0][2].label, directions[0][2]
    _inherit(out, carry)
    negations = {bisect.bisect_right(breaks, s.start) for s in spans if s.kind == "negation"}
    signs: dict[int, set[str]] = {}
    for s in spans:
        if s.kind == "sign":
            signs.setdefault(bisect.bisect_right(breaks, s.start), set()).add(s.label)
    for r in out:
        r.negated = r.clause in negations
        r.signs = frozenset(signs.get(r.clause, ()))
    return out, _next_carry(out, spans)


def _nearest(axis: str, cues: list[tuple[float, int, Span]]) -> str | None:
    """The kind of the nearest cue on `axis`; a subject (or applying setting) must be nearer than
    any confuser (or excluded setting) by AMBIGUITY, otherwise the value is not attributed to it."""
    mine = sorted(((d, side, c) for d, side, c in cues if _AXIS_OF.get(c.kind) == axis),
                  key=lambda t: (t[0], t[1]))
    if not mine:
        return None
    winner = mine[0]
    if winner[2].kind in _NEGATIVE:
        return winner[2].kind
    rival = next((t for t in mine if t[2].kind in _NEGATIVE), None)
    if rival is not None and rival[0] - winner[0] < AMBIGUITY:
        return rival[2].kind
    return winner[2].kind


def _inherit(out: list[Resolved], carry: Carry | None) -> None:
    for axis in AXES:
        for i, r in enumerate(out):
            if r.own[axis]:
                continue
            if i > 0:
                r.state[axis], r.carried[axis] = out[i - 1].state[axis], out[i - 1].carried[axis]
                continue
            ahead = next((o for o in out[1:] if o.clause == r.clause and o.own[axis]), None)
            if ahead is not None:
                r.state[axis] = ahead.state[axis]
            elif carry is not None and carry.get(axis) is not None:
                r.state[axis], r.carried[axis] = carry.get(axis), True


def carry_of(spans: list[Span]) -> Carry:
    """What a passage without mentions carries: its last cue on each axis."""
    return _next_carry([], select(spans))


def _next_carry(out: list[Resolved], spans: list[Span]) -> Carry:
    state = {}
    for axis in AXES:
        if out:
            state[axis] = out[-1].state[axis]
        else:
            cues = [s for s in spans if _AXIS_OF.get(s.kind) == axis]
            state[axis] = cues[-1].kind if cues else None
    return Carry(tuple(state.items()))
