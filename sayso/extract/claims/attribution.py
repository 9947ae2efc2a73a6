"""Attributions only: the claims a ledger may store (docs/claims.md, "Attributions only").

The rules and models find PolNeAR's broad notion of attribution (a poll that "showed", a vote, a
sourceless "is expected"). A ledger of who said what keeps a claim only when

1. it has a speaker (a sourceless "is expected to" names nobody), and its cue is a speech, thought
   or stance predicate or a source phrase (:func:`.kinds.cue_class`), or it is a quotation
   continuing a speaker (a floating quote);
2. its content carries a proposition: a quotation, or a clause with a verb, never a bare pronoun,
   a day or a noun phrase ("criticised the prime minister" reports an act, not a claim);
3. it is not a question: "Asked whether …" is the journalist's question, not the answerer's claim;
   nor a refusal to speak ("declined to comment");
4. its cue and content lie in prose, not in a caption, link list or section label line
   ("READ MORE: …", "VIDEO: …", "A SIMPLE GUIDE: …").

Each test is a plain function of the parse, so each error class has its own table of sentences in
``tests/extract/claims/test_attribution.py``.
"""
from __future__ import annotations

import re

from dataclasses import replace

from ...records import Claim
from ..spans import tokens_span
from . import lexicon as cues
from .kinds import cue_class, cue_head

DEMAND_VERBS = frozenset({"call", "urge", "demand", "plead", "appeal", "press", "push", "seek",
                          "request", "petition", "lobby", "beg", "implore", "ask",
                          "warn", "caution", "predict", "forecast", "promise", "pledge", "vow", "threaten",
                          "expect", "anticipate", "fear", "propose"})
"""Cues of a demand, warning, promise or expectation, whose content may be a noun phrase: "called for
more aid", "warned of an impending civil war", "promised a stimulus package" (what is wanted,
feared or promised is the claim). Their bare object is the content only for ``OBJECT_IS_CONTENT``
("demanded a recount"); for the others it is the addressee ("warned the United States", "urged
police"), and the content must follow a preposition ("urged for warplanes", "asked for calm")."""
OBJECT_IS_CONTENT = frozenset({"demand", "seek", "request", "predict", "forecast", "promise", "pledge",
                               "vow", "threaten", "expect", "anticipate", "fear", "propose"})
CONTENT_PREPOSITIONS = frozenset({"for", "of", "about", "against", "on"})
QUESTION_CUES = frozenset({"ask", "wonder", "question", "query", "inquire", "enquire"})
"""Cue lemmas that introduce a question when their content is one ("asked whether …")."""
QUESTION_PREPOSITIONS = frozenset({"about", "whether", "if", "on"})
""""asked about the deal": what comes after these is the topic of a question."""
QUESTION_MARKERS = frozenset({"whether", "if", "what", "why", "how", "when", "where", "who", "which"})
SILENT_CONTENT_VERBS = frozenset({"comment", "elaborate", "respond", "say", "answer", "speak", "discuss",
                                  "confirm", "specify", "reply", "talk", "disclose", "identify", "name"})
"""\"declined to comment\", \"refused to say\": the content is the act of not speaking."""
REFUSAL_CUES = frozenset({"decline", "refuse", "reject"})
"""Cues whose content is the act of not speaking when its verb is a speech verb ("declined to comment")."""
LABEL_WORDS = frozenset({
    "read", "more", "watch", "video", "videos", "photo", "photos", "listen", "related", "see", "also",
    "guide", "explainer", "analysis", "opinion", "update", "updated", "breaking", "live", "exclusive",
    "factbox", "timeline", "click", "here", "subscribe", "advertisement", "file", "graphic", "map",
    "podcast", "audio", "gallery", "latest", "editor's", "note", "correction", "simple", "full",
    "coverage", "story", "continues", "below", "sponsored", "newsletter", "sign", "up", "trending",
    "busted", "boom", "look", "wow", "shocking", "bombshell", "revealed", "caught", "confirmed", "huge",
    "must-see", "alert", "just", "in", "developing", "warning", "poll", "report", "study", "survey",
})
"""Words of section labels and link lines ("READ MORE:", "VIDEO:", "Story continues below")."""
LABEL_RE = re.compile(r"^\s*([A-Z0-9][A-Z0-9 .,'’&/\-]{0,60}?)\s*[:|]\s*\S")
LABEL_MAX_WORDS = 6
PROSE_END = tuple('.!?"”’\')…:')
MIN_QUOTE_WORDS = 3
"""A quotation this short with no clause is a phrase someone used ("called it 'a disgrace'"), kept;
shorter than this and the only content, it is a scare quote and no claim."""


def is_attribution(doc, text: str, claim: Claim) -> bool:
    """All four tests of the module docstring."""
    return (has_attribution_cue(doc, claim) and carries_proposition(doc, claim)
            and not is_question(doc, claim) and not is_refusal(doc, claim)
            and in_prose(text, claim) and not is_unnamed_label(doc, claim))


def is_unnamed_label(doc, claim: Claim) -> bool:
    """A "Speaker: content" line whose speaker names no one ("Poll: …", "Report: …"): PolNeAR marks
    the noun as a source, but the ledger has nobody to credit."""
    if claim.cue is None or claim.cue.text != cues.COLON or claim.speaker is None:
        return False
    found = doc.char_span(claim.speaker.start, claim.speaker.end, alignment_mode="expand")
    return found is not None and not any(t.pos_ == "PROPN" for t in found)


def has_attribution_cue(doc, claim: Claim) -> bool:
    if claim.cue is None:
        return claim.kind == "direct" and claim.speaker is not None
    return cue_class(doc, claim) is not None


