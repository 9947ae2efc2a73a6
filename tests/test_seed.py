"""The canonical seed article end to end: the attributions a reader finds there,
each with the person or organisation who made it (claims + speaker resolution)."""
from __future__ import annotations

import pytest

from sayso.pipeline import extract_files

# (a distinctive piece of the claim's content, names the resolved speaker may carry)
REZNIKOV = ("Reznikov",)
CHERNYAK = ("Chernyak", "GUR", "Main Directorate", "Defence Intelligence")
ZELENSKYY = ("Zelenskyy",)
KOVALCHUK = ("Kovalchuk",)
ATTRIBUTIONS = [
    ("Russia has mobilised 500,000 soldiers", REZNIKOV),
    ("try something around February 24", REZNIKOV),
    ("Our estimates say, this is much more", REZNIKOV),
    ("officially announced the mobilisation", REZNIKOV),
    ("when we see troops at the borders", REZNIKOV),
    ("military assistance from NATO countries", REZNIKOV),
    ("offensive from the east or south", REZNIKOV),
    ("may attempt an offensive in two directions", REZNIKOV),
    ("the Kremlin has mobilised 500,000", REZNIKOV),
    ("ordered the seizure of the Ukrainian territories", CHERNYAK),
    ("launch a massive offensive", CHERNYAK),
    ("redeploying additional assault groups", CHERNYAK),
    ("use the territory of Belarus", CHERNYAK),
    ("will continue offensive operations", CHERNYAK),
    # Ukraine's military intelligence (HUR/GUR), the organisation: "Defence Intelligence of Ukraine"
    ("take place in major Russian cities", ("military intelligence", "Military Intelligence", "GUR",
                                            "Defence Intelligence")),
    ("rocket on the city of Kramatorsk", ZELENSKYY),
    ("still under the rubble", ZELENSKYY),
    ("warplanes", ZELENSKYY),
    ("newly mobilised millions of soldiers", KOVALCHUK),
    ("ready, even to combat millions", KOVALCHUK),
    ("lethal support", KOVALCHUK),
]
SCARE_QUOTES = ("special military operation", "denazification")
REQUIRED = 20  # the issue asks for 18; 21 are found now, one miss is tolerated


@pytest.fixture(scope="module")
def seed(seed_path, nlp):
    (extraction,) = extract_files([seed_path])
    return extraction


def speaker_names(seed) -> list[tuple[str, str]]:
    """(content, resolved speaker name) for every claim."""
    entities = {e.key: e for e in seed.entities}
    return [(c.content_text, entities[c.speaker_key].name if c.speaker_key in entities else "")
            for c in seed.claims]


def test_reader_attributions_are_found_with_their_speakers(seed):
    claims = speaker_names(seed)
    missed = [piece for piece, names in ATTRIBUTIONS
              if not any(piece in content and any(n in speaker for n in names) for content, speaker in claims)]
    assert len(ATTRIBUTIONS) - len(missed) >= REQUIRED, f"missed: {missed}"


@pytest.mark.parametrize("phrase", SCARE_QUOTES)
def test_scare_quotes_are_not_claims(seed, phrase):
    assert not any(c.content_text.strip(" \"'“”‘’.,") == phrase for c in seed.claims)


def test_speakers_carry_role_and_affiliation(seed):
    by_name = {e.name: e for e in seed.entities}
    reznikov = next(e for name, e in by_name.items() if "Reznikov" in name)
    assert reznikov.name == "Oleksii Reznikov"
    assert "Defen" in (reznikov.role or "") and "Minister" in reznikov.role
    assert reznikov.affiliation == "Ukraine"
    zelenskyy = next(e for name, e in by_name.items() if "Zelenskyy" in name)
    assert zelenskyy.name == "Volodymyr Zelenskyy" and zelenskyy.role == "President"


def test_bfmtv_is_the_channel(seed):
    assert any(c.channel == "BFMTV" and "February 24" in c.content_text for c in seed.claims)


def test_offsets_index_the_article_text(seed):
    text = seed.article.text
    for claim in seed.claims:
        for span in [*claim.content, claim.cue, claim.speaker]:
            if span is not None:
                assert text[span.start:span.end] == span.text
