"""Fixtures shared by the parser tests (test_yaml_rust.py, test_yaml_lines.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def sources(tmp_path_factory) -> list[str]:
    """The seeds as exported, and generated articles in their style (benchmarks/generate.py)."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.pop(0)
    corpus = tmp_path_factory.mktemp("corpus")
    generate(corpus, 60, seed=7)
    return _front_matters(sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
                          + sorted(corpus.rglob("*.md")))


def _front_matters(paths: list[Path]) -> list[str]:
    """Each file's front matter as the parser is given it: from the line after the opening `---`
    to the closing `---` line, its last line break included (article.py)."""
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        end = text.find("\n---", 4)
        if text.startswith("---\n") and end != -1:
            out.append(text[4:end + 1])
    return out
