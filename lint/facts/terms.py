"""Phrases from invariants.yaml turned into regular expressions, and the words for numbers.

Everything here works on *normalised* text: `normalise()` maps superscripts, the unicode minus and
non-breaking spaces to ASCII one character for one character, so offsets never move.

Speed: an all-lowercase phrase is matched case-insensitively, and Python's `re` is many times slower
with IGNORECASE. So a TermSet also matches such phrases case-sensitively in `lowered()` text (same
length, same offsets), which gives the very same matches; `spans()` takes a prepared field that
holds both copies (`.clean` and `.low`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .starts import covering, literal_prefix, matches_at, occurs_at

# one character in, one character out: offsets in the normalised text are offsets in the original
_CHARS = {
    "⁺": "+", "⁻": "-", "−": "-", "‒": "-", "﹣": "-", "－": "-", "＋": "+",
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4",
    "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "’": "'", "‘": "'",
}
# the characters most often found in prose first: once none but ASCII is left, the work is done
_COMMON_FIRST = "’‘\u00a0−⁺"
_REPLACEMENTS = tuple(sorted(_CHARS.items(), key=lambda kv: (kv[0] not in _COMMON_FIRST,
                                                            _COMMON_FIRST.find(kv[0]))))


def normalise(text: str) -> str:
    """Same-length ASCII-ish copy of `text` (Na⁺ -> Na+, −70 -> -70).

    One `str.replace` per mapped character the text holds: a regex of the 27 characters took
    about 60 machine instructions a character of a non-ASCII text, a `str` search takes one."""
    for char, ascii_ in _REPLACEMENTS:
        if text.isascii():  # nothing (more) to map: the mapped characters are all non-ASCII
            return text
        if char in text:
            text = text.replace(char, ascii_)
    return text


def lowered(text: str) -> str:
    """Same-length copy in which an all-lowercase ASCII phrase matches, case-sensitively, exactly
    where it matches `text` with re.IGNORECASE.

    `str.lower()` does that for every character but four: "İ" lowers to two characters, and "ſ",
    "ı" and the Kelvin sign match "s", "i" and "k" under IGNORECASE (the Kelvin sign lowers to "k").
    tests/facts/test_terms_fast.py checks this over every code point."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text:
        text = text.replace("\u0130", "i")
    return text.lower().replace("\u017f", "s").replace("\u0131", "i")


_SEPARATOR = r"[\s\-–—/,]"
_SEPARATORS = re.compile(rf"({_SEPARATOR}+)")
_HEAD = re.compile(r"\w+")


class TermError(ValueError):
    """A term that cannot be compiled; the message says why."""


@dataclass(frozen=True)
class _Phrase:
    group: str  # word-i, word-s, other-i, other-s (phrases) or other (re: terms)
    body: str  # regex source without the word-start check
    pieces: tuple[str, ...] = ()  # the literal words of a phrase, separators left out
    leading: bool = False  # the phrase starts with its first piece (no separator before it)


def _parse(term: str, word_start: bool) -> _Phrase:
    """One phrase (or `re:` term); see term_pattern."""
    if term.startswith("re:"):
        source = term[3:]
        try:
            re.compile(source)
        except re.error as exc:
            raise TermError(f"invalid regular expression {source!r}: {exc}") from None
        return _Phrase("other", f"(?:{source})")
    phrase = normalise(term.strip())
    if not phrase or phrase == "*":
        raise TermError("empty phrase")
    wildcard = phrase.endswith("*")
    if wildcard:
        phrase = phrase[:-1]
    out, pieces = [], []
    for piece in _SEPARATORS.split(phrase):
        if not piece:
            continue
        if _SEPARATORS.fullmatch(piece):
            # a space needs at least one separator in the text; a hyphen or slash may vanish
            out.append(f"{_SEPARATOR}+" if " " in piece else f"{_SEPARATOR}*")
        else:
            out.append(re.escape(piece))
            pieces.append(piece)
    body = "".join(out)
    if wildcard:
        body += r"\w*"
    elif phrase[-1].isalpha():
        body += "(?:s|es)?"
    if wildcard or phrase[-1].isalnum():
        body += r"(?![\w])"
    case = "i" if phrase == phrase.lower() else "s"
    word = "word" if word_start and phrase[0].isalnum() else "other"
    return _Phrase(f"{word}-{case}", body, tuple(pieces), bool(pieces) and phrase.startswith(pieces[0]))


