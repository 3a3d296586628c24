"""Whole answers: correct ones on neighbouring topics give no violation; breaking one fact in an
answer or a seed flags exactly that invariant (tests/facts/answers.yaml)."""
from __future__ import annotations

import pytest
import yaml

from lint.facts import find_claims

from .conftest import HERE, REPO

DATA = yaml.safe_load((HERE / "answers.yaml").read_text(encoding="utf-8"))
SEEDS = {path.name[:3]: next(yaml.safe_load_all(path.read_text(encoding="utf-8")))["answer"]
         for path in sorted((REPO / "tests" / "fixtures" / "seeds").glob("*.txt"))}


def _source(ref) -> str:
    return SEEDS[ref.split()[1]] if isinstance(ref, str) else DATA["answers"][ref]


@pytest.mark.parametrize("answer", DATA["answers"], ids=[f"answer-{i}" for i in range(len(DATA["answers"]))])
def test_correct_answer_gives_no_violation(answer, invariants):
    wrong = [(c.invariant_id, c.value, c.quote) for c in find_claims(answer, invariants) if not c.agrees]
    assert wrong == []


@pytest.mark.parametrize("case", DATA["mutations"],
                         ids=[f"{m['in']}-{m['with'][:30]}" for m in DATA["mutations"]])
def test_one_broken_fact_is_flagged_exactly(case, invariants):
    text = _source(case["in"])
    assert case["replace"] in text
    broken = text.replace(case["replace"], case["with"])
    wrong = [c for c in find_claims(broken, invariants) if not c.agrees]
    assert {c.invariant_id for c in wrong} == {case["violates"]}, [(c.invariant_id, c.value) for c in wrong]
    # the finding points at the sentence that was broken
    assert any(c.start <= broken.index(case["with"]) < c.end for c in wrong)
