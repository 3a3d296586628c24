"""An article lists itself as a related article.

## What it does
Reports a `related_articleN` whose `id` is the article's own `id`.

## Why is this bad?
The reader is invited to read the page they are on; a real related article lost its slot.

## Example
```yaml
id: 170611
related_article1:
    id: 170611
```

## Use instead
```yaml
id: 170611
related_article1:
    id: 170608
```
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .corpus_support import related_ids, related_ids_quiet

INFO = rule_info("R005", "self-related", "reference", Severity.ERROR, doc=__doc__)
QUIET = related_ids_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    own = article.get("id")
    if own is None:
        return ()
    hits = [key for key, target in related_ids(article, ctx) if target == own]
    return _report(article, own, hits) if hits else ()


def _report(article: Article, own: object, keys: list[str]) -> Iterator[Diagnostic]:
    for key in keys:
        yield article.at_value(INFO.code, (key, "id"),
                               f"`{key}` points at this article itself (id {own})", text=str(own))
