"""Which non-ASCII characters a text holds, cheaply.

A regex character class scans ~15 ns a character (tens of µs for an article); articles hold only
a few distinct non-ASCII characters, so the parser and the encoding rules ask this set first and
look further only when it holds a character they care about.
"""
from __future__ import annotations

import re

_ASCII_BYTES = bytes(range(128))
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_FEW_CHARACTERS = 16  # more distinct non-ASCII characters than this: scan with the regex
_FEW_POSITIONS = 400


# characters whose original text is already gone: C1 controls and U+FFFD (lint/encoding/lost.py)
LOST_CHARACTERS = frozenset(map(chr, range(0x80, 0xA0))) | {"\ufffd"}

_RECENT: list[tuple[str, frozenset[str]]] = []  # the last few texts asked about, and their answers
_KEPT = 8
_NONE: frozenset[str] = frozenset()


def non_ascii_chars(text: str) -> frozenset[str]:
    """The distinct non-ASCII characters of `text`: its UTF-8 bytes without the ASCII ones
    (every byte of a multi-byte sequence is >= 0x80, so what is left still decodes).

    The parser and three encoding rules ask about the same text objects: the last few answers
    are kept and found by identity (hashing a whole article to look it up would cost a third
    of the work)."""
    if text.isascii():
        return _NONE
    known = _recalled(text)
    if known is not None:
        return known
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return _remember(text, frozenset(rest.decode("utf-8", "surrogatepass")))


def file_chars(text: str, raw: bytes, bom: bool) -> frozenset[str]:
    """non_ascii_chars(text) for a file's text, read from its bytes: `raw` is the UTF-8 of
    `text`, after a BOM when `bom` (as Article.raw and Article.text are). The bytes need no
    encoding first, which was half the cost; the answer is kept for non_ascii_chars(text)."""
    if text.isascii():
        return _NONE
    known = _recalled(text)
    if known is not None:
        return known
    chars = frozenset(raw.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))
    if bom and "\ufeff" in chars and "\ufeff" not in text:
        chars = chars - _BOM
    return _remember(text, chars)


_BOM = frozenset("\ufeff")


def high_bytes_chars(text: str, high: bytes) -> frozenset[str]:
    """non_ascii_chars(text) from `high`, the UTF-8 of `text` without its ASCII bytes, which a
    caller (the parser) has already cut out; the answer is kept for non_ascii_chars(text)."""
    if not high:
        return _NONE
    known = _recalled(text)
    if known is not None:
        return known
    return _remember(text, frozenset(high.decode("utf-8", "surrogatepass")))


def _recalled(text: str) -> frozenset[str] | None:
    """The answer kept for this very text object, if it is one of the last few asked about."""
    for seen, chars in _RECENT:
        if seen is text:
            return chars
    return None


def _remember(text: str, chars: frozenset[str]) -> frozenset[str]:
    _RECENT.insert(0, (text, chars))
    del _RECENT[_KEPT:]
    return chars


def non_ascii_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of non-ASCII characters in `text`, in order.

    A regex scan costs ~15 ns a character (65 µs for a typical article); articles hold only a
    few distinct non-ASCII characters, so each is found with `str.find` (a C loop) instead,
    unless there are many of them (a text in another script), where the regex is cheaper."""
    if text.isascii():
        return []
    chars = non_ascii_chars(text)
    if len(chars) > _FEW_CHARACTERS:
        return [m.span() for m in _NON_ASCII_RUN.finditer(text)]
    positions = []
    find = text.find
    for char in chars:
        i = find(char)
        while i != -1:
            positions.append(i)
            i = find(char, i + 1)
    if len(positions) > _FEW_POSITIONS:
        return [m.span() for m in _NON_ASCII_RUN.finditer(text)]
    positions.sort()
    runs: list[tuple[int, int]] = []
    for p in positions:
        if runs and runs[-1][1] == p:
            runs[-1] = (runs[-1][0], p + 1)
        else:
            runs.append((p, p + 1))
    return runs
