"""Slug/consistency and cross-article reference cases (plus clean articles with tricky titles)."""
from __future__ import annotations

from tests.heldout.builder import Builder, append_related, related_block
from tests.heldout.kit import Want, field_span, key_line, replace_once, set_value

PUBLISHED_0 = (170608, "How does myelination affect the speed of nerve impulse conduction?", "Nursing",
               "/learn/nursing/questions/how-does-myelination-affect-the-speed-of-nerve-impulse-conduction")
PUBLISHED_1 = (166940, "What is the role of the Na+ - K+ pump in active transport?", "Biology",
               "/learn/biology/questions/what-is-the-role-of-the-na--k-pump-in-active-transport")
TRICKY_TITLES = (
    ("slug-na-k", "Nursing", "How does the Na+ - K+ pump keep ion gradients stable in neurons?"),
    ("slug-apostrophe", "Chemistry", "What is Le Chatelier's principle and how does it apply to buffer solutions?"),
    ("slug-digits", "Biology", "Why does the pump move 3 Na+ ions out for every 2 K+ ions it brings in?"),
    ("slug-unicode", "Nursing", "How does caffeine from a café espresso affect neuronal excitability?"),
    ("slug-superscript", "Physiology", "Why is the Na⁺/K⁺-ATPase called an electrogenic pump?"),
    ("slug-em-dash", "Biology", "Osmosis — why does water follow sodium across membranes?"),
    ("slug-quotes", "Biology", 'What does "electrogenic" mean for the Na+ - K+ pump in cells?'),
)


def slug_cases(b: Builder) -> None:
    slugify = b.gen.slugify
    tricky = {}
    for name, subject, title in TRICKY_TITLES:
        a = b.new_article(subject, title=title, related=b.related_links(2))
        b.write(a.rel_path, b.render(a))
        b.add(f"clean/{name}", [a.rel_path], note=f"slug {a.slug}")
        tricky[name] = a
    hub = b.new_article("Nursing", related=tuple(b.index(a) for a in list(tricky.values())[:5]))
    b.write(hub.rel_path, b.render(hub))
    b.add("clean/links-to-tricky-titles", [hub.rel_path])

    def url_case(kind: str, title: str | None, subject: str, wrong_url) -> None:
        a = b.new_article(subject, title=title, related=b.related_links(2))
        text = b.render(a)
        bad = set_value(text, wrong_url(a), "url")
        b.write(a.rel_path, bad)
        b.add(kind, [a.rel_path], [Want(a.rel_path, "slug", "U001", field_span(bad, "url"))])

    url_case("slug/url-vs-title", None, "Nursing", lambda a: a.url.rsplit("-", 1)[0])
    url_case("slug/url-vs-subject", None, "Nursing", lambda a: a.url.replace("/nursing/", "/biology/"))
    url_case("slug/url-na-k-collapsed", "How does the Na+ - K+ pump respond to a rise in intracellular sodium?",
             "Biology", lambda a: a.url.replace("na--k", "na-k"))
    url_case("slug/url-apostrophe-as-hyphen", "Why doesn't the cell membrane let sodium ions leak freely inside?",
             "Biology", lambda a: a.url.replace("doesnt", "doesn-t"))
    url_case("slug/url-unicode-transliterated", "What makes a naïve T cell different from a memory T cell?",
             "Biology", lambda a: a.url.replace("nave", "naive"))
    url_case("slug/url-digits-dropped", "What happens to 2 K+ ions and 3 Na+ ions during each pump cycle?",
             "Physiology", lambda a: a.url.replace("to-2-k-ions-and-3-na", "to--k-ions-and--na"))

    a = b.new_article("Nursing", related=b.related_links(2))
    wrong = a.file_name.replace("-", "_", 1)
    bad = set_value(b.render(a), wrong, "file_name")
    rel = f"{a.subject.lower()}/{wrong}"
    b.write(rel, bad)
    b.add("slug/file-name-vs-title", [rel], [Want(rel, "slug", "U002", field_span(bad, "file_name"))])

    a = b.new_article("Biology", related=b.related_links(2))
    text = b.render(a)
    rel = "biology/draft-copy-of-an-article.md"
    b.write(rel, text)
    b.add("slug/disk-name-vs-file-name", [rel], [Want(rel, "slug", "U003", (1, *field_span(text, "file_name")))])

    for field in ("article_title", "question"):
        a = b.new_article("Nursing", related=b.related_links(2))
        text = b.render(a)
        bad = set_value(text, ">-\n    " + a.title[:-1] + " in practice" + a.title[-1], field)
        assert bad != text
        b.write(a.rel_path, bad)
        b.add(f"slug/{field}-vs-title", [a.rel_path], [Want(a.rel_path, "slug", "U004", field_span(bad, field))])

    for kind, wrong in (("slug/seo-title-vs-subject", "QuickTakes | Biology"),
                        ("slug/seo-title-format", "Quicktakes | Nursing")):
        a = b.new_article("Nursing", related=b.related_links(2))
        text = b.render(a)
        bad = set_value(text, wrong, "seo", "title")
        b.write(a.rel_path, bad)
        b.add(kind, [a.rel_path], [Want(a.rel_path, "slug", "U005", field_span(bad, "seo", "title"))],
              note="U005's fix is unsafe: --fix leaves it")

    for kind, mangle in (("slug/related-url-vs-title", lambda u: u.replace("-", "--", 1)),
                         ("slug/related-url-vs-subject", lambda u: "/learn/anatomy/" + u.split("/", 3)[3])):
        a = b.new_article("Nursing", related=b.related_links(3))
        text = b.render(a)
        target = b.pool[a.related[1]]
        bad = replace_once(text, f"    url: {target.url}\n", f"    url: {mangle(target.url)}\n")
        b.write(a.rel_path, bad)
        where = field_span(bad, "related_article2", "url")
        b.add(kind, [a.rel_path], [Want(a.rel_path, "slug", "U006", where)],
              [Want(a.rel_path, "reference", "R002", where)],
              note="also a stale copy of the target's url (R002); its fix is unsafe: --fix leaves it")
    del slugify


