"""The Markdown summary for a pull-request comment or a CI job summary."""
from __future__ import annotations

import json

from lint.report import dumps, loads, render_markdown, with_trend
from lint.report.markdown import md
from tests.report.samples import EVIL_TITLE, sample, synthetic


def test_summary_has_the_headline_categories_corpus_and_facts() -> None:
    data = sample()
    text = render_markdown(data)
    assert text.startswith("## \u274c qtlint report\n")
    assert "**11 articles checked** \u00b7 7 with errors \u00b7 2 with warnings \u00b7 1 clean \u00b7 13 findings, 4 fixable" in text
    assert "| schema | 3 |" in text
    assert f"| `F001` | {data['rules']['F001']['name']} | 2 |" in text  # the name comes from the registry
    assert "- related links: 11 (10 resolve, 1 dangling, 1 stale)" in text
    assert "| The Na+/K+ pump moves 3 Na+ out and 2 K+ in per ATP. | 3 | 2 | 1 |" in text
    assert "line 17: states 2 Na+ out : 3 K+ in" in text


def test_untrusted_titles_cannot_inject_html_or_markdown() -> None:
    text = render_markdown(sample())
    assert EVIL_TITLE not in text and "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;window.\\_\\_pwned = 1&lt;/script&gt;" in text
    assert md("a | b [x](http://e) *c* `d`\nnext") == "a \\| b \\[x\\](http://e) \\*c\\* \\`d\\` next"


def test_trend_shows_signed_deltas() -> None:
    now = sample()
    old = json.loads(dumps(now))
    old["summary"]["with_errors"] = 9
    old["summary"]["by_category"]["schema"] = 1
    text = render_markdown(with_trend(now, loads(json.dumps(old))))
    assert "7 with errors (\u22122)" in text and "| schema | 3 (+2) |" in text


def test_a_clean_run_says_so_and_a_large_one_stays_short() -> None:
    data = sample()
    clean = {**data, "findings": [], "facts": [], "corpus": None,
             "summary": {**data["summary"], "with_errors": 0, "with_warnings": 0, "findings": 0,
                         "by_category": {}, "by_rule": {}}}
    assert render_markdown(clean).startswith("## \u2705 qtlint report")
    assert len(render_markdown(synthetic(10_000))) < 12_000
