"""What the engine hands a rule besides the Article: its options and shared services."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..config import Settings


@dataclass
class RuleContext:
    settings: Settings
    # per-process services (schema validator, grammar backend, invariants): built once
    memo: dict[Any, Any] = field(default_factory=dict)
    # per-article results shared by several rules (schema problems, claims); cleared per file
    article_memo: dict[Any, Any] = field(default_factory=dict)

    def once(self, key: Any, compute: Callable[[], Any]) -> Any:
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def for_article(self, key: Any, compute: Callable[[], Any]) -> Any:
        if key not in self.article_memo:
            self.article_memo[key] = compute()
        return self.article_memo[key]

    def loud(self, quiet: Callable[[Any, RuleContext], bool], indices: list[int], articles: Sequence,
             memos: list[dict]) -> list[int]:
        """Of the articles at `indices`, those a rule group's test (a rule module's QUIET) cannot
        clear: the group's rules run on these only. QUIET(article, ctx) is True only when no rule
        of its group can report on the article (nor fail on it); it sees the article's memo as the
        rules do, and an error in it only means "not known".

        A trivial rule call costs ~0.2 us an article (the call, its memo lookups, the generator
        or the empty tuple, the extend); asked once an article for a group of 3-5 rules, the test
        spares all of them on the clean articles, most of a corpus."""
        out = []
        for i in indices:
            self.article_memo = memos[i]
            try:
                if quiet(articles[i].article, self):
                    continue
            except Exception:  # the rules themselves will report what went wrong
                pass
            out.append(i)
        return out
