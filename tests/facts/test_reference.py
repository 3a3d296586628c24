"""The fast facts engine finds exactly the claims the reference engine (tests/facts/reference, the
engine before it was made fast) finds, on texts built to reach its corners: the rows of the tables
run together into Markdown (lists, lead-ins, headings, emphasis, literal \\n), with the characters
the fast paths treat specially swapped in (Na⁺, the unicode minus, non-breaking spaces, the Kelvin
sign, long s and dotless i that IGNORECASE matches to ASCII letters, other cases).

tests/facts/test_golden_claims.py pins the results on fixed corpora; this test explores."""
from __future__ import annotations

import random

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.facts import find_claims, load_invariants

from . import reference
from .conftest import HERE, REPO

SHIPPED = REPO / "schemas" / "invariants.yaml"
ROWS = [row["text"] for row in yaml.safe_load((HERE / "sentences.yaml").read_text(encoding="utf-8"))]
ANSWERS = yaml.safe_load((HERE / "answers.yaml").read_text(encoding="utf-8"))["answers"]
SWAPS = [("+", "⁺"), ("-", "−"), (" ", "\u00a0"), ("2", "²"), ("'", "’"), ("k", "\u212a"), ("K", "\u212a"),
         ("s", "ſ"), ("i", "ı"), ("I", "İ"), ("a", "A"), ("m", "M"), ("v", "V"), (":", "∶"), (" ", "\u2003")]
JOINERS = [" ", "\\n", "\\n\\n", ":\\n- ", "\\n- ", "\\n  - ", "\\n1. ", "\\n### ", " **", "** ", "*", "`",
           ": ", "; ", ", and ", "\n", "\\n- **", "**:\\n  * "]


@pytest.fixture(scope="module")
def engines():
    return load_invariants(SHIPPED), reference.load_invariants(SHIPPED)


def _claims(find, text, invariants):
    return [(c.invariant_id, c.start, c.end, c.quote, c.value, c.agrees, c.expected)
            for c in find(text, invariants)]


def _same(text, engines):
    new, old = engines
    assert _claims(find_claims, text, new) == _claims(reference.find_claims, text, old), text


def _swapped(text: str, rng: random.Random) -> str:
    for old, new in rng.sample(SWAPS, 3):
        text = "".join(new if c == old and rng.random() < 0.5 else c for c in text)
    return text


def test_every_row_and_answer_swapped(engines):
    rng = random.Random(5)
    for text in ROWS + ANSWERS:
        _same(text, engines)
        _same(_swapped(text, rng), engines)
        _same(text.upper(), engines)


def test_rows_run_together(engines):
    rng = random.Random(7)
    for _ in range(150):
        pieces = rng.sample(ROWS, rng.randint(2, 6))
        text = "".join(piece + rng.choice(JOINERS) for piece in pieces)
        _same(text, engines)
        _same(_swapped(text, rng), engines)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ROWS), st.sampled_from(JOINERS)), min_size=1, max_size=6),
       st.lists(st.sampled_from(SWAPS), max_size=3), st.sampled_from(["", "### ", "- ", "1. ", "**"]))
def test_composed_texts(engines, pieces, swaps, lead):
    text = lead + "".join(row + joiner for row, joiner in pieces)
    for old, new in swaps:
        text = text.replace(old, new, 2)
    _same(text, engines)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "Na+", "K⁺", "sodium", " pump ", "3", "two", ":", "/", " out", " into the cell", " -70", " mV", "V",
    " resting potential", " threshold", "\\n", "- ", "**", ", ", "; ", ". ", "(", ")", " not", "46",
    " chromosomes", " human", "−", "x", " ratio", " to ", "three", "1. ", "### ", "\u212a+", "ſodium",
    " respectively", " than", " to the", "`", "_", " neurons", " cardiac", " between", " and", "mV."]),
    max_size=40).map("".join))
def test_fragments(engines, text):
    _same(text, engines)


def test_the_reference_is_the_engine_the_golden_file_was_recorded_with(engines):
    """Sanity: the reference finds claims (it is not an empty stand-in)."""
    _, old = engines
    assert _claims(reference.find_claims, ROWS[0], old)
