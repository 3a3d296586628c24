"""Factual invariants (issue 5): facts written down once in schemas/invariants.yaml and checked
in every article.

    invariants = load_invariants()            # raises InvariantsError (file:line: what to fix)
    claims = find_claims(answer, invariants)  # [Claim(invariant_id, start, end, quote, value,
                                              #        agrees, expected)]
    table = facts_table([(path, claims), ...], invariants)
    table.to_json(); table.render_text()
"""
from __future__ import annotations

from .extract import find_claims
from .load import InvariantsError, Problem, default_path, load_invariants, parse_invariants, read_invariants
from .model import Claim, Invariant, Invariants
from .table import FactsRow, FactsTable, facts_table

__all__ = [
    "Claim", "FactsRow", "FactsTable", "Invariant", "Invariants", "InvariantsError", "Problem",
    "default_path", "facts_table", "find_claims", "load_invariants", "parse_invariants", "read_invariants",
]
