"""Fuzzy search as a funnel: vocabulary -> FTS5 candidates -> rapidfuzz re-ranking.

Exhaustive rapidfuzz over every row is too slow for a store that grows for years. Instead:

1. each query word is matched against the index's vocabulary (the distinct words of all
   records) with rapidfuzz, so a typo ("Talibn") or another spelling ("Taliban") becomes the
   words the store really holds ("taleban"); the last word also matches as a prefix;
2. FTS5 returns the few hundred records holding any of those words, best first;
3. rapidfuzz re-ranks those candidates against the whole query.

The query is only ever passed as FTS5 string literals and SQL parameters: quotes, ``*``,
``NEAR`` or ``'; DROP TABLE`` are plain words to search for.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

WORD = re.compile(r"[^\W_]+", re.UNICODE)
CANDIDATES = 300  # records fetched from FTS5 before re-ranking
VARIANTS = 6  # vocabulary words tried per query word
VARIANT_CUTOFF = 72  # rapidfuzz ratio a vocabulary word needs to stand in for a query word


@dataclass(frozen=True)
class Hit:
    kind: str
    record_id: int
    label: str
    score: float


def words(text: str) -> list[str]:
    """The words the index knows a text by: casefolded letters and digits."""
    return [w.casefold() for w in WORD.findall(text)]


def _fts_literal(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class SearchIndex:
    """Keeps ``search_docs``/``search_fts``/``search_vocab`` current and answers queries."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._vocab: list[str] | None = None

    # -- writing -------------------------------------------------------------------------
    def put(self, kind: str, record_id: int, label: str, body: str) -> None:
        """Index (or re-index) one record. Call inside the writer's transaction."""
        row = self.conn.execute(
            "SELECT id, label, body FROM search_docs WHERE kind = ? AND record_id = ?",
            (kind, record_id),
        ).fetchone()
        if row is not None:
            if (row[1], row[2]) == (label, body):
                return
            self._drop(row[0], row[1], row[2])
        cursor = self.conn.execute(
            "INSERT INTO search_docs (kind, record_id, label, body) VALUES (?, ?, ?, ?)",
            (kind, record_id, label, body),
        )
        rowid = cursor.lastrowid
        self.conn.execute(
            "INSERT INTO search_fts (rowid, label, body) VALUES (?, ?, ?)", (rowid, label, body)
        )
        self._count_words(label, body, +1)

    def remove(self, kind: str, record_id: int) -> None:
        row = self.conn.execute(
            "SELECT id, label, body FROM search_docs WHERE kind = ? AND record_id = ?",
            (kind, record_id),
        ).fetchone()
        if row is not None:
            self._drop(*row)

    def _drop(self, rowid: int, label: str, body: str) -> None:
        self.conn.execute(
            "INSERT INTO search_fts (search_fts, rowid, label, body) VALUES ('delete', ?, ?, ?)",
            (rowid, label, body),
        )
        self.conn.execute("DELETE FROM search_docs WHERE id = ?", (rowid,))
        self._count_words(label, body, -1)

    def _count_words(self, label: str, body: str, delta: int) -> None:
        counts = Counter(set(words(label) + words(body)))
        if delta > 0:
            self.conn.executemany(
                "INSERT INTO search_vocab (term, df) VALUES (?, 1) "
                "ON CONFLICT(term) DO UPDATE SET df = df + 1",
                [(term,) for term in counts],
            )
        else:
            self.conn.executemany(
                "UPDATE search_vocab SET df = df - 1 WHERE term = ?", [(t,) for t in counts]
            )
            self.conn.execute("DELETE FROM search_vocab WHERE df <= 0")
        self._vocab = None

    # -- reading -------------------------------------------------------------------------
    def vocabulary(self) -> list[str]:
        if self._vocab is None:
            self._vocab = [row[0] for row in self.conn.execute("SELECT term FROM search_vocab")]
        return self._vocab

    def expand(self, query: str) -> list[str]:
        """The vocabulary words that stand for the query's words (typos and spellings)."""
        query_words = words(query)
        vocab = self.vocabulary()
        terms: dict[str, None] = {}
        for position, word in enumerate(query_words):
            if len(word) >= 3:
                cutoff = VARIANT_CUTOFF if len(word) >= 5 else 80
                for term, _score, _ in process.extract(
                    word, vocab, scorer=fuzz.ratio, limit=VARIANTS, score_cutoff=cutoff
                ):
                    terms[term] = None
            terms[word] = None
            if position == len(query_words) - 1 and len(word) >= 2:
                for (term,) in self.conn.execute(
                    "SELECT term FROM search_vocab WHERE term >= ? AND term < ? LIMIT ?",
                    (word, word + "\U0010ffff", VARIANTS),
                ):
                    terms[term] = None
        return list(terms)

    def search(
        self, query: str, limit: int = 20, kinds: tuple[str, ...] | None = None
    ) -> list[Hit]:
        """Best ``limit`` records for ``query``, any kind (or only ``kinds``), best first."""
        terms = self.expand(query)
        if not terms:
            return []
        match = " OR ".join(_fts_literal(term) for term in terms)
        rows = self.conn.execute(
            "SELECT d.kind, d.record_id, d.label, d.body FROM search_fts "
            "JOIN search_docs d ON d.id = search_fts.rowid "
            "WHERE search_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, CANDIDATES),
        ).fetchall()
        wanted = utils.default_process(query)
        hits = []
        for kind, record_id, label, body in rows:
            if kinds and kind not in kinds:
                continue
            score = rank_score(wanted, label, body)
            hits.append(Hit(kind, record_id, label, score))
        hits.sort(key=lambda hit: (-hit.score, hit.kind, hit.record_id))
        return hits[:limit]


def rank_score(processed_query: str, label: str, body: str) -> float:
    """How well a record matches: its label counts most, its body (sentence, aliases) too."""
    label_score = fuzz.WRatio(processed_query, label, processor=utils.default_process)
    body_score = fuzz.partial_token_set_ratio(
        processed_query, body, processor=utils.default_process
    )
    return max(label_score, 0.9 * body_score)
