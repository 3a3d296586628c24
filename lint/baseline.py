"""Baseline: adopt qtlint on content that already has findings.

A baseline file records today's findings so that only new ones are reported. An entry is
identified by (rule code, file path relative to root, flagged text, occurrence index) and
never by line or column, so a finding survives lines being added or removed above it.
The occurrence index tells apart identical findings in one file: the n-th finding (in
position order) with the same code and text matches entry n. Fixing one of three identical
findings therefore leaves one entry stale, which is what a count-based match should say.

The same identity gives SARIF its `partialFingerprints` (see `fingerprint`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lint.diagnostic import Diagnostic

BASELINE_VERSION = 1
_TOOL = "qtlint"
_FIELDS = {"code": str, "path": str, "text": str, "occurrence": int}


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file and what to do."""


@dataclass(frozen=True, slots=True, order=True)
class BaselineEntry:
    path: str  # relative to the root, '/' separators
    code: str
    text: str  # Diagnostic.text, or the message when the text is empty
    occurrence: int  # 0-based index among entries with the same path, code and text


@dataclass(frozen=True, slots=True)
class Baseline:
    path: str
    entries: frozenset[BaselineEntry]


def relative_path(path: str, root: str) -> str:
    """`path` relative to `root` with '/' separators. Relative paths are taken to be
    relative to `root` already; absolute ones outside `root` come out as '../...'."""
    if os.path.isabs(path):
        try:
            path = os.path.relpath(path, os.path.abspath(root))
        except ValueError:  # another drive on Windows: nothing to be relative to
            return path.replace(os.sep, "/")
    return os.path.normpath(path).replace(os.sep, "/")


def _key_text(diagnostic: Diagnostic) -> str:
    text = diagnostic.text or diagnostic.message
    return text.replace("\r\n", "\n").replace("\r", "\n")


def entries_for(diagnostics: Sequence[Diagnostic], root: str) -> list[BaselineEntry]:
    """One entry per diagnostic, in the order given. Occurrence indexes count in position
    order, so they do not depend on the order the diagnostics arrive in."""
    keyed = [
        (
            relative_path(d.path, root),
            d.code,
            _key_text(d),
            (d.line, d.column, d.end_line or 0, d.end_column or 0),
            i,
        )
        for i, d in enumerate(diagnostics)
    ]
    seen: dict[tuple[str, str, str], int] = defaultdict(int)
    result: list[BaselineEntry | None] = [None] * len(diagnostics)
    for path, code, text, _position, index in sorted(keyed, key=lambda k: (k[0], k[1], k[2], k[3], k[4])):
        occurrence = seen[(path, code, text)]
        seen[(path, code, text)] = occurrence + 1
        result[index] = BaselineEntry(path, code, text, occurrence)
    return [entry for entry in result if entry is not None]


def fingerprint(entry: BaselineEntry) -> str:
    """A stable hash of the entry (for SARIF `partialFingerprints`)."""
    payload = json.dumps([entry.code, entry.path, entry.text, entry.occurrence], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def write_baseline(
    path: str,
    diagnostics: Sequence[Diagnostic],
    root: str,
    *,
    checked_paths: Sequence[str] | None = None,
) -> int:
    """Write the baseline for `diagnostics` (all findings after suppressions, before any
    baseline) and return the number of entries. Findings that are gone leave the file.

    `checked_paths=None` means the run covered every file. When only some files were checked
    (explicit file names, --changed-since), pass them: the old entries of files that were not
    checked and still exist are kept."""
    entries = set(entries_for(diagnostics, root))
    if checked_paths is not None and os.path.exists(path):
        checked = {relative_path(p, root) for p in checked_paths}
        for entry in load_baseline(path).entries:
            if entry.path not in checked and os.path.exists(os.path.join(root, entry.path)):
                entries.add(entry)
    document = {
        "version": BASELINE_VERSION,
        "tool": _TOOL,
        "entries": [
            {"path": e.path, "code": e.code, "text": e.text, "occurrence": e.occurrence}
            for e in sorted(entries)
        ],
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    temporary = f"{path}.tmp{os.getpid()}"
    with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.replace(temporary, path)  # never leave a half-written baseline behind
    return len(entries)


def load_baseline(path: str) -> Baseline:
    """Read a baseline file; any problem is a BaselineError that says how to recover."""
    advice = (
        f"regenerate it with `qtlint check --baseline {path} --update-baseline`, "
        "or restore it from version control"
    )
    try:
        with open(path, encoding="utf-8") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise BaselineError(
            f"baseline file {path} does not exist; "
            f"create it with `qtlint check --baseline {path} --update-baseline`"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"baseline file {path} cannot be read ({error}); {advice}") from None
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as error:
        raise BaselineError(
            f"baseline file {path} is not valid JSON "
            f"(line {error.lineno}, column {error.colno}: {error.msg}); {advice}"
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise BaselineError(f"baseline file {path} is not a qtlint baseline (no 'entries' list); {advice}")
    version = document.get("version")
    if version != BASELINE_VERSION:
        raise BaselineError(
            f"baseline file {path} has version {version!r}, "
            f"this qtlint reads version {BASELINE_VERSION}; {advice}"
        )
    return Baseline(
        path, frozenset(_entry(path, i, item, advice) for i, item in enumerate(document["entries"]))
    )


def _entry(path: str, index: int, item: object, advice: str) -> BaselineEntry:
    if not isinstance(item, dict):
        raise BaselineError(f"baseline file {path}: entry {index} is not an object; {advice}")
    for name, kind in _FIELDS.items():
        value = item.get(name)
        # bool is an int in Python, but `true` is not an occurrence index
        if not isinstance(value, kind) or isinstance(value, bool) or (kind is int and value < 0):
            raise BaselineError(f"baseline file {path}: entry {index} has no valid '{name}'; {advice}")
    return BaselineEntry(item["path"], item["code"], item["text"], item["occurrence"])


def apply_baseline(
    diagnostics: Sequence[Diagnostic],
    baseline: Baseline,
    root: str,
    *,
    checked_paths: Iterable[str] | None = None,
) -> tuple[list[Diagnostic], int, list[BaselineEntry]]:
    """Drop the diagnostics recorded in the baseline.

    Returns (kept diagnostics in their original order, number matched, stale entries sorted).
    A stale entry is a recorded finding that no longer occurs. When only some files were
    checked, pass `checked_paths` so entries of unchecked files are not called stale."""
    kept: list[Diagnostic] = []
    matched: set[BaselineEntry] = set()
    for diagnostic, entry in zip(diagnostics, entries_for(diagnostics, root), strict=True):
        if entry in baseline.entries:
            matched.add(entry)
        else:
            kept.append(diagnostic)
    stale = baseline.entries - matched
    if checked_paths is not None:
        checked = {relative_path(p, root) for p in checked_paths}
        stale = {entry for entry in stale if entry.path in checked}
    return kept, len(diagnostics) - len(kept), sorted(stale)