def _content_tokens(doc, claim: Claim):
    toks = []
    for s in claim.content:
        span = doc.char_span(s.start, s.end, alignment_mode="expand")
        if span is not None:
            toks += [t for t in span if not t.is_space]
    return toks


def carries_proposition(doc, claim: Claim) -> bool:
    """A quotation of at least ``MIN_QUOTE_WORDS`` words, or a clause: some verb in the content."""
    toks = _content_tokens(doc, claim)
    words = [t for t in toks if not t.is_punct]
    if not words:
        return False
    head = cue_head(doc, claim)  # "called for more military assistance": a demand states what is wanted
    if head is not None and head.lemma_.lower() in DEMAND_VERBS and len(words) >= 2:
        before = doc[toks[0].i - 1].lower_ if toks[0].i > 0 else ""
        if head.lemma_.lower() in OBJECT_IS_CONTENT or before in CONTENT_PREPOSITIONS \
                or any(t.pos_ in ("VERB", "AUX") for t in words):
            return True
    if claim.kind in ("direct", "mixed"):
        return len(words) >= MIN_QUOTE_WORDS
    return any(t.pos_ in ("VERB", "AUX") for t in words)


def is_question(doc, claim: Claim) -> bool:
    """The claim asks rather than claims: an "ask" cue over a whether/if/wh- content, or a content
    that is itself a question (ends in "?" outside quotation marks)."""
    head = cue_head(doc, claim)
    toks = _content_tokens(doc, claim)
    if not toks:
        return False
    first = toks[0].lower_
    before = doc[toks[0].i - 1].lower_ if toks[0].i > 0 else ""
    if head is not None and head.lemma_.lower() in QUESTION_CUES:  # "asked X to do Y" is a request
        return first in QUESTION_MARKERS or before in QUESTION_PREPOSITIONS or toks[-1].text == "?"
    return claim.kind == "indirect" and toks[-1].text == "?"


def is_refusal(doc, claim: Claim) -> bool:
    """"declined to comment (on the talks)", "refused to say", "would not elaborate", "did not say
    if …": no proposition is given."""
    words = [t for t in _content_tokens(doc, claim) if not t.is_punct]
    verbs = [t for t in words if t.pos_ in ("VERB", "AUX")]
    if len(words) <= 4 and len(verbs) == 1 and verbs[0].lemma_.lower() in SILENT_CONTENT_VERBS:
        return True
    head = cue_head(doc, claim)
    if head is None or not words:
        return False
    if head.lemma_.lower() in REFUSAL_CUES and verbs and verbs[0].lemma_.lower() in SILENT_CONTENT_VERBS:
        return True
    negated = any(c.dep_ == "neg" for c in head.children)
    return negated and head.lemma_.lower() in cues.SPEECH_VERBS and words[0].lower_ in QUESTION_MARKERS


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, len(text) if hi < 0 else hi


def label_of(line: str) -> str | None:
    """The section label opening a line ("READ MORE", "VIDEO", "U.S.-CHINA RELATIONS"), or None.

    A label is upper case: one word of :data:`LABEL_WORDS`, or two to ``LABEL_MAX_WORDS`` words."""
    match = LABEL_RE.match(line)
    if not match:
        return None
    label = match.group(1).strip()
    words = label.split()
    if label.upper() != label or not any(c.isalpha() for c in label) or len(words) > LABEL_MAX_WORDS:
        return None
    if len(words) >= 2 or words[0].lower().strip(".") in LABEL_WORDS:
        return label
    return None


def is_link_line(line: str) -> bool:
    """A caption, link or label line: a label followed by a title without a full stop ("READ MORE:
    Federal budget won't be balanced until 2040", "VIDEO: Trudeau says …"), or a line of label words
    only ("Story continues below advertisement"). A label before prose ("ANALYSIS: Some experts say
    … ." in a news round-up) is a kicker: the prose after it is kept."""
    words = line.split()
    if words and len(words) <= 8 and all(w.lower().strip(":.") in LABEL_WORDS for w in words):
        return True
    label = label_of(line)
    if label is None:
        return False
    rest = line.split(":", 1)[1].strip() if ":" in line else ""
    return not rest.endswith(PROSE_END)


def in_prose(text: str, claim: Claim) -> bool:
    """Cue and content lie outside caption, link and label lines, and the speaker is not a label."""
    spans = [*claim.content, *(s for s in (claim.cue,) if s is not None)]
    for s in spans:
        lo, hi = line_bounds(text, s.start)
        if is_link_line(text[lo:hi]):
            return False
    if claim.speaker is not None:
        lo, hi = line_bounds(text, claim.speaker.start)
        label = label_of(text[lo:hi])
        if label is not None and claim.speaker.start < lo + len(label) + 1 + (len(text[lo:hi]) - len(text[lo:hi].lstrip())):
            return False
    return True


def with_speaker(doc, text: str, claim: Claim) -> Claim:
    """A claim the tagger found without a speaker gets its cue verb's subject ("Still, McNeely said
    …": the CRF marks the cue and content but no SOURCE run); a claim that has one is unchanged."""
    if claim.speaker is not None or claim.cue is None:
        return claim
    head = cue_head(doc, claim)
    if head is None or head.pos_ not in ("VERB", "AUX"):
        return claim
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in cues.NON_SPEAKER_WORDS
                and not c.is_punct]
    if not subjects or subjects[0].dep_ == "nsubjpass":
        return claim
    speaker = tokens_span(doc, text, list(subjects[0].subtree))
    inside = speaker is not None and any(s.start <= speaker.start < s.end for s in claim.content)
    return claim if speaker is None or inside else replace(claim, speaker=speaker)
