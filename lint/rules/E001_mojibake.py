"""Mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere on its way.

## What it does
Runs ftfy (its badness heuristic, then `fix_encoding`: an encoding repair only, never quote or
HTML changes) over every line of the file, front matter and body, and reports each damaged
sequence at its exact line and column with ftfy's repair in the message: "Hereâ€™s" → "Here’s".
Real non-ASCII text ("Na⁺/K⁺-ATPase", "37 °C", "café", Greek letters, em dashes, curly quotes)
is left alone.

## Why is this bad?
Readers see garbage in the middle of a sentence and search engines index it.

## Example
```yaml
answer: >-
    Hereâ€™s a detailed explanation of its function in this context:
```

## Use instead
```yaml
answer: >-
    Here’s a detailed explanation of its function in this context:
```

## Fix safety
Safe: ftfy's re-decoding is exact and only the damaged span is replaced. A repair that still
contains U+FFFD (part of the text was already lost), or that only guesses what a lone C1 control
character stood for ("\x92" as "’"), is offered as an unsafe fix only.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..article import Article
from ..diagnostic import Applicability, Diagnostic, Fix, Severity
from .base import rule_info
from .context import RuleContext
from .encoding_rules import encoding, encoding_quiet, text_chars

INFO = rule_info("E001", "mojibake", "encoding", Severity.ERROR, fixable=True, doc=__doc__)
QUIET = encoding_quiet  # the group's test: the worker calls `check` only where it says False
TEXT_ONLY = True  # needs only the decoded text: runs even when the YAML cannot be parsed


def check(article: Article, ctx: RuleContext) -> Iterable[Diagnostic]:
    text = article.text
    if text.isascii():
        return ()
    chars = text_chars(article, ctx)  # from the bytes, once for the three E-rules
    found = encoding().find_mojibake(text, chars)
    return _report(article, text, found) if found else ()


def _report(article: Article, text: str, found: list) -> Iterator[Diagnostic]:
    for m in found:
        bad_word, fixed_word = m.in_context(text)
        # a lossy repair, or one that only guesses what lone C1 controls stood for, is unsafe
        applicability = Applicability.UNSAFE if (m.lossy or m.c1_only) else Applicability.SAFE
        fix = Fix((m.edit(),), applicability, f"replace {m.bad!r} with {m.fixed!r}")
        yield article.diagnostic(
            INFO.code, m.start, m.end,
            f"mojibake {bad_word!r} should read {fixed_word!r} (UTF-8 decoded as a single-byte "
            "code page)", fix=fix, text=m.bad)
