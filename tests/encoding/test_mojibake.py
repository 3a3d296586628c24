"""find_mojibake on article-like text: what must pass, what must fail, and where the spans go."""

from __future__ import annotations

import ftfy
import pytest

import lint.encoding.mojibake as mojibake_module
from lint.diagnostic import Edit
from lint.encoding import Mojibake, find_mojibake
from lint.encoding.align import changed_spans
from tests.conftest import SHARED

SEED_000 = SHARED / "seeds" / "000_42cfa97cd7b3d30b.txt"

CLEAN = [
    "The Na⁺/K⁺-ATPase moves 3 Na⁺ out and 2 K⁺ in per ATP.",
    "Incubate at 37 °C for 5 min; store at −20 °C.",
    "A café serves a naïve façade; résumé, señor, São Paulo, Zürich, Kraków, Dvořák, Erdős.",
    "The α-helix and β-sheet; ΔG°′ = −30.5 kJ/mol; λ = 500 nm; σ, χ² test, p < 0.05.",
    "Depolarization — then repolarization – then rest… “quoted” and ‘single’, it’s done.",
    "3 × 10⁸ m/s ± 0.5; 10 µm; A → B ⇌ C; pH ≈ 7.4, ≤ 5, ≥ 3, ½, ¼, ², ³, °F.",
    "© 2025 QuickTakes®, Inc™; €5, £3, ¥100; «citation», „Zitat“.",
    "细胞膜上的钠钾泵 and 日本語 text with 한국어 and Ελληνικά and русский.",
    "Emoji 🧬🔬💡 and symbols ✔ ✓ ★ • §2 ¶3.",
    "Fe²⁺ + 2e⁻ → Fe; Ca²⁺-ATPase; Cl⁻ channels; NADH → NAD⁺; Ångström Å; Ø 5 mm; Straße; Œuvre.",
]

BROKEN = [
    # (text, [(bad, fixed), ...])
    ("Hereâ€™s a detailed explanation", [("â€™", "’")]),
    ("Incubate at 37 Â°C", [("Â°", "°")]),
    ("A cafÃ© in SÃ£o Paulo", [("Ã©", "é"), ("Ã£", "ã")]),
    ("The pump â€” an ATPase â€” works", [("â€”", "—"), ("â€”", "—")]),
    ("She said â€œyesâ€\x9d.", [("â€œ", "“"), ("â€\x9d", "”")]),
    ("Î±-helix and Î²-sheet", [("Î±", "α"), ("Î²", "β")]),
    ("10 Âµm Â± 2", [("Âµ", "µ"), ("Â±", "±")]),
    ("doubly encoded: doesnÃ¢â‚¬â„¢t", [("Ã¢â‚¬â„¢", "’")]),
    ("windows-1251 route: itвЂ™s", [("вЂ™", "’")]),
]


@pytest.mark.parametrize("text", CLEAN)
def test_real_non_ascii_text_is_not_flagged(text: str) -> None:
    assert find_mojibake(text) == []


