"""Diagnostics, per-file results and index entries to and from JSON (the JSON output and the
cache share it), and the cache row of a result."""
from __future__ import annotations

import json
import struct
import zlib
from json.encoder import c_make_encoder, encode_basestring_ascii
from typing import Any

from .diagnostic import Applicability, Diagnostic, Edit, Fix, Severity
from .entries import IndexEntry, Link, hash64, id_key, key_int

_COMPACT = (",", ":")
_EXACT = 1 << 62


def _compact_encoder():
    """`json.dumps(value, separators=(",", ":"), default=str)` for acyclic values: the C encoder
    json.dumps itself uses, made once (json.dumps makes a JSONEncoder and an encoder per call,
    which cost more than encoding a small entry)."""
    if c_make_encoder is None:
        encoder = json.JSONEncoder(separators=_COMPACT, default=str)
        return encoder.encode
    encode = c_make_encoder(None, str, encode_basestring_ascii, None, ":", ",", False, False, True)
    return lambda value: "".join(encode(value, 0))


compact_json = _compact_encoder()


def fix_to_dict(fix: Fix | None) -> dict | None:
    if fix is None:
        return None
    return {"applicability": fix.applicability.value, "message": fix.message,
            "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in fix.edits]}


def fix_from_dict(data: dict | None) -> Fix | None:
    if data is None:
        return None
    return Fix(tuple(Edit(e["start"], e["end"], e["content"]) for e in data["edits"]),
               Applicability(data["applicability"]), data.get("message", ""))


def diagnostic_to_dict(d: Diagnostic) -> dict[str, Any]:
    return {"path": d.path, "line": d.line, "column": d.column, "end_line": d.end_line,
            "end_column": d.end_column, "code": d.code, "severity": d.severity.value,
            "message": d.message, "fix": fix_to_dict(d.fix), "text": d.text, "extra": d.extra}


def diagnostic_from_dict(data: dict) -> Diagnostic:
    return Diagnostic(path=data["path"], line=data["line"], column=data["column"], code=data["code"],
                      message=data["message"], severity=Severity(data["severity"]),
                      end_line=data.get("end_line"), end_column=data.get("end_column"),
                      fix=fix_from_dict(data.get("fix")), text=data.get("text", ""),
                      extra=data.get("extra") or {})


def diagnostics_to_json(diagnostics: list[Diagnostic]) -> str | None:
    if not diagnostics:
        return None
    return compact_json([diagnostic_to_dict(d) for d in diagnostics])


def diagnostics_from_json(name: str, text: str | None) -> list[Diagnostic]:
    if text is None:
        return []
    return [diagnostic_from_dict({**d, "path": name}) for d in json.loads(text)]


def suppressions_to_json(suppressions: list) -> str | None:
    return json.dumps([[a, b, list(c), s, e] for a, b, c, s, e in suppressions]) if suppressions else None


def suppressions_from_json(text: str | None) -> list:
    if text is None:
        return []
    return [(a, b, tuple(c), s, e) for a, b, c, s, e in json.loads(text)]


def entry_to_json(entry) -> str | None:
    if entry is None:
        return None
    text = _plain_entry_json(entry)
    if text is not None:
        return text
    return compact_json([entry.id, entry.title, entry.subject, entry.url,
                         [list(link) for link in entry.links], entry.key_hash])


def _plain_entry_json(entry) -> str | None:
    """entry_to_json, written directly when every value is a whole number, text or None (the
    common entry; JSON writes those as `str` and `encode_basestring_ascii` do), else None."""
    _, article_id, title, subject, url, links, _, key_hash = entry
    if not (article_id.__class__ in _INT_OR_NONE and title.__class__ in _TEXT_OR_NONE
            and subject.__class__ in _TEXT_OR_NONE and url.__class__ in _TEXT_OR_NONE
            and key_hash.__class__ is int):
        return None
    parts = []
    for n, link_id, copy_hash in links:
        if not (n.__class__ is int and link_id.__class__ in _INT_OR_NONE and copy_hash.__class__ is int):
            return None
        parts.append(f"[{n},{'null' if link_id is None else link_id},{copy_hash}]")
    return (f"[{'null' if article_id is None else article_id},{_text(title)},{_text(subject)},"
            f"{_text(url)},[{','.join(parts)}],{key_hash}]")


def _text(value: str | None) -> str:
    return "null" if value is None else encode_basestring_ascii(value)


_INT_OR_NONE = frozenset((int, type(None)))
_TEXT_OR_NONE = frozenset((str, type(None)))


def entry_from_json(name: str, text: str):
    e = json.loads(text)
    new = tuple.__new__
    links = tuple(new(Link, (int(n), i, int(h))) for n, i, h in e[4])
    title, subject, url = e[1], e[2], e[3]
    if not all(v is None or v.__class__ is str for v in (title, subject, url)):
        raise ValueError("an index entry's title, subject and url are text or null")
    return new(IndexEntry, (name, e[0], title, subject, url, links, False, int(e[5])))


LINK = struct.Struct("<qq")  # (target key, copy hash) of one related link, as the cache stores it


def index_keys(entry) -> tuple[int | None, int | None, int | None, bytes | None]:
    """The cache's index columns of an entry: id key, url key, the hash of its own (title,
    subject, url), and its links as packed (target key, copy hash) pairs (target key -1: an id
    that can point at nothing); links without an id are left out (they point nowhere, and say so
    nowhere)."""
    if entry is None:
        return None, None, None, None
    own = link_key(entry.id)
    pack = LINK.pack  # link_key inlined for whole ids: this runs for every link of every article
    links = b"".join([pack(i if i.__class__ is int and 0 <= i < _EXACT else link_key(i), h)
                      for _, i, h in entry.links if i is not None])
    return (own if own != -1 else None, hash64(entry.url) if entry.url else None,
            entry.key_hash, links or None)


def link_key(article_id: object) -> int:
    """key_int(id_key(id)), -1 for an id that can key nothing; a whole id from 0 to 2**62 is
    its own key, found without writing and reading it back as text."""
    if article_id.__class__ is int and 0 <= article_id < _EXACT:
        return article_id
    key = id_key(article_id)
    return key_int(key) if key is not None else -1


def result_row(result) -> tuple:
    """A per-file result as the cache stores it: diagnostics, suppressions, claims, entry (JSON
    text or NULL), then index_keys, then their seal. The common clean file stores its entry and
    NULLs."""
    return make_row(result.diagnostics, result.suppressions, result.claims, result.entry)


def make_row(diagnostics: list, suppressions: list, claims: list, entry) -> tuple:
    """result_row from the result's fields."""
    row = (diagnostics_to_json(diagnostics) if diagnostics else None,
           suppressions_to_json(suppressions) if suppressions else None,
           json.dumps(claims) if claims else None, entry_to_json(entry), *index_keys(entry))
    return (*row, seal(row))


KEYS = struct.Struct("<qqq")


def seal(row: tuple) -> int:
    """A checksum of a result row's entry and index columns: a whole-corpus run reads these
    without decoding the entry, and a damaged or planted row must not be trusted for them (the
    findings, suppressions and claims are JSON checked when decoded)."""
    entry, ik, uk, kh, links = row[3:8]
    value = zlib.crc32(links or b"", zlib.crc32(KEYS.pack(
        ik if ik is not None else -1, uk if uk is not None else -1, kh if kh is not None else -1)))
    return zlib.crc32(entry.encode("utf-8", "surrogatepass"), value) if entry is not None else value


def sealed(row: tuple) -> bool:
    """Whether a result row matches its seal."""
    return len(row) > 8 and row[8] == seal(row)
