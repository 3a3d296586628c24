"""Shared test helpers: real seed articles written into temp corpora, the real CLI."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# the real seeds and third-party test data (ftfy's cases, the SARIF schema, the JUnit XSD) sit
# beside the repository, as in CI's clean clone
SHARED = REPO.parent / "shared"
FIXTURE_SEEDS = REPO / "tests" / "fixtures" / "seeds"
SEED_FILES = {"000": "000_42cfa97cd7b3d30b.txt", "001": "001_d80db01577ca42e1.txt",
              "002": "002_11a7ef81ff21aea8.txt"}


def seed_text(key: str) -> str:
    return (FIXTURE_SEEDS / SEED_FILES[key]).read_text(encoding="utf-8")


def seed_home(text: str) -> str:
    """seeds/<subject lowercased>/<file_name> for an article text."""
    subject = file_name = None
    for line in text.splitlines():
        if line.startswith("subject: "):
            subject = line[9:].strip().lower()
        if line.startswith("file_name: "):
            file_name = line[11:].strip()
    return f"{subject}/{file_name}"


def write_corpus(root: Path, files: dict[str, str | bytes], published: bool = True) -> Path:
    """Write articles and a pyproject.toml whose corpus is `root`."""
    root.mkdir(parents=True, exist_ok=True)
    lines = ["[tool.qtlint]", 'include = ["."]', 'content-roots = ["."]']
    if published:
        (root / "published-index.csv").write_bytes((REPO / "seeds" / "published-index.csv").read_bytes())
        lines.append('published-index = "published-index.csv"')
    (root / "pyproject.toml").write_text("\n".join(lines) + "\n")
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def run_cli(args: list[str], cwd: Path, env: dict | None = None, input: str | None = None):
    """The real CLI in a subprocess (`python -m lint`)."""
    full_env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "lint", *args], cwd=cwd, capture_output=True,
                          text=True, env=full_env, input=input, timeout=300)


def run_json(args: list[str], cwd: Path, env: dict | None = None) -> tuple[int, list[dict]]:
    proc = run_cli(["check", "--output-format", "json", *args], cwd, env)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


@pytest.fixture
def corpus(tmp_path):
    def make(files: dict[str, str | bytes], published: bool = True) -> Path:
        return write_corpus(tmp_path / "corpus", files, published)
    return make


def pytest_terminal_summary(terminalreporter) -> None:
    """Say why tests that read ../shared fail, when it is not there."""
    if not SHARED.is_dir():
        terminalreporter.write_line(
            f"qtlint: {SHARED} is missing: the tests that read the real seeds and the third-party "
            "test data fail without it; clone the repository beside shared/, as CI does", red=True)
