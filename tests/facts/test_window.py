"""Claims cut from pieces of a field (window.pieces: a few lines around the anchors, each made into
a field of its own) are the claims the whole field gives, at the same offsets."""
from __future__ import annotations

import random

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.facts import extract, find_claims, load_invariants
from lint.facts.window import pieces

from .conftest import HERE, REPO

SHIPPED = REPO / "schemas" / "invariants.yaml"
ROWS = [row["text"] for row in yaml.safe_load((HERE / "sentences.yaml").read_text(encoding="utf-8"))]
# what articles put between the rows: paragraphs, headings, list items and lead-ins, with and
# without the empty line between them
FILLERS = ["The cell keeps working.", "### Function", "## Blood Supply", "1. **Risk Factors**: It varies.",
           "- **The retina**: Small changes matter.", "In summary:", "  - a short item", "2) Another item",
           "", "", "**Bold start** of a line.", "* starred item", "#hashtag line", "   indented line",
           "Key numbers to remember:", "- 3", "4. 46 of them", "\u00a0odd space"]


@pytest.fixture(scope="module")
def engines():
    """Two loads, so that the two ways do not share a passage memo."""
    return load_invariants(SHIPPED), load_invariants(SHIPPED)


def _claims(text, invariants):
    return [(c.invariant_id, c.start, c.end, c.quote, c.value, c.agrees, c.expected)
            for c in find_claims(text, invariants)]


def _whole(text, invariants, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(extract, "_WHOLE", -1)  # no piece is ever small enough: the whole field is cut
        return _claims(text, invariants)


def _article(rng: random.Random, rows: int) -> str:
    lines = [rng.choice(FILLERS) for _ in range(rng.randint(0, 12))]
    for _ in range(rows):
        lines.insert(rng.randint(0, len(lines)), rng.choice(ROWS).replace("\\n", rng.choice(["\\n", "\\n\\n"])))
    return rng.choice(["\\n", "\\n\\n"]).join(lines)


def test_pieces_give_the_claims_of_the_whole_field(engines, monkeypatch):
    pieced, whole = engines
    rng = random.Random(11)
    cut_in_pieces = 0
    for _ in range(400):
        text = _article(rng, rng.randint(1, 3))
        got = _claims(text, pieced)
        assert got == _whole(text, whole, monkeypatch), text
        cut_in_pieces += bool(got) and not _whole_field(text, pieced)
    assert cut_in_pieces > 100  # the test reaches the pieces


def _whole_field(text, invariants) -> bool:
    from lint.facts.anchors import anchors
    from lint.facts.passages import Prepared

    field = Prepared(text)
    spans = sorted(s for inv in invariants for kind in anchors(inv, field) for s in kind)
    found = pieces(text, spans)
    return found is None or sum(b - a for a, b in found) > len(text) * extract._WHOLE


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*FILLERS, *ROWS[:60:3], "3 Na+ out", "2 K+ in", "-70 mV", "46 chromosomes",
                                 " resting potential", "pump", "**", "\\n", "\\n\\n", ":", "1. ", "- ", "### "]),
                max_size=14).map(lambda parts: "\\n".join(parts)))
def test_pieces_on_fragments(engines, text):
    pieced, whole = engines
    old = extract._WHOLE
    extract._WHOLE = -1
    try:
        expected = _claims(text, whole)
    finally:
        extract._WHOLE = old
    assert _claims(text, pieced) == expected, text


LEAD_IN = ("Some background first.\\n\\n### The pump\\n\\nIt is found in every cell.\\n\\n"
           "The pump moves ions as follows:\\n  - **2 Na+ out of the cell**\\n  - **3 K+ into the cell**"
           "\\n\\nIn summary, it matters.")


def test_a_list_item_is_cut_with_its_lead_in(engines, monkeypatch):
    """The anchors are in the items; the passage (and the claim) starts at the lead-in."""
    pieced, whole = engines
    got = _claims(LEAD_IN, pieced)
    assert [c[0] for c in got] == ["na-k-atpase-stoichiometry"] and got[0][5] is False
    assert LEAD_IN[got[0][1]:].startswith("The pump moves ions as follows:")
    assert got == _whole(LEAD_IN, whole, monkeypatch)


def test_a_correct_statement_in_a_piece_agrees(engines, monkeypatch):
    text = LEAD_IN.replace("**2 Na+ out", "**3 Na+ out").replace("**3 K+ into", "**2 K+ into")
    got = _claims(text, engines[0])
    assert len(got) == 1 and got[0][5] is True
    assert got == _whole(text, engines[1], monkeypatch)


def test_no_claim_where_no_subject_is_named(engines):
    text = "Intro.\\n\\n### Numbers\\n\\n- 3 of them went out\\n- 2 came in\\n\\nThe voltage changed."
    assert _claims(text, engines[0]) == []


def test_piece_bounds():
    text = "Intro line.\\n\\n### Head\\n\\nLead in:\\n- 2 Na+ out\\n- 3 K+ in\\n\\nAfter."
    at = text.index("2 Na+")
    (a, b), = pieces(text, [(at, at + 5)])
    # starts at the break before the heading (the walk takes the heading's context), ends with
    # the last item a lead-in may take in
    assert text[a:].startswith("\\n### Head") and text[:b].endswith("- 3 K+ in")
    # an item right after an empty line starts its own walk
    text = "Intro line.\\n\\n1. **A**: one.\\n\\n2. **B**: 3 Na+ out.\\n\\nAfter."
    at = text.index("3 Na+")
    (a, b), = pieces(text, [(at, at + 5)])
    assert text[a:].startswith("\\n2. **B**") and text[:b].endswith("out.")


def test_a_real_newline_or_a_first_line_cuts_the_whole_field():
    assert pieces("3 Na+\nout", [(0, 1)]) is None
    assert pieces("3 Na+ out\\nmore", [(0, 1)]) == [(0, len("3 Na+ out"))]


_PAD = "\\n\\n".join(["Background on the cell and its membrane keeps going here."] * 12)


@pytest.mark.parametrize("text", [
    # the piece ends after the 8 items a lead-in may take; the last item in it is a lead-in whose
    # own items run past the piece (walked whole, the piece cuts that item short: no anchor is in it)
    _PAD + "\\n\\nThe pump moves 3 Na+ out and 2 K+ in per ATP:\\n" + "".join(f"- item {i}\\n" for i in range(7))
    + "- last item:\\n  - more sodium\\n  - more potassium\\n  - more\\n\\n" + _PAD,
    _PAD + "\\n\\nThe pump moves 2 Na+ out and 3 K+ in.\\n- a:\\n  - sodium out\\n  - potassium in\\n\\n" + _PAD
    + "\\n\\nThe resting potential is -70 mV.\\n\\n" + _PAD,
    "### Pump\\nIt moves 3 Na+ out. It moves 2 K+ in. The ratio is 3:2.\\n\\n" + _PAD
    + "\\n\\n### Neuron\\nThe resting potential of a neuron is about +70 mV. It rests at -70 mV.\\n\\n" + _PAD,
])
def test_a_piece_cut_whole_gives_the_claims_of_the_field(engines, monkeypatch, text):
    pieced, whole = engines
    assert not _whole_field(text, pieced)
    got = _claims(text, pieced)
    assert got and got == _whole(text, whole, monkeypatch)
