"""Shared helpers of the U-rules (slug and consistency)."""
from __future__ import annotations

from typing import NamedTuple

from ..article import Article
from ..diagnostic import Applicability, Edit, Fix
from .context import RuleContext

_EMPTY: dict = {}


def text_field(article: Article, *keys: object) -> str | None:
    value = article.get(*keys)
    return value if isinstance(value, str) else None


def replace_value_fix(article: Article, key_path: tuple, new: str, applicability: Applicability,
                      message: str) -> Fix | None:
    """A fix rewriting a string value in place, only where its source span maps exactly
    (a plain or single-line block scalar whose new text needs no quoting)."""
    loc = article.positions.get(key_path)
    value = article.get(*key_path)
    if loc is None or not isinstance(value, str) or loc.style in ('"', "'"):
        return None
    start, end = loc.content_span()
    if article.text[start:end] != value or "\n" in value:
        return None
    if loc.style is None and (new[:1] in "&*!|>'\"%@`#,[]{}?:-" or ": " in new or " #" in new):
        return None  # would need quoting in a plain scalar: leave it to a person
    return Fix((Edit(start, end, new),), applicability, message)


class SlugTexts(NamedTuple):
    """text_field of the fields the U-rules compare (None where a value is not text)."""

    title: str | None
    subject: str | None
    url: str | None
    file_name: str | None
    article_title: str | None
    question: str | None


_FIELDS = SlugTexts._fields


def slug_texts(article: Article, ctx: RuleContext) -> SlugTexts:
    """The article's SlugTexts, read once for the five rules that ask."""
    texts = ctx.article_memo.get("slug texts")
    if texts is None:
        get = (article.data or _EMPTY).get
        texts = ctx.article_memo["slug texts"] = SlugTexts._make(
            [v if isinstance(v, str) else None for v in map(get, _FIELDS)])
    return texts
