"""Values of the facts package: invariants as loaded from schemas/invariants.yaml, and claims.

Invariants hold compiled patterns; they are built by `lint.facts.load`, never by hand.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lint.diagnostic import Severity

from .terms import TermSet

Pattern = TermSet


@dataclass(frozen=True)
class Part:
    """One participant of a ratio invariant (Na+: 3, out)."""

    name: str
    pattern: Pattern
    count: int
    direction: str | None
    optional: bool = False

    def describe(self) -> str:
        return " ".join(str(x) for x in (self.count, self.name, self.direction) if x is not None)


@dataclass(frozen=True)
class LookFor:
    subject: Pattern
    confusers: Pattern | None
    applies: Pattern | None
    excluded: Pattern | None


@dataclass(frozen=True)
class Invariant:
    id: str
    statement: str
    kind: str  # "quantity" | "ratio"
    context: str
    severity: Severity
    source: str
    look_for: LookFor
    tolerance_absolute: float | None = None
    tolerance_relative: float | None = None
    # kind == "quantity"
    value: float | None = None
    unit: str | None = None
    units: tuple[tuple[str, float], ...] = ()
    unit_pattern: Pattern | None = None
    unsigned: str = "positive"
    # kind == "ratio"
    parts: tuple[Part, ...] = ()
    line: int = 0  # 1-based line of the invariant in its file
    # built by `load` from look_for and the vocabulary (cues.CueIndex): every cue a passage is
    # checked for (`cues`), and those on the subject and setting axes only (`axes`)
    cues: Any = field(default=None, compare=False, repr=False)
    axes: Any = field(default=None, compare=False, repr=False)
    anchors: Any = field(default=None, compare=False, repr=False)  # anchors.AnchorPlan
    memo: Any = field(default=None, compare=False, repr=False)  # memo.PassageMemo
    expected: str = field(default="", compare=False, repr=False)  # expected_text(), made once by `load`

    def unit_factor(self, unit: str) -> float | None:
        for name, factor in self.units:
            if name == unit:
                return factor
        for name, factor in self.units:  # all-lowercase units match any case
            if name == name.lower() and name == unit.lower():
                return factor
        return None

    def tolerance_of(self, expected: float) -> float:
        if self.tolerance_relative is not None:
            return abs(expected) * self.tolerance_relative
        return self.tolerance_absolute or 0.0

    def accepted_range(self) -> tuple[float, float]:
        """Quantity invariants: the closed interval of accepted values, in the expected unit."""
        assert self.value is not None
        base = self.value * (self.unit_factor(self.unit or "") or 1.0)
        slack = self.tolerance_of(base)
        return base - slack, base + slack

    def count_ok(self, part: Part, stated: float) -> bool:
        return abs(stated - part.count) <= self.tolerance_of(part.count) + 1e-9

    def expected_text(self) -> str:
        return self.expected or self._expected_text()

    def _expected_text(self) -> str:
        if self.kind == "ratio":
            required = [p.describe() for p in self.parts if not p.optional]
            optional = [f"{p.count} {p.name}" for p in self.parts if p.optional]
            text = " : ".join(required)
            return f"{text} (per {', '.join(optional)})" if optional else text
        value = _number(self.value or 0.0, signed=self.unsigned in ("negative", "disagree"))
        text = f"{value} {self.unit}"
        slack = self.tolerance_of(self.value or 0.0)
        return f"{text} (±{_number(slack)} {self.unit})" if slack else text


@dataclass(frozen=True)
class Vocabulary:
    directions: tuple[tuple[str, Pattern], ...]
    not_directions: Pattern | None
    negations: Pattern | None
    negative: Pattern | None
    positive: Pattern | None


@dataclass(frozen=True)
class Invariants:
    path: str
    vocabulary: Vocabulary
    items: tuple[Invariant, ...]
    memo_safe: bool = False  # passages' results may be remembered (see memo.py)
    needs: Any = field(default=None, compare=False, repr=False)  # anchors.needed_words

    def __iter__(self) -> Iterator[Invariant]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def get(self, invariant_id: str) -> Invariant | None:
        return next((i for i in self.items if i.id == invariant_id), None)


@dataclass(frozen=True)
class Claim:
    """A sentence (or lead-in plus list) that states something about an invariant.

    `start`/`end` are 0-based offsets into the prose string the claim was found in (the YAML value,
    not the file); `quote` is that span as a reader sees it (Markdown and literal \\n removed,
    spaces collapsed); `value` is what the text states, `expected` what the invariant says.
    """

    invariant_id: str
    start: int
    end: int
    quote: str
    value: str
    agrees: bool
    expected: str


def _number(value: float, signed: bool = False) -> str:
    text = f"{value:g}"
    return f"+{text}" if signed and value > 0 else text
