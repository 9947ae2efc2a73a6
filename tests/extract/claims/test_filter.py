"""The trained claims filter: speaker cuts, one claim per content, keep / blank / drop decisions."""
from __future__ import annotations

import pytest

from sayso import stages
from sayso.extract.claims import extract_claims
from sayso.extract.claims.candidates import rule_candidates
from sayso.extract.claims.context import TAGGER, Candidate
from sayso.extract.claims.learned import filter as F
from sayso.extract.models import Models
from sayso.records import Article, Claim, Span


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span.of(text, start, start + len(piece))


def _rule_claim(nlp, text: str, cue: str) -> tuple[object, Claim]:
    doc = nlp(text)
    _, found = rule_candidates(doc, text, Models.default())
    return doc, next(f.claim for f in found if f.claim.cue is not None and f.claim.cue.text == cue)


@pytest.mark.parametrize("text, cut", [
    ("Tom Burke, who is coming from Grand Rapids to organize volunteers, said the plan would fail.", "Tom Burke"),
    ("Rep. Jim Clyburn, the assistant leader of the Democratic caucus, said the vote was close.",
     "Rep. Jim Clyburn"),
    ("The minister said that talks would resume in May.", None),
    ("Sanders said the economy was rigged.", None),
])
def test_speaker_cut(nlp, text, cut):
    doc, claim = _rule_claim(nlp, text, "said")
    found = F.speaker_cut(doc, text, claim)
    assert (found.text if found else None) == cut


TEXT = "The minister said that talks would resume. Aides told reporters that talks would resume."


def _claim(speaker: str, cue: str | None, content: str, text: str = TEXT) -> Claim:
    return Claim(content=[_span(text, content)], cue=_span(text, cue) if cue else None,
                 speaker=_span(text, speaker), kind="indirect")


def test_one_claim_per_content_keeps_the_likeliest():
    a = _claim("The minister", "said", "that talks would resume")
    b = Claim(content=[Span.of(TEXT, a.content[0].start + 5, a.content[0].end)], cue=_span(TEXT, "told"),
              speaker=_span(TEXT, "Aides"), kind="indirect")
    assert F.one_per_content([(0.4, a), (0.9, b)]) == [b]
    assert F.one_per_content([(0.9, a), (0.4, b)]) == [a]


def test_different_contents_are_all_kept():
    a = _claim("The minister", "said", "that talks would resume")
    b = Claim(content=[Span.of(TEXT, TEXT.rindex("that talks"), len(TEXT) - 1)], cue=_span(TEXT, "told"),
              speaker=_span(TEXT, "Aides"), kind="indirect")
    assert F.one_per_content([(0.5, a), (0.5, b)]) == [a, b]


def _model(keep_bias: float, speaker_bias: float) -> F.ClaimFilter:
    return F.ClaimFilter(F.Logistic({}, keep_bias), F.Logistic({}, speaker_bias), 0.5, 0.5)


@pytest.mark.parametrize("keep_bias, speaker_bias, expected", [
    (5.0, 5.0, ["The minister"]),      # likely claim, likely speaker: unchanged
    (5.0, -5.0, [None]),               # likely claim, doubtful speaker: speaker left blank
    (-5.0, 5.0, []),                   # unlikely claim: dropped
])
def test_filter_decisions(nlp, keep_bias, speaker_bias, expected):
    text = "The minister said that talks would resume in May."
    doc, claim = _rule_claim(nlp, text, "said")
    out = F.filter_claims(doc, text, [Candidate(claim, "verb")], None, {}, _model(keep_bias, speaker_bias))
    assert [c.speaker.text if c.speaker else None for c in out] == expected


def test_claim_without_cue_or_likely_speaker_is_dropped(nlp):
    text = 'The mayor spoke.\n\n"We have the money and the will to finish this before the summer."'
    doc = nlp(text)
    quote = Claim(content=[_span(text, '"We have the money')], cue=None, speaker=_span(text, "The mayor"),
                  kind="direct")
    assert F.filter_claims(doc, text, [Candidate(quote, "quote")], None, {}, _model(5.0, -5.0)) == []


def test_features_name_origin_and_roles(nlp):
    text = "The minister said that talks would resume in May."
    doc, claim = _rule_claim(nlp, text, "said")
    feats = F.claim_features(doc, claim, "verb", {}, [claim], {})
    assert {"bias", "origin=verb", "lemma=say", "kind=indirect"} <= set(feats)
    assert feats == F.claim_features(doc, claim, "verb", {}, [claim], {})


def test_without_model_one_claim_per_content_rules_first(nlp, tmp_path):
    assert Models(tmp_path).claim_filter is None  # a folder without the filter's file
    doc = nlp(TEXT)
    rule = _claim("The minister", "said", "that talks would resume")
    tagged = Claim(content=list(rule.content), cue=_span(TEXT, "told"), speaker=_span(TEXT, "Aides"),
                   kind="indirect")
    found = [Candidate(tagged, TAGGER), Candidate(rule, "verb")]
    assert F.filter_claims(doc, TEXT, found, None, {}, None) == [rule]


def test_shipped_model_loads(models):
    path = stages.model_path("claim_filter")
    assert path.is_file(), "the shipped filter model is missing"
    assert path.stat().st_size < 3_000_000
    model = models.claim_filter
    assert model is not None and model.keep.weights and model.speaker.weights
    assert 0 < model.keep_threshold < 1 and 0 < model.speaker_threshold < 1


@pytest.mark.parametrize("text, speaker, cue", [
    ("The minister said that talks would resume in May.", "The minister", "said"),
    ("Reznikov warned that Russia has mobilised 500,000 soldiers.", "Reznikov", "warned"),
])
def test_real_model_keeps_a_plain_attribution(nlp, text, speaker, cue):
    claims = list(extract_claims(nlp(text), Article(text=text), Models.default()))
    assert [(c.speaker.text if c.speaker else None, c.cue.text) for c in claims] == [(speaker, cue)]


@pytest.mark.parametrize("text", [
    "The bridge was rebuilt in May.",
    "Prices rose by three percent last year.",
])
def test_real_model_finds_nothing_in_plain_sentences(nlp, text):
    assert list(extract_claims(nlp(text), Article(text=text), Models.default())) == []
