"""The result cache, `.qtlint_cache/` (configurable): per-file results and index entries.

One SQLite database per (tool version, configuration fingerprint): a change of either starts a
fresh cache. A row is reused when the file's size and mtime are unchanged, or, when they
changed, when its content hash is unchanged. SQLite gives us atomic writes and safe concurrent
use (two hooks at once); a corrupt or foreign file is discarded with a warning, never trusted.
Rows hold JSON, never pickles, so a planted cache file cannot run code.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import sys
from pathlib import Path

from . import __version__
from .config import Settings
from .serialize import diagnostic_from_dict, diagnostic_to_dict, result_from_row, result_to_row

SCHEMA = ("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, "
          "digest TEXT, diagnostics TEXT, entry TEXT, suppressions TEXT, claims TEXT)")
MAGIC = "qtlint-cache-5"


def content_digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def cache_dir(settings: Settings) -> Path:
    if settings.cache_dir is not None:
        return settings.cache_dir
    env = os.environ.get("QTLINT_CACHE_DIR")
    return Path(env) if env else settings.root / ".qtlint_cache"


class ResultCache:
    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db, self.path = db, path
        self.rows: dict[str, tuple] = {}
        self.pending: list[tuple] = []
        self.digests: dict[str, str] = {}  # display name -> content digest, for the corpus key

    @classmethod
    def open(cls, settings: Settings, rules: str = "") -> ResultCache | None:
        """`rules`: the enabled rule codes of this run (results depend on them, and --select or
        --ignore on the command line are not part of the settings)."""
        directory = cache_dir(settings)
        key = hashlib.sha256(f"{settings.fingerprint()}|{rules}".encode()).hexdigest()[:32]
        name = f"v{__version__}-{key}.sqlite"
        path = directory / name
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
                path.unlink(missing_ok=True)
                return cls._connect(path)
            except (OSError, sqlite3.Error):
                return None

    @classmethod
    def _connect(cls, path: Path) -> ResultCache:
        db = sqlite3.connect(path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute(SCHEMA)
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS corpus (key TEXT PRIMARY KEY, findings TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key='magic'").fetchone()
        if row is None:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('magic', ?)", (MAGIC,))
        elif row[0] != MAGIC:
            raise sqlite3.DatabaseError(f"foreign cache file (magic {row[0]!r})")
        cache = cls(db, path)
        cache.rows = {r[0]: r[1:] for r in db.execute(
            "SELECT path, size, mtime_ns, digest, diagnostics, entry, suppressions, claims FROM files")}
        return cache

    def get(self, path: str, name: str):
        row = self.rows.get(path)
        if row is None:
            return None
        size, mtime_ns, digest, diags, entry, supp, claims = row
        try:
            st = os.stat(path)
        except OSError:
            return None
        if st.st_size != size or st.st_mtime_ns != mtime_ns:
            if not stat.S_ISREG(st.st_mode):
                return None  # no longer a regular file: the engine reports it
            try:
                with open(path, "rb") as fh:
                    raw = fh.read()
            except OSError:
                return None
            if content_digest(raw) != digest:
                    return None
            self.pending.append((path, st.st_size, st.st_mtime_ns, digest, diags, entry, supp, claims))
        try:
            res = result_from_row(name, diags, entry, supp, claims, file=path)
        except (ValueError, KeyError, TypeError, IndexError) as err:
            print(f"qtlint: warning: discarding a corrupt cache entry for {name} ({err})", file=sys.stderr)
            return None
        self.digests[name] = digest
        return res

    def put(self, stamp: tuple, result) -> None:
        path, size, mtime_ns, digest = stamp
        self.digests[result.path] = digest
        self.pending.append((str(path), size, mtime_ns, digest, *result_to_row(result)))

    def corpus_key(self, results: dict, published_index: Path | None, codes: list[str]) -> str | None:
        """Identifies the whole corpus's content: any changed, added or removed file changes it."""
        h = hashlib.sha256(json.dumps(codes).encode())
        for name in sorted(results):
            digest = self.digests.get(name)
            if digest is None:
                return None  # a file we could not read: no snapshot
            h.update(f"{name}\0{digest}\n".encode())
        if published_index is not None:
            try:
                h.update(published_index.read_bytes())
            except OSError:
                h.update(b"<unreadable published index>")
        return h.hexdigest()

    def corpus_snapshot(self, key: str):
        try:
            row = self.db.execute("SELECT findings FROM corpus WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as err:
            print(f"qtlint: warning: could not read the corpus snapshot ({err})", file=sys.stderr)
            return None
        if row is None:
            return None
        try:
            return [diagnostic_from_dict(d) for d in json.loads(row[0])]
        except (ValueError, KeyError, TypeError) as err:
            print(f"qtlint: warning: discarding a corrupt corpus snapshot ({err})", file=sys.stderr)
            return None

    def store_corpus_snapshot(self, key: str, found: list) -> None:
        data = json.dumps([diagnostic_to_dict(d) for d in found], separators=(",", ":"), default=str)
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM corpus")  # only the latest corpus is worth keeping
            self.db.execute("INSERT OR REPLACE INTO corpus VALUES (?, ?)", (key, data))
            self.db.execute("COMMIT")
        except sqlite3.Error as err:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            print(f"qtlint: warning: could not store the corpus snapshot ({err})", file=sys.stderr)

    def close(self) -> None:
        try:
            if self.pending:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                    self.pending)
                self.db.execute("COMMIT")
            self.db.close()
        except sqlite3.Error as err:
            print(f"qtlint: warning: could not update the cache {self.path} ({err})", file=sys.stderr)
