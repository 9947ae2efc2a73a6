"""Claims extractor: who (speaker) said (cue) what (content), with spans.

Works on the spaCy parse of ``Article.text`` (see ``docs/claims.md``):

1. quotations are found in the raw text (``claims_quotes``);
2. every cue candidate (a reporting or stance verb, "according to", a cue noun)
   accepted by the cue lexicon and the small trained cue model
   (``claims_model``) yields a claim: speaker = its subject (inherited through
   "adding that ..." chains), content = its clausal complement, object, the
   clause it interrupts ("..., he said") or an adjacent quotation;
3. quotations still unattributed are attributed by a headline pattern
   ("'quote': Speaker") or, when they open a paragraph and are long enough,
   to the previous claim's speaker (floating quotes). Short uncued quotes are
   scare quotes and yield nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from ..records import Article, Claim, Span
from . import cues
from .claims_model import CueModel, load_cue_model
from .claims_nouns import noun_claims
from .claims_quotes import Quote, find_quotes
from .claims_spans import span, token_spans, tokens_span
from .claims_tagger import tagged_claims

EXTRACTOR = "claims.v1"


@dataclass
class Context:
    """Everything the rules look at for one article."""

    doc: object
    text: str
    quotes: list[Quote]
    model: CueModel
    quote_of_char: dict[int, Quote] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for q in self.quotes:
            for i in range(q.outer_start, q.outer_end):
                self.quote_of_char[i] = q

    def quote_at(self, token) -> Quote | None:
        return self.quote_of_char.get(token.idx)


def extract_claims(doc, article: Article) -> Iterator[Claim]:
    """Every attribution in ``article`` (``doc`` is the spaCy Doc of ``article.text``)."""
    ctx = Context(doc, article.text, find_quotes(article.text), load_cue_model())
    claims = [*verb_claims(ctx), *according_claims(ctx), *colon_claims(ctx)]
    claims += noun_claims(ctx, shape_content, EXTRACTOR)
    claims = _dedupe(claims)
    claims += quote_claims(ctx, claims)
    claims += tagged_claims(doc, article.text, claims)
    yield from sorted(claims, key=lambda c: (c.start, c.end))


# --- verb cues ---------------------------------------------------------------

def verb_claims(ctx: Context) -> Iterator[Claim]:
    for tok in ctx.doc:
        if tok.pos_ in cues.CLAUSE_LIKE_POS and ctx.quote_at(tok) is None:
            found = verb_claim(ctx, tok)
            if found is not None and ctx.model.accepts(tok, *found):
                yield found[0]


def verb_claim(ctx: Context, tok) -> tuple[Claim, str] | None:
    """A candidate claim cued by ``tok`` and the name of the content pattern that fired."""
    if not ctx.model.is_candidate(tok) or _chains_to_cue(ctx, tok):
        return None
    subject = find_subject(tok)
    if subject is None:
        return None
    speaker = speaker_span(ctx, subject, tok)
    cue_tokens = cue_tokens_of(tok)
    content_idx, pattern = content_tokens(tok, subject, cue_tokens)
    content, kind = shape_content(ctx, content_idx, tok, speaker)
    if speaker is None or not content:
        return None
    cue = tokens_span(ctx.doc, ctx.text, cue_tokens)
    claim = Claim(content, cue, speaker, kind, channel_of(tok), extractor=EXTRACTOR)
    return claim, pattern if content_idx else "quote"


def _chains_to_cue(ctx: Context, tok) -> bool:
    """"continued to add": the cue is the complement verb, not "continue"."""
    if tok.lemma_ not in cues.CUE_CHAIN_VERBS:
        return False
    return any(c.dep_ == "xcomp" and ctx.model.is_candidate(c) for c in tok.children)


def find_subject(tok):
    """Who speaks through ``tok``: a passive's agent ("was confirmed by X"), its subject or,
    for "adding that ..." chains, the subject of the verb it hangs on; a participle's noun
    ("voters saying ..."); the object of "urged X to say"."""
    agent = _agent(tok)
    if agent is not None:
        return agent
    for _ in range(cues.SUBJECT_INHERIT_DEPTH + 1):
        subjects = [c for c in tok.children if c.dep_ in cues.SUBJECT_DEPS]
        if subjects:
            return _antecedent(subjects[0], tok)
        borrowed = _borrowed_subject(tok)
        if borrowed is not None or tok.dep_ not in cues.INHERIT_SUBJECT_DEPS or tok.head is tok:
            return borrowed
        tok = tok.head
    return None


def _agent(tok):
    """"was confirmed by officials" -> officials."""
    for agent in (c for c in tok.children if c.dep_ == cues.AGENT_DEP):
        for pobj in (c for c in agent.children if c.dep_ == "pobj"):
            return pobj
    return None


def _borrowed_subject(tok):
    """"voters saying they ..." -> voters; "urged him to say" -> him."""
    head = tok.head
    if tok.dep_ == "acl" and head.pos_ in cues.NOMINAL_POS and tok.i > head.i:
        return head if head.lower_ not in cues.NON_SPEAKER_WORDS else None
    if tok.dep_ in cues.OPEN_CLAUSE_DEPS:
        objects = [c for c in head.children if c.dep_ == "dobj" and c.i < tok.i]
        return objects[0] if objects and objects[0].lower_ not in cues.NON_SPEAKER_WORDS else None
    return None


def _antecedent(subject, verb):
    """The subject is its own speaker ("X, who said" -> "who", as PolNeAR annotates it)."""
    if subject.lower_ in cues.NON_SPEAKER_WORDS:
        return None
    return subject


def speaker_span(ctx: Context, subject, verb) -> Span | None:
    """The subject's phrase as written, without relative clauses that run into the verb."""
    drop = {t.i for t in verb.subtree if t.i >= verb.i} if subject.i < verb.i else set()
    tokens = [t for t in subject.subtree if t.i not in drop and _speakable(ctx, t)]
    if not tokens:
        tokens = [subject]
    if len(tokens) > cues.SPEAKER_MAX_WORDS:
        tokens = [t for t in tokens if abs(t.i - subject.i) <= 3]
    return tokens_span(ctx.doc, ctx.text, _contiguous_around(tokens, subject))


