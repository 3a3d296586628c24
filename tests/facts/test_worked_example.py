"""The worked example in docs/facts.md works: its invariant, appended to a copy of the shipped
file, loads and judges its sentences as the doc says; its error message is the real one."""
from __future__ import annotations

import re

import pytest
import yaml

from lint.facts import InvariantsError, find_claims, load_invariants, parse_invariants

from .conftest import REPO, outcome

DOC = (REPO / "docs" / "facts.md").read_text(encoding="utf-8")
SHIPPED = (REPO / "schemas" / "invariants.yaml").read_text(encoding="utf-8")


def _block(marker: str) -> str:
    found = re.search(rf"<!-- worked-example:{marker} -->\s*```yaml\n(.*?)```", DOC, re.DOTALL)
    assert found, f"docs/facts.md lost its worked-example:{marker} block"
    return found.group(1)


INVARIANT = _block("invariant")
SENTENCES = yaml.safe_load(_block("sentences"))
NEW_ID = yaml.safe_load(INVARIANT)[0]["id"]


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    path = tmp_path_factory.mktemp("facts") / "invariants.yaml"
    path.write_text(SHIPPED.rstrip() + "\n\n" + INVARIANT, encoding="utf-8")
    return load_invariants(path)


def test_the_example_adds_one_invariant(extended):
    assert [i.id for i in extended][-1] == NEW_ID == "adult-resting-heart-rate"
    assert len(extended) == 4
    assert extended.get(NEW_ID).accepted_range() == (60.0, 100.0)


def test_the_example_sentences_cover_right_wrong_and_confusers():
    assert {row["expect"] for row in SENTENCES} == {"agrees", "violates", "none"}


@pytest.mark.parametrize("row", SENTENCES, ids=[r["text"][:40] for r in SENTENCES])
def test_example_sentence(row, extended):
    claims = find_claims(row["text"], extended)
    assert outcome(claims, NEW_ID) == row["expect"], [(c.invariant_id, c.value) for c in claims]
    # the new invariant does not disturb the shipped ones
    assert all(c.invariant_id == NEW_ID for c in claims)


def test_the_error_shown_in_the_doc_is_the_real_one():
    shown = re.search(r"^\s*(schemas/invariants\.yaml:\d+:\d+: .*unit 'bpms'.*)$", DOC, re.MULTILINE)
    assert shown, "docs/facts.md lost its example error"
    with pytest.raises(InvariantsError) as caught:
        parse_invariants(SHIPPED.rstrip() + "\n\n" + INVARIANT.replace("unit: bpm", "unit: bpms"),
                         "schemas/invariants.yaml")
    # line and column move whenever the shipped file grows; the rest must be word for word
    def without_position(text: str) -> str:
        return re.sub(r"^(.*?):\d+:\d+: ", r"\1:L:C: ", text)

    assert without_position(str(caught.value.problems[0])) == without_position(shown.group(1).strip())
