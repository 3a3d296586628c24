"""The corpus as the cache's indexed tables, read only where a few checked files need it.

A one-file run asks about its article's id group, url group, the targets of its links and the
articles linking to it; each question is one indexed query (id and url keys) or one scan of the
narrow link-target column, over the rows of the last run, overlaid with the files linted in this
run and limited to the files of this corpus. Answers are exact: a query selects by 64-bit key
hashes, and the entries it returns are then compared by their real values (Python's equality, as
the in-memory Corpus's dictionaries do).
"""
from __future__ import annotations

from .corpus import IndexEntry, hash64, hashable, id_key
from .diagnostic import Diagnostic
from .result import FileResult
from .serialize import link_pattern


class PartialCorpus:
    def __init__(self, files, published: dict[object, IndexEntry], problems: list[Diagnostic]) -> None:
        self.files, self.cache = files, files.cache
        self.published, self.problems = published, problems
        self.members = set(files.all)
        self.fresh = files.fresh
        self._fresh_index: tuple[dict, dict, dict] | None = None
        self._memo: dict[tuple, list[IndexEntry]] = {}

    # ---- the questions the cross-article rules ask ------------------------------------------
    def entry(self, path: str) -> IndexEntry | None:
        res = self.files.result(self.files.path_of(path))
        if res is None:
            rows = self.cache.rows([self.files.path_of(path)])
            self.files.rows.update(rows)
            res = self.files.result(self.files.path_of(path))
        return res.entry if res is not None else None

    def group(self, article_id: object) -> list[IndexEntry]:
        key = id_key(article_id)
        if key is None:
            return []
        return self._lookup(("id", key), "id_key = ?", (hash64(key),), lambda e: id_key(e.id) == key)

    def url_group(self, url: str) -> list[IndexEntry]:
        if not url:
            return []
        return self._lookup(("url", url), "url_key = ?", (hash64(url),), lambda e: e.url == url)

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
        if key is None:
            return []
        return self._lookup(("ref", key), "targets IS NOT NULL AND instr(targets, ?) > 0",
                            (link_pattern(key),), lambda e: any(id_key(link.id) == key for link in e.links))

    def covered_by(self, targets: set[str]) -> bool:
        return False  # only used for a few targets: links from outside are looked up

    # ---- the overlay -------------------------------------------------------------------------
    def _lookup(self, memo: tuple, where: str, args: tuple, keep) -> list[IndexEntry]:
        found = self._memo.get(memo)
        if found is not None:
            return found
        found = []
        for path, text in self.cache.query(where, args):
            if path in self.members and path not in self.fresh and text is not None:
                entry = FileResult.from_row(self.files.name(path), (None, None, None, text), file=path).entry
                if entry is not None and keep(entry):
                    found.append(entry)
        kind, value = memo
        found.extend(e for e in self._fresh_entries(kind, value) if keep(e))
        found.sort(key=_path_of)
        self._memo[memo] = found
        return found

    def _fresh_entries(self, kind: str, value: str) -> list[IndexEntry]:
        if self._fresh_index is None:
            by_id: dict[str, list] = {}
            by_url: dict[str, list] = {}
            by_ref: dict[str, list] = {}
            for res in self.fresh.values():
                e = res.entry
                if e is None:
                    continue
                key = id_key(e.id)
                if key is not None:
                    by_id.setdefault(key, []).append(e)
                if e.url:
                    by_url.setdefault(e.url, []).append(e)
                for ref in {id_key(link.id) for link in e.links} - {None}:
                    by_ref.setdefault(ref, []).append(e)
            self._fresh_index = (by_id, by_url, by_ref)
        index = {"id": 0, "url": 1, "ref": 2}[kind]
        return self._fresh_index[index].get(value, [])


def _path_of(entry: IndexEntry) -> str:
    return entry.path
