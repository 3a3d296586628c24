"""RunResult.results: the checked files' results, read from the cache only when asked for.

`qtlint check` never asks (a warm run over 100,000 files reads no row it does not print); `qtlint
report` and `qtlint facts` do, and then every result is loaded at once: rows from the cache when
they still hold the file's content as the run saw it, the file linted again otherwise.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path

from .result import FileResult
from .run_files import lint_now


class LazyResults(Mapping):
    def __init__(self, files) -> None:
        self.files = files
        self.data: dict[str, FileResult] | None = None

    def __len__(self) -> int:
        return len(self.files.targets)

    def __iter__(self) -> Iterator[str]:
        names = self.files.names
        return (names[p] for p in self.files.targets)

    def __contains__(self, name: object) -> bool:
        if self.data is None:
            self.data = self._load()
        return name in self.data

    def __getitem__(self, name: str) -> FileResult:
        if self.data is None:
            self.data = self._load()
        return self.data[name]

    def _load(self) -> dict[str, FileResult]:
        files = self.files
        need = [p for p in files.targets if p not in files.fresh and p not in files.rows]
        rows = _read_rows(files.cache.path, need) if need and files.cache is not None else {}
        out: dict[str, FileResult] = {}
        stale: list[str] = []
        for path in files.targets:
            name = files.names[path]
            res = files.fresh.get(path)
            if res is None:
                row = files.rows.get(path) or rows.get(path)
                stamp = files.scan.known(path) or None
                if row is None or stamp is None or row[1] != stamp[1] or row[0] not in (stamp[0], -1):
                    stale.append(path)
                    continue
                try:
                    res = FileResult.from_row(name, row[3:], file=path).decode()
                except (ValueError, KeyError, TypeError, IndexError):
                    stale.append(path)
                    continue
            out[name] = res
        for path in stale:
            out[files.names[path]] = lint_now(files.engine, path, files.names[path])
        return {name: out[name] for name in self}


def _read_rows(db_path, paths: list[str]) -> dict[str, tuple]:
    from .cache import ResultCache

    try:
        db = sqlite3.connect(f"{Path(db_path).as_uri()}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return {}
    try:
        return ResultCache(db, db_path).rows(paths)
    except sqlite3.Error:
        return {}
    finally:
        db.close()
