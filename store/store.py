"""The local SQLite store: the only place that speaks SQL.

One ``Store`` wraps one SQLite file. Writes are short transactions (one per document, one per
edit), the journal is WAL with a busy timeout so an ingest and the TUI can share a store, and
every human change goes through ``set_field`` so it lands in the ``edits`` log, can be undone
and redone, and is never overwritten by the machine.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils
from rapidfuzz import process

from extract import aliases as alias_rules
from extract import locations
from extract.model import Extraction

from . import duplicates, views
from .claims import Claims
from .connect import ReadOnlyStore, StoreError, disk_full, is_disk_full, open_store
from .crises import Crises
from .history import Edit, History, now
from .records import EDITABLE, TABLES
from .reextract import Reextract
from .review import Review
from .search import Hit, SearchIndex
from .tolls import event_toll
from .views import ALL_BUT_REJECTED, View

LINKS_SHOWN = 50  # an actor's mentions and events that ``get`` reads (with their counts)


def content_hash(text: str) -> str:
    """Identity of a document: its text, so the same article ingested twice is one document."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def default_path() -> Path:
    """``$TRACKER_DB``, else ``$XDG_DATA_HOME/tracker/tracker.db`` (``~/.local/share``)."""
    if os.environ.get("TRACKER_DB"):
        return Path(os.environ["TRACKER_DB"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "tracker" / "tracker.db"


@dataclass(frozen=True)
class Added:
    """What one document brought into the store."""

    document_id: int
    title: str
    new: bool  # False when the same text was already stored
    events: int = 0
    actors: int = 0  # actors new to the store
    figures: int = 0
    duplicate_of: int | None = None  # the stored document this one is a copy of
    warnings: tuple[str, ...] = ()  # what of the input could not be used (a bad date)


def phrase_first(query: str, hits: list[Hit]) -> list[Hit]:
    """Hits whose label holds the query as typed (a phrase, any case) before the others,
    each group in the engine's order: "Taleban fighters" finds that phrase before a label
    with both words apart."""
    phrase = " ".join(query.casefold().split())
    if " " not in phrase:
        return hits
    return sorted(hits, key=lambda hit: phrase not in " ".join(hit.label.casefold().split()))


def national(name: str, kind: str, country: str | None,
             document_country: str | None) -> tuple[str, str | None]:
    """An actor's stored name and country: a generic force ("police", "troops") with no
    country of its own is the force of the document's country, named for it ("French
    police"), so the police of one report never absorb the police of another."""
    if kind not in alias_rules.NATIONAL_KINDS or not alias_rules.is_generic(name):
        return name, country
    country = country or document_country
    demonym = locations.demonym_of(country) if country else None
    return (f"{demonym} {name.lower()}" if demonym else name), country


class Store(History, Review, Reextract, Crises, Claims):
    """A tracker store in one SQLite file. Safe to share between threads (one lock)."""

    def __init__(self, path: str | os.PathLike, read_only: bool = False):
        self.path = Path(path)
        opened = open_store(self.path, read_only)
        self.conn = opened.conn
        self.read_only = opened.read_only
        self.why_read_only = opened.why_read_only
        self.backup = opened.backup
        self.db = sqlite_utils.Database(self.conn)
        self.index = SearchIndex(self.conn)
        self.lock = threading.RLock()
        self._alias_norms: list[str] | None = None
        if not self.read_only:
            self._assign_missing_crises()
        self._data_version = self._read_data_version()

    def _assign_missing_crises(self) -> None:
        """Documents stored before crises existed (an upgraded store) get one now."""
        for (document_id,) in self.conn.execute(
            "SELECT id FROM documents WHERE crisis_id IS NULL ORDER BY id"
        ).fetchall():
            self.assign_crisis(document_id)

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
                self._alias_norms = None  # it may hold aliases that were rolled back
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

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- documents ---------------------------------------------------------------------
    def has_document(self, text: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM documents WHERE hash = ?", (content_hash(text),)
        ).fetchone()
        return row[0] if row else None

    def document_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def document(self, document_id: int) -> dict:
        return self.db["documents"].get(document_id)

    def add_document(
        self,
        text: str,
        extraction: Extraction,
        *,
        title: str = "",
        source: str = "",
        url: str = "",
        published: str | None = None,
        extractor_version: str = "",
        author: str = "",
        place: str | None = None,
        country: str | None = None,
    ) -> Added:
        """Store a document and what was extracted from it, in one transaction.

        A near-duplicate of a stored document (a republished wire copy) is stored and linked
        to it (``duplicate_of``), so its figures can be told apart and not counted twice.
        """
        self.writable()
        shingles = duplicates.fingerprint(text)
        with self.writing():
            existing = self.has_document(text)
            if existing is not None:
                return Added(existing, self.document(existing)["title"], new=False)
            original = duplicates.find_original(self.conn, shingles, text)
            document_id = self.db["documents"].insert(
                {
                    "hash": content_hash(text),
                    "title": title,
                    "source": source,
                    "url": url,
                    "published": published or extraction.published,
                    "text": text,
                    "ingested_at": now(),
                    "extractor_version": extractor_version,
                    "author": author,
                    "place": place,
                    "country": country,
                    "duplicate_of": original[0] if original else None,
                    "overlap": original[1] if original else None,
                }
            ).last_pk
            duplicates.remember(self.conn, document_id, shingles)
            actor_ids, new_actors = self._add_actors(document_id, text, extraction, country)
            figure_ids = self._add_figures(document_id, text, extraction)
            for event in extraction.events:
                self._add_event(document_id, text, event, actor_ids, figure_ids, extraction)
            self.assign_crisis(document_id)
            return Added(
                document_id,
                title,
                new=True,
                events=len(extraction.events),
                actors=new_actors,
                figures=len(figure_ids),
                duplicate_of=original[0] if original else None,
            )

    @staticmethod
    def _provenance(document_id: int, text: str, span) -> dict:
        return {
            "document_id": document_id,
            "start": span.start,
            "end": span.end,
            "sent_start": span.sent_start,
            "sent_end": span.sent_end,
            "sentence": text[span.sent_start : span.sent_end],
        }

    @staticmethod
    def _date_columns(date) -> dict:
        if date is None:
            return {"date_start": None, "date_end": None, "date_precision": None, "date_text": None}
        return {
            "date_start": date.start,
            "date_end": date.end,
            "date_precision": date.precision,
            "date_text": date.text,
        }

    # -- actors ------------------------------------------------------------------------
    def _add_actors(self, document_id: int, text: str, extraction: Extraction,
                    document_country: str | None = None):
        ids: list[int] = []
        created = 0
        for actor in extraction.actors:
            name, country = national(actor.name, actor.kind, actor.country, document_country)
            aliases = [a for a in actor.aliases if not alias_rules.is_generic(a)]
            national_kind = actor.kind in alias_rules.NATIONAL_KINDS
            actor_id = self.find_actor(name, aliases, country if national_kind else None)
            if actor_id is None:
                actor_id = self.db["actors"].insert(
                    {
                        "name": name,
                        "kind": actor.kind,
                        "country": country,
                        "created_at": now(),
                    }
                ).last_pk
                created += 1
            for alias in dict.fromkeys([name, *aliases]):
                self._add_alias(actor_id, alias)
            self.db["mentions"].insert_all(
                {"actor_id": actor_id, **self._provenance(document_id, text, m.span)}
                for m in actor.mentions
            )
            self._index_actor(actor_id)
            ids.append(actor_id)
        return ids, created

    def _add_alias(self, actor_id: int, alias: str) -> None:
        norm = alias_rules.normalise(alias)
        if not norm:
            return
        owner = self.conn.execute(
            "SELECT actor_id FROM aliases WHERE norm = ? AND actor_id != ? LIMIT 1",
            (norm, actor_id),
        ).fetchone()
        if owner is not None:
            return  # the form belongs to another actor (e.g. split off by a person)
        self.conn.execute(
            "INSERT OR IGNORE INTO aliases (actor_id, alias, norm) VALUES (?, ?, ?)",
            (actor_id, alias, norm),
        )

    def _refresh_alias_norms(self) -> None:
        """The fuzzy-match list of alias norms, with every alias stored since it was last read,
        by this connection or by another process ingesting into the same store (two
        ``tracker ingest`` at once would otherwise each make their own "Boko Haram")."""
        if self._alias_norms is None:
            self._alias_norms, self._alias_norm_set, self._aliases_read = [], set(), 0
        for alias_id, norm in self.conn.execute(
            "SELECT id, norm FROM aliases WHERE id > ? ORDER BY id", (self._aliases_read,)
        ):
            self._aliases_read = alias_id
            if norm not in self._alias_norm_set:
                self._alias_norms.append(norm)
                self._alias_norm_set.add(norm)

    def find_actor(self, name: str, aliases: list[str] | tuple[str, ...] = (),
                   country: str | None = None) -> int | None:
        """The stored actor that ``name``/``aliases`` denote, across documents, or None.

        Exact normalised aliases first; then rapidfuzz finds the nearest stored aliases and
        ``extract.aliases.same_actor`` decides, so "Taliban" lands on a stored "Taleban".
        With ``country`` (a state, its forces, its civilians), an actor of another country
        is never the one: the French police are not the American police.
        """
        forms = [name, *aliases]
        norms = [alias_rules.normalise(form) for form in forms]
        for norm in norms:
            row = self.conn.execute(
                "SELECT a.actor_id FROM aliases a JOIN actors r ON r.id = a.actor_id "
                "WHERE a.norm = ? AND r.status != 'merged' AND (? IS NULL OR r.country IS "
                "NULL OR r.country = ?) ORDER BY a.actor_id LIMIT 1",
                (norm, country, country),
            ).fetchone()
            if row:
                return row[0]
        self._refresh_alias_norms()
        candidates: set[int] = set()
        for norm in norms:
            if not norm:
                continue
            for match, _score, _ in process.extract(
                norm, self._alias_norms, limit=5, score_cutoff=70
            ):
                candidates.update(
                    r[0]
                    for r in self.conn.execute(
                        "SELECT actor_id FROM aliases WHERE norm = ?", (match,)
                    )
                )
        for actor_id in sorted(candidates):
            stored, stored_country = self.conn.execute(
                "SELECT name, country FROM actors WHERE id = ?", (actor_id,)
            ).fetchone()
            if country and stored_country and stored_country != country:
                continue
            stored_aliases = [
                r[0]
                for r in self.conn.execute(
                    "SELECT alias FROM aliases WHERE actor_id = ?", (actor_id,)
                )
            ]
            if alias_rules.same_actor(name, list(aliases), stored, stored_aliases):
                return actor_id
        return None

    def _index_actor(self, actor_id: int) -> None:
        actor = self.db["actors"].get(actor_id)
        names = [r[0] for r in self.conn.execute(
            "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY id", (actor_id,)
        )]
        body = " ".join([*names, actor["kind"], actor["note"], *json.loads(actor["tags"])])
        self.index.put("actor", actor_id, actor["name"], body)

    # -- figures -----------------------------------------------------------------------
    def _add_figures(self, document_id: int, text: str, extraction: Extraction) -> list[int]:
        ids: list[int] = []
        for figure in extraction.figures:
            part_of = ids[figure.part_of] if figure.part_of is not None and figure.part_of < len(
                ids
            ) else None
            figure_id = self.db["figures"].insert(
                {
                    **self._provenance(document_id, text, figure.span),
                    "value": figure.value,
                    "text": figure.text,
                    "qualifier": figure.qualifier,
                    "low": figure.low,
                    "high": figure.high,
                    "category": figure.category,
                    "counted": figure.counted,
                    "location": figure.location,
                    **self._date_columns(figure.date),
                    "part_of": part_of,
                }
            ).last_pk
            ids.append(figure_id)
            self._index_figure(figure_id)
        return ids

    def _index_figure(self, figure_id: int) -> None:
        f = self.db["figures"].get(figure_id)
        label = f"{f['text']} {f['counted']}".strip()
        body = " ".join(
            str(part)
            for part in (
                f["value"], f["category"], f["location"] or "", f["sentence"], f["note"],
                *json.loads(f["tags"]),
            )
        )
        self.index.put("figure", figure_id, label, body)

    # -- events ------------------------------------------------------------------------
    def _add_event(self, document_id, text, event, actor_ids, figure_ids, extraction) -> int:
        event_id = self.db["events"].insert(
            {
                **self._provenance(document_id, text, event.span),
                "type": event.type,
                "sub_type": event.sub_type,
                "summary": event.summary,
                "trigger": event.trigger,
                "location": event.location,
                "country": event.country,
                **self._date_columns(event.date),
            }
        ).last_pk
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)",
            [(event_id, actor_ids[p.actor], p.role) for p in event.participants
             if p.actor < len(actor_ids)],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO event_figures (event_id, figure_id) VALUES (?, ?)",
            [(event_id, figure_ids[i]) for i in event.figures if i < len(figure_ids)],
        )
        self._index_event(event_id)
        return event_id

    def _index_event(self, event_id: int) -> None:
        e = self.db["events"].get(event_id)
        actors = [r[0] for r in self.conn.execute(
            "SELECT r.name FROM event_actors ea JOIN actors r ON r.id = ea.actor_id "
            "WHERE ea.event_id = ?", (event_id,)
        )]
        body = " ".join(
            [e["type"].replace("_", " "), e["trigger"], e["location"] or "", *actors,
             e["sentence"], e["note"], *json.loads(e["tags"])]
        )
        self.index.put("event", event_id, e["summary"], body)

    def _reindex(self, kind: str, record_id: int) -> None:
        if kind == "actor" and self._read("actor", record_id, "status") == "merged":
            self.index.remove(kind, record_id)
            return
        {"event": self._index_event, "actor": self._index_actor, "figure": self._index_figure}[
            kind
        ](record_id)

    # -- reading for panes (see store/views.py) ----------------------------------------------
    def count(self, kind: str, view: View = ALL_BUT_REJECTED) -> int:
        with self.lock:
            return views.count(self.conn, kind, view)

    def page(
        self, kind: str, offset: int = 0, limit: int = 200, view: View = ALL_BUT_REJECTED
    ) -> list[dict]:
        """One page of a pane's rows, in the pane's order."""
        with self.lock:
            return views.page(self.conn, kind, view, offset, limit)

    def page_row(self, kind: str, record_id: int) -> dict | None:
        """One record as its pane shows it (to refresh a row after an edit)."""
        with self.lock:
            return views.row(self.conn, kind, record_id)

    def position(self, kind: str, record_id: int, view: View = ALL_BUT_REJECTED) -> int | None:
        """Row number of a record in its pane's order (to jump to a search hit)."""
        with self.lock:
            return views.position(self.conn, kind, view, record_id)

    def get(self, kind: str, record_id: int) -> dict | None:
        """One record with what the detail view shows: source sentence, links, document."""
        with self.lock:
            try:
                record = dict(self.db[TABLES[kind]].get(record_id))
            except sqlite_utils.db.NotFoundError:
                return None
            record["record"] = kind
            record["tags"] = json.loads(record["tags"])
            if kind == "actor":
                record["aliases"] = [r[0] for r in self.conn.execute(
                    "SELECT alias FROM aliases WHERE actor_id = ? ORDER BY id", (record_id,)
                )]
                # An actor of a large store is mentioned tens of thousands of times: the
                # first few mentions and events, and how many there are.
                record["mentions"] = list(self.db.query(
                    "SELECT m.document_id, m.start, m.\"end\", m.sent_start, m.sentence, "
                    "d.title, substr(d.text, m.start + 1, m.\"end\" - m.start) AS span "
                    "FROM mentions m JOIN documents d ON d.id = m.document_id "
                    "WHERE m.actor_id = ? ORDER BY m.document_id, m.start LIMIT ?",
                    (record_id, LINKS_SHOWN),
                ))
                record["mention_count"] = self.conn.execute(
                    "SELECT count(*) FROM mentions WHERE actor_id = ?", (record_id,)
                ).fetchone()[0]
                record["events"] = list(self.db.query(
                    "SELECT e.id, e.summary, ea.role FROM event_actors ea "
                    "JOIN events e ON e.id = ea.event_id WHERE ea.actor_id = ? ORDER BY e.id "
                    "LIMIT ?", (record_id, LINKS_SHOWN),
                ))
                record["event_count"] = self.conn.execute(
                    "SELECT count(*) FROM event_actors WHERE actor_id = ?", (record_id,)
                ).fetchone()[0]
            else:
                doc = self.conn.execute(
                    "SELECT title, source, published, duplicate_of FROM documents WHERE id = ?",
                    (record["document_id"],),
                ).fetchone()
                (record["document_title"], record["document_source"], record["published"],
                 record["duplicate_of"]) = doc
            if kind == "event":
                record["actors"] = list(self.db.query(
                    "SELECT r.id, r.name, r.kind, ea.role FROM event_actors ea "
                    "JOIN actors r ON r.id = ea.actor_id WHERE ea.event_id = ? "
                    "ORDER BY ea.role, r.name", (record_id,)
                ))
                record["figures"] = list(self.db.query(
                    "SELECT f.id, f.value, f.text, f.counted FROM event_figures ef "
                    "JOIN figures f ON f.id = ef.figure_id WHERE ef.event_id = ?", (record_id,)
                ))
                toll = event_toll(self.conn, record_id)
                record["toll"] = (toll.low, toll.best, toll.high) if toll else None
            return record

    # -- search --------------------------------------------------------------------------
    def search(self, query: str, limit: int = 20, kinds=None, should_stop=None) -> list[Hit]:
        """The search engine of the TUI and ``tracker search``; ``should_stop`` (polled) ends
        a search a newer keystroke made useless, raising ``SearchCancelled``."""
        with self.lock:
            hits = self.index.search(query, limit, kinds, should_stop=should_stop)
        return phrase_first(query, hits)


__all__ = ["EDITABLE", "Added", "Edit", "Hit", "Store", "StoreError", "default_path"]
