"""Ratio invariants: counts and directions of parts ("3 Na+ out : 2 K+ in per ATP").

Mentions are the parts as written, with an optional count ("three sodium ions (Na+)", "2K+",
"two molecules of ATP"), and bare ratios ("3:2", "three-to-two"). Directions are cues bound to
the nearest part; "3 Na+ and 2 K+ into the cell" shares one direction between coordinated parts.
A ratio gives its numbers to the parts named without counts in its clause, in the order they are
named ("Na+:K+ ratio of 3:2", "Na+ out and K+ in at 3:2"); with no part named it is compared as a
set ("a 3:2 stoichiometry").
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from .keys import Keys, first_words
from .model import Claim, Invariant, Vocabulary
from .near import finditer_near, reach_back
from .passages import Passage, Prepared
from .scan import Carry, Resolved, Span, resolve, select
from .terms import NUMBER_WORD_LIST, NUMBER_WORDS, has_number, number_value

_COUNT = rf"(?P<count>(?<![\w.:])\d{{1,2}}(?!\d|\.\d)|{NUMBER_WORDS})"
_BEFORE = r"(?:[\s-]*(?:(?:molecules?|ions?|units?)\s+of\s+)?)"
_ADJECTIVE = r"(?:(?:intracellular|extracellular|cytoplasmic|cytosolic|positively\s+charged)\s+)?"
_AFTER = r"(?:[\s-]*(?:ions?|cations?|molecules?)\b)?"
_RATIO_SEP = r"\s*(?::|∶|-to-)\s*"
_RATIO_DIGITS = re.compile(
    rf"(?<![\w.:/])(\d{{1,2}}){_RATIO_SEP}(\d{{1,2}})(?:{_RATIO_SEP}(\d{{1,2}}))?(?![\w:]|\.\d)")
_RATIO_TO = re.compile(  # "3 to 2", "three-to-two": only in a passage that says ratio
    rf"(?<![\w.:/])(\d{{1,2}}|{NUMBER_WORDS})[\s-]+to[\s-]+(\d{{1,2}}|{NUMBER_WORDS})(?![\w:]|\.\d)",
    re.IGNORECASE)
_MAX_RATIO_TERM = 12
_RESPECTIVELY = re.compile(r"(?i:\brespectively\b)")
_RATIO_WORD = re.compile(r"ratio|stoichiometr\w*|proportion")  # in the lowered text
_SEPARATORS = Keys(((":", False, ((0, ":", False),)), ("∶", False, ((0, "∶", False),)),
                    ("-to-", False, ((0, "-to-", False),))))
_TO = Keys((("to", True, ((0, "to", True),)),))
NUMBER_WORD_LIST_T = tuple(NUMBER_WORD_LIST)
# what may stand before a part in a match of _part_pattern: _COUNT, _BEFORE and _ADJECTIVE, by word
_COUNT_WORDS = (*NUMBER_WORD_LIST, "molecule", "ion", "unit", "of", "intracellular", "extracellular",
                "cytoplasmic", "cytosolic", "positively", "charged")
_COORDINATION = re.compile(r"\s*,?\s*(?:and|as well as|&)?\s*(?:both\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    part: int | None  # index into invariant.parts; None for a bare ratio
    count: float | None = None
    numbers: tuple[float, ...] = ()  # a bare ratio's numbers


@lru_cache(maxsize=64)
def _part_pattern(part_source: str, all_parts_source: str) -> re.Pattern[str]:
    label = rf"(?:\s*\((?:{all_parts_source})\))?"
    # the part may follow its count without a space ("3Na+/2K+"), never another letter
    return re.compile(rf"(?:{_COUNT}{_BEFORE})?{_ADJECTIVE}(?<![A-Za-z])(?:{part_source}){_AFTER}{label}")


def may_claim(inv: Invariant, vocab: Vocabulary, field: Prepared, passage: Passage,
              counted: bool = True) -> bool:
    """False only if the passage cannot give a claim. A claim states a count (a number; a bare
    ratio's numbers are digits), or only directions, and then the passage names the pump itself
    (a subject taken from the sentence before does not do) and has a direction. `counted=False`:
    the passage holds no count or ratio (anchors.Anchors), so only the latter."""
    start, end = passage.start, passage.end
    if counted and has_number(field.low, start, end):
        return True
    return (inv.look_for.subject.occurs(field, start, end)
            and any(pattern.occurs(field, start, end) for _, pattern in vocab.directions))


def mentions(inv: Invariant, field: Prepared, start: int, end: int) -> list[Span]:
    """The parts (with their counts) and bare ratios in the passage field.clean[start:end]."""
    clean, low = field.clean, field.low
    all_parts = "|".join(p.pattern.source for p in inv.parts)
    out: list[Span] = []
    for index, part in enumerate(inv.parts):
        pattern, words = _part_pattern(part.pattern.source, all_parts), first_words(part.pattern)
        if words is None:
            found = list(pattern.finditer(clean, start, end)) if part.pattern.spans(field, start, end) else []
        else:  # a match holds the part's first word, after at most a count, "molecules of", an adjective
            found = finditer_near(pattern, clean, start, end, [
                (at, reach_back(low, at, start, _COUNT_WORDS, "-"))
                for at, _ in words.places(clean, low, start, end)])
        for m in found:
            count = number_value(m.group("count")) if m.group("count") else None
            out.append(Span(m.start(), m.end(), "mention", data=Mention(index, count)))
    has_ratio_word = _RATIO_WORD.search(low, start, end) is not None
    # a bare ratio holds its separator ("3:2"), after a number; "3 to 2" holds "to"
    ratios = finditer_near(_RATIO_DIGITS, clean, start, end, [
        (at, reach_back(low, at, start, (), "")) for at, _ in _SEPARATORS.places(clean, low, start, end)])
    for m in ratios:
        numbers = tuple(float(g) for g in m.groups() if g)
        if max(numbers) <= _MAX_RATIO_TERM:  # not a time of day ("10:30")
            out.append(Span(m.start(), m.end(), "mention", data=Mention(None, numbers=numbers)))
    ratios = finditer_near(_RATIO_TO, clean, start, end, [
        (at, reach_back(low, at, start, NUMBER_WORD_LIST_T, "-"))
        for at, _ in _TO.places(clean, low, start, end)]) if has_ratio_word else []
    for m in ratios:
        numbers = tuple(number_value(g) for g in m.groups())
        if all(n is not None and n <= _MAX_RATIO_TERM for n in numbers):
            out.append(Span(m.start(), m.end(), "mention", data=Mention(None, numbers=numbers)))
    return out


def check(inv: Invariant, vocab: Vocabulary, prepared: Prepared, passage: Passage, found: list[Span],
          carry: Carry | None) -> tuple[Claim | None, Carry]:
    """The claim of one passage whose mentions are `found`, and what it carries to the next."""
    clean, start, end = prepared.clean, passage.start, passage.end
    selected = select(found + inv.cues.spans(prepared, start, end))
    resolved, next_carry = resolve(prepared, start, end, selected, passage.items, carry,
                                   direction_targets=lambda m: m.data.part is not None)
    _share_directions(clean, resolved)
    _respectively(clean, prepared.low, start, end, selected, resolved)
    relevant = [r for r in resolved
                if not r.negated and r.state["subject"] == "subject" and r.state["setting"] != "excluded"]
    stated = _collect(inv, relevant)
    if stated is None:
        return None, next_carry
    counts, directions, bare = stated
    has_numbers = any(counts.values()) or bool(bare)
    if not has_numbers and all(r.carried["subject"] for r in relevant):
        return None, next_carry  # direction only: the sentence must name the pump itself
    value, agrees = _judge(inv, counts, directions, bare)
    claim = Claim(inv.id, start, end, prepared.quote(start, end), value, agrees, inv.expected_text())
    return claim, next_carry


def _share_directions(clean: str, resolved: list[Resolved]) -> None:
    """'3 Na+ and 2 K+ into the cell': coordinated parts without a direction share their neighbour's."""
    parts = [r for r in resolved if r.mention.data.part is not None]
    for left, right in itertools.pairwise(parts):
        if not _COORDINATION.fullmatch(clean, left.mention.end, right.mention.start):
            continue
        if left.direction is None and right.direction_cue and right.direction_cue.start >= right.mention.end:
            left.direction = right.direction
        elif right.direction is None and left.direction_cue and left.direction_cue.end <= left.mention.start:
            right.direction = left.direction


def _respectively(clean: str, low: str, start: int, end: int, spans: list[Span],
                  resolved: list[Resolved]) -> None:
    """'Na+ and K+ move out of and into the cell, respectively': directions pair with the parts in
    the order both are written; if they do not pair up, the clause states no direction."""
    if "respectively" not in low[start:end]:
        return
    for word in _RESPECTIVELY.finditer(clean, start, end):
        clause = next((r.clause for r in resolved if r.mention.start < word.start()), None)
        parts = [r for r in resolved if r.clause == clause and r.mention.data.part is not None
                 and r.mention.start < word.start()]
        if not parts:
            continue
        low, high = parts[0].mention.start, word.start()
        cues = [s.label for s in spans if s.kind == "direction" and low <= s.start < high]
        order = list(dict.fromkeys(r.mention.data.part for r in parts))
        for r in parts:
            r.direction = cues[order.index(r.mention.data.part)] if len(cues) == len(order) else None


def _collect(inv: Invariant, relevant: list[Resolved]):
    counts: dict[int, list[float]] = {i: [] for i in range(len(inv.parts))}
    directions: dict[int, list[str]] = {i: [] for i in range(len(inv.parts))}
    bare: list[tuple[float, ...]] = []
    parts = [r for r in relevant if r.mention.data.part is not None]
    for r in relevant:
        data: Mention = r.mention.data
        if data.part is not None:
            if data.count is not None:
                counts[data.part].append(data.count)
            if r.direction is not None and inv.parts[data.part].direction is not None:
                directions[data.part].append(r.direction)
            continue
        same_clause = [p for p in parts if p.clause == r.clause]
        if any(p.mention.data.count is not None for p in same_clause):
            continue  # "3:2 (3 Na+/2 K+)": the counts say it already
        order: list[int] = []
        for p in same_clause:
            if p.mention.data.part not in order:
                order.append(p.mention.data.part)
        if len(order) != len(data.numbers):  # "Na+ and K+ ... using ATP ... 3:2": the required parts
            order = [i for i in order if not inv.parts[i].optional]
        if not order:
            bare.append(data.numbers)
        elif len(order) == len(data.numbers):
            for part, number in zip(order, data.numbers):
                counts[part].append(number)
    required = [i for i, p in enumerate(inv.parts) if not p.optional]
    if not bare and not any(counts[i] or directions[i] for i in required):
        return None
    return counts, directions, bare


def _judge(inv: Invariant, counts, directions, bare) -> tuple[str, bool]:
    pieces, agrees = [], True
    for i, part in enumerate(inv.parts):
        if not counts[i] and not directions[i]:
            continue
        agrees &= all(inv.count_ok(part, c) for c in counts[i])
        agrees &= all(d == part.direction for d in directions[i])
        pieces.append(" ".join(x for x in ("/".join(_unique(f"{c:g}" for c in counts[i])), part.name,
                                           "/".join(_unique(directions[i]))) if x))
    expected = sorted(float(p.count) for p in inv.parts if not p.optional)
    for numbers in bare:
        agrees &= sorted(numbers) == expected or sorted(numbers) == sorted(float(p.count) for p in inv.parts)
        pieces.append(":".join(f"{n:g}" for n in numbers))
    return " : ".join(pieces), agrees


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))

