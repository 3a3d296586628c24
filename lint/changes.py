"""`--changed-since REF`: the articles changed since a git ref, plus the articles linking to them.

Changed means: differs between the merge base of REF and HEAD and the working tree (so a pull
request is compared with where it branched off), or is new and untracked. Only files that a plain
`qtlint check` of the same paths would lint count (inside those paths, an article extension, not
excluded), so a changed README.md is not read as an article. An article deleted since REF is read
from git to learn its id, so the articles that still link to it are checked too (their links now
dangle). Renames count as a deletion plus an addition, for the same reason.
"""
from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from .article import parse_article
from .config import ConfigError, Settings
from .files import iter_article_files


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise ConfigError("--changed-since needs git, which is not installed") from None
    if proc.returncode != 0:
        raise ConfigError(f"--changed-since: `git {' '.join(args)}` failed: {proc.stderr.strip()}")
    return proc.stdout


def changed_files(ref: str, cwd: Path) -> tuple[list[Path], list[tuple[str, bytes]]]:
    """(changed or new files, absolute; deleted files as (path from the top, content at the base))."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    # every command runs at the top: `git diff` and `git ls-files` print paths relative to it there
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except ConfigError:
        raise ConfigError(f"--changed-since: {ref!r} is not a commit in this repository (fetch it "
                          "first, e.g. `git fetch origin main`; CI needs a checkout with history)") from None
    try:
        base = _git(["merge-base", ref, "HEAD"], top).strip() or ref
    except ConfigError:  # unrelated histories, or a shallow clone without the merge base
        base = ref
    diff = ["diff", "--name-only", "-z", "--no-renames", "--no-ext-diff"]
    names = _git([*diff, "--diff-filter=d", base, "--"], top).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0")
    deleted_names = _git([*diff, "--diff-filter=D", base, "--"], top).split("\0")
    changed = sorted({top / n for n in names if n})
    deleted = []
    for name in filter(None, deleted_names):
        proc = subprocess.run(["git", "show", f"{base}:{name}"], cwd=top, capture_output=True, check=False)
        if proc.returncode == 0:
            deleted.append((name, proc.stdout))
    return changed, deleted


def changed_targets(ref: str, settings: Settings, engine,
                    scope: Sequence[str | Path] | None = None) -> list[str]:
    """The files to check (absolute paths): changed articles inside `scope` (default: the
    configured `include`) and the corpus articles whose related links point at them or at
    articles deleted since REF."""
    top = os.path.abspath(_git(["rev-parse", "--show-toplevel"], Path(engine.cwd)).strip())
    changed, deleted = changed_files(ref, Path(engine.cwd))
    roots = [os.path.abspath(p) for p in (scope if scope is not None else
                                          [settings.resolve(p) for p in settings.include])]
    # exactly what `qtlint check` of the scope would lint (extensions, `exclude` below the root)
    lintable = {os.path.abspath(p) for p in iter_article_files(roots, settings.exclude,
                                                               settings.extensions, settings.root)}
    targets = [p for p in map(os.path.abspath, changed) if p in lintable]
    ids = set()
    for name, raw in deleted:
        path = os.path.join(top, name)
        if not path.endswith(tuple(settings.extensions)) or not any(_inside(path, r) for r in roots):
            continue
        article = parse_article(name, raw).article
        if article is not None and article.data is not None and isinstance(article.get("id"), (int, str)):
            ids.add(article.get("id"))
    return targets + [os.path.abspath(p) for p in engine.referrers_of(targets, ids)]


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip("/") + "/")
