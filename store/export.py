"""Exports: every record with its annotation and, for events and figures, its provenance.

Records are streamed from SQLite a row at a time, so an export of a large store never holds
the whole store in memory (except ``json``, which is one object by definition).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from dataclasses import dataclass
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
    "date_start, date_end, date_precision, date_text, part_of, adds_to, document_id AS document, "
    "start, "
    "\"end\", sentence, origin, note, status, tags FROM figures",
}
# Fields an export adds to a record from other tables (they change as the store grows).
DERIVED = {"events": ("actors", "figures"), "actors": ("aliases", "mentions")}


@dataclass(frozen=True)
class ExportFilter:
    """Which records an export holds: those of one crisis, of some review statuses, dated
    (or, undated, published) on or after a day. Empty: everything."""

    crisis: int | None = None
    statuses: tuple[str, ...] = ()
    since: str | None = None

    def clause(self, record: str, document: str, date: str | None = None) -> Clause:
        """The filter as ``AND …`` SQL over a record table and its document's aliases;
        ``date`` is what ``since`` compares (by default the record's date, else its
        document's publication)."""
        parts: list[str] = []
        params: list[object] = []
        if self.crisis is not None:
            parts.append(f"{document}.crisis_id = ?")
            params.append(self.crisis)
        if self.statuses:
            parts.append(f"{record}.status IN ({', '.join('?' for _ in self.statuses)})")
            params.extend(self.statuses)
        if self.since:
            parts.append(f"{date or f'coalesce({record}.date_start, {document}.published)'} >= ?")
            params.append(self.since)
        return Clause("".join(f" AND {part}" for part in parts), params)


@dataclass(frozen=True)
class Clause:
    sql: str
    params: list


def _query(what: str, where: ExportFilter | None) -> tuple[str, list]:
    """The SELECT of one kind of record, filtered (see ``ExportFilter``), in id order."""
    if where is None or where == ExportFilter():
        return _SQL[what] + " ORDER BY id", []
    source = f"({_SQL[what]}) r"
    if what == "actors":  # no document of their own: a crisis's are those it mentions
        clause = dataclasses.replace(where, crisis=None, since=None).clause("r", "r")
        if where.crisis is not None:
            clause = Clause(" AND r.id IN (SELECT m.actor_id FROM mentions m JOIN documents d "
                            "ON d.id = m.document_id WHERE d.crisis_id = ?)" + clause.sql,
                            [where.crisis, *clause.params])
    elif what == "documents":  # no review status; dated by their publication
        source += " JOIN documents d ON d.id = r.id"
        clause = dataclasses.replace(where, statuses=()).clause("r", "d", date="d.published")
    else:
        source += " JOIN documents d ON d.id = r.document"
        clause = where.clause("r", "d")
    return f"SELECT r.* FROM {source} WHERE 1{clause.sql} ORDER BY r.id", clause.params


def records(store: Store, what: str, where: ExportFilter | None = None) -> Iterator[dict]:
    """The records of one kind as plain dicts, ready for JSON."""
    sql, params = _query(what, where)
    for row in store.db.query(sql, params):
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


def crises(store: Store, where: ExportFilter | None = None) -> list[dict]:
    """Every crisis (or the one filtered for) with its documents and claims (each with its
    reports and the figure recommended by the rule, or chosen by a person)."""
    from .claims import RULE

    out = []
    for crisis in store.crises.all():
        if where is not None and where.crisis is not None and crisis.id != where.crisis:
            continue
        claims = []
        for claim in store.claims.of(crisis.id):
            claims.append({
                "key": claim.key, "category": claim.category, "location": claim.location,
                "low": claim.low, "high": claim.high,
                "recommended": {"figure": claim.recommended.figure_id,
                                "value": claim.recommended.value,
                                "qualifier": claim.recommended.qualifier,
                                "chosen_by": "person" if claim.chosen_by_person else "rule"},
                "reports": [{"figure": r.figure_id, "value": r.value, "qualifier": r.qualifier,
                             "document": r.document_id, "published": r.published,
                             "official": r.official}
                            for r in store.claims.reports(crisis.id, claim)],
            })
        out.append({**dataclasses.asdict(crisis), "rule": RULE,
                    "documents": [d.id for d in store.crises.documents(crisis.id)],
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


def export(store: Store, out: TextIO, fmt: str = "json", what: str | None = None,
           where: ExportFilter | None = None) -> int:
    """Write the store (or one kind of record, filtered by ``where``) to ``out``; return how
    many records."""
    from . import formats

    if fmt == "acled":
        return formats.acled(store, out, where=where)
    if fmt == "hxl":
        return formats.hxl(store, out, where=where)
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
            data = {kind: list(records(store, kind, where)) for kind in kinds}
            if what is None:
                data["crises"] = crises(store, where)
            json.dump(data, out, ensure_ascii=False, indent=2)
            out.write("\n")
            return sum(len(v) for v in data.values())
        if fmt == "jsonl":
            for kind in kinds:
                for row in records(store, kind, where):
                    row = {"record": kind.rstrip("s"), "exported_at": stamp, **row}
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    count += 1
            return count
        writer = None
        for row in records(store, kinds[0], where):
            if writer is None:
                writer = SafeDictWriter(out, fieldnames=list(row))
                writer.writeheader()
            writer.writerow({k: _flat(v) for k, v in row.items()})
            count += 1
        return count
