"""Crises (stories): documents grouped by what they are about.

A new document joins the crisis of the stored document it is most like, when that is close
enough, else starts a crisis of its own. "Like" is measured on what identifies a story: the
proper nouns of its title and lead (Nice, Chibok, Boko Haram, Paddock), the actors it shares
with the other document (people, groups, organisations; states and media are too common to
tell stories apart), and time (documents months apart are half as alike). A republished copy
always joins its original's crisis. People rename, create and merge crises and move documents;
each is a logged, undoable step.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass

from .connect import Connection
from .history import WHOLE_ROW, History, now
from .records import InvalidValue

JOIN = 0.3  # how alike a document must be to another to join its crisis
CANDIDATES = 1000  # most recent documents compared with a new one
FAR_DAYS = 60

_NAME = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_COMMON = frozenset("""
The A An Of To In On And For With At By From As Is Was Were Be Been Has Have Had That This It
Its Their They He She His Her Said Says Will Would Not But Or Are After Over More Than Mr Mrs Ms
We You Our There Here When What Who Why How Monday Tuesday Wednesday Thursday Friday Saturday
Sunday January February March April May June July August September October November December
Photo PHOTO Image Click Read Share Follow Updated
""".split())


def profile(title: str, text: str) -> dict[str, float]:
    """A document's story signature: its proper nouns, weighted and normalised."""
    counts: Counter[str] = Counter()
    lead = f"{title}. {title}. {text[:3000]}"
    for match in _NAME.finditer(lead):
        for word in match.group(1).split():
            if word not in _COMMON and len(word) > 2:
                counts[word.lower()] += 1
    weights = {w: 1 + math.log(n) for w, n in counts.items()}
    norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
    return {w: round(x / norm, 4) for w, x in weights.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


@functools.lru_cache(maxsize=65536)
def _day(date: str | None) -> int | None:
    """A date's day number, or None (undated, or not a date)."""
    try:
        return dt.date.fromisoformat(date[:10]).toordinal() if date else None
    except ValueError:
        return None


def _days_apart(a: str | None, b: str | None) -> int:
    first, second = _day(a), _day(b)
    return 0 if first is None or second is None else abs(first - second)


def likeness(mine: dict, other: dict) -> float:
    """How alike two documents are (0..1), from profiles, shared actors and dates."""
    score = _cosine(mine["profile"], other["profile"])
    shared = len(mine["actors"] & other["actors"])
    score = max(score, min(1.0, 0.15 * shared + 0.5 * score))
    if _days_apart(mine["published"], other["published"]) > FAR_DAYS:
        score *= 0.5
    return score


PLAUSIBLE = 0.1  # a crisis none of whose documents is this alike is not compared as a whole


class Sketch:
    """A crisis as its recent documents show it: their summed, normalised profiles (its
    centroid, worked out only when asked for: most crises are never that close), the
    publication dates they span, and how many there are."""

    def __init__(self) -> None:
        self.documents: list[dict] = []
        self.best = 0.0  # the likeness of the new document to the closest of these
        self._centroid: dict[str, float] | None = None

    def add(self, document: dict) -> Sketch:
        self.documents.append(document)
        self._centroid = None
        return self

    @property
    def centroid(self) -> dict[str, float]:
        if self._centroid is None:
            total: dict[str, float] = {}
            get = total.get
            for document in self.documents:
                for term, weight in document["profile"].items():
                    total[term] = get(term, 0.0) + weight
            norm = math.sqrt(sum(x * x for x in total.values())) or 1.0
            self._centroid = {w: x / norm for w, x in total.items()}
        return self._centroid

    def days_to(self, first: str | None, last: str | None) -> int:
        """Days between this crisis's dates and another span (0 when they overlap)."""
        dates = [d["published"][:10] for d in self.documents if d["published"]]
        if not (dates and first):
            return 0
        mine_first, mine_last = min(dates), max(dates)
        if last < mine_first:
            return _days_apart(last, mine_first)
        if mine_last < first:
            return _days_apart(mine_last, first)
        return 0

    def span(self) -> tuple[str | None, str | None]:
        dates = [d["published"][:10] for d in self.documents if d["published"]]
        return (min(dates), max(dates)) if dates else (None, None)


def _crisis_likeness(mine: dict, sketch: Sketch) -> float:
    """How alike a document is to a crisis's documents taken together: a story told by
    many outlets names its places and people many times, a single document only a few."""
    score = _cosine(mine["profile"], sketch.centroid)
    date = mine["published"]
    return score * 0.5 if sketch.days_to(date, date) > FAR_DAYS else score


def _sketch_likeness(a: Sketch, b: Sketch) -> float:
    score = _cosine(a.centroid, b.centroid)
    return score * 0.5 if a.days_to(*b.span()) > FAR_DAYS else score


@functools.lru_cache(maxsize=4 * CANDIDATES)
def _stored_document(stored: str, published: str | None) -> dict:
    """A stored document as ``likeness`` reads it (profile terms, actors, date). Each new
    document is compared with the last ``CANDIDATES`` documents: parsing their JSON again for
    every one of them was a third of the cost of ingesting short articles. Keyed by the stored
    values themselves, so a cached document is never another one's. Shared: never changed."""
    data = json.loads(stored)
    return {"profile": data.get("terms", {}), "published": published,
            "actors": frozenset(data.get("actors", []))}


@dataclass(frozen=True)
class Crisis:
    """An active crisis as the TUI lists it."""

    id: int
    name: str
    updated_at: str
    created_at: str
    documents: int
    first: str | None  # its documents' earliest publication date
    last: str | None


@dataclass(frozen=True)
class CrisisDocument:
    id: int
    title: str
    published: str | None
    url: str
    source: str
    duplicate_of: int | None


@dataclass(frozen=True)
class TimelineEvent:
    """An event as a crisis's timeline shows it."""

    id: int
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    type: str
    summary: str
    location: str | None
    status: str
    document_title: str


class Crises:
    """The stories a store's documents fall into: the machine's grouping as documents
    arrive, what the crisis views read, and a person's changes to it (logged)."""

    def __init__(self, connection: Connection, history: History) -> None:
        self.connection = connection
        self.history = history

    def _story_actors(self, document_id: int) -> set[int]:
        return {r[0] for r in self.connection.execute(
            "SELECT DISTINCT m.actor_id FROM mentions m JOIN actors a ON a.id = m.actor_id "
            "WHERE m.document_id = ? AND a.kind NOT IN ('state', 'media')", (document_id,)
        )}

    def assign(self, document_id: int) -> int:
        """Put a newly stored document in a crisis (see the module docstring); return it."""
        with self.connection.writing():
            title, text, published, duplicate_of = self.connection.execute(
                "SELECT title, text, published, duplicate_of FROM documents WHERE id = ?",
                (document_id,),
            ).fetchone()
            mine = {"profile": profile(title, text), "published": published,
                    "actors": self._story_actors(document_id)}
            self.connection.execute(
                "UPDATE documents SET profile = ? WHERE id = ?",
                (json.dumps({"terms": mine["profile"], "actors": sorted(mine["actors"])}),
                 document_id),
            )
            crisis = None
            if duplicate_of is not None:
                crisis = self.connection.execute(
                    "SELECT crisis_id FROM documents WHERE id = ?", (duplicate_of,)
                ).fetchone()[0]
            members = self._candidate_members(document_id)
            if crisis is None:
                best = 0.0
                terms, actors = mine["profile"].keys(), mine["actors"]
                for other_crisis, sketch in members.items():
                    # nothing in common is a likeness of 0: most documents, skipped cheaply
                    sketch.best = max(
                        (likeness(mine, other) for other in sketch.documents
                         if not (terms.isdisjoint(other["profile"])
                                 and actors.isdisjoint(other["actors"]))),
                        default=0.0)
                    score = sketch.best
                    if score >= PLAUSIBLE and len(sketch.documents) > 1:
                        score = max(score, _crisis_likeness(mine, sketch))
                    if score > best:
                        best, crisis = score, other_crisis
                if best < JOIN:
                    crisis = None
            stamp = now()
            if crisis is None:
                crisis = self.connection.insert("crises", {
                    "name": title[:80] or f"Crisis of document {document_id}",
                    "created_at": stamp, "updated_at": stamp, "status": "active"})
            else:
                self.connection.execute("UPDATE crises SET updated_at = ? WHERE id = ?",
                                  (stamp, crisis))
            self.connection.execute("UPDATE documents SET crisis_id = ? WHERE id = ?",
                              (crisis, document_id))
            if crisis in members:
                members[crisis].add(mine)
                crisis = self._absorb_alike(crisis, members)
            return crisis

    def _candidate_members(self, document_id: int) -> dict[int, Sketch]:
        """The most recent documents of active crises, with their profiles, by crisis."""
        members: dict[int, Sketch] = {}
        for other_profile, other_published, other_crisis in self.connection.execute(
            "SELECT d.profile, d.published, d.crisis_id FROM documents d "
            "JOIN crises c ON c.id = d.crisis_id WHERE d.id != ? AND "
            "c.status = 'active' ORDER BY d.id DESC LIMIT ?",
            (document_id, CANDIDATES),
        ).fetchall():
            sketch = members.get(other_crisis)
            if sketch is None:
                sketch = members[other_crisis] = Sketch()
            sketch.documents.append(_stored_document(other_profile, other_published))
        return members

    def _by_a_person(self, crisis_id: int) -> bool:
        """Whether a person created, renamed or merged this crisis, or moved documents in or
        out of it, or chose a claim's figure in it: such a crisis is theirs, and the machine
        does not merge it away."""
        return self.connection.execute(
            "SELECT 1 FROM edits WHERE (kind = 'crisis' AND record_id = ?) OR (kind = "
            "'document' AND field = 'crisis_id' AND (old = ? OR new = ?)) UNION ALL "
            "SELECT 1 FROM claim_choices WHERE crisis_id = ? LIMIT 1",
            (crisis_id, str(crisis_id), str(crisis_id), crisis_id),
        ).fetchone() is not None

    def _absorb_alike(self, crisis: int, members: dict[int, Sketch]) -> int:
        """Merge machine-made crises that a new document shows to be one story.

        Grouping one document at a time depends on arrival order: a short wire story about
        Las Vegas that came first starts a crisis of its own, and the fuller reports that
        arrive later form another. Once a crisis has grown, its documents taken together
        (its centroid) may be alike enough to another crisis's; then the smaller one joins
        the larger, unless a person has shaped either of them."""
        for other in sorted(members, key=lambda c: (-len(members[c].documents), c)):
            if other == crisis or other not in members or members[other].best < PLAUSIBLE:
                continue
            if _sketch_likeness(members[crisis], members[other]) < JOIN:
                continue  # the usual case: checked first, it is the cheap one
            if self._by_a_person(crisis):
                return crisis
            if self._by_a_person(other):
                continue
            keep, gone = (crisis, other) \
                if len(members[crisis].documents) >= len(members[other].documents) \
                else (other, crisis)
            self.connection.execute(
                "UPDATE documents SET crisis_id = ? WHERE crisis_id = ?", (keep, gone))
            self.connection.execute(
                "UPDATE crises SET status = 'merged', updated_at = ? WHERE id = ?", (now(), gone))
            merged = members.pop(gone)
            for document in merged.documents:
                members[keep].add(document)
            members[keep].best = max(members[keep].best, merged.best)
            crisis = keep
        return crisis

    # -- reading -------------------------------------------------------------------------
    _CRISIS_COLUMNS = (
        "c.id, c.name, c.updated_at, c.created_at, "
        "(SELECT count(*) FROM documents d WHERE d.crisis_id = c.id) AS documents, "
        "(SELECT min(published) FROM documents d WHERE d.crisis_id = c.id) AS first, "
        "(SELECT max(published) FROM documents d WHERE d.crisis_id = c.id) AS last"
    )

    def all(self) -> list[Crisis]:
        """Active crises, most recently updated first, with their document counts."""
        with self.connection.lock:
            return [Crisis(**row) for row in self.connection.db.query(
                f"SELECT {self._CRISIS_COLUMNS} FROM crises c WHERE c.status = 'active' "
                "ORDER BY c.updated_at DESC, c.id DESC"
            )]

    def latest(self) -> int | None:
        with self.connection.lock:
            row = self.connection.execute(
                "SELECT id FROM crises WHERE status = 'active' ORDER BY updated_at DESC, id DESC "
                "LIMIT 1"
            ).fetchone()
        return row[0] if row else None

    def get(self, crisis_id: int | None = None) -> Crisis | None:
        """One active crisis as ``all`` lists it (None: the most recently updated), without
        reading the others: what the TUI opens on."""
        crisis_id = self.latest() if crisis_id is None else crisis_id
        with self.connection.lock:
            rows = list(self.connection.db.query(
                f"SELECT {self._CRISIS_COLUMNS} FROM crises c WHERE c.id = ? "
                "AND c.status = 'active'", (crisis_id,)
            ))
        return Crisis(**rows[0]) if rows else None

    def documents(self, crisis_id: int) -> list[CrisisDocument]:
        with self.connection.lock:
            return [CrisisDocument(**row) for row in self.connection.db.query(
                "SELECT id, title, published, url, source, duplicate_of FROM documents "
                "WHERE crisis_id = ? ORDER BY published, id", (crisis_id,)
            )]

    _TIMELINE = (
        "FROM events e JOIN documents d ON d.id = e.document_id WHERE d.crisis_id = ? "
        "AND e.status != 'rejected' AND d.duplicate_of IS NULL"
    )

    def timeline(self, crisis_id: int, offset: int = 0, limit: int = -1) -> list[TimelineEvent]:
        """The crisis's events by date, with their date precision (undated ones last); a
        page of them from ``offset`` (a crisis can hold more events than a screen should)."""
        with self.connection.lock:
            return [TimelineEvent(**row) for row in self.connection.db.query(
                "SELECT e.id, e.date_start, e.date_end, e.date_precision, e.type, e.summary, "
                f"e.location, e.status, d.title AS document_title {self._TIMELINE} "
                "ORDER BY e.date_start IS NULL, e.date_start, e.id LIMIT ? OFFSET ?",
                (crisis_id, limit, offset),
            )]

    def timeline_count(self, crisis_id: int) -> int:
        with self.connection.lock:
            return self.connection.execute(f"SELECT count(*) {self._TIMELINE}",
                                     (crisis_id,)).fetchone()[0]

    # -- a person's changes (logged, undoable) ---------------------------------------------
    def create(self, name: str) -> int:
        name = " ".join(name.split())
        if not name:
            raise InvalidValue("a crisis needs a name")
        with self.history.step("create crisis"):
            crisis_id = self.history.next_id("crises")
            stamp = now()
            self.history.change("crisis", crisis_id, WHOLE_ROW, {
                "name": name, "created_at": stamp, "updated_at": stamp, "status": "active"})
            return crisis_id

    def rename(self, crisis_id: int, name: str) -> None:
        name = " ".join(name.split())
        if not name:
            raise InvalidValue("a crisis needs a name")
        with self.history.step("rename crisis"):
            self.history.change("crisis", crisis_id, "name", name)

    def move_document(self, document_id: int, crisis_id: int) -> None:
        with self.history.step("move document"):
            self.history.change("document", document_id, "crisis_id", crisis_id)
            self.history.change("crisis", crisis_id, "updated_at", now())

    def merge(self, gone: int, keep: int) -> None:
        """Move every document of crisis ``gone`` into ``keep``; ``gone`` is kept, merged."""
        if gone == keep:
            raise InvalidValue("a crisis cannot be merged into itself")
        with self.history.step("merge crises"):
            for (document_id,) in self.connection.execute(
                "SELECT id FROM documents WHERE crisis_id = ?", (gone,)
            ).fetchall():
                self.history.change("document", document_id, "crisis_id", keep)
            self.history.change("crisis", gone, "status", "merged")
            self.history.change("crisis", keep, "updated_at", now())
