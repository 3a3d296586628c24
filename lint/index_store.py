"""The corpus as the cache's table, read only where a few checked files need it.

A one-file run needs its article's id group and url group, the articles its links point at, and
the articles linking to it. `prefetch` finds all of them in one pass over the cache's `files`
table (by the 64-bit keys of ids and urls, and the link-target column), over the rows of the last
run, overlaid with the files linted in this run and limited to the files of this corpus. Answers
are exact: rows are selected by key hashes, and the entries found are then compared by their real
values (Python's equality of ids, as the in-memory Corpus's dictionaries do).
"""
from __future__ import annotations

from .corpus import CorpusQueries, IndexEntry, hash64, hashable, id_key
from .diagnostic import Diagnostic
from .result import FileResult
from .serialize import link_pattern

SQL_PATTERNS = 16  # up to this many link keys searched in SQL (instr); beyond, the keys are read


class PartialCorpus(CorpusQueries):
    def __init__(self, files, published: dict[object, IndexEntry], problems: list[Diagnostic]) -> None:
        self.files, self.cache = files, files.cache
        self.published, self.problems = published, problems
        self.members = set(files.all)
        self.fresh = files.fresh
        self._fresh_index: dict[str, dict[str, list[IndexEntry]]] | None = None
        self._found: dict[tuple[str, str], list[IndexEntry]] = {}
        self._decoded: dict[str, IndexEntry | None] = {}

    def prefetch(self, targets: set[str]) -> PartialCorpus:
        """Read, in one pass, every row the rules will ask about for these checked files."""
        entries = [e for e in (self.entry(name) for name in targets) if e is not None]
        ids = {id_key(e.id) for e in entries} | {id_key(link.id) for e in entries for link in e.links}
        refs = {id_key(e.id) for e in entries}
        refs |= {id_key(p.id) for p in self.published.values() if p.path in targets}
        self._fetch(ids - {None}, {e.url for e in entries if e.url}, refs - {None})
        return self

    def prefetch_referrers(self, article_ids: set) -> PartialCorpus:
        self._fetch(set(), set(), {id_key(i) for i in article_ids} - {None})
        return self

    # ---- the primitive questions -------------------------------------------------------------
    def entry(self, path: str) -> IndexEntry | None:
        full = self.files.path_of(path)
        res = self.files.result(full)
        if res is None:
            self.files.rows.update(self.cache.rows([full]))
            res = self.files.result(full)
        return res.entry if res is not None else None

    def group(self, article_id: object) -> list[IndexEntry]:
        key = id_key(article_id)
        return self._answer("id", key) if key is not None else []

    def url_group(self, url: str) -> list[IndexEntry]:
        return self._answer("url", url) if url else []

    def target(self, article_id: object) -> IndexEntry | None:
        found = self.group(article_id) if hashable(article_id) else []
        if found:
            return found[0]
        try:
            return self.published.get(article_id)
        except TypeError:
            return None

    def referrers(self, article_id: object) -> list[IndexEntry]:
        key = id_key(article_id)
        return self._answer("ref", key) if key is not None else []

    # ---- reading the table, with this run's files over it ------------------------------------
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
                found[(kind, value)] = list(self._fresh(kind, value))
        if not found:
            return
        for path, text in self._rows(ids, urls, refs):
            if path not in self.members or path in self.fresh or text is None:
                continue
            entry = self._decode(path, text)
            if entry is None:
                continue
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

    def _rows(self, ids: set[str], urls: set[str], refs: set[str]) -> list[tuple[str, str]]:
        """(path, entry JSON) of the rows that may match (by key hash)."""
        id_hashes, url_hashes = [hash64(k) for k in ids], [hash64(u) for u in urls]
        if len(refs) <= SQL_PATTERNS and len(id_hashes) + len(url_hashes) <= 500:
            where, args = [], []
            if id_hashes:
                where.append(f"id_key IN ({','.join('?' * len(id_hashes))})")
                args += id_hashes
            if url_hashes:
                where.append(f"url_key IN ({','.join('?' * len(url_hashes))})")
                args += url_hashes
            for ref in refs:
                where.append("instr(targets, ?) > 0")
                args.append(link_pattern(ref))
            return self.cache.query(" OR ".join(where), tuple(args))
        id_set, url_set = set(id_hashes), set(url_hashes)
        ref_set = {link_pattern(r).strip() for r in refs}
        paths = [path for path, ik, uk, targets in self.cache.db.execute(
                     "SELECT path, id_key, url_key, targets FROM files")
                 if ik in id_set or uk in url_set or (targets and not ref_set.isdisjoint(targets.split()))]
        rows = self.cache.rows(paths)
        return [(path, row[6]) for path, row in rows.items()]

    def _decode(self, path: str, text: str) -> IndexEntry | None:
        if path not in self._decoded:
            name = self.files.name(path)
            self._decoded[path] = FileResult.from_row(name, (None, None, None, text), file=path).entry
        return self._decoded[path]

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
