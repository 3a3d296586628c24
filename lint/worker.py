"""The per-file side of a run: read, parse and lint one file, in a worker process or in-line.

`lint_source` is pure (bytes in, FileResult out) and everything here is picklable, so the engine
can map it over a process pool; `map_files` chooses between the pool and an in-line loop.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

from . import rules as registry
from .article import parse_article
from .cache import content_digest
from .config import Settings
from .corpus import index_entry
from .diagnostic import Diagnostic
from .reading import read_batch
from .result import FileResult
from .rules.context import RuleContext
from .selection import Selection
from .suppression import find_suppressions

PARALLEL_THRESHOLD = 48  # below this many files to parse, a process pool costs more than it saves
_WORKER: dict = {}  # per process: settings, selection, rule modules, rule context


def init_worker(settings: Settings, select: tuple, ignore: tuple) -> None:
    rules = registry.all_rules()
    selection = Selection(select, ignore, rules)
    modules = [m for m in registry.ARTICLE_RULES if selection.any_enabled(codes_of(m))]
    _WORKER.update(settings=settings, selection=selection, modules=modules,
                   ctx=RuleContext(settings))


def init_pool_worker(settings: Settings, select: tuple, ignore: tuple) -> None:
    """A worker process's start: as `init_worker`, then the cyclic collector set for this work.
    Linting an article makes no cyclic garbage (measured: 3,000 articles left nothing for the
    collector), so its passes only cost: rarer ones, and none over what the process inherited
    from the main one (gc.freeze: also no copy-on-write of those pages by the collector).
    5.7% fewer instructions an article under callgrind."""
    init_worker(settings, select, ignore)
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def lint_batch(batch: list[tuple[str, str]]) -> list[tuple[FileResult, tuple | None]]:
    """Read and lint a batch of files (path, display name); each one's result and the stamp the
    cache keys it by (path, size, mtime, content digest; None: unreadable)."""
    limit = _WORKER["settings"].max_file_size if _WORKER else 2 * 1024 * 1024
    read = read_batch([path for path, _ in batch], limit + 1)  # enough to know it is too large
    linted = iter(lint_sources([(name, got) for (_, name), (got, _) in zip(batch, read)
                                if got.__class__ is bytes]))
    out: list[tuple[FileResult, tuple | None]] = []
    for (path, name), (got, st) in zip(batch, read):
        if st is None:
            diag = Diagnostic(path=name, line=1, column=1, code="P011",
                              message=f"cannot read the file: {got.strerror or got}; check that it "
                                      "exists and is readable")
            out.append((FileResult(name, [diag]), None))
        else:
            out.append((next(linted), (path, st.st_size, st.st_mtime_ns, content_digest(got))))
    return out


def lint_path(path: str, name: str) -> tuple[FileResult, tuple | None]:
    """Read and lint one file; returns the result and the stamp the cache keys it by."""
    return lint_batch([(path, name)])[0]


def lint_source(name: str, raw: bytes) -> FileResult:
    return lint_sources([(name, raw)])[0]


def lint_sources(sources: list[tuple[str, bytes]]) -> list[FileResult]:
    """Lint files given as (display name, bytes), rule after rule over the whole batch rather
    than file after file: the processor runs one rule's code over a few hundred articles in a
    row (benchmarks/batch_order.py: about 0.89x the CPU an article, over many rounds; callgrind's
    cache model finds no fewer misses, so probably its branch prediction). Each article keeps
    its own memo (the results several rules share), and its findings come in the same order
    either way. Articles without a usable front matter get the text-only rules."""
    settings: Settings = _WORKER["settings"]
    ctx: RuleContext = _WORKER["ctx"]
    modules = _WORKER["modules"]
    parsed = [parse_article(name, raw, max_bytes=settings.max_file_size) for name, raw in sources]
    diags = [list(p.diagnostics) for p in parsed]
    memos: list[dict] = [{} for _ in parsed]
    full = [i for i, p in enumerate(parsed) if p.article is not None and p.article.data is not None]
    text_only = [i for i, p in enumerate(parsed) if p.article is not None and p.article.data is None]
    suppressions = {i: find_suppressions(parsed[i].article) for i in full}
    loud: dict = {}  # a rule group's QUIET -> the articles it could not clear (RuleContext.loud)
    try:
        for module in modules:
            check = module.check
            targets = full if not getattr(module, "TEXT_ONLY", False) else full + text_only
            quiet = getattr(module, "QUIET", None)
            if quiet is not None:
                if quiet not in loud:
                    loud[quiet] = ctx.loud(quiet, targets, parsed, memos)
                targets = loud[quiet]
            for i in targets:
                article = parsed[i].article
                ctx.article_memo = memos[i]
                try:
                    diags[i].extend(check(article, ctx))
                except Exception as err:  # a rule bug must not stop the run or hide other findings
                    diags[i].append(article.diagnostic(
                        "Q900", article.front_matter_start, None,
                        f"internal error in rule {module.INFO.code} ({type(err).__name__}: {err}); "
                        "please report it with this file"))
    finally:
        ctx.article_memo = {}
    out = []
    for i, ((name, _), p) in enumerate(zip(sources, parsed)):
        if i not in suppressions:
            out.append(FileResult(name, diags[i]))
            continue
        article = p.article
        entry = index_entry(article)
        # a disagreeing claim's line is shown (facts table, report); an agreeing one's never is,
        # and finding a line builds the article's source map, which most articles never need
        found = memos[i].get("claims")
        claims = [[c.invariant_id, c.agrees, c.value, c.expected,
                   None if c.agrees else article.line_col(article.value_offset(path, c.start))[0], c.quote]
                  for path, c in found] if found else None
        out.append(FileResult(name, diags[i], entry, suppressions[i], claims))
    return out


def map_files(parts: Iterable[list[tuple[str, str]]], total: int, settings: Settings, select: tuple,
              ignore: tuple, jobs: int):
    """Lint `total` files, given as (path, display name) in `parts`, and yield each one's
    (result, stamp) in the order given. Each part is taken only once the one before has been
    handed to the workers: a caller's generator prepares the next part while they lint."""
    if not total:
        return
    if jobs <= 1 or total < PARALLEL_THRESHOLD:
        init_worker(settings, select, ignore)
        for todo in parts:
            for i in range(0, len(todo), 256):
                yield from lint_batch(todo[i:i + 256])
        return
    init_worker(settings, select, ignore)
    for module in _WORKER["modules"]:  # what every worker needs, made once before they fork
        warm = getattr(module, "warm", None)
        if warm is not None:
            warm(settings)
    size = max(16, min(256, total // (jobs * 8) or 1))
    with ProcessPoolExecutor(max_workers=jobs, initializer=init_pool_worker,
                             initargs=(settings, select, ignore)) as pool:
        # Executor.map submits its calls at once: the workers start on a part while the next is made
        mapped = [pool.map(lint_batch, [todo[i:i + size] for i in range(0, len(todo), size)])
                  for todo in parts]
        for results in mapped:
            for chunk in results:
                yield from chunk


def codes_of(module) -> tuple[str, ...]:
    return getattr(module, "CODES", None) or (module.INFO.code,)
