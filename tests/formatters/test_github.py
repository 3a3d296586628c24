"""GitHub Actions annotations, read back the way the Actions runner reads them.

`parse_command` and `validate_lines_and_columns` follow the runner's logic as described in
shared/external/github-actions/github-annotations.md (ActionCommand.TryParseV2,
UnescapeData/UnescapeProperty, ActionCommandManager.ValidateLinesAndColumns).
"""

from __future__ import annotations

import pytest

from lint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from lint.formatters import github
from tests.formatters.samples import RULES, SEED_PATH, UNICODE_PATH

RUNNER_COMMANDS = {"error", "warning", "notice", "debug", "group", "endgroup", "add-mask", "stop-commands"}


def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return (
        text.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
    )


def parse_command(line: str) -> tuple[str, dict[str, str], str] | None:
    line = line.lstrip()
    if not line.startswith("::"):
        return None
    end = line.find("::", 2)
    if end < 0:
        return None
    command, message = line[2:end], line[end + 2 :]
    name, _, rest = command.partition(" ")
    if name.lower() not in RUNNER_COMMANDS:
        return None
    properties = {}
    for entry in (e for e in rest.strip().split(",") if e):
        key, _, value = entry.partition("=")
        if key and value:
            properties[key.lower()] = unescape_property(value)
    return name.lower(), properties, unescape_data(message)


def validate_lines_and_columns(properties: dict[str, str]) -> dict[str, str]:
    """What the runner keeps of line/endLine/col/endColumn (it repairs or drops, never rejects)."""
    p = {k: int(v) for k, v in properties.items() if k in {"line", "endline", "col", "endcolumn"}}
    if "endline" in p and "line" not in p:
        p["line"] = p["endline"]
    if "endcolumn" in p and "col" not in p:
        p["col"] = p["endcolumn"]
    if "line" not in p:
        p.pop("col", None), p.pop("endcolumn", None)
    if p.get("line") != p.get("endline", p.get("line")) and ("col" in p or "endcolumn" in p):
        p.pop("col", None), p.pop("endcolumn", None)
    if "endline" in p and p["endline"] < p["line"]:
        p.pop("line"), p.pop("endline")
    if "endcolumn" in p and p["endcolumn"] < p["col"]:
        p.pop("col"), p.pop("endcolumn")
    return {
        **{k: v for k, v in properties.items() if k not in {"line", "endline", "col", "endcolumn"}},
        **{k: str(v) for k, v in p.items()},
    }


def render(sample, diagnostics=None) -> list[str]:
    text = github.render(
        sample.diagnostics if diagnostics is None else diagnostics,
        RULES,
        tool_version="1.0",
        root=sample.root,
        sources=sample.sources,
        checked_paths=sample.checked_paths,
    )
    assert text.endswith("\n") or text == ""
    return text.splitlines()


def test_parser_reads_the_documented_worked_example():
    line = (
        "::error file=src/a%2Cb.py,line=3,col=1,title=E501%3A line too long%2C 120 > 100"
        "::100%25 sure%0Asecond line"
    )
    assert parse_command(line) == (
        "error",
        {"file": "src/a,b.py", "line": "3", "col": "1", "title": "E501: line too long, 120 > 100"},
        "100% sure\nsecond line",
    )


def test_escaping_matches_the_documented_worked_example():
    assert github.escape_property("E501: line too long, 120 > 100") == "E501%3A line too long%2C 120 > 100"
    assert github.escape_property("src/a,b.py") == "src/a%2Cb.py"
    # the message keeps ':' and ',' raw: the runner would not decode %3A or %2C there
    assert github.escape_data("100% sure\nsecond line: a, b") == "100%25 sure%0Asecond line: a, b"


def test_every_finding_is_one_runner_command_with_its_level(sample):
    lines = render(sample)
    assert len(lines) == len(sample.diagnostics)
    levels = {"error": 0, "warning": 0, "notice": 0}
    for line in lines:
        parsed = parse_command(line)
        assert parsed is not None, line
        levels[parsed[0]] += 1
    expected = {"error": 0, "warning": 0, "notice": 0}
    for d in sample.diagnostics:
        expected[
            {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}[d.severity]
        ] += 1
    assert levels == expected and expected["notice"] == 2


