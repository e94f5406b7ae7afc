"""Proposed ``--jobs N`` ingest: extraction in N processes, one writer in the parent.

To move into ``store/`` (e.g. ``store/parallel.py``) and call from ``tracker ingest --jobs N``.
SQLite has one writer at a time, and extraction (spaCy plus the rules) is the expensive part,
so workers only run ``extract.extract`` (pure: text in, ``Extraction`` out, picklable
dataclasses) and the parent writes each result through ``Store.add_document`` in the order the
articles came, skipping texts already stored before any worker sees them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

import extract
from store.ingest import Article, Skipped
from store.store import Added, Store


def _init_worker() -> None:
    from extract import nlp

    nlp.load()  # pay the model load once per worker, before the first article


def _extract(text: str, published: str | None):
    return extract.extract(text, published=published)


def ingest_parallel(
    store: Store,
    articles: Iterable[Article | Skipped],
    jobs: int = 0,
    on_result: Callable[[Added | Skipped], None] | None = None,
    window: int = 0,
) -> list[Added | Skipped]:
    """Ingest ``articles`` with ``jobs`` extraction processes (0: one per CPU).

    At most ``window`` articles (default 4 per job) are in flight, so memory stays flat on a
    feed of any length; results are written and reported in input order."""
    jobs = jobs or os.cpu_count() or 1
    window = window or 4 * jobs
    results: list[Added | Skipped] = []

    def report(result: Added | Skipped) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    pending: list[tuple[Article | Skipped, Future | None]] = []  # in input order
    seen: set[str] = set()

    def drain(block: bool) -> None:
        while pending:
            article, future = pending[0]
            if future is not None and not future.done():
                if not block and len(pending) < window:
                    return
                wait([future], return_when=FIRST_COMPLETED)
            pending.pop(0)
            if isinstance(article, Skipped):
                report(article)
                continue
            if future is None:
                known = store.has_document(article.text)
                report(Added(known, store.document(known)["title"], new=False))
                continue
            try:
                extraction = future.result()
                report(store.add_document(
                    article.text, extraction, title=article.title, source=article.source,
                    url=article.url, published=article.published or extraction.published,
                    extractor_version=extract.EXTRACTOR_VERSION,
                ))
            except Exception as error:  # one bad article never stops the others
                report(Skipped(article.source, f"{type(error).__name__}: {error}"))

    with ProcessPoolExecutor(jobs, initializer=_init_worker) as pool:
        for article in articles:
            if (isinstance(article, Skipped) or article.text in seen
                    or store.has_document(article.text) is not None):
                pending.append((article, None))
            else:
                seen.add(article.text)
                pending.append((article, pool.submit(_extract, article.text,
                                                     article.published)))
            drain(block=False)
        drain(block=True)
    return results
