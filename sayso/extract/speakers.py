"""Speaker resolution: every claim's speaker phrase -> one person or organisation.

:func:`resolve_speakers` first builds the article's entities from the text
(names with the title phrase around them, organisations), then resolves each
claim's ``speaker`` span: a name joins its entity, a role or description the
person holding a matching role, a pronoun the nearest preceding compatible
speaker. See docs/speakers.md for the rules; the vocabularies are in
:mod:`sayso.extract.roles`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Article, Claim, Entity, Mention
from . import roles as R

EXTRACTOR = "speakers.v1"

PLACE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC"})
BLOCKED_ENTS = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
PHRASE_END = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?", "\"", "”", "’"})
APPOS_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART", "NUM"})
COMPOUND_WORDS = frozenset(w for title in R.COMPOUND_TITLES for w in title.split())
WORD_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*|['’]s\b")


# --------------------------------------------------------------------------- words


def norm(word: str) -> str:
    """A word as the lexicons spell it: lower case, British, no trailing stop."""
    word = word.lower().replace("’", "'").rstrip(".")
    return R.SPELLING.get(word, word)


def country_of(text: str | None) -> str | None:
    """The country a phrase names or implies ("Ukrainian" -> "Ukraine"), if any."""
    words = [norm(w) for w in WORD_RE.findall(text or "") if not w.startswith(("'", "’"))]
    for i in range(len(words)):
        for size in (2, 1):
            gram = " ".join(words[i:i + size])
            hit = R.COUNTRIES.get(gram) or R.DEMONYMS.get(gram)
            if hit and (size == 1 or i + 1 < len(words)):
                return hit
    return None


def _is_lexical(word: str) -> bool:
    """True for a word of any role/org/place lexicon (never part of a person's name)."""
    w = norm(word)
    return (w in R.ROLE_TITLES or w in R.PORTFOLIO_WORDS or w in R.RANKS or w in R.HONORIFICS
            or w in R.ORG_WORDS or w in R.COUNTRIES or w in R.DEMONYMS or w in R.PLACE_NOUNS
            or w in R.ROLE_QUALIFIERS or w in R.DETERMINERS or w in R.PERSON_PRONOUNS)


def _role_word(tok) -> bool:
    """True for a token that can belong to a role title."""
    w = norm(tok.text)
    return (w in R.ROLE_TITLES or w in R.PORTFOLIO_WORDS or w in R.ROLE_QUALIFIERS
            or w in R.ROLE_ADJECTIVES or w in R.RANKS or w in COMPOUND_WORDS)


def _capitalised(tok) -> bool:
    text = tok.text
    return text[:1].isupper() and (text.isupper() or any(c.islower() for c in text))


def _title_case(tokens) -> str:
    """Display form of role words: "defense minister" -> "Defence Minister"."""
    out = []
    for t in tokens:
        w = norm(t.text)
        if w in R.TITLE_FUNCTION_WORDS:
            out.append(w)
        else:
            out.append(t.text if t.text.isupper() and len(t.text) > 1 else w.capitalize())
    return " ".join(out)


def _text(tokens) -> str:
    """The text a token list covers (as written)."""
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text


# --------------------------------------------------------------------------- titles


@dataclass(frozen=True)
class Title:
    """A parsed role phrase: "Ukraine's Defence Minister", "the representative of X"."""

    role: str | None = None  # display form: "Defence Minister"
    head: str | None = None  # normalised head: "minister", "prime minister"
    words: frozenset[str] = frozenset()  # normalised role words
    affiliation: str | None = None  # "Ukraine" or "Defence Intelligence of Ukraine"
    country: str | None = None  # the affiliation's country
    org: str | None = None  # canonical org key when the affiliation is an organisation


def _strip_det(tokens) -> list:
    tokens = list(tokens)
    while tokens and (norm(tokens[0].text) in R.DETERMINERS or tokens[0].is_punct):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens


def _split_of(tokens) -> tuple[list, list]:
    """Split "Commander of the X" / "spokesman for X" at the first "of"/"for" after a title word."""
    for i, t in enumerate(tokens):
        if t.lower_ not in ("of", "for") or i == 0 or i + 1 >= len(tokens):
            continue
        pair = f"{norm(tokens[i - 1].text)} {t.lower_} {norm(tokens[i + 1].text)}"
        if pair not in R.COMPOUND_TITLES and title_head([norm(x.text) for x in tokens[:i]]):
            return tokens[:i], tokens[i + 1:]
    return tokens, []


def _org_like(tok) -> bool:
    """True for a token that names an organisation before a title ("Kremlin spokesman")."""
    w = norm(tok.text)
    return w in R.ORG_WORDS or (tok.ent_type_ == "ORG" and not _role_word(tok) and w not in R.COUNTRIES)


def _take_org(tokens) -> tuple[list, list]:
    """Split an organisation prefix off a title: ("Kremlin", "spokesman"), ("NATO", "Secretary General")."""
    heads = [i for i, t in enumerate(tokens) if norm(t.text) in R.ROLE_TITLES]
    if not heads:
        return [], tokens
    owner = [i for i in range(1, heads[-1]) if tokens[i].text in R.POSSESSIVE
             and not _token_country(tokens, i - 1)[0]]
    if owner:  # "Sunak's spokesman", "the ministry's spokeswoman"
        return tokens[:owner[-1]], tokens[owner[-1] + 1:]
    orgs = [i for i in range(heads[-1]) if _org_like(tokens[i])]
    if not orgs:
        return [], tokens
    return tokens[:orgs[-1] + 1], tokens[orgs[-1] + 1:]


def _token_country(tokens, i) -> tuple[str | None, int]:
    """(country, number of tokens) named at tokens[i] ("United States", "Ukrainian", GPE)."""
    if i + 1 < len(tokens):
        pair = f"{norm(tokens[i].text)} {norm(tokens[i + 1].text)}"
        if pair in R.COUNTRIES or pair in R.DEMONYMS:
            return R.COUNTRIES.get(pair) or R.DEMONYMS[pair], 2
    w = norm(tokens[i].text)
    if w in R.COUNTRIES or w in R.DEMONYMS:
        return R.COUNTRIES.get(w) or R.DEMONYMS[w], 1
    if tokens[i].ent_type_ in ("GPE", "NORP") and _capitalised(tokens[i]) and not _is_lexical(w):
        return tokens[i].text, 1
    return None, 0


def _take_country(tokens) -> tuple[str | None, list]:
    """Remove the country from a title's words: ("Ukraine", ["Defence", "Minister"])."""
    for i in range(len(tokens)):
        country, size = _token_country(tokens, i)
        if country:
            rest = tokens[i + size:]
            if rest and rest[0].text in R.POSSESSIVE:
                rest = rest[1:]
            return country, tokens[:i] + rest
    return None, tokens


def _role_tokens(tokens) -> list:
    """The role words of a title's head part, from the first role-like word on."""
    for i, t in enumerate(tokens):
        if _role_word(t) or (_capitalised(t) and t.pos_ in ("PROPN", "NOUN", "ADJ")):
            return [x for x in tokens[i:] if x.text not in R.POSSESSIVE]
    return []


def title_head(words: list[str]) -> str | None:
    """The head title of normalised role words: a compound title or the last title noun."""
    for i in range(len(words) - 1, -1, -1):
        for size in (3, 2):
            gram = " ".join(words[max(0, i - size + 1):i + 1])
            if gram in R.COMPOUND_TITLES and i - size + 1 >= 0:
                return gram
        if words[i] in R.ROLE_TITLES:
            return words[i]
    return None


def _affiliation(comp) -> tuple[str | None, str | None]:
    """(affiliation, org key) of an "of ..." complement: a country or an organisation."""
    comp = _strip_det(comp)
    if not comp:
        return None, None
    text = _text(comp)
    country = country_of(text)
    if country and norm(text) in (country.lower(), norm(comp[0].text)) and len(comp) == 1:
        return country, None
    key, name = org_key(text)
    return name, key


def parse_title(tokens) -> Title:
    """Parse a role phrase into role, head, affiliation (country or organisation)."""
    pre, comp = _split_of(_strip_det(tokens))
    org_toks, pre = _take_org(pre) if not comp else ([], pre)
    country, pre = _take_country(pre)
    role_toks = _role_tokens(pre)
    words = [norm(t.text) for t in role_toks]
    head = title_head(words)
    if head is None:
        return Title(country=country, affiliation=country)
    role = _title_case(role_toks)
    affiliation, org = _affiliation(org_toks or comp)
    if comp and country:  # "the Ukrainian Commander of the Operational Command South"
        role, affiliation, org = f"{role} of {_text(comp)}", country, None
    all_words = frozenset(words) | {head}
    return Title(role, head, all_words, affiliation or country,
                 country or country_of(affiliation), org)


# --------------------------------------------------------------------------- organisations


def _org_words(text: str) -> list[str]:
    """Normalised words of an org phrase, possessive and demonym rewritten to "X of C"."""
    words = [norm(w) for w in WORD_RE.findall(text)]
    while words and words[0] in R.DETERMINERS:
        words.pop(0)
    if "'s" in words:
        k = words.index("'s")
        owner = country_of(" ".join(words[:k]))
        words = words[k + 1:] + ["of", (owner or " ".join(words[:k])).lower()]
    elif len(words) > 1 and (R.DEMONYMS.get(words[0]) or R.COUNTRIES.get(words[0])):
        words = words[1:] + ["of", (R.DEMONYMS.get(words[0]) or R.COUNTRIES[words[0]]).lower()]
    return [w for w in words if w not in R.DETERMINERS]


def _alias_index() -> tuple[dict[str, str], dict[str, str]]:
    """(normalised alias -> canonical name, acronym -> canonical name)."""
    phrases, acronyms = {}, {}
    for canonical, aliases in R.ORG_ALIASES.items():
        for alias in (canonical, *aliases):
            phrases[" ".join(_org_words(alias))] = canonical
            if alias.replace(".", "").isupper():
                acronyms[alias.replace(".", "")] = canonical
    return phrases, acronyms


ALIAS_PHRASES, ALIAS_ACRONYMS = _alias_index()


def org_key(text: str) -> tuple[str, str]:
    """(key, display name) of an organisation phrase; well-known aliases share one key."""
    words = WORD_RE.findall(text)
    acronyms = [w.replace(".", "") for w in words if w.replace(".", "").isupper() and len(w) > 1]
    if acronyms and acronyms[-1] in ALIAS_ACRONYMS and words[-1].replace(".", "") == acronyms[-1]:
        canonical = ALIAS_ACRONYMS[acronyms[-1]]
        return " ".join(_org_words(canonical)), canonical
    key = " ".join(_org_words(text))
    canonical = ALIAS_PHRASES.get(key)
    if canonical:
        return " ".join(_org_words(canonical)), canonical
    display = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    return key, display


# --------------------------------------------------------------------------- names


def _namey(tok) -> bool:
    """True for a token that can be part of a person's name."""
    if not _capitalised(tok) or tok.is_stop or tok.like_url or tok.like_email:
        return False
    if tok.ent_type_ in BLOCKED_ENTS or _is_lexical(tok.text) or not tok.text[0].isalpha():
        return False
    if norm(tok.text) in R.COMPASS or (tok.text.isupper() and tok.ent_type_ != "PERSON"):
        return False  # "Operational Command South", acronyms ("GUR")
    return tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON"


def _trim_run(run):
    """Drop leading place/org tokens from a name run ("Kharkiv Ihor Terekhov")."""
    i = run.start
    while i < run.end - 1 and run.doc[i].ent_type_ in PLACE_ENTS | {"ORG"} \
            and run.doc[i + 1].ent_type_ != run.doc[i].ent_type_:
        i += 1
    return run.doc[i:run.end]


def name_runs(doc) -> list:
    """Maximal runs of name-like tokens (candidate names)."""
    runs, i = [], 0
    while i < len(doc):
        j = i
        while j < len(doc) and _namey(doc[j]) and not (j > i and doc[j].is_sent_start):
            j += 1
        if j > i:
            runs.append(_trim_run(doc[i:j]))
        i = max(j, i + 1)
    return runs


def _rank_before(doc, i) -> tuple[int, list]:
    """Skip ranks/honorifics (and their stops) before token i: (new i, the skipped tokens)."""
    j = i
    while j > 0 and (norm(doc[j - 1].text) in R.RANKS | set(R.HONORIFICS) or
                     (doc[j - 1].text == "." and j > 1 and norm(doc[j - 2].text) in R.RANKS)):
        if j > 1 and f"{norm(doc[j - 2].text)} {norm(doc[j - 1].text)}" in R.COMPOUND_TITLES:
            break  # "Secretary General Jens Stoltenberg": General belongs to the title
        j -= 1
    return j, list(doc[j:i])


def _title_token(tok) -> bool:
    """True for a token a title phrase before a name may hold."""
    if tok.is_space or tok.ent_type_ == "PERSON" or tok.pos_ in ("VERB", "AUX", "ADV"):
        return False
    if tok.lower_ in ("of", "the") or tok.text in R.POSSESSIVE:
        return True
    return _role_word(tok) or (_capitalised(tok) and tok.pos_ in ("PROPN", "NOUN", "ADJ"))


def left_title(doc, i) -> list:
    """Title phrase just before token i ("Ukraine's Defence Minister"), or []."""
    comma = i > 0 and doc[i - 1].text == ","
    j = i - 1 - comma
    while j >= 0 and _title_token(doc[j]):
        j -= 1
        if doc[j + 1].is_sent_start:
            break
    toks = _strip_det(list(doc[j + 1:i - comma]))
    if not toks or toks[-1].lower_ in ("of", "the") or toks[-1].text in R.POSSESSIVE:
        return []  # "the representative of the Main ..." : the run continues an org name
    if title_head([norm(t.text) for t in toks if t.lower_ != "of"]) is None:
        return []
    if comma and j >= 0 and doc[j].pos_ == "ADP":  # "in a letter to the President, Smith"
        return []
    return toks


def right_appos(doc, end) -> list:
    """Apposition after a name (", Ukraine's defence minister,"), or []."""
    if end >= len(doc) or doc[end].text != ",":
        return []
    k = end + 1
    while k < len(doc) and (doc[k].pos_ in APPOS_POS or doc[k].lower_ == "of") \
            and not doc[k].is_punct and doc[k].ent_type_ != "PERSON":
        k += 1
    if k < len(doc) and doc[k].text not in PHRASE_END and not doc[k].is_space:
        return []
    toks = list(doc[end + 1:k])
    pre, _ = _split_of(_strip_det(toks))
    return toks if title_head([norm(t.text) for t in _role_tokens(pre)]) else []


def _is_place(run) -> bool:
    """True when a PERSON-tagged run heads a place noun ("Donetsk and Luhansk regions")."""
    tok = run.root
    for _ in range(3):
        if tok.dep_ not in ("compound", "nmod", "conj", "amod") or tok.head is tok:
            break
        tok = tok.head
        if norm(tok.text) in R.PLACE_NOUNS:
            return True
    nxt = run.end < len(run.doc) and norm(run.doc[run.end].text) in R.PLACE_NOUNS
    return bool(nxt)


@dataclass
class Found:
    """One accepted person-name occurrence with its title."""

    span: object  # spaCy Span of the name tokens
    title: Title
    rank: list = field(default_factory=list)  # rank/honorific tokens before the name

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.span)