@pytest.mark.parametrize("text,expected", BROKEN)
def test_mojibake_is_flagged_with_minimal_span(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_mojibake(text)
    assert [(m.bad, m.fixed) for m in found] == expected
    assert all(text[m.start : m.end] == m.bad for m in found)


def test_repair_is_encoding_only() -> None:
    """fix_text would straighten the curly quotes and unescape &amp;; we must not."""
    text = "“Curly” stays, &amp; stays, &nbsp; stays, but Hereâ€™s is repaired"
    found = find_mojibake(text)
    assert [(m.bad, m.fixed) for m in found] == [("â€™", "’")]
    assert ftfy.fix_text(text) != text.replace("â€™", "’")  # the thing we avoid


def test_one_sequence_in_a_long_answer_line() -> None:
    line = "    " + "The pump restores the gradient. " * 80 + "Hereâ€™s why." + " It uses ATP." * 80
    assert len(line) > 3000
    (found,) = find_mojibake(line)
    assert (found.bad, found.fixed) == ("â€™", "’")
    assert line[found.start : found.end] == "â€™"
    assert found.in_context(line) == ("Hereâ€™s", "Here’s")


def test_many_sequences_in_a_long_line_with_real_curly_quotes() -> None:
    """The real ’ makes ftfy fall back to its piecewise repair; every sequence still found."""
    line = " ".join(["It’s fine, itâ€™s a cafÃ© at 37 Â°C."] * 150)
    found = find_mojibake(line)
    assert len(found) == 450
    assert {(m.bad, m.fixed) for m in found} == {("â€™", "’"), ("Ã©", "é"), ("Â°", "°")}


def test_space_that_was_byte_a0_is_repaired_in_a_long_line() -> None:
    """restore_byte_a0 changes an ASCII space, so the fast alignment fails: spans stay small."""
    line = " ".join(["voilÃ  le cafÃ© Â°C"] * 300)
    found = find_mojibake(line)
    assert {(m.bad, m.fixed) for m in found} == {("Ã ", "à"), ("Ã©", "é"), ("Â°", "°")}
    assert all(m.end - m.start <= 2 for m in found)


def test_offsets_across_lines_and_crlf() -> None:
    text = "---\r\ntitle: >-\r\n    CafÃ© study\r\nanswer: >-\r\n    Hereâ€™s one.\\n\\nAnd 37 Â°C.\r\n---\r\n&nbsp;\r\n"
    found = find_mojibake(text)
    assert [text[m.start : m.end] for m in found] == ["Ã©", "â€™", "Â°"]
    assert all("\r" not in m.bad and "\n" not in m.bad for m in found)


def test_every_edit_can_be_applied_and_a_second_pass_finds_nothing() -> None:
    text = "Hereâ€™s a cafÃ©\nand Î±-helix at 37 Â°C\n"
    found = find_mojibake(text)
    assert [m.edit() for m in found] == [Edit(m.start, m.end, m.fixed) for m in found]
    fixed = text
    for m in reversed(found):
        fixed = fixed[: m.start] + m.fixed + fixed[m.end :]
    assert fixed == "Here’s a café\nand α-helix at 37 °C\n"
    assert find_mojibake(fixed) == []


def test_seed_000() -> None:
    text = SEED_000.read_bytes().decode("utf-8")
    (found,) = find_mojibake(text)
    assert (found.bad, found.fixed) == ("â€™", "’")
    assert found.in_context(text) == ("Hereâ€™s", "Here’s")
    assert found.steps == ("encode:sloppy-windows-1252", "decode:utf-8")
    assert not found.lossy and not found.c1_only


def test_lossy_and_c1_only_flags() -> None:
    (lossy,) = [m for m in find_mojibake("â€œlossy decodingâ€\ufffd") if m.lossy]
    assert lossy.fixed == "\ufffd"
    (c1,) = find_mojibake("Don\x92t")
    assert (c1.bad, c1.fixed, c1.c1_only) == ("\x92", "’", True)


def test_trim_keeps_what_ftfy_would_not_repair_alone() -> None:
    """A real ’ next to a sequence is cut off; "Â£Â£" is not cut into "Â£Â" -> "£"."""
    found = find_mojibake("Le barÃ¨me permet l’Ã©valuation des frais de dÃ©placement")
    assert [(m.bad, m.fixed) for m in found] == [("Ã¨", "è"), ("Ã©", "é"), ("Ã©", "é")]
    assert changed_spans("Â£Â£", "££") == [(0, 4, 0, 2)]
    assert changed_spans("日本â€™", "日本’") == [(2, 5, 2, 3)]  # CJK is never mojibake
    assert Mojibake(0, 1, "x", "y").edit() == Edit(0, 1, "y")


def test_alignment_always_rebuilds_the_repair() -> None:
    for old, new in [
        ("Ã perturber", "à perturber"),
        ("Ã  le", "à le"),
        ("ItÃ?Â¢â?¬â?¢s", "It\ufffd¢\ufffd\ufffds"),
    ]:
        rebuilt = old
        for i1, i2, j1, j2 in reversed(changed_spans(old, new)):
            rebuilt = rebuilt[:i1] + new[j1:j2] + rebuilt[i2:]
        assert rebuilt == new


def test_ascii_text_never_reaches_ftfy(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("ftfy called on clean text")

    monkeypatch.setattr(mojibake_module.ftfy, "fix_encoding_and_explain", fail)
    monkeypatch.setattr(mojibake_module, "is_bad", fail)
    assert find_mojibake("plain ASCII article\n" * 500) == []


def test_clean_non_ascii_text_never_reaches_the_repair(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("ftfy repair called on clean text")

    monkeypatch.setattr(mojibake_module.ftfy, "fix_encoding_and_explain", fail)
    assert find_mojibake("\n".join(CLEAN) + "\n" + " ".join(CLEAN) * 20) == []
