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


def result_to_row(result) -> tuple[str | None, str | None, str | None, str | None]:
    """A per-file result as four JSON columns (diagnostics, index entry, suppressions, claims);
    the common clean file stores its entry and NULLs."""
    entry = result.entry
    diags = (json.dumps([diagnostic_to_dict(d) for d in result.diagnostics], separators=(",", ":"),
                        default=str) if result.diagnostics else None)
    entry_json = None if entry is None else json.dumps(
        [entry.id, entry.title, entry.subject, entry.url, [list(link) for link in entry.links],
         list(entry.hashes)], separators=(",", ":"), default=str)
    supp = (json.dumps([[a, b, list(c), s, e] for a, b, c, s, e in result.suppressions])
            if result.suppressions else None)
    claims = json.dumps(result.claims, ensure_ascii=False) if result.claims else None
    return diags, entry_json, supp, claims


def result_from_row(name: str, diags: str | None, entry: str | None, supp: str | None,
                    claims: str | None = None, file: str | None = None):
    from .result import FileResult

    diagnostics = []
    if diags is not None:
        diagnostics = [diagnostic_from_dict({**d, "path": name}) for d in json.loads(diags)]
    suppressions = []
    if supp is not None:
        suppressions = [(a, b, tuple(c), s, e) for a, b, c, s, e in json.loads(supp)]
    return FileResult(name, diagnostics, None, suppressions,
                      json.loads(claims) if claims is not None else [], entry_json=entry, file=file)


def entry_from_json(name: str, text: str):
    from .corpus import IndexEntry, Link

    e = json.loads(text)
    return IndexEntry(name, e[0], e[1], e[2], e[3], tuple(Link(*link) for link in e[4]), False, tuple(e[5]))