def _speakable(ctx: Context, tok) -> bool:
    return ctx.quote_at(tok) is None and "\n" not in tok.text


def _contiguous_around(tokens, anchor):
    idx = {t.i for t in tokens}
    lo = hi = anchor.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    return [t for t in tokens if lo <= t.i <= hi]


def cue_tokens_of(tok) -> list:
    """The verb, a chained head ("continued to add"), adjacent adverbs ("reportedly"), particles."""
    tokens = [tok]
    if tok.dep_ == "xcomp" and tok.head.lemma_ in cues.CUE_CHAIN_VERBS:
        tokens += [t for t in tok.doc[tok.head.i:tok.i]]
    first = min(t.i for t in tokens)
    for left in reversed(list(tok.doc[max(0, first - 2):first])):
        if left.lower_ not in cues.CUE_ADVERBS:
            break
        tokens.append(left)
    tokens += [c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]
    tokens += [c for c in tok.children if _is_cue_preposition(tok, c)]
    return sorted(tokens, key=lambda t: t.i)


def _is_cue_preposition(verb, child) -> bool:
    """"called for" / "urged for": the preposition right after the verb belongs to the cue."""
    return (
        child.dep_ == "prep"
        and child.i == verb.i + 1
        and child.lower_ in cues.CUE_PARTICLES
        and verb.lemma_ in cues.REPORTING_VERBS | cues.STANCE_VERBS
    )


def content_tokens(tok, subject, cue_tokens) -> tuple[set[int], str]:
    """Token indices of what ``tok`` reports (complement, object, interrupted clause) and the pattern."""
    own = {t.i for t in tok.subtree}
    exclude = {t.i for t in subject.subtree if t.i not in own} | {t.i for t in cue_tokens}
    exclude |= _subtrees(c for c in tok.children if c.dep_ == cues.AGENT_DEP)
    for getter in (_clausal, _open_clausal, _interrupted, _objects, _passive_subject, _prep_objects):
        found = getter(tok) - exclude
        if found:
            return found, getter.__name__.strip("_")
    return set(), "none"


def _subtrees(children) -> set[int]:
    return {t.i for c in children for t in c.subtree}


def _clausal(tok) -> set[int]:
    return _subtrees(c for c in tok.children if c.dep_ in cues.CLAUSE_DEPS)


def _open_clausal(tok) -> set[int]:
    """"expects the army to launch ..." -> "the army to launch ..."."""
    xcomps = [c for c in tok.children if c.dep_ in cues.OPEN_CLAUSE_DEPS]
    if not xcomps:
        return set()
    objects = [c for c in tok.children if c.dep_ in cues.OBJECT_DEPS and c.i < xcomps[0].i]
    return _subtrees([*objects, *xcomps])


