"""The claims extractor: one table row per construction, texts that yield nothing.

Tests given the ``without_filter`` models check a rule the trained filter
(``sayso.extract.claims.learned.filter``, test_filter.py) may overrule: it blanks a speaker it doubts, as
PolNeAR often leaves floating-quote speakers unmarked (headline speakers it keeps).
"""
from __future__ import annotations

import pytest

from sayso import stages
from sayso.extract.claims import extract_claims
from sayso.extract.claims.quotes import find_quotes
from sayso.records import Article
from sayso.extract.models import Models

SEED_PREFIX = " date 2023-02-02 "


@pytest.fixture(scope="module")
def without_filter():
    """The shipped models but the filter."""
    return Models(claim_filter=None)


def claims_of(nlp, text, models=None):
    """The rules' claims in PolNeAR's broad sense (acts, polls, sourceless passives included); the
    ledger's narrower attributions are tested in test_attribution.py."""
    return list(extract_claims(nlp(text), Article(text=text), models or Models.default(), attributions_only=False))


def find(claims, content_part):
    return [c for c in claims if content_part in c.content_text]


# (text, distinctive content substring, speaker, cue, kind)
CONSTRUCTIONS = [
    ('"We will win this war," Reznikov told BFMTV.', "We will win this war", "Reznikov", "told", "direct"),
    ("“We will win this war,” said the minister.", "We will win this war", "the minister", "said", "direct"),
    ('Smith said: "The plan is dead and we all know it."', "The plan is dead", "Smith", "said", "direct"),
    ("Reznikov warned that Russia has mobilised 500,000 soldiers.", "that Russia has mobilised", "Reznikov", "warned", "indirect"),
    ("The minister told reporters that talks would resume in May.", "talks would resume", "The minister", "told", "indirect"),
    ("Troops will be withdrawn, according to the Defence Ministry.", "Troops will be withdrawn", "the Defence Ministry", "according to", "indirect"),
    ("According to the mayor, the bridge was destroyed overnight.", "the bridge was destroyed", "the mayor", "According to", "indirect"),
    ("More lethal support from Western allies is needed, he emphasised.", "More lethal support", "he", "emphasised", "indirect"),
    ("He expects the army to launch an offensive from the east.", "launch an offensive", "He", "expects", "indirect"),
    ("The minister called for more military assistance from NATO.", "more military assistance", "The minister", "called for", "indirect"),
    ("Chernyak added that Russia is moving assault groups east.", "Russia is moving", "Chernyak", "added", "indirect"),
    ('"Russia will continue its operations," Andriy Chernyak reportedly said.', "Russia will continue", "Andriy Chernyak", "reportedly said", "direct"),
    ('Kovalchuk noted that his troops would be "ready, even to combat millions".', "would be", "Kovalchuk", "noted", "mixed"),
    # the clause around a parenthetical cue, on both sides
    ("Over the years, she said, email has helped her stay in close touch.", "email has helped", "she", "said", "indirect"),
    # passive with an agent: the agent speaks, the passive subject is the content
    ("The report was confirmed by officials in Kyiv.", "The report", "officials in Kyiv", "was confirmed", "indirect"),
    # a relative pronoun is its own speaker (PolNeAR annotates "who")
    ("Sanders, who said that taxes would rise, lost the vote.", "that taxes would rise", "who", "said", "indirect"),
    # auxiliaries belong to the cue
    ("Sanders has said that he will stay in the race.", "he will stay", "Sanders", "has said", "indirect"),
    # ''quote'' (two apostrophes as a double mark)
    ("''It's too much business,'' he said.", "It's too much business", "he", "said", "direct"),
    # noun and adjective cues
    ("His claim that the election was rigged was rejected.", "the election was rigged", "His", "claim", "indirect"),
    ("She was adamant that the company keep the upper hand.", "the company keep", "She", "was adamant", "indirect"),
    ("Viguerie is upbeat about Cruz's chances of winning in November.", "Cruz's chances", "Viguerie", "is upbeat about", "indirect"),
    # a poll as source
    ("In a CNN poll, Clinton leads Trump by five points.", "Clinton leads Trump", "a CNN poll", "In", "indirect"),
    # a "that" clause the parser hangs on the addressee is what was told
    ("In Lisbon last week, she told a meeting of island leaders that few people understood the risks better "
     "than they did.", "few people understood", "she", "told", "indirect"),
]


