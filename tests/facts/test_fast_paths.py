"""The pieces the fast engine rests on give what the slow ways give: the lowered text (every code
point), normalise, a TermSet's lowered matching, the passages of a field cut in runs, the mention
scans near their anchors, the one-scan cue index."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.facts import load_invariants
from lint.facts.keys import first_words, last_words
from lint.facts.passages import _ABBREVIATIONS, Prepared
from lint.facts.runs import cut
from lint.facts.scan import find
from lint.facts.starts import literal_prefix
from lint.facts.terms import (
    _CHARS,
    NUMBER_SCREEN,
    compile_terms,
    has_number,
    longest_first,
    lowered,
    normalise,
)

from .conftest import REPO

ALL = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
TEXT = st.lists(st.sampled_from([
    "Na+", "Na⁺", "NA+", "sodium", "Sodium-Potassium pump", "ſodium", "\u212a+", "K", "ATP", "ATPase",
    " pumps", " pumped", "3", " two", ":", "∶", "/", " out", " into the cell", "−70", " mV", "mv", "V",
    " millivolts", " resting", " rest", " threshold", "\\n", "\\n- ", "\\n1. ", "\\n### ", "**", "*",
    "`", "__", ", ", "; ", ". ", "(", ")", " not", " if", "46", " chromosome pairs", " human",
    "\u00a0", "İ", "ı", " ", "x", " after-hyperpolarization", " in", " in.", " to", "-"]), max_size=30).map("".join)


def test_lowered_matches_exactly_where_ignorecase_does():
    low = "".join(lowered(c) for c in ALL)
    assert len(low) == len(ALL)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        caseless = {m.start() for m in re.finditer(f"(?i){letter}", ALL)}
        assert caseless == {m.start() for m in re.finditer(letter, low)}, letter
    for cls in (r"\w", r"\s", r"\d"):
        assert [m.start() for m in re.finditer(cls, ALL)] == [m.start() for m in re.finditer(cls, low)]


def test_lowered_keeps_length_and_word_characters_in_context():
    text = "ΑΣ İstanbul ſtraße \u212aelvin ıi Σ."
    assert len(lowered(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*_CHARS, "a", "+", " ", "é", "–"]), max_size=40))
def test_normalise_is_the_character_map(text):
    assert normalise(text) == text.translate(str.maketrans(_CHARS))


@pytest.fixture(scope="module")
def invariants():
    return load_invariants(REPO / "schemas" / "invariants.yaml")


def _term_sets(invariants):
    vocab = invariants.vocabulary
    sets = [vocab.not_directions, vocab.negations, vocab.negative, vocab.positive,
            *(p for _, p in vocab.directions)]
    for inv in invariants:
        lf = inv.look_for
        sets += [lf.subject, lf.confusers, lf.applies, lf.excluded, inv.unit_pattern,
                 *(part.pattern for part in inv.parts)]
    return [s for s in sets if s is not None]


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_termset_spans_are_finditer(invariants, text):
    field = Prepared(text)
    for terms in _term_sets(invariants):
        slow = [m.span() for m in terms.finditer(field.clean, 0, len(text))]
        assert terms.spans(field, 0, len(text)) == slow


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_keys_find_every_match(invariants, text):
    """first_words: where each match starts; last_words: a place inside each match."""
    field = Prepared(text)
    for terms in _term_sets(invariants):
        matches = [m.span() for m in terms.finditer(field.clean, 0, len(text)) if m.end() > m.start()]
        first, last = first_words(terms), last_words(terms)
        if first is not None:
            starts = {a for a, _ in first.places(field.rough, field.rough_low)}
            assert all(a in starts for a, _ in matches)
        if last is not None:
            places = last.places(field.rough, field.rough_low)
            assert all(any(a <= p < b for p, _ in places) for a, b in matches)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_cue_index_is_every_list_scanned(invariants, text):
    field = Prepared(text)
    vocab = invariants.vocabulary
    for inv in invariants:
        lf = inv.look_for
        lists = [("subject", "", lf.subject), ("confuser", "", lf.confusers), ("applies", "", lf.applies),
                 ("excluded", "", lf.excluded), ("negation", "", vocab.negations),
                 ("sign", "negative", vocab.negative), ("sign", "positive", vocab.positive)]
        if inv.kind == "ratio":
            lists += [("mask", "", vocab.not_directions)]
            lists += [("direction", name, pattern) for name, pattern in vocab.directions]
        for passage in field.passages:
            expected = [span for kind, label, terms in lists
                        for span in find(terms, field, passage.start, passage.end, kind, label)]
            def key(span):
                return span.start, span.end, span.kind, span.label
            assert sorted(inv.cues.spans(field, passage.start, passage.end), key=key) == sorted(expected, key=key)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.integers(0, 30))
def test_runs_are_slices_of_the_passages(text, seed):
    """Each run is consecutive passages of the field, starting where no context comes from before."""
    field = Prepared(text)
    every = list(field.passages)
    spans = sorted({(i, i + 1) for i in range(seed % 7, len(text), 5 + seed)})
    for run in cut(Prepared(text), spans):
        if not run:
            continue
        at = every.index(run[0])
        assert every[at:at + len(run)] == run
        if at > 0:
            previous = every[at - 1]
            assert not previous.heading and previous.line != run[0].line
    covered = {p for run in cut(Prepared(text), spans) for p in run}
    assert all(p in covered for p in every if any(p.start < b and a < p.end for a, b in spans))


def test_phrase_with_optional_hyphen_still_found_by_its_keys():
    terms = compile_terms(["after-hyperpolarization"])
    field = Prepared("the afterhyperpolarization and after hyperpolarization")
    matches = [m.start() for m in terms.finditer(field.clean, 0, len(field.clean))]
    starts = {a for a, _ in first_words(terms).places(field.rough, field.rough_low)}
    assert matches and set(matches) <= starts


NUMBERISH = st.lists(st.sampled_from([
    "three", "Three", "thirteen", "-three", "three-", "xthree", "threex", "_three", "twenty-five", "one hundred",
    "4", "٤", "²", "tone", "often", "bone", " ", "-", "_", ".", "a", "no", "none", "seventy", "ten"]), max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(NUMBERISH, st.integers(0, 5), st.integers(0, 5))
def test_has_number_is_the_number_screen(text, left, right):
    low = lowered(normalise(text))
    start, end = min(left, len(low)), max(len(low) - right, 0)
    assert has_number(low, start, end) == (NUMBER_SCREEN.search(low, start, end) is not None)


@pytest.mark.parametrize("text, found", [
    ("three sodium ions", True), ("the 3 ions", True), ("often tends", False), ("-three", False),
    ("sodium-three", False), ("threefold", False), ("twenty-five", True), ("none", False)])
def test_has_number_examples(text, found):
    assert has_number(text, 0, len(text)) is found


@pytest.mark.parametrize("guard", ["", r"[\w]", r"[\w-]"])
def test_first_character_alternation_is_the_plain_alternation(guard):
    words = ["in", "into", "inward", "out", "outward", "k+", "-to-", "a.b", "ab", "b"]
    fast = re.compile(longest_first(words, guard))
    plain = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    slow = re.compile(f"(?<!{guard})(?:{plain})" if guard else plain)
    for text in ["into the inward out", "x-to-y in-to a.b", "kin k+ xin _in -in", "b ab", "inwardly", ""]:
        for start in range(len(text) + 1):
            assert [m.span() for m in fast.finditer(text, start)] == [m.span() for m in slow.finditer(text, start)]


ABBREVIATED = st.lists(st.sampled_from([
    "e.g", "E.G", "i.e", "İ.e", "ı.e", "approx", "vs", "vſ", "VS", "etc", "fig", "figs", "al", "Dr", "no", "NO",
    "ch", "cH", "\u212a", "J", "Z", "a", "x", " ", ",", ".", "3", "70 ", "-70 V", "A. ", "x", "é", "É"]), max_size=6).map("".join)


@settings(max_examples=400, deadline=None)
@given(ABBREVIATED, st.integers(0, 3))
def test_abbreviation_check_is_the_regex(text, left):
    field = Prepared(text)
    start = min(left, len(text))
    expected = _ABBREVIATIONS.search(field.clean[start:]) is not None
    assert field._abbreviation(start, len(text)) == expected


@pytest.mark.parametrize("source, prefix", [
    (r"\bin\b(?=\s*(?:$|,))", "in"), (r"\bnot\b(?!\s+only\b)", "not"), (r"(?:ab)c", "abc"), (r"(?<=x)ab", "ab"),
    (r"a|b", ""), (r"[ab]c", ""), (r"(?i)abc", ""), (r"(?i:ab)c", ""), (r"ab*", "a"), (r"x(", "")])
def test_literal_prefix(source, prefix):
    assert literal_prefix(source) == prefix


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_termset_occurs_is_a_search(invariants, text):
    field = Prepared(text)
    for terms in _term_sets(invariants):
        found = any(True for _ in terms.finditer(field.clean, 0, len(text)))
        assert terms.occurs(field, 0, len(text)) == found
        for start in (1, 3):
            if start < len(text):
                assert terms.spans(field, start, len(text)) == [
                    m.span() for m in terms.finditer(field.clean, start, len(text))]


_PREFILTER_TEXT = st.lists(st.sampled_from([
    "pump", "Na+/K+-ATPase", "sodium", "potassium", "K+", "3", "2", ":", "3:2", " ratio", " to ", "-70",
    " mV", " millivolts", "V", " voltage", " resting", " potential", " neuron", "46", "23", " pairs",
    " chromosomes", " human", " people", " repair", " impair", " proton pump", "\\n- ", "**", " ", ".",
    "voltage-gated", " at rest", " value", " level"]), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(_PREFILTER_TEXT)
def test_prefilter_never_turns_away_a_field_with_an_anchor(invariants, text):
    """Invariants.needs (one word of each group of some plan) is only a screen: wherever some
    plan finds an anchor, the field passes it."""
    from lint.facts.anchors import anchors, may_hold_anchors

    field = Prepared(text)
    found = any(span for inv in invariants for kind in anchors(inv, field) for span in kind)
    if found:
        assert may_hold_anchors(invariants.needs, Prepared(text))


@pytest.mark.parametrize("text, passes", [
    ("DNA repair and impaired healing", False),  # 'pair' (a unit word) but no subject of the invariant
    ("Most people recover within a week.", False),  # a subject word, but no unit word
    ("Mitochondria make ATP.", False),
    ("A neuron rests at -70 mV.", True),
    ("Humans have 23 pairs of chromosomes.", True),
    ("Proton pump inhibitors reduce acid.", True),  # the pump's gate: a bare ratio needs no part named
    ("Voltage-gated channels open.", True),  # 'V' and 'voltage': a screen, the anchors find nothing
])
def test_prefilter_examples(invariants, text, passes):
    from lint.facts.anchors import may_hold_anchors

    assert may_hold_anchors(invariants.needs, Prepared(text)) is passes


_ENDS_TEXT = st.lists(st.sampled_from([
    ".", "!", "?", "...", ". ", "! ", "? ", " A", " a", " 3", " +", " -", ' "', " (", " [", " '", "  ", "\n", "\t",
    "e.g.", "Dr.", "-70 V.", "x", "é", "É", "\u00a0", "\u2003", " \"A", " ('B"]), max_size=25).map("".join)


@settings(max_examples=500, deadline=None)
@given(_ENDS_TEXT, st.integers(0, 4), st.integers(0, 4))
def test_sentence_ends_are_the_regex(text, left, right):
    """passages._sentence_ends (the marks found with str.find, the lookahead matched at each) gives
    the places _SENTENCE_END.finditer gives, also where the scan is bounded inside the text."""
    from lint.facts.passages import _SENTENCE_END, _sentence_ends

    start, end = min(left, len(text)), max(min(left, len(text)), len(text) - right)
    assert _sentence_ends(text, start, end) == [m.start() for m in _SENTENCE_END.finditer(text, start, end)]


@pytest.mark.parametrize("text, ends", [
    ("The pump moves 3 Na+ out. It moves 2 K+ in! Why? Because.", [24, 42, 47]),
    ("Na+ is pumped out (e.g. by the pump). Then K+ enters.", [36]),  # a lowercase word after: no end
    ("See Dr. Smith. (Fig. 2) shows it.", [6, 13, 19]),  # abbreviations are told apart later, as before
    ("It rests at -70 mV.Next", []),  # no blank after the mark: no end
    ("Ends here.", []),  # nothing after the last mark
    ("A value of 3.5 mV. +4 mV follows.", [17]),
])
def test_sentence_ends_examples(text, ends):
    from lint.facts.passages import _SENTENCE_END, _sentence_ends

    assert _sentence_ends(text, 0, len(text)) == ends
    assert [m.start() for m in _SENTENCE_END.finditer(text)] == ends


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_rough_copies_are_normalise_and_lowered(text):
    """Prepared makes an ASCII field's rough copies without calling normalise and lowered."""
    field = Prepared(text)
    assert field.rough == normalise(text)
    assert field.rough_low == lowered(normalise(text))


