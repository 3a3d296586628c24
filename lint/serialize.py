"""Diagnostics and per-file results to and from JSON (the JSON output and the cache share it)."""
from __future__ import annotations

import json
from typing import Any

from .diagnostic import Applicability, Diagnostic, Edit, Fix, Severity


def fix_to_dict(fix: Fix | None) -> dict | None:
    if fix is None:
        return None
    return {"applicability": fix.applicability.value, "message": fix.message,
            "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in fix.edits]}


def fix_from_dict(data: dict | None) -> Fix | None:
    if data is None:
        return None
    return Fix(tuple(Edit(e["start"], e["end"], e["content"]) for e in data["edits"]),
               Applicability(data["applicability"]), data.get("message", ""))


def diagnostic_to_dict(d: Diagnostic) -> dict[str, Any]:
    return {"path": d.path, "line": d.line, "column": d.column, "end_line": d.end_line,
            "end_column": d.end_column, "code": d.code, "severity": d.severity.value,
            "message": d.message, "fix": fix_to_dict(d.fix), "text": d.text, "extra": d.extra}


def diagnostic_from_dict(data: dict) -> Diagnostic:
    return Diagnostic(path=data["path"], line=data["line"], column=data["column"], code=data["code"],
                      message=data["message"], severity=Severity(data["severity"]),
                      end_line=data.get("end_line"), end_column=data.get("end_column"),
                      fix=fix_from_dict(data.get("fix")), text=data.get("text", ""),
                      extra=data.get("extra") or {})


def result_to_json(result) -> str:
    entry = result.entry
    return json.dumps({
        "path": result.path,
        "diagnostics": [diagnostic_to_dict(d) for d in result.diagnostics],
        "entry": None if entry is None else [entry.path, entry.id, entry.title, entry.subject,
                                             entry.url, [list(link) for link in entry.links]],
        "suppressions": [[a, b, list(c), s, e] for a, b, c, s, e in result.suppressions],
    }, separators=(",", ":"), default=str)


def result_from_json(text: str):
    from .corpus import IndexEntry, Link
    from .engine import FileResult

    data = json.loads(text)
    entry = data["entry"]
    if entry is not None:
        entry = IndexEntry(entry[0], entry[1], entry[2], entry[3], entry[4],
                           tuple(Link(*link) for link in entry[5]))
    return FileResult(
        path=data["path"],
        diagnostics=[diagnostic_from_dict(d) for d in data["diagnostics"]],
        entry=entry,
        suppressions=[(a, b, tuple(c), s, e) for a, b, c, s, e in data["suppressions"]],
    )
