"""`--fix` and `--diff`: apply fixes as text edits, lint again until nothing changes, report the rest.

Round 1 uses every applicable fix of the run (cross-article ones included); later rounds re-lint
the edited text in memory with the per-article rules, so `--diff` shows exactly what `--fix`
would write. Writes go through `fixes.write_atomic` (same-directory temp file + rename, file
mode kept, refused if the file changed on disk during the run).
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from .diagnostic import Diagnostic, Fix
from .engine import Engine, RunResult
from .fixes import (
    FixError,
    decode_raw,
    encode_like,
    fix_until_stable,
    is_applicable,
    unified_diff,
    write_atomic,
)
from .worker import init_worker, lint_source


def fix_loop(engine: Engine, paths: list[Path], result: RunResult, *, unsafe: bool, write: bool,
             rounds: int) -> tuple[RunResult, str]:
    by_path: dict[str, list[Fix]] = defaultdict(list)
    for d in result.diagnostics:
        if d.fix is not None and is_applicable(d.fix, unsafe):
            by_path[d.path].append(d.fix)
    if not by_path:
        return result, ""
    init_worker(engine.settings, tuple(engine.selection.select), tuple(engine.selection.ignore))
    diffs: list[str] = []
    changed = 0
    for name in sorted(by_path):
        path = engine.cwd / name
        try:
            raw = path.read_bytes()
            text = decode_raw(raw)
        except (OSError, UnicodeDecodeError) as err:
            print(f"qtlint: error: {name}: cannot read it to fix it: {err}", file=sys.stderr)
            continue
        outcome = fix_until_stable(text, _Rounds(engine, name, raw, by_path[name], unsafe),
                                   max_rounds=rounds)
        if outcome.text == text:
            continue
        if not outcome.converged:
            print(f"qtlint: warning: {name}: fixes did not settle after {rounds} rounds", file=sys.stderr)
        if not write:
            diffs.append(unified_diff(name, text, outcome.text))
            continue
        try:
            write_atomic(path, encode_like(raw, outcome.text), raw)
            changed += 1
        except FixError as err:
            print(f"qtlint: error: {err}", file=sys.stderr)
    if not write:
        return result, "".join(diffs)
    if changed:
        print(f"qtlint: fixed {changed} file{'s' if changed != 1 else ''}", file=sys.stderr)
    return engine.run(paths), ""


class _Rounds:
    """Fixes for each round: the run's own (cross-article ones included) for the unedited text,
    then the per-article rules' fixes for the edited text."""

    def __init__(self, engine: Engine, name: str, raw: bytes, first: list[Fix], unsafe: bool) -> None:
        self.engine, self.name, self.raw, self.unsafe = engine, name, raw, unsafe
        self.first: list[Fix] | None = first

    def __call__(self, text: str) -> list[Fix]:
        if self.first is not None:
            fixes, self.first = self.first, None
            return fixes
        return _per_article_fixes(self.engine, self.name, encode_like(self.raw, text), self.unsafe)


def _per_article_fixes(engine: Engine, name: str, raw: bytes, unsafe: bool) -> list[Fix]:
    res = lint_source(name, raw)
    suppressions = {name: res.suppressions}
    kept: list[Diagnostic] = engine.finish(res.diagnostics, suppressions, {name})
    return [d.fix for d in kept if d.fix is not None and is_applicable(d.fix, unsafe)]
