"""The small typed records every stage passes on.

Offsets (``start``/``end``) always index ``Article.text`` (Python string
indices, end exclusive); that is what makes every record checkable.
Every extracted record names the extractor that made it: its stage's version from
:mod:`sayso.stages` (the stages stamp the full string, model fingerprint included).
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from .stages import BY_NAME

DatePrecision = Literal["day", "month", "year", "unknown"]
ClaimKind = Literal["direct", "indirect", "mixed"]
EntityKind = Literal["person", "org", "place", "other"]
MentionKind = Literal["name", "title", "pronoun", "description"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Hedging = Literal["certain", "likely", "possible"]
Polarity = Literal["positive", "negative"]
ForecastStatus = Literal["open", "due", "resolved"]


def _made_by(stage: str):
    """The default ``extractor`` of a record: its stage's version, as the stage table declares it."""
    return field(default_factory=lambda: BY_NAME[stage].version)


def identity_text(text: str) -> str:
    """The text an article's identity is computed from (never stored, never offset into).

    Newlines normalised (CRLF and CR become LF), trailing whitespace removed from every line,
    blank lines and spaces at the start and end removed, Unicode NFC: so a copy saved with
    Windows line endings, one more trailing newline or decomposed accents is the same article.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return unicodedata.normalize("NFC", "\n".join(line.rstrip() for line in lines).strip())


def content_hash(text: str) -> str:
    """Article id: the first 16 hex digits of the SHA-256 of ``identity_text(text)`` in UTF-8.

    A lone surrogate (which no reader lets through) is hashed as is instead of raising.
    """
    return hashlib.sha256(identity_text(text).encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Article:
    """One dated news article, its text kept exactly as read (offsets index it).

    ``id`` depends on the text only (see ``content_hash``): the same text with another date,
    title or URL is the same article.
    """

    text: str
    title: str = ""
    published: str | None = None  # "YYYY-MM-DD", "YYYY-MM", "YYYY" or None
    date_precision: DatePrecision = "unknown"
    url: str | None = None  # URL, or the path it was read from
    source: str | None = None  # publication / feed name
    id: str = ""
    author: str | None = None  # the byline as read (feed entry author, page author, an "author" field)
    speaker: str | None = None  # whose first-person words the text is: a "speaker" field, the caller's, else the author
    warnings: tuple[str, ...] = ()  # one-line notes from the reader ("unreadable date ...; stored undated")

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", content_hash(self.text))


@dataclass(frozen=True)
class Span:
    """A piece of the article text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])


@dataclass
class Entity:
    """A person or organisation as one article knows it (``key`` is local to the article).

    The ledger links these to canonical cross-article entities.
    """

    key: str
    name: str
    kind: EntityKind = "person"
    role: str | None = None  # "Defence Minister"
    affiliation: str | None = None  # "Ukraine"
    aliases: list[str] = field(default_factory=list)
    described: bool = False  # known only by a description ("the US president"), never by a name


@dataclass
class Mention:
    """A span that names or refers to an entity."""

    start: int
    end: int
    text: str
    entity_key: str
    kind: MentionKind = "name"
    extractor: str = _made_by("speakers")


@dataclass
class Claim:
    """One attribution: who (speaker) said (cue) what (content)."""

    content: list[Span]  # one span, or several for a quote split by its cue
    cue: Span | None
    speaker: Span | None
    kind: ClaimKind
    channel: str | None = None  # "told BFMTV" -> "BFMTV"
    speaker_key: str | None = None  # Entity.key once speakers are resolved
    extractor: str = _made_by("claims")

    @property
    def start(self) -> int:
        spans = [*self.content, *(s for s in (self.cue, self.speaker) if s)]
        return min(s.start for s in spans)

    @property
    def end(self) -> int:
        spans = [*self.content, *(s for s in (self.cue, self.speaker) if s)]
        return max(s.end for s in spans)

    @property
    def content_text(self) -> str:
        return " … ".join(s.text for s in self.content)


