"""The corpus index: every article's id, title, subject, url, path and outgoing links.

The cross-article rules ask a corpus (CorpusQueries) for the dangling and stale links from the
checked articles, the stale copies of them held elsewhere and the groups sharing an id or url;
Corpus answers from memory over the whole corpus, lint/index_store.py from the cache's tables
for the few articles a one-file run needs.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostic import Diagnostic
from .entries import (  # noqa: F401 (re-exported: the index entry's home used to be here)
    RELATED,
    IndexEntry,
    Link,
    hash64,
    hashable,
    id_key,
    index_entry,
    make_entry,
    plain,
    triple_hash,
)

Problem = tuple  # (entry, link, target or None): a dangling link, or one whose copy differs


class CorpusQueries:
    """What the cross-article rules ask, built on five primitive questions (`entry`, `group`,
    `url_group`, `target`, `referrers`) that Corpus answers from memory and PartialCorpus
    (lint/index_store.py) from the cache. Corpus overrides the first two for speed."""

    published: dict[object, IndexEntry]
    problems: list[Diagnostic]

    def link_problems(self, targets: set[str]) -> list[Problem]:
        """The links from the checked articles that dangle (target None) or whose copy's hash
        differs from their target's (R001 and R002 both ask: computed once)."""
        memo = self.__dict__.get("_link_memo")
        if memo is None or memo[0] is not targets:
            memo = self.__dict__["_link_memo"] = (targets, self._link_problems(targets))
        return memo[1]

    def _link_problems(self, targets: set[str]) -> list[Problem]:
        out = []
        for path in sorted(targets):
            entry = self.entry(path)
            for link in entry.links if entry is not None else ():
                target = self.target(link.id) if hashable(link.id) else None
                if target is None:
                    if link.id is not None:
                        out.append((entry, link, None))
                elif link.copy_hash != target.key_hash:
                    out.append((entry, link, target))
        return out

    def shared(self, key: str, targets: set[str]) -> list[list[IndexEntry]]:
        """The groups of two or more articles sharing an id (key "id") or a url, with a checked
        member; each by path."""
        out, done = [], set()
        for path in sorted(targets):
            entry = self.entry(path)
            if entry is None:
                continue
            if key == "id":
                group = self.group(entry.id) if hashable(entry.id) else []
            else:
                group = self.url_group(entry.url) if entry.url else []
            if len(group) > 1 and group[0].path not in done:
                done.add(group[0].path)
                out.append(group)
        return out

    def links_into(self, targets: set[str]) -> list[Problem]:
        """Links from articles not checked into a checked one (the article their id resolves
        to) whose copy's hash differs: stale copies of a checked article held elsewhere."""
        if self.covered_by(targets):
            return []
        into = []
        for path in sorted(targets):
            entry = self.entry(path)
            if entry is not None and hashable(entry.id):
                group = self.group(entry.id)
                if group and group[0].path == path:
                    into.append(entry)
        # a published article whose path is a checked file's counts as checked
        into += [p for p in self.published.values() if p.path in targets and not self.group(p.id)]
        out = []
        for target in into:
            for referrer in self.referrers(target.id):
                if referrer.path in targets:
                    continue  # its links are links from a checked article
                for link in referrer.links:
                    if hashable(link.id) and link.id == target.id and link.copy_hash != target.key_hash:
                        out.append((referrer, link, target))
        return out

    def covered_by(self, targets: set[str]) -> bool:
        return False

    def entry(self, path: str) -> IndexEntry | None:
        raise NotImplementedError

    def group(self, article_id: object) -> list[IndexEntry]:
        raise NotImplementedError

    def url_group(self, url: str) -> list[IndexEntry]:
        raise NotImplementedError

    def target(self, article_id: object) -> IndexEntry | None:
        raise NotImplementedError

    def referrers(self, article_id: object) -> list[IndexEntry]:
        raise NotImplementedError


