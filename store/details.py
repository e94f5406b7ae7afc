"""What the detail view, the edit form and the exports read of one record: frozen, typed,
one class per kind, so a misspelt field is an error where it is written, not a blank cell."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar


@dataclass(frozen=True)
class EventActor:
    """An actor of an event, with its role (actor1, actor2, assoc, source)."""

    id: int
    name: str
    kind: str
    role: str


@dataclass(frozen=True)
class EventFigure:
    id: int
    value: int
    text: str
    counted: str


@dataclass(frozen=True)
class ActorEvent:
    """An event an actor takes part in, with its role there."""

    id: int
    summary: str
    role: str


@dataclass(frozen=True)
class Mention:
    """Where an article names an actor: offsets, sentence and the words as written."""

    document_id: int
    start: int
    end: int
    sent_start: int
    sentence: str
    title: str
    span: str


@dataclass(frozen=True)
class Record:
    """What every record has: its review status, a person's note and tags."""

    KIND: ClassVar[str] = ""

    id: int
    status: str
    note: str
    tags: tuple[str, ...]

    def field(self, name: str) -> Any:
        """A field by its column name (the edit form walks a kind's editable fields)."""
        return getattr(self, name)


@dataclass(frozen=True)
class Sourced(Record):
    """A record read from one passage of one document (events and figures)."""

    document_id: int
    start: int
    end: int
    sent_start: int
    sent_end: int
    sentence: str
    origin: str  # "machine" or "human" (added by a person)
    location: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    date_text: str | None
    document_title: str
    document_source: str
    published: str | None
    duplicate_of: int | None  # the document's original, when it is a republished copy


@dataclass(frozen=True)
class EventRecord(Sourced):
    KIND: ClassVar[str] = "event"

    type: str
    sub_type: str | None
    summary: str
    trigger: str
    country: str | None
    # "seat": the place is the doer's seat, assumed where the text names none (until a person
    # sets the place)
    place_basis: str | None
    actors: tuple[EventActor, ...]
    figures: tuple[EventFigure, ...]
    toll: tuple[int, int, int] | None  # fatalities low, best, high


@dataclass(frozen=True)
class FigureRecord(Sourced):
    KIND: ClassVar[str] = "figure"

    value: int
    text: str
    qualifier: str
    low: int | None
    high: int | None
    category: str
    counted: str
    part_of: int | None  # the figure this one is a part of ("10 children" of "84 dead")
    adds_to: int | None  # the first part of a count told in parts ("and five militants")
    official: int  # 1 when its sentence names an official source (claims prefer those)


@dataclass(frozen=True)
class ActorRecord(Record):
    KIND: ClassVar[str] = "actor"

    name: str
    kind: str
    country: str | None
    created_at: str
    merged_into: int | None
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]  # the first few (an actor may have tens of thousands)
    mention_count: int
    events: tuple[ActorEvent, ...]  # the first few, likewise
    event_count: int


AnyRecord = EventRecord | FigureRecord | ActorRecord
