"""Resolving claims' speaker phrases to the article's entities: a name joins its entity, a role or
description the person holding a matching role, a pronoun the nearest preceding compatible
speaker, "I"/"we" in a quote the quoted speaker. See docs/speakers.md, section 2."""
from __future__ import annotations

import re

from dataclasses import replace

from ...records import Claim
from . import lexicon as R
from .book import Book, Info, Ref, Title
from .entities import given_name_gender, person_key, split_name
from .names import Found, parse_title
from .orgs import clean, described_org, org_entity, same_named_org
from ..places import is_place_name
from .words import capitalised, norm, strip_det, text_of

FIRST_PERSON = R.FIRST_PERSON | R.FIRST_PERSON_PLURAL


def role_fits(title: Title, info: Info) -> bool:
    """True when a person's role is the one a description names."""
    qualifiers = title.words & R.ROLE_QUALIFIERS == info.words & R.ROLE_QUALIFIERS
    if title.head in R.GENERIC_LEADER_WORDS and title.org:  # "the union leader": whoever heads it
        return info.org == title.org and info.head in R.ORG_LEADER_ROLES and qualifiers
    if title.head in R.GENERIC_LEADER_WORDS:  # "the Ukrainian leader": a head of state or government
        return bool(info.words & R.LEADER_ROLES) or info.head in R.LEADER_ROLES
    if title.head != info.head and title.head not in info.ranks:
        return False
    portfolio = {w for w in title.words if w in R.PORTFOLIO_WORDS}
    return portfolio <= info.words and qualifiers


def compat(title: Title, info: Info) -> int:
    """How well affiliations agree: 3 same org, 2 same country, 1 unknown, 0 conflict."""
    if title.org and info.org:
        return 3 if title.org == info.org else 0
    if title.country and info.country:
        return 2 if title.country == info.country else 0
    return 1


def match_role(book: Book, title: Title, pos: int) -> str | None:
    """The person holding the described role with the best-agreeing affiliation."""
    scored = [(compat(title, i), i.entity.key) for i in book.people() if role_fits(title, i)]
    scored = [(s, k) for s, k in scored if s]
    if not scored:
        return None
    best = max(s for s, _ in scored)
    return book.nearest([k for s, k in scored if s == best], pos)


def _periphrasis(book: Book, span, title: Title) -> str | None:
    """The holder of the office a newsroom periphrasis names ("the Kremlin leader", "the top US
    diplomat": :data:`ROLE_PERIPHRASES`), when exactly one person of the article holds it."""
    words = {norm(t.text) for t in span}
    for needed, heads, country in R.ROLE_PERIPHRASES:
        if not needed <= words:
            continue
        want = country or title.country
        found = [i.entity.key for i in book.people() if i.head in heads and (want is None or i.country in (None, want))]
        if len(set(found)) == 1:
            return found[0]
    return None


def _named_in(book: Book, start: int, end: int, kind: str) -> str | None:
    """An entity of this kind whose name mention lies inside [start, end)."""
    text = book.text
    keys = [k for s, e, k in book.names if s >= start and e <= end
            and book.infos[k].entity.kind == kind and text[e:e + 2] not in R.POSSESSIVE]
    return keys[-1] if keys else None


def _is_person(book: Book, text: str) -> bool:
    """True when text is the name (or surname) of a person of the article."""
    last = norm(text.split()[-1]) if text.split() else ""
    return any(norm(i.entity.name.split()[-1]) == last for i in book.people())


def _by_title(book: Book, span) -> tuple[str, str] | None:
    """(key, mention kind) for a role phrase: its holder, the org it speaks for, or a new person."""
    title = parse_title(list(span))
    if title.head is None:
        return None
    org = described_org(book, title.affiliation) if title.org else None
    if org:  # "union leader": the union the article names
        title = replace(title, org=book.infos[org].org, affiliation=book.infos[org].entity.name)
    generic = title.head in R.GENERIC_LEADER_WORDS or title.head in R.PERSON_NOUNS
    kind = "description" if generic else "title"
    key = match_role(book, title, span.start_char) or _periphrasis(book, span, title)
    if key is None and title.head in R.SPOKES_TITLES and title.org and not _is_person(book, title.affiliation):
        key = org_entity(book, title.affiliation)
    if key is None and not title.affiliation and title.head not in R.SPOKES_TITLES:
        key = described_person(book, span, title)
        kind = "description" if key else kind
    if key is None:
        key = book.new(clean(span.text), "person", title)
        book.infos[key].plural = norm(span[-1].text).endswith("s") and span[-1].tag_ == "NNS"
        book.infos[key].entity.described = True
    return key, kind