def _titled(doc, run) -> tuple[Title, list] | None:
    """(title, rank tokens) when a title, rank or apposition marks the run as a person."""
    start, rank = _rank_before(doc, run.start)
    toks = left_title(doc, start)
    if toks and len(run) == 1 and not rank and not _role_word(toks[-1]):
        toks = []  # a single word after "... of the Operational Command" is not a name
    toks = toks or right_appos(doc, run.end)
    if toks or rank:
        return parse_title(toks), rank
    return None


def find_people(doc) -> tuple[list[Found], list]:
    """(accepted person names, other name-like runs) of the doc."""
    people, others = [], []
    for run in name_runs(doc):
        titled = _titled(doc, run)
        is_person = any(t.ent_type_ == "PERSON" for t in run) and not _is_place(run)
        if titled or is_person:
            people.append(Found(run, *(titled or (Title(), []))))
        else:
            others.append(run)
    return people, others


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


def add_people(book: Book, people: list[Found]) -> None:
    """Cluster person names into entities: full names first, then bare surnames."""
    for found in sorted(people, key=lambda f: (-len(f.span), f.span.start)):
        key = _person_key(book, found) or book.new(" ".join(found.words), "person")
        book.add_title(key, found.title, found.rank)
        book.alias(key, " ".join(found.words))
        if found.rank:
            book.alias(key, _text(found.rank + list(found.span)))
        _name_mention(book, found.span, key)


