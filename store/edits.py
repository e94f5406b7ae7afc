"""A person's changes: fields, an event's actors, merge and split actors, add what the
extractor missed.

Each is one step of the edit log (``History.step``), made of logged row changes, so undo
restores exactly what was there: every alias, mention and event link goes back to its actor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from extract import aliases as alias_rules
from extract import kinds as actor_kinds
from extract import locations

from . import sources
from .connect import Connection
from .details import EventActor
from .history import WHOLE_ROW, Edit, History, now
from .matching import ActorMatcher
from .records import InvalidValue, check
from .sentences import sentence_bounds

# The fields a person gives for a record they add, by kind (the rest come from the source).
NEW_RECORD_FIELDS = {
    "figure": ("value", "qualifier", "category", "counted"),
    "event": ("type", "summary", "date_start", "location"),
    "actor": ("name", "kind"),
}


ROLES = ("actor1", "actor2", "assoc", "source")


_BRACKETED = re.compile(r"(.+?)\s*\(([^()]+)\)")  # "Name (role)", "Name (Country)"


def _actor_spec(spec: str) -> list[tuple[str, str, str | None]]:
    """"Name (role); Name" as (name, role, country) (role defaults to actor1); an
    ACLED-style bracketed country ("Civilians (Afghanistan)") is the actor's country, not a
    part of its name; InvalidValue for a role that is not one."""
    found = []
    for part in (p.strip() for p in spec.split(";")):
        if not part:
            continue
        name, role = part, "actor1"
        match = _BRACKETED.fullmatch(part)
        if match and match.group(2).strip().lower() in ROLES:
            name, role = match.group(1), match.group(2).strip().lower()
        elif match and locations.country(match.group(2).strip()) is None:
            raise InvalidValue(f"actors: role {match.group(2)!r} is not one of "
                               f"{', '.join(ROLES)}")
        country = None
        match = _BRACKETED.fullmatch(name.strip())
        place = locations.country(match.group(2).strip()) if match else None
        if match and place is not None:
            name, country = match.group(1), place.country
        found.append((name.strip(), role, country))
    return found


def event_actors_text(actors: Iterable[EventActor]) -> str:
    """An event's actors as a person edits them: "Taleban (actor1); Tajikistan (source)"."""
    return "; ".join(f"{a.name} ({a.role})" for a in actors)