def _by_org(book: Book, span) -> tuple[str, str] | None:
    """(key, mention kind) for an organisation phrase ("the military intelligence of Ukraine"); an
    organisation named inside a phrase headed by a group ("Analysts ranging from the liberal CDI to
    conservatives") is not the speaker."""
    root = span.root
    if _is_group(root) or norm(root.text) in R.PERSON_NOUNS:
        return None
    if root.pos_ == "NOUN" and root.ent_type_ != "ORG" and norm(root.text) not in R.ORG_WORDS \
            and norm(root.text) not in R.ORG_DESCRIPTION_WORDS:
        return None  # "the former sergeant-at-arms of the House of Commons" is no House of Commons
    named = _named_in(book, span.start_char, span.end_char, "org")
    if named:
        return named, "name"
    is_org = norm(span.root.text) in R.ORG_WORDS or any(t.ent_type_ == "ORG" for t in span) \
        or (len(span) == 1 and span[0].text.isupper() and len(span[0].text) > 1)
    if not is_org:
        return None
    words = strip_det(list(span))
    kind = "name" if words and capitalised(words[0]) else "description"
    if kind == "description" and not described_org(book, span.text):
        found = antecedent_org(book, span)
        if found:
            return found, kind
    return org_entity(book, span.text), kind


def is_definite(span) -> bool:
    """"the professor", "The 26-year-old right wing": a singular phrase opening with "the"."""
    toks = [t for t in span if not t.is_punct]
    return len(toks) >= 2 and toks[0].lower_ == "the" and toks[-1].tag_ in ("NN", "NNP") \
        and norm(toks[-1].text) not in R.DOCUMENT_NOUNS and norm(toks[-1].text) not in R.GROUP_NOUNS


def described_person(book: Book, span, title: Title | None = None) -> str | None:
    """The person a definite description stands for: the named person mentioned last before it,
    within ``DESCRIPTION_SENTENCES`` sentences (a subject first, outside reported speech), whose
    role does not conflict ("the lanky, bespectacled professor" -> Guenther Schuh; "the minister"
    never a person known as a judge). None for an indefinite phrase ("a spokesman")."""
    if not is_definite(span):
        return None
    head = title.head if title else None
    def fits(info: Info) -> bool:
        return info.entity.kind == "person" and not info.plural and info.named_person and (
            head is None or info.head is None)  # a known role that did not match is a conflict
    return _nearest_named(book, span, fits)


def _nearest_named(book: Book, span, fits) -> str | None:
    pos = span.start_char
    sent = book.sent_start[span.start]
    refs = [r for r in book.refs if r.start < pos and fits(book.infos[r.key])
            and not any(s <= r.start < e for s, e in book.contents)]
    if not refs:
        return None
    near_sent = max(r.sent for r in refs)
    if _sentences_between(book, near_sent, sent) > R.DESCRIPTION_SENTENCES:
        return None
    near = [r for r in refs if r.sent == near_sent]
    return max([r for r in near if r.subject] or near, key=lambda r: r.start).key


def _sentences_between(book: Book, a: int, b: int) -> int:
    """Sentence starts strictly after token a's sentence up to token b's."""
    return len({s for s in book.sent_start[a:b + 1]}) - 1


def antecedent_org(book: Book, span) -> str | None:
    """"the company", "the utility", "the agency" with no named organisation of that head noun:
    the organisation the article named last before it (within ``DESCRIPTION_SENTENCES``)."""
    head = norm(span[-1].text)
    if not is_definite(span) or head not in R.ORG_DESCRIPTION_WORDS:
        return None
    if any(i.entity.kind == "org" and i.named and head in norm(i.entity.name).split() for i in book.infos.values()):
        return None  # organisations named with this head word: described_org decides (or none fits)
    return _nearest_named(book, span, lambda info: info.entity.kind == "org" and info.named
                          and not is_credit(info.entity.name))


