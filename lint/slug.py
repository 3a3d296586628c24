"""The QuickTakes slug convention (see ../shared/seeds/README.md)."""
from __future__ import annotations

import functools
import re

_DROP = re.compile(r"[^a-z0-9 ]")
_DROP_BYTES = bytes(c for c in range(256) if not (0x30 <= c <= 0x39 or 0x61 <= c <= 0x7A or c == 0x20))
_HYPHEN = bytes.maketrans(b" ", b"-")


@functools.lru_cache(maxsize=8192)  # a title is slugified by several rules, and again in every related copy
def slugify(title: str) -> str:
    """Lowercase, drop every character other than a-z, 0-9 and space, each space → hyphen.

    >>> slugify("How does the Na+ - K+ pump utilize energy?")
    'how-does-the-na--k-pump-utilize-energy'
    """
    lowered = title.lower()
    if lowered.isascii():  # the same in one C pass over the bytes: half the regex's cost
        return lowered.encode().translate(_HYPHEN, _DROP_BYTES).decode()
    return _DROP.sub("", lowered).replace(" ", "-")


def subject_segment(subject: str) -> str:
    return slugify(subject)


@functools.lru_cache(maxsize=8192)  # an article's own url and every related copy of it are checked
def expected_url(title: str, subject: str) -> str:
    return f"/learn/{subject_segment(subject)}/questions/{slugify(title)}"


def expected_seo_title(subject: str) -> str:
    return f"QuickTakes | {subject}"
