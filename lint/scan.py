"""Which files may have changed since the cache last saw them: one stat a file, one digest a
directory.

Each walked directory's manifest ("name<TAB>size<TAB>mtime" of its files, in walk order) is hashed
and compared with the digest the cache stored; only when they differ is the stored manifest read,
and only the files whose line changed (or that are new, too recent to trust, or not regular files)
become suspects, whose cache rows are then checked one by one. A run in which nothing changed
reads no row at all.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field

from .cache import RACY_NS, ResultCache, file_id


@dataclass
class DirState:
    directory: str
    lines: list[tuple[str, str]]  # (path, manifest line) of the files whose stamp can be trusted
    digest: str
    stored: str | None  # the digest the cache holds, None when it has none


@dataclass
class Scan:
    stamps: dict[str, tuple[int, int] | None] = field(default_factory=dict)  # None: not a regular file
    suspects: list[str] = field(default_factory=list)
    dirs: list[DirState] = field(default_factory=list)
    explicit: list[str] = field(default_factory=list)  # files not in a walked directory
    steady: bool = True  # every stamp trusted: the run's state is known from the stamps alone
    gone: list[str] = field(default_factory=list)  # in a stored manifest, no longer on disk

    def key_parts(self) -> list[str]:
        """What identifies every file's content (for the whole-run snapshot)."""
        parts = [f"{d.directory}\0{d.digest}" for d in self.dirs]
        parts += [f"{p}\0{self.stamps.get(p)}" for p in self.explicit]
        return parts

    def manifests(self, invalid: set[str]) -> list[tuple[str, str, str]]:
        """(directory, digest, lines) to store: the changed directories, without the files whose
        row this run could not make valid."""
        out = []
        for d in self.dirs:
            lines = d.lines
            if invalid and any(p in invalid for p, _ in lines):
                lines = [(p, ln) for p, ln in lines if p not in invalid]
            text = "\n".join(ln for _, ln in lines)
            digest = _digest(text) if lines is not d.lines else d.digest
            if digest != d.stored:
                out.append((d.directory, digest, text))
        return out


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def scan(groups: list[tuple[str | None, list[str]]], cache: ResultCache | None) -> Scan:
    """Stat every file; with a cache, find the suspects (without one, every file is linted)."""
    out = Scan()
    stored = cache.manifest_digests() if cache is not None else {}
    threshold = (cache.now_ns if cache is not None else 0) - RACY_NS
    stamps, suspects = out.stamps, out.suspects
    st_fn, is_reg = os.stat, stat.S_ISREG
    for directory, files in groups:
        if directory is None:
            out.explicit.extend(files)
        lines: list[tuple[str, str]] = []
        cut = len(directory) + 1 if directory is not None else 0
        for path in files:
            try:
                st = st_fn(path)
            except OSError:
                st = None
            if st is None or not is_reg(st.st_mode):
                stamps[path] = None
                suspects.append(path)
                out.steady = False
                continue
            stamps[path] = (st.st_size, st.st_mtime_ns)
            if st.st_mtime_ns >= threshold:
                suspects.append(path)  # too recent to trust its stamp
                out.steady = False
            elif directory is None:
                suspects.append(path)
            else:
                lines.append((path, f"{path[cut:]}\t{st.st_size}\t{st.st_mtime_ns}"))
        if directory is None or cache is None:
            continue
        digest = _digest("\n".join(ln for _, ln in lines))
        old_digest = stored.get(directory)
        out.dirs.append(DirState(directory, lines, digest, old_digest))
        if digest == old_digest:
            continue
        old = cache.manifest_lines(directory) if old_digest is not None else set()
        suspects.extend(p for p, ln in lines if ln not in old)
        if old:
            names = {p[cut:] for p in files}
            for ln in old:
                name = ln.split("\t", 1)[0]
                if name not in names and not os.path.lexists(os.path.join(directory, name)):
                    out.gone.append(os.path.join(directory, name))
    if cache is not None:
        cache.gone.extend(file_id(p) for p in out.gone)
    return out
