"""Re-running the extractor over stored documents without losing a human decision.

A record's identity across runs is its document and span. For each document:

- a machine record the new run finds again gets the new machine values, except in the fields
  a person has set (the edit log says which), and keeps its note, status and tags;
- a machine record the new run no longer finds is removed, unless a person touched it
  (any edit, a note, tags or a review status), in which case it stays;
- records a person added, merges and splits are never undone: mentions are re-attached
  through the aliases, which a merge or split has already moved.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from extract.model import Extraction, Figure

from .connect import Connection
from .documents import Documents
from .history import History
from .indexing import RecordIndex
from .records import ANNOTATION_FIELDS
from .writer import ExtractionWriter, date_columns, figure_links

MACHINE_FIELDS = {
    "figure": ("value", "text", "qualifier", "low", "high", "category", "counted", "location",
               "date_start", "date_end", "date_precision", "date_text"),
    "event": ("type", "sub_type", "summary", "trigger", "location", "country", "place_basis",
              "date_start", "date_end", "date_precision", "date_text"),
}


class Reextraction:
    """Applies a new extraction to a stored document (``tracker reextract``)."""

    def __init__(self, connection: Connection, history: History, writer: ExtractionWriter,
                 index: RecordIndex, documents: Documents) -> None:
        self.connection = connection
        self.history = history
        self.writer = writer
        self.index = index
        self.documents = documents

    def _touched_by_person(self, kind: str, row: dict[str, Any]) -> bool:
        return bool(
            row.get("origin") == "human"
            or row.get("note")
            or json.loads(row.get("tags") or "[]")
            or row.get("status") != "unreviewed"
            or self.history.human_fields(kind, row["id"])
        )

    def apply(
        self, document_id: int, extraction: Extraction, extractor_version: str = ""
    ) -> dict[str, int]:
        """Apply a new extraction of a stored document; return counts of what changed."""
        counts = {"updated": 0, "added": 0, "removed": 0, "kept": 0}
        self.connection.writable()
        with self.connection.writing():
            document = self.documents.get(document_id)
            text = document.text
            # Actors: mentions of this document are re-derived (through aliases).
            self.connection.execute("DELETE FROM mentions WHERE document_id = ?", (document_id,))
            actor_ids, _created = self.writer.actors(document_id, text, extraction,
                                                     document.country)
            figure_ids = self._merge_figures(document_id, text, extraction, counts)
            self._merge_events(document_id, text, extraction, actor_ids, figure_ids, counts)
            self.connection.table("documents").update(
                document_id, {"extractor_version": extractor_version}
            )
            self._drop_orphan_actors()
        return counts

    def _existing(self, kind: str, document_id: int) -> dict[tuple[int, int], dict[str, Any]]:
        return {
            (row["start"], row["end"]): row
            for row in self.connection.db.query(
                f"SELECT * FROM {kind}s WHERE document_id = ?", (document_id,)
            )
        }

    def _update_machine_fields(self, kind: str, row: dict[str, Any],
                               values: dict[str, Any]) -> None:
        kept = self.history.human_fields(kind, row["id"]) | set(ANNOTATION_FIELDS)
        fresh = {f: values[f] for f in MACHINE_FIELDS[kind] if f not in kept}
        if fresh:
            self.connection.table(f"{kind}s").update(row["id"], fresh)

    def _merge_figures(self, document_id: int, text: str, extraction: Extraction,
                       counts: dict[str, int]) -> list[int]:
        kind = "figure"
        existing = self._existing(kind, document_id)
        ids: list[int] = []
        seen: set[tuple[int, int]] = set()
        for figure in extraction.figures:
            key = (figure.span.start, figure.span.end)
            row = existing.get(key)
            if row is None:
                ids.extend(self.writer.figures(document_id, text, _only(extraction, figure)))
                counts["added"] += 1
                continue
            seen.add(key)
            self._update_machine_fields(kind, row, {
                "value": figure.value, "text": figure.text, "qualifier": figure.qualifier,
                "low": figure.low, "high": figure.high, "category": figure.category,
                "counted": figure.counted, "location": figure.location,
                **date_columns(figure.date),
            })
            self.index.figure(row["id"])
            ids.append(row["id"])
            counts["updated"] += 1
        self._link_figures(extraction, ids)
        self._retire(kind, existing, seen, counts)
        return ids

    def _link_figures(self, extraction: Extraction, ids: list[int]) -> None:
        """The new run's links between its figures (a part of a total, a part of a count
        told in parts), by stored id: machine structure no person edits."""
        for figure, figure_id in zip(extraction.figures, ids, strict=True):
            part_of, adds_to = figure_links(figure, ids)
            self.connection.execute(
                "UPDATE figures SET part_of = ?, adds_to = ? WHERE id = ? "
                "AND (part_of IS NOT ? OR adds_to IS NOT ?)",
                (part_of, adds_to, figure_id, part_of, adds_to))

    def _merge_events(self, document_id: int, text: str, extraction: Extraction,
                      actor_ids: list[int], figure_ids: list[int],
                      counts: dict[str, int]) -> None:
        existing = self._existing("event", document_id)
        seen: set[tuple[int, int]] = set()
        for event in extraction.events:
            key = (event.span.start, event.span.end)
            row = existing.get(key)
            if row is None:
                self.writer.event(document_id, text, event, actor_ids, figure_ids)
                counts["added"] += 1
                continue
            seen.add(key)
            self._update_machine_fields("event", row, {
                "type": event.type, "sub_type": event.sub_type, "summary": event.summary,
                "trigger": event.trigger, "location": event.location, "country": event.country,
                "place_basis": event.place_basis, **date_columns(event.date),
            })
            if not self._touched_by_person("event", row):
                self.connection.execute("DELETE FROM event_actors WHERE event_id = ?", (row["id"],))
                self.writer.link_actors(row["id"], event, actor_ids)
            self.index.event(row["id"])
            counts["updated"] += 1
        self._retire("event", existing, seen, counts)

    def _retire(self, kind: str, existing: dict[tuple[int, int], dict[str, Any]],
                seen: set[tuple[int, int]], counts: dict[str, int]) -> None:
        for key, row in existing.items():
            if key in seen:
                continue
            if self._touched_by_person(kind, row):
                counts["kept"] += 1
                continue
            self.index.remove(kind, row["id"])
            execute, gone = self.connection.execute, (row["id"],)
            if kind == "event":
                execute("DELETE FROM event_actors WHERE event_id = ?", gone)
                execute("DELETE FROM event_figures WHERE event_id = ?", gone)
            else:
                execute("DELETE FROM event_figures WHERE figure_id = ?", gone)
                execute("UPDATE figures SET part_of = NULL WHERE part_of = ?", gone)
                execute("UPDATE figures SET adds_to = NULL WHERE adds_to = ?", gone)
            execute(f"DELETE FROM {kind}s WHERE id = ?", gone)
            counts["removed"] += 1

    def _drop_orphan_actors(self) -> None:
        """Machine actors left with no mention and no link, that no person touched."""
        for row in list(self.connection.db.query(
            "SELECT * FROM actors r WHERE status = 'unreviewed' AND note = '' AND tags = '[]' "
            "AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.actor_id = r.id) "
            "AND NOT EXISTS (SELECT 1 FROM event_actors e WHERE e.actor_id = r.id)"
        )):
            if self.history.human_fields("actor", row["id"]):
                continue
            self.index.remove("actor", row["id"])
            self.connection.execute("DELETE FROM aliases WHERE actor_id = ?", (row["id"],))
            self.connection.execute("DELETE FROM actors WHERE id = ?", (row["id"],))


def _only(extraction: Extraction, figure: Figure) -> Extraction:
    """An extraction holding one figure (to reuse the figure writer)."""
    alone = dataclasses.replace(figure, part_of=None, adds_to=None)  # linked after, by id
    return Extraction(figures=[alone], published=extraction.published)
