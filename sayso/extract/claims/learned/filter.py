"""A trained precision filter over the finished claims of one article.

The rules and the tagger propose claims; many are plain "X said" that PolNeAR's
annotators did not mark, or verbs inside someone else's content. A logistic
regression (``sayso/data/claims_filter.json``, trained by
``python -m training.filter`` on claims the extractor made for PolNeAR **train**
docs with out-of-fold taggers) scores each claim from string features: where it
came from (verb rule, noun, quote, tagger, ...), the cue's lemma and syntax, the
speaker's shape, the content's length and kind, the tagger's marginals over the
three roles and whether the claim sits inside another claim's content. Claims
scoring below ``FILTER_THRESHOLD`` are dropped. Without the file nothing is dropped.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from ....records import Claim, Span
from ..context import TAGGER, Candidate
from .cue_model import logistic

log = logging.getLogger(__name__)

MODEL_FILE = "claims_filter.json"  # in the models' folder (``sayso/data``)
KEEP_THRESHOLD = 0.3          # drop a claim whose probability of being annotated is below this
NEVER_BLANKED_CUES = frozenset({":", "-", "--", "–", "—", "―"})
"""Cues whose claim keeps its speaker even when the model doubts it: a headline "'quote': Name" (or
"Name: quote") names its speaker outright, and a ledger reader loses the most when it is blank."""
NAMING_DASHES = frozenset({"-", "--", "–", "—", "―"})
QUOTE_ORIGIN = "quote"
"""A quotation a dash and a name end ("“…” ― Jane Doe") names its speaker outright: of the claims
sharing its content, it is kept (a tagged "Readers wrote in." before it is not the speaker)."""
SPEAKER_THRESHOLD = 0.35      # blank a speaker whose probability of matching the gold source is below this
RULE_PRIORITY = 1.0           # without the model, a rule claim wins a shared content over a tagged one
SAME_CONTENT_MIN_SHARE = 0.5  # two claims share more than this of the longer content: one is kept
NESTED_CUE_MAX = 0.2          # the tagger sees no cue here (best CUE marginal below this) ...
NESTED_CONTENT_MIN = 0.8      # ... but someone else's content (mean CONTENT marginal at least this)
MARGINAL_BUCKETS = (0.05, 0.2, 0.4, 0.6, 0.8, 0.95)
CUE_PROB_BUCKETS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
LENGTH_BUCKETS = (1, 2, 3, 5, 8, 13, 20, 35, 60)
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "who", "that", "which"})


@dataclass
class Logistic:
    """A logistic regression over string features (weights of features absent are 0)."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0

    def probability(self, features: list[str]) -> float:
        return logistic(self.weights, self.bias, features)


@dataclass
class ClaimFilter:
    keep: Logistic          # P(the claim is an annotated attribution)
    speaker: Logistic       # P(its speaker matches the annotated source)
    keep_threshold: float = KEEP_THRESHOLD
    speaker_threshold: float = SPEAKER_THRESHOLD


def load_filter(path: Path) -> ClaimFilter | None:
    """The filter of the file ``path`` (None when it is missing: nothing is dropped)."""
    p = Path(path)
    if not p.is_file():
        log.debug("claims filter: no model at %s; nothing is dropped", p)
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    return ClaimFilter(Logistic(**data["keep"]), Logistic(**data["speaker"]),
                       data.get("keep_threshold", KEEP_THRESHOLD),
                       data.get("speaker_threshold", SPEAKER_THRESHOLD))


