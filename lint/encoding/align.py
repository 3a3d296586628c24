"""Align a line with ftfy's repair of it, to find the smallest pieces that changed.

An encoding repair only rewrites runs of non-ASCII characters (a UTF-8 sequence read as a
code page is all bytes >= 0x80, so all non-ASCII characters); the ASCII text between them is
left alone. So in the common case the two lines have the same "ASCII skeleton", and the
n-th non-ASCII run of the old line simply became the n-th run of the new one: alignment is
one linear pass (`_aligned_runs`).

Two ftfy repairs touch ASCII too: `restore_byte_a0` (an ASCII space that used to be byte A0,
"voilÃ  le" -> "voilà le") and `replace_lossy_sequences` (an ASCII "?" that stood for a lost
byte). Even then ASCII letters and digits never change, so the gaps between them are paired
(`_word_aligned`) and each changed gap, which is short, is aligned on its own, by the skeleton
or by an exact difflib diff widened to whole non-ASCII runs so it never cuts a sequence.
This stays linear in the line length (no quadratic diff of a 5,000-character line).

Every result (i1, i2, j1, j2) means old[i1:i2] became new[j1:j2]; replacing all of them in
old gives new exactly (checked; if not, one span covering the whole change is returned).
"""

from __future__ import annotations

import difflib
import re

import ftfy
from ftfy.chardata import CHARMAP_ENCODINGS

from ..chars import non_ascii_runs

Span = tuple[int, int, int, int]

_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_JOINER = re.compile(r"[ ?\u0080-\U0010ffff]*")
# difflib is quadratic; a longer changed gap (say, a CJK paragraph) stays one span
_EXACT_DIFF_LIMIT = 2000

# Characters a single-byte code page can turn a UTF-8 byte into: the only characters mojibake
# is made of. A character outside this set (CJK, emoji, "→", "⁺") is never part of a sequence,
# so it can be cut off the edge of a span.
_MOJIBAKE_ALPHABET = frozenset(
    "".join(bytes(range(0x80, 0x100)).decode(encoding) for encoding in CHARMAP_ENCODINGS)
)


def changed_spans(old: str, new: str) -> list[Span]:
    if old == new:
        return []
    spans = _aligned_runs(old, new)
    if spans is None:
        spans = _word_aligned(old, new)
    if spans is None:
        return [_outer_span(old, new)]
    spans = [_trim(old, new, span) for span in spans]
    if _rebuild(old, new, spans) != new:  # never expected; never hand out a wrong edit
        return [_outer_span(old, new)]
    return spans


def _aligned_runs(old: str, new: str) -> list[Span] | None:
    """Pair the n-th non-ASCII run of old with that of new; None if the ASCII differs."""
    old_runs = non_ascii_runs(old)
    new_runs = non_ascii_runs(new)
    if len(old_runs) != len(new_runs):
        return None
    spans: list[Span] = []
    old_pos = new_pos = 0
    for (i1, i2), (j1, j2) in zip(old_runs, new_runs):
        if old[old_pos:i1] != new[new_pos:j1]:
            return None
        if old[i1:i2] != new[j1:j2]:
            spans.append((i1, i2, j1, j2))
        old_pos, new_pos = i2, j2
    if old[old_pos:] != new[new_pos:]:
        return None
    return spans


def _word_aligned(old: str, new: str) -> list[Span] | None:
    """Pair the gaps between ASCII words (which an encoding repair never touches) and align
    each changed pair of gaps on its own; None if the words differ."""
    old_words = [m.span() for m in _ASCII_WORD.finditer(old)]
    new_words = [m.span() for m in _ASCII_WORD.finditer(new)]
    if [old[i:j] for i, j in old_words] != [new[i:j] for i, j in new_words]:
        return None
    # gap k runs from the end of word k-1 to the start of word k (plus the tail)
    old_gaps = zip([0] + [end for _, end in old_words], [start for start, _ in old_words] + [len(old)])
    new_gaps = zip([0] + [end for _, end in new_words], [start for start, _ in new_words] + [len(new)])
    spans: list[Span] = []
    for (i1, i2), (j1, j2) in zip(old_gaps, new_gaps):
        a, b = old[i1:i2], new[j1:j2]
        if a == b:
            continue
        pieces = _aligned_runs(a, b)
        if pieces is None:
            pieces = _diffed_runs(a, b) if len(a) + len(b) <= _EXACT_DIFF_LIMIT else [_outer_span(a, b)]
        spans.extend((i1 + p1, i1 + p2, j1 + q1, j1 + q2) for p1, p2, q1, q2 in pieces)
    return spans


