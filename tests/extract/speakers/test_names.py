"""Names, datelines, places, descriptions and known speakers (issue 10): sentences of our own."""
from __future__ import annotations

import pytest

from sayso.extract.datelines import dateline_spans
from sayso.pipeline import extract
from sayso.records import Article


def speakers(nlp, text, **article):
    """[(speaker phrase, entity name or None)] of every claim, and the entities."""
    ex = extract(nlp(text), Article(text=text, **article))
    names = {e.key: e.name for e in ex.entities}
    return [(c.speaker.text if c.speaker else None, names.get(c.speaker_key)) for c in ex.claims], ex.entities


@pytest.mark.parametrize("text, name", [
    ("Mayor Bill de Blasio said the ferries would run again. De Blasio added that fares would fall.",
     "Bill de Blasio"),
    ("Envoy Linda Thomas-Greenfield said the council would vote. Thomas-Greenfield said the vote was close.",
     "Linda Thomas-Greenfield"),
    ("Analyst Justin Cranny-Evans said the tanks were old. Cranny-Evans said more would come.",
     "Justin Cranny-Evans"),
    ("Ursula von der Leyen said the union would act. Von der Leyen added that sanctions would follow.",
     "Ursula von der Leyen"),
    ("Syrian President Bashar al-Assad said the war was over. Assad added that refugees should return.",
     "Bashar al-Assad"),
])
def test_whole_surnames(nlp, text, name):
    found, entities = speakers(nlp, text)
    assert [n for _, n in found] == [name, name]
    assert not any(e.name in ("Blasio", "Greenfield", "Evans", "Leyen", "Assad") for e in entities)


@pytest.mark.parametrize("text, spans", [
    ("AUSTIN (KXAN) — Police said the suspect fled.", ["AUSTIN (KXAN) — "]),
    ("KYIV, Feb 3 (Reuters) - The mayor said the trams would run.", ["KYIV, Feb 3 (Reuters) - "]),
    ("OTTAWA — The minister said the budget would balance.", ["OTTAWA — "]),
    ("Title line\nLONDON (AP) — The union said the strike was over.", ["LONDON (AP) — "]),
    ("Austin Reed said the shop would open.", []),
    ("The mayor — who was late — said the shop would open.", []),
])
def test_datelines(text, spans):
    assert [text[s:e] for s, e in dateline_spans(text)] == spans


def test_a_dateline_is_never_a_person(nlp):
    _, entities = speakers(nlp, "AUSTIN (KXAN) — Police Chief Joseph Chacon said officers were sent.")
    assert "Austin" not in {e.name.title() for e in entities if e.kind == "person"}


@pytest.mark.parametrize("text", [
    "Kramatorsk said the shelling went on all night.",
    "Friday said the plan would fail.",
])
def test_places_and_dates_never_speak(nlp, text):
    found, entities = speakers(nlp, text)
    assert all(n is None for _, n in found)
    assert not [e for e in entities if e.kind == "person"]


def test_a_country_still_speaks_as_a_state(nlp):
    found, _ = speakers(nlp, "Russia said it would answer the sanctions.")
    assert found == [("Russia", "Russia")]


@pytest.mark.parametrize("text, phrase, name", [
    ("US President Joe Biden met the mayor. The US president said more aid would come.",
     "The US president", "Joe Biden"),
    ("Russian President Vladimir Putin spoke on Friday. The Kremlin leader said the operation would go on.",
     "The Kremlin leader", "Vladimir Putin"),
    ("Secretary of State Antony Blinken arrived in Kyiv. The top US diplomat said Washington would help.",
     "The top US diplomat", "Antony Blinken"),
    ("Professor Ines Vidal studies cars. The lanky professor said small cars lose money.",
     "The lanky professor", "Ines Vidal"),
    ("His father, Ernst Lindqvist, spoke at the hearing. His father, Ernst Lindqvist, said the son was ill.",
     "His father, Ernst Lindqvist", "Ernst Lindqvist"),
])
def test_descriptions_link_to_the_named_holder(nlp, text, phrase, name):
    found, _ = speakers(nlp, text)
    assert (phrase, name) in found


def test_a_description_with_another_role_is_not_linked(nlp):
    found, _ = speakers(nlp, "Judge Mara Olsen heard the case. The minister said the law was clear.")
    assert ("The minister", "Mara Olsen") not in found


