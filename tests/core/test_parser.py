"""The parser: exact positions (BOM, CRLF, folded scalars) and never an exception."""
from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.article import parse_article
from lint.config import Settings
from lint.worker import init_worker, lint_source
from tests.conftest import seed_text

SEED = seed_text("000")


def test_positions_of_every_field_point_at_its_line():
    article = parse_article("a.md", SEED.encode()).article
    lines = SEED.splitlines()
    for key_path, loc in article.positions.items():
        if not key_path:
            continue
        line, col = article.line_col(loc.key_start)
        key = key_path[-1]
        assert lines[line - 1][col - 1:].startswith(f"{key}:"), key_path


def test_offset_inside_folded_answer_maps_to_file():
    article = parse_article("a.md", SEED.encode()).article
    answer = article.get("answer")
    i = answer.index("Hereâ€™s")
    offset = article.value_offset(("answer",), i)
    assert article.text[offset:offset + len("Hereâ€™s")] == "Hereâ€™s"
    assert article.line_col(offset) == (21, 132)


def test_bom_and_crlf_keep_positions():
    raw = ("\ufeff" + SEED.replace("\n", "\r\n")).encode("utf-8")
    article = parse_article("a.md", raw).article
    assert article.has_bom
    assert article.get("id") == 170611
    offset = article.value_offset(("answer",), article.get("answer").index("Here"))
    assert article.line_col(offset) == (21, 132)
    assert article.line_col(article.positions[("url",)].start) == (24, 6)


def test_multiline_folded_value_maps_each_line():
    text = "---\ntitle: >-\n    first line\n    second line\n---\n"
    article = parse_article("a.md", text.encode()).article
    assert article.get("title") == "first line second line"
    off = article.value_offset(("title",), article.get("title").index("second"))
    assert article.line_col(off) == (4, 5)


def test_dates_stay_text_and_bad_dates_do_not_crash():
    article = parse_article("a.md", b"---\ndate: 2025-02-30\n---\n").article
    assert article.get("date") == "2025-02-30"


def test_duplicate_key_reported_and_last_value_kept():
    result = parse_article("a.md", b"---\nid: 1\nid: 2\n---\n")
    assert [d.code for d in result.diagnostics] == ["P007"]
    assert result.diagnostics[0].line == 3
    assert result.article.get("id") == 2


_SETTINGS = Settings(root=__import__("pathlib").Path("."))


def _lint(raw: bytes):
    init_worker(_SETTINGS, ("ALL",), ("G",))
    return lint_source("x.md", raw)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_diagnostics_not_exceptions(raw):
    result = _lint(raw)
    for d in result.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.code


yaml_scalar = st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=False),
                        st.booleans(), st.none(), st.dates().map(str))
yaml_like = st.recursive(yaml_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(string.ascii_letters + "_", min_size=1, max_size=10),
                                                 inner, max_size=5)), max_leaves=20)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["id", "title", "date", "seo", "url", "subject", "answer",
                                        "related_article1", "file_name", "score", "zzz"]),
                       yaml_like, max_size=8),
       st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_arbitrary_front_matter_gives_diagnostics_not_exceptions(data, newline, bom):
    import yaml

    body = yaml.safe_dump(data, allow_unicode=True)
    text = ("\ufeff" if bom else "") + "---\n" + body + "---\n&nbsp;"
    result = _lint(text.replace("\n", newline).encode("utf-8"))
    assert all(d.line >= 1 for d in result.diagnostics)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(list("-:[]{}&*!|>'\"#%@` \n\tab01?,") + ["\r\n", "  "]), max_size=300).map("".join))
def test_yaml_syntax_soup_gives_diagnostics_not_exceptions(soup):
    result = _lint(("---\n" + soup + "\n---\n").encode("utf-8"))
    assert all(d.column >= 1 for d in result.diagnostics)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.text(string.ascii_letters + "_", min_size=1, max_size=10), yaml_like, max_size=8))
def test_fast_path_and_full_walk_agree(data):
    import yaml

    from lint.yaml_fast import NeedsFullParse, fast_data
    from lint.yaml_tree import build_tree

    source = yaml.safe_dump(data, allow_unicode=True)
    try:
        fast = fast_data(source)
    except NeedsFullParse:
        return
    assert fast == build_tree(source, 0, len(source)).data


def test_front_matter_bytes_are_cut_from_the_file_where_they_are_its_utf8():
    """The parser hands fast_data the front matter's UTF-8 cut from the file's bytes (BOM, a
    non-ASCII first line or body, CRLF); it must be exactly what encoding the text gives."""
    from lint.article import _find_closing, _front_matter_bytes

    for bom in ("", "\ufeff"):
        for first in ("---", "---\u3000", "--- \r"):
            for front in ("a: é\n", "a: b\r\nc: ü€😀\r\n", "a: 1\n", "t: ‘x’\n" * 50):
                for body in ("", "\n", "---\nbody ü\n", "\nü" * 200):
                    text = f"{first}\n{front}---\n{body}"
                    raw = (bom + text).encode()
                    start = text.find("\n") + 1
                    end = _find_closing(text, start)
                    cut = _front_matter_bytes(raw, text, start, end)
                    assert cut is None or cut == text[start:end].encode(), (bom, first, front, body)
                    if not text.isascii() and len(text) - end <= end - start:  # cut, not encoded
                        assert cut is not None
                    parsed = parse_article("a.md", raw).article
                    assert parsed.data == parse_article("a.md", (bom + text).encode()).article.data
