"""Report data for the tests: a small hand-made corpus and a 10,000-article synthetic one."""
from __future__ import annotations

import functools
import importlib.util
import json
import random
import sys
from pathlib import Path

from lint import rules as registry
from lint.diagnostic import Applicability, Diagnostic, Edit, Fix, RuleInfo, Severity
from lint.report import ArticleRef, FactRow, ReportData, assemble, corpus_section, dumps, loads, with_trend
from lint.report.data import rule_entry

ROOT = Path(__file__).resolve().parents[2]
EVIL_TITLE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Evil & co'


def load_generator():
    spec = importlib.util.spec_from_file_location("qt_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["qt_generate"] = module
    spec.loader.exec_module(module)
    return module


def rule_table() -> dict[str, RuleInfo]:
    known = registry.all_rules()
    table = dict(known) if isinstance(known, dict) else {r.code: r for r in known}
    table.setdefault("F001", RuleInfo("F001", "fact-contradiction", "facts", Severity.ERROR, False,
                                      "A sentence states a number that contradicts a known invariant."))
    table.setdefault("G001", RuleInfo("G001", "grammar", "grammar", Severity.WARNING, True,
                                      "A grammar or spelling mistake in the prose."))
    return table


def _art(path: str, title: str, subject: str, ident: int) -> ArticleRef:
    slug = path.rsplit("/", 1)[-1].removesuffix(".md")
    return {"path": path, "title": title, "subject": subject, "id": ident,
            "url": f"/learn/{subject.lower()}/questions/{slug}"}


def sample() -> ReportData:
    arts = [
        _art("nursing/explain-the-role-of-the-sodiumpotassium-pump.md",
             "Explain the role of the sodium-potassium pump in action potential recovery.", "Nursing", 170611),
        _art("nursing/explain-how-the-pump-sets-the-resting-potential.md",
             "Explain how the sodium-potassium pump contributes to the resting membrane potential.", "Nursing",
             170601),
        _art("biology/how-does-the-na--k-pump-utilize-energy.md",
             "How does the Na+ - K+ pump utilize energy to maintain ion gradients in cells?", "Biology", 166948),
        _art("biology/evil.md", EVIL_TITLE, "Biology", 166950),
        _art("biology/what-is-osmosis.md", "What is osmosis?", "Biology", 166951),
        _art("chemistry/what-is-le-chateliers-principle.md", "What is Le Chatelier's principle?", "Chemistry",
             180001),
        _art("chemistry/how-do-buffers-work.md", "How do buffer solutions resist changes in pH?", "Chemistry",
             180002),
        _art("physiology/describe-the-phases-of-an-action-potential.md",
             "Describe the phases of an action potential.", "Physiology", 190001),
        _art("physiology/how-does-the-baroreceptor-reflex-work.md", "How does the baroreceptor reflex work?",
             "Physiology", 190002),
        _art("physiology/clean-article.md", "How do chemoreceptors control breathing?", "Physiology", 190003),
    ]
    D = Diagnostic
    fix_moj = Fix((Edit(10, 16, "\u2019"),), Applicability.SAFE, "Replace \u201c\u00e2\u20ac\u2122\u201d with \u201c\u2019\u201d")
    fix_url = Fix((Edit(0, 5, "/learn/biology/questions/what-is-osmosis"),), Applicability.SAFE)
    diags = [
        D(arts[0]["path"], 20, 133, "E001", "Mojibake \u201cHere\u00e2\u20ac\u2122s\u201d: UTF-8 read as Windows-1252",
          Severity.ERROR, fix=fix_moj),
        D(arts[0]["path"], 28, 5, "R001", "related_article1 names id 170608, which no article has"),
        D(arts[1]["path"], 17, 5, "F001", "States 2 Na+ out : 3 K+ in; the Na+/K+ pump moves 3 Na+ out : 2 K+ in"),
        D(arts[2]["path"], 23, 40, "G001", "Possible spelling mistake: \u201cutilise\u201d", Severity.WARNING,
          fix=Fix((Edit(3, 9, "utilize"),), Applicability.UNSAFE)),
        D(arts[3]["path"], 4, 8, "S005", 'The title holds markup: <b onclick="x()">bold</b> & <script>alert(1)</script>'),
        D(arts[3]["path"], 9, 1, "S002", "Unknown field `autor` (did you mean `author`?)", Severity.WARNING),
        D(arts[4]["path"], 16, 6, "U001", "url is /learn/biology/questions/osmosis; expected "
          "/learn/biology/questions/what-is-osmosis", fix=fix_url),
        D(arts[5]["path"], 21, 1, "G001", "Sentence starts with a lowercase letter", Severity.INFO),
        D(arts[6]["path"], 30, 5, "R002", "related_article2's title is a stale copy of the target's title",
          fix=Fix((Edit(0, 3, "How do buffer solutions resist changes in pH?"),))),
        D(arts[7]["path"], 17, 5, "F001", "States a resting potential of -90 mV; a neuron rests near -70 mV"),
        D(arts[7]["path"], 12, 1, "S001", "Missing required field `author`"),
        D(arts[8]["path"], 2, 1, "Q001", "`# qtlint: ignore[U001]` suppresses nothing", Severity.WARNING),
        D("drafts/broken.md", 1, 1, "P005", "Invalid YAML: mapping values are not allowed here (line 3)"),
    ]
    links = [(0, 1), (0, None), (1, 0), (2, 4), (2, 3), (3, 2), (6, 5), (6, 5), (7, 8), (8, 7), (9, 7)]
    dangling = [{"article": 0, "line": 28, "field": "related_article1", "target_id": 170608,
                 "target_url": "/learn/nursing/questions/how-does-myelination-affect", "detail":
                 "no article has id 170608"}]
    stale = [{"article": 6, "line": 30, "field": "related_article2", "target_id": 180001,
              "target_url": "/learn/chemistry/questions/what-is-le-chateliers-principle",
              "detail": "title differs from the target's"}]
    corpus = corpus_section(len(arts), links, dangling=dangling, stale=stale,
                            duplicate_ids={166948: [2], 190001: [7, 8]},
                            duplicate_urls={"/learn/biology/questions/what-is-osmosis": [3, 4]})
    facts: list[FactRow] = [
        {"id": "NA_K_PUMP", "statement": "The Na+/K+ pump moves 3 Na+ out and 2 K+ in per ATP.",
         "expected": "3 Na+ out : 2 K+ in (per 1 ATP)", "stating": 3, "agreeing": 2, "disagreeing": 1,
         "disagreements": [{"article": 1, "line": 17, "value": "2 Na+ out : 3 K+ in",
                            "quote": "For every two sodium ions pumped out, three potassium ions are pumped in."}]},
        {"id": "RESTING_POTENTIAL", "statement": "A neuron rests near -70 mV.", "expected": "-70 mV (\u00b15 mV)",
         "stating": 4, "agreeing": 3, "disagreeing": 1,
         "disagreements": [{"article": 7, "line": 17, "value": "-90 mV",
                            "quote": "At rest the membrane sits at about -90 mV <script>x</script>."}]},
    ]
    return assemble(articles=arts, diagnostics=diags, rules=rule_table(), corpus=corpus, facts=facts,
                    tool="qtlint 0.1.0", roots=["content/"], generated_at="2025-02-06T10:00:00Z")


_SYNTHETIC_CODES = (("G001", 30), ("S002", 10), ("U001", 8), ("E001", 8), ("R002", 8), ("R001", 6),
                    ("F001", 4), ("S001", 4), ("S005", 3), ("U002", 3), ("Q001", 2), ("P005", 1))


@functools.lru_cache(maxsize=2)
def synthetic(n: int = 10_000, seed: int = 0) -> ReportData:
    """n generated articles; ~45% carry 1-8 findings of realistic kinds and lengths (cached: do not mutate)."""
    plan = load_generator().plan(n, seed)
    rng = random.Random(seed)
    rules = rule_table()
    arts = [_art(a.rel_path, a.title, a.subject, a.id) for a in plan]
    codes, weights = zip(*_SYNTHETIC_CODES)
    diags = []
    for a, p in zip(arts, plan):
        if rng.random() >= 0.45:
            continue
        for _ in range(rng.randint(1, 8)):
            code = rng.choices(codes, weights)[0]
            info = rules[code]
            sev = Severity.WARNING if code == "G001" and rng.random() < 0.7 else info.severity
            fix = Fix((Edit(0, 4, p.topic),), Applicability.SAFE) if info.fixable else None
            diags.append(Diagnostic(a["path"], rng.randint(2, 60), rng.randint(1, 120), code,
                                    f"{info.summary} (near \u201c{p.topic}\u201d in {p.process})", sev, fix=fix))
    index = {a.id: i for i, a in enumerate(plan)}
    links = [(i, index.get(plan[j].id)) for i, a in enumerate(plan) for j in a.related]
    return assemble(articles=arts, diagnostics=diags, rules=rules,
                    corpus=corpus_section(n, links), facts=sample()["facts"], tool="qtlint 0.1.0",
                    roots=["corpus/"], generated_at="2025-02-06T10:00:00Z")


def sample_with_trend() -> ReportData:
    """The sample compared with an older report that had more errors and a since-fixed rule."""
    now = sample()
    old = json.loads(dumps(now))
    s = old["summary"]
    s.update(with_errors=9, clean=0, findings=19, fixable=7)
    s["by_category"] = {**s["by_category"], "encoding": 4, "slug": 3, "schema": 2}
    s["by_rule"] = {**s["by_rule"], "E001": 4, "U001": 3, "S001": 0, "U002": 1}
    old["generated_at"] = "2025-01-30T09:00:00Z"
    old["rules"]["U002"] = rule_entry("U002", rule_table()["U002"])
    return with_trend(now, loads(json.dumps(old)))
