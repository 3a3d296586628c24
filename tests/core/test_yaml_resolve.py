"""The parser's own `resolve` (lint/yaml_tree.py) must tag every node exactly as PyYAML's safe
loader (without the timestamp resolver) does: it only skips work, never changes an answer."""
from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.yaml_tree import _IMPLICIT, ArticleLoader


class _Reference(yaml.CSafeLoader):  # PyYAML's own resolve and path tracking
    yaml_implicit_resolvers = _IMPLICIT


def _tags(node) -> list:
    if node is None:  # an empty document
        return [None]
    out = [node.tag]
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            out += _tags(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out += _tags(key) + _tags(value)
    return out


def _same(source: str) -> None:
    try:
        expected = _tags(yaml.compose(source, Loader=_Reference))
    except yaml.YAMLError:
        return
    assert _tags(yaml.compose(source, Loader=ArticleLoader)) == expected, source


_WORDS = st.sampled_from(["yes", "No", "on", "OFF", "true", "~", "null", "Null", "", "0", "0x1F", "0o7", "017",
                          "1_000", "1:30", "-1.5e+3", ".inf", "-.Inf", ".NaN", "<<", "=", "2025-02-30",
                          "2025-1-2 10:00:00", "+12", "1.", "._", "Nursing", "3 Na+", "-70 mV", "-", "0b101"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(alphabet="0123456789.-+:_eE xyn~<=", max_size=8)), min_size=1,
                max_size=6))
def test_plain_scalars_get_pyyamls_tags(values: list[str]) -> None:
    _same("\n".join(f"k{i}: {v}" for i, v in enumerate(values)))
    _same("[" + ", ".join(values) + "]")


def test_quoted_block_and_explicit_scalars_and_collections() -> None:
    for source in ['a: "yes"', "a: 'null'", "a: >-\n    1\nb: |\n  true", "a: !!int '3'", "a: !!str 3",
                   "? [1, 2]\n: {x: y}", "- - - 1", "<<: {a: 1}\nb: 2", "a: !custom 1", "{}", "[]", ""]:
        _same(source)