def _fallback(book: Book, span) -> tuple[str, str] | None:
    """A new entity from the phrase itself (kind guessed) when nothing else resolves it."""
    org = antecedent_org(book, span)
    if org:
        return org, "description"
    if _is_person_description(span):
        person = described_person(book, span)
        if person:
            return person, "description"
    toks = strip_det(list(span))
    if toks and all(t.ent_type_ == "GPE" or norm(t.text) in R.COUNTRIES for t in toks):
        return org_entity(book, span.text), "name"  # a state speaking: "Russia announced"
    if toks and _is_group(toks[-1]):  # "Port officials", "analysts": a group, not a person
        key = book.new(clean(span.text), "other")
        book.infos[key].entity.described = True
        book.infos[key].plural = True
        return key, "description"
    if toks and all(capitalised(t) for t in toks):
        given = given_name_of(book, toks)
        if given:  # "Michael says": the one person of the article with that given name
            return given, "name"
        if is_place_name(text_of(toks)) and not is_given_name(toks):  # places never speak
            return None
        org = same_named_org(book, text_of(toks))  # "Atlantis" after "Atlantis Group Inc"
        if org:
            return org, "name"
        found = Found(span, Title())
        return person_key(book, found) or book.new(clean(span.text), "person"), "name"
    kind = "person" if toks and norm(toks[-1].text) in R.PERSON_NOUNS else "other"
    key = book.new(clean(span.text), kind)
    book.infos[key].entity.described = True
    book.infos[key].plural = bool(toks) and toks[-1].tag_ in ("NNS", "NNPS")
    return key, "description"


def is_credit(name: str) -> bool:
    """A wire service or photo credit ("The Canadian Press", "AFP/Getty Images"): never an antecedent."""
    low = norm(name).removeprefix("the ")
    return low in R.NEWS_AGENCIES or "/" in name or "getty" in low or low.endswith(" photo")


def is_given_name(toks) -> bool:
    return len(toks) == 1 and (norm(toks[0].text) in R.FEMALE_NAMES or norm(toks[0].text) in R.MALE_NAMES)


def given_name_of(book: Book, toks) -> str | None:
    """A single word that is the given name of exactly one named person of the article and nobody's
    surname ("Michael" in a story about Michael Greenspan)."""
    if len(toks) != 1:
        return None
    word = norm(toks[0].text)
    people = [i for i in book.people() if i.named_person and len(i.entity.name.split()) > 1]
    if any(split_name(i.entity.name.split())[1][-1] == word for i in people):
        return None
    found = {i.entity.key for i in people if norm(i.entity.name.split()[0]) == word}
    return found.pop() if len(found) == 1 else None


def _is_person_description(span) -> bool:
    """A definite phrase headed by a word for a person ("the professor"), or one giving an age
    ("The 26-year-old right wing", "the 40-year-old"): only people have ages in news copy."""
    head = norm(span[-1].text)
    if head in R.PERSON_DESCRIPTION_WORDS:
        return True
    return bool(AGE_RE.search(span.text)) and head not in R.ORG_DESCRIPTION_WORDS and head not in R.ORG_WORDS and span[-1].pos_ in ("NOUN", "ADJ")


AGE_RE = re.compile(r"\b\d{1,3}[- ]year[- ]old\b", re.IGNORECASE)


def _is_group(tok) -> bool:
    """True for a plural head noun naming unnamed people ("officials", "Analysts")."""
    plural = tok.tag_ in ("NNS", "NNPS") and norm(tok.lemma_) in R.PERSON_NOUNS | R.ROLE_TITLES
    return norm(tok.text) in R.GROUP_NOUNS or plural


