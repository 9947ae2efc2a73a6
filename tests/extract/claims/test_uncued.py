"""Attributions without a verb cue (issue 10, round 2): transcript turns, dash-name endings,
headline labels, block quotations after "X added:", datelines and quoted names as speakers.
Each table has the cases that must produce nothing. Sentences are our own."""
from __future__ import annotations

import pytest

from sayso.extract.claims import extract_claims
from sayso.extract.claims.quotes import find_quotes
from sayso.extract.models import Models
from sayso.records import Article


def claims_of(nlp, text, attributions_only=False):
    return list(extract_claims(nlp(text), Article(text=text), Models.default(), attributions_only=attributions_only))


def speakers_of(claims, part):
    return [c.speaker.text if c.speaker else None for c in claims if part in c.content_text]


TRANSCRIPT = (
    "The governor spoke to a radio host on Sunday. Part of the exchange follows.\n\n"
    '"HOST: Let me start with the budget vote that everyone in the capital is talking about.\n\n'
    '"MORALES: Well, look, the budget is balanced and the schools will get every cent they were promised.\n\n'
    '"And the roads will be fixed before the winter comes, I promise you that.\n\n'
    '"HOST: So you are confident the vote will pass this week?\n'
)


@pytest.mark.parametrize("part,speaker", [
    ("Let me start with the budget", "HOST"),
    ("the budget is balanced", "MORALES"),
    ("the roads will be fixed", "MORALES"),  # a quoted paragraph without a name goes on with the turn
])
def test_quoted_transcript_turns(nlp, part, speaker):
    """'"NAME: …' paragraphs of a quoted transcript are NAME's turns, for PolNeAR and the ledger."""
    for ledger in (False, True):
        assert speakers_of(claims_of(nlp, TRANSCRIPT, ledger), part) == [speaker]


@pytest.mark.parametrize("text,part,speaker,cue", [
    ("Readers wrote in.\n\n“The mayor has let this town down, and the river is dirtier than ever.” ― Jane Okafor\n",
     "The mayor has let this town down", "Jane Okafor", "―"),
    ("Voices from the rally.\n\n“We came here for our children and we will come back next year.” — Luis de la Cruz.\n",
     "We came here for our children", "Luis de la Cruz", "—"),
    ("Letters.\n\n“I never thought I would see prices like these again.” -- Tom O'Brien\n",
     "I never thought I would see prices", "Tom O'Brien", "--"),
    # a closing mark opening a paragraph opens the quotation
    ("Comments.\n\n”The new park is a gift to every family on the east side of town.” ― Mary Chen\n",
     "The new park is a gift", "Mary Chen", "―"),
])
def test_quotation_ended_by_a_dash_and_a_name(nlp, text, part, speaker, cue):
    for ledger in (False, True):
        found = [c for c in claims_of(nlp, text, ledger) if part in c.content_text]
        assert [(c.speaker.text, c.cue.text) for c in found] == [(speaker, cue)]


@pytest.mark.parametrize("text", [
    "The chief said, “We will win” — and then the crowd cheered for a long time.\n",
    "“It was a long day at the plant,” he said. — Reporting by Anna Lee\n",
    "“The plan is done.” — the end of a long week for everyone in the office\n",
])
def test_no_dash_name_claim_without_a_name_ending_the_line(nlp, text):
    for claim in claims_of(nlp, text):
        assert claim.cue is None or claim.cue.text not in ("—", "―", "--")


@pytest.mark.parametrize("text,speaker,ledger_speaker", [
    ("Poll: Clinton and Trump in dead heat heading into the first debate.\n", "Poll", None),
    ("Report: Walker to speak at the convention next week.\n", "Report", None),
    ("Bank of America: We will cut jobs next year in every region.\n", "Bank of America", "Bank of America"),
])
def test_headline_labels(nlp, text, speaker, ledger_speaker):
    """PolNeAR marks "Poll:" as a headline's source; the ledger credits only a named speaker."""
    assert [c.speaker.text for c in claims_of(nlp, text) if c.cue and c.cue.text == ":"] == [speaker]
    ledger = [c.speaker.text for c in claims_of(nlp, text, True) if c.cue and c.cue.text == ":"]
    assert ledger == ([ledger_speaker] if ledger_speaker else [])


