"""Hostile but parseable articles (megabyte answers, endless "words", thousands of numbers) give
diagnostics, and the run goes on. Not a timing test: the timeout only guards against a hang."""
from __future__ import annotations

import json

from lint.grammar import make_backend
from tests.conftest import run_cli, seed_home, seed_text, write_corpus

SEED = seed_text("001")
ANSWER_LINE = SEED.split("answer: >-\n    ", 1)[1].split("\n", 1)[0]


def _with_answer(answer: str) -> str:
    return SEED.replace(ANSWER_LINE, answer)


def test_a_15_kb_token_is_not_spellchecked():
    harper = make_backend("harper")
    issues = harper.check("The pump moves ions. " + "QUJDRA" * 2500 + " The pump moves ions.")
    assert issues == []


def test_huge_fields_do_not_stall_the_run(tmp_path):
    files = {
        "nursing/digits.md": _with_answer("3 Na+ 2 K+ -70 mV " * 20000),
        "nursing/b64.md": _with_answer("QUJDRA" * 250000),
        "nursing/wrong-but-huge.md": _with_answer(
            "For every two sodium ions pumped out, three potassium ions are pumped in. " * 800),
    }
    files[seed_home(SEED)] = SEED.replace("arises from the unequal", "arises from the the unequal")
    root = write_corpus(tmp_path / "c", files)
    proc = run_cli(["check", "--no-cache", "--output-format", "json"], root)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    found = {(d["path"].split("/")[-1], d["code"]) for d in json.loads(proc.stdout)}
    # the normal article is still fully checked next to them
    assert (seed_home(SEED).split("/")[-1], "G002") in found
    # over the 40,000-character cap, a field is not fact-checked (documented in F001)
    assert ("wrong-but-huge.md", "F001") not in found
    assert all(code not in ("Q900", "P010") for _, code in found)
