"""Temporary git repositories of articles for the end-to-end tests (real `git`, no global config)."""
from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from tests.conftest import REPO, SHARED

EXTERNAL = SHARED / "external"

# git without the machine's own configuration (signing, hooks paths, default branch...)
GIT_ENV = {
    "GIT_AUTHOR_NAME": "qtlint tests", "GIT_AUTHOR_EMAIL": "tests@qtlint.invalid",
    "GIT_COMMITTER_NAME": "qtlint tests", "GIT_COMMITTER_EMAIL": "tests@qtlint.invalid",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}, check=False, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
    return proc


def init_repo(root: Path) -> Path:
    """A git repository at `root` with everything in it committed."""
    root.mkdir(parents=True, exist_ok=True)
    (root / ".gitignore").write_text(".qtlint_cache/\n")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "articles")
    return root


def commit_all(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", message)
    return git(root, "rev-parse", "HEAD").stdout.strip()


def clean_seed(name: str) -> tuple[str, str]:
    """(seeds/-relative path, text) of a seed as stored in this repository's seeds/ (no findings)."""
    paths = sorted((REPO / "seeds").glob("*/*.md"))
    path = next(p for p in paths if name in p.name)
    return path.relative_to(REPO / "seeds").as_posix(), path.read_text(encoding="utf-8")


# the three clean seeds, by the article they hold
PUMP_RECOVERY = "explain-the-role-of-the-sodiumpotassium-pump-in-action-potential-recovery"  # 170611
RESTING = "explain-how-the-sodiumpotassium-pump"  # 170601, no related articles
NA_K = "how-does-the-na--k-pump"  # 166948, Biology


def field(text: str, name: str) -> str:
    """A top-level scalar of an article: `name: value` or a folded `name: >-` on the next line."""
    m = re.search(rf"^{name}: (?:>-\n\s+)?(.*)$", text, re.MULTILINE)
    assert m is not None, name
    return m.group(1).strip()


def link_last_related(text: str, target: str) -> str:
    """`text` with its last related_articleN entry pointing at the article `target` (a correct copy)."""
    numbers = [int(n) for n in re.findall(r"^related_article(\d+):", text, re.MULTILINE)]
    n = max(numbers, default=0) or 1
    entry = (f"related_article{n}:\n    id: {field(target, 'id')}\n    title: >-\n"
             f"        {field(target, 'title')}\n    subject: {field(target, 'subject')}\n"
             f"    url: {field(target, 'url')}\n")
    start = text.find(f"related_article{n}:")
    end = text.index("\n---", max(start, 0)) + 1
    if start < 0:
        start = end
    return text[:start] + entry + text[end:]
