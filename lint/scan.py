"""Which files may have changed since the cache last saw them: one stat a file, one digest a
directory.

The cache keeps, for each walked directory, a manifest of its files' stamps ("name<TAB>size<TAB>
mtime", walk order) and its digest. A run hashes the same of what it finds and compares digests;
only when they differ is the stored manifest read, and only the files whose line changed (or that
are new, too recent to trust, or not regular files) become suspects, whose cache rows are then
checked one by one. A run in which nothing changed reads no row at all. A directory the cache has
never seen is not even stat'ed: its files are linted, and their stamps come from the workers.
"""
from __future__ import annotations

import hashlib
import os
import stat
from array import array
from dataclasses import dataclass, field
from operator import itemgetter

from .cache import RACY_NS, ResultCache, file_id

_SIZE, _MTIME = itemgetter(0), itemgetter(1)


@dataclass
class DirState:
    directory: str
    files: list[str]  # every file of the directory, in walk order
    stored: str | None  # the digest the cache holds, None when it has none
    digest: str | None = None  # of the trusted stamps; None until known
    paths: list[str] = field(default_factory=list)  # the files whose stamp can be trusted
    sizes: list[int] = field(default_factory=list)
    mtimes: list[int] = field(default_factory=list)

    _index: dict[str, int] | None = None

    def stamp(self, path: str) -> tuple[int, int] | None:
        """A trusted file's stamp (None if the scan did not trust it)."""
        if self._index is None:
            self._index = {p: i for i, p in enumerate(self.paths)}
        i = self._index.get(path)
        return (self.sizes[i], self.mtimes[i]) if i is not None else None

    def lines(self, skip: set[str] | frozenset = frozenset()) -> list[tuple[str, str]]:
        cut = len(self.directory) + 1
        return [(p, f"{p[cut:]}\t{size}\t{mtime}")
                for p, size, mtime in zip(self.paths, self.sizes, self.mtimes, strict=True) if p not in skip]


@dataclass
class Scan:
    threshold: int  # stamps at or after this time are too recent to trust
    # stamps of the files not trusted by a directory's manifest lists: explicit, too recent, not
    # regular (None), and those the workers stamped (directories not scanned)
    stamps: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    suspects: list[str] = field(default_factory=list)
    dirs: list[DirState] = field(default_factory=list)
    explicit: list[str] = field(default_factory=list)  # files not in a walked directory
    steady: bool = True  # every stamp known and trusted: the run's state is known from them
    gone: list[str] = field(default_factory=list)  # in a stored manifest, no longer on disk
    _by_dir: dict[str, DirState] | None = None
    trusted: bool = False  # whether any directory's list holds stamps

    def known(self, path: str) -> tuple[int, int] | bool | None:
        """The stamp the run has of a file, or False when it has none yet."""
        if path in self.stamps:
            return self.stamps[path]
        if not self.trusted:
            return False
        d = self._dirs().get(os.path.dirname(path))
        stamp = d.stamp(path) if d is not None else None
        return stamp if stamp is not None else False

    def stamp(self, path: str) -> tuple[int, int] | None:
        """The file's stamp, stat'ing it now if the scan did not."""
        stamp = self.known(path)
        if stamp is False:
            try:
                st = os.stat(path)
                stamp = (st.st_size, st.st_mtime_ns) if stat.S_ISREG(st.st_mode) else None
            except OSError:
                stamp = None
            self.stamps[path] = stamp
        return stamp

    def _dirs(self) -> dict[str, DirState]:
        if self._by_dir is None:
            self._by_dir = {d.directory: d for d in self.dirs}
        return self._by_dir

    def settle(self, invalid: set[str]) -> None:
        """After linting: the stamps of the directories not scanned come from the workers; the
        files without a valid row are left out of the manifests; `steady` tells whether every
        file's stamp is now known and trusted."""
        for d in self.dirs:
            if d.digest is not None and not (invalid and any(p in invalid for p in d.paths)):
                continue
            if d.digest is None:
                stamps = list(map(self.stamps.get, d.files))
                if not (invalid or None in stamps) and max(map(_MTIME, stamps), default=0) < self.threshold:
                    # every file of a directory never seen before kept its stamp (a cold run):
                    # the lists in C, not file by file (settle: 0.075 -> 0.035 s of CPU at 100,000)
                    d.paths, d.sizes, d.mtimes, d._index = list(d.files), list(map(_SIZE, stamps)), \
                        list(map(_MTIME, stamps)), None
                    d.digest = _digest(d.paths, d.sizes, d.mtimes)
                    continue
                source = list(zip(d.files, stamps))
            else:
                source = list(zip(d.paths, zip(d.sizes, d.mtimes)))
            d.paths, d.sizes, d.mtimes, d._index = [], [], [], None
            for path, stamp in source:
                if stamp is None or path in invalid or stamp[1] >= self.threshold:
                    continue
                d.paths.append(path)
                d.sizes.append(stamp[0])
                d.mtimes.append(stamp[1])
            d.digest = _digest(d.paths, d.sizes, d.mtimes)
        self.steady = all(len(d.paths) == len(d.files) for d in self.dirs)
        self.trusted = any(d.paths for d in self.dirs)
        for path in self.explicit:
            stamp = self.stamps.get(path)
            if path in invalid or stamp is None or stamp[1] >= self.threshold:
                self.steady = False

    def key_parts(self) -> list[str]:
        """What identifies every file's content (for the whole-run snapshot)."""
        parts = [f"{d.directory}\0{d.digest}" for d in self.dirs]
        parts += [f"{p}\0{self.stamps.get(p)}" for p in self.explicit]
        return parts

    def manifests(self) -> list[tuple[str, str, str]]:
        """(directory, digest, lines) of the directories whose manifest changed (after settle)."""
        return [(d.directory, d.digest, "\n".join(ln for _, ln in d.lines()))
                for d in self.dirs if d.digest is not None and d.digest != d.stored]


