"""The facts engine as it was before it was made fast (lint/facts at commit b5ffd4d), kept
unchanged as the reference the fast engine must agree with, claim for claim
(tests/facts/test_reference.py). Do not edit: it is the definition of the expected results."""
from __future__ import annotations

from .extract import find_claims
from .load import load_invariants

__all__ = ["find_claims", "load_invariants"]
