"""Texts at the edges of the shortcuts that decide where a claim may be (lint/facts/anchors.py):
each gives the claims the reference engine gives (tests/facts/reference), and the claim or the
silence written here."""
from __future__ import annotations

import pytest

from lint.facts import find_claims, load_invariants

from . import reference
from .conftest import REPO

SHIPPED = REPO / "schemas" / "invariants.yaml"

# (text, the claims' values; an empty list: no claim)
CASES = [
    # a count of the optional part (ATP) makes a sentence of directions a claim with a carried subject
    ("The Na+/K+ pump is vital. It moves Na+ out and K+ in for each 1 ATP.", ["Na+ out : K+ in : 1 ATP"]),
    ("The pump is vital. It moves Na+ out of the cell and K+ into the cell, using 1 ATP.",
     ["Na+ out : K+ in : 1 ATP"]),
    ("The pump is vital. It moves Na+ out of the cell and K+ into the cell.", []),
    ("ATP is used: 1 ATP per cycle, and the cell is 2 ATP short.", []),
    # a bare "N-to-M" ratio, with no ratio word in the field
    ("The sodium pump is vital. It has a 3-to-2 exchange of Na+ and K+.", ["3 Na+ : 2 K+"]),
    ("The sodium pump is vital. It exchanges Na+ and K+ at 2-to-3.", ["2 Na+ : 3 K+"]),
    ("The sodium pump is vital. Its exchange of Na+ and K+ is 3 to 2 overall.", []),
    # the subject gate: a value with no subject in the field is no claim ...
    ("A neuron sits at -70 mV.", []),
    ("Each somatic cell has 47 chromosomes.", []),
    ("It moves 3 Na+ out and 2 K+ in.", []),
    # ... but a subject in the sentence before (carried) or in a heading is enough
    ("The resting potential matters. In neurons it is -70 mV.", ["-70 mV"]),
    ("### Resting potential\\n\\nIn neurons it is +70 mV.", ["+70 mV"]),
    ("In humans, each somatic cell has 23 pairs; a gamete has 23 chromosomes.", ["23 pairs"]),
    ("The sodium-potassium pump: it moves 2 Na+ out and 3 K+ in.", ["2 Na+ out : 3 K+ in"]),
]


@pytest.fixture(scope="module")
def engines():
    return load_invariants(SHIPPED), reference.load_invariants(SHIPPED)


@pytest.mark.parametrize("text, values", CASES)
def test_claims_at_the_edges(engines, text, values):
    new, old = engines
    found = [(c.invariant_id, c.start, c.end, c.value, c.agrees) for c in find_claims(text, new)]
    assert found == [(c.invariant_id, c.start, c.end, c.value, c.agrees)
                     for c in reference.find_claims(text, old)]
    assert [value for _, _, _, value, _ in found] == values
