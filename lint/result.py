"""One file's result: its findings and what the corpus index needs of it."""
from __future__ import annotations

import sys
from pathlib import Path

from .article import parse_article
from .corpus import IndexEntry, index_entry
from .diagnostic import Diagnostic


class FileResult:
    """One file's findings and what the corpus index needs of it.

    `suppressions`: (first line, last line, codes, column, end column) of each comment;
    `claims`: [invariant id, agrees, value, expected, line, quote] of each factual claim.
    The index entry of a cached result stays JSON until something asks for it: a warm run whose
    corpus did not change never decodes it.
    """

    __slots__ = ("_entry", "_entry_json", "_file", "claims", "diagnostics", "path", "suppressions")

    def __init__(self, path: str, diagnostics: list[Diagnostic], entry: IndexEntry | None = None,
                 suppressions: list | None = None, claims: list | None = None,
                 entry_json: str | None = None, file: str | None = None) -> None:
        self.path, self.diagnostics = path, diagnostics
        self._entry, self._entry_json, self._file = entry, entry_json, file
        self.suppressions = suppressions or []
        self.claims = claims or []

    @property
    def entry(self) -> IndexEntry | None:
        if self._entry is None and self._entry_json is not None:
            from .serialize import entry_from_json

            try:
                self._entry = entry_from_json(self.path, self._entry_json)
            except (ValueError, TypeError, IndexError, KeyError) as err:
                print(f"qtlint: warning: discarding a corrupt cache entry for {self.path} ({err})",
                      file=sys.stderr)
                self._entry = self._entry_from_disk()
            self._entry_json = None
        return self._entry

    def _entry_from_disk(self) -> IndexEntry | None:
        return read_entry(self._file or self.path, self.path)


def read_entry(path: str | Path, name: str) -> IndexEntry | None:
    """The index entry of a file read from disk (None when it cannot be read or parsed)."""
    try:
        with open(path, "rb") as fh:
            article = parse_article(name, fh.read()).article
    except OSError:
        return None
    return index_entry(article) if article is not None and article.data is not None else None


