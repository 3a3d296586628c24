"""The real Harper over the seeds and over sentences with known errors."""

from __future__ import annotations

import pytest

from lint.article import parse_article
from lint.grammar import AcceptedWords, HarperBackend, known_rules, parse_accepted_words, unambiguous_fix

from .conftest import SEEDS, seed_fields

# Each error sentence, the flagged text, its rule and the single suggestion Harper gives.
ERRORS = [
    ("The pump moves the the ions out.", "the the", "RepeatedWords", "the", "grammar"),
    ("It is an pump that moves ions.", "an", "AnA", "a", "grammar"),
    ("He pump ions out of the cell.", "pump", "PronounVerbAgreement", "pumps", "grammar"),
    ("The pump moves potasium ions.", "potasium", "SpellCheck", "potassium", "spelling"),
]


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_prose_gets_no_finding(harper, seed):
    for field, text in seed_fields(seed).items():
        assert harper.check(text) == [], field


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_without_the_dictionary_the_seeds_raise_spelling_alarms(seed):
    bare = HarperBackend(AcceptedWords(()))
    flagged = {i.flagged for i in bare.check(seed_fields(seed)["answer"]) if i.kind == "spelling"}
    assert flagged & {"ATPase", "mV", "electrochemical", "Electrochemical"}


@pytest.mark.parametrize(("sentence", "flagged", "rule", "fix", "kind"), ERRORS)
def test_each_error_is_caught_at_its_offsets(harper, sentence, flagged, rule, fix, kind):
    (issue,) = harper.check(sentence)
    assert (issue.rule, issue.kind, issue.flagged) == (rule, kind, flagged)
    assert sentence[issue.start : issue.end] == flagged
    assert issue.start == sentence.index(flagged)
    assert unambiguous_fix(issue, sentence) == fix
    fixed = sentence[: issue.start] + fix + sentence[issue.end :]
    assert harper.check(fixed) == []


@pytest.mark.parametrize(("sentence", "flagged", "rule", "fix", "kind"), ERRORS)
def test_each_error_is_caught_inside_an_escaped_bolded_listed_answer(
    harper, sentence, flagged, rule, fix, kind
):
    answer = (
        r"The sodium-potassium pump (Na+/K+ ATPase) is vital.\n\n### Mechanism of Action\n\n"
        r"1. **Active Transport**: " + sentence + r"\n   - **3 Na+ ions out of the cell**\n\n"
        r"In summary, the pump restores the resting potential near -70 mV."
    )
    (issue,) = harper.check(answer)
    assert issue.rule == rule
    expected = answer.index(sentence) + sentence.index(flagged)
    assert (issue.start, issue.end) == (expected, expected + len(flagged))
    assert answer[issue.start : issue.end] == flagged


def test_an_error_inside_bold_points_at_the_word_not_the_markers(harper):
    answer = r"1. **An pump**: it works.\n2. Fine."
    (issue,) = harper.check(answer)
    assert answer[issue.start : issue.end] == "An"
    assert issue.start == answer.index("An")


def test_a_seed_error_lands_on_the_right_line_and_column(harper):
    """Through the article parser's source map, as the grammar rule will do it."""
    text = (
        SEEDS[0]
        .read_text(encoding="utf-8")
        .replace("two potassium ions are pumped in", "two potassium ions are pumped in in")
    )
    article = parse_article("a.md", text.encode()).article
    answer = article.get("answer")
    (issue,) = harper.check(answer)
    offset = article.value_offset(("answer",), issue.start)
    line, column = article.line_col(offset)
    line_text = article.line_text(line)
    assert line == next(n for n, s in enumerate(text.splitlines(), 1) if s.startswith("answer:")) + 1
    assert line_text[column - 1 : column - 1 + len("in in")] == "in in"


def test_disabled_rules_are_not_reported_and_change_the_settings(accepted):
    sentence = "It is an pump that moves ions."
    quiet = HarperBackend(accepted, disabled_rules=["AnA", "NOT_A_HARPER_RULE"])
    assert quiet.check(sentence) == []
    assert quiet.disabled_rules == ("AnA",)
    assert quiet.rule_settings != HarperBackend(accepted).rule_settings
    assert "AnA" in known_rules()


def test_backends_with_different_words_share_the_linter_but_not_their_words(accepted):
    with_word = HarperBackend(parse_accepted_words("potasium\n"))
    without = HarperBackend(AcceptedWords(()))
    sentence = "The pump moves potasium ions."
    for _ in range(2):  # switching back and forth reconfigures the shared linter
        assert with_word.check(sentence) == []
        assert [i.flagged for i in without.check(sentence)] == ["potasium"]


def test_sentence_initial_capital_of_an_accepted_word_is_accepted(harper):
    assert harper.check("Repolarization follows depolarization. Antiporters help.") == []


def test_check_many_equals_one_check_per_field(harper):
    texts = [sentence for sentence, *_ in ERRORS] + [r"**Fine** text.\n\n- An pump."]
    assert harper.check_many(texts) == [harper.check(text) for text in texts]


def test_a_field_is_not_affected_by_the_field_before_it(harper):
    """Harper misses "the the" in a paragraph after one with "The well-known pump" (a Harper
    quirk); fields are checked as separate documents so the title cannot hide the answer's error."""
    title, answer = "The well-known pump works.", "It moves the the ions."
    assert harper.check_many([title, answer])[1] == harper.check(answer) != []


def test_version_and_unknown_dialect(accepted):
    assert HarperBackend(accepted).version.count(".") >= 1
    with pytest.raises(ValueError):
        HarperBackend(accepted, dialect="klingon")
