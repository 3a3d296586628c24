"""A grammar problem in the title, answer or SEO description (doubled word, wrong article,
subject–verb disagreement...).

## What it does
Runs the configured checker (Harper by default, or LanguageTool) over the plain text of the
prose fields, as G001 does, and reports its grammar findings with the checker's rule name, the
flagged text and its suggestions. Checker rules can be turned off by name with
`[tool.qtlint.grammar] disabled-rules`.

## Why is this bad?
Broken grammar in an answer reads as careless and can change the meaning of a sentence.

## Example
```yaml
answer: >-
    The the pump use an pump-specific ATPase.
```

## Use instead
```yaml
answer: >-
    The pump uses a pump-specific ATPase.
```

## Fix safety
Where the checker has exactly one suggestion, it is offered as an unsafe fix.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .grammar_rules import issues_of_kind, preflight  # noqa: F401 (the engine calls preflight)

INFO = rule_info("G002", "grammar", "grammar", Severity.WARNING, fixable=True, doc=__doc__)


def check(article: Article, ctx: RuleContext) -> Iterator[Diagnostic]:
    yield from issues_of_kind(article, ctx, INFO.code, "grammar")
