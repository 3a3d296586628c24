"""Score qtlint's JSON findings against the manifest: per case what was missed and what was reported
that should not have been, and per category recall and precision."""
from __future__ import annotations

from dataclasses import dataclass, field

from tests.heldout.kit import CATEGORIES, Want

FAILING = ("error", "warning")  # "clean articles must get no error or warning"


def want_of(raw: dict) -> Want:
    return Want(raw["path"], raw["category"], raw["code"], tuple(raw["lines"]))


@dataclass
class CaseResult:
    kind: str
    files: list[str]
    missed: list[Want] = field(default_factory=list)
    found: list[Want] = field(default_factory=list)
    unexpected: list[dict] = field(default_factory=list)


def normalise(findings: list[dict]) -> list[dict]:
    out = []
    for f in findings:
        path = f["path"].replace("\\", "/")
        out.append({**f, "path": path[2:] if path.startswith("./") else path})
    return out


def score(cases: list[dict], findings: list[dict], categories: set[str],
          files: set[str] | None = None) -> list[CaseResult]:
    """Only expectations of `categories` (and findings of them, plus qtlint's own) count; with
    `files`, only cases whose files were all checked."""
    by_path: dict[str, list[dict]] = {}
    for f in normalise(findings):
        by_path.setdefault(f["path"], []).append(f)
    results = []
    for case in cases:
        if files is not None and not set(case["files"]) <= files:
            continue
        res = CaseResult(case["kind"], case["files"])
        expect = [want_of(w) for w in case["expect"] if w["category"] in categories]
        tolerate = [want_of(w) for w in case["tolerate"]]
        mine = [f for p in case["files"] for f in by_path.get(p, [])]
        used: set[int] = set()
        for w in expect:
            hit = next((i for i, f in enumerate(mine) if i not in used and w.matches(f)), None)
            if hit is None:
                res.missed.append(w)
            else:
                used.add(hit)
                res.found.append(w)
        for i, f in enumerate(mine):
            if i in used or f["severity"] not in FAILING:
                continue
            if f.get("category") not in categories and f.get("category") in CATEGORIES:
                continue
            if any(w.matches(f) for w in expect + tolerate):
                continue  # a second report of an expected defect, or a tolerated companion
            res.unexpected.append(f)
        results.append(res)
    return results


@dataclass
class Row:
    category: str
    expected: int = 0
    found: int = 0
    unexpected: int = 0
    clean_cases: int = 0
    clean_flagged: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None

    @property
    def precision(self) -> float | None:
        reported = self.found + self.unexpected
        return self.found / reported if reported else None


def table(results: list[CaseResult], categories: list[str]) -> list[Row]:
    rows = {c: Row(c) for c in [*categories, "qtlint"]}
    for r in results:
        for w in r.found:
            rows[w.category].expected += 1
            rows[w.category].found += 1
        for w in r.missed:
            rows[w.category].expected += 1
        for f in r.unexpected:
            rows.setdefault(f.get("category", "?"), Row(f.get("category", "?"))).unexpected += 1
        if r.kind.startswith("clean/"):
            flagged = {f.get("category") for f in r.unexpected}
            for c in rows:
                if c in categories:
                    rows[c].clean_cases += 1
                    rows[c].clean_flagged += c in flagged
    return [row for row in rows.values() if row.expected or row.unexpected or row.category in categories]


def render(rows: list[Row], title: str) -> str:
    def pct(x: float | None) -> str:
        return "   -  " if x is None else f"{100 * x:5.1f}%"
    lines = [title, f"{'category':10} {'expected':>8} {'found':>6} {'recall':>7} {'false+':>7} {'precision':>9}"
             f" {'clean flagged':>14}"]
    for r in rows:
        lines.append(f"{r.category:10} {r.expected:8} {r.found:6} {pct(r.recall):>7} {r.unexpected:7} "
                     f"{pct(r.precision):>9} {r.clean_flagged:>6}/{r.clean_cases:<7}")
    return "\n".join(lines)


def describe(results: list[CaseResult]) -> str:
    out = []
    for r in results:
        for w in r.missed:
            out.append(f"MISSED {r.kind}: {w.code or w.category} in {w.path} on line {'/'.join(map(str, w.lines[:4]))}")
        for f in r.unexpected:
            out.append(f"UNEXPECTED {r.kind}: {f['path']}:{f['line']}:{f['column']} {f['code']} {f['message'][:160]}")
    return "\n".join(out)
