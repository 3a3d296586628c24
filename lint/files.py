"""Finding the article files: directories are walked, excluded names skipped."""
from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Iterable, Iterator


def _excluded(name: str, rel: str, exclude: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(rel, pat) for pat in exclude)


def iter_article_files(paths: Iterable[Path], exclude: tuple[str, ...], extensions: tuple[str, ...],
                       root: Path) -> Iterator[Path]:
    """Explicit files always; directories walked (sorted, excluded names pruned)."""
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                base = Path(dirpath)
                dirnames[:] = sorted(d for d in dirnames
                                     if not _excluded(d, _rel(base / d, root), exclude))
                for name in sorted(filenames):
                    if name.endswith(extensions) and not _excluded(name, _rel(base / name, root), exclude):
                        p = base / name
                        if p not in seen:
                            seen.add(p)
                            yield p
        elif path not in seen:
            seen.add(path)
            yield path


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def display_path(path: Path, cwd: Path) -> str:
    """Relative to the working directory when inside it (as ruff prints), else absolute."""
    try:
        return path.resolve().relative_to(cwd).as_posix()
    except ValueError:
        return path.resolve().as_posix()
