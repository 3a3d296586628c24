"""The parser's line helpers are written for speed (C-level searches); each must agree with the
plain line-by-line definition on any text."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.article import _find_closing, line_starts_of

_PIECES = st.sampled_from(["---", "-", "\n", "a", " ", "\r", "--- x", "---  ", "\r\n", "----"])


def _starts_plainly(text: str) -> tuple[int, ...]:
    return (0, *(i + 1 for i, char in enumerate(text) if char == "\n"))


def _closing_plainly(text: str, start: int) -> int | None:
    pos = start
    while pos < len(text):
        newline = text.find("\n", pos)
        end = len(text) if newline == -1 else newline
        if text.startswith("---", pos) and not text[pos + 3:end].strip():
            return pos
        if newline == -1:
            return None
        pos = newline + 1
    return None


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_line_starts_and_closing_line_match_the_plain_definitions(text: str) -> None:
    assert line_starts_of(text) == _starts_plainly(text)
    for start in _starts_plainly(text):
        assert _find_closing(text, start) == _closing_plainly(text, start)


def test_a_closing_line_needs_nothing_but_blanks_after_the_dashes() -> None:
    text = "---\ntitle: x\n---- no\n--- x\n---  \r\nbody"
    assert _find_closing(text, 4) == text.index("---  ")
