"""SARIF 2.1.0 output (OASIS errata01 schema), e.g. for GitHub code scanning.

Columns: qtlint counts columns in Unicode code points (Python string indexes), while SARIF's
default `columnKind` is UTF-16 code units. The run therefore says `"columnKind":
"unicodeCodePoints"` instead of converting. `endColumn` is exclusive in both conventions
(the column just after the region), so it passes through unchanged.

Paths: relative paths are written as relative URIs against the `%SRCROOT%` base, which
`originalUriBaseIds` maps to the file URI of `root`; a file outside `root` gets its own
absolute file URI.
"""

from __future__ import annotations

import bisect
import importlib.metadata
import json
import os
import pathlib
import urllib.parse
from collections.abc import Mapping, Sequence

from lint.article import line_starts_of
from lint.baseline import entries_for, fingerprint, relative_path
from lint.diagnostic import Diagnostic, Fix, RuleInfo, Severity

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
ROOT_BASE_ID = "%SRCROOT%"
FINGERPRINT_KEY = "qtlint/v1"
PRETTY_LIMIT = 1000
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


class LineTable:
    """0-based character offsets to 1-based line and column (code points).

    Lines end at LF, exactly as in the Article that produced the diagnostics, so a fix's
    regions agree with its result's region. For LF and CR LF files this is SARIF's own
    definition; only a lone CR (which SARIF also counts as a line end) differs."""

    def __init__(self, text: str) -> None:
        self.starts = line_starts_of(text)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int | None:
        if not 1 <= line <= len(self.starts):
            return None
        return self.starts[line - 1] + column - 1


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
    log = build_log(diagnostics, rules, tool_version=tool_version, root=root, sources=sources)
    # indented for people reading a small log; compact (and ten times faster to write) for a big one
    indent = 2 if len(diagnostics) <= PRETTY_LIMIT else None
    separators = None if indent else (",", ":")
    return json.dumps(log, indent=indent, separators=separators, ensure_ascii=False) + "\n"


def build_log(
    diagnostics: Sequence[Diagnostic],
    rules: Mapping[str, RuleInfo],
    *,
    tool_version: str,
    root: str,
    sources: Mapping[str, str] | None = None,
) -> dict:
    """The SARIF log as a JSON-ready dict."""
    codes = sorted(set(rules) | {d.code for d in diagnostics})
    index_of = {code: i for i, code in enumerate(codes)}
    fingerprints = [fingerprint(entry) for entry in entries_for(diagnostics, root)]
    line_tables: dict[str, LineTable] = {}
    results = []
    order = sorted(
        range(len(diagnostics)),
        key=lambda i: (relative_path(diagnostics[i].path, root), diagnostics[i].sort_key()),
    )
    for index in order:
        diagnostic = diagnostics[index]
        source = _source(sources if sources is not None else {}, diagnostic.path, root)
        table = line_tables.get(diagnostic.path)
        if table is None and source is not None:
            table = line_tables[diagnostic.path] = LineTable(source)
        result = _result(diagnostic, index_of[diagnostic.code], root, source, table)
        result["partialFingerprints"] = {FINGERPRINT_KEY: fingerprints[index]}
        results.append(result)
    driver: dict = {"name": "qtlint", "version": tool_version}
    information_uri = project_uri()
    if information_uri:
        driver["informationUri"] = information_uri
    driver["rules"] = [_rule(code, rules.get(code)) for code in codes]
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {ROOT_BASE_ID: {"uri": _directory_uri(root)}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _result(
    diagnostic: Diagnostic, rule_index: int, root: str, source: str | None, table: LineTable | None
) -> dict:
    location = _artifact_location(diagnostic.path, root)
    region = _region(diagnostic)
    if source is not None and table is not None and "endColumn" in region:
        start = table.offset(region["startLine"], region["startColumn"])
        end = table.offset(region.get("endLine", region["startLine"]), region["endColumn"])
        if start is not None and end is not None and start <= end <= len(source):
            region["snippet"] = {"text": source[start:end]}
    result: dict = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": LEVELS[Severity(diagnostic.severity)],
        "message": {"text": diagnostic.message},
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
    }
    fix = diagnostic.fix
    # edits past the end mean the text is not the one the fix was made for: no fix beats a wrong one
    if (
        fix is not None
        and fix.edits
        and source is not None
        and table is not None
        and max(edit.end for edit in fix.edits) <= len(source)
    ):
        result["fixes"] = [_fix(fix, location, table)]
    return result


def project_uri() -> str | None:
    """The project's web address from the installed package metadata ([project.urls])."""
    try:
        metadata = importlib.metadata.metadata("qtlint")
    except importlib.metadata.PackageNotFoundError:
        return None
    for entry in metadata.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in {"homepage", "repository", "source", "documentation"} and url.strip():
            return url.strip()
    return metadata.get("Home-page") or None


def _rule(code: str, info: RuleInfo | None) -> dict:
    if info is None:  # a code without metadata (should not happen, but the log must stay valid)
        return {"id": code}
    doc = info.doc.strip() or info.summary
    return {
        "id": code,
        "name": info.name,
        "shortDescription": {"text": info.summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS[Severity(info.severity)]},
        "properties": {"category": info.category, "fixable": info.fixable, "tags": [info.category]},
    }


def _region(diagnostic: Diagnostic) -> dict:
    region = {"startLine": max(diagnostic.line, 1), "startColumn": max(diagnostic.column, 1)}
    if diagnostic.end_line is not None and diagnostic.end_line >= region["startLine"]:
        region["endLine"] = diagnostic.end_line
    if diagnostic.end_column is not None and diagnostic.end_column >= 1:
        end_line = region.get("endLine", region["startLine"])
        if end_line > region["startLine"] or diagnostic.end_column >= region["startColumn"]:
            region["endColumn"] = diagnostic.end_column
    return region


def _fix(fix: Fix, location: dict, table: LineTable) -> dict:
    replacements = []
    for edit in sorted(fix.edits, key=lambda e: (e.start, e.end)):
        start_line, start_column = table.position(edit.start)
        end_line, end_column = table.position(edit.end)
        deleted = {
            "startLine": start_line,
            "startColumn": start_column,
            "endLine": end_line,
            "endColumn": end_column,
        }
        replacements.append({"deletedRegion": deleted, "insertedContent": {"text": edit.content}})
    description = fix.message or "Apply the qtlint fix"
    return {
        "description": {"text": description},
        "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
        "properties": {"applicability": fix.applicability.value},
    }


def _source(sources: Mapping[str, str], path: str, root: str) -> str | None:
    # subscripts, not .get(): a dict subclass that reads files in __missing__ is welcome here
    for key in (path, relative_path(path, root)):
        try:
            return sources[key]
        except KeyError:
            continue
    return None


def _artifact_location(path: str, root: str) -> dict:
    relative = relative_path(path, root)
    if os.path.isabs(relative) or relative == ".." or relative.startswith("../"):
        return {"uri": pathlib.Path(os.path.abspath(os.path.join(root, path))).as_uri()}
    return {"uri": urllib.parse.quote(relative, safe="/"), "uriBaseId": ROOT_BASE_ID}


def _directory_uri(root: str) -> str:
    uri = pathlib.Path(os.path.abspath(root)).as_uri()
    return uri if uri.endswith("/") else uri + "/"
