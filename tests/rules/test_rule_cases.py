"""One YAML file of cases per rule (tests/rules/cases/<CODE>.yaml), each run twice: in-process
through the Engine and through the real CLI's JSON output. Every rule has cases that must fail
and cases that must pass."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from lint.config import load_settings
from lint.engine import Engine
from lint.rules import all_rules
from tests.conftest import run_json, seed_home, seed_text, write_corpus

CASES_DIR = Path(__file__).parent / "cases"


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            yield pytest.param(doc["rule"], case, id=f"{path.stem}-{case['name']}")


def build_files(case: dict) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for spec in case["files"]:
        if "raw" in spec:
            content: str | bytes = spec["raw"]
        elif "repeat" in spec:  # generated: huge or deeply nested files
            r = spec["repeat"]
            content = r["prefix"] + r["unit"] * r["count"] + r["suffix"] * r["count"] + r["then"]
        elif "bytes" in spec:
            content = spec["bytes"].encode("latin-1")
        else:
            content = seed_text(spec["base"])
            for old, new in spec.get("replace", []):
                assert old in content, f"case {case['name']}: {old!r} not in seed {spec['base']}"
                content = content.replace(old, new, 1)
            for old, new in spec.get("replace_all", []):
                assert old in content, f"case {case['name']}: {old!r} not in seed {spec['base']}"
                content = content.replace(old, new)
        path = spec.get("path") or seed_home(content if isinstance(content, str) else "")
        files[path] = content
    return files


def expected(case: dict) -> set[tuple]:
    return {(e["code"], e.get("path", ""), e.get("line")) for e in case["expect"]}


def matches(found: set[tuple], want: set[tuple]) -> bool:
    def norm(items):
        return sorted(items, key=str)
    got = {(code, path, line) for code, path, line in found}
    if len(got) != len(want):
        return False
    for code, path, line in want:
        if not any(c == code and p.endswith(path) and line in (None, ln) for c, p, ln in got):
            return False
    return True


@pytest.mark.parametrize("rule,case", list(_load_cases()))
def test_rule_case(rule, case, tmp_path, monkeypatch):
    root = write_corpus(tmp_path / "c", build_files(case), published=case.get("published", True))
    select = case.get("select", [rule])
    check = case.get("check", ["."])
    # in-process
    monkeypatch.chdir(root)
    settings = load_settings(cwd=root)
    settings = dataclasses.replace(settings, use_cache=False)
    result = Engine(settings, select=select, cwd=root).run([root / c for c in check])
    found = {(d.code, d.path, d.line) for d in result.diagnostics}
    want = expected(case)
    assert matches(found, want), f"in-process: found {sorted(found)}, expected {sorted(want)}"
    # through the real CLI
    code, items = run_json(["--no-cache", "--select", ",".join(select), *check], root)
    found_cli = {(i["code"], i["path"], i["line"]) for i in items}
    assert found_cli == found
    assert code == (1 if any(i["severity"] == "error" for i in items) else 0)
    for item in items:
        assert all_rules()[item["code"]].category == item["category"]


def test_every_rule_has_failing_and_passing_cases():
    covered: dict[str, set[bool]] = {}
    for path in CASES_DIR.glob("*.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            for code in {e["code"] for e in case["expect"]} or {doc["rule"]}:
                covered.setdefault(code, set()).add(bool(case["expect"]))
    per_article = [c for c, info in all_rules().items()
                   if info.category not in ("qtlint",) and c not in ("P011", "R900")]
    missing = [c for c in per_article if covered.get(c) != {True, False}]
    assert not missing, f"rules without both failing and passing cases: {missing}"
