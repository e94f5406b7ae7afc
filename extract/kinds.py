"""What kind of actor a bare name is, when a person types one the store does not know
("Civilians (Afghanistan)", "Afghan police", "Nigeria"): the edit form offers to create it
with this guess, which the person can correct in the Actors pane. No text around the name,
so only the name's own words decide."""

from __future__ import annotations

import re

from . import locations
from .aliases import normalise

_FORCES = frozenset({
    "police", "policemen", "police officers", "troops", "soldiers", "army", "military",
    "security forces", "forces", "armed forces", "border guards", "border police", "navy",
    "air force", "coast guard", "special forces", "gendarmes", "gendarmerie", "riot police",
    "government forces", "military forces",
})
_REBELS = frozenset({"rebels", "insurgents", "jihadists"})
_ARMED = frozenset({"militants", "gunmen", "fighters", "armed men", "militiamen"})
_ACLED_COUNTRY = re.compile(r"^(?P<name>.+?)\s*\((?P<country>[^()]+)\)$")


def guess(name: str) -> tuple[str, str, str | None]:
    """(name, kind, ISO3 country or None) for a typed actor name; an ACLED-style
    "Civilians (Afghanistan)" gives its country and loses the brackets."""
    name = " ".join(name.split())
    country = None
    match = _ACLED_COUNTRY.match(name)
    if match:
        place = locations.country(match.group("country"))
        if place is not None:
            name, country = match.group("name"), place.country
    place = locations.country(name)
    if place is not None:
        return name, "state", place.country
    words = normalise(name).removeprefix("the ").split()
    if len(words) > 1 and country is None:  # "Afghan police", "Nigerian villagers"
        country = locations.demonym_country(words[0])
        if country is not None:
            words = words[1:]
    rest = " ".join(words)
    if rest in _FORCES:
        return name, "state_forces", country
    if rest in _REBELS:
        return name, "rebel_group", country
    if rest in _ARMED:  # ACLED's unidentified armed group: a militia
        return name, "militia", country
    if words and _people(words[-1]):
        return name, "civilians", country
    return name, "other", country


def _people(word: str) -> bool:
    """"civilians", "villagers", "children": a noun for people, not for a group."""
    from .actors import _people_noun

    return _people_noun(word) or word in ("civilians", "villagers", "residents")