def head_part(span):
    """The speaker phrase up to the first comma, relative pronoun, dash or (after a name)
    preposition that follows its head noun ("Russ Klisch, founder of Lakefront Brewery" -> "Russ
    Klisch"; "Hadwin, who won on the PGA Tour" -> "Hadwin"; "Jingyi Pan of IG" -> "Jingyi Pan"):
    the person named there speaks, not one named in the apposition or clause after it (GGT dev: 25
    of 126 wrong speakers were a name inside such a tail). A comma before the head ("the lanky,
    bespectacled professor") does not cut."""
    root = span.root
    for tok in span[1:]:
        if tok.i <= root.i:
            continue
        if tok.text in HEAD_STOPS or tok.lower_ in R.RELATIVE_PRONOUNS \
                or (tok.pos_ == "ADP" and root.pos_ == "PROPN" and tok.i == root.i + 1):
            return span.doc[span.start:tok.i]
    return span


HEAD_STOPS = frozenset({",", "(", "—", "–", ";"})


def _named_at_head(book: Book, span, kind: str) -> str | None:
    """The entity of this kind named at the phrase's head: the name holding its root, else the first
    name in its head part."""
    head = head_part(span)
    if not len(head):
        return None
    root = head.root
    names = [(s, e, k) for s, e, k in book.names if s >= head.start_char and e <= head.end_char
             and book.infos[k].entity.kind == kind and book.text[e:e + 2] not in R.POSSESSIVE]
    at_root = [k for s, e, k in names if s <= root.idx < e]
    if at_root:
        return at_root[0]
    if names:
        return names[0][2]
    return _named_apposition(book, span, head, kind)


def _named_apposition(book: Book, span, head, kind: str) -> str | None:
    """"His father, Ernie LeBlanc" / "the director of operations for EHS, Jeff Fraser": a description
    renamed by the name right after its comma (the name is the whole apposition)."""
    commas = [t.i for t in span if t.text == "," and t.i >= head.end]
    if not commas or commas[0] + 1 >= span.end:
        return None
    start = span.doc[commas[0] + 1].idx
    for s, e, k in book.names:
        if s == start and book.infos[k].entity.kind == kind:
            after = book.text[e:span.end_char].strip()
            if not after or after[0] in ",(—–;":
                return k
    return None


def resolve_phrase(book: Book, start: int, end: int) -> tuple[str, str] | None:
    """(entity key, mention kind) for a non-pronoun speaker phrase (its head part first)."""
    span = book.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.text.strip():
        return None
    if all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in span):
        return None  # dates never speak
    person = _named_at_head(book, span, "person")
    if person:
        return person, "name"
    head = head_part(span)
    if len(head) and len(head) < len(span):
        span = head
    person = _named_in(book, span.start_char, span.end_char, "person")
    if person:
        return person, "name"
    return _by_title(book, span) or _by_org(book, span) or _fallback(book, span)


def _pronoun_fits(book: Book, word: str, ref: Ref) -> bool:
    info = book.infos[ref.key]
    if word in R.PERSON_PRONOUNS:
        gender = R.PERSON_PRONOUNS[word]
        return ref.kind == "person" and not info.plural and info.gender in (None, gender)
    if is_credit(info.entity.name):
        return False
    return ref.kind in ("org", "other") or info.plural


def antecedent(book: Book, word: str, pos: int, contents: list[tuple[int, int]]) -> str | None:
    """The nearest earlier compatible mention: in the closest sentence, a subject first.

    Mentions inside a claim's content (reported speech) are skipped unless the
    pronoun is inside that same content.
    """
    def reported(ref):
        return any(s <= ref.start < e and not s <= pos < e for s, e in contents)

    refs = [r for r in book.refs if r.start < pos and _pronoun_fits(book, word, r) and not reported(r)]
    if not refs:
        return None
    sent = max(r.sent for r in refs)
    near = [r for r in refs if r.sent == sent]
    return max([r for r in near if r.subject] or near, key=lambda r: r.start).key


def is_pronoun(text: str) -> bool:
    word = norm(text.strip())
    return word in R.PERSON_PRONOUNS or word in R.GROUP_PRONOUNS


