"""The parser's first try: the articles' own layout, read line by line, kept to libyaml's answers.

Every article is written the same way (see the seeds): one `key: value` per line, a folded
`key: >-` whose text is the one line below it, and mappings (`seo:`, `related_article1:`) as
more-indented lines under a bare `key:`. One regular expression cuts those lines; a short loop
builds the dicts. Anything else returns None, and yaml-rs or libyaml decide (yaml_fast.py).

A line is taken only in a form where YAML 1.1 (libyaml, PyYAML's safe loader without dates)
reads exactly what is built here:
- a key of letters, digits and `_` (at most 128), not one YAML reads as a bool or null (`yes`);
- `key:` with nothing after it: a mapping when the next line is indented more, else null;
- `key: >-` then one line indented more than the key, not followed by a line indented as much
  (that would be folded into it) nor by an empty line: the value is that line's text;
- `key: value` on one line: a plain scalar that starts with no indicator (`-`, `?`, `:` only
  before a non-space, as in `-1.0`), holds no `: ` or ` #`, ends in neither a space nor `:`,
  and is text to YAML 1.1 (a canonical number, `17` or `-1.0`, is made that number; any other
  implicit type, `yes`, `~`, `017`, `1e3`, `1:30`, gives None); or a one-line quoted scalar,
  single-quoted (`''` is a quote) or double-quoted without a backslash;
- every mapping's keys at one indentation, the root's at none, no key twice, the nesting no
  deeper than `max_depth` (as yaml_fast.fast_data counts it).
The source must end in a line break and hold no tab, no CR, no byte order mark and no character
libyaml refuses or reads as a line break (`unusual`, checked as yaml_rust._printable does).

tests/core/test_yaml_lines.py holds this to libyaml on YAML's corner cases, every short scalar,
and thousands of mutated articles.
"""
from __future__ import annotations

import re

from .yaml_rust import _RISKY_FIRST, _SAFE_KEYS, _SAFE_VALUES, _printable, plain_key, plain_value

# A line: its indentation, key, and either nothing (a line break), a folded scalar's indentation
# and one line of text (then a line not indented as much), or a value on the line; or else any
# other line (the last group: the source is not in the layout). Each match starts a line (the
# lookbehind) and ends one, so the matches cover every line of a source ending in a line break.
# `.` (no DOTALL) is every character but a line break, scanned faster than [^\n].
_LINE = re.compile(r"(?<![^\n])(?:( *)([A-Za-z_][0-9A-Za-z_]{0,127}):"
                   r"(?:\n| >-\n( +)([^ \n].*)\n(?!\3)| (.+)\n)|(.*\n))")
_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
# first characters a plain value of the common kind cannot have: indicators, quotes, a space
_NOT_PLAIN = frozenset(" ,[]{}#&*!|>%@`'\"-?:")
_NO_VALUE = frozenset(" :")  # last characters a plain value cannot have


def lines_data(source: str, unusual: bytes, max_depth: int = 64) -> dict | None:
    """The front matter as plain data when it is written in the articles' layout; None: let
    the next parser decide. `unusual`: the UTF-8 of `source` without tab, LF, CR and printable
    ASCII (yaml_tree.depth_and_unusual)."""
    if source[-1:] != "\n" or "\t" in source or "\r" in source or "\ufeff" in source:
        return None
    if (unusual and not _printable(source, unusual)) or max_depth <= 0:
        return None  # (a root with a key lies deeper than a max_depth of 0: the full parse reports it)
    found = _LINE.findall(source)
    root = mapping = {}
    level = 0  # the indentation of `mapping`'s keys
    outer: list[tuple[int, dict]] = []  # the mappings around `mapping`, with their indentation
    bare = None  # the key before, when nothing followed its colon
    for indent, key, inner, block, value, other in found:
        if other:
            return None  # a line in no form above
        if indent or bare is not None:
            width = len(indent)
            if bare is not None:
                if width > level:  # the bare key's value is the mapping this line starts
                    if len(outer) + 1 >= max_depth:
                        return None  # deeper than allowed: the full parse reports it
                    outer.append((level, mapping))
                    mapping[bare] = mapping = {}
                    level = width
                bare = None
            while width < level and outer:
                level, mapping = outer.pop()
            if width != level:
                return None  # not the indentation of any open mapping: an error, or not this layout
        elif level:
            level, mapping = 0, root
            outer.clear()
        if key in mapping:
            return None  # a duplicate: reported by the full parse
        if key not in _SAFE_KEYS and not plain_key(key):
            return None  # a bool or null key
        if block:
            if len(inner) <= len(indent):
                return None  # not indented below its key: the folded scalar would be empty
            mapping[key] = block
        elif value:
            if value[0] in _NOT_PLAIN or value[-1] in _NO_VALUE or ": " in value or " #" in value:
                value = _unusual_value(value)
                if value is None:
                    return None
            elif value[0] in _RISKY_FIRST and value not in _SAFE_VALUES and not plain_value(value):
                value = _number(value)
                if value is None:
                    return None
            mapping[key] = value
        else:
            mapping[key] = None
            bare = key
    return root if found else None


def _number(value: str) -> int | float | None:
    """A plain value YAML 1.1 reads as another type than text: a canonical number, or None (any
    other: let libyaml decide)."""
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return None


def _unusual_value(value: str) -> str | int | float | None:
    """A value starting with an indicator, a quote or a space, or holding `: ` or ` #`, or ending
    in a space or `:`: a one-line quoted scalar, a plain one starting `-`, `?` or `:` before a
    non-space (`-1.0`), or None."""
    first, last = value[0], value[-1]
    if first == "'" and last == "'" and len(value) > 1:
        inside = value[1:-1]
        return None if "'" in inside.replace("''", "") else inside.replace("''", "'")
    if first == '"' and last == '"' and len(value) > 1:
        inside = value[1:-1]
        return None if '"' in inside or "\\" in inside else inside
    if first in "-?:" and value[1:2] not in ("", " ") and last not in _NO_VALUE \
            and ": " not in value and " #" not in value:
        return value if first != "-" or plain_value(value) else _number(value)
    return None
