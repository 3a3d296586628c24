"""Values every part of qtlint passes around: diagnostics, text edits and fixes.

Positions inside the program are 0-based character offsets into the decoded file text
(after a UTF-8 BOM is removed). Line and column are 1-based and computed at the edge
(formatters, JSON) from the Article's line table.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Applicability(str, enum.Enum):
    """How safe a fix is (ruff's three levels)."""

    SAFE = "safe"  # applied by --fix
    UNSAFE = "unsafe"  # applied only with --unsafe-fixes
    DISPLAY_ONLY = "display-only"  # shown, never applied


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] (character offsets in the decoded file text) with `content`."""

    start: int
    end: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    message: str = ""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding. `line`/`column` are 1-based; `end_line`/`end_column` are 1-based and
    exclusive-end style like ruff's (the column just after the last flagged character)."""

    path: str
    line: int
    column: int
    code: str
    message: str
    severity: Severity = Severity.ERROR
    end_line: int | None = None
    end_column: int | None = None
    fix: Fix | None = None
    # the flagged text; used for baseline fingerprints that survive line shifts
    text: str = ""
    # free-form extra data for formatters (e.g. grammar suggestions); never affects identity
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.code, self.message)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What a formatter or `qtlint rules` needs to know about a rule (no behaviour)."""

    code: str  # stable for ever, e.g. "S001"
    name: str  # kebab-case, e.g. "schema-violation"
    category: str  # parse, schema, slug, reference, encoding, facts, grammar
    severity: Severity  # default severity
    fixable: bool
    summary: str  # one line
    doc: str = ""  # full documentation (What it does / Why is this bad? / Example / Use instead / Fix safety)
