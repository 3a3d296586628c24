"""Building blocks of the held-out corpus: cases with their expected findings, and text surgery
that keeps track of the line each defect lands on.

A *case* is one kind of defect (or one kind of clean article) in one or more files. It lists the
findings qtlint must report (`expect`), the findings it may report besides because they are also
true (`tolerate`, e.g. a stale related url is also a related-url mismatch), and the bytes each of
its files must hold after `qtlint check --fix` when that is not the original content (`fixed`).
"""
from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CLEAN = "clean"
CATEGORIES = ("parse", "schema", "slug", "reference", "encoding", "facts", "grammar")


def load_generator() -> Any:
    """benchmarks/generate.py as a module (it is a script, not a package)."""
    name = "qt_generate_heldout"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Want:
    """One finding: in `path`, of `category` (and `code` when certain), on one of `lines` (1-based)."""
    path: str
    category: str
    code: str | None
    lines: tuple[int, ...]

    def matches(self, finding: dict) -> bool:
        return (finding["path"] == self.path and finding.get("category") == self.category
                and (self.code is None or finding["code"] == self.code) and finding["line"] in self.lines)

    def as_json(self) -> dict:
        return {"path": self.path, "category": self.category, "code": self.code, "lines": list(self.lines)}


@dataclass
class Case:
    kind: str  # "<category>/<what>" for a defect, "clean/<what>" for a clean article
    files: list[str]
    expect: list[Want] = field(default_factory=list)
    tolerate: list[Want] = field(default_factory=list)
    fixed: dict[str, bytes] = field(default_factory=dict)  # path -> bytes after --fix, when they change
    note: str = ""

    @property
    def category(self) -> str:
        return self.kind.split("/", 1)[0]

    def as_json(self) -> dict:
        return {"kind": self.kind, "category": self.category, "files": self.files,
                "expect": [w.as_json() for w in self.expect],
                "tolerate": [w.as_json() for w in self.tolerate],
                "fixed": sorted(self.fixed), "note": self.note}


# ---------------------------------------------------------------- text surgery (on "\n" text)

def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def line_of(text: str, needle: str, start: int = 0) -> int:
    at = text.index(needle, start)
    return line_at(text, at)


def replace_once(text: str, old: str, new: str) -> str:
    if old not in text:
        raise ValueError(f"{old!r} not in text")
    return text.replace(old, new, 1)


def _block_end(lines: list[str], i: int) -> int:
    """Index after the last line of the block opened by lines[i] (deeper-indented lines follow it)."""
    indent = len(lines[i]) - len(lines[i].lstrip(" "))
    j = i + 1
    while j < len(lines) and lines[j].strip() and len(lines[j]) - len(lines[j].lstrip(" ")) > indent:
        j += 1
    return j


def field_span(text: str, *path: str) -> tuple[int, ...]:
    """1-based lines of a front-matter field (its key line and its value's lines), e.g.
    field_span(t, "related_article2", "url")."""
    lines = text.split("\n")
    lo, hi, want_indent = 1, len(lines), 0  # line 0 is the opening ---
    for depth, key in enumerate(path):
        pattern = re.compile(rf"^ {{{want_indent}}}{re.escape(key)}:(\s|$)")
        for i in range(lo, hi):
            if pattern.match(lines[i]):
                break
            if lines[i] == "---":
                raise KeyError(path)
        else:
            raise KeyError(path)
        lo, hi = i, _block_end(lines, i)
        if depth + 1 < len(path):
            lo += 1
            want_indent = len(lines[lo]) - len(lines[lo].lstrip(" "))
    return tuple(range(lo + 1, hi + 1))


def key_line(text: str, *path: str) -> int:
    return field_span(text, *path)[0]


def value_line(text: str, *path: str) -> int:
    """The last line of a field: the text of a folded scalar, or the key line of a plain one."""
    return field_span(text, *path)[-1]


def delete_field(text: str, *path: str) -> str:
    span = field_span(text, *path)
    lines = text.split("\n")
    del lines[span[0] - 1:span[-1]]
    return "\n".join(lines)


def set_value(text: str, value: str, *path: str) -> str:
    """Rewrite a field to `key: value` on one line (the value written as given)."""
    span = field_span(text, *path)
    lines = text.split("\n")
    first = lines[span[0] - 1]
    head = first[:first.index(":") + 1]
    lines[span[0] - 1:span[-1]] = [f"{head} {value}" if value else head]
    return "\n".join(lines)


def insert_in_answer(text: str, sentence: str) -> tuple[str, int, int]:
    """Put `sentence` after the answer's first sentence; return (text, line, 0-based offset)."""
    line = value_line(text, "answer")
    lines = text.split("\n")
    body = lines[line - 1]
    cut = body.index(". ") + 2
    lines[line - 1] = body[:cut] + sentence + " " + body[cut:]
    new = "\n".join(lines)
    return new, line, sum(len(x) + 1 for x in lines[:line - 1]) + cut


def field_value(text: str, *path: str) -> str:
    span = field_span(text, *path)
    lines = text.split("\n")
    first = lines[span[0] - 1]
    inline = first[first.index(":") + 1:].strip()
    if inline in (">-", ">", "|", "|-"):
        return " ".join(x.strip() for x in lines[span[0]:span[-1]])
    return inline
