"""Building a ReportData from engine values, the derived counts, the trend, and JSON in and out."""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from ..diagnostic import Diagnostic, Fix, RuleInfo
from .model import (
    NO_SUBJECT,
    SCHEMA,
    SEVERITIES,
    ArticleRef,
    CorpusSection,
    FactRow,
    Finding,
    ReportData,
    Rule,
    SubjectCounts,
    Summary,
    Trend,
)


class ReportFormatError(ValueError):
    """The JSON given to --compare is not a qtlint report of a version this program reads."""


def describe_fix(fix: Fix) -> str:
    """One line saying what a fix does: its own message, else what its edits write."""
    if fix.message:
        return fix.message
    if len(fix.edits) == 1:
        content = fix.edits[0].content
        if not content:
            return "Delete the flagged text"
        shown = content if len(content) <= 80 else content[:77] + "..."
        return f"Replace with \u201c{shown}\u201d"
    return f"Apply {len(fix.edits)} edits"


def rule_entry(code: str, info: RuleInfo | None) -> Rule:
    if info is None:
        return {"code": code, "name": code, "category": "qtlint", "severity": "error", "fixable": False,
                "summary": ""}
    return {"code": info.code, "name": info.name, "category": info.category, "severity": info.severity.value,
            "fixable": info.fixable, "summary": info.summary}


def assemble(*, articles: Sequence[ArticleRef], diagnostics: Iterable[Diagnostic],
             rules: Mapping[str, RuleInfo], corpus: CorpusSection | None = None,
             facts: Sequence[FactRow] = (), tool: str = "qtlint", roots: Sequence[str] = (),
             generated_at: str | None = None) -> ReportData:
    """A complete ReportData. A diagnostic whose path is not among `articles` (a file that could not
    be parsed, say) adds an article entry with no title or subject."""
    refs = list(articles)
    index = {a["path"]: i for i, a in enumerate(refs)}
    findings: list[Finding] = []
    for d in diagnostics:
        if d.path not in index:
            index[d.path] = len(refs)
            refs.append({"path": d.path, "title": None, "subject": None, "id": None, "url": None})
        findings.append({
            "article": index[d.path], "line": d.line, "column": d.column, "code": d.code,
            "severity": d.severity.value, "message": d.message,
            "fix": describe_fix(d.fix) if d.fix is not None else None,
            "fix_applicability": d.fix.applicability.value if d.fix is not None else None,
        })
    findings.sort(key=lambda f: (f["article"], f["line"], f["column"], f["code"]))
    used = sorted({f["code"] for f in findings})
    rule_table = {code: rule_entry(code, rules.get(code)) for code in used}
    return {
        "schema": SCHEMA,
        "tool": tool,
        "generated_at": generated_at or dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "roots": list(roots),
        "articles": refs,
        "rules": rule_table,
        "findings": findings,
        "summary": summarize(refs, findings, rule_table),
        "corpus": corpus,
        "facts": list(facts),
        "trend": None,
    }


def summarize(articles: Sequence[ArticleRef], findings: Sequence[Finding],
              rules: Mapping[str, Rule]) -> Summary:
    worst: dict[int, int] = {}  # article -> rank of its worst finding (error 2, warning 1, info 0)
    per_article: Counter[int] = Counter()
    by_rule: Counter[str] = Counter()
    by_severity: Counter[str] = Counter()
    for f in findings:
        rank = 2 - SEVERITIES.index(f["severity"])
        worst[f["article"]] = max(worst.get(f["article"], -1), rank)
        per_article[f["article"]] += 1
        by_rule[f["code"]] += 1
        by_severity[f["severity"]] += 1
    by_category: Counter[str] = Counter()
    for code, n in by_rule.items():
        by_category[rules[code]["category"] if code in rules else "qtlint"] += n
    subjects: dict[str, SubjectCounts] = {}
    for i, a in enumerate(articles):
        s = subjects.setdefault(a["subject"] or NO_SUBJECT, {"articles": 0, "with_errors": 0,
                                                            "with_warnings": 0, "with_info": 0, "findings": 0})
        s["articles"] += 1
        s["findings"] += per_article[i]
        w = worst.get(i, -1)
        if w >= 0:
            s[("with_info", "with_warnings", "with_errors")[w]] += 1
    ranks = Counter(worst.values())
    return {
        "articles": len(articles),
        "clean": len(articles) - len(worst),
        "with_errors": ranks[2],
        "with_warnings": ranks[1],
        "with_info": ranks[0],
        "findings": len(findings),
        "fixable": sum(1 for f in findings if f["fix"] is not None),
        "by_severity": {s: by_severity[s] for s in SEVERITIES},
        "by_category": dict(_largest_first(by_category)),
        "by_rule": dict(_largest_first(by_rule)),
        "by_subject": dict(sorted(subjects.items(), key=lambda kv: (-kv[1]["articles"], kv[0]))),
    }


def _largest_first(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


TREND_KEYS = ("articles", "clean", "with_errors", "with_warnings", "findings", "fixable")


def compare(current: ReportData, previous: ReportData) -> Trend:
    """[before, now] pairs for the headline numbers, each category and each rule."""
    now, before = current["summary"], previous["summary"]

    def pairs(a: Mapping[str, int], b: Mapping[str, int]) -> dict[str, list[int]]:
        keys = sorted(set(a) | set(b), key=lambda k: (-max(a.get(k, 0), b.get(k, 0)), k))
        return {k: [a.get(k, 0), b.get(k, 0)] for k in keys}

    return {
        "previous_generated_at": previous.get("generated_at"),
        "summary": {k: [before[k], now[k]] for k in TREND_KEYS},
        "by_category": pairs(before["by_category"], now["by_category"]),
        "by_rule": pairs(before["by_rule"], now["by_rule"]),
    }


def with_trend(current: ReportData, previous: ReportData) -> ReportData:
    """A copy of `current` with its trend against `previous`; rules only the old report names are
    added to the rule table so the trend can label them."""
    data: ReportData = dict(current)  # type: ignore[assignment]
    data["trend"] = compare(current, previous)
    rules = dict(current["rules"])
    for code, rule in previous.get("rules", {}).items():
        rules.setdefault(code, rule)
    data["rules"] = rules
    return data


def dumps(data: ReportData) -> str:
    """`--output-format json`: the data behind the report, stable key order."""
    return json.dumps(data, indent=1, ensure_ascii=False, default=str) + "\n"


def loads(text: str) -> ReportData:
    """Read a report written by `dumps`, refusing anything else with a ReportFormatError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportFormatError(f"not JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise ReportFormatError(f"not a {SCHEMA} report (schema: {found!r})")
    summary = data.get("summary")
    if not isinstance(summary, dict) or not all(k in summary for k in (*TREND_KEYS, "by_category", "by_rule")):
        raise ReportFormatError("the report has no complete summary")
    return data  # type: ignore[return-value]
