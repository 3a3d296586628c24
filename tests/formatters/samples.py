"""Realistic findings on realistic article text, shared by the formatter tests (fixture in conftest).

Positions are computed here from the text itself (not with the formatters' own helpers),
so the formatters are checked against an independent idea of line and column.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from lint.diagnostic import Applicability, Diagnostic, Edit, Fix, RuleInfo, Severity
from tests.conftest import SHARED

EXTERNAL = SHARED / "external"

SEED_PATH = "seeds/000 nursing pump.md"
SEED = (
    "---\n"
    "id: 170611\n"
    "title: >-\n"
    "    Explain the role of the sodium-potassium pump in action potential recovery.\n"
    "answer: >-\n"
    "    The pump (Na+/K+ ATPase) plays a crucial role. Hereâ€™s a detailed explanation.\n"
    "score: high\n"
    "---\n"
    "&nbsp;\n"
)
UNICODE_PATH = "articles/Biología/¿qué es 🧪?.md"
UNICODE = (
    "---\n"
    "title: Ünïcode 🧪 test — ‘quoted’ and Hereâ€™s more\n"
    "related_article:\n"
    "  - id: 999999\n"
    "    url: /learn/biology/questions/missing\n"
    "---\n"
)
CLEAN_PATH = "seeds/clean.md"

RULES = {
    "E001": RuleInfo(
        "E001",
        "mojibake",
        "encoding",
        Severity.ERROR,
        True,
        "Text was decoded with the wrong encoding",
        "## What it does\nFinds mojibake such as `â€™`.\n\n## Why is this bad?\nReaders see garbage.\n\n"
        "## Fix safety\nSafe: the repair is ftfy's.",
    ),
    "S002": RuleInfo(
        "S002",
        "schema-type",
        "schema",
        Severity.WARNING,
        False,
        "A front-matter value has the wrong type",
        "## What it does\nChecks types: `score` is an integer.",
    ),
    "R001": RuleInfo(
        "R001",
        "related-link-target",
        "reference",
        Severity.ERROR,
        True,
        "A related link points at no known article",
        "",
    ),
    "G001": RuleInfo(
        "G001", "grammar", "grammar", Severity.INFO, False, "Grammar, 100% advisory: style, tone", ""
    ),
}


def span(source: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = source.index(needle, start + 1)
    return start, start + len(needle)


def line_column(source: str, offset: int) -> tuple[int, int]:
    """1-based line and code-point column, lines ending at LF only (the samples use LF)."""
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def at(
    path: str, source: str, needle: str, code: str, message: str, severity: Severity, fix: Fix | None = None
) -> Diagnostic:
    start, end = span(source, needle)
    line, column = line_column(source, start)
    end_line, end_column = line_column(source, end)
    return Diagnostic(path, line, column, code, message, severity, end_line, end_column, fix, needle)


@dataclass(frozen=True)
class Sample:
    root: str
    diagnostics: list[Diagnostic]
    sources: dict[str, str]
    checked_paths: list[str]


@pytest.fixture
def sample(tmp_path: Path) -> Sample:
    root = tmp_path / "content repo"
    files = {SEED_PATH: SEED, UNICODE_PATH: UNICODE, CLEAN_PATH: "---\ntitle: fine\n---\n"}
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    mojibake_fix = Fix((Edit(*span(SEED, "â€™"), "’"),), Applicability.SAFE, "Replace 'â€™' with '’'")
    after_key = span(UNICODE, "related_article:")[1]
    link_start, link_end = span(UNICODE, "  - id: 999999\n    url: /learn/biology/questions/missing\n")
    link_fix = Fix(
        (Edit(link_start, link_end, ""), Edit(after_key, after_key, " []")),
        Applicability.UNSAFE,
        "Remove the link, 100% of it: id, url",
    )
    link = at(
        UNICODE_PATH,
        UNICODE,
        "  - id: 999999\n    url: /learn/biology/questions/missing",
        "R001",
        "related article 999999 is not in the corpus:\n  url /learn/biology/questions/missing,\n  id 999999",
        Severity.ERROR,
        link_fix,
    )
    diagnostics = [
        at(
            UNICODE_PATH,
            UNICODE,
            "Hereâ€™s",
            "E001",
            "mojibake 'â€™' after '🧪': should be '’'",
            Severity.ERROR,
            Fix((Edit(*span(UNICODE, "â€™"), "’"),), Applicability.SAFE, "Replace with '’'"),
        ),
        at(SEED_PATH, SEED, "â€™", "E001", "mojibake 'â€™' should be '’'", Severity.ERROR, mojibake_fix),
        at(
            SEED_PATH,
            SEED,
            "high",
            "S002",
            "score: expected an integer, got 'high'\nsee the schema, line 12",
            Severity.WARNING,
        ),
        link,
        at(
            SEED_PATH,
            SEED,
            "plays a crucial role",
            "G001",
            "Consider: 'is crucial' — 50% shorter, clearer",
            Severity.INFO,
        ),
        # an absolute path inside the root is the same file as its relative spelling
        at(
            os.path.join(str(root), SEED_PATH),
            SEED,
            "sodium-potassium",
            "G001",
            'Wordy: "sodium-potassium"',
            Severity.INFO,
        ),
    ]
    sources = {SEED_PATH: SEED, UNICODE_PATH: UNICODE}
    return Sample(str(root), diagnostics, sources, [SEED_PATH, UNICODE_PATH, CLEAN_PATH])
