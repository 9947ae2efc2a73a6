"""Rules + tagger: rule cues grow to the tagger's cue run, everything else of a rule claim is
kept (the trained filter, not the combiner, now drops nested claims)."""
from __future__ import annotations

import pytest

from sayso.extract.claims import extract_claims
from sayso.extract.claims.candidates import rule_candidates
from sayso.extract.claims.context import Candidate
from sayso.extract.claims.learned import combine as combine_mod
from sayso.extract.claims.learned import filter as filter_mod
from sayso.extract.claims.learned.combine import combine, combine_tagged, tag
from sayso.extract.claims.learned.filter import filter_claims, marginal_features
from sayso.extract.claims.learned.tagger import CONTENT, CUE, OUTSIDE, SOURCE, Tagging, label_runs
from sayso.extract.models import Models
from sayso.records import Article, Claim, Span

NESTED = "The minister said the report shows that taxes will rise next year."
INTERVIEW = "The minister spoke at length about the tax that will rise next year."
PLAIN = "The minister said that talks would resume in May."


def _tagging(doc, roles: dict[str, str], cue_p: dict[str, float], content_p: float = 0.0) -> Tagging:
    """A hand-made tagging: ``roles`` maps words to labels, ``cue_p`` words to CUE marginals;
    every CONTENT-labelled token gets ``content_p`` as its CONTENT marginal."""
    labels = [roles.get(t.text, OUTSIDE) for t in doc]
    marginals = {CUE: [cue_p.get(t.text, 0.0) for t in doc],
                 CONTENT: [content_p if lab == CONTENT else 0.0 for lab in labels]}
    return Tagging(labels, marginals, [False] * len(doc), label_runs(doc, labels))


def _combined(doc, text: str, claims: list[Claim], tagging: Tagging) -> list[Claim]:
    """The claims after the combiner, rule claims given as the verb rule's."""
    found = [Candidate(claim, "verb") for claim in claims]
    return [f.claim for f in combine_tagged(doc, text, found, tagging, "claims.test")]


def _span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span.of(text, start, start + len(piece))


def _claim(text: str, speaker: str, cue: str, content: str) -> Claim:
    return Claim(content=[_span(text, content)], cue=_span(text, cue), speaker=_span(text, speaker),
                 kind="indirect")


def _nested_roles(text: str) -> dict[str, str]:
    content = text[text.index("the report"):text.index(".")].split()
    return {**{w: CONTENT for w in content}, "minister": SOURCE, "said": CUE}


def test_nested_rule_claim_is_kept_and_marked_for_the_filter(nlp):
    doc = nlp(NESTED)
    rule = _claim(NESTED, "the report", "shows", "that taxes will rise next year")
    tagging = _tagging(doc, _nested_roles(NESTED), {"said": 0.95, "shows": 0.05}, content_p=0.9)
    assert rule in _combined(doc, NESTED, [rule], tagging)
    assert "tagger_nested=True" in marginal_features(doc, rule, tagging.marginals)


@pytest.mark.parametrize("cue_p, content_p", [(0.5, 0.9), (0.05, 0.5)])
def test_rule_claim_not_nested_unless_tagger_sees_it_so(nlp, cue_p, content_p):
    """A fair CUE marginal, or content the tagger does not see as content: not nested."""
    doc = nlp(NESTED)
    rule = _claim(NESTED, "the report", "shows", "that taxes will rise next year")
    tagging = _tagging(doc, _nested_roles(NESTED), {"said": 0.95, "shows": cue_p}, content_p=content_p)
    assert rule in _combined(doc, NESTED, [rule], tagging)
    assert "tagger_nested=False" in marginal_features(doc, rule, tagging.marginals)


def test_rule_cue_grows_to_the_tagged_cue_run(nlp):
    doc = nlp(INTERVIEW)
    rule = _claim(INTERVIEW, "The minister", "spoke", "the tax that will rise next year")
    cue_words = {"spoke": 0.9, "at": 0.8, "length": 0.7, "about": 0.8}
    tagging = _tagging(doc, {w: CUE for w in cue_words}, cue_words)
    (out,) = _combined(doc, INTERVIEW, [rule], tagging)
    assert out.cue.text == "spoke at length about"
    assert (out.speaker, out.content, out.kind) == (rule.speaker, rule.content, rule.kind)


@pytest.mark.parametrize("cue_words", [
    {"spoke": 0.5, "at": 0.4, "length": 0.4, "about": 0.4},  # run not confident enough
    {"at": 0.9, "length": 0.9, "about": 0.9},                # run does not hold the rule cue
    {"spoke": 0.9, "at": 0.9, "length": 0.9},                # run does not end in a preposition
])
def test_rule_cue_kept(nlp, cue_words):
    doc = nlp(INTERVIEW)
    rule = _claim(INTERVIEW, "The minister", "spoke", "the tax that will rise next year")
    tagging = _tagging(doc, {w: CUE for w in cue_words}, cue_words)
    assert _combined(doc, INTERVIEW, [rule], tagging)[0] == rule


def test_cueless_claims_are_kept(nlp):
    doc = nlp(NESTED)
    quote = Claim(content=[_span(NESTED, "taxes will rise")], cue=None, speaker=None, kind="direct")
    tagging = _tagging(doc, _nested_roles(NESTED), {}, content_p=1.0)
    assert quote in _combined(doc, NESTED, [quote], tagging)


def test_without_model_rules_come_back_unchanged(nlp, tmp_path):
    doc = nlp(PLAIN)
    models = Models(tmp_path)  # a folder without the tagger's file
    assert models.tagger is None and tag(doc, models) is None
    found = [Candidate(_claim(PLAIN, "The minister", "said", "that talks would resume in May"), "verb")]
    assert combine(doc, PLAIN, found, tag(doc, models), models.extractor("claims")) == found


def test_plain_said_claim_unchanged_with_the_model(nlp, models):
    assert models.tagger is not None, "the shipped tagger model is missing"
    doc = nlp(PLAIN)
    ctx, found = rule_candidates(doc, PLAIN, models)
    rules = filter_claims(doc, PLAIN, found, tag(doc, models), ctx.cue_probs, models.claim_filter)
    combined = list(extract_claims(doc, Article(text=PLAIN), models))
    assert rules and all(r in combined for r in rules)
    said = next(c for c in combined if c.cue and c.cue.text == "said")
    assert said.speaker.text == "The minister"


@pytest.mark.parametrize("text, dropped, kept", [
    ("Fields said she was spurred to file a criminal complaint to show that she had not lied.",
     "to show", "said"),
])
def test_real_model_drops_a_verb_inside_reported_content(nlp, models, text, dropped, kept):
    assert models.tagger is not None, "the shipped tagger model is missing"
    cues = [c.cue.text for c in extract_claims(nlp(text), Article(text=text), models, attributions_only=False) if c.cue]
    assert kept in cues and dropped not in cues


@pytest.mark.parametrize("text, cue", [
    ("Sanders spoke about the economy at length.", "spoke about"),
    ("The senator, railing against the deal, said it would cost jobs.", "railing against"),
])
def test_real_model_extends_phrasal_cues(nlp, models, text, cue):
    assert models.tagger is not None, "the shipped tagger model is missing"
    assert cue in [c.cue.text for c in extract_claims(nlp(text), Article(text=text), models, attributions_only=False) if c.cue]


def test_thresholds_are_named_constants():
    assert 0 < combine_mod.CUE_EXTEND_MIN < 1
    assert 0 < filter_mod.NESTED_CUE_MAX < filter_mod.NESTED_CONTENT_MIN <= 1
