"""Markdown prose to plain text, and the map from plain text back to the source string."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.grammar.prose import to_prose

from .conftest import SEEDS, seed_fields

ANSWER = (
    r"The pump (Na+/K+ ATPase) works.\n\n### Mechanism of Action\n\n"
    r"1. **Active Transport**: It moves ions.\n   - **3 Na+ ions out**\n"
    r"- Ensuring the neuron can return.\n\nIn summary, it works."
)


def assert_copies_map_back(source: str) -> None:
    prose = to_prose(source)
    assert len(prose.plain) == len(prose.source_index) == len(prose.source_end)
    for i, char in enumerate(prose.plain):
        start, end = prose.source_index[i], prose.source_end[i]
        assert 0 <= start <= end <= len(source)
        if end - start == 1 and char not in "\n ":
            assert source[start] == char


def test_markup_is_removed_and_blocks_become_paragraphs():
    prose = to_prose(ANSWER)
    assert prose.plain == (
        "The pump (Na+/K+ ATPase) works.\n\nMechanism of Action\n\n"
        "Active Transport: It moves ions.\n\n3 Na+ ions out\n\n"
        "Ensuring the neuron can return.\n\nIn summary, it works."
    )
    for markup in ("**", "###", "\\n", "1.", "- "):
        assert markup not in prose.plain


def test_a_word_inside_bold_list_item_maps_to_its_source_span():
    prose = to_prose(ANSWER)
    start = prose.plain.index("Transport")
    source_start, source_end = prose.to_source(start, start + len("Transport"))
    assert ANSWER[source_start:source_end] == "Transport"
    start = prose.plain.index("Ensuring")
    source_start, source_end = prose.to_source(start, start + len("Ensuring the neuron"))
    assert ANSWER[source_start:source_end] == "Ensuring the neuron"


def test_a_span_across_bold_markers_covers_them_in_the_source():
    prose = to_prose(r"A **bold** word.")
    start = prose.plain.index("bold word")
    source_start, source_end = prose.to_source(start, start + len("bold word"))
    assert r"A **bold** word."[source_start:source_end] == "bold** word"


def test_insertion_point_and_bounds():
    prose = to_prose("Abc")
    assert prose.to_source(3, 3) == (3, 3)
    assert prose.to_source(1, 1) == (1, 1)
    assert to_prose("An **end**").to_source(6, 6) == (8, 8)  # before the closing markers
    assert to_prose("").to_source(0, 0) == (0, 0)
    with pytest.raises(ValueError):
        prose.to_source(2, 9)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_fields_keep_no_markup_and_map_back(seed):
    for source in seed_fields(seed).values():
        prose = to_prose(source)
        for markup in ("**", "###", "\\n"):
            assert markup not in prose.plain
        assert_copies_map_back(source)


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        # not markup: kept as written
        ("How does the Na+ - K+ pump work?", "How does the Na+ - K+ pump work?"),
        ("Compute 3 * 4 and snake_case_name.", "Compute 3 * 4 and snake_case_name."),
        ("It rests near -70 mV.", "It rests near -70 mV."),
        # markup: removed
        ("Use *this* and _that_ here.", "Use this and that here."),
        ('See [the pump](https://example.org/pump "Pump") now.', "See the pump now."),
        ("An ![image](a.png) here.", "An image here."),
        ("Call `pump()` now.", "Call pump() now."),
        ("Salt &amp; water&nbsp;mix.", "Salt & water\u00a0mix."),
        (r"A \*literal\* star.", "A *literal* star."),
        ("Line<br>break and <em>tag</em>.", "Line break and tag."),
        # headings (with closing hashes), quotes, rules, real newlines, continuation lines
        (r"## Summary ##\n\nText.", "Summary\n\nText."),
        (r"> Quoted text.\n---\nAfter.", "Quoted text.\n\nAfter."),
        ("First line\ncontinues here.", "First line continues here."),
        (r"Before.\n###\n- \nAfter.", "Before.\n\nAfter."),
        (r"- item one\n  still item one\n- item two", "item one still item one\n\nitem two"),
    ],
)
def test_conversion(source, plain):
    assert to_prose(source).plain == plain
    assert_copies_map_back(source)


def test_entity_maps_to_its_whole_source_range():
    source = "Salt &amp; water."
    prose = to_prose(source)
    i = prose.plain.index("&")
    assert prose.to_source(i, i + 1) == (5, 10)


def test_mojibake_is_repaired_for_the_checker_and_maps_to_the_whole_word():
    source = r"Hereâ€™s a detailed explanation.\n\nNext."
    prose = to_prose(source)
    assert prose.plain.startswith("Here's a detailed explanation.")
    assert prose.to_source(0, 4) == (0, len("Hereâ€™s"))


def test_empty_and_blank_sources():
    assert to_prose("").plain == ""
    assert to_prose(r"\n\n   \n").plain == ""


@given(st.text(alphabet=st.sampled_from(list("ab *_#-1.\\n[]()`&;> \n")), max_size=60))
def test_any_text_maps_into_the_source(source):
    prose = to_prose(source)
    assert_copies_map_back(source)
    previous = 0
    for i in range(len(prose.plain)):
        assert prose.source_index[i] >= previous  # the map never runs backwards
        previous = prose.source_index[i]
        start, end = prose.to_source(i, len(prose.plain))
        assert 0 <= start <= end <= len(source)
