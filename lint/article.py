"""The read-only Article every rule works on, and the parser that builds it.

Parsing never raises: `parse_article` returns an Article (possibly with `data` None) plus the
parse diagnostics as values. Rules only ever see Articles whose front matter is a mapping.
"""
from __future__ import annotations

import bisect
import functools
import operator
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from types import MappingProxyType
from typing import Any

from .diagnostic import Diagnostic, Fix, Severity
from .yaml_fast import NeedsFullParse, fast_data
from .yaml_tree import FrontMatterError, Located, build_tree

BOM = "\ufeff"
_PLAIN_MAPPINGS = (dict, MappingProxyType)
_plus_one = functools.partial(operator.add, 1)
DEFAULT_MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Article:
    """One article file, parsed once.

    `text` is the decoded file without its BOM and with line endings untouched; every offset
    in the program (positions, edits) is an index into it.
    """

    path: str
    raw: bytes
    text: str
    data: Mapping[str, Any] | None = None
    # key path (tuple of str/int) -> Located (offsets of key and value in `text`)
    positions: Mapping[tuple, Located] = field(default_factory=dict)
    front_matter_start: int = 0  # offset of the first front-matter character
    front_matter_end: int = 0  # offset of the closing `---` line
    has_bom: bool = False
    _line_starts: tuple[int, ...] | None = field(default=None, repr=False, compare=False)

    # ---- positions -------------------------------------------------------------------
    @property
    def line_starts(self) -> tuple[int, ...]:
        """Offset of the start of every line; worked out on first use (only an article with a
        finding, or a fix, needs it)."""
        if self._line_starts is None:
            object.__setattr__(self, "_line_starts", line_starts_of(self.text))
        return self._line_starts  # type: ignore[return-value]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def where(self, key_path: tuple) -> Located | None:
        """Position of a key path, or of its nearest ancestor that exists."""
        while key_path:
            loc = self.positions.get(key_path)
            if loc is not None:
                return loc
            key_path = key_path[:-1]
        return self.positions.get(())

    def get(self, *key_path: Any) -> Any:
        node: Any = self.data
        for key in key_path:
            # parsed data is dicts under a MappingProxyType: test those exactly first, since
            # isinstance against the Mapping ABC costs a microsecond and rules call this a lot
            if node.__class__ in _PLAIN_MAPPINGS or isinstance(node, Mapping):
                try:
                    node = node[key]
                except (KeyError, TypeError):
                    return None
            else:
                return None
        return node

    def value_offset(self, key_path: tuple, index: int) -> int:
        """File offset of character `index` of the string value at `key_path`."""
        loc = self.positions.get(key_path)
        if loc is None:
            return 0
        return loc.offset_of(index)

    # ---- diagnostics -----------------------------------------------------------------
    def diagnostic(
        self,
        code: str,
        start: int,
        end: int | None,
        message: str,
        *,
        severity: Severity = Severity.ERROR,
        fix: Fix | None = None,
        text: str = "",
        extra: dict | None = None,
    ) -> Diagnostic:
        line, col = self.line_col(start)
        end_line = end_col = None
        if end is not None and end >= start:
            end_line, end_col = self.line_col(end)
        return Diagnostic(
            path=self.path, line=line, column=col, code=code, message=message,
            severity=severity, end_line=end_line, end_column=end_col, fix=fix,
            text=text, extra=extra or {},
        )

    def at_key(self, code: str, key_path: tuple, message: str, **kw: Any) -> Diagnostic:
        """A diagnostic at the key of `key_path` (or its nearest existing parent)."""
        loc = self.where(key_path)
        if loc is None:
            return self.diagnostic(code, self.front_matter_start, None, message, **kw)
        return self.diagnostic(code, loc.key_start, loc.key_end, message, **kw)

    def at_value(self, code: str, key_path: tuple, message: str, **kw: Any) -> Diagnostic:
        loc = self.where(key_path)
        if loc is None:
            return self.diagnostic(code, self.front_matter_start, None, message, **kw)
        start, end = loc.content_span()
        return self.diagnostic(code, start, end, message, **kw)


def line_starts_of(text: str) -> tuple[int, ...]:
    """Offset of the start of every line (after each "\n"), all in C: each line's length plus
    one for its "\n", summed up."""
    return tuple(accumulate(map(_plus_one, map(len, text.split("\n")[:-1])), initial=0))


@dataclass(frozen=True, slots=True)
class ParseResult:
    article: Article | None  # None when the bytes are not even text
    diagnostics: tuple[Diagnostic, ...]


def _plain_diag(path: str, code: str, message: str, line: int = 1, column: int = 1) -> Diagnostic:
    return Diagnostic(path=path, line=line, column=column, code=code, message=message)


