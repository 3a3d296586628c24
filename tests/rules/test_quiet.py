"""The rule groups' quiet tests (a rule module's QUIET: slug, related, schema, encoding): True only
where no rule of the group reports, False where one does; and the worker, which calls a group's
rules only on the articles its test cannot clear, finds what the rules find one by one."""
from __future__ import annotations

import random
from pathlib import Path

from lint import rules as registry
from lint import worker
from lint.article import ParseResult, parse_article
from lint.config import Settings
from lint.rules.context import RuleContext
from lint.rules.encoding_rules import _LOUD_CHARACTERS
from tests.conftest import seed_home, seed_text
from tests.rules.reference_rules import REFERENCE
from tests.rules.test_fast_paths import mutate

GROUPED = [m for m in registry.ARTICLE_RULES if getattr(m, "QUIET", None) is not None]
GROUPS = {m.QUIET for m in GROUPED}


def plain_findings(module, article, ctx: RuleContext) -> list:
    """The module's findings without its group's test: the plain reference where there is one."""
    if module.INFO.code in REFERENCE:
        return list(REFERENCE[module.INFO.code](article))
    ctx.article_memo = {}
    return list(module.check(article, ctx))


def articles(seed: int, count: int, clean_share: int = 4):
    rng = random.Random(seed)
    base = [seed_text("000"), seed_text("001"), seed_text("002")]
    for n in range(count):
        text = mutate(rng.choice(base), rng) if n % clean_share else rng.choice(base)
        # mostly the file's own name (U003 quiet), sometimes another
        name = seed_home(text) if rng.random() < 0.8 else rng.choice(["a/x.md", f"b/{n}.md", "./c/.././d.md"])
        article = parse_article(name, text.encode("utf-8", "surrogatepass")).article
        if article is not None:
            yield article


def test_the_groups() -> None:
    assert {m.INFO.code for m in GROUPED} == {"U001", "U002", "U003", "U004", "U005", "U006", "R005", "R006",
                                              "R007", "S001", "S002", "S003", "S004", "S005", "E001", "E002",
                                              "E003"}
    assert len(GROUPS) == 5
    for quiet in GROUPS:  # the worker keeps one list of articles per group: they must agree
        assert len({getattr(m, "TEXT_ONLY", False) for m in GROUPED if m.QUIET is quiet}) == 1


def test_loud_characters_are_what_the_rules_look_at() -> None:
    from lint.encoding.lost import _LOST_CHARACTERS
    from lint.rules.E003_control_character import _SEPARATORS

    assert _LOUD_CHARACTERS == _LOST_CHARACTERS | _SEPARATORS


def test_quiet_only_where_no_rule_reports() -> None:
    ctx = RuleContext(Settings(root=Path(".")))
    said = {quiet: [0, 0] for quiet in GROUPS}  # quiet: [True, False]
    for article in articles(31, 2500):
        for quiet in GROUPS:
            members = [m for m in GROUPED if m.QUIET is quiet]
            if quiet.__name__ == "related_quiet":  # U006's, which R005-R007's also takes when True
                members += [m for m in GROUPED if m.INFO.code in ("R005", "R006", "R007")]
            if article.data is None and not getattr(members[0], "TEXT_ONLY", False):
                continue
            ctx.article_memo = {}
            verdict = quiet(article, ctx)
            found = [d for m in members for d in plain_findings(m, article, ctx)]
            if verdict:
                assert found == [], (quiet.__name__, article.path, article.text)
            said[quiet][not verdict] += 1
    for quiet, (yes, no) in said.items():  # each test clears most articles and not all
        assert yes > 500 and no > 50, (quiet.__name__, yes, no)


