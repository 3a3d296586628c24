"""The result cache: unchanged text is never checked twice; bad entries never break a run."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence

import pytest

from lint.grammar import (
    AcceptedWords,
    CacheKey,
    GrammarCache,
    GrammarIssue,
    HarperBackend,
    check_cached,
    check_cached_many,
)

from .conftest import SEEDS, seed_fields

WITH_ERRORS = "It is an pump that moves the the ions."


class CountingBackend:
    """A real backend that counts the texts it is asked to check (the results stay real)."""

    def __init__(self, backend) -> None:
        self.backend = backend
        self.name = backend.name
        self.version = backend.version
        self.dictionary_digest = backend.dictionary_digest
        self.rule_settings = backend.rule_settings
        self.checked: list[str] = []

    def check(self, text: str) -> list[GrammarIssue]:
        return self.check_many([text])[0]

    def check_many(self, texts: Sequence[str]) -> list[list[GrammarIssue]]:
        self.checked.extend(texts)
        return self.backend.check_many(texts)


@pytest.fixture
def counting(harper):
    return CountingBackend(harper)


def corpus_texts() -> list[str]:
    texts = [text for seed in SEEDS for text in seed_fields(seed).values()]
    return [*texts, WITH_ERRORS]


def test_second_run_over_unchanged_text_calls_no_checker(counting, tmp_path):
    cache = GrammarCache(tmp_path / "grammar")
    texts = corpus_texts()
    first = check_cached_many(texts, counting, cache)
    assert len(counting.checked) == len(texts)
    assert [i.rule for i in first[-1]] == ["AnA", "RepeatedWords"]

    counting.checked.clear()
    second = check_cached_many(texts, counting, GrammarCache(tmp_path / "grammar"))
    assert counting.checked == []
    assert second == first


def test_only_the_changed_text_is_checked_again(counting, tmp_path):
    cache = GrammarCache(tmp_path)
    check_cached_many(["One fine text.", "Another fine text."], counting, cache)
    counting.checked.clear()
    check_cached_many(["One fine text.", "Another changed text."], counting, cache)
    assert counting.checked == ["Another changed text."]


def test_same_text_twice_in_one_call_is_checked_once(counting, tmp_path):
    results = check_cached_many([WITH_ERRORS, WITH_ERRORS], counting, GrammarCache(tmp_path))
    assert counting.checked == [WITH_ERRORS]
    assert results[0] == results[1] != []


def test_dictionary_and_rule_settings_are_part_of_the_key(tmp_path):
    cache = GrammarCache(tmp_path)
    plain = CountingBackend(HarperBackend(AcceptedWords(())))
    words = CountingBackend(HarperBackend(AcceptedWords(("potasium",))))
    quiet = CountingBackend(HarperBackend(AcceptedWords(()), disabled_rules=["SpellCheck"]))
    text = "The pump moves potasium ions."
    assert [i.flagged for i in check_cached(text, plain, cache)] == ["potasium"]
    assert check_cached(text, words, cache) == []
    assert check_cached(text, quiet, cache) == []
    assert [b.checked for b in (plain, words, quiet)] == [[text]] * 3
    keys = {CacheKey.for_text(text, b).digest for b in (plain, words, quiet)}
    assert len(keys) == 3


def test_no_cache_always_checks(counting):
    check_cached(WITH_ERRORS, counting, None)
    check_cached(WITH_ERRORS, counting, None)
    assert counting.checked == [WITH_ERRORS, WITH_ERRORS]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\xff garbage",
        b'{"format": 1, "key": ',
        b'{"format": 1, "key": {}, "issues": []}',  # another key: a hash collision or a bug
        b'{"format": 99, "key": null, "issues": []}',
        b'{"format": 1, "key": KEY, "issues": [{"start": "x"}]}',
    ],
)
def test_a_corrupt_entry_is_ignored_and_overwritten(counting, tmp_path, damage):
    cache = GrammarCache(tmp_path)
    expected = check_cached(WITH_ERRORS, counting, cache)
    key = CacheKey.for_text(WITH_ERRORS, counting)
    (entry,) = tmp_path.rglob("*.json")
    entry.write_bytes(damage.replace(b"KEY", json.dumps(key.__dict__).encode()))
    assert cache.get(key) is None

    counting.checked.clear()
    assert check_cached(WITH_ERRORS, counting, cache) == expected
    assert counting.checked == [WITH_ERRORS]
    assert cache.get(key) == expected  # rewritten whole


def test_concurrent_writers_and_readers_never_see_a_broken_entry(harper, tmp_path):
    cache = GrammarCache(tmp_path)
    key = CacheKey.for_text(WITH_ERRORS, harper)
    issues = harper.check(WITH_ERRORS)
    bigger = issues * 200  # a larger file makes a torn write easy to observe
    errors: list[BaseException] = []
    seen: list[object] = []

    def write(payload):
        try:
            for _ in range(40):
                cache.put(key, payload)
        except Exception as error:
            errors.append(error)

    def read():
        for _ in range(200):
            seen.append(cache.get(key))

    threads = [threading.Thread(target=write, args=(p,)) for p in (issues, bigger) * 3]
    threads += [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert all(result is None or result in (issues, bigger) for result in seen)
    assert cache.get(key) in (issues, bigger)
    assert [p.name for p in tmp_path.rglob(".tmp-*")] == []


def test_an_unwritable_cache_costs_the_caching_not_the_check(counting, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    cache = GrammarCache(blocker / "grammar")
    issues = check_cached(WITH_ERRORS, counting, cache)
    assert [i.rule for i in issues] == ["AnA", "RepeatedWords"]
    assert check_cached(WITH_ERRORS, counting, cache) == issues
    assert counting.checked == [WITH_ERRORS, WITH_ERRORS]
