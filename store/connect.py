"""Opening a store file: WAL and a busy timeout from the first connection, read-only when the
file cannot be written, and a backup before any schema upgrade.

A tracker store is days of a person's work, so opening one never guesses: a file that is not
SQLite, or a store from a newer tracker, is refused with one line that says so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from .schema import SCHEMA_VERSION, SchemaTooNew, migrate


class StoreError(RuntimeError):
    """A store that cannot be opened or used; the message is meant for the user."""


class ReadOnlyStore(StoreError):
    """A write was asked of a store opened read-only."""


class DiskFull(StoreError):
    """The disk (or the file size limit) left no room for a write; nothing of it was kept."""


def is_disk_full(error: BaseException, path: Path | None = None) -> bool:
    """Whether SQLite failed for want of space: SQLITE_FULL, or an I/O error (it cannot make
    its shared-memory file, say) while the store's disk has no room left."""
    if not isinstance(error, sqlite3.Error):
        return isinstance(error, OSError) and error.errno == errno.ENOSPC
    code = getattr(error, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or "disk is full" in str(error):
        return True
    if path is None or code is None or code & 0xFF != sqlite3.SQLITE_IOERR:
        return False
    try:
        return shutil.disk_usage(path.parent if str(path.parent) else ".").free < LOW_SPACE
    except OSError:
        return False


LOW_SPACE = 1 << 20  # bytes: below this, an I/O error on the store's disk is a full disk


def disk_full(path: Path) -> DiskFull:
    return DiskFull(f"disk full: {path} could not be written, and nothing of this change was "
                    "kept (the store is as it was); free some space and try again")


@dataclass(frozen=True)
class Opened:
    conn: sqlite3.Connection
    read_only: bool
    backup: Path | None  # the copy made before upgrading the schema, if one was
    why_read_only: str = ""  # when it was asked for writing: "the disk is full", ...


def _writable(path: Path) -> bool:
    """Whether this process may write the store (WAL also needs its folder writable)."""
    folder = path.parent if str(path.parent) else Path(".")
    if path.exists():
        return os.access(path, os.W_OK) and os.access(folder, os.W_OK)
    return os.access(folder, os.W_OK)


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        uri = f"file:{path.absolute()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            # A WAL store in a folder we cannot write: its shared-memory file cannot be made,
            # so read the file as it is on disk (another writer's uncheckpointed pages unseen).
            conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, timeout=30, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the store (consistently, with SQLite's backup API) beside itself."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    with sqlite3.connect(target) as copy:
        conn.backup(copy)
    copy.close()
    return target


def open_store(path: Path, read_only: bool = False) -> Opened:
    """Connect to ``path``, creating or upgrading the schema unless opened read-only. A store
    on a full disk opens read-only (it can still be read, searched and exported), saying so;
    a store that cannot be opened at all raises StoreError."""
    try:
        return _open_store(path, read_only)
    except DiskFull:
        if read_only or not path.exists():
            raise
    opened = _open_store(path, True)
    return Opened(opened.conn, True, None, "the disk is full")


def _open_store(path: Path, read_only: bool) -> Opened:
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a store file")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: folder {path.parent} does not exist")
    if not read_only and not _writable(path):
        if not path.exists():
            raise StoreError(f"{path}: cannot create a store here (folder not writable)")
        read_only = True
    try:
        conn = _connect(path, read_only)
    except sqlite3.Error as error:
        raise StoreError(f"{path}: cannot open ({error})") from None
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"this store has schema version {version}; this tracker knows up to "
                f"{SCHEMA_VERSION}: upgrade tracker to open it"
            )
        if read_only:
            if version < SCHEMA_VERSION:
                raise StoreError(
                    f"{path}: read-only, and its schema (version {version}) needs an upgrade "
                    f"to {SCHEMA_VERSION}: open it once where it can be written"
                )
            conn.execute("SELECT count(*) FROM documents").fetchone()
            return Opened(conn, True, None)
        copy = backup(conn, path, version) if 0 < version < SCHEMA_VERSION else None
        conn.execute("PRAGMA journal_mode = WAL")
        migrate(conn)
        return Opened(conn, False, copy)
    except sqlite3.DatabaseError as error:
        conn.close()
        if is_disk_full(error, path):
            raise DiskFull(f"{path}: disk full: the store cannot be opened for writing "
                           "(it is not damaged); free some space") from None
        raise StoreError(f"{path}: not a tracker store ({error})") from None
    except SchemaTooNew as error:
        conn.close()
        raise StoreError(f"{path}: {error}") from None
    except StoreError:
        conn.close()
        raise


class Connection:
    """The one SQLite connection a store's parts share: its lock, its write transactions and
    whether it may write at all. The parts take it, never the ``Store`` that holds them."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        opened = open_store(path, read_only)
        self.conn = opened.conn
        self.read_only = opened.read_only
        self.why_read_only = opened.why_read_only
        self.backup = opened.backup
        self.db = sqlite_utils.Database(self.conn)
        self.lock = threading.RLock()
        # What a part caches from the tables, dropped when a write is rolled back.
        self.on_rollback: list[Callable[[], None]] = []
        self._data_version = self._read_data_version()

    def execute(self, sql: str, parameters: Sequence[object] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def table(self, name: str) -> sqlite_utils.db.Table:
        return self.db.table(name)

    def insert(self, table: str, row: dict[str, Any]) -> int:
        """Insert one row; its new id."""
        new_id = self.db.table(table).insert(row).last_pk
        assert isinstance(new_id, int)
        return new_id

    def _read_data_version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def changed_elsewhere(self) -> bool:
        """Whether another connection (an ingest running beside the TUI) committed since the
        last call."""
        with self.lock:
            version = self._read_data_version()
            changed, self._data_version = version != self._data_version, version
            return changed

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """One write transaction, taken with ``BEGIN IMMEDIATE``.

        A deferred transaction that reads first and writes later fails at once with "database
        is locked" when another process committed in between (the busy timeout does not
        apply to that case); taking the write lock up front makes it wait its turn instead.
        Nested calls join the outer transaction.
        """
        with self.lock:
            if self.conn.in_transaction:
                yield
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.commit()
            except BaseException as error:
                if self.conn.in_transaction:
                    self.conn.rollback()
                for forget in self.on_rollback:
                    forget()  # a cache may hold rows that were rolled back
                if is_disk_full(error, self.path):
                    raise disk_full(self.path) from error
                raise

    def writable(self) -> None:
        """Raise ReadOnlyStore when this store was opened read-only."""
        if self.read_only:
            if self.why_read_only:
                raise ReadOnlyStore(f"{self.path.name} is open read-only ({self.why_read_only}): "
                                    "nothing can be changed; free some space and open it again")
            raise ReadOnlyStore(f"{self.path.name} is open read-only: nothing can be changed")

    def close(self) -> None:
        with self.lock:
            self.conn.close()
