"""`article_title` or `question` is not the same text as `title`.

## What it does
Checks that `title`, `article_title` and `question` hold the same text (after YAML folding),
and reports the field that differs from `title`.

## Why is this bad?
The page shows `article_title` as its heading, search engines show `title`, and the Q&A markup
uses `question`: when they drift apart, readers see one question and search engines another.

## Example
```yaml
title: Explain the role of the sodium-potassium pump.
article_title: Explain the role of the sodium pump.
```

## Use instead
```yaml
title: Explain the role of the sodium-potassium pump.
article_title: Explain the role of the sodium-potassium pump.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .slug_rules import text_field

INFO = rule_info("U004", "title-mismatch", "slug", Severity.ERROR, doc=__doc__)


def check(article: Article, ctx: RuleContext) -> Iterator[Diagnostic]:
    title = text_field(article, "title")
    if title is None:
        return
    for key in ("article_title", "question"):
        other = text_field(article, key)
        if other is not None and other != title:
            yield article.at_value(INFO.code, (key,),
                                   f"`{key}` differs from `title`: expected {title!r}, found {other!r}",
                                   text=other)
