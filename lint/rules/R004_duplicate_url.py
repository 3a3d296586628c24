"""Two articles share the same url.

## What it does
Groups the corpus by `url` and reports every article of a group with more than one member,
naming the others.

## Why is this bad?
Only one page can live at a url: the other article is silently unpublished, or overwritten.

## Example
```text
a.md: url: /learn/nursing/questions/what-is-the-resting-potential
b.md: url: /learn/nursing/questions/what-is-the-resting-potential
```

## Use instead
Merge the two articles, or retitle one (its url follows its title).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..corpus import Corpus
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .corpus_support import reparse

INFO = rule_info("R004", "duplicate-url", "reference", Severity.ERROR, doc=__doc__)


def check_corpus(corpus: Corpus, targets: set[str], ctx: RuleContext) -> Iterator[Diagnostic]:
    for url, group in corpus.by_url.items():
        if len(group) < 2 or not any(e.path in targets for e in group):
            continue
        for entry in group:
            article = reparse(ctx, entry.path)
            if article is None:
                continue
            others = ", ".join(e.path for e in group if e is not entry)
            yield article.at_value(INFO.code, ("url",), f"url {url} is also used by {others}",
                                   text=url, extra={"relevant": [e.path for e in group]})
