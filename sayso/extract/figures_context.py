"""What the words around a number say about it: is it a figure at all, what it counts, its
qualifier, whose figure it is and what it is of.

All functions read spaCy tokens of the parsed article; the word lists are in
sayso/data/figures.json (loaded by :func:`sayso.extract.figures_numbers.words`).
"""
from __future__ import annotations

import re

from .figures_numbers import Candidate, words

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
MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
                   "august september october november december".split())
LIST_NUMBER_RE = re.compile(r"^\d{1,3}$")
ENTITY_LABELS = ("GPE", "NORP", "ORG", "PERSON")
COUNTED_DEPS = frozenset({"amod", "compound", "nmod"})
CLIMB_DEPS = frozenset({"dobj", "pobj", "prep", "nummod", "quantmod", "amod", "appos", "conj", "attr",
                        "npadvmod", "compound", "nsubjpass", "nsubj", "acl", "oprd", "dative"})
MAX_CLIMB = 8
LOCATION_PREPS = frozenset({"in", "from", "across", "near", "throughout", "along", "inside", "outside", "around"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
LOOK_BACK = 80  # characters read before a number for list markers
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
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and any(t.is_alpha and not t.like_num and t.lower_ not in NON_DATE_WORDS for t in ent)


def _is_coordinate(cand: Candidate, text: str) -> bool:
    """ "35 ° 01 ′ 57 ″ N": degrees, minutes and seconds of a position."""
    return bool(COORDINATE_AFTER_RE.match(text[cand.end:cand.end + 12])) \
        or text[max(0, cand.start - 20):cand.start].rstrip().endswith(("°", "′"))


def _next_to_month(tokens) -> bool:
    """ "Jan. 3", "11 - 13 Dec.", "September 17": a day of the month the NER did not mark."""
    first, last = tokens[0], tokens[-1]
    around = [first.nbor(-1) if first.i > 0 else None, last.nbor(1) if last.i + 1 < len(last.doc) else None]
    return any(t is not None and t.lower_.rstrip(".") in MONTHS for t in around)


def _is_list_or_reference(cand: Candidate, tokens, text: str) -> bool:
    window = max(0, cand.start - LOOK_BACK)
    before = text[window:cand.start].rstrip(" ")
    prev = tokens[0].nbor(-1) if tokens and tokens[0].i > 0 else None
    if prev is not None and prev.lower_ in words()["list_cues"]:
        return True
    line_start = before.endswith("\n") or (before == "" and window == 0)
    if cand.unit is not None or not LIST_NUMBER_RE.match(text[cand.start:cand.end]):
        return False
    if line_start and text[cand.end:cand.end + 1] in (".", ")"):
        return True
    return before.endswith(REFERENCE_BEFORE) and text[cand.end:cand.end + 2].strip()[:1] in ("]", ")")


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
    return cand.unit is None and bool(AGE_BEFORE_RE.search(text[max(0, cand.start - 40):cand.start])) \
        and text[cand.end:cand.end + 1] == ","


def _is_pronoun_one(tokens) -> bool:
    return len(tokens) == 1 and tokens[0].lower_ == PRONOUN_ONE and tokens[0].dep_ != "nummod"


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
    return None


# --------------------------------------------------------------------------- qualifier


def qualifier(cand: Candidate, text: str) -> tuple[str | None, int]:
    """The qualifier right before ("an estimated", "more than") or after ("or more") the figure,
    and the offset where the qualifier starts (the figure's start when there is none)."""
    surface = text[cand.start:cand.end].lower()
    if surface.startswith("between "):
        return "between", cand.start
    before = " ".join(text[max(0, cand.start - 30):cand.start].lower().split())
    for phrase in sorted(words()["qualifiers_before"], key=len, reverse=True):
        if before == phrase or before.endswith(" " + phrase):
            where = text.lower().rfind(phrase.split()[0], 0, cand.start)
            return phrase, where if where >= 0 else cand.start
    after = " ".join(text[cand.end:cand.end + 20].lower().split())
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
    (event, verbal). Nominalisations ("the mobilisation of 300,000 soldiers") give verbal=False."""
    table, nouns = words()["event_verbs"], words()["event_nouns"]
    for tok in (root, noun):
        for child in tok.children:
            if child.dep_ == "amod" and child.tag_ == "VBN" and child.lemma_.lower() in table:
                return table[child.lemma_.lower()], True
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in table:
        return table[head.lemma_.lower()], True
    if noun.dep_ == "nsubj" and head.lemma_.lower() in table:
        return table[head.lemma_.lower()], False
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in nouns:
        return nouns[head.head.lower_], False
    return None, False


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
                ent = next(e for e in t.doc.ents if e.start == t.i)
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
        (alias(t.text) for t in start.children if t.ent_type_ in ("NORP", "GPE")), None) or _place([start, *path])


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
    """A place in a "in / from / across ..." phrase on the noun or the verbs above it."""
    for tok in tokens:
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATION_PREPS:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if name := _place_name(obj):
                    return name
    return None


def _place_name(obj) -> str | None:
    for t in obj.subtree:
        if t.ent_type_ in PLACE_LABELS and t.ent_iob_ == "B":
            return alias(next(e for e in t.doc.ents if e.start == t.i).text)
    if obj.ent_type_ in DATE_LABELS:
        return None
    names = [c.text for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_]
    if names or (obj.pos_ == "PROPN" and not obj.ent_type_):
        return " ".join([*names, obj.text if obj.pos_ == "PROPN" else obj.lower_])
    return None


def owner_of(anchor, speaker_text: str | None) -> str | None:
    """Whose figure it is when a reporting verb above it has another subject
    ("Russia has officially announced ... 300,000"), or "according to X"."""
    for tok in [anchor, *path_up(anchor)]:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in words()["owner_verbs"]:
            subj = _subject_child(tok)
            if subj is not None and (name := entity_name(subj)) and not _same(name, speaker_text):
                return name
    for tok in anchor.sent:
        if tok.lower_ == "according" and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            name = entity_name(tok.nbor(2)) if tok.nbor(2).pos_ != "PRON" else None
            if name and not _same(name, speaker_text):
                return name
    return None


def _same(name: str, speaker_text: str | None) -> bool:
    if not speaker_text:
        return False
    return name.lower() in speaker_text.lower() or speaker_text.lower() in name.lower()
