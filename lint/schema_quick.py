"""A quick "certainly valid" test for simple article schemas, to skip validation of clean articles.

`compile_quick(schema)` returns a test `data -> bool` when the schema uses only: objects with
`properties`, `patternProperties`, `required` and a boolean `additionalProperties`; strings with
`minLength`, `maxLength` and `format: date`; integers and numbers with `minimum` and `maximum`;
booleans; and annotations (title, description...). Otherwise it returns None and the caller
validates as before.

True means jsonschema accepts the data; False means only "not known": the caller validates in
full. Each type is tested by exact class (a bool is not an integer, a dict subclass is not
known), so whatever is accepted here is accepted by jsonschema too (a test checks this on random
data). Articles share a few key layouts, so which keys go through which test is worked out once
per layout (the tuple of keys), and made into straight-line code testing each value in turn.
"""
from __future__ import annotations

import datetime
import functools
import operator
import re
from collections.abc import Callable, Mapping
from typing import Any

_ANNOTATIONS = frozenset(("$schema", "$id", "$comment", "title", "description", "examples", "default"))
_KEYWORDS = {
    "object": frozenset(("type", "properties", "patternProperties", "required", "additionalProperties")),
    "string": frozenset(("type", "minLength", "maxLength", "format")),
    "integer": frozenset(("type", "minimum", "maximum")),
    "number": frozenset(("type", "minimum", "maximum")),
    "boolean": frozenset(("type",)),
}
_CLASSES = {"string": frozenset((str,)), "integer": frozenset((int,)),
            "number": frozenset((int, float)), "boolean": frozenset((bool,)), "object": frozenset((dict,))}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_LAYOUTS_KEPT = 256  # distinct key layouts remembered per object schema


class Unsupported(Exception):
    """The schema uses something this test does not read."""


@functools.lru_cache(maxsize=4096)
def is_date(value: str) -> bool:
    """jsonschema's `date` format: YYYY-MM-DD and a real calendar date."""
    if not _DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def compile_quick(schema: Any) -> Callable[[Mapping], bool] | None:
    """The quick test of a schema whose root is an object schema (None when unsupported)."""
    try:
        if not isinstance(schema, dict) or schema.get("type") != "object":
            raise Unsupported
        return _ObjectTest(schema)
    except (Unsupported, re.error, TypeError, ValueError):
        return None


def _bound(value: Any) -> Any:
    if value.__class__ not in (int, float):
        raise Unsupported
    return value


def _leaf(schema: Any) -> tuple | _ObjectTest:
    """A description of a subschema's test (kind and bounds), or an object test."""
    if not isinstance(schema, dict):
        raise Unsupported
    kind = schema.get("type")
    if kind not in _KEYWORDS or any(k not in _KEYWORDS[kind] and k not in _ANNOTATIONS for k in schema):
        raise Unsupported
    if kind == "object":
        return _ObjectTest(schema)
    if kind == "string":
        low, high = schema.get("minLength", 0), schema.get("maxLength")
        if low.__class__ is not int or (high is not None and high.__class__ is not int):
            raise Unsupported
        fmt = schema.get("format")
        if fmt not in (None, "date"):
            raise Unsupported
        return ("string", low, high, fmt == "date")
    low, high = schema.get("minimum"), schema.get("maximum")
    return (kind, None if low is None else _bound(low), None if high is None else _bound(high))


