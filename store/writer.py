"""Writing what the extractor found into the tables: actors (matched to stored ones), their
mentions, figures and events, each with its provenance, each put in the search index. Used
by the ingest and by re-extraction alike."""

from __future__ import annotations

from typing import Any

from extract import aliases as alias_rules
from extract import locations
from extract.model import DateRef, Event, Extraction, Figure, Span

from . import sources
from .connect import Connection
from .history import now
from .indexing import RecordIndex
from .matching import ActorMatcher


def national(name: str, kind: str, country: str | None,
             document_country: str | None) -> tuple[str, str | None]:
    """An actor's stored name and country: a generic force ("police", "troops") with no
    country of its own is the force of the document's country, named for it ("French
    police"), so the police of one report never absorb the police of another."""
    if kind not in alias_rules.NATIONAL_KINDS or not alias_rules.is_generic(name):
        return name, country
    country = country or document_country
    demonym = locations.demonym_of(country) if country else None
    return (f"{demonym} {name.lower()}" if demonym else name), country


def provenance(document_id: int, text: str, span: Span) -> dict[str, Any]:
    """Where a record comes from: its document, its offsets and its sentence."""
    return {
        "document_id": document_id,
        "start": span.start,
        "end": span.end,
        "sent_start": span.sent_start,
        "sent_end": span.sent_end,
        "sentence": text[span.sent_start : span.sent_end],
    }


def figure_links(figure: Figure, ids: list[int]) -> tuple[int | None, int | None]:
    """A figure's ``part_of`` and ``adds_to`` as stored ids: ``ids`` holds the stored id of
    each figure of the extraction written so far (a link points at an earlier figure)."""
    def stored(i: int | None) -> int | None:
        return ids[i] if i is not None and i < len(ids) else None

    return stored(figure.part_of), stored(figure.adds_to)


def date_columns(date: DateRef | None) -> dict[str, Any]:
    if date is None:
        return {"date_start": None, "date_end": None, "date_precision": None, "date_text": None}
    return {
        "date_start": date.start,
        "date_end": date.end,
        "date_precision": date.precision,
        "date_text": date.text,
    }


class ExtractionWriter:
    """Inserts an extraction's records (inside the caller's transaction)."""

    def __init__(self, connection: Connection, actors: ActorMatcher,
                 index: RecordIndex) -> None:
        self.connection = connection
        self.matcher = actors
        self.index = index

    def actors(self, document_id: int, text: str, extraction: Extraction,
               document_country: str | None = None) -> tuple[list[int], int]:
        """The stored actor of each extracted one (matched, else new) and how many are new;
        their aliases and this document's mentions of them are stored too."""
        ids: list[int] = []
        created = 0
        for actor in extraction.actors:
            name, country = national(actor.name, actor.kind, actor.country, document_country)
            aliases = [a for a in actor.aliases if not alias_rules.is_generic(a)]
            national_kind = actor.kind in alias_rules.NATIONAL_KINDS
            actor_id = self.matcher.find(name, aliases, country if national_kind else None)
            if actor_id is None:
                actor_id = self.connection.insert("actors", {
                    "name": name,
                    "kind": actor.kind,
                    "country": country,
                    "created_at": now(),
                })
                created += 1
            for alias in dict.fromkeys([name, *aliases]):
                self.matcher.add_alias(actor_id, alias)
            self.connection.table("mentions").insert_all(
                {"actor_id": actor_id, **provenance(document_id, text, m.span)}
                for m in actor.mentions
            )
            self.index.actor(actor_id)
            ids.append(actor_id)
        return ids, created

    def figures(self, document_id: int, text: str, extraction: Extraction) -> list[int]:
        ids: list[int] = []
        for figure in extraction.figures:
            part_of, adds_to = figure_links(figure, ids)
            where = provenance(document_id, text, figure.span)
            figure_id = self.connection.insert("figures", {
                **where,
                "official": sources.official(where["sentence"]),
                "value": figure.value,
                "text": figure.text,
                "qualifier": figure.qualifier,
                "low": figure.low,
                "high": figure.high,
                "category": figure.category,
                "counted": figure.counted,
                "location": figure.location,
                **date_columns(figure.date),
                "part_of": part_of,
                "adds_to": adds_to,
            })
            ids.append(figure_id)
            self.index.figure(figure_id)
        return ids

    def event(self, document_id: int, text: str, event: Event, actor_ids: list[int],
              figure_ids: list[int]) -> int:
        event_id = self.connection.insert("events", {
            **provenance(document_id, text, event.span),
            "type": event.type,
            "sub_type": event.sub_type,
            "summary": event.summary,
            "trigger": event.trigger,
            "location": event.location,
            "country": event.country,
            "place_basis": event.place_basis,
            **date_columns(event.date),
        })
        self.link_actors(event_id, event, actor_ids)
        self.connection.conn.executemany(
            "INSERT OR IGNORE INTO event_figures (event_id, figure_id) VALUES (?, ?)",
            [(event_id, figure_ids[i]) for i in event.figures if i < len(figure_ids)],
        )
        self.index.event(event_id)
        return event_id

    def link_actors(self, event_id: int, event: Event, actor_ids: list[int]) -> None:
        """The event's participants, each the stored actor of its extracted one."""
        self.connection.conn.executemany(
            "INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)",
            [(event_id, actor_ids[p.actor], p.role) for p in event.participants
             if p.actor < len(actor_ids)],
        )
