"""`lint.chars.non_ascii_runs` finds runs with str.find instead of a regex scan; it must give the regex's
answer exactly, for texts with few distinct characters and for texts in another script."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.chars import non_ascii_chars, non_ascii_runs
from lint.encoding.lost import find_lost_characters

_RUN = re.compile(r"[^\x00-\x7f]+")
_ALPHABET = st.sampled_from(list("ab \n\r-") + ["’", "é", "\u2028", "\x92", "\ufffd", "\ud800", "Ж", "😀"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=300).map("".join))
def test_runs_equal_the_regex(text: str) -> None:
    assert non_ascii_runs(text) == [m.span() for m in _RUN.finditer(text)]
    assert non_ascii_chars(text) == frozenset(c for c in text if ord(c) > 127)


def test_runs_in_another_script_fall_back_to_the_regex() -> None:
    text = "Ответ: " + "".join(chr(0x410 + i % 32) for i in range(2000)) + " end ’"
    assert non_ascii_runs(text) == [m.span() for m in _RUN.finditer(text)]


def test_plain_ascii_and_clean_unicode_have_nothing_lost() -> None:
    assert non_ascii_runs("plain text\n") == []
    assert find_lost_characters("It’s 37 °C — fine.") == []
    assert [lost.text for lost in find_lost_characters("bad \ufffd\ufffd and \x81 here")] == ["\ufffd\ufffd", "\x81"]
