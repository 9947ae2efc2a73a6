"""Verb cues: "X said (that) ...", "..., she said", "X expects the army to ...", "was confirmed by X".

Every cue candidate (a reporting or stance verb, or any verb the cue model scores) accepted
by the lexicon and the small trained cue model yields a claim: speaker = its subject
(inherited through "adding that ..." chains), content = its clausal complement, object,
the clause it interrupts ("..., he said") or an adjacent quotation. See docs/claims.md.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from ....records import Claim, Span
from ...spans import token_table, tokens_span
from .. import lexicon as cues
from ..context import Context, paragraph_bounds
from .content import shape_content


def verb_claims(ctx: Context) -> Iterator[Claim]:
    for i in token_table(ctx.doc).where("pos", cues.CLAUSE_LIKE_POS):
        tok = ctx.doc[i]
        if ctx.quote_at(tok) is None:
            found = verb_claim(ctx, tok)
            if found is None:
                continue
            p = ctx.model.score(tok, *found)
            if p is None or p >= cues.CUE_MODEL_THRESHOLD:
                ctx.cue_probs[tok.i] = 1.0 if p is None else p
                yield _impression_claim(ctx, tok, found[0])


def _impression_claim(ctx: Context, tok, claim: Claim) -> Claim:
    """"Sanders appeared to dismiss ...": PolNeAR marks "seem/appear" as the author's cue,
    with no source; the subject belongs to the content."""
    if tok.lemma_.lower() not in cues.IMPRESSION_VERBS or claim.speaker is None:
        return claim
    subject = find_subject(tok)
    if claim.kind != "indirect" or subject is None or subject.i > tok.i:
        return replace(claim, speaker=None)
    idx = {t.i for t in subject.subtree} | {t.i for s in claim.content for t in _span_tokens(ctx, s)}
    content, kind = shape_content(ctx, idx, tok, None)
    return replace(claim, speaker=None, content=content, kind=kind)


def _span_tokens(ctx: Context, s: Span):
    found = ctx.doc.char_span(s.start, s.end, alignment_mode="expand")
    return found if found is not None else []


def verb_claim(ctx: Context, tok) -> tuple[Claim, str] | None:
    """A candidate claim cued by ``tok`` and the name of the content pattern that fired."""
    if not ctx.model.is_candidate(tok) or _chains_to_cue(ctx, tok) or _issues_for_participle(ctx, tok):
        return None
    subject = find_subject(tok) or _expletive_subject(tok)
    if subject is None:
        return None
    sourceless = _is_sourceless_passive(tok, subject)
    speaker = None if sourceless else speaker_span(ctx, subject, tok)
    cue_tokens = cue_tokens_of(tok)
    content_idx, pattern = content_tokens(tok, subject, cue_tokens, ctx.text)
    if sourceless and content_idx and subject.lower_ not in cues.NON_SPEAKER_WORDS:
        content_idx |= {t.i for t in subject.subtree}
        pattern = f"passive_{pattern}"
    content, kind = shape_content(ctx, content_idx, tok, speaker)
    if (speaker is None and not sourceless) or not content:
        return None
    cue_tokens += cue_auxiliaries(tok, cue_tokens)
    cue = tokens_span(ctx.doc, ctx.text, cue_tokens)
    claim = Claim(content, cue, speaker, kind, channel_of(tok), extractor=ctx.extractor)
    return claim, pattern if content_idx else "quote"


def _expletive_subject(tok):
    """"it is believed that ...": the "it" of a passive with a clause (a sourceless claim)."""
    expletives = [c for c in tok.children if c.dep_ == "nsubjpass" and c.lower_ in cues.NON_SPEAKER_WORDS]
    has_clause = any(c.dep_ in cues.CLAUSE_DEPS for c in tok.children)
    return expletives[0] if expletives and has_clause else None


def _is_sourceless_passive(tok, subject) -> bool:
    """"The bank is expected to act", "it is believed that ...": no one is named as the source;
    the passive subject belongs to the content."""
    if subject.dep_ != "nsubjpass" or subject.head.i != tok.i or _agent(tok) is not None:
        return False
    return any(c.dep_ in cues.CLAUSE_DEPS | cues.OPEN_CLAUSE_DEPS for c in tok.children)


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
    if _is_misparsed_predicate(tok):
        return tok.sent.root
    for _ in range(cues.SUBJECT_INHERIT_DEPTH + 1):
        subjects = [c for c in tok.children if c.dep_ in cues.CUE_SUBJECT_DEPS and not c.is_punct]  # "― Trump boasted"
        if subjects:
            return _antecedent(subjects[0], tok)
        borrowed = _borrowed_subject(tok)
        if borrowed is not None or tok.dep_ not in cues.INHERIT_SUBJECT_DEPS or tok.head.i == tok.i:
            return borrowed
        tok = tok.head.head if tok.head.dep_ == "prep" else tok.head  # "continued by saying"
    return None


def _is_misparsed_predicate(tok) -> bool:
    """A past-tense verb the parser hung on a noun as its modifier in a sentence whose root is
    a name ("Zelenskyy, on February 2, slammed Russian forces for …" parsed as one noun phrase)."""
    if tok.tag_ not in cues.MISPARSED_VERB_TAGS or tok.dep_ not in cues.MISPARSED_VERB_DEPS:
        return False  # checked first: finding the sentence's root was a fifth of the verb rule's time
    root = tok.sent.root
    return root.pos_ in cues.NOMINAL_ROOT_POS and root.i < tok.i


def _misparsed_object(tok) -> set[int]:
    """The noun phrase such a verb was hung on is what it acts on ("Russian forces for …")."""
    if not _is_misparsed_predicate(tok):
        return set()
    return {t.i for t in tok.head.subtree} - {t.i for t in tok.subtree}


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
        issuer = _issuer(tok)
        if issuer is not None:
            return issuer
        return head if head.lower_ not in cues.NON_SPEAKER_WORDS else None
    if tok.dep_ in cues.OPEN_CLAUSE_DEPS:
        objects = [c for c in head.children if c.dep_ == "dobj" and c.i < tok.i]
        return objects[0] if objects and objects[0].lower_ not in cues.NON_SPEAKER_WORDS else None
    return None


def _issuing_verb(tok):
    """"issued a statement (Wednesday,) saying ...": the verb that issued the noun, for a participle."""
    if tok.tag_ not in cues.PARTICIPLE_TAGS:
        return None
    verb = None
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in cues.ISSUED_NOUNS and tok.head.dep_ == "dobj":
        verb = tok.head.head
    elif tok.dep_ == "advcl" and _issued_object(tok.head, tok) is not None:
        verb = tok.head
    if verb is None or verb.lemma_.lower() not in cues.ISSUING_VERBS:
        return None
    return verb if tok.i - verb.i <= cues.ISSUED_CUE_MAX_TOKENS else None


def _issued_object(verb, participle):
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in cues.ISSUED_NOUNS]
    return objs[0] if objs and objs[0].i < participle.i else None


def _issues_for_participle(ctx: Context, tok) -> bool:
    """"issued" in "issued a statement saying ...": the participle is the cue, not "issued"."""
    return any(ctx.model.is_candidate(p) and getattr(_issuing_verb(p), "i", None) == tok.i
               for obj in tok.children if obj.dep_ == "dobj"
               for p in [*obj.children, *tok.children] if p.i > obj.i)


def _issuer(participle):
    """"Trump issued a statement saying ..." -> Trump (PolNeAR: the issuer speaks)."""
    verb = _issuing_verb(participle)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    return _antecedent(subjects[0], verb) if subjects else None


def _antecedent(subject, verb):
    """The subject is its own speaker ("X, who said" -> "who", as PolNeAR annotates it)."""
    if subject.lower_ in cues.NON_SPEAKER_WORDS:
        return None
    return subject


def speaker_span(ctx: Context, subject, verb) -> Span | None:
    """The subject's phrase as written, relative clauses included (PolNeAR keeps them; measured),
    without anything that runs into the verb."""
    drop = {t.i for t in verb.subtree if t.i >= verb.i} if subject.i < verb.i else set()
    if _is_misparsed_predicate(verb):  # the root's own phrase, up to its first comma
        drop |= {t.i for t in subject.subtree if t.i > subject.i}
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
    issuing = _issuing_verb(tok)
    if issuing is not None:
        tokens.append(issuing)
    tokens += _light_predicate(tok)
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


def _light_predicate(tok) -> list:
    """"made (it) clear that ...": PolNeAR's cue runs to the predicate word."""
    if tok.lemma_.lower() not in cues.LIGHT_CUE_VERBS:
        return []
    ends = [c.i for c in tok.children if c.lower_ in cues.LIGHT_CUE_PREDICATES
            and 0 < c.i - tok.i <= cues.LIGHT_PREDICATE_MAX_GAP]
    return list(tok.doc[tok.i + 1:ends[0] + 1]) if ends else []


