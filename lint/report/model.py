"""The report's data model: plain JSON-able dicts (TypedDicts), one structure behind every output.

`qtlint report --output-format json` writes a `ReportData` as is; `--compare OLD.json` reads one back.
Article references are indexes into `ReportData["articles"]`, so a path or title is stored once.
Lines and columns are 1-based (this is an edge of the program).
"""
from __future__ import annotations

from typing import TypedDict

SCHEMA = "qtlint-report/1"  # bumped when a field changes meaning; `load` refuses other values
SEVERITIES = ("error", "warning", "info")
NO_SUBJECT = "(no subject)"  # the subject bucket for articles whose subject could not be read


class ArticleRef(TypedDict):
    path: str  # display path, as the other formatters print it
    title: str | None  # None when the front matter could not be read
    subject: str | None
    id: int | str | None
    url: str | None


class Finding(TypedDict):
    article: int  # index into ReportData["articles"]
    line: int
    column: int
    code: str  # rule code, a key of ReportData["rules"]
    severity: str  # "error" | "warning" | "info" (after the engine's configuration)
    message: str
    fix: str | None  # what the fix on offer does, or None when there is no fix
    fix_applicability: str | None  # "safe" | "unsafe" | "display-only", None without a fix


class Rule(TypedDict):
    code: str
    name: str  # kebab-case
    category: str  # parse, schema, slug, reference, encoding, facts, grammar, qtlint
    severity: str  # default severity
    fixable: bool
    summary: str


class SubjectCounts(TypedDict):
    articles: int
    with_errors: int
    with_warnings: int
    with_info: int
    findings: int


class Summary(TypedDict):
    articles: int  # articles checked
    clean: int  # articles with no finding
    with_errors: int  # articles with at least one error
    with_warnings: int  # articles whose worst finding is a warning
    with_info: int  # articles whose worst finding is an info
    findings: int
    fixable: int  # findings with a fix on offer
    by_severity: dict[str, int]
    by_category: dict[str, int]  # sorted by count, largest first
    by_rule: dict[str, int]  # sorted by count, largest first
    by_subject: dict[str, SubjectCounts]  # sorted by article count, largest first


class LinkProblem(TypedDict):
    article: int  # the article whose related entry is wrong
    line: int
    field: str  # e.g. "related_article3"
    target_id: int | str | None  # the id as written in the entry
    target_url: str | None  # the url as written in the entry
    detail: str  # e.g. "no article has id 170608" or "title differs from the target's"


class DuplicateGroup(TypedDict):
    value: str  # the shared id (as text) or url
    articles: list[int]


class GraphHealth(TypedDict):
    articles: int  # nodes: the articles of the corpus
    links: int  # related entries, all of them
    resolved: int  # entries whose id names a known article (in the corpus, or published elsewhere)
    dangling: int  # entries whose id names no known article
    external: int  # resolved entries that name a published article outside the corpus
    stale: int
    orphans: int  # articles no other article links to
    without_links: int  # articles with no related entry of their own
    isolated: int  # neither linking nor linked
    components: int  # weakly connected components of the resolved links
    largest_component: int  # articles in the largest one
    mean_links: float  # related entries per article
    reciprocal: int  # resolved links whose target links back


class CorpusSection(TypedDict):
    dangling: list[LinkProblem]
    stale: list[LinkProblem]
    duplicate_ids: list[DuplicateGroup]
    duplicate_urls: list[DuplicateGroup]
    orphans: list[int]
    graph: GraphHealth


class Disagreement(TypedDict):
    article: int
    line: int
    value: str  # what the article states, e.g. "2 Na+ out : 3 K+ in"
    quote: str  # the sentence, as a reader sees it


class FactRow(TypedDict):
    id: str  # invariant id
    statement: str  # e.g. "The Na+/K+ pump moves 3 Na+ out and 2 K+ in per ATP."
    expected: str  # e.g. "3 Na+ out : 2 K+ in (per 1 ATP)"
    stating: int  # articles that state it (agreeing or not)
    agreeing: int
    disagreeing: int
    disagreements: list[Disagreement]


class Trend(TypedDict):
    previous_generated_at: str | None
    # each value is [before, now]; a key missing on one side counts 0 there
    summary: dict[str, list[int]]  # articles, clean, with_errors, with_warnings, findings, fixable
    by_category: dict[str, list[int]]
    by_rule: dict[str, list[int]]


class ReportData(TypedDict):
    schema: str  # SCHEMA
    tool: str  # e.g. "qtlint 0.1.0"
    generated_at: str  # ISO 8601, UTC
    roots: list[str]  # the paths that were checked, as given
    articles: list[ArticleRef]  # every article checked, with or without findings
    rules: dict[str, Rule]  # the rules that appear in findings (and in the trend)
    findings: list[Finding]  # sorted by article, line, column, code
    summary: Summary
    corpus: CorpusSection | None  # None when cross-article rules were not run
    facts: list[FactRow]  # empty when the facts rules were not run
    trend: Trend | None  # set by `with_trend` from an earlier report