def _interrupted(tok) -> set[int]:
    """"More support is needed, he emphasised" -> the clause around the cue
    ("Over the years, she said, email has helped" -> both sides, same sentence)."""
    if tok.dep_ not in cues.PARENTHETICAL_DEPS:
        return set()
    if tok.head.i > tok.i and tok.dep_ != "parataxis":
        return set()
    if not any(c.dep_ == "punct" and c.i < tok.i for c in tok.subtree) and tok.dep_ != "parataxis":
        if tok.doc[tok.i - 1].text != "," and tok.doc[max(0, tok.i - 2)].text != ",":
            return set()
    own = {t.i for t in tok.subtree}
    sent = tok.sent
    return {t.i for t in tok.head.subtree if t.i not in own and sent.start <= t.i < sent.end}


def _objects(tok) -> set[int]:
    if tok.lemma_ in cues.CHANNEL_TELL_LEMMAS:
        return set()
    objects = [c for c in tok.children if c.dep_ in cues.OBJECT_DEPS]
    return _subtrees(objects) | (_prep_objects(tok) if objects else set())


def _passive_subject(tok) -> set[int]:
    """"Cruz has been hit by the hawks" -> Cruz (only when the agent speaks)."""
    if _agent(tok) is None:
        return set()
    return _subtrees(c for c in tok.children if c.dep_ == "nsubjpass")


def _prep_objects(tok) -> set[int]:
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in cues.OBJECT_CONTENT_PREPS]
    return {t.i for p in preps[:1] for c in p.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree}


# --- content, quotes and kind -----------------------------------------------------

def shape_content(ctx: Context, idx: set[int], cue_tok, speaker: Span | None):
    """Content spans and kind; a complement that is mostly a quotation becomes the quotation."""
    quotes = _quotes_over(ctx, idx) if idx else []
    if quotes:
        return [_quote_span(ctx, q) for q in _with_split_half(ctx, quotes, cue_tok)], "direct"
    if not idx:
        near = adjacent_quotes(ctx, cue_tok, speaker)
        return [_quote_span(ctx, q) for q in near], "direct"
    content = token_spans(ctx.doc, ctx.text, idx)
    inside = [q for q in ctx.quotes if any(s.start <= q.start and q.end <= s.end for s in content)]
    return _merge_gaps(ctx, content), "mixed" if inside else "indirect"


def _merge_gaps(ctx: Context, content: list[Span]) -> list[Span]:
    """Fragments separated only by punctuation/space become one span."""
    merged: list[Span] = []
    for s in content:
        gap = ctx.text[merged[-1].end:s.start] if merged else None
        if gap is not None and all(ch in cues.QUOTE_GLUE for ch in gap):
            merged[-1] = Span.of(ctx.text, merged[-1].start, s.end)
        else:
            merged.append(s)
    return merged


def _quote_span(ctx: Context, q: Quote) -> Span:
    return span(ctx.text, q.start, q.end) or Span.of(ctx.text, q.start, q.end)


def _quotes_over(ctx: Context, idx: set[int]) -> list[Quote]:
    """Quotations covering most of the content tokens."""
    doc = ctx.doc
    by_quote: dict[Quote, int] = {}
    for i in idx:
        q = ctx.quote_at(doc[i])
        if q is not None:
            by_quote[q] = by_quote.get(q, 0) + 1
    outside = [i for i in idx if ctx.quote_at(doc[i]) is None and not _is_punct(doc[i])]
    direct = by_quote and len(outside) <= cues.DIRECT_MAX_OUTSIDE_WORDS
    return sorted(by_quote, key=lambda q: q.start) if direct else []


def _is_punct(tok) -> bool:
    return tok.is_punct or tok.is_space


def _with_split_half(ctx: Context, quotes: list[Quote], cue_tok) -> list[Quote]:
    """“…,” X said, “…”: add the quotation right after the attribution clause."""
    last = quotes[-1]
    if last.outer_end > cue_tok.idx:
        return quotes
    clause_end = _clause_end(ctx, cue_tok)
    following = _quote_starting_at(ctx, clause_end, cues.SPLIT_SENTENCE_GLUE)
    return quotes + [following] if following and following not in quotes else quotes


