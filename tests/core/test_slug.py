"""slugify's byte translation gives what the regex of the slug convention gives."""
from __future__ import annotations

import random
import re

from lint.slug import expected_url, slugify

_DROP = re.compile(r"[^a-z0-9 ]")


def _reference(title: str) -> str:
    return _DROP.sub("", title.lower()).replace(" ", "-")


def test_slugify_matches_the_regex_on_every_character_mix() -> None:
    titles = ["How does the Na+ - K+ pump utilize energy?", "", " ", "A  B", "x-y_z", "ÀÉÎ õü",
              "\u212a elvin", "İstanbul", "ﬁsh", "Tab\there", "a\x00b\x7f", "99 Problems (2nd ed.)",
              "\U0001f600 emoji", "ß straße", "ΣΑΣ", "Kelvin K"]
    rng = random.Random(5)
    alphabet = [chr(c) for c in range(0x80)] + ["é", "\u212a", "İ", "ß", "ﬁ", "Σ", "\u3000", "😀"]
    titles += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(5000)]
    for title in titles:
        assert slugify.__wrapped__(title) == _reference(title), repr(title)
    assert slugify("How does the Na+ - K+ pump utilize energy?") == "how-does-the-na--k-pump-utilize-energy"
    assert expected_url("What is ATP?", "Nursing") == "/learn/nursing/questions/what-is-atp"
