"""qtlint's mojibake detection measured against ftfy's own test cases (shared/external, section 1).

Each case falls into one of four groups:
- fixable: ftfy's `fix_encoding` repairs it (pass cases whose expected encoding fix differs
  from the original). Every one must be flagged, and applying our edits must give exactly
  ftfy's expected `fixed-encoding`.
- unfixable mojibake: known-failures 1-9, plus two pass cases ftfy deliberately leaves alone
  (a hopeless garble; an HTML entity that only `fix_text` resolves). Counted, with a floor.
- not mojibake: negative.json, the "Synthetic, negative" cases and two in-the-wild texts with
  rare but real characters. A finding there is wrong unless it is about a C1 control
  character (which really is damage: negative.json's "Mostly negative" case, repaired to "…"
  by ftfy too, and synthetic's stray U+0081).
- ftfy's own false positive (known-failures case 10): flagged exactly when ftfy changes it.
"""

from __future__ import annotations

import json
import re

import ftfy
import pytest

from lint.encoding import find_lost_characters, find_mojibake
from tests.conftest import SHARED

CASES_DIR = SHARED / "external" / "ftfy-test-cases"
MOJIBAKE_FILES = ("in-the-wild", "language-names", "synthetic")
# pass cases that are mojibake but that ftfy.fix_encoding deliberately leaves unchanged
UNFIXABLE_PASS_LABELS = {"An absolutely hopeless garble", "HTML entity on top of UTF-8 / Latin-1"}
C1 = re.compile(r"[\x80-\x9f]")


def load(name: str) -> list[dict]:
    with open(CASES_DIR / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


def expected_encoding_fix(case: dict) -> str:
    return case.get("fixed-encoding", case["fixed"])


def repaired(text: str) -> str:
    for found in reversed(find_mojibake(text)):
        text = text[: found.start] + found.fixed + text[found.end :]
    return text


def findings(text: str) -> list[str]:
    """The flagged texts, mojibake and lost characters alike."""
    return [m.bad for m in find_mojibake(text)] + [lost.text for lost in find_lost_characters(text)]


def groups() -> dict[str, list[tuple[str, int, dict]]]:
    grouped: dict[str, list[tuple[str, int, dict]]] = {
        "fixable": [],
        "unfixable": [],
        "not mojibake": [],
        "ftfy false positive": [],
    }
    for name in MOJIBAKE_FILES:
        for index, case in enumerate(load(name)):
            if expected_encoding_fix(case) != case["original"]:
                grouped["fixable"].append((name, index, case))
            elif case["label"] in UNFIXABLE_PASS_LABELS:
                grouped["unfixable"].append((name, index, case))
            else:
                grouped["not mojibake"].append((name, index, case))
    for index, case in enumerate(load("known-failures")):
        group = "ftfy false positive" if "false positive" in case["label"] else "unfixable"
        grouped[group].append(("known-failures", index, case))
    for index, case in enumerate(load("negative")):
        grouped["not mojibake"].append(("negative", index, case))
    return grouped


GROUPS = groups()


def test_case_files_are_as_described() -> None:
    counts = {name: len(load(name)) for name in (*MOJIBAKE_FILES, "known-failures", "negative")}
    assert counts == {
        "in-the-wild": 70,
        "language-names": 20,
        "synthetic": 30,
        "known-failures": 10,
        "negative": 31,
    }
    assert [(name, index) for name, index, _ in GROUPS["ftfy false positive"]] == [("known-failures", 9)]


def test_every_fixable_case_is_flagged_and_repaired_as_ftfy_does() -> None:
    cases = GROUPS["fixable"]
    flagged = [(name, i) for name, i, case in cases if find_mojibake(case["original"])]
    exact = [
        (name, i) for name, i, case in cases if repaired(case["original"]) == expected_encoding_fix(case)
    ]
    print(
        f"\nftfy-fixable mojibake: {len(flagged)}/{len(cases)} flagged, {len(exact)}/{len(cases)} repaired exactly"
    )
    assert len(cases) == 66 + 20 + 16
    assert len(flagged) == len(cases)
    assert len(exact) == len(cases)


def test_unfixable_mojibake_is_counted() -> None:
    cases = GROUPS["unfixable"]
    flagged = [(name, i) for name, i, case in cases if findings(case["original"])]
    print(f"\nmojibake ftfy cannot fix: {len(flagged)}/{len(cases)} flagged: {flagged}")
    assert len(cases) == 11
    # known-failures 1, 2, 3, 4, 6, 9 (1-based): ftfy changes them (partly or wrongly) or they hold C1
    assert len(flagged) >= 6


def test_no_false_alarm_on_text_that_is_not_mojibake() -> None:
    cases = GROUPS["not mojibake"]
    wrong = [
        (name, i, found)
        for name, i, case in cases
        for found in findings(case["original"])
        if not C1.search(found)
    ]
    c1_only = [(name, i) for name, i, case in cases if findings(case["original"])]
    negatives = [case for name, _, case in cases if name == "negative"]
    print(
        f"\nnot mojibake: {len(wrong)}/{len(cases)} wrongly flagged "
        f"(negative.json: {sum(1 for n, _, _ in wrong if n == 'negative')}/{len(negatives)}); "
        f"flagged only for a C1 control character: {c1_only}"
    )
    assert len(cases) == 31 + 14 + 2
    assert wrong == []
    assert c1_only == [("synthetic", 11), ("negative", 25)]


def test_c1_control_in_a_negative_case_is_repaired_as_ftfy_does() -> None:
    case = load("negative")[25]
    assert [(m.bad, m.fixed) for m in find_mojibake(case["original"])] == [("\x85", "…")]
    assert repaired(case["original"]) == expected_encoding_fix(case)


def test_ftfy_false_positive_is_flagged_exactly_when_ftfy_changes_it() -> None:
    ((_, _, case),) = GROUPS["ftfy false positive"]
    ftfy_changes = ftfy.fix_encoding(case["original"]) != case["original"]
    print(f"\nknown-failures case 10 (ftfy false positive): flagged={bool(find_mojibake(case['original']))}")
    assert bool(find_mojibake(case["original"])) == ftfy_changes


@pytest.mark.parametrize(
    "name,index,case", GROUPS["fixable"], ids=[f"{n}-{i}" for n, i, _ in GROUPS["fixable"]]
)
def test_fixable_case_inside_a_crlf_file_keeps_its_offsets(name: str, index: int, case: dict) -> None:
    """The same case as one line of a file: spans land inside it, nothing else changes."""
    head = "---\r\ntitle: Café at 37 °C — Na⁺/K⁺\r\nanswer: >-\r\n    " + "plain words " * 400
    tail = " and more.\r\nrelated: “x”\r\n---\r\n&nbsp;\r\n"
    text = head + case["original"] + tail
    found = find_mojibake(text)
    assert found
    assert all(len(head) <= m.start < m.end <= len(head) + len(case["original"]) for m in found)
    assert all(text[m.start : m.end] == m.bad for m in found)
    assert repaired(text) == head + expected_encoding_fix(case) + tail
