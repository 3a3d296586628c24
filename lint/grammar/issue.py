"""What every grammar backend returns, and the interface it implements."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Kind = Literal["spelling", "grammar"]
# Both backends keep at most this many suggestions (LanguageTool can return forty).
MAX_SUGGESTIONS = 5


class GrammarBackendUnavailable(RuntimeError):
    """The chosen checker cannot run (LanguageTool server unreachable, no local LanguageTool).

    The CLI turns this into exit code 2: a chosen checker is never skipped silently.
    """


@dataclass(frozen=True)
class GrammarIssue:
    """One finding, positioned in the *source* string that was passed to `check`.

    `start`/`end` are 0-based offsets into that string (end exclusive). `flagged` is the text the
    checker flagged (in the plain text it saw: markup removed, mojibake repaired); it equals
    `source[start:end]` whenever that span holds no markup. Every suggestion *replaces* the
    flagged span (Harper's "remove" and "insert after" suggestions are rewritten that way).
    `rule` is the checker's own rule name (Harper: "SpellCheck", "AnA"; LanguageTool:
    "MORFOLOGIK_RULE_EN_US", "EN_A_VS_AN"), the name used to disable it.
    `kind` is "spelling" when the checker's dictionary does not know the word, else "grammar".
    """

    start: int
    end: int
    rule: str
    message: str
    flagged: str
    suggestions: tuple[str, ...]
    kind: Kind

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.rule)

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "message": self.message,
            "flagged": self.flagged,
            "suggestions": list(self.suggestions),
            "kind": self.kind,
        }

    @classmethod
    def from_json(cls, data: dict) -> GrammarIssue:
        kind = data["kind"]
        if kind not in ("spelling", "grammar"):
            raise ValueError(f"unknown kind {kind!r}")
        return cls(
            start=int(data["start"]),
            end=int(data["end"]),
            rule=str(data["rule"]),
            message=str(data["message"]),
            flagged=str(data["flagged"]),
            suggestions=tuple(str(s) for s in data["suggestions"]),
            kind=kind,
        )


class GrammarBackend(Protocol):
    """A grammar checker. The four attributes together identify its results for the cache."""

    name: str  # "harper" or "languagetool"
    version: str  # backend_version: the checker's own version
    dictionary_digest: str  # sha256 of the accepted words it was given
    rule_settings: str  # canonical text of its settings (disabled rules, dialect/language)

    def check(self, text: str) -> list[GrammarIssue]:
        """Check one prose field (source string as YAML gives it); offsets are source offsets."""
        ...

    def check_many(self, texts: Sequence[str]) -> list[list[GrammarIssue]]:
        """Check several fields in one call (cheaper); one issue list per text, in order."""
        ...


def unambiguous_fix(issue: GrammarIssue, source: str) -> str | None:
    """The replacement for source[issue.start:issue.end] when it is safe to offer, else None.

    Offered only when the checker gave exactly one suggestion and the flagged span is plain
    text in the source (no markup or escape inside it, so replacing it cannot break Markdown).
    """
    if len(issue.suggestions) != 1:
        return None
    if source[issue.start : issue.end] != issue.flagged:
        return None
    return issue.suggestions[0]
