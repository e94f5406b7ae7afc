"""The local SQLite store: the only place that speaks SQL.

One ``Store`` wraps one SQLite file and is made of parts, each owning one job over the one
shared ``Connection`` (as sqlite-utils' ``Database`` hands out ``Table``s):

- ``documents``: articles and their ingest; ``records``: what the panes and detail read;
- ``history``: the edit log (undo, redo, a record's history); ``edits``: a person's changes,
  each one logged step; ``crises`` and ``claims``: stories and their figures;
- ``index``: the search; ``actors``: which stored actor a name denotes;
- ``reextraction``: a new extractor run over a stored document, keeping human edits.

Writes are short transactions (one per document, one per edit), the journal is WAL with a
busy timeout so an ingest and the TUI can share a store, and every human change goes through
``edits`` so it lands in the log, can be undone and redone, and is never overwritten by the
machine.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import sqlite_utils

from .claims import Claims
from .connect import Connection
from .crises import Crises
from .documents import Added, Documents
from .edits import Edits
from .history import History
from .indexing import RecordIndex
from .matching import ActorMatcher
from .reading import Records
from .reextract import Reextraction
from .search import Hit
from .writer import ExtractionWriter


def default_path() -> Path:
    """``$TRACKER_DB``, else ``$XDG_DATA_HOME/tracker/tracker.db`` (``~/.local/share``)."""
    if os.environ.get("TRACKER_DB"):
        return Path(os.environ["TRACKER_DB"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tracker" / "tracker.db"


class Store:
    """A tracker store in one SQLite file. Safe to share between threads (one lock)."""

    def __init__(self, path: str | os.PathLike[str], read_only: bool = False) -> None:
        self.connection = connection = Connection(Path(path), read_only)
        self.index = RecordIndex(connection)
        self.actors = ActorMatcher(connection)
        self.history = History(connection, self.index)
        self.records = Records(connection, self.history)
        self.edits = Edits(connection, self.history, self.actors)
        self.crises = Crises(connection, self.history)
        self.claims = Claims(connection, self.history)
        writer = ExtractionWriter(connection, self.actors, self.index)
        self.documents = Documents(connection, writer, self.crises)
        self.reextraction = Reextraction(connection, self.history, writer, self.index,
                                         self.documents)
        if not connection.read_only:
            self._assign_missing_crises()

    def _assign_missing_crises(self) -> None:
        """Documents stored before crises existed (an upgraded store) get one now."""
        for (document_id,) in self.conn.execute(
            "SELECT id FROM documents WHERE crisis_id IS NULL ORDER BY id"
        ).fetchall():
            self.crises.assign(document_id)

    # -- the connection, for the store's own modules (exports, imports) and the tests -----
    @property
    def path(self) -> Path:
        return self.connection.path

    @property
    def conn(self) -> sqlite3.Connection:
        return self.connection.conn

    @property
    def db(self) -> sqlite_utils.Database:
        return self.connection.db

    @property
    def lock(self) -> threading.RLock:
        return self.connection.lock

    @property
    def read_only(self) -> bool:
        return self.connection.read_only

    @property
    def why_read_only(self) -> str:
        return self.connection.why_read_only

    @property
    def backup(self) -> Path | None:
        return self.connection.backup

    def writable(self) -> None:
        """Raise ReadOnlyStore when this store was opened read-only."""
        self.connection.writable()

    def changed_elsewhere(self) -> bool:
        """Whether another process committed to the store since the last call."""
        return self.connection.changed_elsewhere()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Added", "Hit", "Store", "default_path"]
