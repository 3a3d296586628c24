"""Incremental runs are exact: a corpus with planted cross-article defects (dangling links, stale
title and url copies in both directions, duplicate ids and urls, a published-index entry) is
edited, extended, shrunk and renamed between runs, and after every step

- a one-file run from the cache (which reads only the index rows it needs) reports exactly what a
  fresh full `--no-cache` run reports about that file (its own findings, stale copies of it held
  in other files, the duplicate groups it belongs to), and exactly what a one-file `--no-cache` run
  reports;
- a warm whole-corpus run (partly cached, then from the run snapshot) equals the cold one.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from lint.config import load_settings
from lint.engine import Engine
from lint.serialize import diagnostic_to_dict
from tests.conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate

IGNORE = ["G", "F"]  # grammar and facts are per-file rules, slow, and not what is tested here
PUBLISHED = "id,title,subject,url\n888888,A published article,Biology,/learn/biology/questions/a-published-article\n"


class Corpus:
    """A generated corpus in a temp dir, edited in steps; every step's files get a distinct past
    mtime (the cache trusts stamps older than two seconds) unless `racy`."""

    def __init__(self, root: Path, n: int = 60) -> None:
        self.root, self.step = root, 0
        self.arts = generate(root, n, seed=7)
        (root / "pyproject.toml").write_text(
            '[tool.qtlint]\ninclude = ["."]\npublished-index = "published-index.csv"\n')
        (root / "published-index.csv").write_text(PUBLISHED)
        self.cache = root.parent / "cache"
        self.settle(list(self.files()))

    def files(self) -> list[str]:
        return sorted(str(p.relative_to(self.root)) for p in self.root.rglob("*.md"))

    def text(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str, racy: bool = False) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not racy:
            self.settle([rel])

    def edit(self, rel: str, old: str, new: str, racy: bool = False) -> None:
        text = self.text(rel)
        assert old in text, (rel, old)
        self.write(rel, text.replace(old, new, 1), racy)

    def settle(self, rels: list[str]) -> None:
        self.step += 1
        when = time.time() - 100_000 + self.step * 10
        for rel in rels:
            os.utime(self.root / rel, (when, when))

    def run(self, paths: list[str] | None = None, cache: bool = True, jobs: int = 1):
        settings = replace(load_settings(cwd=self.root), use_cache=cache, cache_dir=self.cache, jobs=jobs)
        engine = Engine(settings, ignore=IGNORE, cwd=self.root)
        result = engine.run([self.root / p for p in paths] if paths else [self.root])
        return [diagnostic_to_dict(d) for d in result.diagnostics], result


def about(findings: list[dict], rel: str) -> list[dict]:
    """The findings of a whole-corpus run that concern one file: at it, or cross-article findings
    naming it (a stale copy of it held elsewhere, a duplicate group it belongs to)."""
    out = []
    for d in findings:
        message = d["message"]
        if (d["path"] == rel
                or (d["code"] == "R002" and f"the article ({rel}) says" in message)
                or (d["code"] in ("R003", "R004") and rel in message.split("also used by ", 1)[-1].split(": ")[0].split(", "))):
            out.append(d)
    return out


def check(corpus: Corpus, focus: list[str]) -> list[dict]:
    """Every equality the cache promises, at this step; returns the cold findings."""
    cold, _ = corpus.run(cache=False)
    first, _ = corpus.run()
    again, result = corpus.run()
    assert first == cold and again == cold
    assert result.corpus is None or not corpus_steady(corpus)  # nothing changed: the run snapshot
    for rel in focus:
        if not (corpus.root / rel).exists():
            continue
        one, result = corpus.run([rel])
        fresh, _ = corpus.run([rel], cache=False)
        assert one == fresh == about(cold, rel), rel
        assert type(result.corpus).__name__ in ("PartialCorpus", "NoneType")
    return cold


def corpus_steady(corpus: Corpus) -> bool:
    now = time.time()
    return all(now - (corpus.root / rel).stat().st_mtime > 5 for rel in corpus.files())


def codes(findings: list[dict]) -> set[str]:
    return {d["code"] for d in findings}


@pytest.fixture
def planted(tmp_path):
    c = Corpus(tmp_path / "corpus")
    arts = c.arts
    linking = [a for a in arts if len(a.related) >= 2]
    a, b, s, t = linking[0], linking[1], linking[2], linking[3]
    # a dangling link, and a link to the published index whose title copy is stale
    c.edit(a.rel_path, f"id: {arts[a.related[0]].id}\n", "id: 999999\n")
    c.edit(a.rel_path, f"id: {arts[a.related[1]].id}\n", "id: 888888\n")
    # a stale title copy held in b (about its first target), a stale url copy held in s
    c.edit(b.rel_path, f"        {arts[b.related[0]].title}\n", "        An old title of this article?\n")
    c.edit(s.rel_path, f"url: {arts[s.related[0]].url}\n", f"url: {arts[s.related[0]].url}-old\n")
    # the other direction: t is retitled, so every copy of its title elsewhere is stale
    c.edit(t.rel_path, f"    {t.title}\n", "    A new title nobody copied yet?\n")
    # duplicate ids and urls
    d1, d2, u1, u2 = arts[-1], arts[-2], arts[-3], arts[-4]
    c.edit(d1.rel_path, f"\nid: {d1.id}\n", f"\nid: {d2.id}\n")
    c.edit(u1.rel_path, f"\nurl: {u1.url}\n", f"\nurl: {u2.url}\n")
    focus = sorted({x.rel_path for x in (a, b, s, t, d1, d2, u1, u2)}
                   | {arts[j].rel_path for x in (a, b, s) for j in x.related}
                   | {x.rel_path for x in arts if any(arts[j] is t for j in x.related)})
    return c, focus, {"a": a, "b": b, "s": s, "t": t, "d1": d1, "d2": d2, "u1": u1, "u2": u2}


def test_planted_defects_are_all_found(planted):
    c, focus, _ = planted
    cold = check(c, focus)
    assert {"R001", "R002", "R003", "R004"} <= codes(cold)
    assert any("the published index" in d["message"] for d in cold if d["code"] == "R002")


def test_edits_additions_deletions_and_renames_between_runs(planted):
    c, focus, p = planted
    check(c, focus)
    arts = c.arts
    # 1. edit: retitle and move b's first target (copies in b and elsewhere go stale or fresh)
    target = arts[p["b"].related[0]]
    c.edit(target.rel_path, f"\nurl: {target.url}\n", f"\nurl: {target.url}-moved\n")
    check(c, focus)
    # 2. add: an article reusing a's id and copying t's old title, and one linking to it
    new = "biology/added-article.md"
    text = c.text(p["t"].rel_path).replace(f"\nid: {p['t'].id}\n", f"\nid: {p['a'].id}\n")
    c.write(new, text)
    linker = c.text(p["s"].rel_path).replace(f"\nid: {p['s'].id}\n", "\nid: 777777\n")
    linker = linker.replace(f"id: {arts[p['s'].related[1]].id}\n", f"id: {p['a'].id}\n", 1)
    c.write("biology/added-linker.md", linker)
    check(c, focus + [new, "biology/added-linker.md"])
    # 3. delete: one of the duplicate-id pair, and an article others link to
    (c.root / p["d1"].rel_path).unlink()
    (c.root / arts[p["b"].related[1]].rel_path).unlink()
    check(c, focus + [new])
    # 4. rename: the added article moves to another directory and name
    (c.root / "chemistry").mkdir(exist_ok=True)
    os.rename(c.root / new, c.root / "chemistry/renamed.md")
    check(c, focus + ["chemistry/renamed.md"])
    # 5. touched but not changed, and a fix of a stale copy
    c.settle([p["u2"].rel_path])
    c.edit(p["b"].rel_path, "        An old title of this article?\n", f"        {target.title}\n")
    check(c, focus)


def test_racy_edits_are_seen(planted):
    """Edits within the timestamp granularity's reach (stamps from the last two seconds) are
    never trusted: a same-size edit right after a run is still seen."""
    c, focus, p = planted
    check(c, focus)
    rel = p["u1"].rel_path
    text = c.text(rel)
    c.write(rel, text, racy=True)
    first, _ = c.run([rel])
    swapped = text.replace("id: ", "id: 9", 1).replace("date: 20", "date: 2", 1)  # same size
    assert len(swapped) == len(text)
    c.write(rel, swapped, racy=True)
    after, _ = c.run([rel])
    fresh, _ = c.run([rel], cache=False)
    assert after == fresh and after != first
    whole, _ = c.run()
    assert whole == c.run(cache=False)[0]


def test_published_index_change_is_seen(planted):
    c, focus, p = planted
    check(c, focus)
    (c.root / "published-index.csv").write_text(PUBLISHED.replace("A published article", "Renamed"))
    check(c, [p["a"].rel_path])


def test_parallel_equals_serial(planted):
    c, _, _ = planted
    serial, _ = c.run(cache=False, jobs=1)
    parallel, _ = c.run(cache=False, jobs=2)
    cached, _ = c.run(jobs=2)
    assert serial == parallel == cached and len(serial) > 5
