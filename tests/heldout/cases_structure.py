"""Parse and schema cases: broken files, hostile files, and front matter that breaks the schema."""
from __future__ import annotations

from tests.heldout.builder import Builder, append_related, related_block
from tests.heldout.kit import (
    Want,
    delete_field,
    field_span,
    key_line,
    line_of,
    replace_once,
    set_value,
    value_line,
)


def _new(b: Builder, subject: str = "Nursing", k: int = 3, **kw) -> tuple[str, str, object]:
    a = b.new_article(subject, related=b.related_links(k), **kw)
    return a.rel_path, b.render(a), a


def parse_cases(b: Builder) -> None:
    def broken(kind: str, data: str | bytes, lines: tuple[int, ...], code: str | None, name: str) -> None:
        rel = f"nursing/{name}.md"
        b.write(rel, data)
        b.add(kind, [rel], [Want(rel, "parse", code, lines)])

    broken("parse/empty-file", b"", (1,), "P002", "empty-article")
    broken("parse/whitespace-only", b"\n   \n\n", (1, 2, 3), "P002", "blank-article")
    broken("parse/no-front-matter", "# The sodium-potassium pump\n\nIt moves ions.\n", (1,), "P003",
           "no-front-matter")
    rel, text, _ = _new(b)
    broken("parse/no-opening-dashes", text.removeprefix("---\n"), (1,), "P003", "front-matter-without-dashes")
    rel, text, _ = _new(b)
    broken("parse/unclosed", text.replace("---\n\n&nbsp;", "\n&nbsp;"), (1,), "P004", "unclosed-front-matter")

    rel, text, a = _new(b)
    bad = replace_once(text, f"\nsubject: {a.subject}\n", f"\nsubject: {a.subject}: Care\n")
    b.write(rel, bad)
    b.add("parse/invalid-yaml", [rel], [Want(rel, "parse", "P005", (line_of(bad, ": Care"),))])
    rel, text, _ = _new(b)
    bad = replace_once(text, "\n  title: QuickTakes", "\n\ttitle: QuickTakes")
    b.write(rel, bad)
    b.add("parse/invalid-yaml-tab", [rel], [Want(rel, "parse", "P005", (line_of(bad, "\ttitle"),))])
    rel, text, a = _new(b)
    bad = replace_once(text, "\nauthor: QuickTakes\n", '\nauthor: "QuickTakes\n')  # quote never closed
    b.write(rel, bad)
    b.add("parse/invalid-yaml-quote", [rel],
          [Want(rel, "parse", "P005", tuple(range(line_of(bad, '"QuickTakes'), bad.count("\n") + 2)))],
          note="the error is detected where the scanner gives up: any line from the quote on")

    broken("parse/not-mapping-list", "---\n- id: 1\n- title: A list\n---\n\n&nbsp;", (1, 2), "P006", "a-list")
    broken("parse/not-mapping-scalar", "---\njust one line of text\n---\n\n&nbsp;", (1, 2), "P006", "a-string")

    rel, text, a = _new(b)
    bad = replace_once(text, f"\nurl: {a.url}\n", f"\nurl: {a.url}\nauthor: QuickTakes Team\n")
    b.write(rel, bad)
    b.add("parse/duplicate-key", [rel],
          [Want(rel, "parse", "P007", (key_line(text, "author"), line_of(bad, "author: QuickTakes Team")))])
    rel, text, a = _new(b)
    bad = replace_once(text, "\n  title: QuickTakes", f"\n  title: QuickTakes | {a.subject}\n  title: QuickTakes")
    b.write(rel, bad)
    seo = line_of(bad, "\n  title: QuickTakes") + 1
    b.add("parse/duplicate-key-nested", [rel], [Want(rel, "parse", "P007", (seo, seo + 1))])

    rel, text, _ = _new(b)
    start = text.encode("utf-8").index(b"\nanswer: >-\n    ") + 17
    data = text.encode("utf-8")[:start] + b"Served in a caf\xe9. " + text.encode("utf-8")[start:]
    b.write(rel, data)
    b.add("parse/not-utf8-latin1", [rel], [Want(rel, "parse", "P001", (data.count(b"\n", 0, start) + 1,))])
    rel, text, _ = _new(b)
    line = value_line(text, "title")
    data = text.encode("utf-8").replace(b"\n    ", b"\n    \x93Quoted\x94 ", 1)  # cp1252 curly quotes
    b.write(rel, data)
    b.add("parse/not-utf8-cp1252", [rel], [Want(rel, "parse", "P001", (line,))])
    broken("parse/binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, (1, 2, 3), None,
           "binary-junk")

    rel, text, _ = _new(b)
    broken("parse/utf16", text.encode("utf-16"), (1,), "P001", "utf16-article")
    broken("parse/empty-front-matter", "---\n---\n\n&nbsp;", (1, 2), "P006", "empty-front-matter")
    rel, text, _ = _new(b)
    bad = replace_once(text, " plays a", " plays\x00a")
    b.write(rel, bad)
    b.add("parse/nul-byte", [rel], [Want(rel, "parse", "P005", (line_of(bad, "\x00"),))])
    rel, text, _ = _new(b)
    bad = replace_once(text, "\nauthor: QuickTakes\n", "\nauthor: !editor QuickTakes\n")
    b.write(rel, bad)
    b.add("parse/custom-tag", [rel], [Want(rel, "parse", "P005", (line_of(bad, "!editor"),))])
    rel, text, _ = _new(b)
    bad = replace_once(text, "\nseo:\n", "\nbase: &base {author: QuickTakes}\nseo:\n  <<: *base\n")
    b.write(rel, bad)
    b.add("parse/merge-key", [rel], [Want(rel, "parse", "P008", (line_of(bad, "&base"), line_of(bad, "<<")))])

    laughs = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        laughs.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    laughs += ["---", "", "&nbsp;"]
    broken("parse/alias-bomb", "\n".join(laughs), tuple(range(1, 13)), "P008", "alias-bomb")
    rel, text, a = _new(b)
    bad = replace_once(text, "\nauthor: QuickTakes\n", "\nauthor: &who QuickTakes\npost_by: *who\n")
    b.write(rel, bad)
    b.add("parse/alias", [rel], [Want(rel, "parse", "P008", (line_of(bad, "&who"), line_of(bad, "*who")))])
    broken("parse/deep-flow-nesting", "---\nid: " + "[" * 20000 + "]" * 20000 + "\n---\n\n&nbsp;", (1, 2),
           "P009", "deep-flow-nesting")
    deep = "".join(f"{' ' * i}k{i}:\n" for i in range(1000))
    broken("parse/deep-block-nesting", "---\n" + deep + "---\n\n&nbsp;", tuple(range(1, 1003)), "P009",
           "deep-block-nesting")
    rel, text, _ = _new(b)
    huge = text.replace("\n&nbsp;", "\n" + ("The pump works without rest. " * 40 + "\n") * 2700)
    broken("parse/huge-file", huge, (1,), "P010", "huge-article")