def _diffed_runs(old: str, new: str) -> list[Span]:
    """difflib opcodes, each widened over neighbouring unchanged non-ASCII characters, and
    merged where they meet or are apart only by spaces or "?" (which restore_byte_a0 and
    replace_lossy_sequences treat as bytes of a sequence). Only the part between the common
    prefix and suffix is diffed."""
    prefix, suffix = _common_ends(old, new)
    a, b = old[prefix : len(old) - suffix], new[prefix : len(new) - suffix]
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    # the unchanged prefix and suffix are equal blocks too, so widening can reach into them
    opcodes = (
        [("equal", 0, prefix, 0, prefix)]
        + [(tag, i1 + prefix, i2 + prefix, j1 + prefix, j2 + prefix) for tag, i1, i2, j1, j2 in opcodes]
        + [("equal", len(old) - suffix, len(old), len(new) - suffix, len(new))]
    )
    spans: list[Span] = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            continue
        before = opcodes[index - 1]  # always an equal block (possibly empty)
        while i1 > before[1] and not old[i1 - 1].isascii():
            i1, j1 = i1 - 1, j1 - 1
        after = opcodes[index + 1]
        while i2 < after[2] and not old[i2].isascii():
            i2, j2 = i2 + 1, j2 + 1
        if spans and (spans[-1][1] >= i1 or _JOINER.fullmatch(old[spans[-1][1] : i1])):
            spans[-1] = (spans[-1][0], i2, spans[-1][2], j2)
        else:
            spans.append((i1, i2, j1, j2))
    return spans


def _trim(old: str, new: str, span: Span) -> Span:
    """Drop unchanged characters from both ends, keeping both sides non-empty: at once when
    the character can never be part of mojibake (CJK, emoji, "→"), otherwise only when ftfy
    repairs the shorter piece on its own to the same result ("’Ã©" -> "Ã©", but "Â£Â£" stays
    whole rather than becoming "Â£Â")."""
    i1, i2, j1, j2 = span
    while i2 - i1 > 1 and j2 - j1 > 1 and old[i1] == new[j1]:
        if not (_never_mojibake(old[i1]) or _repairs_to(old[i1 + 1 : i2], new[j1 + 1 : j2])):
            break
        i1, j1 = i1 + 1, j1 + 1
    while i2 - i1 > 1 and j2 - j1 > 1 and old[i2 - 1] == new[j2 - 1]:
        if not (_never_mojibake(old[i2 - 1]) or _repairs_to(old[i1 : i2 - 1], new[j1 : j2 - 1])):
            break
        i2, j2 = i2 - 1, j2 - 1
    return i1, i2, j1, j2


def _never_mojibake(char: str) -> bool:
    return char.isascii() or char not in _MOJIBAKE_ALPHABET


def _repairs_to(bad: str, fixed: str) -> bool:
    return ftfy.fix_encoding(bad) == fixed


def _rebuild(old: str, new: str, spans: list[Span]) -> str:
    pieces: list[str] = []
    position = 0
    for i1, i2, j1, j2 in spans:
        if i1 < position:
            return ""
        pieces.append(old[position:i1])
        pieces.append(new[j1:j2])
        position = i2
    pieces.append(old[position:])
    return "".join(pieces)


def _outer_span(old: str, new: str) -> Span:
    prefix, suffix = _common_ends(old, new)
    return prefix, len(old) - suffix, prefix, len(new) - suffix


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """Lengths of the common prefix and of the common suffix (not overlapping it)."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, suffix
