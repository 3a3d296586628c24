"""Prose cases: mojibake and lost characters, factual invariants, grammar, and clean articles full of
real non-ASCII text, correct facts next to confusers, BOM and CRLF files."""
from __future__ import annotations

from tests.heldout.builder import SEEDS, Builder
from tests.heldout.kit import Want, field_span, insert_in_answer, replace_once, set_value, value_line


def mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (bytes it leaves undefined read as Latin-1, like ftfy's
    sloppy-windows-1252): what seed 000 shows."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


NON_ASCII = (
    "The Na⁺/K⁺-ATPase keeps working at 37 °C, the normal body temperature.",
    "A naïve student might compare the cell to a busy café.",
    "Greek letters name its subunits: the α subunit binds ATP and the β subunit helps it fold.",
    "The gradient is steep — far steeper than most students expect.",
    "Teachers often call it “the engine” of the cell, and it’s a fair name.",
    "A typical cell is about 10 µm across.",
    "Energy flows from ATP → ADP + Pi as the pump works.",
    "Changes of ±5% matter, and values are quoted in µmol/L or mmol·L⁻¹.",
    "Both Δψ and the ‘resting’ state matter – as every Ca²⁺ signal shows.",
    "The Japanese word 細胞 means cell, and students remember it with a 🧠 sketch.",
)
NON_ASCII_MORE = (  # only in the fast run: proper nouns and symbols a spelling checker may not know
    "A dose of ½ tablet costs about €5 or £4 in Zürich, São Paulo or the Straße next door.",
    "Counts above 4×10³ cells/µL and saturations ≥ 90% (or ≤ 100%) are typical; 1 Å = 0.1 nm.",
    "The brand™ and the logo® differ • as the cœur of the argument… shows.",
    "In Vietnamese the word is tế bào, in Russian клетка, in Greek κύτταρο.",
)
# (kind, good sentence, bad sentence); None: the bad text is mojibake(good)
MOJIBAKE = (
    ("answer-apostrophe", "Here’s why this matters for the cell.", None),
    ("answer-curly-quotes", "Teachers call it “the engine” of the cell.", None),
    ("answer-e-acute", "A café analogy helps here.", None),
    ("answer-em-dash", "The gradient is steep — steeper than expected.", None),
    ("answer-degree", "Enzymes work best at 37 °C.", None),
    ("answer-superscript", "The Na⁺/K⁺-ATPase is electrogenic.", None),
    ("answer-micro", "A typical cell is about 10 µm across.", None),
    ("answer-double-encoded", "Here’s the short version.", "Here" + mojibake(mojibake("’")) + "s the short version."),
)
LOST = (
    ("encoding/replacement-character", "E002", "The pump moves ions \ufffd very quickly."),
    ("encoding/c1-control", None, "The gradient\u0096a steep one\u0096keeps the cell ready."),
    ("encoding/c1-next-line", None, "The gradient is steep.\u0085It keeps the cell ready."),
)
FACTS_WRONG = (
    ("wrong-count", "For every three sodium ions (Na+) it pumps out of the cell, it brings in three potassium ions (K+)."),
    ("wrong-count-digits", "For every molecule of ATP that is hydrolyzed, the sodium-potassium pump transports 3 Na+ ions "
                           "out of the cell and 1 K+ ion into the cell."),
    ("swapped-counts", "For every two sodium ions pumped out, three potassium ions are pumped in."),
    ("wrong-direction", "For every molecule of ATP that is hydrolyzed, the sodium-potassium pump transports 3 Na+ ions "
                        "into the cell and 2 K+ ions out of the cell."),
    ("wrong-direction-passive", "Three sodium ions are imported by the pump while two potassium ions are exported."),
    ("wrong-ratio", "The sodium-potassium pump works with a Na+:K+ ratio of 2:3 for each ATP."),
    ("wrong-ratio-unnamed", "The sodium-potassium pump has a 3:3 stoichiometry."),
    ("wrong-count-clause-order", "Three potassium ions enter for every two sodium ions that the pump moves out."),
    ("wrong-sign", "The resting membrane potential of a neuron is typically around +70 mV."),
    ("wrong-sign-missing", "At rest, the inside of a neuron sits at about 70 mV."),
    ("wrong-magnitude-small", "The resting membrane potential of a neuron is typically around -7 mV."),
    ("wrong-magnitude-large", "At rest, a neuron's membrane potential is about -700 mV."),
    ("wrong-unit", "The resting membrane potential of a neuron is typically around -70 V."),
    ("wrong-unit-before-negation", "A neuron's resting membrane potential is about -70 V. Without this gradient, "
                                   "neurons could not fire."),
    ("wrong-words", "A resting neuron sits at about minus seven millivolts."),
    ("wrong-near-confusers", "The threshold is about -55 mV, but the resting potential of a neuron is +70 mV."),
    ("wrong-after-confuser-transporter", "The NCX moves 3 Na+ in for each Ca2+, while the sodium-potassium pump "
                                         "moves 2 Na+ out and 3 K+ in."),
)
FACTS_RIGHT = (
    ("peak", "During an action potential the membrane potential peaks at about +30 mV before repolarization."),
    ("threshold", "Threshold is typically reached at around -55 mV."),
    ("cardiac", "Cardiac ventricular muscle cells rest at about -90 mV, more negative than neurons."),
    ("ncx", "The sodium-calcium exchanger (NCX) moves 3 Na+ into the cell for every 1 Ca2+ it removes."),
    ("sglt", "SGLT1 carries 2 Na+ into the cell together with 1 glucose molecule."),
    ("neuron-near-confusers", "A neuron rests at about -70 mV, reaches threshold at -55 mV and peaks near +30 mV."),
    ("pump-near-ncx", "The pump moves 3 Na+ out and 2 K+ in per ATP, while the NCX brings 3 Na+ in for each Ca2+ "
                      "it expels."),
    ("skeletal-vs-neuron", "Skeletal muscle fibres rest near -90 mV, whereas neurons rest near -70 mV."),
    ("ahp", "After the spike, the afterhyperpolarization briefly takes the membrane to about -80 mV."),
    ("clause-order", "Two potassium ions enter for every three sodium ions that leave."),
    ("ratio-slash", "The pump's 3 Na+/2 K+ exchange costs one ATP."),
    ("unicode-minus", "A typical neuron rests at −70 mV."),
    ("volts", "A typical neuron rests at about -0.07 V."),
    ("range", "The resting potential of neurons lies between -60 and -80 mV."),
)


