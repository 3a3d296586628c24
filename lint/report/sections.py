"""The report's static sections as HTML: at a glance, the corpus, the facts. Every text is escaped."""
from __future__ import annotations

from html import escape
from urllib.parse import quote

from .charts import SEVERITY_COLORS, BarRow, Segment, bar_chart, category_color, legend, share_bar
from .model import NO_SUBJECT, LinkProblem, ReportData

LIST_LIMIT = 200  # rows per corpus list in the page; the JSON output has them all
RULE_ROWS = 15


def _n(value: float) -> str:
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def article_link(data: ReportData, index: int) -> str:
    """The article's title, linking to its findings (the script reads the #q= fragment), and its path."""
    a = data["articles"][index]
    title = a["title"] or a["path"]
    return (f'<a class="jump" href="#q={escape(quote(a["path"], safe=""))}">{escape(title)}</a>'
            f' <span class="path">{escape(a["path"])}</span>')


def _delta(before: int, now: int, *, good_when_down: bool = True) -> str:
    d = now - before
    if d == 0:
        return '<span class="delta same">\u00b10</span>'
    worse = (d > 0) == good_when_down
    arrow = "\u25b2" if d > 0 else "\u25bc"
    return f'<span class="delta {"worse" if worse else "better"}">{arrow} {abs(d):,}</span>'


def _card(label: str, value: int, kind: str, trend: list[int] | None, good_when_down: bool = True) -> str:
    delta = _delta(trend[0], trend[1], good_when_down=good_when_down) if trend else ""
    return (f'<div class="card {kind}"><div class="num">{value:,}</div>'
            f'<div class="lbl">{escape(label)}</div>{delta}</div>')


def glance(data: ReportData) -> str:
    s, trend = data["summary"], data["trend"]
    t = trend["summary"] if trend else {}
    cards = [
        _card("articles checked", s["articles"], "total", t.get("articles"), good_when_down=False),
        _card("with errors", s["with_errors"], "error", t.get("with_errors")),
        _card("with warnings", s["with_warnings"], "warning", t.get("with_warnings")),
        _card("clean", s["clean"], "clean", t.get("clean"), good_when_down=False),
        _card(f"findings ({s['fixable']:,} fixable)", s["findings"], "findings", t.get("findings")),
    ]
    cats = [BarRow(c, (Segment(n, category_color(c), "findings"),), c) for c, n in s["by_category"].items()]
    rules = data["rules"]
    rule_rows = [BarRow(f"{code} {rules[code]['name']}" if code in rules else code,
                        (Segment(n, category_color(rules.get(code, {}).get("category", "qtlint")), "findings"),),
                        code) for code, n in list(s["by_rule"].items())[:RULE_ROWS]]
    more_rules = len(s["by_rule"]) - RULE_ROWS
    subject_rows = []
    for name, c in s["by_subject"].items():
        clean = c["articles"] - c["with_errors"] - c["with_warnings"] - c["with_info"]
        segs = (Segment(c["with_errors"], SEVERITY_COLORS["error"], "with errors"),
                Segment(c["with_warnings"], SEVERITY_COLORS["warning"], "with warnings"),
                Segment(c["with_info"], SEVERITY_COLORS["info"], "with info only"),
                Segment(clean, SEVERITY_COLORS["clean"], "clean"))
        subject_rows.append(BarRow(name, segs, name if name != NO_SUBJECT else None,
                                   note=f"{c['articles']:,} ({c['findings']:,} finding{'' if c['findings'] == 1 else 's'})"))
    sev_legend = legend([("with errors", SEVERITY_COLORS["error"]), ("with warnings", SEVERITY_COLORS["warning"]),
                         ("info only", SEVERITY_COLORS["info"]), ("clean", SEVERITY_COLORS["clean"])])
    parts = [
        '<section id="glance"><h2>At a glance</h2>',
        f'<div class="cards">{"".join(cards)}</div>',
        '<div class="charts">',
        (f'<figure><figcaption>Findings by category</figcaption>'
        f'{bar_chart(cats, label="Findings by category", filter_key="cat", label_width=110)}</figure>'),
        f'<figure><figcaption>Findings by rule{f" (top {RULE_ROWS})" if more_rules > 0 else ""}'
        f'</figcaption>{bar_chart(rule_rows, label="Findings by rule", filter_key="rule", label_width=200)}'
        + (f'<p class="note">and {more_rules:,} more rules</p>' if more_rules > 0 else "") + "</figure>",
        (f'<figure class="wide"><figcaption>Articles by subject</figcaption>{sev_legend}'
        f'{bar_chart(subject_rows, label="Articles by subject", filter_key="subject", label_width=150, width=1100)}'
        "</figure></div>"),
    ]
    if trend:
        parts.append(_trend_table(data))
    parts.append("</section>")
    return "".join(parts)


def _trend_table(data: ReportData) -> str:
    """Two tables, by category and by rule: what changed first (largest change on top), then a count
    of the unchanged."""
    trend = data["trend"]
    assert trend is not None
    when = escape(trend["previous_generated_at"] or "an earlier report")
    figures = []
    for kind, table in (("category", trend["by_category"]), ("rule", trend["by_rule"])):
        changed = sorted(((k, b, n) for k, (b, n) in table.items() if b != n), key=lambda r: (-abs(r[2] - r[1]), r[0]))
        rows = []
        for key, before, now in changed:
            name = data["rules"][key]["name"] if kind == "rule" and key in data["rules"] else ""
            label = f'{escape(key)} <span class="muted">{escape(name)}</span>' if name else escape(key)
            rows.append(f'<tr><td>{label}</td><td class="r">{before:,}</td><td class="r">{now:,}</td>'
                        f'<td class="r">{_delta(before, now)}</td></tr>')
        same = len(table) - len(changed)
        body = (f'<table class="grid"><thead><tr><th>{kind}</th><th class="r">before</th><th class="r">now</th>'
                f'<th class="r">change</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
                if rows else '<p class="empty">No change.</p>')
        note = f'<p class="note">{same:,} unchanged</p>' if same else ""
        figures.append(f"<figure><figcaption>Change by {kind}</figcaption>{body}{note}</figure>")
    return f'<div class="trend"><h3>Trend since {when}</h3><div class="charts">{"".join(figures)}</div></div>'


