"""The `check` command: run the engine, apply fixes, filter by baseline, format, exit status."""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

from . import __version__, formatters
from .cli import EXIT_FINDINGS, EXIT_OK, UsageError, selectors
from .config import Settings
from .diagnostic import Diagnostic, Severity
from .engine import Engine, RunResult, severity_fails

MAX_FIX_ROUNDS = 10


def targets_of(args: argparse.Namespace, settings: Settings) -> list[Path]:
    if args.paths:
        missing = [str(p) for p in args.paths if not p.exists()]
        if missing:
            raise UsageError(f"no such file or directory: {', '.join(missing)}")
        return list(args.paths)
    return [settings.resolve(p) for p in settings.include]


def make_engine(args: argparse.Namespace, settings: Settings, progress=None) -> Engine:
    select = selectors(getattr(args, "select", None))
    extend = selectors(getattr(args, "extend_select", None))
    if extend:
        select = list(select if select is not None else settings.select) + extend
    return Engine(settings, select=select, ignore=selectors(getattr(args, "ignore", None)),
                  progress=progress)


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    if args.fail_on:
        settings = dataclasses.replace(settings, fail_on=Severity(args.fail_on))
    if args.statistics and args.output_format not in ("text", "json"):
        raise UsageError("--statistics prints counts as text or json, not as " + args.output_format)
    if args.diff and args.fix:
        raise UsageError("--diff shows what --fix would do: use one or the other")
    engine = make_engine(args, settings)
    paths = targets_of(args, settings)
    if args.changed_since:
        from .changes import changed_targets

        paths = changed_targets(args.changed_since, settings, engine, scope=paths)
    result = engine.run(paths)
    if args.fix or args.diff:
        from .fixing import fix_loop

        result, diff_text = fix_loop(engine, paths, result, unsafe=args.unsafe_fixes,
                                     write=not args.diff, rounds=MAX_FIX_ROUNDS)
        if args.diff:
            sys.stdout.write(diff_text)
            return EXIT_OK
    diagnostics = result.diagnostics
    if args.baseline or args.update_baseline:
        from .baselining import baseline_step

        diagnostics = baseline_step(args, diagnostics, engine.cwd, result.checked,
                                    partial=bool(args.paths or args.changed_since))
    return emit(args, settings, engine, result, diagnostics)


def emit(args: argparse.Namespace, settings: Settings, engine: Engine, result: RunResult,
         diagnostics: list[Diagnostic]) -> int:
    sources = formatters.LazySources(engine.cwd)
    fmt = formatters.get(args.output_format)
    colour = (args.output_file is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    out = fmt.render(diagnostics, engine.rules, tool_version=__version__, root=str(engine.cwd),
                     sources=sources, checked_paths=result.checked, colour=colour,
                     show_source=args.show_source)
    if args.output_format == "text" and args.quiet:
        out = "".join(line + "\n" for line in out.splitlines()
                      if line and not line.startswith(("Found ", "All checks", "[*]"))
                      and not line.endswith("fixable with `--fix --unsafe-fixes`."))
    if args.statistics:
        from .formatters import statistics

        render = statistics.render_json if args.output_format == "json" else statistics.render
        out = render(diagnostics, engine.rules)
    if args.output_file is not None:
        args.output_file.parent.mkdir(parents=True, exist_ok=True)
        args.output_file.write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    failing = [d for d in diagnostics if severity_fails(d, settings.fail_on)]
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if failing else EXIT_OK


def _invariants(settings: Settings):
    from .rules.F001_fact_violation import load

    return load(settings)


def cmd_facts(args: argparse.Namespace, settings: Settings) -> int:
    from .reporting import facts_of

    invariants = _invariants(settings)
    engine = Engine(settings, select=["F001"])
    table = facts_of(engine.run(targets_of(args, settings)), invariants)
    if args.output_format == "json":
        sys.stdout.write(json.dumps(table.to_json(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(table.render_text())
    return EXIT_OK


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    from .report import ProgressBar, dumps, loads, render_html, render_markdown, with_trend
    from .reporting import build_report_data

    engine = make_engine(args, settings, progress=ProgressBar("checking"))
    engine.keep_corpus = True
    paths = targets_of(args, settings)
    result = engine.run(paths)
    invariants = _invariants(settings) if engine.selection.enabled("F001") else None
    data = build_report_data(result, engine.rules, invariants, [str(p) for p in paths])
    if args.compare is not None:
        try:
            data = with_trend(data, loads(args.compare.read_text(encoding="utf-8")))
        except (OSError, ValueError) as err:
            raise UsageError(f"--compare {args.compare}: cannot read the previous report: {err}") from None
    render = {"html": render_html, "markdown": render_markdown, "json": dumps}[args.output_format]
    out = render(data)
    if str(args.output_file) == "-":
        sys.stdout.write(out)
    else:
        args.output_file.parent.mkdir(parents=True, exist_ok=True)
        args.output_file.write_text(out, encoding="utf-8")
        print(f"qtlint: wrote {args.output_file} ({len(out.encode()):,} bytes, "
              f"{len(result.checked)} articles, {len(result.diagnostics)} findings)", file=sys.stderr)
    return EXIT_OK
