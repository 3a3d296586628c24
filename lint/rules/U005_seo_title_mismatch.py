"""`seo.title` is not `QuickTakes | <subject>`.

## What it does
Checks that `seo.title` is exactly `QuickTakes | ` followed by the article's `subject`.

## Why is this bad?
The browser tab and search results show `seo.title`; a wrong subject there files the page under
the wrong section in search engines.

## Example
```yaml
subject: Nursing
seo:
  title: QuickTakes | Biology
```

## Use instead
```yaml
seo:
  title: QuickTakes | Nursing
```

## Fix safety
An unsafe fix rewrites `seo.title` from `subject`: it changes what search engines show, and the
subject itself may be the wrong one (U001 checks it against the url), so a person confirms.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Applicability, Diagnostic, Severity
from ..slug import expected_seo_title
from .base import rule_info
from .context import RuleContext
from .slug_rules import replace_value_fix, slug_quiet, slug_texts, text_field

INFO = rule_info("U005", "seo-title-mismatch", "slug", Severity.ERROR, fixable=True, doc=__doc__)
QUIET = slug_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    subject = slug_texts(article, ctx).subject
    seo_title = text_field(article, "seo", "title") if subject is not None else None
    if subject is None or seo_title is None:
        return ()
    expected = expected_seo_title(subject)
    return () if seo_title == expected else _report(article, seo_title, expected)


def _report(article: Article, seo_title: str, expected: str) -> Iterator[Diagnostic]:
    fix = replace_value_fix(article, ("seo", "title"), expected, Applicability.UNSAFE,
                            f"set seo.title to {expected}")
    yield article.at_value(INFO.code, ("seo", "title"),
                           f"`seo.title` does not match the subject: expected `{expected}`",
                           fix=fix, text=seo_title)
