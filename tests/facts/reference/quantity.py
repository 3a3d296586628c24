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

from .model import Claim, Invariant, Vocabulary
from .passages import Passage, Prepared
from .scan import Carry, Resolved, Span, find, resolve, select
from .terms import DIGITS, NUMBER_WORDS, SIGN_WORDS, number_value


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


def mentions(inv: Invariant, clean: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    assert inv.unit_pattern is not None
    if next(inv.unit_pattern.finditer(clean, start, end), None) is None:
        return out  # no unit, no value: skip the costly pattern
    for m in value_pattern(inv.unit_pattern.source).finditer(clean, start, end):
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
    clean, start, end = prepared.clean, passage.start, passage.end
    spans = found + cue_spans(inv, vocab, clean, start, end)
    resolved, next_carry = resolve(clean, start, end, select(spans), passage.items, carry)
    verdicts = [v for v in (_verdict(inv, r) for r in resolved) if v is not None]
    if not verdicts:
        return None, next_carry
    claim = Claim(inv.id, start, end, prepared.quote(start, end), "; ".join(t for t, _ in verdicts),
                  all(ok for _, ok in verdicts), inv.expected_text())
    return claim, next_carry


def axis_spans(inv: Invariant, clean: str, start: int, end: int) -> list[Span]:
    """Cues on the subject and setting axes (all a passage without values can carry)."""
    lf = inv.look_for
    return (find(lf.subject, clean, start, end, "subject") + find(lf.confusers, clean, start, end, "confuser")
            + find(lf.applies, clean, start, end, "applies")
            + find(lf.excluded, clean, start, end, "excluded"))


def cue_spans(inv: Invariant, vocab: Vocabulary, clean: str, start: int, end: int) -> list[Span]:
    return (axis_spans(inv, clean, start, end)
            + find(vocab.negations, clean, start, end, "negation")
            + find(vocab.negative, clean, start, end, "sign", "negative")
            + find(vocab.positive, clean, start, end, "sign", "positive"))


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

