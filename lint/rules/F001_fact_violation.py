"""A sentence states a fact that contradicts a factual invariant (`schemas/invariants.yaml`).

## What it does
Finds claims about each invariant in the prose fields (`answer`, `title`, `question`,
`seo.page_description`), whatever the phrasing (digits or number words, "Na+", "Na⁺", "sodium",
"3:2", either clause first, active or passive voice), and reports each one that disagrees with
the expected value: it points at the sentence, quotes it, says what the invariant expects and
names the invariant. Context decides what a number is about: an action potential's peak, the
threshold, cardiac resting potentials or other Na+ transporters are not claims about these
invariants. Editors add invariants in the YAML file, not in Python (see docs/facts.md).

## Why is this bad?
Students learn what the article says. "The pump moves 2 Na+ out for 3 K+ in" or "a neuron rests
at +70 mV" teaches them the opposite of the truth, and no schema can catch it.

## Example
```yaml
answer: >-
    For every two sodium ions pumped out, three potassium ions are pumped in.
```

## Use instead
```yaml
answer: >-
    For every three sodium ions pumped out, two potassium ions are pumped in.
```
"""
from __future__ import annotations

from collections.abc import Iterator

from ..article import Article
from ..config import BackendUnavailable, Settings
from ..diagnostic import Diagnostic, Severity
from .base import MAX_PROSE_FIELD, rule_info
from .context import RuleContext

INFO = rule_info("F001", "fact-violation", "facts", Severity.ERROR, doc=__doc__)
FIELDS = (("answer",), ("title",), ("question",), ("seo", "page_description"))


_LOADED: dict[tuple[str, str], object] = {}  # (path, text) -> Invariants: the last one compiled


def load(settings: Settings):
    """The compiled invariants (about 0.2 s to compile). The last ones are kept for the life of
    the process, by path and text: the main process compiles them before it forks its workers
    (`warm`), which then share them instead of compiling them each."""
    from ..facts import InvariantsError, parse_invariants, read_invariants

    path = settings.invariants
    try:
        text = read_invariants(path)
        found = _LOADED.get((str(path), text))
        if found is None:
            found = parse_invariants(text, str(path))
            _LOADED.clear()
            _LOADED[(str(path), text)] = found
    except InvariantsError as err:
        raise BackendUnavailable(f"the factual invariants cannot be used:\n{err}") from None
    return found


def warm(settings: Settings) -> None:
    """Called in the main process before worker processes are forked (lint/worker.py). A file
    that broke since the preflight is left to the workers, which report it as they would."""
    try:
        load(settings)
    except BackendUnavailable:
        pass


def preflight(settings: Settings) -> None:
    """A broken invariants file is a configuration error (exit 2), found before any work.

    Compiling the invariants takes most of a second; a run over cached files needs none of it,
    so a file already found valid (same bytes) is remembered in the cache directory."""
    import hashlib

    from ..cache import cache_dir

    try:
        digest = hashlib.sha256(settings.invariants.read_bytes()).hexdigest()[:32]
    except OSError:
        digest = None
    marker = cache_dir(settings) / "valid-invariants" / str(digest)
    if settings.use_cache and digest is not None and marker.exists():
        return
    load(settings)
    if settings.use_cache and digest is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass  # an unwritable cache only costs the check next time


_FIND: list = []  # facts.find_claims, once imported


def claims_of(article: Article, ctx: RuleContext) -> list[tuple[tuple, object]]:
    if not _FIND:  # an import statement here ran on every article: ~9,000 instructions each
        from ..facts import find_claims

        _FIND.append(find_claims)
    find_claims = _FIND[0]
    invariants = ctx.once("invariants", lambda: load(ctx.settings))

    def compute() -> list:
        seen_text: set[str] = set()
        out = []
        for path in FIELDS:
            text = article.get(*path)
            if not isinstance(text, str) or text in seen_text or len(text) > MAX_PROSE_FIELD:
                continue  # title == question: checked once
            seen_text.add(text)
            out.extend((path, claim) for claim in find_claims(text, invariants))
        return out

    return ctx.for_article("claims", compute)


def check(article: Article, ctx: RuleContext) -> Iterator[Diagnostic]:
    for path, claim in claims_of(article, ctx):
        if claim.agrees:
            continue
        severity = ctx.once("invariant severities", lambda: {
            inv.id: Severity(inv.severity).value for inv in ctx.once("invariants", lambda: load(ctx.settings))})
        start = article.value_offset(path, claim.start)
        end = article.value_offset(path, max(claim.end - 1, claim.start)) + 1
        yield article.diagnostic(
            INFO.code, start, end,
            f"[{claim.invariant_id}] {claim.quote!r} states {claim.value}; the invariant expects "
            f"{claim.expected}", text=claim.quote,
            extra={"invariant": claim.invariant_id, "severity": severity.get(claim.invariant_id, "error")})
