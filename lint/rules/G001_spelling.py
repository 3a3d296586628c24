"""A word the spelling checker does not know, in the title, answer or SEO description.

## What it does
Turns the prose fields (`title`, `answer`, `seo.page_description`) into plain text (the answer's
`\n` escapes, `**bold**`, `###` headings and list numbers are removed, with a position map) and
runs the configured checker: Harper (offline, in-process, the default) or LanguageTool. Words in
`schemas/dictionary.txt` (ATPase, mV, repolarization, Na+...) are accepted.

## Why is this bad?
Students read the answers; a typo costs the site its credibility.

## Example
```yaml
answer: >-
    The pump moves sodum ions out of the cell.
```

## Use instead
```yaml
answer: >-
    The pump moves sodium ions out of the cell.
```

## Fix safety
Where the checker has exactly one suggestion, it is offered as an unsafe fix (a person should
confirm a domain word is not mistaken for a typo). A real term the checker does not know belongs
in `schemas/dictionary.txt`.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .grammar_rules import issues_of_kind, preflight  # noqa: F401 (the engine calls preflight)

INFO = rule_info("G001", "spelling", "grammar", Severity.WARNING, fixable=True, doc=__doc__)


def check(article: Article, ctx: RuleContext) -> Iterator[Diagnostic]:
    yield from issues_of_kind(article, ctx, INFO.code, "spelling")
