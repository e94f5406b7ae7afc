"""Which pages of a file the OS holds in memory, made the same for every engine timed.

A store or index whose pages are in the page cache answers from memory; one whose pages the
kernel reclaimed (an idle hour on a machine with DAMON, a reboot) reads from disk. An index
just built is always in memory, so the bench times each engine both ways: as found (warm for
an index just written, and for a store ``load``-ed) and with its files' pages dropped
(``evict``: ``posix_fadvise DONTNEED``, which needs no root)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def evict(paths: Iterable[Path]) -> None:
    """Drop these files' pages from the page cache (written back first), so that the next
    reads of them come from the disk."""
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue  # a WAL or shm file that is not there
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def load(paths: Iterable[Path], chunk: int = 1 << 20) -> int:
    """Read these files whole, so that their pages are in the page cache, as those of an index
    just written are; how many bytes were read."""
    read = 0
    for path in paths:
        try:
            with open(path, "rb", buffering=0) as file:
                while block := file.read(chunk):
                    read += len(block)
        except OSError:
            continue
    return read


def store_files(db: Path) -> list[Path]:
    """A SQLite store's files: the database, its WAL and shared-memory index."""
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]
