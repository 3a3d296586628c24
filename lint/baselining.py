"""`--baseline FILE` / `--update-baseline`: the CLI side of lint/baseline.py.

Paths in the baseline file are relative to the file's own directory, not to where qtlint runs, so
the same baseline matches from the repository root, from a subdirectory, or from a hook.
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from .baseline import BaselineError, apply_baseline, load_baseline, write_baseline
from .config import ConfigError
from .diagnostic import Diagnostic, Severity


def baseline_step(args: argparse.Namespace, diagnostics: list[Diagnostic], cwd: Path,
                  checked: list[str], partial: bool) -> list[Diagnostic]:
    if args.baseline is None:
        raise ConfigError("--update-baseline needs --baseline FILE (where to write it)")
    root = os.path.dirname(os.path.abspath(os.path.join(cwd, args.baseline)))

    def absolute(path: str) -> str:
        return os.path.normpath(os.path.join(cwd, path))

    checked_paths = [absolute(p) for p in checked] if partial else None
    # A baseline records content findings; findings about qtlint's own inputs stay visible.
    own = [d for d in diagnostics if d.code.startswith("Q")]
    recordable = [d for d in diagnostics if not d.code.startswith("Q")]
    located = [replace(d, path=absolute(d.path)) for d in recordable]
    if args.update_baseline:
        count = write_baseline(str(args.baseline), located, root, checked_paths=checked_paths)
        print(f"qtlint: wrote {count} finding(s) to the baseline {args.baseline}", file=sys.stderr)
        return own
    try:
        baseline = load_baseline(str(args.baseline))
    except BaselineError as err:
        raise ConfigError(str(err)) from None
    kept_located, _matched, stale = apply_baseline(located, baseline, root, checked_paths=checked_paths)
    original = {id(a): d for a, d in zip(located, recordable, strict=True)}
    kept = [original[id(a)] for a in kept_located] + own
    for entry in stale:
        kept.append(Diagnostic(
            path=_display(os.path.join(root, entry.path), cwd), line=1, column=1, code="Q002",
            severity=Severity.INFO,
            message=f"baseline entry {entry.code} {entry.text!r} no longer occurs (fixed?): run "
                    f"`qtlint check --baseline {args.baseline} --update-baseline` to drop it",
            text=f"{entry.code}:{entry.text}"))
    kept.sort(key=Diagnostic.sort_key)
    return kept


def _display(path: str, cwd: Path) -> str:
    """As the engine shows paths: relative to the working directory when inside it."""
    path = os.path.normpath(path)
    base = str(cwd).rstrip(os.sep) + os.sep
    return path[len(base):].replace(os.sep, "/") if path.startswith(base) else path
