"""What kind of actor a bare name is, when a person types one the store does not know
("Civilians", "Afghan police", "Nigeria"): the edit form offers to create it
with this guess, which the person can correct in the Actors pane. No text around the name,
so only the name's own words decide."""

from __future__ import annotations

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


def guess(name: str, country: str | None = None) -> tuple[str, str | None]:
    """(kind, ISO3 country or None) for a typed actor name; ``country``: the one the person
    gave with it ("Civilians (Afghanistan)", read by the store's actors field)."""
    place = locations.country(name)
    if place is not None:
        return "state", place.country
    words = normalise(name).removeprefix("the ").split()
    if len(words) > 1 and country is None:  # "Afghan police", "Nigerian villagers"
        country = locations.demonym_country(words[0])
        if country is not None:
            words = words[1:]
    rest = " ".join(words)
    if rest in _FORCES:
        return "state_forces", country
    if rest in _REBELS:
        return "rebel_group", country
    if rest in _ARMED:  # ACLED's unidentified armed group: a militia
        return "militia", country
    if words and _people(words[-1]):
        return "civilians", country
    return "other", country


def _people(word: str) -> bool:
    """"civilians", "villagers", "children": a noun for people, not for a group."""
    from .actors import _people_noun

    return _people_noun(word) or word in ("civilians", "villagers", "residents")