def _phrase(term: str, word_start: bool) -> tuple[str, str]:
    """(group, regex source without the word-start check) for one phrase; see term_pattern."""
    parsed = _parse(term, word_start)
    return parsed.group, parsed.body


def term_pattern(term: str, word_start: bool = True) -> str:
    """Regex source for one phrase (see the header of schemas/invariants.yaml for the rules).

    `word_start=False` lets the phrase follow a letter or digit (units: "-70mV")."""
    group, body = _phrase(term, word_start)
    head = r"(?<![\w])" if group.startswith("word") else ""
    return f"(?i:{head}{body})" if group.endswith("-i") else f"(?:{head}{body})"


@dataclass(frozen=True)
class Group:
    """One regex of a TermSet, as `spans()` runs it.

    `on_low`: the pattern is matched in the lowered text (an all-lowercase ASCII group, compiled
    without IGNORECASE). `heads`: for a group whose phrases all start a word and are ASCII, the
    lowered first word-characters of each phrase (a match can only start where one of them does);
    None when that cannot be said (a `re:` term, a non-ASCII phrase)."""

    pattern: re.Pattern[str]
    on_low: bool
    heads: tuple[str, ...] | None
    starts: tuple[str, ...] | None = None  # every match begins with one of these (starts.py)


class TermSet:
    """A list of phrases, matched fast: one regex per kind of phrase (word-initial or not, any case
    or exact), so the word-start check and the case rule are tested once per position, not once
    per phrase. Where two phrases match at one place, `select()` keeps the longer."""

    def __init__(self, terms: Iterable[str], word_start: bool = True) -> None:
        ordered = sorted(set(terms), key=lambda t: (-len(t), t))
        groups: dict[str, list[_Phrase]] = {}
        for term in ordered:
            parsed = _parse(term, word_start)
            groups.setdefault(parsed.group, []).append(parsed)
        self.patterns = []
        self.groups: tuple[Group, ...] = ()
        for group, phrases in sorted(groups.items()):
            head = r"(?<![\w])" if group.startswith("word") else ""
            source = f"{head}(?:{'|'.join(p.body for p in phrases)})"
            caseless = group.endswith("-i")
            self.patterns.append(re.compile(source, re.IGNORECASE if caseless else 0))
            ascii_ = group != "other" and all(p.pieces and "".join(p.pieces).isascii() for p in phrases)
            if caseless and not ascii_:
                fast = self.patterns[-1]  # matched with IGNORECASE, which finds no first characters
            else:
                fast = re.compile(_by_first_character(phrases, r"[\w]" if head else "") or source)
            heads = (tuple(lowered(_HEAD.match(p.pieces[0]).group()) for p in phrases)
                     if group.startswith("word") and ascii_ else None)
            starts = None
            if not caseless or ascii_:  # matched case-sensitively (in the lowered text or not)
                starts = covering(literal_prefix(p.body) if p.group == "other"
                                  else p.pieces[0] if p.leading else "" for p in phrases)
            self.groups += (Group(fast, caseless and ascii_, heads, starts),)
        self.all_start = all(g.starts is not None for g in self.groups)
        # one alternation, longest first, for embedding in bigger patterns (parts, units)
        self.source = "|".join(term_pattern(t, word_start) for t in ordered)
        # every match holds the lowered last word of its phrase: a cheap test that a passage may match
        phrases = [p for group in groups.values() for p in group]
        self.phrases = tuple(phrases)
        screenable = all(p.group != "other" and p.pieces and "".join(p.pieces).isascii() for p in phrases)
        keys = {lowered(p.pieces[-1]) for p in phrases} if screenable else set()
        self.screen = re.compile(longest_first(keys)) if keys else None

    def finditer(self, text: str, start: int, end: int):
        """Matches in a plain string (the reference behaviour; `spans` gives the same, faster)."""
        for pattern in self.patterns:
            yield from pattern.finditer(text, start, end)

    def spans(self, field, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of every match in field.clean[start:end], as `finditer` finds them."""
        out = []
        for group in self.groups:
            text = field.low if group.on_low else field.clean
            if group.starts is not None:
                out += matches_at(group.pattern, text, start, end, group.starts)
            else:
                out += [m.span() for m in group.pattern.finditer(text, start, end)]
        return out

    def may_match(self, field, start: int, end: int) -> bool:
        """False only if no phrase can match in field.clean[start:end] (one cheap scan)."""
        return self.screen is None or self.screen.search(field.low, start, end) is not None

    def occurs(self, field, start: int, end: int) -> bool:
        """Whether some phrase matches in field.clean[start:end] (possibly an empty `re:` match)."""
        if self.all_start:
            return any(occurs_at(g.pattern, field.low if g.on_low else field.clean, start, end, g.starts)
                       for g in self.groups)
        return self.may_match(field, start, end) and any(
            group.pattern.search(field.low if group.on_low else field.clean, start, end) is not None
            for group in self.groups)


def _by_first_character(phrases: list[_Phrase], guard: str) -> str | None:
    """The alternation of the phrases' bodies, in their order, grouped by first character (None if
    some phrase does not start with a literal one: a `re:` term, a leading separator)."""
    branches: list[tuple[str, str]] = []
    for p in phrases:
        if p.group == "other" or not p.leading:
            return None
        first = re.escape(p.pieces[0][0])
        branches.append((p.pieces[0][0], p.body[len(first):]))
    return first_character_alternation(branches, guard)


def first_character_alternation(branches: Iterable[tuple[str, str]], guard: str = "") -> str:
    """Regex source for `(?<!guard)(?:c1 rest1|c2 rest2|...)`: the branches (first character, regex
    source of the rest), tried at a place in their order; `guard` is a character class (`[\\w]`) the
    character before a match must not be in, or "".

    The same matches, found faster: `re` tries a pattern that starts with a lookbehind, or with
    branches it has to try one by one, at every position; this one starts with a set of characters,
    so `re` skips to the places that hold one and tries only the branches that start there. The
    guard is checked after the first character, as `(?<![\\w]c)`: the same test of the same
    character before the match."""
    grouped: dict[str, list[str]] = {}
    for first, rest in branches:
        grouped.setdefault(first, []).append(rest)
    out = []
    for first, rests in grouped.items():
        char = re.escape(first)
        check = f"(?<!{guard}{char})" if guard else ""
        out.append(f"{char}{check}(?:{'|'.join(rests)})")
    return "|".join(out)


def longest_first(words: Iterable[str], guard: str = "") -> str:
    """An alternation that matches, at a place, the longest of `words` found there (see
    first_character_alternation for `guard`)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return first_character_alternation(((w[0], re.escape(w[1:])) for w in ordered), guard)


