"""Fixtures for the grammar package: the real seeds, the real dictionary, one real Harper."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from lint.grammar import HarperBackend, load_accepted_words

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "tests" / "fixtures" / "seeds").glob("*.txt"))
DICTIONARY = REPO / "schemas" / "dictionary.txt"


def seed_fields(path: Path) -> dict[str, str]:
    """The prose fields of a seed, as YAML gives them."""
    front_matter = path.read_text(encoding="utf-8").split("---\n")[1]
    data = yaml.safe_load(front_matter)
    return {
        "title": data["title"],
        "answer": data["answer"],
        "seo.page_description": data["seo"]["page_description"],
    }


@pytest.fixture(scope="session")
def accepted():
    return load_accepted_words(DICTIONARY)


@pytest.fixture(scope="session")
def harper(accepted):
    return HarperBackend(accepted)
