"""The engine: files → per-file results (parallel, cached) → corpus rules → selection/severity.

Per-file work (lint/worker.py) is pure and picklable so it runs in worker processes; the corpus
index and cross-article rules run once in the main process over compact index entries.
"""
from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import rules as registry
from .config import Settings
from .corpus import Corpus
from .diagnostic import Diagnostic, Severity
from .files import display_path, iter_article_files
from .result import FileResult, read_entry
from .rules.context import RuleContext
from .selection import Selection, matches
from .suppression import apply_suppressions
from .worker import codes_of as _codes
from .worker import map_files


@dataclass
class RunResult:
    diagnostics: list[Diagnostic]
    checked: list[str]  # display paths of the files checked
    corpus: Corpus | None = None
    stats: dict = field(default_factory=dict)
    results: dict[str, FileResult] = field(default_factory=dict)  # per checked file


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
        self.keep_corpus = False  # the report wants the Corpus object even when cached

    # ---- per file ------------------------------------------------------------------------
    def rules_key(self) -> str:
        return ",".join(code for code in sorted(self.rules) if self.selection.enabled(code))

    def needs_corpus(self) -> bool:
        return any(self.selection.any_enabled(_codes(m)) for m in registry.CORPUS_RULES)

    # ---- whole run -----------------------------------------------------------------------
    def run(self, paths: Iterable[Path]) -> RunResult:
        from .cache import ResultCache

        for module in registry.ARTICLE_RULES:  # fail fast, in the main process, on a missing backend
            preflight = getattr(module, "preflight", None)
            if preflight is not None and self.selection.any_enabled(_codes(module)):
                preflight(self.settings)
        paths = list(paths)
        targets = list(iter_article_files(paths, self.settings.exclude, self.settings.extensions,
                                          self.settings.root))
        corpus_files: list[str] = []
        if self.needs_corpus():
            same = {os.path.abspath(p) for p in paths} == {os.path.abspath(p) for p in self.settings.content_roots}
            corpus_files = targets if same else list(iter_article_files(
                self.settings.content_roots, self.settings.exclude, self.settings.extensions, self.settings.root))
        all_files = list(dict.fromkeys(targets + corpus_files))
        cache = ResultCache.open(self.settings, self.rules_key()) if self.settings.use_cache else None
        try:
            results = self._results(all_files, cache)
            target_names = set(results) if targets is corpus_files else {display_path(p, self.cwd) for p in targets}
            diagnostics: list[Diagnostic] = []
            suppressions = {}
            for name, res in results.items():
                if name in target_names:
                    diagnostics.extend(res.diagnostics)
                if res.suppressions:
                    suppressions[name] = res.suppressions
            corpus = None
            if self.needs_corpus():
                found, corpus = self._corpus_findings(results, cache)
                diagnostics.extend(_relevant(found, target_names))
        finally:
            if cache is not None:
                cache.close()
        diagnostics = self.finish(diagnostics, suppressions, target_names)
        checked = sorted(target_names)
        return RunResult(diagnostics=diagnostics, checked=checked, corpus=corpus,
                         stats={"files": len(all_files), "targets": len(targets)},
                         results={n: r for n, r in results.items() if n in target_names})

    def _corpus_findings(self, results: dict[str, FileResult], cache) -> tuple[list[Diagnostic], Corpus | None]:
        """Cross-article findings over the whole corpus, each tagged with the articles that make
        it worth reporting (extra["relevant"]). Reused from the cache while no file changed."""
        codes = [c for m in registry.CORPUS_RULES for c in _codes(m) if self.selection.enabled(c)]
        key = cache.corpus_key(results, self.settings.published_index, codes) if cache is not None else None
        if key is not None and not self.keep_corpus:
            found = cache.corpus_snapshot(key)
            if found is not None:
                return found, None
        corpus = Corpus.build((r.entry for r in results.values() if r.entry is not None),
                              self.settings.published_index)
        found = list(corpus.problems)
        ctx = RuleContext(self.settings, memo={"cwd": self.cwd})
        everything = set(results)
        for module in registry.CORPUS_RULES:
            if self.selection.any_enabled(_codes(module)):
                found.extend(module.check_corpus(corpus, everything, ctx))
        if key is not None:
            cache.store_corpus_snapshot(key, found)
        return found, corpus

    def corpus_results(self) -> dict[str, FileResult]:
        from .cache import ResultCache

        files = list(iter_article_files(self.settings.content_roots, self.settings.exclude,
                                        self.settings.extensions, self.settings.root))
        cache = ResultCache.open(self.settings, self.rules_key()) if self.settings.use_cache else None
        try:
            return self._results(files, cache)
        finally:
            if cache is not None:
                cache.close()

    def referrers_of(self, changed: list[Path], extra_ids: set) -> list[Path]:
        """Corpus articles whose related links point at the changed articles (or at `extra_ids`)."""
        results = self.corpus_results()
        names = {display_path(p, self.cwd) for p in changed}
        ids = set(extra_ids)
        for res in results.values():
            if res.path in names and res.entry is not None and isinstance(res.entry.id, (int, str)):
                ids.add(res.entry.id)
        # a changed article may be outside the content roots: read its id directly
        for path in changed:
            if display_path(path, self.cwd) not in results:
                entry = read_entry(path, str(path))
                if entry is not None and isinstance(entry.id, (int, str)):
                    ids.add(entry.id)
        out = []
        for res in results.values():
            if res.entry is not None and any(isinstance(link.id, (int, str)) and link.id in ids
                                             for link in res.entry.links):
                out.append(os.path.join(str(self.cwd), res.path))
        return out

    def _results(self, files: list[str], cache) -> dict[str, FileResult]:
        results: dict[str, FileResult] = {}
        todo: list[tuple[str, str]] = []
        for path in files:
            name = display_path(path, self.cwd)
            hit = cache.get(path, name) if cache is not None else None
            if hit is not None:
                results[name] = hit
            else:
                todo.append((path, name))
        jobs = self.settings.jobs or os.cpu_count() or 1
        done = 0
        for res, raw_stamp in map_files(todo, self.settings, tuple(self.selection.select),
                                   tuple(self.selection.ignore), jobs):
            results[res.path] = res
            if cache is not None and raw_stamp is not None:
                cache.put(raw_stamp, res)
            done += 1
            if self.progress is not None:
                self.progress(done, len(todo))
        return results

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