def _answer_case(b: Builder, kind: str, good: str | None, bad: str, want: tuple | None,
                 neuro: bool | None = None, fix: bool = True, fresh: bool = False) -> None:
    """`bad` put into the answer of a generated article (in place), or of a new article that nothing
    links to (`fresh`: a file that may fail to parse must not take its inbound links down with it)."""
    if fresh:
        a = b.new_article(b.rng.choice(("Nursing", "Biology", "Chemistry", "Physiology")),
                          related=b.related_links(2))
        text = b.render(a)
    else:
        a = b.take_generated(neuro=neuro)
        text = b.read(a.rel_path)
    broken, line, _ = insert_in_answer(text, bad)
    b.write(a.rel_path, broken)
    expect = [Want(a.rel_path, want[0], want[1], (line,))] if want else []
    fixed = {a.rel_path: insert_in_answer(text, good)[0]} if fix and good else {}
    b.add(kind, [a.rel_path], expect, fixed=fixed)


def encoding_cases(b: Builder) -> None:
    for name, good, bad in MOJIBAKE:
        _answer_case(b, f"encoding/{name}", good, bad or mojibake(good), ("encoding", "E001"), fresh=True)
    for kind, code, bad in LOST:
        _answer_case(b, kind, None, bad, ("encoding", code), fresh=True)
    a = b.take_generated()
    text = b.read(a.rel_path)
    lead = "Here’s a summary: "
    desc = field_span(text, "seo", "page_description")[-1]
    lines = text.split("\n")
    good, bad = list(lines), list(lines)
    good[desc - 1] = good[desc - 1].replace("    ", "    " + lead, 1)
    bad[desc - 1] = bad[desc - 1].replace("    ", "    " + mojibake(lead), 1)
    b.write(a.rel_path, "\n".join(bad))
    b.add("encoding/seo-description", [a.rel_path], [Want(a.rel_path, "encoding", "E001", (desc,))],
          fixed={a.rel_path: "\n".join(good)})
    a = b.take_generated()
    text = b.read(a.rel_path)
    kw = field_span(text, "seo", "page_keywords")[-1]
    lines = text.split("\n")
    good_l, bad_l = list(lines), list(lines)
    good_l[kw - 1] += ", naïve cells"
    bad_l[kw - 1] += ", " + mojibake("naïve") + " cells"
    b.write(a.rel_path, "\n".join(bad_l))
    b.add("encoding/seo-keywords", [a.rel_path], [Want(a.rel_path, "encoding", "E001", (kw,))],
          fixed={a.rel_path: "\n".join(good_l)})
    a = b.new_article("Biology", related=b.related_links(2))
    text = b.render(a)
    lines = text.split("\n")
    desc = field_span(text, "seo", "page_description")
    value = lines[desc[-1] - 1].strip().replace('"', "'")
    good_l, bad_l = list(lines), list(lines)
    good_l[desc[0] - 1:desc[-1]] = [f'  page_description: "Here’s why: {value}"']
    bad_l[desc[0] - 1:desc[-1]] = [f'  page_description: "{mojibake("Here’s")} why: {value}"']
    b.write(a.rel_path, "\n".join(bad_l))
    b.add("encoding/double-quoted-description", [a.rel_path], [Want(a.rel_path, "encoding", "E001", (desc[0],))],
          fixed={a.rel_path: "\n".join(good_l)})
    a = b.new_article("Biology", related=b.related_links(2))
    text = b.render(a)
    desc = field_span(text, "seo", "page_description")[-1]
    lines = text.split("\n")
    words = lines[desc - 1].split(" ")
    cut = len(words) // 2
    head, tail = " ".join(words[:cut]), " ".join(words[cut:])
    good_l, bad_l = list(lines), list(lines)
    good_l[desc - 1:desc] = [head, "    “quoted” " + tail]
    bad_l[desc - 1:desc] = [head, "    " + mojibake("“quoted”") + " " + tail]
    b.write(a.rel_path, "\n".join(bad_l))
    b.add("encoding/second-line-of-folded-scalar", [a.rel_path], [Want(a.rel_path, "encoding", "E001", (desc + 1,))],
          fixed={a.rel_path: "\n".join(good_l)}, note="the closing quote's mojibake ends in U+009D")
    a = b.new_article("Biology", related=b.related_links(2))
    good_l = b.render(a).split("\n")
    bad_l = list(good_l)
    desc = field_span("\n".join(good_l), "seo", "page_description")[-1]
    good_l[desc - 1:desc] = [good_l[desc - 1], "    Best served in a café."]
    bad_l[desc - 1:desc] = [bad_l[desc - 1], "    Best served in a " + mojibake("café") + "."]
    b.write(a.rel_path, "\n".join(bad_l))
    b.add("encoding/second-line-no-c1", [a.rel_path], [Want(a.rel_path, "encoding", "E001", (desc + 1,))],
          fixed={a.rel_path: "\n".join(good_l)})
    a = b.take_generated()
    text = b.read(a.rel_path)
    good = text + "\n\nHere’s a note for editors."
    bad = text + "\n\n" + mojibake("Here’s") + " a note for editors."
    b.write(a.rel_path, bad)
    b.add("encoding/body", [a.rel_path], [Want(a.rel_path, "encoding", "E001", (bad.count("\n") + 1,))],
          fixed={a.rel_path: good})

    a = b.new_article("Nursing", title="What’s the role of the sodium-potassium pump in a resting neuron?",
                      related=b.related_links(2))
    good = b.render(a)
    bad = good.replace("What’s", mojibake("What’s"))
    b.write(a.rel_path, bad)
    b.add("encoding/title-fields", [a.rel_path],
          [Want(a.rel_path, "encoding", "E001", (value_line(bad, f),)) for f in ("title", "article_title", "question")],
          fixed={a.rel_path: good})

    target = b.new_article("Biology", title="What’s the difference between a channel and a carrier protein?",
                           related=b.related_links(1))
    b.write(target.rel_path, b.render(target))
    a = b.new_article("Biology", related=(*b.related_links(1), b.index(target)))
    good = b.render(a)
    bad = good.replace("        What’s", "        " + mojibake("What’s"))
    b.write(a.rel_path, bad)
    where = (value_line(bad, "related_article2", "title"),)
    b.add("encoding/related-title", [a.rel_path, target.rel_path], [Want(a.rel_path, "encoding", "E001", where)],
          [Want(a.rel_path, "reference", "R002", field_span(bad, "related_article2", "title"))],
          fixed={a.rel_path: good}, note="also a stale copy of the target's title (R002); E001's safe fix repairs it")

    seed0 = (SEEDS / "000_42cfa97cd7b3d30b.txt").read_bytes()
    rel = "nursing/explain-the-role-of-the-sodiumpotassium-pump-in-action-potential-recovery.md"
    b.write(rel, seed0)
    b.add("encoding/seed-000", [rel], [Want(rel, "encoding", "E001", (21,))],
          fixed={rel: seed0.replace("Hereâ€™s".encode(), "Here’s".encode())})


