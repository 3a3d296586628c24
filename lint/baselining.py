"""`--baseline FILE` / `--update-baseline`: the CLI side of lint/baseline.py."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .baseline import BaselineError, apply_baseline, load_baseline, relative_path, write_baseline
from .config import ConfigError
from .diagnostic import Diagnostic, Severity


def baseline_step(args: argparse.Namespace, diagnostics: list[Diagnostic], cwd: Path,
                  checked: list[str], partial: bool) -> list[Diagnostic]:
    if args.baseline is None:
        raise ConfigError("--update-baseline needs --baseline FILE (where to write it)")
    root = str(cwd)
    checked_paths = checked if partial else None
    # A baseline records content findings; findings about qtlint's own inputs stay visible.
    recordable = [d for d in diagnostics if not d.code.startswith("Q")]
    if args.update_baseline:
        count = write_baseline(str(args.baseline), recordable, root, checked_paths=checked_paths)
        print(f"qtlint: wrote {count} finding(s) to the baseline {args.baseline}", file=sys.stderr)
        return [d for d in diagnostics if d.code.startswith("Q")]
    try:
        baseline = load_baseline(str(args.baseline))
    except BaselineError as err:
        raise ConfigError(str(err)) from None
    kept, _matched, stale = apply_baseline(recordable, baseline, root, checked_paths=checked_paths)
    kept += [d for d in diagnostics if d.code.startswith("Q")]
    for entry in stale:
        kept.append(Diagnostic(
            path=relative_path(entry.path, root), line=1, column=1, code="Q002", severity=Severity.INFO,
            message=f"baseline entry {entry.code} {entry.text!r} no longer occurs (fixed?): run "
                    f"`qtlint check --baseline {args.baseline} --update-baseline` to drop it",
            text=f"{entry.code}:{entry.text}"))
    kept.sort(key=Diagnostic.sort_key)
    return kept
