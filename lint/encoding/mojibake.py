"""Find mojibake (UTF-8 read as a single-byte code page) with ftfy and say exactly where it is.

ftfy decides; this module only locates. Each line of the text is given to
`ftfy.fix_encoding_and_explain` (encoding repair only: no quote uncurling, no HTML unescaping),
after ftfy's own badness check (`ftfy.badness.is_bad`) has said the line looks damaged.
When ftfy changes a line, the old and new line are aligned (see `align.py`) and every changed
piece becomes one `Mojibake` with its offsets in the whole text.

Why per line: a file holds many unrelated strings (title, answer, keywords, body). ftfy's
whole-string decisions ("can the entire string be re-decoded?") should not let a legitimate
"→" in one field stop the repair of "Hereâ€™s" in another, and ftfy's own `fix_text` also
works line by line. A mojibake sequence never spans a line break.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import ftfy
from ftfy.badness import is_bad

from ..chars import non_ascii_chars, non_ascii_runs
from ..diagnostic import Edit
from .align import changed_spans
from .suspects import may_be_bad

# longer than the longest match of ftfy's badness regex (7 characters in ftfy 6.3)
_REACH = 8
# below this length the windows cost more than the plain search
_WINDOWED_FROM = 200

# How far `Mojibake.in_context` looks for the ends of the surrounding word.
_CONTEXT_LIMIT = 40
_WORD_END = re.compile(r"\s")


@dataclass(frozen=True, slots=True)
class Mojibake:
    """text[start:end] == bad is mojibake; ftfy's repair of it is `fixed`.

    `steps` is ftfy's plan for the line the sequence sits on, e.g.
    ("encode:sloppy-windows-1252", "decode:utf-8"); a repair of a lone C1 control character
    is ("encode:latin-1", "decode:windows-1252") or ("transcode:fix_c1_controls",).
    """

    start: int
    end: int
    bad: str
    fixed: str
    steps: tuple[str, ...] = ()

    @property
    def lossy(self) -> bool:
        """True when the repair still holds U+FFFD: part of the original text was lost."""
        return "\ufffd" in self.fixed

    @property
    def c1_only(self) -> bool:
        """True when the repair only reads C1 control characters as Windows-1252 (e.g. \\x92 -> ’),
        a weaker guess than re-decoding a whole UTF-8 sequence."""
        return bool(self.steps) and all(
            step in ("encode:latin-1", "decode:windows-1252", "transcode:fix_c1_controls")
            for step in self.steps
        )

    def edit(self) -> Edit:
        return Edit(self.start, self.end, self.fixed)

    def in_context(self, text: str) -> tuple[str, str]:
        """The whitespace-delimited word around the sequence, before and after repair, for
        messages: ("Hereâ€™s", "Here’s"). At most 40 characters are added on each side."""
        left = self.start
        floor = max(0, self.start - _CONTEXT_LIMIT)
        while left > floor and not _WORD_END.match(text[left - 1]):
            left -= 1
        right = self.end
        ceiling = min(len(text), self.end + _CONTEXT_LIMIT)
        while right < ceiling and not _WORD_END.match(text[right]):
            right += 1
        before, after = text[left : self.start], text[self.end : right]
        return before + self.bad + after, before + self.fixed + after


def find_mojibake(text: str, chars: frozenset[str] | None = None) -> list[Mojibake]:
    """Every mojibake sequence ftfy can repair in `text`, in order, as minimal non-overlapping
    spans (offsets into `text`). Applying all their edits gives ftfy's `fix_encoding` of each
    line; applying any subset is also safe (spans are independent).

    Pure ASCII text returns at once; so does text whose non-ASCII characters cannot make up a
    match of ftfy's badness regex in any order (lint/encoding/suspects.py: a curly apostrophe,
    an en dash...), and any line ftfy's badness check finds clean. Results for the last few
    texts are cached, so several rules may call this on one file. `chars`: non_ascii_chars(text),
    when the caller has it.
    """
    if text.isascii() or not may_be_bad(non_ascii_chars(text) if chars is None else chars):
        return []
    return list(_find_cached(text))


@functools.lru_cache(maxsize=16)
def _find_cached(text: str) -> tuple[Mojibake, ...]:
    found: list[Mojibake] = []
    for line_start, line, runs in _non_ascii_lines(text):
        if not looks_bad(line, runs):
            continue
        result = ftfy.fix_encoding_and_explain(line)
        if result.text == line:
            continue
        steps = tuple(f"{step.action}:{step.parameter}" for step in result.explanation)
        for i1, i2, j1, j2 in changed_spans(line, result.text):
            found.append(Mojibake(line_start + i1, line_start + i2, line[i1:i2], result.text[j1:j2], steps))
    return tuple(found)


def looks_bad(line: str, runs: Sequence[tuple[int, int]] | None = None) -> bool:
    """`ftfy.badness.is_bad(line)`, computed on the surroundings of the non-ASCII runs only.

    is_bad runs a large regex at every position of the line (about 0.3 µs a character, 0.7 ms
    for a typical answer line). Every match of that regex holds a non-ASCII character and is at
    most 7 characters long (ftfy 6.3; tests check both), so it lies inside a run widened by
    _REACH characters on each side. The regex has no lookaround and its one anchor (`^`) only
    meets the true line start, because a window that starts later starts on ASCII.
    `runs`: the (start, end) of the line's non-ASCII runs when the caller already has them.
    """
    if len(line) <= _WINDOWED_FROM:
        return is_bad(line)
    window_start = window_end = -1
    for run_start, run_end in runs if runs is not None else non_ascii_runs(line):
        start, end = max(0, run_start - _REACH), run_end + _REACH
        if start > window_end:
            if window_end > 0 and is_bad(line[window_start:window_end]):
                return True
            window_start = start
        window_end = end
    return window_end > 0 and is_bad(line[window_start:window_end])


def _non_ascii_lines(text: str) -> Iterator[tuple[int, str, list[tuple[int, int]]]]:
    """(offset, line without its line ending, its non-ASCII runs relative to the line) for each
    line holding a non-ASCII character; ASCII lines are never looked at."""
    runs = non_ascii_runs(text)
    i = 0
    while i < len(runs):
        first = runs[i][0]
        line_start = text.rfind("\n", 0, first) + 1
        newline = text.find("\n", first)
        line_end = len(text) if newline < 0 else newline
        if line_end > line_start and text[line_end - 1] == "\r":
            line_end -= 1
        mine = []
        while i < len(runs) and (newline < 0 or runs[i][0] < newline):
            mine.append((runs[i][0] - line_start, min(runs[i][1], line_end) - line_start))
            i += 1
        yield line_start, text[line_start:line_end], mine