@dataclass
class TimeExpr:
    """A temporal expression normalised against the article's date, as TIMEX3 does.

    ``value`` is the TIMEX3 value ("2023-02-24", "2023-03", "2023-SP", "P1Y",
    "FUTURE_REF") or None when it cannot be normalised.  ``earliest`` and
    ``latest`` are the ISO dates (inclusive) the expression stands for, when
    it stands for a stretch of the calendar.  ``anchored`` is False when the
    value needed a document date the article does not have.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str | None
    earliest: str | None = None
    latest: str | None = None
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, APPROX, START, END, ...
    anchored: bool = True
    extractor: str = _made_by("times")


@dataclass
class Figure:
    """A quantity in the text: a value (or a low/high range), its unit and what it counts."""

    start: int
    end: int
    text: str
    value: float | None  # None for a range given only as low/high
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # "people", "USD", "percent", "km", ... (None: a bare count)
    counted: str | None = None  # the thing counted, lemmatised: "soldier", "new conscript"
    qualifier: str | None = None  # "more than", "at least", "an estimated", "up to", ...
    claim_index: int | None = None  # index into Extraction.claims; None: the publication states it
    owner: str | None = None  # whose figure it is when the speaker reports another party's
    subject: str | None = None  # what/whom the count is of or for: "Russia"
    event: str | None = None  # the act counted, normalised: "mobilisation" ("mobilised 500,000")
    extractor: str = _made_by("figures")


@dataclass
class Forecast:
    """A forward-looking statement: who predicted what, for when, how surely."""

    start: int  # the predicted event's span
    end: int
    text: str
    cue: Span | None  # "will", "is expected to", "warned that ... will"
    hedging: Hedging
    earliest: str | None = None  # target window (ISO dates); None: open-ended
    latest: str | None = None
    time_index: int | None = None  # index into Extraction.times of the window's expression
    claim_index: int | None = None  # index into Extraction.claims; None: the article's own statement
    predictor_key: str | None = None  # Entity.key of the speaker; None: the publication
    condition: Span | None = None  # "if ..."
    status: ForecastStatus = "open"  # on the article's date: open, or already due
    extractor: str = _made_by("forecasts")
    # (last, so that positional construction keeps its meaning)
    polarity: Polarity = "positive"  # negative: the source says the event will NOT happen
    event: str = ""  # the predicted event in positive form ("Russia will attack" for "Russia will not attack")


PlaceFeature = Literal["country", "admin1", "admin2", "city", "continent", "region", "area", "water", "river"]
PlaceKind = Literal["name", "adjective", "embedded"]


@dataclass(frozen=True)
class Place:
    """A place mention in ``Article.text`` (``start``/``end``) and the gazetteer entry it resolves to.

    ``kind`` says how the text names the place: ``name`` ("Kramatorsk"), ``adjective`` ("Ukrainian
    troops" -> Ukraine) or ``embedded`` (inside an organisation's name, "Kyiv Independent"). Only
    ``name`` places are place mentions in the ledger's sense; the other kinds exist because some
    gold corpora count them. ``geonameid`` is GeoNames' id where the shipped gazetteer has one
    (first-order regions outside the US, counties and the hand-kept named areas have none); ``key``
    ("gn:704508", "adm1:UA.05", "area:donbas") identifies every entry either way.
    """

    start: int
    end: int
    text: str
    key: str
    geonameid: int | None
    name: str
    feature: PlaceFeature
    country_code: str
    admin1: str  # the admin-1 region's English name ("Donetsk"), "" when unknown or a country
    latitude: float
    longitude: float
    population: int
    score: float
    kind: PlaceKind = "name"
    extractor: str = _made_by("places")


@dataclass(frozen=True)
class Event:
    """One reported event: what happened (kind, PLOVER, ACLED), who to whom, where, when, the toll.

    ``start``/``end``/``text`` cover the trigger and its actor, target and place; ``trigger`` is the
    word(s) that report it ("shelled", "air strike"). ``earliest``/``latest`` are ISO dates (inclusive);
    ``date_source`` says where they come from ("text": a time expression of its sentence, whose index
    into ``Extraction.times`` is ``time_index``; "article": the article's date). ``place_ref`` is the
    places-stage record the place span matched. ``killed``/``injured`` are None when not reported.
    """

    start: int
    end: int
    text: str
    trigger: Span
    kind: str
    plover: str | None
    acled_type: str | None
    acled_subtype: str | None
    actor: Span | None = None
    target: Span | None = None
    place: Span | None = None
    place_ref: Place | None = None
    earliest: str | None = None
    latest: str | None = None
    date_source: str | None = None
    time_index: int | None = None
    killed: int | None = None
    injured: int | None = None
    civilian: bool = False
    extractor: str = _made_by("events")


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    extractors: dict[str, str] = field(default_factory=dict)  # stage -> "name.vN"
    times: list[TimeExpr] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    forecasts: list[Forecast] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
