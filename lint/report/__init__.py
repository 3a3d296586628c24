"""`qtlint report`: the whole corpus at a glance, as one self-contained HTML page, a Markdown
summary, or the JSON data behind both.

Data model (lint/report/model.py; plain JSON-able TypedDicts, so `json.dumps` writes it and
`--compare OLD.json` reads it back). Articles are referred to by index into `articles`:

    ReportData
      schema        "qtlint-report/1"
      tool          "qtlint 0.1.0"
      generated_at  "2025-02-06T10:00:00Z"
      roots         ["content/"]
      articles      [ArticleRef{path, title, subject, id, url}]        every article checked
      rules         {code: Rule{code, name, category, severity, fixable, summary}}
      findings      [Finding{article, line, column, code, severity, message,
                             fix (what the fix does, or None), fix_applicability}]
      summary       Summary{articles, clean, with_errors, with_warnings, with_info, findings, fixable,
                            by_severity, by_category, by_rule, by_subject{subject: SubjectCounts}}
      corpus        CorpusSection{dangling, stale: [LinkProblem], duplicate_ids, duplicate_urls:
                                  [DuplicateGroup{value, articles}], orphans: [article],
                                  graph: GraphHealth} | None
      facts         [FactRow{id, statement, expected, stating, agreeing, disagreeing,
                             disagreements: [Disagreement{article, line, value, quote}]}]
      trend         Trend{previous_generated_at, summary, by_category, by_rule: {key: [before, now]}} | None

`with_errors` counts articles with an error; `with_warnings` / `with_info` count articles whose
worst finding is a warning / an info, so clean + the three add up to `articles`.

Building one (the CLI's `build_report_data` maps engine results onto these):
    assemble(articles=..., diagnostics=..., rules=..., corpus=..., facts=..., tool=..., roots=...)
        -> ReportData; computes `summary`, keeps the rule table to the codes that occur.
    corpus_section(n_articles, links, dangling=..., stale=..., duplicate_ids=..., duplicate_urls=...)
        -> CorpusSection; graph health and orphans from (source, target) index pairs, target
           None for a dangling link and EXTERNAL for a published article outside the corpus.
    with_trend(data, loads(old_json_text)) -> ReportData with `trend` set.

Rendering: render_html(data) -> str, render_markdown(data) -> str, dumps(data) -> str (JSON).
Progress: ProgressBar, the engine's progress(done, total) callback (silent unless stderr is a
terminal and the run has lasted a second).
"""
from __future__ import annotations

from .data import ReportFormatError, assemble, compare, describe_fix, dumps, loads, summarize, with_trend
from .graph import EXTERNAL, corpus_section, graph_health
from .html import render_html
from .markdown import render_markdown
from .model import (
                    SCHEMA,
                    ArticleRef,
                    CorpusSection,
                    Disagreement,
                    DuplicateGroup,
                    FactRow,
                    Finding,
                    GraphHealth,
                    LinkProblem,
                    ReportData,
                    Rule,
                    SubjectCounts,
                    Summary,
                    Trend,
)
from .progress import ProgressBar

__all__ = [
    "EXTERNAL", "SCHEMA", "ArticleRef", "CorpusSection", "Disagreement", "DuplicateGroup", "FactRow", "Finding",
    "GraphHealth", "LinkProblem", "ProgressBar", "ReportData", "ReportFormatError", "Rule", "SubjectCounts",
    "Summary", "Trend", "assemble", "compare", "corpus_section", "describe_fix", "dumps", "graph_health",
    "loads", "render_html", "render_markdown", "summarize", "with_trend",
]
