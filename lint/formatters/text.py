"""`--output-format text`: ruff-like `path:line:col: CODE message`, the source line with a caret,
colour only on a terminal, and a closing summary line."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..diagnostic import Applicability, Diagnostic, RuleInfo, Severity

WINDOW = 100  # characters of a long source line shown around the finding

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, RESET, CYAN = "\033[1m", "\033[0m", "\033[36m"


def render(diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo], *,
           sources: Mapping[str, str] | None = None, colour: bool = False, show_source: bool = True,
           **_: object) -> str:
    def c(code: str, s: str) -> str:
        return f"{code}{s}{RESET}" if colour else s

    lines: list[str] = []
    for d in diagnostics:
        fixable = " [*]" if d.fix is not None and d.fix.applicability == Applicability.SAFE else ""
        head = (f"{c(BOLD, d.path)}{c(CYAN, ':')}{d.line}{c(CYAN, ':')}{d.column}{c(CYAN, ':')} "
                f"{c(BOLD + _COLOURS[d.severity.value], d.code)}{fixable} {d.message}")
        lines.append(head)
        if show_source and sources is not None:
            lines.extend(_snippet(d, sources[d.path], c))
    lines.append(summary(diagnostics, c))
    return "\n".join(lines) + "\n"


def _snippet(d: Diagnostic, text: str, c) -> list[str]:
    all_lines = text.splitlines()
    if not (1 <= d.line <= len(all_lines)):
        return []
    src = all_lines[d.line - 1].rstrip("\r")
    col = d.column - 1
    end = (d.end_column - 1) if d.end_line == d.line and d.end_column else col + 1
    end = max(end, col + 1)
    start_cut = max(0, col - WINDOW // 2) if len(src) > WINDOW else 0
    shown = src[start_cut:start_cut + WINDOW] if len(src) > WINDOW else src
    prefix = "…" if start_cut > 0 else ""
    suffix = "…" if start_cut + WINDOW < len(src) and len(src) > WINDOW else ""
    width = len(str(d.line))
    pad = " " * (col - start_cut + len(prefix))
    carets = "^" * max(1, min(end, start_cut + WINDOW) - col)
    gutter = c(CYAN, " " * width + " |")
    return [gutter, f"{c(CYAN, str(d.line) + ' |')} {prefix}{shown}{suffix}",
            f"{gutter} {pad}{c(_COLOURS[d.severity.value], carets)}", ""]


def summary(diagnostics: Sequence[Diagnostic], c=lambda code, s: s) -> str:
    if not diagnostics:
        return c(BOLD, "All checks passed!")
    counts = {s: sum(1 for d in diagnostics if d.severity == s) for s in Severity}
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    fixable = sum(1 for d in diagnostics if d.fix is not None and d.fix.applicability == Applicability.SAFE)
    unsafe = sum(1 for d in diagnostics if d.fix is not None and d.fix.applicability == Applicability.UNSAFE)
    text = f"Found {len(diagnostics)} finding{'s' if len(diagnostics) != 1 else ''} ({', '.join(parts)})."
    if fixable:
        text += f"\n[*] {fixable} fixable with `qtlint check --fix`."
    if unsafe:
        text += f"\n{unsafe} more fixable with `--fix --unsafe-fixes`."
    return c(BOLD, text)
