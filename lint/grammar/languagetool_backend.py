"""LanguageTool through language-tool-python: a server given by URL, or a local LanguageTool.

The server URL comes from the environment variable QTLINT_LANGUAGETOOL_URL when it is set (so CI
can point at its own server without editing the configuration), else from the configuration;
with neither, language-tool-python starts a local LanguageTool (Java 17 and its download).
When the chosen LanguageTool cannot be reached, GrammarBackendUnavailable is raised: the caller
reports it and exits 2, never skipping the check silently.

Findings are mapped to the same GrammarIssue shape as Harper's: `rule` is LanguageTool's rule id,
`kind` is "spelling" only for its dictionary rules (issueType "misspelling" in category TYPOS;
EN_A_VS_AN is also typed "misspelling" but sits in MISC and is grammar, as Harper's AnA is).
Accepted words cannot be sent to a server for one request, so a finding whose flagged text is
an accepted term is dropped after the check.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence

from lint.grammar.dictionary import AcceptedWords
from lint.grammar.harper_backend import known_rules as harper_rules
from lint.grammar.issue import MAX_SUGGESTIONS, GrammarBackendUnavailable, GrammarIssue
from lint.grammar.prose import to_prose

URL_ENV_VAR = "QTLINT_LANGUAGETOOL_URL"
# Sent once when the backend is built, to learn the server's version (part of the cache key).
_VERSION_PROBE_TEXT = "Test."
_PROBE_TIMEOUT_SECONDS = 10
# language-tool-python takes about a quarter of a second to import: it is imported only when
# this backend is built, so a Harper run never pays for it.
_FAILURES: tuple[type[BaseException], ...] = (OSError, ValueError, RuntimeError)


def resolve_languagetool_url(configured: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """The server URL to use: QTLINT_LANGUAGETOOL_URL if set, else the configured one, else None
    (None means a local LanguageTool)."""
    return environ.get(URL_ENV_VAR, "").strip() or (configured or "").strip() or None


class LanguageToolBackend:
    name = "languagetool"

    def __init__(
        self,
        url: str | None = None,
        *,
        language: str = "en-US",
        accepted: AcceptedWords | None = None,
        disabled_rules: Iterable[str] = (),
    ) -> None:
        """Connect to the server at `url` (None: start a local LanguageTool).

        Raises GrammarBackendUnavailable when it cannot be reached or started.
        """
        self.url = url
        self.language = language
        self.accepted = accepted or AcceptedWords(())
        # One setting may list both checkers' rules; Harper's names mean nothing to LanguageTool.
        self.disabled_rules = tuple(sorted(set(disabled_rules) - harper_rules()))
        where = f"the LanguageTool server at {url}" if url else "a local LanguageTool"
        self._where = where
        import language_tool_python
        from language_tool_python.exceptions import LanguageToolError

        self._failures = (LanguageToolError, *_FAILURES)
        try:
            self._tool = language_tool_python.LanguageTool(language, remote_server=url)
        except self._failures as error:
            hint = "" if url else f" (to use a server instead, set {URL_ENV_VAR})"
            raise GrammarBackendUnavailable(f"{where} is not reachable{hint}: {error}") from error
        self._tool.disabled_rules = set(self.disabled_rules)
        self.version = self._probe_version(where)
        self.dictionary_digest = self.accepted.digest
        self.rule_settings = json.dumps(
            {"language": language, "disabled_rules": list(self.disabled_rules)}, sort_keys=True
        )

    def _probe_version(self, where: str) -> str:
        """The version: LanguageTool's own (from its answer to a probe check) and the client's."""
        import requests  # a dependency of language-tool-python

        check_url = urllib.parse.urljoin(self._tool.url, "check")
        try:
            response = requests.post(
                check_url,
                data={"language": self.language, "text": _VERSION_PROBE_TEXT},
                timeout=_PROBE_TIMEOUT_SECONDS,
            )
            response.raise_for_status()
            software = response.json()["software"]
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise GrammarBackendUnavailable(f"{where} did not answer a check: {error}") from error
        client = _package_version("language-tool-python")
        return (
            f"{software.get('name', 'LanguageTool')} {software.get('version', '?')}"
            f" ({software.get('buildDate', '?')}); language-tool-python {client}"
        )

    def close(self) -> None:
        """Stop the local LanguageTool server, if this backend started one."""
        self._tool.close()

    def check(self, text: str) -> list[GrammarIssue]:
        return self.check_many([text])[0]

    def check_many(self, texts: Sequence[str]) -> list[list[GrammarIssue]]:
        """Check several prose fields, one request each (as Harper, each field is its own
        document, so its findings never depend on its neighbours); one issue list per field."""
        return [self._check_one(text) for text in texts]

    def _check_one(self, text: str) -> list[GrammarIssue]:
        prose = to_prose(text)
        if not prose.plain.strip():
            return []
        try:
            matches = self._tool.check(prose.plain)
        except self._failures as error:
            raise GrammarBackendUnavailable(f"{self._where} failed: {error}") from error
        issues = []
        for match in matches:
            offset = min(max(match.offset, 0), len(prose.plain))  # never trust a server blindly
            flagged = prose.plain[offset : offset + max(match.error_length, 0)]
            if self.accepted.accepts(flagged):
                continue
            start, end = prose.to_source(offset, offset + len(flagged))
            spelling = match.rule_issue_type == "misspelling" and match.category == "TYPOS"
            issues.append(
                GrammarIssue(
                    start=start,
                    end=end,
                    rule=match.rule_id,
                    message=match.message,
                    flagged=flagged,
                    suggestions=tuple(dict.fromkeys(match.replacements))[:MAX_SUGGESTIONS],
                    kind="spelling" if spelling else "grammar",
                )
            )
        return sorted(issues, key=GrammarIssue.sort_key)


def _package_version(distribution: str) -> str:
    from importlib.metadata import version  # slow to import; needed once per backend

    return version(distribution)
