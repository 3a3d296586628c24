"""schemas/invariants.yaml and its schema: a good file loads, a bad one fails with the file, the
line and what to fix (never a traceback)."""
from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from lint.diagnostic import Severity
from lint.facts import InvariantsError, load_invariants, parse_invariants
from lint.facts.__main__ import main

from .conftest import REPO

GOOD = """\
version: 1
vocabulary:
  directions:
    out: [out of the cell]
    in: [into the cell]
  negations: [not]
invariants:
  - id: sglt1-stoichiometry
    statement: SGLT1 moves 2 Na+ and 1 glucose into the cell together.
    kind: ratio
    context: Apical membrane of enterocytes and kidney proximal tubule cells.
    severity: warning
    source:
      citation: Alberts et al., Molecular Biology of the Cell, 6th ed., ch. 11.
    expected:
      parts:
        - {name: Na+, terms: [Na+, sodium], count: 2, direction: in}
        - {name: glucose, terms: [glucose], count: 1, direction: in}
    tolerance: {absolute: 0}
    look_for:
      subject: [SGLT1]
  - id: body-temperature
    statement: Normal human core body temperature is about 37 degrees Celsius.
    kind: quantity
    context: Healthy adults.
    severity: info
    source:
      citation: Guyton and Hall Textbook of Medical Physiology, 13th ed., ch. 74.
    expected: {value: 37, unit: °C}
    tolerance: {absolute: 0.5}
    units: {°C: 1, degrees Celsius: 1}
    look_for:
      subject: [body temperature]
"""


def _lines_of(text: str, needle: str | tuple[str, int]) -> int:
    """1-based line of the first (or the n-th) line containing needle."""
    needle, nth = needle if isinstance(needle, tuple) else (needle, 1)
    return [i for i, line in enumerate(text.splitlines(), 1) if needle in line][nth - 1]


def test_the_shipped_file_loads(invariants):
    assert [i.id for i in invariants] == [
        "na-k-atpase-stoichiometry", "neuron-resting-potential", "human-chromosome-number"]
    pump = invariants.get("na-k-atpase-stoichiometry")
    assert [(p.name, p.count, p.direction, p.optional) for p in pump.parts] == [
        ("Na+", 3, "out", False), ("K+", 2, "in", False), ("ATP", 1, None, True)]
    rmp = invariants.get("neuron-resting-potential")
    assert rmp.accepted_range() == (-80.0, -60.0)
    assert rmp.expected_text() == "-70 mV (±10 mV)"
    assert rmp.severity is Severity.ERROR
    assert all(inv.source and inv.statement and inv.context for inv in invariants)


def test_the_shipped_file_is_valid_against_its_published_schema():
    schema = json.loads((REPO / "schemas" / "invariants.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    data = yaml.safe_load((REPO / "schemas" / "invariants.yaml").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []


def test_a_good_file_with_other_invariants_loads():
    loaded = parse_invariants(GOOD, "good.yaml")
    assert [i.id for i in loaded] == ["sglt1-stoichiometry", "body-temperature"]
    assert loaded.get("body-temperature").accepted_range() == (36.5, 37.5)
    assert loaded.get("sglt1-stoichiometry").expected_text() == "2 Na+ in : 1 glucose in"


BAD = [
    # (name, edit: (old, new), message fragment, line of the problem (a fragment of that line))
    ("yaml syntax", ("    kind: ratio\n", "    kind: [ratio\n"), "not valid YAML", "context: Apical"),
    ("missing field", ("    tolerance: {absolute: 0}\n", ""), "missing `tolerance`", "- id: sglt1"),
    ("unknown field", ("    kind: quantity\n", "    kind: quantity\n    tolerence: 1\n"),
     "unknown field 'tolerence'", "tolerence: 1"),
    ("unknown kind", ("    kind: ratio\n", "    kind: proportion\n"), "'proportion' is not one of",
     "kind: proportion"),
    ("bad id", ("- id: sglt1-stoichiometry", "- id: SGLT1 stoichiometry"), "kebab-case", "- id: SGLT1"),
    ("negative tolerance", ("{absolute: 0.5}", "{absolute: -1}"), "less than the minimum", "absolute: -1"),
    ("one part", ("        - {name: glucose, terms: [glucose], count: 1, direction: in}\n", ""),
     "needs at least 2 entries", "- {name: Na+"),
    ("count not a number", ("count: 2,", "count: two,"), "'two' is not of type 'integer'", "count: two"),
    ("undeclared direction", ("count: 1, direction: in}", "count: 1, direction: inward}"),
     "direction 'inward' is not declared", "direction: inward"),
    ("duplicate id", ("- id: body-temperature", "- id: sglt1-stoichiometry"), "duplicate id",
     ("- id: sglt1-stoichiometry", 2)),
    ("bad regex", ("subject: [SGLT1]", "subject: ['re:SGLT(1']"), "invalid regular expression", "re:SGLT(1"),
    ("unit not declared", ("unit: °C}", "unit: degC}"), "unit 'degC' is not one of this invariant's units",
     "unit: degC"),
    ("empty phrase", ("subject: [body temperature]", "subject: ['*']"), "empty phrase", "subject: ['*']"),
]


@pytest.mark.parametrize("name, edit, fragment, line_of", BAD, ids=[b[0] for b in BAD])
def test_a_bad_file_names_file_line_and_fix(name, edit, fragment, line_of):
    old, new = edit
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    with pytest.raises(InvariantsError) as caught:
        parse_invariants(text, "my-invariants.yaml")
    problems = [p for p in caught.value.problems if fragment in p.message]
    assert problems, [str(p) for p in caught.value.problems]
    problem = problems[0]
    assert problem.path == "my-invariants.yaml"
    assert problem.line == _lines_of(text, line_of), str(problem)
    assert str(problem).startswith(f"my-invariants.yaml:{problem.line}:{problem.column}: ")
    assert "Traceback" not in str(caught.value)


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path):
    with pytest.raises(InvariantsError) as caught:
        load_invariants(tmp_path / "nope.yaml")
    assert "cannot read the file" in str(caught.value)


def test_the_module_command_reports_problems_and_exits_2(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("    tolerance: {absolute: 0}\n", ""), encoding="utf-8")
    assert main(["--invariants", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:8:5: invariants[0]: missing `tolerance`" in err
    assert "Traceback" not in err


def test_the_module_command_checks_and_tries_sentences(capsys):
    assert main([]) == 0
    assert "3 invariants OK" in capsys.readouterr().out
    sentences = ["The Na+/K+ pump moves 2 Na+ out and 3 K+ in.", "Threshold is -55 mV."]
    assert main(["--try", sentences[0], "--try", sentences[1]]) == 0
    out = capsys.readouterr().out
    assert "na-k-atpase-stoichiometry: VIOLATES: states 2 Na+ out : 3 K+ in" in out
    assert "no claim: Threshold is -55 mV." in out
