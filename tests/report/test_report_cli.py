"""The real `qtlint report` command, end to end: real articles with real defects in a temp
corpus, the CLI writes the HTML, headless Chromium opens it, the filters work."""
from __future__ import annotations

import json
import re

from tests.conftest import run_cli, seed_home, seed_text, write_corpus


def _corpus(tmp_path):
    good = {seed_home(seed_text(k)): seed_text(k).replace("Hereâ€™s", "Here’s") for k in ("001", "002")}
    bad = seed_text("000")  # keeps its mojibake (E001)
    bad = bad.replace("date: 2025-02-06", "date: 2025-02-30")  # S004
    bad = bad.replace("For every three sodium ions pumped out, two potassium ions are pumped in.",
                      "For every two sodium ions pumped out, three potassium ions are pumped in.")  # F001
    return write_corpus(tmp_path / "c", {**good, seed_home(bad): bad})


def test_report_command_html_opens_and_filters(tmp_path, open_report):
    from playwright.sync_api import expect

    root = _corpus(tmp_path)
    proc = run_cli(["report", "-o", "out/report.html", "--no-cache", "--ignore", "G"], root)
    assert proc.returncode == 0, proc.stderr
    opened = open_report(root / "out" / "report.html")
    page = opened.page
    count = page.locator("#qt-count").text_content()
    assert count.startswith("3 findings in 1 article"), count
    page.select_option("#qt-cat", "facts")
    assert page.locator("#qt-list li.finding").count() == 1
    assert "two sodium ions" in page.locator("#qt-list li.finding").first.text_content() or \
        "Na+" in page.locator("#qt-list li.finding").first.text_content()
    page.select_option("#qt-cat", "")
    page.fill("#qt-search", "calendar date")
    expect(page.locator("#qt-count")).to_have_text(re.compile(r"^1 finding in 1 article"))
    assert page.locator("#qt-list li.finding").count() == 1
    facts = page.locator("#facts").text_content()
    assert "na-k-atpase-stoichiometry" in facts or "Na+/K+" in facts
    assert opened.errors == []


def test_report_json_markdown_and_compare(tmp_path):
    root = _corpus(tmp_path)
    proc = run_cli(["report", "--output-format", "json", "-o", "old.json", "--no-cache", "--ignore", "G"], root)
    assert proc.returncode == 0, proc.stderr
    data = json.loads((root / "old.json").read_text())
    assert data["summary"]["articles"] == 3 and data["summary"]["with_errors"] == 1
    codes = sorted(f["code"] for f in data["findings"])
    assert codes == ["E001", "F001", "S004"]
    row = next(r for r in data["facts"] if r["id"] == "na-k-atpase-stoichiometry")
    assert row["disagreeing"] == 1 and row["stating"] == 3
    assert data["corpus"]["dangling"] == [] and data["corpus"]["graph"]
    md = run_cli(["report", "--output-format", "markdown", "-o", "-", "--compare", "old.json",
                  "--no-cache", "--ignore", "G"], root)
    assert md.returncode == 0 and "qtlint report" in md.stdout and "3 articles checked" in md.stdout
    broken = run_cli(["report", "--compare", "pyproject.toml", "--no-cache", "--ignore", "G"], root)
    assert broken.returncode == 2 and "Traceback" not in broken.stderr
