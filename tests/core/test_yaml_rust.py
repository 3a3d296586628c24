"""yaml-rs may answer for libyaml only where both agree (lint/yaml_rust.py).

The reference is the libyaml path (yaml_fast.fast_data with yaml-rs switched off): wherever
`rust_data` gives data, libyaml must give the very same data, types and key order included;
wherever libyaml would report something (an error, a duplicate key, an alias, a too-deep
nesting), `rust_data` must step aside (None). Checked exhaustively on short scalars, on YAML's
corner cases, and on thousands of mutated real and generated articles. Set QTLINT_FUZZ=N (and
QTLINT_FUZZ_SEED) for a longer mutation run.
"""
from __future__ import annotations

import itertools
import math
import os
import random
from pathlib import Path

import pytest

from lint import yaml_fast
from lint.chars import non_ascii_chars
from lint.yaml_rust import _NUMBER_STARTS, _ODD_TOKEN, _SPECIAL, _TAIL_ENDS, _loads, _odd_number, rust_data
from lint.yaml_tree import depth_and_unusual, depth_bound

pytestmark = pytest.mark.skipif(_loads is None, reason="yaml-rs is not installed")

ROOT = Path(__file__).resolve().parents[2]


def _typed(value):
    """A value with every type spelled out (1 == 1.0 == True in Python) and key order kept."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def _libyaml(source: str):
    saved = yaml_fast.rust_data
    yaml_fast.rust_data = lambda *args: None
    try:
        return _typed(yaml_fast.fast_data(source))
    except yaml_fast.NeedsFullParse:
        return "needs the full parse"
    finally:
        yaml_fast.rust_data = saved


def _agrees(source: str) -> bool:
    """rust_data steps aside or gives libyaml's answer; True when it answered."""
    got = rust_data(source, source.encode())
    if got is None:
        return False
    assert _typed(got) == _libyaml(source), source
    return True


# -- the numbers: every short token over the characters numbers are made of ----------------------

_NUMBER_CHARS = "0179+-._eExXoObB"


def test_every_short_number_like_scalar() -> None:
    answered = 0
    for length in range(1, 5):
        for chars in itertools.product(_NUMBER_CHARS, repeat=length):
            token = "".join(chars)
            answered += _agrees(f"a: {token}\n")
    assert answered > 1000  # the check answered often: canonical numbers and plain text


def test_words_the_schemas_read_differently() -> None:
    words = ["yes", "no", "on", "off", "y", "n", "true", "false", "null", "inf", "nan", "~"]
    for word in words:
        for cased in {"".join(c) for c in itertools.product(*[(ch.lower(), ch.upper()) for ch in word])}:
            for form in (cased, f".{cased}", f"+.{cased}", f"-.{cased}"):
                _agrees(f"a: {form}\n")
                _agrees(f"{form}: a\n")


def test_canonical_numbers_are_answered_and_odd_ones_are_not() -> None:
    for text, value in (("17", 17), ("-3", -3), ("0", 0), ("-1.0", -1.0), ("3.25", 3.25),
                        ("123456789012345678901234567890", 123456789012345678901234567890)):
        assert rust_data(f"id: {text}\n", f"id: {text}\n".encode()) == {"id": value}
    for text in ("017", "0o17", "1e3", "1.5e3", "-.5", ".iNf", "_1", "0x1F", "+12", "1_000", "1."):
        source = f"id: {text}\n"
        assert rust_data(source, source.encode()) is None, text
        source = f"id: {text}   # a comment\n"
        assert rust_data(source, source.encode()) is None, text


def _odd_every_line(source: str) -> bool:
    """_odd_number as first written, one line and one ` #` at a time: the reference."""
    for line in source.split("\n"):
        if line[-1:] in _TAIL_ENDS:
            tail = line.rstrip(" \r")
            token = tail[tail.rfind(" ") + 1:]
            if token[:1] in _NUMBER_STARTS and _ODD_TOKEN.fullmatch(token):
                return True
    at = source.find(" #")
    while at != -1:
        tail = source[source.rfind("\n", 0, at) + 1:at].rstrip(" ")
        token = tail[tail.rfind(" ") + 1:]
        if token[:1] in _NUMBER_STARTS and _ODD_TOKEN.fullmatch(token):
            return True
        at = source.find(" #", at + 1)
    return False


