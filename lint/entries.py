"""Index entries: what the corpus index keeps of one article (id, title, subject, url, links).

Entries are compact tuples (a few hundred bytes an article): a link keeps the target id and one
64-bit hash of the copied title, subject and url, enough to tell a stale copy; the copy's text and
position are re-read from the referring file only when a link is actually stale (rare).
"""
from __future__ import annotations

import json
import operator
import re
import zlib
from typing import NamedTuple

from .article import Article

# at most six digits: a longer number is no entry the template can reach (the schema reports the key)
RELATED = re.compile(r"^related_article([1-9][0-9]{0,5})$")
_PLAIN = frozenset((str, int, float, bool))


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


def _h64(data: bytes) -> int:
    """CRC-32 and Adler-32 side by side: a 64-bit value computed in C without allocating a hash
    object (blake2b costs three times as much, and this runs for every related link of every
    article). CRC-32 never misses an edit confined to 32 consecutive bits (a typo, a swapped
    pair); other edits slip past both only by chance (far below 2**-40). Signed, for SQLite."""
    value = _crc32(data) << 32 | _adler32(data)
    return value - _WRAP if value >= _HALF else value


_crc32, _adler32, _WRAP, _HALF = zlib.crc32, zlib.adler32, 1 << 64, 1 << 63


def hash64(text: str) -> int:
    """A stable signed 64-bit hash of a text. The cache stores these: changing it needs a new
    cache MAGIC."""
    try:
        return _h64(text.encode())
    except UnicodeEncodeError:  # a lone surrogate (YAML can write one with an escape)
        return _h64(text.encode("utf-8", "surrogatepass"))


def triple_hash(title: object, subject: object, url: object) -> int:
    """One hash of a (title, subject, url) triple: an article's own, or a related entry's copy.
    Three texts are joined by NULs (unambiguous unless one holds a NUL: then, as for anything
    not text, by their JSON)."""
    if (title.__class__ is str and subject.__class__ is str and url.__class__ is str
            and "\0" not in title and "\0" not in subject and "\0" not in url):  # memchr: cheaper than a count
        text = f"{title}\0{subject}\0{url}"
        try:
            data = text.encode()
        except UnicodeEncodeError:
            return hash64(text)
        value = _crc32(data) << 32 | _adler32(data)
        return value - _WRAP if value >= _HALF else value
    return hash64("\1" + json.dumps([title, subject, url], default=str, sort_keys=True))


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


_EXACT = 1 << 62


def key_int(key: str) -> int:
    """An id key as a 64-bit integer for the cache's columns: a whole id from 0 to 2**62 is
    itself (no two ids can share it), anything else a hash with bit 62 set (never a small id)."""
    if key[0] == "i" and key[1:].isdigit():
        value = int(key[1:])
        if value < _EXACT:
            return value
    return hash64(key) & (_EXACT - 1) | _EXACT


def plain(value: object) -> object:
    """An id as the cache's JSON gives it back, so a cached entry equals a fresh one."""
    if value is None or value.__class__ in _PLAIN:
        return value
    return json.loads(json.dumps(value, default=str))


class KeyLayout(NamedTuple):
    """What the related-article rules need of an article's keys (the same for every article with
    these keys, in this order)."""

    related: tuple[tuple[int, str], ...]  # (N, key) of every related_articleN key, by N
    prefixed: tuple[str, ...]  # every key beginning "related_article", in order
    gap_free: bool  # the Ns of `related` are 1, 2, ... without a gap


_LAYOUTS: dict[tuple, KeyLayout] = {}  # keys of an article -> its layout
_new = tuple.__new__


def key_layout(keys: tuple) -> KeyLayout:
    """The layout of these keys: articles share a few key layouts, so this is one dictionary
    lookup (the tuple's hash) rather than a regular expression per key."""
    layout = _LAYOUTS.get(keys)
    if layout is None:
        related = tuple(sorted((int(m.group(1)), k) for k in keys if isinstance(k, str) and (m := RELATED.match(k))))
        present = {n for n, _ in related}
        layout = KeyLayout(related, tuple(k for k in keys if isinstance(k, str) and k.startswith("related_article")),
                           sorted(present) == list(range(1, len(present) + 1)))
        if len(_LAYOUTS) >= 1024:
            _LAYOUTS.clear()
        _LAYOUTS[keys] = layout
    return layout


def _related_keys(keys: tuple) -> tuple[tuple[int, str], ...]:
    """(N, key) of every related_articleN key, by N."""
    layout = _LAYOUTS.get(keys)
    return (layout if layout is not None else key_layout(keys))[0]


_COPY = operator.itemgetter("id", "title", "subject", "url")


def index_entry(article: Article) -> IndexEntry:
    data = article.data or {}
    links = []
    for n, key in _related_keys(tuple(data)):
        value = data[key]
        if not isinstance(value, dict):
            continue
        try:
            link_id, title, subject, url = _COPY(value)
        except KeyError:  # a field missing: the schema reports it
            link_id, title, subject, url = (value.get(k) for k in ("id", "title", "subject", "url"))
        if link_id is not None and link_id.__class__ not in _PLAIN:
            link_id = plain(link_id)
        # triple_hash, inlined for the common case (plain text): this runs for every link
        if (title.__class__ is str and subject.__class__ is str and url.__class__ is str
                and "\0" not in title and "\0" not in subject and "\0" not in url):
            text = f"{title}\0{subject}\0{url}"
            if text.isascii():
                raw = text.encode()
                h = _crc32(raw) << 32 | _adler32(raw)
                links.append(_new(Link, (n, link_id, h - _WRAP if h >= _HALF else h)))
                continue
        links.append(_new(Link, (n, link_id, triple_hash(title, subject, url))))
    get = data.get
    article_id, title, subject, url = get("id"), get("title"), get("subject"), get("url")
    if article_id is not None and article_id.__class__ not in _PLAIN:
        article_id = plain(article_id)
    title = title if isinstance(title, str) else None
    subject = subject if isinstance(subject, str) else None
    url = url if isinstance(url, str) else None
    return _new(IndexEntry, (article.path, article_id, title, subject, url, tuple(links), False,
                             triple_hash(title, subject, url)))


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
