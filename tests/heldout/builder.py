"""The corpus under construction: generated clean articles (benchmarks/generate.py), the real
seeds, and new articles rendered in the same layout for the defect cases."""
from __future__ import annotations

import dataclasses
import datetime as dt
import random
from pathlib import Path
from typing import Any

from tests.heldout.kit import REPO, Case, Want, load_generator

SEEDS = REPO / "tests" / "fixtures" / "seeds"
PUBLISHED = REPO / "seeds" / "published-index.csv"
CONFIG = """[tool.qtlint]
include = ["."]
content-roots = ["."]
published-index = "published-index.csv"
"""


class Builder:
    def __init__(self, root: Path, n_generated: int, seed: int) -> None:
        self.root = root
        self.gen = load_generator()
        self.rng = random.Random(seed)
        self.render_rng = random.Random(seed + 2)
        self.cases: list[Case] = []
        self.arts = self.gen.generate(root, n_generated, seed=seed)
        self.pool: list[Any] = list(self.arts)
        self.slugs = {a.slug for a in self.arts}
        self.next_id = 900_001
        self.inbound = [0] * len(self.arts)
        for a in self.arts:
            for j in a.related:
                self.inbound[j] += 1
        # The generator writes "plays a important role" (its adjective list has one word starting
        # with a vowel): a real grammar slip, repaired here so that clean articles are clean.
        for a in self.arts:
            path = root / a.rel_path
            path.write_bytes(path.read_bytes().replace(b" a important ", b" an important "))
        (root / "pyproject.toml").write_text(CONFIG)
        (root / "published-index.csv").write_bytes(PUBLISHED.read_bytes())
        self.owned: set[str] = set()  # generated articles already used by a case
        self.no_links: set[int] = set()  # generated articles new articles must not link to

    # ------------------------------------------------------------ files

    def read(self, rel: str) -> str:
        return (self.root / rel).read_bytes().decode("utf-8")

    def write(self, rel: str, data: str | bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    def add(self, kind: str, files: list[str], expect: list[Want] = (), tolerate: list[Want] = (),
            fixed: dict[str, str | bytes] | None = None, note: str = "") -> Case:
        fixed_bytes = {p: (v.encode("utf-8") if isinstance(v, str) else v) for p, v in (fixed or {}).items()}
        case = Case(kind, list(files), list(expect), list(tolerate), fixed_bytes, note)
        self.cases.append(case)
        return case

    # ------------------------------------------------------------ generated articles

    def take_generated(self, neuro: bool | None = None, unlinked: bool = False) -> Any:
        """A generated article no case has used yet (optionally of a subject that states the facts)."""
        order = list(range(len(self.arts)))
        self.rng.shuffle(order)
        for i in order:
            a = self.arts[i]
            if a.rel_path in self.owned:
                continue
            if neuro is not None and self.gen._BANKS[a.subject].neuro != neuro:
                continue
            if unlinked and self.inbound[i]:
                continue
            self.owned.add(a.rel_path)
            return a
        raise LookupError("no generated article left")

    # ------------------------------------------------------------ new articles

    def new_article(self, subject: str = "Nursing", title: str | None = None, related: tuple[int, ...] = (),
                    has_score: bool = True, ident: int | None = None, unique: bool = True) -> Any:
        bank = self.gen._BANKS[subject]
        gen_title, topic, topic2, process, context = self.gen._title(self.rng, bank)
        while title is None and self.gen.slugify(gen_title) in self.slugs:
            gen_title, topic, topic2, process, context = self.gen._title(self.rng, bank)
        title = title or gen_title
        slug = self.gen.slugify(title)
        if unique:
            assert slug not in self.slugs, title
        self.slugs.add(slug)
        if ident is None:
            ident, self.next_id = self.next_id, self.next_id + 1
        a = self.gen.PlannedArticle(ident, dt.date(2025, 3, 1) + dt.timedelta(days=self.rng.randrange(60)),
                                    title, subject, slug, topic, topic2, process, context, related=tuple(related),
                                    has_score=has_score, folded_title=True)
        self.pool.append(a)
        return a

    def render(self, a: Any) -> str:
        return self.gen.render(a, self.pool, self.render_rng)

    def index(self, a: Any) -> int:
        return next(i for i, x in enumerate(self.pool) if x is a)

    def related_links(self, k: int) -> tuple[int, ...]:
        """k generated articles to link to (their copies in the new article will be exact)."""
        return tuple(self.rng.sample([i for i in range(len(self.arts)) if i not in self.no_links], k))

    @staticmethod
    def renamed(a: Any, **changes: Any) -> Any:
        return dataclasses.replace(a, **changes)


def related_block(n: int, ident: int | str, title: str, subject: str, url: str) -> str:
    return (f"related_article{n}:\n    id: {ident}\n    title: >-\n        {title}\n"
            f"    subject: {subject}\n    url: {url}\n")


def append_related(text: str, block: str) -> str:
    head, sep, tail = text.rpartition("---\n\n&nbsp;")
    assert sep, "not a rendered article"
    return head + block + sep + tail
