"""Cutting a field into passages only around some places: runs of consecutive passages.

The walk over a field's lines (passages.Prepared.walk) decides, line after line, whether a line
ending in ':' takes the list items after it into its passage. To cut only some lines, a walk must
start at a line the walk over all lines reaches (not an item taken into a lead-in), and the run
must start where no context comes from the passage before (context passes within a line or from
a heading). `cut` finds such starts, so its runs hold the very passages, in order, that the whole
field has around the places, and every passage in a run that takes context has it in the run.
"""
from __future__ import annotations

import bisect

from .passages import _MAX_ITEM_WORDS, Passage, Prepared


def cut(field: Prepared, spans: list[tuple[int, int]]) -> list[list[Passage]]:
    """The passages overlapping `spans` (sorted by start), in runs of consecutive passages."""
    runs: list[list[Passage]] = []
    next_line = 0  # where the last run's walk stopped
    for start, end in spans:
        last = _line_of(field, max(start, end - 1))
        if runs and next_line > last:
            continue  # already cut
        first = _run_start(field, _line_of(field, start))
        if runs and first <= next_line:  # joins the run in progress
            passages, next_line = field.walk(next_line, last + 1)
            runs[-1] += passages
        else:
            passages, next_line = field.walk(first, last + 1)
            runs.append(passages)
    return runs


def _line_of(field: Prepared, offset: int) -> int:
    return bisect.bisect_right(field.line_starts, offset) - 1


def _run_start(field: Prepared, index: int) -> int:
    """A line at or before `index` where a walk can start (see `_fresh_line`) and whose first
    passage takes no context from the passage before it: the walk also takes in the headings
    right above."""
    index = _fresh_line(field, index)
    while True:
        above = index - 1
        while above >= 0 and _blank(field, above):
            above -= 1
        if above < 0 or not field.line(above).heading:
            return index
        index = above  # a heading is never taken into a list, so the walk reaches it


def _fresh_line(field: Prepared, index: int) -> int:
    """The nearest line at or before `index` that the walk over all lines reaches (it is not
    taken into a lead-in's passage). Only list items are taken, and only right after a lead-in
    (a line ending in ':') or after another item taken (one sentence, at most 30 words)."""
    while index > 0 and field.line(index).item and _may_lead_into(field, index - 1):
        index -= 1
    return index


def _may_lead_into(field: Prepared, index: int) -> bool:
    line = field.line(index)
    if line.heading:
        return False
    content = field.clean[line.start:line.end].rstrip()
    return content.endswith(":") or (line.item and len(content.split()) <= _MAX_ITEM_WORDS)


def _blank(field: Prepared, index: int) -> bool:
    """The line holds no passage."""
    line = field.line(index)
    return not field.clean[line.start:line.end].strip()