def filter_claims(doc, text: str, found: list[Candidate], tagging, cue_probs: dict[int, float],
                  model: ClaimFilter | None, blank_doubtful: bool = True) -> list[Claim]:
    """The claims of ``found`` without those unlikely to be annotated, each with its likelier speaker
    form (as found, cut after its head noun, or blank when neither is likely; a claim with neither
    cue nor likely speaker is dropped), and one claim per content: the likeliest. Without a
    ``model``, one claim per content, the rules' before the tagger's. ``blank_doubtful=False`` keeps
    the likelier speaker form however doubtful (a ledger resolves it; PolNeAR's convention of
    leaving some speakers unmarked is no reason to lose who spoke)."""
    if model is None:
        return one_per_content([(RULE_PRIORITY if f.origin != TAGGER else 0.0, f.claim) for f in found])
    marginals = tagging.marginals if tagging is not None else {}
    claims = [f.claim for f in found]
    scored = []
    for f in found:
        claim, origin = f.claim, f.origin
        feats = claim_features(doc, claim, origin, marginals, claims, cue_probs)
        p_keep = model.keep.probability(feats)
        if p_keep < model.keep_threshold:
            continue
        options = speaker_options(doc, text, claim, feats, lambda c, o=origin: claim_features(
            doc, c, o, marginals, claims, cue_probs))
        p_speaker, revised = _best_speaker(claim, options, model, blank_doubtful)
        if revised.speaker is None and claim.cue is not None and claim.cue.text in NEVER_BLANKED_CUES:
            revised = claim
        if revised.cue is not None or revised.speaker is not None:
            named = origin == QUOTE_ORIGIN and claim.cue is not None and claim.cue.text in NAMING_DASHES
            scored.append((1.0 if named else p_keep * p_speaker, revised))
    return one_per_content(scored)


def _same_content(a: Claim, b: Claim) -> bool:
    """The two contents share more than half of the longer one."""
    shared = sum(max(0, min(x.end, y.end) - max(x.start, y.start)) for x in a.content for y in b.content)
    longer = max(sum(s.end - s.start for s in a.content), sum(s.end - s.start for s in b.content))
    return shared > SAME_CONTENT_MIN_SHARE * longer


def one_per_content(scored: list[tuple[float, Claim]]) -> list[Claim]:
    """Of claims with the same content (rules and tagger found different cues for one quote),
    the likeliest; the others are dropped."""
    kept: list[Claim] = []
    for _, claim in sorted(scored, key=lambda pc: -pc[0]):
        if not any(_same_content(claim, k) for k in kept):
            kept.append(claim)
    return kept


def speaker_options(doc, text: str, claim: Claim, feats: list[str], features_of) -> list[tuple[Span, list[str]]]:
    """(speaker, features) for the speaker as found and, if it has one, its cut form."""
    if claim.speaker is None:
        return []
    cut = speaker_cut(doc, text, claim)
    if cut is None:
        return [(claim.speaker, feats + ["cand=full"])]
    what = cut_features(doc, claim, cut)
    return [(claim.speaker, feats + ["cand=full", *(f"full|{f}" for f in what)]),
            (cut, features_of(replace(claim, speaker=cut)) + ["cand=cut", *what])]


def _best_speaker(claim: Claim, options, model: ClaimFilter, blank: bool = True) -> tuple[float, Claim]:
    """(probability, claim with its likeliest speaker form, or none below the threshold)."""
    if not options:
        return 1.0, claim
    p, speaker = max(((model.speaker.probability(f), s) for s, f in options), key=lambda ps: ps[0])
    if not blank:
        return max(p, model.speaker_threshold), claim if speaker == claim.speaker else replace(claim, speaker=speaker)
    if p < model.speaker_threshold:
        return p, replace(claim, speaker=None)
    return p, claim if speaker == claim.speaker else replace(claim, speaker=speaker)


def _bucket(x: float, buckets) -> str:
    return str(next((b for b in buckets if x <= b), "more"))


def _tokens(doc, s: Span | None):
    if s is None:
        return []
    found = doc.char_span(s.start, s.end, alignment_mode="expand")
    return list(found) if found is not None else []


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _cue_head(cue_toks):
    verbs = [t for t in cue_toks if t.pos_ in ("VERB", "NOUN", "ADJ")]
    return (verbs or cue_toks)[-1] if cue_toks else None


