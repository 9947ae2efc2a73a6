"""String features of a candidate cue in context, for the trained cue model."""
from __future__ import annotations

from .. import lexicon as cues

PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it"})
LENGTH_BUCKETS = (1, 3, 8, 20, 50)


def _bucket(n: int) -> str:
    return str(next((b for b in LENGTH_BUCKETS if n <= b), "more"))


def _lexicon_flags(lemma: str) -> list[str]:
    flags = []
    if lemma in cues.REPORTING_VERBS:
        flags.append("lex=reporting")
    if lemma in cues.STANCE_VERBS:
        flags.append("lex=stance")
    return flags


def _speaker_features(tok, claim) -> list[str]:
    speaker = claim.speaker
    if speaker is None:
        return ["spk=none"]
    words = speaker.text.split()
    first = words[0].lower() if words else ""
    return [
        f"spk_pron={first in PRONOUNS and len(words) == 1}",
        f"spk_len={_bucket(len(words))}",
        f"spk_upper={speaker.text[:1].isupper()}",
        f"spk_after={speaker.start > tok.idx}",
    ]


def _context_features(tok, claim, lemma: str) -> list[str]:
    """Who speaks (entity type of the subject) and how the content opens."""
    speaker = claim.speaker
    found = tok.doc.char_span(speaker.start, speaker.end, alignment_mode="expand") if speaker else None
    subject = found.root if found is not None else None
    ent = (subject.ent_type_ or subject.pos_) if subject is not None else "none"
    first = claim.content[0].text.split()[:1]
    return [
        f"spk_ent={ent}",
        f"content_first={first[0].lower().strip(cues.STRAIGHT_DOUBLE) if first else ''}",
    ]


def cue_features(tok, claim, pattern: str) -> list[str]:
    lemma = tok.lemma_.lower()
    content = claim.content
    n_words = sum(len(s.text.split()) for s in content)
    feats = [
        "bias",
        f"lemma={lemma}",
        f"pattern={pattern}",
        f"lemma|pattern={lemma}|{pattern}",
        f"dep={tok.dep_}",
        f"tag={tok.tag_}",
        f"kind={claim.kind}",
        f"lemma|kind={lemma}|{claim.kind}",
        f"that={content[0].text.lower().startswith('that ')}",
        f"neg={any(c.dep_ == 'neg' for c in tok.children)}",
        f"next={tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else '<end>'}",
        f"prev={tok.nbor(-1).lower_ if tok.i > 0 else '<start>'}",
        f"content_len={_bucket(n_words)}",
        *_lexicon_flags(lemma),
        *_speaker_features(tok, claim),
        *_context_features(tok, claim, lemma),
    ]
    return feats
