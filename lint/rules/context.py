"""What the engine hands a rule besides the Article: its options and shared services."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from ..config import Settings


@dataclass
class RuleContext:
    settings: Settings
    # per-run services and per-article memos (e.g. schema problems computed once for S-rules)
    memo: dict[Any, Any] = field(default_factory=dict)

    def once(self, key: Any, compute: Callable[[], Any]) -> Any:
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]
