"""A related article's id points at no known article.

## What it does
Looks up each `related_articleN.id` in the corpus (every article under the configured
`content-roots`, even when only some files are checked) and in the published-articles index
(`published-index`: articles on the site but not in this repository). An id found in neither
is dangling.

## Why is this bad?
The teaser links to a page that does not exist: the reader gets a 404.

## Example
```yaml
related_article1:
    id: 999999   # no such article
```

## Use instead
```yaml
related_article1:
    id: 170608
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ..corpus import CorpusQueries
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .corpus_support import reparse

INFO = rule_info("R001", "dangling-related", "reference", Severity.ERROR, doc=__doc__)


def check_corpus(corpus: CorpusQueries, targets: set[str], ctx: RuleContext) -> Iterator[Diagnostic]:
    for entry, link, target in corpus.link_problems(targets):
        if target is not None:
            continue  # a stale copy (R002)
        article = reparse(ctx, entry.path)
        if article is None:
            continue
        key = f"related_article{link.n}"
        yield article.at_value(
            INFO.code, (key, "id"),
            f"`{key}.id` {link.id} points at no article in the corpus or the published index: "
            "correct the id, or add the article to the published-articles index",
            text=str(link.id), extra={"relevant": [entry.path]})
