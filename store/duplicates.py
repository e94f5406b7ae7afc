"""Near-duplicate documents: the same wire story republished by several outlets.

Outlets trim or extend a wire story, so two copies rarely match as wholes; what they share is
most of the shorter one's wording. Each text is reduced to a sample of its word 5-grams (the
hashes divisible by ``SAMPLE``, so every document keeps the same 5-grams of any passage), and a
new document that shares at least ``CONTAINMENT`` of its (or the other's) sample with a stored
one is linked to it as a copy. The sample table makes finding candidates one indexed lookup.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3

WORD = re.compile(r"[^\W_]+")
SHINGLE = 5
SAMPLE = 8  # keep 1 in 8 shingles (by hash), about 100 per news article
CONTAINMENT = 0.8
MIN_SAMPLE = 8  # texts shorter than this (in sampled shingles) are never called copies


def fingerprint(text: str) -> list[int]:
    """The sampled shingle hashes of a text (distinct, signed 63-bit for SQLite)."""
    words = [w.casefold() for w in WORD.findall(text)]
    hashes = set()
    for i in range(len(words) - SHINGLE + 1):
        digest = hashlib.blake2b(" ".join(words[i : i + SHINGLE]).encode(), digest_size=8)
        value = int.from_bytes(digest.digest(), "big") >> 1
        if value % SAMPLE == 0:
            hashes.add(value)
    return sorted(hashes)


def find_original(conn: sqlite3.Connection, hashes: list[int]) -> tuple[int, float] | None:
    """The stored document this text is a copy of (its first copy's original), with the
    share of wording they have in common; None when there is none."""
    if len(hashes) < MIN_SAMPLE:
        return None
    best: tuple[int, float] | None = None
    for start in range(0, len(hashes), 500):
        chunk = hashes[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = conn.execute(
            f"SELECT document_id, count(*) FROM document_shingles WHERE hash IN ({marks}) "
            "GROUP BY document_id",
            chunk,
        ).fetchall()
        for document_id, shared in rows:
            size = conn.execute(
                "SELECT count(*) FROM document_shingles WHERE document_id = ?", (document_id,)
            ).fetchone()[0]
            if size < MIN_SAMPLE:
                continue
            overlap = shared / min(size, len(hashes))
            if overlap >= CONTAINMENT and (best is None or overlap > best[1]):
                best = (document_id, overlap)
    if best is None:
        return None
    root = conn.execute(
        "SELECT coalesce(duplicate_of, id) FROM documents WHERE id = ?", (best[0],)
    ).fetchone()[0]
    return root, round(best[1], 3)


def remember(conn: sqlite3.Connection, document_id: int, hashes: list[int]) -> None:
    conn.executemany(
        "INSERT INTO document_shingles (hash, document_id) VALUES (?, ?)",
        [(h, document_id) for h in hashes],
    )