def facts_cases(b: Builder) -> None:
    for name, sentence in FACTS_WRONG:
        _answer_case(b, f"facts/{name}", None, sentence, ("facts", "F001"), neuro=True)
    for name, sentence in FACTS_RIGHT:
        _answer_case(b, f"clean/facts-{name}", None, sentence, None, neuro=True)
    a = b.take_generated(neuro=True)
    text = b.read(a.rel_path)
    desc = field_span(text, "seo", "page_description")[-1]
    lines = text.split("\n")
    lines[desc - 1] = "    A neuron's resting potential is about +70 mV. " + lines[desc - 1].lstrip()
    b.write(a.rel_path, "\n".join(lines))
    b.add("facts/wrong-sign-in-description", [a.rel_path], [Want(a.rel_path, "facts", "F001", (desc,))])


def clean_text_cases(b: Builder) -> None:
    for sentence in NON_ASCII:
        _answer_case(b, "clean/non-ascii", None, sentence, None)
    _answer_case(b, "clean/non-ascii-all", None, " ".join(NON_ASCII), None)
    for sentence in NON_ASCII_MORE:
        _answer_case(b, "clean/non-ascii-more", None, sentence, None)
    for kind, bom, crlf in (("clean/bom", True, False), ("clean/crlf", False, True), ("clean/bom-crlf", True, True)):
        for _ in range(5):
            a = b.take_generated()
            data = b.read(a.rel_path)
            b.write(a.rel_path, ("\ufeff" if bom else "") + (data.replace("\n", "\r\n") if crlf else data))
            b.add(kind, [a.rel_path])
    # Defects inside BOM/CRLF files: same lines, and --fix keeps the BOM and every CR.
    a = b.take_generated()
    text = b.read(a.rel_path)
    good, line, _ = insert_in_answer(text, "Here’s the key point.")
    bad = good.replace("Here’s the key point.", mojibake("Here’s") + " the key point.")
    b.write(a.rel_path, "\ufeff" + bad.replace("\n", "\r\n"))
    b.add("encoding/mojibake-in-bom-crlf-file", [a.rel_path], [Want(a.rel_path, "encoding", "E001", (line,))],
          fixed={a.rel_path: "\ufeff" + good.replace("\n", "\r\n")})
    a = b.take_generated(neuro=True)
    bad, line, _ = insert_in_answer(b.read(a.rel_path), "A resting neuron sits at about +70 mV.")
    b.write(a.rel_path, bad.replace("\n", "\r\n"))
    b.add("facts/wrong-sign-in-crlf-file", [a.rel_path], [Want(a.rel_path, "facts", "F001", (line,))])
    t = b.new_article("Biology", related=b.related_links(2))
    bad = set_value(b.render(t), t.url.replace("questions", "question"), "url")
    b.write(t.rel_path, "\ufeff" + bad)
    b.add("slug/url-vs-title-in-bom-file", [t.rel_path], [Want(t.rel_path, "slug", "U001", field_span(bad, "url"))])
    t = b.new_article("Biology", related=b.related_links(2))
    bad, line, _ = insert_in_answer(b.render(t), "Some editors paste text with a line separator\u2028like this one.")
    b.write(t.rel_path, bad)
    b.add("parse/line-separator-in-answer", [t.rel_path], [Want(t.rel_path, "encoding", "E003", (line,))],
          note="U+2028 is a line break to YAML 1.1 (PyYAML, libyaml): the folded answer breaks there; "
               "qtlint parses around it (B3) and reports the character itself, at the file's own line")


