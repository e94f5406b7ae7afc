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
MIN_SAMPLE = 8  # below this (in sampled shingles) a text is compared 5-gram by 5-gram
MIN_WORDS = 30  # a shorter text (a headline, a caption) is never called a copy
SHORT_CANDIDATES = 5  # stored texts compared in full with a short one (those sharing most)
PER_SHINGLE = 32  # earliest documents counted per shingle (see ``find_original``)


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


def _all_shingles(text: str) -> set[str]:
    words = [w.casefold() for w in WORD.findall(text)]
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def _full_overlap(conn: sqlite3.Connection, document_id: int, shingles: set[str]) -> float:
    """The share of the shorter text's 5-grams the two texts have in common, every one of
    them counted: a short text (a wire brief of 80 words) has too few sampled ones to tell."""
    (other,) = conn.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()
    theirs = _all_shingles(other)
    if not theirs or not shingles:
        return 0.0
    return len(shingles & theirs) / min(len(shingles), len(theirs))


def find_original(conn: sqlite3.Connection, hashes: list[int],
                  text: str | None = None) -> tuple[int, float] | None:
    """The stored document this text is a copy of (its first copy's original), with the
    share of wording they have in common; None when there is none.

    Per shingle only the ``PER_SHINGLE`` earliest documents holding it are counted: a copy
    links to the original, which is among the earliest, and a stock phrase that thousands of
    documents share ("the Associated Press said") would otherwise make every lookup read them
    all, so that ingest slows as the store grows."""
    short = len(hashes) < MIN_SAMPLE
    if short and (text is None or len(WORD.findall(text)) < MIN_WORDS or not hashes):
        return None
    shared: dict[int, int] = {}
    for value in hashes:
        for (document_id,) in conn.execute(
            "SELECT document_id FROM document_shingles WHERE hash = ? ORDER BY rowid LIMIT ?",
            (value, PER_SHINGLE),
        ):
            shared[document_id] = shared.get(document_id, 0) + 1
    best: tuple[int, float] | None = None
    floor = CONTAINMENT * MIN_SAMPLE  # fewer shared shingles can never be a copy
    mine = _all_shingles(text) if short and text else set()
    closest = sorted(shared, key=lambda d: (-shared[d], d))[:SHORT_CANDIDATES]
    for document_id, count in shared.items():
        if count < floor and document_id not in closest:
            continue  # the usual case, decided without reading more
        size = conn.execute(
            "SELECT count(*) FROM document_shingles WHERE document_id = ?", (document_id,)
        ).fetchone()[0]
        if short or size < MIN_SAMPLE:
            if document_id not in closest or text is None:
                continue
            overlap = _full_overlap(conn, document_id, mine or _all_shingles(text))
        elif count < floor:
            continue
        else:
            overlap = count / min(size, len(hashes))
        if overlap >= CONTAINMENT and (best is None or overlap > best[1]
                                       or (overlap == best[1] and document_id < best[0])):
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
