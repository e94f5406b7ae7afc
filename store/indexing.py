"""What the search index holds of each record: a label and a body of words, kept in step
with the tables by whoever writes them (the ingest, an edit, an undo, a re-extraction)."""

from __future__ import annotations

import json
from collections.abc import Callable

from .connect import Connection
from .search import Hit, SearchIndex


def phrase_first(query: str, hits: list[Hit]) -> list[Hit]:
    """Hits whose label holds the query as typed (a phrase, any case) before the others,
    each group in the engine's order: "Taleban fighters" finds that phrase before a label
    with both words apart."""
    phrase = " ".join(query.casefold().split())
    if " " not in phrase:
        return hits
    return sorted(hits, key=lambda hit: phrase not in " ".join(hit.label.casefold().split()))


class RecordIndex:
    """The store's search: each record's entry in the index, and the search itself."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.engine = SearchIndex(connection.conn)

    def search(self, query: str, limit: int = 20, kinds: tuple[str, ...] | None = None,
               should_stop: Callable[[], bool] | None = None) -> list[Hit]:
        """The search engine of the TUI and ``tracker search``; ``should_stop`` (polled) ends
        a search a newer keystroke made useless, raising ``SearchCancelled``."""
        with self.connection.lock:
            hits = self.engine.search(query, limit, kinds, should_stop=should_stop)
        return phrase_first(query, hits)

    def remove(self, kind: str, record_id: int) -> None:
        self.engine.remove(kind, record_id)

    def refresh(self, kind: str, record_id: int) -> None:
        """Index a record as it is now (a merged actor leaves the index)."""
        if kind == "actor":
            status = self.connection.execute(
                "SELECT status FROM actors WHERE id = ?", (record_id,)).fetchone()
            if status is not None and status[0] == "merged":
                self.engine.remove(kind, record_id)
                return
        {"event": self.event, "actor": self.actor, "figure": self.figure}[kind](record_id)

    def actor(self, actor_id: int) -> None:
        actor = self.connection.table("actors").get(actor_id)
        names = [r[0] for r in self.connection.execute(
            "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY id", (actor_id,)
        )]
        body = " ".join([*names, actor["kind"], actor["note"], *json.loads(actor["tags"])])
        self.engine.put("actor", actor_id, actor["name"], body)

    def figure(self, figure_id: int) -> None:
        f = self.connection.table("figures").get(figure_id)
        label = f"{f['text']} {f['counted']}".strip()
        body = " ".join(
            str(part)
            for part in (
                f["value"], f["category"], f["location"] or "", f["sentence"], f["note"],
                *json.loads(f["tags"]),
            )
        )
        self.engine.put("figure", figure_id, label, body)

    def event(self, event_id: int) -> None:
        e = self.connection.table("events").get(event_id)
        actors = [r[0] for r in self.connection.execute(
            "SELECT r.name FROM event_actors ea JOIN actors r ON r.id = ea.actor_id "
            "WHERE ea.event_id = ?", (event_id,)
        )]
        body = " ".join(
            [e["type"].replace("_", " "), e["trigger"], e["location"] or "", *actors,
             e["sentence"], e["note"], *json.loads(e["tags"])]
        )
        self.engine.put("event", event_id, e["summary"], body)
