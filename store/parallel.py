"""``tracker ingest --jobs N``: extraction in N processes, one writer.

SQLite takes one writer at a time and extraction (spaCy plus the rules) is the expensive part,
so worker processes only run ``pipeline.analyse`` (pure: text in, picklable dataclasses out) and
this process writes each result, in the order the articles came, through the same
``write_article`` the serial ingest uses. A text already stored (or met earlier in the same
run) never reaches a worker. At most a few articles per worker are in flight, so memory stays
flat on a feed of any length.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from .pipeline import FileDone, analyse, known_article, skip_on_failure, write_article
from .readers import Article, Skipped
from .store import Added, Store

IN_FLIGHT_PER_JOB = 4


def _init_worker() -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and keeps what was written.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from extract import nlp

    nlp.load()  # pay the model load once per worker, before the first article


def jobs_for(jobs: int) -> int:
    """``jobs`` as a process count: 0 or less means one per CPU."""
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def ingest_parallel(
    store: Store,
    items: Iterable[Article | Skipped | FileDone],
    jobs: int,
    report: Callable[[Added | Skipped], None],
    file_done: Callable[[Path], None],
) -> None:
    """Ingest the stream ``items`` (see ``pipeline.articles_in``) with ``jobs`` extraction
    processes; results are written and reported in input order."""
    jobs = jobs_for(jobs)
    window = IN_FLIGHT_PER_JOB * jobs
    pending: deque[tuple[Article | Skipped | FileDone, Future | None]] = deque()  # input order
    seen: set[str] = set()
    in_flight = 0

    def finish(item: Article | Skipped | FileDone, future: Future | None) -> None:
        if isinstance(item, FileDone):
            file_done(item.path)
        elif isinstance(item, Skipped):
            report(item)
        elif future is None:  # stored before, or earlier in this run
            report(known_article(store, item)
                   or Skipped(item.source, "same text as an article that failed"))
        else:
            report(skip_on_failure(item, lambda: write_article(store, item, *future.result())))

    def drain(until: int) -> None:
        """Write finished results in order until at most ``until`` extractions are running."""
        nonlocal in_flight
        while pending and (in_flight > until or pending[0][1] is None
                           or pending[0][1].done()):
            item, future = pending.popleft()
            if future is not None:
                future.exception()  # waits for it
                in_flight -= 1
            finish(item, future)

    pool = ProcessPoolExecutor(jobs, initializer=_init_worker)
    try:
        for item in items:
            future = None
            if isinstance(item, Article) and item.text not in seen:
                seen.add(item.text)
                if store.documents.find(item.text) is None:
                    future = pool.submit(analyse, item.text, item.published)
                    in_flight += 1
            pending.append((item, future))
            drain(until=window - 1)
        drain(until=-1)
    except BaseException:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()  # an article mid-extraction is not worth waiting for
        raise
    pool.shutdown()
