"""Exports: every record with its annotation and, for events and figures, its provenance.

Records are streamed from SQLite a row at a time, so an export of a large store never holds
the whole store in memory (except ``json``, which is one object by definition).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from .cells import SafeDictWriter
from .history import now
from .store import Store

WHATS = ("documents", "events", "actors", "figures")
FORMATS = ("json", "jsonl", "csv", "acled", "hxl", "brat")

_SQL = {
    "documents": "SELECT id, title, source, url, published, author, place, country, "
    "duplicate_of, overlap, hash, ingested_at, extractor_version, text FROM documents",
    "events": "SELECT id, type, sub_type, summary, trigger, date_start, date_end, "
    "date_precision, date_text, location, country, document_id AS document, start, \"end\", "
    "sentence, origin, note, status, tags FROM events",
    "actors": "SELECT id, name, kind, country, note, status, tags FROM actors "
    "WHERE status != 'merged'",
    "figures": "SELECT id, value, text, qualifier, low, high, category, counted, location, "
    "date_start, date_end, date_precision, date_text, part_of, document_id AS document, start, "
    "\"end\", sentence, origin, note, status, tags FROM figures",
}
# Fields an export adds to a record from other tables (they change as the store grows).
DERIVED = {"events": ("actors", "figures"), "actors": ("aliases", "mentions")}


def records(store: Store, what: str) -> Iterator[dict]:
    """The records of one kind as plain dicts, ready for JSON."""
    for row in store.db.query(_SQL[what] + " ORDER BY id"):
        yield _completed(store, what, row)


def record(store: Store, what: str, record_id: int) -> dict | None:
    """One record as ``records`` gives it, or None (no such record, or a merged actor)."""
    joiner = " AND" if " WHERE " in _SQL[what] else " WHERE"
    rows = list(store.db.query(_SQL[what] + joiner + " id = ?", [record_id]))
    return _completed(store, what, rows[0]) if rows else None


def _completed(store: Store, what: str, row: dict) -> dict:
    conn = store.conn
    if "tags" in row:
        row["tags"] = json.loads(row["tags"])
    if what == "events":
        row["actors"] = [
            {"id": a, "name": n, "role": r}
            for a, n, r in conn.execute(
                "SELECT r.id, r.name, ea.role FROM event_actors ea JOIN actors r "
                "ON r.id = ea.actor_id WHERE ea.event_id = ? ORDER BY ea.role, r.id",
                (row["id"],),
            )
        ]
        row["figures"] = [
            f for (f,) in conn.execute(
                "SELECT figure_id FROM event_figures WHERE event_id = ? ORDER BY figure_id",
                (row["id"],),
            )
        ]
    elif what == "actors":
        row["aliases"] = [
            a for (a,) in conn.execute(
                "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY id", (row["id"],)
            )
        ]
        row["mentions"] = conn.execute(
            "SELECT count(*) FROM mentions WHERE actor_id = ?", (row["id"],)
        ).fetchone()[0]
    return row


def crises(store: Store) -> list[dict]:
    """Every crisis with its documents and claims (each with its reports and the figure
    recommended by the rule, or chosen by a person)."""
    from .claims import RULE

    out = []
    for crisis in store.crises():
        claims = []
        for claim in store.claims(crisis["id"]):
            claims.append({
                "key": claim.key, "category": claim.category, "location": claim.location,
                "low": claim.low, "high": claim.high,
                "recommended": {"figure": claim.recommended.figure_id,
                                "value": claim.recommended.value,
                                "qualifier": claim.recommended.qualifier,
                                "chosen_by": "person" if claim.chosen_by_person else "rule"},
                "reports": [{"figure": r.figure_id, "value": r.value, "qualifier": r.qualifier,
                             "document": r.document_id, "published": r.published,
                             "official": r.official} for r in claim.reports],
            })
        out.append({**crisis, "rule": RULE,
                    "documents": [d["id"] for d in store.crisis_documents(crisis["id"])],
                    "claims": claims})
    return out


def _flat(value):
    if isinstance(value, list):
        return "; ".join(
            item["name"] + (f" ({item['role']})" if item.get("role") else "")
            if isinstance(item, dict) else str(item)
            for item in value
        )
    return value


def export(store: Store, out: TextIO, fmt: str = "json", what: str | None = None) -> int:
    """Write the store (or one kind of record) to ``out``; return how many records."""
    from . import formats

    if fmt == "acled":
        return formats.acled(store, out)
    if fmt == "hxl":
        return formats.hxl(store, out)
    if fmt == "brat":
        raise ValueError("brat writes a .txt and an .ann file per document: add --out FOLDER")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if what is not None and what not in WHATS:
        raise ValueError(f"unknown record kind {what!r}: use one of {', '.join(WHATS)}")
    if fmt == "csv" and what is None:
        raise ValueError("csv holds one kind of record: add --what " + "|".join(WHATS))
    kinds = [what] if what else list(WHATS)
    count = 0
    stamp = now()
    with store.lock:
        if fmt == "json":
            data = {kind: list(records(store, kind)) for kind in kinds}
            if what is None:
                data["crises"] = crises(store)
            json.dump(data, out, ensure_ascii=False, indent=2)
            out.write("\n")
            return sum(len(v) for v in data.values())
        if fmt == "jsonl":
            for kind in kinds:
                for row in records(store, kind):
                    row = {"record": kind.rstrip("s"), "exported_at": stamp, **row}
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    count += 1
            return count
        writer = None
        for row in records(store, kinds[0]):
            if writer is None:
                writer = SafeDictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow({k: _flat(v) for k, v in row.items()})
            count += 1
        return count