@pytest.mark.parametrize("text", [
    "It seems that the talks failed in the end.",
    "It turned out that the bridge was safe after all.",
    "It is said that the castle is haunted.",
])
def test_an_expletive_it_never_speaks(nlp, text):
    assert all(c.speaker is None or c.speaker.text.lower() != "it" for c in claims_of(nlp, text))


@pytest.mark.parametrize("text,content", [
    ("She met the leaders who said that the dam was safe.", "the dam was safe"),  # a relative clause's own claim
    ("He told the story that his father had told him.", "his father had told him"),  # "that" is a pronoun here
])
def test_only_a_that_clause_with_its_own_subject_is_told(nlp, text, content):
    told = [c for c in claims_of(nlp, text) if c.cue and c.cue.text == "told" and c.speaker and c.speaker.text == "He"]
    assert not any(content == c.content_text for c in told)


@pytest.mark.parametrize("text,content,speaker,cue,kind", CONSTRUCTIONS)
def test_constructions(nlp, text, content, speaker, cue, kind):
    found = find(claims_of(nlp, text), content)
    assert found, f"no claim with {content!r}"
    claim = found[0]
    assert claim.speaker.text == speaker
    assert claim.cue is not None and claim.cue.text == cue
    assert claim.kind == kind
    assert claim.extractor == Models.default().extractor("claims")
    assert claim.extractor.startswith(stages.BY_NAME["claims"].version + "+")
    for s in [*claim.content, claim.speaker, claim.cue]:
        assert text[s.start:s.end] == s.text


def test_split_quote_gives_one_claim_with_two_spans(nlp):
    """Quotations keep their marks: PolNeAR's content of “A,” X said, “B” runs over ,” and “."""
    text = "“We are ready,” the general said, “and we will not retreat from the east.”"
    found = find(claims_of(nlp, text), "We are ready")
    assert len(found) == 1
    assert [s.text for s in found[0].content] == ["“We are ready,”", "“and we will not retreat from the east.”"]


def test_quote_goes_on_after_the_cue_sentence(nlp):
    text = "“We are ready,” the general said. “We will not retreat.”"
    found = find(claims_of(nlp, text), "We are ready")
    assert [s.text for s in found[0].content] == ["“We are ready,”", "“We will not retreat.”"]


@pytest.mark.parametrize("text,cue,content", [
    ("The central bank is expected to raise rates in December.", "is expected", "The central bank"),
    ("It is believed that the talks will fail.", "is believed", "that the talks will fail"),
])
def test_sourceless_passive(nlp, text, cue, content):
    found = find(claims_of(nlp, text), content)
    assert found and found[0].speaker is None and found[0].cue.text == cue


@pytest.mark.parametrize("text,cue,content", [
    ("Sanders appeared to dismiss the email issue in October.", "appeared", "Sanders"),
    ("The senator seemed to be of two minds on Tuesday night.", "seemed", "The senator"),
])
def test_impression_verbs_have_no_source(nlp, text, cue, content):
    """PolNeAR marks "seem/appear" as the author's cue: no source, the subject in the content."""
    found = [c for c in claims_of(nlp, text) if c.cue and c.cue.text == cue]
    assert found and found[0].speaker is None and found[0].content_text.startswith(content)


@pytest.mark.parametrize("text,speaker,cue", [
    ("On Saturday, Trump issued a statement saying that Scalia was a remarkable person.",
     "Trump", "issued a statement saying"),
    ("The town released a statement Wednesday saying the comments were wrong.",
     "The town", "released a statement Wednesday saying"),
])
def test_issued_statement_saying(nlp, text, speaker, cue):
    """"X issued a statement saying ...": X speaks, the cue runs from the issuing verb."""
    claims = claims_of(nlp, text)
    assert [(c.speaker.text, c.cue.text) for c in claims if c.speaker] == [(speaker, cue)]


