"""The explicit rule registry. Codes are stable for ever; a renamed rule keeps its code."""
from __future__ import annotations

from types import ModuleType

from ..diagnostic import RuleInfo
from . import (
    E001_mojibake,
    E002_replacement_character,
    E003_control_character,
    F001_fact_violation,
    G001_spelling,
    G002_grammar,
    R001_dangling_related,
    R002_stale_related,
    R003_duplicate_id,
    R004_duplicate_url,
    R005_self_related,
    R006_repeated_related,
    R007_related_numbering_gap,
    S001_missing_field,
    S002_unknown_field,
    S003_wrong_type,
    S004_invalid_date,
    S005_invalid_value,
    U001_url_mismatch,
    U002_file_name_mismatch,
    U003_path_name_mismatch,
    U004_title_mismatch,
    U005_seo_title_mismatch,
    U006_related_url_mismatch,
    housekeeping,
    parse,
)

# Per-article rules: `check(article, ctx)`.
ARTICLE_RULES: tuple[ModuleType, ...] = (
    S001_missing_field, S002_unknown_field, S003_wrong_type, S004_invalid_date, S005_invalid_value,
    U001_url_mismatch, U002_file_name_mismatch, U003_path_name_mismatch, U004_title_mismatch,
    U005_seo_title_mismatch, U006_related_url_mismatch,
    R005_self_related, R006_repeated_related, R007_related_numbering_gap,
    E001_mojibake, E002_replacement_character, E003_control_character,
    F001_fact_violation, G001_spelling, G002_grammar,
)
# Cross-article rules: `check_corpus(corpus, ctx)`.
CORPUS_RULES: tuple[ModuleType, ...] = (
    R001_dangling_related, R002_stale_related, R003_duplicate_id, R004_duplicate_url,
)

CATEGORIES = ("parse", "schema", "slug", "reference", "encoding", "facts", "grammar", "qtlint")


def all_rules() -> dict[str, RuleInfo]:
    infos = list(parse.INFOS) + list(housekeeping.INFOS)
    infos += [m.INFO for m in ARTICLE_RULES + CORPUS_RULES]
    return {info.code: info for info in sorted(infos, key=lambda i: i.code)}
