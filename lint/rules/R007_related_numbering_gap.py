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
from .corpus_support import layout_of

INFO = rule_info("R007", "related-numbering-gap", "reference", Severity.ERROR, doc=__doc__)


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    layout = layout_of(article, ctx)
    return () if layout.gap_free else _report(article, layout.related)


def _report(article: Article, numbers: tuple[tuple[int, str], ...]) -> Iterator[Diagnostic]:
    present = {n for n, _ in numbers}
    for n, key in numbers:
        missing = [m for m in range(1, n) if m not in present]
        if missing:
            gap = ", ".join(f"related_article{m}" for m in missing)
            yield article.at_key(INFO.code, (key,), f"`{key}` follows a gap: {gap} missing; "
                                 "renumber the entries from 1", text=key)
            return
