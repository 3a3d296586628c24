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

from collections.abc import Iterator
from pathlib import PurePath

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .slug_rules import text_field

INFO = rule_info("U003", "path-name-mismatch", "slug", Severity.ERROR, doc=__doc__)


def check(article: Article, ctx: RuleContext) -> Iterator[Diagnostic]:
    file_name = text_field(article, "file_name")
    if file_name is None:
        return
    actual = PurePath(article.path).name
    if actual != file_name:
        yield article.at_value(INFO.code, ("file_name",),
                               f"the file is named `{actual}` but `file_name` says `{file_name}`: "
                               "rename the file or correct the field", text=file_name)
