"""Shared helpers of the cross-article (R) rules."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..article import Article, parse_article
from ..corpus import CorpusQueries
from ..diagnostic import Diagnostic
from ..entries import KeyLayout, key_layout
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
