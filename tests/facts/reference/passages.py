"""A prose field cut into passages: sentences, and a lead-in ending in ':' together with its list.

The field is the string YAML gives: Markdown on one line, paragraph breaks written as the two
characters backslash + n. Every copy made here has the length of the original, so a passage's
offsets are offsets into the field.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .terms import normalise

_LIST_MARKER = re.compile(r"^(\s*)([-*+]|\d{1,3}[.)])\s+")
_HEADING = re.compile(r"^(\s*)(#{1,6})\s+")
_EMPHASIS = re.compile(r"\*\*|__|`|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
# a sentence ends at . ! ? followed by space and something that starts a sentence
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'(\[]?[A-Z0-9+\-])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?i:e\.g|i\.e|approx|vs|etc|fig|figs|al|ca|cf|dr|no|resp|ref|eq|ed|vol|ch)"
    # an initial ("J. Smith"), but not a unit after a number ("-70 V. Without it ...")
    r"|(?<![\d.,] )(?<!\d)\b[A-Z])$")
_MAX_ITEM_WORDS = 30
_MAX_ITEMS = 8


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    line: int  # index of the source line (after literal \n were split), for carrying context
    heading: bool = False
    items: tuple[int, ...] = ()  # offsets where the merged list items start (clause breaks)


@dataclass(frozen=True)
class Prepared:
    text: str  # the field as given
    plain: str  # literal \n made a newline, Markdown emphasis made NUL (dropped): for quotes
    clean: str  # plain, normalised (Na⁺ -> Na+) with list and heading markers blanked: for matching
    passages: tuple[Passage, ...]

    def quote(self, start: int, end: int) -> str:
        return " ".join(self.plain[start:end].replace("\0", "").split())


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def prepare(text: str) -> Prepared:
    chars = list(text)
    for m in re.finditer(r"\\n", text):  # the two characters backslash + n: a line break
        chars[m.start()], chars[m.start() + 1] = "\n", " "
    plain_text = "".join(chars)
    for m in _EMPHASIS.finditer(plain_text):  # NUL: dropped from quotes, a space for matching
        chars[m.start():m.end()] = "\0" * (m.end() - m.start())
    plain = "".join(chars)
    clean_chars = list(normalise(plain.replace("\0", " ")))
    lines = []  # (start, end, indent, is_item, is_heading)
    pos = 0
    for raw in plain.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        item = _LIST_MARKER.match(raw)
        heading = _HEADING.match(raw)
        marker = item or heading
        if marker:
            _blank(clean_chars, start + marker.start(2), start + marker.end(2))
        indent = len(raw) - len(raw.lstrip())
        lines.append((start, end, indent, bool(item), bool(heading)))
    clean = "".join(clean_chars)
    return Prepared(text, plain, clean, tuple(_passages(clean, lines)))


def _sentences(clean: str, start: int, end: int) -> list[tuple[int, int]]:
    out, begin = [], start
    for m in _SENTENCE_END.finditer(clean, start, end):
        if _ABBREVIATIONS.search(clean[begin:m.start()]):
            continue
        out.append((begin, m.end()))
        begin = m.end()
    out.append((begin, end))
    return [span for span in (_trim(clean, s, e) for s, e in out) if span]


def _trim(clean: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and clean[start].isspace():
        start += 1
    while end > start and clean[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _passages(clean: str, lines: list[tuple[int, int, int, bool, bool]]) -> list[Passage]:
    out: list[Passage] = []
    index = 0
    while index < len(lines):
        start, end, indent, is_item, is_heading = lines[index]
        sentences = _sentences(clean, start, end)
        if is_heading:
            out.extend(Passage(s, e, index, heading=True) for s, e in sentences)
            index += 1
            continue
        merged = _merge_list(clean, lines, index, indent, is_item, sentences)
        out.extend(Passage(s, e, index) for s, e in sentences[:-1] if merged)
        if merged:
            lead_start = sentences[-1][0]
            items, last_end, consumed = merged
            out.append(Passage(lead_start, last_end, index, items=items))
            index += consumed + 1
            continue
        out.extend(Passage(s, e, index) for s, e in sentences)
        index += 1
    return out


def _merge_list(clean, lines, index, indent, is_item, sentences):
    """A line ending in ':' followed by short list items: (item starts, end, items consumed)."""
    if not sentences or not clean[sentences[-1][0]:sentences[-1][1]].endswith(":"):
        return None
    items: list[int] = []
    last_end = sentences[-1][1]
    for start, end, item_indent, item, heading in lines[index + 1:index + 1 + _MAX_ITEMS]:
        if not item or heading or (is_item and item_indent <= indent):
            break
        spans = _sentences(clean, start, end)
        if len(spans) != 1 or len(clean[spans[0][0]:spans[0][1]].split()) > _MAX_ITEM_WORDS:
            break
        items.append(spans[0][0])
        last_end = spans[0][1]
    return (tuple(items), last_end, len(items)) if items else None
