"""What the words around a number say about it: is it a figure at all, what it counts, its
qualifier, whose figure it is and what it is of.

All functions read spaCy tokens of the parsed article; the word lists are in
sayso/data/figures.json (loaded by :func:`sayso.extract.figures.numbers.words`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..times.lexicon import MONTHS  # month names and abbreviations, lower-case ("jan", "sept", "december")
from ..spans import entity_at
from .numbers import Candidate, words

DATE_LABELS = frozenset({"DATE", "TIME"})
NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT"})
ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
CLOCK_RE = re.compile(r"^\d{1,2}(?:[:.]\d{2})?\s?(?:a\.?m\.?|p\.?m\.?)$", re.IGNORECASE)
YEAR_RE = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
AGE_BEFORE_RE = re.compile(r"[A-Z][\w.'’-]*,\s*$")
REFERENCE_BEFORE = ("[", "(", "#")
NON_DATE_WORDS = frozenset({"and", "or", "to", "the", "a", "an", "about", "some", "nearly", "around", "between", "from",
                            "more", "than", "less", "at", "least", "most", "up", "over", "under", "almost"})
COORDINATE_AFTER_RE = re.compile(r"^\s*(?:°|′|″|')?\s*[NSEW]\b|^\s*[°′″]")
LIST_NUMBER_RE = re.compile(r"^\d{1,3}$")
COORDINATE_RE = re.compile(
    r"""\d{1,3}(?:\.\d+)?\s*°\s*(?:\d{1,2}(?:\.\d+)?\s*[′']\s*)?(?:\d{1,2}(?:\.\d+)?\s*[″"]\s*)?"""
    r"(?:[NSEW]|North|South|East|West)\b"
    r"|-?\d{1,3}\.\d{3,}\s*[;,]\s*-?\d{1,3}\.\d{3,}")
PHONE_RE = re.compile(r"(?<![\d.,])(?:\+\d{1,3}[\s.-]*)?(?:\(\d{2,4}\)|\d{3})\s*[-.]?\s*\d{3}\s*[-.]\s*\d{4}"
                      r"(?![\d.,]*\d)")
IDIOM_RE = re.compile(r"\b24\s*/\s*7\b")  # "24/7": all the time, not two numbers
REFERENTIAL_DETS = frozenset({"the", "these", "those", "our", "their", "its", "my", "your", "his", "her"})
REFERENTIAL_MAX = 10  # "the two leaders" refers back; "the 40,000 claimed by the union" is a figure
NEAR = 40  # characters around a number searched for coordinates and phone numbers
ENTITY_LABELS = ("GPE", "NORP", "ORG", "PERSON")
COUNTED_DEPS = frozenset({"amod", "compound", "nmod"})
CLIMB_DEPS = frozenset({"dobj", "pobj", "prep", "nummod", "quantmod", "amod", "appos", "conj", "attr",
                        "npadvmod", "compound", "nsubjpass", "nsubj", "acl", "oprd", "dative"})
MAX_CLIMB = 8
PLACE_CLIMB_DEPS = frozenset({"advcl", "xcomp", "conj"})  # a place is shared with the clause above
LOCATION_PREPS = frozenset({"in", "at", "from", "across", "near", "throughout", "along", "inside", "outside", "around"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOOK_BACK = 80  # characters read before a number for list markers
COORDINATE_AHEAD = 12  # characters read after a number for a compass letter or degree sign ("33 ° N")
COORDINATE_BEHIND = 20  # characters read before a number for a degree or minute sign ("36 ° 16")
AGE_LOOK_BACK = 40  # characters read before a number for the name an age follows ("John Smith, 45,")
QUALIFIER_LOOK_BACK = 30  # characters read before a number for its qualifier ("an estimated")
QUALIFIER_AHEAD = 20  # characters read after a number for its qualifier ("or more")
POSSESSIVE_RE = re.compile(r"['’]s?$")
PRONOUN_ONE = "one"


# --------------------------------------------------------------------------- not a figure


def span_tokens(doc, cand: Candidate):
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return list(span) if span is not None else []


def root_token(tokens):
    """The token of a span whose head lies outside it (the span's syntactic root)."""
    ids = {t.i for t in tokens}
    for tok in tokens:
        if tok.head.i not in ids or tok.head.i == tok.i:
            return tok
    return tokens[-1]


def _is_date_or_time(cand: Candidate, tokens, text: str) -> bool:
    surface = text[cand.start:cand.end]
    if CLOCK_RE.match(surface) or (text[cand.end:cand.end + 1] == ":" and text[cand.end + 1:cand.end + 2].isdigit()):
        return True
    if cand.unit is not None:
        return False
    years = [v for v in (cand.low, cand.high) if v is not None and v == int(v) and YEAR_RE.match(str(int(v)))]
    if len(years) == 2 or _next_to_month(tokens):
        return True
    return bool(YEAR_RE.match(surface)) or any(_date_entity(t) for t in tokens)


def _date_entity(tok) -> bool:
    """In a DATE/TIME entity that has a word besides numbers ("February 24"; not a bare "42")."""
    if tok.ent_type_ not in DATE_LABELS:
        return False
    ent = entity_at(tok.doc, tok.i)
    return ent is not None and any(t.is_alpha and not t.like_num and t.lower_ not in NON_DATE_WORDS for t in ent)


def _is_coordinate(cand: Candidate, text: str) -> bool:
    """ "35 ° 01 ′ 57 ″ N", "33.505716 ° N", "33.505716 ; 36.269635": a position, in any of its parts."""
    if COORDINATE_AFTER_RE.match(text[cand.end:cand.end + COORDINATE_AHEAD]) \
            or text[max(0, cand.start - COORDINATE_BEHIND):cand.start].rstrip().endswith(("°", "′")):
        return True
    return _inside_match(cand, text, COORDINATE_RE)


def _inside_match(cand: Candidate, text: str, pattern: re.Pattern) -> bool:
    """Whether a match of ``pattern`` near the candidate overlaps it."""
    base = max(0, cand.start - NEAR)
    return any(m.start() + base < cand.end and cand.start < m.end() + base
               for m in pattern.finditer(text[base:cand.end + NEAR]))


def _next_to_month(tokens) -> bool:
    """ "Jan. 3", "11 - 13 Dec.", "September 17": a day of the month the NER did not mark."""
    first, last = tokens[0], tokens[-1]
    around = [first.nbor(-1) if first.i > 0 else None, last.nbor(1) if last.i + 1 < len(last.doc) else None]
    return any(t is not None and t.lower_.rstrip(".") in MONTHS for t in around)


def _is_list_or_reference(cand: Candidate, tokens, text: str) -> bool:
    window = max(0, cand.start - LOOK_BACK)
    before = text[window:cand.start].rstrip(" ")
    if _after_list_cue(tokens[0]) or (tokens[0].dep_ == "conj" and tokens[0].head.like_num
                                      and _after_list_cue(tokens[0].head)):
        return True  # "No. 3", "Resolutions 2254 and 2118"
    line_start = before.endswith("\n") or (before == "" and window == 0)
    if cand.unit is not None or not LIST_NUMBER_RE.match(text[cand.start:cand.end]):
        return False
    if line_start and text[cand.end:cand.end + 1] in (".", ")"):
        return True
    return before.endswith(REFERENCE_BEFORE) and text[cand.end:cand.end + 2].strip()[:1] in ("]", ")")


def _after_list_cue(tok) -> bool:
    prev = tok.nbor(-1) if tok.i > 0 else None
    cues = words()["list_cues"]
    return prev is not None and (prev.lower_ in cues or (prev.lower_.endswith("s") and prev.lower_[:-1] in cues))


def _is_name_number(cand: Candidate, tokens, text: str) -> bool:
    """ "Voyager 2", "English 101", "F-16", "i7 860", "Army Day 2023": a number that is part of a name."""
    if cand.unit is not None or not tokens:
        return False
    if cand.start > 0 and (text[cand.start - 1].isalpha() or
                           (text[cand.start - 1] in "-–" and cand.start > 1 and text[cand.start - 2].isalnum())):
        return True
    if any(t.ent_type_ in NAME_LABELS for t in tokens):
        return True
    prev = tokens[0].nbor(-1) if tokens[0].i > 0 else None
    root = root_token(tokens)
    counts_noun = root.dep_ == "nummod" and root.head.i > root.i
    return prev is not None and prev.pos_ == "PROPN" and not counts_noun and text[prev.idx + len(prev):cand.start] == " "


def _is_age_in_name(cand: Candidate, text: str) -> bool:
    """ "Andriy Chernyak, 45, said": an age between commas after a name."""
    return cand.unit is None and bool(AGE_BEFORE_RE.search(text[max(0, cand.start - AGE_LOOK_BACK):cand.start])) \
        and text[cand.end:cand.end + 1] == ","


def _is_pronoun_one(tokens) -> bool:
    return len(tokens) == 1 and tokens[0].lower_ == PRONOUN_ONE and tokens[0].dep_ != "nummod"


def _is_referential(cand: Candidate, tokens) -> bool:
    """ "the two leaders", "our two countries": a small number after a definite determiner or a
    possessive names things already known; it states no count."""
    if cand.unit is not None or len(tokens) != 1 or cand.value is None or cand.value > REFERENTIAL_MAX:
        return False
    tok = tokens[0]
    prev = tok.nbor(-1) if tok.i > 0 else None
    hyphenated = tok.i + 1 < len(tok.doc) and tok.nbor(1).text == "-"  # "the eight-member group"
    return prev is not None and prev.lower_ in REFERENTIAL_DETS and tok.dep_ == "nummod" and tok.head.i > tok.i \
        and not hyphenated


def not_a_figure(cand: Candidate, tokens, text: str) -> str | None:
    """Why this candidate is not a figure (date, time, duration, ordinal, list number, name, age), or None."""
    if not tokens:
        return "no tokens"
    if cand.unit in words()["time_units"]:
        return "duration (the times stage reads it)"
    if _is_date_or_time(cand, tokens, text):
        return "date or time"
    if _is_coordinate(cand, text):
        return "coordinate"
    if _inside_match(cand, text, PHONE_RE) or _inside_match(cand, text, IDIOM_RE):
        return "phone number or idiom"
    if any(t.ent_type_ == "ORDINAL" or ORDINAL_RE.match(t.text) for t in tokens):
        return "ordinal"
    if _is_list_or_reference(cand, tokens, text):
        return "list number or reference"
    if _is_age_in_name(cand, text):
        return "age in a name"
    if _is_name_number(cand, tokens, text):
        return "part of a name"
    if _is_pronoun_one(tokens):
        return "pronoun 'one'"
    if _is_referential(cand, tokens):
        return "refers back ('the two leaders')"
    return None


# --------------------------------------------------------------------------- qualifier


@lru_cache(maxsize=1)
def qualifiers_before() -> tuple[tuple[str, re.Pattern], ...]:
    """The qualifiers read before a figure, longest first, each with a pattern that finds it at
    the end of a look-back window whatever the spacing ("as  many as")."""
    phrases = sorted(words()["qualifiers_before"], key=len, reverse=True)
    return tuple((p, re.compile(r"\s+".join(map(re.escape, p.split())) + r"\s*$")) for p in phrases)


@lru_cache(maxsize=1)
def _qualifier_table() -> tuple[dict[str, re.Pattern], int]:
    """The qualifiers read before a figure by phrase, and the most words one has. A phrase not written
    with single spaces is left out: the words before a figure are joined by single spaces, it could
    never match them."""
    table = {p: pattern for p, pattern in qualifiers_before() if p and p == " ".join(p.split())}
    return table, max((len(p.split()) for p in table), default=0)


def _qualifier_ending(before: str) -> str | None:
    """The longest qualifier that ``before`` (words joined by single spaces) ends with, whole words.

    The phrases that end a string at a word boundary end one another, so the one with most words is
    also the longest one, the first :func:`qualifiers_before` would match. Looking up the last five,
    four ... one words instead of trying all 41 phrases with ``endswith`` halves :func:`qualifier`'s
    cost (0.09 -> 0.045 ms of CPU a Reuters story)."""
    table, most = _qualifier_table()
    words_before = before.split(" ") if before else []
    for n in range(min(most, len(words_before)), 0, -1):
        phrase = " ".join(words_before[-n:])
        if phrase in table:
            return phrase
    return None


def qualifier(cand: Candidate, text: str) -> tuple[str | None, int]:
    """The qualifier right before ("an estimated", "more than") or after ("or more") the figure,
    and the offset where the qualifier starts (the figure's start when there is none)."""
    surface = text[cand.start:cand.end].lower()
    if surface.startswith("between "):
        return "between", cand.start
    window_start = max(0, cand.start - QUALIFIER_LOOK_BACK)
    window = text[window_start:cand.start].lower()
    phrase = _qualifier_ending(" ".join(window.split()))
    if phrase is not None:
        match = _qualifier_table()[0][phrase].search(window)
        return phrase, window_start + match.start() if match else cand.start
    after = " ".join(text[cand.end:cand.end + QUALIFIER_AHEAD].lower().split())
    for phrase in words()["qualifiers_after"]:
        if after.startswith(phrase + " ") or after == phrase or after.startswith(phrase + ","):
            return phrase, cand.start
    return None, cand.start


# --------------------------------------------------------------------------- the thing counted


def counted_head(tokens):
    """The noun a number counts: its head ("500,000 soldiers") or the object of its "of" ("millions of soldiers")."""
    root = root_token(tokens)
    ids = {t.i for t in tokens}
    if root.dep_ in ("nummod", "quantmod", "amod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in ids:
        return root.head
    for child in root.children:
        if child.lower_ == "of" and child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
            if objects:
                return objects[0]
    return None


def _counted_modifiers(noun, skip: set[int]) -> list:
    mods = []
    for child in noun.children:
        if child.i > noun.i or child.i in skip or child.dep_ not in COUNTED_DEPS or child.like_num:
            continue
        if child.ent_type_ in ENTITY_LABELS or child.pos_ in ("DET", "PRON", "NUM"):
            continue
        mods.append(child)
    return sorted(mods, key=lambda t: t.i)


def counted_phrase(noun, skip: set[int]) -> str:
    """The counted noun phrase, lemmatised and lower-cased: "new conscripts" -> "new conscript"."""
    mods = [m.lower_ for m in _counted_modifiers(noun, skip)]
    head = noun.lemma_.lower() if noun.pos_ == "NOUN" else noun.lower_
    if noun.tag_ == "NNPS" and head.endswith("s"):  # "Russians" -> "russian"
        head = head[:-1]
    return " ".join([*mods, head])


def event_of(noun, root) -> tuple[str | None, bool]:
    """The act counted and whether a verb names it on the noun ("mobilised 500,000 soldiers"):
    (event, verbal). Nominalisations ("the mobilisation of 300,000 soldiers"), an event the people
    counted take part in ("40,000 members joined the strike", "12,000 on strike") and phrasal verbs
    ("walked out") give verbal=False."""
    table, nouns = words()["event_verbs"], words()["event_nouns"]
    for tok in (root, noun):
        for child in tok.children:
            if child.dep_ == "amod" and child.tag_ == "VBN" and child.lemma_.lower() in table:
                return table[child.lemma_.lower()], True
    if event := _taken_part_in(noun, root):
        return event, False
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in table:
        return table[head.lemma_.lower()], True
    if noun.dep_ == "nsubj" and head.lemma_.lower() in table:
        return table[head.lemma_.lower()], False
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in nouns:
        return nouns[head.head.lower_], False
    return None, False


def _event_noun(tok) -> str | None:
    """The act an event noun names ("strike", "walkout", "protest"); not a date ("on March 4")."""
    if tok.pos_ != "NOUN" or tok.ent_type_ in DATE_LABELS:
        return None
    return words()["event_nouns"].get(tok.lower_) or words()["event_nouns"].get(tok.lemma_.lower())


def _prep_event(tok) -> str | None:
    """ "on strike", "in the protest": an event noun in a participation preposition on ``tok``."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in words()["participation_preps"]:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if event := _event_noun(obj):
                    return event
    return None


def _taken_part_in(noun, root) -> str | None:
    """The event the people counted take part in: "12,000 dockworkers on strike", "40,000 members
    joined the strike", "took part in the protest", "walked out"."""
    for tok in (noun, root):
        if event := _prep_event(tok):
            return event
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    if event := _phrasal_event(verb):
        return event
    if verb.lemma_.lower() not in words()["participation_verbs"]:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    for obj in objects:
        if event := _event_noun(obj) or _prep_event(obj):
            return event
    return _prep_event(verb)


def _phrasal_event(verb) -> str | None:
    """ "walked out", "stopped work", "downed tools": a verb with its particle or object that names an act."""
    table = words()["phrasal_events"]
    for child in verb.children:
        event = table.get(f"{verb.lemma_.lower()} {child.lemma_.lower()}")
        if child.dep_ in ("prt", "advmod", "dobj") and event:
            return event
    return None


def bare_event(anchor) -> str | None:
    """The act a number without a counted noun counts, from the verb that governs it: "64 were
    wounded", "killing 15", "15 died", "40,000 on strike". Only acts done to or by people
    (``people_events``): "cost 15" is no event."""
    event, _ = event_of(anchor, anchor)
    return event if event in words()["people_events"] else None


def participle(event: str, noun) -> str:
    return words()["event_participles"].get(event, noun.head.lower_)


# --------------------------------------------------------------------------- subject and owner


def alias(name: str) -> str:
    """Normalise a subject/owner name: "the Kremlin" -> "Russia", "Russian" -> "Russia"."""
    bare = POSSESSIVE_RE.sub("", re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)).strip()
    return words()["subject_aliases"].get(bare.lower(), bare)


def entity_name(tok) -> str | None:
    """A country / people / organisation / person named in ``tok``'s subtree, normalised."""
    subtree = list(tok.subtree)
    for label in ENTITY_LABELS:
        for t in subtree:
            if t.ent_type_ == label and t.ent_iob_ == "B":
                ent = entity_at(t.doc, t.i, starting=True)
                return alias(ent.text)
    if tok.pos_ == "PRON":
        return None
    return alias(tok.lower_) if tok.lower_ in words()["subject_aliases"] else None


def _subject_child(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ == "conj":
        return _subject_child(verb.head)
    return None


def path_up(tok):
    """Tokens above ``tok`` within its clause chain (stops at clausal complements)."""
    steps, current = [], tok
    while current.head.i != current.i and len(steps) < MAX_CLIMB and current.dep_ in CLIMB_DEPS:
        current = current.head
        steps.append(current)
    return steps


def subject_of(noun, anchor) -> str | None:
    """What the count is of or for: the subject of the verb it hangs from ("Russia has mobilised ..."),
    a possessor ("Russia's mobilisation"), a nationality on the noun ("Russian soldiers"), or the place
    it happened ("evacuated from the Sella valley")."""
    start = noun if noun is not None else anchor
    path = path_up(start)
    return _actor(start, path) or next(
        (alias(t.text) for t in start.children if t.ent_type_ in ("NORP", "GPE")), None) \
        or _place([start, *path, *_clauses_above(path[-1] if path else start)])


def _clauses_above(tok) -> list:
    """Verbs of the clauses an adverbial clause hangs from: the place of "The blast hit the market in
    Gaza, killing 15" is the place of the killing too (reported speech, ccomp, is not climbed)."""
    above = []
    while tok.dep_ in PLACE_CLIMB_DEPS and tok.head.i != tok.i and len(above) < MAX_CLIMB:
        tok = tok.head
        above.append(tok)
    return above


def _actor(start, path) -> str | None:
    own = {t.i for t in start.subtree}
    for tok in path:
        for child in tok.children:
            if child.dep_ == "poss" and child.i not in own and (name := entity_name(child)):
                return name
        subj = _subject_child(tok) if tok.pos_ in ("VERB", "AUX") else None
        if subj is not None and subj.i not in own:
            return entity_name(subj)
    return None


def _place(tokens) -> str | None:
    """A place in a "in / at / from / across ..." phrase on the noun or the verbs above it (not the
    counted noun's own phrase: "across the country's three main harbours" is no place for "three")."""
    own = tokens[0].i
    for tok in tokens:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPS:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if own not in {t.i for t in obj.subtree} and not _rate(prep, obj) and (name := _place_name(obj)):
                    return name
    return None


def _rate(prep, obj) -> bool:
    """ "at 1.25 times New York", "at 5 percent": "at" before a number is a rate or price, not a place."""
    return prep.lower_ == "at" and (obj.like_num or any(c.like_num for c in obj.children))


def _place_name(obj) -> str | None:
    for t in obj.subtree:
        if t.ent_type_ in PLACE_LABELS and t.ent_iob_ == "B":
            return alias(entity_at(t.doc, t.i, starting=True).text)
    if obj.ent_type_ in DATE_LABELS:
        return None
    place_noun = obj.lemma_.lower() in words()["place_nouns"]  # "the Kovel mine", even if NER calls Kovel a person
    names = [c.text for c in obj.children
             if c.dep_ == "compound" and c.pos_ == "PROPN" and (place_noun or not c.ent_type_)]
    if names or (obj.pos_ == "PROPN" and not obj.ent_type_):
        return " ".join([*names, obj.text if obj.pos_ == "PROPN" else obj.lower_])
    return _named_place(obj) if place_noun else None


def _named_place(obj) -> str | None:
    """ "the village of Tuloul Naser" -> "Tuloul Naser"; "the country's harbours" -> "the country's ports"."""
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
        for name in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
            return " ".join(t.text for t in name.subtree if t.pos_ == "PROPN")
    return _owned_place(obj)


def _owned_place(obj) -> str | None:
    """ "the country's (three main) harbours" -> "the country's ports": a common place noun with a
    possessor that is the country (a named possessor is found above as an entity)."""
    plural = words()["place_nouns"].get(obj.lemma_.lower())
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    if plural is None or owner is None:
        return None
    country = words()["place_owner_aliases"].get(owner.lemma_.lower())
    return f"the {country}'s {plural}" if country else None


def owner_of(anchor, speaker_text: str | None, text: str | None = None) -> str | None:
    """Whose figure it is when a reporting verb above it has another subject
    ("Russia has officially announced ... 300,000"), or "according to X".

    ``text`` (the Doc's text) lets a sentence without "according" be passed over unread: walking
    its every token for one cost 0.03 ms of CPU a Reuters story, a third of this function's time."""
    for tok in [anchor, *path_up(anchor)]:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in words()["owner_verbs"]:
            subj = _subject_child(tok)
            if subj is not None and (name := entity_name(subj)) and not _same(name, speaker_text):
                return name
    sent = anchor.sent
    if text is not None and "according" not in text[sent.start_char:sent.end_char].lower():
        return None
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            name = entity_name(tok.nbor(2)) if tok.nbor(2).pos_ != "PRON" else None
            if name and not _same(name, speaker_text):
                return name
    return None


def _same(name: str, speaker_text: str | None) -> bool:
    if not speaker_text:
        return False
    return name.lower() in speaker_text.lower() or speaker_text.lower() in name.lower()
