"""The trained claims tagger: the model loads, spans index the text, rule cues are never duplicated."""
from __future__ import annotations

import pytest

from sayso import stages
from sayso.extract.claims import extract_claims
from sayso.extract.claims.candidates import rule_candidates
from sayso.extract.claims.learned.tagger import tagged_claims
from sayso.extract.models import Models
from sayso.records import Article, Claim, Span

TEXTS = [
    "Republican strategists believe Trump's lead will fade before the primaries in March.",
    "The senator accused the administration of hiding the costs of the program from voters.",
    "Polls show that most voters oppose the new tax on imported cars.",
    '"We will win this war," Reznikov told BFMTV on Sunday.',
]
SAID = "The minister said that talks would resume in May, and aides expect a deal by June."
NOTHING = "The bridge over the river was built in 1902 and repainted last summer."


def _valid(text: str, span: Span | None) -> bool:
    if span is None:
        return True
    return 0 <= span.start < span.end <= len(text) and text[span.start:span.end] == span.text


MODEL_PATH = stages.model_path("tagger")


@pytest.fixture(scope="module")
def model(models):
    assert MODEL_PATH.is_file(), f"the shipped tagger model is missing: {MODEL_PATH}"
    return models.tagger


def tagged(doc, text, found, models=None):
    """The tagger's claims for ``doc`` (the shipped models unless ``models`` is given)."""
    models = models or Models.default()
    return tagged_claims(doc, text, found, models.tagger, models.cue_model.lexicon, "claims.test")


def test_model_file_loads(model):
    assert model is not None
    assert MODEL_PATH.stat().st_size < 1.5e6
    assert set(model.labels()) >= {"O", "SOURCE", "CUE", "CONTENT"}


def test_tagged_claims_have_valid_offsets(nlp, model):
    found = 0
    for text in TEXTS:
        for claim in tagged(nlp(text), text, []):
            found += 1
            assert claim.content and claim.cue is not None
            assert all(_valid(text, s) for s in (*claim.content, claim.cue, claim.speaker))
    assert found >= 2


def test_plain_sentence_yields_nothing(nlp, model):
    assert tagged(nlp(NOTHING), NOTHING, []) == []


def test_never_duplicates_a_rule_cue(nlp, model, models):
    for text in [*TEXTS, SAID]:
        doc = nlp(text)
        rules = [f.claim for f in rule_candidates(doc, text, models)[1]]
        added = tagged(doc, text, rules)
        for claim in added:
            cue = claim.cue
            assert not any(r.cue and r.cue.start < cue.end and cue.start < r.cue.end for r in rules)


def test_known_cue_is_skipped(nlp, model):
    text = TEXTS[0]
    doc = nlp(text)
    alone = tagged(doc, text, [])
    assert alone
    rule = Claim(content=[Span.of(text, 0, 1)], cue=alone[0].cue, speaker=None, kind="indirect")
    assert all(c.cue != alone[0].cue for c in tagged(doc, text, [rule]))


def test_missing_model_adds_nothing(nlp, tmp_path):
    without = Models(tmp_path)  # a folder without the tagger's file
    assert without.tagger is None
    assert tagged(nlp(TEXTS[0]), TEXTS[0], [], without) == []
    assert [c.cue.text for c in extract_claims(nlp(SAID), Article(text=SAID), without) if c.cue]


def test_quoted_content_is_direct(nlp, model):
    text = TEXTS[3]
    claims = tagged(nlp(text), text, [])
    assert [c.kind for c in claims if "win this war" in c.content_text] == ["direct"]