@pytest.mark.parametrize("text,poll", [
    ("In a CNN poll released Sunday, 37 percent of Americans said they would vote for Trump.",
     "a CNN poll released Sunday"),
    ("A new Latino Decisions poll released Friday found that 70 percent of registered Latino voters "
     "said they would vote for Clinton.", "A new Latino Decisions poll released Friday"),
])
def test_poll_respondents_are_no_source(nlp, text, poll):
    """The poll speaks; the respondents' "said" inside its content is no claim of its own."""
    assert [c.speaker.text for c in claims_of(nlp, text) if c.speaker] == [poll]


@pytest.mark.parametrize("text,cue,content", [
    ("Davis made it clear that she did not view the comment in isolation.", "made it clear",
     "that she did not view the comment in isolation"),
    ("He has also made clear he will seek to influence the platform.", "has also made clear",
     "he will seek to influence the platform"),
])
def test_made_clear_cue(nlp, text, cue, content):
    found = find(claims_of(nlp, text), content)
    assert found and found[0].cue.text == cue and found[0].content_text == content


def test_multi_sentence_quote(nlp):
    text = '"Some people are still under the rubble. There is no goal other than terror," said the president.'
    claim = find(claims_of(nlp, text), "Some people")[0]
    assert "no goal other than terror" in claim.content_text
    assert claim.speaker.text == "the president"


def test_headline_quote_speaker(nlp):  # the filter never blanks a headline speaker
    text = "'Our estimates say, this is much more': Ukraine Defence Minister\n\nThe war goes on."
    (claim,) = find(claims_of(nlp, text), "Our estimates say")
    assert (claim.speaker.text, claim.cue.text, claim.kind) == ("Ukraine Defence Minister", ":", "direct")


def test_floating_quote_continues_previous_speaker(nlp, without_filter):
    text = (
        'The mayor said the city would rebuild the bridge by the summer.\n\n'
        '"We have the money, the engineers and the will to finish this before the tourists arrive."'
    )
    claims = claims_of(nlp, text, without_filter)
    floating = find(claims, "We have the money")[0]
    assert floating.cue is None
    assert floating.speaker is find(claims, "rebuild the bridge")[0].speaker


def test_quote_paragraph_extends_the_previous_quote(nlp):
    """PolNeAR annotates a speech running over paragraphs as one attribution."""
    text = (
        '"We will rebuild the bridge," the mayor said.\n\n'
        '"We have the money, the engineers and the will to finish this before the tourists arrive."'
    )
    claims = claims_of(nlp, text)
    assert len(claims) == 1
    assert len(claims[0].content) == 2 and "We have the money" in claims[0].content_text


@pytest.mark.parametrize("text,channel", [
    ('"We will win," Reznikov told BFMTV.', "BFMTV"),
    ("The senator said on CNN that the bill would pass.", "CNN"),
])
def test_channel(nlp, text, channel):
    assert claims_of(nlp, text)[0].channel == channel


@pytest.mark.parametrize("text,phrase", [
    ('Putin ordered a "special military operation" in Ukraine for "denazification."', "special military operation"),
    ('The "special military operation" entered its second year.', "special military operation"),
    ("Tanks rolled through the 'liberated' town.", "liberated"),
])
def test_scare_quotes_are_not_claims(nlp, text, phrase):
    for claim in claims_of(nlp, text):
        assert claim.kind != "direct"
        assert all(s.text.strip('".') != phrase for s in claim.content)


