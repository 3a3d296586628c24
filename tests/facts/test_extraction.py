"""Claims: offsets, quotes, values; phrase rules; numbers in words; never a crash."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.facts import Claim, find_claims
from lint.facts.passages import prepare
from lint.facts.terms import compile_terms, normalise, words_value

from .conftest import outcome


def _one(text, invariants, invariant_id):
    claims = [c for c in find_claims(text, invariants) if c.invariant_id == invariant_id]
    assert len(claims) == 1, claims
    return claims[0]


def test_offsets_point_at_the_sentence_inside_a_markdown_answer(invariants):
    text = ("### Mechanism\\n\\nThe pump is vital. **It moves 2 Na+ out and 3 K+ in.** "
            "Threshold is -55 mV.\\n\\n- **Resting potential**: +70 mV")
    pump = _one(text, invariants, "na-k-atpase-stoichiometry")
    assert text[pump.start:pump.end] == "It moves 2 Na+ out and 3 K+ in."
    assert (pump.value, pump.agrees) == ("2 Na+ out : 3 K+ in", False)
    assert pump.expected == "3 Na+ out : 2 K+ in (per 1 ATP)"
    rmp = _one(text, invariants, "neuron-resting-potential")
    assert text[rmp.start:rmp.end] == "Resting potential**: +70 mV"
    assert rmp.quote == "Resting potential: +70 mV"
    assert (rmp.value, rmp.agrees, rmp.expected) == ("+70 mV", False, "-70 mV (±10 mV)")


def test_the_pump_carries_from_the_sentence_before_only_on_the_same_line(invariants):
    same_line = "The Na+/K+ pump is electrogenic. It moves 2 Na+ out and 3 K+ in."
    assert outcome(find_claims(same_line, invariants), "na-k-atpase-stoichiometry") == "violates"
    next_paragraph = "The Na+/K+ pump is electrogenic.\\n\\nIt moves 2 Na+ out and 3 K+ in."
    assert outcome(find_claims(next_paragraph, invariants), "na-k-atpase-stoichiometry") == "none"


@pytest.mark.parametrize("text, value", [
    ("The resting potential of a neuron is about -0.07 V.", "-0.07 V"),
    ("Neurons rest at about minus seventy millivolts.", "-70 millivolts"),
    ("The resting potential is between -60 and -80 mV in neurons.", "-60 to -80 mV"),
    ("Neurons rest at 70 mV, negative inside.", "-70 mV"),
    ("Neurons rest at 70 mV.", "70 mV (no sign)"),
])
def test_values_are_shown_as_written(text, value, invariants):
    assert _one(text, invariants, "neuron-resting-potential").value == value


def test_sign_words_do_not_flip_counts(invariants):
    claim = _one("HIV-negative humans have 46 chromosomes.", invariants, "human-chromosome-number")
    assert (claim.value, claim.agrees) == ("46 chromosomes", True)


def test_a_bare_ratio_maps_onto_the_required_parts_named(invariants):
    claim = _one("The Na+/K+ pump moves Na+ out and K+ in, using ATP, at a 2:3 ratio.", invariants,
                 "na-k-atpase-stoichiometry")
    assert (claim.value, claim.agrees) == ("2 Na+ out : 3 K+ in", False)


@pytest.mark.parametrize("text, value, agrees", [
    ("The pump moves Na+ and K+ out of and into the cell, respectively.", "Na+ out : K+ in", True),
    ("Sodium and potassium are pumped in and out, respectively, by the Na+/K+-ATPase.",
     "Na+ in : K+ out", False),
    ("The pump moves 2 Na+ and 3 K+ out of and into the cell, respectively.", "2 Na+ out : 3 K+ in", False),
])
def test_respectively_pairs_directions_with_parts_in_order(text, value, agrees, invariants):
    claim = _one(text, invariants, "na-k-atpase-stoichiometry")
    assert (claim.value, claim.agrees) == (value, agrees)


def test_respectively_that_does_not_pair_up_states_no_direction(invariants):
    text = "The pump moves Na+ and K+ out of the cell, respectively."
    assert outcome(find_claims(text, invariants), "na-k-atpase-stoichiometry") == "none"


def test_claims_are_frozen_values():
    assert dataclasses.is_dataclass(Claim)
    claim = Claim("x", 0, 1, "q", "v", True, "e")
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.agrees = False  # type: ignore[misc]


def test_nothing_to_find(invariants):
    assert find_claims("", invariants) == []
    assert find_claims("   ", invariants) == []
    assert find_claims(None, invariants) == []  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_claims("The pump moves 3 Na+ out.", [])


def test_phrase_rules():
    def hits(terms, text):
        return [text[m.start():m.end()] for m in compile_terms(terms).finditer(text, 0, len(text))]

    assert hits(["sodium potassium pump"], "The Sodium–Potassium pumps and sodium/potassium pump") == [
        "Sodium–Potassium pumps", "sodium/potassium pump"]
    assert hits(["Na+ K+ ATPase"], "Na+/K+-ATPase, na+/k+ atpase") == ["Na+/K+-ATPase"]
    assert hits(["hyperpolari*"], "hyperpolarized, hyperpolarisation") == [
        "hyperpolarized", "hyperpolarisation"]
    assert hits(["K"], "3 K in, OK, k") == ["K"]
    assert hits([r"re:\bnot\b(?!\s+only)"], "not only this, not that") == ["not"]
    assert hits(["after-hyperpolarization"], "afterhyperpolarization and after hyperpolarization") == [
        "afterhyperpolarization", "after hyperpolarization"]


def test_normalise_keeps_offsets():
    text = "Na⁺ −70 mV Ca²⁺\u00a0K⁺"
    assert normalise(text) == "Na+ -70 mV Ca2+ K+"
    assert len(normalise(text)) == len(text)


@pytest.mark.parametrize("words, value", [
    ("seventy", 70), ("seventy-five", 75), ("three", 3), ("one hundred twenty", 120), ("forty six", 46),
    ("dozen", None)])
def test_number_words(words, value):
    assert words_value(words) == value


def test_passages_merge_a_lead_in_with_its_list():
    text = "It transports:\\n  - **3 Na+ out**\\n  - **2 K+ in**\\n\\nNext paragraph."
    passages = prepare(text).passages
    assert [prepare(text).quote(p.start, p.end) for p in passages] == [
        "It transports: - 3 Na+ out - 2 K+ in", "Next paragraph."]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from([
    "Na+", "K⁺", "sodium", " pump ", "3", "two", ":", "/", " out", " into the cell", " -70", " mV", "V",
    " resting potential", " threshold", "\\n", "- ", "**", ", ", "; ", ". ", "(", ")", " not", "46",
    " chromosomes", " human", "−", "x"]), max_size=40).map("".join))
def test_never_crashes_and_offsets_stay_in_the_text(text, invariants):
    for claim in find_claims(text, invariants):
        assert 0 <= claim.start < claim.end <= len(text)
        assert claim.quote and claim.value and claim.expected
