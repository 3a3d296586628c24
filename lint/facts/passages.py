"""A prose field cut into passages: sentences, and a lead-in ending in ':' together with its list.

The field is the string YAML gives: Markdown on one line, paragraph breaks written as the two
characters backslash + n. Every copy made here has the length of the original, so a passage's
offsets are offsets into the field.

Most fields state no fact, so nothing is cut up front: runs.py cuts only the lines around the
places that may hold one (with `Prepared.walk`), and gets the very passages the whole field would
(`Prepared.passages`).
"""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from typing import NamedTuple

from .terms import lowered, normalise

# a list item or heading marker at a line start, matched at the start of the field and after each
# newline (lines are split at "\n" only, hence [^\S\n]; the newline first lets `re` jump from one
# line to the next)
_MARKER = re.compile(r"([^\S\n]*)([-*+]|\d{1,3}[.)]|#{1,6})[^\S\n]+")
_NEWLINE_MARKER = re.compile(r"\n" + _MARKER.pattern)
_EMPHASIS = re.compile(r"\*\*|__|`|\*(?<![\w*]\*)(?=\S)|\*(?<=\S\*)(?![\w*])")
# a sentence ends at . ! ? followed by space and something that starts a sentence
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'(\[]?[A-Z0-9+\-])")
# what must follow a sentence's last mark: _SENTENCE_END's lookahead, matched at the places of the
# marks, which `str.find` finds (a regex scan for a character class tries every position)
_AFTER_END = re.compile(r"\s+[\"'(\[]?[A-Z0-9+\-]")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?i:e\.g|i\.e|approx|vs|etc|fig|figs|al|ca|cf|dr|no|resp|ref|eq|ed|vol|ch)"
    # an initial ("J. Smith"), but not a unit after a number ("-70 V. Without it ...")
    r"|(?<![\d.,] )(?<!\d)\b[A-Z])$")
# _ABBREVIATIONS ends the text it is given and looks at most 8 characters back ("approx" and the
# word boundary and two-character check before it), so the last 12 characters decide
_ABBREVIATION_REACH = 12
# what _ABBREVIATIONS can end with, by last character (in the lowered text, where an ASCII word
# matches as IGNORECASE matches it: terms.lowered); or else it ends with a capital A-Z
_ABBREVIATION_ENDS: dict[str, tuple[str, ...]] = {}
for _word in ("e.g", "i.e", "approx", "vs", "etc", "fig", "figs", "al", "ca", "cf", "dr", "no", "resp", "ref",
              "eq", "ed", "vol", "ch"):
    _ABBREVIATION_ENDS[_word[-1]] = _ABBREVIATION_ENDS.get(_word[-1], ()) + (_word,)
_MAX_ITEM_WORDS = 30
_MAX_ITEMS = 8


def _sentence_ends(clean: str, start: int, end: int) -> list[int]:
    """Where `_SENTENCE_END.finditer(clean, start, end)` matches (each match is its one mark, so
    the matches are the marks whose lookahead matches within `end`), in order."""
    out = []
    for mark in ".!?":
        at = clean.find(mark, start, end)
        while at >= 0:
            if _AFTER_END.match(clean, at + 1, end) is not None:
                out.append(at)
            at = clean.find(mark, at + 1, end)
    out.sort()  # the three marks' places, merged
    return out


class Passage(NamedTuple):  # a value, made by the thousand: a tuple is quicker to make
    start: int
    end: int
    line: int  # index of the source line (after literal \n were split), for carrying context
    heading: bool = False
    items: tuple[int, ...] = ()  # offsets where the merged list items start (clause breaks)


class _once:
    """functools.cached_property without its lock (which Python 3.11 takes on each first use)."""

    def __init__(self, compute) -> None:
        self.compute, self.name = compute, compute.__name__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.compute(obj)
        return value


class Line(NamedTuple):
    start: int
    end: int
    indent: int  # leading blanks of a list item (only items' indents are compared)
    item: bool
    heading: bool


