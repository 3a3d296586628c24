"""Front matter → plain data plus a source map, with PyYAML's libyaml composer.

Why not `yaml.load`: it forgets where things are, silently keeps the last of two equal keys,
expands aliases (a billion-laughs bomb), turns `2025-02-30` into an exception and recurses
without bound in C on absurd nesting. Here we compose the node graph once (libyaml), then walk
it ourselves: positions for every key and value, duplicate keys reported, aliases refused,
depth bounded, dates kept as text for the schema's `format: date`.
"""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .chars import non_ascii_chars

try:  # libyaml when available (it is in every PyYAML wheel)
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python fallback
    _BaseLoader = yaml.SafeLoader

STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"


_IMPLICIT = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
# `resolve` below relies on the safe loader having no path resolvers and no wildcard resolvers
assert not _BaseLoader.yaml_path_resolvers and None not in _IMPLICIT


class ArticleLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader without the timestamp resolver: dates stay text, checked by the schema.

    libyaml's composer calls back into Python for every node: `resolve` for its tag, and
    `descend_resolver`/`ascend_resolver` to track the path for path resolvers. PyYAML's own
    versions cost a fifth of the parse; these give the same answers (the safe loader has no path
    resolvers), with the path tracking done by C built-ins that do nothing.
    """

    yaml_implicit_resolvers = _IMPLICIT

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:  # a plain scalar: the implicit resolvers for its first character
                for tag, regexp in _IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG

    descend_resolver = staticmethod(operator.is_)  # called with (parent, index): ignored
    ascend_resolver = staticmethod(tuple)  # called with nothing: ignored


class FrontMatterError(Exception):
    def __init__(self, code: str, message: str, offset: int) -> None:
        super().__init__(message)
        self.code, self.message, self.offset = code, message, offset


class Located:
    """Where a key and its value are in the file (0-based offsets into the file text)."""

    __slots__ = ("_map", "_text", "_value", "end", "key_end", "key_start", "start", "style")

    def __init__(self, key_start: int, key_end: int, start: int, end: int, style: str | None,
                 text: str, value: Any) -> None:
        self.key_start, self.key_end = key_start, key_end
        self.start, self.end, self.style = start, end, style
        self._text, self._value = text, value
        self._map: list[tuple[int, int]] | None = None

    def __repr__(self) -> str:
        return f"Located(key={self.key_start}, value={self.start}:{self.end}, style={self.style!r})"

    def _pieces(self) -> list[tuple[int, int]]:
        """(value index, file offset) at the start of each source line of a string value."""
        if self._map is None:
            self._map = _string_map(self._text, self.start, self.end, self.style, self._value)
        return self._map

    def offset_of(self, index: int) -> int:
        """File offset of character `index` of the (string) value; the value start if unknown."""
        pieces = self._pieces()
        if not pieces:
            return self.start
        best = pieces[0]
        for piece in pieces:
            if piece[0] <= index:
                best = piece
            else:
                break
        return best[1] + (index - best[0])

    def content_span(self) -> tuple[int, int]:
        pieces = self._pieces()
        if pieces and isinstance(self._value, str):
            return pieces[0][1], self.offset_of(len(self._value))
        return self.start, self.end


def _string_map(text: str, start: int, end: int, style: str | None, value: Any) -> list[tuple[int, int]]:
    if not isinstance(value, str):
        return []
    src = text[start:end]
    if style in ('"', "'"):
        inner = src[1:-1]
        return [(0, start + 1)] if inner == value else []
    if style in (">", "|"):
        nl = src.find("\n")
        if nl == -1:
            return []
        body_start = start + nl + 1
    else:
        body_start = start
    # Rebuild the value line by line; only trust the map when the rebuild is exact.
    pieces: list[tuple[int, int]] = []
    out: list[str] = []
    length = 0
    pending_breaks = 0
    pos = body_start
    indent = None
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        line = text[pos:line_end].rstrip("\r")
        stripped = line.lstrip(" \t")
        if stripped:
            lead = len(line) - len(stripped)
            if indent is None:
                indent = lead
            content_off = pos + (lead if style not in ("|",) else min(lead, indent))
            content = line[content_off - pos:]
            if style != "|":
                content = content.rstrip(" \t")
            if out:
                if style == "|":
                    sep = "\n" * (pending_breaks + 1)
                else:
                    sep = "\n" * pending_breaks if pending_breaks else " "
                out.append(sep)
                length += len(sep)
            pieces.append((length, content_off))
            out.append(content)
            length += len(content)
            pending_breaks = 0
        elif out:
            pending_breaks += 1
        if nl == -1:
            break
        pos = nl + 1
    if "".join(out) != value:
        return []
    return pieces


@dataclass
class Duplicate:
    key_start: int
    key_end: int
    message: str


@dataclass
class Tree:
    data: Any
    positions: dict[tuple, Located] = field(default_factory=dict)
    duplicates: list[Duplicate] = field(default_factory=list)


# YAML refuses C1 control characters (a mojibake "â€\x9d" would make the whole article invalid
# YAML and drop it from the index) and reads U+0085, U+2028 and U+2029 as line breaks (every
# position after them would be off). They are encoding damage, reported by the E-rules on the raw
# text; for parsing, each is replaced by U+FFFD: one character for one, so offsets hold.
_YAML_UNSAFE = re.compile("[\x80-\x9f\u2028\u2029]")
_UNSAFE_CHARACTERS = frozenset(map(chr, range(0x80, 0xA0))) | {"\u2028", "\u2029"}


def yaml_safe(source: str) -> str:
    if source.isascii() or non_ascii_chars(source).isdisjoint(_UNSAFE_CHARACTERS):
        return source
    return _YAML_UNSAFE.sub("\ufffd", source)


def _line_starts(text: str, start: int, end: int) -> list[int]:
    starts = [start]
    i = text.find("\n", start, end)
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1, end)
    return starts


_DEPTH_BYTES = b"[{-?\n"  # what each nesting level needs one of (depth_bound)
_NOT_DEPTH = bytes(b for b in range(256) if b not in _DEPTH_BYTES)


def depth_bound(source: str | bytes) -> int:
    """An upper bound on the nesting depth, cheaply: every level needs a flow bracket, a block
    indicator (`-`, `?`) or a new line. Only above a limit do we count exactly (events). Counted
    in the UTF-8 bytes (one C pass; those five are ASCII, so no other character's bytes match)."""
    data = source.encode() if isinstance(source, str) else source
    return len(data.translate(None, _NOT_DEPTH))


# what libyaml's reader takes without a second look: tab, CR and printable ASCII (LF is a depth byte)
_PLAIN_NOT_DEPTH = bytes(b for b in (0x09, 0x0D, *range(0x20, 0x7F)) if b not in _DEPTH_BYTES)


def depth_and_unusual(encoded: bytes) -> tuple[int, bytes]:
    """depth_bound(encoded), and the bytes of `encoded` that are not tab, LF, CR or printable
    ASCII (control characters and every byte of a non-ASCII character, in order), from one pass
    over the source where the two took one each: the parser needs both for every article."""
    kept = encoded.translate(None, _PLAIN_NOT_DEPTH)
    unusual = kept.translate(None, _DEPTH_BYTES)
    return len(kept) - len(unusual), unusual


def build_tree(text: str, start: int, end: int, *, max_depth: int = 64) -> Tree:
    text = yaml_safe(text)  # same length: offsets into it are offsets into the file
    source = text[start:end]
    starts = _line_starts(text, start, end)

    def offset(mark: Any) -> int:
        line = min(mark.line, len(starts) - 1)
        return starts[line] + mark.column

    if depth_bound(source) > 500:
        _check_depth_by_events(source, max_depth, offset)
    loader = ArticleLoader(source)
    try:
        try:
            root = loader.get_single_node()
        except yaml.MarkedYAMLError as err:
            mark = err.problem_mark or err.context_mark
            where = offset(mark) if mark is not None else start
            _raise_if_too_deep(err, max_depth, where)
            problem = err.problem or err.context or "invalid YAML"
            raise FrontMatterError("P005", f"invalid YAML: {problem}", where) from None
        except yaml.reader.ReaderError as err:
            char = err.character if isinstance(err.character, str) else chr(err.character)
            raise FrontMatterError(
                "P005", f"invalid YAML: the character U+{ord(char):04X} is not allowed in YAML; "
                "remove or replace it", start + err.position) from None
        except yaml.YAMLError as err:
            raise FrontMatterError("P005", f"invalid YAML: {err}", start) from None
        tree = Tree(data=None)
        if root is None:
            return tree
        seen: set[int] = set()

        def walk(node: Any, path: tuple, depth: int, key_start: int, key_end: int) -> Any:
            if depth > max_depth:
                raise _too_deep(max_depth, offset(node.start_mark))
            if id(node) in seen:
                raise FrontMatterError(
                    "P008", "YAML anchors and aliases are not allowed in articles: "
                    "write the value out in full", offset(node.start_mark))
            seen.add(id(node))
            if getattr(node, "anchor", None):
                raise FrontMatterError(
                    "P008", "YAML anchors and aliases are not allowed in articles: "
                    "write the value out in full", offset(node.start_mark))
            s, e = offset(node.start_mark), offset(node.end_mark)
            if isinstance(node, yaml.ScalarNode):
                if node.tag == STR_TAG:
                    value: Any = node.value
                else:
                    try:
                        value = loader.construct_object(node)
                    except (yaml.YAMLError, ValueError, OverflowError) as err:
                        raise FrontMatterError("P005", f"invalid YAML value: {err}", s) from None
                tree.positions[path] = Located(key_start, key_end, s, e, node.style, text, value)
                return value
            tree.positions[path] = Located(key_start, key_end, s, e, None, text, None)
            if isinstance(node, yaml.SequenceNode):
                return [walk(item, path + (i,), depth + 1, offset(item.start_mark),
                             offset(item.start_mark)) for i, item in enumerate(node.value)]
            mapping: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise FrontMatterError("P008", "YAML merge keys (`<<`) are not allowed in "
                                           "articles: write the fields out", offset(key_node.start_mark))
                if not isinstance(key_node, yaml.ScalarNode):
                    raise FrontMatterError("P005", "invalid YAML: a key must be a plain name, "
                                           "not a list or mapping", offset(key_node.start_mark))
                key = walk(key_node, path + ("<key>",), depth + 1, 0, 0)
                if isinstance(key, (list, dict)) or not _hashable(key):
                    raise FrontMatterError("P005", "invalid YAML: unusable key", offset(key_node.start_mark))
                ks, ke = offset(key_node.start_mark), offset(key_node.end_mark)
                if key in mapping:
                    first = tree.positions[path + (key,)]
                    line = text.count("\n", 0, first.key_start) + 1
                    tree.duplicates.append(Duplicate(
                        ks, ke, f"key `{key}` is given twice (first on line {line}); "
                        "YAML keeps only the last one: delete or merge one of them"))
                mapping[key] = walk(value_node, path + (key,), depth + 1, ks, ke)
            tree.positions.pop(path + ("<key>",), None)
            return mapping

        root_start = offset(root.start_mark)
        tree.data = walk(root, (), 0, root_start, root_start)
        return tree
    except RecursionError:
        raise FrontMatterError("P009", "front matter nested too deeply", start) from None
    finally:
        loader.dispose()


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _check_depth_by_events(source: str, max_depth: int, offset: Any) -> None:
    """libyaml's composer recurses in C; measure depth on the event stream first."""
    depth = 0
    try:
        for event in yaml.parse(source, Loader=ArticleLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > max_depth:
                    raise _too_deep(max_depth, offset(event.start_mark))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        _raise_if_too_deep(err, max_depth, offset(mark) if mark else 0)
        raise FrontMatterError("P005", f"invalid YAML: {err.problem or err.context}",
                               offset(mark) if mark else 0) from None


def _raise_if_too_deep(err: yaml.MarkedYAMLError, max_depth: int, where: int) -> None:
    """The libyaml in recent PyYAML wheels (6.0.4 here) stops at 1,000 levels with its own error. Its
    scanner reads ahead past all the opening brackets of a flow collection before the first event
    (each could begin a key), so that error comes before our count of the events reaches
    `max_depth`: it is the same finding, nesting too deep (P009), not broken YAML (P005)."""
    if err.problem == "exceeded maximum nesting depth":
        raise _too_deep(max_depth, where) from None


def _too_deep(max_depth: int, where: int) -> FrontMatterError:
    return FrontMatterError(
        "P009", f"front matter nested more than {max_depth} levels deep; articles only need two levels",
        where)
