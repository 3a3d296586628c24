"""The sentence table (tests/facts/sentences.yaml), one parametrised test per row, and the
precision/recall it gives, which docs/facts.md must report."""
from __future__ import annotations

import re

import pytest

from lint.facts import find_claims

from .conftest import REPO, outcome, table_rows

ROWS = table_rows()
OUTCOMES = {"violates", "agrees", "none", "ok"}


def _row_id(index: int, row: dict) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", row["text"].lower())[:40].strip("-")
    return f"{index:03d}-{words}"


def test_the_table_is_big_enough_and_well_formed(invariants):
    ids = {inv.id for inv in invariants}
    flagged = [r for r in ROWS if "violates" in r["expect"].values()]
    assert len(flagged) >= 40
    assert len(ROWS) - len(flagged) >= 40
    for row in ROWS:
        assert isinstance(row["text"], str) and row["text"].strip()
        assert set(row["expect"]) <= ids, row
        assert set(row["expect"].values()) <= OUTCOMES, row


@pytest.mark.parametrize("row", ROWS, ids=[_row_id(i, r) for i, r in enumerate(ROWS)])
def test_row(row, invariants):
    claims = find_claims(row["text"], invariants)
    for inv in invariants:
        expected = row["expect"].get(inv.id, "none")
        got = outcome(claims, inv.id)
        details = [(c.invariant_id, c.value, c.agrees) for c in claims]
        if expected == "ok":
            assert got in ("agrees", "none"), details
        else:
            assert got == expected, details


def _scores(invariants) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for row in ROWS:
        claims = find_claims(row["text"], invariants)
        for inv in invariants:
            flagged = outcome(claims, inv.id) == "violates"
            should = row["expect"].get(inv.id) == "violates"
            tp += flagged and should
            fp += flagged and not should
            fn += should and not flagged
    return tp, fp, fn


def test_precision_and_recall(invariants):
    tp, fp, fn = _scores(invariants)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert tp >= 40
    assert precision == 1.0, f"precision {precision:.3f}: {fp} false alarms"
    assert recall == 1.0, f"recall {recall:.3f}: {fn} missed"


def test_docs_report_the_measured_scores(invariants):
    tp, fp, fn = _scores(invariants)
    doc = (REPO / "docs" / "facts.md").read_text(encoding="utf-8")
    line = next(x for x in doc.splitlines() if x.startswith("| whole table, current engine |"))
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert cells[1] == str(len(ROWS))
    assert cells[2] == f"**{tp / (tp + fp):.2f}** ({tp}/{tp + fp})"
    assert cells[3] == f"**{tp / (tp + fn):.2f}** ({tp}/{tp + fn})"
