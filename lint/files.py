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
        self.literal = frozenset(p for p in names if not _WILD.search(p))  # plain names: a set lookup
        wild = [p for p in names if _WILD.search(p)]
        self.names = re.compile("|".join(fnmatch.translate(p) for p in wild)) if wild else None
        self.paths = re.compile("|".join(fnmatch.translate(p) for p in paths)) if paths else None
        self.root = root.rstrip("/") + "/"

    def __call__(self, name: str, full: str) -> bool:
        if name in self.literal:
            return True
        if self.names is not None and self.names.match(name):
            return True
        if self.paths is not None and full.startswith(self.root):
            return bool(self.paths.match(full[len(self.root):]))
        return False

    def names_only(self) -> bool:
        """Whether a name alone decides (no pattern with `/`, no wildcard)."""
        return self.names is None and self.paths is None


_WILD = re.compile(r"[*?\[]")


def iter_article_files(paths: Iterable[str | Path], exclude: tuple[str, ...],
                       extensions: tuple[str, ...], root: str | Path) -> Iterator[str]:
    """Absolute paths: explicit files always; directories walked (sorted, excluded names pruned)."""
    for _directory, files in walk_groups(paths, exclude, extensions, root):
        yield from files


def walk_groups(paths: Iterable[str | Path], exclude: tuple[str, ...], extensions: tuple[str, ...],
                root: str | Path) -> list[tuple[str | None, list[str]]]:
    """The files of `iter_article_files`, grouped: (directory, its article files) for each
    directory walked (all of them: the cache keeps one manifest a directory), (None, [file]) for
    a file given explicitly. Symbolic links to directories are not followed (as os.walk)."""
    excluded = Excluder(exclude, os.path.abspath(root))
    paths = list(paths)
    seen: set[str] | None = set() if len(paths) > 1 else None
    out: list[tuple[str | None, list[str]]] = []
    for given in paths:
        path = os.path.abspath(given)
        if os.path.isdir(path):
            _walk(path, excluded, tuple(extensions), seen, out)
        elif seen is None or path not in seen:
            if seen is not None:
                seen.add(path)
            out.append((None, [path]))
    return out


def _walk(top: str, excluded: Excluder, extensions: tuple[str, ...], seen: set[str] | None,
          out: list[tuple[str | None, list[str]]]) -> None:
    dirs: list[str] = []
    names: list[str] = []
    try:
        with os.scandir(top) as it:
            for entry in it:
                name = entry.name
                try:
                    is_dir = entry.is_dir()  # from the directory listing's type: no system call
                except OSError:
                    is_dir = False
                if not is_dir:
                    if name.endswith(extensions):
                        names.append(name)
                elif not excluded(name, entry.path):
                    dirs.append(name)
    except OSError:
        return
    prefix = os.path.join(top, "")
    names.sort()
    if excluded.names_only():
        literal = excluded.literal
        files = [prefix + name for name in names if name not in literal]
    else:
        files = [prefix + name for name in names if not excluded(name, prefix + name)]
    if seen is not None:  # several paths were given: a file found twice is linted once
        files = [f for f in files if f not in seen]
        seen.update(files)
    if files:
        out.append((top, files))
    for name in sorted(dirs):
        sub = prefix + name
        if not os.path.islink(sub):
            _walk(sub, excluded, extensions, seen, out)


def display_path(path: str | Path, cwd: str | Path) -> str:
    """Relative to the working directory when inside it (as ruff prints), else absolute."""
    path = os.path.abspath(path)
    base = str(cwd).rstrip("/") + "/"
    return path[len(base):] if path.startswith(base) else path


def display_names(paths: Iterable[str], cwd: str | Path) -> list[str]:
    """display_path of many absolute, normalised paths (as the walk gives them), fast."""
    base = str(cwd).rstrip("/") + "/"
    n = len(base)
    return [p[n:] if p.startswith(base) else p for p in paths]
