"""The rules' fast paths (return nothing at once for the common clean article) give exactly the
findings of the plain implementations (tests/rules/reference_rules.py), on thousands of edited
articles; and each shortcut has text that must pass and text that must fail."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from ftfy.badness import is_bad
from ftfy.chardata import CHARMAP_ENCODINGS
from hypothesis import given, settings
from hypothesis import strategies as st

from lint import rules as registry
from lint.article import parse_article
from lint.chars import file_chars, non_ascii_chars
from lint.config import Settings
from lint.encoding.suspects import may_be_bad
from lint.entries import key_layout
from lint.rules.context import RuleContext
from lint.rules.U003_path_name_mismatch import file_name_of
from lint.suppression import find_suppressions
from tests.conftest import seed_text
from tests.rules.reference_rules import REFERENCE

MODULES = [m for m in registry.ARTICLE_RULES if m.INFO.code in REFERENCE]
JUNK = ["Hereâ€™s", "cafÃ©", "\x92", "\x85", "\ufffd", "\u2028", "\u2029", "Ã ", "’", "–", "°C", "Na⁺",
        "日本", "é", "Œx", "×²", "\x81", "â€", "Ã©Ã©", "\ufeff", "ØŸ", "Â ", "€", "ÂÂ", "\ufffd\ufffd"]
VALUES = ["1", "0", "-3", "true", "null", "''", "[1, 2]", "{a: 1}", "2025-02-30", "1.5", "x", "170611",
          '"170611"', "170608", "164599"]
KEYS = ["titel", "related_article7", "related_article3", "related_article0", "related_articleX",
        "related_article2", "related_article1", "id", "url", "title"]


def mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    ids = [line.partition("id: ")[2] for line in lines if "id: " in line]
    for _ in range(rng.randint(1, 5)):
        i = rng.randrange(1, max(2, len(lines) - 2))
        line, kind = lines[i], rng.randrange(11)
        if kind == 0:
            del lines[i]
        elif kind == 1:
            p = rng.randrange(len(line) + 1)
            lines[i] = line[:p] + rng.choice(JUNK) + line[p:]
        elif kind == 2 and ": " in line:
            lines[i] = line.split(": ")[0] + ": " + rng.choice(VALUES)
        elif kind == 3 and ":" in line:
            lines[i] = rng.choice(KEYS) + ":" + line.partition(":")[2]
        elif kind == 4:
            lines.insert(i, line)
        elif kind == 5:
            j = rng.randrange(1, max(2, len(lines) - 2))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == 6 and line.startswith("related_article"):
            lines[i] = f"related_article{rng.choice([1, 2, 3, 4, 5, 6, 9, 12])}:"
        elif kind == 7:
            lines[i] = line + "  # qtlint: ignore[" + rng.choice(["U001", "S", "E001", "R006"]) + "]"
        elif kind == 8:
            lines[i] = line.replace("the", "a", 1) if rng.random() < 0.5 else line.upper()
        elif kind == 9 and "id:" in line:
            lines[i] = line.split("id:")[0] + "id: " + rng.choice(["170611", "170608", "1", "[1]", "{x: 1}"])
        elif kind == 10 and ids:  # an id copied from the article or another related entry
            j = rng.choice([k for k, other in enumerate(lines) if other.startswith("    id: ")] or [i])
            lines[j] = "    id: " + rng.choice(ids)
    text = "\n".join(lines)
    return ("\ufeff" + text) if rng.random() < 0.05 else text.replace("\n", "\r\n") if rng.random() < 0.05 else text


def test_rules_match_the_plain_implementations() -> None:
    rng = random.Random(11)
    ctx = RuleContext(Settings(root=Path(".")))
    base = [seed_text("000"), seed_text("001"), seed_text("002")]
    checked = found = 0
    for n in range(1500):
        text = mutate(rng.choice(base), rng) if n % 10 else rng.choice(base)
        name = rng.choice(["a/explain-x.md", "b/" + str(n) + ".md", "x.md", "./c/.././d.md"])
        article = parse_article(name, text.encode("utf-8", "surrogatepass")).article
        if article is None:
            continue
        ctx.article_memo.clear()
        for module in MODULES:
            if article.data is None and not getattr(module, "TEXT_ONLY", False):
                continue
            got = list(module.check(article, ctx))
            want = list(REFERENCE[module.INFO.code](article))
            assert got == want, (module.INFO.code, text)
            found += len(got)
        checked += 1
    assert checked > 1000 and found > 300  # the edits do make findings


def test_each_shortcut_still_finds() -> None:
    ctx = RuleContext(Settings(root=Path(".")))
    text = seed_text("002")
    own = next(line[4:] for line in text.split("\n") if line.startswith("id: "))
    cases = {
        "U006": text.replace("    url: /learn/", "    url: /learn/x", 1),
        "R005": text.replace("\n    id: ", f"\n    id: {own}  #", 1),
        "R007": text.replace("related_article2:", "related_article4:", 1).replace(
            "related_article4:\n", "related_article9:\n", 1),
        "E001": text.replace("answer: >-\n    ", "answer: >-\n    Hereâ€™s ", 1),
        "E002": text.replace("answer: >-\n    ", "answer: >-\n    37 \ufffdC ", 1),
        "E003": text.replace("answer: >-\n    ", "answer: >-\n    a\u2028b \x85 ", 1),
        "U003": text,
    }
    for code, source in cases.items():
        article = parse_article("wrong-name.md", source.encode()).article
        module = next(m for m in MODULES if m.INFO.code == code)
        ctx.article_memo.clear()
        got = list(module.check(article, ctx))
        assert got and got == list(REFERENCE[code](article)), code
    clean = parse_article("x.md", text.encode()).article
    for module in MODULES:
        ctx.article_memo.clear()
        if module.INFO.code != "U003":
            assert list(module.check(clean, ctx)) == [], module.INFO.code


def test_repeated_related_ids() -> None:
    ctx = RuleContext(Settings(root=Path(".")))
    text = seed_text("002")
    ids = [line.split(": ")[1] for line in text.split("\n") if line.startswith("    id: ")]
    twice = text.replace(f"    id: {ids[1]}\n", f"    id: {ids[0]}\n", 1)
    unhashable = text.replace(f"    id: {ids[1]}\n", "    id: [1, 2]\n", 1)
    module = next(m for m in MODULES if m.INFO.code == "R006")
    for source, expected in ((twice, 1), (unhashable, 0), (text, 0)):
        article = parse_article("x.md", source.encode()).article
        ctx.article_memo.clear()
        got = list(module.check(article, ctx))
        assert len(got) == expected and got == list(REFERENCE["R006"](article))


MOJIBAKE_CHARS = sorted(set("".join(bytes(range(0x80, 0x100)).decode(e) for e in CHARMAP_ENCODINGS)))
ALPHABET = st.sampled_from(MOJIBAKE_CHARS + list("aeiostAEZ09 .,?!'\"-\t") + ["→", "⁺", "日", "√", "≈", "‚",
                                                                          "в", "β", "ā", "Г", "ў", "В"])


@settings(max_examples=3000, deadline=None)
@given(st.text(ALPHABET, min_size=1, max_size=6))
def test_may_be_bad_never_misses_a_badness_match(text: str) -> None:
    if is_bad(text):
        assert may_be_bad(frozenset(c for c in text if ord(c) > 127)), text


def test_may_be_bad_on_usual_and_damaged_characters() -> None:
    for usual in ["’", "–—°", "é", "→⁺", "日本", "€", "Ø", "ØÙ", "“”"]:
        assert not may_be_bad(frozenset(usual)), usual
    for damaged in ["Ã", "â€™", "é€", "Â", "\x92", "×²", "Œ", "\ufffd"]:
        assert may_be_bad(frozenset(damaged)), damaged


@pytest.mark.parametrize("source", ["---\nx: é\n---\n", "\ufeff---\nx: é\n---\n", "\ufeff---\nx: \ufeffé\n---\n",
                                    "---\nx: a\u2028b\x85\n---\r\n", "\ufeff---\nx: y\n---\n"])
def test_file_chars_equals_non_ascii_chars(source: str) -> None:
    article = parse_article("x.md", source.encode()).article
    fresh = article.text.encode().decode()  # an equal text that is not the same object
    assert file_chars(article.text, article.raw, article.has_bom) == non_ascii_chars(fresh)
    assert non_ascii_chars(article.text) == non_ascii_chars(fresh)


def test_non_ascii_chars_keeps_answers_apart() -> None:
    texts = [f"{i}é{chr(0x100 + i)}" for i in range(40)]
    for _ in range(2):
        for i, text in enumerate(texts):
            assert non_ascii_chars(text) == {"é", chr(0x100 + i)}


def test_suppressions_shortcut() -> None:
    text = seed_text("000")
    with_comment = text.replace("\nfile_name: ", "  # qtlint: ignore[U004]\nfile_name: ", 1)
    found = find_suppressions(parse_article("x.md", with_comment.encode()).article)
    assert len(found) == 1 and found[0][2] == ("U004",)
    assert find_suppressions(parse_article("x.md", text.encode()).article) == []
    in_value = text.replace("answer: >-\n    ", "answer: >-\n    # qtlint: ignore[E001] ", 1)
    assert find_suppressions(parse_article("x.md", in_value.encode()).article) == []


def test_key_layout() -> None:
    keys = ("id", "related_article2", "related_article1", "related_articleX", "related_article3\n")
    layout = key_layout(keys)
    assert layout.related == ((1, "related_article1"), (2, "related_article2"), (3, "related_article3\n"))
    assert layout.prefixed == ("related_article2", "related_article1", "related_articleX", "related_article3\n")
    assert layout.gap_free
    assert not key_layout(("related_article1", "related_article3")).gap_free
    assert not key_layout(("related_article999999",)).gap_free  # no loop up to N
    # seven digits or more: no entry the template reaches, only an unknown key (S002)
    assert key_layout(("related_article99999999999999",)).related == ()
    assert key_layout(()).gap_free and key_layout(()).related == ()


@pytest.mark.parametrize("path", ["a/b.md", "b.md", "a/b/", "a/.", "a/..", "", ".", "a//b.md", "/x/y.z"])
def test_file_name_of(path: str) -> None:
    from pathlib import PurePath

    assert file_name_of(path) == PurePath(path).name
