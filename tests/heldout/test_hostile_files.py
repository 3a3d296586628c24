"""Hostile inputs that cannot sit in the shared held-out corpus without taking the whole run down:
a FIFO named like an article, a symlink to a device, and a long unbroken token for the grammar
checker. Each runs the real CLI on a one-article corpus, under a time limit and a 3 GB address-space
limit (so a runaway checker fails here instead of exhausting the shared machine)."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from tests.heldout.builder import CONFIG, PUBLISHED, SEEDS
from tests.heldout.kit import REPO

SEED = "001_d80db01577ca42e1.txt"
SEED_PATH = ("nursing/explain-how-the-sodiumpotassium-pump-contributes-to-the-establishment-of-the-resting-"
             "membrane-potential.md")
MEMORY = 3 << 30


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _corpus(root: Path, seed_text: str | None = None) -> Path:
    (root / "nursing").mkdir(parents=True)
    (root / "pyproject.toml").write_text(CONFIG)
    (root / "published-index.csv").write_bytes(PUBLISHED.read_bytes())
    text = seed_text if seed_text is not None else (SEEDS / SEED).read_text(encoding="utf-8")
    (root / SEED_PATH).write_text(text, encoding="utf-8")
    return root


def _run(args: list[str], cwd: Path, timeout: float) -> tuple[subprocess.CompletedProcess | None, float]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "lint", "check", "--output-format", "json", "--no-cache",
                               *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout,
                              preexec_fn=_limit)
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - start
    return proc, time.perf_counter() - start


def _findings(proc: subprocess.CompletedProcess | None) -> list[dict]:
    assert proc is not None, "the run did not finish in time"
    assert proc.returncode in (0, 1), f"exit {proc.returncode}: {proc.stderr[-1500:]}"
    return json.loads(proc.stdout)


def test_the_one_article_corpus_is_clean(tmp_path) -> None:
    """The baseline the tests below rely on: the seed alone gets no finding in this setup."""
    proc, _ = _run(["."], _corpus(tmp_path / "c"), 60)
    assert _findings(proc) == []


def test_a_fifo_named_like_an_article_does_not_hang(tmp_path) -> None:
    root = _corpus(tmp_path / "c")
    os.mkfifo(root / "nursing" / "pipe.md")
    proc, _ = _run(["."], root, 15)
    found = _findings(proc)
    assert [f["code"] for f in found if f["path"] == "nursing/pipe.md"] == ["P011"]
    assert not [f for f in found if f["path"] == SEED_PATH]


def test_a_symlink_to_a_device_is_not_read_without_bound(tmp_path) -> None:
    root = _corpus(tmp_path / "c")
    (root / "nursing" / "zero.md").symlink_to("/dev/zero")
    proc, _ = _run(["."], root, 30)
    found = _findings(proc)
    assert [f["category"] for f in found if f["path"] == "nursing/zero.md"] == ["parse"]


def test_grammar_survives_a_long_unbroken_token(tmp_path) -> None:
    """docs/qa-findings.md B9 (fixed in 91cd216): Harper took gigabytes on such a token and the run aborted."""
    text = (SEEDS / SEED).read_text(encoding="utf-8")
    dna = "ATGGCCATTGTAATGGGCCGCTGAAAGGGTGCCCGATAG" * 80  # a gene fragment: 3,120 letters, no space
    text = text.replace("In summary, the sodium", f"The pump's alpha subunit gene begins {dna}.\\n\\nIn summary, the sodium")
    proc, seconds = _run([".", "--select", "G"], _corpus(tmp_path / "c", text), 120)
    found = _findings(proc)
    assert seconds < 30, f"{seconds:.0f} s for one article"
    # the sequence may be reported as an unknown word (G001); nothing else in this seed is wrong
    assert [f for f in found if f["code"] != "G001"] == [], found