def test_odd_number_sifts_the_lines_as_the_line_by_line_reference() -> None:
    """Every short number-like token, last on its line, with trailing spaces, CR, a comment, on
    the first or last line, without a final line break, after an empty line."""
    forms = ("a: {}\n", "a: {}", "{}", "{}\n", "a: {} # c\n", "a: {}  #c", "a: {}  \n", "a: {}\r\n",
             "a: {} \r\n", "\n\n- {}\nb: 1", "x {} #", "a:\n  {} #x\n", "#{}\n", " #{} #\n", "a: {} \n ")
    flagged = 0
    for length in range(1, 4):
        for chars in itertools.product(_NUMBER_CHARS, repeat=length):
            for form in forms:
                source = form.format("".join(chars))
                assert _odd_number(source) == _odd_every_line(source), source
                flagged += _odd_number(source)
    assert flagged > 1000


def test_odd_number_reads_the_utf8_as_the_text() -> None:
    """_odd_number finds the lines' last tokens in the UTF-8 bytes (reversed): non-ASCII
    characters next to, inside or after a token, tabs, bare and doubled CRs, NBSP and other
    spaces YAML does not split at, and a token at the very start or end of the source, are read
    as the line-by-line reference reads the text; the bytes given or worked out alike."""
    pieces = ("017", "17", "-1.0", "1e3", "0x", ".5", "é", "\u00a0", "\u2003", "\t", "\r", "\r\r",
              " ", "  ", "#", " #", "a", "-", "_1", "ü17", "17é", "\U0001f600", "0o7")
    rng = random.Random(7)
    flagged = 0
    for _ in range(20000):
        parts = [rng.choice(pieces) for _ in range(rng.randint(1, 6))]
        source = "".join(p + rng.choice(("", "\n", " ", ": ", "\n  - ")) for p in parts)
        expected = _odd_every_line(source)
        assert _odd_number(source) == expected, repr(source)
        assert _odd_number(source, source.encode()) == expected, repr(source)
        flagged += expected
    assert flagged > 1000


def test_depth_and_unusual_bytes_in_one_pass() -> None:
    """fast_data's one pass gives depth_bound and the bytes rust_data's checks look at, and
    rust_data answers alike with them or without (working them out itself)."""
    pieces = ["a: b\n", "- [x, {y: 1}]\n", "? k\n", "\t", "\r", "\x00", "\x1f", "\x7f", "\x85", "\u2028",
              "\u2029", "é", "\x9d", "\ud7ff", "\ue000", "\ufffe", "\U0001f600", "\ufeff", "~", " ", "-"]
    rng = random.Random(3)
    for _ in range(3000):
        source = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        encoded = source.encode("utf-8", "surrogatepass")
        depth, unusual = depth_and_unusual(encoded)
        assert depth == depth_bound(encoded)
        assert unusual == bytes(b for b in encoded if not (b in b"\t\n\r" or 0x20 <= b < 0x7F))
        source = "a: " + source.replace("\t", "")
        encoded = source.encode("utf-8", "surrogatepass")
        got = rust_data(source, encoded, 64, depth_and_unusual(encoded)[1])
        assert _typed(got) == _typed(rust_data(source, encoded)), source
        if got is not None:
            assert _typed(got) == _libyaml(source), source
        if not source.isascii():  # the characters found are kept for the parser's other checks
            assert non_ascii_chars(source) == frozenset(c for c in source if not c.isascii())


def _may_match_a_space(items) -> bool:
    """Whether a parsed regular expression (re._parser) has a part that can match " "."""
    for op, arg in items:
        name = str(op)
        if name in ("ANY", "NOT_LITERAL", "CATEGORY") or (name == "LITERAL" and arg == 32):
            return True
        if name == "IN" and any(str(o) in ("NEGATE", "CATEGORY") or (str(o) == "LITERAL" and a == 32)
                                or (str(o) == "RANGE" and a[0] <= 32 <= a[1]) for o, a in arg):
            return True
        if name == "BRANCH" and any(_may_match_a_space(branch) for branch in arg[1]):
            return True
        if name in ("SUBPATTERN", "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT", "ATOMIC_GROUP",
                    "ASSERT", "ASSERT_NOT") and _may_match_a_space(arg if name == "ATOMIC_GROUP" else arg[-1]):
            return True
        if name not in ("LITERAL", "IN", "BRANCH", "SUBPATTERN", "MAX_REPEAT", "MIN_REPEAT", "AT",
                        "POSSESSIVE_REPEAT", "ATOMIC_GROUP", "ASSERT", "ASSERT_NOT"):
            return True  # a construct not looked into: assume it may
    return False


def test_no_implicit_resolver_matches_a_space() -> None:
    """_plain_text takes a text holding a space for plain text without the regex."""
    import re._parser as sre_parse

    assert not _may_match_a_space(sre_parse.parse(_SPECIAL.pattern, _SPECIAL.flags))
    assert _may_match_a_space(sre_parse.parse("(?:a|b[ -z])$", 0))  # the walk does see one
    assert _may_match_a_space(sre_parse.parse("x(?:y|.)", 0))
    for text in ("yes", "~", "1_000", "0x1F", "1:30", ".inf", "<<", "=", "", "null", "12.5", "yes\n"):
        assert _SPECIAL.match(text), text
        if text:
            assert not _SPECIAL.match(text + " "), text
            assert not _SPECIAL.match(" " + text), text


