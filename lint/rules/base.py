"""The shape of a rule module, and the helpers rule modules share.

A rule module defines `INFO` (a RuleInfo whose `doc` is the module docstring) and either
`check(article, ctx)` (per-article, pure: yields Diagnostics) or `check_corpus(corpus, ctx)`
(cross-article, runs once over the corpus index). The engine, not the rule, stamps severity.
"""
from __future__ import annotations

import inspect

from ..diagnostic import RuleInfo, Severity

DOC_SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")


def rule_info(code: str, name: str, category: str, severity: Severity, *, fixable: bool = False,
              doc: str | None = None) -> RuleInfo:
    doc = inspect.cleandoc(doc or "")
    summary = doc.splitlines()[0].strip() if doc else name
    return RuleInfo(code=code, name=name, category=category, severity=severity,
                    fixable=fixable, summary=summary, doc=doc)