def schema_cases(b: Builder) -> None:
    def case(kind: str, mutate, want: callable, code: str, tolerate=(), subject: str = "Nursing", k: int = 3):
        rel, text, a = _new(b, subject, k)
        bad = mutate(text, a)
        b.write(rel, bad)
        tol = [Want(rel, *t(bad, text)) for t in tolerate]
        b.add(kind, [rel], [Want(rel, "schema", code, want(bad, text))], tol)

    top = lambda bad, text: (1, 2)
    case("schema/missing-author", lambda t, a: delete_field(t, "author"), top, "S001")
    case("schema/missing-date", lambda t, a: delete_field(t, "date"), top, "S001")
    case("schema/missing-answer", lambda t, a: delete_field(t, "answer"), top, "S001")
    case("schema/missing-seo-key", lambda t, a: delete_field(t, "seo", "page_keywords"),
         lambda bad, t: (key_line(bad, "seo"),), "S001")
    case("schema/missing-related-key", lambda t, a: delete_field(t, "related_article2", "subject"),
         lambda bad, t: (key_line(bad, "related_article2"),), "S001")
    case("schema/wrong-type-id", lambda t, a: set_value(t, "nine hundred", "id"),
         lambda bad, t: (key_line(bad, "id"),), "S003")
    case("schema/wrong-type-score", lambda t, a: set_value(t, "high", "score"),
         lambda bad, t: (key_line(bad, "score"),), "S003")
    case("schema/wrong-type-author-list", lambda t, a: set_value(t, "[QuickTakes, Editors]", "author"),
         lambda bad, t: (key_line(bad, "author"),), "S003")
    case("schema/wrong-type-seo-string", lambda t, a: set_value(t, f"QuickTakes | {a.subject}", "seo"),
         lambda bad, t: (key_line(bad, "seo"),), "S003")
    case("schema/impossible-date", lambda t, a: set_value(t, "2025-02-30", "date"),
         lambda bad, t: (key_line(bad, "date"),), "S004")
    case("schema/impossible-month", lambda t, a: set_value(t, "2025-13-01", "date"),
         lambda bad, t: (key_line(bad, "date"),), "S004")
    case("schema/date-wrong-format", lambda t, a: set_value(t, "06/02/2025", "date"),
         lambda bad, t: (key_line(bad, "date"),), "S004")
    case("schema/unknown-key-typo", lambda t, a: t.replace("\nscore:", "\nscroe:", 1),
         lambda bad, t: (line_of(bad, "scroe:"),), "S002")
    case("schema/unknown-key-typo-required", lambda t, a: t.replace("\nanswer: >-", "\nanwser: >-", 1),
         lambda bad, t: (line_of(bad, "anwser:"),), "S002", tolerate=[lambda bad, t: ("schema", "S001", (1, 2))])
    case("schema/unknown-key-seo", lambda t, a: t.replace("\n  page_keywords:", "\n  page_keyword:", 1),
         lambda bad, t: (line_of(bad, "page_keyword:"),), "S002",
         tolerate=[lambda bad, t: ("schema", "S001", (key_line(bad, "seo"),))])
    case("schema/unknown-key-extra", lambda t, a: replace_once(t, "\nauthor:", "\ntags: [pump, neurons]\nauthor:"),
         lambda bad, t: (line_of(bad, "tags:"),), "S002")
    case("schema/related-id-not-integer",
         lambda t, a: t.replace(f"    id: {b.pool[a.related[1]].id}\n", "    id: one hundred\n", 1),
         lambda bad, t: (line_of(bad, "id: one hundred"),), "S003",
         tolerate=[lambda bad, t: ("reference", "R001", field_span(bad, "related_article2"))])
    case("schema/related-extra-key", lambda t, a: replace_once(
        t, f"    id: {b.pool[a.related[0]].id}\n", f"    id: {b.pool[a.related[0]].id}\n    score: 5\n"),
         lambda bad, t: (line_of(bad, "    score: 5"),), "S002")
    case("schema/related-not-mapping", lambda t, a: set_value(t, b.pool[a.related[2]].url, "related_article3"),
         lambda bad, t: (key_line(bad, "related_article3"),), "S003")
    case("schema/id-zero", lambda t, a: set_value(t, "0", "id"), lambda bad, t: (key_line(bad, "id"),), "S005")
    case("schema/id-negative", lambda t, a: set_value(t, "-170611", "id"),
         lambda bad, t: (key_line(bad, "id"),), "S005")
    case("schema/empty-author", lambda t, a: set_value(t, "''", "author"),
         lambda bad, t: (key_line(bad, "author"),), "S005")
    case("schema/str-tagged-id", lambda t, a: set_value(t, f"!!str {a.id}", "id"),
         lambda bad, t: (key_line(bad, "id"),), "S003")
    rel, text, a = _new(b)
    b.write(rel, set_value(text, f'"{a.date.isoformat()}"', "date"))
    b.add("clean/quoted-date", [rel])
    # A related entry appended by hand with a missing url: schema error on the entry's own line.
    rel, text, a = _new(b, k=2)
    t = b.pool[b.related_links(1)[0]]
    bad = append_related(text, related_block(3, t.id, t.title, t.subject, t.url).replace(f"    url: {t.url}\n", ""))
    b.write(rel, bad)
    b.add("schema/related-missing-url", [rel], [Want(rel, "schema", "S001", (key_line(bad, "related_article3"),))])
