"""A related entry's title, subject or url is a stale copy of the target article's own.

## What it does
Compares each `related_articleN` entry's `title`, `subject` and `url` with the target article's
(found by id in the corpus or the published-articles index). The message shows both values and
the target's path. When a checked article is renamed or moved, the same run also reports every
other article that now carries a stale copy of it, even if those files were not passed.

## Why is this bad?
After a target is renamed or moved, the teaser shows an old question and its url leads to a 404.

## Example
```yaml
related_article1:
    id: 170608
    title: How does myelin work?        # the target now says something else
```

## Use instead
```yaml
related_article1:
    id: 170608
    title: How does myelination affect the speed of nerve impulse conduction?
```

## Fix safety
Unsafe (`--fix --unsafe-fixes`): the value is rewritten from the target article, which is the
truth, but it changes what readers see, and the target may itself have been renamed by mistake:
a person confirms. Only values whose source text maps exactly (plain or single-line folded
scalars) get a fix.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..corpus import CorpusQueries, IndexEntry, Link
from ..diagnostic import Applicability, Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .corpus_support import reparse
from .slug_rules import replace_value_fix

INFO = rule_info("R002", "stale-related", "reference", Severity.ERROR, fixable=True, doc=__doc__)
FIELDS = ("title", "subject", "url")


def check_corpus(corpus: CorpusQueries, targets: set[str], ctx: RuleContext) -> Iterator[Diagnostic]:
    """The links from a checked article, and the links into one (stale copies of a checked
    article held in other files)."""
    for entry, link, target in corpus.link_problems(targets) + corpus.links_into(targets):
        if target is not None:
            yield from _stale(entry, link, target, ctx)


def _stale(entry: IndexEntry, link: Link, target: IndexEntry, ctx: RuleContext) -> Iterator[Diagnostic]:
    article = reparse(ctx, entry.path)
    if article is None:
        return
    key = f"related_article{link.n}"
    for field in FIELDS:
        copy, truth = article.get(key, field), getattr(target, field)
        if not isinstance(truth, str) or not isinstance(copy, str) or copy == truth:
            continue  # a missing or non-text copy is the schema rules' finding
        fix = replace_value_fix(article, (key, field), truth, Applicability.UNSAFE,
                                f"copy the {field} from {target.path}")
        where = "the published index" if target.published else target.path
        yield article.at_value(
            INFO.code, (key, field),
            f"`{key}.{field}` is a stale copy of article {link.id}'s {field}: it says "
            f"{copy!r}, the article ({where}) says {truth!r}",
            fix=fix, text=str(copy), extra={"relevant": [entry.path, target.path]})
