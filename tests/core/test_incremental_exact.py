"""The cross-article findings against an independent reference, on odd ids; a checked subset of
the corpus; damaged cache rows.

The reference below is the rules' definition, written plainly over every article read from disk
(a dictionary by id: 1, 1.0 and true are one id; an id points at the first article of its group
by path, else at the published one): what R001-R004 must report, by (code, file, field).
"""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from lint.result import read_entry
from tests.core.test_incremental import Corpus, about, check

ODD_IDS = [  # (id as written, what a link to it writes)
    ("170001", "170001.0"),  # a float link to a whole id: the same id
    ('"abc"', '"abc"'),  # a text id
    ("true", "1"),  # true == 1
]


def reference(root: Path, published: dict[int, tuple]) -> set[tuple]:
    """(code, path, field) of every R001-R004 finding, by the rules' definition."""
    entries = [e for p in sorted(root.rglob("*.md"))
               if (e := read_entry(p, str(p.relative_to(root)))) is not None]
    entries.sort(key=lambda e: e.path)
    by_id: dict[object, list] = {}
    by_url: dict[str, list] = {}
    for e in entries:
        try:
            if e.id is not None:
                by_id.setdefault(e.id, []).append(e)
        except TypeError:
            pass
        if e.url:
            by_url.setdefault(e.url, []).append(e)
    out = set()
    for groups, code, field in ((by_id, "R003", "id"), (by_url, "R004", "url")):
        out |= {(code, e.path, field) for g in groups.values() if len(g) > 1 for e in g}
    for e in entries:
        text = (root / e.path).read_text(encoding="utf-8")
        for link in e.links:
            try:
                group = by_id.get(link.id) if link.id is not None else None
                target = group[0] if group else published.get(link.id)
            except TypeError:
                target = None
            key = f"related_article{link.n}"
            if target is None:
                if link.id is not None:
                    out.add(("R001", e.path, f"{key}.id"))
                continue
            truth = target if isinstance(target, tuple) and len(target) == 3 else (target.title, target.subject, target.url)
            copies = _copies(text, key)
            for field, want in zip(("title", "subject", "url"), truth, strict=True):
                if isinstance(want, str) and isinstance(copies.get(field), str) and copies[field] != want:
                    out.add(("R002", e.path, f"{key}.{field}"))
    return out


def _copies(text: str, key: str) -> dict:
    import yaml

    data = yaml.safe_load(text.split("\n---", 1)[0].lstrip("-\n"))
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def keys_of(findings: list[dict]) -> set[tuple]:
    out = set()
    for d in findings:
        if d["code"] in ("R003", "R004"):
            out.add((d["code"], d["path"], "id" if d["code"] == "R003" else "url"))
        elif d["code"] in ("R001", "R002"):
            field = d["message"].split("`", 2)[1]
            out.add((d["code"], d["path"], field))
    return out


def odd_corpus(tmp_path) -> tuple[Corpus, list[str]]:
    c = Corpus(tmp_path / "corpus")
    arts = c.arts
    holders = [a for a in arts if len(a.related) >= 1][:len(ODD_IDS)]
    focus = []
    for (written, linked), target, holder in zip(ODD_IDS, arts[-len(ODD_IDS):], holders, strict=True):
        c.edit(target.rel_path, f"\nid: {target.id}\n", f"\nid: {written}\n")
        c.edit(holder.rel_path, f"id: {arts[holder.related[0]].id}\n", f"id: {linked}\n")
        focus += [target.rel_path, holder.rel_path]
    # 1 is also an id spelled as a whole number elsewhere: true and 1 are one id (R003)
    other = arts[-len(ODD_IDS) - 1]
    c.edit(other.rel_path, f"\nid: {other.id}\n", "\nid: 1\n")
    # an id that can point at nothing: a list
    lister = [a for a in arts if len(a.related) >= 2][-1]
    c.edit(lister.rel_path, f"id: {arts[lister.related[1]].id}\n", "id: [1, 2]\n")
    return c, focus + [other.rel_path, lister.rel_path]


def test_findings_match_the_reference_on_odd_ids(tmp_path):
    c, focus = odd_corpus(tmp_path)
    cold = check(c, focus)
    published = {888888: ("A published article", "Biology", "/learn/biology/questions/a-published-article")}
    assert keys_of(cold) == reference(c.root, published)
    assert {"R001", "R003"} <= {d["code"] for d in cold}


def test_a_checked_subset_of_the_corpus(tmp_path):
    """A directory checked on its own (too many files for the one-file path): every finding
    about its files, and no other."""
    c, _ = odd_corpus(tmp_path)
    cold, _ = c.run(cache=False)
    subject = max({Path(f).parts[0] for f in c.files()}, key=lambda d: sum(f.startswith(d + "/") for f in c.files()))
    mine = sorted(f for f in c.files() if f.startswith(subject + "/"))
    expected = _ordered(d for rel in mine for d in about(cold, rel))
    assert expected
    for cache in (False, True, True):
        got, result = c.run([subject], cache=cache)
        assert _ordered(got) == expected
        assert result.checked == mine


def _ordered(findings) -> list[dict]:
    return sorted({json.dumps(d, sort_keys=True): d for d in findings}.values(),
                  key=lambda d: json.dumps(d, sort_keys=True))


def test_damaged_index_columns_are_not_trusted(tmp_path, capfd):
    """A row whose index columns were changed behind qtlint's back (here: an article made to look
    like it holds another's id, and a link made to look fresh) is linted again, with a warning."""
    c, focus = odd_corpus(tmp_path)
    cold = check(c, focus)
    (db,) = c.cache.glob("*.sqlite")
    con = sqlite3.connect(db)
    con.execute("UPDATE files SET id_key = 170001 WHERE rowid IN (SELECT rowid FROM files LIMIT 3)")
    con.execute("UPDATE files SET key_hash = 0")
    con.execute("DELETE FROM corpus")  # no run snapshot: the index is read
    con.commit()
    con.close()
    capfd.readouterr()
    again, _ = c.run()
    assert again == cold
    assert "corrupt cache entry" in capfd.readouterr().err
