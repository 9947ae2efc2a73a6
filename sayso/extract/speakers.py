"""Speaker resolution: every claim's speaker phrase -> one person or organisation.

:func:`resolve_speakers` first builds the article's entities from the text
(names with the title phrase around them, organisations), then resolves each
claim's ``speaker`` span: a name joins its entity, a role or description the
person holding a matching role, a pronoun the nearest preceding compatible
speaker. See docs/speakers.md for the rules; the vocabularies are in
:mod:`sayso.extract.roles`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..records import Article, Claim, Entity, Mention
from . import roles as R
from .speakers_names import Found, Title, find_people, parse_title
from .speakers_orgs import clean, described_org, is_description, org_entity, org_spans
from .speakers_words import capitalised, norm, strip_det, text_of

__all__ = ["EXTRACTOR", "resolve_speakers", "parse_title"]

EXTRACTOR = "speakers.v1"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
FIRST_PERSON = R.FIRST_PERSON | R.FIRST_PERSON_PLURAL


# --------------------------------------------------------------------------- the entity book


@dataclass
class Info:
    """What resolution knows about one entity beyond the Entity record."""

    entity: Entity
    words: set[str] = field(default_factory=set)  # normalised role + rank words
    country: str | None = None
    org: str | None = None  # canonical org key (of the org itself, or of a person's affiliation)
    positions: list[int] = field(default_factory=list)  # starts of its mentions
    head: str | None = None  # head of its role ("minister", "prime minister")
    ranks: set[str] = field(default_factory=set)  # normalised rank words ("general")
    gender: str | None = None
    plural: bool = False
    named: bool = False  # an org the text names ("Coastal Transport Union"), not a description


@dataclass(frozen=True)
class Ref:
    """A mention a later pronoun may refer back to."""

    start: int
    key: str
    kind: str  # the entity kind
    sent: int  # start token of its sentence
    subject: bool


class Book:
    """The article's entities, their mentions and the pronoun antecedents seen so far."""

    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each access: read it once
        self.infos: dict[str, Info] = {}
        self.by_name: dict[tuple[str, str], str] = {}  # (kind, normalised name) -> key
        self.mentions: list[Mention] = []
        self.refs: list[Ref] = []
        self.names: list[tuple[int, int, str]] = []  # name mentions found in the text
        # token index -> index of its sentence's first token (doc.sents walks the whole doc each call)
        self.sent_start = [0] * len(doc)
        for sent in doc.sents:
            self.sent_start[sent.start:sent.end] = [sent.start] * len(sent)

    def new(self, name: str, kind: str, title: Title | None = None) -> str:
        """Create an entity (or return the one of that kind and name) and its key."""
        found = self.by_name.get((kind, name.lower()))
        if found:
            return found
        key = f"tmp{len(self.infos) + 1}"
        self.infos[key] = Info(Entity(key, name, kind))
        self.by_name[(kind, name.lower())] = key
        if title:
            self.add_title(key, title)
        return key

    def add_title(self, key: str, title: Title, rank=()) -> None:
        """Fill an entity's role/affiliation from a title (first one wins) and index its words."""
        info = self.infos[key]
        ent = info.entity
        if title.role and not ent.role:
            ent.role = title.role
        if title.affiliation and not ent.affiliation:
            ent.affiliation, info.country, info.org = title.affiliation, title.country, title.org
        info.head = info.head or title.head
        info.ranks |= {norm(t.text) for t in rank if norm(t.text) in R.RANKS}
        info.words |= set(title.words) | info.ranks
        info.gender = info.gender or next(
            (R.HONORIFICS[norm(t.text)] for t in rank if R.HONORIFICS.get(norm(t.text))), None)

    def alias(self, key: str, text: str) -> None:
        ent = self.infos[key].entity
        if text != ent.name and text not in ent.aliases:
            ent.aliases.append(text)

    def mention(self, start: int, end: int, key: str, kind: str, subject: bool = False) -> None:
        """Record a mention of an entity (and a pronoun antecedent at its position)."""
        info = self.infos[key]
        info.positions.append(start)
        self.mentions.append(Mention(start, end, self.text[start:end], key, kind, EXTRACTOR))
        span = self.doc.char_span(start, end, alignment_mode="expand")
        sent = self.sent_start[span.start] if span is not None and len(span) else 0
        self.refs.append(Ref(start, key, info.entity.kind, sent, subject))

    def name_mention(self, span, key: str) -> None:
        """A name mention found in the text (a later speaker phrase may contain it)."""
        self.names.append((span.start_char, span.end_char, key))
        self.mention(span.start_char, span.end_char, key, "name", span.root.dep_ in SUBJECT_DEPS)

    def people(self) -> list[Info]:
        return [i for i in self.infos.values() if i.entity.kind == "person"]

    def nearest(self, keys: list[str], pos: int) -> str:
        """Of several keys, the one mentioned last before pos (else first after it)."""
        def rank(key):
            before = [p for p in self.infos[key].positions if p < pos]
            after = [p for p in self.infos[key].positions if p >= pos]
            return (1, max(before)) if before else (0, -min(after, default=10**9))
        return max(keys, key=rank)


