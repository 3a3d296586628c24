"""--fix and --diff through the real CLI: exact byte-level changes, idempotence, safety."""
from __future__ import annotations

import json
import os
import stat

from tests.conftest import REPO, run_cli, seed_home, seed_text

BAD, GOOD = "Hereâ€™s".encode(), "Here’s".encode()
SEED0 = seed_text("000")
HOME0 = seed_home(SEED0)


def _only_difference(before: bytes, after: bytes, old: bytes, new: bytes) -> None:
    i = next(k for k in range(min(len(before), len(after))) if before[k] != after[k])
    j = before.index(old, i - len(old))
    assert before[:j] + new + before[j + len(old):] == after


def test_seed_000_in_repo_was_fixed_by_the_tool_exactly_at_the_span():
    original = (REPO / "tests/fixtures/seeds/000_42cfa97cd7b3d30b.txt").read_bytes()
    fixed = (REPO / "seeds" / HOME0).read_bytes()
    assert BAD in original and BAD not in fixed
    assert original.replace(BAD, GOOD) == fixed
    _only_difference(original, fixed, BAD, GOOD)


def test_fix_crlf_bom_file_changes_only_the_span_and_second_fix_changes_nothing(corpus):
    raw = b"\xef\xbb\xbf" + SEED0.replace("\n", "\r\n").encode()
    root = corpus({HOME0: raw})
    path = root / HOME0
    os.chmod(path, 0o640)
    proc = run_cli(["check", "--fix", "--no-cache", "--select", "E"], root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = path.read_bytes()
    assert after == raw.replace(BAD, GOOD)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    again = run_cli(["check", "--fix", "--no-cache", "--select", "E"], root)
    assert again.returncode == 0 and path.read_bytes() == after


def test_diff_prints_and_writes_nothing(corpus):
    root = corpus({HOME0: SEED0})
    before = (root / HOME0).read_bytes()
    proc = run_cli(["check", "--diff", "--no-cache"], root)
    assert proc.returncode == 0
    assert "-    The sodium-potassium pump" in proc.stdout and "+    The sodium" in proc.stdout
    assert "Here’s" in proc.stdout
    assert (root / HOME0).read_bytes() == before


def test_several_fixes_in_one_file(corpus):
    text = (SEED0.replace("function in this context", "function in thisâ€”context")
            .replace("  title: QuickTakes | Nursing", "  title: QuickTakes | Biology"))
    root = corpus({HOME0: text})
    select = ["--select", "parse,schema,slug,reference,encoding"]
    proc = run_cli(["check", "--fix", "--no-cache", *select], root)
    assert proc.returncode == 1 and "U005" in proc.stdout  # the unsafe fix is only reported
    safe = text.replace("Hereâ€™s", "Here’s").replace("thisâ€”context", "this—context")
    assert (root / HOME0).read_text(encoding="utf-8") == safe
    proc = run_cli(["check", "--fix", "--unsafe-fixes", "--no-cache", *select], root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (root / HOME0).read_text(encoding="utf-8") == safe.replace(
        "  title: QuickTakes | Biology", "  title: QuickTakes | Nursing")


def test_overlapping_fixes_settle_over_rounds(corpus):
    # two damaged sequences side by side: both repairs apply, each exactly once
    text = SEED0.replace("Hereâ€™s", "Hereâ€™sâ€™")
    root = corpus({HOME0: text})
    run_cli(["check", "--fix", "--no-cache", "--select", "E"], root)
    assert "Here’s’ a detailed" in (root / HOME0).read_text(encoding="utf-8")


def test_read_only_file_is_a_clear_error_and_nothing_is_lost(corpus):
    root = corpus({HOME0: SEED0})
    path = root / HOME0
    before = path.read_bytes()
    os.chmod(path, 0o444)
    try:
        proc = run_cli(["check", "--fix", "--no-cache", "--select", "E"], root)
    finally:
        os.chmod(path, 0o644)
    assert proc.returncode == 1
    assert "read-only" in proc.stderr and "Traceback" not in proc.stderr
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left behind


def test_json_output_carries_the_fix_edits(corpus):
    root = corpus({HOME0: SEED0})
    proc = run_cli(["check", "--no-cache", "--output-format", "json", "--select", "E001"], root)
    (item,) = json.loads(proc.stdout)
    assert item["fix"]["applicability"] == "safe"
    (edit,) = item["fix"]["edits"]
    text = (root / HOME0).read_text(encoding="utf-8")
    assert text[edit["start"]:edit["end"]] == "â€™" and edit["content"] == "’"
    assert edit["location"] == {"row": 21, "column": item["column"]}


def test_unsafe_fix_needs_unsafe_fixes(corpus):
    text = SEED0.replace("url: /learn/nursing/questions/explain-the-role",
                         "url: /learn/nursing/questions/old-explain-the-role")
    root = corpus({HOME0: text})
    run_cli(["check", "--fix", "--no-cache", "--select", "U001"], root)
    assert "old-explain" in (root / HOME0).read_text(encoding="utf-8")
    run_cli(["check", "--fix", "--unsafe-fixes", "--no-cache", "--select", "U001"], root)
    assert "old-explain" not in (root / HOME0).read_text(encoding="utf-8")
