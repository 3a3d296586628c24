"""apply_fixes, fix_until_stable, is_applicable and unified_diff on text."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.diagnostic import Applicability, Edit, Fix
from lint.fixes import apply_fixes, fix_until_stable, is_applicable, unified_diff


def fix(*edits: tuple[int, int, str], applicability: Applicability = Applicability.SAFE) -> Fix:
    return Fix(tuple(Edit(*edit) for edit in edits), applicability)


def test_several_fixes_are_applied_together() -> None:
    text = "title: Hereâ€™s a cafÃ©\r\nanswer: 37 Â°C\r\n"
    spans = [
        (text.index(bad), text.index(bad) + len(bad), good)
        for bad, good in [("â€™", "’"), ("Ã©", "é"), ("Â°", "°")]
    ]
    fixes = [fix(span) for span in spans]
    new, skipped = apply_fixes(text, fixes)
    assert new == "title: Here’s a café\r\nanswer: 37 °C\r\n"
    assert skipped == []


def test_overlapping_fix_is_skipped_and_returned() -> None:
    text = "abcdefghij"
    first, overlapping, later = fix((2, 5, "X")), fix((4, 6, "Y")), fix((8, 9, "Z"))
    new, skipped = apply_fixes(text, [later, overlapping, first])
    assert new == "abXfghZj"
    assert skipped == [overlapping]
    # the next round, on the new text, can apply what was skipped (re-found by the rule)
    again, skipped_again = apply_fixes(new, [fix((2, 4, "Y"))])
    assert (again, skipped_again) == ("abYghZj", [])


def test_fix_is_all_or_nothing() -> None:
    """One edit of the second fix collides, so none of its edits is applied."""
    text = "0123456789"
    new, skipped = apply_fixes(text, [fix((2, 4, "c"), (8, 9, "d")), fix((1, 3, "a"))])
    assert new == "0a3456789"
    assert len(skipped) == 1


def test_order_is_by_content_not_by_input_order() -> None:
    text = "one two three"
    fixes = [fix((4, 7, "2")), fix((4, 7, "TWO")), fix((0, 3, "1")), fix((5, 6, "W"))]
    results = set()
    for seed in range(10):
        shuffled = fixes[:]
        random.Random(seed).shuffle(shuffled)
        new, skipped = apply_fixes(text, shuffled)
        results.add((new, tuple(sorted(map(repr, skipped)))))
    assert len(results) == 1
    assert results.pop()[0] == "1 2 three"


def test_insertions_at_one_point_conflict_but_adjacent_edits_do_not() -> None:
    text = "abcdef"
    new, skipped = apply_fixes(text, [fix((2, 2, "X")), fix((2, 2, "Y")), fix((2, 4, "Z"))])
    assert (new, len(skipped)) == ("abXcdef", 2)
    new, skipped = apply_fixes(text, [fix((0, 2, "1")), fix((2, 4, "2")), fix((4, 4, "+")), fix((6, 6, "!"))])
    assert (new, skipped) == ("12+ef!", [])


@pytest.mark.parametrize(
    "bad",
    [fix((3, 2, "x")), fix((0, 99, "x")), fix((-1, 1, "x")), fix((0, 3, "a"), (2, 4, "b"))],
)
def test_malformed_fix_raises(bad: Fix) -> None:
    with pytest.raises(ValueError):
        apply_fixes("abcdef", [bad])


def test_nothing_to_apply() -> None:
    assert apply_fixes("same", []) == ("same", [])
    assert apply_fixes("same", [Fix(())]) == ("same", [])


@given(st.data())
def test_result_equals_applying_edits_one_by_one_from_the_end(data: st.DataObject) -> None:
    text = data.draw(st.text(min_size=0, max_size=40))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=10)))
    edits = [
        Edit(start, end, data.draw(st.text(max_size=3)))
        for start, end in zip(cuts[::2], cuts[1::2])
        if start < end
    ]
    new, skipped = apply_fixes(text, [Fix((edit,)) for edit in edits])
    expected = text
    for edit in reversed(edits):
        expected = expected[: edit.start] + edit.content + expected[edit.end :]
    assert (new, skipped) == (expected, [])


def test_applicability() -> None:
    safe, unsafe, display = (
        fix((0, 1, "x"), applicability=level)
        for level in (Applicability.SAFE, Applicability.UNSAFE, Applicability.DISPLAY_ONLY)
    )
    assert [is_applicable(f) for f in (safe, unsafe, display)] == [True, False, False]
    assert [is_applicable(f, unsafe_fixes=True) for f in (safe, unsafe, display)] == [True, True, False]


def test_fix_until_stable_relints_until_nothing_is_left() -> None:
    """A rule that fixes one "aa" at a time (overlaps are deferred to the next round)."""

    def double_a(text: str) -> list[Fix]:
        return [fix((i, i + 2, "a")) for i in range(len(text) - 1) if text[i : i + 2] == "aa"]

    outcome = fix_until_stable("baaaaab", double_a)
    assert outcome.text == "bab"
    assert outcome.converged
    assert outcome.applied == 4
    assert double_a(outcome.text) == []


def test_fix_until_stable_stops_at_the_cap() -> None:
    def flip(text: str) -> list[Fix]:
        return [fix((0, 1, "b" if text[0] == "a" else "a"))]

    outcome = fix_until_stable("a", flip, max_rounds=5)
    assert (outcome.text, outcome.rounds, outcome.converged) == ("b", 5, False)


def test_unified_diff_keeps_crlf_and_marks_missing_final_newline() -> None:
    old = "---\r\nanswer: Hereâ€™s\r\n---\r\n&nbsp;"
    new = "---\r\nanswer: Here’s\r\n---\r\n&nbsp;"
    diff = unified_diff("seeds/a.md", old, new)
    assert diff.startswith("--- a/seeds/a.md\n+++ b/seeds/a.md\n@@ ")
    assert "-answer: Hereâ€™s\r\n+answer: Here’s\r\n" in diff
    assert unified_diff("x", "a\nb", "a\nc").endswith(
        "-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
    )
    assert unified_diff("x", old, old) == ""


def test_unified_diff_does_not_split_on_unicode_line_separators() -> None:
    diff = unified_diff("x", "a\x85b\u2028c\n", "a\x85b\u2028C\n")
    assert "-a\x85b\u2028c\n+a\x85b\u2028C\n" in diff
