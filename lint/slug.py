"""The QuickTakes slug convention (see ../shared/seeds/README.md)."""
from __future__ import annotations

import functools
import re

_DROP = re.compile(r"[^a-z0-9 ]")
# kept: 0-9, a-z, A-Z (lowered by the table) and space (made a hyphen)
_DROP_BYTES = bytes(c for c in range(256) if not (chr(c).isascii() and (chr(c).isalnum() or c == 0x20)))
_LOWER_HYPHEN = bytes.maketrans(b" ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"-abcdefghijklmnopqrstuvwxyz")


def slug_of(title: str) -> str:
    """Lowercase, drop every character other than a-z, 0-9 and space, each space → hyphen.

    >>> slug_of("How does the Na+ - K+ pump utilize energy?")
    'how-does-the-na--k-pump-utilize-energy'
    """
    if title.isascii():  # the same in one C pass over the bytes (lowered by the table): half the regex's cost
        return title.encode().translate(_LOWER_HYPHEN, _DROP_BYTES).decode()
    return _DROP.sub("", title.lower()).replace(" ", "-")


# a title is slugified by several rules, and again in every related copy
slugify = functools.lru_cache(maxsize=8192)(slug_of)


def subject_segment(subject: str) -> str:
    return slugify(subject)


@functools.lru_cache(maxsize=8192)  # an article's own url and every related copy of it are checked
def expected_url(title: str, subject: str) -> str:
    return _url(slugify(title), subject)


def _url(title_slug: str, subject: str) -> str:
    return f"/learn/{subject_segment(subject)}/questions/{title_slug}"


_KNOWN: dict[str, tuple[str, str]] = {}  # title -> (subject, expected_url(title, subject)), lately seen
_KNOWN_KEPT = 32_768  # ~15 MB at most (title, subject, url: ~450 bytes an entry)


def url_matches(url: str, title: str, subject: str) -> bool:
    """url == expected_url(title, subject), for the quiet tests of the slug and related rules.

    A title comes back: as its article's own and as the copy in the related entries of about five
    others, far apart in the run (expected_url's 8,192 recent answers mostly missed on 30,000
    articles). The expected url of every title seen is kept (up to _KNOWN_KEPT, then forgotten
    all at once): a title seen before costs a dictionary lookup rather than a slug (~2,500
    instructions: encoding, translating, decoding, joining)."""
    known = _KNOWN.get(title)
    if known is not None and known[0] == subject:
        return known[1] == url
    expected = _url(slug_of(title), subject)  # expected_url, without its small cache
    if len(_KNOWN) >= _KNOWN_KEPT:
        _KNOWN.clear()
    _KNOWN[title] = (subject, expected)
    return expected == url


def expected_seo_title(subject: str) -> str:
    return f"QuickTakes | {subject}"
