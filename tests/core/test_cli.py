"""The CLI contract: exit status, output shapes, configuration errors, rules and explain."""
from __future__ import annotations

import json

import pytest

from lint.rules import all_rules
from tests.conftest import REPO, run_cli, seed_home, seed_text


def test_seeds_are_clean_and_exit_zero():
    proc = run_cli(["check", "seeds/", "--no-cache"], REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "All checks passed!" in proc.stdout


def test_findings_exit_one_with_ruff_like_text(corpus):
    root = corpus({"nursing/a.md": seed_text("001").replace("date: 2025-02-06", "date: 2025-02-30")})
    proc = run_cli(["check", "--no-cache", "--select", "S"], root)
    assert proc.returncode == 1
    first = proc.stdout.splitlines()[0]
    assert first.startswith("nursing/a.md:4:7: S004 ")
    assert " | date: 2025-02-30" in proc.stdout and "^^^^^^^^^^" in proc.stdout
    assert "Found 1 finding (1 error)." in proc.stdout
    assert "\033[" not in proc.stdout  # no colour when not on a terminal
    quiet = run_cli(["check", "--no-cache", "--select", "S", "--quiet"], root)
    assert "Found" not in quiet.stdout and "S004" in quiet.stdout


def test_json_output_has_the_stable_keys(corpus):
    root = corpus({"nursing/a.md": seed_text("001").replace("id: 170601", "id: x")})
    proc = run_cli(["check", "--no-cache", "--output-format", "json", "--select", "S003"], root)
    items = json.loads(proc.stdout)
    assert len(items) == 1
    keys = {"path", "line", "column", "end_line", "end_column", "code", "severity", "message", "fix"}
    assert keys <= set(items[0])
    assert (items[0]["line"], items[0]["column"], items[0]["end_column"]) == (3, 5, 6)


def test_warnings_do_not_fail_unless_configured(corpus):
    root = corpus({"nursing/a.md": seed_text("001").replace("id: 170601", "id: x")})
    with open(root / "pyproject.toml", "a") as fh:
        fh.write('[tool.qtlint.severity]\nS003 = "warning"\n')
    assert run_cli(["check", "--no-cache", "--select", "S003"], root).returncode == 0
    assert run_cli(["check", "--no-cache", "--select", "S003", "--fail-on", "warning"], root).returncode == 1
    assert run_cli(["check", "--no-cache", "--select", "S003", "--exit-zero", "--fail-on", "info"],
                   root).returncode == 0


@pytest.mark.parametrize("config,needle", [
    ('[tool.qtlint]\nincldue = ["."]\n', "unknown key(s) in [tool.qtlint]: incldue"),
    ('[tool.qtlint]\nignore = ["X999"]\n', "unknown rule code(s) in `ignore`: X999"),
    ('[tool.qtlint]\nfail-on = "fatal"\n', "fail-on"),
    ('[tool.qtlint]\n[tool.qtlint.grammar]\nbackend = "word"\n', "backend"),
    ('[tool.qtlint\n', "invalid TOML"),
])
def test_configuration_errors_exit_two(tmp_path, config, needle):
    (tmp_path / "pyproject.toml").write_text(config)
    proc = run_cli(["check", "--no-cache"], tmp_path)
    assert proc.returncode == 2
    assert needle in proc.stderr and "Traceback" not in proc.stderr


def test_usage_errors_exit_two(tmp_path):
    assert run_cli(["check", "--select", "NOPE"], tmp_path).returncode == 2
    assert run_cli(["check", "missing-dir"], tmp_path).returncode == 2
    assert run_cli(["explain", "Z123"], tmp_path).returncode == 2
    assert run_cli(["frobnicate"], tmp_path).returncode == 2


def test_config_is_found_upward(corpus):
    root = corpus({"nursing/a.md": seed_text("001").replace("id: 170601", "id: x")})
    with open(root / "pyproject.toml", "a") as fh:
        fh.write('ignore = ["S003"]\n')
    proc = run_cli(["check", "--no-cache", "a.md", "--select", "S"], root / "nursing")
    assert proc.returncode == 0, proc.stdout


def test_rules_json_and_explain():
    proc = run_cli(["rules", "--output-format", "json"], REPO)
    rules = json.loads(proc.stdout)
    assert {r["code"] for r in rules} == set(all_rules())
    assert set(rules[0]) == {"code", "name", "category", "severity", "fixable", "summary"}
    text = run_cli(["explain", "U001"], REPO).stdout
    for section in ("What it does", "Why is this bad?", "Example", "Use instead"):
        assert section in text


def test_every_rule_is_documented():
    from lint.rules import CATEGORIES
    from lint.rules.base import DOC_SECTIONS

    for code, info in all_rules().items():
        for section in DOC_SECTIONS:
            assert section in info.doc, f"{code} lacks {section}"
        assert info.category in CATEGORIES, code


def test_select_and_ignore_by_prefix_and_category(corpus):
    text = seed_text("001").replace("id: 170601", "id: x").replace("  title: QuickTakes | Nursing",
                                                                    "  title: QuickTakes | Biology")
    root = corpus({seed_home(text): text})
    codes = lambda args: {i["code"] for i in json.loads(run_cli(
        ["check", "--no-cache", "--output-format", "json", *args], root).stdout)}
    assert codes(["--select", "slug"]) == {"U005"}
    assert codes(["--select", "S,U", "--ignore", "U005"]) == {"S003"}
    assert codes(["--select", "U", "--ignore", "U", "--extend-select", "U005"]) == {"U005"}


def test_hostile_files_do_not_stop_the_run(corpus):
    files = {f"nursing/bad{i}.md": raw for i, raw in enumerate([
        b"", b"\xff\xfe\x00", b"---\n" + b"[" * 50000 + b"\n---\n", b"---\na: &a [1]\nb: *a\n---\n",
        b"---\n- x\n---\n", b"no front matter", b"---\nid: 1\n"])}
    files["nursing/explain-how-the-sodiumpotassium-pump-contributes-to-the-establishment-of-the-"
          "resting-membrane-potential.md"] = seed_text("001").replace("id: 170601", "id: x")
    root = corpus(files)
    proc = run_cli(["check", "--no-cache", "--output-format", "json"], root)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    found = {(i["path"].split("/")[-1], i["code"]) for i in json.loads(proc.stdout)}
    assert {("bad0.md", "P002"), ("bad1.md", "P001"), ("bad2.md", "P009"), ("bad3.md", "P008"),
            ("bad4.md", "P006"), ("bad5.md", "P003"), ("bad6.md", "P004")} <= found
    assert any(code == "S003" for _, code in found)


def test_a_broken_invariants_file_is_a_configuration_error_even_after_cached_runs(corpus):
    root = corpus({seed_home(seed_text("001")): seed_text("001")})
    inv = root / "invariants.yaml"
    inv.write_bytes((REPO / "schemas" / "invariants.yaml").read_bytes())
    with open(root / "pyproject.toml", "a") as fh:
        fh.write('invariants = "invariants.yaml"\n')
    assert run_cli(["check"], root).returncode == 0
    assert run_cli(["check"], root).returncode == 0  # cached: the invariants were found valid
    inv.write_text(inv.read_text() + "\noops: [\n")
    proc = run_cli(["check"], root)
    assert proc.returncode == 2 and "invariants.yaml" in proc.stderr and "Traceback" not in proc.stderr


def test_unreachable_languagetool_is_exit_two_unless_grammar_is_left_out(corpus):
    root = corpus({seed_home(seed_text("001")): seed_text("001")})
    with open(root / "pyproject.toml", "a") as fh:
        fh.write('[tool.qtlint.grammar]\nbackend = "languagetool"\nlanguagetool-url = "http://127.0.0.1:9"\n')
    proc = run_cli(["check", "--no-cache"], root, env={"QTLINT_LANGUAGETOOL_URL": ""})
    assert proc.returncode == 2
    assert "languagetool" in proc.stderr and "not reachable" in proc.stderr and "Traceback" not in proc.stderr
    assert run_cli(["check", "--no-cache", "--ignore", "G"], root).returncode == 0


def test_facts_command_lists_disagreeing_articles_with_their_line(corpus):
    wrong = seed_text("000").replace("For every three sodium ions pumped out, two potassium ions are pumped in.",
                                     "For every two sodium ions pumped out, three potassium ions are pumped in.")
    root = corpus({seed_home(wrong): wrong, seed_home(seed_text("001")): seed_text("001")})
    text = run_cli(["facts", "--no-cache"], root).stdout
    assert "stated in 2, agree 1, disagree 1" in text
    assert f"    {seed_home(wrong)}:21: 2 Na+ out : 3 K+ in" in text
    data = json.loads(run_cli(["facts", "--no-cache", "--output-format", "json"], root).stdout)
    pump = next(r for r in data["invariants"] if r["id"] == "na-k-atpase-stoichiometry")
    assert (pump["stated"], pump["agree"], pump["disagree"]) == (2, 1, 1)
    assert pump["disagreements"][0]["article"] == seed_home(wrong)
    assert pump["disagreements"][0]["lines"] == [21]


def test_compiled_invariants_are_shared_only_while_the_file_is_unchanged(tmp_path):
    """F001 keeps the last compiled invariants for the process (workers forked after `warm`
    share them); an edited or broken file is compiled again, never served from the memo."""
    import dataclasses

    from lint.config import BackendUnavailable, load_settings
    from lint.rules import F001_fact_violation as f001

    inv = tmp_path / "invariants.yaml"
    text = (REPO / "schemas" / "invariants.yaml").read_text(encoding="utf-8")
    inv.write_text(text, encoding="utf-8")
    settings = dataclasses.replace(load_settings(cwd=tmp_path), invariants=inv)
    f001.warm(settings)
    first = f001.load(settings)
    assert f001.load(settings) is first  # unchanged: not compiled again
    inv.write_text(text + "\n# edited\n", encoding="utf-8")
    second = f001.load(settings)
    assert second is not first
    inv.write_text("invariants: [", encoding="utf-8")
    with pytest.raises(BackendUnavailable):
        f001.load(settings)
    f001.warm(settings)  # the workers report a file broken since the preflight; warm does not raise
