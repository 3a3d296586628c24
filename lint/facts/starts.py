"""Matching a phrase group only where its matches can begin: at the places of a few literal
strings, found with `str.find`.

Python's `re` tries a pattern at every position of the text it scans, and a group of many
phrases (or a `re:` term such as `\\bin\\b(?=...)`, which starts with an assertion) costs a few
hundred machine instructions a character that way. But every match of a phrase begins with the
phrase's first piece, and every match of a `re:` term whose first consuming element is a
literal begins with that literal. So the group's matches are the matches of its pattern at the
places of those strings: `matches_at` gives exactly what `pattern.finditer` gives, `occurs_at`
whether it gives anything.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# a prefix of this length finds the places of every longer string it begins (more places to try,
# fewer strings to look for)
_KEY_LENGTH = 4
# above this many strings, scanning with the regex is as cheap
MAX_STARTS = 24


def literal_prefix(source: str) -> str:
    """The literal text every match of the regex `source` begins with ("" if none is known):
    its first consuming elements, when they are literal characters, after zero-width assertions."""
    try:
        from re import _constants as sre  # the parser `re` itself uses
        from re import _parser
        parsed = _parser.parse(source)
    except Exception:  # an unknown version of `re`, or a pattern it rejects: no prefix
        return ""
    if parsed.state.flags & re.IGNORECASE:
        return ""
    out: list[str] = []
    items = list(parsed.data)
    while items:
        op, value = items.pop(0)
        if op is sre.LITERAL:
            out.append(chr(value))
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT) and not out:
            continue  # zero width, before the first character
        elif op is sre.SUBPATTERN and not value[1] and not value[2]:
            items[:0] = list(value[3].data)  # a group without flags: its elements in its place
        else:
            break
    return "".join(out)


def covering(prefixes: Iterable[str]) -> tuple[str, ...] | None:
    """Few strings, one of which begins each of `prefixes` (None if one is empty, or too many)."""
    keys = sorted({p[:_KEY_LENGTH] for p in prefixes})
    if not keys or not keys[0]:
        return None
    kept: list[str] = []
    for key in keys:  # sorted: a key that begins another comes right before the ones it begins
        if not (kept and key.startswith(kept[-1])):
            kept.append(key)
    return tuple(kept) if len(kept) <= MAX_STARTS else None


def occurs_at(pattern: re.Pattern[str], text: str, start: int, end: int, starts: tuple[str, ...]) -> bool:
    """Whether `pattern.search(text, start, end)` finds something, for a pattern whose matches each
    begin with one of `starts`."""
    sub = text[start:end]
    for key in starts:
        at = sub.find(key)
        while at >= 0:
            if pattern.match(text, start + at, end) is not None:
                return True
            at = sub.find(key, at + 1)
    return False


def matches_at(pattern: re.Pattern[str], text: str, start: int, end: int,
               starts: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of `pattern.finditer(text, start, end)`, for a pattern whose matches each begin
    with one of `starts` (so none is empty)."""
    sub = text[start:end]
    places = []
    for key in starts:
        at = sub.find(key)
        while at >= 0:
            places.append(at)
            at = sub.find(key, at + 1)
    out: list[tuple[int, int]] = []
    resume = start
    for at in sorted(places):
        at += start
        if at >= resume:
            m = pattern.match(text, at, end)
            if m is not None:
                out.append(m.span())
                resume = m.end()
    return out
