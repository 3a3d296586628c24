"""Where a prose field may state something about an invariant (`anchors`), found cheaply in the
field's rough copies (passages.Prepared.rough / rough_low: normalised and lowered only, so a word
found in the clean text is found there at the same place).

A superset, so cutting passages only around them changes no result:
- a passage with a claim holds an anchor: a value (a number right before its unit), a counted part
  (a number right before the part, with at most "molecules of" and an adjective between; an
  optional part too, "1 ATP", where a required part is named), a bare ratio (":" or "-to-" before
  a digit, or "to" before a number in a field that says ratio: ratio._RATIO_DIGITS, _RATIO_TO),
  or (a claim that only gives directions) the pump itself, a subject;
- a field with a claim names a subject (AnchorPlan.gate).
"Right before" allows what may be blank in the clean text: spaces, hyphens, Markdown markers, a
literal \\n.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .keys import first_words, last_words
from .model import Invariant
from .passages import Prepared
from .terms import NUMBER_WORD_LIST, longest_first

Span = tuple[int, int]

_SEPARATORS = (":", "∶", "-to-")  # ratio._SEPARATORS
# what may be blank in `clean` (blanks, emphasis, list markers, a literal \n: its "\" and "n")
_BLANKS = r"[\s*_`\-+#.)\\n]*"
_DIGIT_AFTER = re.compile(rf"{_BLANKS}\d")
_RATIO_TO = re.compile(rf"to{_BLANKS}(?:\d|{longest_first(NUMBER_WORD_LIST)})")
_RATIO_WORDS = ("ratio", "stoichiometr", "proportion")  # ratio._RATIO_WORD
_MARKS = "-*_`+#.)"


def _by_last_letter(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words grouped by their last character, each group in the words' order: the only ones
    that can end where that character is (one `str.endswith` of a few, not of them all)."""
    out: dict[str, tuple[str, ...]] = {}
    for word in words:
        out[word[-1]] = out.get(word[-1], ()) + (word,)
    return out


_NUMBER_ENDS = _by_last_letter(tuple(NUMBER_WORD_LIST))
# what may stand between a count and its part: ratio._BEFORE and ratio._ADJECTIVE, word by word
_COUNT_FILLERS = _by_last_letter((
    "molecules", "molecule", "ions", "ion", "units", "unit", "of", "intracellular", "extracellular",
    "cytoplasmic", "cytosolic", "positively", "charged"))


class AnchorPlan:
    """The words `anchors` looks for, worked out once per invariant: (word, in the lowered text,
    the keys found through it, what must stand before a key: a count or a number or nothing)."""

    def __init__(self, inv: Invariant) -> None:
        self.ratio = inv.kind == "ratio"
        # an optional part's count ("for each 1 ATP") is a number too: with it, a sentence that gives
        # the required parts only directions needs no subject of its own (ratio.check)
        lists = ([(part.pattern, "optional" if part.optional else "count") for part in inv.parts]
                 if self.ratio else [(inv.unit_pattern, "value")])
        self.probes: list[tuple[str, bool, tuple, str]] = []
        self.everywhere = False  # some phrase has no key: every place may hold one
        self.optional_everywhere = False  # the same for an optional part: where a required one is named
        for terms, before in lists:
            words = first_words(terms)
            if words is None and before == "optional":
                self.optional_everywhere = True
            elif words is None:
                self.everywhere = True
            else:
                self.probes += [(word, on_low, keys, before) for word, on_low, keys in words.finds]
        subject = last_words(inv.look_for.subject)
        self.subjects = subject.finds if subject else ()
        self.any_subject = subject is None
        # Every claim needs its subject in the field: a value or a count is about the invariant
        # only with a subject cue of its own or carried from a sentence before (scan.resolve),
        # which is in the same field. Each subject phrase holds one of these words, so a field
        # without them states nothing about it. Tested first when that is the cheaper test.
        self.gate = () if subject is None else tuple((word, on_low) for word, on_low, _ in subject.finds)
        self.gate_first = self.ratio or len(self.gate) <= len(self.probes)
        # groups of words, a word of each of which a field holds where `find` gives anything
        # (None: any field may); `may_hold_anchors` tests them before any plan runs
        self.requires: tuple[tuple[tuple[str, bool], ...], ...] | None = self._requires(
            tuple(dict.fromkeys((word, on_low) for word, on_low, _, _ in self.probes)))

    def _requires(self, probe_words: tuple[tuple[str, bool], ...]) -> tuple | None:
        if self.ratio:  # a bare ratio ("3:2") is an anchor with no part named: the gate alone
            if not self.any_subject:
                return (self.gate,)
            return None if self.everywhere or self.optional_everywhere else (probe_words,)
        groups = []
        if not self.everywhere:  # a value's anchor is a unit word (`_find`); rarer: tested first
            groups.append(probe_words)
        if not self.any_subject:  # and `find` keeps anchors only where the subject is named
            groups.append(self.gate)
        return tuple(groups) or None

    def find(self, field: Prepared) -> Anchors:
        if self.gate_first and not self.subject_named(field):
            return _NONE
        out = self._find(field)
        if (out.strong or out.subjects) and not self.gate_first and not self.subject_named(field):
            return _NONE
        return out

    def subject_named(self, field: Prepared) -> bool:
        """Whether the field may hold a subject phrase (see `gate`)."""
        if self.any_subject:
            return True
        known = field.memo.get(id(self.gate))  # the prefilter's answer (may_hold_anchors)
        if known is not None:
            return known
        rough, low = field.rough, field.rough_low
        for word, on_low in self.gate:
            if word in (low if on_low else rough):
                return True
        return False

    def _find(self, field: Prepared) -> Anchors:
        rough, low = field.rough, field.rough_low
        if self.everywhere:
            return Anchors([(0, len(rough))], [])
        out: list[Span] = []
        optional: list[Span] = []  # counted optional parts: anchors where a required part is named
        named = False  # a required part of a ratio is named somewhere
        for word, on_low, keys, before in self.probes:
            text = low if on_low else rough
            at = text.find(word)
            if at < 0:
                continue
            fillers = _COUNT_FILLERS if before != "value" else None
            into = optional if before == "optional" else out
            tested, number = -1, False  # keys found at one place share their begin: tested once
            while at >= 0:
                for offset, key, key_on_low in keys:
                    begin = at - offset
                    if begin >= 0 and (low if key_on_low else rough).startswith(key, begin):
                        named = named or before != "optional"
                        if begin != tested:
                            tested, number = begin, _number_before(low, begin, fillers)
                        if number:
                            into.append((begin, begin + len(key)))
                at = text.find(word, at + 1)
        if not self.ratio:
            return Anchors(out, [])
        subjects: list[Span] = []
        if named:
            out += [(0, len(rough))] if self.optional_everywhere else optional
        if named and self.any_subject:
            subjects.append((0, len(rough)))
        elif named:  # a claim of directions only has no number, but names the pump itself
            for word, on_low, _ in self.subjects:
                text = low if on_low else rough
                at = text.find(word)
                while at >= 0:
                    subjects.append((at, at + len(word)))
                    at = text.find(word, at + 1)
        return Anchors(out + _ratios(field), subjects)