def cue_auxiliaries(tok, cue_tokens) -> list:
    """Auxiliaries, negation and adverbs right before the cue verb, as PolNeAR spans cues
    ("has said", "didn't say", "had already forecast"). Adjuncts after the verb ("said in a
    statement") were measured too: PolNeAR keeps them too rarely to pay off."""
    doc, ids = tok.doc, {t.i for t in cue_tokens}
    lo, extra = min(ids), []
    while lo > 0 and doc[lo - 1].head.i in ids and doc[lo - 1].dep_ in cues.CUE_AUX_DEPS:
        lo -= 1
        extra.append(doc[lo])
    return extra


def _is_cue_preposition(verb, child) -> bool:
    """"called for" / "urged for": the preposition right after the verb belongs to the cue."""
    return (
        child.dep_ == "prep"
        and child.i == verb.i + 1
        and child.lower_ in cues.CUE_PARTICLES
        and verb.lemma_ in cues.REPORTING_VERBS | cues.STANCE_VERBS
        and not any(_names_when_or_where(obj) for obj in child.children if obj.dep_ == "pobj")
    )


def _names_when_or_where(tok) -> bool:
    """"said on Tuesday", "said on CNN": a date or a name after the preposition is no particle."""
    return tok.ent_type_ in cues.NOT_PARTICLE_ENTS or tok.pos_ == "PROPN"


