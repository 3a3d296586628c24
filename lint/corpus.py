"""The corpus index: every article's id, title, subject, url, path and outgoing links.

Entries are compact tuples (a few hundred bytes an article): a link keeps the target id and one
64-bit hash of the copied title, subject and url, enough to tell a stale copy; the copy's text and
position are re-read from the referring file only when a link is actually stale (rare).

The cross-article rules ask a corpus five questions (`entry`, `group`, `url_group`, `target`,
`referrers`), answered here from memory over the whole corpus, and by lint/index_store.py from
the cache's tables for the few articles a one-file run needs.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Protocol

from .article import Article
from .diagnostic import Diagnostic

RELATED = re.compile(r"^related_article([1-9][0-9]*)$")
_PLAIN = (str, int, float, bool)


class Link(NamedTuple):
    n: int  # N of related_articleN
    id: object  # the target id as written (normally an int)
    copy_hash: int  # triple_hash of the copied (title, subject, url)


class IndexEntry(NamedTuple):
    path: str  # display path
    id: object
    title: str | None
    subject: str | None
    url: str | None
    links: tuple[Link, ...]
    published: bool = False  # from the published-articles index, not a file here
    key_hash: int = 0  # triple_hash of (title, subject, url): a link is stale when its copy's differs


def hash64(text: str) -> int:
    """A stable signed 64-bit hash (fits SQLite's INTEGER and JSON)."""
    data = text.encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def triple_hash(title: object, subject: object, url: object) -> int:
    if title.__class__ is str and subject.__class__ is str and url.__class__ is str:
        return hash64(f"{len(title)}:{title}{len(subject)}:{subject}{url}")
    return hash64("\0" + json.dumps([title, subject, url], default=str, sort_keys=True))


def id_key(value: object) -> str | None:
    """The text form of an id under Python's equality (1 == 1.0 == True), None when it can key
    nothing (None, NaN, a list...). Two ids are the same dictionary key iff their keys are equal."""
    cls = value.__class__
    if cls is int:
        return f"i{value}"
    if cls is str:
        return "s" + value
    if cls is bool:
        return f"i{int(value)}"
    if cls is float:
        if value != value:
            return None
        return f"i{int(value)}" if value.is_integer() else f"f{value!r}"
    return None


def plain(value: object) -> object:
    """An id as the cache's JSON gives it back, so a cached entry equals a fresh one."""
    if value is None or value.__class__ in _PLAIN:
        return value
    return json.loads(json.dumps(value, default=str))


def index_entry(article: Article) -> IndexEntry:
    data = article.data or {}
    links = []
    for key, value in data.items():
        if key.__class__ is str and key.startswith("related_article") and isinstance(value, dict):
            m = RELATED.match(key)
            if m:
                get = value.get
                links.append(Link(int(m.group(1)), plain(get("id")),
                                  triple_hash(get("title"), get("subject"), get("url"))))
    if len(links) > 1:
        links.sort(key=_link_n)
    get = data.get
    return make_entry(article.path, plain(get("id")), _text(get("title")), _text(get("subject")),
                      _text(get("url")), tuple(links))


def _link_n(link: Link) -> int:
    return link[0]


def make_entry(path: str, article_id: object, title: object, subject: object,
               url: object, links: tuple[Link, ...], published: bool = False) -> IndexEntry:
    return IndexEntry(path, article_id, title, subject, url, links, published,
                      triple_hash(title, subject, url))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return value is not None


class CorpusView(Protocol):
    """What the cross-article rules ask of a corpus (lint/corpus.py, lint/index_store.py)."""

    published: dict[object, IndexEntry]
    problems: list[Diagnostic]

    def entry(self, path: str) -> IndexEntry | None: ...
    def group(self, article_id: object) -> list[IndexEntry]: ...
    def url_group(self, url: str) -> list[IndexEntry]: ...
    def target(self, article_id: object) -> IndexEntry | None: ...
    def referrers(self, article_id: object) -> list[IndexEntry]: ...
    def covered_by(self, targets: set[str]) -> bool: ...


@dataclass
class Corpus:
    """The whole corpus in memory."""

    entries: list[IndexEntry]
    by_id: dict[object, list[IndexEntry]]
    by_url: dict[str, list[IndexEntry]]
    published: dict[object, IndexEntry]
    problems: list[Diagnostic] = field(default_factory=list)
    _by_path: dict[str, IndexEntry] | None = None
    _referrers: dict[object, list[IndexEntry]] | None = None

    @classmethod
    def build(cls, entries: Iterable[IndexEntry], published_index: Path | None,
              published: tuple[dict, list] | None = None) -> Corpus:
        from .published import load_published

        entries = sorted(entries, key=_path_of)
        by_id: dict[object, list[IndexEntry]] = {}
        by_url: dict[str, list[IndexEntry]] = {}
        for e in entries:
            try:
                if e.id is not None:
                    by_id.setdefault(e.id, []).append(e)
            except TypeError:  # an unhashable id (a list...): the schema reports it
                pass
            if e.url:
                by_url.setdefault(e.url, []).append(e)
        pub, problems = published if published is not None else load_published(published_index)
        return cls(entries, by_id, by_url, pub, problems)

    # ---- the questions the cross-article rules ask ------------------------------------------
    def entry(self, path: str) -> IndexEntry | None:
        if self._by_path is None:
            self._by_path = {e.path: e for e in self.entries}
        return self._by_path.get(path)

    def group(self, article_id: object) -> list[IndexEntry]:
        """The articles whose id equals `article_id`, by path."""
        try:
            return self.by_id.get(article_id, []) if article_id is not None else []
        except TypeError:
            return []

    def url_group(self, url: str) -> list[IndexEntry]:
        return self.by_url.get(url, [])

    def target(self, article_id: object) -> IndexEntry | None:
        """The article an id points at: one in the repository first, else a published one."""
        found = self.group(article_id)
        if found:
            return found[0]
        try:
            return self.published.get(article_id)
        except TypeError:
            return None

    def referrers(self, article_id: object) -> list[IndexEntry]:
        """The articles with a related link whose id equals `article_id`, by path."""
        if self._referrers is None:
            index: dict[object, list[IndexEntry]] = {}
            for e in self.entries:
                for link in e.links:
                    try:
                        found = index.setdefault(link.id, [])
                    except TypeError:
                        continue
                    if not found or found[-1] is not e:
                        found.append(e)
            self._referrers = index
        try:
            return self._referrers.get(article_id, [])
        except TypeError:
            return []

    def covered_by(self, targets: set[str]) -> bool:
        """Whether every article of the corpus is a target (then no link comes from outside)."""
        return len(targets) >= len(self.entries) and all(e.path in targets for e in self.entries)

    def stats(self) -> dict:
        incoming: dict[object, int] = {}
        links = dangling = 0
        for e in self.entries:
            for link in e.links:
                links += 1
                if self.target(link.id) is None:
                    dangling += 1
                else:
                    incoming[link.id] = incoming.get(link.id, 0) + 1
        orphans = [e.path for e in self.entries if not hashable(e.id) or incoming.get(e.id, 0) == 0]
        return {"articles": len(self.entries), "published": len(self.published), "links": links,
                "dangling": dangling, "orphans": orphans}


def _path_of(entry: IndexEntry) -> str:
    return entry.path
