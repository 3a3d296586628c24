"""The corpus index: every article's id, title, subject, url, path and outgoing links.

Entries are compact tuples (a few hundred bytes an article): a link keeps the target id and
64-bit hashes of the copied title/subject/url, enough to tell a stale copy; the copy's text and
position are re-read from the referring file only when a link is actually stale (rare).
The per-file entries are cached with the per-file results, so a one-file run in a large
corpus re-parses only what changed on disk.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .article import Article
from .diagnostic import Diagnostic

RELATED = re.compile(r"^related_article([1-9][0-9]*)$")


def short_hash(value: object) -> int:
    text = value if isinstance(value, str) else json.dumps(value, default=str)
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


class Link(NamedTuple):
    n: int  # N of related_articleN
    id: object  # the target id as written (normally an int)
    title_hash: int
    subject_hash: int
    url_hash: int


class IndexEntry(NamedTuple):
    path: str  # display path
    id: object
    title: str | None
    subject: str | None
    url: str | None
    links: tuple[Link, ...]
    published: bool = False  # from the published-articles index, not a file here
    # short_hash of (title, subject, url): a link is stale when its copy's hashes differ
    hashes: tuple[int, int, int] = (0, 0, 0)


def index_entry(article: Article) -> IndexEntry:
    links = []
    for key, value in (article.data or {}).items():
        m = RELATED.match(key) if isinstance(key, str) else None
        if m and isinstance(value, dict):
            links.append(Link(int(m.group(1)), value.get("id"), short_hash(value.get("title")),
                              short_hash(value.get("subject")), short_hash(value.get("url"))))
    get = article.get
    return make_entry(article.path, get("id"), _text(get("title")), _text(get("subject")),
                      _text(get("url")), tuple(sorted(links)))


def make_entry(path: str, article_id: object, title: str | None, subject: str | None,
               url: str | None, links: tuple[Link, ...], published: bool = False) -> IndexEntry:
    return IndexEntry(path, article_id, title, subject, url, links, published,
                      (short_hash(title), short_hash(subject), short_hash(url)))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


@dataclass
class Corpus:
    entries: list[IndexEntry]
    by_id: dict[object, list[IndexEntry]]
    by_url: dict[str, list[IndexEntry]]
    published: dict[object, IndexEntry]
    problems: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def build(cls, entries: Iterable[IndexEntry], published_index: Path | None) -> Corpus:
        entries = sorted(entries, key=lambda e: e.path)
        by_id: dict[object, list[IndexEntry]] = defaultdict(list)
        by_url: dict[str, list[IndexEntry]] = defaultdict(list)
        for e in entries:
            if _hashable(e.id):
                by_id[e.id].append(e)
            if e.url:
                by_url[e.url].append(e)
        published, problems = load_published(published_index)
        return cls(entries, dict(by_id), dict(by_url), published, problems)

    def target(self, article_id: object) -> IndexEntry | None:
        """The article an id points at: one in the repository first, else a published one."""
        if not _hashable(article_id):
            return None
        found = self.by_id.get(article_id)
        if found:
            return found[0]
        return self.published.get(article_id)

    def stats(self) -> dict:
        incoming: dict[object, int] = defaultdict(int)
        links = dangling = 0
        for e in self.entries:
            for link in e.links:
                links += 1
                if self.target(link.id) is None:
                    dangling += 1
                else:
                    incoming[link.id] += 1
        orphans = [e.path for e in self.entries if incoming.get(e.id, 0) == 0]
        return {"articles": len(self.entries), "published": len(self.published), "links": links,
                "dangling": dangling, "orphans": orphans}


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return value is not None


def load_published(path: Path | None) -> tuple[dict[object, IndexEntry], list[Diagnostic]]:
    """Articles on the site but not in this repository: CSV or JSON of id, title, subject, url, path."""
    if path is None:
        return {}, []
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return {}, [Diagnostic(path=name, line=1, column=1, code="R900",
                               message=f"cannot read the published-articles index: {err}; fix "
                                       "`published-index` in [tool.qtlint]")]
    rows: list[tuple[int, dict]] = []
    problems: list[Diagnostic] = []
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
            if not isinstance(data, list):
                raise ValueError("expected a JSON array of objects")
            rows = [(1, r) for r in data if isinstance(r, dict)]
        except ValueError as err:
            return {}, [Diagnostic(path=name, line=1, column=1, code="R900",
                                   message=f"invalid published-articles index: {err}")]
    else:
        lines = [ln for ln in text.splitlines(keepends=True)]
        data_lines = [(i + 1, ln) for i, ln in enumerate(lines) if not ln.lstrip().startswith("#")]
        reader = csv.DictReader(ln for _, ln in data_lines)
        for (lineno, _), row in zip(data_lines[1:], reader):
            rows.append((lineno, row))
    out: dict[object, IndexEntry] = {}
    for lineno, row in rows:
        try:
            article_id = int(row.get("id", ""))
        except (TypeError, ValueError):
            problems.append(Diagnostic(path=name, line=lineno, column=1, code="R900",
                                       message=f"row without a numeric id: {row!r}"))
            continue
        out[article_id] = make_entry(str(row.get("path") or name), article_id, row.get("title"),
                                     row.get("subject"), row.get("url"), (), True)
    return out, problems
