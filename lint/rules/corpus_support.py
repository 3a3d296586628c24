"""Shared helpers of the cross-article (R) rules."""
from __future__ import annotations

from pathlib import Path

from ..article import Article, parse_article
from ..corpus import RELATED
from .context import RuleContext


def reparse(ctx: RuleContext, path: str) -> Article | None:
    """Parse a referring file again, only when a finding needs its positions (rare)."""
    def load() -> Article | None:
        try:
            raw = (Path(ctx.memo.get("cwd", ".")) / path).read_bytes()
        except OSError:
            return None
        return parse_article(path, raw, max_bytes=ctx.settings.max_file_size).article
    return ctx.once(("reparse", path), load)


def related_keys(article: Article) -> list[tuple[int, str]]:
    out = []
    for key in article.data or {}:
        m = RELATED.match(key) if isinstance(key, str) and key.startswith("related_") else None
        if m:
            out.append((int(m.group(1)), key))
    return sorted(out)
