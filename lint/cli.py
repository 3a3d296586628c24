"""The command line: arguments → settings → engine → formatter → exit status.

Exit status: 0 no finding at the failing severity, 1 findings, 2 usage or configuration error.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from . import rules as registry
from .config import ConfigError, Settings, iter_selectors, load_settings, with_overrides
from .diagnostic import Severity
from .selection import is_known_selector

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qtlint", description="Lint QuickTakes articles.")
    parser.add_argument("--version", action="version", version=f"qtlint {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check articles (directories are walked)")
    check.add_argument("paths", nargs="*", type=Path, help="files or directories (default: `include`)")
    _common(check)
    check.add_argument("--output-format", default="text",
                       choices=["text", "json", "sarif", "github", "junit"])
    check.add_argument("--output-file", "-o", type=Path, help="write the report here")
    check.add_argument("--select", action="append", help="codes, prefixes or categories to enable")
    check.add_argument("--extend-select", action="append", help="add to the selection")
    check.add_argument("--ignore", action="append", help="codes, prefixes or categories to disable")
    check.add_argument("--quiet", "-q", action="store_true", help="print findings only, no summary")
    check.add_argument("--fix", action="store_true", help="apply safe fixes")
    check.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    check.add_argument("--diff", action="store_true", help="show what --fix would change; write nothing")
    check.add_argument("--statistics", action="store_true", help="counts per rule")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--fail-on", choices=[s.value for s in Severity],
                       help="lowest severity that fails the run (default: error)")
    check.add_argument("--baseline", type=Path, help="ignore findings recorded in this file")
    check.add_argument("--update-baseline", action="store_true", help="write the baseline file")
    check.add_argument("--changed-since", metavar="REF",
                       help="check articles changed since a git ref, and those linking to them")
    check.add_argument("--show-source", action=argparse.BooleanOptionalAction, default=True)

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--output-format", default="text", choices=["text", "json"])
    explain = sub.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("code")

    facts = sub.add_parser("facts", help="which articles state each invariant, and which disagree")
    facts.add_argument("paths", nargs="*", type=Path)
    _common(facts)
    facts.add_argument("--output-format", default="text", choices=["text", "json"])

    report = sub.add_parser("report", help="a self-contained HTML report of the corpus")
    report.add_argument("paths", nargs="*", type=Path)
    _common(report)
    report.add_argument("--output-file", "-o", type=Path, default=Path("report.html"))
    report.add_argument("--output-format", default="html", choices=["html", "markdown", "json"])
    report.add_argument("--compare", type=Path, help="a previous report's JSON, for the trend")
    report.add_argument("--select", action="append")
    report.add_argument("--ignore", action="append")
    return parser


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", help="pyproject.toml to use (default: found upward from here)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.add_argument("--cache-dir", type=Path, help="where the cache lives (default .qtlint_cache)")
    p.add_argument("--jobs", "-j", type=int, help="worker processes (default: all cores)")


def settings_for(args: argparse.Namespace) -> Settings:
    rules = registry.all_rules()
    settings = load_settings(args.config, known_selector=lambda s: is_known_selector(s, rules))
    settings = with_overrides(settings, cache_dir=getattr(args, "cache_dir", None),
                              jobs=getattr(args, "jobs", None))
    if getattr(args, "no_cache", False):
        settings = with_overrides(settings, use_cache=False)
    return settings


def selectors(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    rules = registry.all_rules()
    out = iter_selectors(values)
    bad = [s for s in out if not is_known_selector(s, rules)]
    if bad:
        raise UsageError(f"unknown rule code or category: {', '.join(bad)} (see `qtlint rules`)")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "explain":
            return cmd_explain(args)
        from . import commands

        return getattr(commands, f"cmd_{args.command}")(args, settings_for(args))
    except (ConfigError, UsageError) as err:
        print(f"qtlint: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("qtlint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    rules = registry.all_rules()
    if args.output_format == "json":
        print(json.dumps([{"code": r.code, "name": r.name, "category": r.category,
                           "severity": r.severity.value, "fixable": r.fixable, "summary": r.summary}
                          for r in rules.values()], indent=2))
        return EXIT_OK
    for r in rules.values():
        fix = "fix" if r.fixable else "   "
        print(f"{r.code:6} {r.category:10} {r.severity.value:8} {fix}  {r.name}: {r.summary}")
    return EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    rules = registry.all_rules()
    info = rules.get(args.code.upper())
    if info is None:
        raise UsageError(f"unknown rule code {args.code!r} (see `qtlint rules`)")
    print(f"# {info.name} ({info.code})\n")
    print(f"Category: {info.category}. Default severity: {info.severity.value}. "
          f"Fix: {'available' if info.fixable else 'none'}.\n")
    print(info.doc)
    return EXIT_OK
