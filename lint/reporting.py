"""Maps an engine run onto the batch report's data (lint/report) and the facts table."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from . import __version__
from .engine import RunResult


def facts_rows(result: RunResult, invariants: Any, index: dict[str, int]) -> list[dict]:
    rows = []
    for inv in invariants:
        stating = agreeing = 0
        disagreements = []
        for name, res in sorted(result.results.items()):
            mine = [c for c in res.claims if c[0] == inv.id]
            if not mine:
                continue
            stating += 1
            wrong = [c for c in mine if not c[1]]
            if not wrong:
                agreeing += 1
            for _id, _agrees, value, _expected, line, quote in wrong:
                disagreements.append({"article": index.get(name, -1), "path": name, "line": line,
                                      "value": value, "quote": quote})
        rows.append({"id": inv.id, "statement": inv.statement, "expected": inv.expected_text(),
                     "stating": stating, "agreeing": agreeing,
                     "disagreeing": len({d["path"] for d in disagreements}),
                     "disagreements": disagreements})
    return rows


def facts_json(result: RunResult, invariants: Any) -> dict:
    rows = facts_rows(result, invariants, {})
    for row in rows:
        for d in row["disagreements"]:
            del d["article"]
    return {"articles": len(result.results), "invariants": rows}


def facts_text(data: dict) -> str:
    lines = [f"Facts across {data['articles']} article{'s' if data['articles'] != 1 else ''}", ""]
    for row in data["invariants"]:
        lines.append(f"{row['id']}: {row['statement']}")
        lines.append(f"  expected {row['expected']}")
        lines.append(f"  stated in {row['stating']}, agree {row['agreeing']}, disagree {row['disagreeing']}")
        for d in row["disagreements"]:
            lines.append(f"    {d['path']}:{d['line']}: states {d['value']}: {d['quote']!r}")
        lines.append("")
    return "\n".join(lines)


_FIELD = re.compile(r"`(related_article\d+)")


def build_report_data(result: RunResult, rules: dict, invariants: Any, roots: list[str]) -> dict:
    from .report import EXTERNAL, assemble, corpus_section

    names = sorted(result.results)
    articles = []
    for name in names:
        entry = result.results[name].entry
        articles.append({"path": name, "title": entry.title if entry else None,
                         "subject": entry.subject if entry else None,
                         "id": entry.id if entry and isinstance(entry.id, (int, str)) else None,
                         "url": entry.url if entry else None})
    index = {name: i for i, name in enumerate(names)}
    corpus = None
    if result.corpus is not None:
        by_id: dict[object, int] = {}
        by_url: dict[str, list[int]] = defaultdict(list)
        ids: dict[object, list[int]] = defaultdict(list)
        for i, a in enumerate(articles):
            if a["id"] is not None:
                by_id.setdefault(a["id"], i)
                ids[a["id"]].append(i)
            if a["url"]:
                by_url[a["url"]].append(i)
        links = []
        for i, name in enumerate(names):
            entry = result.results[name].entry
            for link in entry.links if entry else ():
                target = by_id.get(link.id) if isinstance(link.id, (int, str)) else None
                if target is None and isinstance(link.id, (int, str)) and link.id in result.corpus.published:
                    target = EXTERNAL
                links.append((i, target))
        problems: dict[str, list] = {"R001": [], "R002": []}
        for d in result.diagnostics:
            if d.code in problems and d.path in index:
                m = _FIELD.search(d.message)
                problems[d.code].append({"article": index[d.path], "line": d.line,
                                         "field": m.group(1) if m else "", "target_id": d.text or None,
                                         "target_url": None, "detail": d.message})
        corpus = corpus_section(len(articles), links, dangling=problems["R001"], stale=problems["R002"],
                                duplicate_ids=ids, duplicate_urls=by_url)
    facts = facts_rows(result, invariants, index) if invariants is not None else []
    for row in facts:
        for d in row["disagreements"]:
            del d["path"]
    return assemble(articles=articles, diagnostics=result.diagnostics, rules=rules, corpus=corpus,
                    facts=facts, tool=f"qtlint {__version__}", roots=roots)
