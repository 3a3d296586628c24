"""Shared body of the S-rules: run the JSON Schema once per article, report one kind each."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Diagnostic
from ..schema import SchemaProblem, load_validator, schema_problems
from .context import RuleContext


def problems_of_kind(article: Article, ctx: RuleContext, code: str, kind: str) -> Iterable[Diagnostic]:
    """The findings of one kind; nothing to iterate (no generator made) for a valid article,
    the common case, since five rules ask for every article."""
    problems = ctx.article_memo.get("schema")
    if problems is None:
        problems = _problems(article, ctx)
    return _report(article, code, kind, problems) if problems else ()


def _problems(article: Article, ctx: RuleContext) -> list[SchemaProblem]:
    validator = ctx.memo.get("schema-validator")
    if validator is None:
        validator = ctx.memo["schema-validator"] = load_validator(str(ctx.settings.schema))
    problems = ctx.article_memo["schema"] = schema_problems(article, validator)
    return problems


def schema_quiet(article: Article, ctx: RuleContext) -> bool:
    """True when the article has no schema problem, so none of S001-S005 reports (the worker asks
    this once an article, their QUIET, and calls the five only on the others)."""
    problems = ctx.article_memo.get("schema")
    return not (_problems(article, ctx) if problems is None else problems)


def _report(article: Article, code: str, kind: str, problems: list[SchemaProblem]) -> Iterator[Diagnostic]:
    for p in problems:
        if p.kind != kind:
            continue
        if p.at_key:
            yield article.at_key(code, p.key_path, p.message, text=".".join(map(str, p.key_path)))
        else:
            yield article.at_value(code, p.key_path, p.message, text=".".join(map(str, p.key_path)))
