"""Which stored actor a name denotes, across documents: the one place that answers it, for
the ingest ("Taliban" lands on a stored "Taleban") and for a person typing a name in a form."""

from __future__ import annotations

from rapidfuzz import process

from extract import aliases as alias_rules

from .connect import Connection


class ActorMatcher:
    """Finds actors by name and keeps the aliases that make them findable."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self._norms: list[str] | None = None
        self._norm_set: set[str] = set()
        self._read_up_to = 0
        connection.on_rollback.append(self.forget)

    def forget(self) -> None:
        """Drop the cached alias list (after a rollback, a merge or a split, it may hold
        aliases that moved or are gone); the next search reads it again."""
        self._norms = None

    def _refresh(self) -> list[str]:
        """The fuzzy-match list of alias norms, with every alias stored since it was last read,
        by this connection or by another process ingesting into the same store (two
        ``tracker ingest`` at once would otherwise each make their own "Boko Haram")."""
        if self._norms is None:
            self._norms, self._norm_set, self._read_up_to = [], set(), 0
        for alias_id, norm in self.connection.execute(
            "SELECT id, norm FROM aliases WHERE id > ? ORDER BY id", (self._read_up_to,)
        ):
            self._read_up_to = alias_id
            if norm not in self._norm_set:
                self._norms.append(norm)
                self._norm_set.add(norm)
        return self._norms

    def add_alias(self, actor_id: int, alias: str) -> None:
        """Record a form of an actor's name, unless another actor owns that form."""
        norm = alias_rules.normalise(alias)
        if not norm:
            return
        owner = self.connection.execute(
            "SELECT actor_id FROM aliases WHERE norm = ? AND actor_id != ? LIMIT 1",
            (norm, actor_id),
        ).fetchone()
        if owner is not None:
            return  # the form belongs to another actor (e.g. split off by a person)
        self.connection.execute(
            "INSERT OR IGNORE INTO aliases (actor_id, alias, norm) VALUES (?, ?, ?)",
            (actor_id, alias, norm),
        )

    def find(self, name: str, aliases: list[str] | tuple[str, ...] = (),
             country: str | None = None) -> int | None:
        """The stored actor that ``name``/``aliases`` denote, across documents, or None.

        Exact normalised aliases first; then rapidfuzz finds the nearest stored aliases and
        ``extract.aliases.same_actor`` decides, so "Taliban" lands on a stored "Taleban".
        With ``country`` (a state, its forces, its civilians), an actor of another country
        is never the one: the French police are not the American police.
        """
        execute = self.connection.execute
        norms = [alias_rules.normalise(form) for form in (name, *aliases)]
        for norm in norms:
            row = execute(
                "SELECT a.actor_id FROM aliases a JOIN actors r ON r.id = a.actor_id "
                "WHERE a.norm = ? AND r.status != 'merged' AND (? IS NULL OR r.country IS "
                "NULL OR r.country = ?) ORDER BY a.actor_id LIMIT 1",
                (norm, country, country),
            ).fetchone()
            if row:
                return row[0]
        known = self._refresh()
        candidates: set[int] = set()
        for norm in norms:
            if not norm:
                continue
            for match, _score, _ in process.extract(norm, known, limit=5, score_cutoff=70):
                candidates.update(
                    r[0] for r in execute("SELECT actor_id FROM aliases WHERE norm = ?",
                                          (match,)))
        for actor_id in sorted(candidates):
            stored, stored_country = execute(
                "SELECT name, country FROM actors WHERE id = ?", (actor_id,)
            ).fetchone()
            if country and stored_country and stored_country != country:
                continue
            stored_aliases = [r[0] for r in execute(
                "SELECT alias FROM aliases WHERE actor_id = ?", (actor_id,))]
            if alias_rules.same_actor(name, list(aliases), stored, stored_aliases):
                return actor_id
        return None
