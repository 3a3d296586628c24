"""lint.worker.lint_sources runs each rule over a whole batch before the next rule. Each file's
result must be the one it gets linted alone: same findings in the same order, same index entry,
suppressions and claims, whatever the other files of the batch are and wherever it stands in it."""
from __future__ import annotations

import types
from pathlib import Path

import pytest

from lint import worker
from lint.config import load_settings
from lint.diagnostic import RuleInfo, Severity
from tests.conftest import seed_text


def _batch() -> list[tuple[str, bytes]]:
    s0, s1, s2 = seed_text("000"), seed_text("001"), seed_text("002")
    wrong_fact = s1.replace("For every three sodium ions (Na+) it pumps out of the cell, it brings in two",
                            "For every two sodium ions (Na+) it pumps out of the cell, it brings in three")
    assert wrong_fact != s1
    suppressed = s2.replace("\nfile_name: ", "  # qtlint: ignore[U004]\nfile_name: ", 1)
    assert suppressed != s2
    return [
        ("a/000.md", s0.encode()),  # mojibake (E001), its claims agree
        ("a/001-wrong.md", wrong_fact.encode()),  # F001: 2 Na+ out, 3 K+ in
        ("a/bad-yaml.md", b"---\ntitle: [unclosed\n---\nbody\n"),  # invalid YAML: parse finding only
        ("a/no-front-matter.md", "Here\u00e2\u20ac\u2122s text only.\n".encode()),  # text-only rules
        ("a/latin1.md", b"---\ntitle: caf\xe9\n---\n"),  # not UTF-8
        ("a/002-suppressed.md", suppressed.encode()),
        ("a/001.md", s1.encode()),
        ("a/empty.md", b""),
    ]


def _view(res) -> tuple:
    return ([(d.line, d.column, d.code, d.message) for d in res.diagnostics], res.entry, res.suppressions,
            res.claims)


@pytest.fixture()
def settings(tmp_path: Path):
    s = load_settings(cwd=tmp_path)
    worker.init_worker(s, ("ALL",), ("G",))
    return s


def test_a_batch_gives_each_file_what_it_gets_alone(settings) -> None:
    batch = _batch()
    alone = [_view(worker.lint_source(name, raw)) for name, raw in batch]
    together = [_view(res) for res in worker.lint_sources(batch)]
    assert together == alone
    codes = [{c for _, _, c, _ in view[0]} for view in alone]
    # the batch holds what the engine treats differently, so the comparison means something
    assert "E001" in codes[0] and "F001" in codes[1] and "F001" not in codes[6]
    assert codes[3] and all(c.startswith("E") or c.startswith("P") for c in codes[3])
    assert alone[5][2] and not alone[6][2]  # suppressions: only the commented file has one
    assert alone[0][3] and alone[2][3] == []  # claims: the seed has some, broken YAML none


def test_order_in_the_batch_changes_nothing(settings) -> None:
    batch = _batch()
    forward = {res.path: _view(res) for res in worker.lint_sources(batch)}
    backward = {res.path: _view(res) for res in worker.lint_sources(batch[::-1])}
    assert forward == backward


def test_a_rule_that_fails_on_one_file_spoils_neither_the_others_nor_other_rules(settings) -> None:
    """Q900 on the file it failed on, the other rules' findings kept, the other files untouched."""
    batch = _batch()
    before = [_view(res) for res in worker.lint_sources(batch)]

    def check(article, ctx):
        if article.path == "a/001.md":
            raise RuntimeError("boom")
        return iter(())

    broken = types.SimpleNamespace(INFO=RuleInfo(code="Z999", name="broken", category="schema",
                                                 severity=Severity.ERROR, fixable=False, summary="fails"), check=check)
    worker._WORKER["modules"] = [broken, *worker._WORKER["modules"]]
    after = [_view(res) for res in worker.lint_sources(batch)]
    q900 = [d for d in after[6][0] if d[2] == "Q900"]
    assert len(q900) == 1 and "Z999" in q900[0][3] and "RuntimeError: boom" in q900[0][3]
    assert [d for d in after[6][0] if d[2] != "Q900"] == before[6][0]
    assert after[:6] + after[7:] == before[:6] + before[7:]
