"""A field's value is outside what the schema allows (an empty title, an id below 1...).

## What it does
Validates the front matter against the JSON Schema (`schemas/article.schema.json`, or the
`schema` set in `[tool.qtlint]`) and reports the problems of this kind, at the line of the
offending key or value (or of the parent mapping when a key is missing).

## Why is this bad?
Empty or out-of-range values render as blank pages or broken links.

## Example
```yaml
id: 0
title: ''
```

## Use instead
```yaml
id: 170611
title: Explain the role of the sodium-potassium pump.
```
"""
from __future__ import annotations

from collections.abc import Iterable

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .schema_rules import problems_of_kind, schema_quiet

INFO = rule_info("S005", "invalid-value", "schema", Severity.ERROR, doc=__doc__)
QUIET = schema_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    return problems_of_kind(article, ctx, INFO.code, "value")