def parse_article(path: str, raw: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES,
                  max_depth: int = 64) -> ParseResult:
    if len(raw) > max_bytes:
        return ParseResult(None, (_plain_diag(
            path, "P010",
            f"file is larger than the {max_bytes:,}-byte limit; it was not parsed. "
            "Split it, or raise `max-file-size` in [tool.qtlint] if it is really an article."),))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        prefix = raw[: err.start].decode("utf-8", "replace")
        line = prefix.count("\n") + 1
        col = len(prefix) - (prefix.rfind("\n") + 1) + 1
        return ParseResult(None, (_plain_diag(
            path, "P001",
            f"not UTF-8: byte 0x{raw[err.start]:02x} at offset {err.start} ({err.reason}); "
            "re-save the file as UTF-8", line, col),))
    has_bom = text.startswith(BOM)
    if has_bom:
        text = text[1:]
    def fail(code: str, message: str, offset: int = 0) -> ParseResult:
        bare = Article(path=path, raw=raw, text=text, has_bom=has_bom)
        return ParseResult(bare, (bare.diagnostic(code, offset, None, message),))

    if not text or text.isspace():
        return fail("P002", "empty file: an article needs YAML front matter between `---` lines")
    first_end = text.find("\n")
    first = text[: first_end if first_end != -1 else len(text)].rstrip("\r")
    if first.rstrip() != "---":
        return fail("P003", "no front matter: the first line must be `---`, followed by the "
                            "article's YAML fields and a closing `---` line")
    fm_start = first_end + 1
    close = _find_closing(text, fm_start)
    if close is None:
        return fail("P004", "front matter is not closed: add a line `---` after the last field")
    try:  # the common case: data only; positions are built if a finding needs them
        data = fast_data(text[fm_start:close], max_depth, _front_matter_bytes(raw, text, fm_start, close))
        if isinstance(data, dict):
            # positional (path, raw, text, data, positions, front_matter_start,
            # front_matter_end, has_bom): keywords cost the frozen dataclass ~0.5 us more
            return ParseResult(Article(
                path, raw, text, MappingProxyType(data), LazyPositions(text, fm_start, close, max_depth),
                fm_start, close, has_bom), ())
    except NeedsFullParse:
        pass
    try:
        tree = build_tree(text, fm_start, close, max_depth=max_depth)
    except FrontMatterError as err:
        return fail(err.code, err.message, err.offset)
    bare = Article(path=path, raw=raw, text=text, has_bom=has_bom)
    diags = tuple(bare.diagnostic("P007", d.key_start, d.key_end, d.message) for d in tree.duplicates)
    if not isinstance(tree.data, dict):
        kind = "empty" if tree.data is None else type(tree.data).__name__
        return ParseResult(bare, diags + (bare.diagnostic(
            "P006", fm_start, None,
            f"front matter is {kind}, not a mapping of fields: write `key: value` lines"),))
    article = Article(
        path=path, raw=raw, text=text,
        data=MappingProxyType(tree.data), positions=MappingProxyType(tree.positions),
        front_matter_start=fm_start, front_matter_end=close, has_bom=has_bom,
    )
    return ParseResult(article, diags)


class LazyPositions(Mapping):
    """The source map, built by the full walk on first use (most articles never need it)."""

    __slots__ = ("_args", "_map")

    def __init__(self, text: str, start: int, end: int, max_depth: int) -> None:
        self._args = (text, start, end, max_depth)
        self._map: dict | None = None

    def _positions(self) -> dict:
        if self._map is None:
            text, start, end, max_depth = self._args
            try:
                self._map = build_tree(text, start, end, max_depth=max_depth).positions
            except FrontMatterError:  # cannot happen after a successful fast parse; be safe
                self._map = {}
        return self._map

    def __getitem__(self, key: tuple) -> Located:
        return self._positions()[key]

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._positions())

    def __len__(self) -> int:
        return len(self._positions())


def _front_matter_bytes(raw: bytes, text: str, start: int, end: int) -> bytes | None:
    """text[start:end] in UTF-8, cut from the file's bytes (`raw`, whose text is `text` after a
    BOM; `start` follows the first line break) when that is cheaper than encoding it: for a text
    that is not ASCII, where the short part after the front matter is encoded instead to find
    where it starts (encoding the front matter cost ~20 instructions a character). None: encode."""
    if text.isascii() or len(text) - end > end - start:
        return None  # ASCII: encoding is a copy, as cutting is
    return raw[raw.find(b"\n") + 1:len(raw) - len(text[end:].encode())]


def _find_closing(text: str, start: int) -> int | None:
    """Offset of the line `---` that closes the front matter (trailing spaces/CR allowed).
    `start` is a line start; only lines beginning with `---` are looked at."""
    if text.startswith("---", start):
        pos = start
    else:
        found = text.find("\n---", start)
        pos = -1 if found == -1 else found + 1
    while pos != -1:
        nl = text.find("\n", pos)
        if not text[pos + 3:len(text) if nl == -1 else nl].strip():
            return pos
        if nl == -1:
            return None
        found = text.find("\n---", nl)
        pos = -1 if found == -1 else found + 1
    return None