@dataclass
class Corpus(CorpusQueries):
    """The whole corpus in memory."""

    entries: list[IndexEntry]
    by_id: dict[object, list[IndexEntry]]
    by_url: dict[str, list[IndexEntry]]
    published: dict[object, IndexEntry]
    problems: list[Diagnostic] = field(default_factory=list)
    _by_path: dict[str, IndexEntry] | None = None
    _referrers: dict[object, list[IndexEntry]] | None = None
    _covered: tuple | None = None  # (targets, whether they cover every entry)

    @classmethod
    def build(cls, entries: Iterable[IndexEntry], published_index: Path | None,
              published: tuple[dict, list] | None = None) -> Corpus:
        from .published import load_published

        entries = sorted(entries, key=_path_of)
        by_id: dict[object, list[IndexEntry]] = {}
        by_url: dict[str, list[IndexEntry]] = {}
        for e in entries:
            try:
                if e.id is not None:
                    by_id.setdefault(e.id, []).append(e)
            except TypeError:  # an unhashable id (a list...): the schema reports it
                pass
            if e.url:
                by_url.setdefault(e.url, []).append(e)
        pub, problems = published if published is not None else load_published(published_index)
        return cls(entries, by_id, by_url, pub, problems)

    # ---- the whole corpus at once ------------------------------------------------------------
    def _link_problems(self, targets: set[str]) -> list[Problem]:
        by_id, published, out = self.by_id, self.published, []
        first = {key: group[0][7] for key, group in by_id.items()}  # what a link's copy must hash to
        get = first.get
        entries = self.entries if self.covered_by(targets) else [e for e in self.entries if e.path in targets]
        for e in entries:
            for link in e[5]:
                try:
                    want = get(link[1])
                except TypeError:  # an unhashable id: it points at nothing
                    out.append((e, link, None))
                    continue
                if want is not None:
                    if link[2] != want:
                        out.append((e, link, by_id[link[1]][0]))
                    continue
                target = published.get(link[1]) if link[1] is not None else None
                if target is None:
                    if link[1] is not None:
                        out.append((e, link, None))
                elif link[2] != target[7]:
                    out.append((e, link, target))
        return out

    def shared(self, key: str, targets: set[str]) -> list[list[IndexEntry]]:
        groups = self.by_id if key == "id" else self.by_url
        everything = self.covered_by(targets)
        return [g for g in groups.values()
                if len(g) > 1 and (everything or any(e.path in targets for e in g))]

    def covered_by(self, targets: set[str]) -> bool:
        """Whether every article of the corpus is a target (then no link comes from outside)."""
        covered = self._covered
        if covered is None or covered[0] is not targets:
            value = len(targets) >= len(self.entries) and all(e.path in targets for e in self.entries)
            self._covered = covered = (targets, value)
        return covered[1]

    # ---- the primitive questions -------------------------------------------------------------
    def entry(self, path: str) -> IndexEntry | None:
        if self._by_path is None:
            self._by_path = {e.path: e for e in self.entries}
        return self._by_path.get(path)

    def group(self, article_id: object) -> list[IndexEntry]:
        """The articles whose id equals `article_id`, by path."""
        try:
            return self.by_id.get(article_id, []) if article_id is not None else []
        except TypeError:
            return []

    def url_group(self, url: str) -> list[IndexEntry]:
        return self.by_url.get(url, [])

    def target(self, article_id: object) -> IndexEntry | None:
        """The article an id points at: one in the repository first, else a published one."""
        found = self.group(article_id)
        if found:
            return found[0]
        try:
            return self.published.get(article_id)
        except TypeError:
            return None

    def referrers(self, article_id: object) -> list[IndexEntry]:
        """The articles with a related link whose id equals `article_id`, by path."""
        if self._referrers is None:
            index: dict[object, list[IndexEntry]] = {}
            for e in self.entries:
                for link in e.links:
                    try:
                        found = index.setdefault(link.id, [])
                    except TypeError:
                        continue
                    if not found or found[-1] is not e:
                        found.append(e)
            self._referrers = index
        try:
            return self._referrers.get(article_id, [])
        except TypeError:
            return []

    def stats(self) -> dict:
        incoming: dict[object, int] = {}
        links = dangling = 0
        for e in self.entries:
            for link in e.links:
                links += 1
                if self.target(link.id) is None:
                    dangling += 1
                else:
                    incoming[link.id] = incoming.get(link.id, 0) + 1
        orphans = [e.path for e in self.entries if not hashable(e.id) or incoming.get(e.id, 0) == 0]
        return {"articles": len(self.entries), "published": len(self.published), "links": links,
                "dangling": dangling, "orphans": orphans}


def _path_of(entry: IndexEntry) -> str:
    return entry.path
