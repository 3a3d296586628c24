"""The compiled fast check never accepts what jsonschema (the reference) rejects."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.resources import bundled
from lint.schema import load_validator
from tests.conftest import seed_text

VALIDATOR = load_validator(str(bundled("article.schema.json")))
FIELDS = ["_schema", "id", "date", "title", "article_title", "date_format", "post_on_text", "seo",
          "author", "question", "answer", "subject", "file_name", "url", "score", "related_article1",
          "related_article6", "extra"]
scalar = st.one_of(st.text(max_size=12), st.integers(min_value=-3, max_value=3), st.booleans(),
                   st.floats(allow_nan=False, allow_infinity=False), st.none(),
                   st.sampled_from(["2025-02-06", "2025-02-30", "2025-2-6", "20250206", ""]))
value = st.recursive(scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=3),
    st.dictionaries(st.sampled_from(["id", "title", "subject", "url", "page_description",
                                     "page_keywords", "x"]), inner, max_size=5)), max_leaves=10)


def test_fast_check_is_in_use():
    assert VALIDATOR.fast is not None


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(FIELDS), value, max_size=18))
def test_fast_valid_implies_reference_valid(data):
    if VALIDATOR.fast is not None:
        try:
            VALIDATOR.fast(data)
        except Exception:
            return
        assert VALIDATOR.full.is_valid(data), data


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIELDS[:14]), value)
def test_one_field_mutated_in_a_valid_article(field, new_value):
    import yaml

    text = seed_text("000")
    data = yaml.safe_load(text.split("\n---\n")[0][4:])
    data["date"] = str(data["date"])
    data[field] = new_value
    assert VALIDATOR.is_valid(data) == VALIDATOR.full.is_valid(data)
