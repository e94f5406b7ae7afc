"""Reading records for the panes and the detail view (the SQL of a pane's order and filters
is in ``views``)."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from . import views
from .connect import Connection
from .details import (
    ActorEvent,
    ActorRecord,
    AnyRecord,
    EventActor,
    EventFigure,
    EventRecord,
    FigureRecord,
    Mention,
)
from .history import History
from .records import TABLES
from .tolls import event_toll
from .views import ALL_BUT_REJECTED, View

LINKS_SHOWN = 50  # an actor's mentions and events that ``get`` reads (with their counts)


class Records:
    """Events, actors and figures as the TUI and the exports read them."""

    def __init__(self, connection: Connection, history: History) -> None:
        self.connection = connection
        self.history = history

    def count(self, kind: str, view: View = ALL_BUT_REJECTED) -> int:
        with self.connection.lock:
            return views.count(self.connection.conn, kind, view)

    def page(
        self, kind: str, offset: int = 0, limit: int = 200, view: View = ALL_BUT_REJECTED
    ) -> list[dict[str, Any]]:
        """One page of a pane's rows, in the pane's order."""
        with self.connection.lock:
            return views.page(self.connection.conn, kind, view, offset, limit)

    def page_row(self, kind: str, record_id: int) -> dict[str, Any] | None:
        """One record as its pane shows it (to refresh a row after an edit)."""
        with self.connection.lock:
            return views.row(self.connection.conn, kind, record_id)

    def position(self, kind: str, record_id: int, view: View = ALL_BUT_REJECTED) -> int | None:
        """Row number of a record in its pane's order (to jump to a search hit)."""
        with self.connection.lock:
            return views.position(self.connection.conn, kind, view, record_id)

    def get(self, kind: str, record_id: int) -> AnyRecord | None:
        """One record with what the detail view shows: source sentence, links, document."""
        with self.connection.lock:
            try:
                row = dict(self.connection.table(TABLES[kind]).get(record_id))
            except sqlite_utils.db.NotFoundError:
                return None
            row["tags"] = tuple(json.loads(row["tags"]))
            if kind == "actor":
                return self._actor(row)
            row.update(zip(("document_title", "document_source", "published", "duplicate_of"),
                           self.connection.execute(
                               "SELECT title, source, published, duplicate_of FROM documents "
                               "WHERE id = ?", (row["document_id"],)).fetchone(), strict=True))
            if kind == "figure":
                return FigureRecord(**row)
            return self._event(row)

    def _rows(self, sql: str, parameters: tuple[object, ...]) -> list[dict[str, Any]]:
        return list(self.connection.db.query(sql, parameters))

    def _count(self, sql: str, record_id: int) -> int:
        return self.connection.execute(sql, (record_id,)).fetchone()[0]

    def _actor(self, row: dict[str, Any]) -> ActorRecord:
        actor_id = row["id"]
        # An actor of a large store is mentioned tens of thousands of times: the first few
        # mentions and events, and how many there are.
        return ActorRecord(
            **row,
            aliases=tuple(r[0] for r in self.connection.execute(
                "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY id", (actor_id,))),
            mentions=tuple(Mention(**r) for r in self._rows(
                "SELECT m.document_id, m.start, m.\"end\", m.sent_start, m.sentence, "
                "d.title, substr(d.text, m.start + 1, m.\"end\" - m.start) AS span "
                "FROM mentions m JOIN documents d ON d.id = m.document_id "
                "WHERE m.actor_id = ? ORDER BY m.document_id, m.start LIMIT ?",
                (actor_id, LINKS_SHOWN))),
            mention_count=self._count("SELECT count(*) FROM mentions WHERE actor_id = ?",
                                      actor_id),
            events=tuple(ActorEvent(**r) for r in self._rows(
                "SELECT e.id, e.summary, ea.role FROM event_actors ea "
                "JOIN events e ON e.id = ea.event_id WHERE ea.actor_id = ? ORDER BY e.id "
                "LIMIT ?", (actor_id, LINKS_SHOWN))),
            event_count=self._count("SELECT count(*) FROM event_actors WHERE actor_id = ?",
                                    actor_id),
        )

    def _event(self, row: dict[str, Any]) -> EventRecord:
        event_id = row["id"]
        toll = event_toll(self.connection.conn, event_id)
        if not self.history.place_assumed(row):
            row["place_basis"] = None  # none assumed, or a person set it since: theirs
        return EventRecord(
            **row,
            actors=tuple(EventActor(**r) for r in self._rows(
                "SELECT r.id, r.name, r.kind, ea.role FROM event_actors ea "
                "JOIN actors r ON r.id = ea.actor_id WHERE ea.event_id = ? "
                "ORDER BY ea.role, r.name", (event_id,))),
            figures=tuple(EventFigure(**r) for r in self._rows(
                "SELECT f.id, f.value, f.text, f.counted FROM event_figures ef "
                "JOIN figures f ON f.id = ef.figure_id WHERE ef.event_id = ?", (event_id,))),
            toll=(toll.low, toll.best, toll.high) if toll else None,
        )