class Edits:
    """A person's changes to records: fields, an event's actors, merges, splits, records the
    extractor missed. Each is one undoable step of the edit log."""

    def __init__(self, connection: Connection, history: History, actors: ActorMatcher) -> None:
        self.connection = connection
        self.history = history
        self.actors = actors

    # -- fields --------------------------------------------------------------------------
    def set_field(self, kind: str, record_id: int, field: str, value: object) -> Edit | None:
        """Change one field by hand: checked, written, logged, re-indexed.

        Returns the edit, or None when the value did not change. Raises InvalidValue with a
        message for the user when the value cannot be stored; nothing is written then.
        """
        return self.set_fields(kind, record_id, {field: value})[0]

    def set_fields(self, kind: str, record_id: int,
                   values: dict[str, Any]) -> list[Edit | None]:
        """Change several fields of one record as one undoable step (a saved form)."""
        values = dict(values)
        actors = values.pop("actors", None) if kind == "event" else None
        create = bool(values.pop("create_actors", False))  # the form's ctrl+n
        checked = {field: check(kind, field, value) for field, value in values.items()}
        with self.history.step("edit"):
            if self.history.read(kind, record_id, "id") is None:
                raise KeyError(f"no {kind} {record_id}")
            edits = [self.history.change(kind, record_id, f, v) for f, v in checked.items()]
            if actors is not None:
                edits += self.set_event_actors(record_id, actors, create=create)
            return edits

    # -- an event's actors --------------------------------------------------------------
    def set_event_actors(self, event_id: int, spec: str, create: bool = False) -> list[Edit]:
        """Set who took part in an event from "Name (role); Name (role)" (role defaults to
        actor1). Names are resolved like extracted ones (aliases, spellings); a name no actor
        has is refused, so a typo never creates an actor silently: only ``create`` (the
        person said so in the form) makes it a new actor, in the same undoable step."""
        changes: list[Edit | None] = []
        with self.history.step("edit"):
            if create:
                for name, country in self._unknown(spec):
                    self._create_actor(name, country, event_id)
            wanted = self.resolve_event_actors(spec)
            current = {
                (actor_id, role): rowid for rowid, actor_id, role in self.connection.execute(
                    "SELECT rowid, actor_id, role FROM event_actors WHERE event_id = ?",
                    (event_id,),
                ).fetchall()
            }
            for key, rowid in current.items():
                if key not in wanted:
                    changes.append(self.history.change("event_actor", rowid, WHOLE_ROW, None))
            for actor_id, role in wanted:
                if (actor_id, role) not in current:
                    changes.append(self.history.change(
                        "event_actor", self.history.next_id("event_actors"), WHOLE_ROW,
                        {"event_id": event_id, "actor_id": actor_id, "role": role},
                    ))
        return [c for c in changes if c is not None]

    def resolve_event_actors(self, spec: str) -> list[tuple[int, str]]:
        """The (actor id, role) pairs "Name (role); Name (role)" names, or InvalidValue
        saying which name or role is wrong (the edit form asks before it closes)."""
        wanted: list[tuple[int, str]] = []
        for name, role, country in _actor_spec(spec):
            actor_id = self.actors.find(name, country=country)
            if actor_id is None:
                raise InvalidValue(f"actors: no actor is called {name!r}")
            if (actor_id, role) not in wanted:
                wanted.append((actor_id, role))
        return wanted

    def unknown_actors(self, spec: str) -> list[str]:
        """The names of "Name (role); …" that no stored actor has (the form offers to create
        them); InvalidValue for a role that is not one."""
        return [f"{name} ({locations.country_name(country)})" if country else name
                for name, country in self._unknown(spec)]

    def _unknown(self, spec: str) -> list[tuple[str, str | None]]:
        return list(dict.fromkeys(
            (name, country) for name, _role, country in _actor_spec(spec)
            if self.actors.find(name, country=country) is None))

    def _create_actor(self, name: str, country: str | None, event_id: int) -> int:
        """A new actor for a name typed in an event's form (inside a step): kind and country
        guessed from the name (a national kind without a country takes the event's), and a
        mention where the event's document writes the name, if it does (its provenance)."""
        name = " ".join(name.split())
        kind, country = actor_kinds.guess(name, country)
        document_id, event_country = self.connection.execute(
            "SELECT document_id, country FROM events WHERE id = ?", (event_id,)).fetchone()
        if country is None and kind in alias_rules.NATIONAL_KINDS:
            country = event_country
        new_id = self._new_actor(check("actor", "name", name), kind, country, "confirmed",
                                 note=f"created by hand for event #{event_id}")
        self._new_alias(new_id, name)
        (text,) = self.connection.execute("SELECT text FROM documents WHERE id = ?",
                                    (document_id,)).fetchone()
        found = re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.IGNORECASE)
        if found:
            self._new_mention(new_id, document_id, text, found.start(), found.end())
        return new_id

    # -- new rows of an actor (inside a step) ----------------------------------------------
    def _new_actor(self, name: str, kind: str, country: str | None, status: str,
                   note: str = "") -> int:
        new_id = self.history.next_id("actors")
        self.history.change("actor", new_id, WHOLE_ROW, {
            "name": name, "kind": kind, "country": country, "created_at": now(),
            "note": note, "status": status, "tags": "[]", "merged_into": None,
        })
        return new_id

    def _new_alias(self, actor_id: int, alias: str, fallback: str | None = None) -> None:
        """An alias of ``actor_id``; one that normalises to nothing is matched by
        ``fallback`` (else itself) in lower case."""
        self.history.change("alias", self.history.next_id("aliases"), WHOLE_ROW, {
            "actor_id": actor_id, "alias": alias,
            "norm": alias_rules.normalise(alias) or (fallback or alias).lower(),
        })

    def _new_mention(self, actor_id: int, document_id: int, text: str, start: int,
                     end: int) -> None:
        """A mention at ``text[start:end]`` of the document, with its sentence."""
        sent_start, sent_end = sentence_bounds(text, start, end)
        self.history.change("mention", self.history.next_id("mentions"), WHOLE_ROW, {
            "actor_id": actor_id, "document_id": document_id, "start": start, "end": end,
            "sent_start": sent_start, "sent_end": sent_end,
            "sentence": text[sent_start:sent_end],
        })

    # -- merge ---------------------------------------------------------------------------
    def merge_actors(self, gone: int, keep: int) -> None:
        """Fold actor ``gone`` into ``keep``: its aliases, mentions and event links move over,
        and ``gone`` is marked merged (kept, hidden, pointing at ``keep``)."""
        if gone == keep:
            raise InvalidValue("an actor cannot be merged into itself")
        with self.history.step("merge"):
            for actor in (gone, keep):
                if self.history.read("actor", actor, "status") in (None, "merged"):
                    raise KeyError(f"no actor {actor} to merge")
            kept_norms = {r[0] for r in self.connection.execute(
                "SELECT norm FROM aliases WHERE actor_id = ?", (keep,)
            )}
            for rowid, norm in self.connection.execute(
                "SELECT id, norm FROM aliases WHERE actor_id = ?", (gone,)
            ).fetchall():
                if norm in kept_norms:
                    self.history.change("alias", rowid, WHOLE_ROW, None)
                else:
                    self.history.change("alias", rowid, "actor_id", keep)
            for (rowid,) in self.connection.execute(
                "SELECT id FROM mentions WHERE actor_id = ?", (gone,)
            ).fetchall():
                self.history.change("mention", rowid, "actor_id", keep)
            kept_links = set(self.connection.execute(
                "SELECT event_id, role FROM event_actors WHERE actor_id = ?", (keep,)
            ).fetchall())
            for rowid, event_id, role in self.connection.execute(
                "SELECT rowid, event_id, role FROM event_actors WHERE actor_id = ?", (gone,)
            ).fetchall():
                if (event_id, role) in kept_links:
                    self.history.change("event_actor", rowid, WHOLE_ROW, None)
                else:
                    self.history.change("event_actor", rowid, "actor_id", keep)
            self.history.change("actor", gone, "merged_into", keep)
            self.history.change("actor", gone, "status", "merged")
        self.actors.forget()

    # -- split ---------------------------------------------------------------------------
    def split_alias(self, actor_id: int, alias: str) -> int:
        """Make ``alias`` an actor of its own again, with the mentions written that way.

        Events whose sentence holds one of those mentions follow them. Returns the new
        actor's id.
        """
        norm = alias_rules.normalise(alias)
        with self.history.step("split"):
            actor = self.connection.execute(
                "SELECT kind, country, name FROM actors WHERE id = ?", (actor_id,)
            ).fetchone()
            if actor is None:
                raise KeyError(f"no actor {actor_id}")
            if alias_rules.normalise(actor[2]) == norm:
                raise InvalidValue("that is the actor's name: rename the actor instead")
            alias_row = self.connection.execute(
                "SELECT id FROM aliases WHERE actor_id = ? AND norm = ?", (actor_id, norm)
            ).fetchone()
            if alias_row is None:
                raise InvalidValue(f"{alias!r} is not an alias of this actor")
            new_id = self._new_actor(alias, actor[0], actor[1], "unreviewed")
            self.history.change("alias", alias_row[0], "actor_id", new_id)
            moved_sentences = set()
            for rowid, document_id, start, end in self.connection.execute(
                "SELECT m.id, m.document_id, m.start, m.\"end\" FROM mentions m "
                "JOIN documents d ON d.id = m.document_id WHERE m.actor_id = ?", (actor_id,)
            ).fetchall():
                text = self.connection.execute(
                    "SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                    (start + 1, end - start, document_id),
                ).fetchone()[0]
                if alias_rules.normalise(text) == norm:
                    self.history.change("mention", rowid, "actor_id", new_id)
                    moved_sentences.add((document_id, start))
            self._move_event_links(actor_id, new_id, lambda d, start, end: any(
                d == doc and start <= s < end for doc, s in moved_sentences))
        self.actors.forget()
        return new_id

    def split_document(self, actor_id: int, document_id: int) -> int:
        """Make an article's mentions of an actor an actor of their own (the Nice report's
        "police" taken out of the American police), named as the article first writes it;
        the article's events follow. A state, its forces or civilians take the article's
        country. Returns the new actor's id."""
        with self.history.step("split"):
            actor = self.connection.execute(
                "SELECT kind, country FROM actors WHERE id = ?", (actor_id,)).fetchone()
            if actor is None:
                raise KeyError(f"no actor {actor_id}")
            mentions = self.connection.execute(
                "SELECT m.id, substr(d.text, m.start + 1, m.\"end\" - m.start), d.country "
                "FROM mentions m JOIN documents d ON d.id = m.document_id "
                "WHERE m.actor_id = ? AND m.document_id = ? ORDER BY m.start",
                (actor_id, document_id)).fetchall()
            if not mentions:
                raise InvalidValue(f"article #{document_id} does not mention this actor")
            (elsewhere,) = self.connection.execute(
                "SELECT count(*) FROM mentions WHERE actor_id = ? AND document_id != ?",
                (actor_id, document_id)).fetchone()
            if not elsewhere:
                raise InvalidValue("this article is the only one that mentions the actor: "
                                   "nothing to split off")
            name = " ".join(mentions[0][1].split())
            country = (mentions[0][2] or actor[1]) if actor[0] in alias_rules.NATIONAL_KINDS \
                else actor[1]
            new_id = self._new_actor(
                name, actor[0], country, "unreviewed",
                note=f"split off from actor #{actor_id} for article #{document_id}")
            for form in dict.fromkeys(" ".join(m[1].split()) for m in mentions):
                self._new_alias(new_id, form)
            for rowid, _text, _country in mentions:
                self.history.change("mention", rowid, "actor_id", new_id)
            self._move_event_links(actor_id, new_id, lambda d, _start, _end: d == document_id)
        self.actors.forget()
        return new_id

    def _move_event_links(self, actor_id: int, new_id: int,
                          moves: Callable[[int, int, int], bool]) -> None:
        """Link to ``new_id`` the events of ``actor_id`` for which ``moves(document,
        sentence start, sentence end)`` holds (inside a step)."""
        for rowid, event_id in self.connection.execute(
            "SELECT ea.rowid, ea.event_id FROM event_actors ea WHERE ea.actor_id = ?",
            (actor_id,),
        ).fetchall():
            document_id, sent_start, sent_end = self.connection.execute(
                "SELECT document_id, sent_start, sent_end FROM events WHERE id = ?",
                (event_id,),
            ).fetchone()
            if moves(document_id, sent_start, sent_end):
                self.history.change("event_actor", rowid, "actor_id", new_id)

    # -- add -----------------------------------------------------------------------------
    def add_record(
        self, kind: str, document_id: int, start: int, end: int, values: dict[str, Any]
    ) -> int:
        """A record the extractor missed, from a span of a stored document.

        ``values`` holds ``NEW_RECORD_FIELDS[kind]``; they are checked like any edit. The
        record's provenance is the span and its sentence bounds from the document. Returns
        its id.
        """
        checked = {f: check(kind, f, values.get(f)) for f in NEW_RECORD_FIELDS[kind]}
        row = self.connection.execute(
            "SELECT text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        text = row[0]
        if not 0 <= start < end <= len(text):
            raise InvalidValue("the span is not inside the document")
        sent_start, sent_end = sentence_bounds(text, start, end)
        with self.history.step("add"):
            if kind == "actor":
                new_id = self._new_actor(checked["name"], checked["kind"], None, "confirmed")
                self._new_alias(new_id, text[start:end], fallback=checked["name"])
                self._new_mention(new_id, document_id, text, start, end)
                return new_id
            base = {
                "document_id": document_id, "start": start, "end": end,
                "sent_start": sent_start, "sent_end": sent_end,
                "sentence": text[sent_start:sent_end], "note": "", "status": "confirmed",
                "tags": "[]", "origin": "human", "date_start": None, "date_end": None,
                "date_precision": None, "date_text": None, "location": None,
            }
            if kind == "figure":
                record = {**base, **checked, "text": text[start:end], "low": None,
                          "high": None, "part_of": None, "adds_to": None,
                          "official": sources.official(base["sentence"])}
            else:
                record = {**base, **checked, "sub_type": None, "trigger": text[start:end],
                          "country": None}
                if record["date_start"]:
                    record["date_end"] = record["date_start"]
                    record["date_precision"] = "day"
            new_id = self.history.next_id(f"{kind}s")
            self.history.change(kind, new_id, WHOLE_ROW, record)
            return new_id
