"""Grammar results cached on disk, so an unchanged prose field is never checked twice.

A result is keyed by (text hash, backend name, backend version, dictionary hash, rule settings):
change any of them and the field is checked again. Each result is one small JSON file under the
directory the caller gives (the run's cache dir, e.g. `.qtlint_cache/grammar/`), named by the
sha256 of the key. Writers put the file in place with an atomic rename (`os.replace` of a
temporary file in the same directory), so a reader sees the old entry or the new one, never half
of one, and concurrent writers of the same entry just replace each other's identical result.
An entry that cannot be read, is not valid JSON, or holds another key is a miss and is
overwritten. Failing to write (read-only or full disk) costs only the caching, never the check.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from lint.grammar.issue import GrammarBackend, GrammarIssue

_FORMAT = 1


@dataclass(frozen=True)
class CacheKey:
    text_sha256: str
    backend: str
    backend_version: str
    dictionary_sha256: str
    rule_settings: str

    @classmethod
    def for_text(cls, text: str, backend: GrammarBackend) -> CacheKey:
        return cls(
            text_sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
            backend=backend.name,
            backend_version=backend.version,
            dictionary_sha256=backend.dictionary_digest,
            rule_settings=backend.rule_settings,
        )

    @property
    def digest(self) -> str:
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()


class GrammarCache:
    """Results on disk under `directory` (created on first write)."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    def _path(self, key: CacheKey) -> Path:
        digest = key.digest
        return self.directory / digest[:2] / f"{digest}.json"

    def get(self, key: CacheKey) -> list[GrammarIssue] | None:
        """The cached issues for `key`, or None when absent or unusable."""
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if entry["format"] != _FORMAT or entry["key"] != asdict(key):
                return None
            return [GrammarIssue.from_json(item) for item in entry["issues"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: CacheKey, issues: Sequence[GrammarIssue]) -> None:
        path = self._path(key)
        entry = {"format": _FORMAT, "key": asdict(key), "issues": [i.to_json() for i in issues]}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(entry, handle, ensure_ascii=False)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return


def check_cached_many(
    texts: Sequence[str], backend: GrammarBackend, cache: GrammarCache | None
) -> list[list[GrammarIssue]]:
    """Issues for each text: from the cache where present, the rest checked in one backend call."""
    if cache is None:
        return backend.check_many(texts)
    keys = [CacheKey.for_text(text, backend) for text in texts]
    results: list[list[GrammarIssue] | None] = [cache.get(key) for key in keys]
    # The same text twice (title and question often agree) is checked once.
    missing = list(dict.fromkeys(texts[i] for i, result in enumerate(results) if result is None))
    if missing:
        checked = dict(zip(missing, backend.check_many(missing), strict=True))
        for i, text in enumerate(texts):
            if results[i] is None:
                results[i] = checked[text]
                cache.put(keys[i], checked[text])
    return [result if result is not None else [] for result in results]


def check_cached(text: str, backend: GrammarBackend, cache: GrammarCache | None) -> list[GrammarIssue]:
    """Issues for one text, from the cache when present."""
    return check_cached_many([text], backend, cache)[0]
