"""Which non-ASCII characters a text holds, cheaply.

A regex character class scans ~15 ns a character (tens of µs for an article); articles hold only
a few distinct non-ASCII characters, so the parser and the encoding rules ask this set first and
look further only when it holds a character they care about.
"""
from __future__ import annotations

import functools

_ASCII_BYTES = bytes(range(128))


@functools.lru_cache(maxsize=16)
def non_ascii_chars(text: str) -> frozenset[str]:
    """The distinct non-ASCII characters of `text`: its UTF-8 bytes without the ASCII ones
    (every byte of a multi-byte sequence is >= 0x80, so what is left still decodes)."""
    if text.isascii():
        return frozenset()
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return frozenset(rest.decode("utf-8", "surrogatepass"))
