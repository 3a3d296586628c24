"""The result cache, `.qtlint_cache/` (configurable): per-file results and the corpus index.

One SQLite database per (tool version, configuration fingerprint): a change of either starts a
fresh cache. Tables:
  files     one row a file (keyed by a 64-bit hash of its absolute path): size, mtime, content
            digest, its findings, suppressions and claims (JSON), its index entry (JSON) and the
            keys the cross-article rules look up (id key, url key, the hash of its title/subject/
            url, its links as packed (target key, copy hash) pairs). No secondary index: a
            one-file run finds all the rows it needs in one scan (tens of milliseconds at 100,000
            files), a whole-corpus run reads the key columns once (lint/key_index.py), and a cold
            run does not pay for building indexes
  manifest  one row a walked directory: "name<TAB>size<TAB>mtime" of each file whose row is
            valid; a warm run compares a digest per directory instead of reading 100,000 rows
  corpus    whole-run snapshots: a run's findings, keyed by the stamps of every file it saw
A row is reused when the file's size and mtime are unchanged, or, when they changed, when its
content hash is unchanged. A stamp from the last two seconds is never trusted (a same-size edit
within the file system's timestamp granularity would keep it): such a file's content is checked.
SQLite gives atomic writes and safe concurrent use (two hooks at once); a corrupt or foreign file
is discarded with a warning, never trusted. Rows hold JSON, never pickles, so a planted cache
file cannot run code.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import sys
import time
import zlib
from operator import itemgetter
from pathlib import Path

from . import __version__
from .config import Settings
from .entries import hash64

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS files (fid INTEGER PRIMARY KEY, path TEXT NOT NULL, size INTEGER, "
    "mtime_ns INTEGER, digest TEXT, diagnostics TEXT, suppressions TEXT, claims TEXT, entry TEXT, "
    "id_key INTEGER, url_key INTEGER, key_hash INTEGER, links BLOB, seal INTEGER)",
    "CREATE TABLE IF NOT EXISTS manifest (dir TEXT PRIMARY KEY, digest TEXT, lines TEXT)",
    "CREATE TABLE IF NOT EXISTS corpus (key TEXT PRIMARY KEY, findings TEXT)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
)
MAGIC = "qtlint-cache-13"  # with the hash definitions of lint/entries.py
RACY_NS = 2_000_000_000  # stamps this recent are not trusted
SNAPSHOTS = 8  # whole-run snapshots kept (a full run, a few one-file runs)
RESULT_COLUMNS = "diagnostics, suppressions, claims, entry, id_key, url_key, key_hash, links, seal"
FILE_COLUMNS = f"path, size, mtime_ns, digest, {RESULT_COLUMNS}"
INSERT = f"INSERT OR REPLACE INTO files (fid, {FILE_COLUMNS}) VALUES ({', '.join('?' * 14)})"


_first = itemgetter(0)
_HALF, _WRAP = 1 << 63, 1 << 64


def content_digest(raw: bytes) -> str:
    """128 bits of SHA-256 (in hardware on most machines: half the cost of blake2b here). A row
    written with another digest never matches: its file is linted again, never trusted."""
    return hashlib.sha256(raw).hexdigest()[:32]


def file_id(path: str) -> int:
    """A file's row key: a 64-bit hash of its absolute path (rows are checked against the path:
    two paths with one key would only take turns in the cache)."""
    return hash64(path)


def cache_dir(settings: Settings) -> Path:
    if settings.cache_dir is not None:
        return settings.cache_dir
    env = os.environ.get("QTLINT_CACHE_DIR")
    return Path(env) if env else settings.root / ".qtlint_cache"


class ResultCache:
    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db, self.path = db, path
        self.pending: dict[str, tuple] = {}  # path -> (stamp, result), written by flush()
        self.restamp: list[tuple] = []  # (size, mtime_ns, fid, path): same content, new stamp
        self.manifests: list[tuple[str, str, str]] = []
        self.gone: list[int] = []  # fids of files that no longer exist
        self.now_ns = time.time_ns()  # the run's start: later stamps are too recent to trust

    @classmethod
    def open(cls, settings: Settings, rules: str = "") -> ResultCache | None:
        """`rules`: the enabled rule codes of this run (results depend on them, and --select or
        --ignore on the command line are not part of the settings)."""
        directory = cache_dir(settings)
        key = hashlib.sha256(f"{settings.fingerprint()}|{rules}".encode()).hexdigest()[:32]
        path = directory / f"v{__version__}-{key}.sqlite"
        try:
            directory.mkdir(parents=True, exist_ok=True)
            gitignore = directory / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# created by qtlint\n*\n")
            return cls._connect(path)
        except sqlite3.OperationalError as err:
            # busy or locked (another qtlint is writing it): run without the cache this time;
            # never delete a database another process has open
            print(f"qtlint: warning: cache {path} is busy ({err}); running without it", file=sys.stderr)
            return None
        except (OSError, sqlite3.Error) as err:
            print(f"qtlint: warning: cache {path} is unusable ({err}); discarding it", file=sys.stderr)
            try:
                for extra in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                    extra.unlink(missing_ok=True)
                return cls._connect(path)
            except (OSError, sqlite3.Error):
                return None

    @classmethod
    def _connect(cls, path: Path) -> ResultCache:
        new = not path.exists()
        db = sqlite3.connect(path, timeout=30, isolation_level=None)
        if new:
            db.execute("PRAGMA page_size=16384")  # large rows, written and scanned in bulk
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        row = None
        try:
            row = db.execute("SELECT value FROM meta WHERE key='magic'").fetchone()
        except sqlite3.OperationalError as err:
            if "no such table" not in str(err):
                raise
        if row is not None and row[0] != MAGIC:
            raise sqlite3.DatabaseError(f"foreign cache file (magic {row[0]!r})")
        if row is None:
            db.execute("BEGIN IMMEDIATE")
            for statement in SCHEMA:
                db.execute(statement)
            db.execute("INSERT OR IGNORE INTO meta VALUES ('magic', ?)", (MAGIC,))
            db.execute("COMMIT")
        return cls(db, path)

    # ---- reading ------------------------------------------------------------------------------
    def manifest_digests(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT dir, digest FROM manifest"))

    def manifest_lines(self, directory: str) -> set[str]:
        row = self.db.execute("SELECT lines FROM manifest WHERE dir = ?", (directory,)).fetchone()
        return set(row[0].split("\n")) if row and row[0] else set()

    def has_rows(self) -> bool:
        return self.db.execute("SELECT 1 FROM files LIMIT 1").fetchone() is not None

    def rows(self, paths: list[str]) -> dict[str, tuple]:
        """path -> (size, mtime_ns, digest, diagnostics, suppressions, claims, entry, ...)."""
        out: dict[str, tuple] = {}
        wanted = {file_id(p): p for p in paths}
        ids = list(wanted)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            sql = f"SELECT fid, {FILE_COLUMNS} FROM files WHERE fid IN ({','.join('?' * len(chunk))})"
            for fid, path, *rest in self.db.execute(sql, chunk):
                if wanted.get(fid) == path:
                    out[path] = tuple(rest)
        return out

    def query(self, where: str, args: tuple = ()) -> list[tuple]:
        """(path, result row) of the rows matching `where`."""
        return [(path, tuple(rest)) for path, *rest in self.db.execute(
            f"SELECT path, {RESULT_COLUMNS} FROM files WHERE {where}", args)]

    def get(self, path: str, name: str):
        """The cached result of one file, or None (a miss, or a corrupt row)."""
        from .result import FileResult

        row = self.rows([path]).get(path)
        if row is None:
            return None
        try:
            st = os.stat(path)
        except OSError:
            return None
        if not self.still_valid(path, row, (st.st_size, st.st_mtime_ns), stat.S_ISREG(st.st_mode)):
            return None
        try:
            return FileResult.from_row(name, row[3:], file=path).decode()
        except (ValueError, KeyError, TypeError, IndexError) as err:
            print(f"qtlint: warning: discarding a corrupt cache entry for {name} ({err})", file=sys.stderr)
            return None

    def still_valid(self, path: str, row: tuple, stamp: tuple[int, int], regular: bool = True) -> bool:
        """Whether a row holds the file's current content: same stamp, or same content digest
        (then the new stamp is recorded)."""
        if (row[0], row[1]) == stamp:
            return True
        if not regular:
            return False
        try:
            with open(path, "rb") as fh:
                raw = fh.read()
        except OSError:
            return False
        if content_digest(raw) != row[2]:
            return False
        self.restamp.append((self.trusted_size(*stamp), stamp[1], file_id(path), path))
        return True

    def trusted_size(self, size: int, mtime_ns: int) -> int:
        """The size to store with a stamp: -1 (never equal) for a stamp too recent to trust."""
        return -1 if mtime_ns >= self.now_ns - RACY_NS else size

    # ---- writing ------------------------------------------------------------------------------
    def put(self, stamp: tuple, result) -> None:
        """Store a result under the stamp (path, size, mtime_ns, digest) the worker read it with."""
        self.pending[stamp[0]] = (stamp, result)

    def write_pending(self) -> None:
        """Write the rows gathered so far in a transaction of their own, while a cold run's
        workers are still busy: each row stands alone (it is checked against its own file), so
        the final flush is left with the last rows, the manifests and the snapshot. A failure
        keeps the rows for the flush to try again."""
        if not self.pending:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(INSERT, self._pending_rows())
            self.db.execute("COMMIT")
        except sqlite3.Error:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            return
        self.pending = {}

    def _pending_rows(self) -> list[tuple]:
        cut, crc, adler = self.now_ns - RACY_NS, zlib.crc32, zlib.adler32
        rows = []
        for (path, size, mtime, digest), res in self.pending.values():
            try:
                raw = path.encode()
            except UnicodeEncodeError:
                fid = file_id(path)
            else:  # file_id, inlined: this runs for every file of a cold run
                fid = crc(raw) << 32 | adler(raw)
                if fid >= _HALF:
                    fid -= _WRAP
            rows.append((fid, path, -1 if mtime >= cut else size, mtime, digest, *res.row))
        rows.sort(key=_first)  # in key order: appending to the table beats inserting into it
        return rows

    def snapshot(self, key: str):
        try:
            row = self.db.execute("SELECT findings FROM corpus WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as err:
            print(f"qtlint: warning: could not read the run snapshot ({err})", file=sys.stderr)
            return None
        if row is None:
            return None
        try:
            data = json.loads(row[0])
            return data["diagnostics"], data["suppressions"]
        except (ValueError, KeyError, TypeError) as err:
            print(f"qtlint: warning: discarding a corrupt run snapshot ({err})", file=sys.stderr)
            return None

    def flush(self, snapshot: tuple[str, str] | None = None) -> None:
        """Write this run's rows, manifests and snapshot in one transaction."""
        if not (self.pending or self.restamp or self.manifests or self.gone or snapshot):
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            if self.gone:
                self.db.executemany("DELETE FROM files WHERE fid = ?", [(f,) for f in self.gone])
            if self.pending:
                self.db.executemany(INSERT, self._pending_rows())
            if self.restamp:
                self.db.executemany("UPDATE files SET size = ?, mtime_ns = ? WHERE fid = ? AND path = ?",
                                    self.restamp)
            if self.manifests:
                self.db.executemany("INSERT OR REPLACE INTO manifest VALUES (?, ?, ?)", self.manifests)
            if snapshot is not None:
                self.db.execute("INSERT OR REPLACE INTO corpus VALUES (?, ?)", snapshot)
                self.db.execute("DELETE FROM corpus WHERE rowid NOT IN "
                                f"(SELECT rowid FROM corpus ORDER BY rowid DESC LIMIT {SNAPSHOTS})")
            self.db.execute("COMMIT")
        except sqlite3.Error as err:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            print(f"qtlint: warning: could not update the cache {self.path} ({err})", file=sys.stderr)
        self.pending, self.restamp, self.manifests, self.gone = {}, [], [], []

    def close(self) -> None:
        self.flush()
        try:
            self.db.close()
        except sqlite3.Error as err:
            print(f"qtlint: warning: could not close the cache {self.path} ({err})", file=sys.stderr)
