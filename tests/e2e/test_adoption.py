"""Adopting qtlint on content that already has findings, through the CLI in temporary git
repositories: the baseline file, inline suppressions and per-file-ignores."""
from __future__ import annotations

import json

from tests.conftest import run_cli, seed_home, seed_text
from tests.e2e.repos import GIT_ENV, RESTING, clean_seed, commit_all, git

MOJIBAKE = seed_text("000")  # E001 at 21:136, inside the folded answer that starts on line 20
HOME = seed_home(MOJIBAKE)


def check(root, *args):
    proc = run_cli(["check", "--no-cache", "--output-format", "json", *args], root, env=GIT_ENV)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, [(d["path"], d["line"], d["code"]) for d in json.loads(proc.stdout)], proc


# ---- baseline ------------------------------------------------------------------------------
def test_baseline_round_trip(content_repo):
    root = content_repo({HOME: MOJIBAKE, clean_seed(RESTING)[0]: clean_seed(RESTING)[1]})
    assert check(root)[:2] == (1, [(HOME, 21, "E001")])

    status, found, proc = check(root, "--baseline", "qtlint-baseline.json", "--update-baseline")
    assert (status, found) == (0, [])
    assert "wrote 1 finding(s)" in proc.stderr
    entries = json.loads((root / "qtlint-baseline.json").read_text())["entries"]
    assert [(e["path"], e["code"], e["text"]) for e in entries] == [(HOME, "E001", "â€™")]
    commit_all(root, "adopt qtlint with a baseline")
    assert check(root, "--baseline", "qtlint-baseline.json")[:2] == (0, [])

    # lines inserted above the finding: still the recorded one
    text = (root / HOME).read_text()
    (root / HOME).write_text(text.replace("_schema: default\n", "_schema: default\n# moved\n# down\n", 1))
    assert check(root, "--baseline", "qtlint-baseline.json")[:2] == (0, [])

    # a new finding shows through
    text = (root / HOME).read_text()
    (root / HOME).write_text(text.replace("\nauthor: QuickTakes\n", "\nauthor: QuickTakes\nreviewer: x\n"))
    line = (root / HOME).read_text().splitlines().index("reviewer: x") + 1
    assert check(root, "--baseline", "qtlint-baseline.json")[:2] == (1, [(HOME, line, "S002")])

    # the recorded finding fixed: its entry is stale (Q002, info: it does not fail the run)
    text = (root / HOME).read_text()
    (root / HOME).write_text(text.replace("Hereâ€™s", "Here’s").replace("reviewer: x\n", ""))
    status, found, proc = check(root, "--baseline", "qtlint-baseline.json")
    assert (status, found) == (0, [(HOME, 1, "Q002")])
    assert "--update-baseline" in json.loads(proc.stdout)[0]["message"]

    # updating drops it from the file
    check(root, "--baseline", "qtlint-baseline.json", "--update-baseline")
    assert json.loads((root / "qtlint-baseline.json").read_text())["entries"] == []
    assert check(root, "--baseline", "qtlint-baseline.json")[:2] == (0, [])
    assert git(root, "status", "--porcelain").stdout.count("qtlint-baseline.json") == 1


def test_missing_or_broken_baseline_is_a_usage_error(content_repo):
    root = content_repo({HOME: MOJIBAKE})
    proc = run_cli(["check", "--baseline", "nope.json"], root, env=GIT_ENV)
    assert proc.returncode == 2 and "--update-baseline" in proc.stderr
    (root / "broken.json").write_text("{")
    proc = run_cli(["check", "--baseline", "broken.json"], root, env=GIT_ENV)
    assert proc.returncode == 2 and "not valid JSON" in proc.stderr


# ---- inline suppressions -------------------------------------------------------------------
def test_suppression_on_the_offending_line(content_repo):
    path, text = clean_seed(RESTING)
    bad = text.replace("\nauthor: QuickTakes\n", "\nauthor: QuickTakes\nscore: high\n")
    root = content_repo({path: bad})
    status, found, _ = check(root)
    assert status == 1 and [code for *_, code in found] == ["S003"]
    (root / path).write_text(bad.replace("score: high\n", "score: high  # qtlint: ignore[S003] imported as text\n"))
    assert check(root)[:2] == (0, [])
    # another code on that line does not hide it, and is itself unused
    (root / path).write_text(bad.replace("score: high\n", "score: high  # qtlint: ignore[S002] wrong code\n"))
    status, found, _ = check(root)
    assert status == 1 and sorted(code for *_, code in found) == ["Q001", "S003"]


def test_suppression_on_a_folded_key_line_covers_its_value(content_repo):
    root = content_repo({HOME: MOJIBAKE})
    assert check(root)[:2] == (1, [(HOME, 21, "E001")])
    suppressed = MOJIBAKE.replace("\nanswer: >-\n", "\nanswer: >-  # qtlint: ignore[E001] quoted as exported\n")
    (root / HOME).write_text(suppressed)
    assert check(root)[:2] == (0, [])
    # the same text inside the answer is prose, not a comment: it suppresses nothing
    inside = MOJIBAKE.replace("Hereâ€™s a detailed", "Hereâ€™s # qtlint: ignore[E001] a detailed")
    (root / HOME).write_text(inside)
    assert [code for *_, code in check(root, "--select", "E,Q")[1]] == ["E001"]


def test_unused_suppression_is_reported(content_repo):
    path, text = clean_seed(RESTING)
    text = text.replace("\nauthor: QuickTakes\n", "\nauthor: QuickTakes  # qtlint: ignore[S002] old\n")
    root = content_repo({path: text})
    status, found, proc = check(root)
    assert status == 0  # a warning: it does not fail the run by default
    line = next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith("author:"))
    assert found == [(path, line, "Q001")]
    assert "unused suppression `S002`" in json.loads(proc.stdout)[0]["message"]
    assert check(root, "--fail-on", "warning")[0] == 1
    assert check(root, "--ignore", "Q001")[:2] == (0, [])


def test_per_file_ignores(content_repo):
    clean_path, clean = clean_seed(RESTING)
    root = content_repo({HOME: MOJIBAKE, clean_path: clean},
                        '\n[tool.qtlint.per-file-ignores]\n"nursing/explain-the-role-*" = ["E"]\n')
    assert check(root)[:2] == (0, [])
    config = (root / "pyproject.toml").read_text().replace('"nursing/explain-the-role-*"', '"biology/*"')
    (root / "pyproject.toml").write_text(config)
    assert check(root)[:2] == (1, [(HOME, 21, "E001")])


def test_baseline_paths_are_relative_to_the_baseline_file(content_repo):
    """Written at the root, read from a subdirectory (and the other way round): the same entries."""
    root = content_repo({HOME: MOJIBAKE})
    check(root, "--baseline", "qtlint-baseline.json", "--update-baseline")
    sub = (root / HOME).parent
    assert check(sub, "--baseline", "../qtlint-baseline.json")[:2] == (0, [])
    check(sub, "--baseline", "../qtlint-baseline.json", "--update-baseline")
    entries = json.loads((root / "qtlint-baseline.json").read_text())["entries"]
    assert [e["path"] for e in entries] == [HOME]
    (root / HOME).write_text(MOJIBAKE.replace("Hereâ€™s", "Here’s"))
    assert check(sub, "--baseline", "../qtlint-baseline.json")[1] == [(HOME.split("/", 1)[1], 1, "Q002")]