def content_tokens(tok, subject, cue_tokens, text: str) -> tuple[set[int], str]:
    """Token indices of what ``tok`` reports (complement, object, interrupted clause) and the pattern.

    ``text`` is the article text (``Doc.text`` would rebuild it on every call)."""
    own = {t.i for t in tok.subtree}
    said_by = [t for t in subject.subtree if t.i < tok.i] if _is_misparsed_predicate(tok) else subject.subtree
    exclude = {t.i for t in said_by if t.i not in own} | {t.i for t in cue_tokens}
    exclude |= _subtrees(c for c in tok.children if c.dep_ == cues.AGENT_DEP)
    lo, hi = paragraph_bounds(text, tok.idx)
    at = token_table(tok.doc).idx
    getters = (_clausal, _open_clausal, _interrupted, _objects, _addressee_clause, _passive_subject,
               _prep_objects, _misparsed_object)
    for getter in getters:
        found = {i for i in getter(tok) - exclude if lo <= at[i] < hi}
        found -= _trailing_asides(tok.doc, found)
        if found:
            return found, getter.__name__.strip("_")
    return set(), "none"


def _subtrees(children) -> set[int]:
    return {t.i for c in children for t in c.subtree}


def _clausal(tok) -> set[int]:
    return _subtrees(c for c in tok.children if c.dep_ in cues.CLAUSE_DEPS)


def _addressee_clause(tok) -> set[int]:
    """"told a meeting of island leaders that few people understood …": a "that" clause the parser
    hung on a noun of the verb's object (a relative clause never opens with the conjunction "that"
    and a subject of its own) is what was told."""
    for obj in (c for c in tok.children if c.dep_ in cues.OBJECT_DEPS):
        for t in obj.subtree:
            if t.dep_ in ("relcl", "acl") and _opens_with_that(t):
                return {x.i for x in t.subtree}
    return set()


