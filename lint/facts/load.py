"""Read schemas/invariants.yaml: YAML, then its JSON Schema, then the checks a schema cannot make
(duplicate ids, phrases that do not compile, units and directions that are not declared).

Every problem becomes a `Problem` naming the file, the line and what to fix; `InvariantsError`
carries them all. Nothing here lets a traceback reach an editor.
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from lint.diagnostic import Severity

from .anchors import AnchorPlan, needed_words
from .cues import CueIndex
from .memo import PassageMemo, looks_back
from .model import Invariant, Invariants, LookFor, Part, Vocabulary
from .terms import TermError, compile_terms, term_pattern

SCHEMA_NAME = "invariants.schema.json"
DATA_NAME = "invariants.yaml"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int  # 1-based
    column: int  # 1-based
    where: str  # e.g. invariants[1].tolerance
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.where or 'file'}: {self.message}"


class InvariantsError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def default_path() -> Path:
    """The shipped schemas/invariants.yaml."""
    return _bundled(DATA_NAME)


def load_invariants(path: str | Path | None = None) -> Invariants:
    path = Path(path) if path is not None else default_path()
    return parse_invariants(read_invariants(path), str(path))


def read_invariants(path: Path) -> str:
    """The file's text as load_invariants parses it (an InvariantsError when it cannot be read)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvariantsError([Problem(str(path), 1, 1, "", f"cannot read the file: {exc}")]) from None


