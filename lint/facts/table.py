"""Facts across articles (`qtlint facts`): per invariant, how many articles state it, how many
agree, and every disagreeing article with the value it gives.

An article states an invariant when any of its claims is about it; it agrees when all of them
agree. Articles are listed in the order given; the CLI sorts paths before calling.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .model import Claim, Invariants


@dataclass(frozen=True)
class Disagreement:
    article: str
    # (line or None, value, quote) of each disagreeing claim; the line is known when the claims
    # come from a lint run (they carry a `line`), not when they come from find_claims alone
    claims: tuple[tuple[int | None, str, str], ...]

    @property
    def values(self) -> tuple[str, ...]:
        """What the article states, one per disagreeing claim (deduplicated)."""
        return tuple(dict.fromkeys(value for _, value, _ in self.claims))

    @property
    def quotes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(quote for _, _, quote in self.claims))

    @property
    def lines(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(line for line, _, _ in self.claims if line is not None))


@dataclass(frozen=True)
class FactsRow:
    invariant_id: str
    statement: str
    expected: str
    severity: str
    source: str
    stated: int  # articles with at least one claim about the invariant
    agree: int  # articles whose claims all agree
    disagreements: tuple[Disagreement, ...]


@dataclass(frozen=True)
class FactsTable:
    articles: int
    rows: tuple[FactsRow, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "invariants": [
                {
                    "id": r.invariant_id,
                    "statement": r.statement,
                    "expected": r.expected,
                    "severity": r.severity,
                    "source": r.source,
                    "stated": r.stated,
                    "agree": r.agree,
                    "disagree": len(r.disagreements),
                    "disagreements": [
                        {"article": d.article, "values": list(d.values), "quotes": list(d.quotes),
                         **({"lines": list(d.lines)} if d.lines else {})}
                        for d in r.disagreements
                    ],
                }
                for r in self.rows
            ],
        }

    def render_text(self) -> str:
        lines = [f"Facts across {self.articles} article{'s' if self.articles != 1 else ''}", ""]
        for r in self.rows:
            lines.append(f"{r.invariant_id}: {r.statement}")
            lines.append(f"  expected {r.expected}")
            lines.append(f"  stated in {r.stated}, agree {r.agree}, disagree {len(r.disagreements)}")
            for d in r.disagreements:
                where = f"{d.article}:{','.join(map(str, d.lines))}" if d.lines else d.article
                lines.append(f"    {where}: {'; '.join(d.values)}")
                lines.extend(f"      \"{_shorten(q)}\"" for q in d.quotes)
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def facts_table(items: Iterable[tuple[str, list[Claim]]], invariants: Invariants) -> FactsTable:
    """`items`: (article, claims). A claim needs invariant_id, agrees, value and quote; one with
    a `line` (the cached claims of a lint run) puts it in the table."""
    ids = [inv.id for inv in invariants]
    stated = {i: 0 for i in ids}
    agree = {i: 0 for i in ids}
    disagreements: dict[str, list[Disagreement]] = {i: [] for i in ids}
    articles = 0
    for article, claims in items:
        articles += 1
        by_id: dict[str, list[Claim]] = {}
        for claim in claims:
            by_id.setdefault(claim.invariant_id, []).append(claim)
        for invariant_id, mine in by_id.items():
            if invariant_id not in stated:
                continue  # a claim for an invariant this table does not know
            stated[invariant_id] += 1
            wrong = [c for c in mine if not c.agrees]
            if not wrong:
                agree[invariant_id] += 1
                continue
            disagreements[invariant_id].append(Disagreement(
                article, tuple((getattr(c, "line", None), c.value, c.quote) for c in wrong)))
    rows = tuple(FactsRow(inv.id, inv.statement, inv.expected_text(), inv.severity.value, inv.source,
                          stated[inv.id], agree[inv.id], tuple(disagreements[inv.id])) for inv in invariants)
    return FactsTable(articles, rows)


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