def _problems(data: ReportData, title: str, items: list[LinkProblem]) -> str:
    if not items:
        return f"<h3>{escape(title)}</h3><p class=\"empty\">None.</p>"
    rows = "".join(
        f"<tr><td>{article_link(data, p['article'])}</td><td>{escape(p['field'])} "
        f"<span class=\"muted\">line {p['line']}</span></td><td>{escape(str(p['target_id']))}</td>"
        f"<td>{escape(p['detail'])}</td></tr>" for p in items[:LIST_LIMIT])
    return (f"<h3>{escape(title)} <span class=\"count\">{len(items):,}</span></h3><table class=\"grid\"><thead>"
            "<tr><th>article</th><th>entry</th><th>target id</th><th>problem</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>{_more(len(items))}")


def _more(total: int) -> str:
    if total <= LIST_LIMIT:
        return ""
    return (f'<p class="note">and {total - LIST_LIMIT:,} more; '
            "<code>--output-format json</code> lists them all.</p>")


def corpus(data: ReportData) -> str:
    c = data["corpus"]
    if c is None:
        return ('<section id="corpus"><h2>The corpus</h2><p class="empty">The cross-article rules were not run.'
                "</p></section>")
    g = c["graph"]
    resolved = f"{100 * g['resolved'] / g['links']:.1f}%" if g["links"] else "\u2013"
    stats = [("articles", g["articles"]), ("related links", g["links"]), ("links that resolve", resolved),
             ("dangling links", g["dangling"]), ("stale links", g["stale"]),
             ("to published articles", g["external"]),
             ("duplicate ids", len(c["duplicate_ids"])), ("duplicate urls", len(c["duplicate_urls"])),
             ("orphans (nobody links)", g["orphans"]), ("without related", g["without_links"]),
             ("isolated", g["isolated"]), ("components", g["components"]),
             ("largest component", g["largest_component"]), ("links per article", g["mean_links"]),
             ("reciprocal links", g["reciprocal"])]
    dl = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v if isinstance(v, str) else _n(v))}</dd></div>"
                 for k, v in stats)
    dups = []
    for title, groups in (("Duplicate ids", c["duplicate_ids"]), ("Duplicate urls", c["duplicate_urls"])):
        items = "".join(f"<li><code>{escape(g['value'])}</code>: "
                        + "; ".join(article_link(data, i) for i in g["articles"]) + "</li>"
                        for g in groups[:LIST_LIMIT])
        body = f"<ul class=\"plain\">{items}</ul>{_more(len(groups))}" if groups else '<p class="empty">None.</p>'
        dups.append(f"<h3>{title} <span class=\"count\">{len(groups):,}</span></h3>{body}")
    orphans = "".join(f"<li>{article_link(data, i)}</li>" for i in c["orphans"][:LIST_LIMIT])
    orphan_block = (f"<details><summary>Orphans: {len(c['orphans']):,} articles nobody links to</summary>"
                    f"<ul class=\"plain cols\">{orphans}</ul>{_more(len(c['orphans']))}</details>"
                    if c["orphans"] else "<h3>Orphans</h3><p class=\"empty\">None.</p>")
    return ('<section id="corpus"><h2>The corpus</h2>'
            f'<dl class="health">{dl}</dl>'
            f"{_problems(data, 'Dangling links', c['dangling'])}{_problems(data, 'Stale links', c['stale'])}"
            f"{''.join(dups)}{orphan_block}</section>")


def facts(data: ReportData) -> str:
    rows = []
    for f in data["facts"]:
        bar = share_bar([(f["agreeing"], SEVERITY_COLORS["clean"], "agreeing"),
                         (f["disagreeing"], SEVERITY_COLORS["error"], "disagreeing")])
        rows.append(f"<tr><td><div>{escape(f['statement'])}</div><div class=\"muted\">{escape(f['id'])}: "
                    f"{escape(f['expected'])}</div></td><td class=\"r\">{f['stating']:,}</td>"
                    f"<td class=\"r\">{f['agreeing']:,}</td><td class=\"r bad\">{f['disagreeing']:,}</td>"
                    f"<td>{bar}</td></tr>")
        if f["disagreements"]:
            items = "".join(
                f"<li>{article_link(data, d['article'])} <span class=\"muted\">line {d['line']}</span> states "
                f"<b>{escape(d['value'])}</b><q>{escape(d['quote'])}</q></li>"
                for d in f["disagreements"][:LIST_LIMIT])
            rows.append(f"<tr class=\"sub\"><td colspan=\"5\"><details><summary>{f['disagreeing']:,} disagreeing "
                        f"article{'' if f['disagreeing'] == 1 else 's'}</summary><ul class=\"plain\">{items}</ul>"
                        f"{_more(len(f['disagreements']))}</details></td></tr>")
    if not rows:
        return '<section id="facts"><h2>The facts</h2><p class="empty">No facts were checked.</p></section>'
    return ('<section id="facts"><h2>The facts</h2><table class="grid facts"><thead><tr><th>invariant</th>'
            '<th class="r">stating</th><th class="r">agreeing</th><th class="r">disagreeing</th><th></th></tr>'
            f"</thead><tbody>{''.join(rows)}</tbody></table></section>")
