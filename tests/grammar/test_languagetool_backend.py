"""The LanguageTool backend against recorded answers of real LanguageTool servers.

No LanguageTool server is reachable here, so a tiny HTTP server on 127.0.0.1 answers the real
`language_tool_python` client with the answers recorded in tests/fixtures/languagetool/ (their
sources, and what in them was abridged or reconstructed, are in that directory's README.md and
request files). The `/v2/languages` answer the client asks for first was written for these tests.
The last test runs against a live server when QTLINT_LANGUAGETOOL_URL is set.
"""

from __future__ import annotations

import json
import os
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from lint.grammar import (
    URL_ENV_VAR,
    GrammarBackendUnavailable,
    LanguageToolBackend,
    make_backend,
    parse_accepted_words,
    resolve_languagetool_url,
    unambiguous_fix,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "languagetool"
RECORDINGS = sorted(p.name.removesuffix(".request.json") for p in FIXTURES.glob("*.request.json"))


def load(name: str) -> tuple[dict, bytes]:
    request = json.loads((FIXTURES / f"{name}.request.json").read_text(encoding="utf-8"))
    return request, (FIXTURES / f"{name}.response.json").read_bytes()


class RecordedLanguageTool(ThreadingHTTPServer):
    """Answers /v2/check for each recorded text with its recorded answer; records each request."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answers = {load(name)[0]["text"]: load(name)[1] for name in RECORDINGS}
        self.checks: list[dict[str, str]] = []
        self.fail_checks = False

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: RecordedLanguageTool

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if urllib.parse.urlparse(self.path).path == "/v2/languages":
            self._send(200, (FIXTURES / "languages.json").read_bytes())
        else:
            self._send(404, b"Not found", "text/plain")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode()).items()}
        if urllib.parse.urlparse(self.path).path != "/v2/check":
            self._send(404, b"Not found", "text/plain")
            return
        self.server.checks.append(form)
        answer = self.server.answers.get(form.get("text", ""))
        if self.server.fail_checks:
            self._send(500, b"Error: Internal Error: the server is overloaded", "text/plain")
        elif answer is None:
            self._send(400, b"Error: no recording for this text", "text/plain")
        else:
            self._send(200, answer)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server():
    httpd = RecordedLanguageTool()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("name", [n for n in RECORDINGS if n != "yalafi-lt4.7-no-matches"])
def test_recorded_matches_become_issues_at_their_offsets(server, name):
    request, response = load(name)
    backend = LanguageToolBackend(server.url, language=request["language"])
    issues = backend.check(request["text"])
    matches = json.loads(response)["matches"]
    assert len(issues) == len(matches)
    for issue, match in zip(issues, sorted(matches, key=lambda m: (m["offset"], m["length"])), strict=True):
        assert (issue.start, issue.end) == (match["offset"], match["offset"] + match["length"])
        assert issue.rule == match["rule"]["id"]
        assert issue.message == match["message"]
        assert issue.flagged == request["text"][issue.start : issue.end]
        assert issue.suggestions == tuple(r["value"] for r in match["replacements"])[:5]
    assert server.checks[-1] == {"language": request["language"], "text": request["text"]}


def test_kinds_are_classified_as_for_harper(server):
    texts = {name: load(name)[0]["text"] for name in RECORDINGS}
    backend = LanguageToolBackend(server.url)
    kinds = {
        (i.rule, i.flagged): i.kind
        for name in (
            "yalafi-lt4.7-this-is-a-testx",
            "sider-lt4.8-demo-text-an-few",
            "magnobiet-lt4.6-a-simple-test",
            "languagetoolplus-6.4.12-editor-demo",
        )
        for i in backend.check(texts[name])
    }
    assert kinds == {
        ("MORFOLOGIK_RULE_EN_GB", "testx"): "spelling",
        ("EN_A_VS_AN", "an"): "grammar",  # typed "misspelling" by LanguageTool, but in MISC
        ("UPPERCASE_SENTENCE_START", "a"): "grammar",
        ("AI_HYDRA_LEO_CP_YOU_YOUR", "you"): "grammar",
        ("MORFOLOGIK_RULE_EN_US", "intant"): "spelling",
        ("TO_NON_BASE", "got"): "grammar",
        ("MORFOLOGIK_RULE_EN_US", "editr"): "spelling",
    }


def test_offsets_map_back_through_markdown(server):
    """The client sends the plain text; the issues point into the Markdown source."""
    backend = LanguageToolBackend(server.url)
    source = "This is a *testx*."
    (issue,) = backend.check(source)
    assert source[issue.start : issue.end] == "testx"
    assert server.checks[-1]["text"] == "This is a testx."
    source = "a **simple** test"
    (issue,) = backend.check(source)
    assert (issue.start, issue.end, issue.flagged) == (0, 1, "a")
    assert unambiguous_fix(issue, source) == "A"


def test_version_comes_from_the_server_answer(server):
    backend = LanguageToolBackend(server.url)
    assert backend.version.startswith("LanguageTool 4.7 (2019-09-28 10:09); language-tool-python ")
    assert server.checks[0]["text"] == "Test."  # the version probe


def test_accepted_words_and_disabled_rules(server):
    backend = LanguageToolBackend(
        server.url,
        accepted=parse_accepted_words("testx\n"),
        disabled_rules=["EN_A_VS_AN", "WHITESPACE_RULE", "AnA"],  # AnA is Harper's: not sent
    )
    assert backend.check("This is a testx.") == []
    assert server.checks[-1]["disabledRules"].split(",") in (
        ["EN_A_VS_AN", "WHITESPACE_RULE"],
        ["WHITESPACE_RULE", "EN_A_VS_AN"],
    )
    assert backend.rule_settings != LanguageToolBackend(server.url).rule_settings


def test_unreachable_server_is_an_error_not_a_skip(server):
    closed = server.url
    server.shutdown()
    server.server_close()
    with pytest.raises(GrammarBackendUnavailable, match="not reachable"):
        LanguageToolBackend(closed)


def test_a_server_that_fails_mid_run_is_an_error(server):
    backend = LanguageToolBackend(server.url)
    server.fail_checks = True
    with pytest.raises(GrammarBackendUnavailable, match="failed"):
        backend.check("This is a testx.")


def test_a_server_that_is_not_languagetool_is_an_error(server):
    server.answers["Test."] = b"<html>a proxy login page</html>"
    with pytest.raises(GrammarBackendUnavailable, match="did not answer"):
        LanguageToolBackend(server.url)


def test_url_from_environment_overrides_configuration(server, monkeypatch):
    assert (
        resolve_languagetool_url("http://configured:8081", {URL_ENV_VAR: "http://env:8081"})
        == "http://env:8081"
    )
    assert resolve_languagetool_url("http://configured:8081", {URL_ENV_VAR: " "}) == "http://configured:8081"
    assert resolve_languagetool_url(None, {}) is None
    monkeypatch.setenv(URL_ENV_VAR, server.url)
    backend = make_backend("languagetool", languagetool_url="http://127.0.0.1:9/never-used")
    assert backend.name == "languagetool" and backend.url == server.url
    with pytest.raises(ValueError):
        make_backend("grammarly")


@pytest.mark.skipif(
    not os.environ.get(URL_ENV_VAR), reason=f"{URL_ENV_VAR} is not set: no live LanguageTool server"
)
def test_live_server():
    backend = make_backend("languagetool")
    assert backend.version.startswith("LanguageTool ")
    source = (
        r"1. **Transport**: The pump moves the the ions.\n2. It is an pump.\n3. The pump moves potasium ions."
    )
    found = {(i.flagged, i.kind) for i in backend.check(source)}
    assert ("the the", "grammar") in found
    assert ("an", "grammar") in found
    assert ("potasium", "spelling") in found
    for issue in backend.check(source):
        assert source[issue.start : issue.end] == issue.flagged
