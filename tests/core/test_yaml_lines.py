"""The line-by-line parser may answer for libyaml only where both agree (lint/yaml_lines.py).

The reference is the libyaml path (yaml_fast.fast_data with the line parser and yaml-rs switched
off): wherever `lines_data` gives data, libyaml must give the very same data, types and key order
included; wherever libyaml would report something (an error, a duplicate key, a too-deep
nesting), `lines_data` must step aside (None). Checked on YAML's corner cases, on every short
value and key over the characters that matter, and on thousands of mutated real and generated
articles; and the articles themselves must be answered, or it would be no fast path. Set
QTLINT_FUZZ=N (and QTLINT_FUZZ_SEED) for a longer mutation run.
"""
from __future__ import annotations

import itertools
import random

import pytest

from lint import yaml_fast
from lint.yaml_lines import lines_data
from lint.yaml_tree import depth_and_unusual

from .test_yaml_rust import _CORNERS, _fuzz, _mutate, _typed


def _libyaml(source: str, max_depth: int = 64):
    saved = yaml_fast.lines_data, yaml_fast.rust_data
    yaml_fast.lines_data = yaml_fast.rust_data = lambda *args: None
    try:
        return _typed(yaml_fast.fast_data(source, max_depth))
    except yaml_fast.NeedsFullParse:
        return "needs the full parse"
    finally:
        yaml_fast.lines_data, yaml_fast.rust_data = saved


def _lines(source: str, max_depth: int = 64):
    return lines_data(source, depth_and_unusual(source.encode("utf-8", "surrogatepass"))[1], max_depth)


def _agrees(source: str, max_depth: int = 64) -> bool:
    """lines_data steps aside or gives libyaml's answer; True when it answered."""
    got = _lines(source, max_depth)
    if got is None:
        return False
    assert _typed(got) == _libyaml(source, max_depth), source
    return True


# -- the layout it is for -------------------------------------------------------------------------

_ARTICLE = """\
_schema: default
id: 170611
date: 2025-02-06
title: >-
    Explain the role of the sodium-potassium pump: "recovery" & more #1.
seo:
  title: QuickTakes | Nursing
  page_description: >-
    It's 3 Na+ out: 2 K+ in.\x20\x20
author: 'Quick''Takes'
quoted: "a: b # c"
score: -1.0
zero: 0
related_article1:
    id: 170608
    title: >-
        Link [one] {two}, here.
related_article2:
empty_last:
"""


def test_an_article_in_its_layout_is_answered_as_libyaml_answers_it() -> None:
    assert _agrees(_ARTICLE)
    got = _lines(_ARTICLE)
    assert got["id"] == 170611 and type(got["id"]) is int
    assert got["score"] == -1.0 and type(got["score"]) is float
    assert got["date"] == "2025-02-06"  # dates stay text (the schema checks them)
    assert got["seo"]["page_description"] == "It's 3 Na+ out: 2 K+ in.  "  # a block keeps its spaces
    assert got["author"] == "Quick'Takes" and got["quoted"] == "a: b # c"
    assert got["related_article2"] is None and got["empty_last"] is None
    assert list(got) == ["_schema", "id", "date", "title", "seo", "author", "quoted", "score", "zero",
                         "related_article1", "related_article2", "empty_last"]


def test_the_seeds_and_generated_articles_are_all_answered(sources: list[str]) -> None:
    """Every real and generated article takes this path (else it saves nothing), with libyaml's data."""
    for source in sources:
        assert _agrees(source), source[:200]


# -- what it leaves to libyaml --------------------------------------------------------------------

_STEPS_ASIDE = [
    "a: 1\na: 2\n", "a: >-\n  x\n  y\n", "a: >-\n  x\n\nb: 1\n", "a: >-\n  x\n   y\n", "a: >-\nb: 1\n",
    "b:\n  a: >-\n  x\n", "a: >\n  x\n", "a: |-\n  x\n", "a: >-  \n  x\n",
    "a: x\n  y\n", "a: x\n  b: y\n", "a:\n  b: 1\n c: 2\n", " a: 1\n", "a: 1", "a: 1\r\nb: 2\r\n",
    "a: 1\n# c\n", "a: 1 # c\n", "a: \n", "a:  x\n", "a: x \n", "a: x:\n", "a: b: c\n", "a: - b\n",
    "a: -\n", "a: 'x\n", "a: 'x' y\n", "a: 'a'b'\n", 'a: "x\\ty"\n', 'a: "a"b"\n', "a: yes\n", "yes: 1\n",
    "a: ~\n", "a: 017\n", "a: 1:30\n", "a: .5\n", "a: +1\n", "a: 1_000\n", "a: =\n", "a: <<\n",
    "a: &x 1\n", "a: *x\n", "a: !x 1\n", "a: [1]\n", "a: {b: 1}\n", "a: |x\n", "a: %x\n", "a: @x\n",
    "a: `x\n", "a: \x07\n", "a: \x85b\n", "a: \u2028b\n", "a: \ufeffx\n", "a:\t1\n", "- a\n", "\n",
    "a: 1\n\nb: 2\n", "...\n", "%YAML 1.1\n---\na: 1\n", "'a': 1\n", "a b: 1\n", "a" * 200 + ": 1\n",
]


