"""Finding the article files: directories are walked, excluded names skipped.

Paths are plain absolute strings here (not pathlib objects, and never resolved through
symlinks): on 200,000 files, pathlib and realpath cost more than the whole warm run.
"""
from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path


class Excluder:
    """`exclude` globs: a pattern without `/` matches a file or directory name anywhere; one with
    `/` matches the path relative to the root."""

    def __init__(self, patterns: Iterable[str], root: str) -> None:
        names = [p for p in patterns if "/" not in p]
        paths = [p.rstrip("/") for p in patterns if "/" in p]
        self.names = re.compile("|".join(fnmatch.translate(p) for p in names)) if names else None
        self.paths = re.compile("|".join(fnmatch.translate(p) for p in paths)) if paths else None
        self.root = root.rstrip("/") + "/"

    def __call__(self, name: str, full: str) -> bool:
        if self.names is not None and self.names.match(name):
            return True
        if self.paths is not None and full.startswith(self.root):
            return bool(self.paths.match(full[len(self.root):]))
        return False


def iter_article_files(paths: Iterable[str | Path], exclude: tuple[str, ...],
                       extensions: tuple[str, ...], root: str | Path) -> Iterator[str]:
    """Absolute paths: explicit files always; directories walked (sorted, excluded names pruned)."""
    excluded = Excluder(exclude, os.path.abspath(root))
    seen: set[str] = set()
    for given in paths:
        path = os.path.abspath(given)
        if os.path.isdir(path):
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not excluded(d, os.path.join(dirpath, d)))
                for name in sorted(filenames):
                    if name.endswith(extensions):
                        full = os.path.join(dirpath, name)
                        if full not in seen and not excluded(name, full):
                            seen.add(full)
                            yield full
        elif path not in seen:
            seen.add(path)
            yield path


def display_path(path: str | Path, cwd: str | Path) -> str:
    """Relative to the working directory when inside it (as ruff prints), else absolute."""
    path = os.path.abspath(path)
    base = str(cwd).rstrip("/") + "/"
    return path[len(base):] if path.startswith(base) else path
