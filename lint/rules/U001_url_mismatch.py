"""The `url` is not `/learn/<subject lowercased>/questions/<slug of the title>`.

## What it does
Computes the slug of `title` (lowercased; every character other than a-z, 0-9 and space dropped;
each space turned into a hyphen, so "Na+ - K+" becomes "na--k") and checks that `url` is
`/learn/<subject lowercased>/questions/<slug>`. The message shows the expected url.

## Why is this bad?
The site routes, the sitemap and every related-article link are built from this convention:
a url that disagrees with the title or the subject is a page nobody's links reach.

## Example
```yaml
title: Explain the role of the sodium-potassium pump in action potential recovery.
subject: Nursing
url: /learn/biology/questions/explain-the-role-of-the-sodium-potassium-pump
```

## Use instead
```yaml
url: /learn/nursing/questions/explain-the-role-of-the-sodiumpotassium-pump-in-action-potential-recovery
```

## Fix safety
An unsafe fix rewrites `url`: changing a published page's address breaks links from outside.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Applicability, Diagnostic, Severity
from ..slug import expected_url
from .base import rule_info
from .context import RuleContext
from .slug_rules import replace_value_fix, slug_quiet, slug_texts

INFO = rule_info("U001", "url-mismatch", "slug", Severity.ERROR, fixable=True, doc=__doc__)
QUIET = slug_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    title, subject, url = slug_texts(article, ctx)[:3]
    if title is None or subject is None or url is None:
        return ()
    expected = expected_url(title, subject)
    return () if url == expected else _report(article, url, expected)


def _report(article: Article, url: str, expected: str) -> Iterator[Diagnostic]:
    fix = replace_value_fix(article, ("url",), expected, Applicability.UNSAFE, f"set url to {expected}")
    yield article.at_value(INFO.code, ("url",),
                           f"`url` does not match the title and subject: expected `{expected}`",
                           fix=fix, text=url)
