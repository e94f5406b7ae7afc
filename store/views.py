"""What the panes read: one page of rows at a time, filtered by review status and tag.

Kept apart from the writer so the reading side can be tuned for large stores (indexes that
match each pane's order, paging) without touching how records are written.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .records import STATUSES, TABLES


@dataclass(frozen=True)
class View:
    """Which records a pane shows: those with one of ``statuses``, and ``tag`` if given."""

    statuses: tuple[str, ...] = ("unreviewed", "confirmed")
    tag: str | None = None

    def label(self) -> str:
        """How a pane title names the filter ("" for the default view)."""
        if set(self.statuses) == set(STATUSES):
            shown = "all"
        elif set(self.statuses) == {"unreviewed", "confirmed"}:
            shown = ""
        else:
            shown = "+".join(self.statuses)
        return " ".join(part for part in (shown, f"#{self.tag}" if self.tag else "") if part)


ALL_BUT_REJECTED = View()
EVERYTHING = View(statuses=STATUSES)

_COLUMNS = {
    "event": "r.id, r.date_start, r.date_end, r.date_precision, r.type, r.summary, "
    "r.location, r.country, r.status, r.note, r.tags",
    "actor": "r.id, r.name, r.kind, r.country, r.status, r.note, r.tags, "
    "(SELECT count(*) FROM mentions m WHERE m.actor_id = r.id) AS mentions, "
    "(SELECT group_concat(alias, ' | ') FROM aliases a WHERE a.actor_id = r.id "
    "AND a.alias != r.name) AS aliases",
    "figure": "r.id, r.value, r.text, r.qualifier, r.category, r.counted, r.location, "
    "r.status, r.note, r.tags",
}

_ORDER = {
    "event": "coalesce(r.date_start, '9999'), r.id",
    "actor": "mentions DESC, r.id",
    "figure": "r.document_id, r.start, r.id",
}


def _where(view: View) -> tuple[str, tuple]:
    marks = ", ".join("?" for _ in view.statuses)
    clause = f"r.status IN ({marks})"
    params: tuple = tuple(view.statuses)
    if view.tag:
        clause += " AND EXISTS (SELECT 1 FROM json_each(r.tags) WHERE json_each.value = ?)"
        params += (view.tag,)
    return clause, params


def _rows(conn: sqlite3.Connection, sql: str, params: tuple) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def count(conn: sqlite3.Connection, kind: str, view: View) -> int:
    where, params = _where(view)
    return conn.execute(f"SELECT count(*) FROM {TABLES[kind]} r WHERE {where}", params).fetchone()[
        0
    ]


def page(conn: sqlite3.Connection, kind: str, view: View, offset: int, limit: int) -> list[dict]:
    where, params = _where(view)
    sql = (
        f"SELECT {_COLUMNS[kind]} FROM {TABLES[kind]} r WHERE {where} "
        f"ORDER BY {_ORDER[kind]} LIMIT ? OFFSET ?"
    )
    return _rows(conn, sql, (*params, limit, offset))


def row(conn: sqlite3.Connection, kind: str, record_id: int) -> dict | None:
    sql = f"SELECT {_COLUMNS[kind]} FROM {TABLES[kind]} r WHERE r.id = ?"
    rows = _rows(conn, sql, (record_id,))
    return rows[0] if rows else None


def position(conn: sqlite3.Connection, kind: str, view: View, record_id: int) -> int | None:
    """Row number of ``record_id`` in the pane's order, or None when the view hides it."""
    step = 1000
    offset = 0
    while True:
        rows = page(conn, kind, view, offset, step)
        for index, item in enumerate(rows):
            if item["id"] == record_id:
                return offset + index
        if len(rows) < step:
            return None
        offset += step
