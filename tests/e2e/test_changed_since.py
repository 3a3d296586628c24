"""`qtlint check --changed-since REF` in a temporary git repository: the changed article, the
articles whose related links point at it (with their stale copies), not the unrelated ones."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.e2e.repos import (
    GIT_ENV,
    NA_K,
    PUMP_RECOVERY,
    RESTING,
    clean_seed,
    commit_all,
    git,
    link_last_related,
)


@pytest.fixture
def linked_repo(content_repo):
    """A: the Na/K article; B links to A; C is unrelated and has a finding of its own (S002)."""
    a_path, a = clean_seed(NA_K)
    b_path, b = clean_seed(PUMP_RECOVERY)
    c_path, c = clean_seed(RESTING)
    c = c.replace("\nauthor: QuickTakes\n", "\nauthor: QuickTakes\nreviewer: nobody\n")
    return Linked(content_repo({a_path: a, b_path: link_last_related(b, a), c_path: c}), a_path, b_path, c_path)


@dataclass(frozen=True)
class Linked:
    root: Path
    a: str  # display paths, relative to the root
    b: str
    c: str


def check(root, *args, cwd=None):
    proc = run_cli(["check", "--no-cache", "--output-format", "json", *args], cwd or root, env=GIT_ENV)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def checked_files(root, *args, cwd=None) -> set[str]:
    """The files a run looked at: JUnit has one test case per checked file."""
    proc = run_cli(["check", "--no-cache", "--output-format", "junit", *args], cwd or root, env=GIT_ENV)
    assert proc.returncode in (0, 1), proc.stderr
    return {case.get("name") for case in ET.fromstring(proc.stdout).iter("testcase")}


def test_a_full_check_sees_the_unrelated_finding(linked_repo):
    r = linked_repo
    status, found = check(r.root)
    assert status == 1 and [(d["path"], d["code"]) for d in found] == [(r.c, "S002")]


def test_nothing_changed_checks_nothing(linked_repo):
    root = linked_repo.root
    assert check(root, "--changed-since", "HEAD") == (0, [])
    assert checked_files(root, "--changed-since", "HEAD") == set()


def test_retitled_article_and_its_referrers_are_checked_not_the_unrelated(linked_repo):
    r = linked_repo
    old = "How does the Na+ - K+ pump utilize energy"
    text = (r.root / r.a).read_text()
    assert text.count(old) == 3  # title, article_title and question stay equal
    (r.root / r.a).write_text(text.replace(old, "How does the sodium pump use energy"))
    status, found = check(r.root, "--changed-since", "HEAD")
    assert status == 1
    assert {d["path"] for d in found} == {r.a, r.b}
    stale = [d for d in found if d["path"] == r.b]
    assert [d["code"] for d in stale] == ["R002"]
    assert "How does the sodium pump use energy" in stale[0]["message"]
    assert {d["code"] for d in found if d["path"] == r.a} == {"U001", "U002"}  # url, file_name
    assert checked_files(r.root, "--changed-since", "HEAD") == {r.a, r.b}


def test_committed_changes_count_from_the_merge_base(linked_repo):
    """A branch compared with main: its commits are the change, main's later commits are not."""
    r = linked_repo
    git(r.root, "checkout", "-q", "-b", "retitle")
    text = (r.root / r.a).read_text()
    (r.root / r.a).write_text(text.replace("Na+ - K+ pump", "sodium pump"))
    commit_all(r.root, "retitle A")
    git(r.root, "checkout", "-q", "main")
    (r.root / r.c).write_text((r.root / r.c).read_text().replace("reviewer: nobody\n", ""))
    commit_all(r.root, "main moves on: C fixed")
    git(r.root, "checkout", "-q", "retitle")
    # the branch still has C's finding, but C did not change on the branch
    assert checked_files(r.root, "--changed-since", "main") == {r.a, r.b}


def test_deleted_article_has_its_referrers_checked(linked_repo):
    r = linked_repo
    git(r.root, "rm", "-q", r.a)
    status, found = check(r.root, "--changed-since", "HEAD")
    assert status == 1
    assert [(d["path"], d["code"]) for d in found] == [(r.b, "R001")]  # the link now dangles
    commit_all(r.root, "delete A")  # committed: the base still has A
    assert [(d["path"], d["code"]) for d in check(r.root, "--changed-since", "HEAD~1")[1]] == [(r.b, "R001")]


def draft_of(path) -> str:
    """A new article made from `path`: another id, title and url (a copy would be R003/R004 on both)."""
    text = path.read_text().replace("\nid: 170601\n", "\nid: 170699\n")
    return text.replace("resting membrane potential", "resting potential").replace(
        "resting-membrane-potential", "resting-potential")


def test_new_untracked_article_counts_and_non_articles_do_not(linked_repo):
    r = linked_repo
    (r.root / "notes.txt").write_text("not an article\n")
    copy = (r.root / r.c).parent / "draft.md"
    copy.write_text(draft_of(r.root / r.c))
    assert checked_files(r.root, "--changed-since", "HEAD") == {copy.relative_to(r.root).as_posix()}


def test_from_a_subdirectory(linked_repo):
    """git prints paths relative to the top; untracked ones too once asked from there."""
    r = linked_repo
    sub = (r.root / r.c).parent
    (sub / "draft.md").write_text(draft_of(r.root / r.c))
    (r.root / r.a).write_text((r.root / r.a).read_text().replace("Na+ - K+ pump", "sodium pump"))
    names = checked_files(r.root, "--changed-since", "HEAD", cwd=sub)
    assert names == {"draft.md", f"../{r.a}", r.b.split("/", 1)[1]}  # B is in nursing/ too


def test_repository_under_a_directory_named_like_an_excluded_one(tmp_path, content_repo, monkeypatch):
    """`build`, `dist`, `.venv`... are excluded inside the corpus, not above it (CI checkouts)."""
    a_path, a = clean_seed(NA_K)
    root = content_repo({a_path: a})
    moved = tmp_path / "build" / "content"
    moved.parent.mkdir()
    root.rename(moved)
    (moved / a_path).write_text(a.replace("Na+ - K+ pump", "sodium pump"))
    assert checked_files(moved, "--changed-since", "HEAD") == {a_path}


def test_unknown_ref_is_a_usage_error(linked_repo):
    root = linked_repo.root
    proc = run_cli(["check", "--changed-since", "origin/nope"], root, env=GIT_ENV)
    assert proc.returncode == 2
    assert "'origin/nope' is not a commit in this repository" in proc.stderr


def test_outside_a_git_repository_is_a_usage_error(tmp_path):
    proc = run_cli(["check", "--changed-since", "HEAD"], tmp_path,
                   env={**GIT_ENV, "GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert proc.returncode == 2 and "not a git repository" in proc.stderr
