"""What the panes read: one page of rows at a time, filtered by review status and tag.

Kept apart from the writer so the reading side can be tuned for large stores (indexes that
match each pane's order, paging) without touching how records are written.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from .records import STATUSES, TABLES


@dataclass(frozen=True)
class View:
    """Which records a pane shows: those with one of ``statuses``, and ``tag`` if given.
    Events and figures of a republished wire copy are hidden unless ``copies``: they repeat
    the original's, which is the one to review (the copy's records stay in the store, and
    the article list shows the copy)."""

    statuses: tuple[str, ...] = ("unreviewed", "confirmed")
    tag: str | None = None
    crisis: int | None = None  # only records from documents of this crisis
    copies: bool = False

    def label(self) -> str:
        """How a pane title names the filter ("" for the default view)."""
        if set(self.statuses) == set(STATUSES):
            shown = "all"
        elif set(self.statuses) == {"unreviewed", "confirmed"}:
            shown = ""
        else:
            shown = "+".join(self.statuses)
        parts = (shown, f"#{self.tag}" if self.tag else "", "with copies" if self.copies else "")
        return " ".join(part for part in parts if part)


ALL_BUT_REJECTED = View()

_COLUMNS = {
    "event": "r.id, r.date_start, r.date_end, r.date_precision, r.type, r.summary, "
    "r.location, r.country, r.status, r.note, r.tags",
    "actor": "r.id, r.name, r.kind, r.country, r.status, r.note, r.tags, "
    "{mentions} AS mentions, "
    "(SELECT group_concat(alias, ' | ') FROM aliases a WHERE a.actor_id = r.id "
    "AND a.alias != r.name) AS aliases",
    "figure": "r.id, r.value, r.text, r.qualifier, r.category, r.counted, r.location, "
    "r.status, r.note, r.tags, r.document_id, coalesce(r.date_start, (SELECT d.published "
    "FROM documents d WHERE d.id = r.document_id)) AS date",
}

# Each pane's order, and the key a record has in it (for ``position``). The events and
# figures orders are those of the ``events_pane`` / ``figures_pane`` indexes; the actors order
# (most mentioned first) is that of ``actor_mention_counts_order``, the count table the schema's
# triggers keep current. A store made before that table existed counts mentions per row.
_ORDER = {
    "event": ("coalesce(r.date_start, '9999')", "r.id"),
    "actor": ("-c.mentions", "c.actor_id"),
    "figure": ("r.document_id", "r.start", "r.id"),
}
_SLOW_MENTIONS = "(SELECT count(*) FROM mentions m WHERE m.actor_id = r.id)"
_SLOW_ACTOR_ORDER = (f"-{_SLOW_MENTIONS}", "r.id")


def _has_counts(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'actor_mention_counts'"
    ).fetchone() is not None


def _source(conn: sqlite3.Connection, kind: str) -> tuple[str, str, tuple[str, ...]]:
    """FROM clause, select list and order key of a pane."""
    if kind != "actor":
        return f"{TABLES[kind]} r", _COLUMNS[kind], _ORDER[kind]
    if _has_counts(conn):
        return (
            "actor_mention_counts c CROSS JOIN actors r ON r.id = c.actor_id",
            _COLUMNS[kind].format(mentions="c.mentions"),
            _ORDER[kind],
        )
    return "actors r", _COLUMNS[kind].format(mentions=_SLOW_MENTIONS), _SLOW_ACTOR_ORDER


def _order_by(key: tuple[str, ...]) -> str:
    # "-c.mentions" sorts as "c.mentions DESC", the way the index holds it.
    return ", ".join(f"{k[1:]} DESC" if k.startswith("-") else k for k in key)


def _where(view: View, ordered: bool = False, kind: str = "event",
           along_order: bool = True) -> tuple[str, tuple]:
    """The view's filter. ``ordered``: for reading in the pane's order, where the status
    index must not be used (a unary ``+`` keeps SQLite on the pane's order index, which
    holds the status too, instead of sorting every matching row). ``along_order`` (with a
    crisis): walk the pane's order and keep the crisis's records, rather than gather the
    crisis's records through its documents and sort them (see ``_along_order``)."""
    marks = ", ".join("?" for _ in view.statuses)
    clause = f"{'+' if ordered else ''}r.status IN ({marks})"
    params: tuple = tuple(view.statuses)
    if view.tag:
        clause += " AND EXISTS (SELECT 1 FROM json_each(r.tags) WHERE json_each.value = ?)"
        params += (view.tag,)
    if view.crisis is not None:
        documents = "SELECT id FROM documents WHERE crisis_id = ?"
        if kind == "actor" and along_order:
            clause += (" AND EXISTS (SELECT 1 FROM mentions m JOIN documents d ON d.id = "
                       "m.document_id WHERE m.actor_id = r.id AND d.crisis_id = ?)")
        elif kind == "actor":
            clause += (" AND r.id IN (SELECT m.actor_id FROM mentions m WHERE m.document_id "
                       f"IN ({documents}))")
        else:
            clause += f" AND {'+' if along_order else ''}r.document_id IN ({documents})"
        params += (view.crisis,)
    if kind != "actor" and not view.copies:
        # A list read once per query from a partial index of the copies (schema 7).
        clause += (" AND +r.document_id NOT IN (SELECT id FROM documents "
                   "WHERE duplicate_of IS NOT NULL)")
    return clause, params


