"""The cache row's fast encoding (lint/serialize.py) writes exactly what json.dumps and the plain
key functions write, for every kind of value an entry can hold."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.cache import ResultCache, content_digest
from lint.diagnostic import Applicability, Diagnostic, Edit, Fix
from lint.entries import IndexEntry, Link, hash64, id_key, key_int
from lint.result import FileResult
from lint.serialize import (
    LINK,
    compact_json,
    diagnostic_to_dict,
    entry_to_json,
    index_keys,
    link_key,
    result_row,
    seal,
    sealed,
)

ids = st.one_of(st.none(), st.integers(min_value=-2, max_value=3), st.sampled_from([2**62 - 1, 2**62, 2**70, -2**63]),
                st.booleans(), st.floats(), st.text(max_size=4), st.lists(st.integers(), max_size=2),
                st.dictionaries(st.text(max_size=2), st.integers(), max_size=2))
texts = st.one_of(st.none(), st.text(max_size=8), st.sampled_from(['a"b\\c', "é’\ud800", "\x00\x1f\x7f", ""]))
hashes = st.one_of(st.integers(min_value=-2**63, max_value=2**63 - 1), st.booleans(), st.floats())
links = st.lists(st.builds(Link, st.one_of(st.integers(min_value=1, max_value=9), st.booleans()), ids, hashes),
                 max_size=6).map(tuple)
entries = st.builds(lambda i, t, s, u, ls, h: IndexEntry("p.md", i, t, s, u, ls, False, h),
                    ids, texts, texts, texts, links, hashes)


def reference_entry_json(e: IndexEntry) -> str:
    return json.dumps([e.id, e.title, e.subject, e.url, [list(link) for link in e.links], e.key_hash],
                      separators=(",", ":"), default=str)


def reference_index_keys(e: IndexEntry) -> tuple:
    key = id_key(e.id)
    packed = b"".join(LINK.pack(key_int(k) if (k := id_key(link.id)) is not None else -1, link.copy_hash)
                      for link in e.links if link.id is not None)
    return (key_int(key) if key is not None else None, hash64(e.url) if e.url else None, e.key_hash,
            packed or None)


@settings(max_examples=1500, deadline=None)
@given(entries)
def test_entry_json_is_json_dumps(entry: IndexEntry) -> None:
    assert entry_to_json(entry) == reference_entry_json(entry)


@settings(max_examples=1500, deadline=None)
@given(entries.filter(lambda e: all(link.copy_hash.__class__ is int for link in e.links)
                      and (e.url is None or isinstance(e.url, str))))
def test_index_keys_are_the_plain_keys(entry: IndexEntry) -> None:
    assert index_keys(entry) == reference_index_keys(entry)


def test_link_key_of_whole_ids() -> None:
    for value in [0, 1, 170611, 2**62 - 1, 2**62, 2**63, -1, -2**62, True, False, 1.0, 2.5, "7", None]:
        key = id_key(value)
        assert link_key(value) == (key_int(key) if key is not None else -1), value


def test_compact_json_is_json_dumps() -> None:
    for value in [[1, "a\u2028", None, 1.5, float("nan"), True, {"k": [1]}], {"b": Path("x")}, "é"]:
        assert compact_json(value) == json.dumps(value, separators=(",", ":"), default=str)


def test_row_of_a_result_with_everything() -> None:
    fix = Fix((Edit(1, 2, "x"),), Applicability.SAFE, "m")
    diag = Diagnostic(path="a.md", line=2, column=3, code="U001", message="m", fix=fix, extra={"k": 1})
    entry = IndexEntry("a.md", 7, "T", "S", "/u", (Link(1, 8, -5), Link(2, None, 3), Link(3, "x", 4)), False, 9)
    res = FileResult("a.md", [diag], entry, [(1, 2, ("U001",), 3, 4)], [["inv", False, "2", "3", 5, "q"]])
    row = res.row
    assert row == result_row(res)
    assert row[0] == json.dumps([diagnostic_to_dict(diag)], separators=(",", ":"), default=str)
    assert row[1] == json.dumps([[1, 2, ["U001"], 3, 4]]) and row[2] == json.dumps(res.claims)
    assert row[3] == reference_entry_json(entry) and row[4:8] == reference_index_keys(entry)
    assert sealed(row) and row[8] == seal(row[:8])
    clean = FileResult("b.md", [], entry, [], None).row
    assert clean[:3] == (None, None, None) and clean[3] == row[3]
    back = FileResult.from_row("a.md", row).decode()
    assert back.diagnostics == [diag] and back.entry == entry and back.claims == res.claims


def test_content_digest_is_128_bits_of_sha256() -> None:
    raw = b"---\nid: 1\n---\n"
    assert content_digest(raw) == hashlib.sha256(raw).hexdigest()[:32]


def test_a_row_with_another_digest_is_not_reused_after_a_touch(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"---\nid: 1\n---\n")
    db = ResultCache._connect(tmp_path / "c.sqlite")
    st = os.stat(path)
    old = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()  # an earlier release's digest
    assert not db.still_valid(str(path), (st.st_size, st.st_mtime_ns - 5, old), (st.st_size, st.st_mtime_ns))
    same = content_digest(path.read_bytes())
    assert db.still_valid(str(path), (st.st_size, st.st_mtime_ns - 5, same), (st.st_size, st.st_mtime_ns))
    db.close()
