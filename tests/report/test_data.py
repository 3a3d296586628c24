"""The data model: assembling from Diagnostics, the derived counts, the trend, JSON in and out, the graph."""
from __future__ import annotations

import json

import pytest

from lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from lint.report import (
    EXTERNAL,
    SCHEMA,
    ReportFormatError,
    assemble,
    corpus_section,
    describe_fix,
    dumps,
    graph_health,
    loads,
    with_trend,
)
from tests.report.samples import rule_table, sample


def _two_articles():
    return [{"path": "a.md", "title": "A", "subject": "Biology", "id": 1, "url": "/learn/biology/questions/a"},
            {"path": "b.md", "title": "B", "subject": "Nursing", "id": 2, "url": "/learn/nursing/questions/b"}]


def test_assemble_counts_articles_by_their_worst_finding_and_adds_unparsed_files() -> None:
    diags = [Diagnostic("a.md", 3, 1, "S002", "unknown field", Severity.WARNING),
             Diagnostic("a.md", 2, 1, "U001", "url", fix=Fix((Edit(0, 1, "x"),))),
             Diagnostic("broken.md", 1, 1, "P005", "bad yaml")]
    data = assemble(articles=_two_articles(), diagnostics=diags, rules=rule_table(), generated_at="t")
    s = data["summary"]
    assert data["schema"] == SCHEMA
    assert [a["path"] for a in data["articles"]] == ["a.md", "b.md", "broken.md"]
    assert data["articles"][2]["title"] is None
    assert (s["articles"], s["with_errors"], s["with_warnings"], s["clean"]) == (3, 2, 0, 1)
    assert (s["findings"], s["fixable"]) == (3, 1)
    assert s["by_category"] == {"parse": 1, "schema": 1, "slug": 1}
    assert s["by_severity"] == {"error": 2, "warning": 1, "info": 0}
    assert s["by_subject"]["Biology"] == {"articles": 1, "with_errors": 1, "with_warnings": 0, "with_info": 0,
                                          "findings": 2}
    assert s["by_subject"]["(no subject)"]["with_errors"] == 1
    assert [f["line"] for f in data["findings"]] == [2, 3, 1]  # sorted by article, then line
    assert set(data["rules"]) == {"S002", "U001", "P005"}


def test_a_warning_only_article_counts_as_with_warnings() -> None:
    diags = [Diagnostic("b.md", 3, 1, "S002", "unknown", Severity.WARNING)]
    s = assemble(articles=_two_articles(), diagnostics=diags, rules=rule_table())["summary"]
    assert (s["with_errors"], s["with_warnings"], s["clean"]) == (0, 1, 1)


def test_describe_fix_uses_the_message_else_the_edit() -> None:
    assert describe_fix(Fix((Edit(0, 1, "x"),), message="Repair the mojibake")) == "Repair the mojibake"
    assert describe_fix(Fix((Edit(0, 1, "/learn/x"),))) == "Replace with \u201c/learn/x\u201d"
    assert describe_fix(Fix((Edit(0, 4, ""),))) == "Delete the flagged text"
    assert describe_fix(Fix((Edit(0, 1, "a"), Edit(5, 6, "b")), Applicability.UNSAFE)) == "Apply 2 edits"
    assert describe_fix(Fix((Edit(0, 1, "y" * 200),))).endswith("...\u201d")


def test_json_round_trip_and_trend_against_an_older_report() -> None:
    now = sample()
    old = json.loads(dumps(now))
    old["generated_at"] = "2025-01-01T00:00:00Z"
    old["summary"]["findings"] = 20
    old["summary"]["by_rule"] = {"E001": 5, "X999": 2}
    old["summary"]["by_category"] = {"encoding": 5, "qtlint": 2}
    old["rules"]["X999"] = {"code": "X999", "name": "retired", "category": "qtlint", "severity": "error",
                            "fixable": False, "summary": ""}
    data = with_trend(now, loads(json.dumps(old)))
    t = data["trend"]
    assert t["previous_generated_at"] == "2025-01-01T00:00:00Z"
    assert t["summary"]["findings"] == [20, now["summary"]["findings"]]
    assert t["by_rule"]["E001"] == [5, 1] and t["by_rule"]["X999"] == [2, 0] and t["by_rule"]["F001"] == [0, 2]
    assert t["by_category"]["encoding"] == [5, 1]
    assert data["rules"]["X999"]["name"] == "retired" and "X999" not in now["rules"]
    assert loads(dumps(data))["trend"] == json.loads(json.dumps(t))


@pytest.mark.parametrize("text", ["[]", "{}", '{"schema": "qtlint-report/0"}', "not json",
                                  '{"schema": "qtlint-report/1", "summary": {}}'])
def test_loads_refuses_what_is_not_a_report(text: str) -> None:
    with pytest.raises(ReportFormatError):
        loads(text)


def test_graph_health_counts_orphans_components_and_reciprocal_links() -> None:
    # 0 <-> 1, 2 -> 0, 3 -> (dangling), 4 -> 4 (self), 5 -> a published article elsewhere, 6 alone
    links = [(0, 1), (1, 0), (2, 0), (3, None), (4, 4), (5, EXTERNAL)]
    health, orphans = graph_health(7, links, stale=1)
    assert orphans == [2, 3, 4, 5, 6]
    assert health == {"articles": 7, "links": 6, "resolved": 5, "dangling": 1, "external": 1, "stale": 1,
                      "orphans": 5, "without_links": 1, "isolated": 1, "components": 5,
                      "largest_component": 3, "mean_links": 0.86, "reciprocal": 2}


def test_corpus_section_keeps_only_real_duplicates() -> None:
    c = corpus_section(3, [(0, 1)], duplicate_ids={7: [0, 2], 8: [1], 9: [1, 1]}, duplicate_urls={"/u": [2, 0, 1]})
    assert c["duplicate_ids"] == [{"value": "7", "articles": [0, 2]}]
    assert c["duplicate_urls"] == [{"value": "/u", "articles": [0, 1, 2]}]
    assert c["orphans"] == [0, 2]


def test_graph_health_handles_a_200k_article_chain_without_recursion() -> None:
    n = 200_000
    health, orphans = graph_health(n, [(i, i + 1) for i in range(n - 1)])
    assert orphans == [0]
    assert (health["components"], health["largest_component"], health["without_links"]) == (1, n, 1)
