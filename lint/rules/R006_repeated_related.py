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

from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .corpus_support import layout_of, related_ids, related_ids_quiet

INFO = rule_info("R006", "repeated-related", "reference", Severity.ERROR, doc=__doc__)
QUIET = related_ids_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    ids = related_ids(article, ctx)
    if len(ids) < 2:
        return ()
    targets = [t for _, t in ids if t is not None and not isinstance(t, (list, dict))]
    try:
        if len(set(targets)) == len(targets):
            return ()  # no id twice: the common case, without the generator
    except TypeError:  # an id that cannot be a key: the report below says so, as before
        pass
    return _report(article, layout_of(article, ctx).related)


def _report(article: Article, related: tuple[tuple[int, str], ...]) -> Iterator[Diagnostic]:
    first: dict[object, str] = {}
    for _, key in related:
        target = article.get(key, "id")
        if target is None or isinstance(target, (list, dict)):
            continue
        if target in first:
            yield article.at_value(INFO.code, (key, "id"),
                                   f"`{key}` lists article {target} again (already `{first[target]}`)",
                                   text=str(target))
        else:
            first[target] = key
