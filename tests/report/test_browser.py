"""The HTML report in a real headless Chromium: no console errors, working filters and search,
escaped article text, the README screenshot, and a 10,000-article report that opens fast."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture says so: a skip, or a failure in CI
    expect = None

from lint.report import assemble, render_html
from tests.report.samples import EVIL_TITLE, rule_table, sample, sample_with_trend, synthetic

REPO = Path(__file__).resolve().parents[2]
SCREENSHOT = REPO / "docs" / "report.png"


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(sample()), encoding="utf-8")
    return path


def rows(page) -> int:
    return page.locator("#qt-list li.finding").count()


def count_line(page) -> str:
    return page.locator("#qt-count").inner_text()


def test_opens_without_console_errors_and_shows_every_finding(open_report, sample_file: Path) -> None:
    opened = open_report(sample_file)
    page = opened.page
    assert page.evaluate("document.body.dataset.ready") == "1"
    assert rows(page) == len(sample()["findings"]) == 13
    assert count_line(page) == "13 findings in 10 articles"  # the 11th article is clean
    assert page.locator("#qt-list article.art").count() == 10
    assert page.locator("svg.chart").count() == 3
    assert opened.errors == []


def test_filters_narrow_the_rows(open_report, sample_file: Path) -> None:
    opened = open_report(sample_file)
    page = opened.page
    page.click('.sevs button[data-sev="warning"]')
    assert rows(page) == 3 and count_line(page).startswith("3 findings in 3 articles")
    assert page.locator("#qt-list li.finding.error").count() == 0
    page.click('.sevs button[data-sev=""]')
    page.select_option("#qt-cat", "facts")
    assert rows(page) == 2
    page.select_option("#qt-cat", "")
    page.select_option("#qt-subject", "Chemistry")
    assert rows(page) == 2
    page.click("#qt-reset")
    page.click('svg.chart g[data-filter="rule"][data-value="R001"]')  # a bar of the rule chart
    assert rows(page) == 1 and page.locator("#qt-rule").input_value() == "R001"
    assert "rule=R001" in page.evaluate("location.hash")
    page.click("#qt-reset")
    page.locator("#qt-list button.code", has_text="G001").first.click()  # a finding's code filters too
    assert rows(page) == 2
    assert opened.errors == []


def test_search_box_matches_messages_titles_and_paths(open_report, sample_file: Path) -> None:
    opened = open_report(sample_file)
    page = opened.page
    page.fill("#qt-search", "sodium")  # in titles of two articles
    expect(page.locator("#qt-count")).to_have_text(re.compile(r"^3 findings in 2 articles"))
    assert rows(page) == 3
    page.fill("#qt-search", "chemistry/ lowercase")  # every term must match
    expect(page.locator("#qt-count")).to_have_text(re.compile(r"^1 finding in 1 article"))
    assert rows(page) == 1
    page.fill("#qt-search", "no such text anywhere")
    expect(page.locator("#qt-count")).to_have_text(re.compile(r"^0 findings"))
    assert page.locator("#qt-list p.empty").inner_text() == "No finding matches these filters."
    assert opened.errors == []


def test_script_in_a_title_is_shown_as_text_and_never_runs(open_report, sample_file: Path) -> None:
    opened = open_report(sample_file)
    page = opened.page
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#qt-list article.art h3", has_text="Evil & co").inner_text() == EVIL_TITLE
    assert page.locator("#qt-list img, #qt-list script, main img").count() == 0
    assert page.locator("#corpus a.jump", has_text="Evil & co").inner_text() == EVIL_TITLE
    assert opened.errors == []


def test_a_corpus_link_jumps_to_that_articles_findings(open_report, sample_file: Path) -> None:
    opened = open_report(sample_file)
    page = opened.page
    page.locator("#corpus a.jump", has_text="sodium-potassium pump in action potential recovery").first.click()
    expect(page.locator("#qt-count")).to_have_text(re.compile(r"^2 findings in 1 article "))
    assert rows(page) == 2
    assert opened.errors == []


def test_screenshot_for_the_readme(open_report, tmp_path: Path) -> None:
    """The sample with a trend; written to docs/report.png when UPDATE_SCREENSHOT=1, else to a temporary file."""
    path = tmp_path / "trend.html"
    path.write_text(render_html(sample_with_trend()), encoding="utf-8")
    opened = open_report(path, width=1280, height=900)
    assert opened.page.locator(".trend tbody tr").count() > 0
    target = SCREENSHOT if os.environ.get("UPDATE_SCREENSHOT") == "1" else tmp_path / "report.png"
    opened.page.screenshot(path=str(target), full_page=True)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert opened.errors == []


def test_10000_articles_open_fast_and_filter_smoothly(open_report, tmp_path: Path) -> None:
    data = synthetic(10_000)
    path = tmp_path / "big.html"
    path.write_text(render_html(data), encoding="utf-8")
    size = path.stat().st_size
    opened = open_report(path)
    page = opened.page
    ready_ms = page.evaluate("window.__qtReadyMs")  # navigation start -> first page of findings drawn
    nodes = page.evaluate("document.getElementsByTagName('*').length")
    page.select_option("#qt-rule", "R001")
    filter_ms = page.evaluate("window.__qtApplyMs")
    shown = rows(page)
    page.select_option("#qt-rule", "")
    page.fill("#qt-search", "mojibake")
    expected = data["summary"]["by_rule"]["E001"]  # "mojibake" is E001's name and nothing else's
    expect(page.locator("#qt-count")).to_have_text(re.compile(rf"^{expected:,} findings in "))
    search_ms = page.evaluate("window.__qtApplyMs")
    print(f"\n10,000-article report: {size / 1024:.0f} KiB, {len(data['findings']):,} findings, "
          f"ready in {ready_ms:.0f} ms, {nodes:,} DOM nodes, filter + re-render {filter_ms:.1f} ms, "
          f"after a search {search_ms:.1f} ms")
    assert ready_ms < 5000
    assert size < 1_500_000
    assert nodes < 15_000  # one page of articles, not 20k rows
    assert 0 < shown <= data["summary"]["by_rule"]["R001"]
    assert opened.errors == []


def test_filters_in_the_fragment_are_restored_on_open(open_report, tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text(render_html(sample()), encoding="utf-8")
    opened = open_report(path)
    page = opened.page
    page.goto(path.resolve().as_uri() + "#sev=error&subject=Physiology")
    page.reload()
    page.wait_for_selector("body[data-ready]")
    assert rows(page) == 2 and count_line(page).startswith("2 findings in 1 article ")
    assert page.locator("#qt-subject").input_value() == "Physiology"
    assert page.locator('.sevs button[aria-pressed="true"]').inner_text().startswith("errors")
    assert opened.errors == []


def test_a_clean_corpus_says_so(open_report, tmp_path: Path) -> None:
    data = sample()
    clean = assemble(articles=data["articles"][:3], diagnostics=[], rules=rule_table(), generated_at="t")
    path = tmp_path / "clean.html"
    path.write_text(render_html(clean), encoding="utf-8")
    opened = open_report(path)
    assert opened.page.locator("#qt-list p.empty").inner_text() == "No findings: every article is clean."
    assert count_line(opened.page) == "0 findings in 0 articles"
    assert opened.errors == []
