"""Two articles share the same id.

## What it does
Groups the corpus by `id` and reports every article of a group with more than one member,
naming the others.

## Why is this bad?
Ids key the related-article links and the site's database: two articles with one id means links
and edits land on the wrong page.

## Example
```text
a.md: id: 170611
b.md: id: 170611
```

## Use instead
```text
a.md: id: 170611
b.md: id: 170612
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Corpus
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .corpus_support import reparse

INFO = rule_info("R003", "duplicate-id", "reference", Severity.ERROR, doc=__doc__)


def check_corpus(corpus: Corpus, targets: set[str], ctx: RuleContext) -> Iterator[Diagnostic]:
    for article_id, group in corpus.by_id.items():
        if len(group) < 2 or not any(e.path in targets for e in group):
            continue
        for entry in group:
            article = reparse(ctx, entry.path)
            if article is None:
                continue
            others = ", ".join(e.path for e in group if e is not entry)
            yield article.at_value(INFO.code, ("id",),
                                   f"id {article_id} is also used by {others}: give each article its own id",
                                   text=str(article_id), extra={"relevant": [e.path for e in group]})
