"""Shared helpers of the cross-article (R) rules."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import itemgetter
from pathlib import Path

from ..article import Article, parse_article
from ..corpus import CorpusQueries
from ..diagnostic import Diagnostic
from ..entries import KeyLayout, key_layout
from ..slug import url_matches
from .context import RuleContext


def reparse(ctx: RuleContext, path: str) -> Article | None:
    """Parse a referring file again, only when a finding needs its positions (rare)."""
    def load() -> Article | None:
        try:
            raw = (Path(ctx.memo.get("cwd", ".")) / path).read_bytes()
        except OSError:
            return None
        return parse_article(path, raw, max_bytes=ctx.settings.max_file_size).article
    return ctx.once(("reparse", path), load)


def related_keys(article: Article) -> list[tuple[int, str]]:
    """(N, key) of every related_articleN key, by N."""
    return list(key_layout(tuple(article.data or {})).related)


def related_ids(article: Article, ctx: RuleContext) -> list[tuple[str, object]]:
    """(key, article.get(key, "id")) of every related_articleN key, by N, read once per article."""
    found = ctx.article_memo.get("related ids")
    if found is None:
        data, found = article.data, []
        for _, key in layout_of(article, ctx).related:
            entry = data[key]
            found.append((key, entry.get("id") if entry.__class__ is dict else article.get(key, "id")))
        ctx.article_memo["related ids"] = found
    return found


def layout_of(article: Article, ctx: RuleContext) -> KeyLayout:
    """The article's key layout (lint/entries.py), worked out once per article for every rule."""
    layout = ctx.article_memo.get("layout")
    if layout is None:
        layout = ctx.article_memo["layout"] = key_layout(tuple(article.data or {}))
    return layout


def shared_value_findings(corpus: CorpusQueries, targets: set[str], ctx: RuleContext, code: str, key: str,
                          message: Callable[[object, str], str]) -> Iterator[Diagnostic]:
    """R003/R004: every member of a group of articles sharing one value (id, url), at that field,
    naming the others; reported when any member is checked."""
    for group in corpus.shared(key, targets):
        value = getattr(group[0], key)  # the first article's value, as a dictionary keeps it
        relevant = [e.path for e in group]
        for i, member in enumerate(group):
            article = reparse(ctx, member.path)
            if article is None:
                continue
            others = ", ".join(e.path for j, e in enumerate(group) if j != i)
            yield article.at_value(code, (key,), message(value, others), text=str(value),
                                   extra={"relevant": relevant})


_LINK = itemgetter("id", "title", "subject", "url")


def related_quiet(article: Article, ctx: RuleContext) -> bool:
    """True when none of U006, R005, R006, R007 can report on the article: the related_articleN
    keys are numbered 1, 2, ... with no other key beginning "related_article", each entry is a
    plain mapping with a whole-number id (none the article's own, none twice) and text title,
    subject and url, the url built from the title and subject. False: not known, the rules run.

    U006's QUIET (the worker asks it once an article); R005-R007 ask related_ids_quiet, which
    takes this answer when it is True. Decides as the rules do (tests/rules/test_quiet.py); the
    urls by url_matches (expected_url, with the answers for titles seen before kept)."""
    if _related_quiet(article, ctx, True):
        ctx.article_memo["related quiet"] = True
        return True
    return False


def related_ids_quiet(article: Article, ctx: RuleContext) -> bool:
    """True when none of R005, R006, R007 can report on the article: related_quiet without the
    urls, which only U006 needs (a run of the R-rules without U006 would otherwise build them).
    R005-R007's QUIET: with U006 selected too, its test has already answered for most articles."""
    return ctx.article_memo.get("related quiet") or _related_quiet(article, ctx, False)


def _related_quiet(article: Article, ctx: RuleContext, urls: bool) -> bool:
    layout = layout_of(article, ctx)
    related = layout.related
    if not layout.gap_free or len(layout.prefixed) != len(related):
        return False
    if not related:
        return True
    data = article.data
    try:
        own = data["id"]
    except KeyError:
        own = None
    if own is not None and own.__class__ is not int:
        return False
    seen = set()
    for _, key in related:
        entry = data[key]
        if entry.__class__ is not dict:
            return False
        try:
            target, title, subject, url = _LINK(entry)
        except KeyError:
            return False
        if target.__class__ is not int or target == own or target in seen:
            return False
        if urls and (title.__class__ is not str or subject.__class__ is not str or url.__class__ is not str
                     or not url_matches(url, title, subject)):
            return False
        seen.add(target)
    return True
