"""Parse failures (P-codes): reported by the parser itself, documented here.

A file that cannot be read as an article gets one of these and no other finding; the run goes on
with the other files.
"""
from __future__ import annotations

from ..diagnostic import RuleInfo, Severity
from .base import rule_info

_DOCS = {
    "P001": ("not-utf8", "The file's bytes are not valid UTF-8.",
             "Every tool downstream reads UTF-8; other encodings turn accents and symbols into garbage.",
             "caf\\xe9 (Latin-1 bytes)", "café (saved as UTF-8)"),
    "P002": ("empty-file", "The file is empty (or only whitespace).",
             "An empty article publishes an empty page.", "", "---\\nid: 170611\\n...\\n---"),
    "P003": ("no-front-matter", "The file does not start with a `---` line opening the front matter.",
             "Without front matter the page has no title, url or answer.",
             "Explain the pump...", "---\\nid: 170611\\n...\\n---"),
    "P004": ("front-matter-not-closed", "The front matter has no closing `---` line.",
             "The generator would treat the whole file as YAML, or as body text.",
             "---\\nid: 170611\\ntitle: ...", "---\\nid: 170611\\ntitle: ...\\n---"),
    "P005": ("invalid-yaml", "The front matter is not valid YAML (the message says where and why).",
             "The page cannot be built from unparseable YAML.",
             "title: Explain: the pump", "title: >-\\n    Explain: the pump"),
    "P006": ("front-matter-not-mapping", "The front matter is valid YAML but not a mapping of fields.",
             "Articles are `key: value` fields; a list or a single string is not an article.",
             "- id: 1", "id: 1"),
    "P007": ("duplicate-key", "A key is given twice in the same mapping.",
             "YAML keeps only the last value without a word: half of the author's edit is lost.",
             "title: A\\ntitle: B", "title: B"),
    "P008": ("yaml-alias", "YAML anchors, aliases or merge keys are used.",
             "Articles never need them, and an alias bomb can exhaust memory: they are refused.",
             "a: &x text\\nb: *x", "a: text\\nb: text"),
    "P009": ("too-deep", "The front matter is nested absurdly deep.",
             "Articles need two levels; thousands of levels are an attack or a broken export.",
             "a: [[[[[[...]]]]]]", "a: [1, 2]"),
    "P010": ("file-too-large", "The file is larger than `max-file-size` and was not parsed.",
             "A multi-megabyte article is a broken export; parsing it would slow every run.",
             "(a 50 MB file)", "(an article of a few kB)"),
}


def _doc(summary: str, why: str, bad: str, good: str) -> str:
    bad, good = bad.replace("\\n", "\n"), good.replace("\\n", "\n")
    return (f"{summary}\n\n## What it does\nReported by the parser when a file cannot be read as an "
            f"article; no other rule runs on that file.\n\n## Why is this bad?\n{why}\n\n"
            f"## Example\n```yaml\n{bad}\n```\n\n## Use instead\n```yaml\n{good}\n```\n")


INFOS: tuple[RuleInfo, ...] = tuple(
    rule_info(code, name, "parse", Severity.ERROR, doc=_doc(summary, why, bad, good))
    for code, (name, summary, why, bad, good) in _DOCS.items()
)
