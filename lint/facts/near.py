"""A regex scan of a passage that only looks near the places where its matches can be.

The mention patterns (a part with its count, a value with its unit, a bare ratio) are long and are
tried at every position of a passage by `finditer`. Each of their matches holds an *anchor*: the
part's or unit's first word, the ratio's separator. Before an anchor, a match can only hold a
few words (numbers, "between", "molecules of", an adjective...) and blanks, so walking back over
those gives a position no match holding that anchor starts before. `finditer_near` then searches
from there and gives exactly the matches `pattern.finditer(text, start, end)` gives: the next
match after the last one holds one of the anchors after it, so it starts at or after the least of
their bounds.
"""
from __future__ import annotations

import re


def finditer_near(pattern: re.Pattern[str], text: str, start: int, end: int,
                  places: list[tuple[int, int]]) -> list[re.Match[str]]:
    """`pattern.finditer(text, start, end)`, for a pattern whose matches are never empty and each
    hold an anchor: `places` holds every anchor, as (anchor, no match holding it starts before)."""
    places = sorted(places)
    least, bound = [0] * len(places), end
    for i in range(len(places) - 1, -1, -1):  # the least bound of the anchors from i on
        bound = min(bound, places[i][1])
        least[i] = bound
    out: list[re.Match[str]] = []
    resume, i = start, 0
    while True:
        while i < len(places) and places[i][0] < resume:
            i += 1
        if i == len(places):
            return out
        m = pattern.search(text, max(resume, least[i]), end)
        if m is None:
            return out
        out.append(m)
        resume = m.end()


def reach_back(low: str, at: int, start: int, words: tuple[str, ...], marks: str) -> int:
    """The leftmost position from which `low[position:at]` (in the passage from `start`) holds
    only blanks, `marks`, digits and words starting with one of `words` (after any digits)."""
    while at > start:
        char = low[at - 1]
        if char.isspace() or char in marks:
            at -= 1
            continue
        if not char.isalnum():
            return at
        word_start = at - 1
        while word_start > start and low[word_start - 1].isalnum():
            word_start -= 1
        word = low[word_start:at]
        digits = 0
        while digits < len(word) and word[digits].isdigit():
            digits += 1
        if digits < len(word) and not word.startswith(words, digits):
            return at
        at = word_start
    return at