def _emphasis_to_nul(m: re.Match[str]) -> str:
    return "\0" * (m.end() - m.start())


def _emphasis_made_nul(text: str) -> str:
    """`text` with each Markdown emphasis marker `_EMPHASIS` finds made NUL."""
    if "*" not in text and "_" not in text and "`" not in text:
        return text
    bold = text.replace("**", "\0\0")
    if "*" not in bold and "`" not in text and "__" not in text:
        # every "*" was in a run of an even length (bold, the common case): `_EMPHASIS` takes
        # those two by two, from the left, and finds nothing else
        return bold
    return _EMPHASIS.sub(_emphasis_to_nul, text)


def rough_copies(text: str) -> tuple[str, str]:
    """(normalise(text), lowered(normalise(text))): a Prepared's rough copies."""
    if text.isascii():  # what normalise and lowered give an ASCII text, without the calls
        return text, text.lower()
    rough = normalise(text)
    return rough, lowered(rough)


class Prepared:
    """One prose field: `plain` (literal \\n made a newline, Markdown emphasis made NUL, dropped from
    quotes), `clean` (plain, normalised: Na⁺ -> Na+, with emphasis, list and heading markers
    blanked: for matching) and `low` (clean, lowered: for case-insensitive phrases), each made
    when first needed.

    `rough` is the field only normalised (and `rough_low` lowered): a word (no blank in it) found
    in `clean` or `low` is found in them at the same place, so they tell cheaply whether and where
    a field may hold one, before `clean` is made (made up front, but for a `piece` of a field,
    window.py, which needs neither)."""

    def __init__(self, text: str, piece: bool = False, rough: tuple[str, str] | None = None,
                 memo: dict | None = None) -> None:
        """`rough`: (rough, rough_low) when the caller made them (rough_copies), with the `memo` of
        what it worked out from them."""
        self.text = text
        if rough is not None:
            self.rough, self.rough_low = rough
        elif not piece:  # every field is screened in its rough copies first (anchors.py)
            self.rough, self.rough_low = rough_copies(text)
        self.memo: dict = {} if memo is None else memo  # what the facts engine worked out about the field, by name
        self._lines: dict[int, Line] = {}

    @_once
    def rough(self) -> str:
        return normalise(self.text)

    @_once
    def rough_low(self) -> str:
        return lowered(self.rough)

    @_once
    def plain(self) -> str:
        return _emphasis_made_nul(self.text.replace("\\n", "\n "))

    @_once
    def _marks(self) -> list[tuple[int, int]]:
        """(start, end) of each list or heading marker, in order (at most one a line, after its blanks)."""
        plain = self.plain
        first = _MARKER.match(plain)
        marks = [first.span(2)] if first else []
        marks += [m.span(2) for m in _NEWLINE_MARKER.finditer(plain)]
        return marks

    @_once
    def _mark_starts(self) -> list[int]:
        return [start for start, _ in self._marks]

    @_once
    def clean(self) -> str:
        blanked = self.plain.replace("\0", " ")
        if self._marks:
            pieces, done = [], 0
            for start, end in self._marks:
                pieces.append(blanked[done:start])
                pieces.append(" " * (end - start))
                done = end
            pieces.append(blanked[done:])
            blanked = "".join(pieces)
        return normalise(blanked)

    @_once
    def low(self) -> str:
        return lowered(self.clean)

    @_once
    def line_starts(self) -> list[int]:
        starts = list(accumulate(map((1).__add__, map(len, self.plain.split("\n"))), initial=0))
        starts.pop()  # where a line after the last would start
        return starts

    @_once
    def lines(self) -> tuple[Line, ...]:
        return tuple(self.line(i) for i in range(len(self.line_starts)))

    def line(self, index: int) -> Line:
        line = self._lines.get(index)
        if line is None:
            line = self._lines[index] = self._make_line(index)
        return line

    def _make_line(self, index: int) -> Line:
        starts = self.line_starts
        start = starts[index]
        end = starts[index + 1] - 1 if index + 1 < len(starts) else len(self.plain)
        marks = self._mark_starts
        at = bisect.bisect_left(marks, start)
        if at == len(marks) or marks[at] >= end:  # a line's marker starts on it, after its blanks
            return Line(start, end, 0, False, False)
        mark = marks[at]
        item = self.plain[mark] != "#"
        return Line(start, end, mark - start, item, not item)

    @_once
    def passages(self) -> tuple[Passage, ...]:
        """Every passage of the field, in order."""
        return tuple(self.walk(0, len(self.line_starts))[0])

    def quote(self, start: int, end: int) -> str:
        return " ".join(self.plain[start:end].replace("\0", "").split())

    def walk(self, index: int, stop: int) -> tuple[list[Passage], int]:
        """Passages of the lines from `index` (a line the walk over all lines reaches) until the
        walk reaches a line at or after `stop`; and that line."""
        out: list[Passage] = []
        starts, clean = self.line_starts, self.clean
        stop = min(stop, len(starts))
        while index < stop:
            start = starts[index]
            if (index + 1 < len(starts) and starts[index + 1] - start <= 2
                    and not clean[start:starts[index + 1] - 1].strip()):
                index += 1  # an empty line, or one blank (after a break): no passage, no lead-in
                continue
            line = self.line(index)
            sentences = self._sentences(line.start, line.end)
            if line.heading:
                out += [Passage(s, e, index, heading=True) for s, e in sentences]
                index += 1
                continue
            merged = self._merge_list(index, line, sentences)
            if merged:
                items, last_end, consumed = merged
                out += [Passage(s, e, index) for s, e in sentences[:-1]]
                out.append(Passage(sentences[-1][0], last_end, index, items=items))
                index += consumed + 1
                continue
            out += [Passage(s, e, index) for s, e in sentences]
            index += 1
        return out, index

    def _sentences(self, start: int, end: int) -> list[tuple[int, int]]:
        clean = self.clean
        if end - start <= 1 and not clean[start:end].strip():
            return []  # an empty line (a piece's first, or the blank after a break): no sentence
        cuts, begin = [], start
        for at in _sentence_ends(clean, start, end):
            if self._abbreviation(max(begin, at - _ABBREVIATION_REACH), at):
                continue
            cuts.append((begin, at + 1))
            begin = at + 1
        cuts.append((begin, end))
        out = []
        for s, e in cuts:  # without the blanks around
            segment = clean[s:e]
            kept = segment.strip()
            if kept:
                s += len(segment) - len(segment.lstrip())
                out.append((s, s + len(kept)))
        return out

    def _abbreviation(self, start: int, end: int) -> bool:
        """Whether clean[start:end] ends with an abbreviation or an initial (_ABBREVIATIONS); the
        regex only where the last word or letter may be one."""
        if end <= start:
            return False
        if not "A" <= self.clean[end - 1] <= "Z":
            ends = _ABBREVIATION_ENDS.get(self.low[end - 1])
            if ends is None or not self.low.endswith(ends, start, end):
                return False
        return _ABBREVIATIONS.search(self.clean[start:end]) is not None

    def _merge_list(self, index: int, lead: Line, sentences: list[tuple[int, int]]):
        """A line ending in ':' followed by short list items: (item starts, end, items consumed)."""
        if not sentences or self.clean[sentences[-1][1] - 1] != ":":
            return None
        items: list[int] = []
        last_end = sentences[-1][1]
        for following in range(index + 1, min(index + 1 + _MAX_ITEMS, len(self.line_starts))):
            line = self.line(following)
            if not line.item or line.heading or (lead.item and line.indent <= lead.indent):
                break
            spans = self._sentences(line.start, line.end)
            if len(spans) != 1 or len(self.clean[spans[0][0]:spans[0][1]].split()) > _MAX_ITEM_WORDS:
                break
            items.append(spans[0][0])
            last_end = spans[0][1]
        return (tuple(items), last_end, len(items)) if items else None


def prepare(text: str) -> Prepared:
    return Prepared(text)
