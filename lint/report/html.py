"""`render_html(data)`: one self-contained page (inline CSS, JS, SVG; no request leaves it).

The static sections are HTML built here; the findings travel as one JSON blob that the script
renders a page at a time, so 10,000 articles and their findings cost one parse, not 100k nodes.
A blob larger than COMPRESS_ABOVE is gzip+base64 and inflated by the browser's own
DecompressionStream. A Content-Security-Policy lets only our script run (by its hash) and
forbids every fetch, so even text that escaped escaping could neither run nor phone home.
"""
from __future__ import annotations

import base64
import gzip
import hashlib
import json
from html import escape
from importlib import resources

from . import sections
from .model import NO_SUBJECT, SEVERITIES, ReportData

COMPRESS_ABOVE = 256 * 1024  # characters of JSON
_PLURAL = {"error": "errors", "warning": "warnings", "info": "info"}


def _asset(name: str) -> str:
    return resources.files("lint.report").joinpath("assets", name).read_text(encoding="utf-8")


def script_json(value: object) -> str:
    """JSON safe inside <script>: no `</script>`, `<!--` or line separators can appear."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def findings_blob(data: ReportData) -> dict:
    """The compact form the script reads: only articles with findings, rows as arrays."""
    remap: dict[int, int] = {}
    articles = []
    rows = []
    for f in data["findings"]:
        a = f["article"]
        if a not in remap:
            remap[a] = len(articles)
            ref = data["articles"][a]
            articles.append([ref["path"], ref["title"] or "", ref["subject"] or NO_SUBJECT])
        rows.append([remap[a], f["line"], f["column"], f["code"], SEVERITIES.index(f["severity"]),
                     f["message"], f["fix"], f["fix_applicability"]])
    rules = {code: [r["name"], r["category"]] for code, r in data["rules"].items()}
    return {"articles": articles, "rules": rules, "findings": rows}


def _data_element(blob: dict) -> str:
    text = script_json(blob)
    if len(text) <= COMPRESS_ABOVE:
        return f'<script type="application/json" id="qt-data">{text}</script>'
    packed = base64.b64encode(gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)).decode("ascii")
    return f'<script type="application/octet-stream" id="qt-data" data-encoding="gzip-base64">{packed}</script>'


def _options(counts: dict[str, int], label: str, names: dict[str, str] | None = None) -> str:
    opts = [f'<option value="">{escape(label)}</option>']
    for key, n in sorted(counts.items()):
        text = f"{key} {names[key]}" if names and key in names else key
        opts.append(f'<option value="{escape(key)}">{escape(text)} ({n:,})</option>')
    return "".join(opts)


def _findings_shell(data: ReportData) -> str:
    s = data["summary"]
    names = {code: r["name"] for code, r in data["rules"].items()}
    subjects = {k: v["findings"] for k, v in s["by_subject"].items() if v["findings"]}
    sev = "".join(
        f'<button type="button" class="sev {name}" data-sev="{name}" aria-pressed="false">{_PLURAL[name]} '
        f'<span class="n">{s["by_severity"].get(name, 0):,}</span></button>' for name in SEVERITIES)
    return (
        '<section id="findings"><h2>Findings</h2><div class="toolbar" role="search">'
        '<input id="qt-search" type="search" placeholder="Search messages, titles, paths, rules (press /)" '
        'aria-label="Search findings" autocomplete="off">'
        f'<div class="sevs" role="group" aria-label="Severity"><button type="button" class="sev all" data-sev="" '
        f'aria-pressed="true">all</button>{sev}</div>'
        f'<select id="qt-cat" aria-label="Category">{_options(s["by_category"], "every category")}</select>'
        f'<select id="qt-rule" aria-label="Rule">{_options(s["by_rule"], "every rule", names)}</select>'
        f'<select id="qt-subject" aria-label="Subject">{_options(subjects, "every subject")}</select>'
        '<button type="button" id="qt-reset">reset</button></div>'
        '<p id="qt-count" class="count-line" aria-live="polite">Loading findings\u2026</p>'
        '<div id="qt-list"></div><nav id="qt-pager" class="pager" aria-label="Pages"></nav></section>')


def render_html(data: ReportData, *, title: str = "qtlint report") -> str:
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    roots = ", ".join(data["roots"]) or "."
    return "".join([
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp, quote=False)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{_asset('report.css')}</style></head><body>",
        (f'<header class="top"><h1>{escape(title)}</h1><p class="meta">{escape(data["tool"])} \u00b7 '
        f'{escape(data["generated_at"])} \u00b7 {escape(roots)}</p>'),
        ('<nav class="toc"><a href="#glance">At a glance</a><a href="#corpus">Corpus</a>'
        '<a href="#facts">Facts</a><a href="#findings">Findings</a></nav></header><main>'),
        sections.glance(data), sections.corpus(data), sections.facts(data), _findings_shell(data),
        "</main>", _data_element(findings_blob(data)), f"<script>{script}</script></body></html>\n",
    ])
