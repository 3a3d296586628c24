"""SARIF output, checked against the OASIS SARIF 2.1.0 (errata01) schema shipped in shared/external."""

from __future__ import annotations

import json
import os
import re
import urllib.parse
import urllib.request
from pathlib import Path

import jsonschema
import pytest

from lint.article import parse_article
from lint.diagnostic import Diagnostic, Edit, Fix, Severity
from lint.formatters import sarif
from tests.formatters.samples import EXTERNAL, RULES, SEED, SEED_PATH, UNICODE, UNICODE_PATH, at

SCHEMA = json.loads((EXTERNAL / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)


def relative(path: str, root: str) -> str:
    return os.path.relpath(path, root) if os.path.isabs(path) else path


def errors(log: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(log)]


def render(sample, **overrides) -> dict:
    arguments = {
        "tool_version": "0.4.0",
        "root": sample.root,
        "sources": sample.sources,
        "checked_paths": sample.checked_paths,
    } | overrides
    diagnostics = arguments.pop("diagnostics", sample.diagnostics)
    text = sarif.render(diagnostics, RULES, **arguments)
    return json.loads(text)


def offset_of(text: str, line: int, column: int) -> int:
    """SARIF line/column (columns in code points) to an offset. Lines end at LF, which in LF and
    CR LF text is where SARIF ends them too."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + column - 1


def region_text(text: str, region: dict) -> str:
    start = offset_of(text, region["startLine"], region["startColumn"])
    return text[start : offset_of(text, region.get("endLine", region["startLine"]), region["endColumn"])]


def test_shipped_examples_validate_and_a_broken_log_does_not():
    # the validator really checks: the tutorial logs pass, a zero column fails (GitHub rejects it too)
    for name in ("simple-example.sarif", "RegionVariants.sarif"):
        assert errors(json.loads((EXTERNAL / "sarif" / name).read_text(encoding="utf-8"))) == []
    broken = json.loads((EXTERNAL / "sarif" / "simple-example.sarif").read_text(encoding="utf-8"))
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    assert errors(broken)


def test_realistic_log_validates_against_the_published_schema(sample):
    log = render(sample)
    assert errors(log) == []
    assert log["version"] == "2.1.0"
    assert len(log["runs"][0]["results"]) == len(sample.diagnostics)


@pytest.mark.parametrize("sources", [None, {}], ids=["no-sources", "empty-sources"])
def test_log_without_sources_validates_and_leaves_fixes_out(sample, sources):
    log = render(sample, sources=sources)
    assert errors(log) == []
    assert all("fixes" not in result for result in log["runs"][0]["results"])


def test_empty_run_and_unknown_rule_validate(sample):
    assert errors(render(sample, diagnostics=[])) == []
    assert render(sample, diagnostics=[])["runs"][0]["results"] == []
    stray = Diagnostic(SEED_PATH, 1, 1, "X999", "a code without metadata")
    log = render(sample, diagnostics=[stray])
    assert errors(log) == []
    result = log["runs"][0]["results"][0]
    assert log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]] == {"id": "X999"}


def test_driver_and_rule_metadata(sample):
    driver = render(sample)["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("qtlint", "0.4.0")
    by_id = {rule["id"]: rule for rule in driver["rules"]}
    assert set(by_id) == set(RULES)
    mojibake = by_id["E001"]
    assert mojibake["name"] == "mojibake"
    assert mojibake["shortDescription"]["text"] == RULES["E001"].summary
    assert mojibake["fullDescription"]["text"] == RULES["E001"].doc.strip()
    assert mojibake["help"]["markdown"] == RULES["E001"].doc.strip()
    assert by_id["G001"]["defaultConfiguration"]["level"] == "note"
    assert by_id["S002"]["defaultConfiguration"]["level"] == "warning"
    # a rule without a doc falls back to its summary instead of an empty text
    assert by_id["R001"]["fullDescription"]["text"] == RULES["R001"].summary


def test_results_point_at_their_rule_with_the_right_level(sample):
    run = render(sample)["runs"][0]
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    expected = sorted(sample.diagnostics, key=lambda d: (relative(d.path, sample.root), d.line, d.column))
    for result, diagnostic in zip(run["results"], expected, strict=True):
        assert (
            run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"] == diagnostic.code
        )
        assert result["level"] == levels[diagnostic.severity]
        assert result["message"]["text"] == diagnostic.message  # multi-line and unicode kept as is


def test_regions_cover_the_flagged_text_in_code_points(sample):
    run = render(sample)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"  # the 🧪 before a finding is one column, not two
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        path = urllib.parse.unquote(location["artifactLocation"].get("uri", ""))
        source = {SEED_PATH: SEED, UNICODE_PATH: UNICODE}.get(path, SEED)
        flagged = next(
            d.text
            for d in sample.diagnostics
            if d.code == result["ruleId"]
            and d.line == location["region"]["startLine"]
            and d.column == location["region"]["startColumn"]
        )
        assert region_text(source, location["region"]) == flagged
        assert location["region"]["snippet"]["text"] == flagged


def test_a_big_log_is_compact_and_still_valid(sample, monkeypatch):
    monkeypatch.setattr(sarif, "PRETTY_LIMIT", 2)
    text = sarif.render(
        sample.diagnostics, RULES, tool_version="0.4.0", root=sample.root, sources=sample.sources
    )
    assert text.count("\n") == 1
    assert errors(json.loads(text)) == []
    assert json.loads(text) == render(sample, checked_paths=())


def test_results_are_ordered_by_relative_path_then_position(sample):
    results = render(sample)["runs"][0]["results"]
    keys = [
        (
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in results
    ]
    assert keys == sorted(keys)
    # the finding given with an absolute path sits among its file's other findings
    assert [k[0] for k in keys].count("seeds/000%20nursing%20pump.md") == 4


def test_uris_are_percent_encoded_and_resolve_to_the_files(sample):
    run = render(sample)["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/")
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%"
        assert not re.search(r"[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]", location["uri"])  # RFC 3986 characters only
        resolved = Path(urllib.request.url2pathname(urllib.parse.urlparse(base + location["uri"]).path))
        assert resolved.is_file()


def test_file_outside_root_gets_an_absolute_file_uri(sample, tmp_path):
    outside = tmp_path / "elsewhere" / "a b.md"
    log = render(sample, diagnostics=[Diagnostic(str(outside), 2, 1, "S002", "wrong type")])
    assert errors(log) == []
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": outside.as_uri()}


def apply_replacements(text: str, replacements: list[dict]) -> str:
    spans = []
    for replacement in replacements:
        region = replacement["deletedRegion"]
        start = offset_of(text, region["startLine"], region["startColumn"])
        end = offset_of(text, region["endLine"], region["endColumn"])
        spans.append((start, end, replacement["insertedContent"]["text"]))
    for start, end, content in sorted(spans, reverse=True):
        text = text[:start] + content + text[end:]
    return text


def apply_fix(text: str, fix: Fix) -> str:
    for edit in sorted(fix.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.content + text[edit.end :]
    return text


def test_fixes_reproduce_the_edits_when_applied_to_the_source(sample):
    run = render(sample)["runs"][0]
    ordered = sorted(sample.diagnostics, key=lambda d: (relative(d.path, sample.root), d.line, d.column))
    with_fix = [d for d in ordered if d.fix is not None]
    results = [r for r in run["results"] if "fixes" in r]
    assert len(results) == len(with_fix) == 3
    for result, diagnostic in zip(results, with_fix, strict=True):
        (fix,) = result["fixes"]
        (change,) = fix["artifactChanges"]
        assert change["artifactLocation"] == result["locations"][0]["physicalLocation"]["artifactLocation"]
        source = sample.sources[diagnostic.path]
        assert apply_replacements(source, change["replacements"]) == apply_fix(source, diagnostic.fix)
        assert fix["description"]["text"] == diagnostic.fix.message
        assert fix["properties"]["applicability"] == diagnostic.fix.applicability.value
    # the multi-line link removal spans lines; its insertion point is an empty region
    link = next(r for r in results if r["ruleId"] == "R001")["fixes"][0]["artifactChanges"][0]["replacements"]
    assert link[0]["deletedRegion"]["endColumn"] == link[0]["deletedRegion"]["startColumn"]
    assert link[1]["deletedRegion"]["endLine"] == link[1]["deletedRegion"]["startLine"] + 2


def test_fix_positions_agree_with_the_article_in_a_crlf_file(tmp_path):
    raw = "\ufeff---\r\nid: 1\r\ntitle: Here\u00e2\u20ac\u2122s 🧪\r\n---\r\n".encode("utf-8")
    article = parse_article("a.md", raw).article
    source = article.text
    start = source.index("â€™")
    diagnostic = article.diagnostic(
        "E001",
        start,
        start + 3,
        "mojibake",
        fix=Fix((Edit(start, start + 3, "’"), Edit(len(source), len(source), "\n"))),
    )
    log = json.loads(
        sarif.render([diagnostic], RULES, tool_version="1", root=str(tmp_path), sources={"a.md": source})
    )
    assert errors(log) == []
    result = log["runs"][0]["results"][0]
    region = result["locations"][0]["physicalLocation"]["region"]
    deleted, appended = (r["deletedRegion"] for r in result["fixes"][0]["artifactChanges"][0]["replacements"])
    # the fix's region is the result's region, both as the Article counts lines and columns
    assert (
        {k: region[k] for k in deleted}
        == deleted
        == {"startLine": 3, "startColumn": 12, "endLine": 3, "endColumn": 15}
    )
    assert region["snippet"]["text"] == "â€™"
    assert appended == {"startLine": 5, "startColumn": 1, "endLine": 5, "endColumn": 1}
    assert (appended["startLine"], appended["startColumn"]) == article.line_col(len(source))
    replacements = result["fixes"][0]["artifactChanges"][0]["replacements"]
    assert apply_replacements(source, replacements) == "---\r\nid: 1\r\ntitle: Here’s 🧪\r\n---\r\n\n"


class ReadOnDemand(dict):
    """Like the CLI's lazy sources: a dict that reads a file in __missing__ (so .get() would miss it)."""

    def __init__(self, files: dict[str, str]) -> None:
        super().__init__()
        self.files = files

    def __missing__(self, path: str) -> str:
        if path not in self.files:
            raise KeyError(path)
        self[path] = self.files[path]
        return self[path]


def test_sources_read_on_demand_and_extra_options(sample):
    log = render(sample, sources=ReadOnDemand(sample.sources), colour=True, show_source=False)
    assert errors(log) == []
    assert sum("fixes" in r for r in log["runs"][0]["results"]) == 3


def test_a_source_that_does_not_fit_the_fix_gives_no_fix(sample):
    # e.g. a file that could not be read comes back as ""
    log = render(sample, sources={path: "" for path in sample.sources})
    assert errors(log) == []
    results = log["runs"][0]["results"]
    assert all(
        "fixes" not in r and "snippet" not in r["locations"][0]["physicalLocation"]["region"] for r in results
    )


def test_fingerprints_survive_a_line_shift(sample):
    before = render(sample)["runs"][0]["results"]
    shifted_seed = "---\n# two new lines\n# above everything\n" + SEED[4:]
    shifted = [
        at(d.path, shifted_seed, d.text, d.code, d.message, d.severity) if d.path == SEED_PATH else d
        for d in sample.diagnostics
    ]
    after = render(sample, diagnostics=shifted, sources=None)["runs"][0]["results"]
    fingerprints = sorted(r["partialFingerprints"]["qtlint/v1"] for r in before)
    assert sorted(r["partialFingerprints"]["qtlint/v1"] for r in after) == fingerprints
    assert len(set(fingerprints)) == len(fingerprints)
    moved = [
        r
        for r in after
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("seeds/")
    ]
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] > 2 for r in moved)
