"""Differential test: every claim the facts engine finds, and every F001 finding, byte for byte as
recorded in golden_claims.json (written by the engine before it was made fast).

Texts: every prose field F001 reads (lint/rules/F001_fact_violation.py FIELDS) of every article in
the held-out corpus (tests/heldout/make_corpus.py), the seeds (seeds/ and tests/fixtures/seeds),
a generated corpus of 2,000 articles (benchmarks/generate.py, seed 1); the rows of
tests/facts/sentences.yaml, alone and run together five at a time (one line, and one per line:
context carried between sentences); tests/facts/answers.yaml with its mutations; the worked
example's sentences and the sentences table under the worked example's extra invariant. For the
held-out corpus also the F001 diagnostics and the claims F001 leaves in `article_memo`.

A change of engine must leave all of it unchanged. The file is written by the reference engine
(tests/facts/reference, the engine before it was made fast), so when the corpora themselves change
(benchmarks/generate.py, tests/heldout: `test_inputs_unchanged` says so) it can be written again
without trusting the engine under test:

    .venv/bin/python -m tests.facts.test_golden_claims --write
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from lint.article import parse_article
from lint.config import Settings
from lint.facts import Claim, Invariants, find_claims, load_invariants
from lint.rules import F001_fact_violation as F001
from lint.rules.base import MAX_PROSE_FIELD
from lint.rules.context import RuleContext

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
GOLDEN = HERE / "golden_claims.json"
GENERATED = 2000
GROUP = 5


def _claim(c: Claim) -> list:
    return [c.invariant_id, c.agrees, c.value, c.expected, c.start, c.end, c.quote]


def _article_texts(label: str, root: Path, pattern: str):
    """(key, field text) for every prose field F001 would check, in file order."""
    for path in sorted(root.rglob(pattern)):
        if not path.is_file():
            continue
        article = parse_article(str(path), path.read_bytes()).article
        if article is None or article.data is None:
            continue
        for field in F001.FIELDS:
            text = article.get(*field)
            if isinstance(text, str) and len(text) <= MAX_PROSE_FIELD:
                yield f"{label}/{path.relative_to(root).as_posix()}:{'.'.join(field)}", text


def _table_texts():
    rows = [row["text"] for row in yaml.safe_load((HERE / "sentences.yaml").read_text(encoding="utf-8"))]
    for i, text in enumerate(rows):
        yield f"sentences[{i}]", text
    for i in range(0, len(rows), GROUP):
        yield f"sentences[{i}:+{GROUP}] one line", " ".join(rows[i:i + GROUP])
        yield f"sentences[{i}:+{GROUP}] lines", "\\n".join(rows[i:i + GROUP])
    data = yaml.safe_load((HERE / "answers.yaml").read_text(encoding="utf-8"))
    seeds = {p.name[:3]: next(yaml.safe_load_all(p.read_text(encoding="utf-8")))["answer"]
             for p in sorted((REPO / "tests" / "fixtures" / "seeds").glob("*.txt"))}
    for i, text in enumerate(data["answers"]):
        yield f"answers[{i}]", text
    for i, m in enumerate(data["mutations"]):
        source = seeds[m["in"].split()[1]] if isinstance(m["in"], str) else data["answers"][m["in"]]
        yield f"mutations[{i}]", source.replace(m["replace"], m["with"])


def _worked_example(load=load_invariants) -> tuple[Invariants, list[tuple[str, str]]]:
    from tests.facts.test_worked_example import INVARIANT, SENTENCES, SHIPPED

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "invariants.yaml"
        path.write_text(SHIPPED.rstrip() + "\n\n" + INVARIANT, encoding="utf-8")
        extended = load(path)
    texts = [(f"example[{i}]", row["text"]) for i, row in enumerate(SENTENCES)]
    texts += [(key, text) for key, text in _table_texts() if key.startswith("sentences[")]
    return extended, texts


def _heldout_findings(corpus: Path) -> tuple[dict, dict]:
    ctx = RuleContext(Settings(root=corpus))
    findings, memo = {}, {}
    for path in sorted(corpus.rglob("*.md")):
        article = parse_article(str(path), path.read_bytes()).article
        if article is None or article.data is None:
            continue
        key = path.relative_to(corpus).as_posix()
        ctx.article_memo.clear()
        diags = [[d.line, d.column, d.end_line, d.end_column, d.message] for d in F001.check(article, ctx)]
        claims = [[list(field), *_claim(c)] for field, c in ctx.article_memo.get("claims", ())]
        if diags:
            findings[key] = diags
        if claims:
            memo[key] = claims
    return findings, memo


@contextlib.contextmanager
def _engine(reference: bool):
    """(find_claims, load_invariants) of the engine under test, or of the reference engine, which
    F001 then uses too."""
    if not reference:
        yield find_claims, load_invariants
        return
    import lint.facts
    from tests.facts import reference as engine

    saved = lint.facts.find_claims, lint.facts.load_invariants
    lint.facts.find_claims, lint.facts.load_invariants = engine.find_claims, engine.load_invariants
    try:
        yield engine.find_claims, engine.load_invariants
    finally:
        lint.facts.find_claims, lint.facts.load_invariants = saved


def record(work: Path, reference: bool = False) -> dict:
    """Everything the golden file holds, computed by the engine under test (or the reference)."""
    from tests.heldout.kit import load_generator
    from tests.heldout.make_corpus import build

    build(work / "heldout")
    load_generator().generate(work / "generated", GENERATED, seed=1)
    sources = [("heldout", work / "heldout" / "corpus", "*.md"), ("seeds", REPO / "seeds", "*.md"),
               ("fixture-seeds", REPO / "tests" / "fixtures" / "seeds", "*.txt"),
               ("generated", work / "generated", "*.md")]
    texts = [t for label, root, pattern in sources for t in _article_texts(label, root, pattern)]
    texts += _table_texts()
    with _engine(reference) as (find, load):
        invariants = load(REPO / "schemas" / "invariants.yaml")
        claims = {}
        for key, text in texts:
            found = [_claim(c) for c in find(text, invariants)]
            if found:
                claims[key] = found
        extended, example_texts = _worked_example(load)
        example = {}
        for key, text in example_texts:
            found = [_claim(c) for c in find(text, extended)]
            if found:
                example[key] = found
        findings, memo = _heldout_findings(work / "heldout" / "corpus")
    inputs = hashlib.sha256()
    for key, text in [*texts, *example_texts]:
        inputs.update(f"{key}\0{text}\0".encode())
    for path in sorted((work / "heldout" / "corpus").rglob("*.md")):
        inputs.update(path.read_bytes())
    return {"fields_checked": len(texts), "claims": claims, "worked_example": example,
            "heldout_f001": findings, "heldout_memo": memo, "inputs": inputs.hexdigest()}


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


@pytest.fixture(scope="module")
def recorded(tmp_path_factory) -> dict:
    return record(tmp_path_factory.mktemp("golden"))


@pytest.fixture(scope="module")
def golden() -> dict:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.parametrize("section", ["claims", "worked_example", "heldout_f001", "heldout_memo"])
def test_section_is_unchanged(section, recorded, golden):
    now, then = recorded[section], golden[section]
    assert set(now) == set(then), sorted(set(now) ^ set(then))[:20]
    changed = [key for key in then if now[key] != then[key]]
    assert not changed, [(key, then[key], now[key]) for key in changed[:5]]


def test_inputs_unchanged(recorded, golden):
    assert recorded["inputs"] == golden["inputs"], (
        "the texts the golden file was recorded on changed (benchmarks/generate.py, tests/heldout, the "
        "seeds or the yaml tables): write it again with the reference engine, "
        "`python -m tests.facts.test_golden_claims --write`, and check the diff")


def test_same_texts_and_byte_identical(recorded, golden):
    assert recorded["fields_checked"] == golden["fields_checked"]
    assert _dump(recorded) == GOLDEN.read_text(encoding="utf-8")


def test_the_golden_file_covers_the_claim_paths(golden):
    """The recording is not vacuous: it holds both invariants found in articles, violations and
    agreements, and F001 findings in the held-out corpus."""
    claims = [c for found in golden["claims"].values() for c in found]
    assert {c[0] for c in claims} >= {"na-k-atpase-stoichiometry", "neuron-resting-potential",
                                      "human-chromosome-number"}
    assert {c[1] for c in claims} == {True, False}
    assert sum(key.startswith("generated/") for key in golden["claims"]) > 500
    assert golden["heldout_f001"] and golden["heldout_memo"]
    assert any(c[0] == "adult-resting-heart-rate" for found in golden["worked_example"].values()
               for c in found)


if __name__ == "__main__" and "--write" in sys.argv:
    with tempfile.TemporaryDirectory() as tmp:
        GOLDEN.write_text(_dump(record(Path(tmp), reference=True)), encoding="utf-8")
    print(f"wrote {GOLDEN}")