def compile_terms(terms: Iterable[str], word_start: bool = True) -> TermSet | None:
    """The phrases as a TermSet; None for an empty list."""
    terms = list(terms)
    return TermSet(terms, word_start) if terms else None


# ---------------------------------------------------------------- numbers written as words

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
              "eighty": 80, "ninety": 90}
NUMBER_WORD_LIST = sorted([*UNITS_WORDS, *TENS_WORDS, "hundred", "thousand"], key=len, reverse=True)
_WORD = "(?:" + "|".join(NUMBER_WORD_LIST) + ")"
# in the lowered text: a digit, or a whole number word (every number, as NUMBER_WORDS or DIGITS
# finds it, starts with one)
NUMBER_SCREEN = re.compile(rf"\d|(?<![\w-]){_WORD}(?![\w])")
# the same test in two scans that `re` can run fast (see first_character_alternation)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile("(?:" + longest_first(NUMBER_WORD_LIST, r"[\w-]") + r")(?![\w])")


def has_number(low: str, start: int, end: int) -> bool:
    """Whether NUMBER_SCREEN finds something in low[start:end]."""
    return _DIGIT.search(low, start, end) is not None or _NUMBER_WORD.search(low, start, end) is not None
# "seventy", "seventy-five", "one hundred twenty"
NUMBER_WORDS = rf"(?i:(?<![\w-]){_WORD}(?:[\s-]+{_WORD})*(?![\w]))"
DIGITS = r"\d+(?:\.\d+)?|\.\d+"
SIGN_WORDS = {"minus": -1, "negative": -1, "plus": 1, "positive": 1}


def words_value(words: str) -> float | None:
    """'seventy-five' -> 75, 'one hundred twenty' -> 120; None if not a number."""
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", words.lower().strip()):
        if word in UNITS_WORDS:
            current += UNITS_WORDS[word]
            seen = True
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
            seen = True
        elif word == "hundred" and seen:
            current *= 100
        elif word == "thousand" and seen:
            total, current = total + current * 1000, 0
        else:
            return None
    return float(total + current) if seen else None


def number_value(text: str) -> float | None:
    text = text.strip()
    if re.fullmatch(DIGITS, text):
        return float(text)
    return words_value(text)