class Anchors(NamedTuple):
    """Places in a field that every passage with a claim about an invariant holds one of.

    `strong`: values, counts, bare ratios. `subjects` (ratios): the subject's own words. A passage
    holding only the latter has no count and no ratio (each would be a strong anchor), so its claim
    can only give directions, and then the passage names the subject and a direction itself
    (ratio.check: "the sentence must name the pump itself")."""

    strong: list[Span]
    subjects: list[Span]


_NONE = Anchors([], [])


def anchors(inv: Invariant, field: Prepared) -> Anchors:
    return inv.anchors.find(field)


def needed_words(plans: list[AnchorPlan]) -> tuple | None:
    """Each plan's `requires`: a field where some plan finds an anchor holds a word of every group
    of that plan (None: any field may). A value ("-70 mV") needs its unit word and its subject's
    ("voltage-gated" has the one, "DNA repair" neither)."""
    if any(plan.requires is None for plan in plans):
        return None
    return tuple(plan.requires for plan in plans)


def may_hold_anchors(needs: tuple | None, field: Prepared) -> bool:
    """False only if no plan can find an anchor in the field (see `needed_words`)."""
    if needs is None:
        return True
    return screen(needs, field.rough, field.rough_low, field.memo)


def screen(needs: tuple, rough: str, low: str, memo: dict) -> bool:
    """may_hold_anchors on a field's rough copies, before its Prepared is made (most fields stop
    here). `memo`: whether the field holds a word of a group, by the group's id (a plan's gate is
    one of its groups, and AnchorPlan.subject_named asks again): the Prepared's memo."""
    for groups in needs:
        for group in groups:
            for word, on_low in group:
                if word in (low if on_low else rough):
                    memo[id(group)] = True
                    break
            else:
                memo[id(group)] = False
                break  # no word of this group: this plan finds nothing
        else:
            return True  # a word of every group: this plan may find an anchor
    return False


def _ratios(field: Prepared) -> list[Span]:
    """Bare ratios: "3:2" (a ":" before a digit), "3 to 2" (in a passage that says ratio)."""
    if "ratios" not in field.memo:
        rough, low = field.rough, field.rough_low
        spans = []
        for separator in _SEPARATORS:
            at = rough.find(separator)
            while at >= 0:
                after = at + len(separator)
                # "**Title**: Text": a letter (or a space, then a letter) is neither blank nor a digit
                # ("n" is: the literal \n), so _DIGIT_AFTER cannot match; the common case, no regex
                first = rough[after:after + 1]
                if first == " ":
                    first = rough[after + 1:after + 2]
                if not (first.isalpha() and first != "n"):
                    digit = _DIGIT_AFTER.match(rough, after)
                    if digit:
                        spans.append((at, digit.end()))
                at = rough.find(separator, at + 1)
        if any(word in low for word in _RATIO_WORDS):  # a regex scan of the field, only then
            spans += [m.span() for m in _RATIO_TO.finditer(low)]
        field.memo["ratios"] = spans
    return field.memo["ratios"]


def _number_before(low: str, at: int, fillers: dict[str, tuple[str, ...]] | None = None) -> bool:
    """Whether a number (its last digit or word) may end right before `at` in the lowered text,
    after blanks and `fillers` (words, see _by_last_letter) walking back."""
    while at > 0:
        char = low[at - 1]
        if char.isspace() or char in _MARKS:
            at -= 1
            continue
        if char == "n" and at > 1 and low[at - 2] == "\\":  # a literal \n
            at -= 2
            continue
        words = fillers.get(char) if fillers else None
        if words is not None and low.endswith(words, 0, at):
            at -= len(next(word for word in words if low.endswith(word, 0, at)))
            continue
        if char.isdigit():
            return True
        words = _NUMBER_ENDS.get(char)
        return words is not None and low.endswith(words, 0, at)
    return False
