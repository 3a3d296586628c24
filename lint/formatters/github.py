"""GitHub Actions workflow commands (`::error file=…,line=…::message`), one per finding.

Escaping follows @actions/core `command.ts`: the message escapes % CR LF, property values
also escape : and , (the runner decodes exactly these, `%25` last). Columns are only sent
for single-line ranges, because the runner drops them otherwise; `endColumn` is the
exclusive end column, as ruff's `github` format sends it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lint.baseline import relative_path
from lint.diagnostic import Diagnostic, RuleInfo, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(
    diagnostics: Sequence[Diagnostic],
    rules: Mapping[str, RuleInfo],
    *,
    tool_version: str,
    root: str,
    sources: Mapping[str, str] | None = None,
    checked_paths: Sequence[str] = (),
    **_presentation: object,  # colour, show_source, ...: options of other formats
) -> str:
    ordered = sorted(diagnostics, key=lambda d: (relative_path(d.path, root), d.sort_key()))
    lines = [command(d, rules.get(d.code), root) for d in ordered]
    return "".join(line + "\n" for line in lines)


def command(diagnostic: Diagnostic, rule: RuleInfo | None, root: str) -> str:
    """One workflow command line (without the newline)."""
    properties = [("file", relative_path(diagnostic.path, root))]
    properties += [(name, str(value)) for name, value in _position(diagnostic)]
    title = f"qtlint {diagnostic.code}" + (f" ({rule.name})" if rule is not None else "")
    properties.append(("title", title))
    message = diagnostic.message
    if diagnostic.fix is not None and diagnostic.fix.message:
        message += f"\nFix ({diagnostic.fix.applicability.value}): {diagnostic.fix.message}"
    rendered = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::{COMMANDS[Severity(diagnostic.severity)]} {rendered}::{escape_data(message)}"


def _position(diagnostic: Diagnostic) -> list[tuple[str, int]]:
    """line/endLine/col/endColumn in the combinations the runner keeps (ValidateLinesAndColumns)."""
    if diagnostic.line < 1:
        return []
    # an end before the start would make the runner drop both lines
    end_line = max(
        diagnostic.end_line if diagnostic.end_line is not None else diagnostic.line, diagnostic.line
    )
    position = [("line", diagnostic.line), ("endLine", end_line)]
    if end_line == diagnostic.line and diagnostic.column >= 1:
        position.append(("col", diagnostic.column))
        if diagnostic.end_column is not None and diagnostic.end_column >= diagnostic.column:
            position.append(("endColumn", diagnostic.end_column))
    return position