def _along_order(conn: sqlite3.Connection, kind: str, view: View, rows: int | None) -> bool:
    """Whether to read the first ``rows`` rows (None: all, to count them) of a crisis by
    walking the pane's order index (cheap when the crisis holds much of the store: about
    ``rows`` / share steps) or by gathering the crisis's records and sorting them (cheap for
    a small crisis: its records, a few times over). Estimated from the crisis's share of the
    documents."""
    if view.crisis is None:
        return True
    documents = conn.execute("SELECT max(rowid) FROM documents").fetchone()[0] or 1
    records = conn.execute(f"SELECT max(rowid) FROM {TABLES[kind]}").fetchone()[0] or 1
    mine = conn.execute("SELECT count(*) FROM documents WHERE crisis_id = ?",
                        (view.crisis,)).fetchone()[0]
    share = mine / documents
    if not share:
        return False
    # index entries read before ``rows`` of the crisis turn up: those of the documents that
    # come before the crisis's first in the pane's order (a crisis is a story: its records
    # lie together in time), then ``rows`` among the crisis's share
    walk = records if rows is None else (
        _ahead(conn, kind, view.crisis) / documents * records + rows / share)
    gather = 4 * share * records  # the crisis's records, read and sorted
    return walk < gather


_FIRST = {  # the crisis's first document in a pane's order, and how many documents precede it
    "event": ("SELECT min(published) FROM documents WHERE crisis_id = ?",
              "SELECT count(*) FROM documents WHERE published < ?"),  # dates follow them
    "figure": ("SELECT min(id) FROM documents WHERE crisis_id = ?",
               "SELECT count(*) FROM documents WHERE id < ?"),
}


def _ahead(conn: sqlite3.Connection, kind: str, crisis: int) -> int:
    """How many documents' records come before the crisis's in the pane's order (none for
    the actors, which go by mentions)."""
    if kind not in _FIRST:
        return 0
    first_sql, before_sql = _FIRST[kind]
    first = conn.execute(first_sql, (crisis,)).fetchone()[0]
    if first is None:
        return 0
    return conn.execute(before_sql, (first,)).fetchone()[0]


_NAMES: dict[str, list[str]] = {}


def _rows(conn: sqlite3.Connection, sql: str, params: tuple) -> list[dict]:
    """The rows of ``sql`` as dicts, read in one SQLite step: SQLite hands them over as one
    JSON array. A worker thread gives up the GIL at every step (every row) and waits for it
    while the interface thread draws, so a page read row by row costs a switch interval a
    row: 60 ms for a first page, instead of 1."""
    names = _NAMES.get(sql)
    if names is None:
        cursor = conn.execute(f"SELECT * FROM ({sql}) LIMIT 0", params)
        names = _NAMES[sql] = [d[0] for d in cursor.description]
    pairs = ", ".join(f"'{name}', \"{name}\"" for name in names)
    found = conn.execute(
        f"SELECT json_group_array(json_object({pairs})) FROM ({sql})", params
    ).fetchone()[0]
    return json.loads(found)


def count(conn: sqlite3.Connection, kind: str, view: View) -> int:
    where, params = _where(view, kind=kind, along_order=_along_order(conn, kind, view, None))
    return conn.execute(f"SELECT count(*) FROM {TABLES[kind]} r WHERE {where}", params).fetchone()[
        0
    ]


def page(conn: sqlite3.Connection, kind: str, view: View, offset: int, limit: int) -> list[dict]:
    along = _along_order(conn, kind, view, offset + limit)
    where, params = _where(view, ordered=True, kind=kind, along_order=along)
    source, columns, key = _source(conn, kind)
    sql = (
        f"SELECT {columns} FROM {source} WHERE {where} "
        f"ORDER BY {_order_by(key)} LIMIT ? OFFSET ?"
    )
    return _rows(conn, sql, (*params, limit, offset))


def ids(conn: sqlite3.Connection, kind: str, view: View, limit: int) -> list[int]:
    """The ids of the view's first ``limit`` records, in the pane's order."""
    where, params = _where(view, ordered=True, kind=kind,
                           along_order=_along_order(conn, kind, view, limit))
    source, _columns, key = _source(conn, kind)
    return [i for (i,) in conn.execute(
        f"SELECT r.id FROM {source} WHERE {where} ORDER BY {_order_by(key)} LIMIT ?",
        (*params, limit))]


def row(conn: sqlite3.Connection, kind: str, record_id: int) -> dict | None:
    source, columns, _key = _source(conn, kind)
    sql = f"SELECT {columns} FROM {source} WHERE r.id = ?"
    rows = _rows(conn, sql, (record_id,))
    return rows[0] if rows else None


def position(conn: sqlite3.Connection, kind: str, view: View, record_id: int) -> int | None:
    """Row number of ``record_id`` in the pane's order, or None when the view hides it: the
    number of records the view shows before it, counted along the pane's index."""
    where, params = _where(view, ordered=True, kind=kind)
    source, _columns, key = _source(conn, kind)
    found = conn.execute(
        f"SELECT {', '.join(key)} FROM {source} WHERE {where} AND r.id = ?",
        (*params, record_id),
    ).fetchone()
    if found is None:
        return None
    if not any(k.startswith("-") for k in key):
        before = f"({', '.join(key)}) < ({', '.join('?' for _ in key)})"
        values: tuple = tuple(found)
    else:  # lexicographic "comes before" with a descending column, spelled out
        ors, values = [], ()
        for i, k in enumerate(key):
            same = [f"{c.lstrip('-')} = ?" for c in key[:i]]
            ors.append(" AND ".join([*same, f"{k.lstrip('-')} {'>' if k[0] == '-' else '<'} ?"]))
            values += tuple(
                abs(v) if c[0] == "-" else v
                for c, v in zip(key[: i + 1], found[: i + 1], strict=True)
            )
        before = "(" + " OR ".join(f"({o})" for o in ors) + ")"
    return conn.execute(
        f"SELECT count(*) FROM {source} WHERE {where} AND {before}", (*params, *values)
    ).fetchone()[0]