def _plain_sentences(field: Prepared, start: int, end: int) -> list[tuple[int, int]]:
    """Prepared._sentences as it was written first: the regex scan, every segment stripped."""
    from lint.facts.passages import _ABBREVIATION_REACH, _SENTENCE_END

    clean, cuts, begin = field.clean, [], start
    for m in _SENTENCE_END.finditer(clean, start, end):
        if _ABBREVIATIONS.search(clean[max(begin, m.start() - _ABBREVIATION_REACH):m.start()]):
            continue
        cuts.append((begin, m.end()))
        begin = m.end()
    cuts.append((begin, end))
    out = []
    for s, e in cuts:
        segment = clean[s:e]
        if segment.strip():
            s += len(segment) - len(segment.lstrip())
            out.append((s, s + len(segment.strip())))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["The pump works. ", "It moves 3 Na+ out! ", "Why? ", "e.g. ", "Dr. Smith ",
                                 "\\n", "\\n\\n", "\\n- ", "\\n1. ", "**", " ", "x", "A.", " (B", ""]),
                max_size=12).map("".join))
def test_sentences_are_the_plain_cut_on_every_line(text):
    """The lines of a field (an empty one, a blank one after a break, a list item) give the
    sentences the plain cut gives."""
    field = Prepared(text)
    for index in range(len(field.line_starts)):
        line = field.line(index)
        assert field._sentences(line.start, line.end) == _plain_sentences(field, line.start, line.end)


