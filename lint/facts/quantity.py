"""Quantity invariants: a number with a unit near a subject ("resting potential ... -70 mV").

A value is a number (digits or words, with a sign, a sign word or none) and one of the
invariant's units, or a range ("between -60 and -80 mV", "-85 to -90 mV"). Values are converted
to the unit of `expected` with the unit's factor (-0.07 V = -70 mV) and compared with the accepted
interval; a range agrees when it overlaps the interval.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .keys import first_words
from .model import Claim, Invariant, Vocabulary
from .near import finditer_near, reach_back
from .passages import Passage, Prepared
from .scan import Carry, Resolved, Span, resolve, select
from .terms import (
    DIGITS,
    NUMBER_WORD_LIST,
    NUMBER_WORDS,
    SIGN_WORDS,
    TermSet,
    has_number,
    lowered,
    number_value,
)


@dataclass(frozen=True)
class Value:
    low: float  # in the expected unit, sign applied when written
    high: float
    signed: bool  # a sign was written (character or word)
    text: str  # as a reader would write it: "-70 mV", "-60 to -80 mV"


def _number(prefix: str) -> str:
    return (rf"(?:(?P<{prefix}w>minus|negative|plus|positive)\s+|(?<![\w.+\-])(?P<{prefix}c>[-+–—])\s?)?"
            rf"(?<![\w.])(?P<{prefix}n>{DIGITS}|{NUMBER_WORDS})")


@lru_cache(maxsize=64)
def value_pattern(unit_source: str) -> re.Pattern[str]:
    unit = f"(?:{unit_source})"
    plus_minus = rf"(?:\s*(?:±|\+/-)\s*(?:{DIGITS}))?"
    single = rf"{_number('s')}{plus_minus}\s*-?\s*(?P<su>{unit})"
    between = rf"(?i:between)\s+{_number('a')}\s*(?:{unit}\s*)?and\s*{_number('b')}\s*(?P<bu>{unit})"
    to = (rf"(?:(?i:from)\s+)?{_number('c')}\s*(?:{unit}\s*)?(?:to|–|—|-)\s*"
          rf"{_number('d')}\s*(?P<du>{unit})")
    return re.compile(rf"{between}|{to}|{single}")


@lru_cache(maxsize=64)
def _value_words(units: TermSet) -> tuple[tuple[str, ...], str]:
    """What a value may hold before its last unit, for near.reach_back: words, and characters
    other than letters, digits and blanks."""
    pieces = {lowered(piece) for phrase in units.phrases for piece in phrase.pieces}
    words = (*NUMBER_WORD_LIST, *SIGN_WORDS, "between", "from", "to", "and",
             *(piece for piece in pieces if piece[:1].isalpha()))
    marks = "-–—+±/.," + "".join(sorted({c for piece in pieces for c in piece if not c.isalnum()}))
    return tuple(sorted(set(words))), marks


def _signed(m: re.Match[str], prefix: str) -> tuple[float, bool] | None:
    value = number_value(m.group(f"{prefix}n"))
    if value is None:
        return None
    word, char = m.group(f"{prefix}w"), m.group(f"{prefix}c")
    if word:
        return value * SIGN_WORDS[word.lower()], True
    if char:
        return (-value if char in "-–—" else value), True
    return value, False


def may_claim(inv: Invariant, vocab: Vocabulary, field: Prepared, passage: Passage,
              counted: bool = True) -> bool:
    """False only if the passage cannot give a claim: every claim needs a value, and every value
    a number. (`counted`: see ratio.may_claim; every anchor of a quantity is a value.)"""
    return has_number(field.low, passage.start, passage.end)


def mentions(inv: Invariant, field: Prepared, start: int, end: int) -> list[Span]:
    """The values in the passage field.clean[start:end]."""
    out: list[Span] = []
    units = inv.unit_pattern
    assert units is not None
    pattern = value_pattern(units.source)
    keys = first_words(units)
    if keys is None:
        found = list(pattern.finditer(field.clean, start, end)) if units.spans(field, start, end) else []
    else:  # a value ends with its unit, after numbers, signs, "between", "and", "to", a unit
        words, marks = _value_words(units)
        found = finditer_near(pattern, field.clean, start, end, [
            (at, reach_back(field.low, at, start, words, marks))
            for at, _ in keys.places(field.clean, field.low, start, end)])
    for m in found:
        first, second, unit = (("a", "b", m.group("bu")) if m.group("bu")
                               else ("c", "d", m.group("du")) if m.group("du") else ("s", "", m.group("su")))
        a = _signed(m, first)
        b = _signed(m, second) if second else a
        if a is None or b is None:
            continue
        factor = inv.unit_factor(unit) or 1.0
        low, high = sorted((a[0] * factor, b[0] * factor))
        text = f"{_show(a)} to {_show(b)} {unit}" if second else f"{_show(a)} {unit}"
        out.append(Span(m.start(), m.end(), "mention", data=Value(low, high, a[1] and b[1], text)))
    return out


def _show(signed: tuple[float, bool]) -> str:
    value, has_sign = signed
    text = f"{value:g}"
    return f"+{text}" if has_sign and value > 0 else text


def check(inv: Invariant, vocab: Vocabulary, prepared: Prepared, passage: Passage, found: list[Span],
          carry: Carry | None) -> tuple[Claim | None, Carry]:
    """The claim of one passage whose mentions are `found`, and what it carries to the next."""
    start, end = passage.start, passage.end
    spans = found + inv.cues.spans(prepared, start, end)
    resolved, next_carry = resolve(prepared, start, end, select(spans), passage.items, carry)
    verdicts = [v for v in (_verdict(inv, r) for r in resolved) if v is not None]
    if not verdicts:
        return None, next_carry
    claim = Claim(inv.id, start, end, prepared.quote(start, end), "; ".join(t for t, _ in verdicts),
                  all(ok for _, ok in verdicts), inv.expected_text())
    return claim, next_carry


def axis_spans(inv: Invariant, field: Prepared, start: int, end: int) -> list[Span]:
    """Cues on the subject and setting axes (all a passage without values can carry)."""
    return inv.axes.spans(field, start, end)


def _verdict(inv: Invariant, r: Resolved) -> tuple[str, bool] | None:
    if r.negated or r.state["subject"] != "subject" or r.state["setting"] == "excluded":
        return None
    value: Value = r.mention.data
    low, high, text = value.low, value.high, value.text
    if not value.signed:
        sign = _sign(inv, r)
        if sign is None:
            return None
        if sign == 0:
            return f"{text} (no sign)", False
        low, high = sorted((abs(low) * sign, abs(high) * sign))
        if sign < 0 or (r.signs and inv.unsigned != "positive"):  # show the sign the words gave
            text = f"{'-' if sign < 0 else '+'}{text}"
    lo, hi = inv.accepted_range()
    return text, high >= lo - 1e-9 and low <= hi + 1e-9


def _sign(inv: Invariant, r: Resolved) -> int | None:
    """+1/-1 for an unsigned value, 0 for 'disagree: sign missing', None for 'no claim'.

    Sign words ("70 mV, negative inside") count only where values can have either sign: with
    `unsigned: positive` (counts) "HIV-negative" says nothing about 46 chromosomes."""
    if len(r.signs) == 1 and inv.unsigned != "positive":
        return -1 if "negative" in r.signs else 1
    return {"positive": 1, "negative": -1, "disagree": 0, "skip": None}[inv.unsigned]

