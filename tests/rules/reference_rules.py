"""The per-article rules as they were written before their fast paths (plain loops over the
article, no shared layouts or memos): the reference tests/rules/test_fast_paths.py compares the
shipped rules with, finding for finding."""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from lint.article import Article
from lint.diagnostic import Applicability, Diagnostic, Fix
from lint.encoding.lost import C1_CONTROL, REPLACEMENT_CHARACTER, LostCharacter
from lint.encoding.mojibake import Mojibake, _find_cached
from lint.rules.slug_rules import replace_value_fix
from lint.slug import expected_seo_title, slugify

RELATED = re.compile(r"^related_article([1-9][0-9]{0,5})$")
_SEPARATOR = re.compile("[\u2028\u2029]")
_LOST = re.compile(r"[\x80-\x9f\ufffd]")


def text_field(article: Article, *keys: object) -> str | None:
    value = article.get(*keys)
    return value if isinstance(value, str) else None


def expected_url(title: str, subject: str) -> str:
    return f"/learn/{slugify(subject)}/questions/{slugify(title)}"


def related_keys(article: Article) -> list[tuple[int, str]]:
    out = []
    for key in article.data or {}:
        m = RELATED.match(key) if isinstance(key, str) and key.startswith("related_") else None
        if m:
            out.append((int(m.group(1)), key))
    return sorted(out)


def find_mojibake(text: str) -> list[Mojibake]:
    """Every line through ftfy's badness test, without the character-set shortcut."""
    return [] if text.isascii() else list(_find_cached.__wrapped__(text))


def find_lost_characters(text: str) -> list[LostCharacter]:
    spans = sorted((m.start, m.end) for m in find_mojibake(text))
    found: list[LostCharacter] = []
    for match in _LOST.finditer(text):
        position = match.start()
        if any(s <= position < e for s, e in spans):
            continue
        char = match.group()
        kind = REPLACEMENT_CHARACTER if char == "\ufffd" else C1_CONTROL
        last = found[-1] if found else None
        if last is not None and last.end == position and last.kind == kind:
            found[-1] = LostCharacter(last.start, position + 1, last.text + char, kind)
        else:
            found.append(LostCharacter(position, position + 1, char, kind))
    return found


def u001(article: Article) -> Iterator[Diagnostic]:
    title, subject, url = (text_field(article, k) for k in ("title", "subject", "url"))
    if title is None or subject is None or url is None:
        return
    expected = expected_url(title, subject)
    if url != expected:
        fix = replace_value_fix(article, ("url",), expected, Applicability.UNSAFE, f"set url to {expected}")
        yield article.at_value("U001", ("url",), f"`url` does not match the title and subject: expected `{expected}`",
                               fix=fix, text=url)


def u002(article: Article) -> Iterator[Diagnostic]:
    title, file_name = text_field(article, "title"), text_field(article, "file_name")
    if title is None or file_name is None:
        return
    expected = slugify(title) + ".md"
    if file_name != expected:
        fix = replace_value_fix(article, ("file_name",), expected, Applicability.UNSAFE,
                                f"set file_name to {expected}")
        yield article.at_value("U002", ("file_name",), f"`file_name` does not match the title: expected `{expected}`",
                               fix=fix, text=file_name)


def u003(article: Article) -> Iterator[Diagnostic]:
    file_name = text_field(article, "file_name")
    if file_name is None:
        return
    actual = PurePath(article.path).name
    if actual != file_name:
        yield article.at_value("U003", ("file_name",),
                               f"the file is named `{actual}` but `file_name` says `{file_name}`: "
                               "rename the file or correct the field", text=file_name)


def u004(article: Article) -> Iterator[Diagnostic]:
    title = text_field(article, "title")
    if title is None:
        return
    for key in ("article_title", "question"):
        other = text_field(article, key)
        if other is not None and other != title:
            yield article.at_value("U004", (key,), f"`{key}` differs from `title`: expected {title!r}, found {other!r}",
                                   text=other)