def add_surname_mentions(book: Book, others: list) -> None:
    """Name-like runs the NER missed or mislabelled ("Chernyak" as ORG) that match a person."""
    for run in others:
        found = Found(run, Title())
        key = _person_key(book, found) if len(run) <= 3 else None
        if key:
            book.alias(key, run.text)
            _name_mention(book, run, key)


def org_spans(book: Book) -> list:
    """ORG entities, joined across "of" and cut before any person name inside them."""
    doc = book.doc
    people = [doc.char_span(s, e) for s, e, k in book.names if book.infos[k].entity.kind == "person"]
    starts = {p.start for p in people}
    spans = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        if spans and spans[-1].end + 1 == ent.start and doc[spans[-1].end].lower_ == "of":
            spans[-1] = doc[spans[-1].start:ent.end]
        else:
            spans.append(ent)
    return [s for s in (_cut(s, starts, people) for s in spans) if s is not None]


def _cut(span, starts: set[int], people: list):
    """An org span without the person name (and its rank) inside it, or None."""
    for i in range(span.start, span.end):
        if i in starts:
            span = span.doc[span.start:i]
            break
    toks = _strip_det([t for t in span if norm(t.text) not in R.RANKS])
    if not toks or any(p.start <= toks[0].i < p.end for p in people):
        return None
    return span.doc[toks[0].i:toks[-1].i + 1]


