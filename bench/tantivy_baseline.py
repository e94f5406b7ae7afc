"""The peer a user would pick for fuzzy search in a local app: tantivy (its official Python
bindings), over the same records and queries as tracker's engine.

Each record is one tantivy document with the engine's two texts, ``label`` and ``body``
(the default tokenizer: words, lowercased). A query asks every word, fuzzily, in either
field: edit distance 1 for words of 4+ letters, 2 for 8+, 0 below; the last word as a
prefix (as the user is typing it). Hits are tantivy's BM25 top 10. Bench only: tantivy is in
the test lock, not the app's.
"""

from __future__ import annotations

import gc
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from store.search import words

from .cache_state import evict

BATCH = 50_000  # documents between commits while building


def distance(word: str) -> int:
    return 2 if len(word) >= 8 else 1 if len(word) >= 4 else 0


class Tantivy:
    """A tantivy index of a store's search records, built in a temporary folder."""

    def __init__(self, conn: sqlite3.Connection):
        import tantivy

        self.tantivy = tantivy
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("label", stored=False)
        builder.add_text_field("body", stored=False)
        builder.add_text_field("kind", stored=True, tokenizer_name="raw")
        builder.add_integer_field("record_id", stored=True, indexed=False)
        self.schema = builder.build()
        self.folder = Path(tempfile.mkdtemp(prefix="tantivy-bench-"))
        t0 = time.perf_counter()
        index = tantivy.Index(self.schema, path=str(self.folder))
        writer = index.writer(heap_size=256_000_000, num_threads=1)
        count = 0
        for kind, record_id, label, body in conn.execute(
                "SELECT kind, record_id, label, body FROM search_docs"):
            writer.add_document(tantivy.Document(kind=kind, record_id=record_id,
                                                 label=label or "", body=body or ""))
            count += 1
            if count % BATCH == 0:
                writer.commit()
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        self.build_s = time.perf_counter() - t0
        self.documents = count
        self.searcher: Any = index.searcher()

    @property
    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.folder.rglob("*") if p.is_file())

    def query(self, text: str):
        """Every word (fuzzy, the last as a prefix) in the label or the body."""
        t = self.tantivy
        ws = [w.lower() for w in words(text)]
        clauses = []
        for n, word in enumerate(ws):
            last = n == len(ws) - 1
            either = [t.Query.fuzzy_term_query(self.schema, field, word, distance(word),
                                               True, last) for field in ("label", "body")]
            clauses.append((t.Occur.Must, t.Query.boolean_query(
                [(t.Occur.Should, q) for q in either])))
        return t.Query.boolean_query(clauses) if clauses else None

    def search(self, text: str, limit: int = 10) -> list[tuple[str, int]]:
        query = self.query(text)
        if query is None:
            return []
        found = self.searcher.search(query, limit)
        out = []
        for _score, address in found.hits:
            doc = self.searcher.doc(address)
            out.append((doc["kind"][0], doc["record_id"][0]))
        return out

    def reopen_cold(self) -> float:
        """Open the index again with its files' pages dropped from the OS page cache, as the
        store's are for the cold pass (its mapped pages are let go first: the kernel keeps
        pages a process maps); the seconds the opening took. Opening reads the index's files
        back in (all of them, by ``fincore`` on a 100k-record index), so tantivy's cold cost
        is paid there, not in its queries."""
        self.searcher = None
        gc.collect()
        evict(p for p in self.folder.rglob("*") if p.is_file())
        t = time.perf_counter()
        self.searcher = self.tantivy.Index.open(str(self.folder)).searcher()
        return time.perf_counter() - t

    def close(self) -> None:
        self.searcher = None
        shutil.rmtree(self.folder, ignore_errors=True)
