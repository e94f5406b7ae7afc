"""Build (and cache) stores of N records through the store's own write path.

``Store.documents.add`` receives each synthetic document with its ``Extraction``; a record is an
event, a figure or a new actor. Stores are cached under ``bench/.cache`` by size, and a larger
store starts from a copy of the largest smaller one (the documents are deterministic), so
10k -> 100k -> 1M builds each document once.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from store import Store
from store.schema import SCHEMA_VERSION

from .synth import CACHE, Generator, _data_key

GENERATOR_VERSION = 1
SENTENCES = 40  # per synthetic document: ~60 records written in one transaction


def store_key() -> str:
    # Not the schema version: a cached store made by an older schema is upgraded on open.
    return f"v{GENERATOR_VERSION}-{_data_key()}"


def upgrade(path: Path) -> None:
    """Bring a cached store to the current schema (``Store`` migrates on open) and drop the
    backup copy the upgrade leaves beside it."""
    version = sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0]
    if version < SCHEMA_VERSION:
        Store(path).close()
        for backup in path.parent.glob(f"{path.name}.v*.bak"):
            backup.unlink()


def cached_path(size: int, stories: int = 1) -> Path:
    """One story: the name stores had before stories existed, so they stay cached."""
    story = f"s{stories}-" if stories > 1 else ""
    return CACHE / f"store-{store_key()}-{story}{size}.db"


def _meta_path(db: Path) -> Path:
    return db.with_suffix(".json")


def _copy(source: Path, target: Path) -> None:
    """Copy a store consistently (it is closed, but use the backup API anyway)."""
    target.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()


def _counts(db: Path) -> dict:
    """What a store holds, as a build counts it (a record: an event, a figure, an actor)."""
    with Store(db) as store:
        counts = {name: store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for name, table in (("documents", "documents"), ("events", "events"),
                                      ("figures", "figures"), ("actors", "actors"))}
    counts["records"] = counts["events"] + counts["figures"] + counts["actors"]
    return counts


def build(size: int, log: Callable[[str], None] = print, rebuild: bool = False,
          stories: int = 1) -> dict:
    """A store of at least ``size`` records; returns its meta (path, records, build rate).
    ``stories``: how many stories its documents tell (see ``synth.Generator``)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    target = cached_path(size, stories)
    meta_file = _meta_path(target)
    if target.exists() and meta_file.exists() and not rebuild:
        upgrade(target)
        return {**json.loads(meta_file.read_text()), "path": str(target)}
    tmp = target.with_suffix(".building")
    start = _starting_point(size, tmp, log, rebuild, stories)
    counts = {k: start[k] for k in ("documents", "records", "events", "figures", "actors")}
    t0 = time.perf_counter()
    _fill(tmp, size, counts, start["records"], log, stories)
    seconds = time.perf_counter() - t0
    built = counts["records"] - start["records"]
    tmp.replace(target)
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    meta = {
        **counts,
        "path": str(target),
        "size": size,
        "stories": stories,
        "crises": _crises(target),
        "seconds": start["seconds"] + seconds,
        "build_records_per_s": round(built / seconds, 1) if seconds else None,
        "bytes": target.stat().st_size,
    }
    meta_file.write_text(json.dumps(meta, indent=1))
    log(f"  built {size:,}: {meta['records']:,} records ({counts['events']:,} events, "
        f"{counts['figures']:,} figures, {counts['actors']:,} actors) in "
        f"{seconds:,.0f} s, {meta['build_records_per_s']:,} records/s")
    return meta


def _starting_point(size: int, tmp: Path, log: Callable[[str], None], rebuild: bool,
                    stories: int = 1) -> dict:
    """Where the build starts: an interrupted build of this size (the documents are
    deterministic), else a copy of the biggest smaller cached store, else nothing."""
    start = {"documents": 0, "records": 0, "events": 0, "figures": 0, "actors": 0,
             "seconds": 0.0}
    smaller = sorted(
        (n, p) for n, p in ((int(p.stem.rsplit("-", 1)[1]), p) for p in (
            cached_path(n, stories) for n in _cached_sizes(stories)))
        if n < size and _meta_path(p).exists()
    )
    if tmp.exists() and not rebuild:
        start = {**start, **_counts(tmp)}
        log(f"  resuming the build of {size:,} records at {start['records']:,}")
        return start
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    if smaller and not rebuild:
        base = smaller[-1][1]
        start = json.loads(_meta_path(base).read_text())
        log(f"  building {size:,} records from the cached {start['records']:,}-record "
            "store")
        upgrade(base)
        _copy(base, tmp)
    else:
        log(f"  building {size:,} records from scratch")
    return start


def _cached_sizes(stories: int) -> list[int]:
    """The sizes of the cached stores of ``stories`` stories."""
    prefix = cached_path(0, stories).name[:-len("0.db")]
    return [int(rest) for p in CACHE.glob(f"{prefix}*.db")
            if (rest := p.name[len(prefix):-len(".db")]).isdigit()]


def _crises(db: Path) -> int:
    with Store(db) as store:
        return store.conn.execute(
            "SELECT count(*) FROM crises WHERE status = 'active'").fetchone()[0]


def _fill(tmp: Path, size: int, counts: dict, first: int, log: Callable[[str], None],
          stories: int = 1) -> None:
    """Add synthetic documents to the store at ``tmp`` until it holds ``size`` records,
    counting into ``counts``; a line of progress every 30 s."""
    gen = Generator(stories=stories)
    t0 = last = time.perf_counter()
    with Store(tmp) as store:
        store.conn.execute("PRAGMA synchronous = OFF")  # a throwaway build; the store's
        # own WAL/NORMAL durability is not what is measured here
        while counts["records"] < size:
            text, extraction, title = gen.document(counts["documents"], SENTENCES)
            added = store.documents.add(text, extraction, title=title, source="bench",
                                       extractor_version="bench")
            counts["documents"] += 1
            counts["events"] += added.events
            counts["figures"] += added.figures
            counts["actors"] += added.actors
            counts["records"] += added.events + added.figures + added.actors
            now = time.perf_counter()
            if now - last > 30:
                last = now
                done = counts["records"] - first
                log(f"    {counts['records']:,} records, {done / (now - t0):,.0f} records/s")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("PRAGMA optimize")
