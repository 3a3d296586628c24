"""A U+FFFD replacement character (�): text that a decoder could not read and threw away.

## What it does
Reports every run of U+FFFD in the file that is not part of a repairable mojibake sequence.

## Why is this bad?
The reader sees "�" where a letter or symbol was; the original character is lost, so a person
has to put it back.

## Example
```yaml
answer: >-
    The pump keeps the cell at 37 �C.
```

## Use instead
```yaml
answer: >-
    The pump keeps the cell at 37 °C.
```

## Fix safety
No automatic fix: the original text cannot be recovered.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .encoding_rules import encoding, encoding_quiet, text_chars

INFO = rule_info("E002", "replacement-character", "encoding", Severity.ERROR, doc=__doc__)
QUIET = encoding_quiet  # the group's test: the worker calls `check` only where it says False
TEXT_ONLY = True  # needs only the decoded text: runs even when the YAML cannot be parsed


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    text = article.text
    if text.isascii():
        return ()
    chars = text_chars(article, ctx)  # from the bytes, once for the three E-rules
    found = encoding().find_lost_characters(text, chars=chars)
    return _report(article, found) if found else ()


def _report(article: Article, found: list) -> Iterator[Diagnostic]:
    from ..encoding.lost import REPLACEMENT_CHARACTER

    for lost in found:
        if lost.kind == REPLACEMENT_CHARACTER:
            yield article.diagnostic(
                INFO.code, lost.start, lost.end,
                f"replacement character{'s' if len(lost.text) > 1 else ''} ({lost.codepoints}): "
                "the original text was lost; retype it from the source", text=lost.text)