def test_messages_titles_and_paths_round_trip(sample):
    parsed = {}
    for line in render(sample):
        _, properties, message = parse_command(line)
        parsed[(properties["file"], int(properties["line"]), properties["title"])] = message
    for d in sample.diagnostics:
        path = SEED_PATH if d.path.endswith(SEED_PATH) else d.path  # absolute paths come out relative to root
        title = f"qtlint {d.code} ({RULES[d.code].name})"
        message = parsed[(path, d.line, title)]
        assert message.startswith(d.message)
        if d.fix is not None:
            assert message == f"{d.message}\nFix ({d.fix.applicability.value}): {d.fix.message}"
    assert any(path == UNICODE_PATH for path, _, _ in parsed)


@pytest.mark.parametrize(
    "message",
    [
        "100% sure: a, b",
        "line one\nline two\r\nline three\rline four",
        "a literal %0A and %25 and %3A stay literal",
        "nested :: separators ::error file=x::y",
        "ünïcode 🧪 ‘quoted’ — Hereâ€™s",
        "",
    ],
)
@pytest.mark.parametrize("path", ["plain.md", "dir with space/a,b: c.md", "odd/%0A%2C=equals=.md", "ë/🧪.md"])
def test_tricky_text_round_trips_exactly(tmp_path, message, path):
    diagnostic = Diagnostic(path, 3, 5, "S002", message, Severity.WARNING, 3, 9, text="high")
    (line,) = github.render([diagnostic], RULES, tool_version="1", root=str(tmp_path)).splitlines()
    assert "\n" not in line and "\r" not in line
    name, properties, parsed_message = parse_command(line)
    assert name == "warning"
    assert parsed_message == message
    assert properties == {
        "file": path,
        "line": "3",
        "endline": "3",
        "col": "5",
        "endcolumn": "9",
        "title": "qtlint S002 (schema-type)",
    }


def test_positions_are_ones_the_runner_keeps(sample):
    extra = [
        Diagnostic("a.md", 4, 7, "S002", "point, no end", Severity.WARNING),
        Diagnostic("a.md", 4, 7, "S002", "end column before start", Severity.WARNING, 4, 2),
        Diagnostic("a.md", 6, 1, "S002", "end line before start", Severity.WARNING, 5, 3),
        Diagnostic("a.md", 0, 0, "S002", "whole file", Severity.WARNING),
    ]
    for line in render(sample, sample.diagnostics + extra):
        _, properties, _ = parse_command(line)
        assert validate_lines_and_columns(properties) == properties, line


def test_multi_line_ranges_send_lines_without_columns(sample):
    link = next(d for d in sample.diagnostics if d.code == "R001")
    assert link.end_line > link.line
    (line,) = render(sample, [link])
    _, properties, _ = parse_command(line)
    assert (properties["line"], properties["endline"]) == (str(link.line), str(link.end_line))
    assert "col" not in properties and "endcolumn" not in properties


def test_single_line_range_sends_columns(sample):
    mojibake = next(d for d in sample.diagnostics if d.code == "E001" and d.path == SEED_PATH)
    (line,) = render(sample, [mojibake])
    _, properties, _ = parse_command(line)
    assert properties["col"] == str(mojibake.column) and properties["endcolumn"] == str(mojibake.end_column)
    assert properties["line"] == properties["endline"] == str(mojibake.line)


def test_fix_without_message_and_unknown_rule(tmp_path):
    fix = Fix((Edit(0, 1, "x"),), Applicability.DISPLAY_ONLY)
    diagnostic = Diagnostic("b.md", 1, 1, "X999", "no metadata", Severity.INFO, fix=fix)
    (line,) = github.render([diagnostic], {}, tool_version="1", root=str(tmp_path)).splitlines()
    assert parse_command(line) == (
        "notice",
        {"file": "b.md", "line": "1", "endline": "1", "col": "1", "title": "qtlint X999"},
        "no metadata",
    )


def test_nothing_to_report_prints_nothing(sample):
    assert github.render([], RULES, tool_version="1", root=sample.root) == ""
