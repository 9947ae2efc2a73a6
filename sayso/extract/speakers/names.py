"""Finding people: title phrases ("Ukraine's Defence Minister") and person-name runs.

:func:`parse_title` splits a role phrase into role, head and affiliation;
:func:`find_people` returns the article's person-name occurrences with the title
around each. See docs/speakers.md, section 1.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import SENT_START

from . import lexicon as R
from .book import Title
from ..places import is_place_name
from ..spans import doc_ents, token_table
from .orgs import org_key
from .words import (BLOCKED_ENTS, capitalised, country_of, is_lexical, norm,
                             role_word, strip_det, text_of, title_case)

PLACE_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC"})
PHRASE_END = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?", "\"", "”", "’"})
APPOS_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PART", "NUM"})
GIVEN_NAMES = R.FEMALE_NAMES | R.MALE_NAMES


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
    return w in R.ORG_WORDS or (tok.ent_type_ == "ORG" and not role_word(tok) and w not in R.COUNTRIES)


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
    if tokens[i].ent_type_ in ("GPE", "NORP") and capitalised(tokens[i]) and not is_lexical(w):
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
        if role_word(t) or (capitalised(t) and t.pos_ in ("PROPN", "NOUN", "ADJ")):
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
    comp = strip_det(comp)
    if not comp:
        return None, None
    text = text_of(comp)
    country = country_of(text)
    if country and norm(text) in (country.lower(), norm(comp[0].text)) and len(comp) == 1:
        return country, None
    key, name = org_key(text)
    return name, key


def parse_title(tokens) -> Title:
    """Parse a role phrase into role, head, affiliation (country or organisation)."""
    pre, comp = _split_of(strip_det(tokens))
    if comp and all(norm(t.text) in R.PORTFOLIO_WORDS for t in strip_det(comp)):
        pre, comp = strip_det(comp) + pre, []  # "Minister of Transport" = "Transport Minister"
    org_toks, pre = _take_org(pre) if not comp else ([], pre)
    country, pre = _take_country(pre)
    role_toks = _role_tokens(pre)
    words = [norm(t.text) for t in role_toks]
    head = title_head(words)
    if head is None:
        return Title(country=country, affiliation=country)
    role = title_case(role_toks)
    affiliation, org = _affiliation(org_toks or comp)
    if comp and country:  # "the Ukrainian Commander of the Operational Command South"
        role, affiliation, org = f"{role} of {text_of(comp)}", country, None
    all_words = frozenset(words) | {head}
    return Title(role, head, all_words, affiliation or country,
                 country or country_of(affiliation), org)


def _namey(tok) -> bool:
    """True for a token that can be part of a person's name."""
    inside_person = tok.ent_type_ == "PERSON" and tok.ent_iob_ == "I" and tok.pos_ == "PROPN"
    if not capitalised(tok) or (tok.is_stop and not inside_person) or tok.like_url or tok.like_email:
        return False  # a stop word only inside a person's name ("Michael Every")
    if tok.ent_type_ in BLOCKED_ENTS or is_lexical(tok.text) or not tok.text[0].isalpha():
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


def _joiner(doc, j: int) -> int:
    """How many tokens from j on join two parts of one name: a hyphen written without spaces
    ("Thomas-Greenfield", "al-Assad") or surname particles before a name word ("de Blasio",
    "von der Leyen"); 0 when none."""
    k = j
    while k < len(doc) and k - j < 3:
        tok = doc[k]
        hyphen = tok.text in R.NAME_JOINERS and k > 0 and not doc[k - 1].whitespace_ and not tok.whitespace_
        if not (hyphen or tok.lower_ in R.SURNAME_PARTICLES):
            break
        k += 1
    if k == j or k >= len(doc):
        return 0
    nxt = doc[k]
    hyphened = doc[k - 1].text in R.NAME_JOINERS
    return k - j if _namey(nxt) or (hyphened and nxt.text[:1].isupper() and nxt.is_alpha) else 0


