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
MAX_GAP = 2.5  # a one-edit suggestion this much more common (log10 scale) means a slip of the keyboard
TYPO_GAP = 1.0  # ... or only this much, when the edit is a swap or a doubled letter
MAX_EDITS = 2  # for a non-word, suggestions further away than this are other words, not the intended one


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
    base = word[:-2] if word.endswith(("'s", "’s")) else word
    distance = {s: edits(base.lower(), s.lower()) for s in suggestions
                if " " not in s and s.lower() != base.lower()}
    own = frequency(base)
    if own < MIN_ZIPF:  # not a word anyone uses: a slip if something is close by
        return any(d <= MAX_EDITS for d in distance.values())
    # A word in use (a technical term, or a famous misspelling). The classic slips swap two
    # letters (recieve, thier) or double or undouble one (occured, accomodate): against a
    # neighbour ten times more common, that is a slip. Any other one-edit neighbour must be
    # hundreds of times more common: "pili" (pile), "statins" (stations), "lytic" (lyric) are real.
    for s, d in distance.items():
        if d != 1:
            continue
        gap = frequency(s) - own
        if gap >= MAX_GAP or (gap >= TYPO_GAP and _keyboard_slip(base.lower(), s.lower())):
            return True
    return False


def _keyboard_slip(a: str, b: str) -> bool:
    """Two adjacent letters swapped, or one letter doubled or undoubled."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) - len(short) != 1:
        return False
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    extra = long_[i]
    return long_[:i] + long_[i + 1:] == short and ((i > 0 and long_[i - 1] == extra)
                                                   or (i + 1 < len(long_) and long_[i + 1] == extra))


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