# --------------------------------------------------------------------------- building entities


def _person_key(book: Book, found: Found) -> str | None:
    """The existing person a name belongs to: same full name, or a surname of one."""
    words = [norm(w) for w in found.words]
    exact = book.by_name.get(("person", " ".join(found.words).lower()))
    if exact:
        return exact
    matches = []
    for info in book.people():
        known = [norm(w) for w in info.entity.name.split()]
        if len(words) == 1 and known[-1] == words[0]:
            matches.append(info.entity.key)
        elif len(words) > 1 and known[0] == words[0] and known[-1] == words[-1]:
            matches.append(info.entity.key)
    return book.nearest(matches, found.span.start_char) if matches else None


def add_people(book: Book, people: list[Found]) -> list[tuple[str, Found]]:
    """Cluster person names into entities: full names first, then bare surnames."""
    placed = []
    for found in sorted(people, key=lambda f: (-len(f.span), f.span.start)):
        key = _person_key(book, found) or book.new(" ".join(found.words), "person")
        book.add_title(key, found.title, found.rank)
        book.alias(key, " ".join(found.words))
        if found.rank:
            book.alias(key, text_of(found.rank + list(found.span)))
        book.name_mention(found.span, key)
        placed.append((key, found))
    return placed


def add_surname_mentions(book: Book, others: list) -> None:
    """Name-like runs the NER missed or mislabelled ("Chernyak" as ORG) that match a person."""
    for run in others:
        found = Found(run, Title())
        key = _person_key(book, found) if len(run) <= 3 else None
        if key:
            book.alias(key, run.text)
            book.name_mention(run, key)



def add_orgs(book: Book, spans: list) -> None:
    """Organisation entities from ORG spans (well-known aliases share one entity)."""
    for span in sorted(spans, key=lambda s: is_description(s.text)):  # names first
        book.name_mention(span, org_entity(book, span.text))


def set_org(book: Book, key: str, org: str) -> None:
    """Make an organisation entity the affiliation of a person."""
    info, org_info = book.infos[key], book.infos[org]
    info.org, info.entity.affiliation = org_info.org, org_info.entity.name
    info.country = info.country or org_info.country


def link_affiliations(book: Book, placed: list[tuple[str, Found]]) -> None:
    """Affiliations that describe an org ("the union's general secretary") -> the org named in the
    article; "Its governor, X" -> the organisation last the subject before "its"."""
    for key, found in placed:
        info = book.infos[key]
        if found.owner is not None and not info.entity.affiliation:
            org = _org_subject(book, found.owner)
            if org:
                set_org(book, key, org)
        elif info.org and not any(i.named and i.org == info.org for i in book.infos.values()):
            org = described_org(book, info.entity.affiliation)
            if org:
                set_org(book, key, org)