def name_runs(doc) -> list:
    """Maximal runs of name-like tokens (candidate names), across hyphens and surname particles.

    Only tokens that could be a name word (capitalised, a proper noun or inside a PERSON entity) or
    a joiner (a hyphen, a surname particle) are made into Tokens and tested; the rest are read from
    the token table (testing every token was a third of the speakers stage)."""
    t = token_table(doc)
    maybe = [x[:1].isupper() and (p == "PROPN" or e == "PERSON") for x, p, e in zip(t.text, t.pos, t.ent_type)]
    joins = [x in R.NAME_JOINERS or w in R.SURNAME_PARTICLES for x, w in zip(t.text, t.lower)]
    starts = doc.to_array([SENT_START]).tolist() if len(doc) else []

    def namey(j: int) -> bool:
        return maybe[j] and _namey(doc[j])

    def joiner(j: int) -> int:
        return _joiner(doc, j) if joins[j] else 0

    runs, i, n = [], 0, len(doc)
    while i < n:
        if not (maybe[i] or joins[i]):
            i += 1
            continue
        j = i
        while j < n and not (j > i and starts[j] == 1):
            if namey(j) or (j == i and t.lower[j] in R.SURNAME_PARTICLES and joiner(j)):
                j += 1
                continue
            step = joiner(j) if j > i else 0
            if not step:
                break
            j += step
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
    if norm(tok.text) in R.ORG_WORDS and tok.pos_ in ("NOUN", "PROPN"):
        return True  # "the union's general secretary"
    return role_word(tok) or (capitalised(tok) and tok.pos_ in ("PROPN", "NOUN", "ADJ"))


def left_title(doc, i) -> list:
    """Title phrase just before token i ("Ukraine's Defence Minister"), or []."""
    comma = i > 0 and doc[i - 1].text == ","
    j = i - 1 - comma
    while j >= 0 and _title_token(doc[j]):
        j -= 1
        if doc[j + 1].is_sent_start:
            break
    toks = strip_det(list(doc[j + 1:i - comma]))
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
    pre, _ = _split_of(strip_det(toks))
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
    owner: int | None = None  # token index of "its"/"their" before the title ("Its governor, X")

    @property
    def words(self) -> tuple[str, ...]:
        """The name's words as written ("Linda", "Thomas-Greenfield"; "Bill", "de", "Blasio")."""
        return tuple(self.span.text.split())


def _titled(doc, run) -> tuple[Title, list, int | None] | None:
    """(title, rank tokens, owner pronoun) when a title, rank or apposition marks the run as a person."""
    start, rank = _rank_before(doc, run.start)
    toks = left_title(doc, start)
    if toks and len(run) == 1 and not rank and not role_word(toks[-1]):
        toks = []  # a single word after "... of the Operational Command" is not a name
    toks = toks or right_appos(doc, run.end)
    if toks or rank:
        return parse_title(toks), rank, _owner_pronoun(doc, toks)
    return None


def _owner_pronoun(doc, toks) -> int | None:
    """Index of "its"/"their" just before a title ("Its governor, Rafael Okonjo"), else None."""
    i = toks[0].i - 1 if toks else -1
    return i if i >= 0 and doc[i].lower_ in R.OWNER_PRONOUNS else None


def _names_an_org(run) -> bool:
    """"Henley Group Inc", "Atlantis Group Inc", "Dynascan Corp": a run followed by an organisation
    word or corporate suffix is the start of a company name, not a person."""
    nxt = run.doc[run.end] if run.end < len(run.doc) else None
    if norm(run[-1].text) in R.ORG_SUFFIXES:  # "General Motors Corp" is no General Motors
        return True
    return nxt is not None and nxt.text[:1].isupper() and norm(nxt.text) in R.ORG_SUFFIXES | R.ORG_WORDS


def _given_name_first(run) -> bool:
    """A run of two or more words opening with a common given name ("Volodymyr Zelenskyy", which
    the small model often tags ORG): a person."""
    words = run.text.split()
    return len(words) >= 2 and (norm(words[0]) in R.FEMALE_NAMES or norm(words[0]) in R.MALE_NAMES)


def find_people(doc, blocked: list[tuple[int, int]] = ()) -> tuple[list[Found], list]:
    """(accepted person names, other name-like runs) of the doc; runs inside ``blocked`` character
    ranges (datelines) are neither."""
    people, others = [], []
    org_heads = {ent[0].text for ent in doc_ents(doc) if ent.label_ == "ORG" and len(ent) > 1}
    for run in name_runs(doc):
        if any(s <= run.start_char < e for s, e in blocked):
            continue
        if len(run) == 1 and run.start > 0 and doc[run.start - 1].text == "," \
                and norm(run.text) in R.REGION_ABBREVIATIONS:
            continue  # "Ottawa, Ont.": a province, never a person
        if len(run) == 1 and run.text in org_heads and not _titled(doc, run):
            others.append(run)  # "Henley" after "Henley Group Inc": the company, short
            continue
        titled = _titled(doc, run)
        place = len(run) == 1 and is_place_name(run.text) and norm(run.text) not in GIVEN_NAMES
        is_person = (any(t.ent_type_ == "PERSON" for t in run) or _given_name_first(run)) \
            and not _is_place(run) and not place and not _names_an_org(run)
        if (titled or is_person) and not _names_an_org(run) and not place:
            people.append(Found(run, *(titled or (Title(), [], None))))
        else:
            others.append(run)
    return people, others
