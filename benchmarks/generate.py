"""Generate a synthetic QuickTakes corpus in the exact style of /work/shared/seeds.

    python benchmarks/generate.py OUT_DIR N [--seed S]

writes N articles as OUT_DIR/<subject lowercased>/<slug>.md. Every file copies the seeds byte for byte in
layout: key order, `>-` folded scalars indented 4 spaces (8 inside `related_articleN`), the `seo` block
indented 2, `score: -1.0` on most articles, an answer of ~2,000-2,800 characters kept on one line with
paragraph breaks written as the two characters `\\n`, and a body of only `&nbsp;` (no final newline).

The corpus is clean by construction: slugs follow the seeds' README (title lowercased, every character
other than a-z, 0-9 and space dropped, spaces turned into hyphens), ids, titles and urls are unique,
every `related_articleN` entry (0-5 per article) names another generated article with its exact id,
title, subject and url, and the answers that state the shared facts state them correctly (the Na+/K+
pump moves 3 Na+ out and 2 K+ in per ATP; a neuron rests near -70 mV). Output is a pure function of
(n, seed). Importable: `generate(out_dir, n, seed=0)`; `plan(n, seed)` gives the articles without writing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# ---------------------------------------------------------------- text banks: what the articles say


@dataclass(frozen=True, slots=True)
class SubjectBank:
    name: str
    weight: int
    neuro: bool  # its answers may state the shared facts (Na+/K+ pump, resting potential)
    topics: tuple[str, ...]
    processes: tuple[str, ...]
    keywords: tuple[str, ...]
    headings: tuple[str, ...]


def _split(text: str, sep: str = ";") -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split(sep) if x.strip())


def _commas(text: str) -> tuple[str, ...]:
    return _split(text, ",")


SUBJECTS = (
    SubjectBank("Nursing", 24, True, _split(
        "the sodium-potassium pump; the Na+ - K+ pump; myelination; the blood-brain barrier; fluid balance;"
        " electrolyte replacement; potassium levels; sodium levels; the renin-angiotensin system; insulin therapy;"
        " wound healing; pressure ulcer prevention; pain assessment; oxygen saturation; cardiac output;"
        " the glomerular filtration rate; dehydration; hand hygiene; early mobilization; nutritional support;"
        " the Glasgow Coma Scale; fall prevention; sepsis screening; blood glucose monitoring; anticoagulation;"
        " intravenous therapy; patient education; medication reconciliation; respiratory assessment;"
        " action potentials"), _split(
        "action potential recovery; patient recovery; postoperative care; chronic heart failure;"
        " acute kidney injury; nerve impulse conduction; drug delivery to the brain; the resting membrane potential;"
        " fluid resuscitation; infection control; discharge planning; diabetic ketoacidosis; palliative care;"
        " neurological monitoring; shock management; respiratory failure; hypertension management;"
        " stroke rehabilitation; safe medication administration; electrolyte balance; tissue perfusion;"
        " critical care nursing; hypoglycemia management; delirium prevention; sleep quality"), _commas(
        "nursing assessment, patient safety, clinical judgment, care planning, evidence-based practice,"
        " monitoring, interventions, patient outcomes, vital signs, documentation, care coordination"),
        _split("Mechanism of Action; Clinical Relevance; Nursing Considerations; Assessment and Monitoring;"
               " Key Interventions; Patient Education")),
    SubjectBank("Biology", 20, True, _split(
        "the sodium-potassium pump; the Na+ - K+ pump; transport proteins; the cell membrane; mitochondria;"
        " ribosomes; the endoplasmic reticulum; the Golgi apparatus; lysosomes; the cytoskeleton; chloroplasts;"
        " DNA replication; RNA polymerase; natural selection; genetic drift; photosynthesis; cellular respiration;"
        " meiosis; mitosis; enzymes; cell signaling; stem cells; the nuclear envelope; aquaporins;"
        " ion channels; vesicle transport; apoptosis; symbiosis; biodiversity; membrane receptors"), _split(
        "active transport; passive transport; cell division; energy production; protein synthesis;"
        " ion gradients in cells; nerve impulse transmission; muscle contraction; homeostasis; evolution;"
        " gene expression; cell volume regulation; osmosis; nutrient uptake; waste removal; ecosystem stability;"
        " population growth; speciation; embryonic development; immune defense; secondary active transport;"
        " signal transduction; cell differentiation; adaptation; tissue repair"), _commas(
        "cell biology, membranes, transport, energy, ATP, proteins, organelles, evolution, genetics,"
        " homeostasis, diffusion, electrochemical gradient"),
        _split("Mechanism; Structure and Function; Biological Importance; Key Processes; Regulation;"
               " Examples in Nature")),
    SubjectBank("Chemistry", 12, False, _split(
        "Le Chatelier's principle; activation energy; catalysts; buffer solutions; pH; electronegativity;"
        " hydrogen bonding; covalent bonds; ionic bonds; oxidation states; the ideal gas law; entropy; enthalpy;"
        " reaction rates; equilibrium constants; molar mass; titration; electrochemical cells; isotopes;"
        " the periodic table; intermolecular forces; stoichiometry; polymers; acids and bases; VSEPR theory;"
        " hybridization; chirality; functional groups; redox reactions; solubility"), _split(
        "chemical equilibrium; reaction kinetics; industrial synthesis; molecular geometry; boiling points;"
        " acid-base reactions; energy changes in reactions; electrolysis; corrosion; combustion;"
        " organic synthesis; spectroscopy; gas behavior; solution chemistry; crystal structures;"
        " environmental chemistry; battery design; drug design; atmospheric chemistry; phase changes;"
        " biochemical reactions; precipitation reactions; analytical measurements; thermodynamic stability;"
        " material properties"), _commas(
        "chemistry, reactions, molecules, bonds, energy, equilibrium, kinetics, thermodynamics, electrons,"
        " stoichiometry, laboratory methods"),
        _split("Underlying Principles; Key Concepts; Worked Example; Factors That Matter; Applications;"
               " Common Misconceptions")),
    SubjectBank("Physiology", 14, True, _split(
        "the sodium-potassium pump; voltage-gated sodium channels; voltage-gated potassium channels;"
        " the resting membrane potential; graded potentials; synaptic transmission; the baroreceptor reflex;"
        " the Frank-Starling mechanism; surfactant; the loop of Henle; antidiuretic hormone; aldosterone;"
        " cardiac muscle cells; skeletal muscle fibers; smooth muscle; the autonomic nervous system;"
        " the hypothalamus; thyroid hormones; cortisol; insulin; glucagon; red blood cells; hemoglobin;"
        " the respiratory center; chemoreceptors; the sinoatrial node; neurotransmitters; myelin;"
        " the refractory period; calcium ions"), _split(
        "action potential generation; repolarization; blood pressure regulation; glucose homeostasis;"
        " thermoregulation; urine concentration; gas exchange; cardiac contraction; the stress response;"
        " muscle fatigue; exercise adaptation; acid-base balance; fluid balance; neuronal excitability;"
        " signal propagation; hormonal feedback; digestion; ventilation; sleep regulation;"
        " the resting membrane potential; synaptic plasticity; heart rate control; oxygen delivery;"
        " metabolic rate; pain perception"), _commas(
        "physiology, homeostasis, feedback loops, membrane potential, action potential, hormones,"
        " ion channels, depolarization, neurons, organ systems, regulation"),
        _split("Mechanism of Action; Physiological Role; Regulation; Phases; Clinical Correlation;"
               " Integration with Other Systems")),
    SubjectBank("Anatomy", 8, True, _split(
        "the brachial plexus; the rotator cuff; the femoral triangle; the cranial nerves; the pericardium;"
        " the diaphragm; the portal vein; the nephron; the alveoli; the spinal cord; the cerebellum;"
        " the basal ganglia; the synovial joints; the lymphatic system; the pelvic floor; the carpal tunnel;"
        " the coronary arteries; the vertebral column; the inner ear; the retina; the liver lobule;"
        " the small intestine; the thymus; the skin; the meninges; the circle of Willis; the larynx;"
        " the sciatic nerve; the neuromuscular junction; the blood-brain barrier"), _split(
        "movement; posture; protection of the brain; blood supply; sensory perception; breathing; digestion;"
        " hearing and balance; vision; venous return; immune surveillance; fine motor control; childbirth;"
        " nerve entrapment; clinical examination; surgical access; injury patterns; joint stability;"
        " lymph drainage; nerve impulse conduction; swallowing; speech; filtration; coordination;"
        " absorption of nutrients"), _commas(
        "anatomy, structure, landmarks, innervation, blood supply, function, clinical anatomy,"
        " tissues, organs, body systems"),
        _split("Structure; Location and Relations; Blood Supply and Innervation; Function; Clinical Relevance;"
               " Variations")),
    SubjectBank("Pharmacology", 8, True, _split(
        "beta blockers; ACE inhibitors; loop diuretics; digoxin; opioids; benzodiazepines; local anesthetics;"
        " proton pump inhibitors; statins; warfarin; heparin; metformin; insulin; corticosteroids; NSAIDs;"
        " antibiotics; SSRIs; antihistamines; anticonvulsants; calcium channel blockers; bronchodilators;"
        " vaccines; antivirals; monoclonal antibodies; cardiac glycosides; thiazide diuretics; acetaminophen;"
        " naloxone; lidocaine; potassium supplements"), _split(
        "blood pressure control; pain management; seizure control; heart failure treatment; infection treatment;"
        " drug metabolism; drug interactions; renal clearance; dosing in older adults; adverse effects;"
        " receptor binding; therapeutic monitoring; anticoagulation; glycemic control; asthma management;"
        " inflammation; anxiety treatment; allergic reactions; arrhythmia management; overdose reversal;"
        " nerve conduction block; hepatic clearance; tolerance; drug distribution; patient adherence"), _commas(
        "pharmacology, pharmacokinetics, pharmacodynamics, mechanism of action, side effects, dosing,"
        " drug interactions, therapeutic index, receptors, clinical use"),
        _split("Mechanism of Action; Pharmacokinetics; Clinical Uses; Adverse Effects; Interactions;"
               " Monitoring")),
    SubjectBank("Microbiology", 6, False, _split(
        "bacterial cell walls; biofilms; plasmids; endospores; gram staining; bacteriophages; viral capsids;"
        " fungal spores; antibiotic resistance; quorum sensing; the normal flora; prions; protozoa; vaccines;"
        " horizontal gene transfer; toxins; flagella; pili; the lytic cycle; the lysogenic cycle;"
        " fermentation; nitrogen fixation; sterilization; culture media; the immune response; pathogens;"
        " opportunistic infections; zoonoses; retroviruses; mycobacteria"), _split(
        "infection control; disease transmission; laboratory diagnosis; food safety; antibiotic treatment;"
        " immune evasion; microbial growth; environmental cycles; outbreak investigation; virulence;"
        " host colonization; vaccine development; biotechnology; water treatment; hospital infections;"
        " persistent infections; genetic exchange; identification of bacteria; nutrient cycling;"
        " epidemiology; wound infection; antimicrobial stewardship; gut health; latency; replication"), _commas(
        "microbiology, bacteria, viruses, fungi, pathogens, infection, immunity, antibiotics, resistance,"
        " laboratory methods"),
        _split("Structure; Mechanism; Clinical Significance; Laboratory Identification; Prevention and Control;"
               " Examples")),
    SubjectBank("Biochemistry", 8, False, _split(
        "glycolysis; the Krebs cycle; the electron transport chain; ATP synthase; enzyme kinetics;"
        " allosteric regulation; coenzymes; fatty acid oxidation; gluconeogenesis; glycogen metabolism;"
        " the urea cycle; protein folding; amino acids; nucleotides; lipid bilayers; cholesterol synthesis;"
        " vitamins; hormones; second messengers; NADH; oxidative phosphorylation; ketone bodies;"
        " the pentose phosphate pathway; hemoglobin; collagen; DNA repair; transcription factors;"
        " post-translational modification; membrane transport; insulin signaling"), _split(
        "energy metabolism; metabolic regulation; fasting; exercise; starvation; cellular respiration;"
        " blood glucose control; protein turnover; lipid storage; detoxification; oxygen transport;"
        " cell signaling; gene regulation; enzyme inhibition; metabolic disease; muscle activity;"
        " nitrogen excretion; redox balance; biosynthesis; the fed state; ATP production; aging;"
        " inherited metabolic disorders; tissue repair; drug action"), _commas(
        "biochemistry, metabolism, enzymes, ATP, pathways, regulation, proteins, lipids, carbohydrates,"
        " coenzymes, energy"),
        _split("Pathway Overview; Key Enzymes; Regulation; Energy Yield; Clinical Relevance;"
               " Integration with Metabolism")),
    SubjectBank("Psychology", 6, False, _split(
        "working memory; classical conditioning; operant conditioning; cognitive dissonance; attachment;"
        " self-efficacy; the bystander effect; confirmation bias; neuroplasticity; sleep; stress; motivation;"
        " emotional regulation; social identity; resilience; learned helplessness; the placebo effect;"
        " observational learning; executive function; attention; perception; language acquisition;"
        " personality traits; mindfulness; intrinsic motivation; group dynamics; burnout; habit formation;"
        " long-term memory; the fight-or-flight response"), _split(
        "learning; decision making; academic performance; mental health; behavior change;"
        " social behavior; child development; recovery from trauma; workplace well-being; therapy outcomes;"
        " memory retrieval; problem solving; relationships; coping; adolescence; aging; addiction;"
        " anxiety; depression; creativity; health behavior; moral reasoning; exam preparation;"
        " communication; self-control"), _commas(
        "psychology, cognition, behavior, learning, memory, emotion, development, mental health,"
        " research methods, social psychology"),
        _split("Key Concepts; Theoretical Background; Evidence from Research; Practical Applications;"
               " Limitations; Examples")),
)

_BANKS = {b.name: b for b in SUBJECTS}

CONTEXTS = _split(
    "in adults; in older adults; in children; in neurons; in clinical practice; in critical care; in cells;"
    " during exercise; during fasting; during illness; in the laboratory; in everyday life; in the body;"
    " in patients with diabetes; after surgery; at rest")

TITLE_TEMPLATES = _split(
    "Explain the role of {topic} in {process}.; How does {topic} affect {process}?;"
    " What is the function of {topic} in {process}?; Describe the relationship between {topic} and {process}.;"
    " What are the main differences between {topic} and {topic2}?; Why is {topic} important for {process}?;"
    " How is {topic} regulated during {process}?; What happens to {process} when {topic} is impaired?;"
    " Explain how {topic} contributes to {process}.; How do {topic} and {topic2} work together in {process}?;"
    " What are the characteristics of {topic} and how do they influence {process}?;"
    " Describe the phases of {process} and the part {topic} plays in each phase.;"
    " How is {topic} measured when studying {process}?; What are the clinical implications of {topic} for {process}?")

_ADJ = ("crucial", "significant", "central", "vital", "key", "fundamental", "important", "critical")
_LABELS = _split(
    "Active Transport; Regulation; Structural Role; Energy Requirements; Feedback Control; Clinical Impact;"
    " Cellular Mechanism; Restoration of Balance; Signal Integration; Protective Function; Adaptation;"
    " Interaction with Other Systems; Rate-Limiting Step; Measurement; Early Warning Signs; Risk Factors;"
    " Maintenance of Homeostasis; Prevention of Complications; Coordination; Long-Term Effects")
_SENTENCES = _split(
    "{T} acts on {p} by adjusting how quickly the underlying steps proceed{c}.;"
    " This process requires energy in the form of ATP, because it works against existing gradients.;"
    " When {t} is disrupted, {p} slows down and compensatory mechanisms take over.;"
    " The effect of {t} depends on the balance between its production and its removal{c}.;"
    " Small changes in {t} can have large effects on {p}, which is why it is closely monitored.;"
    " {T} interacts with {t2}, so the two are usually considered together.;"
    " This highlights the role of {t} in maintaining stability during {p}.;"
    " Without the proper functioning of {t}, {p} would become inefficient and unreliable.;"
    " Research has shown that {t} is tightly regulated by feedback loops{c}.;"
    " The relationship is not linear: beyond a certain point, further changes in {t} add little.;"
    " In practice, this means that {p} can be supported by protecting {t}.;"
    " The contribution of {t2} becomes more obvious when {t} is already under strain.;"
    " This is essential because {p} relies on a steady supply of energy and building blocks.;"
    " Over time, repeated stress on {t} leads to adaptation, and sometimes to damage.;"
    " Following the initial change, {t} returns toward its baseline as {p} is completed.;"
    " Several factors, including age, nutrition, and medication, modify how {t} behaves{c}.;"
    " Understanding {t} helps to explain why {p} fails in some situations and not in others.;"
    " Careful observation of {t} gives early warning of problems with {p}.;"
    " {T} is therefore both a marker and a driver of {p}.;"
    " These effects are reversible when the underlying cause is corrected early.;"
    " {T} is found in many tissues, but its influence on {p} is greatest where demand is high.;"
    " The mechanism involves a sequence of steps, each of which can become a point of failure.;"
    " Clinicians and researchers often measure {t} indirectly, through its effects on {p}.;"
    " A common misconception is that {t} works alone, when in fact {t2} shapes its effect.;"
    " During periods of high demand, {t} is recruited more strongly to keep {p} on track.;"
    " The same principle explains several everyday observations about {p}{c}.;"
    " Because {t} responds within minutes, it is one of the first systems to react to change.;"
    " Chronic problems with {t} tend to develop slowly and are easy to overlook at first.;"
    " Comparing healthy and impaired states shows how much {p} depends on {t}.;"
    " This ensures that {p} can continue even when conditions outside the cell change.;"
    " Both the amount and the timing of {t} matter for the final outcome.;"
    " In turn, {p} feeds back on {t}, creating a loop that keeps the system stable.;"
    " Disorders of {t} are often detected first as subtle changes in {p}.;"
    " Taken together, these points show why {t} is studied so closely{c}.;"
    " Even modest improvements in {t} can make {p} noticeably more efficient.;"
    " This is why guidelines emphasize regular review of {t} when {p} is a concern.;"
    " Where {t} is well maintained, {p} tends to recover quickly after a disturbance.")
assert len(_SENTENCES) == 37  # a prime, so any step walks every sentence once (see compose_answer)
_FACTS_PUMP = (
    ("For every three sodium ions pumped out, two potassium ions are pumped in. This process requires energy"
    " in the form of ATP."),
    "For every three sodium ions (Na+) it pumps out of the cell, it brings in two potassium ions (K+).",
    ("For every molecule of ATP that is hydrolyzed, the sodium-potassium pump transports 3 Na+ ions out of the"
    " cell and 2 K+ ions into the cell."),
)
_FACTS_REST = (
    "This helps to restore the negative resting membrane potential (approximately -70 mV).",
    "The resting membrane potential of a neuron is typically around -70 mV.",
    "At rest, the inside of a neuron sits at about -70 mV relative to the outside.",
)


def _cap(text: str) -> str:
    """Capitalise a sentence start, leaving words such as pH and mRNA as they are."""
    return text if text[1:2].isupper() else text[0].upper() + text[1:]


def _a(word: str) -> str:
    return f"an {word}" if word[0] in "aeiou" else f"a {word}"


def compose_answer(rng: random.Random, bank: SubjectBank, topic: str, topic2: str, process: str,
                   context: str) -> str:
    """Markdown on one line: `\\n` escapes, `###` headings, numbered `**bold**:` items, bullets."""
    kw = {"t": topic, "T": _cap(topic), "t2": topic2, "p": process, "c": f" {context}" if context else ""}
    # no sentence twice in one answer: walk the bank with a random start and step (37 is prime)
    n = len(_SENTENCES)
    start, step = rng.randrange(n), rng.randrange(1, n)
    order = [(start + i * step) % n for i in range(n)]

    def fill(k: int) -> str:
        return " ".join(_SENTENCES[order.pop()].format(**kw) for _ in range(k))

    h1, h2 = rng.sample(bank.headings, 2)
    intro = f"{_cap(topic)} plays {_a(rng.choice(_ADJ))} role in {process}{kw['c']}. {fill(2)}"
    if rng.random() < 0.3:
        intro += " Here\u2019s a detailed explanation of its function in this context:"
    facts = []
    if bank.neuro and rng.random() < 0.3:
        facts.append(rng.choice(_FACTS_PUMP))
    if bank.neuro and rng.random() < 0.3:
        facts.append(rng.choice(_FACTS_REST))
    bullets = [f"- **{_cap(x)}**: {fill(1)}" for x in (topic2, process)]
    summary = f"In summary, {topic} is {rng.choice(_ADJ)} for {process}{kw['c']}. {fill(1)}"
    target = rng.randrange(2000, 2800)
    size = len(intro) + len(summary) + sum(map(len, bullets)) + 60 + sum(map(len, facts))
    labels = rng.sample(_LABELS, 6)
    items: list[str] = []
    while (size < target or len(items) < 2) and len(items) < 6 and len(order) >= 3:
        items.append(f"{len(items) + 1}. **{labels[len(items)]}**: {fill(3 if size < target - 600 else 2)}")
        size += len(items[-1]) + 4
    if facts:
        items[rng.randrange(len(items))] += f" {facts.pop()}"
    if facts:
        bullets.append(f"- **Ion Balance**: {facts.pop()}")
    parts = [intro, f"### {h1}", *items, f"### {h2}", "\\n".join(bullets), summary]
    return "\\n\\n".join(parts)


def compose_description(rng: random.Random, topic: str, process: str) -> str:
    return (f"{_cap(topic)} is {rng.choice(_ADJ)} for {process}, and understanding it explains how the body"
            f" and its cells keep {process} stable under changing conditions.")


def compose_keywords(rng: random.Random, bank: SubjectBank, topic: str, topic2: str, process: str) -> str:
    return ", ".join([topic.removeprefix("the "), process, topic2.removeprefix("the ")]
                     + rng.sample(bank.keywords, rng.randrange(5, 8)))


# ---------------------------------------------------------------- the corpus

_NOT_SLUG = re.compile(r"[^a-z0-9 ]")
_PLAIN_UNSAFE = re.compile(r": | #|^[-?:,\[\]{}#&*!|>'\"%@`]|:$")
_FIRST_ID = 100_000
_FIRST_DAY = dt.date(2024, 3, 1)
_DAYS = 480


def slugify(title: str) -> str:
    """The seeds' rule: lowercase, drop every char other than a-z 0-9 space, each space -> '-'."""
    return _NOT_SLUG.sub("", title.lower()).replace(" ", "-")


