"""JUnit XML (the dialect of Jenkins' junit-10.xsd): one test case per checked file.

A file with findings has one `<failure>` whose text lists them; a clean file is a passing
test case. `time` on `<testsuite>`/`<testsuites>` is typed SUREFIRE_TIME (at most three
decimals), so it is only written, rounded to milliseconds, when the caller measured it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from lint.baseline import relative_path
from lint.diagnostic import Diagnostic, RuleInfo, Severity

SUITE_NAME = "qtlint"

# characters XML 1.0 cannot carry at all, not even as character references
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """Text made safe for XML 1.0: forbidden control characters become visible escapes."""
    return _NOT_XML.sub(
        lambda match: (
            f"\\x{ord(match.group()):02x}" if ord(match.group()) < 0x100 else f"\\u{ord(match.group()):04x}"
        ),
        text,
    )


def surefire_time(seconds: float) -> str:
    """Seconds as SUREFIRE_TIME: no exponent, at most three decimals."""
    return f"{max(seconds, 0.0):.3f}"


def render(
    diagnostics: Sequence[Diagnostic],
    rules: Mapping[str, RuleInfo],
    *,
    tool_version: str,
    root: str,
    sources: Mapping[str, str] | None = None,
    checked_paths: Sequence[str] = (),
    elapsed_seconds: float | None = None,
    **_presentation: object,  # colour, show_source, ...: options of other formats
) -> str:
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for diagnostic in diagnostics:
        by_file[relative_path(diagnostic.path, root)].append(diagnostic)
    files = sorted({relative_path(p, root) for p in checked_paths} | set(by_file))
    failures = sum(1 for name in files if by_file.get(name))
    counts = {"tests": str(len(files)), "failures": str(failures), "errors": "0"}

    suites = ET.Element("testsuites", {"name": SUITE_NAME, **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": SUITE_NAME, **counts, "skipped": "0"})
    if elapsed_seconds is not None:
        suites.set("time", surefire_time(elapsed_seconds))
        suite.set("time", surefire_time(elapsed_seconds))
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "qtlint.version", "value": xml_text(tool_version)})
    for name in files:
        case = ET.SubElement(suite, "testcase", {"name": xml_text(name), "classname": SUITE_NAME})
        found = sorted(by_file.get(name, ()), key=lambda d: d.sort_key()[1:])
        if found:
            failure = ET.SubElement(case, "failure", {"message": xml_text(_summary(found)), "type": "qtlint"})
            failure.text = xml_text("\n".join(_finding(name, d) for d in found) + "\n")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _summary(found: list[Diagnostic]) -> str:
    by_severity = Counter(Severity(d.severity) for d in found)
    parts = [
        f"{by_severity[s]} {s.value}" + ("s" if by_severity[s] > 1 and s != Severity.INFO else "")
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if by_severity[s]
    ]
    noun = "finding" if len(found) == 1 else "findings"
    return f"{len(found)} {noun} ({', '.join(parts)})"


def _finding(name: str, diagnostic: Diagnostic) -> str:
    # continuation lines of a multi-line message are indented under their finding
    message = diagnostic.message.replace("\r\n", "\n").replace("\n", "\n    ")
    severity = Severity(diagnostic.severity).value
    return f"{name}:{diagnostic.line}:{diagnostic.column}: {diagnostic.code} [{severity}] {message}"
