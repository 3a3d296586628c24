"""Shared steps of the E-rules: the article's distinct non-ASCII characters, read once, and the
encoding module, imported once."""
from __future__ import annotations

from types import ModuleType

from ..article import Article
from ..chars import file_chars
from .context import RuleContext


def text_chars(article: Article, ctx: RuleContext) -> frozenset[str]:
    """file_chars of the article's text, kept in the article's memo for the three E-rules.

    The rules run rule after rule over a batch of articles, so chars.py's few recent answers are
    gone by the time E002 and E003 ask: without the memo each of the three read the bytes again
    (under callgrind the E-rules took 69,800 instructions an article without the memo, 34,600
    with it)."""
    chars = ctx.article_memo.get("chars")
    if chars is None:
        chars = ctx.article_memo["chars"] = file_chars(article.text, article.raw, article.has_bom)
    return chars


_ENCODING: list[ModuleType] = []  # lint.encoding, once imported


def encoding() -> ModuleType:
    """lint.encoding, imported when the first article needs it (with ftfy, which a warm run never
    needs). An import statement in the rules ran again on every non-ASCII article, the package
    name resolved each time: the E-rules took 34,600 instructions an article with them, 25,400
    with this list lookup (callgrind)."""
    if not _ENCODING:
        from .. import encoding as module

        _ENCODING.append(module)
    return _ENCODING[0]
