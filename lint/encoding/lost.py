"""Characters whose original text is already gone: U+FFFD and C1 control characters.

U+FFFD (�) is what a decoder writes when it could not read a byte; C1 controls (U+0080-U+009F)
are what a Latin-1 reader makes of Windows-1252 punctuation, and have no use in an article.
Neither can be repaired from the text alone, so these findings carry no automatic fix.

A C1 character that ftfy *can* read as part of a mojibake sequence ("Ã\\x81" -> "Á", or a lone
"\\x92" -> "’") is reported by `find_mojibake` with its repair instead, never here.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..chars import LOST_CHARACTERS as _LOST_CHARACTERS
from ..chars import non_ascii_chars
from .mojibake import Mojibake, find_mojibake

REPLACEMENT_CHARACTER = "replacement-character"
C1_CONTROL = "c1-control"

_LOST = re.compile(r"[\x80-\x9f\ufffd]")


@dataclass(frozen=True, slots=True)
class LostCharacter:
    """text[start:end] == text: a run of one or more characters of one `kind`
    (REPLACEMENT_CHARACTER or C1_CONTROL)."""

    start: int
    end: int
    text: str
    kind: str

    @property
    def codepoints(self) -> str:
        """'U+FFFD U+FFFD' - C1 characters are invisible, so messages should name them."""
        return " ".join(f"U+{ord(char):04X}" for char in self.text)


def find_lost_characters(text: str, mojibake: Sequence[Mojibake] | None = None,
                         chars: frozenset[str] | None = None) -> list[LostCharacter]:
    """Runs of U+FFFD or of C1 controls in `text` that lie outside every repairable mojibake
    span. Pass the result of `find_mojibake(text)` if you already have it; otherwise it is
    computed, but only when the text holds such a character at all. `chars`:
    non_ascii_chars(text), when the caller has it."""
    if text.isascii():
        return []
    if chars is None:
        chars = non_ascii_chars(text)
    if chars.isdisjoint(_LOST_CHARACTERS):
        return []
    spans = sorted((m.start, m.end) for m in (find_mojibake(text, chars) if mojibake is None else mojibake))
    starts = [start for start, _ in spans]
    found: list[LostCharacter] = []
    for match in _LOST.finditer(text):
        position = match.start()
        index = bisect.bisect_right(starts, position) - 1
        if index >= 0 and position < spans[index][1]:
            continue
        char = match.group()
        kind = REPLACEMENT_CHARACTER if char == "\ufffd" else C1_CONTROL
        last = found[-1] if found else None
        if last is not None and last.end == position and last.kind == kind:
            found[-1] = LostCharacter(last.start, position + 1, last.text + char, kind)
        else:
            found.append(LostCharacter(position, position + 1, char, kind))
    return found
