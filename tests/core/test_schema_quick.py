"""The quick schema test (lint/schema_quick.py) never accepts what jsonschema (the reference)
rejects, accepts the usual valid article, and is not used for schemas it does not read."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from types import MappingProxyType

import jsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.article import parse_article
from lint.resources import bundled
from lint.schema import ArticleValidator, load_validator, schema_problems
from lint.schema_quick import compile_quick
from tests.conftest import SEED_FILES, seed_text

VALIDATOR = load_validator(str(bundled("article.schema.json")))
QUICK = VALIDATOR.quick
FULL = VALIDATOR.full
FIELDS = ["_schema", "id", "date", "title", "article_title", "date_format", "post_on_text", "seo",
          "author", "question", "answer", "subject", "file_name", "url", "score", "related_article1",
          "related_article5", "related_article6", "related_article1\n", "extra"]


class Text(str):
    pass


class Mapping(dict):
    pass


scalar = st.one_of(st.text(max_size=6), st.integers(min_value=-3, max_value=3), st.booleans(),
                   st.floats(allow_infinity=True, allow_nan=True), st.none(),
                   st.sampled_from(["2025-02-06", "2025-02-30", "2025-2-6", "20250206", "", "x"]),
                   st.builds(Text, st.text(min_size=1, max_size=3)))
value = st.recursive(scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.sampled_from(["id", "title", "subject", "url", "page_description",
                                     "page_keywords", "x", 1]), inner, max_size=5),
    st.dictionaries(st.sampled_from(["id", "title", "subject", "url"]), inner, max_size=4).map(Mapping)),
    max_leaves=10)


def seed_data(key: str = "000") -> dict:
    text = seed_text(key)
    article = parse_article("x.md", text.encode()).article
    return copy.deepcopy(dict(article.data))


def test_quick_test_is_in_use_and_accepts_the_seeds() -> None:
    assert QUICK is not None
    for key in SEED_FILES:
        data = parse_article("x.md", seed_text(key).encode()).article.data
        assert QUICK(data) and FULL.is_valid(dict(data)), key


def test_quick_accepts_generated_articles(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from generate import generate

    generate(tmp_path, 60, seed=5)
    for path in sorted(tmp_path.rglob("*.md")):
        data = parse_article(path.name, path.read_bytes()).article.data
        assert QUICK(data), path


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(FIELDS), value, max_size=20))
def test_quick_valid_implies_reference_valid(data: dict) -> None:
    if QUICK(data):
        assert FULL.is_valid(data), data


NESTED = ["id", "title", "subject", "url", "page_description", "page_keywords", "x"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIELDS + NESTED), value, st.sampled_from(["seo", "related_article1", None]))
def test_one_field_changed_in_a_valid_article(field: str, new_value: object, inside: str | None) -> None:
    data = seed_data("002")  # with five related articles
    (data[inside] if inside is not None else data)[field] = new_value
    if QUICK(MappingProxyType(data)):
        assert FULL.is_valid(data), data
    assert VALIDATOR.is_valid(data) == FULL.is_valid(data)


def test_what_it_must_reject() -> None:
    edits = {
        "missing field": lambda d: d.pop("title"),
        "unknown field": lambda d: d.update(titel="x"),
        "seventh related": lambda d: d.update(related_article6=d["related_article1"]),
        "boolean id": lambda d: d.update(id=True),
        "id below minimum": lambda d: d.update(id=0),
        "text id": lambda d: d.update(id="170611"),
        "empty title": lambda d: d.update(title=""),
        "impossible date": lambda d: d.update(date="2025-02-30"),
        "date not text": lambda d: d.update(date=20250206),
        "seo key missing": lambda d: d["seo"].pop("page_keywords"),
        "seo extra key": lambda d: d["seo"].update(extra="x"),
        "related extra key": lambda d: d["related_article1"].update(extra="x"),
        "related id below minimum": lambda d: d["related_article1"].update(id=-1),
        "related not a mapping": lambda d: d.update(related_article1=[1, 2]),
        "score not a number": lambda d: d.update(score="high"),
    }
    for name, edit in edits.items():
        data = seed_data()
        edit(data)
        assert not QUICK(data), name
        assert not FULL.is_valid(data), name
    data = seed_data()
    data[1] = "x"  # a key that is not text (jsonschema itself cannot match it against a pattern)
    assert not QUICK(data)


def test_valid_but_not_known_goes_to_the_full_check() -> None:
    data = seed_data()
    data["id"] = 170611.0  # jsonschema's integer: a whole float is one
    data["title"] = Text(data["title"])  # a str subclass is text to jsonschema
    assert not QUICK(data)
    assert VALIDATOR.is_valid(data) and FULL.is_valid(data)
    article = parse_article("x.md", seed_text("000").encode()).article
    assert schema_problems(article, VALIDATOR) == []


def test_schema_problems_are_the_same_with_or_without_the_quick_test() -> None:
    slow = ArticleValidator(VALIDATOR.full, VALIDATOR.fast, None)
    text = seed_text("002")
    for old, new in [("id: ", "id: -"), ("title: ", "titel: "), ("date: 2", "date: 1"), ("url:", "url: \n  x:"),
                     ("seo:\n", "seo:\n  other: x\n"), ("", "")]:
        article = parse_article("x.md", text.replace(old, new, 1).encode()).article
        if article is not None and article.data is not None:
            assert schema_problems(article, VALIDATOR) == schema_problems(article, slow), old


SIMPLE = {"type": "object", "required": ["a"], "additionalProperties": False,
          "properties": {"a": {"type": "string", "minLength": 3, "maxLength": 5},
                         "b": {"type": "number", "minimum": -1.5, "maximum": 2},
                         "c": {"type": "boolean"}, "d": {"type": "string", "format": "date"},
                         "e": {"type": "object", "properties": {"x": {"type": "integer", "maximum": 3}}}},
          "patternProperties": {"^n[0-9]$": {"type": "integer", "minimum": 0}, "^n": {"type": "integer"}}}


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d", "e", "n1", "nx", "n1\n", "z"]), value, max_size=6))
def test_other_simple_schemas_agree_with_jsonschema(data: dict) -> None:
    quick = compile_quick(SIMPLE)
    assert quick is not None
    full = jsonschema.Draft202012Validator(SIMPLE, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    if quick(data):
        assert full.is_valid(data), data


def test_other_simple_schemas_accept_and_reject() -> None:
    quick = compile_quick(SIMPLE)
    assert quick({"a": "abc", "b": 2, "c": False, "d": "2024-02-29", "e": {"x": 3}, "n1": 0, "nx": -4})
    assert quick({"a": "abcde", "e": {}, "b": -1.5})
    for bad in [{"a": "ab"}, {"a": "abcdef"}, {"a": "abc", "b": 2.5}, {"a": "abc", "b": True},
                {"a": "abc", "c": 1}, {"a": "abc", "d": "2023-02-29"}, {"a": "abc", "e": {"x": 4}},
                {"a": "abc", "n1": -1}, {"a": "abc", "nx": 1.5}, {"a": "abc", "z": 1}, {"b": 1}]:
        assert not quick(bad), bad


def test_unsupported_schemas_have_no_quick_test() -> None:
    base = json.loads(bundled("article.schema.json").read_text())
    for change in [
        lambda s: s["properties"]["id"].update(enum=[1, 2]),
        lambda s: s["properties"].update(tags={"type": "array", "items": {"type": "string"}}),
        lambda s: s["properties"]["title"].update(type=["string", "null"]),
        lambda s: s.update(additionalProperties={"type": "string"}),
        lambda s: s["properties"]["date"].update(format="email"),
        lambda s: s["properties"]["id"].update(exclusiveMinimum=0),
        lambda s: s["properties"].update(other={"$ref": "#/properties/id"}),
        lambda s: s.pop("type"),
    ]:
        schema = copy.deepcopy(base)
        change(schema)
        assert compile_quick(schema) is None


def test_every_seed_article_in_the_repository_is_judged_alike() -> None:
    for path in sorted((Path(__file__).resolve().parents[2] / "seeds").rglob("*.md"))[:200]:
        article = parse_article(path.name, path.read_bytes()).article
        if article is None or article.data is None:
            continue
        data = yaml.safe_load(json.dumps(dict(article.data), default=str))
        assert VALIDATOR.is_valid(dict(article.data)) == FULL.is_valid(dict(article.data)), path
        if QUICK(article.data):
            assert FULL.is_valid(data) or not FULL.is_valid(dict(article.data)), path
