"""Every output format end to end through the CLI in a temporary git repository, each checked
against its published schema or syntax (../shared/external), and the options around them."""
from __future__ import annotations

import json
import re
import shutil
import urllib.parse
from collections import Counter

import jsonschema
import pytest
import xmlschema

from tests.conftest import run_cli, seed_home, seed_text, write_corpus
from tests.e2e.repos import EXTERNAL, GIT_ENV, NA_K, RESTING, clean_seed, init_repo

SEVERITY_CONFIG = '\n[tool.qtlint.severity]\nU005 = "warning"\nS002 = "info"\n'
ODD = "nursing/odd, name: 100%.md"  # ',' ':' '%' must be escaped in GitHub properties and SARIF uris


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """Errors (E001 mojibake with a safe fix; U003 name), a warning (U005), an info (S002), a clean
    file. Read-only: the tests share it."""
    mojibake = seed_text("000").replace("title: QuickTakes | Nursing", "title: QuickTakes - Nursing")
    mojibake = mojibake.replace("\nauthor: QuickTakes\n", "\nauthor: QuickTakes\nreviewer: nobody\n")
    a_path, a = clean_seed(NA_K)
    c_text = clean_seed(RESTING)[1]
    root = write_corpus(tmp_path_factory.mktemp("formats") / "content",
                        {seed_home(mojibake): mojibake, a_path: a, ODD: c_text})
    with (root / "pyproject.toml").open("a", encoding="utf-8") as fh:
        fh.write(SEVERITY_CONFIG)
    return init_repo(root)


@pytest.fixture(scope="module")
def expected(repo) -> Counter:
    """What the JSON output says: every other format must say the same."""
    return keyed(findings(repo))


_STDOUT: dict = {}  # (root, format) -> the completed run


def report(root, fmt: str):
    """The run printing `fmt` (once per module: the repository does not change)."""
    if (root, fmt) not in _STDOUT:
        _STDOUT[root, fmt] = cli(root, "--output-format", fmt)
    return _STDOUT[root, fmt]


def cli(root, *args):
    return run_cli(["check", "--no-cache", *args], root, env=GIT_ENV)


def findings(root, *args) -> list[dict]:
    proc = cli(root, "--output-format", "json", *args)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def keyed(items) -> Counter:
    return Counter((d["path"], d["line"], d["column"], d["code"], d["severity"]) for d in items)


def test_the_sample_repo_has_every_severity(repo):
    found = findings(repo)
    by_code = {d["code"]: d["severity"] for d in found}
    assert by_code == {"E001": "error", "U003": "error", "U005": "warning", "S002": "info"}
    assert {d["path"] for d in found if d["code"] == "U003"} == {ODD}


def test_text(repo, expected):
    proc = report(repo, "text")
    assert proc.returncode == 1
    for path, line, column, code, _severity in expected:
        assert f"{path}:{line}:{column}: {code} " in proc.stdout
    assert re.search(r"^Found 4 findings \(2 errors, 1 warning, 1 info\)\.$", proc.stdout, re.MULTILINE)


