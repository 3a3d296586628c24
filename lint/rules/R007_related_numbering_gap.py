"""The related articles are not numbered 1, 2, 3... without gaps.

## What it does
Reports a `related_articleN` when some `related_articleM` with M < N is missing.

## Why is this bad?
The page template walks the entries from 1 upward and stops at the first gap, so entries after
a gap are never shown.

## Example
```yaml
related_article1: ...
related_article3: ...
```

## Use instead
```yaml
related_article1: ...
related_article2: ...
```
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .corpus_support import layout_of, related_ids_quiet

INFO = rule_info("R007", "related-numbering-gap", "reference", Severity.ERROR, doc=__doc__)
QUIET = related_ids_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    layout = layout_of(article, ctx)
    return () if layout.gap_free else _report(article, layout.related)


def _report(article: Article, numbers: tuple[tuple[int, str], ...]) -> Iterator[Diagnostic]:
    present = {n for n, _ in numbers}
    for n, key in numbers:
        count = n - 1 - sum(1 for m in present if m < n)
        if count:
            gap = _gap(present, count)
            yield article.at_key(INFO.code, (key,), f"`{key}` follows a gap: {gap} missing; "
                                 "renumber the entries from 1", text=key)
            return


def _gap(present: set[int], count: int, shown: int = 5) -> str:
    """The first few missing numbers, and how many more (a key like related_article999999
    would otherwise name a million entries)."""
    missing = []
    m = 0
    while len(missing) < min(count, shown):
        m += 1
        if m not in present:
            missing.append(f"related_article{m}")
    more = f" and {count - len(missing)} more" if count > len(missing) else ""
    return ", ".join(missing) + more
