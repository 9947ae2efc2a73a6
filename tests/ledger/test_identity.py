"""Identity across articles (issue 10): transliteration, conflicting evidence, a person's merge and
split decisions that survive re-ingest, roles with their dates, the one-speaker view."""
from __future__ import annotations

import pytest

from sayso.ledger import Ledger
from sayso.ledger.identity import IdentityError
from sayso.link.entities import Canonical, conflicts, holder_at, name_key, same_entity
from sayso.records import Entity

from tests.ledger.test_ledger import V1, V2, Quote, make, person_article


@pytest.fixture
def ledger(ledger_url):
    with Ledger(ledger_url("ledger")) as opened:
        yield opened


@pytest.mark.parametrize("cyrillic, latin", [
    ("Володимир Зеленський", "Volodymyr Zelenskyy"),
    ("Дмитро Кулеба", "Dmytro Kuleba"),
    ("Сергей Лавров", "Sergei Lavrov"),
])
def test_cyrillic_names_fold_to_their_transliteration(cyrillic, latin):
    assert name_key(cyrillic) and name_key(cyrillic) == name_key(latin)
    assert same_entity((cyrillic, "person"), (latin, "person"))


@pytest.mark.parametrize("a, b", [("Олена Зеленська", "Volodymyr Zelenskyy"), ("Ζωή Κωνσταντοπούλου", "Zoe Adams")])
def test_different_people_in_other_scripts_stay_apart(a, b):
    assert name_key(a) and not same_entity((a, "person"), (b, "person"))


def test_a_cyrillic_speaker_gets_an_entity_of_its_own_name(ledger):
    ledger.store(person_article("Олексій Резніков", "Ми готові", "2023-02-01"))
    ledger.store(person_article("Oleksii Reznikov", "We are ready", "2023-02-02"))
    (speaker,) = ledger.speakers()
    assert speaker["claims"] == 2


@pytest.mark.parametrize("role, affiliation, roles, bare, expected", [
    ("Foreign Minister", "Ukraine", (("Foreign Minister", "Russia"),), False, True),
    ("Foreign Minister", "Ukraine", (("Foreign Minister", "Ukraine"),), False, False),
    ("congressman", None, (("talk show host", None),), True, True),
    ("congressman", None, (("talk show host", None),), False, False),  # full names: roles change
    (None, None, (("talk show host", "CNN"),), True, False),  # no evidence, no conflict
])
def test_conflicting_evidence(role, affiliation, roles, bare, expected):
    assert conflicts(role, affiliation, Canonical("X King", "person", 1, roles), bare) == expected


def test_a_bare_surname_with_another_role_is_a_new_entity(ledger):
    ledger.store(person_article("King", "Tonight we talk politics", "2019-01-01", role="talk show host"))
    ledger.store(person_article("Steve King", "I stand by it", "2019-01-05", role="Congressman"))
    assert {s["name"] for s in ledger.speakers()} == {"King", "Steve King"}


def test_different_given_names_never_share_an_entity(ledger):
    for name in ("Hillary Clinton", "Bill Clinton", "Chelsea Clinton"):
        ledger.store(person_article(name, f"{name} speaks", "2016-01-01"))
    assert len(ledger.speakers()) == 3


def test_merge_survives_reingest_and_new_articles(ledger):
    ledger.store(person_article("Volodymyr Zelenskyy", "We will win", "2023-02-01"))
    ledger.store(person_article("Vova Zelenskyy", "Glory to Ukraine", "2023-02-02"))
    assert len(ledger.speakers()) == 2
    ledger.merge_entities("Volodymyr Zelenskyy", "Vova Zelenskyy", note="a nickname", who="editor")
    (speaker,) = ledger.speakers()
    assert speaker["claims"] == 2 and "Vova Zelenskyy" in speaker["aliases"]
    again = person_article("Vova Zelenskyy", "Glory to Ukraine", "2023-02-02")
    again.extractors = dict(V2)  # a new extractor version: the article is extracted and stored again
    assert ledger.store(again) == "updated"
    ledger.store(person_article("Vova Zelenskyy", "The army holds", "2023-03-01"))
    (speaker,) = ledger.speakers()
    assert speaker["name"] == "Volodymyr Zelenskyy" and speaker["claims"] == 3
    assert [d["action"] for d in ledger.speaker("Zelenskyy")["decisions"]] == ["merge"]


