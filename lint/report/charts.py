"""Inline-SVG horizontal bar charts (no library, no network): one row per label, stacked segments.

A row with a `filter_value` is a button: the page's script filters the findings by
(`filter_key`, `filter_value`) when it is clicked. Every text is escaped here.
"""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

SEVERITY_COLORS = {"error": "#cf222e", "warning": "#d29922", "info": "#218bff", "clean": "#2da44e"}
_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
            "#9c755f", "#bab0ac")
_KNOWN_CATEGORIES = ("parse", "schema", "slug", "reference", "encoding", "facts", "grammar", "qtlint")


def category_color(category: str) -> str:
    if category in _KNOWN_CATEGORIES:
        return _PALETTE[_KNOWN_CATEGORIES.index(category)]
    return _PALETTE[8 + sum(map(ord, category)) % 2]


@dataclass(frozen=True, slots=True)
class Segment:
    value: int
    color: str
    name: str  # for the tooltip, e.g. "with errors"


@dataclass(frozen=True, slots=True)
class BarRow:
    label: str
    segments: tuple[Segment, ...]
    filter_value: str | None = None
    note: str = ""  # printed after the bar instead of the plain total


def _fmt(n: int) -> str:
    return f"{n:,}"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def bar_chart(rows: list[BarRow], *, label: str, filter_key: str | None = None,
              label_width: int = 150, width: int = 560) -> str:
    """An <svg> scaled to the largest row total; empty charts say so instead."""
    if not rows:
        return '<p class="empty">Nothing to chart.</p>'
    row_h, bar_h, top = 24, 15, 4
    longest = max(len(r.note or _fmt(sum(s.value for s in r.segments))) for r in rows)
    value_w = max(48, 7 * longest + 14)  # room for the value printed after the longest bar
    track = width - label_width - value_w
    scale = max(sum(s.value for s in r.segments) for r in rows) or 1
    height = top * 2 + row_h * len(rows)
    out = [(f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="{escape(label)}" preserveAspectRatio="xMinYMin meet">')]
    chars = max(8, label_width // 7)
    for i, row in enumerate(rows):
        y = top + i * row_h
        total = sum(s.value for s in row.segments)
        tip = f"{row.label}: " + ", ".join(f"{_fmt(s.value)} {s.name}" for s in row.segments if s.value)
        attrs = ""
        if filter_key and row.filter_value is not None:
            attrs = (f' class="bar clickable" tabindex="0" role="button" data-filter="{escape(filter_key)}"'
                     f' data-value="{escape(row.filter_value)}"')
        else:
            attrs = ' class="bar"'
        out.append(f"<g{attrs}><title>{escape(tip)}</title>")
        out.append(f'<rect class="hit" x="0" y="{y}" width="{width}" height="{row_h}"/>')
        out.append(f'<text class="label" x="{label_width - 8}" y="{y + 16}" text-anchor="end">'
                   f"{escape(_clip(row.label, chars))}</text>")
        out.append(f'<rect class="track" x="{label_width}" y="{y + 4}" width="{track}" height="{bar_h}" rx="3"/>')
        x = float(label_width)
        for seg in row.segments:
            if seg.value <= 0:
                continue
            w = max(track * seg.value / scale, 1.5)
            out.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{bar_h}" fill="{seg.color}"/>')
            x += w
        out.append(f'<text class="value" x="{x + 6:.1f}" y="{y + 16}">{escape(row.note or _fmt(total))}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


def legend(items: list[tuple[str, str]]) -> str:
    return '<ul class="legend">' + "".join(
        f'<li><span class="swatch" style="background:{color}"></span>{escape(name)}</li>'
        for name, color in items) + "</ul>"


def share_bar(parts: list[tuple[int, str, str]], width: int = 120) -> str:
    """A small one-line stacked bar (e.g. agreeing vs disagreeing)."""
    total = sum(p[0] for p in parts) or 1
    out = [(f'<svg class="share" viewBox="0 0 {width} 10" width="{width}" height="10" role="img" '
           f'aria-label="{escape(", ".join(f"{n} {name}" for n, _, name in parts))}">')]
    x = 0.0
    for n, color, _ in parts:
        w = width * n / total
        if w > 0:
            out.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="10" fill="{color}"/>')
        x += w
    out.append("</svg>")
    return "".join(out)