def reference_cases(b: Builder) -> None:
    def linker(targets: tuple[int, ...], subject: str = "Nursing"):
        a = b.new_article(subject, related=targets)
        return a, b.render(a)

    a, text = linker(b.related_links(2))
    ghost = "How do astrocytes buffer extracellular potassium around neurons?"
    bad = append_related(text, related_block(3, 999999, ghost, "Nursing",
                                             f"/learn/nursing/questions/{b.gen.slugify(ghost)}"))
    b.write(a.rel_path, bad)
    b.add("reference/dangling-id", [a.rel_path], [Want(a.rel_path, "reference", "R001", field_span(bad, "related_article3"))])

    a, text = linker(b.related_links(3))
    t = b.pool[a.related[0]]
    bad = replace_once(text, f"    id: {t.id}\n", f"    id: {t.id + 7_000_000}\n")
    b.write(a.rel_path, bad)
    b.add("reference/dangling-id-typo", [a.rel_path],
          [Want(a.rel_path, "reference", "R001", field_span(bad, "related_article1"))])

    def stale(kind: str, new_target, copy_edit, fields: tuple[str, ...], subject: str = "Nursing") -> None:
        target = new_target()
        b.write(target.rel_path, b.render(target))
        a, text = linker((*b.related_links(1), b.index(target)))
        bad = copy_edit(text, target)
        assert bad != text
        b.write(a.rel_path, bad)
        b.add(kind, [a.rel_path, target.rel_path],
              [Want(a.rel_path, "reference", "R002", field_span(bad, "related_article2", f)) for f in fields],
              note=f"target {target.rel_path}; R002's fix is unsafe: --fix leaves it")

    def other_end(title: str) -> str:
        return title[:-1] + ("." if title.endswith("?") else "?")

    stale("reference/stale-title", lambda: b.new_article("Nursing", related=b.related_links(1)),
          lambda t, tg: replace_once(t, f"        {tg.title}\n", f"        {other_end(tg.title)}\n"), ("title",))
    old_title = "How does the sodium-potassium pump set the resting potential of neurons?"

    def renamed_copy(t, tg):
        old_url = f"/learn/{tg.subject.lower()}/questions/{b.gen.slugify(old_title)}"
        return replace_once(t, f"        {tg.title}\n    subject: {tg.subject}\n    url: {tg.url}\n",
                            f"        {old_title}\n    subject: {tg.subject}\n    url: {old_url}\n")
    stale("reference/stale-title-and-url-after-rename", lambda: b.new_article("Nursing", related=b.related_links(1)),
          renamed_copy, ("title", "url"))
    stale("reference/stale-subject-after-move", lambda: b.new_article("Biology", related=b.related_links(1)),
          lambda t, tg: replace_once(t, f"    subject: Biology\n    url: {tg.url}\n",
                                     f"    subject: Nursing\n    url: {tg.url.replace('/biology/', '/nursing/')}\n"),
          ("subject", "url"))

    a, text = linker(b.related_links(1))
    bad = append_related(text, related_block(2, PUBLISHED_0[0], other_end(PUBLISHED_0[1]), *PUBLISHED_0[2:]))
    b.write(a.rel_path, bad)
    b.add("reference/stale-title-of-published", [a.rel_path],
          [Want(a.rel_path, "reference", "R002", field_span(bad, "related_article2", "title"))])

    a, text = linker(b.related_links(1))
    good = append_related(append_related(text, related_block(2, *PUBLISHED_0)), related_block(3, *PUBLISHED_1))
    b.write(a.rel_path, good)
    b.add("clean/links-to-published", [a.rel_path])

    twins = [b.new_article("Biology", related=b.related_links(2), ident=987_654) for _ in range(2)]
    for t in twins:
        b.write(t.rel_path, b.render(t))
    b.add("reference/duplicate-id", [t.rel_path for t in twins],
          [Want(t.rel_path, "reference", "R003", field_span(b.read(t.rel_path), "id")) for t in twins])

    first = b.new_article("Nursing", related=b.related_links(2))
    second = b.new_article("Nursing", title=first.title, related=b.related_links(1), unique=False)
    paths = (first.rel_path, f"archive/{second.rel_path}")
    for t, rel in zip((first, second), paths):
        b.write(rel, b.render(t))
    b.add("reference/duplicate-url", list(paths),
          [Want(rel, "reference", "R004", field_span(b.read(rel), "url")) for rel in paths])

    a, text = linker(b.related_links(2))
    bad = append_related(text, related_block(3, a.id, a.title, a.subject, a.url))
    b.write(a.rel_path, bad)
    b.add("reference/self-link", [a.rel_path], [Want(a.rel_path, "reference", "R005", field_span(bad, "related_article3"))])

    links = b.related_links(2)
    a, text = linker((links[0], links[1], links[0]))
    b.write(a.rel_path, text)
    b.add("reference/repeated-link", [a.rel_path], [Want(a.rel_path, "reference", "R006", (
        *field_span(text, "related_article1"), *field_span(text, "related_article3")))])

    a, text = linker(b.related_links(2))
    bad = text.replace("\nrelated_article2:", "\nrelated_article3:")
    b.write(a.rel_path, bad)
    b.add("reference/numbering-gap", [a.rel_path], [Want(a.rel_path, "reference", "R007", (key_line(bad, "related_article3"),))])
    a, text = linker(b.related_links(1))
    bad = text.replace("\nrelated_article1:", "\nrelated_article2:")
    b.write(a.rel_path, bad)
    b.add("reference/numbering-starts-at-2", [a.rel_path],
          [Want(a.rel_path, "reference", "R007", (key_line(bad, "related_article2"),))])
