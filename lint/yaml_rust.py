"""The parser's second try (after yaml_lines.py): yaml-rs (Rust) builds the front matter, kept to
libyaml's answers.

yaml-rs builds dicts and strings in Rust, three to four times faster than libyaml's composer
calling back into Python for every node. But it reads YAML 1.2's core schema, where PyYAML's
safe loader reads YAML 1.1 (`yes`, `017`, `1e3` and `1:30` mean different things), and it is
more lenient in places (control characters, aliases are expanded). So its answer is taken only
where both must agree, and `rust_data` returns None (the libyaml path decides) otherwise:

- the source ends in a line break (a block scalar ending it otherwise differs) and holds no tab,
  no `&` (anchors: yaml-rs expands aliases), no `!` (tags), no byte order mark, no bare CR, no
  line break of YAML 1.1 only (NEL, U+2028/9) and no character libyaml refuses (`_printable`);
- it is a mapping, with no duplicate key (yaml-rs raises), every key a string;
- every string, key or value, is one YAML 1.1 reads as a string even unquoted (not `yes`, `~`,
  `1_000`, `<<`), none starts with `*` (an alias without an anchor is an error to libyaml), and
  no value starts with a line break (an empty block scalar ending the source: "\\n" to yaml-rs,
  "" to libyaml);
- no plain scalar in the source looks like a number in a form the two schemas may read
  differently (`_ODD_NUMBER`: `017`, `0o17`, `1e3`, `.iNf`, `_1`...): the numbers yaml-rs gives are
  then written `17`, `-1.0`, which both read alike; true/false and null agree in both schemas.

tests/core/test_yaml_rust.py holds this to libyaml exhaustively on short scalars, on YAML's
corner cases and on thousands of mutated articles.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .chars import high_bytes_chars
from .yaml_tree import _IMPLICIT, _UNSAFE_CHARACTERS

try:
    from yaml_rs import DuplicateKeyPolicy, YAMLDecodeError
    from yaml_rs import load as _load
    from yaml_rs import loads as _loads
except ImportError:  # pragma: no cover - an optional accelerator: libyaml alone gives the same answers
    _loads = None

_DUPLICATE = DuplicateKeyPolicy.Error if _loads is not None else None
_STR, _DICT, _LIST = str, dict, list

# characters libyaml's reader accepts: tab, LF, CR, printable ASCII, NEL, and the printable BMP
# and astral planes (PyYAML's Reader.NON_PRINTABLE):
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# A plain scalar yaml-rs reads as a number is one token: [sign] digits, `_`, `.`, a hex/octal/
# binary prefix, an exponent, or inf/nan (a superset of its grammar). Of those, only `-12` and
# `3.5` are read alike by both schemas; any other (`017`, `0o17`, `1e3`, `.iNf`, `_1`) sends the
# article to libyaml.
_CANONICAL = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"
_NUMBER_LIKE = (r"[-+]?(?:0[xXoObB][0-9a-fA-F_]*|[._0-9]*[0-9][._0-9]*(?:[eE][-+]?[0-9_]*)?"
                r"|\.[iI][nN][fF]|\.[nN][aA][nN])")
_ODD_TOKEN = re.compile(rf"(?!{_CANONICAL}$){_NUMBER_LIKE}")
# the same, for tokens each after a line break (SRE skips to the "\n", a literal prefix)
_ODD_LINE = re.compile(rf"\n(?!{_CANONICAL}(?![^\n])){_NUMBER_LIKE}(?![^\n])")
_ODD_LINE_BYTES = re.compile(_ODD_LINE.pattern.encode())  # the same, over the UTF-8 bytes
_NUMBER_STARTS = frozenset("-+._0123456789")
_TAIL_ENDS = frozenset("0123456789abcdefABCDEF._nN \r")
# _odd_number, over a source's UTF-8 reversed (each line starting with its last token): at a line
# break, trailing spaces/CR, or else a last character in _TAIL_ENDS; a run of the characters a
# number is written with (_NUMBER_LIKE's: a token with any other letter is no number); its last character (the token's first) in
# _NUMBER_STARTS; then a space, a line break or the source's start
_LINE_ENDS = re.compile(rb"\n(?:[ \r]++|(?=[0-9a-fA-F._nN]))([-+._0-9a-fA-FiInNoOxX]*+)(?<=[-+._0-9])(?=[ \n]|\Z)")
_PRINTABLE_ASCII = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F)])
_HIGH_BYTES = bytes(range(0x80, 0x100))

# YAML 1.1's implicit types (but timestamps: dates stay text), as the safe loader resolves a
# plain scalar; a string matching one of them must have been quoted, which yaml-rs cannot tell.
_SPECIAL = re.compile("|".join(dict.fromkeys(
    f"(?:{regexp.pattern})" for resolvers in _IMPLICIT.values() for _tag, regexp in resolvers)), re.VERBOSE)
_RISKY_FIRST = frozenset(_IMPLICIT) | {"*"}
_SAFE_KEYS: set[str] = set()  # keys already found plain (an article repeats the same few)
_SAFE_VALUES: set[str] = set()  # short risky-looking values already found plain (dates, subjects)


class _Disagree(Exception):
    """YAML 1.1 may read this differently: let libyaml decide."""


def rust_data(source: str, encoded: bytes, max_depth: int = 64, unusual: bytes | None = None) -> dict | None:
    """The front matter as plain data when yaml-rs's answer is libyaml's; None: ask libyaml.

    `encoded` is `source` in UTF-8; the caller has checked its depth bound (yaml_tree.depth_bound
    at most 500): yaml-rs recurses on the stack, and tens of thousands of levels crash it.
    `unusual`: `encoded` without tab, LF, CR and printable ASCII, when the caller has it
    (yaml_tree.depth_and_unusual)."""
    if _loads is None or "\t" in source or "&" in source or "!" in source or "\ufeff" in source:
        return None  # tabs, anchors, tags, byte order marks: the two parsers differ
    if source[-1:] != "\n":
        return None  # a block scalar (`|`, `>`) ending a source without a line break keeps one in
        # yaml-rs, none in libyaml; an article's front matter always ends in one (article.py)
    if "\r" in source and source.count("\r") != source.count("\r\n"):
        return None  # a bare CR is a line break: the line checks below split at LF only
    if unusual is None:
        unusual = encoded.translate(None, _PRINTABLE_ASCII)
    if unusual and not _printable(source, unusual):
        return None  # libyaml refuses the character, or reads it as a line break (NEL, U+2028/9)
    if "[" in source or "{" in source or _odd_number(source, encoded):
        return None  # flow collections (or a Markdown link): libyaml decides
    try:
        if source.isascii():
            data = _loads(source, parse_datetime=False, duplicate_key_policy=_DUPLICATE)
        else:  # its UTF-8, which yaml-rs would have Python encode again (~20 instructions a character)
            data = _load(encoded, parse_datetime=False, duplicate_key_policy=_DUPLICATE)
    except (YAMLDecodeError, ValueError, TypeError, OverflowError, RecursionError):
        return None  # an error, a duplicate key...: libyaml reports it with its position
    if data.__class__ is not _DICT:
        return None
    try:
        _check_mapping(data, 0, max_depth)
    except _Disagree:
        return None
    return data


def _printable(source: str, unusual: bytes) -> bool:
    """No character libyaml's reader refuses, nor one it reads as a line break where yaml-rs does
    not (NEL, U+2028/9: yaml_tree.yaml_safe replaces them). `unusual`: the UTF-8 of `source`
    without tab, LF, CR and printable ASCII, not empty."""
    if unusual.translate(None, _HIGH_BYTES):
        return False  # an ASCII control character
    chars = high_bytes_chars(source, unusual)  # only non-ASCII characters: check each distinct one
    return chars.isdisjoint(_UNSAFE_CHARACTERS) and not any(map(_NON_PRINTABLE.match, chars))


def _odd_number(source: str, encoded: bytes | None = None) -> bool:
    """Whether a plain scalar may be a number the two schemas read differently.

    Without flow collections (the caller sends those to libyaml), a plain scalar yaml-rs reads
    as a number is one token, last on its line: after a space or the line start, before trailing
    spaces, a comment (` #`) or the line break. So the last token of every line, and the last
    token before every ` #`, is checked.

    The lines' last tokens are found by one regular expression over the UTF-8 bytes reversed
    (`encoded`: `source` in UTF-8, when the caller has it): each line then starts with its last
    token, which the engine reaches from the line break without walking the line (splitting the
    text into lines and sifting them cost 154,000 instructions an article, this 128,000; every
    character of a number is ASCII, so its bytes are its characters). `_LINE_ENDS` keeps, of each
    line, a last token made of number characters and starting like a number, where the line ends
    in a character a number may end with (or in trailing spaces/CR); the few kept (ids, dates) are
    turned round again and searched by one regex."""
    if encoded is None:
        encoded = source.encode("utf-8", "surrogatepass")
    reversed_ = encoded[::-1]  # a front matter ends with its line break: no copy to add one
    found = _LINE_ENDS.findall(reversed_ if reversed_[:1] == b"\n" else b"\n" + reversed_)
    if found and _ODD_LINE_BYTES.search(b"\n" + b"\n".join(found)[::-1]) is not None:
        return True
    return "#" in source and _odd_before_comment(source)


def _odd_before_comment(source: str) -> bool:
    """The last token before every ` #` (a comment ends a scalar too). Each `#` is found with a
    one-character find (memchr: a search for " #" costs five times more), and the token is cut
    out without copying its (long) line."""
    starts, odd, find, rfind = _NUMBER_STARTS, _ODD_TOKEN.fullmatch, source.find, source.rfind
    at = find("#", 1)
    while at != -1:
        if source[at - 1] == " ":
            line_start = rfind("\n", 0, at) + 1
            end = at - 1
            while end > line_start and source[end - 1] == " ":
                end -= 1
            token = source[rfind(" ", line_start, end) + 1 or line_start:end]
            if token[:1] in starts and odd(token):
                return True
        at = find("#", at + 1)
    return False


def _check_mapping(data: dict, depth: int, max_depth: int) -> None:
    """Every key a string; every string one YAML 1.1 reads as that string (see `_plain_text`).
    The keys are looked up all at once among those already found plain (one C call)."""
    if not _SAFE_KEYS.issuperset(data):
        _check_keys(data)
    _check_values(data.values(), bool(data), depth, max_depth)


def _check_keys(data: dict) -> None:
    for key in data:
        if key not in _SAFE_KEYS and (key.__class__ is not _STR or not plain_key(key)):
            raise _Disagree


def plain_key(key: str) -> bool:
    """Whether YAML 1.1 reads this key as this text unquoted (`_plain_text`); one that it does
    is remembered in _SAFE_KEYS. Also the line parser's test (yaml_lines.py)."""
    if not _plain_text(key):
        return False
    if len(_SAFE_KEYS) < 4096:
        _SAFE_KEYS.add(key)
    return True


