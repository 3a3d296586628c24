"""`looks_bad` must agree with `ftfy.badness.is_bad` exactly; it only looks at less text.

Its shortcut rests on two facts about ftfy's badness regex: every match is at most 7
characters long and holds a non-ASCII character. These tests fail if an ftfy upgrade breaks
either, instead of letting mojibake slip through unnoticed.
"""

from __future__ import annotations

import json
import re

from ftfy.badness import BADNESS_RE, is_bad
from ftfy.chardata import CHARMAP_ENCODINGS
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.encoding.mojibake import _REACH, looks_bad
from tests.conftest import SHARED

CASES_DIR = SHARED / "external" / "ftfy-test-cases"
MOJIBAKE_CHARS = sorted(set("".join(bytes(range(0x80, 0x100)).decode(e) for e in CHARMAP_ENCODINGS)))
ALPHABET = st.sampled_from(MOJIBAKE_CHARS + list("aeiostAEZ09 .,?!'\"-\t\r") + ["→", "⁺", "日", "🧬"])


def test_badness_regex_matches_are_short() -> None:
    parsed = re._parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)  # type: ignore[attr-defined]
    assert parsed.getwidth()[1] < _REACH


def test_badness_regex_never_matches_ascii() -> None:
    ascii_chars = "".join(chr(c) for c in range(128))
    for a in ascii_chars:
        for b in ascii_chars:
            assert not is_bad(a + b + " ")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(ALPHABET, min_size=1, max_size=12), st.sampled_from(["", " ", "ab ", "x" * 150 + " "])
        ),
        min_size=1,
        max_size=60,
    )
)
def test_looks_bad_equals_is_bad_on_long_lines(pieces: list[tuple[str, str]]) -> None:
    line = "y" * 200 + "".join(piece + separator for piece, separator in pieces)
    assert looks_bad(line) == is_bad(line)


def test_looks_bad_equals_is_bad_on_ftfy_cases_inside_long_lines() -> None:
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            for text in (case["original"], case["fixed"]):
                for line in (text, "word " * 60 + text, text + " word" * 60, "Ã " + "w" * 300 + text):
                    assert looks_bad(line) == is_bad(line), (path.name, case["label"])