@pytest.mark.parametrize("text, name", [
    ("Tomas Reyes runs the port. Reyes, who has worked there for 30 years, said the cranes were old.",
     "Tomas Reyes"),
    ("Karla Nunes, director of the Lakeside Brewery in Milwaukee, said prices would rise.", "Karla Nunes"),
])
def test_the_name_at_the_head_speaks_not_one_in_its_apposition(nlp, text, name):
    found, _ = speakers(nlp, text)
    assert found[-1][1] == name


def test_pronouns_follow_given_name_gender(nlp):
    text = ("Wendy Marsh lost her son last year. Peter Reyes, his friend, was there. "
            "She says the police should have acted.")
    found, _ = speakers(nlp, text)
    assert ("She", "Wendy Marsh") in found


# -- documents with a known speaker; transcripts ------------------------------------------------

SPEECH = ("Good evening. Today I met our commanders. I believe that our army will hold the line. "
          "We will rebuild every town.")


def test_first_person_resolves_to_the_known_speaker(nlp):
    found, _ = speakers(nlp, SPEECH, speaker="Volodymyr Zelenskyy")
    first = [n for s, n in found if s and s.lower() in ("i", "we")]
    assert first and all(n == "Volodymyr Zelenskyy" for n in first)


def test_without_a_known_speaker_first_person_stays_unresolved(nlp):
    found, _ = speakers(nlp, SPEECH)
    assert [n for s, n in found if s and s.lower() in ("i", "we")] == [None] * len(
        [s for s, _ in found if s and s.lower() in ("i", "we")])


def test_a_quote_inside_a_speech_keeps_its_own_speaker(nlp):
    text = ('Yesterday General Petro Horak told me: "I am sure the bridge will hold." '
            'I believe that he is right.')
    found, _ = speakers(nlp, text, speaker="Volodymyr Zelenskyy")
    assert ("I", "Volodymyr Zelenskyy") in found
    assert ("General Petro Horak", "Petro Horak") in found


def test_transcript_turns(nlp):
    text = ("Jane Smith: I believe the strike will end soon.\n"
            "John Doe: I think it will go on for weeks.")
    ex = extract(nlp(text), Article(text=text))
    names = {e.key: e.name for e in ex.entities}
    turns = [(names.get(c.speaker_key), c.content_text) for c in ex.claims]
    assert turns == [("Jane Smith", "I believe the strike will end soon"),
                     ("John Doe", "I think it will go on for weeks")]


def test_a_pronoun_continues_the_previous_speaker(nlp):
    text = ("Judge Mara Olsen said the station had been playing games.\n"
            "Still, she denied Lena Park's request for phone numbers.\n"
            '"This has become an acrimonious fight," she wrote.')
    found, _ = speakers(nlp, text)
    assert [n for s, n in found if s == "she"] == ["Mara Olsen"] * len([s for s, _ in found if s == "she"])


@pytest.mark.parametrize("text", [
    "Ronalee Marsh, a lawyer in Ottawa, Ont., said the fees were high.",
    "Karl Smith, a dentist in Sacramento, Calif., said prices would rise.",
])
def test_places_after_a_title_are_no_people(nlp, text):
    _, entities = speakers(nlp, text)
    assert [e.name for e in entities if e.kind == "person"] == [text.split(",")[0]]


def _every_token_runs(doc):
    """name_runs as it was: every token tested as a Token (the reference for the table's prefilter)."""
    from sayso.extract.speakers import lexicon as R
    from sayso.extract.speakers.names import _joiner, _namey, _trim_run

    runs, i = [], 0
    while i < len(doc):
        j = i
        while j < len(doc) and not (j > i and doc[j].is_sent_start):
            if _namey(doc[j]) or (j == i and doc[j].lower_ in R.SURNAME_PARTICLES and _joiner(doc, j)):
                j += 1
                continue
            step = _joiner(doc, j) if j > i else 0
            if not step:
                break
            j += step
        if j > i:
            runs.append(_trim_run(doc[i:j]))
        i = max(j, i + 1)
    return runs


@pytest.mark.parametrize("text", [
    "Ursula von der Leyen met Bashar al-Assad and Linda Thomas-Greenfield in Kharkiv Ihor Terekhov's office.",
    "de Blasio said so. Van Gogh's heirs - and the DAC-7 group - declined. MICHAEL EVERY, of Rabobank, agreed.",
    "the price of wheat rose 3 pct on Tuesday, traders said.",
    "",
])
def test_name_runs_are_those_of_every_token(nlp, text):
    from sayso.extract.speakers.names import name_runs

    doc = nlp(text)
    assert [(r.start, r.end) for r in name_runs(doc)] == [(r.start, r.end) for r in _every_token_runs(doc)]
