"""The engine: files → per-file results (parallel, cached) → corpus rules → selection/severity.

Per-file work (lint/worker.py) is pure and picklable so it runs in worker processes; the corpus
index and cross-article rules run once in the main process over compact index entries.
"""
from __future__ import annotations

import fnmatch
import gc
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import rules as registry
from .config import Settings
from .corpus import CorpusQueries
from .diagnostic import Diagnostic, Severity
from .files import walk_groups
from .index_store import PartialCorpus, RowCorpus
from .key_index import IndexedCorpus
from .result import FileResult, read_entry
from .rules.context import RuleContext
from .run_files import RunFiles
from .selection import Selection, matches
from .serialize import diagnostic_from_dict, diagnostic_to_dict
from .suppression import apply_suppressions
from .worker import codes_of as _codes

PARTIAL_RATIO = 32  # up to one checked file in this many: read only the index rows they need
_GC_DEFAULT: list[int] = list(gc.get_threshold())


def _usual_gc() -> None:
    gc.set_threshold(*_GC_DEFAULT)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_usual_gc)


@dataclass
class RunResult:
    diagnostics: list[Diagnostic]
    checked: list[str]  # display paths of the files checked
    corpus: CorpusQueries | None = None
    stats: dict = field(default_factory=dict)
    results: Mapping[str, FileResult] = field(default_factory=dict)  # per checked file, lazy


