"""The published-articles index: articles on the site but not in this repository.

CSV or JSON rows of id, title, subject, url, path; a related link may point at one of them.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from .corpus import IndexEntry, make_entry
from .diagnostic import Diagnostic


def load_published(path: Path | None, text: str | None = None
                   ) -> tuple[dict[object, IndexEntry], list[Diagnostic]]:
    """The index's entries by id, and its problems (R900). `text`: the file's content, when
    the caller has already read it."""
    if path is None:
        return {}, []
    name = str(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            return {}, [Diagnostic(path=name, line=1, column=1, code="R900",
                                   message=f"cannot read the published-articles index: {err}; fix "
                                           "`published-index` in [tool.qtlint]")]
    rows: list[tuple[int, dict]] = []
    problems: list[Diagnostic] = []
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
            if not isinstance(data, list):
                raise ValueError("expected a JSON array of objects")
            rows = [(1, r) for r in data if isinstance(r, dict)]
        except ValueError as err:
            return {}, [Diagnostic(path=name, line=1, column=1, code="R900",
                                   message=f"invalid published-articles index: {err}")]
    else:
        lines = text.splitlines(keepends=True)
        data_lines = [(i + 1, ln) for i, ln in enumerate(lines) if not ln.lstrip().startswith("#")]
        reader = csv.DictReader(ln for _, ln in data_lines)
        for (lineno, _), row in zip(data_lines[1:], reader):
            rows.append((lineno, row))
    out: dict[object, IndexEntry] = {}
    for lineno, row in rows:
        try:
            article_id = int(row.get("id", ""))
        except (TypeError, ValueError):
            problems.append(Diagnostic(path=name, line=lineno, column=1, code="R900",
                                       message=f"row without a numeric id: {row!r}"))
            continue
        out[article_id] = make_entry(str(row.get("path") or name), article_id, row.get("title"),
                                     row.get("subject"), row.get("url"), (), True)
    return out, problems
