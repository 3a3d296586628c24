"""Maps an engine run onto the batch report's data (lint/report) and the facts table."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any, NamedTuple

from . import __version__
from .engine import RunResult

if TYPE_CHECKING:
    from .facts import FactsTable


class StatedClaim(NamedTuple):
    """A factual claim as a lint run caches it (FileResult.claims), with its line when it
    disagrees (None when it agrees: no table or report shows where an agreeing claim is)."""

    invariant_id: str
    agrees: bool
    value: str
    expected: str
    line: int | None
    quote: str


def facts_of(result: RunResult, invariants: Any) -> FactsTable:
    """The facts table (lint.facts.facts_table) of the checked articles' cached claims."""
    from .facts import facts_table

    items = [(name, [StatedClaim(*c) for c in res.claims]) for name, res in sorted(result.results.items())]
    return facts_table(items, invariants)


def report_facts(table: FactsTable, index: dict[str, int]) -> list[dict]:
    """The table as the report's FactRow list: one disagreement entry per disagreeing claim."""
    return [{"id": r.invariant_id, "statement": r.statement, "expected": r.expected,
             "stating": r.stated, "agreeing": r.agree, "disagreeing": len(r.disagreements),
             "disagreements": [{"article": index.get(d.article, -1), "line": line or 0, "value": value,
                                "quote": quote} for d in r.disagreements for line, value, quote in d.claims]}
            for r in table.rows]


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
    facts = report_facts(facts_of(result, invariants), index) if invariants is not None else []
    return assemble(articles=articles, diagnostics=result.diagnostics, rules=rules, corpus=corpus,
                    facts=facts, tool=f"qtlint {__version__}", roots=roots)
