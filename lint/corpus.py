"""The corpus index: every article's id, title, subject, url, path and outgoing links.

The cross-article rules ask a corpus (CorpusQueries) for the dangling and stale links from the
checked articles, the stale copies of them held elsewhere and the groups sharing an id or url.
Two corpora answer: lint/index_store.py from the cache's rows for the few articles a one-file
run needs, lint/key_index.py from the index columns of the whole corpus.
"""
from __future__ import annotations

from abc import ABC, abstractmethod

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


class CorpusQueries(ABC):
    """What the cross-article rules ask, built on five primitive questions (`entry`, `group`,
    `url_group`, `target`, `referrers`), answered by the subclasses. The semantics are a
    dictionary's: `group(x)` is the articles whose id equals x (1 == 1.0 == True), by path; an id
    points at the first of its group, else at the published article with that id."""

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
        """Whether no link from outside the targets can be stale (then `links_into` is empty)."""
        return False

    def target(self, article_id: object) -> IndexEntry | None:
        """The article an id points at: the first of its group, else a published one."""
        found = self.group(article_id) if hashable(article_id) else []
        if found:
            return found[0]
        try:
            return self.published.get(article_id)
        except TypeError:
            return None

    @abstractmethod
    def entry(self, path: str) -> IndexEntry | None: ...

    @abstractmethod
    def group(self, article_id: object) -> list[IndexEntry]: ...

    @abstractmethod
    def url_group(self, url: str) -> list[IndexEntry]: ...

    @abstractmethod
    def referrers(self, article_id: object) -> list[IndexEntry]: ...
