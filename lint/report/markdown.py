"""`render_markdown(data)`: a short summary for a pull-request comment or a CI job summary.

Bounded in size whatever the corpus (GitHub caps a comment at 65,536 characters): lists are cut
at a few rows and say how many more there are. Untrusted text is escaped so a title can neither
inject Markdown (links, tables, headings) nor HTML.
"""
from __future__ import annotations

import re

from .model import ReportData

TOP = 10
_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # what can start markup mid-line; < > & become entities


def md(text: object) -> str:
    """Escape text for a Markdown table cell or list item (GitHub-flavoured)."""
    s = " ".join(str(text).split())  # no newlines: they would end the table row
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", s)


def _delta(pair: list[int] | None) -> str:
    if not pair:
        return ""
    d = pair[1] - pair[0]
    sign = "+" if d > 0 else "\u2212"
    return " (\u00b10)" if d == 0 else f" ({sign}{abs(d):,})"


def _article(data: ReportData, index: int) -> str:
    a = data["articles"][index]
    return f"{md(a['title'] or a['path'])} (`{a['path'].replace('`', '')}`)"


def render_markdown(data: ReportData) -> str:
    s, trend = data["summary"], data["trend"]
    t = trend["summary"] if trend else {}
    mark = "\u274c" if s["with_errors"] else ("\u26a0\ufe0f" if s["with_warnings"] else "\u2705")
    out = [
        f"## {mark} qtlint report",
        "",
        (f"**{s['articles']:,} articles checked**{_delta(t.get('articles'))} \u00b7 "
        f"{s['with_errors']:,} with errors{_delta(t.get('with_errors'))} \u00b7 "
        f"{s['with_warnings']:,} with warnings{_delta(t.get('with_warnings'))} \u00b7 "
        f"{s['clean']:,} clean{_delta(t.get('clean'))} \u00b7 "
        f"{s['findings']:,} findings{_delta(t.get('findings'))}, {s['fixable']:,} fixable"),
        "",
    ]
    if trend:
        out += [f"Compared with the report of {md(trend['previous_generated_at'] or 'an earlier run')}.", ""]
    if s["by_category"]:
        before = trend["by_category"] if trend else {}
        out += ["| category | findings |", "| --- | ---: |"]
        out += [f"| {md(c)} | {n:,}{_delta(before.get(c))} |" for c, n in s["by_category"].items()]
        out.append("")
    if s["by_rule"]:
        before = trend["by_rule"] if trend else {}
        rows = list(s["by_rule"].items())
        out += ["<details><summary>Findings by rule</summary>", "", "| rule | name | findings |",
                "| --- | --- | ---: |"]
        for code, n in rows[:25]:
            name = data["rules"].get(code, {}).get("name", "")
            out.append(f"| `{code}` | {md(name)} | {n:,}{_delta(before.get(code))} |")
        if len(rows) > 25:
            out.append(f"| \u2026 | {len(rows) - 25} more rules | |")
        out += ["", "</details>", ""]
    c = data["corpus"]
    if c is not None:
        g = c["graph"]
        out += ["### Corpus", "",
                (f"- related links: {g['links']:,} ({g['resolved']:,} resolve, {g['dangling']:,} dangling, "
                f"{g['stale']:,} stale)"),
                f"- duplicate ids: {len(c['duplicate_ids']):,} \u00b7 duplicate urls: {len(c['duplicate_urls']):,}",
                (f"- orphans (nobody links to them): {g['orphans']:,} \u00b7 link-graph components: "
                f"{g['components']:,} (largest {g['largest_component']:,})"), ""]
    disagreeing = [f for f in data["facts"] if f["disagreeing"]]
    if data["facts"]:
        out += ["### Facts", "", "| invariant | stating | agreeing | disagreeing |", "| --- | ---: | ---: | ---: |"]
        out += [f"| {md(f['statement'])} | {f['stating']:,} | {f['agreeing']:,} | {f['disagreeing']:,} |"
                for f in data["facts"]]
        out.append("")
        for f in disagreeing:
            out.append(f"Disagreeing with *{md(f['statement'])}*:")
            out += [f"- {_article(data, d['article'])} line {d['line']}: states {md(d['value'])}"
                    for d in f["disagreements"][:TOP]]
            if len(f["disagreements"]) > TOP:
                out.append(f"- \u2026 and {len(f['disagreements']) - TOP:,} more")
            out.append("")
    worst = _most_errors(data)
    if worst:
        out += ["### Articles with the most errors", ""]
        out += [f"- {_article(data, i)}: {n:,} error{'s' if n != 1 else ''}" for i, n in worst]
        out.append("")
    out.append("_Full details: the HTML report (`qtlint report -o report.html`)._")
    return "\n".join(out) + "\n"


def _most_errors(data: ReportData) -> list[tuple[int, int]]:
    counts: dict[int, int] = {}
    for f in data["findings"]:
        if f["severity"] == "error":
            counts[f["article"]] = counts.get(f["article"], 0) + 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP]
