"""find_lost_characters: U+FFFD and C1 controls that no repair can bring back."""

from __future__ import annotations

import pytest

from lint.encoding import (
    C1_CONTROL,
    REPLACEMENT_CHARACTER,
    LostCharacter,
    find_lost_characters,
    find_mojibake,
)


@pytest.mark.parametrize(
    "text",
    [
        "plain ASCII",
        "Na⁺/K⁺-ATPase at 37 °C, café, naïve, “quotes”, — dash, α β γ, 日本語, 🧬",
        "\u00a0non-breaking\u00a0spaces and soft\u00adhyphen are real characters",
        "Ÿ (U+0178) and   (U+00A0) are not C1 controls",
    ],
)
def test_clean_text_has_no_lost_characters(text: str) -> None:
    assert find_lost_characters(text) == []


def test_replacement_characters_are_reported_as_runs() -> None:
    text = "The pump moves 3 Na\ufffd\ufffd out and 2 K\ufffd in."
    assert find_lost_characters(text) == [
        LostCharacter(19, 21, "\ufffd\ufffd", REPLACEMENT_CHARACTER),
        LostCharacter(33, 34, "\ufffd", REPLACEMENT_CHARACTER),
    ]
    assert find_lost_characters(text)[0].codepoints == "U+FFFD U+FFFD"


def test_c1_control_that_no_code_page_defines_is_lost() -> None:
    """0x81 is undefined in Windows-1252, so ftfy cannot read it: a lost character."""
    text = "These control characters are apparently intentional \x81"
    assert find_mojibake(text) == []
    (lost,) = find_lost_characters(text)
    assert (lost.start, lost.end, lost.kind, lost.codepoints) == (52, 53, C1_CONTROL, "U+0081")


def test_c1_inside_repairable_mojibake_is_not_lost() -> None:
    """ "Ã\\x81" is "Á" in UTF-8 read as Latin-1, and a lone \\x92 is Windows-1252's ’:
    find_mojibake repairs both, so neither is reported here."""
    for text in ["El Ã\x81rbol", "Don\x92t"]:
        assert find_mojibake(text)
        assert find_lost_characters(text) == []


def test_mojibake_passed_in_is_used() -> None:
    text = "Hereâ€™s \ufffd and Don\x92t"
    found = find_mojibake(text)
    assert find_lost_characters(text, found) == find_lost_characters(text)
    assert find_lost_characters(text, []) == [
        LostCharacter(9, 10, "\ufffd", REPLACEMENT_CHARACTER),
        LostCharacter(18, 19, "\x92", C1_CONTROL),
    ]


def test_lossy_repair_leaves_a_replacement_character_for_the_next_round() -> None:
    """ftfy turns "â€�" into "�": a mojibake fix now, a lost character after it is applied."""
    text = "â€œlossy decodingâ€\ufffd"
    found = find_mojibake(text)
    assert find_lost_characters(text) == []
    for m in reversed(found):
        text = text[: m.start] + m.fixed + text[m.end :]
    assert text == "“lossy decoding\ufffd"
    assert find_lost_characters(text) == [LostCharacter(15, 16, "\ufffd", REPLACEMENT_CHARACTER)]


def test_kinds_are_not_merged() -> None:
    text = "x\ufffd\x81y"
    assert [(lost.kind, lost.text) for lost in find_lost_characters(text)] == [
        (REPLACEMENT_CHARACTER, "\ufffd"),
        (C1_CONTROL, "\x81"),
    ]