def _org_subject(book: Book, i: int) -> str | None:
    """The org entity of the last org subject before token i (its sentence or the one before)."""
    doc = book.doc
    start = book.sent_start[i]
    first = book.sent_start[start - 1] if start else 0
    for j in range(i - 1, first - 1, -1):
        tok = doc[j]
        if tok.dep_ in SUBJECT_DEPS and (norm(tok.text) in R.ORG_WORDS or tok.ent_type_ == "ORG"):
            end = j + 1
            while end < len(doc) and tok.ent_type_ == "ORG" and doc[end].ent_iob_ == "I":
                end += 1
            span = doc[tok.left_edge.i:end]
            key = org_entity(book, span.text)
            if not any(s <= span.start_char < e for s, e, _ in book.names):
                book.mention(span.start_char, span.end_char, key, "description", True)
            return key
    return None






# --------------------------------------------------------------------------- resolving speakers


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
    key = match_role(book, title, span.start_char)
    if key is None and title.head in R.SPOKES_TITLES and title.org and not _is_person(book, title.affiliation):
        key = org_entity(book, title.affiliation)
    if key is None:
        key = book.new(clean(span.text), "person", title)
        book.infos[key].plural = norm(span[-1].text).endswith("s") and span[-1].tag_ == "NNS"
    return key, kind


def _by_org(book: Book, span) -> tuple[str, str] | None:
    """(key, mention kind) for an organisation phrase ("the military intelligence of Ukraine")."""
    named = _named_in(book, span.start_char, span.end_char, "org")
    if named:
        return named, "name"
    is_org = norm(span.root.text) in R.ORG_WORDS or any(t.ent_type_ == "ORG" for t in span) \
        or (len(span) == 1 and span[0].text.isupper() and len(span[0].text) > 1)
    if not is_org:
        return None
    words = strip_det(list(span))
    kind = "name" if words and capitalised(words[0]) else "description"
    return org_entity(book, span.text), kind


def _fallback(book: Book, span) -> tuple[str, str]:
    """A new entity from the phrase itself (kind guessed) when nothing else resolves it."""
    toks = strip_det(list(span))
    if toks and all(t.ent_type_ == "GPE" or norm(t.text) in R.COUNTRIES for t in toks):
        return org_entity(book, span.text), "name"  # a state speaking: "Russia announced"
    if toks and _is_group(toks[-1]):  # "Port officials", "analysts": a group, not a person
        key = book.new(clean(span.text), "other")
        book.infos[key].plural = True
        return key, "description"
    if toks and all(capitalised(t) for t in toks):
        found = Found(span, Title())
        return _person_key(book, found) or book.new(clean(span.text), "person"), "name"
    kind = "person" if toks and norm(toks[-1].text) in R.PERSON_NOUNS else "other"
    key = book.new(clean(span.text), kind)
    book.infos[key].plural = bool(toks) and toks[-1].tag_ in ("NNS", "NNPS")
    return key, "description"


def _is_group(tok) -> bool:
    """True for a plural head noun naming unnamed people ("officials", "Analysts")."""
    plural = tok.tag_ in ("NNS", "NNPS") and norm(tok.lemma_) in R.PERSON_NOUNS | R.ROLE_TITLES
    return norm(tok.text) in R.GROUP_NOUNS or plural


def resolve_phrase(book: Book, start: int, end: int) -> tuple[str, str] | None:
    """(entity key, mention kind) for a non-pronoun speaker phrase."""
    span = book.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.text.strip():
        return None
    person = _named_in(book, span.start_char, span.end_char, "person")
    if person:
        return person, "name"
    return _by_title(book, span) or _by_org(book, span) or _fallback(book, span)


def _pronoun_fits(book: Book, word: str, ref: Ref) -> bool:
    info = book.infos[ref.key]
    if word in R.PERSON_PRONOUNS:
        gender = R.PERSON_PRONOUNS[word]
        return ref.kind == "person" and not info.plural and info.gender in (None, gender)
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


def _resolve_pronoun(book: Book, claim: Claim, contents) -> None:
    sp = claim.speaker
    word = norm(sp.text.strip())
    key = antecedent(book, word, sp.start, contents)
    if key:
        claim.speaker_key = key
        info = book.infos[key]
        info.gender = info.gender or R.PERSON_PRONOUNS.get(word)
        book.mention(sp.start, sp.end, key, "pronoun", True)


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


