"""Which pieces of a field to cut into passages: a few lines around the anchors, not the whole field.

runs.cut needs the field's line tables (plain, clean, low, line starts), and making them for a
whole answer costs more than the walk over the few lines it cuts. So each anchor's lines are cut
from a piece of the field, `text[a:b]`, made into its own passages.Prepared: the piece starts at a
line break (kept, so the piece's line 0 is empty and its line 1 is the field's line) and ends at
a line's end. A piece gives the very passages the field gives on those lines when:

- it starts at a line that is neither a list item (the walk over all lines reaches it, and
  runs._fresh_line stops there) nor right below a heading (runs._run_start stops there): its raw
  text starts with a letter or '#', and the nearest line above that is not empty starts with a
  letter (a heading starts with '#'; an item with a marker, which is no letter);
- it ends after every line a walk from its anchors' lines may take into a lead-in's passage: at
  most _MAX_ITEMS lines, and none after a line that is no list item (empty, or starting with a
  letter): Prepared._merge_list stops there;
- each line is made the same in the piece: a line break is no emphasis, marker or word
  character, so the emphasis, marker and sentence patterns, normalising and lowering give the
  same characters on either side of it; and a passage's result depends only on its own text and
  the character before it (memo.py: true when the invariants are `memo_safe`).

Lines here are split at the literal backslash + n only; a field holding a real newline is cut
whole (the caller's fallback), as is one where no piece is much smaller than the field.
"""
from __future__ import annotations

from .passages import _MAX_ITEMS

_BREAK = "\\n"


def pieces(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """[(a, b), ...]: pieces of `text` holding every span (sorted by start), in order and apart;
    None: cut the whole field."""
    if "\n" in text:
        return None
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and end <= out[-1][1]:
            continue  # in the last piece
        a = _safe_start(text, _line_start(text, start))
        b = _safe_end(text, _line_start(text, max(start, end - 1)))
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _line_start(text: str, offset: int) -> int:
    """Where the line holding `offset` starts: right after a break's backslash (at the "n" the
    line starts with, made a blank), or 0."""
    return text.rfind(_BREAK, 0, offset + 1) + 1


def _head(text: str, start: int) -> str:
    """The first two characters of the line starting at `start`, after its "n" and spaces: ""
    or a break for an empty line."""
    at = start + 1 if start else 0
    while text.startswith(" ", at):
        at += 1
    return text[at:at + 2]


def _letter(head: str) -> bool:
    return head[:1].isascii() and head[:1].isalpha()


def _empty(head: str) -> bool:
    return not head or head == _BREAK


def _fresh(text: str, start: int) -> bool:
    """Whether a piece may start with the line starting at `start` (> 0): the walk over all lines
    reaches it and runs._run_start stops there. It is no list item (it starts with a letter or
    '#'), or the line right above is empty (no lead-in); and the nearest line above that is not
    empty is no heading (it starts with neither '#' nor a blank)."""
    above = text.rfind(_BREAK, 0, start - 1) + 1
    head = _head(text, start)
    if not (_letter(head) or head.startswith("#") or _empty(_head(text, above))):
        return False
    while True:
        head = _head(text, above)
        if not _empty(head):
            return not (head.startswith("#") or head[0].isspace())
        if not above:
            return True  # only empty lines above
        above = text.rfind(_BREAK, 0, above - 1) + 1


def _safe_start(text: str, start: int) -> int:
    """The piece start for an anchor on the line starting at `start`: the break before the
    nearest line at or above it that a piece may start with, or 0."""
    while start and not _fresh(text, start):
        start = text.rfind(_BREAK, 0, start - 1) + 1
    return start - 1 if start else 0


def _safe_end(text: str, start: int) -> int:
    """The piece end for an anchor on the line starting at `start`: the end of the last line a
    lead-in on it may take in (at most _MAX_ITEMS, none after a line that is no list item)."""
    end = len(text)
    for _ in range(_MAX_ITEMS + 1):
        end = text.find(_BREAK, start)
        if end < 0:
            return len(text)
        start = end + 1
        head = _head(text, start)
        if not head or head == _BREAK or _letter(head):
            return end  # the next line is no list item: the walk takes no line from here on
    return end
