"""The trained claims tagger: the model loads, spans index the text, rule cues are never duplicated."""
from __future__ import annotations

import pytest

from sayso import stages
from sayso.extract.claims import extract_claims
from sayso.extract.claims.candidates import rule_candidates
from sayso.extract.claims.learned.tagger import MARGINAL_LABELS, tag_doc, tagged_claims
from sayso.extract.claims.learned.tagger_features import doc_columns, nearest_cues, sentence_features
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


def _eager_marginals(doc, tagger, lexicon):
    """Every token's marginals, read right after its sentence is tagged (what tag_doc did before)."""
    cols = doc_columns(doc, lexicon)
    out = {role: [] for role in MARGINAL_LABELS}
    for sent in doc.sents:
        tags = tagger.tag(sentence_features(sent.start, sent.end, cols))
        for role in MARGINAL_LABELS:
            out[role] += [tagger.marginal(role, k) for k in range(len(tags))]
    return out


@pytest.mark.parametrize("text", [SAID, NOTHING, " ".join([NOTHING, SAID, NOTHING, TEXTS[3], NOTHING])])
def test_marginals_read_late_are_the_same_numbers(nlp, model, models, text):
    doc = nlp(text)
    lexicon = models.cue_model.lexicon
    expected = _eager_marginals(doc, model, lexicon)
    tagging = tag_doc(doc, model, lexicon)
    model.tag(sentence_features(0, 1, doc_columns(nlp("Unrelated words here."), lexicon)))  # the tagger moves on
    for role in reversed(MARGINAL_LABELS):  # read out of order, last token first, and as a slice
        column = tagging.marginals[role]
        assert [column[i] for i in reversed(range(len(doc)))] == expected[role][::-1]
        assert column[0:len(doc)] == expected[role]


@pytest.mark.parametrize("levels, expected", [
    ([None, None, None], [None, None, None]),
    (["hi", None, None], [0, 0, 0]),
    ([None, None, "hi"], [2, 2, 2]),
    (["hi", None, "lo"], [0, 0, 2]),  # as near both ways: the earlier one
    (["hi", None, None, "lo"], [0, 0, 3, 3]),
    ([None, "noun", None, None, "curated", None], [1, 1, 1, 4, 4, 4]),
])
def test_nearest_cue_of_each_token(levels, expected):
    assert nearest_cues(0, len(levels), levels) == expected
    padded = [None, "hi"] + levels  # a sentence further in: indices are the doc's, other sentences unseen
    assert nearest_cues(2, len(padded), padded) == [None if e is None else e + 2 for e in expected]
