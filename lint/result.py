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
    make_row,
    sealed,
    suppressions_from_json,
)

_new = tuple.__new__


class FileResult(tuple):
    """One file's findings and what the corpus index needs of it.

    `suppressions`: (first line, last line, codes, column, end column) of each comment;
    `claims`: [invariant id, agrees, value, expected, line, quote] of each factual claim.

    The tuple is (path, cache row or None); fields are decoded from the row only when asked for.
    A worker encodes the row while pickling a result (in parallel), and the main process rebuilds
    it without a Python call (a tuple): it neither encodes nor decodes anything for the many clean
    files, and a warm run never decodes what it does not show.
    """

    def __new__(cls, path: str, diagnostics: list[Diagnostic], entry: IndexEntry | None = None,
                suppressions: list | None = None, claims: list | None = None,
                file: str | None = None) -> FileResult:
        self = _new(cls, (path, None))
        d = self.__dict__
        d["_diagnostics"], d["_entry"], d["_file"] = diagnostics, entry, file
        d["_suppressions"], d["_claims"] = suppressions or [], claims or []
        return self

    @classmethod
    def from_row(cls, path: str, row: tuple, file: str | None = None) -> FileResult:
        """`row`: as serialize.result_row gives it; fields stay JSON until asked for."""
        self = _new(cls, (path, tuple(row)))
        self.__dict__["_file"] = file
        return self

    def __reduce__(self):  # (path, cache row): the main process decodes only what it shows
        return _new, (FileResult, (self[0], self.row))

    @property
    def path(self) -> str:
        return self[0]

    def has_content(self) -> bool:
        """Whether it has findings or suppressions (without decoding them)."""
        row = self[1]
        if row is not None:
            return row[0] is not None or row[1] is not None
        d = self.__dict__
        return bool(d["_diagnostics"] or d["_suppressions"])

    def decode(self) -> FileResult:
        """Decode every field now (a cached row is checked before it is trusted); raises
        ValueError, KeyError, TypeError or IndexError on a corrupt row."""
        if self[1] is not None and not sealed(self[1]):
            raise ValueError("its seal does not match")
        if not isinstance(self.diagnostics, list) or not isinstance(self.suppressions, list):
            raise ValueError("findings and suppressions are lists")
        if not isinstance(self.claims, list):
            raise ValueError("claims are a list")
        return self

    @property
    def diagnostics(self) -> list[Diagnostic]:
        d = self.__dict__
        if "_diagnostics" not in d:
            d["_diagnostics"] = diagnostics_from_json(self[0], self[1][0])
        return d["_diagnostics"]

    @property
    def suppressions(self) -> list:
        d = self.__dict__
        if "_suppressions" not in d:
            d["_suppressions"] = suppressions_from_json(self[1][1])
        return d["_suppressions"]

    @property
    def claims(self) -> list:
        d = self.__dict__
        if "_claims" not in d:
            text = self[1][2]
            d["_claims"] = json.loads(text) if text is not None else []
        return d["_claims"]

    @property
    def entry(self) -> IndexEntry | None:
        d = self.__dict__
        if "_entry" not in d:
            if self[1] is None or self[1][3] is None:
                d["_entry"] = None
            else:
                try:
                    if not sealed(self[1]):
                        raise ValueError("its seal does not match")
                    d["_entry"] = entry_from_json(self[0], self[1][3])
                except (ValueError, TypeError, IndexError, KeyError) as err:
                    print(f"qtlint: warning: discarding a corrupt cache entry for {self[0]} ({err})",
                          file=sys.stderr)
                    d["_entry"] = read_entry(d.get("_file") or self[0], self[0])
        return d["_entry"]

    @property
    def row(self) -> tuple:
        """The cache row (computed once)."""
        if self[1] is not None:
            return self[1]
        d = self.__dict__
        row = d.get("_row")
        if row is None:  # a fresh result holds every field: read them without the properties
            row = d["_row"] = make_row(d["_diagnostics"], d["_suppressions"], d["_claims"], d["_entry"])
        return row


def read_entry(path: str | Path, name: str) -> IndexEntry | None:
    """The index entry of a file read from disk (None when it cannot be read or parsed)."""
    try:
        with open(path, "rb") as fh:
            article = parse_article(name, fh.read()).article
    except OSError:
        return None
    return index_entry(article) if article is not None and article.data is not None else None
