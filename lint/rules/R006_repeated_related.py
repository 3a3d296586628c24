"""The same article is listed twice among the related articles.

## What it does
Reports each `related_articleN` whose `id` already appeared in an earlier entry.

## Why is this bad?
Two teasers lead to the same page; one of the five slots is wasted.

## Example
```yaml
related_article1:
    id: 170608
related_article2:
    id: 170608
```

## Use instead
```yaml
related_article1:
    id: 170608
related_article2:
    id: 170599
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .corpus_support import related_keys

INFO = rule_info("R006", "repeated-related", "reference", Severity.ERROR, doc=__doc__)


def check(article: Article, ctx: RuleContext) -> Iterator[Diagnostic]:
    first: dict[object, str] = {}
    for _, key in ctx.for_article("related_keys", lambda: related_keys(article)):
        target = article.get(key, "id")
        if target is None or isinstance(target, (list, dict)):
            continue
        if target in first:
            yield article.at_value(INFO.code, (key, "id"),
                                   f"`{key}` lists article {target} again (already `{first[target]}`)",
                                   text=str(target))
        else:
            first[target] = key
