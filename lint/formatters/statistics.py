"""Counts per rule, like `ruff check --statistics`.

Text: one line per rule, `count<TAB>code<TAB>[*] name` where `[*]` marks rules with at
least one finding that `--fix` can repair (a safe fix) and `[ ]` the others; most frequent
first. JSON: the same rows as objects with ruff's field names.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from lint.diagnostic import Applicability, Diagnostic, RuleInfo


@dataclass(frozen=True, slots=True)
class RuleCount:
    code: str
    name: str
    count: int
    fixable: bool
    fixable_count: int


def count_rules(diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo]) -> list[RuleCount]:
    """One row per rule that has findings, most frequent first, then by code."""
    counts: dict[str, int] = {}
    fixable: dict[str, int] = {}
    first_message: dict[str, str] = {}
    for diagnostic in diagnostics:
        counts[diagnostic.code] = counts.get(diagnostic.code, 0) + 1
        first_message.setdefault(
            diagnostic.code, diagnostic.message.splitlines()[0] if diagnostic.message else ""
        )
        safe = diagnostic.fix is not None and diagnostic.fix.applicability == Applicability.SAFE
        fixable[diagnostic.code] = fixable.get(diagnostic.code, 0) + int(safe)
    rows = []
    for code, count in counts.items():
        rule = rules.get(code)
        name = rule.name if rule is not None else first_message[code]
        rows.append(RuleCount(code, name, count, fixable[code] > 0, fixable[code]))
    return sorted(rows, key=lambda row: (-row.count, row.code))


def render(
    diagnostics: Sequence[Diagnostic],
    rules: Mapping[str, RuleInfo],
    *,
    tool_version: str = "",
    root: str = ".",
    sources: Mapping[str, str] | None = None,
    checked_paths: Sequence[str] = (),
    **_presentation: object,  # colour, show_source, ...: options of other formats
) -> str:
    rows = count_rules(diagnostics, rules)
    if not rows:
        return ""
    count_width = max(len(str(row.count)) for row in rows)
    code_width = max(len(row.code) for row in rows)
    lines = []
    for row in rows:
        marker = "[*]" if row.fixable else "[ ]"
        lines.append(f"{row.count:>{count_width}}\t{row.code:<{code_width}}\t{marker} {row.name}\n")
    return "".join(lines)


def render_json(
    diagnostics: Sequence[Diagnostic],
    rules: Mapping[str, RuleInfo],
    *,
    tool_version: str = "",
    root: str = ".",
    sources: Mapping[str, str] | None = None,
    checked_paths: Sequence[str] = (),
    **_presentation: object,  # colour, show_source, ...: options of other formats
) -> str:
    rows = [asdict(row) for row in count_rules(diagnostics, rules)]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
