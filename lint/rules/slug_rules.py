"""Shared helpers of the U-rules (slug and consistency)."""
from __future__ import annotations

from operator import itemgetter
from typing import NamedTuple

from ..article import Article
from ..diagnostic import Applicability, Edit, Fix
from ..slug import expected_seo_title, url_matches
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


_OWN = itemgetter("title", "subject", "url", "file_name", "article_title", "question", "seo")


def slug_quiet(article: Article, ctx: RuleContext) -> bool:
    """True when none of U001-U005 can report on the article: every field they compare is text
    (seo a plain mapping) and agrees. False means only "not known": the rules then run as usual.

    The worker asks this once an article for the five rules (their QUIET) and calls them only on
    the articles it cannot clear: five rule calls, five memo lookups and the slug texts cost
    ~5 us an article, this ~1.3 us. It decides exactly as the rules do (tests/rules/test_quiet.py):
    the url from the title and subject (url_matches), the file name from the url's last part (the
    slug of the title, once the url is the expected one), the file's own name after its last "/"
    (file_name_of gives the same for a name ending ".md"), seo.title from expected_seo_title."""
    try:
        title, subject, url, file_name, article_title, question, seo = _OWN(article.data)
    except (KeyError, TypeError):
        return False
    if (title.__class__ is not str or subject.__class__ is not str or url.__class__ is not str
            or file_name.__class__ is not str or article_title != title or question != title
            or seo.__class__ is not dict or seo.get("title") != expected_seo_title(subject)):
        return False
    if not url_matches(url, title, subject):
        return False
    path = article.path
    # the url is expected_url(title, subject): after its last "/", the slug of the title (which
    # holds no "/")
    return file_name == url[url.rfind("/") + 1:] + ".md" and path[path.rfind("/") + 1:] == file_name