def linked_c1_case(b: Builder) -> None:
    """A C1 control in an article others link to: one encoding finding, nothing for the linkers.
    Built first, so that no other case uses the linkers or links to the target."""
    i = max(range(len(b.arts)), key=lambda j: (b.inbound[j], -j))
    target = b.arts[i]
    linkers = [a.rel_path for a in b.arts if i in a.related]
    b.no_links.add(i)
    b.owned.update([target.rel_path, *linkers])
    bad, line, _ = insert_in_answer(b.read(target.rel_path), "The pump\u0096a tireless one\u0096never rests.")
    b.write(target.rel_path, bad)
    b.add("encoding/c1-control-in-linked-article", [target.rel_path, *linkers],
          [Want(target.rel_path, "encoding", None, (line,))], note=f"{len(linkers)} articles link to it")


SEED_TITLE = "Explain how the sodium-potassium pump contributes to the establishment of the resting membrane potential."
SEED_SLUG = "explain-how-the-sodiumpotassium-pump-contributes-to-the-establishment-of-the-resting-membrane-potential"


def seed_variant(b: Builder, n: int) -> tuple[str, str]:
    """Seed 001 (grammar-clean, American spelling) under a new id and title."""
    text = (SEEDS / "001_d80db01577ca42e1.txt").read_text(encoding="utf-8")
    title = SEED_TITLE.replace("potential.", f"potential in case study {n}.")
    slug = b.gen.slugify(title)
    text = text.replace(SEED_TITLE, title).replace(SEED_SLUG, slug).replace("id: 170601", f"id: {880_000 + n}")
    return f"nursing/{slug}.md", text


