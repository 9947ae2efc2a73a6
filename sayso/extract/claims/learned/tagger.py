"""A trained token tagger that finds attributions the rules miss.

A linear-chain CRF (``sayso/data/claims_tagger.crfsuite``, trained on PolNeAR
train by ``python -m training.tagger``; features in :mod:`.tagger_features`)
labels every token of a sentence SOURCE, CUE, CONTENT or O. Runs of one label
become spans; every CUE run anchors a claim: its speaker is the nearest SOURCE
run of the sentence, its content the nearest CONTENT run touching the sentence
(runs continue across sentence breaks, so a multi-sentence quote stays whole).

Only attributions the rules missed are added: a tagged cue overlapping a cue
of ``found``, or a tagged content mostly covered by a found claim's content,
yields nothing. :mod:`.combine` also uses the tagging (``tag_doc``: labels,
CUE / CONTENT marginals) to drop and adjust rule claims. Without the model file
the tagger adds nothing.
"""
from __future__ import annotations

import logging
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from ....records import Claim, Span
from ...spans import SUBJECT_DEPS, sentence_index, span, token_table
from .tagger_features import doc_columns, sentence_features

log = logging.getLogger(__name__)

MODEL_FILE = "claims_tagger.crfsuite"  # in the models' folder (``sayso/data``)

OUTSIDE, SOURCE, CUE, CONTENT = "O", "SOURCE", "CUE", "CONTENT"
LABEL_OF_ROLE = {"source": SOURCE, "cue": CUE, "content": CONTENT}
MARGINAL_LABELS = (SOURCE, CUE, CONTENT)  # labels whose per-token marginals ``tag_doc`` keeps

SPEAKER_MAX_DISTANCE = 12          # tokens between a speaker run and its cue run
CONTENT_SENTENCE_REACH = 1         # a content run may start / end this many sentences away
FOUND_CONTENT_MAX_SHARE = 1.0      # skip a claim whose content is more than this share inside a found
                                   # claim's content (0.5 before the filter; 1.0 = never: the filter
                                   # keeps one claim per content and decides on nested ones)
SUBJECT_CHAIN_DEPS = frozenset({"conj", "advcl", "xcomp"})  # "X ... and said": said inherits X
SUBJECT_CHAIN_DEPTH = 3
RELATIVE_DEP = "relcl"
NON_SPEAKERS = frozenset({"it", "there", "this", "that", "what", "which"})
MIN_CONTENT_WORDS = 1              # a tagged content needs this many words (2 dropped more good than bad)
DIRECT_MIN_QUOTED_SHARE = 0.9      # content this much inside quotation marks is a direct quote
CUE_MIN_CONFIDENCE = 0.5           # mean CUE marginal of a cue run, below which it yields nothing
                                   # (0.6 before the combiner; 0.5: held-out content +0.003)


@dataclass(frozen=True)
class Run:
    """Consecutive tokens [first, last] with one label, touching sentences [sent_first, sent_last]."""

    label: str
    first: int
    last: int
    sent_first: int
    sent_last: int


def load_tagger(path: Path):
    """The CRF tagger of the file ``path`` (None when the file or pycrfsuite is missing)."""
    p = Path(path)
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


@dataclass
class Tagging:
    """The tagger's view of one doc: per-token label, per-token marginal of the SOURCE, CUE and
    CONTENT labels (role -> a sequence indexed by token), per-token in-quote flag, and the label runs."""

    labels: list[str]
    marginals: dict[str, list[float]]
    quoted: list[bool]
    runs: list[Run]


class _Column:
    """One role's marginals of a doc, read like a list; a deferred sentence is computed on first read."""

    def __init__(self, values: list[float | None], owner: "_Marginals") -> None:
        self.values, self.owner = values, owner

    def __len__(self) -> int:
        return len(self.values)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.values)))]
        value = self.values[i]
        if value is None:
            self.owner.fill(i if i >= 0 else i + len(self.values))
            value = self.values[i]
        return value


class _Marginals(dict):
    """role -> :class:`_Column`. The marginals of a sentence whose labels are all O are computed only
    when something reads them: reading every token's three marginals cost 1.4 of the tagger's 4.3 ms
    per Reuters story, and 80% of sentences hold no label but O (measured on 400 stories: 2,147 of
    10,561 sentences have another), so their marginals are read only where a rule claim lies."""

    def __init__(self, tagger, n: int) -> None:
        self.tagger = tagger
        self.values = {role: [None] * n for role in MARGINAL_LABELS}
        super().__init__((role, _Column(v, self)) for role, v in self.values.items())
        self.starts: list[int] = []  # first token of each deferred sentence, ascending
        self.features: list[list | None] = []  # its features (None once computed)

    def read(self, start: int, length: int) -> None:
        """Keep the marginals of the sentence the tagger holds now (starting at token ``start``)."""
        for role in MARGINAL_LABELS:
            self.values[role][start:start + length] = [self.tagger.marginal(role, k) for k in range(length)]

    def defer(self, start: int, features: list) -> None:
        self.starts.append(start)
        self.features.append(features)

    def fill(self, i: int) -> None:
        """Compute the deferred sentence holding token ``i``: the tagger takes its features again."""
        k = bisect_right(self.starts, i) - 1
        features = self.features[k] if k >= 0 else None
        if features is None:
            raise IndexError(f"no marginals for token {i}")
        self.tagger.set(features)
        self.read(self.starts[k], len(features))
        self.features[k] = None


