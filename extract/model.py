"""Plain records the extractor returns.

They know nothing of SQLite or Textual, so the extractor can be tested, benchmarked and run in
a process pool on its own. Every item carries character offsets into the document text
(``text[start:end]`` is the claimed span) and the sentence it came from (``sent_start`` /
``sent_end``), which is the provenance the store keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

# Figure qualifiers, as analysts code them.
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")

# Actor kinds, modelled on ACLED's inter codes plus the kinds an analyst needs beside them.
ACTOR_KINDS = (
    "state",  # a state / government as a whole (Tajikistan, Russia)
    "state_forces",  # military, police, border guards of a state
    "rebel_group",
    "militia",
    "civilians",
    "organisation",  # IGOs, NGOs, ministries, companies
    "media",
    "person",
    "external",  # external/other forces
    "other",
)

# Event types: ACLED's six, plus population movement and statements/diplomacy.
EVENT_TYPES = (
    "battles",
    "explosions_remote_violence",
    "violence_against_civilians",
    "protests",
    "riots",
    "strategic_developments",
    "population_movement",
    "statements_diplomacy",
)

# Date precision, like ACLED's time_precision: 1 day, 2 week/range of days, 3 month or vaguer.
DATE_PRECISIONS = ("day", "week", "month", "year")

# Sub-event types per event type: ACLED's codebook (its capitalisation), then this tool's own
# for the two types ACLED does not have and for what ACLED codes as "Other".
SUB_TYPES: dict[str, tuple[str, ...]] = {
    "battles": ("Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"),
    "explosions_remote_violence": (
        "Chemical weapon", "Air/drone strike", "Suicide bomb",
        "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"),
    "violence_against_civilians": ("Sexual violence", "Attack",
                                   "Abduction/forced disappearance"),
    "protests": ("Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"),
    "riots": ("Violent demonstration", "Mob violence"),
    "strategic_developments": (
        "Agreement", "Arrests", "Change to group/activity", "Destruction of property",
        "Disrupted weapons use", "Headquarters or base established",
        "Looting/property destruction", "Non-violent transfer of territory", "Other",
        "Weapons test"),
    "population_movement": ("Flight", "Border crossing", "Displacement", "Arrival",
                            "Evacuation", "Return"),
    "statements_diplomacy": ("Statement", "Meeting", "Other"),
}
# Any capitalisation of a sub-event type -> the codebook's.
SUB_TYPE_NAMES = {name.lower(): name for names in SUB_TYPES.values() for name in names}


@dataclass
class Span:
    """Where something was said: ``text[start:end]`` and the sentence around it."""

    start: int
    end: int
    text: str
    sent_start: int
    sent_end: int


@dataclass
class Mention:
    """One place a surface form of an actor or location appears."""

    span: Span


@dataclass
class Actor:
    """A participant: state, armed group, organisation, media, person, ...

    ``name`` is the canonical form; ``aliases`` every surface form seen (acronyms included);
    ``mentions`` every occurrence in the document. ``key`` is a normalised identity used to
    merge actors across documents (see ``extract.aliases``).
    """

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None  # ISO alpha-3 of the state it belongs to, when known


@dataclass
class Location:
    """A place named in the text (never an actor)."""

    name: str
    kind: str  # country | admin1 | city | region | site
    country: str | None  # ISO alpha-3
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class DateRef:
    """A date resolved against the publication date."""

    start: str  # ISO date, first day
    end: str  # ISO date, last day (== start for a single day)
    precision: str  # one of DATE_PRECISIONS
    text: str  # as written ("on Wednesday (July 14)", "earlier this month")


@dataclass
class Figure:
    """A count of people or things ("some 64 boys")."""

    value: int
    text: str  # the number as written ("some 64", "more than 1,000", "two")
    qualifier: str  # one of QUALIFIERS
    category: str  # refugees, children, deaths, troops, ...
    counted: str  # what is counted, as written ("boys", "government troops")
    span: Span  # the number and the counted noun
    low: int | None = None  # for qualifier == "range"
    high: int | None = None
    location: str | None = None
    date: DateRef | None = None
    part_of: int | None = None  # index into Extraction.figures of the figure this one splits
    # index of the figure this one is told with as one count ("three soldiers and five
    # militants were killed": the militants add to the soldiers; the toll is eight)
    adds_to: int | None = None


class Count(Protocol):
    """What a toll is read from: an extracted figure, or one stored and perhaps edited."""

    @property
    def value(self) -> int: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def part_of(self) -> int | None: ...
    @property
    def adds_to(self) -> int | None: ...


@dataclass
class Participant:
    """An actor's part in an event."""

    actor: int  # index into Extraction.actors
    role: str  # actor1 | actor2 | assoc | source


@dataclass
class Fatalities:
    """Deaths an event caused, as UCDP codes them: ``best`` is the report to use (the lowest
    of the comparable reports, ACLED's conservative rule), ``low`` the lowest credible one,
    ``high`` the highest; ``figures`` are the figures (indexes) they rest on."""

    low: int
    best: int
    high: int
    figures: list[int] = field(default_factory=list)


@dataclass
class Event:
    """Who did what, where and when."""

    type: str  # one of EVENT_TYPES
    sub_type: str | None
    summary: str  # short "who did what" line
    trigger: str  # the verb or noun that signals it, as written
    span: Span  # the trigger
    participants: list[Participant] = field(default_factory=list)
    location: str | None = None
    country: str | None = None
    date: DateRef | None = None
    figures: list[int] = field(default_factory=list)  # indexes into Extraction.figures
    fatalities: Fatalities | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)  # every mention's sentence
    # "seat": the place is the doer's capital or country, assumed where the text names none
    # (ACLED's geo precision 3), not one the text gives
    place_basis: str | None = None


@dataclass
class Extraction:
    """All the extractor found in one document."""

    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    published: str | None = None  # ISO date the text was anchored to