def u005(article: Article) -> Iterator[Diagnostic]:
    subject, seo_title = text_field(article, "subject"), text_field(article, "seo", "title")
    if subject is None or seo_title is None:
        return
    expected = expected_seo_title(subject)
    if seo_title != expected:
        fix = replace_value_fix(article, ("seo", "title"), expected, Applicability.UNSAFE,
                                f"set seo.title to {expected}")
        yield article.at_value("U005", ("seo", "title"),
                               f"`seo.title` does not match the subject: expected `{expected}`", fix=fix, text=seo_title)


def u006(article: Article) -> Iterator[Diagnostic]:
    for key in article.data or {}:
        if not (isinstance(key, str) and key.startswith("related_article")):
            continue
        title, subject, url = (text_field(article, key, k) for k in ("title", "subject", "url"))
        if title is None or subject is None or url is None:
            continue
        expected = expected_url(title, subject)
        if url != expected:
            yield article.at_value("U006", (key, "url"),
                                   f"`{key}.url` does not match its title and subject: expected `{expected}`", text=url)


def r005(article: Article) -> Iterator[Diagnostic]:
    own = article.get("id")
    if own is None:
        return
    for _, key in related_keys(article):
        if article.get(key, "id") == own:
            yield article.at_value("R005", (key, "id"), f"`{key}` points at this article itself (id {own})",
                                   text=str(own))


def r006(article: Article) -> Iterator[Diagnostic]:
    first: dict[object, str] = {}
    for _, key in related_keys(article):
        target = article.get(key, "id")
        if target is None or isinstance(target, (list, dict)):
            continue
        if target in first:
            yield article.at_value("R006", (key, "id"), f"`{key}` lists article {target} again (already `{first[target]}`)",
                                   text=str(target))
        else:
            first[target] = key


def r007(article: Article) -> Iterator[Diagnostic]:
    numbers = related_keys(article)
    present = {n for n, _ in numbers}
    for n, key in numbers:
        missing = [m for m in range(1, n) if m not in present]  # n < 10**6: bounded
        if missing:
            gap = ", ".join(f"related_article{m}" for m in missing[:5])
            if len(missing) > 5:
                gap += f" and {len(missing) - 5} more"
            yield article.at_key("R007", (key,), f"`{key}` follows a gap: {gap} missing; renumber the entries from 1",
                                 text=key)
            return


def e001(article: Article) -> Iterator[Diagnostic]:
    text = article.text
    for m in find_mojibake(text):
        bad_word, fixed_word = m.in_context(text)
        applicability = Applicability.UNSAFE if (m.lossy or m.c1_only) else Applicability.SAFE
        fix = Fix((m.edit(),), applicability, f"replace {m.bad!r} with {m.fixed!r}")
        yield article.diagnostic("E001", m.start, m.end,
                                 f"mojibake {bad_word!r} should read {fixed_word!r} (UTF-8 decoded as a single-byte "
                                 "code page)", fix=fix, text=m.bad)


def e002(article: Article) -> Iterator[Diagnostic]:
    for lost in find_lost_characters(article.text):
        if lost.kind == REPLACEMENT_CHARACTER:
            yield article.diagnostic("E002", lost.start, lost.end,
                                     f"replacement character{'s' if len(lost.text) > 1 else ''} ({lost.codepoints}): "
                                     "the original text was lost; retype it from the source", text=lost.text)


def e003(article: Article) -> Iterator[Diagnostic]:
    text = article.text
    if text.isascii():
        return
    for m in _SEPARATOR.finditer(text):
        yield article.diagnostic(
            "E003", m.start(), m.end(),
            f"{'line' if m.group() == chr(0x2028) else 'paragraph'} separator (U+{ord(m.group()):04X}): "
            "invisible, and a line break to YAML; replace it with a space or a real line break", text=m.group())
    for lost in find_lost_characters(text):
        if lost.kind == C1_CONTROL:
            yield article.diagnostic(
                "E003", lost.start, lost.end,
                f"C1 control character{'s' if len(lost.text) > 1 else ''} ({lost.codepoints}): "
                "invisible and meaningless in an article; replace it with the intended character", text=lost.codepoints)


REFERENCE = {"U001": u001, "U002": u002, "U003": u003, "U004": u004, "U005": u005, "U006": u006,
             "R005": r005, "R006": r006, "R007": r007, "E001": e001, "E002": e002, "E003": e003}