def cue_features(doc, claim: Claim, origin: str) -> list[str]:
    head = _cue_head(_tokens(doc, claim.cue))
    if head is None:
        return ["cue=none", f"origin={origin}|cue=none"]
    lemma = head.lemma_.lower()
    return [f"lemma={lemma}", f"origin|lemma={origin}|{lemma}", f"cue_pos={head.pos_}",
            f"cue_tag={head.tag_}", f"cue_dep={head.dep_}", f"lemma|dep={lemma}|{head.dep_}",
            f"cue_head_pos={head.head.pos_}", f"cue_sent_start={head.i == head.sent.start}",
            f"lemma|kind={lemma}|{claim.kind}"]


def speaker_features(doc, claim: Claim) -> list[str]:
    toks = [t for t in _tokens(doc, claim.speaker) if not t.is_space]
    if not toks:
        return ["spk=none"]
    root = min(toks, key=lambda t: sum(1 for _ in t.ancestors))
    first = toks[0].lower_
    shape = "pron" if len(toks) == 1 and first in PRONOUNS else root.pos_
    return [f"spk_shape={shape}", f"spk_len={_bucket(len(toks), LENGTH_BUCKETS)}",
            f"spk_ent={root.ent_type_ or 'none'}", f"spk_first={first if first in PRONOUNS else '-'}",
            f"spk_after_cue={claim.cue is not None and claim.speaker.start > claim.cue.start}",
            f"spk_relcl={any(t.dep_ == 'relcl' for t in toks)}"]


def content_features(claim: Claim) -> list[str]:
    words = sum(len(s.text.split()) for s in claim.content)
    first = claim.content[0].text.split()[:1] if claim.content else []
    return [f"kind={claim.kind}", f"content_len={_bucket(words, LENGTH_BUCKETS)}",
            f"content_spans={min(len(claim.content), 3)}",
            f"content_first={first[0].lower() if first else ''}"]


def marginal_features(doc, claim: Claim, marginals: dict[str, list[float]]) -> list[str]:
    """The tagger's mean / best marginal of each role over the claim's span of that role."""
    out, stats = [], {}
    for role, spans in (("CUE", [claim.cue]), ("SOURCE", [claim.speaker]), ("CONTENT", claim.content)):
        probs = [marginals[role][t.i] for s in spans for t in _tokens(doc, s)] if role in marginals else []
        if probs:
            stats[role] = (_mean(probs), max(probs))
            out += [f"m_{role}_mean={_bucket(_mean(probs), MARGINAL_BUCKETS)}",
                    f"m_{role}_max={_bucket(max(probs), MARGINAL_BUCKETS)}"]
    if "CUE" in stats and "CONTENT" in stats:
        nested = stats["CUE"][1] < NESTED_CUE_MAX and stats["CONTENT"][0] >= NESTED_CONTENT_MIN
        out.append(f"tagger_nested={nested}")
    return out


def speaker_context_features(doc, claim: Claim, marginals: dict[str, list[float]]) -> list[str]:
    """How the tagger sees the speaker's edges, its head word, and its distance to the cue."""
    toks = [t for t in _tokens(doc, claim.speaker) if not t.is_space]
    if not toks:
        return []
    root = min(toks, key=lambda t: sum(1 for _ in t.ancestors))
    feats = [f"spk_head={root.lemma_.lower()}", f"spk_comma={any(t.text == ',' for t in toks)}",
             f"spk_same_sent={claim.cue is not None and _tokens(doc, claim.cue)[:1] != [] and _tokens(doc, claim.cue)[0].sent.start == toks[0].sent.start}"]
    source = marginals.get("SOURCE")
    if source:
        inside = sum(source[t.i] >= 0.5 for t in toks) / len(toks)
        before = source[toks[0].i - 1] if toks[0].i > 0 else 0.0
        after = source[toks[-1].i + 1] if toks[-1].i + 1 < len(doc) else 0.0
        feats += [f"spk_src_frac={_bucket(inside, MARGINAL_BUCKETS)}",
                  f"spk_src_before={_bucket(before, MARGINAL_BUCKETS)}", f"spk_src_after={_bucket(after, MARGINAL_BUCKETS)}"]
    return feats


