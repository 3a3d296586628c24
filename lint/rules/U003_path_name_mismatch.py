"""The file's own name on disk is not its `file_name`.

## What it does
Compares the name of the file being checked with the `file_name` field.

## Why is this bad?
Tools and people find an article by its file name; when the two disagree, edits land in the
wrong file or a rename was only half done.

## Example
```text
seeds/nursing/old-name.md   containing   file_name: explain-the-role-of-the-sodiumpotassium-pump.md
```

## Use instead
```text
seeds/nursing/explain-the-role-of-the-sodiumpotassium-pump.md
```
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import PurePath

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .slug_rules import slug_quiet, slug_texts

INFO = rule_info("U003", "path-name-mismatch", "slug", Severity.ERROR, doc=__doc__)
QUIET = slug_quiet  # the group's test: the worker calls `check` only where it says False


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    file_name = slug_texts(article, ctx).file_name
    if file_name is None:
        return ()
    actual = file_name_of(article.path)
    return () if actual == file_name else _report(article, actual, file_name)


def file_name_of(path: str) -> str:
    """PurePath(path).name: the text after the last "/" when that is a plain name."""
    name = path[path.rfind("/") + 1:]
    return name if name and name != "." and name != ".." else PurePath(path).name


def _report(article: Article, actual: str, file_name: str) -> Iterator[Diagnostic]:
    yield article.at_value(INFO.code, ("file_name",),
                           f"the file is named `{actual}` but `file_name` says `{file_name}`: "
                           "rename the file or correct the field", text=file_name)
