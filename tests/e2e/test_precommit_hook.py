"""The pre-commit hooks of `.pre-commit-hooks.yaml`, installed by the real `pre-commit` into a
temporary repository of articles and run by real `git commit`s.

The hook repository is a commit of this work tree (tracked files plus new ones not ignored), so the
test runs the hooks and the packaging being worked on; in CI's clean clone that is HEAD. pre-commit
builds the hook's environment once per test session (`pip install .` plus qtlint's dependencies
from PyPI) under a session temporary PRE_COMMIT_HOME.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, write_corpus
from tests.e2e.repos import (
    GIT_ENV,
    NA_K,
    PUMP_RECOVERY,
    RESTING,
    clean_seed,
    field,
    git,
    init_repo,
    link_last_related,
)

pytestmark = pytest.mark.slow

DOCS = REPO / "docs" / "ways-in.md"


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """(path, commit) of a git repository holding this work tree."""
    dest = tmp_path_factory.mktemp("hook-repo")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = REPO / name
        if source.is_file():  # tracked but deleted in the work tree: not part of it
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    init_repo(dest)
    return dest, git(dest, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture(scope="session")
def pre_commit_env(tmp_path_factory) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # PYTHONPATH would let the hook import lint/ from here instead of the installed package
    return {**env, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
            "NO_COLOR": "1"}


def docs_config(repo: Path, rev: str, hook: str = "qtlint") -> str:
    """The content-repository configuration shown in docs/ways-in.md, pointed at `repo` and `rev`."""
    text = DOCS.read_text(encoding="utf-8")
    block = re.search(r"<!-- snippet: content-repo-pre-commit-config -->\n```yaml\n(.*?)```", text, re.DOTALL)
    assert block is not None, "docs/ways-in.md lost its pre-commit snippet"
    config = block.group(1)
    config = re.sub(r"(?m)^(\s*- repo: )\S+", lambda m: m.group(1) + str(repo), config)
    config = re.sub(r"(?m)^(\s*rev: )\S+", lambda m: m.group(1) + rev, config)
    config = re.sub(r"(?m)^(\s*- id: )qtlint\b", lambda m: m.group(1) + hook, config)
    parsed = yaml.safe_load(config)
    assert parsed["repos"][0]["repo"] == str(repo) and parsed["repos"][0]["hooks"][0]["id"] == hook
    return config


def content_with_hook(tmp_path: Path, hook_repo, env, hook: str) -> Path:
    """A repository of articles under articles/, a README.md that is not one, the hook installed."""
    a_path, a = clean_seed(NA_K)
    c_path, c = clean_seed(RESTING)
    root = write_corpus(tmp_path / "content", {f"articles/{a_path}": a, f"articles/{c_path}": c})
    (root / "pyproject.toml").write_text(
        '[tool.qtlint]\ninclude = ["articles"]\ncontent-roots = ["articles"]\n'
        'published-index = "published-index.csv"\n')
    (root / "README.md").write_text("# Our articles\n\nNot an article: no front matter.\n")
    (root / ".pre-commit-config.yaml").write_text(docs_config(*hook_repo, hook=hook))
    (root / ".gitignore").write_text(".qtlint_cache/\n")
    git(root, "init", "-q", "-b", "main")
    proc = subprocess.run([sys.executable, "-m", "pre_commit", "install", "--install-hooks"], cwd=root,
                          env=env, capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr + pre_commit_log(env)
    return root


def pre_commit_log(env) -> str:
    log = Path(env["PRE_COMMIT_HOME"]) / "pre-commit.log"
    return log.read_text() if log.exists() else ""


def commit(root: Path, env, message: str) -> subprocess.CompletedProcess:
    git(root, "add", "-A")
    # git runs the hook with its output on stderr: read both, in order
    return subprocess.run(["git", "commit", "-m", message], cwd=root, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=600, check=False)


def stale_link(root: Path) -> tuple[str, str]:
    """B linking to the Na/K article with an old copy of its title (R002, a cross-article finding)."""
    a = clean_seed(NA_K)[1]
    b_path, b = clean_seed(PUMP_RECOVERY)
    linked = link_last_related(b, a)
    title = field(a, "title")
    return f"articles/{b_path}", linked.replace(f"        {title}", "        An older title of it?")


def test_hook_refuses_a_bad_article_and_accepts_a_good_one(tmp_path, hook_repo, pre_commit_env):
    root = content_with_hook(tmp_path, hook_repo, pre_commit_env, "qtlint")
    first = commit(root, pre_commit_env, "two good articles")
    assert first.returncode == 0, first.stdout
    assert re.search(r"^qtlint\.+Passed$", first.stdout, re.MULTILINE), first.stdout

    b_path, stale = stale_link(root)
    (root / b_path).parent.mkdir(parents=True, exist_ok=True)
    (root / b_path).write_text(stale)
    refused = commit(root, pre_commit_env, "a bad article")
    assert refused.returncode != 0
    assert re.search(r"^qtlint\.+Failed$", refused.stdout, re.MULTILINE), refused.stdout
    # only the staged article was given, yet the rule saw the article it links to
    assert re.search(rf"^{re.escape(b_path)}:\d+:9: R002 .*stale copy of article 166948's title",
                     refused.stdout, re.MULTILINE), refused.stdout
    assert git(root, "log", "--format=%s").stdout.split("\n")[0] == "two good articles"

    (root / b_path).write_text(stale.replace("An older title of it?", field(clean_seed(NA_K)[1], "title")))
    accepted = commit(root, pre_commit_env, "the article, fixed")
    assert accepted.returncode == 0, accepted.stdout
    assert re.search(r"^qtlint\.+Passed$", accepted.stdout, re.MULTILINE)
    assert git(root, "log", "--format=%s").stdout.split("\n")[0] == "the article, fixed"


def test_fix_hook_repairs_the_article_then_the_commit_goes_through(tmp_path, hook_repo, pre_commit_env):
    """`qtlint-fix` applies the safe fixes (here ftfy's mojibake repair) and refuses the commit so
    the author sees the change; the next commit goes through. Unsafe fixes (e.g. rewriting a stale
    related title) are left for `--unsafe-fixes`, so the hook only reports them."""
    root = content_with_hook(tmp_path, hook_repo, pre_commit_env, "qtlint-fix")
    assert commit(root, pre_commit_env, "two good articles").returncode == 0
    b_path, b = clean_seed(PUMP_RECOVERY)
    assert "Here\u2019s" in b
    (root / "articles" / b_path).parent.mkdir(parents=True, exist_ok=True)
    (root / "articles" / b_path).write_text(b.replace("Here\u2019s", "Here\u00e2\u20ac\u2122s"))
    refused = commit(root, pre_commit_env, "a fixable article")
    assert refused.returncode != 0
    assert "files were modified by this hook" in refused.stdout, refused.stdout
    assert (root / "articles" / b_path).read_text() == b
    accepted = commit(root, pre_commit_env, "the article, repaired by the hook")
    assert accepted.returncode == 0, accepted.stdout
    stale_path, stale = stale_link(root)
    (root / stale_path).write_text(stale)
    reported = commit(root, pre_commit_env, "a stale related title")
    assert reported.returncode != 0 and "R002" in reported.stdout
    assert (root / stale_path).read_text() == stale  # unsafe: reported, not rewritten