def _clause_end(ctx: Context, cue_tok) -> int:
    """End of the attribution clause: the last token of the cue's subtree outside quotes."""
    lo, hi = _paragraph_bounds(ctx.text, cue_tok.idx)
    ends = [
        t.idx + len(t) for t in cue_tok.subtree
        if ctx.quote_at(t) is None and not t.is_space and lo <= t.idx < hi
    ]
    return max(ends) if ends else cue_tok.idx + len(cue_tok)


def _quote_starting_at(ctx: Context, pos: int, glue=cues.SPLIT_GLUE) -> Quote | None:
    for q in ctx.quotes:
        gap = ctx.text[pos:q.outer_start]
        if q.outer_start >= pos and all(ch in glue for ch in gap):
            return q
    return None


def _quote_ending_at(ctx: Context, pos: int) -> Quote | None:
    for q in reversed(ctx.quotes):
        gap = ctx.text[q.outer_end:pos]
        if q.outer_end <= pos and all(ch in cues.QUOTE_GLUE for ch in gap):
            return q
    return None


def adjacent_quotes(ctx: Context, cue_tok, speaker: Span | None) -> list[Quote]:
    """Quotations right before and/or right after the attribution clause."""
    starts = [cue_tok.idx] + ([speaker.start] if speaker else [])
    before = _quote_ending_at(ctx, min(starts))
    glue = cues.SPLIT_SENTENCE_GLUE if before else cues.SPLIT_GLUE
    after = _quote_starting_at(ctx, _clause_end(ctx, cue_tok), glue)
    return [q for q in (before, after) if q is not None]


# --- channel -------------------------------------------------------------------

def channel_of(tok) -> str | None:
    """"told BFMTV" -> BFMTV; "said on CNN" -> CNN; "in an interview with X" -> X."""
    for child in tok.children:
        found = _channel_from(tok, child)
        if found:
            return found
    return None


def _channel_from(verb, child) -> str | None:
    if verb.lemma_ in cues.CHANNEL_TELL_LEMMAS and child.dep_ in cues.OBJECT_DEPS | cues.ADDRESSEE_DEPS:
        return _named(child)
    if child.dep_ != "prep" or child.lower_ not in cues.CHANNEL_PREPS:
        return None
    for pobj in (c for c in child.children if c.dep_ == "pobj"):
        if pobj.lemma_ in cues.CHANNEL_NOUNS:
            return _interview_partner(pobj)
        if child.lower_ == "on":
            return _named(pobj)
    return None


def _named(tok) -> str | None:
    if tok.ent_type_ in cues.CHANNEL_ENTS or (tok.pos_ == "PROPN" and not tok.ent_type_):
        return " ".join(t.text for t in tok.subtree).strip() or None
    return None


def _interview_partner(noun) -> str | None:
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            return " ".join(t.text for t in pobj.subtree)
    return None


# --- "according to X" ------------------------------------------------------------

def according_claims(ctx: Context) -> Iterator[Claim]:
    for tok in ctx.doc:
        if tok.lower_ == cues.ACCORDING_WORD and tok.i + 1 < len(ctx.doc):
            claim = according_claim(ctx, tok, ctx.doc[tok.i + 1])
            if claim is not None:
                yield claim


def according_claim(ctx: Context, tok, to) -> Claim | None:
    if to.lower_ != cues.ACCORDING_PREP:
        return None
    pobjs = [c for c in to.children if c.dep_ == "pobj"]
    if not pobjs or ctx.quote_at(tok) is not None:
        return None
    phrase = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
    head = tok.head if tok.head.i not in phrase else tok
    content_idx = {t.i for t in head.subtree} - phrase if head is not tok else set()
    content_idx = _same_sentence(ctx, tok, content_idx)
    content, kind = shape_content(ctx, content_idx, tok, None)
    speaker = tokens_span(ctx.doc, ctx.text, list(pobjs[0].subtree))
    cue = span(ctx.text, tok.idx, to.idx + len(to))
    if not content or speaker is None:
        return None
    return Claim(content, cue, speaker, kind, extractor=EXTRACTOR)


def _same_sentence(ctx: Context, tok, idx: set[int]) -> set[int]:
    sent = tok.sent
    return {i for i in idx if sent.start <= i < sent.end}


# --- quotations without a verb cue ---------------------------------------------------

def quote_claims(ctx: Context, claims: list[Claim]) -> list[Claim]:
    """Headline quotes, and floating quotes continuing the previous speaker."""
    covered = [(s.start, s.end) for c in claims for s in c.content]
    found: list[Claim] = []
    for q in ctx.quotes:
        if _is_used(q, covered):
            continue
        claim = headline_claim(ctx, q) or floating_claim(ctx, q, claims + found)
        if claim is not None:
            found.append(claim)
    return found


