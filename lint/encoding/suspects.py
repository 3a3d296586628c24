"""Whether ftfy's badness regex can match anything in a text, from its distinct characters alone.

Most articles hold a few harmless non-ASCII characters (a curly apostrophe, an en dash, "°C").
ftfy's badness regex (ftfy.badness.BADNESS_RE) is a branch of short alternatives, and each
alternative needs characters from its own classes: "[c1]", "[bad][bad]", "[ÂÃÎÐ][...]"...
`may_be_bad(chars)` reads the regex's parsed form once and answers, for the set of non-ASCII
characters of a text, whether some alternative could match a string made of ASCII and those
characters only, ignoring their order. When none can, no line of the text looks bad to ftfy, so
there is no mojibake to look for. The answer errs only towards "may be" (anything not understood
counts as matching), never hides a match.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ftfy.badness import BADNESS_RE

Test = Callable[[frozenset], bool]  # can this piece match, given the text's non-ASCII characters?


def _always(_chars: frozenset) -> bool:
    return True


def _member(codes: list[int], ranges: list[tuple[int, int]]) -> Test:
    """A position that needs one of these characters, none of them ASCII."""
    singles = frozenset(map(chr, codes))

    def test(chars: frozenset) -> bool:
        return not singles.isdisjoint(chars) or any(lo <= ord(c) <= hi for c in chars for lo, hi in ranges)
    return test


def _position(op, av, constants) -> Test:
    """One character position: LITERAL, ANY or a class (IN)."""
    if op is constants.LITERAL:
        return _always if av < 128 else _member([av], [])
    if op is constants.IN:
        codes, ranges = [], []
        for item, value in av:
            if item is constants.LITERAL:
                if value < 128:
                    return _always
                codes.append(value)
            elif item is constants.RANGE:
                if value[0] < 128:
                    return _always
                ranges.append(value)
            else:  # a category (\s, \w), a negated class...: holds ASCII, or not understood
                return _always
        return _member(codes, ranges)
    return _always  # ANY, NOT_LITERAL: hold ASCII characters


def _sequence(items, constants) -> Test:
    tests: list[Test] = []
    for op, av in items:
        if op is constants.BRANCH:
            alternatives = [_sequence(alt, constants) for alt in av[1]]
            tests.append(lambda chars, alts=alternatives: any(t(chars) for t in alts))
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            if av[0] > 0:
                tests.append(_sequence(av[2], constants))
        elif op is constants.SUBPATTERN:
            if av[1] & re.IGNORECASE:  # an inline (?i: ...) group
                return _always
            tests.append(_sequence(av[3], constants))
        elif op in (constants.LITERAL, constants.IN, constants.ANY, constants.NOT_LITERAL):
            test = _position(op, av, constants)
            if test is not _always:
                tests.append(test)
        elif op is not constants.AT:  # anchors need no character; anything else: not understood
            return _always
    if not tests:
        return _always
    return lambda chars: all(t(chars) for t in tests)


def _compile(pattern: re.Pattern) -> Test:
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        if pattern.flags & re.IGNORECASE:  # case folding would widen every class
            return _always
        return _sequence(parser.parse(pattern.pattern, pattern.flags), constants)
    except Exception:  # another Python's parser: no shortcut, never a wrong answer
        return _always


_BADNESS = _compile(BADNESS_RE)


@functools.lru_cache(maxsize=1024)
def may_be_bad(chars: frozenset) -> bool:
    """Whether ftfy's badness regex may match some text whose non-ASCII characters are `chars`."""
    return _BADNESS(chars)
