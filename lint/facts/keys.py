"""Where the phrases of a TermSet may be in a text, found with a few `str.find` passes.

Every match of a phrase holds its words as written (a phrase matched in any case: lowered, in the
lowered text). So the places of one word per phrase tell where the phrase may match; the first
word tells where it may start. A word holding a shorter one (`millivolt` holds `volt`, `mV`
holds `V`) is found through it, one pass for both: where `volt` is, `millivolt` may start five
characters before, which is checked. `str.find` is many times faster than a regex scan of the
same text, and there are few words to look for.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .terms import TermSet, lowered

Key = tuple[str, bool]  # (word, to be found in the lowered text)


@dataclass(frozen=True)
class Keys:
    """`finds`: (word to find, in lowered text, ((its offset in a key, key, in lowered text), ...))."""

    finds: tuple[tuple[str, bool, tuple[tuple[int, str, bool], ...]], ...]

    def places(self, text: str, low: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of each key found in `text` (exact words) or `low` (lowered words)."""
        end = len(text) if end is None else end
        out = set()
        for word, on_low, keys in self.finds:
            searched = low if on_low else text
            at = searched.find(word, start, end)
            while at >= 0:
                for offset, key, key_on_low in keys:
                    begin = at - offset
                    if begin >= start and (low if key_on_low else text).startswith(key, begin, end):
                        out.add((begin, begin + len(key)))
                at = searched.find(word, at + 1, end)
        return sorted(out)


@lru_cache(maxsize=256)
def first_words(terms: TermSet) -> Keys | None:
    """Keys where every match of `terms` starts (their phrases' first words), or None when some
    phrase has none (a `re:` term, a non-ASCII phrase matched in any case, a phrase that starts
    with a separator)."""
    keys = set()
    for phrase in terms.phrases:
        if phrase.group == "other" or not phrase.leading:
            return None
        key = _key(phrase.pieces[0], phrase.group)
        if key is None:
            return None
        keys.add(key)
    return _plan(keys)


@lru_cache(maxsize=256)
def last_words(terms: TermSet) -> Keys | None:
    """Keys one of which every match of `terms` holds (their phrases' last words)."""
    keys = set()
    for phrase in terms.phrases:
        key = _key(phrase.pieces[-1], phrase.group) if phrase.group != "other" and phrase.pieces else None
        if key is None:
            return None
        keys.add(key)
    return _plan(keys)


def _key(word: str, group: str) -> Key | None:
    if group.endswith("-i"):
        return (lowered(word), True) if word.isascii() else None
    return word, False


def _plan(keys: set[Key]) -> Keys:
    """One find per word that no shorter word of the keys holds (an exact key can be found through
    a lowered word it holds when lowered, not the other way round)."""
    def holds(key: Key, word: Key) -> int:
        text = key[0] if key[1] == word[1] else (lowered(key[0]) if word[1] else None)
        return -1 if text is None else text.find(word[0])

    ordered = sorted(keys, key=lambda k: (len(k[0]), not k[1], k[0]))  # lowered words find more
    finds: dict[Key, list[tuple[int, str, bool]]] = {}
    for key in ordered:
        word = next(w for w in [*finds, key] if holds(key, w) >= 0)
        finds.setdefault(word, []).append((holds(key, word), *key))
    return Keys(tuple((word, on_low, tuple(found)) for (word, on_low), found in finds.items()))