class Engine:
    def __init__(self, settings: Settings, *, select: Sequence[str] | None = None,
                 ignore: Sequence[str] | None = None, cwd: Path | None = None,
                 progress: Callable[[int, int], None] | None = None) -> None:
        self.settings = settings
        self.cwd = (cwd or Path.cwd()).resolve()
        self.rules = registry.all_rules()
        self.selection = Selection(select if select is not None else settings.select,
                                   list(settings.ignore) + list(ignore or ()), self.rules)
        self.progress = progress
        self.keep_corpus = False  # the report wants the corpus object even when cached
        self._run_memo: dict = {}  # what one run reads once (the published index)

    # ---- per file ------------------------------------------------------------------------
    def rules_key(self) -> str:
        return ",".join(code for code in sorted(self.rules) if self.selection.enabled(code))

    def needs_corpus(self) -> bool:
        return any(self.selection.any_enabled(_codes(m)) for m in registry.CORPUS_RULES)

    # ---- whole run -----------------------------------------------------------------------
    def run(self, paths: Iterable[Path]) -> RunResult:
        # A cold run keeps several small objects a file alive (results, rows): the cyclic
        # collector's repeated passes over them cost more than the run's own work at 100,000
        # files. Rarer collections in this process for the run's duration; a process forked
        # meanwhile goes back to the usual ones, and the lint workers set their own
        # (worker.init_pool_worker).
        thresholds = gc.get_threshold()
        _GC_DEFAULT[:] = thresholds
        gc.set_threshold(max(thresholds[0], 50_000), max(thresholds[1], 20), max(thresholds[2], 100))
        try:
            return self._run(paths)
        finally:
            gc.set_threshold(*thresholds)

    def _run(self, paths: Iterable[Path]) -> RunResult:
        self._run_memo: dict = {}
        for module in registry.ARTICLE_RULES:  # fail fast, in the main process, on a missing backend
            preflight = getattr(module, "preflight", None)
            if preflight is not None and self.selection.any_enabled(_codes(module)):
                preflight(self.settings)
        cache = self._open_cache()
        try:
            files = self._files(list(paths), cache)
            target_names = set(files.names.values())
            key = self._snapshot_key(files) if cache is not None and files.scan.steady else None
            snap = cache.snapshot(key) if key is not None and not self.keep_corpus else None
            corpus = None
            if snap is not None:
                diagnostics = [diagnostic_from_dict(d) for d in snap[0]]
                suppressions = {name: [tuple(s[:2]) + (tuple(s[2]),) + tuple(s[3:]) for s in items]
                                for name, items in snap[1].items()}
            else:
                files.lint(whole=self.needs_corpus() and not self._partial(files))
                diagnostics = [d for res in files.target_results() for d in res.diagnostics]
                if self.needs_corpus():
                    found, corpus = self._corpus_findings(files, target_names)
                    diagnostics.extend(_relevant(found, target_names))
                suppressions = files.suppressions({d.path for d in diagnostics} - target_names)
                key = self._snapshot_key(files) if files.settle() else None
                files.flush(_snapshot(key, diagnostics, suppressions) if key is not None else None)
        finally:
            if cache is not None:
                cache.close()
        diagnostics = self.finish(diagnostics, suppressions, target_names)
        return RunResult(diagnostics=diagnostics, checked=sorted(files.names.values()), corpus=corpus,
                         stats={"files": len(files.all), "targets": len(files.targets)},
                         results=files.results_view())

    def _open_cache(self):
        from .cache import ResultCache

        return ResultCache.open(self.settings, self.rules_key()) if self.settings.use_cache else None

    def _files(self, paths: list, cache) -> RunFiles:
        s = self.settings
        targets = walk_groups(paths, s.exclude, s.extensions, s.root)
        corpus: list = []
        if self.needs_corpus():
            same = {os.path.abspath(p) for p in paths} == {os.path.abspath(p) for p in s.content_roots}
            corpus = targets if same else walk_groups(s.content_roots, s.exclude, s.extensions, s.root)
        return RunFiles(self, targets, corpus, cache)

    def _snapshot_key(self, files: RunFiles) -> str:
        """Identifies a run's findings: the stamps of every file, what is checked, the published
        index, the working directory (paths in messages) and the rules."""
        h = hashlib.blake2b(digest_size=20)
        index = self.settings.published_index
        published = self._published_bytes() if self.needs_corpus() else b""
        h.update(f"{self.cwd}\0{self.rules_key()}\0{self.needs_corpus()}\0{index}\0".encode())
        h.update(hashlib.blake2b(published if published is not None else b"<unreadable>").digest())
        h.update(b"all" if files.everything else "\n".join(files.targets).encode("utf-8", "surrogateescape"))
        h.update("\n".join(files.scan.key_parts()).encode("utf-8", "surrogateescape"))
        return h.hexdigest()

    def _corpus_findings(self, files: RunFiles, targets: set[str]) -> tuple[list[Diagnostic], CorpusQueries]:
        """Cross-article findings about the checked articles, each tagged with the articles that
        make it worth reporting (extra["relevant"]). A few checked files in a large corpus read
        only the index rows they need (lint/index_store.py); otherwise every finding of the
        corpus is computed from its keys (lint/key_index.py), and the relevant ones kept."""
        published = self._published()
        corpus: PartialCorpus | IndexedCorpus
        if self._partial(files):
            corpus = PartialCorpus(files, *published)
            checked = targets
        else:
            corpus = IndexedCorpus(files, files.key_index(), *published)
            checked = corpus.candidate_names()
        corpus.prefetch(checked)
        found = list(corpus.problems)
        ctx = RuleContext(self.settings, memo={"cwd": self.cwd})
        for module in registry.CORPUS_RULES:
            if self.selection.any_enabled(_codes(module)):
                found.extend(module.check_corpus(corpus, checked, ctx))
        return found, corpus

    def _published_bytes(self) -> bytes | None:
        """The published-articles index as this run read it (once: the run snapshot's key and
        the findings must come from the same content)."""
        if "published" not in self._run_memo:
            index = self.settings.published_index
            try:
                self._run_memo["published"] = index.read_bytes() if index is not None else b""
            except OSError:
                self._run_memo["published"] = None
        return self._run_memo["published"]

    def _published(self) -> tuple[dict, list]:
        from .published import load_published

        index, raw = self.settings.published_index, self._published_bytes()
        if index is None or raw is None:
            return load_published(index)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return load_published(index)
        return load_published(index, text.replace("\r\n", "\n").replace("\r", "\n"))  # as read_text does

    def _partial(self, files: RunFiles) -> bool:
        """Whether the checked files are few enough to read only the index rows they need."""
        return (files.cache is not None and not self.keep_corpus
                and len(files.targets) * PARTIAL_RATIO <= len(files.all))

    def corpus_results(self) -> dict[str, FileResult]:
        """Every corpus file's result (display path -> FileResult)."""
        s = self.settings
        cache = self._open_cache()
        try:
            files = RunFiles(self, walk_groups(s.content_roots, s.exclude, s.extensions, s.root), [], cache)
            files.lint()
            files.settle()
            files.flush(None)
        finally:
            if cache is not None:
                cache.close()
        return dict(files.results_view())

    def referrers_of(self, changed: list[Path], extra_ids: set) -> list[Path]:
        """Corpus articles whose related links point at the changed articles (or at `extra_ids`)."""
        s = self.settings
        cache = self._open_cache()
        try:
            files = RunFiles(self, walk_groups(s.content_roots, s.exclude, s.extensions, s.root), [], cache)
            files.lint(whole=cache is None)
            ids = set(extra_ids)
            for path in map(os.path.abspath, changed):
                res = files.result(path) if path in files.names else None
                if res is None and path in files.names and cache is not None:
                    files.rows.update(cache.rows([path]))
                    res = files.result(path)
                entry = res.entry if res is not None else read_entry(path, str(path))
                if entry is not None and isinstance(entry.id, (int, str)):
                    ids.add(entry.id)
            if cache is not None:
                corpus: RowCorpus = PartialCorpus(files, {}, [])
            else:
                corpus = IndexedCorpus(files, files.key_index(), {}, [])
            corpus.prefetch_referrers(ids)
            found = {}
            for article_id in ids:
                for entry in corpus.referrers(article_id):
                    if any(isinstance(link.id, (int, str)) and link.id in ids for link in entry.links):
                        found[entry.path] = os.path.join(str(self.cwd), entry.path)
            files.settle()
            files.flush(None)
        finally:
            if cache is not None:
                cache.close()
        return [found[name] for name in sorted(found)]

    def _from_root(self, display: str) -> str:
        """A display path (relative to the working directory) relative to the config's root,
        which is what `per-file-ignores` globs are written against."""
        full = os.path.join(str(self.cwd), display)
        root = str(self.settings.root).rstrip("/") + "/"
        return full[len(root):] if full.startswith(root) else display

    # ---- selection, severity, per-file ignores, suppressions -----------------------------
    def finish(self, diagnostics: list[Diagnostic], suppressions: dict, targets: set[str]) -> list[Diagnostic]:
        out = []
        pfi = self.settings.per_file_ignores
        for d in diagnostics:
            if not self.selection.enabled(d.code):
                continue
            if pfi and any(fnmatch.fnmatch(self._from_root(d.path), glob) and matches(d.code, codes, self.rules)
                           for glob, codes in pfi.items()):
                continue
            info = self.rules.get(d.code)
            # configuration first, then the rule's data (an invariant's own severity), then the rule
            severity = (self.settings.severity.get(d.code) or _data_severity(d)
                        or (info.severity if info else d.severity))
            out.append(d if d.severity == severity else replace(d, severity=severity))
        out = apply_suppressions(out, suppressions, targets, self.selection, self.rules)
        out = list(dict.fromkeys(out))  # a finding reported by two paths is reported once
        out.sort(key=Diagnostic.sort_key)
        return out


def _snapshot(key: str, diagnostics: list[Diagnostic], suppressions: dict) -> tuple[str, str]:
    data = {"diagnostics": [diagnostic_to_dict(d) for d in diagnostics],
            "suppressions": {name: [[a, b, list(c), s, e] for a, b, c, s, e in items]
                             for name, items in suppressions.items()}}
    return key, json.dumps(data, separators=(",", ":"), default=str)


def _relevant(found: list[Diagnostic], targets: set[str]) -> list[Diagnostic]:
    """The corpus findings this run reports: those about a checked article (either end of a
    stale link, any member of a duplicate group), without their bookkeeping tag."""
    out = []
    for d in found:
        relevant = d.extra.get("relevant") if d.extra else None
        if relevant is None or any(p in targets for p in relevant):
            extra = {k: v for k, v in d.extra.items() if k != "relevant"} if d.extra else {}
            out.append(replace(d, extra=extra))
    return out


def _data_severity(d: Diagnostic) -> Severity | None:
    value = d.extra.get("severity") if d.extra else None
    try:
        return Severity(value) if value else None
    except ValueError:
        return None


def severity_fails(d: Diagnostic, fail_on: Severity) -> bool:
    return d.severity.rank >= fail_on.rank
