"""The synthetic corpus generator (benchmarks/generate.py) writes seed-style, self-consistent articles."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.report.samples import load_generator

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"  # the three seeds, byte for byte
gen = load_generator()

_KEY_LINE = re.compile(r"^( *)([A-Za-z_0-9]+):( >-)?(.*)$")


def skeleton(text: str) -> list[str]:
    """Each line's shape: indentation, key, `>-`, whether a value follows; text lines as <text>."""
    out = []
    for line in text.split("\n"):
        m = _KEY_LINE.match(line)
        if line in ("---", "", "&nbsp;"):
            out.append(line)
        elif m:
            out.append(f"{m[1]}{m[2]}:{m[3] or ''}{' <v>' if m[4] else ''}")
        else:
            out.append(" " * (len(line) - len(line.lstrip(" "))) + "<text>")
    return out


def front_matter(text: str) -> dict:
    head, sep, body = text[4:].partition("\n---\n")
    assert text.startswith("---\n") and sep and body == "\n&nbsp;"
    return yaml.load(head, Loader=yaml.CSafeLoader)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    out = tmp_path_factory.mktemp("corpus")
    return out, gen.generate(out, 600, seed=7)


def test_every_file_parses_and_its_slug_url_and_path_follow_the_readme(corpus) -> None:
    out, _arts = corpus
    files = sorted(out.rglob("*.md"))
    assert len(files) == 600
    by_id, urls = {}, set()
    for f in files:
        d = front_matter(f.read_text(encoding="utf-8"))
        slug = re.sub(r"[^a-z0-9 ]", "", d["title"].lower()).replace(" ", "-")
        assert d["title"] == d["article_title"] == d["question"]
        assert d["file_name"] == f.name == f"{slug}.md"
        assert f.parent.name == d["subject"].lower()
        assert d["url"] == f"/learn/{d['subject'].lower()}/questions/{slug}"
        assert d["seo"]["title"] == f"QuickTakes | {d['subject']}"
        assert d["_schema"] == "default" and d["author"] == "QuickTakes" and d.get("score", -1.0) == -1.0
        assert d["id"] not in by_id and d["url"] not in urls
        by_id[d["id"]] = d
        urls.add(d["url"])
        assert "\n" not in d["answer"] and "\\n\\n### " in d["answer"] and "**" in d["answer"]
        assert 1800 <= len(d["answer"]) <= 3400
    assert len({d["subject"] for d in by_id.values()}) >= 6
    assert len({d["title"].split()[0] for d in by_id.values()}) >= 5


def test_related_links_resolve_to_generated_articles_with_matching_fields(corpus) -> None:
    out, _ = corpus
    docs = [front_matter(f.read_text(encoding="utf-8")) for f in out.rglob("*.md")]
    by_id = {d["id"]: d for d in docs}
    counts = []
    for d in docs:
        keys = [k for k in d if k.startswith("related_article")]
        assert keys == [f"related_article{i}" for i in range(1, len(keys) + 1)]
        counts.append(len(keys))
        for k in keys:
            r = d[k]
            target = by_id[r["id"]]
            assert r["id"] != d["id"]
            assert (r["title"], r["subject"], r["url"]) == (target["title"], target["subject"], target["url"])
    assert min(counts) == 0 and max(counts) == 5


def test_layout_is_the_seeds_layout_line_for_line(corpus) -> None:
    out, arts = corpus
    full = next(a for a in arts if a.has_score and len(a.related) == 5 and a.folded_title)
    bare = next(a for a in arts if not a.has_score and not a.related and not a.folded_title)
    seed_full = (SEEDS / "000_42cfa97cd7b3d30b.txt").read_text(encoding="utf-8")
    seed_bare = (SEEDS / "001_d80db01577ca42e1.txt").read_text(encoding="utf-8")
    assert skeleton((out / full.rel_path).read_text(encoding="utf-8")) == skeleton(seed_full)
    assert skeleton((out / bare.rel_path).read_text(encoding="utf-8")) == skeleton(seed_bare)


def test_slugify_reproduces_the_seeds_file_names() -> None:
    for f in SEEDS.glob("*.txt"):
        d = front_matter(f.read_text(encoding="utf-8"))
        assert gen.slugify(d["title"]) + ".md" == d["file_name"]
        for k in (k for k in d if k.startswith("related_article")):
            assert d[k]["url"].endswith("/" + gen.slugify(d[k]["title"]))


def test_answers_that_state_the_shared_facts_state_them_correctly(corpus) -> None:
    out, _ = corpus
    answers = [front_matter(f.read_text(encoding="utf-8"))["answer"] for f in out.rglob("*.md")]
    pump = [a for a in answers if "sodium ions" in a or "Na+ ions" in a]
    rest = [a for a in answers if " mV" in a]
    assert len(pump) >= 20 and len(rest) >= 20
    for a in pump:
        assert re.search(r"three sodium ions|3 Na\+ ions out", a) and re.search(r"two potassium|2 K\+ ions into", a)
    for a in rest:
        assert re.findall(r"-?\d+ mV", a) == ["-70 mV"]


def test_same_seed_same_bytes_and_another_seed_another_corpus(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    gen.generate(a, 50, seed=1)
    gen.generate(b, 50, seed=1)
    gen.generate(c, 50, seed=2)
    files_a = {p.relative_to(a): p.read_bytes() for p in a.rglob("*.md")}
    assert files_a == {p.relative_to(b): p.read_bytes() for p in b.rglob("*.md")}
    assert files_a != {p.relative_to(c): p.read_bytes() for p in c.rglob("*.md")}


def test_refuses_a_directory_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.md").write_text("mine", encoding="utf-8")
    with pytest.raises(FileExistsError):
        gen.generate(tmp_path, 3)
    assert gen.main([str(tmp_path), "3"]) == 2
    assert (tmp_path / "keep.md").read_text(encoding="utf-8") == "mine"
