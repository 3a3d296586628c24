"""What a passage gave, remembered for the next time the same passage comes (articles restate
facts in the same words: the generated corpus and the seeds share whole sentences).

A passage's mentions, cues and claim depend only on its own text (clean and lowered), the one
character before it (the patterns look back one character at most: word boundaries,
`(?<![\\w])`), where its list items start, and, for the claim, its context (scan.Carry) when
it asks for it. So that is the key. An invariants file with a `re:` phrase that looks further
back (a lookbehind) gets no memo. Results are kept relative to the passage start; the quote is
made afresh from the field.
"""
from __future__ import annotations

from .model import Invariants
from .passages import Passage, Prepared

Key = tuple


class PassageMemo:
    """Mentions and results of passages, for one invariant, at most `size` of each."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.found: dict[Key, tuple] = {}
        self.may: dict[Key, bool] = {}  # ratio.may_claim / quantity.may_claim
        self.results: dict[tuple[Key, object], tuple] = {}
        self.carries: dict[Key, object] = {}  # what a passage without values carries (scan.Carry)

    @staticmethod
    def key(field: Prepared, passage: Passage) -> Key:
        start, end = passage.start, passage.end
        before = max(start - 1, 0)
        return (field.clean[start:end], field.low[start:end], field.clean[before:start], field.low[before:start],
                tuple(item - start for item in passage.items))

    def remember(self, table: dict, key: object, value: object) -> None:
        if len(table) >= self.size:
            table.clear()  # bounded: a run over many distinct passages starts again
        table[key] = value


def looks_back(invariants: Invariants) -> bool:
    """Whether some `re:` phrase of the file has a lookbehind."""
    vocab = invariants.vocabulary
    sets = [vocab.not_directions, vocab.negations, vocab.negative, vocab.positive, *(p for _, p in vocab.directions)]
    for inv in invariants:
        lf = inv.look_for
        sets += [lf.subject, lf.confusers, lf.applies, lf.excluded, inv.unit_pattern,
                 *(part.pattern for part in inv.parts)]
    return any(phrase.group == "other" and "(?<" in phrase.body
               for terms in sets if terms is not None for phrase in terms.phrases)
