"""Cross-article entity linking: which names merge and which must stay apart."""
from __future__ import annotations

import pytest

from sayso.link.entities import (
    HONORIFICS,
    TRANSLITERATION_RULES,
    best_match,
    block_key,
    name_key,
    person_name,
    same_entity,
)

SAME_KEY = [
    ("Zelenskyy", "Zelensky"),
    ("Zelenskyy", "Zelenskiy"),
    ("Oleksii", "Oleksiy"),
    ("Oleksiy", "Oleksij"),
    ("Volodymyr", "Volodimir"),
    ("Andriy", "Andrii"),
    ("Chernyak", "Cherniak"),
    ("Olexandr", "Oleksandr"),
    ("Mykhaylo", "Mykhailo"),
    ("Hillary", "Hilary"),
    ("François Hollande", "Francois Hollande"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("President Volodymyr Zelenskyy", "Volodymyr Zelenskyy"),
    ("Mr. Biden", "Biden"),
    ("Dr Anthony Fauci", "Anthony Fauci"),
    ("Defence Minister Oleksii Reznikov", "Oleksii Reznikov"),
    ("Martin Luther King Jr.", "Martin Luther King"),
    ("  ZELENSKYY ", "zelensky"),
]

DIFFERENT_KEY = [
    ("Hillary Clinton", "Bill Clinton"),
    ("Zelensky", "Zelenska"),
    ("Kyiv", "Kiev Clinton"),
    ("Andriy", "Andrea"),
]


@pytest.mark.parametrize("a, b", SAME_KEY)
def test_name_key_merges_variants(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", DIFFERENT_KEY)
def test_name_key_keeps_different_names_apart(a, b):
    assert name_key(a) != name_key(b)


def test_name_key_is_ascii_lowercase_without_punctuation():
    key = name_key("Jean-Pierre O’Brien-Müller, Sr.")
    assert key == key.lower() and key.isascii()
    assert not any(ch in key for ch in ".,-'’")


def test_rules_and_titles_are_documented_constants():
    assert all(len(rule) == 3 and rule[2] for rule in TRANSLITERATION_RULES)
    assert {"mr", "dr", "president"} <= HONORIFICS


def test_a_bare_title_is_not_dropped_to_nothing():
    assert name_key("President") == "president"


@pytest.mark.parametrize(
    "name, first, surname",
    [
        ("Volodymyr Zelenskyy", "volodimir", "zelenski"),
        ("Zelenskyy", None, "zelenski"),
        ("Ursula von der Leyen", "ursula", "leien"),
        ("von der Leyen", None, "leien"),
        ("Hillary Rodham Clinton", "hilari", "clinton"),
        ("H. Clinton", "h", "clinton"),
    ],
)
def test_person_name_parts(name, first, surname):
    assert person_name(name) == (first, surname)


MERGE = [
    (("Volodymyr Zelenskyy", "person"), ("Volodymyr Zelensky", "person")),
    (("President Zelenskiy", "person"), ("Volodymyr Zelenskyy", "person")),
    (("Oleksii Reznikov", "person"), ("Oleksiy Reznikov", "person")),
    (("Andriy Chernyak", "person"), ("Andrii Cherniak", "person")),
    (("Volodimir Zelensky", "person"), ("Volodymyr Zelenskyy", "person")),
    (("H. Clinton", "person"), ("Hillary Clinton", "person")),
    (("Hillary Rodham Clinton", "person"), ("Hillary Clinton", "person")),
    (("Clinton", "person"), ("Hillary Clinton", "person")),
    (("Sergei Shoigu", "person"), ("Sergei Shoygu", "person")),
    (("Dmitry Peskov", "person"), ("Dmitriy Peskov", "person")),
    (("Kyrylo Budanov", "person"), ("Kyrylo Budanow", "person")),  # close surname, same first name
    (("Ukraine's military intelligence", "org"), ("the military intelligence of Ukraine", "org")),
    (("Ukraine’s Defence Ministry", "org"), ("the Defence Ministry of Ukraine", "org")),
    (("The Kremlin", "org"), ("Kremlin", "org")),
    (("U.S. Army", "org"), ("the US Army", "org")),
    (("Kremlin", "other"), ("the Kremlin", "org")),
]

KEEP_APART = [
    (("Hillary Clinton", "person"), ("Bill Clinton", "person")),
    (("George W. Bush", "person"), ("Jeb Bush", "person")),
    (("Olena Zelenska", "person"), ("Volodymyr Zelenskyy", "person")),
    (("Boris Johnson", "person"), ("Lyndon Johnson", "person")),
    (("Boris Johnson", "person"), ("Boris Jonsen", "person")),  # short-ish, too far
    (("Anna Smith", "person"), ("Anne Smith", "person")),
    (("Dan Smith", "person"), ("Dana Smith", "person")),
    (("Volodymyr Zelenskyy", "person"), ("Zelensky", "org")),
    (("Ukraine's military intelligence", "org"), ("Russia's military intelligence", "org")),
    (("General Motors", "org"), ("Motors", "org")),
    (("Ministry of Defence", "org"), ("Ministry of Finance", "org")),
    (("", "person"), ("", "person")),
    (("Paris", "place"), ("Paris Hilton", "person")),
]


@pytest.mark.parametrize("a, b", MERGE)
def test_same_entity_merges(a, b):
    assert same_entity(a, b)
    assert same_entity(b, a)


@pytest.mark.parametrize("a, b", KEEP_APART)
def test_same_entity_keeps_apart(a, b):
    assert not same_entity(a, b)
    assert not same_entity(b, a)


TWO_CLINTONS = [("Hillary Clinton", "person", 1), ("Bill Clinton", "person", 2)]


@pytest.mark.parametrize(
    "name, candidates, expected",
    [
        ("Hillary Clinton", TWO_CLINTONS, 1),
        ("Bill Clinton", TWO_CLINTONS, 2),
        ("H. Clinton", TWO_CLINTONS, 1),
        ("Clinton", TWO_CLINTONS, None),  # ambiguous bare surname
        ("Chelsea Clinton", TWO_CLINTONS, None),
        ("Clinton", [("Hillary Clinton", "person", 1)], 1),
        ("Hillary Clinton", [("Clinton", "person", 7), ("Bill Clinton", "person", 2)], None),
        ("Hillary Clinton", [("Clinton", "person", 7)], 7),
        ("Hillary Clinton", [("Clinton", "person", 7), ("Hillary Clinton", "person", 1)], 1),
        ("Zelensky", [("Volodymyr Zelenskyy", "person", 3), ("Olena Zelenska", "person", 4)], 3),
        ("Volodymyr Zelenskiy", [("Olena Zelenska", "person", 4), ("Volodymyr Zelenskyy", "person", 3)], 3),
        ("Zelensky", [("Zelensky", "org", 5)], None),
        ("Kremlin", [("Zelensky", "person", 3), ("the Kremlin", "org", 6)], 6),
        ("Kremlin", [("Kremlin Palace", "org", 9)], None),
        ("the Kremlin", [("Zelensky", "person", 3), ("Kremlin", "org", 6)], 6),
        ("Nobody", [], None),
    ],
)
def test_best_match(name, candidates, expected):
    kind = "org" if "Kremlin" in name else "person"
    found = best_match(name, kind, candidates)
    assert (found[2] if found else None) == expected


def test_best_match_prefers_exact_first_name_over_initial():
    candidates = [("H. Clinton", "person", 8), ("Hillary Clinton", "person", 1)]
    assert best_match("Hillary Clinton", "person", candidates)[2] == 1


def test_block_key_groups_surname_variants():
    assert block_key("Volodymyr Zelenskyy", "person") == block_key("Zelensky", "person")
    assert block_key("the Kremlin", "org") == block_key("Kremlin", "org")


# -- the merge decision: link_entity, over the candidates the ledger fetched --------------------

def _decide(name, kind, canon, aliases=(), alias_rows=None):
    """link_entity with every canonical entity as a block candidate of its key, and alias rows as given."""
    from sayso.link.entities import block_key, link_entity, lookup_keys

    keys = lookup_keys(name, list(aliases), kind)
    by_block = {k.block_key: [c for c in canon if block_key(c.name, c.kind) == k.block_key] for k in keys}
    by_alias = {k.alias_key: (alias_rows or {}).get(k.alias_key, []) for k in keys}
    return link_entity(name, kind, keys, by_alias, by_block)


def _canon(*rows):
    from sayso.link.entities import Canonical

    return [Canonical(name, kind, i) for i, (name, kind) in enumerate(rows, 1)]


@pytest.mark.parametrize("name, kind, canon, expected", [
    ("Volodymyr Zelenskyy", "person", [], (None, None)),
    ("Volodymyr Zelenskyy", "person", [("Volodimir Zelensky", "person")], (1, None)),
    ("Zelensky", "person", [("Volodymyr Zelenskyy", "person")], (1, None)),
    ("Volodymyr Zelenskyy", "person", [("Zelensky", "person")], (1, "Volodymyr Zelenskyy")),
    ("Johnson", "person", [("Boris Johnson", "person"), ("Lyndon Johnson", "person")], (None, None)),
    ("Boris Johnson", "person", [("Lyndon Johnson", "person")], (None, None)),
    ("the Defence Ministry", "org", [("Defence Ministry", "org")], (1, None)),
    ("Defence Ministry", "org", [("Defence Ministry", "person")], (None, None)),
])
def test_link_entity_decides_on_names(name, kind, canon, expected):
    link = _decide(name, kind, _canon(*canon))
    assert (link.id, link.rename) == expected


def test_link_entity_an_alias_key_decides_and_a_later_name_can_match():
    from sayso.link.entities import Canonical, name_key

    gur = Canonical("Defence Intelligence of Ukraine", "org", 7)
    rows = {name_key("GUR", "org"): [gur]}
    assert _decide("GUR", "org", [], alias_rows=rows).id == 7
    assert _decide("military intelligence", "org", [], aliases=["GUR"], alias_rows=rows).id == 7
    two = {name_key("GUR", "org"): [gur, Canonical("Main Directorate", "org", 8)]}
    assert _decide("GUR", "org", [], alias_rows=two).id is None  # two entities share the alias: no match


def test_link_entity_a_bare_surname_never_matches_by_alias():
    from sayso.link.entities import Canonical, name_key

    rows = {name_key("Johnson"): [Canonical("Boris Johnson", "person", 3)]}
    assert _decide("Johnson", "person", [], alias_rows=rows).id is None
