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

import operator
from collections.abc import Iterable, Iterator
from itertools import chain

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from ..slug import expected_url
from .base import rule_info
from .context import RuleContext
from .corpus_support import layout_of
from .slug_rules import text_field

INFO = rule_info("U006", "related-url-mismatch", "slug", Severity.ERROR, doc=__doc__)


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    """Nothing, at once, when every entry is a plain mapping holding the three fields as text and
    every url is the expected one (in a few C calls); anything else is read by `_report`."""
    layout = layout_of(article, ctx)
    keys = layout.prefixed
    if not keys:
        return ()
    entries = layout.prefixed_of(article.data)
    if not _DICT.issuperset(map(type, entries)):
        return _report(article, keys)
    try:
        titles, subjects, urls = zip(*map(_FIELDS, entries))
    except KeyError:
        return _report(article, keys)
    if not _TEXT.issuperset(map(type, chain(titles, subjects, urls))):
        return _report(article, keys)
    return () if list(map(expected_url, titles, subjects)) == list(urls) else _report(article, keys)


_FIELDS = operator.itemgetter("title", "subject", "url")
_DICT, _TEXT = frozenset((dict,)), frozenset((str,))


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
