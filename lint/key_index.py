"""Whole-corpus runs: the cross-article findings from the index's keys, decoding only the few
articles that can have any.

Every file's key columns (id key, url key, the hash of its own title/subject/url, its links as
(target key, copy hash) pairs) come from this run's results or one read of the cache's table
(RunFiles.key_index). One pass over them finds the *candidates*: the members of every id or url
group of two or more, and every article with a link whose target is missing, ambiguous (an id
shared by several articles) or holds a different title/subject/url hash than the copy. Every
finding of R001-R004 is at a candidate (a dangling or stale link is at its article, a duplicate at
every member), so the rules run, exactly, over the candidates only (IndexedCorpus answers their
questions from the keys and decodes just the entries asked for); on a clean corpus nothing is
decoded at all. Whole ids up to 2**62 are their own keys, so for them the pass is exact; other
ids and urls (hashed) could hide a problem only through a 62/64-bit hash collision.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable
from itertools import chain, compress
from operator import not_

from .corpus import IndexEntry, hash64
from .entries import key_int
from .index_store import RowCorpus
from .serialize import KEYS, LINK, link_key


class KeyIndex:
    """The index columns of every file of the corpus, by key.

    Most keys belong to one file: `ids` and `urls` hold the first file of each key, and `more_ids`
    and `more_urls` the groups of two or more. No list is made for each key, and the candidates'
    pass runs its loops in C (measured at 100,000 files: `put` 0.22 -> 0.12 s of CPU, the
    candidates 0.35 -> 0.27 s). The links' (target key, copy hash) pairs are gathered in one set
    as the rows come (`pairs`: 350,000 links, 97,000 pairs), while a cold run's workers lint, so
    the candidates' pass after them is one set difference on a clean corpus (0.09 s in all)."""

    def __init__(self) -> None:
        self.ids: dict[int, str] = {}
        self.urls: dict[int, str] = {}
        self.more_ids: dict[int, list[str]] = {}  # key -> every file of a group of two or more
        self.more_urls: dict[int, list[str]] = {}
        self.own: dict[str, int] = {}  # path -> hash of its own (title, subject, url)
        self.links: dict[str, bytes] = {}
        self.pairs: set[tuple[int, int]] = set()  # every (target key, copy hash) a link holds
        self._refs: dict[int, list[str]] | None = None

    def add(self, results: Iterable[tuple]) -> None:
        """`results`: (path, result row) (the row's index columns are items 4 to 7)."""
        put = self.put
        for path, row in results:
            put(path, row[4], row[5], row[6], row[7])

    def put(self, path: str, ik: int | None, uk: int | None, kh: int | None, links: bytes | None) -> None:
        if ik is not None:
            first = self.ids.setdefault(ik, path)
            if first != path:
                self.more_ids.setdefault(ik, [first]).append(path)
        if uk is not None:
            first = self.urls.setdefault(uk, path)
            if first != path:
                self.more_urls.setdefault(uk, [first]).append(path)
        if kh is not None:
            self.own[path] = kh
        if links:
            self.links[path] = links
            self.pairs.update(LINK.iter_unpack(links))  # while the workers lint, not after them

    def id_group(self, key: int) -> list[str]:
        """The files with this id key."""
        return _group(key, self.ids, self.more_ids)

    def url_group(self, key: int) -> list[str]:
        return _group(key, self.urls, self.more_urls)

    def load(self, rows: Iterable[tuple], members: set[str]) -> tuple[list[str], list[str]]:
        """Add the cache's rows (path, entry as bytes, id key, url key, key hash, links, seal,
        has findings) of these members, each checked against its seal; `members` keeps those
        without a row. Returns (damaged rows, rows with findings or suppressions)."""
        damaged, content = [], []
        crc, pack, put = zlib.crc32, KEYS.pack, self.put
        for path, entry, ik, uk, kh, links, stored, has_content in rows:
            if path not in members:
                continue
            members.discard(path)
            value = crc(links or b"", crc(pack(-1 if ik is None else ik, -1 if uk is None else uk,
                                               -1 if kh is None else kh)))
            if entry is not None:
                value = crc(entry, value)
            if value != stored:
                damaged.append(path)
                continue
            put(path, ik, uk, kh, links)
            if has_content:
                content.append(path)
        return damaged, content

    def candidates(self, published: dict[object, IndexEntry]) -> set[str]:
        out: set[str] = set()
        for paths in chain(self.more_ids.values(), self.more_urls.values()):
            out.update(paths)
        # a link is fresh iff (its target key, its copy hash) is (an id used once, that article's
        # own hash), or an id no article has and the published index holds with that hash
        ids = self.ids
        fresh = set(zip(ids, map(self.own.__getitem__, ids.values())))
        for ik in self.more_ids:
            fresh.discard((ik, self.own[ids[ik]]))
        fresh.update((key, p.key_hash) for pid, p in published.items() if (key := link_key(pid)) not in ids)
        bad = self.pairs - fresh  # usually none: then no article is read for its links
        if bad:
            stale = map(not_, map(bad.isdisjoint, map(LINK.iter_unpack, self.links.values())))
            out.update(compress(self.links, stale))
        return out

    def refs(self, key: int) -> list[str]:
        if self._refs is None:
            refs: dict[int, list[str]] = {}
            for path, blob in self.links.items():
                for tk in {tk for tk, _ in LINK.iter_unpack(blob)}:
                    refs.setdefault(tk, []).append(path)
            self._refs = refs
        return self._refs.get(key, [])


class IndexedCorpus(RowCorpus):
    """The corpus's questions answered from a KeyIndex; `covered_by` the candidate set (no link
    from outside it is stale)."""

    def __init__(self, files, index: KeyIndex, published: dict[object, IndexEntry], problems: list) -> None:
        super().__init__(files, published, problems)
        self.index = index
        self.checked: set[str] | None = None  # the candidates' display names, once chosen

    def candidate_names(self) -> set[str]:
        self.checked = {self.files.name(p) for p in self.index.candidates(self.published)}
        return self.checked

    def covered_by(self, targets: set[str]) -> bool:
        return targets is self.checked

    def _candidates(self, ids: set[str], urls: set[str], refs: set[str]) -> Iterable[IndexEntry]:
        index = self.index
        paths: set[str] = set()
        for key in ids:
            paths.update(index.id_group(key_int(key)))
        for url in urls:
            paths.update(index.url_group(hash64(url)))
        for ref in refs:
            paths.update(index.refs(key_int(ref)))
        entries = self.files.entry_of(sorted(paths))
        return [e for e in entries.values() if e is not None]


def _group(key: int, first: dict[int, str], more: dict[int, list[str]]) -> list[str]:
    group = more.get(key)
    if group is not None:
        return group
    path = first.get(key)
    return [path] if path is not None else []