# ---- SARIF ---------------------------------------------------------------------------------
SARIF_SCHEMA = json.loads((EXTERNAL / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def test_sarif_validates_and_says_what_json_says(repo, expected):
    proc = report(repo, "sarif")
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    validator = jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    (run,) = log["runs"]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    got = Counter()
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        path = urllib.parse.unquote(location["artifactLocation"]["uri"])
        region = location["region"]
        level = result.get("level", "warning")  # SARIF's default level
        severity = next(s for s, lv in SARIF_LEVELS.items() if lv == level)
        got[(path, region["startLine"], region["startColumn"], result["ruleId"], severity)] += 1
        rule = rules[result["ruleId"]]
        assert rule["help"]["text"].strip() and rule["shortDescription"]["text"].strip()
    assert got == expected
    fixed = [r for r in run["results"] if r["ruleId"] == "E001"]
    replacement = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "’"


# ---- GitHub workflow commands --------------------------------------------------------------
def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """ActionCommand.TryParseV2 and the unescaping of actions/runner, as the summary describes."""
    line = line.lstrip()
    assert line.startswith("::"), line
    end = line.index("::", 2)
    command, message = line[2:end], line[end + 2:]
    name, _, rest = command.partition(" ")
    properties = {}
    for entry in filter(None, rest.strip().split(",")):
        key, sep, value = entry.partition("=")
        if sep and key and value:
            properties[key.lower()] = (value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
                                       .replace("%2C", ",").replace("%25", "%"))
    message = message.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")
    return name.lower(), properties, message


def test_github_annotations_parse_and_point_at_the_findings(repo, expected):
    proc = report(repo, "github")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert len(lines) == sum(expected.values())
    got = Counter()
    for line in lines:
        name, props, message = parse_command(line)
        assert name in {"error", "warning", "notice"} and message
        assert set(props) <= {"file", "line", "endline", "col", "endcolumn", "title"}
        assert (repo / props["file"]).is_file()  # the escaped name came back intact
        line_no, col = int(props["line"]), int(props["col"])
        assert int(props["endline"]) >= line_no
        if "endcolumn" in props and props["endline"] == props["line"]:
            assert int(props["endcolumn"]) >= col  # else the runner drops the columns
        code = re.match(r"qtlint (\w+)", props["title"]).group(1)
        severity = {"error": "error", "warning": "warning", "notice": "info"}[name]
        got[(props["file"], line_no, col, code, severity)] += 1
    assert got == expected
    assert "%2C name%3A 100%25.md" in proc.stdout  # ODD's file property, escaped


# ---- JUnit ---------------------------------------------------------------------------------
def test_junit_validates_with_one_case_per_checked_file(repo, expected):
    proc = report(repo, "junit")
    assert proc.returncode == 1
    schema = xmlschema.XMLSchema10(str(EXTERNAL / "junit-xsd" / "junit-10.xsd"))
    schema.validate(proc.stdout)
    tree = schema.to_dict(proc.stdout)
    cases = [c for suite in tree["testsuite"] for c in suite["testcase"]]
    files = sorted(p.relative_to(repo).as_posix() for p in repo.rglob("*.md"))
    assert sorted(c["@name"] for c in cases) == files
    failing = {c["@name"] for c in cases if c.get("failure")}
    assert failing == {path for path, *_ in expected}


# ---- options -------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit"])
def test_output_file_holds_what_stdout_would(repo, fmt, tmp_path):
    target = tmp_path / "reports" / f"qtlint.{fmt}"
    to_file = cli(repo, "--output-format", fmt, "--output-file", str(target))
    assert to_file.returncode == 1 and to_file.stdout == ""
    assert target.read_text(encoding="utf-8") == report(repo, fmt).stdout


def test_statistics_count_per_rule(repo, expected):
    counts = Counter()
    for (_path, _line, _column, code, _severity), n in expected.items():
        counts[code] += n
    proc = cli(repo, "--statistics")
    assert proc.returncode == 1
    rows = [line.split("\t") for line in proc.stdout.splitlines() if line.strip()]
    assert {row[1]: int(row[0]) for row in rows} == counts
    as_json = json.loads(cli(repo, "--statistics", "--output-format", "json").stdout)
    assert {row["code"]: row["count"] for row in as_json} == counts
    assert next(r for r in as_json if r["code"] == "E001")["fixable_count"] == 1


def test_exit_zero_keeps_the_report(repo, expected):
    proc = cli(repo, "--exit-zero", "--output-format", "json")
    assert proc.returncode == 0 and keyed(json.loads(proc.stdout)) == expected


def test_failing_severity(repo, tmp_path):
    """Without the errors, the warning and the info fail only when asked to."""
    repo = shutil.copytree(repo, tmp_path / "copy")  # this test edits the configuration
    errors_gone = ["--ignore", "E001,U003"]
    assert cli(repo, *errors_gone).returncode == 0
    assert cli(repo, *errors_gone, "--fail-on", "warning").returncode == 1
    assert cli(repo, *errors_gone, "--ignore", "U005", "--fail-on", "warning").returncode == 0
    assert cli(repo, *errors_gone, "--ignore", "U005", "--fail-on", "info").returncode == 1
    config = (repo / "pyproject.toml").read_text().replace("[tool.qtlint]\n", '[tool.qtlint]\nfail-on = "info"\n')
    (repo / "pyproject.toml").write_text(config)
    assert cli(repo, *errors_gone, "--ignore", "U005").returncode == 1
    assert cli(repo, *errors_gone, "--ignore", "U005", "--fail-on", "error").returncode == 0


def test_unknown_format_is_a_usage_error(repo):
    assert cli(repo, "--output-format", "xml").returncode == 2
