"""A trained token tagger that finds attributions the rules miss.

A linear-chain CRF (``sayso/data/claims_tagger.crfsuite``, trained on PolNeAR
train by ``scripts/train_tagger.py``; features in ``claims_tagger_features``)
labels every token of a sentence SOURCE, CUE, CONTENT or O. Runs of one label
become spans; every CUE run anchors a claim: its speaker is the nearest SOURCE
run of the sentence, its content the nearest CONTENT run touching the sentence
(runs continue across sentence breaks, so a multi-sentence quote stays whole).

Only attributions the rules missed are added: a tagged cue overlapping a cue
of ``found``, or a tagged content mostly covered by a found claim's content,
yields nothing. Without the model file the tagger returns no claims.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..records import Claim, Span
from .claims_spans import span

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "claims_tagger.crfsuite"
EXTRACTOR = "claims.v1"

OUTSIDE, SOURCE, CUE, CONTENT = "O", "SOURCE", "CUE", "CONTENT"
LABEL_OF_ROLE = {"source": SOURCE, "cue": CUE, "content": CONTENT}

SPEAKER_MAX_DISTANCE = 12          # tokens between a speaker run and its cue run
CONTENT_SENTENCE_REACH = 1         # a content run may start / end this many sentences away
FOUND_CONTENT_MAX_SHARE = 0.5      # skip a claim whose content is mostly a found claim's content
MIN_CONTENT_WORDS = 2              # shorter tagged contents are noise
QUOTE_MARKS = "\"“”„‟«»"


@dataclass(frozen=True)
class Run:
    """Consecutive tokens [first, last] with one label; ``sents`` the sentence indices it touches."""

    label: str
    first: int
    last: int
    sent_first: int
    sent_last: int


@lru_cache(maxsize=1)
def load_tagger(path: str | None = None):
    """The CRF tagger (None when the model file or pycrfsuite is missing)."""
    p = Path(path) if path else MODEL_PATH
    if not p.is_file():
        log.debug("claims tagger: no model at %s; the tagger adds nothing", p)
        return None
    try:
        import pycrfsuite
    except ImportError:
        log.debug("claims tagger: pycrfsuite not installed; the tagger adds nothing")
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(str(p))
    return tagger


def tag_doc(doc, text: str, tagger) -> list[str]:
    """One label per token of ``doc``."""
    from .claims_model import load_cue_model
    from .claims_tagger_features import doc_features

    labels = [OUTSIDE] * len(doc)
    for sent, feats in doc_features(doc, text, load_cue_model().lexicon):
        for tok, label in zip(sent, tagger.tag(feats)):
            labels[tok.i] = label
    return labels


def label_runs(doc, labels: list[str]) -> list[Run]:
    """Maximal runs of one non-O label; whitespace tokens neither break nor start runs."""
    sent_of = _sentence_index(doc)
    runs: list[Run] = []
    for tok in doc:
        label = labels[tok.i]
        if tok.is_space or label == OUTSIDE:
            continue
        prev = runs[-1] if runs else None
        if prev and prev.label == label and _adjacent(doc, prev.last, tok.i):
            runs[-1] = Run(label, prev.first, tok.i, prev.sent_first, sent_of[tok.i])
        else:
            runs.append(Run(label, tok.i, tok.i, sent_of[tok.i], sent_of[tok.i]))
    return runs


def _sentence_index(doc) -> list[int]:
    out = [0] * len(doc)
    for k, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = k
    return out


def _adjacent(doc, last: int, nxt: int) -> bool:
    return all(doc[i].is_space for i in range(last + 1, nxt))


def run_span(doc, text: str, run: Run) -> Span | None:
    start = doc[run.first].idx
    end = doc[run.last].idx + len(doc[run.last].text)
    return span(text, start, end)


def _gap(a: Run, b: Run) -> int:
    """Tokens between two runs (0 when they touch)."""
    return max(a.first - b.last, b.first - a.last, 0)


def nearest_speaker(cue: Run, runs: list[Run]) -> Run | None:
    near = [r for r in runs if r.label == SOURCE and r.sent_first <= cue.sent_first <= r.sent_last
            and _gap(r, cue) <= SPEAKER_MAX_DISTANCE]
    return min(near, key=lambda r: (_gap(r, cue), r.first > cue.first), default=None)


def nearest_content(cue: Run, runs: list[Run]) -> Run | None:
    reach = CONTENT_SENTENCE_REACH
    near = [r for r in runs if r.label == CONTENT and r.sent_first - reach <= cue.sent_first
            and cue.sent_last <= r.sent_last + reach]
    return min(near, key=lambda r: (_same_sentence_rank(r, cue), _gap(r, cue)), default=None)


def _same_sentence_rank(r: Run, cue: Run) -> int:
    return 0 if r.sent_first <= cue.sent_first <= r.sent_last else 1


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _shared(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _is_known(cue: Span, content: Span, found: list[Claim]) -> bool:
    """A found claim has this cue, or covers most of this content."""
    for claim in found:
        if claim.cue and _overlaps(claim.cue, cue):
            return True
        shared = sum(_shared(s, content) for s in claim.content)
        if shared > FOUND_CONTENT_MAX_SHARE * (content.end - content.start):
            return True
    return False


def _kind(text: str, content: Span) -> str:
    inner = text[content.start:content.end]
    before = text[max(0, content.start - 1):content.start]
    quoted = sum(ch in QUOTE_MARKS for ch in before + inner)
    if quoted >= 2 and inner.count(" ") >= 1 and before and before in QUOTE_MARKS:
        return "direct"
    return "mixed" if quoted else "indirect"


def claims_from_runs(doc, text: str, runs: list[Run], found: list[Claim]) -> list[Claim]:
    """One claim per CUE run with a content run, skipping attributions already found."""
    out: list[Claim] = []
    used_content: set[int] = set()
    for cue_run in (r for r in runs if r.label == CUE):
        content_run = nearest_content(cue_run, runs)
        if content_run is None or content_run.first in used_content:
            continue
        cue, content = run_span(doc, text, cue_run), run_span(doc, text, content_run)
        if not cue or not content or len(content.text.split()) < MIN_CONTENT_WORDS:
            continue
        if _is_known(cue, content, [*found, *out]):
            continue
        speaker_run = nearest_speaker(cue_run, runs)
        speaker = run_span(doc, text, speaker_run) if speaker_run else None
        used_content.add(content_run.first)
        out.append(Claim(content=[content], cue=cue, speaker=speaker,
                         kind=_kind(text, content), extractor=EXTRACTOR))
    return out


def tagged_claims(doc, text: str, found: list[Claim]) -> list[Claim]:
    """Claims for attributions not already among ``found``."""
    tagger = load_tagger()
    if tagger is None or len(doc) == 0:
        return []
    labels = tag_doc(doc, text, tagger)
    return claims_from_runs(doc, text, label_runs(doc, labels), found)