def parse_invariants(text: str, path: str = "<invariants>") -> Invariants:
    try:
        # libyaml where available: the pure-Python parser took a third of a second on this file
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        root = yaml.compose(text, Loader=loader)
        data = loader(text).get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        why = getattr(exc, "problem", None) or str(exc)
        raise InvariantsError([Problem(path, line, col, "", f"not valid YAML: {why}; fix the "
                                       "indentation or quoting on this line")]) from None
    locate = _Locator(root)
    schema = json.loads(_bundled(SCHEMA_NAME).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = [_schema_problem(path, locate, e) for e in validator.iter_errors(data)]
    if problems:
        raise InvariantsError(sorted(set(problems), key=lambda p: (p.line, p.column, p.message)))
    builder = _Builder(path, locate)
    result = builder.build(data)
    if builder.problems:
        raise InvariantsError(builder.problems)
    return result


def _bundled(name: str) -> Path:
    from lint.resources import bundled  # the schemas/ directory, in a checkout or a wheel
    return bundled(name)


class _Locator:
    """JSON path (keys and indexes) -> 1-based (line, column) in the YAML file."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.root = root

    def __call__(self, path: list[Any] | tuple[Any, ...]) -> tuple[int, int]:
        node, best = self.root, self.root
        for step in path:
            child = None
            if isinstance(node, yaml.MappingNode):
                child = next((v for k, v in node.value if k.value == step), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                child = node.value[step]
            if child is None:
                break
            node = best = child
        if best is None:
            return 1, 1
        return best.start_mark.line + 1, best.start_mark.column + 1


def _where(path) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def _schema_problem(path: str, locate: _Locator, error: jsonschema.ValidationError) -> Problem:
    where = list(error.absolute_path)
    line, col = locate(where)
    kind, message = error.validator, error.message
    if kind == "required":
        missing = re.search(r"'([^']+)' is a required property", message)
        message = f"missing `{missing.group(1)}`: add it here (see docs/facts.md)" if missing else message
    elif kind == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        for pattern in error.schema.get("patternProperties", {}):
            allowed |= set(re.findall(r"\w+", pattern))
        unknown = sorted(str(k) for k in error.instance if k not in allowed)
        if unknown:
            line, col = locate([*where, unknown[0]])
            message = (f"unknown field {', '.join(repr(k) for k in unknown)}; remove or rename it "
                       f"(allowed here: {', '.join(sorted(allowed))})")
    elif kind in ("minItems", "minProperties"):
        message = f"needs at least {error.validator_value} entries here"
    elif kind == "minLength":
        message = f"too short: write at least {error.validator_value} characters"
    elif kind in ("enum", "const"):
        message = f"{message}; use one of the allowed values"
    elif kind == "type":
        message = f"{message}; expected {error.validator_value}"
    elif kind == "pattern":
        message = f"{message}; ids are kebab-case (lowercase words joined by '-')"
    return Problem(path, line, col, _where(error.absolute_path), message)


def _with_cues(inv: Invariant, vocabulary: Vocabulary) -> Invariant:
    """The invariant with its cue indexes, in the order quantity.check / ratio.check look for cues."""
    lf = inv.look_for
    axes = [("subject", "", lf.subject), ("confuser", "", lf.confusers), ("applies", "", lf.applies),
            ("excluded", "", lf.excluded)]
    cues = axes + [("negation", "", vocabulary.negations), ("sign", "negative", vocabulary.negative),
                   ("sign", "positive", vocabulary.positive)]
    if inv.kind == "ratio":
        cues += [("mask", "", vocabulary.not_directions)]
        cues += [("direction", name, pattern) for name, pattern in vocabulary.directions]
    return dataclasses.replace(inv, cues=CueIndex(cues), axes=CueIndex(axes), anchors=AnchorPlan(inv),
                               memo=PassageMemo(), expected=inv.expected_text())


class _Builder:
    def __init__(self, path: str, locate: _Locator) -> None:
        self.path, self.locate, self.problems = path, locate, []

    def problem(self, where: list[Any], message: str) -> None:
        line, col = self.locate(where)
        self.problems.append(Problem(self.path, line, col, _where(where), message))

    def terms(self, where: list[Any], terms: list[str] | None, word_start: bool = True):
        terms = terms or []
        for i, term in enumerate(terms):
            try:
                term_pattern(term, word_start)
            except TermError as exc:
                self.problem([*where, i], f"{exc}; fix or remove this phrase")
                return None
        return compile_terms(terms, word_start)

    def build(self, data: dict) -> Invariants:
        voc = data["vocabulary"]
        signs = voc.get("sign_words", {})
        directions = tuple((name, self.terms(["vocabulary", "directions", name], terms))
                           for name, terms in voc["directions"].items())
        vocabulary = Vocabulary(
            directions=tuple((n, p) for n, p in directions if p is not None),
            not_directions=self.terms(["vocabulary", "not_directions"], voc.get("not_directions")),
            negations=self.terms(["vocabulary", "negations"], voc.get("negations")),
            negative=self.terms(["vocabulary", "sign_words", "negative"], signs.get("negative")),
            positive=self.terms(["vocabulary", "sign_words", "positive"], signs.get("positive")))
        seen: dict[str, int] = {}
        items = []
        for index, raw in enumerate(data["invariants"]):
            if raw["id"] in seen:
                self.problem(["invariants", index, "id"], f"duplicate id {raw['id']!r} (first at "
                             f"invariants[{seen[raw['id']]}]); give each invariant its own id")
            seen.setdefault(raw["id"], index)
            item = self.invariant(["invariants", index], raw, set(voc["directions"]))
            if item is not None:
                items.append(item)
        built = Invariants(self.path, vocabulary, tuple(_with_cues(item, vocabulary) for item in items))
        return dataclasses.replace(built, memo_safe=not looks_back(built),
                                   needs=needed_words([item.anchors for item in built]))

    def invariant(self, where: list[Any], raw: dict, direction_names: set[str]) -> Invariant | None:
        lf = raw["look_for"]
        settings = lf.get("settings", {})
        look_for = LookFor(self.terms([*where, "look_for", "subject"], lf["subject"]),
                           self.terms([*where, "look_for", "confusers"], lf.get("confusers")),
                           self.terms([*where, "look_for", "settings", "applies"], settings.get("applies")),
                           self.terms([*where, "look_for", "settings", "excluded"], settings.get("excluded")))
        tolerance = raw["tolerance"]
        common = {"id": raw["id"], "statement": " ".join(raw["statement"].split()), "kind": raw["kind"],
                      "context": " ".join(raw["context"].split()), "severity": Severity(raw["severity"]),
                      "source": " ".join(raw["source"]["citation"].split()), "look_for": look_for,
                      "tolerance_absolute": tolerance.get("absolute"),
                  "tolerance_relative": tolerance.get("relative"),
                      "line": self.locate(where)[0]}
        if raw["kind"] == "quantity":
            units = raw["units"]
            if raw["expected"]["unit"] not in units:
                self.problem([*where, "expected", "unit"], f"unit {raw['expected']['unit']!r} is not "
                             f"one of this invariant's units ({', '.join(units)}); add it under `units`")
            units_pattern = self.terms([*where, "units"], list(units), word_start=False)
            if units_pattern is None or look_for.subject is None:
                return None
            return Invariant(**common, value=float(raw["expected"]["value"]), unit=raw["expected"]["unit"],
                             units=tuple((k, float(v)) for k, v in units.items()),
                             unit_pattern=units_pattern, unsigned=raw.get("unsigned", "positive"))
        parts = []
        for i, part in enumerate(raw["expected"]["parts"]):
            pwhere = [*where, "expected", "parts", i]
            if part.get("direction") is not None and part["direction"] not in direction_names:
                self.problem([*pwhere, "direction"], f"direction {part['direction']!r} is not declared; "
                             f"use one of {sorted(direction_names)} or add it under vocabulary.directions")
            pattern = self.terms([*pwhere, "terms"], part["terms"], word_start=False)
            if pattern is not None:
                parts.append(Part(part["name"], pattern, part["count"], part.get("direction"),
                                  part.get("optional", False)))
        if len(parts) != len(raw["expected"]["parts"]) or look_for.subject is None:
            return None
        return Invariant(**common, parts=tuple(parts))
