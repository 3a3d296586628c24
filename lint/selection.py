"""Which rules run: `select`/`ignore` with codes, code prefixes, category names or ALL.

As in ruff, the most specific selector wins: `--select G --ignore G002` runs G001 only, and
`--ignore G --select G001` runs G001 too. On a tie, ignore wins.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from .diagnostic import RuleInfo


def _specificity(selector: str, info: RuleInfo) -> int:
    if selector == "ALL":
        return 0
    if selector == info.category:
        return 1
    if info.code.startswith(selector):
        return len(selector)
    return -1


def is_known_selector(selector: str, rules: Mapping[str, RuleInfo]) -> bool:
    return any(_specificity(selector, info) >= 0 for info in rules.values())


class Selection:
    def __init__(self, select: Iterable[str], ignore: Iterable[str],
                 rules: Mapping[str, RuleInfo]) -> None:
        self.select, self.ignore = tuple(select), tuple(ignore)
        self.rules = rules
        self._enabled = {code: self._decide(info) for code, info in rules.items()}

    def _decide(self, info: RuleInfo) -> bool:
        best_select = max((_specificity(s, info) for s in self.select), default=-1)
        best_ignore = max((_specificity(s, info) for s in self.ignore), default=-1)
        return best_select >= 0 and best_select > best_ignore

    def enabled(self, code: str) -> bool:
        return self._enabled.get(code, True)

    def any_enabled(self, codes: Iterable[str]) -> bool:
        return any(self.enabled(c) for c in codes)


def matches(code: str, selectors: Iterable[str], rules: Mapping[str, RuleInfo]) -> bool:
    info = rules.get(code)
    if info is None:
        return any(code.startswith(s) or s == "ALL" for s in selectors)
    return any(_specificity(s, info) >= 0 for s in selectors)
