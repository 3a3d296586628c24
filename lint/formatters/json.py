"""`--output-format json`: a JSON array of diagnostics (a stable contract for other tools).

Each object has path, line, column, end_line, end_column (1-based), code, severity, message,
name, category, text (the flagged text) and fix: null, or {applicability, message, edits} where
each edit has `start`/`end` (0-based character offsets into the file's text after any BOM),
`content`, and, when the source is at hand, 1-based `location`/`end_location` {row, column}.
"""
from __future__ import annotations

import bisect
import json as _json
from collections.abc import Mapping, Sequence

from ..article import line_starts_of
from ..diagnostic import Diagnostic, RuleInfo
from ..serialize import diagnostic_to_dict


def render(diagnostics: Sequence[Diagnostic], rules: Mapping[str, RuleInfo], *,
           sources: Mapping[str, str] | None = None, **_: object) -> str:
    items = []
    for d in diagnostics:
        item = diagnostic_to_dict(d)
        info = rules.get(d.code)
        item["name"] = info.name if info else d.code
        item["category"] = info.category if info else "qtlint"
        if d.fix is not None and sources is not None:
            starts = line_starts_of(sources[d.path])
            for edit in item["fix"]["edits"]:
                edit["location"] = _row_col(starts, edit["start"])
                edit["end_location"] = _row_col(starts, edit["end"])
        if not item["extra"]:
            del item["extra"]
        items.append(item)
    return _json.dumps(items, indent=2, ensure_ascii=False) + "\n"


def _row_col(starts: tuple[int, ...], offset: int) -> dict:
    row = bisect.bisect_right(starts, offset)
    return {"row": row, "column": offset - starts[row - 1] + 1}