def _is_used(q: Quote, covered) -> bool:
    """Some claim's content already overlaps the quotation."""
    return any(a < q.end and q.start < b for a, b in covered)


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, len(text) if hi < 0 else hi


def headline_claim(ctx: Context, q: Quote) -> Claim | None:
    """A short line "'quote': Speaker" or "Speaker: 'quote'"."""
    lo, hi = _paragraph_bounds(ctx.text, q.outer_start)
    if len(ctx.text[lo:hi].split()) > cues.HEADLINE_MAX_WORDS:
        return None
    after, before = ctx.text[q.outer_end:hi], ctx.text[lo:q.outer_start]
    if not before.strip() and _headline_sep(after):
        return _headline(ctx, q, q.outer_end, hi)
    if not after.strip(" .") and _headline_sep(before[::-1]):
        return _headline(ctx, q, lo, q.outer_start)
    return None


def _headline_sep(side: str) -> bool:
    stripped = side.lstrip()
    return bool(stripped) and stripped[0] in cues.HEADLINE_SEPARATORS


def _headline(ctx: Context, q: Quote, lo: int, hi: int) -> Claim | None:
    """Speaker in text[lo:hi], on the far side of the separator from the quote."""
    speaker_after = lo == q.outer_end
    seps = [i for i in range(lo, hi) if ctx.text[i] in cues.HEADLINE_SEPARATORS]
    sep = seps[0] if speaker_after else seps[-1]
    speaker = span(ctx.text, sep + 1, hi) if speaker_after else span(ctx.text, lo, sep)
    if speaker is None or len(speaker.text.split()) > cues.HEADLINE_SPEAKER_MAX_WORDS:
        return None
    cue = Span.of(ctx.text, sep, sep + 1)
    return Claim([_quote_span(ctx, q)], cue, speaker, "direct", extractor=EXTRACTOR)


def floating_claim(ctx: Context, q: Quote, claims: list[Claim]) -> Claim | None:
    """A long quote opening its paragraph, with no cue: the previous speaker goes on."""
    lo, _ = _paragraph_bounds(ctx.text, q.outer_start)
    if ctx.text[lo:q.outer_start].strip() or q.words(ctx.text) < cues.FLOATING_QUOTE_MIN_WORDS:
        return None
    previous = [c for c in claims if c.start < q.start and c.speaker is not None]
    if not previous:
        return None
    speaker = max(previous, key=lambda c: c.start).speaker
    return Claim([_quote_span(ctx, q)], None, speaker, "direct", extractor=EXTRACTOR)


# --- "Speaker: content" lines ------------------------------------------------------

def colon_claims(ctx: Context) -> Iterator[Claim]:
    """Title-like lines "Clinton: Trump will reverse Roe v. Wade" (a short name, a colon, a claim)."""
    for tok in ctx.doc:
        if tok.text == cues.COLON and ctx.quote_at(tok) is None:
            claim = colon_claim(ctx, tok)
            if claim is not None:
                yield claim


def colon_claim(ctx: Context, sep) -> Claim | None:
    lo, hi = _paragraph_bounds(ctx.text, sep.idx)
    before = [t for t in ctx.doc if lo <= t.idx < sep.idx]
    if not _is_name_phrase(before) or len(ctx.text[sep.idx + 1:hi].split()) < cues.COLON_CONTENT_MIN_WORDS:
        return None
    speaker = tokens_span(ctx.doc, ctx.text, before)
    content = span(ctx.text, sep.idx + 1, hi)
    if speaker is None or content is None:
        return None
    quoted = any(q.start <= content.start + 1 and content.end <= q.outer_end for q in ctx.quotes)
    cue = Span.of(ctx.text, sep.idx, sep.idx + 1)
    return Claim([content], cue, speaker, "direct" if quoted else "indirect", extractor=EXTRACTOR)


def _is_name_phrase(tokens) -> bool:
    """A short capitalised phrase with a name in it and no verb: a speaker label."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if not words or len(words) > cues.COLON_SPEAKER_MAX_WORDS or not words[0].text[:1].isupper():
        return False
    has_name = any(t.pos_ == "PROPN" for t in words)
    return has_name and not any(t.pos_ in cues.CLAUSE_LIKE_POS or t.like_num for t in words)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in claims:
        key = (c.cue.start if c.cue else None, tuple((s.start, s.end) for s in c.content))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
