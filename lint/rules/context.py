"""What the engine hands a rule besides the Article: its options and shared services."""
from __future__ import annotations

from collections.abc import Callable
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
