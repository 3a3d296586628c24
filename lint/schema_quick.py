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
per layout (the tuple of keys), and then each group of keys is tested in a few C calls.
"""
from __future__ import annotations

import datetime
import functools
import operator
import re
from collections.abc import Callable, Mapping
from itertools import repeat
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
_lt, _gt = operator.lt, operator.gt


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
    """A hashable description of a subschema's test (equal subschemas share a key group), or an
    object test."""
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


def _group_test(spec: tuple | _ObjectTest) -> Callable[[tuple], bool]:
    """A test of a tuple of values that must all satisfy one subschema."""
    if isinstance(spec, _ObjectTest):
        classes = _CLASSES["object"]
        return lambda values: set(map(type, values)) <= classes and all(map(spec, values))
    kind = spec[0]
    classes = _CLASSES[kind]
    if kind == "string":
        _, low, high, date = spec

        def test(values: tuple) -> bool:
            if not set(map(type, values)) <= classes:
                return False
            if low == 1:
                if not all(values):  # a text is true when it is not empty
                    return False
            elif low and min(map(len, values)) < low:
                return False
            if high is not None and max(map(len, values)) > high:
                return False
            return not date or all(map(is_date, values))
        return test
    if kind == "boolean":
        return lambda values: set(map(type, values)) <= classes
    _, low, high = spec

    def test_number(values: tuple) -> bool:  # invalid where value < minimum, as jsonschema has it
        if not set(map(type, values)) <= classes:
            return False
        if low is not None and any(map(_lt, values, repeat(low))):
            return False
        return high is None or not any(map(_gt, values, repeat(high)))
    return test_number


def _getter(keys: list) -> Callable[[Mapping], tuple]:
    if len(keys) == 1:
        key = keys[0]
        return lambda mapping: (mapping[key],)
    return operator.itemgetter(*keys)


class _ObjectTest:
    """The test of an object's members (the object's own type is tested by its parent)."""

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
        self.layouts: dict[tuple, list | None] = {}

    def __call__(self, mapping: Mapping) -> bool:
        keys = tuple(mapping)
        plan = self.layouts.get(keys, False)
        if plan is False:
            plan = self._plan(keys)
        if plan is None:
            return False
        for getter, test in plan:
            if not test(getter(mapping)):
                return False
        return True

    def _plan(self, keys: tuple) -> list | None:
        """(getter, test) of each group of keys sharing a subschema; None when the layout is not
        known to be valid (a required key missing, an unknown key, a key that is not text)."""
        plan = None
        if all(k.__class__ is str for k in keys) and self.required.issubset(keys):
            groups: dict[Any, list] = {}
            for key in keys:
                specs = [self.properties[key]] if key in self.properties else []
                specs += [spec for pattern, spec in self.patterns if pattern.search(key)]
                if not specs and self.closed:
                    break
                for spec in specs:
                    groups.setdefault(spec, []).append(key)
            else:
                plan = [(_getter(group), _group_test(spec)) for spec, group in groups.items()]
        if len(self.layouts) >= _LAYOUTS_KEPT:
            self.layouts.clear()
        self.layouts[keys] = plan
        return plan
