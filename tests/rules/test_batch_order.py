"""The rules run rule after rule over a batch (lint/worker.py lint_sources), each article with its
own memo: findings there are the plain implementations' (tests/rules/reference_rules.py), on
edited articles, for batches larger than any small cache of recent answers (lint/chars.py)."""
from __future__ import annotations

import random
from pathlib import Path

from lint.article import parse_article
from lint.config import Settings
from lint.rules.context import RuleContext
from tests.conftest import seed_text
from tests.rules.reference_rules import REFERENCE
from tests.rules.test_fast_paths import MODULES, mutate


def test_rule_after_rule_over_a_batch_matches_the_plain_implementations() -> None:
    rng = random.Random(23)
    ctx = RuleContext(Settings(root=Path(".")))
    base = [seed_text("000"), seed_text("001"), seed_text("002")]
    found = 0
    for _ in range(8):
        articles = []
        for n in range(60):
            text = mutate(rng.choice(base), rng) if n % 4 else rng.choice(base)
            article = parse_article(rng.choice(["a/x.md", f"b/{n}.md"]), text.encode("utf-8", "surrogatepass")).article
            if article is not None:
                articles.append(article)
        memos: list[dict] = [{} for _ in articles]
        got: list[list] = [[] for _ in articles]
        for module in MODULES:
            for i, article in enumerate(articles):
                if article.data is None and not getattr(module, "TEXT_ONLY", False):
                    continue
                ctx.article_memo = memos[i]
                got[i].extend(module.check(article, ctx))
        for i, article in enumerate(articles):
            want = [d for module in MODULES
                    if article.data is not None or getattr(module, "TEXT_ONLY", False)
                    for d in REFERENCE[module.INFO.code](article)]
            assert got[i] == want, article.text
            found += len(want)
    assert found > 200  # the edits do make findings
