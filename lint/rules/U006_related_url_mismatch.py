"""A related article's `url` is not built from its own `title` and `subject`.

## What it does
In each `related_articleN` entry, checks that `url` is
`/learn/<subject lowercased>/questions/<slug of the entry's title>` (see U001). Whether the entry
agrees with the target article itself is checked by the reference rules (R-codes).

## Why is this bad?
The teaser shows the entry's title but links to its url: if they disagree, the reader clicks one
question and lands on another, or on a 404.

## Example
```yaml
related_article1:
    id: 170608
    title: How does myelination affect the speed of nerve impulse conduction?
    subject: Nursing
    url: /learn/nursing/questions/how-does-myelination-work
```

## Use instead
```yaml
    url: /learn/nursing/questions/how-does-myelination-affect-the-speed-of-nerve-impulse-conduction
```
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from ..slug import expected_url
from .base import rule_info
from .context import RuleContext
from .corpus_support import layout_of, related_quiet
from .slug_rules import text_field

INFO = rule_info("U006", "related-url-mismatch", "slug", Severity.ERROR, doc=__doc__)
QUIET = related_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    keys = layout_of(article, ctx).prefixed
    data = article.data
    for key in keys:
        entry = data[key]
        if entry.__class__ is not dict:  # not a plain mapping: the report reads it the usual way
            return _report(article, keys)
        title, subject, url = entry.get("title"), entry.get("subject"), entry.get("url")
        if (isinstance(title, str) and isinstance(subject, str) and isinstance(url, str)
                and url != expected_url(title, subject)):
            return _report(article, keys)
    return ()


def _report(article: Article, keys: tuple[str, ...]) -> Iterator[Diagnostic]:
    for key in keys:
        title, subject, url = (text_field(article, key, k) for k in ("title", "subject", "url"))
        if title is None or subject is None or url is None:
            continue
        expected = expected_url(title, subject)
        if url != expected:
            yield article.at_value(INFO.code, (key, "url"),
                                   f"`{key}.url` does not match its title and subject: "
                                   f"expected `{expected}`", text=url)
