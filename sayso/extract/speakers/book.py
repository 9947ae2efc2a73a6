"""The article's entity book: its entities, their mentions, the pronoun antecedents seen so far."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...records import Entity, Mention
from ..spans import SUBJECT_DEPS, doc_text
from . import lexicon as R
from .words import norm


@dataclass(frozen=True)
class Title:
    """A parsed role phrase: "Ukraine's Defence Minister", "the representative of X"."""

    role: str | None = None  # display form: "Defence Minister"
    head: str | None = None  # normalised head: "minister", "prime minister"
    words: frozenset[str] = frozenset()  # normalised role words
    affiliation: str | None = None  # "Ukraine" or "Defence Intelligence of Ukraine"
    country: str | None = None  # the affiliation's country
    org: str | None = None  # canonical org key when the affiliation is an organisation


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
    named_person: bool = False  # a person the text names (not one made from a description)


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

    def __init__(self, doc, extractor: str):
        self.doc = doc
        self.extractor = extractor  # the speakers stage's version, stamped on every mention
        self.text = doc_text(doc)  # Doc.text joins every token on each access: read it once
        self.infos: dict[str, Info] = {}
        self.by_name: dict[tuple[str, str], str] = {}  # (kind, normalised name) -> key
        self.mentions: list[Mention] = []
        self.refs: list[Ref] = []
        self.names: list[tuple[int, int, str]] = []  # name mentions found in the text
        self.contents: list[tuple[int, int]] = []  # the claims' content spans (reported speech)
        self.blocked: list[tuple[int, int]] = []  # datelines: nothing in them is a name or speaks
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
        self.mentions.append(Mention(start, end, self.text[start:end], key, kind, self.extractor))
        span = self.doc.char_span(start, end, alignment_mode="expand")
        sent = self.sent_start[span.start] if span is not None and len(span) else 0
        self.refs.append(Ref(start, key, info.entity.kind, sent, subject))

    def name_mention(self, span, key: str) -> None:
        """A name mention found in the text (a later speaker phrase may contain it)."""
        self.names.append((span.start_char, span.end_char, key))
        if self.infos[key].entity.kind == "person":
            self.infos[key].named_person = True
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
