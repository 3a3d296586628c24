"""The engine: files → per-file results (parallel, cached) → corpus rules → selection/severity.

Per-file work (`lint_source`) is pure and picklable so it runs in worker processes; the corpus
index and cross-article rules run once in the main process over compact index entries.
"""
from __future__ import annotations

import fnmatch
import os
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import rules as registry
from .article import parse_article
from .config import Settings
from .corpus import Corpus, IndexEntry, index_entry
from .diagnostic import Diagnostic, Severity
from .files import display_path, iter_article_files
from .rules.context import RuleContext
from .selection import Selection, matches
from .suppression import apply_suppressions, find_suppressions

PARALLEL_THRESHOLD = 48  # below this many files to parse, a process pool costs more than it saves


class FileResult:
    """One file's findings and what the corpus index needs of it.

    `suppressions`: (first line, last line, codes, column, end column) of each comment;
    `claims`: [invariant id, agrees, value, expected, line, quote] of each factual claim.
    The index entry of a cached result stays JSON until something asks for it: a warm run whose
    corpus did not change never decodes it.
    """

    __slots__ = ("_entry", "_entry_json", "_file", "claims", "diagnostics", "path", "suppressions")

    def __init__(self, path: str, diagnostics: list[Diagnostic], entry: IndexEntry | None = None,
                 suppressions: list | None = None, claims: list | None = None,
                 entry_json: str | None = None, file: str | None = None) -> None:
        self.path, self.diagnostics = path, diagnostics
        self._entry, self._entry_json, self._file = entry, entry_json, file
        self.suppressions = suppressions or []
        self.claims = claims or []

    @property
    def entry(self) -> IndexEntry | None:
        if self._entry is None and self._entry_json is not None:
            from .serialize import entry_from_json

            try:
                self._entry = entry_from_json(self.path, self._entry_json)
            except (ValueError, TypeError, IndexError, KeyError) as err:
                print(f"qtlint: warning: discarding a corrupt cache entry for {self.path} ({err})",
                      file=sys.stderr)
                self._entry = self._entry_from_disk()
            self._entry_json = None
        return self._entry

    def _entry_from_disk(self) -> IndexEntry | None:
        return read_entry(self._file or self.path, self.path)


def read_entry(path: str | Path, name: str) -> IndexEntry | None:
    """The index entry of a file read from disk (None when it cannot be read or parsed)."""
    try:
        with open(path, "rb") as fh:
            article = parse_article(name, fh.read()).article
    except OSError:
        return None
    return index_entry(article) if article is not None and article.data is not None else None


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
        for res, raw_stamp in _map(todo, self.settings, tuple(self.selection.select),
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


def _codes(module) -> tuple[str, ...]:
    return getattr(module, "CODES", None) or (module.INFO.code,)


# ---- worker side -------------------------------------------------------------------------
_WORKER: dict = {}


def _init_worker(settings: Settings, select: tuple, ignore: tuple) -> None:
    rules = registry.all_rules()
    selection = Selection(select, ignore, rules)
    modules = [m for m in registry.ARTICLE_RULES if selection.any_enabled(_codes(m))]
    _WORKER.update(settings=settings, selection=selection, modules=modules,
                   ctx=RuleContext(settings))


def _lint_batch(batch: list[tuple[str, str]]) -> list[tuple[FileResult, tuple | None]]:
    return [lint_path(path, name) for path, name in batch]


def lint_path(path: str, name: str) -> tuple[FileResult, tuple | None]:
    """Read and lint one file; returns the result and the stamp the cache keys it by."""
    limit = _WORKER["settings"].max_file_size if _WORKER else 2 * 1024 * 1024
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):  # a FIFO would block for ever, /dev/zero never end
            raise OSError(0, "not a regular file (a pipe, device or directory)")
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            raw = fh.read(limit + 1)  # enough to know it is too large, never more
    except OSError as err:
        diag = Diagnostic(path=name, line=1, column=1, code="P011",
                          message=f"cannot read the file: {err.strerror or err}; check that it exists "
                                  "and is readable")
        return FileResult(name, [diag]), None
    from .cache import content_digest

    return lint_source(name, raw), (path, st.st_size, st.st_mtime_ns, content_digest(raw))


def lint_source(name: str, raw: bytes) -> FileResult:
    settings: Settings = _WORKER["settings"]
    ctx: RuleContext = _WORKER["ctx"]
    ctx.article_memo.clear()
    parsed = parse_article(name, raw, max_bytes=settings.max_file_size)
    diags = list(parsed.diagnostics)
    article = parsed.article
    suppressions: list = []
    entry = None
    if article is not None and article.data is not None:
        suppressions = find_suppressions(article)
        for module in _WORKER["modules"]:
            try:
                diags.extend(module.check(article, ctx))
            except Exception as err:  # a rule bug must not stop the run or hide other findings
                diags.append(article.diagnostic(
                    "Q900", article.front_matter_start, None,
                    f"internal error in rule {module.INFO.code} ({type(err).__name__}: {err}); "
                    "please report it with this file"))
        entry = index_entry(article)
        claims = [[c.invariant_id, c.agrees, c.value, c.expected,
                   article.line_col(article.value_offset(path, c.start))[0], c.quote]
                  for path, c in ctx.article_memo.get("claims", ())]
        return FileResult(name, diags, entry, suppressions, claims)
    elif article is not None:  # text but no usable front matter: text-only rules still run
        for module in _WORKER["modules"]:
            if getattr(module, "TEXT_ONLY", False):
                diags.extend(module.check(article, ctx))
    return FileResult(name, diags, entry, suppressions)


def _map(todo: list[tuple[str, str]], settings: Settings, select: tuple, ignore: tuple,
         jobs: int):
    if not todo:
        return
    if jobs <= 1 or len(todo) < PARALLEL_THRESHOLD:
        _init_worker(settings, select, ignore)
        for path, name in todo:
            yield lint_path(path, name)
        return
    size = max(16, min(256, len(todo) // (jobs * 8) or 1))
    batches = [todo[i:i + size] for i in range(0, len(todo), size)]
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                             initargs=(settings, select, ignore)) as pool:
        for chunk in pool.map(_lint_batch, batches):
            yield from chunk


def severity_fails(d: Diagnostic, fail_on: Severity) -> bool:
    return d.severity.rank >= fail_on.rank
