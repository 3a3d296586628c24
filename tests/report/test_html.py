"""The HTML page without a browser: self-contained, escaped, CSP-locked, compact data blob."""
from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re

import pytest

from lint.report import render_html
from lint.report.html import COMPRESS_ABOVE, findings_blob, script_json
from tests.report.samples import EVIL_TITLE, sample, synthetic


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(sample())


def _blob(page: str) -> dict:
    m = re.search(r'<script type="application/(json|octet-stream)" id="qt-data"[^>]*>(.*?)</script>', page, re.DOTALL)
    assert m
    text = m.group(2)
    if m.group(1) == "octet-stream":
        text = gzip.decompress(base64.b64decode(text)).decode("utf-8")
    return json.loads(text)


def test_untrusted_text_never_becomes_markup(page: str) -> None:
    assert EVIL_TITLE not in page
    assert "<img src=x" not in page and '<b onclick="x()">' not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page  # the facts/corpus tables escape it
    # only our two script elements: the data blob and the program
    assert len(re.findall(r"<script\b", page)) == 2
    assert "</script>" not in _raw_blob(page)


def _raw_blob(page: str) -> str:
    start = page.index('id="qt-data"')
    return page[page.index(">", start) + 1: page.index("</script>", start)]


def test_the_blob_carries_every_finding_and_decodes_to_the_original_text(page: str) -> None:
    data = sample()
    blob = _blob(page)
    assert len(blob["findings"]) == len(data["findings"])
    titles = {a[1] for a in blob["articles"]}
    assert EVIL_TITLE in titles
    assert blob == json.loads(json.dumps(findings_blob(data)))


def test_script_json_cannot_close_its_element() -> None:
    text = script_json({"t": "</script><!-- \u2028 & >"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!-- \u2028 & >"}


def test_no_request_can_leave_the_page(page: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page, re.IGNORECASE)
    assert "@import" not in page and "url(" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    program = page[page.rindex("<script>") + 8: page.rindex("</script>")]
    digest = base64.b64encode(hashlib.sha256(program.encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in csp  # the script's hash matches, so it (and only it) runs


def test_static_sections_show_the_corpus_and_the_facts(page: str) -> None:
    assert 'id="glance"' in page and 'id="corpus"' in page and 'id="facts"' in page
    assert "The Na+/K+ pump moves 3 Na+ out and 2 K+ in per ATP." in page
    assert "2 Na+ out : 3 K+ in" in page  # a disagreeing article's value
    assert "no article has id 170608" in page
    assert page.count('data-filter="cat"') == len(sample()["summary"]["by_category"])


def test_a_10000_article_report_is_small_and_compressed() -> None:
    data = synthetic(10_000)
    page = render_html(data)
    size = len(page.encode("utf-8"))
    assert len(json.dumps(findings_blob(data))) > COMPRESS_ABOVE
    assert 'data-encoding="gzip-base64"' in page
    assert len(_blob(page)["findings"]) == len(data["findings"]) > 15_000
    assert size < 1_500_000, size


def test_long_corpus_lists_are_cut_and_say_how_many_more() -> None:
    data = synthetic(10_000)
    orphans = len(data["corpus"]["orphans"])
    assert orphans > 200
    page = render_html(data)
    assert f"and {orphans - 200:,} more" in page


def test_a_report_without_corpus_facts_or_findings_still_renders() -> None:
    data = sample()
    bare = {**data, "corpus": None, "facts": [], "findings": [], "trend": None}
    page = render_html(bare)
    assert "The cross-article rules were not run." in page and "No facts were checked." in page
    assert _blob(page)["findings"] == []
