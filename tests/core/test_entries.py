"""Index entries: the hashes of (title, subject, url) triples, and the links' copies."""
from __future__ import annotations

import json
import zlib

from lint.article import parse_article
from lint.entries import index_entry, triple_hash


def _reference(title: object, subject: object, url: object) -> int:
    """triple_hash as first written: the NUL-joined text when it holds exactly its two NULs."""
    def h64(text: str) -> int:
        data = text.encode("utf-8", "surrogatepass")
        value = zlib.crc32(data) << 32 | zlib.adler32(data)
        return value - (1 << 64) if value >= 1 << 63 else value

    if all(value.__class__ is str for value in (title, subject, url)):
        text = f"{title}\0{subject}\0{url}"
        if text.count("\0") == 2:
            return h64(text)
    return h64("\1" + json.dumps([title, subject, url], default=str, sort_keys=True))


_TEXTS = ["", "How does ATP work?", "Nursing", "/learn/nursing/questions/x", "a\0b", "\0", "é ü",
          "\ud800", "日本\0", 17, None, 1.5, ["x"]]


def test_triple_hash_is_the_reference_for_every_mix() -> None:
    for title in _TEXTS:
        for subject in _TEXTS:
            for url in _TEXTS:
                assert triple_hash(title, subject, url) == _reference(title, subject, url), (title, subject, url)


def test_links_hash_their_copies_as_triple_hash_does() -> None:
    for title, subject in (("What is ATP?", "Biology"), ("Qu’est-ce?", "Biologie"), ("a\0b", "B"),
                           ("x", "\0")):
        text = (f"---\nid: 1\ntitle: \"{title}\"\nsubject: \"{subject}\"\nurl: /u\n"
                f"related_article1:\n    id: 2\n    title: \"{title}\"\n    subject: \"{subject}\"\n"
                f"    url: /v\n---\n").replace("\0", "\\0")
        entry = index_entry(parse_article("a.md", text.encode()).article)
        assert entry.key_hash == _reference(title, subject, "/u")
        assert [link.copy_hash for link in entry.links] == [_reference(title, subject, "/v")]
