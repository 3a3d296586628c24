"""Findings about qtlint's own inputs (Q-codes, P011, R900): documented here."""
from __future__ import annotations

from ..diagnostic import RuleInfo, Severity
from .base import rule_info

_DOCS = {
    "P011": ("unreadable-file", "parse", Severity.ERROR, "The file could not be read (missing, a directory, no permission).",
             "Nothing in it can be checked.", "check that the file exists and is readable"),
    "R900": ("published-index-invalid", "reference", Severity.ERROR,
             "The published-articles index (`published-index`) cannot be read, or has a bad row.",
             "Without it every link to an article outside this repository looks dangling.",
             "fix the CSV/JSON file or the `published-index` setting"),
    "Q001": ("unused-suppression", "qtlint", Severity.WARNING,
             "A `# qtlint: ignore[CODE]` comment suppresses nothing.",
             "Stale suppressions hide future findings on that line for no reason.",
             "remove the code from the comment (or the whole comment)"),
    "Q002": ("stale-baseline-entry", "qtlint", Severity.INFO,
             "A baseline entry matches no current finding (it was fixed).",
             "The baseline should shrink as findings are fixed; `--update-baseline` drops the entry.",
             "run `qtlint check --baseline FILE --update-baseline`"),
    "Q900": ("internal-error", "qtlint", Severity.ERROR, "A rule crashed on this file (a qtlint bug).",
             "The file was not fully checked.", "report it with the file attached"),
}


def _doc(summary: str, why: str, action: str) -> str:
    return (f"{summary}\n\n## What it does\nReported by qtlint about its inputs rather than an article's "
            f"content.\n\n## Why is this bad?\n{why}\n\n## Example\n```text\n{summary}\n```\n\n"
            f"## Use instead\n{action[0].upper() + action[1:]}.\n")


INFOS: tuple[RuleInfo, ...] = tuple(
    rule_info(code, name, category, sev, doc=_doc(summary, why, action))
    for code, (name, category, sev, summary, why, action) in _DOCS.items()
)