@pytest.mark.parametrize("source", _STEPS_ASIDE)
def test_what_is_not_the_layout_is_left_to_libyaml(source: str) -> None:
    assert _lines(source) is None, source


@pytest.mark.parametrize("source", _CORNERS)
def test_yaml_corner_cases(source: str) -> None:
    _agrees(source)
    _agrees(source + "\n")


_ALPHABET = "0179+-._eE:#'\" -?yYnN~<=[{&*!|>%@`x\\"


def test_every_short_value_and_key() -> None:
    """Every value of up to three characters over the characters YAML treats apart, and every key
    of up to two, plain, in a nested mapping and after a folded scalar: never an answer libyaml
    would not give."""
    answered = 0
    for size in range(1, 4):
        for chars in itertools.product(_ALPHABET, repeat=size):
            value = "".join(chars)
            answered += _agrees(f"a: {value}\n")
            if size < 3:
                answered += _agrees(f"{value}: 1\n")
                answered += _agrees(f"s:\n  t: >-\n    x\n  u: {value}\nv: 1\n")
    assert answered > 10_000  # most short values are text


def test_depth_limit_at_every_level_agrees_with_libyaml() -> None:
    """The depth limit holds as libyaml's walk holds it, for mappings and scalars at each depth
    around it: where libyaml needs the full parse (too deep), the line parser gives None."""
    answered = 0
    for max_depth in range(0, 5):
        for depth in range(0, 6):
            for leaf in ("c: 1", "c: x", "c: >-\n" + " " * (depth + 2) + "x", "c:"):
                source = "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + leaf + "\n"
                answered += _agrees(source, max_depth)
                # the leaf's mapping lies at `depth`: within the limit both answer, else neither
                assert (_lines(source, max_depth) is None) == (depth >= max_depth), (source, max_depth)
                assert (_libyaml(source, max_depth) == "needs the full parse") == (depth >= max_depth)
    assert answered == 40  # (max_depth, depth) with depth < max_depth: 10 pairs, 4 leaves each


# -- mutated articles -----------------------------------------------------------------------------

def test_mutated_articles_agree_with_libyaml(sources: list[str]) -> None:
    assert len(sources) >= 60
    rng, cases = _fuzz(20261207)
    answered = 0
    for _ in range(cases):
        source = _mutate(rng.choice(sources), rng)
        answered += _agrees(source)
    assert answered > cases // 10  # many mutations leave a valid article: the line parser answered those


def _random_layout(rng: random.Random) -> str:
    """A few lines of the layout's kinds with random indentation, keys and values: nested
    mappings, folded scalars and their content lines indented right or wrong."""
    lines = []
    for _ in range(rng.randint(1, 7)):
        indent = " " * rng.choice([0, 0, 0, 1, 2, 2, 3, 4, 4, 6])
        key = rng.choice(["a", "b", "c", "id", "yes", "_x", "seo", "a"])
        kind = rng.random()
        if kind < 0.3:
            lines.append(f"{indent}{key}:")
        elif kind < 0.55:
            lines.append(f"{indent}{key}: >-")
            for _ in range(rng.choice([0, 1, 1, 1, 2])):
                lines.append(" " * rng.choice([0, 1, 2, 4, 5, 6, 8]) + rng.choice(["text", "x: y", "# c", ""]))
        else:
            lines.append(f"{indent}{key}: " + rng.choice(["v", "17", "-1.0", "'q'", '"d"', "x y", "-x", "a:b"]))
    return "\n".join(lines) + "\n"


def test_random_layouts_agree_with_libyaml() -> None:
    rng, cases = _fuzz(20261207)
    cases *= 3
    answered = sum(_agrees(_random_layout(rng)) for _ in range(cases))
    assert answered > cases // 50  # about 5% are valid layouts
