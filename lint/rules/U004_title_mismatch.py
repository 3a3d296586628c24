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

from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .slug_rules import slug_quiet, slug_texts

INFO = rule_info("U004", "title-mismatch", "slug", Severity.ERROR, doc=__doc__)
QUIET = slug_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    texts = slug_texts(article, ctx)
    title, article_title, question = texts.title, texts.article_title, texts.question
    if title is None or ((article_title is None or article_title == title)
                         and (question is None or question == title)):
        return ()
    return _report(article, title, (("article_title", article_title), ("question", question)))


def _report(article: Article, title: str, others: tuple) -> Iterator[Diagnostic]:
    for key, other in others:
        if other is not None and other != title:
            yield article.at_value(INFO.code, (key,),
                                   f"`{key}` differs from `title`: expected {title!r}, found {other!r}",
                                   text=other)
