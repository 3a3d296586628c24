"""The `date` is not a real calendar date written YYYY-MM-DD.

## What it does
Validates the front matter against the JSON Schema (`schemas/article.schema.json`, or the
`schema` set in `[tool.qtlint]`) and reports the problems of this kind, at the line of the
offending key or value (or of the parent mapping when a key is missing).

## Why is this bad?
An impossible date (`2025-02-30`) or another format sorts wrongly and breaks the page's "Posted on" line.

## Example
```yaml
date: 2025-02-30
```

## Use instead
```yaml
date: 2025-02-28
```
"""
from __future__ import annotations

from collections.abc import Iterable

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .schema_rules import problems_of_kind, schema_quiet

INFO = rule_info("S004", "invalid-date", "schema", Severity.ERROR, doc=__doc__)
QUIET = schema_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    return problems_of_kind(article, ctx, INFO.code, "date")
