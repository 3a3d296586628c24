"""Harper through harper-py: the embedded, offline default checker.

Building a `harper.Linter` loads its curated dictionary (about a second), so one linter per
dialect is built lazily and kept for the life of the process. Several `HarperBackend` objects
(different accepted words or disabled rules) share it; each re-applies its own words and rule
configuration only when the linter was last configured for someone else. A `harper.Linter` is
not thread-safe, so every use holds one lock.

Accepted words go through Harper's user-dictionary API (`Linter.import_words`), so Harper does
not flag them with any rule (spelling, split-words, prefixes). As a second net, a finding whose
flagged text is an accepted term is dropped (`AcceptedWords.accepts`), which also covers terms
Harper's tokenizer splits differently from the dictionary line.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterable, Sequence

import harper

from lint.grammar.dictionary import AcceptedWords
from lint.grammar.issue import MAX_SUGGESTIONS, GrammarIssue
from lint.grammar.prose import Prose, to_prose

DIALECTS = {
    "american": harper.Dialect.AMERICAN,
    "british": harper.Dialect.BRITISH,
    "australian": harper.Dialect.AUSTRALIAN,
    "canadian": harper.Dialect.CANADIAN,
    "indian": harper.Dialect.INDIAN,
}

_LOCK = threading.Lock()
_LINTERS: dict[harper.Dialect, harper.Linter] = {}
# What each linter is currently configured with: (dictionary digest, disabled rules).
_CONFIGURED: dict[harper.Dialect, tuple[str, tuple[str, ...]]] = {}


def _linter(dialect: harper.Dialect) -> harper.Linter:
    """The process-wide linter for a dialect, built on first use. Call with _LOCK held."""
    linter = _LINTERS.get(dialect)
    if linter is None:
        linter = _LINTERS[dialect] = harper.Linter(dialect)
    return linter


@functools.cache
def known_rules() -> frozenset[str]:
    """Every Harper rule name (what `disabled_rules` may name)."""
    return frozenset(harper.get_default_lint_config())


class HarperBackend:
    name = "harper"

    def __init__(
        self,
        accepted: AcceptedWords | None = None,
        disabled_rules: Iterable[str] = (),
        dialect: str = "american",
    ) -> None:
        if dialect not in DIALECTS:
            raise ValueError(f"unknown Harper dialect {dialect!r}; expected one of {sorted(DIALECTS)}")
        self.accepted = accepted or AcceptedWords(())
        self.dialect = dialect
        # Names of other backends' rules may share the setting; Harper's own are kept.
        self.disabled_rules = tuple(sorted(set(disabled_rules) & known_rules()))
        self.version = _package_version("harper-py")
        self.dictionary_digest = self.accepted.digest
        self.rule_settings = json.dumps(
            {"dialect": dialect, "disabled_rules": list(self.disabled_rules)}, sort_keys=True
        )

    def _configure(self, linter: harper.Linter, dialect: harper.Dialect) -> None:
        wanted = (self.dictionary_digest, self.disabled_rules)
        if _CONFIGURED.get(dialect) == wanted:
            return
        linter.clear_words()
        linter.import_words(self.accepted.checker_words())
        config: dict[str, bool | None] = {rule: None for rule in known_rules()}  # 0.5 s a call: once
        config.update({rule: False for rule in self.disabled_rules})
        linter.set_lint_config(config)
        _CONFIGURED[dialect] = wanted

    def check(self, text: str) -> list[GrammarIssue]:
        return self.check_many([text])[0]

    def check_many(self, texts: Sequence[str]) -> list[list[GrammarIssue]]:
        """Check several prose fields; one issue list per field.

        Each field is its own Harper document. Joining them into one call would save about half
        a millisecond per field, but Harper's findings in one paragraph can depend on an earlier
        one (a hyphenated word in a title hides a doubled word in the answer), and a field's
        findings must not depend on its neighbours: the cache keys each field on its own text.
        """
        proses = [to_prose(text) for text in texts]
        dialect = DIALECTS[self.dialect]
        with _LOCK:
            linter = _linter(dialect)
            self._configure(linter, dialect)
            organized = [
                linter.organized_lints(prose.plain, language=harper.Language.PLAINTEXT)
                if prose.plain.strip()
                else {}
                for prose in proses
            ]
        return [self._issues(prose, found) for prose, found in zip(proses, organized, strict=True)]

    def _issues(self, prose: Prose, organized: dict[str, list[harper.Lint]]) -> list[GrammarIssue]:
        issues = []
        for rule, lints in organized.items():
            for lint in lints:
                if self.accepted.accepts(lint.problem_text):
                    continue
                start, end = prose.to_source(lint.span.start, lint.span.end)
                issues.append(
                    GrammarIssue(
                        start=start,
                        end=end,
                        rule=rule,
                        message=lint.message,
                        flagged=lint.problem_text,
                        suggestions=_suggestions(lint),
                        kind="spelling" if lint.lint_kind in SPELLING_KINDS else "grammar",
                    )
                )
        return sorted(issues, key=GrammarIssue.sort_key)


# Harper files a misspelling that splits into two words ("sodum" -> "so dum") as a "Typo";
# for a reader both are spelling mistakes.
SPELLING_KINDS = frozenset({"Spelling", "Typo"})


def _suggestions(lint: harper.Lint) -> tuple[str, ...]:
    """Each suggestion as the text that replaces the flagged span."""
    out: dict[str, None] = {}
    for suggestion in lint.suggestions:
        if suggestion.kind == harper.SuggestionKind.REMOVE:
            out[""] = None
        elif suggestion.kind == harper.SuggestionKind.INSERT_AFTER:
            out[lint.problem_text + suggestion.replacement_text] = None
        else:
            out[suggestion.replacement_text] = None
    return tuple(out)[:MAX_SUGGESTIONS]


def _package_version(distribution: str) -> str:
    from importlib.metadata import version  # slow to import; needed once per backend

    return version(distribution)
