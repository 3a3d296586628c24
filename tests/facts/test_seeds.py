"""The three seed articles state both facts correctly: claims that agree, and no violation."""
from __future__ import annotations

import pytest
import yaml

from lint.facts import find_claims

from .conftest import REPO

SEEDS = sorted((REPO / "tests" / "fixtures" / "seeds").glob("*.txt"))
FIELDS = ("title", "question", "answer", "seo.page_description")


def _front_matter(path) -> dict:
    return next(yaml.safe_load_all(path.read_text(encoding="utf-8")))


def _fields(data: dict):
    for name in FIELDS:
        value = data
        for key in name.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        yield name, value


def _claims(path, invariants):
    return [(name, claim) for name, text in _fields(_front_matter(path))
            for claim in find_claims(text, invariants)]


def test_there_are_three_seeds():
    assert len(SEEDS) == 3


@pytest.mark.parametrize("path", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_seed_has_no_violation(path, invariants):
    claims = _claims(path, invariants)
    assert claims, "every seed states the pump's stoichiometry"
    assert [c for _, c in claims if not c.agrees] == []


def test_seeds_state_both_facts_and_agree(invariants):
    found: dict[str, list] = {}
    for path in SEEDS:
        for _, claim in _claims(path, invariants):
            found.setdefault(claim.invariant_id, []).append(claim)
    assert set(found) == {"na-k-atpase-stoichiometry", "neuron-resting-potential"}
    assert all(c.agrees for claims in found.values() for c in claims)
    assert {c.value for c in found["na-k-atpase-stoichiometry"]} >= {"3 Na+ out : 2 K+ in"}
    assert {c.value for c in found["neuron-resting-potential"]} == {"-70 mV"}


def test_seed_002_list_is_one_claim_with_its_offsets(invariants):
    answer = _front_matter(SEEDS[2])["answer"]
    claims = [c for c in find_claims(answer, invariants) if c.value == "3 Na+ out : 2 K+ in"]
    assert len(claims) == 1
    claim = claims[0]
    assert answer[claim.start:claim.end].startswith("For every molecule of ATP that is hydrolyzed")
    # the span ends at the text, before the closing Markdown marker
    assert answer[claim.start:claim.end].endswith("**2 K+ ions into the cell")
    assert "\\n" not in claim.quote and "**" not in claim.quote
    assert claim.expected == "3 Na+ out : 2 K+ in (per 1 ATP)"


def test_which_seed_states_what(invariants):
    ids = [{c.invariant_id for _, c in _claims(path, invariants)} for path in SEEDS]
    assert ids[0] == ids[1] == {"na-k-atpase-stoichiometry", "neuron-resting-potential"}
    assert ids[2] == {"na-k-atpase-stoichiometry"}  # seed 002 never gives the resting potential