def _opens_with_that(clause) -> bool:
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"]
    return bool(marks) and any(c.dep_ in cues.SUBJECT_DEPS for c in clause.children) and marks[0].i == clause.left_edge.i


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
    if tok.dep_ not in cues.PARENTHETICAL_DEPS or tok.tag_ in cues.PARTICIPLE_TAGS:
        return set()  # "..., calling it a disgrace": the participle's own object is the content
    if any(c.dep_ in cues.OBJECT_DEPS for c in tok.children):
        return set()
    if tok.head.i > tok.i and tok.dep_ != "parataxis" and not _as_clause(tok):
        return set()
    if not any(c.dep_ == "punct" and c.i < tok.i for c in tok.subtree) and tok.dep_ != "parataxis":
        if tok.doc[tok.i - 1].text != "," and tok.doc[max(0, tok.i - 2)].text != ",":
            return set()
    own = {t.i for t in tok.subtree}
    sent = tok.sent
    return {t.i for t in tok.head.subtree if t.i not in own and sent.start <= t.i < sent.end}


def _as_clause(tok) -> bool:
    """"As Clinton told the Daily News, tax relief is ..." (the main clause is the content)."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cues.AS_MARKERS for c in tok.children)


def _objects(tok) -> set[int]:
    if tok.lemma_ in cues.CHANNEL_TELL_LEMMAS:
        return set()
    objects = [c for c in tok.children if c.dep_ in cues.OBJECT_DEPS]
    if not objects:
        return set()
    predicates = [c for c in tok.children if _is_object_predicate(c, objects[0])]
    return _subtrees(objects + predicates) | _prep_objects(tok, with_prep=True)


def _trailing_asides(doc, idx: set[int]) -> set[int]:
    """A comma-led aside at the end of the content is the writer's, not the speaker's:
    "…'s email use, which an FBI investigation said …", "… the U.S., a plan he has modified …",
    "…, saying …"."""
    drop: set[int] = set()
    end = max(idx, default=-1)
    deps = token_table(doc).dep
    for i in sorted(idx):
        if deps[i] not in cues.ASIDE_DEPS:
            continue  # read from the table: a Token for every content token cost more than the rule
        tok = doc[i]
        comma = tok.left_edge.i - 1
        if tok.dep_ not in cues.ASIDE_DEPS or comma < 0 or doc[comma].text != ",":
            continue
        if tok.dep_ == "advcl" and tok.tag_ not in cues.PARTICIPLE_TAGS:
            continue
        if tok.right_edge.i >= end - 1 and comma in idx:
            drop |= {t.i for t in doc[comma:end + 1]}
            break
    return drop


def _is_object_predicate(child, obj) -> bool:
    """"called it a disgrace", "described the plan as a buzz": what is said of the object."""
    if child.i < obj.i:
        return False
    if child.dep_ == "prep":
        return child.lower_ in cues.OBJECT_PHRASE_PREPS and not _is_time_phrase(child)
    return child.dep_ in cues.OBJECT_PREDICATE_DEPS


def _is_time_phrase(prep) -> bool:
    return any(t.ent_type_ in cues.TIME_ENTS for t in prep.subtree)


def _passive_subject(tok) -> set[int]:
    """"Cruz has been hit by the hawks" -> Cruz (only when the agent speaks)."""
    if _agent(tok) is None:
        return set()
    return _subtrees(c for c in tok.children if c.dep_ == "nsubjpass")


def _prep_objects(tok, with_prep: bool = False) -> set[int]:
    """"called for more aid" -> "more aid"; after an object the preposition belongs to the
    content ("slammed Russian forces for ..." -> "Russian forces for ...")."""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in cues.OBJECT_CONTENT_PREPS]
    found = {t.i for p in preps[:1] for c in p.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree}
    return found | ({preps[0].i} if found and with_prep else set())


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