# -- YAML's corner cases --------------------------------------------------------------------------

_CORNERS = [
    "a: 1\na: 2", "a: &x 1\nb: *x", "a: *x", "*x : 1", "a: !!str 1", "a: !!int '3'", "<<: {b: 1}",
    "a: =", "yes: 1", "1: a", "~: a", "a: 1:30", "a: 12:30:45", "a: 2024-01-01", "a: '017'",
    'a: "\\x41\\u00e9\\/"', 'a: "\\N\\_\\L\\P"', "a:\t1", "a: b: c", "a: [1, 2]", "a: {b: c}",
    "? a\n: 1", "? [a]\n: 1", "a: |\n  x\n   y\n", "a: >-\n  x\n\n  y\n   z\n", "a: \"x\n  y\"",
    "a: x\n  y", "a: 'it''s'", "a: x #c", "a: x#c", "%YAML 1.1\n---\na: 1", "%YAML 1.2\n---\na: 1",
    "a: \x07", "a: \x85b", "a: \u2028b", "a: 1\n...\n", "a: 1\n...\nb: 2", "--- \na: 1\n---\nb: 2",
    "a: |+\n  x\n\n", "a: >2\n   x\n", "a: é", "é: 1", "a: \ufeffx", 'a: "\\ud800"', "a: 'a'b'",
    "a: {b: c", "- a\n- b", "a", "", "# only", "a: 1 # c\n", "a:    \n  b: 1", "a: b\n c",
    "a:\n b: 1\n  c: 2", "a: x\n- y", " a: 1\nb: 2", "a: 1\n b: 2", 'a: "\\e\\a\\0"', "a: '\\n'",
    'a: "x\\\n  y"', "a: 1\r\nb: 017\r\n", "a: 1\rb: 017", "a: 017 #c\nb: 1", "a:\n  017",
    "a:\n- 1\n- 017", "a: -\n", "a: - b", "a: 'x' y", "a: \"\"", "a: ''", "a:", "a: null\nb: ~",
    "a: True\nb: FALSE", "a: [017]", "a: x\n  017", "'id': 017", '"id": 017', "a: >\n  017\n",
    "a: 0.5\nb: -0\nc: -0.0", "a: \x7f", "a: \x01b", "a: b\x00", "a:\n  b:\n    c: d",
]


@pytest.mark.parametrize("source", _CORNERS)
def test_yaml_corner_cases(source: str) -> None:
    _agrees(source)


def test_a_block_scalar_ending_a_source_without_a_line_break_is_left_to_libyaml() -> None:
    """yaml-rs gives such a scalar a final line break (`a: |\n x` -> "x\n"), libyaml none ("x"):
    found by a long mutation run (QTLINT_FUZZ=60000, seed 1). With its line break, both agree."""
    for source in ("a: |\n x", "a: 1\nb: >\n x y", "a: |+\n x", "a: |-\n x"):
        assert rust_data(source, source.encode()) is None, source
        assert _agrees(source + "\n"), source


def test_an_empty_block_scalar_ending_the_source_is_left_to_libyaml() -> None:
    """yaml-rs reads it as "\n", libyaml as "" (found by the same mutation test, once the sources
    ended in their line break as the parser gives them)."""
    for source in ("a: >\n", "a: >+\n", "a: >\n  \n", "a:\n - |\n"):
        assert rust_data(source, source.encode()) is None, source
        assert _libyaml(source) != "needs the full parse", source


def test_too_deep_nesting_is_left_to_libyaml() -> None:
    source = "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 80)) + " " * 80 + "c: 1\n"
    assert rust_data(source, source.encode(), max_depth=64) is None
    assert _libyaml(source) == "needs the full parse"


def test_depth_limit_at_every_level_agrees_with_libyaml() -> None:
    """The depth limit of _check_mapping and _check_values holds as libyaml's does, for mappings,
    lists and scalars at each depth around it."""
    for max_depth in range(0, 5):
        for depth in range(0, 6):
            for leaf in ("c: 1", "c: x", "- 1", "- x", "c: {}", "c: []", "c:"):
                source = "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + leaf + "\n"
                got = rust_data(source, source.encode(), max_depth=max_depth)
                saved = yaml_fast.rust_data
                yaml_fast.rust_data = lambda *args: None
                try:
                    expected = _typed(yaml_fast.fast_data(source, max_depth))
                except yaml_fast.NeedsFullParse:
                    expected = None
                finally:
                    yaml_fast.rust_data = saved
                if got is not None:
                    assert _typed(got) == expected, (source, max_depth)