def test_split_survives_reingest(ledger):
    text = 'Steve King said "I stand by it". Larry King said "good night".'
    quotes = [Quote("Steve King", "said", ("I stand by it",), "k"), Quote("Larry King", "said", ("good night",), "k")]
    ledger.store(make(text, quotes, [Entity("k", "Steve King", aliases=["Larry King"])], published="2019-01-01"))
    assert len(ledger.speakers()) == 1
    done = ledger.split_entity("Steve King", "Larry King", who="editor")
    assert done["moved_claims"] == 1
    assert {s["name"]: s["claims"] for s in ledger.speakers()} == {"Steve King": 1, "Larry King": 1}
    again = make(text, quotes, [Entity("k", "Steve King", aliases=["Larry King"])], published="2019-01-01",
                 extractors=V2)
    ledger.store(again)
    steve = ledger.speaker("Steve King")
    assert "Larry King" not in steve["aliases"]
    ledger.store(person_article("Larry King", "welcome back", "2019-02-01"))
    assert ledger.speaker("Larry King")["claims"] >= 1


def test_unknown_or_ambiguous_references_are_clear_errors(ledger):
    ledger.store(person_article("Hillary Clinton", "x", "2016-01-01"))
    ledger.store(person_article("Bill Clinton", "y", "2016-01-02"))
    with pytest.raises(IdentityError, match="no entity"):
        ledger.merge_entities("Hillary Clinton", "Chelsea Clinton")
    with pytest.raises(IdentityError, match="already one entity"):
        ledger.merge_entities("Hillary Clinton", "Hillary Clinton")


@pytest.mark.parametrize("rows, published, expected", [
    ([(1, "2016-01-01"), (2, "2021-02-01")], "2022-03-01", 2),
    ([(1, "2016-01-01"), (2, "2021-02-01")], "2016-06-01", 1),
    ([(1, "2021-01-01"), (2, "2021-02-01"), (1, "2021-03-01")], "2021-04-01", None),  # two holders at once
    ([(1, "2023-01-01")], "2022-01-01", None),  # nobody known before the article
    ([], "2022-01-01", None),
])
def test_holder_at(rows, published, expected):
    assert holder_at(rows, published) == expected


def _described(text, published):
    entity = Entity("d", "US president", role="President", affiliation="United States", described=True)
    return make(text, [Quote("The US president", "said", ("more aid would come",), "d")], [entity],
                published=published, precision="day")


def test_a_description_links_to_the_holder_of_its_role_then(ledger):
    for name, day in (("Barack Obama", "2016-05-01"), ("Joe Biden", "2022-03-01")):
        text = f'{name} said "we stand together".'
        ledger.store(make(text, [Quote(name, "said", ("we stand together",), "p")],
                          [Entity("p", name, role="President", affiliation="United States")],
                          published=day, precision="day"))
    ledger.store(_described('The US president said "more aid would come".', "2022-04-01"))
    ledger.store(_described('The US president said "more aid would come" again.', "2016-06-01"))
    by_date = {c["published"]: c["speaker"] for c in ledger.claims() if "more aid" in c["content"]}
    assert by_date == {"2022-04-01": "Joe Biden", "2016-06-01": "Barack Obama"}


def test_a_description_with_no_known_holder_never_links_by_its_words(ledger):
    ledger.store(_described('The US president said "more aid would come".', "2022-04-01"))
    ledger.store(_described('The US president said "more aid would come" again.', "2022-04-02"))
    assert len({c["speaker_id"] for c in ledger.claims()}) == 2


def test_the_speaker_view(ledger):
    ledger.store(person_article("Oleksii Reznikov", "first", "2022-05-01", role="Defence Minister"))
    ledger.store(person_article("Oleksiy Reznikov", "second", "2023-10-01", role="former minister"))
    view = ledger.speaker("Reznikov")
    assert view["name"] == "Oleksii Reznikov" and view["aliases"] == ["Oleksiy Reznikov"]
    assert [(r["role"], r["first"], r["last"]) for r in view["roles"]] == [
        ("Defence Minister", "2022-05-01", "2022-05-01"), ("former minister", "2023-10-01", "2023-10-01")]
    assert [a["claims"] for a in view["articles"]] == [1, 1]


def test_a_bare_surname_alias_never_links_a_full_name_to_another_person(ledger):
    ledger.store(person_article("Bill Peters", "first", "2019-01-01", aliases=["Peters"]))
    ledger.store(person_article("Rod Peters", "second", "2019-01-02", aliases=["Peters"]))
    assert {s["name"] for s in ledger.speakers()} == {"Bill Peters", "Rod Peters"}


def test_decisions_are_looked_up_only_once_some_exist(ledger):
    """The store asks once per article whether any decision exists (linking looks none up if not)."""
    from sayso.ledger.identity import any_decisions

    ledger.store(person_article("Volodymyr Zelenskyy", "We will win", "2023-02-01"))
    ledger.store(person_article("Vova Zelenskyy", "Glory to Ukraine", "2023-02-02"))
    assert not any_decisions(ledger._conn)
    ledger.merge_entities("Volodymyr Zelenskyy", "Vova Zelenskyy")
    assert any_decisions(ledger._conn)
