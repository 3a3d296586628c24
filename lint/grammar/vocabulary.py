"""Is a word the spelling checker does not know still a real word? (wordfreq decides)

Harper's dictionary is general English; study articles are full of real technical words it does
not know (glomerular, ketoacidosis, renin, sinoatrial...). Listing them all in
schemas/dictionary.txt cannot keep up with 200,000 articles, and a spelling rule that cries
wolf is switched off. wordfreq (Robyn Speer's word-frequency lists, built from Wikipedia,
books, subtitles and the web, shipped inside the package) knows them. It also knows common
misspellings ("teh", "recieve"), so a word is accepted only when it is used somewhere AND no
suggestion one or two keystrokes away is a far more common word: "recieve" (Zipf 2.8) is a
slip for "receive" (4.9), while "renin" (2.1) is not one for "resin" (3.6, a gap under the bar)
and "natriuretic" is no slip for "patriotic" (three edits away). Measured on Harper's real
suggestions; see tests/grammar/test_vocabulary.py.
"""
from __future__ import annotations

import re
from functools import lru_cache

MIN_ZIPF = 1.0  # used at least about once per 100 million words
MAX_GAP = 1.55  # a near suggestion this much more common (log10 scale) means a slip of the keyboard
MAX_EDITS = 2  # suggestions further away than this are other words, not the intended one


@lru_cache(maxsize=1)
def _zipf():
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=65536)
def frequency(word: str) -> float:
    return _zipf()(word, "en")


_ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9+\-/]*[A-Z0-9+]|[A-Za-z]*\d[A-Za-z0-9+\-]*")


def looks_like_typo(word: str, suggestions: tuple[str, ...]) -> bool:
    """Report a word the checker does not know only when it looks like a slip of the keyboard:
    not an acronym or a code (NCX, SGLT1, VSEPR), a suggestion one or two edits away exists
    (a term with no near neighbour is more likely real than mistyped), and the word is unknown to
    wordfreq or that suggestion is far more common."""
    word = word.strip()
    if not word or _ACRONYM.fullmatch(word):
        return False
    near = [s for s in suggestions
            if " " not in s and s.lower() != word.lower() and edits(word.lower(), s.lower()) <= MAX_EDITS]
    if not near:
        return False
    own = frequency(word)
    if own < MIN_ZIPF:
        return True
    return max(frequency(s) for s in near) - own >= MAX_GAP


def is_real_word(word: str, suggestions: tuple[str, ...]) -> bool:
    return not looks_like_typo(word, suggestions)


def edits(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, transpositions."""
    if abs(len(a) - len(b)) > MAX_EDITS:
        return MAX_EDITS + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]
