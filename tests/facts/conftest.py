"""Shared fixtures for the facts tests: the shipped invariants, loaded once."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lint.facts import Claim, Invariants, load_invariants

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


@pytest.fixture(scope="session")
def invariants() -> Invariants:
    return load_invariants(REPO / "schemas" / "invariants.yaml")


def outcome(claims: list[Claim], invariant_id: str) -> str:
    """violates if any claim about the invariant disagrees, agrees if some claim agrees, else none."""
    mine = [c for c in claims if c.invariant_id == invariant_id]
    if not mine:
        return "none"
    return "agrees" if all(c.agrees for c in mine) else "violates"


def table_rows() -> list[dict]:
    return yaml.safe_load((HERE / "sentences.yaml").read_text(encoding="utf-8"))