def _digest(paths: list[str], sizes: list[int], mtimes: list[int]) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update("\n".join(paths).encode("utf-8", "surrogateescape"))
    try:  # the numbers as 64-bit words: writing them out in decimal cost a third of settle
        h.update(array("q", sizes).tobytes())
        h.update(b"\0")
        h.update(array("q", mtimes).tobytes())
    except OverflowError:  # a time past 2262 or a size past 8 EiB: written out
        h.update(repr(sizes).encode())
        h.update(repr(mtimes).encode())
    return h.hexdigest()


def scan(groups: list[tuple[str | None, list[str]]], cache: ResultCache) -> Scan:
    """Stat the files of the directories the cache knows; find the suspects."""
    stored = cache.manifest_digests()
    out = Scan(cache.now_ns - RACY_NS)
    stamps, suspects, threshold = out.stamps, out.suspects, out.threshold
    st_fn, is_reg = os.stat, stat.S_ISREG
    for directory, files in groups:
        if directory is None:
            out.explicit.extend(files)
            suspects.extend(files)
            continue
        state = DirState(directory, files, stored.get(directory))
        out.dirs.append(state)
        if state.stored is None:  # never seen: everything is linted, the workers stamp it
            suspects.extend(files)
            out.steady = False
            continue
        paths, sizes, mtimes = state.paths, state.sizes, state.mtimes
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
            size, mtime = st.st_size, st.st_mtime_ns
            if mtime >= threshold:
                stamps[path] = (size, mtime)
                suspects.append(path)  # too recent to trust its stamp
                out.steady = False
            else:
                paths.append(path)
                sizes.append(size)
                mtimes.append(mtime)
        state.digest = _digest(paths, sizes, mtimes)
        out.trusted = out.trusted or bool(paths)
        if state.digest == state.stored:
            continue
        old = cache.manifest_lines(directory)
        suspects.extend(p for p, ln in state.lines() if ln not in old)
        cut = len(directory) + 1
        names = {p[cut:] for p in files}
        for ln in old:
            name = ln.split("\t", 1)[0]
            if name not in names and not os.path.lexists(os.path.join(directory, name)):
                out.gone.append(os.path.join(directory, name))
    for path in out.explicit:
        stamp = out.stamp(path)
        if stamp is None or stamp[1] >= threshold:
            out.steady = False
    cache.gone.extend(file_id(p) for p in out.gone)
    return out
