"""A field has the wrong type (text where a number belongs, a list where text belongs...).

## What it does
Validates the front matter against the JSON Schema (`schemas/article.schema.json`, or the
`schema` set in `[tool.qtlint]`) and reports the problems of this kind, at the line of the
offending key or value (or of the parent mapping when a key is missing).

## Why is this bad?
The generator and the search index expect each field's type; `id: "17o611"` breaks every link to the page.

## Example
```yaml
id: seventeen
score: high
```

## Use instead
```yaml
id: 170611
score: -1.0
```
"""
from __future__ import annotations

from collections.abc import Iterable

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .schema_rules import problems_of_kind, schema_quiet

INFO = rule_info("S003", "wrong-type", "schema", Severity.ERROR, doc=__doc__)
QUIET = schema_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    return problems_of_kind(article, ctx, INFO.code, "type")