@dataclass(frozen=True, slots=True)
class PlannedArticle:
    id: int
    date: dt.date
    title: str
    subject: str
    slug: str
    topic: str
    topic2: str
    process: str
    context: str
    related: tuple[int, ...]  # indexes into the plan
    has_score: bool
    folded_title: bool

    @property
    def url(self) -> str:
        return f"/learn/{self.subject.lower()}/questions/{self.slug}"

    @property
    def file_name(self) -> str:
        return f"{self.slug}.md"

    @property
    def rel_path(self) -> str:
        return f"{self.subject.lower()}/{self.file_name}"


def _title(rng: random.Random, bank: SubjectBank) -> tuple[str, str, str, str, str]:
    topic, topic2 = rng.sample(bank.topics, 2)
    process = rng.choice(bank.processes)
    context = rng.choice(CONTEXTS) if rng.random() < 0.85 else ""
    text = rng.choice(TITLE_TEMPLATES).format(topic=topic, topic2=topic2, process=process)
    if context:
        text = f"{text[:-1]} {context}{text[-1]}"
    return _cap(text), topic, topic2, process, context


def plan(n: int, seed: int = 0) -> list[PlannedArticle]:
    """The corpus as values: unique ids, titles and slugs; related links resolved to other indexes."""
    rng = random.Random(seed)
    names = [s.name for s in SUBJECTS]
    weights = [s.weight for s in SUBJECTS]
    subjects = rng.choices(names, weights, k=n)
    days = sorted(rng.randrange(_DAYS) for _ in range(n))
    seen: set[str] = set()
    drafts = []
    next_id = _FIRST_ID
    for i in range(n):
        bank = _BANKS[subjects[i]]
        for attempt in range(50):
            title, topic, topic2, process, context = _title(rng, bank)
            if attempt >= 40:  # combinations run out only for huge n: number the title
                title = f"{title[:-1]} (case {i}){title[-1]}"
            slug = slugify(title)
            if slug not in seen:
                break
        seen.add(slug)
        next_id += rng.choice((1, 1, 2, 3, 5))
        drafts.append((next_id, _FIRST_DAY + dt.timedelta(days=days[i]), title, subjects[i], slug,
                       topic, topic2, process, context))
    by_subject: dict[str, list[int]] = {}
    for i, s in enumerate(subjects):
        by_subject.setdefault(s, []).append(i)
    out = []
    for i, d in enumerate(drafts):
        k = rng.choices((0, 1, 2, 3, 4, 5), (15, 5, 8, 10, 12, 50))[0]
        pool = by_subject[d[3]] if rng.random() < 0.9 else range(n)
        k = min(k, len(pool) - 1)
        related: list[int] = []
        while len(related) < k:
            j = pool[rng.randrange(len(pool))]
            if j != i and j not in related:
                related.append(j)
        safe_plain = not _PLAIN_UNSAFE.search(d[2])
        out.append(PlannedArticle(*d, related=tuple(related), has_score=rng.random() < 0.7,
                                  folded_title=not safe_plain or rng.random() < 0.75))
    return out