GRAMMAR = (
    ("grammar/doubled-word", None, "answer", "across the neuronal membrane", "across the the neuronal membrane"),
    ("grammar/an-pump", None, "answer", "The sodium-potassium pump (Na+/K+ ATPase) is a crucial",
     "The cell relies on an pump. The sodium-potassium pump (Na+/K+ ATPase) is a crucial"),
    ("grammar/misspelling", "G001", "answer", "concentration gradients. For every", "concentraton gradients. For every"),
    ("grammar/misspelling-recieve", "G001", "answer", "When a neuron is stimulated", "When a neuron recieves a stimulus"),
    ("grammar/misspelling-in-description", "G001", "page_description", "vital for establishing", "vital for establising"),
)


def grammar_cases(b: Builder) -> None:
    for f in ("001_d80db01577ca42e1.txt", "002_11a7ef81ff21aea8.txt"):
        data = (SEEDS / f).read_bytes()
        text = data.decode("utf-8")
        subject = next(x[9:] for x in text.split("\n") if x.startswith("subject: ")).lower()
        file_name = next(x[11:] for x in text.split("\n") if x.startswith("file_name: "))
        b.write(f"{subject}/{file_name}", data)
        b.add("clean/seed", [f"{subject}/{file_name}"])
    n = 0
    for n in range(1, 4):
        rel, text = seed_variant(b, n)
        b.write(rel, text)
        b.add("clean/seed-variant", [rel])
    for i, sentence in enumerate(NON_ASCII):  # real non-ASCII in prose the spelling checker knows
        rel, text = seed_variant(b, 20 + i)
        b.write(rel, insert_in_answer(text, sentence)[0])
        b.add("clean/non-ascii-prose", [rel])
    for i, (_, sentence) in enumerate(FACTS_RIGHT):  # the confusers, in prose the checkers know
        rel, text = seed_variant(b, 40 + i)
        b.write(rel, insert_in_answer(text, sentence)[0])
        b.add("clean/confusers-prose", [rel])
    for kind, code, field, old, new in GRAMMAR:
        n += 1
        rel, text = seed_variant(b, n)
        bad = replace_once(text, old, new)
        b.write(rel, bad)
        path = ("seo", field) if field == "page_description" else (field,)
        b.add(kind, [rel], [Want(rel, "grammar", code, (value_line(bad, *path),))])
