"""The ledger's claims are attributions: one table of sentences (our own) per error class of issue 10,
with the cases that must produce nothing. PolNeAR's broader sense is tested in test_rules.py."""
from __future__ import annotations

import pytest

from sayso.extract.claims import cue_class, extract_claims, is_quote_like
from sayso.extract.claims.attribution import is_link_line, label_of
from sayso.extract.models import Models
from sayso.records import Article


def claims_of(nlp, text):
    return list(extract_claims(nlp(text), Article(text=text), Models.default()))


def contents(nlp, text):
    return [c.content_text for c in claims_of(nlp, text)]


# -- questions are the journalist's ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Asked whether he would resign, the harbour master said he had no plans to leave.",
     ["he had no plans to leave"]),
    ("When asked if the ferry would sail before March, the operator said the repairs were finished.",
     ["the repairs were finished"]),
    ("Reporters asked whether the talks on the canal had failed.", []),
    ("She asked if the bakery would close before winter.", []),
    ("Asked about the bridge tolls on Friday, the councillor declined to comment.", []),
])
def test_a_question_is_never_the_answerers_claim(nlp, text, expected):
    assert contents(nlp, text) == expected


# -- captions, link lists and section labels are not prose --------------------------------------

@pytest.mark.parametrize("text, n_claims", [
    ("VIDEO: Mayor says the old bridge will reopen", 0),
    ("READ MORE: Orchard tax won't be cut until 2030, growers' union says", 0),
    ("A SIMPLE GUIDE: What the new fishing law says about quotas", 0),
    ("Story continues below advertisement", 0),
    ("WATCH: Coach says the team will fight on", 0),
    ("ANALYSIS: Some economists say the rate cut came too late for the mills.", 1),
    ("HARBOUR STRIKE: Union leader Mara Olsen said the strike would go on until May.", 1),
])
def test_label_and_link_lines_yield_no_claim(nlp, text, n_claims):
    assert len(claims_of(nlp, text)) == n_claims


@pytest.mark.parametrize("line, label", [
    ("READ MORE: Budget won't balance", "READ MORE"),
    ("U.S.-CHINA RELATIONS: Talks resume.", "U.S.-CHINA RELATIONS"),
    ("VIDEO: Storm hits the coast", "VIDEO"),
    ("Mara Olsen: I will stay", None),
    ("NOTE the time: 5 pm", None),
])
def test_labels(line, label):
    assert label_of(line) == label


def test_a_kicker_before_prose_is_no_link_line():
    assert is_link_line("READ MORE: Budget won't balance until 2040")
    assert not is_link_line("ANALYSIS: Some economists say the cut came too late.")


def test_a_section_label_never_speaks(nlp):
    text = "PORT NEWS: the dockers returned to work on Monday after a week."
    assert claims_of(nlp, text) == []


# -- a cue is a speech, thought or stance predicate -------------------------------------------

@pytest.mark.parametrize("text", [
    "The survey of dairy farmers showed that most of them oppose the levy.",
    "The new timetable is expected to start in June.",
    "The merger of the two mills was announced on Friday.",
    "The council voted to close the old library.",
    "The study found that the river was cleaner than a decade ago.",
])
def test_acts_are_not_attributions(nlp, text):
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize("text, cls", [
    ("The mayor said the library would close in May.", "speech"),
    ("The governor believes the toll will pass next year.", "thought"),
    ("Analysts at the bank expect the mill to cut jobs.", "stance"),
    ("According to the harbour master, the ferry will sail at noon.", "source"),
])
def test_speech_thought_and_stance_cues(nlp, text, cls):
    doc = nlp(text)
    (claim,) = extract_claims(doc, Article(text=text), Models.default())
    assert cue_class(doc, claim) == cls
    assert is_quote_like(doc, claim) == (cls in ("speech",))


# -- a content carries a proposition --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The harbour master confirmed that.",
    "The foreman said Friday.",
    "She declined to comment.",
    "The minister refused to elaborate.",
    "The senator criticised the fishing minister.",
    "The union praised the deal.",
])
def test_no_claim_without_a_proposition(nlp, text):
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize("text, content", [
    ("The senator called for an inquiry into the ferry contract.", "an inquiry into the ferry contract"),
    ("The union says burnout is critical among its members.", "burnout is critical among its members"),
    ('"We are ready to sail," the captain said.', '"We are ready to sail,"'),
])
def test_propositions_and_demands_are_kept(nlp, text, content):
    assert any(content in c for c in contents(nlp, text))


@pytest.mark.parametrize("text, content", [
    ("The mayor asked the council to approve the budget before May.", "the council to approve the budget before May"),
    ("The army warned of dire consequences.", "dire consequences"),
    ('The ministry warned of "dire consequences".', '"dire consequences"'),
    ("The governor encouraged residents to leave the coast.", "residents to leave the coast"),
])
def test_requests_and_warnings_are_claims(nlp, text, content):
    assert any(content in c for c in contents(nlp, text))
