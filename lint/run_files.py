"""The files of one run and their per-file results: which are reused from the cache, which are
linted again, and the cache writes that follow.

Only what the run shows is decoded: the findings of the checked files (for a whole-corpus run, the
few rows that have any), the index entries the cross-article rules ask for. Everything else stays
in the database.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from .cache import FILE_COLUMNS, ResultCache, file_id
from .corpus import IndexEntry
from .files import display_names
from .key_index import KeyIndex
from .result import FileResult, read_entry
from .scan import Scan, scan
from .worker import map_files

CORRUPT = (ValueError, KeyError, TypeError, IndexError)
MANY = 2000  # more targets than this: read the rows with findings in one scan, not one by one
WRITE_EVERY = 5000  # a cold run writes its rows this many at a time, while the workers lint on
EARLY = 2048  # a cold run hands out this many files before it sorts the rest (RunFiles._lint)


class RunFiles:
    def __init__(self, engine, target_groups: list, corpus_groups: list, cache: ResultCache | None) -> None:
        self.engine, self.cache = engine, cache
        self.cwd = str(engine.cwd)
        self.targets = [p for _, files in target_groups for p in files]
        self.names = dict(zip(self.targets, display_names(self.targets, self.cwd)))
        groups = _merge(target_groups, corpus_groups)
        self.all = [p for _, files in groups for p in files]
        self.everything = len(self.all) == len(self.targets)  # every file is a target
        self.scan: Scan = scan(groups, cache) if cache is not None else Scan(threshold=0, steady=False)
        self.fresh: dict[str, FileResult] = {}  # linted in this run
        self.rows: dict[str, tuple] = {}  # cache rows known valid, by path
        self.invalid: set[str] = set()  # files without a valid row after this run
        self._with_content: list[FileResult] | None = None
        self.index = KeyIndex()  # the cache's index columns, read by lint(whole=True)
        self._indexed = False  # this run's results are in `index` (lint(whole=True) puts them)

    def name(self, path: str) -> str:
        name = self.names.get(path)
        return name if name is not None else display_names([path], self.cwd)[0]

    def path_of(self, name: str) -> str:
        return name if os.path.isabs(name) else os.path.join(self.cwd, name)

    # ---- per-file results --------------------------------------------------------------------
    def lint(self, whole: bool = False) -> None:
        """Check the suspects' rows, read the rows this run shows (`whole`: every row, for the
        whole-corpus index; else the targets'), lint whatever has no valid row. A row whose seal
        does not match is linted again, never trusted."""
        cache, todo = self.cache, []
        if cache is None:
            todo = list(self.all)
        else:
            found = cache.rows(self.scan.suspects) if cache.has_rows() else {}
            for path in self.scan.suspects:
                row = found.get(path)
                stamp = self.scan.stamp(path) if row is not None else None
                if row is not None and stamp is not None and cache.still_valid(path, row, stamp):
                    self.rows[path] = row
                else:
                    todo.append(path)
            if whole:
                self._read_all(todo)
            else:
                self._read_targets(todo)
        self._lint(todo, whole)

    def _read_all(self, todo: list[str]) -> None:
        """One pass over the table: every member's index columns into the key index (checked
        against their seal); then the targets' rows with findings or suppressions."""
        skip = set(todo)
        members = {p for p in self.all if p not in skip}
        damaged, content = self.index.load(self.cache.db.execute(
            "SELECT path, CAST(entry AS BLOB), id_key, url_key, key_hash, links, seal, "
            "diagnostics IS NOT NULL OR suppressions IS NOT NULL FROM files"), members)
        for path in damaged:
            self._corrupt(path, todo)
        todo.extend(members)  # trusted but without a row (removed by another run): lint again
        names = self.names
        self._read_targets(todo, [p for p in content if p in names and p not in self.rows])

    def _read_targets(self, todo: list[str], need: list[str] | None = None) -> None:
        """The targets' rows that hold findings or suppressions (`need`: those known to), checked
        now so that a corrupt one is linted again rather than trusted."""
        skip = set(todo)
        if need is not None:
            wanted = self.cache.rows(need)
        elif len(self.targets) > MANY:
            sql = "diagnostics IS NOT NULL OR suppressions IS NOT NULL"
            wanted = {p: r for p, *r in self.cache.db.execute(f"SELECT {FILE_COLUMNS} FROM files WHERE {sql}")
                      if p in self.names and p not in skip}
        else:
            need = [p for p in self.targets if p not in skip and p not in self.rows]
            wanted = self.cache.rows(need)
            todo.extend(p for p in need if p not in wanted)  # a row that vanished since the scan
        for path, row in wanted.items():
            try:
                FileResult.from_row(self.name(path), row[3:], file=path).decode()
            except CORRUPT:
                self._corrupt(path, todo)
                continue
            self.rows[path] = tuple(row)

    def _corrupt(self, path: str, todo: list[str]) -> None:
        print(f"qtlint: warning: discarding a corrupt cache entry for {self.name(path)}", file=sys.stderr)
        self.rows.pop(path, None)
        todo.append(path)

    def _lint(self, todo: list[str], whole: bool = False) -> None:
        """Lint `todo`, keep the results, give the cache their rows; `whole`: also put each in the
        key index as it comes (while the workers lint on, rather than after them)."""
        cache, settings, selection = self.cache, self.engine.settings, self.engine.selection
        jobs = settings.jobs or os.cpu_count() or 1
        path_of: dict[str, str] = {}
        ordered = cache is not None and len(todo) > WRITE_EVERY
        # `ordered`: in the order of their rows' keys: the rows written while linting are then
        # appended to the table, not inserted all over it (that cost 3x the CPU at 100,000 files).
        # The first EARLY files go out as found, before that sort and their names are made (the
        # workers start meanwhile); their rows are in the first write, to a table still small.
        head = todo[:EARLY] if ordered else todo

        def parts():
            yield self._named(head, path_of)
            if ordered:
                yield self._named(sorted(todo[EARLY:], key=file_id), path_of)

        progress, fresh, scan, invalid = self.engine.progress, self.fresh, self.scan, self.invalid
        put = cache.put if cache is not None else None
        index_put = self.index.put if whole else None
        done = 0
        for res, raw_stamp in map_files(parts(), len(todo), settings, tuple(selection.select),
                                        tuple(selection.ignore), jobs):
            path = path_of[res[0]]
            fresh[path] = res
            stamp = (raw_stamp[1], raw_stamp[2]) if raw_stamp is not None else None
            known = scan.known(path)
            if known is False:  # not stat'ed by the scan: the worker's stamp is the file's
                known = scan.stamps[path] = stamp
            if stamp is None or stamp != known:
                invalid.add(path)  # unreadable, or changed while we looked
            if index_put is not None:
                row = res.row
                index_put(path, row[4], row[5], row[6], row[7])
            if put is not None and stamp is not None:
                put(raw_stamp, res)
                if len(cache.pending) >= WRITE_EVERY:
                    cache.write_pending()
            if progress is not None:
                done += 1
                progress(done, len(todo))
        self._indexed = whole

    def _named(self, paths: list[str], path_of: dict[str, str]) -> list[tuple[str, str]]:
        """(path, display name) of each file; `path_of` learns the way back."""
        target_names = self.names  # already made (a whole run lints only targets)
        names = [target_names.get(p) for p in paths]
        if None in names:
            names = display_names(paths, self.cwd)
        path_of.update(zip(names, paths))
        return list(zip(paths, names))

    def result(self, path: str) -> FileResult | None:
        """A file's result if this run has it in hand (linted, or a row already read)."""
        res = self.fresh.get(path)
        if res is not None:
            return res
        row = self.rows.get(path)
        if row is None:
            return None
        return FileResult.from_row(self.name(path), row[3:], file=path)

    def target_results(self) -> list[FileResult]:
        """The checked files with findings or suppressions."""
        if self._with_content is None:
            names, everything = self.names, self.everything
            out = [res for path, res in self.fresh.items()
                   if res.has_content() and (everything or path in names)]
            out += [FileResult.from_row(names[path], row[3:], file=path)
                    for path, row in self.rows.items()
                    if (row[3] is not None or row[4] is not None) and path in names and path not in self.fresh]
            self._with_content = out
        return self._with_content

    def suppressions(self, others: set[str]) -> dict[str, list]:
        """The suppression comments of the checked files, and of the other files with these
        display names (where cross-article findings are)."""
        out = {res.path: res.suppressions for res in self.target_results() if res.suppressions}
        paths = {self.path_of(n): n for n in others}
        if self.cache is not None:
            need = [p for p in paths if p not in self.fresh and p not in self.rows]
            self.rows.update(self.cache.rows(need))
        for path, name in paths.items():
            res = self.result(path)
            try:
                items = res.suppressions if res is not None else []
            except CORRUPT:  # a damaged row of a file not linted in this run: read the file
                print(f"qtlint: warning: discarding a corrupt cache entry for {name}", file=sys.stderr)
                items = lint_now(self.engine, path, name).suppressions
            if items:
                out[name] = items
        return out

    def key_index(self) -> KeyIndex:
        """The index columns of every file of the corpus: the cache's (read by `lint(whole=True)`)
        and this run's (lint/key_index.py)."""
        if not self._indexed:
            self.index.add((path, res.row) for path, res in self.fresh.items())
            self._indexed = True
        return self.index

    def entry_of(self, paths: list[str]) -> dict[str, IndexEntry | None]:
        """The index entries of these files (from this run's results, or their cache rows)."""
        need = [p for p in paths if p not in self.fresh and p not in self.rows]
        if need and self.cache is not None:
            self.rows.update(self.cache.rows(need))
        out = {}
        for path in paths:
            res = self.result(path)
            out[path] = res.entry if res is not None else read_entry(path, self.name(path))
        return out

    def results_view(self) -> Mapping[str, FileResult]:
        from .results_view import LazyResults

        return LazyResults(self)

    def settle(self) -> bool:
        """After linting: complete the stamps; whether the run's state is known from them."""
        if self.cache is None:
            return False
        self.scan.settle(self.invalid)
        return self.scan.steady

    def flush(self, snapshot: tuple[str, str] | None) -> None:
        if self.cache is None:
            return
        self.cache.manifests = self.scan.manifests()
        self.cache.flush(snapshot if self.scan.steady else None)


def lint_now(engine, path: str, name: str) -> FileResult:
    from .worker import init_worker, lint_path

    init_worker(engine.settings, tuple(engine.selection.select), tuple(engine.selection.ignore))
    return lint_path(path, name)[0]


def _merge(target_groups: list, corpus_groups: list) -> list:
    """One list of groups: every walked directory once (the same walk lists the same files), then
    the files given explicitly that no walk found."""
    if corpus_groups is target_groups or not corpus_groups:
        return target_groups
    out, dirs = [], set()
    for directory, files in corpus_groups + target_groups:
        if directory is not None and directory not in dirs:
            dirs.add(directory)
            out.append((directory, files))
    walked = {p for d, files in out for p in files}
    explicit = [p for d, files in target_groups + corpus_groups if d is None for p in files]
    out.extend((None, [p]) for p in dict.fromkeys(explicit) if p not in walked)
    return out
