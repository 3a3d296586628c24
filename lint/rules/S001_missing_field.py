"""A required field is missing from the front matter.

## What it does
Validates the front matter against the JSON Schema (`schemas/article.schema.json`, or the
`schema` set in `[tool.qtlint]`) and reports the problems of this kind, at the line of the
offending key or value (or of the parent mapping when a key is missing).

## Why is this bad?
Every page template reads these fields; a missing one renders an empty heading, a broken link or no answer at all.

## Example
```yaml
id: 170601
date: 2025-02-06
# no title, article_title, question ...
```

## Use instead
```yaml
id: 170601
date: 2025-02-06
title: Explain how the sodium-potassium pump works.
...
```
"""
from __future__ import annotations

from collections.abc import Iterable

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .schema_rules import problems_of_kind, schema_quiet

INFO = rule_info("S001", "missing-field", "schema", Severity.ERROR, doc=__doc__)
QUIET = schema_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    return problems_of_kind(article, ctx, INFO.code, "missing")