def plain_value(value: str) -> bool:
    """Whether YAML 1.1 reads this value, a string with a risky first character, as this text
    unquoted. A short one found plain without the space test is remembered (dates, subjects:
    articles repeat them, and a date costs a regex match); one holding a space is answered by
    memchr, never hashed. Also the line parser's test (yaml_lines.py)."""
    if " " in value:
        return value[:1] != "*"
    if value in _SAFE_VALUES:
        return True
    if value[:1] == "*" or _SPECIAL.match(value) is not None:  # _plain_text, for a risky first character
        return False
    if len(value) <= 64 and len(_SAFE_VALUES) < 4096:
        _SAFE_VALUES.add(value)
    return True


def _check_values(values: Iterable, nonempty: bool, depth: int, max_depth: int) -> None:
    """The values of a mapping or a list at `depth` (the root mapping's is 0)."""
    if depth >= max_depth and nonempty:
        raise _Disagree  # deeper than allowed: libyaml's walk reports it
    for value in values:
        cls = value.__class__
        if cls is _STR:
            if value[:1] in _RISKY_FIRST and not plain_value(value):
                raise _Disagree
            if value[:1] == "\n":
                raise _Disagree  # an empty block scalar ending the source: "\n" to yaml-rs, "" to libyaml
        elif cls is _DICT:
            _check_mapping(value, depth + 1, max_depth)
        elif cls is _LIST:
            _check_values(value, bool(value), depth + 1, max_depth)


def _plain_text(text: str) -> bool:
    """YAML 1.1 reads it as this string even unquoted (not `yes`, `~`, `1_000`, `<<`), and it is
    no alias (`*name`: an error to libyaml without its anchor, text to yaml-rs)."""
    if text[:1] not in _RISKY_FIRST:
        return True
    # no implicit resolver matches a space (test_yaml_rust walks their patterns): most values
    # with a risky first letter are sentences ("The ...", "Nursing care ..."), answered by memchr
    return text[:1] != "*" and (" " in text or _SPECIAL.match(text) is None)