def test_values_remembered_plain_are_only_plain_ones(monkeypatch) -> None:
    """A short value found plain is remembered; one YAML 1.1 reads otherwise never is, and is
    refused each time it comes."""
    from lint import yaml_rust

    monkeypatch.setattr(yaml_rust, "_SAFE_VALUES", set())  # earlier tests may have filled it
    for _ in range(2):
        source = "date: 2025-06-18\nsubject: Nursing\n"
        assert rust_data(source, source.encode()) == {"date": "2025-06-18", "subject": "Nursing"}
        for value in ("1_000", "yes", "0b101", "1:30", "*a", "<<", "=", "0o17", "017"):
            source = f"a:\n  b: {value}\nc: {value}\n"
            assert rust_data(source, source.encode()) is None, value
            assert value not in yaml_rust._SAFE_VALUES
    assert "2025-06-18" in yaml_rust._SAFE_VALUES


# -- mutated articles -----------------------------------------------------------------------------

_PIECES = ["\n", " ", "  ", "\t", ":", ": ", "- ", "? ", "#", " #", "'", '"', "[", "]", "{", "}", ",",
           "&a ", "*a", "!", "|", ">", ">-", "0", "017", "1e3", "yes", "~", "\\", "\r", "\x85", "\u2028",
           "\x07", "%", "---", "...", "@", "`", "é", "\ufeff", "_1", ".5", "-", "+"]


def _fuzz(default_seed: int) -> tuple[random.Random, int]:
    """A mutation test's random source and number of cases: QTLINT_FUZZ_SEED and QTLINT_FUZZ
    (3,000 by default) choose another or a longer run."""
    return (random.Random(int(os.environ.get("QTLINT_FUZZ_SEED", str(default_seed)))),
            int(os.environ.get("QTLINT_FUZZ", "3000")))


def _mutate(source: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(source) + 1)
        kind = rng.random()
        if kind < 0.5:
            source = source[:at] + rng.choice(_PIECES) + source[at:]
        elif kind < 0.7:
            source = source[:at] + source[at + rng.randint(1, 4):]
        elif kind < 0.85:  # a whole line: doubled, or moved in or out
            lines = source.split("\n")
            i = rng.randrange(len(lines))
            lines[i] = rng.choice([lines[i] + "\n" + lines[i], " " + lines[i], lines[i].lstrip(" ")])
            source = "\n".join(lines)
        else:  # a value replaced by a short scalar
            lines = source.split("\n")
            i = rng.randrange(len(lines))
            key, colon, _ = lines[i].partition(": ")
            if colon:
                lines[i] = f"{key}: {rng.choice(_PIECES + ['17', '-1.0', 'True', 'null', ''])}"
            source = "\n".join(lines)
    return source


def test_mutated_articles_agree_with_libyaml(sources: list[str]) -> None:
    assert len(sources) >= 60
    rng, cases = _fuzz(20261121)
    answered = 0
    for _ in range(cases):
        source = _mutate(rng.choice(sources), rng)
        assert _odd_number(source) == _odd_every_line(source), source
        answered += _agrees(source)
    assert answered > cases // 10  # many mutations leave a valid article: yaml-rs answered those


def _yaml_rs_answer(load, argument):
    import yaml_rs

    try:
        return _typed(load(argument, parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error))
    except Exception as err:  # the kind of failure is what is compared
        return type(err).__name__


def test_yaml_rs_reads_the_bytes_as_it_reads_the_text(sources: list[str]) -> None:
    """rust_data gives yaml-rs the UTF-8 of a non-ASCII source (yaml_rs.load) rather than the text
    (yaml_rs.loads): the answers, and the failures, are the same."""
    import yaml_rs

    rng = random.Random(9)
    extra = ["é", "’", "ü€😀", "\u00a0", "日本", "\ufffd"]
    compared = 0
    for _ in range(3000):
        source = _mutate(rng.choice(sources), rng)
        at = rng.randrange(len(source) + 1)
        source = source[:at] + rng.choice(extra) + source[at:]
        if "\x00" in source or "\ufeff" in source:  # (rust_data never gives yaml-rs those)
            continue
        assert (_yaml_rs_answer(yaml_rs.load, source.encode())
                == _yaml_rs_answer(yaml_rs.loads, source)), source
        compared += 1
    assert compared > 2000


def test_real_articles_are_answered_by_yaml_rs(sources: list[str]) -> None:
    """The point of it all: the articles as written go the fast way, with libyaml's answer."""
    assert sum(_agrees(source) for source in sources) >= len(sources) * 9 // 10
