"""The shape of a rule module, and the helpers rule modules share.

A rule module defines `INFO` (a RuleInfo whose `doc` is the module docstring) and either
`check(article, ctx)` (per-article, pure: yields Diagnostics) or `check_corpus(corpus, ctx)`
(cross-article, runs once over the corpus index). The engine, not the rule, stamps severity.
"""
from __future__ import annotations

import inspect

from ..diagnostic import RuleInfo, Severity

# A prose field ten times longer than the longest real answer is a broken export or an attack;
# the facts and grammar checkers' cost on it (Harper on a 1.5 MB "word": minutes; fact extraction,
# heavy per mention) would stall the whole run. Such a field is not fact- or grammar-checked.
MAX_PROSE_FIELD = 40_000

DOC_SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")


def rule_info(code: str, name: str, category: str, severity: Severity, *, fixable: bool = False,
              doc: str | None = None) -> RuleInfo:
    doc = inspect.cleandoc(doc or "")
    summary = doc.splitlines()[0].strip() if doc else name
    return RuleInfo(code=code, name=name, category=category, severity=severity,
                    fixable=fixable, summary=summary, doc=doc)