def test_each_group_hears_each_rule() -> None:
    """Text that must not pass: an edit that makes one rule report makes its group's test False."""
    ctx = RuleContext(Settings(root=Path(".")))
    text = seed_text("002")
    own = next(line[4:] for line in text.split("\n") if line.startswith("id: "))
    ids = [line.split(": ")[1] for line in text.split("\n") if line.startswith("    id: ")]
    date = next(line for line in text.split("\n") if line.startswith("date: "))
    cases = {
        "U001": text.replace("\nurl: /learn/", "\nurl: /learn/x", 1),
        "U002": text.replace("\nfile_name: ", "\nfile_name: x", 1),
        "U004": text.replace("\narticle_title: >-\n    ", "\narticle_title: >-\n    x", 1),
        "U005": text.replace("  title: QuickTakes | ", "  title: QuickTakes |  ", 1),
        "U006": text.replace("    url: /learn/", "    url: /learn/x", 1),
        "R005": text.replace("\n    id: ", f"\n    id: {own}  #", 1),
        "R006": text.replace(f"    id: {ids[1]}\n", f"    id: {ids[0]}\n", 1),
        "R007": text.replace("related_article2:", "related_article7:", 1),
        "S001": text.replace("\nauthor: ", "\nauthor_x: ", 1),
        "S002": text.replace("\nscore: ", "\nscore: 1\nscored: ", 1),
        "S003": text.replace(f"\nid: {own}", "\nid: x", 1),
        "S004": text.replace(date, "date: 2025-02-30", 1),
        "S005": text.replace(f"\nid: {own}", "\nid: 0", 1),
        "E001": text.replace("answer: >-\n    ", "answer: >-\n    Hereâ€™s ", 1),
        "E002": text.replace("answer: >-\n    ", "answer: >-\n    37 \ufffdC ", 1),
        "E003": text.replace("answer: >-\n    ", "answer: >-\n    a\u2028b ", 1),
        "E003 C1": text.replace("answer: >-\n    ", "answer: >-\n    a \x81 b ", 1),
    }
    clean = parse_article(seed_home(text), text.encode()).article
    for quiet in GROUPS:
        ctx.article_memo = {}
        assert quiet(clean, ctx), quiet.__name__
    for case, source in cases.items():
        code = case.split()[0]
        module = next(m for m in GROUPED if m.INFO.code == code)
        article = parse_article(seed_home(text), source.encode()).article
        assert plain_findings(module, article, ctx), case  # the edit does make the rule report
        ctx.article_memo = {}
        assert not module.QUIET(article, ctx), case
    # U003: the file's own name differs from file_name
    renamed = parse_article("nursing/other-name.md", text.encode()).article
    slug_quiet = next(m for m in GROUPED if m.INFO.code == "U003").QUIET
    ctx.article_memo = {}
    assert not slug_quiet(renamed, ctx)


def test_a_failing_quiet_test_means_not_known() -> None:
    ctx = RuleContext(Settings(root=Path(".")))
    article = parse_article("x.md", seed_text("000").encode()).article

    def broken(article, ctx) -> bool:
        raise ValueError("boom")

    assert ctx.loud(broken, [0, 1], [ParseResult(article, ())] * 2, [{}, {}]) == [0, 1]


def test_the_worker_finds_what_the_rules_find_one_by_one() -> None:
    settings = Settings(root=Path("."))
    saved = dict(worker._WORKER)
    try:
        worker.init_worker(settings, ("U", "R", "S", "E"), ())
        modules = worker._WORKER["modules"]
        assert set(GROUPED) <= set(modules)
        ctx = RuleContext(settings)
        found = 0
        for seed in range(3):
            batch = list(articles(40 + seed, 200, clean_share=3))
            results = worker.lint_sources([(a.path, a.raw) for a in batch])
            for article, result in zip(batch, results):
                parsed = parse_article(article.path, article.raw)
                want = list(parsed.diagnostics)
                for module in modules:
                    if parsed.article.data is None and not getattr(module, "TEXT_ONLY", False):
                        continue
                    want += plain_findings(module, parsed.article, ctx)
                assert result.diagnostics == want, article.text
                found += len(want)
        assert found > 300
    finally:
        worker._WORKER.clear()
        worker._WORKER.update(saved)
