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

from ..corpus import CorpusQueries
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .corpus_support import shared_value_findings

INFO = rule_info("R004", "duplicate-url", "reference", Severity.ERROR, doc=__doc__)


def check_corpus(corpus: CorpusQueries, targets: set[str], ctx: RuleContext) -> Iterator[Diagnostic]:
    yield from shared_value_findings(corpus, targets, ctx, INFO.code, "url",
                                     lambda value, others: f"url {value} is also used by {others}")