def _resolve_pronoun(book: Book, claim: Claim, contents, previous: str | None = None) -> str | None:
    """The antecedent of a pronoun speaker; the previous claim's speaker (``previous``) when it
    fits and was mentioned in the pronoun's paragraph or the two before ("Justice Dunphy said …
    Still, he denied Mr. Hemming's request … 'It needn't be so adversarial,' he wrote": the speaker
    goes on; GGT dev speaker accuracy 0.890 -> 0.895)."""
    sp = claim.speaker
    word = norm(sp.text.strip())
    key = antecedent(book, word, sp.start, contents)
    if previous and key != previous and _continues(book, word, previous, sp.start) \
            and not _subject_just_before(book, key, sp.start):
        key = previous
    if key:
        info = book.infos[key]
        info.gender = info.gender or R.PERSON_PRONOUNS.get(word)
        book.mention(sp.start, sp.end, key, "pronoun", True)
    return key


def _subject_just_before(book: Book, key: str | None, pos: int) -> bool:
    """``key`` is a grammatical subject in the pronoun's sentence or the one before it ("Reagan made
    no mention of the market … He said …": he is Reagan, whoever spoke before)."""
    if key is None:
        return False
    span = book.doc.char_span(pos, pos + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    sent = book.sent_start[span.start]
    before = book.sent_start[sent - 1] if sent > 0 else sent
    return any(r.key == key and r.subject and r.sent in (sent, before) and r.start < pos for r in book.refs)


def _continues(book: Book, word: str, previous: str, pos: int) -> bool:
    """The previous speaker fits the pronoun and was mentioned in its paragraph or the
    ``CONTINUITY_PARAGRAPHS`` before it."""
    refs = [r for r in book.refs if r.key == previous and r.start < pos]
    if not refs or not _pronoun_fits(book, word, refs[-1]):
        return False
    lo = pos
    for _ in range(CONTINUITY_PARAGRAPHS + 1):
        lo = book.text.rfind("\n", 0, max(lo - 1, 0))
    return refs[-1].start >= lo + 1


CONTINUITY_PARAGRAPHS = 2
"""How many paragraphs before the pronoun's own the previous speaker may have been mentioned in."""


def relative_head(book: Book, start: int, end: int):
    """The noun phrase a relative-pronoun speaker stands for ("Clinton, who said" -> Clinton).

    The pronoun's verb is a ``relcl`` of the noun (else the noun just before it); an
    apposition climbs to the noun it renames. None for pronouns and "those who", "anybody who".
    """
    span = book.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return None
    tok = span[0]
    if tok.head.dep_ == "relcl" and tok.head.head.i < tok.i:
        noun = tok.head.head
    else:
        prev = [t for t in book.doc[max(0, tok.i - 3):tok.i] if not t.is_punct]
        noun = prev[-1] if prev and prev[-1].pos_ in ("NOUN", "PROPN") else None
    while noun is not None and noun.dep_ == "appos" and noun.head.i < noun.i:
        noun = noun.head
    if noun is None or noun.pos_ not in ("NOUN", "PROPN") or norm(noun.text) in R.NON_REFERRING:
        return None
    end = max([c.i for c in noun.conjuncts if c.i < tok.i] + [noun.i]) + 1  # "Democrats and Republicans"
    return book.doc[noun.left_edge.i:end]


def _resolve_relative(book: Book, claim: Claim) -> str | None:
    """A relative-pronoun speaker: the entity of the phrase it modifies, as a pronoun mention."""
    phrase = relative_head(book, claim.speaker.start, claim.speaker.end)
    found = phrase is not None and resolve_phrase(book, phrase.start_char, phrase.end_char)
    if not found:
        return None
    book.mention(claim.speaker.start, claim.speaker.end, found[0], "pronoun", True)
    return found[0]


def _enclosing_speaker(claims: list[Claim], i: int, keys: dict[int, str]) -> str | None:
    """The resolved speaker of the other claim whose content contains claim ``i``'s speaker."""
    pos = claims[i].speaker.start
    for j, other in enumerate(claims):
        if j != i and keys.get(j) and any(s.start <= pos < s.end for s in other.content):
            return keys[j]
    return None


def _resolve_first_person(book: Book, claims: list[Claim], i: int, keys: dict[int, str]) -> str | None:
    """"I" inside a quote -> the quoted speaker; "we" -> the quoted speaker's organisation.
    Outside a quote (an op-ed's author) it stays unresolved."""
    claim = claims[i]
    word = speaker_word(claim)
    key = _enclosing_speaker(claims, i, keys)
    if key and word in R.FIRST_PERSON_PLURAL:
        key = _speaker_org(book, key)
    if key:
        book.mention(claim.speaker.start, claim.speaker.end, key, "pronoun", True)
    return key


def _speaker_org(book: Book, key: str) -> str | None:
    """An org speaker itself, or the org entity a person speaker is affiliated to."""
    info = book.infos[key]
    if info.entity.kind == "org":
        return key
    orgs = [i.entity.key for i in book.infos.values()
            if i.entity.kind == "org" and info.org and i.org == info.org]
    return orgs[0] if orgs else None


def speaker_word(claim: Claim) -> str:
    """The speaker phrase as one normalised word without a leading determiner ("" if longer)."""
    words = claim.speaker.text.split()
    words = words[1:] if len(words) == 2 and norm(words[0]) in R.DETERMINERS else words
    return norm(words[0]) if len(words) == 1 else ""


def resolve_claims(book: Book, claims: list[Claim], known_speaker: str | None = None) -> dict[int, str]:
    """Claim index -> entity key of its speaker. Names, descriptions and relative pronouns first,
    then pronouns, then first person, in text order; speakers that refer to nobody ("some",
    "you") stay unresolved (a key the claim already had is kept). In a document whose speaker is
    known (a speech, a statement: ``known_speaker``), "I" and "we" outside any quotation are that
    speaker."""
    keys = {i: c.speaker_key for i, c in enumerate(claims) if c.speaker_key}
    spoken = sorted((i for i, c in enumerate(claims) if c.speaker and speaker_word(c) not in R.NON_REFERRING),
                    key=lambda i: claims[i].speaker.start)
    contents = [(s.start, s.end) for c in claims for s in c.content]
    book.contents = contents
    for i in spoken:
        claim = claims[i]
        word = speaker_word(claim)
        if word in R.RELATIVE_PRONOUNS:
            _keep(keys, i, _resolve_relative(book, claim))
        elif not is_pronoun(claim.speaker.text) and word not in FIRST_PERSON:
            found = resolve_phrase(book, claim.speaker.start, claim.speaker.end)
            if found:
                keys[i] = found[0]
                book.mention(claim.speaker.start, claim.speaker.end, found[0], found[1], True)
    for n, i in enumerate(spoken):
        if is_pronoun(claims[i].speaker.text):
            before = [keys[j] for j in spoken[:n] if keys.get(j)]
            _keep(keys, i, _resolve_pronoun(book, claims[i], contents, before[-1] if before else None))
    for i in spoken:
        if speaker_word(claims[i]) in FIRST_PERSON:
            _keep(keys, i, _resolve_first_person(book, claims, i, keys))
    if known_speaker:
        for i in spoken:
            if speaker_word(claims[i]) in FIRST_PERSON and not keys.get(i):
                key = known_speaker_key(book, known_speaker)
                book.mention(claims[i].speaker.start, claims[i].speaker.end, key, "pronoun", True)
                keys[i] = key
    return keys


def known_speaker_key(book: Book, name: str) -> str:
    """The entity of a document's known speaker: the person the text names so, else a new one."""
    words = tuple(name.split())
    key = book.by_name.get(("person", name.lower()))
    if key is None:
        given, surname = split_name(words)
        for info in book.people():
            g, sn = split_name(info.entity.name.split())
            if sn[-1:] == surname[-1:] and (not g or not given or g[0] == given[0]):
                key = info.entity.key
                break
    if key is None:
        key = book.new(name, "person")
        book.infos[key].gender = given_name_gender(words)
        book.infos[key].named_person = True
    return key


def _keep(keys: dict[int, str], i: int, key: str | None) -> None:
    if key:
        keys[i] = key
