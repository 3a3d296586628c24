"""Turn a prose field (as YAML gives it) into plain text for a grammar checker.

The `answer` of an article is Markdown kept on one line, with paragraph breaks written as the two
characters backslash + n. A checker fed that string raw reports `**`, `###`, list numbers and the
`\\n` escapes as errors, so the field is first reduced to plain text. Every plain-text character
remembers the range of the source string it came from, so a finding in the plain text maps back to
the field (and, through the article's source map, to a line and column of the file).

Blocks (paragraphs, headings, list items) are separated by a blank line in the plain text: both
Harper and LanguageTool treat a blank line as a paragraph boundary, so a heading without a full
stop is never glued to the sentence after it (a single newline is not enough for Harper).
Mojibake such as "Hereâ€™s" is repaired word by word with ftfy before checking: the encoding rule
owns that finding, and the grammar checker should see the words the author meant.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# A line break inside a prose field: the two characters backslash + n, or a real newline
# (a folded scalar with a blank line in it yields one).
_LINE_BREAK = re.compile(r"\\n|\r\n|\n")
_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_LIST_ITEM = re.compile(r"[ \t]*(?:\d{1,9}[.)]|[-*+])[ \t]+")
_QUOTE = re.compile(r"[ \t]*>[ \t]?")
_THEMATIC_BREAK = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_INDENT = re.compile(r"[ \t]*")

# Inline markup. Groups decide what each match becomes:
#   br       - an html line break, replaced by a space
#   drop     - markup removed from the plain text (emphasis, link brackets, html tags, code ticks)
#   entity   - an html entity, replaced by the character it stands for
#   escaped  - a Markdown backslash escape, replaced by the escaped character
_INLINE = re.compile(
    r"""
    (?=[*_`!\[\]<&\\])  # every alternative starts with one of these: fail fast elsewhere
    (?:(?P<br><[bB][rR]\s*/?>)                   # a line break inside a block: a space
  | (?P<drop>
        \*\*|__                                   # strong emphasis
      | (?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])   # *emphasis* (not 3 * 4)
      | (?<![\w_])_(?=[^\s_])|(?<=[^\s_])_(?![\w_])     # _emphasis_ (not snake_case)
      | !?\[(?=[^\]\n]*\]\([^)\s]*(?:\s+"[^"]*")?\))   # [ of a link or image
      | \]\([^)\s]*(?:\s+"[^"]*")?\)                  # ](url "title") of a link
      | </?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>      # html tag
      | `+                                            # code span ticks (the code stays)
    )
  | (?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});)
  | \\(?P<escaped>[!"\#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~]))
    """,
    re.VERBOSE,
)
_WORD = re.compile(r"\S+")
_MARKUP_CHAR = re.compile(r"[*_`\[\]<>&\\]")


@dataclass(frozen=True)
class Prose:
    """Plain text plus, for each of its characters, the source range it came from.

    `source_index[i]` is where plain character i starts in the source string and
    `source_end[i]` where it ends (exclusive). A copied character covers one source character;
    a character the conversion wrote (a paragraph break, an entity, a repaired word) covers the
    whole source range it replaces.
    """

    source: str
    plain: str
    source_index: tuple[int, ...]
    source_end: tuple[int, ...]

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map the plain span [start, end) to a span of the source string."""
        if not 0 <= start <= end <= len(self.plain):
            raise ValueError(f"span {start}:{end} outside plain text of length {len(self.plain)}")
        if start == end:  # an insertion point
            if start < len(self.plain):
                at = self.source_index[start]
            else:  # just after the last character, before any closing markup
                at = self.source_end[-1] if self.plain else len(self.source)
            return at, at
        return self.source_index[start], self.source_end[end - 1]


class _Builder:
    def __init__(self, repair_mojibake: bool) -> None:
        self.repair_mojibake = repair_mojibake
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def copy(self, source: str, start: int, end: int) -> None:
        """Copy source[start:end] one to one, repairing mojibake word by word."""
        if not self.repair_mojibake:
            self._copy_exact(source, start, end)
            return
        from ftfy import fix_text
        from ftfy.badness import is_bad

        if not is_bad(source[start:end]):
            self._copy_exact(source, start, end)
            return
        pos = start
        for word in _WORD.finditer(source, start, end):
            self._copy_exact(source, pos, word.start())
            if is_bad(word.group()):
                self.write(fix_text(word.group()), word.start(), word.end())
            else:
                self._copy_exact(source, word.start(), word.end())
            pos = word.end()
        self._copy_exact(source, pos, end)

    def _copy_exact(self, source: str, start: int, end: int) -> None:
        self.chars.extend(source[start:end])
        self.starts.extend(range(start, end))
        self.ends.extend(range(start + 1, end + 1))

    def write(self, text: str, start: int, end: int) -> None:
        """Write text that stands for source[start:end]."""
        self.chars.extend(text)
        self.starts.extend([start] * len(text))
        self.ends.extend([end] * len(text))


def _has_mojibake(text: str) -> bool:
    from ftfy.badness import is_bad  # ftfy is slow to import; ASCII text never needs it

    return is_bad(text)


def _inline(out: _Builder, source: str, start: int, end: int) -> None:
    if not _MARKUP_CHAR.search(source, start, end):
        out.copy(source, start, end)
        return
    pos = start
    for match in _INLINE.finditer(source, start, end):
        out.copy(source, pos, match.start())
        if match.group("br"):
            out.write(" ", match.start(), match.end())
        elif match.group("entity"):
            out.write(html.unescape(match.group("entity")), match.start(), match.end())
        elif match.group("escaped"):
            out.write(match.group("escaped"), match.start(), match.end())
        pos = match.end()
    out.copy(source, pos, end)


def _lines(source: str) -> list[tuple[int, int]]:
    """(start, end) of each line of the field, line breaks excluded."""
    lines = []
    pos = 0
    for brk in _LINE_BREAK.finditer(source):
        lines.append((pos, brk.start()))
        pos = brk.end()
    lines.append((pos, len(source)))
    return lines


def to_prose(source: str) -> Prose:
    """Reduce a prose field to plain text with one block (paragraph, heading, item) per paragraph."""
    # One mojibake test for the whole field; word-by-word repair only when it finds some.
    out = _Builder(repair_mojibake=not source.isascii() and _has_mojibake(source))
    previous = "blank"  # kind of the previous line: blank, heading, item, text
    gap_start = 0  # where the source between the previous block's text and this line starts
    for start, end in _lines(source):
        content_end = end
        if _INDENT.fullmatch(source, start, end) or _THEMATIC_BREAK.fullmatch(source, start, end):
            kind = "blank"
        elif heading := _HEADING.match(source, start, end):
            kind, start = "heading", heading.end()
            if close := _HEADING_CLOSE.search(source, start, end):
                content_end = close.start()
        else:
            kind = "text"
            while marker := (_QUOTE.match(source, start, end) or _LIST_ITEM.match(source, start, end)):
                if marker.re is _LIST_ITEM:
                    kind = "item"
                start = marker.end()
                if _INDENT.fullmatch(source, start, end):
                    break
            start = _INDENT.match(source, start, end).end()
        if kind == "blank" or _INDENT.fullmatch(source, start, content_end):  # nothing to check
            previous = "blank"
            continue
        if out.chars:
            # A line that continues a paragraph or list item (no blank line, no marker) is
            # the same block: join with a space. Anything else starts a new paragraph.
            joins = kind == "text" and previous in ("text", "item")
            out.write(" " if joins else "\n\n", gap_start, start)
        _inline(out, source, start, content_end)
        previous = kind
        gap_start = content_end
    plain = _LONG_TOKEN.sub(lambda m: "0" * len(m.group()), "".join(out.chars))
    return Prose(source, plain, tuple(out.starts), tuple(out.ends))


# No English word is this long; such a run is a URL, a hash, base64 or a broken export. It is
# replaced by a number of the same length (positions hold; a number is never misspelt, and
# blanks would trip the spacing rules) before checking: Harper's spelling suggestions on a
# 15 kB "word" took 40 s and 12 GB of memory.
_LONG_TOKEN = re.compile(r"\S{46,}")
