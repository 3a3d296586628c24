"""Shared body of the S-rules: run the JSON Schema once per article, report one kind each."""
from __future__ import annotations

from collections.abc import Iterator

from ..article import Article
from ..diagnostic import Diagnostic
from ..schema import load_validator, schema_problems
from .context import RuleContext


def problems_of_kind(article: Article, ctx: RuleContext, code: str, kind: str) -> Iterator[Diagnostic]:
    validator = ctx.once("schema-validator", lambda: load_validator(str(ctx.settings.schema)))
    problems = ctx.for_article("schema", lambda: schema_problems(article, validator))
    for p in problems:
        if p.kind != kind:
            continue
        if p.at_key:
            yield article.at_key(code, p.key_path, p.message, text=".".join(map(str, p.key_path)))
        else:
            yield article.at_value(code, p.key_path, p.message, text=".".join(map(str, p.key_path)))
