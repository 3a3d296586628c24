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

from ..corpus import CorpusQueries
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .corpus_support import shared_value_findings

INFO = rule_info("R003", "duplicate-id", "reference", Severity.ERROR, doc=__doc__)


def check_corpus(corpus: CorpusQueries, targets: set[str], ctx: RuleContext) -> Iterator[Diagnostic]:
    yield from shared_value_findings(corpus, targets, ctx, INFO.code, "id",
                                     lambda value, others: f"id {value} is also used by {others}: give each article its own id")