@pytest.mark.parametrize("text,speaker", [
    ("Sanders: Clinton needs to get away from all of this personality stuff.\n", "Sanders"),
    ("Update: The bridge will reopen on Monday after the repairs.\n", None),
    ("BUSTED: Emails Reveal Aide And Reporter Caught Planning A Story\n", None),
])
def test_one_word_before_a_colon(nlp, text, speaker):
    """One capitalised word is a speaker label unless it is a label word or all capitals."""
    found = [c.speaker.text for c in claims_of(nlp, text) if c.cue and c.cue.text == ":"]
    assert found == ([speaker] if speaker else [])


@pytest.mark.parametrize("text", [
    "Obama on Climate Change: The Trends Are Terrifying\n",
    "Stealth Over Health: Senator Was Headed to the Hospital But Turned Back\n",
    "Correction: An earlier version of this article listed the wrong date.\n",
    "Success on Signature Issue: Mr. Ban focused on climate change early.\n",
])
def test_titles_before_a_colon_never_speak(nlp, text):
    assert not [c for c in claims_of(nlp, text) if c.cue and c.cue.text == ":"]


@pytest.mark.parametrize("text,part,speaker,quoted", [
    ("The senator spoke on Monday.\n\nLimbaugh added:\n\nAnd from a front-runner, this reeks of the greatest fear I have seen.\n",
     "this reeks of the greatest fear", "Limbaugh", False),
    ('The rally ran late.\n\nHe said:\n\n"We have a plan for the inner cities and we will carry it out."\n',
     "We have a plan for the inner cities", "He", True),
])
def test_block_quotation_after_a_colon_line(nlp, text, part, speaker, quoted):
    found = [c for c in claims_of(nlp, text) if part in c.content_text]
    assert [c.speaker.text for c in found] == [speaker]
    assert (found[0].kind == "direct") == quoted


@pytest.mark.parametrize("text", [
    "The senator spoke on Monday.\n\nThe schedule:\n\nMonday, a vote; Tuesday, a hearing; Wednesday, nothing.\n",
    "He said it twice.\n\nHere is the list:\n\nbread, milk and eggs.\n",
])
def test_no_block_quotation_without_a_speech_line(nlp, text):
    assert not [c for c in claims_of(nlp, text) if "Wednesday" in c.content_text or "bread" in c.content_text]


def test_a_dateline_never_speaks(nlp):
    text = ("Obama Opens a Museum.\n\nWASHINGTON -- President Obama, dedicating a new museum on Saturday, "
            "said it would tell an American story.\n")
    speakers = [c.speaker.text for c in claims_of(nlp, text) if c.speaker and "American story" in c.content_text]
    assert speakers and all("WASHINGTON" not in s for s in speakers)


@pytest.mark.parametrize("text,part", [
    ("“There is a disconnect between the White House and the military,” Flynn said on Fox News’s “Fox and Friends.”",
     "There is a disconnect"),
    ("When the host asked about taxes ― as was true for years ― Trump boasted, “That makes me smart.”",
     "That makes me smart"),
])
def test_no_speaker_inside_a_quotation_or_a_dash(nlp, text, part):
    for speaker in speakers_of(claims_of(nlp, text), part):
        assert speaker is None or ("Fox" not in speaker and "―" not in speaker)


@pytest.mark.parametrize("text,quotes", [
    ("”Opening with a closing mark.” Then prose.", ["Opening with a closing mark."]),
    ("He said ”no” to it.", []),  # a closing mark inside a line opens nothing
])
def test_closing_mark_opening_a_paragraph(text, quotes):
    assert [text[q.start:q.end] for q in find_quotes(text)] == quotes
