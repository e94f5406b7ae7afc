"""Articles as a reviewer works through them: each with its crisis, outlet, date and how much
of what was extracted from it is reviewed; its text with every extracted span; and one
undoable step that confirms or rejects all of an article's records.

Functions over a ``Store`` (its connection, lock and edit history), so the review desk reads
articles without the store growing another mixin.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlparse

from .bulk import review_records
from .store import Store

# A record's review status, per kind of record an article holds.
_RECORDS = ("events", "figures")


@dataclass(frozen=True)
class ArticleRow:
    """One article in the review list."""

    id: int
    title: str
    outlet: str
    published: str | None
    crisis: str
    copy_of: int | None
    records: int  # events and figures extracted from it (rejected ones included)
    unreviewed: int

    @property
    def reviewed(self) -> int:
        return self.records - self.unreviewed


@dataclass(frozen=True)
class Span:
    """An extracted span of an article's text: what kind of record it belongs to."""

    start: int
    end: int
    kind: str  # "figure", "actor" or "event"
    record_id: int


def outlet(url: str | None, fallback: str) -> str:
    """The outlet of an article: its web address's host, else ``fallback``."""
    host = urlparse(url or "").hostname or ""
    return host.removeprefix("www.") or fallback


def _rows(store: Store, where: str, params: tuple) -> list[ArticleRow]:
    def count(condition: str = "") -> str:
        return " + ".join(f"(SELECT count(*) FROM {table} x WHERE x.document_id = d.id"
                          f"{condition})" for table in _RECORDS)

    unreviewed = count(" AND x.status = 'unreviewed'")
    with store.lock:
        rows = store.conn.execute(
            "SELECT d.id, d.title, d.url, d.source, d.published, coalesce(c.name, ''), "
            f"d.duplicate_of, {count()}, {unreviewed} "
            f"FROM documents d LEFT JOIN crises c ON c.id = d.crisis_id {where}", params,
        ).fetchall()
    return [ArticleRow(i, title, outlet(url, PurePath(source or "").name), published,
                       crisis_name, copy_of, records, unreviewed)
            for i, title, url, source, published, crisis_name, copy_of, records, unreviewed
            in rows]


def articles_page(store: Store, offset: int = 0, limit: int = 200,
                  crisis: int | None = None) -> list[ArticleRow]:
    """A page of the articles, newest first (undated last), with their review progress."""
    return _rows(store, "WHERE ? IS NULL OR d.crisis_id = ? ORDER BY d.published IS NULL, "
                 "d.published DESC, d.id DESC LIMIT ? OFFSET ?", (crisis, crisis, limit, offset))


def article_row(store: Store, document_id: int) -> ArticleRow | None:
    """One article as the list shows it."""
    rows = _rows(store, "WHERE d.id = ?", (document_id,))
    return rows[0] if rows else None


def article_spans(store: Store, document_id: int) -> list[Span]:
    """Every extracted span of an article (figures, actor mentions, event triggers), in text
    order, rejected records left out."""
    with store.lock:
        rows = store.conn.execute(
            "SELECT start, \"end\", 'figure', id FROM figures WHERE document_id = ? AND "
            "status != 'rejected' UNION ALL "
            "SELECT start, \"end\", 'event', id FROM events WHERE document_id = ? AND "
            "status != 'rejected' UNION ALL "
            "SELECT m.start, m.\"end\", 'actor', m.actor_id FROM mentions m JOIN actors a ON "
            "a.id = m.actor_id WHERE m.document_id = ? AND a.status != 'rejected' "
            "ORDER BY 1, 2", (document_id, document_id, document_id),
        ).fetchall()
    return [Span(*row) for row in rows]


def review_article(store: Store, document_id: int, status: str) -> int:
    """Give every event and figure of an article ``status`` (a reviewer's verdict on the
    whole article), as one undoable step; return how many records changed."""
    with store.lock, store.history.step("review article"):
        return sum(
            review_records(store, table.rstrip("s"), [i for (i,) in store.conn.execute(
                f"SELECT id FROM {table} WHERE document_id = ?", (document_id,))], status)
            for table in _RECORDS)


def sources(store: Store, records: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """Where each record comes from, in a few words: "doc #12 · Nice truck attack" for an
    event or a figure (its article and crisis), "in 14 articles" for an actor."""
    out: dict[tuple[str, int], str] = {}
    with store.lock:
        for kind, record_id in records:
            if kind == "actor":
                (count,) = store.conn.execute(
                    "SELECT count(DISTINCT document_id) FROM mentions WHERE actor_id = ?",
                    (record_id,)).fetchone()
                out[(kind, record_id)] = f"in {count} article{'s' if count != 1 else ''}"
                continue
            row = store.conn.execute(
                f"SELECT r.document_id, coalesce(c.name, '') FROM {kind}s r JOIN documents d "
                "ON d.id = r.document_id LEFT JOIN crises c ON c.id = d.crisis_id "
                "WHERE r.id = ?", (record_id,)).fetchone()
            if row is not None:
                out[(kind, record_id)] = f"doc #{row[0]} · {row[1]}" if row[1] else \
                    f"doc #{row[0]}"
    return out


def mentioning(store: Store, actor_id: int, limit: int = 200) -> list[tuple[int, str, int]]:
    """The articles that mention an actor, as (document id, title, mentions), those that
    mention it most first: what ``S`` offers to split off."""
    with store.lock:
        return store.conn.execute(
            "SELECT d.id, d.title, count(*) FROM mentions m JOIN documents d ON d.id = "
            "m.document_id WHERE m.actor_id = ? GROUP BY d.id ORDER BY count(*) DESC, d.id "
            "LIMIT ?", (actor_id, limit)).fetchall()
