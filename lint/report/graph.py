"""The corpus section: link-graph health numbers and orphans, computed in linear time."""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .model import CorpusSection, DuplicateGroup, GraphHealth, LinkProblem

EXTERNAL = -1  # a link target outside the corpus that does exist (a published article not in these files)


def graph_health(n_articles: int, links: Iterable[tuple[int, int | None]],
                 stale: int = 0) -> tuple[GraphHealth, list[int]]:
    """Health numbers and orphans (ascending) of the related-article graph.

    `links` holds one (source, target) pair per related entry, both article indexes; target is
    None when the entry names no known article (dangling) and EXTERNAL when it names a published
    article outside the corpus (it resolves, but is no node here). A self-link counts as a link
    but neither links the article to the rest nor saves it from being an orphan.
    """
    parent = list(range(n_articles))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # path halving keeps this near-constant
            x = parent[x]
        return x

    has_in = bytearray(n_articles)
    has_out = bytearray(n_articles)
    edges: set[tuple[int, int]] = set()
    total = resolved = dangling = external = 0
    for source, target in links:
        total += 1
        has_out[source] = 1
        if target is None:
            dangling += 1
            continue
        resolved += 1
        if target == EXTERNAL:
            external += 1
            continue
        if target == source:
            continue
        has_in[target] = 1
        edges.add((source, target))
        a, b = find(source), find(target)
        if a != b:
            parent[a] = b
    sizes: dict[int, int] = {}
    for i in range(n_articles):
        root = find(i)
        sizes[root] = sizes.get(root, 0) + 1
    orphans = [i for i in range(n_articles) if not has_in[i]]
    health: GraphHealth = {
        "articles": n_articles,
        "links": total,
        "resolved": resolved,
        "dangling": dangling,
        "external": external,
        "stale": stale,
        "orphans": len(orphans),
        "without_links": n_articles - sum(has_out),
        "isolated": sum(1 for i in range(n_articles) if not has_in[i] and not has_out[i]),
        "components": len(sizes),
        "largest_component": max(sizes.values(), default=0),
        "mean_links": round(total / n_articles, 2) if n_articles else 0.0,
        "reciprocal": sum(1 for s, t in edges if (t, s) in edges),
    }
    return health, orphans


def corpus_section(n_articles: int, links: Sequence[tuple[int, int | None]], *,
                   dangling: Sequence[LinkProblem] = (), stale: Sequence[LinkProblem] = (),
                   duplicate_ids: Mapping[object, Sequence[int]] | None = None,
                   duplicate_urls: Mapping[str, Sequence[int]] | None = None) -> CorpusSection:
    """Assemble the corpus section; only groups of two or more articles count as duplicates."""
    health, orphans = graph_health(n_articles, links, stale=len(stale))
    return {
        "dangling": list(dangling),
        "stale": list(stale),
        "duplicate_ids": _groups(duplicate_ids),
        "duplicate_urls": _groups(duplicate_urls),
        "orphans": orphans,
        "graph": health,
    }


def _groups(groups: Mapping[object, Sequence[int]] | None) -> list[DuplicateGroup]:
    out: list[DuplicateGroup] = [{"value": str(value), "articles": sorted(set(members))}
                                 for value, members in (groups or {}).items() if len(set(members)) > 1]
    return sorted(out, key=lambda g: (-len(g["articles"]), g["value"]))