def _covered(content: list[Span], other: list[Span]) -> float:
    """Share of ``content``'s characters inside ``other``'s spans."""
    total = sum(s.end - s.start for s in content)
    shared = sum(max(0, min(a.end, b.end) - max(a.start, b.start)) for a in content for b in other)
    return shared / total if total else 0.0


def _inside(s: Span | None, outer: Span) -> bool:
    return s is not None and outer.start <= s.start and s.end <= outer.end


def nesting_features(claim: Claim, claims: list[Claim]) -> list[str]:
    """Is this claim's cue inside another claim's content? Does another claim share its speaker?"""
    outer = [c for c in claims if c is not claim and any(_inside(claim.cue, s) for s in c.content)]
    same_speaker = claim.speaker is not None and any(
        c is not claim and c.speaker is not None and (c.speaker.start, c.speaker.end)
        == (claim.speaker.start, claim.speaker.end) for c in claims)
    covered = max((_covered(claim.content, c.content) for c in claims if c is not claim), default=0.0)
    feats = [f"nested={bool(outer)}", f"shares_speaker={same_speaker}",
             f"content_covered={_bucket(covered, MARGINAL_BUCKETS)}"]
    if outer:
        feats.append(f"nested_in_kind={outer[0].kind}")
    return feats


def cue_prob_features(doc, claim: Claim, cue_probs: dict[int, float]) -> list[str]:
    """The cue model's probability for a verb rule's cue (bucketed)."""
    probs = [cue_probs[t.i] for t in _tokens(doc, claim.cue) if t.i in cue_probs]
    return [f"cue_p={_bucket(max(probs), CUE_PROB_BUCKETS)}"] if probs else []


def claim_features(doc, claim: Claim, origin: str, marginals: dict[str, list[float]],
                   claims: list[Claim], cue_probs: dict[int, float]) -> list[str]:
    """String features of one finished claim (``origin``: which component made it)."""
    return ["bias", f"origin={origin}", *cue_features(doc, claim, origin), *speaker_features(doc, claim),
            *content_features(claim), *marginal_features(doc, claim, marginals),
            *nesting_features(claim, claims), *cue_prob_features(doc, claim, cue_probs),
            *speaker_context_features(doc, claim, marginals)]


CUT_DEPS = frozenset({"relcl", "appos", "acl"})  # clauses / appositions after the speaker's head noun


def speaker_cut(doc, text: str, claim: Claim) -> Span | None:
    """The speaker without the clauses and appositions after its head noun ("Tom Burke, who is
    coming from ..." -> "Tom Burke"); None when there is nothing to cut."""
    toks = [t for t in _tokens(doc, claim.speaker) if not t.is_space]
    if not toks:
        return None
    idx = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in idx or t.head.i == t.i), toks[0])
    cut = {t.i for c in root.children if c.dep_ in CUT_DEPS and c.i > root.i for t in c.subtree}
    keep = [t for t in toks if t.i not in cut and t.i <= max(idx - cut, default=-1)]
    while keep and (keep[-1].is_punct or keep[-1].is_space):
        keep.pop()
    if not cut or not keep or len(keep) == len(toks):
        return None
    return Span.of(text, keep[0].idx, keep[-1].idx + len(keep[-1].text))


def cut_features(doc, claim: Claim, cut: Span) -> list[str]:
    """What the cut takes away: how long, led by a comma, which dependency."""
    toks = [t for t in _tokens(doc, claim.speaker) if not t.is_space]
    kept = {t.i for t in _tokens(doc, cut)}
    removed = [t for t in toks if t.i not in kept]
    deps = sorted({t.dep_ for t in removed if t.head.i in kept})
    comma = bool(removed) and removed[0].text == ","
    return [f"cut_len={_bucket(len(removed), LENGTH_BUCKETS)}", f"cut_kept={_bucket(len(kept), LENGTH_BUCKETS)}",
            f"cut_dep={'+'.join(deps)}", f"cut_comma={comma}", f"cut_who={any(t.lower_ == 'who' for t in removed)}",
            f"cut_dep|comma={'+'.join(deps)}|{comma}"]