def _plain_walk(field: Prepared) -> list:
    """Prepared.walk over every line as it was written first: each line made and cut."""
    from lint.facts.passages import Passage

    out, index = [], 0
    while index < len(field.line_starts):
        line = field.line(index)
        sentences = field._sentences(line.start, line.end)
        if line.heading:
            out += [Passage(s, e, index, heading=True) for s, e in sentences]
            index += 1
            continue
        merged = field._merge_list(index, line, sentences)
        if merged:
            items, last_end, consumed = merged
            out += [Passage(s, e, index) for s, e in sentences[:-1]]
            out.append(Passage(sentences[-1][0], last_end, index, items=items))
            index += consumed + 1
            continue
        out += [Passage(s, e, index) for s, e in sentences]
        index += 1
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["The pump moves 3 Na+ out:", "It works.", "\\n", "\\n\\n", "\\n\\n\\n", "\\n- ",
                                 "\\n  - ", "\\n1. ", "\\n### ", "\\n#", "\\n ", "\\n  ", " ", "x", "**", ":", "-",
                                 "2 K+ in", "\\n- **3 Na+ out**", "\\n\\n- a:"]), max_size=16).map("".join))
def test_walk_skipping_empty_lines_is_the_plain_walk(text):
    """Prepared.walk passes over empty and one-blank lines without making them: the same passages."""
    field = Prepared(text)
    assert list(field.passages) == _plain_walk(Prepared(text))


@settings(max_examples=300, deadline=None)
@given(_PREFILTER_TEXT)
def test_screen_before_prepared_is_may_hold_anchors(invariants, text):
    """find_claims screens a field's rough copies before it makes the Prepared: the same answer,
    and the same memo handed on to the plans' gates, as may_hold_anchors on the Prepared."""
    from lint.facts.anchors import may_hold_anchors, screen
    from lint.facts.passages import rough_copies

    copies, memo = rough_copies(text), {}
    assert copies == (normalise(text), lowered(normalise(text)))
    field = Prepared(text)
    assert screen(invariants.needs, *copies, memo) == may_hold_anchors(invariants.needs, field)
    assert memo == field.memo
    made = Prepared(text, rough=copies, memo=memo)
    assert (made.rough, made.rough_low, made.memo) == (field.rough, field.rough_low, field.memo)
