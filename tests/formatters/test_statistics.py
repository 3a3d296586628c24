"""`--statistics`: counts per rule in ruff's layout (count, code, [*] fixable marker, rule name)."""

from __future__ import annotations

import json

from lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from lint.formatters import statistics
from tests.formatters.samples import RULES


def render(sample, diagnostics=None, json_variant=False) -> str:
    function = statistics.render_json if json_variant else statistics.render
    return function(
        sample.diagnostics if diagnostics is None else diagnostics,
        RULES,
        tool_version="1",
        root=sample.root,
        sources=sample.sources,
        checked_paths=sample.checked_paths,
    )


def test_text_has_one_line_per_rule_most_frequent_first(sample):
    lines = render(sample).splitlines()
    rows = [line.split("\t") for line in lines]
    assert [row[1].strip() for row in rows] == ["E001", "G001", "R001", "S002"]
    assert [int(row[0]) for row in rows] == [2, 2, 1, 1]
    assert rows[0][2] == "[*] mojibake"
    assert rows[1][2] == "[ ] grammar"
    # R001's only fix is unsafe, so plain --fix cannot repair it
    assert rows[2][2] == "[ ] related-link-target"


def test_columns_are_aligned_like_ruff(sample):
    many = sample.diagnostics + [
        Diagnostic("a.md", i + 1, 1, "S002", "wrong type", Severity.WARNING) for i in range(10)
    ]
    many.append(Diagnostic("a.md", 1, 1, "S0001", "a longer code", Severity.WARNING))
    lines = render(sample, many).splitlines()
    assert lines[0] == "11\tS002 \t[ ] schema-type"
    assert (
        lines[-1] == " 1\tS0001\t[ ] a longer code"
    )  # no metadata: the first message stands in for the name


def test_json_variant_uses_ruffs_fields(sample):
    rows = json.loads(render(sample, json_variant=True))
    assert rows[0] == {"code": "E001", "name": "mojibake", "count": 2, "fixable": True, "fixable_count": 2}
    assert {row["code"]: row["count"] for row in rows} == {"E001": 2, "G001": 2, "R001": 1, "S002": 1}
    assert sum(row["count"] for row in rows) == len(sample.diagnostics)


def test_partly_fixable_rule_counts_only_safe_fixes(sample):
    safe = Fix((Edit(0, 1, "x"),), Applicability.SAFE)
    diagnostics = [Diagnostic("a.md", 1, 1, "E001", "m", fix=safe), Diagnostic("a.md", 2, 1, "E001", "m")]
    (row,) = json.loads(render(sample, diagnostics, json_variant=True))
    assert (row["count"], row["fixable"], row["fixable_count"]) == (2, True, 1)


def test_no_findings(sample):
    assert render(sample, []) == ""
    assert json.loads(render(sample, [], json_variant=True)) == []