NOTHING = [
    "The army crossed the river at dawn and reached the village by noon.",
    "The said document was signed in Paris.",
    'The "special military operation" entered its second year.',
    "He is leading in the polls.",           # plural "polls": no source
    "To date, nothing has changed in the town.",  # "To X," only with a name or pronoun
    "The workers were happy.",                # a stance adjective needs a content
    "His claim was rejected.",                # a noun cue needs a "that"/"to" clause
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_claims(nlp, text):
    assert claims_of(nlp, text) == []


@pytest.mark.parametrize("text,quotes", [
    ('He said "yes" and “no”.', ["yes", "no"]),
    ('Mixed "pair” and “pair" here.', ["pair", "pair"]),
    ("It's Russia's 'big' day.", ["big"]),
    ('"Given that they [Russians] live by symbols," he said.', ["Given that they [Russians] live by symbols,"]),
    ("''It's over,'' he said. ''We lost.''", ["It's over,", "We lost."]),
])
def test_find_quotes(text, quotes):
    assert [text[q.start:q.end] for q in find_quotes(text)] == quotes


# (distinctive content substring, acceptable speaker substrings) for the 21 attributions of the seed
SEED_EXPECTED = [
    ("Russia has mobilised 500,000", ("Reznikov",)),
    ("try something around February 24", ("Reznikov",)),
    ("Our estimates say", ("Ukraine Defence Minister",)),
    ("officially announced the mobilisation", ("Reznikov",)),
    ("when we see troops at the borders", ("the minister",)),
    ("more military assistance", ("Ukraine's Defence Minister",)),
    ("offensive from the east or south", ("he",)),
    ("may attempt an offensive", ("Ukraine's Defence Minister",)),
    ("they live by symbols", ("Ukraine's Defence Minister", "Reznikov")),
    ("ordered the seizure", ("representative of the Main Directorate",)),
    ("massive offensive", ("Chernyak",)),
    ("redeploying additional assault groups", ("Chernyak",)),
    ("territory of Belarus", ("He",)),
    ("continue offensive operations", ("Chernyak",)),
    ("Mobilisation, a draft decree", ("military intelligence of Ukraine",)),
    ("Kramatorsk", ("Zelenskyy", "Ukraine's President")),
    ("still under the rubble", ("Ukrainian leader",)),
    ("warplanes", ("he",)),
    ("newly mobilised millions", ("Kovalchuk",)),
    ("ready, even to combat millions", ("Kovalchuk",)),
    ("More lethal support", ("he",)),
]


@pytest.fixture(scope="module")
def seed_claims(nlp, seed_path):
    raw = seed_path.read_text(encoding="utf-8")
    text = raw[len(SEED_PREFIX):] if raw.startswith(SEED_PREFIX) else raw
    return claims_of(nlp, text)


def _found(claims, content, speakers):
    return any(c.speaker and any(s in c.speaker.text for s in speakers) for c in find(claims, content))


def test_seed_attributions(seed_claims):
    missing = [content for content, speakers in SEED_EXPECTED if not _found(seed_claims, content, speakers)]
    assert len(SEED_EXPECTED) - len(missing) >= 18, f"missing: {missing}"


def test_seed_no_scare_quotes(seed_claims):
    for claim in seed_claims:
        assert claim.content_text.strip(' ."') not in ("special military operation", "denazification")


@pytest.mark.parametrize("text, cue", [
    ("The director said on Tuesday that the harvest would fall.", "said"),
    ("The minister said on CNN that talks would resume.", "said"),
    ("The senator called for an inquiry into the contract.", "called for"),
])
def test_prepositions_join_the_cue_only_when_phrasal(nlp, text, cue):
    claims = list(extract_claims(nlp(text), Article(text=text), Models.default()))
    assert [c.cue.text for c in claims if c.cue] == [cue]


@pytest.mark.parametrize("text, cue", [
    ('Minister Helena Duarte told reporters in the capital that most cranes were still operating. '
     '"The picture the union paints is not the picture we see on the quays," Duarte said.', "said"),
])
def test_a_quote_is_claimed_once_by_its_nearest_cue(nlp, text, cue):
    claims = list(extract_claims(nlp(text), Article(text=text), Models.default()))
    quoted = [c for c in claims if "The picture the union paints" in c.content_text]
    assert [c.cue.text for c in quoted] == [cue]


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Ukraine's President Volodymyr Zelenskyy, on February 2, slammed Russian forces for launching "
     "a rocket on the city of Kramatorsk that led to the civilian casualties.",
     "Ukraine's President Volodymyr Zelenskyy", "slammed", "Russian forces for launching a rocket"),
])
def test_a_verb_misparsed_as_a_modifier_is_read_as_the_predicate(nlp, text, speaker, cue, content):
    doc = nlp(text)
    assert any(t.text == cue and t.dep_ == "amod" for t in doc), "the parse this repair is for"
    (claim,) = [c for c in extract_claims(doc, Article(text=text), Models.default()) if c.cue and c.cue.text == cue]
    assert claim.speaker.text == speaker
    assert claim.content_text.startswith(content)
