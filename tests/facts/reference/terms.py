"""Phrases from invariants.yaml turned into regular expressions, and the words for numbers.

Everything here works on *normalised* text: `normalise()` maps superscripts, the unicode minus and
non-breaking spaces to ASCII one character for one character, so offsets never move.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# one character in, one character out: offsets in the normalised text are offsets in the original
_CHAR_MAP = str.maketrans({
    "⁺": "+", "⁻": "-", "−": "-", "‒": "-", "﹣": "-", "－": "-", "＋": "+",
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4",
    "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "’": "'", "‘": "'",
})


def normalise(text: str) -> str:
    """Same-length ASCII-ish copy of `text` (Na⁺ -> Na+, −70 -> -70)."""
    return text.translate(_CHAR_MAP)


_SEPARATOR = r"[\s\-–—/,]"


class TermError(ValueError):
    """A term that cannot be compiled; the message says why."""


def _phrase(term: str, word_start: bool) -> tuple[str, str]:
    """(group, regex source without the word-start check) for one phrase; see term_pattern."""
    if term.startswith("re:"):
        source = term[3:]
        try:
            re.compile(source)
        except re.error as exc:
            raise TermError(f"invalid regular expression {source!r}: {exc}") from None
        return "other", f"(?:{source})"
    phrase = normalise(term.strip())
    if not phrase or phrase == "*":
        raise TermError("empty phrase")
    wildcard = phrase.endswith("*")
    if wildcard:
        phrase = phrase[:-1]
    out = []
    for piece in re.split(rf"({_SEPARATOR}+)", phrase):
        if not piece:
            continue
        if re.fullmatch(rf"{_SEPARATOR}+", piece):
            # a space needs at least one separator in the text; a hyphen or slash may vanish
            out.append(f"{_SEPARATOR}+" if " " in piece else f"{_SEPARATOR}*")
        else:
            out.append(re.escape(piece))
    body = "".join(out)
    if wildcard:
        body += r"\w*"
    elif phrase[-1].isalpha():
        body += "(?:s|es)?"
    if wildcard or phrase[-1].isalnum():
        body += r"(?![\w])"
    case = "i" if phrase == phrase.lower() else "s"
    word = "word" if word_start and phrase[0].isalnum() else "other"
    return f"{word}-{case}", body


def term_pattern(term: str, word_start: bool = True) -> str:
    """Regex source for one phrase (see the header of schemas/invariants.yaml for the rules).

    `word_start=False` lets the phrase follow a letter or digit (units: "-70mV")."""
    group, body = _phrase(term, word_start)
    head = r"(?<![\w])" if group.startswith("word") else ""
    return f"(?i:{head}{body})" if group.endswith("-i") else f"(?:{head}{body})"


class TermSet:
    """A list of phrases, matched fast: one regex per kind of phrase (word-initial or not, any case
    or exact), so the word-start check and the case rule are tested once per position, not once
    per phrase. Where two phrases match at one place, `select()` keeps the longer."""

    def __init__(self, terms: Iterable[str], word_start: bool = True) -> None:
        ordered = sorted(set(terms), key=lambda t: (-len(t), t))
        groups: dict[str, list[str]] = {}
        for term in ordered:
            group, body = _phrase(term, word_start)
            groups.setdefault(group, []).append(body)
        self.patterns = []
        for group, bodies in sorted(groups.items()):
            head = r"(?<![\w])" if group.startswith("word") else ""
            flags = re.IGNORECASE if group.endswith("-i") else 0
            self.patterns.append(re.compile(f"{head}(?:{'|'.join(bodies)})", flags))
        # one alternation, longest first, for embedding in bigger patterns (parts, units)
        self.source = "|".join(term_pattern(t, word_start) for t in ordered)

    def finditer(self, text: str, start: int, end: int):
        for pattern in self.patterns:
            yield from pattern.finditer(text, start, end)


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
_ALL_WORDS = sorted([*UNITS_WORDS, *TENS_WORDS, "hundred", "thousand"], key=len, reverse=True)
_WORD = "(?:" + "|".join(_ALL_WORDS) + ")"
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
