"""The corpus as the cache's rows, read only where the checked files need them.

A one-file run needs its article's id group and url group, the articles its links point at, and
the articles linking to it. PartialCorpus finds all of them in one pass over the cache's `files`
table (by the 64-bit keys of ids and urls, and the packed link targets), over the rows of the last
run, overlaid with the files linted in this run and limited to the files of this corpus.
lint/key_index.py finds them from the key columns of the whole corpus instead (whole-corpus runs).
Answers are exact: rows are selected by keys, and the entries found are then compared by their
real values (Python's equality of ids, as the in-memory Corpus's dictionaries do).
"""
from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterable

from .corpus import CorpusQueries, IndexEntry, hash64, id_key
from .diagnostic import Diagnostic
from .entries import key_int
from .result import FileResult
from .serialize import LINK

SQL_PATTERNS = 16  # up to this many link keys searched in SQL (instr); beyond, the keys are read


class RowCorpus(CorpusQueries):
    """The primitive questions answered from rows found by key (`_candidates`, per subclass)."""

    def __init__(self, files, published: dict[object, IndexEntry], problems: list[Diagnostic]) -> None:
        self.files, self.cache = files, files.cache
        self.published, self.problems = published, problems
        self._found: dict[tuple[str, str], list[IndexEntry]] = {}

    def prefetch(self, targets: set[str]) -> RowCorpus:
        """Find, at once, every row the rules will ask about for these checked files."""
        found = self.files.entry_of([self.files.path_of(n) for n in targets])
        entries = [e for e in found.values() if e is not None]
        ids = {id_key(e.id) for e in entries} | {id_key(link.id) for e in entries for link in e.links}
        refs = {id_key(e.id) for e in entries}
        refs |= {id_key(p.id) for p in self.published.values() if p.path in targets}
        self._fetch(ids - {None}, {e.url for e in entries if e.url}, refs - {None})
        return self

    def prefetch_referrers(self, article_ids: Iterable) -> RowCorpus:
        self._fetch(set(), set(), {id_key(i) for i in article_ids} - {None})
        return self

    # ---- the primitive questions -------------------------------------------------------------
    def entry(self, path: str) -> IndexEntry | None:
        full = self.files.path_of(path)
        return self.files.entry_of([full])[full]

    def group(self, article_id: object) -> list[IndexEntry]:
        key = id_key(article_id)
        return self._answer("id", key) if key is not None else []

    def url_group(self, url: str) -> list[IndexEntry]:
        return self._answer("url", url) if url else []

    def referrers(self, article_id: object) -> list[IndexEntry]:
        key = id_key(article_id)
        return self._answer("ref", key) if key is not None else []

    # ---- finding the rows --------------------------------------------------------------------
    def _answer(self, kind: str, value: str) -> list[IndexEntry]:
        found = self._found.get((kind, value))
        if found is None:  # not prefetched: one more pass
            self._fetch({value} if kind == "id" else set(), {value} if kind == "url" else set(),
                        {value} if kind == "ref" else set())
            found = self._found[(kind, value)]
        return found

    def _fetch(self, ids: set[str], urls: set[str], refs: set[str]) -> None:
        found: dict[tuple[str, str], list[IndexEntry]] = {}
        for kind, values in (("id", ids), ("url", urls), ("ref", refs)):
            for value in values:
                found[(kind, value)] = []
        if not found:
            return
        for entry in self._candidates(ids, urls, refs):
            key = id_key(entry.id)
            if key in ids:
                found[("id", key)].append(entry)
            if entry.url in urls:
                found[("url", entry.url)].append(entry)
            for ref in {id_key(link.id) for link in entry.links} & refs:
                found[("ref", ref)].append(entry)
        for group in found.values():
            group.sort(key=_path_of)
        self._found.update(found)

    @abstractmethod
    def _candidates(self, ids: set[str], urls: set[str], refs: set[str]) -> Iterable[IndexEntry]:
        """The entries of the corpus's files that may have one of these id keys, urls or link
        targets (each file once)."""


class PartialCorpus(RowCorpus):
    """Rows found by one scan of the cache's table, with this run's files over them."""

    def __init__(self, files, published: dict[object, IndexEntry], problems: list[Diagnostic]) -> None:
        super().__init__(files, published, problems)
        self.members = set(files.all)
        self.fresh = files.fresh
        self._fresh_index: dict[str, dict[str, list[IndexEntry]]] | None = None

    def _candidates(self, ids: set[str], urls: set[str], refs: set[str]) -> Iterable[IndexEntry]:
        for path, row in self._rows(ids, urls, refs):
            if path in self.members and path not in self.fresh and row[3] is not None:
                entry = FileResult.from_row(self.files.name(path), row, file=path).entry
                if entry is not None:
                    yield entry
        seen: set[str] = set()
        for kind, values in (("id", ids), ("url", urls), ("ref", refs)):
            for value in values:
                for entry in self._fresh(kind, value):
                    if entry.path not in seen:
                        seen.add(entry.path)
                        yield entry

    def _rows(self, ids: set[str], urls: set[str], refs: set[str]) -> list[tuple[str, tuple]]:
        """(path, result row) of the rows that may match (by key)."""
        id_keys, url_keys = [key_int(k) for k in ids], [hash64(u) for u in urls]
        ref_keys = [key_int(r) for r in refs]
        if len(ref_keys) <= SQL_PATTERNS and len(id_keys) + len(url_keys) <= 500:
            where, args = [], []
            if id_keys:
                where.append(f"id_key IN ({','.join('?' * len(id_keys))})")
                args += id_keys
            if url_keys:
                where.append(f"url_key IN ({','.join('?' * len(url_keys))})")
                args += url_keys
            for ref in ref_keys:  # a packed link target (a match at another offset is filtered out)
                where.append("instr(links, ?) > 0")
                args.append(ref.to_bytes(8, "little", signed=True))
            return self.cache.query(" OR ".join(where), tuple(args))
        id_set, url_set, ref_set = set(id_keys), set(url_keys), set(ref_keys)
        paths = [path for path, ik, uk, links in self.cache.db.execute(
                     "SELECT path, id_key, url_key, links FROM files")
                 if ik in id_set or uk in url_set
                 or (links and any(tk in ref_set for tk, _ in LINK.iter_unpack(links)))]
        return [(path, row[3:]) for path, row in self.cache.rows(paths).items()]

    def _fresh(self, kind: str, value: str) -> list[IndexEntry]:
        if self._fresh_index is None:
            index: dict[str, dict[str, list[IndexEntry]]] = {"id": {}, "url": {}, "ref": {}}
            for res in self.fresh.values():
                e = res.entry
                if e is None:
                    continue
                key = id_key(e.id)
                if key is not None:
                    index["id"].setdefault(key, []).append(e)
                if e.url:
                    index["url"].setdefault(e.url, []).append(e)
                for ref in {id_key(link.id) for link in e.links} - {None}:
                    index["ref"].setdefault(ref, []).append(e)
            self._fresh_index = index
        return self._fresh_index[kind].get(value, [])


def _path_of(entry: IndexEntry) -> str:
    return entry.path