class _Code:
    """The source of one layout's test, its constants kept apart (never written into the text).

    Every member is fetched by one itemgetter call per mapping and tested as a value, in line
    (`x.__class__ is not str`, `not x`...): one test a value is cheaper than testing a group of
    values sharing a subschema in C calls (`map(type, values)`, `chain`, `repeat`), which cost
    more to set up than the few values of an article take (4,500 -> 2,000 ns a usual article).
    The members of a nested object with a fixed key set (seo, each related article) are tested
    in line too: its length, then its members fetched by name (a missing one raises KeyError:
    the test says False, "not known").
    """

    def __init__(self) -> None:
        self.lines = ["def test(m):", "    try:", "        pass"]
        self.names: dict[str, Any] = {"is_date": is_date, "len": len}
        self.count = 0

    def const(self, value: Any) -> str:
        name = f"c{len(self.names)}"
        self.names[name] = value
        return name

    def var(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def fail_if(self, condition: str) -> None:
        self.lines.append(f"        if {condition}: return False")

    def members(self, key_specs: list[tuple[Any, list]], source: str) -> None:
        """Test the members of the mapping named `source`: each key's value against each of its
        subschemas."""
        if not key_specs:
            return
        names = [self.var("x") for _ in key_specs]
        keys = [key for key, _ in key_specs]
        if len(keys) == 1:
            self.lines.append(f"        {names[0]} = {source}[{self.const(keys[0])}]")
        else:
            self.lines.append(f"        {', '.join(names)} = {self.const(operator.itemgetter(*keys))}({source})")
        for x, (_, specs) in zip(names, key_specs):
            for spec in specs:
                self.value(spec, x)

    def value(self, spec: tuple | _ObjectTest, x: str) -> None:
        """Test the value named `x`."""
        kind = "object" if isinstance(spec, _ObjectTest) else spec[0]
        self.fail_if(" and ".join(f"{x}.__class__ is not {self.const(c)}" for c in _CLASSES[kind]))
        if isinstance(spec, _ObjectTest):
            if spec.fixed is None:
                self.fail_if(f"not {self.const(spec)}({x})")
                return
            # exactly these keys: as many as there are, and each one found (KeyError otherwise)
            self.fail_if(f"len({x}) != {len(spec.fixed)}")
            self.members([(key, [sub]) for key, sub in spec.properties.items()], x)
        elif kind == "string":
            _, low, high, date = spec
            if low == 1:
                self.fail_if(f"not {x}")  # a text is true when it is not empty
            elif low:
                self.fail_if(f"len({x}) < {self.const(low)}")
            if high is not None:
                self.fail_if(f"len({x}) > {self.const(high)}")
            if date:
                self.fail_if(f"not is_date({x})")
        elif kind in ("integer", "number"):  # invalid where value < minimum, as jsonschema has it
            _, low, high = spec
            if low is not None:
                self.fail_if(f"{x} < {self.const(low)}")
            if high is not None:
                self.fail_if(f"{x} > {self.const(high)}")

    def build(self) -> Callable[[Mapping], bool]:
        self.lines += ["    except KeyError:", "        return False", "    return True"]
        exec("\n".join(self.lines), self.names)  # the text holds names only; values are in `names`
        return self.names["test"]


def _never(_mapping: Mapping) -> bool:
    return False


class _ObjectTest:
    """The test of an object's members (the object's own type is tested by its parent): one
    function made per key layout (_Code)."""

    def __init__(self, schema: dict) -> None:
        properties = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        required = schema.get("required", [])
        additional = schema.get("additionalProperties", True)
        if not (isinstance(properties, dict) and isinstance(patterns, dict) and isinstance(required, list)
                and additional.__class__ is bool and all(k.__class__ is str for k in required)):
            raise Unsupported
        self.properties = {key: _leaf(sub) for key, sub in properties.items()}
        self.patterns = [(re.compile(p), _leaf(sub)) for p, sub in patterns.items()]
        self.required = frozenset(required)
        self.closed = not additional
        # the only valid key set, when every property is required and no other key is allowed
        fixed = frozenset(self.properties)
        self.fixed = fixed if self.closed and not self.patterns and self.required == fixed else None
        self.layouts: dict[tuple, Callable[[Mapping], bool]] = {}

    def __call__(self, mapping: Mapping) -> bool:
        keys = tuple(mapping)
        test = self.layouts.get(keys)
        if test is None:
            if len(self.layouts) >= _LAYOUTS_KEPT:
                self.layouts.clear()
            test = self.layouts[keys] = self._layout_test(keys)
        return test(mapping)

    def key_specs(self, keys: tuple) -> list[tuple[Any, list]] | None:
        """Each key with the subschemas it must satisfy (a key matching several: all of them);
        None when the layout is not known to be valid (a required key missing, an unknown key,
        a key that is not text)."""
        if not (all(k.__class__ is str for k in keys) and self.required.issubset(keys)):
            return None
        out: list[tuple[Any, list]] = []
        for key in keys:
            specs = [self.properties[key]] if key in self.properties else []
            specs += [spec for pattern, spec in self.patterns if pattern.search(key)]
            if not specs and self.closed:
                return None
            if specs:
                out.append((key, specs))
        return out

    def _layout_test(self, keys: tuple) -> Callable[[Mapping], bool]:
        key_specs = self.key_specs(keys)
        if key_specs is None:
            return _never
        code = _Code()
        code.members(key_specs, "m")
        return code.build()