def add_orgs(book: Book, spans: list) -> None:
    """Organisation entities from ORG spans (well-known aliases share one entity)."""
    for span in spans:
        _name_mention(book, span, org_entity(book, span.text))


def _name_mention(book: Book, span, key: str) -> None:
    """A name mention found in the text (a later speaker phrase may contain it)."""
    book.names.append((span.start_char, span.end_char, key))
    book.mention(span.start_char, span.end_char, key, "name", span.root.dep_ in SUBJECT_DEPS)


def org_entity(book: Book, text: str) -> str:
    """The org entity for a phrase, created on first sight."""
    okey, name = org_key(text)
    for info in book.infos.values():
        if info.entity.kind == "org" and info.org == okey:
            book.alias(info.entity.key, _clean(text))
            return info.entity.key
    key = book.new(name, "org")
    info = book.infos[key]
    info.org, info.country = okey, country_of(name)
    info.entity.affiliation = info.country if info.country != name else None
    book.alias(key, _clean(text))
    return key


def _clean(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,.\n"), flags=re.I)


# --------------------------------------------------------------------------- resolving speakers


def role_fits(title: Title, info: Info) -> bool:
    """True when a person's role is the one a description names."""
    if title.head in R.GENERIC_LEADER_WORDS:
        return bool(info.words & R.LEADER_ROLES) or info.head in R.LEADER_ROLES
    if title.head != info.head and title.head not in info.ranks:
        return False
    portfolio = {w for w in title.words if w in R.PORTFOLIO_WORDS}
    qualifiers = title.words & R.ROLE_QUALIFIERS
    return portfolio <= info.words and qualifiers == info.words & R.ROLE_QUALIFIERS


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
    generic = title.head in R.GENERIC_LEADER_WORDS or title.head in R.PERSON_NOUNS
    kind = "description" if generic else "title"
    key = match_role(book, title, span.start_char)
    if key is None and title.head in R.SPOKES_TITLES and title.org and not _is_person(book, title.affiliation):
        key = org_entity(book, title.affiliation)
    if key is None:
        key = book.new(_clean(span.text), "person", title)
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
    words = _strip_det(list(span))
    kind = "name" if words and _capitalised(words[0]) else "description"
    return org_entity(book, span.text), kind


def _fallback(book: Book, span) -> tuple[str, str]:
    """A new entity from the phrase itself (kind guessed) when nothing else resolves it."""
    toks = _strip_det(list(span))
    if toks and all(t.ent_type_ == "GPE" or norm(t.text) in R.COUNTRIES for t in toks):
        return org_entity(book, span.text), "name"  # a state speaking: "Russia announced"
    if toks and all(_capitalised(t) for t in toks):
        found = Found(span, Title())
        return _person_key(book, found) or book.new(_clean(span.text), "person"), "name"
    kind = "person" if toks and norm(toks[-1].text) in R.PERSON_NOUNS else "other"
    key = book.new(_clean(span.text), kind)
    book.infos[key].plural = bool(toks) and toks[-1].tag_ in ("NNS", "NNPS")
    return key, "description"


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


def _resolve_claims(book: Book, claims: list[Claim]) -> None:
    """Names and descriptions first, then pronouns in text order."""
    spoken = sorted((c for c in claims if c.speaker), key=lambda c: c.speaker.start)
    contents = [(s.start, s.end) for c in claims for s in c.content]
    for claim in spoken:
        if not is_pronoun(claim.speaker.text):
            found = resolve_phrase(book, claim.speaker.start, claim.speaker.end)
            if found:
                claim.speaker_key = found[0]
                book.mention(claim.speaker.start, claim.speaker.end, found[0], found[1], True)
    for claim in spoken:
        if is_pronoun(claim.speaker.text):
            _resolve_pronoun(book, claim, contents)


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
    add_people(book, people)
    add_surname_mentions(book, others)
    add_orgs(book, org_spans(book))
    _resolve_claims(book, claims)
    return _finish(book, claims)
