"""A field the schema does not know (usually a typo).

## What it does
Validates the front matter against the JSON Schema (`schemas/article.schema.json`, or the
`schema` set in `[tool.qtlint]`) and reports the problems of this kind, at the line of the
offending key or value (or of the parent mapping when a key is missing).

## Why is this bad?
The site ignores unknown keys, so a misspelt `titel` silently drops the title the author meant to set.

## Example
```yaml
titel: >-
    Explain the role of the sodium-potassium pump.
```

## Use instead
```yaml
title: >-
    Explain the role of the sodium-potassium pump.
```
"""
from __future__ import annotations

from collections.abc import Iterable

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .schema_rules import problems_of_kind, schema_quiet

INFO = rule_info("S002", "unknown-field", "schema", Severity.ERROR, doc=__doc__)
QUIET = schema_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    return problems_of_kind(article, ctx, INFO.code, "unknown")