def _folded(key: str, text: str, indent: int = 0, text_indent: int = 4) -> str:
    """`key: >-` then the text on one line, as the seeds lay it out (seo's text is at 4 like the rest)."""
    return f"{' ' * indent}{key}: >-\n{' ' * text_indent}{text}\n"


def render(a: PlannedArticle, arts: list[PlannedArticle], rng: random.Random) -> str:
    """One article file, laid out exactly as the seeds are."""
    subject = a.subject
    bank = _BANKS[subject]
    title = _folded("title", a.title) + _folded("article_title", a.title) if a.folded_title else (
        f"title: {a.title}\narticle_title: {a.title}\n")
    parts = [
        f"---\n_schema: default\nid: {a.id}\ndate: {a.date.isoformat()}\n", title,
        f"date_format: MMM DD, YYYY\npost_on_text: Posted on\nseo:\n  title: QuickTakes | {subject}\n",
        _folded("page_description", compose_description(rng, a.topic, a.process), 2),
        _folded("page_keywords", compose_keywords(rng, bank, a.topic, a.topic2, a.process), 2),
        "author: QuickTakes\n", _folded("question", a.title),
        _folded("answer", compose_answer(rng, bank, a.topic, a.topic2, a.process, a.context)),
        f"subject: {subject}\nfile_name: {a.file_name}\nurl: {a.url}\n",
    ]
    if a.has_score:
        parts.append("score: -1.0\n")
    for n, j in enumerate(a.related, 1):
        r = arts[j]
        parts.append(f"related_article{n}:\n    id: {r.id}\n")
        parts.append(_folded("title", r.title, 4, 8))
        parts.append(f"    subject: {r.subject}\n    url: {r.url}\n")
    parts.append("---\n\n&nbsp;")
    return "".join(parts)


def generate(out_dir: str | os.PathLike[str], n: int, seed: int = 0) -> list[PlannedArticle]:
    """Write n articles under out_dir (which must be empty or absent); return what was written."""
    root = Path(out_dir)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty; generate into a new directory")
    arts = plan(n, seed)
    for subject in {a.subject for a in arts}:
        (root / subject.lower()).mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed + 1)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    # Serial on purpose: a writer thread loses to the GIL convoy (each syscall waits for the
    # rendering thread to yield), measured 5x slower.
    for a in arts:
        fd = os.open(root / a.rel_path, flags, 0o644)
        try:
            os.write(fd, render(a, arts, rng).encode("utf-8"))
        finally:
            os.close(fd)
    return arts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    start = time.perf_counter()
    try:
        arts = generate(args.out_dir, args.n, args.seed)
    except FileExistsError as exc:
        print(f"generate: {exc}", file=sys.stderr)
        return 2
    links = sum(len(a.related) for a in arts)
    print(f"wrote {len(arts)} articles ({links} related links) to {args.out_dir} "
          f"in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
