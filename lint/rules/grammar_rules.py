"""Shared body of the G-rules: check the prose fields once per article, report one kind each.

The backend (Harper by default, LanguageTool when configured) is built once per process, and
only when a grammar rule is selected. Results are cached per field text by lint.grammar's cache.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..article import Article
from ..config import BackendUnavailable, Settings, env_languagetool_url
from ..diagnostic import Applicability, Diagnostic, Edit, Fix
from .base import MAX_PROSE_FIELD
from .context import RuleContext

FIELDS = (("title",), ("answer",), ("seo", "page_description"))


def build_backend(settings: Settings):
    from ..grammar import GrammarBackendUnavailable, load_accepted_words, make_backend

    g = settings.grammar
    try:
        return make_backend(g.backend, accepted=load_accepted_words(g.dictionary),
                            disabled_rules=g.disabled_rules, language=g.language,
                            languagetool_url=g.languagetool_url or env_languagetool_url())
    except GrammarBackendUnavailable as err:
        raise BackendUnavailable(f"grammar backend {g.backend!r} is not available: {err}") from None
    except (OSError, ValueError) as err:
        raise BackendUnavailable(f"grammar backend {g.backend!r}: {err}") from None


def preflight(settings: Settings) -> None:
    """Fail fast in the main process (exit 2) when the chosen backend cannot run."""
    if settings.grammar.backend != "harper":
        build_backend(settings)


def _grammar_cache(settings: Settings):
    if not settings.use_cache:
        return None
    from ..cache import cache_dir
    from ..grammar import GrammarCache

    return GrammarCache(cache_dir(settings) / "grammar")


def _proper_noun(text: str, start: int, word: str) -> bool:
    """A capitalised word in mid-sentence is a name (loop of Henle, Le Chatelier's principle)."""
    if not word[:1].isupper() or word.isupper():
        return False
    before = text[:start].rstrip(" *_")
    return bool(before) and before[-1] not in ".!?:;" and not before.endswith(("\\n", "#", "-"))


def issues_of_kind(article: Article, ctx: RuleContext, code: str, kind: str) -> Iterator[Diagnostic]:
    from ..grammar import check_cached_many, unambiguous_fix
    from ..grammar.vocabulary import is_real_word

    backend = ctx.once("grammar-backend", lambda: build_backend(ctx.settings))
    cache = ctx.once("grammar-cache", lambda: _grammar_cache(ctx.settings))

    def compute() -> list:
        texts = [article.get(*path) for path in FIELDS]
        present = [(path, t) for path, t in zip(FIELDS, texts, strict=True)
                   if isinstance(t, str) and t.strip() and len(t) <= MAX_PROSE_FIELD]
        results = check_cached_many([t for _, t in present], backend, cache) if present else []
        return [(path, text, issue) for (path, text), issues in zip(present, results) for issue in issues]

    for path, text, issue in ctx.for_article("grammar", compute):
        if issue.kind != kind:
            continue
        if kind == "spelling" and (is_real_word(issue.flagged, issue.suggestions)
                                   or _proper_noun(text, issue.start, issue.flagged)):
            continue  # a real (technical) word or a name the checker's dictionary lacks: no false alarm
        start = article.value_offset(path, issue.start)
        end = article.value_offset(path, max(issue.end - 1, issue.start)) + 1
        replacement = unambiguous_fix(issue, text)
        fix = None
        if replacement is not None and article.text[start:end] == text[issue.start:issue.end]:
            fix = Fix((Edit(start, end, replacement),), Applicability.UNSAFE,
                      f"replace {issue.flagged!r} with {replacement!r}")
        hint = f"; suggestions: {', '.join(repr(s) for s in issue.suggestions)}" if issue.suggestions else ""
        yield article.diagnostic(
            code, start, end, f"{issue.message} ({backend.name}: {issue.rule}): {issue.flagged!r}{hint}",
            fix=fix, text=issue.flagged,
            extra={"checker": backend.name, "checker_rule": issue.rule, "suggestions": list(issue.suggestions)})
