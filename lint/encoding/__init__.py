"""Encoding damage in article text: mojibake (with ftfy's repair) and characters already lost.

Public API (offsets are 0-based character offsets into the string you pass, normally the
decoded file text `Article.text`; pass the whole text, front matter and body together):

    find_mojibake(text) -> list[Mojibake]
        Mojibake(start, end, bad, fixed, steps): text[start:end] == bad is mojibake, `fixed`
        is ftfy's encoding-only repair of it (ftfy.fix_encoding, never fix_text: quotes stay
        curly, HTML entities stay). Spans are minimal (the sequence itself, "â€™" -> "’"; at
        most the non-ASCII run it sits in), sorted and non-overlapping, and each one can be
        applied on its own:
            m.edit() -> lint.diagnostic.Edit(start, end, fixed)
            m.in_context(text) -> ("Hereâ€™s", "Here’s")   # the word around it, for messages
            m.lossy   -> the repair still contains U+FFFD (part of the text was lost)
            m.c1_only -> the repair only read C1 controls as Windows-1252 ("\\x92" -> "’")

    find_lost_characters(text, mojibake=None) -> list[LostCharacter]
        LostCharacter(start, end, text, kind) for runs of U+FFFD (kind "replacement-character")
        or C1 controls U+0080-U+009F (kind "c1-control") outside every mojibake span. No fix:
        the original characters cannot be recovered. `.codepoints` names them ("U+0081").

Cost: pure-ASCII text returns after one `str.isascii()`; a non-ASCII line that ftfy's badness
regex finds clean costs that one regex search; only damaged lines go through ftfy's repair.
Results are cached for the last 16 texts, so two rules calling on the same text pay once.

How ftfy is used, and why line by line: see `mojibake.py`. How spans are found: `align.py`.
Wiring: the mojibake rule emits one Diagnostic per Mojibake with Fix((m.edit(),), SAFE) (the
caller may choose UNSAFE for `lossy` or `c1_only` repairs); the lost-character rule emits one
Diagnostic per LostCharacter with no fix.
"""

from __future__ import annotations

from .lost import C1_CONTROL, REPLACEMENT_CHARACTER, LostCharacter, find_lost_characters
from .mojibake import Mojibake, find_mojibake

__all__ = [
    "C1_CONTROL",
    "REPLACEMENT_CHARACTER",
    "LostCharacter",
    "Mojibake",
    "find_lost_characters",
    "find_mojibake",
]
