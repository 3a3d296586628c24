"""Inline suppressions: a YAML comment `# qtlint: ignore[CODE, ...] reason` on the offending line.

A comment on a key's line covers that key's whole value (a folded `answer: >-  # qtlint: ...`
covers the answer's lines below it). Unused suppressions are reported (Q001), as ruff's RUF100.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from .article import Article
from .diagnostic import Diagnostic, RuleInfo, Severity

PATTERN = re.compile(r"#\s*qtlint:\s*ignore\[([A-Za-z0-9_, -]+)\]")


def find_suppressions(article: Article) -> list[tuple[int, int, tuple[str, ...], int, int]]:
    """(first line, last line, codes, comment column, comment end column), 1-based, for each
    suppression comment."""
    if article.raw.find(b"qtlint:") == -1:  # the bytes: a far quicker search than the text's (and
        # find, not `in`: `in` first tries the needle as an int, raising and clearing a TypeError)
        return []
    text = article.text
    fm_start, fm_end = article.front_matter_start, article.front_matter_end
    if text.find("qtlint:", fm_start, fm_end) == -1:
        return []
    string_spans = [loc.content_span() for loc in article.positions.values()
                    if isinstance(loc._value, str)]
    key_lines: dict[int, int] = {}
    for loc in article.positions.values():
        first = article.line_col(loc.key_start)[0]
        last = article.line_col(max(loc.end - 1, loc.start))[0]
        key_lines[first] = max(key_lines.get(first, first), last)
    out = []
    for m in PATTERN.finditer(text, fm_start, fm_end):
        start = m.start()
        if any(s <= start < e for s, e in string_spans):
            continue  # the text is inside a value, not a comment
        line = article.line_col(start)[0]
        codes = tuple(c.strip().upper() for c in m.group(1).split(",") if c.strip())
        out.append((line, key_lines.get(line, line), codes, article.line_col(start)[1],
                    article.line_col(m.end())[1]))
    return out


def apply_suppressions(diagnostics: list[Diagnostic], suppressions: Mapping[str, list],
                       targets: set[str], selection, rules: Mapping[str, RuleInfo]) -> list[Diagnostic]:
    kept: list[Diagnostic] = []
    used: set[tuple[str, int, str]] = set()
    by_path: dict[str, list] = {p: s for p, s in suppressions.items() if s}
    for d in diagnostics:
        hit = None
        for first, last, codes, _s, _e in by_path.get(d.path, ()):
            if first <= d.line <= last:
                code = next((c for c in codes if d.code.startswith(c)), None)
                if code is not None:
                    hit = (d.path, first, code)
                    break
        if hit is None:
            kept.append(d)
        else:
            used.add(hit)
    if not selection.enabled("Q001"):
        return kept
    for path, items in by_path.items():
        if path not in targets:
            continue
        for first, _last, codes, column, end_column in items:
            for code in codes:
                if (path, first, code) in used:
                    continue
                known = [c for c in rules if c.startswith(code)]
                if known and not any(selection.enabled(c) for c in known):
                    continue  # the rule did not run: we cannot tell whether it is needed
                why = "no such rule" if not known else "no finding of it on this line"
                kept.append(Diagnostic(
                    path=path, line=first, column=column, end_line=first, end_column=end_column,
                    code="Q001", severity=Severity.WARNING,
                    message=f"unused suppression `{code}` ({why}): remove it from the comment",
                    text=code))
    return kept
