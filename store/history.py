"""The edit log: every human change, grouped in undoable steps.

Each change is one row of ``edits`` (kind, record, field, old, new, when). A step a person
takes (saving a form, a merge, a split, adding a record) is one *batch* of such rows, so undo
and redo walk whole steps, in the store, across sessions. Besides the three record kinds the
log covers the link tables (``alias``, ``mention``, ``event_actor``), which is what makes a
merge or a split undoable; a field named ``*`` stands for the whole row (created or deleted).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .connect import Connection
from .indexing import RecordIndex
from .records import TABLES

# Tables the log may change, by the kind name used in ``edits.kind``.
LINKS = {"alias": "aliases", "mention": "mentions", "event_actor": "event_actors"}
LOGGED = {**TABLES, **LINKS, "crisis": "crises", "document": "documents",
          "claim_choice": "claim_choices"}
WHOLE_ROW = "*"
KIND_OF_TABLE = {table: kind for kind, table in LOGGED.items()}


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Edit:
    id: int
    kind: str
    record_id: int
    field: str
    old: object
    new: object
    at: str
    undone: int  # 0 in force, 1 undone (redoable), 2 undone and superseded by a newer edit
    batch: int = 0
    action: str = "edit"


@dataclass(frozen=True)
class Step:
    """One undone or redone step: what it was and the edits it reverted or re-applied."""

    action: str
    edits: list[Edit]

    @property
    def _main(self) -> Edit:
        """The edit that names the step's record: a field of an event, actor or figure
        (a form's step may also hold link rows and an actor it created)."""
        return next((e for e in self.edits if e.kind in TABLES and e.field != WHOLE_ROW),
                    self.edits[0])

    @property
    def kind(self) -> str:
        return self._main.kind

    @property
    def record_id(self) -> int:
        return self._main.record_id

    @property
    def fields_only(self) -> bool:
        """Only fields of pane records changed (no row made or removed, no link)."""
        return all(e.kind in TABLES and e.field != WHOLE_ROW for e in self.edits)

    def describe(self) -> str:
        first = self._main
        if self.action == "edit":
            fields = ", ".join(dict.fromkeys(
                e.field if e.field != WHOLE_ROW else e.kind.replace("_", " ")
                for e in self.edits))
            return f"{fields} of {first.kind} #{first.record_id}"
        return f"{self.action} ({len(self.edits)} changes)"


class History:
    """The edit log of a store: changes made through it are logged, grouped in steps, and
    undone and redone a step at a time; the parts that change records by hand use it."""

    def __init__(self, connection: Connection, index: RecordIndex) -> None:
        self.connection = connection
        self.index = index
        self._batch: int | None = None
        self._batch_action = "edit"
        self._touched: set[tuple[str, int]] = set()

    # -- recording -----------------------------------------------------------------------
    @contextlib.contextmanager
    def step(self, action: str = "edit") -> Iterator[None]:
        """Group the changes made inside into one undoable step, in one transaction."""
        self.connection.writable()
        with self.connection.writing():
            if self._batch is not None:  # nested: part of the enclosing step
                yield
                return
            row = self.connection.execute(
                "SELECT coalesce(max(batch), 0) + 1 FROM edits").fetchone()
            self._batch, self._batch_action, self._touched = row[0], action, set()
            # A new step ends the redo chain, as in every editor.
            self.connection.execute("UPDATE edits SET undone = 2 WHERE undone = 1")
            try:
                yield
                self._reindex_touched()
            finally:
                self._batch = None

    def change(self, kind: str, record_id: int, field: str, new: object) -> Edit | None:
        """Write one already-checked value and log it (inside ``step``)."""
        assert self._batch is not None, "change() runs inside history.step()"
        old = self.read(kind, record_id, field)
        if old == new:
            return None
        self._touch(kind, record_id)
        self._write(kind, record_id, field, new)
        self._touch(kind, record_id)
        at = now()
        cursor = self.connection.execute(
            "INSERT INTO edits (kind, record_id, field, old, new, at, undone, batch, action) "
            "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
            (kind, record_id, field, json.dumps(old), json.dumps(new), at, self._batch,
             self._batch_action),
        )
        assert cursor.lastrowid is not None
        return Edit(cursor.lastrowid, kind, record_id, field, old, new, at, 0, self._batch,
                    self._batch_action)

    # -- raw access ------------------------------------------------------------------------
    def read(self, kind: str, record_id: int, field: str) -> Any:
        table = LOGGED[kind]
        if field == WHOLE_ROW:
            cursor = self.connection.execute(
                f"SELECT rowid AS rowid_, * FROM {table} WHERE rowid = ?", (record_id,))
            row = cursor.fetchone()
            if row is None:
                return None
            names = [d[0] for d in cursor.description]
            return {n: v for n, v in zip(names, row, strict=True) if n not in ("rowid_", "id")}
        row = self.connection.execute(
            f'SELECT "{field}" FROM {table} WHERE rowid = ?', (record_id,)
        ).fetchone()
        return None if row is None else row[0]

    def _write(self, kind: str, record_id: int, field: str, value) -> None:
        table = LOGGED[kind]
        if field != WHOLE_ROW:
            self.connection.execute(
                f'UPDATE {table} SET "{field}" = ? WHERE rowid = ?', (value, record_id)
            )
        elif value is None:
            if kind in TABLES:
                self.index.remove(kind, record_id)
            self.connection.execute(f"DELETE FROM {table} WHERE rowid = ?", (record_id,))
        else:
            columns = ", ".join(f'"{c}"' for c in value)
            marks = ", ".join("?" for _ in value)
            self.connection.execute(
                f"INSERT INTO {table} (rowid, {columns}) VALUES (?, {marks})",
                (record_id, *value.values()),
            )

    def _touch(self, kind: str, record_id: int) -> None:
        """Note whose search entries a change affects: the record, or what a link links."""
        if kind in TABLES:
            self._touched.add((kind, record_id))
            return
        if kind not in LINKS:
            return  # crises, documents, claim choices: not in the search index
        row = self.read(kind, record_id, WHOLE_ROW)
        if row:
            self._touched.add(("actor", row["actor_id"]))
            if row.get("event_id"):
                self._touched.add(("event", row["event_id"]))

    def _reindex_touched(self) -> None:
        for kind, record_id in sorted(self._touched):
            if self.read(kind, record_id, "id") is not None:
                self.index.refresh(kind, record_id)

    # -- undo / redo -----------------------------------------------------------------------
    def _edit(self, row: dict) -> Edit:
        return Edit(
            row["id"], row["kind"], row["record_id"], row["field"],
            json.loads(row["old"]), json.loads(row["new"]), row["at"], row["undone"],
            row["batch"], row["action"],
        )

    def _replay(self, state: int, pick: str, order: str, value: str, after: int) -> Step | None:
        self.connection.writable()
        with self.connection.writing():
            batch = self.connection.execute(
                f"SELECT {pick}(batch) FROM edits WHERE undone = ?", (state,)
            ).fetchone()[0]
            if batch is None:
                return None
            edits = [self._edit(r) for r in self.connection.db.query(
                f"SELECT * FROM edits WHERE batch = ? ORDER BY id {order}", (batch,)
            )]
            self._touched = set()
            for edit in edits:
                target = edit.old if value == "old" else edit.new
                self._touch(edit.kind, edit.record_id)
                self._write(edit.kind, edit.record_id, edit.field, target)
                self._touch(edit.kind, edit.record_id)
            self.connection.execute("UPDATE edits SET undone = ? WHERE batch = ?", (after, batch))
            self._reindex_touched()
            return Step(edits[0].action, edits)

    def undo(self) -> Step | None:
        """Revert the latest step still in force (the log is in the store: works after a
        relaunch)."""
        return self._replay(0, "max", "DESC", "old", 1)

    def redo(self) -> Step | None:
        """Re-apply the step undone most recently, if no new step came since."""
        return self._replay(1, "min", "ASC", "new", 0)

    def of(self, kind: str, record_id: int) -> list[Edit]:
        """Every change made by hand to one record, oldest first (undone ones marked)."""
        with self.connection.lock:
            return [
                self._edit(row)
                for row in self.connection.db.query(
                    "SELECT * FROM edits WHERE kind = ? AND record_id = ? ORDER BY id",
                    (kind, record_id),
                )
            ]

    def place_assumed(self, event: dict) -> bool:
        """Whether an event's place is the seat the extractor assumed for its doer (a state's
        capital or country where the text names none) and no person has set it since."""
        return event.get("place_basis") == "seat" and "location" not in self.human_fields(
            "event", event["id"])

    def human_fields(self, kind: str, record_id: int) -> set[str]:
        """Fields of a record a person has set (and not undone): re-extraction keeps them."""
        return {
            r[0] for r in self.connection.execute(
                "SELECT DISTINCT field FROM edits WHERE kind = ? AND record_id = ? "
                "AND undone = 0", (kind, record_id),
            )
        }

    def next_id(self, table: str) -> int:
        """An id never used in ``table`` (nor by a deleted row an undo may bring back)."""
        used = self.connection.execute(
            f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
        logged = self.connection.execute(
            "SELECT coalesce(max(record_id), 0) FROM edits WHERE field = ? AND kind = ?",
            (WHOLE_ROW, KIND_OF_TABLE[table]),
        ).fetchone()[0]
        return max(used, logged) + 1
