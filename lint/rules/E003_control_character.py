"""A C1 control character (U+0080–U+009F), invisible, usually Windows-1252 punctuation read as
Latin-1; or a Unicode line or paragraph separator (U+2028, U+2029).

## What it does
Reports every run of C1 control characters that is not part of a repairable mojibake sequence
(those are E001 with ftfy's repair), and every U+2028/U+2029 (pasted from word processors: YAML
reads them as line breaks, so a folded answer silently breaks there).

## Why is this bad?
C1 controls have no use in an article: they render as boxes or nothing, and break search
snippets and feeds.

## Example
```yaml
answer: >-
    The pump\u0085 moves ions.
```

## Use instead
```yaml
answer: >-
    The pump… moves ions.
```

## Fix safety
No automatic fix: which character was meant cannot be known for sure.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Diagnostic, Severity
from .base import rule_info
from .context import RuleContext
from .encoding_rules import SEPARATORS as _SEPARATORS
from .encoding_rules import encoding, encoding_quiet, text_chars

_SEPARATOR = re.compile("[\u2028\u2029]")

INFO = rule_info("E003", "control-character", "encoding", Severity.ERROR, doc=__doc__)
QUIET = encoding_quiet  # the group's test: the worker calls `check` only where it says False
TEXT_ONLY = True  # needs only the decoded text: runs even when the YAML cannot be parsed


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    text = article.text
    if text.isascii():
        return ()
    chars = text_chars(article, ctx)  # from the bytes, once for the three E-rules
    if not chars.isdisjoint(_SEPARATORS):
        return _report(article, text, True, None)
    found = encoding().find_lost_characters(text, chars=chars)
    return _report(article, text, False, found) if found else ()


def _report(article: Article, text: str, separators: bool, found: list | None) -> Iterator[Diagnostic]:
    from ..encoding.lost import C1_CONTROL, find_lost_characters

    for m in _SEPARATOR.finditer(text) if separators else ():
        yield article.diagnostic(
            INFO.code, m.start(), m.end(),
            f"{'line' if m.group() == chr(0x2028) else 'paragraph'} separator (U+{ord(m.group()):04X}): "
            "invisible, and a line break to YAML; replace it with a space or a real line break",
            text=m.group())
    for lost in find_lost_characters(text) if found is None else found:
        if lost.kind == C1_CONTROL:
            yield article.diagnostic(
                INFO.code, lost.start, lost.end,
                f"C1 control character{'s' if len(lost.text) > 1 else ''} ({lost.codepoints}): "
                "invisible and meaningless in an article; replace it with the intended character",
                text=lost.codepoints)
