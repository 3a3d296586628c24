"""JUnit XML, validated with xmlschema against Jenkins' junit-10.xsd shipped in shared/external."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
import xmlschema

from lint.diagnostic import Diagnostic, Severity
from lint.formatters import junit
from tests.formatters.samples import CLEAN_PATH, EXTERNAL, RULES, SEED_PATH, UNICODE_PATH

SCHEMA = xmlschema.XMLSchema10(str(EXTERNAL / "junit-xsd" / "junit-10.xsd"))


def render(sample, **overrides) -> str:
    arguments = {
        "tool_version": "0.4.0",
        "root": sample.root,
        "sources": sample.sources,
        "checked_paths": sample.checked_paths,
    } | overrides
    return junit.render(arguments.pop("diagnostics", sample.diagnostics), RULES, **arguments)


def valid(xml: str) -> ET.Element:
    SCHEMA.validate(xml)  # raises XMLSchemaValidationError with the reason
    return ET.fromstring(xml.encode("utf-8"))


def cases(root: ET.Element) -> dict[str, ET.Element]:
    return {case.get("name"): case for case in root.iter("testcase")}


def test_the_schema_rejects_what_it_should():
    # the validator is live: a missing required attribute and a too-precise suite time both fail
    assert not SCHEMA.is_valid('<testsuite name="x" tests="1" failures="0"/>')
    assert not SCHEMA.is_valid('<testsuite name="x" tests="1" failures="0" errors="0" time="0.1234"/>')
    assert SCHEMA.is_valid('<testsuite name="x" tests="1" failures="0" errors="0" time="0.123"/>')


def test_one_test_case_per_checked_file_clean_files_pass(sample):
    root = valid(render(sample))
    found = cases(root)
    assert set(found) == {SEED_PATH, UNICODE_PATH, CLEAN_PATH}
    assert found[CLEAN_PATH].find("failure") is None
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "0")
    assert (root.get("tests"), root.get("failures")) == ("3", "2")


def test_a_failure_lists_every_finding_of_its_file(sample):
    found = cases(valid(render(sample)))
    failure = found[SEED_PATH].find("failure")
    assert failure.get("message") == "4 findings (1 error, 1 warning, 2 info)"
    lines = failure.text.splitlines()
    findings = [d for d in sample.diagnostics if d.path.endswith(SEED_PATH)]
    positions = [tuple(map(int, line.split(":")[1:3])) for line in lines if line.startswith(SEED_PATH + ":")]
    assert len(positions) == len(findings) and positions == sorted(positions)
    assert f"{SEED_PATH}:7:8: S002 [warning] score: expected an integer, got 'high'" in lines
    assert "    see the schema, line 12" in lines  # the message's second line, indented under it
    unicode_failure = found[UNICODE_PATH].find("failure")
    assert unicode_failure.get("message") == "2 findings (2 errors)"
    assert "mojibake 'â€™' after '🧪': should be '’'" in unicode_failure.text


def test_files_with_findings_but_not_listed_as_checked_still_appear(sample):
    root = valid(render(sample, checked_paths=()))
    assert set(cases(root)) == {SEED_PATH, UNICODE_PATH}


def test_nothing_checked_is_still_a_valid_report(sample):
    root = valid(render(sample, diagnostics=[], checked_paths=()))
    assert root.find("testsuite").get("tests") == "0"


@pytest.mark.parametrize(
    "seconds, expected", [(0.1234567, "0.123"), (1234.5678, "1234.568"), (2e-05, "0.000"), (3.0, "3.000")]
)
def test_measured_time_is_a_valid_surefire_time(sample, seconds, expected):
    root = valid(render(sample, elapsed_seconds=seconds))
    assert root.get("time") == root.find("testsuite").get("time") == expected


def test_time_is_left_out_when_not_measured(sample):
    root = valid(render(sample))
    assert root.get("time") is None and root.find("testsuite").get("time") is None


def test_text_xml_cannot_carry_is_made_visible(tmp_path):
    message = 'control \x1b[31m red, NUL \x00, \ufffe and a C1 \x85 plus <tag> & "quotes"'
    diagnostic = Diagnostic("x\x01.md", 1, 1, "S002", message, Severity.WARNING)
    xml = junit.render([diagnostic], RULES, tool_version="1", root=str(tmp_path))
    root = valid(xml)
    (case,) = cases(root).values()
    assert case.get("name") == "x\\x01.md"
    expected = 'control \\x1b[31m red, NUL \\x00, \\ufffe and a C1 \x85 plus <tag> & "quotes"'
    assert expected in case.find("failure").text