def _resolve_relative(book: Book, claim: Claim) -> None:
    """A relative-pronoun speaker: the entity of the phrase it modifies, as a pronoun mention."""
    phrase = relative_head(book, claim.speaker.start, claim.speaker.end)
    found = phrase is not None and resolve_phrase(book, phrase.start_char, phrase.end_char)
    if found:
        claim.speaker_key = found[0]
        book.mention(claim.speaker.start, claim.speaker.end, found[0], "pronoun", True)


def _enclosing_speaker(claims: list[Claim], claim: Claim) -> str | None:
    """The resolved speaker of the other claim whose content contains this claim's speaker."""
    pos = claim.speaker.start
    for other in claims:
        if other is not claim and other.speaker_key and any(s.start <= pos < s.end for s in other.content):
            return other.speaker_key
    return None


def _resolve_first_person(book: Book, claim: Claim, claims: list[Claim]) -> None:
    """"I" inside a quote -> the quoted speaker; "we" -> the quoted speaker's organisation.
    Outside a quote (an op-ed's author) it stays unresolved."""
    word = speaker_word(claim)
    key = _enclosing_speaker(claims, claim)
    if key and word in R.FIRST_PERSON_PLURAL:
        key = _speaker_org(book, key)
    if key:
        claim.speaker_key = key
        book.mention(claim.speaker.start, claim.speaker.end, key, "pronoun", True)


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


def _resolve_claims(book: Book, claims: list[Claim]) -> None:
    """Names, descriptions and relative pronouns first, then pronouns, then first person, in
    text order; speakers that refer to nobody ("some", "you") stay unresolved."""
    spoken = sorted((c for c in claims if c.speaker and speaker_word(c) not in R.NON_REFERRING),
                    key=lambda c: c.speaker.start)
    contents = [(s.start, s.end) for c in claims for s in c.content]
    for claim in spoken:
        word = speaker_word(claim)
        if word in R.RELATIVE_PRONOUNS:
            _resolve_relative(book, claim)
        elif not is_pronoun(claim.speaker.text) and word not in FIRST_PERSON:
            found = resolve_phrase(book, claim.speaker.start, claim.speaker.end)
            if found:
                claim.speaker_key = found[0]
                book.mention(claim.speaker.start, claim.speaker.end, found[0], found[1], True)
    for claim in spoken:
        if is_pronoun(claim.speaker.text):
            _resolve_pronoun(book, claim, contents)
    for claim in spoken:
        if speaker_word(claim) in FIRST_PERSON:
            _resolve_first_person(book, claim, claims)


def _finish(book: Book, claims: list[Claim]) -> tuple[list[Entity], list[Mention]]:
    """Number entities e1, e2 … by first mention; remap claims and mentions; drop duplicates."""
    infos = sorted(book.infos.values(), key=lambda i: min(i.positions, default=10**12))
    keys = {i.entity.key: f"e{n}" for n, i in enumerate(infos, 1)}
    for info in infos:
        info.entity.key = keys[info.entity.key]
    for claim in claims:
        claim.speaker_key = keys.get(claim.speaker_key, claim.speaker_key)
    seen, mentions = set(), []
    for m in sorted(book.mentions, key=lambda m: (m.start, m.end)):
        m.entity_key = keys[m.entity_key]
        if (m.start, m.end, m.entity_key) not in seen:
            seen.add((m.start, m.end, m.entity_key))
            mentions.append(m)
    return [i.entity for i in infos], mentions


def resolve_speakers(doc, article: Article, claims: list[Claim]) -> tuple[list[Entity], list[Mention]]:
    """Build the article's entities and resolve every claim's speaker to one of them.

    Sets ``claim.speaker_key`` in place (None for a pronoun with no antecedent)
    and returns (entities, mentions); all offsets index ``article.text``.
    """
    if doc.text != article.text:
        raise ValueError("resolve_speakers needs the Doc of exactly article.text")
    book = Book(doc)
    people, others = find_people(doc)
    placed = add_people(book, people)
    add_surname_mentions(book, others)
    add_orgs(book, org_spans(book))
    link_affiliations(book, placed)
    _resolve_claims(book, claims)
    return _finish(book, claims)