def tag_doc(doc, tagger, lexicon: dict[str, float]) -> Tagging:
    """Label every token of ``doc`` and keep the SOURCE / CUE / CONTENT marginals (``lexicon``: the cue
    model's mined cue lemmas, a feature of the tagger)."""
    cols = doc_columns(doc, lexicon)
    labels = [OUTSIDE] * len(doc)
    marginals = _Marginals(tagger, len(doc))
    for sent in doc.sents:
        xseq = sentence_features(sent.start, sent.end, cols)
        tags = tagger.tag(xseq)
        labels[sent.start:sent.end] = tags
        if any(label != OUTSIDE for label in tags):
            marginals.read(sent.start, len(tags))
        else:
            marginals.defer(sent.start, xseq)
    return Tagging(labels, marginals, cols.quoted, label_runs(doc, labels))


def label_runs(doc, labels: list[str]) -> list[Run]:
    """Maximal runs of one non-O label; whitespace tokens neither break nor start runs."""
    sent_of = sentence_index(doc)
    space = token_table(doc).is_space
    runs: list[Run] = []
    for i, label in enumerate(labels):
        if label == OUTSIDE or space[i]:
            continue
        prev = runs[-1] if runs else None
        if prev and prev.label == label and all(space[prev.last + 1:i]):
            runs[-1] = Run(label, prev.first, i, prev.sent_first, sent_of[i])
        else:
            runs.append(Run(label, i, i, sent_of[i], sent_of[i]))
    return runs


def run_span(doc, text: str, run: Run) -> Span | None:
    start = doc[run.first].idx
    end = doc[run.last].idx + len(doc[run.last].text)
    return span(text, start, end)


def _gap(a: Run, b: Run) -> int:
    """Tokens between two runs (0 when they touch)."""
    return max(a.first - b.last, b.first - a.last, 0)


def cue_subject(doc, cue: Run):
    """The grammatical subject of the cue's verb, inherited through "and said" / "adding" chains."""
    node = max(doc[cue.first:cue.last + 1], key=lambda t: t.pos_ in ("VERB", "AUX"))
    for _ in range(SUBJECT_CHAIN_DEPTH):
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None or node.dep_ not in SUBJECT_CHAIN_DEPS or node.head.i == node.i:
            return subject
        node = node.head
    return None


def subject_span(doc, text: str, cue: Run) -> Span | None:
    """The cue verb's subject phrase (relative clauses cut) when no SOURCE run was tagged."""
    subject = cue_subject(doc, cue)
    if subject is None or subject.lower_ in NON_SPEAKERS or subject.i > cue.last:
        return None
    cut = {t.i for c in subject.children if c.dep_ == RELATIVE_DEP for t in c.subtree}
    idx = [t.i for t in subject.subtree if t.i not in cut]
    return span(text, doc[min(idx)].idx, doc[max(idx)].idx + len(doc[max(idx)].text))


def nearest_speaker(doc, cue: Run, runs: list[Run]) -> Run | None:
    """The SOURCE run holding the cue verb's subject, else the nearest one close by."""
    in_sentence = [r for r in runs if r.label == SOURCE and r.sent_first <= cue.sent_first <= r.sent_last]
    subject = cue_subject(doc, cue)
    if subject is not None:
        holding = [r for r in in_sentence if r.first <= subject.i <= r.last]
        if holding:
            return holding[0]
    near = [r for r in in_sentence if _gap(r, cue) <= SPEAKER_MAX_DISTANCE]
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


def _kind(doc, run: Run, quoted: list[bool]) -> str:
    """direct when (nearly) all the content's words are inside quotation marks, mixed when some are."""
    words = [t.i for t in doc[run.first:run.last + 1] if not (t.is_punct or t.is_space)]
    inside = sum(quoted[i] for i in words)
    if words and inside >= DIRECT_MIN_QUOTED_SHARE * len(words):
        return "direct"
    return "mixed" if inside else "indirect"


def run_confidence(run: Run, tagging: Tagging) -> float:
    """Mean marginal of the run's own label (CUE or CONTENT) over its tokens."""
    probs = tagging.marginals[run.label][run.first:run.last + 1]
    return sum(probs) / len(probs) if probs else 0.0


def claims_from_runs(doc, text: str, tagging: Tagging, found: list[Claim], extractor: str) -> list[Claim]:
    """One claim per CUE run with a content run, skipping attributions already found
    (``extractor``: the claims stage's version)."""
    runs, quoted = tagging.runs, tagging.quoted
    out: list[Claim] = []
    used_content: set[int] = set()
    for cue_run in (r for r in runs if r.label == CUE):
        if run_confidence(cue_run, tagging) < CUE_MIN_CONFIDENCE:
            continue
        content_run = nearest_content(cue_run, runs)
        if content_run is None or content_run.first in used_content:
            continue
        cue, content = run_span(doc, text, cue_run), run_span(doc, text, content_run)
        if not cue or not content or len(content.text.split()) < MIN_CONTENT_WORDS:
            continue
        if _is_known(cue, content, [*found, *out]):
            continue
        speaker_run = nearest_speaker(doc, cue_run, runs)
        speaker = run_span(doc, text, speaker_run) if speaker_run else subject_span(doc, text, cue_run)
        used_content.add(content_run.first)
        out.append(Claim(content=[content], cue=cue, speaker=speaker,
                         kind=_kind(doc, content_run, quoted), extractor=extractor))
    return out


def tagged_claims(doc, text: str, found: list[Claim], tagger, lexicon: dict[str, float], extractor: str) -> list[Claim]:
    """Claims for attributions not already among ``found`` (none without a tagger or for an empty doc)."""
    if tagger is None or len(doc) == 0:
        return []
    return claims_from_runs(doc, text, tag_doc(doc, tagger, lexicon), found, extractor)
