"""The `file_name` is not `<slug of the title>.md`.

## What it does
Checks that `file_name` is the slug of `title` (see U001) followed by `.md`.

## Why is this bad?
The publishing pipeline writes the page under `file_name`; a stale one after a title edit leaves
two pages, or overwrites another article's page.

## Example
```yaml
title: How does myelination affect conduction speed?
file_name: how-does-myelin-work.md
```

## Use instead
```yaml
file_name: how-does-myelination-affect-conduction-speed.md
```

## Fix safety
An unsafe fix rewrites `file_name` (the file on disk must then be renamed too, see U003).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Applicability, Diagnostic, Severity
from ..slug import slugify
from .base import rule_info
from .context import RuleContext
from .slug_rules import replace_value_fix, slug_quiet, slug_texts

INFO = rule_info("U002", "file-name-mismatch", "slug", Severity.ERROR, fixable=True, doc=__doc__)
QUIET = slug_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    texts = slug_texts(article, ctx)
    title, file_name = texts.title, texts.file_name
    if title is None or file_name is None:
        return ()
    expected = slugify(title) + ".md"
    return () if file_name == expected else _report(article, file_name, expected)


def _report(article: Article, file_name: str, expected: str) -> Iterator[Diagnostic]:
    fix = replace_value_fix(article, ("file_name",), expected, Applicability.UNSAFE,
                            f"set file_name to {expected}")
    yield article.at_value(INFO.code, ("file_name",),
                           f"`file_name` does not match the title: expected `{expected}`",
                           fix=fix, text=file_name)
