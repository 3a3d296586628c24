"""facts_table: per invariant, articles stating it, agreeing, and each disagreeing article."""
from __future__ import annotations

import json

from lint.facts import facts_table, find_claims

ARTICLES = {
    "biology/right.md": "The Na+/K+ pump moves 3 Na+ out and 2 K+ in. Neurons rest at about -70 mV.",
    "nursing/wrong-pump.md": "The sodium-potassium pump moves 2 Na+ out of the cell and 3 K+ into it.",
    "nursing/wrong-both.md": "Neurons rest at +70 mV.\\n\\nThe pump moves 3 K+ out and 2 Na+ in.",
    "nursing/mixed.md": "Neurons rest at -70 mV. Later we say the resting potential is -7 mV.",
    "biology/silent.md": "Cardiac myocytes rest at -90 mV; threshold is -55 mV.",
}


def _table(invariants):
    items = [(path, find_claims(text, invariants)) for path, text in ARTICLES.items()]
    return facts_table(items, invariants)


def test_counts_per_invariant(invariants):
    table = _table(invariants)
    assert table.articles == 5
    rows = {r.invariant_id: r for r in table.rows}
    pump, rmp, chromosomes = (rows["na-k-atpase-stoichiometry"], rows["neuron-resting-potential"],
                              rows["human-chromosome-number"])
    assert (pump.stated, pump.agree, len(pump.disagreements)) == (3, 1, 2)
    assert (rmp.stated, rmp.agree, len(rmp.disagreements)) == (3, 1, 2)
    assert (chromosomes.stated, chromosomes.agree, chromosomes.disagreements) == (0, 0, ())
    assert [(d.article, d.values) for d in pump.disagreements] == [
        ("nursing/wrong-pump.md", ("2 Na+ out : 3 K+ in",)),
        ("nursing/wrong-both.md", ("2 Na+ in : 3 K+ out",)),
    ]
    # an article with one right and one wrong sentence disagrees, with only the wrong value
    assert [(d.article, d.values) for d in rmp.disagreements] == [
        ("nursing/wrong-both.md", ("+70 mV",)), ("nursing/mixed.md", ("-7 mV",))]


def test_json_is_plain_data(invariants):
    data = _table(invariants).to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["articles"] == 5
    first = data["invariants"][0]
    assert set(first) == {"id", "statement", "expected", "severity", "source", "stated", "agree",
                          "disagree", "disagreements"}
    assert first["expected"] == "3 Na+ out : 2 K+ in (per 1 ATP)"
    assert first["disagreements"][0] == {
        "article": "nursing/wrong-pump.md", "values": ["2 Na+ out : 3 K+ in"],
        "quotes": ["The sodium-potassium pump moves 2 Na+ out of the cell and 3 K+ into it."]}


def test_text_rendering(invariants):
    text = _table(invariants).render_text()
    assert text.startswith("Facts across 5 articles\n")
    assert "na-k-atpase-stoichiometry: For each ATP it hydrolyses" in text
    assert "  stated in 3, agree 1, disagree 2" in text
    assert "    nursing/wrong-pump.md: 2 Na+ out : 3 K+ in" in text
    assert "  expected -70 mV (±10 mV)" in text
    assert "human-chromosome-number" in text and "stated in 0, agree 0, disagree 0" in text


def test_empty_corpus(invariants):
    table = facts_table([], invariants)
    assert table.articles == 0 and all(r.stated == 0 for r in table.rows)
    assert table.render_text().startswith("Facts across 0 articles")
