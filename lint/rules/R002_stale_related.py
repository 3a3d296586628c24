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

from ..corpus import CorpusView, IndexEntry, Link, hashable
from ..diagnostic import Applicability, Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .corpus_support import reparse
from .slug_rules import replace_value_fix

INFO = rule_info("R002", "stale-related", "reference", Severity.ERROR, fixable=True, doc=__doc__)
FIELDS = ("title", "subject", "url")


def check_corpus(corpus: CorpusView, targets: set[str], ctx: RuleContext) -> Iterator[Diagnostic]:
    """Every link from a checked article, and every link into one (a stale copy of a checked
    article held elsewhere) - the links reaching a checked article from outside are found through
    `referrers`, unless every article is checked."""
    outside = not corpus.covered_by(targets)
    for path in sorted(targets):
        entry = corpus.entry(path)
        if entry is None:
            continue
        for link in entry.links:
            target = corpus.target(link.id) if hashable(link.id) else None
            if target is not None:
                yield from _stale(entry, link, target, ctx)
        if outside and hashable(entry.id):
            group = corpus.group(entry.id)
            if group and group[0].path == path:  # the article its id points at
                yield from _into(corpus, entry, targets, ctx)
    if outside:  # a published article whose path is a checked file's (the rules treat it as checked)
        for published in corpus.published.values():
            if published.path in targets and not corpus.group(published.id):
                yield from _into(corpus, published, targets, ctx)


def _into(corpus: CorpusView, target: IndexEntry, targets: set[str], ctx: RuleContext) -> Iterator[Diagnostic]:
    for referrer in corpus.referrers(target.id):
        if referrer.path in targets:
            continue  # its links were checked as links from a checked article
        for link in referrer.links:
            if hashable(link.id) and link.id == target.id:
                yield from _stale(referrer, link, target, ctx)


def _stale(entry: IndexEntry, link: Link, target: IndexEntry, ctx: RuleContext) -> Iterator[Diagnostic]:
    if link.copy_hash == target.key_hash:
        return
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
