"""Accepted words: domain terms the checkers do not know (schemas/dictionary.txt)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

_TRAILING_COMMENT = re.compile(r"\s+#.*$")
# Characters a tokenizer splits off a term: "Na+" is seen as "Na", "Ca2+" as "Ca2".
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")


@dataclass(frozen=True)
class AcceptedWords:
    """The terms of a dictionary file, in file order, and a digest of them for cache keys."""

    terms: tuple[str, ...]

    @cached_property
    def digest(self) -> str:
        # Of the sorted terms, not the file bytes: editing a comment keeps the cache.
        return hashlib.sha256("\n".join(sorted(set(self.terms))).encode()).hexdigest()

    def checker_words(self) -> list[str]:
        """Words to add to a checker's lexicon: each term, its parts, and its bare core."""
        words: dict[str, None] = {}
        for term in self.terms:
            for part in (term, *term.split()):
                words[part] = None
                core = _EDGE.sub("", part)
                if core:
                    words[core] = None
        return list(words)

    def accepts(self, flagged: str) -> bool:
        """Whether `flagged` (text a checker flagged) is an accepted term.

        Exact match, or the bare core of a term ("Na" for "Na+"), or a capitalised first letter
        (a sentence may start with "Repolarization").
        """
        lexicon = self._lexicon
        flagged = flagged.strip()
        if flagged in lexicon:
            return True
        return flagged[:1].isupper() and flagged[:1].lower() + flagged[1:] in lexicon

    @cached_property
    def _lexicon(self) -> frozenset[str]:
        return frozenset(self.checker_words())


def parse_accepted_words(text: str) -> AcceptedWords:
    terms: dict[str, None] = {}
    for line in text.splitlines():
        term = _TRAILING_COMMENT.sub("", line).strip()
        if term and not term.startswith("#"):
            terms[term] = None
    return AcceptedWords(tuple(terms))


def load_accepted_words(path: str | Path) -> AcceptedWords:
    """Read a dictionary file (UTF-8, one term per line, `#` comments). Raises OSError if unreadable."""
    return parse_accepted_words(Path(path).read_text(encoding="utf-8"))
