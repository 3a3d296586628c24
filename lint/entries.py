"""Index entries: what the corpus index keeps of one article (id, title, subject, url, links).

Entries are compact tuples (a few hundred bytes an article): a link keeps the target id and one
64-bit hash of the copied title, subject and url, enough to tell a stale copy; the copy's text and
position are re-read from the referring file only when a link is actually stale (rare).
"""
from __future__ import annotations

import hashlib
import json
import re
from typing import NamedTuple

from .article import Article

RELATED = re.compile(r"^related_article([1-9][0-9]*)$")
_PLAIN = (str, int, float, bool)


class Link(NamedTuple):
    n: int  # N of related_articleN
    id: object  # the target id as written (normally an int)
    copy_hash: int  # triple_hash of the copied (title, subject, url)

    def __reduce__(self):  # rebuilt by a C call, not the generated Python __new__ (faster)
        return tuple.__new__, (Link, tuple(self))


class IndexEntry(NamedTuple):
    path: str  # display path
    id: object
    title: str | None
    subject: str | None
    url: str | None
    links: tuple[Link, ...]
    published: bool = False  # from the published-articles index, not a file here
    key_hash: int = 0  # triple_hash of (title, subject, url): a link is stale when its copy's differs

    def __reduce__(self):
        return tuple.__new__, (IndexEntry, tuple(self))


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
