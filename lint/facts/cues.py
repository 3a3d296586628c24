"""All the cue phrases of an invariant (subject, confusers, settings, negations, sign words,
directions), found in a passage with one scan instead of one scan per phrase list.

A passage of a fact is short, but each phrase list was a regex scan of it, about a dozen per
passage. Most phrases start a word (`(?<![\\w])`), so a match can only start where one of their
first words does: one regex of all those first words ("heads", lowered) finds the few candidate
places, and each list's own regex is then tried at them, in order, as its `finditer` would: at
each place where it matches, the match is the one `finditer` finds there, and it resumes after it.
Lists that cannot be indexed so (`re:` terms, non-ASCII phrases, phrases that do not start a
word) are scanned as before. `spans()` gives the very spans of `scan.find` over every list.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .scan import Span
from .starts import matches_at
from .terms import Group, TermSet, longest_first


class CueIndex:
    def __init__(self, lists: Iterable[tuple[str, str, TermSet | None]]) -> None:
        """`lists`: (kind, label, phrases) in the order `scan.find` would be called."""
        self.lists = [(kind, label) for kind, label, terms in lists if terms is not None]
        terms_of = [terms for _, _, terms in lists if terms is not None]
        self.indexed: list[tuple[int, Group]] = []  # (list number, group whose matches start at a head)
        self.scanned: list[tuple[int, Group]] = []
        heads: dict[str, set[int]] = {}
        for number, terms in enumerate(terms_of):
            for group in terms.groups:
                if group.heads is None:
                    self.scanned.append((number, group))
                    continue
                for head in group.heads:
                    heads.setdefault(head, set()).add(len(self.indexed))
                self.indexed.append((number, group))
        # the screen finds the longest head at a place; the shorter heads there are its prefixes
        self.groups_at = {head: sorted(set().union(*(heads[h] for h in heads if head.startswith(h))))
                          for head in heads}
        # the heads' first characters are most letters: here a lookbehind first is cheaper
        self.screen = re.compile(rf"(?<![\w])(?:{longest_first(heads)})") if heads else None

    def spans(self, field, start: int, end: int) -> list[Span]:
        """Every cue in the passage field.clean[start:end] (field: a passages.Prepared)."""
        found: list[list[Span]] = [[] for _ in self.lists]
        places: dict[int, list[int]] = {}
        if self.screen is not None:
            for m in self.screen.finditer(field.low, start, end):
                for index in self.groups_at[m.group()]:
                    places.setdefault(index, []).append(m.start())
        for index, at in places.items():
            number, group = self.indexed[index]
            kind, label = self.lists[number]
            text = field.low if group.on_low else field.clean
            resume = start
            for place in at:
                if place >= resume:
                    m = group.pattern.match(text, place, end)
                    if m is not None:  # never empty: a head is a word
                        found[number].append(Span(place, m.end(), kind, label))
                        resume = m.end()
        for number, group in self.scanned:
            kind, label = self.lists[number]
            text = field.low if group.on_low else field.clean
            if group.starts is not None:  # never empty: they begin with a literal
                found[number] += [Span(a, b, kind, label)
                                  for a, b in matches_at(group.pattern, text, start, end, group.starts)]
            else:
                found[number] += [Span(m.start(), m.end(), kind, label)
                                  for m in group.pattern.finditer(text, start, end) if m.end() > m.start()]
        return [span for spans in found for span in spans]

