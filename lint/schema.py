"""Front matter against the JSON Schema, with errors turned into plain English at the right line.

Validation runs once per article (`schema_problems`) and the S-rules each report their kind.
`is_valid` first: a valid article (the common case) costs a fraction of collecting errors, and
for a simple schema the quick test (lint/schema_quick.py) tells most valid articles in a few
microseconds more.
"""
from __future__ import annotations

import copy
import difflib
import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported lazily: a warm run never validates and should not pay for them
    import jsonschema


from .article import Article
from .schema_quick import compile_quick, is_date


@dataclass(frozen=True, slots=True)
class SchemaProblem:
    kind: str  # missing | unknown | type | date | value
    key_path: tuple
    at_key: bool  # point at the key (True) or the value (False)
    message: str


class SchemaLoadError(Exception):
    pass


@functools.lru_cache(maxsize=8)
def load_validator(path: str) -> ArticleValidator:
    import jsonschema

    try:
        schema = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise SchemaLoadError(f"{path}: cannot read the article schema: {err}") from None
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    try:
        cls.check_schema(schema)
    except jsonschema.SchemaError as err:
        raise SchemaLoadError(f"{path}: not a valid JSON Schema: {err.message}") from None
    return ArticleValidator(cls(schema, format_checker=cls.FORMAT_CHECKER), _fast_checker(schema),
                            compile_quick(schema))


class ArticleValidator:
    """jsonschema for the errors; the quick test, then a compiled fastjsonschema check, to skip
    valid articles fast.

    jsonschema is the reference: the quick test and fastjsonschema are only asked "is this
    valid?", and only for schemas made of keywords they read the same way (else they are not
    used). Tests check on random data that whatever they accept, jsonschema accepts too.
    """

    def __init__(self, full: Any, fast: Any, quick: Any = None) -> None:
        self.full, self.fast, self.quick, self.schema = full, fast, quick, full.schema

    def is_valid(self, data: Any) -> bool:
        if self.quick is not None and self.quick(data):
            return True
        import fastjsonschema

        if self.fast is not None:
            try:
                self.fast(data)
                return True
            except fastjsonschema.JsonSchemaException:
                pass
        return self.full.is_valid(data)

    def iter_errors(self, data: Any):
        return self.full.iter_errors(data)


_SHARED_KEYWORDS = {
    "$schema", "$id", "$comment", "title", "description", "examples", "default", "type",
    "properties", "patternProperties", "required", "additionalProperties", "minLength",
    "maxLength", "minimum", "maximum", "enum", "const", "format", "items", "minItems", "maxItems",
}


def _is_date(value: Any) -> bool:  # jsonschema's own `date` format check, for fastjsonschema
    return is_date(value) if isinstance(value, str) else True


def _keywords_ok(node: Any) -> bool:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in _SHARED_KEYWORDS:
                return False
            if key == "format" and value != "date":
                return False
            if key in ("properties", "patternProperties"):
                if not all(_keywords_ok(v) for v in value.values()):
                    return False
            elif key in ("additionalProperties", "items") and isinstance(value, dict):
                if not _keywords_ok(value):
                    return False
        return True
    return isinstance(node, bool)


def _fast_checker(schema: dict) -> Any:
    import fastjsonschema

    if not _keywords_ok(schema):
        return None
    draft7 = copy.deepcopy(schema)
    draft7["$schema"] = "http://json-schema.org/draft-07/schema#"
    draft7.pop("$id", None)
    try:
        return fastjsonschema.compile(draft7, formats={"date": _is_date})
    except fastjsonschema.JsonSchemaDefinitionException:
        return None


_TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number",
               "object": "a mapping of fields", "array": "a list", "boolean": "true or false"}


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    shown = repr(value) if isinstance(value, str) else str(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _field(path: tuple) -> str:
    return ".".join(str(p) for p in path) or "front matter"


def schema_problems(article: Article, validator: Any) -> list[SchemaProblem]:
    data = article.data or {}
    quick = getattr(validator, "quick", None)
    if quick is not None and quick(data):  # before copying the read-only mapping into a dict
        return []
    data = dict(data)
    if validator.is_valid(data):
        return []
    problems: list[SchemaProblem] = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        problems.extend(_explain(err, validator.schema))
    return problems


def _known_keys(schema_part: dict) -> list[str]:
    keys = list(schema_part.get("properties", {}))
    for pattern in schema_part.get("patternProperties", {}):
        if "related_article" in pattern:
            keys += [f"related_article{i}" for i in range(1, 6)]
    return keys


def _explain(err: jsonschema.ValidationError, root: dict) -> list[SchemaProblem]:
    path = tuple(err.absolute_path)
    v = err.validator
    if v == "required":
        missing = [k for k in err.validator_value if k not in (err.instance or {})]
        where = f"in `{_field(path)}`" if path else "in the front matter"
        return [SchemaProblem("missing", path, True, f"missing required field `{k}` {where}")
                for k in missing]
    if v in ("additionalProperties", "unevaluatedProperties"):
        known = _known_keys(err.schema)
        allowed = set(known)
        extras = [k for k in err.instance if k not in allowed] if isinstance(err.instance, dict) else []
        out = []
        for key in extras:
            hint = difflib.get_close_matches(str(key), known, n=1)
            tip = f"; did you mean `{hint[0]}`?" if hint else "; remove it or add it to the schema"
            out.append(SchemaProblem("unknown", path + (key,), True,
                                     f"unknown field `{_field(path + (key,))}`{tip}"))
        return out
    if v == "type":
        expected = err.validator_value
        names = " or ".join(_TYPE_NAMES.get(t, t) for t in (expected if isinstance(expected, list) else [expected]))
        return [SchemaProblem("type", path, False,
                              f"`{_field(path)}` must be {names}, not {_describe(err.instance)}")]
    if v == "format" and err.validator_value == "date":
        return [SchemaProblem("date", path, False,
                              f"`{_field(path)}` must be a real calendar date written YYYY-MM-DD, "
                              f"not {_describe(err.instance)}")]
    if v == "minimum":
        return [SchemaProblem("value", path, False,
                              f"`{_field(path)}` must be at least {err.validator_value}, not {_describe(err.instance)}")]
    if v == "minLength":
        return [SchemaProblem("value", path, False, f"`{_field(path)}` must not be empty")]
    description = err.schema.get("description", "") if isinstance(err.schema, dict) else ""
    tail = f" ({description})" if description else ""
    return [SchemaProblem("value", path, False, f"`{_field(path)}`: {err.message}{tail}")]
