"""Per-stage cost of linting one article, single core, in microseconds an article.

    python benchmarks/stages.py CORPUS_DIR [--limit N]

Times, over the same files in one run: the floor (read + libyaml compose), reading, parsing into an
Article, each per-article rule module, the index entry, the content digest and the suppressions.
A tool for finding where the time goes, not a target: benchmarks/run.py holds the targets.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint import rules as registry
from lint.article import parse_article
from lint.cache import content_digest
from lint.config import Settings
from lint.corpus import index_entry
from lint.rules.context import RuleContext
from lint.suppression import find_suppressions


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("--limit", type=int, default=3000)
    args = parser.parse_args()
    files = sorted(str(p) for p in args.root.rglob("*.md"))[: args.limit]
    raws = [Path(f).read_bytes() for f in files]
    n = len(files)
    cost: dict[str, float] = {}

    def timed(label: str, fn) -> list:
        start = time.perf_counter()
        out = [fn(i) for i in range(n)]
        cost[label] = cost.get(label, 0.0) + time.perf_counter() - start
        return out

    def floor(i: int) -> None:
        with open(files[i], encoding="utf-8") as fh:
            text = fh.read()
        yaml.compose(text[4:text.find("\n---", 4)], Loader=yaml.CSafeLoader)

    timed("floor (read + compose)", floor)
    timed("read bytes", lambda i: open(files[i], "rb").read())
    articles = timed("parse_article", lambda i: parse_article(files[i], raws[i]).article)
    settings = Settings(root=args.root)
    ctx = RuleContext(settings)
    for module in registry.ARTICLE_RULES:
        if module.INFO.code.startswith("G"):
            continue
        label = f"rule {module.__name__.rsplit('.', 1)[1]}"

        def run(i: int, module=module) -> None:
            ctx.article_memo.clear()
            list(module.check(articles[i], ctx))
        run(0)  # build per-process services outside the timing
        timed(label, run)
    timed("index_entry", lambda i: index_entry(articles[i]))
    timed("find_suppressions", lambda i: find_suppressions(articles[i]))
    timed("content_digest", lambda i: content_digest(raws[i]))
    base = cost["floor (read + compose)"]
    for label, seconds in cost.items():
        print(f"{label:45} {seconds / n * 1e6:9.1f} us  {seconds / base:6.3f} x floor")
    total = sum(v for k, v in cost.items() if not k.startswith("floor"))
    print(f"{'sum of stages':45} {total / n * 1e6:9.1f} us  {total / base:6.3f} x floor")


if __name__ == "__main__":
    main()
