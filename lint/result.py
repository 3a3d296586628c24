"""One file's result: its findings and what the corpus index needs of it."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .article import parse_article
from .corpus import IndexEntry, index_entry
from .diagnostic import Diagnostic
from .serialize import (
    diagnostics_from_json,
    entry_from_json,
    entry_from_plain,
    entry_to_plain,
    result_row,
    suppressions_from_json,
)

_UNSET = object()


class FileResult:
    """One file's findings and what the corpus index needs of it.

    `suppressions`: (first line, last line, codes, column, end column) of each comment;
    `claims`: [invariant id, agrees, value, expected, line, quote] of each factual claim.

    A result read from the cache, or sent back by a worker process, keeps its cache row (JSON
    text) and decodes a field only when something asks for it: a worker encodes the row while
    pickling the result (in parallel), so the main process neither encodes nor rebuilds objects
    for the many clean files; a warm run never decodes what it does not show.
    """

    __slots__ = ("_claims", "_diagnostics", "_entry", "_file", "_row", "_suppressions", "path")

    def __init__(self, path: str, diagnostics: list[Diagnostic], entry: IndexEntry | None = None,
                 suppressions: list | None = None, claims: list | None = None,
                 file: str | None = None) -> None:
        self.path, self._diagnostics, self._entry, self._file = path, diagnostics, entry, file
        self._suppressions = suppressions or []
        self._claims = claims or []
        self._row = None

    @classmethod
    def from_row(cls, path: str, row: tuple, file: str | None = None,
                 entry: IndexEntry | object | None = _UNSET) -> FileResult:
        """`row`: (diagnostics, suppressions, claims, entry, id key, url key, link targets) as
        result_row gives it; fields stay JSON until asked for."""
        res = cls.__new__(cls)
        res.path, res._file, res._row = path, file, tuple(row)
        res._diagnostics = _UNSET if row[0] is not None else []
        res._suppressions = _UNSET if row[1] is not None else []
        res._claims = _UNSET if row[2] is not None else []
        res._entry = entry if entry is not _UNSET or row[3] is not None else None
        return res

    def __reduce__(self):
        row = result_row(self)
        return _restore, (self.path, row, entry_to_plain(self.entry))

    def decode(self) -> FileResult:
        """Decode every field now (a cached row is checked before it is trusted); raises
        ValueError, KeyError, TypeError or IndexError on a corrupt row."""
        row = self._row
        if row is not None:
            if self._diagnostics is _UNSET:
                self._diagnostics = diagnostics_from_json(self.path, row[0])
            if self._suppressions is _UNSET:
                self._suppressions = suppressions_from_json(row[1])
            if self._claims is _UNSET:
                claims = json.loads(row[2])
                if not isinstance(claims, list):
                    raise ValueError("claims are a list")
                self._claims = claims
        return self

    @property
    def diagnostics(self) -> list[Diagnostic]:
        if self._diagnostics is _UNSET:
            self._diagnostics = diagnostics_from_json(self.path, self._row[0])
        return self._diagnostics

    @property
    def suppressions(self) -> list:
        if self._suppressions is _UNSET:
            self._suppressions = suppressions_from_json(self._row[1])
        return self._suppressions

    @property
    def claims(self) -> list:
        if self._claims is _UNSET:
            self._claims = json.loads(self._row[2])
        return self._claims

    @property
    def entry(self) -> IndexEntry | None:
        if self._entry is _UNSET:
            try:
                self._entry = entry_from_json(self.path, self._row[3])
            except (ValueError, TypeError, IndexError, KeyError) as err:
                print(f"qtlint: warning: discarding a corrupt cache entry for {self.path} ({err})",
                      file=sys.stderr)
                self._entry = read_entry(self._file or self.path, self.path)
        return self._entry

    @property
    def row(self) -> tuple:
        """The cache row (computed once)."""
        if self._row is None:
            self._row = result_row(self)
        return self._row


def _restore(path: str, row: tuple, plain: tuple | None) -> FileResult:
    return FileResult.from_row(path, row, entry=None if plain is None else entry_from_plain(path, plain))


def read_entry(path: str | Path, name: str) -> IndexEntry | None:
    """The index entry of a file read from disk (None when it cannot be read or parsed)."""
    try:
        with open(path, "rb") as fh:
            article = parse_article(name, fh.read()).article
    except OSError:
        return None
    return index_entry(article) if article is not None and article.data is not None else None
