"""From files on disk to stored documents: find files, read (``store.readers``), skip what
is known, extract, store. A file that cannot be read is reported and skipped; the others go on.
The publication date and place come from the file's metadata, else from the text's dateline.
The pieces are in ``store.pipeline``; ``jobs`` > 1 extracts in processes (``store.parallel``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import extract

from .pipeline import (
    FileDone,
    analyse,
    articles_in,
    find_files,
    ingest_article,
    ingest_one,
    known_article,
    skip_on_failure,
    write_article,
)
from .readers import Article, Skipped
from .store import Added, Store

__all__ = [
    "Added", "Article", "FileDone", "Skipped", "analyse", "articles_in", "ensure_seeded",
    "find_files", "ingest_article", "ingest_one", "ingest_paths", "known_article",
    "reextract", "seed_paths", "skip_on_failure", "write_article",
]


def ingest_paths(
    store: Store,
    paths: Iterable[str | os.PathLike | Path | Skipped],
    on_result: Callable[[Added | Skipped], None] | None = None,
    on_file: Callable[[Path], None] | None = None,
    jobs: int = 1,
) -> list[Added | Skipped]:
    """Ingest every article under ``paths`` (or the items ``find_files`` gave); report each
    result as it comes, and each file when it is done (for a progress bar). ``jobs`` > 1
    extracts in that many processes (0: one per CPU), see ``store.parallel``."""
    results: list[Added | Skipped] = []

    def report(result: Added | Skipped) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    def file_done(path: Path) -> None:
        if on_file is not None:
            on_file(path)

    stream = articles_in(paths)
    if jobs != 1:
        from .parallel import ingest_parallel  # process pools only when asked for

        ingest_parallel(store, stream, jobs, report, file_done)
    else:
        for item in stream:
            if isinstance(item, FileDone):
                file_done(item.path)
            elif isinstance(item, Skipped):
                report(item)
            else:
                report(ingest_one(store, item))
    store.claims.keep(r.document_id for r in results if isinstance(r, Added) and r.new)
    return results


def reextract(store: Store, everything: bool = False) -> list[tuple[int, dict]]:
    """Run the current extractor again over stored documents (those extracted by another
    version, or all), keeping every human decision (see ``store.reextract``)."""
    done = []
    for document_id, text, published, version in store.conn.execute(
        "SELECT id, text, published, extractor_version FROM documents ORDER BY id"
    ).fetchall():
        if not everything and version == extract.EXTRACTOR_VERSION:
            continue
        extraction = extract.extract(text, published=published)
        counts = store.reextraction.apply(document_id, extraction, extract.EXTRACTOR_VERSION)
        done.append((document_id, counts))
    store.claims.keep(document_id for document_id, _counts in done)
    return done


def seed_paths() -> list[Path]:
    """The seed articles bundled with tracker."""
    import seeds

    return seeds.paths()


def ensure_seeded(store: Store) -> list[Added | Skipped]:
    """Ingest the bundled seeds into an empty store, so a new user never sees empty panes."""
    if store.documents.count():
        return []
    return ingest_paths(store, seed_paths())
