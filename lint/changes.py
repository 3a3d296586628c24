"""`--changed-since REF`: the articles changed since a git ref, plus the articles linking to them.

Changed means: differs between the merge base of REF and HEAD and the working tree (so a pull
request is compared with where it branched off), or is new and untracked. An article deleted
since REF is read from git to learn its id, so the articles that still link to it are checked
too (their links now dangle).
"""
from __future__ import annotations

import subprocess
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
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    try:
        base = _git(["merge-base", ref, "HEAD"], cwd).strip() or ref
    except ConfigError:
        base = ref
    names = _git(["diff", "--name-only", "-z", "--diff-filter=d", base], cwd).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], cwd).split("\0")
    deleted_names = _git(["diff", "--name-only", "-z", "--diff-filter=D", base], cwd).split("\0")
    changed = sorted({top / n for n in names if n})
    deleted = []
    for name in filter(None, deleted_names):
        try:
            raw = subprocess.run(["git", "show", f"{base}:{name}"], cwd=top, capture_output=True,
                                 check=True).stdout
        except subprocess.CalledProcessError:
            continue
        deleted.append((name, raw))
    return changed, deleted


def changed_targets(ref: str, settings: Settings, engine) -> list[Path]:
    changed, deleted = changed_files(ref, engine.cwd)
    changed = [p for p in iter_article_files(changed, settings.exclude, settings.extensions, settings.root)
               if p.suffix in settings.extensions and p.exists()]
    changed = [p for p in changed if not any(part in settings.exclude for part in p.parts)]
    ids = set()
    for name, raw in deleted:
        article = parse_article(name, raw).article
        if article is not None and isinstance(article.get("id"), (int, str)):
            ids.add(article.get("id"))
    return changed + engine.referrers_of(changed, ids)
