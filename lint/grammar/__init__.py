"""Grammar and spelling of the prose fields (category `grammar`), as a package the rule calls.

How a rule uses it
------------------
1. Once per run, build a backend (slow part: Harper loads its dictionary, LanguageTool connects):

       accepted = load_accepted_words("schemas/dictionary.txt")
       backend = make_backend("harper", accepted=accepted, disabled_rules=settings_list)
       cache = GrammarCache(cache_dir / "grammar")        # or None for no cache

   Build it lazily, only when a grammar code is selected, so `--ignore` of the grammar codes
   leaves the cost out entirely. `make_backend("languagetool", languagetool_url=...)` raises
   GrammarBackendUnavailable when the server (or a local LanguageTool) cannot be reached: report
   it and exit 2. Harper's linter is a process-wide lazy singleton, so building several Harper
   backends is cheap after the first.

2. Per article, pass the prose strings exactly as YAML gives them (title, answer,
   seo.page_description) in one call; cached fields are skipped, identical ones checked once,
   and Harper's lock is taken once:

       per_field = check_cached_many([title, answer, description], backend, cache)

   `per_field[i]` is a list of GrammarIssue for texts[i]. `issue.start`/`issue.end` are 0-based
   offsets into that string (the `\\n` escapes, `**`, `###`, list markers are removed before
   checking, and offsets are mapped back through them). Map them to the file with the article's
   source map for that scalar, e.g. `article.value_offset(("answer",), issue.start)` (and
   `value_offset(path, issue.end - 1) + 1` for the end; tests/grammar/test_harper.py does this). `issue.rule` is the checker's rule name, `issue.flagged` the
   flagged text, `issue.suggestions` the replacements for the flagged span, `issue.kind`
   "spelling" or "grammar". `unambiguous_fix(issue, text)` gives the single safe replacement
   (None when there are several suggestions or the span holds markup): offer it as an unsafe fix.

3. `backend.name` / `backend.version` (the backend_version: harper-py's version, or the
   LanguageTool server's version and build date plus language-tool-python's) say which checker
   produced the findings (for --version or SARIF tool info); both are in the cache key.

Disabled rules: one list may hold names of both checkers (Harper "SpellCheck", LanguageTool
"EN_A_VS_AN"); each backend keeps its own (`harper_backend.known_rules()` lists Harper's).
"""

from __future__ import annotations

from collections.abc import Iterable

from lint.grammar.cache import CacheKey, GrammarCache, check_cached, check_cached_many
from lint.grammar.dictionary import AcceptedWords, load_accepted_words, parse_accepted_words
from lint.grammar.harper_backend import HarperBackend, known_rules
from lint.grammar.issue import (
    GrammarBackend,
    GrammarBackendUnavailable,
    GrammarIssue,
    unambiguous_fix,
)
from lint.grammar.languagetool_backend import (
    URL_ENV_VAR,
    LanguageToolBackend,
    resolve_languagetool_url,
)
from lint.grammar.prose import Prose, to_prose

BACKENDS = ("harper", "languagetool")


def make_backend(
    name: str,
    *,
    accepted: AcceptedWords | None = None,
    disabled_rules: Iterable[str] = (),
    dialect: str = "american",
    language: str = "en-US",
    languagetool_url: str | None = None,
) -> GrammarBackend:
    """Build the backend chosen in the configuration.

    `dialect` is Harper's (american, british, australian, canadian, indian); `language` is
    LanguageTool's language code. `languagetool_url` is the configured server; the environment
    variable QTLINT_LANGUAGETOOL_URL overrides it; with neither, a local LanguageTool is started.
    Raises ValueError for an unknown name or dialect, GrammarBackendUnavailable when
    LanguageTool cannot be reached.
    """
    disabled = tuple(disabled_rules)
    if name == "harper":
        return HarperBackend(accepted, disabled, dialect)
    if name == "languagetool":
        url = resolve_languagetool_url(languagetool_url)
        return LanguageToolBackend(url, language=language, accepted=accepted, disabled_rules=disabled)
    raise ValueError(f"unknown grammar backend {name!r}; expected one of {BACKENDS}")


__all__ = [
    "BACKENDS",
    "URL_ENV_VAR",
    "AcceptedWords",
    "CacheKey",
    "GrammarBackend",
    "GrammarBackendUnavailable",
    "GrammarCache",
    "GrammarIssue",
    "HarperBackend",
    "LanguageToolBackend",
    "Prose",
    "check_cached",
    "check_cached_many",
    "known_rules",
    "load_accepted_words",
    "make_backend",
    "parse_accepted_words",
    "resolve_languagetool_url",
    "to_prose",
    "unambiguous_fix",
]
