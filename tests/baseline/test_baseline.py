"""Baseline files: written, read back, matched across line shifts, duplicates and fixes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lint.baseline import (
    BASELINE_VERSION,
    BaselineEntry,
    BaselineError,
    apply_baseline,
    entries_for,
    fingerprint,
    load_baseline,
    relative_path,
    write_baseline,
)
from lint.diagnostic import Diagnostic, Severity

ARTICLE = (
    "---\n"
    "id: 170611\n"
    "title: Hereâ€™s the pump\n"
    "answer: >-\n"
    "    Hereâ€™s a detailed explanation. Hereâ€™s another.\n"
    "score: high\n"
    "---\n"
)


def findings(path: str, text: str) -> list[Diagnostic]:
    """What the mojibake and schema rules would report on `text`: positions come from the text."""
    found = []
    for needle, code, message in (("â€™", "E001", "mojibake 'â€™' should be '’'"), ("high", "S002", "")):
        start = text.find(needle)
        while start >= 0:
            line = text.count("\n", 0, start) + 1
            column = start - text.rfind("\n", 0, start)
            message_text = message or f"score: expected an integer, got {needle!r} (line {line})"
            found.append(
                Diagnostic(
                    path,
                    line,
                    column,
                    code,
                    message_text,
                    Severity.ERROR,
                    line,
                    column + len(needle),
                    text=needle,
                )
            )
            start = text.find(needle, start + 1)
    return found


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a b.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "seeds" / "other.md").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def adopt(root: Path, diagnostics: list[Diagnostic]):
    path = root / ".qtlint-baseline.json"
    write_baseline(str(path), diagnostics, str(root))
    return load_baseline(str(path))


def test_everything_recorded_is_ignored(root):
    diagnostics = findings("seeds/a b.md", ARTICLE)
    assert len(diagnostics) == 4
    kept, matched, stale = apply_baseline(diagnostics, adopt(root, diagnostics), str(root))
    assert (kept, matched, stale) == ([], 4, [])


def test_findings_survive_lines_added_above_them(root):
    baseline = adopt(root, findings("seeds/a b.md", ARTICLE))
    shifted = ARTICLE.replace("id: 170611\n", "id: 170611\ndate: 2025-02-06\nauthor: QuickTakes\n")
    moved = findings("seeds/a b.md", shifted)
    assert [d.line for d in moved] != [d.line for d in findings("seeds/a b.md", ARTICLE)]
    # the schema message even mentions the line; the flagged text is what identifies it
    kept, matched, stale = apply_baseline(moved, baseline, str(root))
    assert (kept, matched, stale) == ([], 4, [])


def test_a_new_identical_finding_is_reported_once(root):
    baseline = adopt(root, findings("seeds/a b.md", ARTICLE))
    grown = ARTICLE.replace("score: high", "summary: Hereâ€™s more\nscore: high")
    diagnostics = findings("seeds/a b.md", grown)
    kept, matched, stale = apply_baseline(diagnostics, baseline, str(root))
    assert matched == 4 and stale == []
    assert [(d.code, d.text) for d in kept] == [("E001", "â€™")]


def test_fixing_one_of_three_duplicates_leaves_one_stale_entry(root):
    baseline = adopt(root, findings("seeds/a b.md", ARTICLE))
    fixed = ARTICLE.replace("Hereâ€™s another", "Here’s another")
    kept, matched, stale = apply_baseline(findings("seeds/a b.md", fixed), baseline, str(root))
    assert kept == [] and matched == 3
    assert stale == [BaselineEntry("seeds/a b.md", "E001", "â€™", 2)]


def test_fixed_findings_leave_the_baseline_when_it_is_updated(root):
    path = root / "baseline.json"
    write_baseline(str(path), findings("seeds/a b.md", ARTICLE), str(root))
    fixed = ARTICLE.replace("â€™", "’")
    count = write_baseline(str(path), findings("seeds/a b.md", fixed), str(root))
    assert count == 1
    assert [e.code for e in load_baseline(str(path)).entries] == ["S002"]


def test_same_text_in_another_file_or_rule_is_a_different_finding(root):
    baseline = adopt(root, findings("seeds/a b.md", ARTICLE))
    kept, matched, stale = apply_baseline(findings("seeds/other.md", ARTICLE), baseline, str(root))
    assert matched == 0 and len(kept) == 4 and len(stale) == 4


def test_absolute_and_relative_spellings_of_a_path_match(root):
    baseline = adopt(root, findings(os.path.join(str(root), "seeds", "a b.md"), ARTICLE))
    assert {e.path for e in baseline.entries} == {"seeds/a b.md"}
    kept, matched, _ = apply_baseline(findings("seeds/a b.md", ARTICLE), baseline, str(root))
    assert kept == [] and matched == 4


def test_file_is_sorted_stable_versioned_json(root):
    path = root / "baseline.json"
    diagnostics = findings("seeds/other.md", ARTICLE) + findings("seeds/a b.md", ARTICLE)
    write_baseline(str(path), diagnostics, str(root))
    first = path.read_bytes()
    write_baseline(str(path), list(reversed(diagnostics)), str(root))
    assert path.read_bytes() == first  # input order does not matter: no diff noise in review
    document = json.loads(first.decode("utf-8"))
    assert document["version"] == BASELINE_VERSION
    keys = [(e["path"], e["code"], e["text"], e["occurrence"]) for e in document["entries"]]
    assert keys == sorted(keys) and len(keys) == 8
    assert "â€™" in first.decode("utf-8")  # readable, not \\u-escaped
    assert not any("line" in e for e in document["entries"])
    assert not list(root.glob("baseline.json.tmp*"))


def test_partial_run_keeps_entries_of_files_it_did_not_check(root):
    path = root / "baseline.json"
    write_baseline(
        str(path), findings("seeds/a b.md", ARTICLE) + findings("seeds/other.md", ARTICLE), str(root)
    )
    fixed = ARTICLE.replace("â€™", "’")
    write_baseline(str(path), findings("seeds/a b.md", fixed), str(root), checked_paths=["seeds/a b.md"])
    entries = load_baseline(str(path)).entries
    assert {(e.path, e.code) for e in entries} == {
        ("seeds/a b.md", "S002"),
        ("seeds/other.md", "S002"),
        ("seeds/other.md", "E001"),
    }
    # entries of a file that no longer exists are not carried over
    (root / "seeds" / "other.md").unlink()
    write_baseline(str(path), findings("seeds/a b.md", fixed), str(root), checked_paths=["seeds/a b.md"])
    assert {e.path for e in load_baseline(str(path)).entries} == {"seeds/a b.md"}


def test_partial_run_does_not_call_unchecked_files_stale(root):
    baseline = adopt(root, findings("seeds/a b.md", ARTICLE) + findings("seeds/other.md", ARTICLE))
    _, matched, stale = apply_baseline(
        findings("seeds/a b.md", ARTICLE), baseline, str(root), checked_paths=["seeds/a b.md"]
    )
    assert matched == 4 and stale == []
    _, _, stale = apply_baseline(findings("seeds/a b.md", ARTICLE), baseline, str(root))
    assert len(stale) == 4 and {e.path for e in stale} == {"seeds/other.md"}


def test_empty_text_falls_back_to_the_message(root):
    a = Diagnostic("seeds/a b.md", 3, 1, "S010", "missing key 'score'")
    b = Diagnostic("seeds/a b.md", 9, 1, "S010", "missing key 'date'")
    entries = entries_for([a, b], str(root))
    assert [e.text for e in entries] == ["missing key 'score'", "missing key 'date'"]
    assert fingerprint(entries[0]) != fingerprint(entries[1])


def test_occurrences_follow_position_not_input_order(root):
    diagnostics = findings("seeds/a b.md", ARTICLE)
    forward = dict(zip(diagnostics, entries_for(diagnostics, str(root)), strict=True))
    backward = dict(
        zip(reversed(diagnostics), entries_for(list(reversed(diagnostics)), str(root)), strict=True)
    )
    assert forward == backward


@pytest.mark.parametrize(
    "content, complaint",
    [
        ("{not json", "not valid JSON (line 1, column 2"),
        ("", "not valid JSON"),
        ("[]", "not a qtlint baseline"),
        ('{"version": 1}', "not a qtlint baseline"),
        ('{"version": 99, "entries": []}', "has version 99"),
        ('{"version": 1, "entries": ["x"]}', "entry 0 is not an object"),
        (
            '{"version": 1, "entries": [{"path": "a", "code": "E1", "text": "t"}]}',
            "entry 0 has no valid 'occurrence'",
        ),
        (
            '{"version": 1, "entries": [{"path": "a", "code": "E1", "text": "t", "occurrence": true}]}',
            "'occurrence'",
        ),
        ('{"version": 1, "entries": [{"path": "a", "code": 5, "text": "t", "occurrence": 0}]}', "'code'"),
    ],
)
def test_corrupt_file_is_a_clear_error(tmp_path, content, complaint):
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError) as raised:
        load_baseline(str(path))
    assert str(path) in str(raised.value)
    assert complaint in str(raised.value)
    assert "--update-baseline" in str(raised.value)


def test_undecodable_and_missing_files_are_clear_errors(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_bytes(b'{"version": 1, "entries": ["\xff"]}')
    with pytest.raises(BaselineError, match="cannot be read"):
        load_baseline(str(path))
    with pytest.raises(BaselineError, match="does not exist; create it with"):
        load_baseline(str(tmp_path / "missing.json"))


def test_partial_update_refuses_to_merge_into_a_corrupt_file(root):
    path = root / "baseline.json"
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(BaselineError, match="not valid JSON"):
        write_baseline(str(path), [], str(root), checked_paths=["seeds/a b.md"])
    # a full update simply replaces it
    write_baseline(str(path), findings("seeds/a b.md", ARTICLE), str(root))
    assert len(load_baseline(str(path)).entries) == 4


def test_relative_path_normalises_spellings(tmp_path):
    assert relative_path("./seeds//a.md", str(tmp_path)) == "seeds/a.md"
    assert relative_path(str(tmp_path / "seeds" / "a.md"), str(tmp_path)) == "seeds/a.md"
    assert relative_path(str(tmp_path.parent / "x.md"), str(tmp_path)) == "../x.md"
