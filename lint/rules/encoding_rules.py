"""Shared steps of the E-rules: the article's distinct non-ASCII characters, read once, and the
encoding module, imported once."""
from __future__ import annotations

from types import ModuleType

from ..article import Article
from ..chars import LOST_CHARACTERS, file_chars
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


SEPARATORS = frozenset("\u2028\u2029")  # line and paragraph separators (E003)
# what the E-rules look further at: C1 controls and U+FFFD (E003, lost.py), the separators (E003)
_LOUD_CHARACTERS = LOST_CHARACTERS | SEPARATORS


def encoding_quiet(article: Article, ctx: RuleContext) -> bool:
    """True when none of E001-E003 can report on the article: ASCII text, or non-ASCII characters
    none of which is a C1 control, U+FFFD or a line/paragraph separator, and no mojibake found
    (find_mojibake, which answers at once from the characters for most articles). The worker
    asks this once an article, their QUIET, and calls the three only on the others."""
    text = article.text
    if text.isascii():
        return True
    chars = text_chars(article, ctx)
    return chars.isdisjoint(_LOUD_CHARACTERS) and not encoding().find_mojibake(text, chars)
