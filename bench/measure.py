"""The measurements: search latency and quality, TUI first paint and RSS, ingest throughput."""

from __future__ import annotations

import gc
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process, utils

from store import Store
from store.search import BODY_WEIGHT, _fts_literal, words

from .cache_state import evict, load, store_files
from .synth import CACHE, articles

ROOT = Path(__file__).resolve().parent.parent
TOP = 10


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _ms(values: list[float]) -> dict:
    return {"p50_ms": round(_pct(values, 0.5) * 1000, 2),
            "p95_ms": round(_pct(values, 0.95) * 1000, 2),
            "mean_ms": round(statistics.fmean(values) * 1000, 2)}


class Exhaustive:
    """The baseline: rapidfuzz over every record with the engine's own re-rank scorer,
    ``max(WRatio(query, label), 0.9 * partial_token_set_ratio(query, body))``, both with
    ``default_process`` (texts processed once, ahead of any query)."""

    def __init__(self, conn: sqlite3.Connection):
        rows = conn.execute("SELECT kind, record_id, label, body FROM search_docs").fetchall()
        self.keys = [(kind, record_id) for kind, record_id, _l, _b in rows]
        self.labels = [utils.default_process(r[2]) for r in rows]
        self.bodies = [utils.default_process(r[3]) for r in rows]
        self.index = {key: i for i, key in enumerate(self.keys)}

    def scores(self, query: str, workers: int = 1) -> np.ndarray:
        q = utils.default_process(query)
        a = process.cdist([q], self.labels, scorer=fuzz.WRatio, workers=workers)[0]
        b = process.cdist([q], self.bodies, scorer=fuzz.partial_token_set_ratio,
                          workers=workers)[0]
        return np.maximum(a, BODY_WEIGHT * b)

    def top(self, scores: np.ndarray, n: int = TOP) -> list[tuple[str, int]]:
        n = min(n, len(scores))
        if not n:
            return []
        tenth = -np.partition(-scores, n - 1)[n - 1]
        cut = np.nonzero(scores >= tenth)[0]  # every record tied with the n-th best too
        best = sorted(cut, key=lambda i: (-scores[i], self.keys[i]))[:n]
        return [self.keys[i] for i in best]


def overlap(found: list[tuple[str, int]], truth_top: list[tuple[str, int]],
            scores: np.ndarray, index: dict) -> tuple[float, float]:
    """(strict, tie-aware) share of the exhaustive top 10 the engine's top 10 holds.

    Strict: the same records. Tie-aware: records scoring at least the exhaustive 10th best
    (many records can share that score, e.g. every sentence holding the word exactly; which
    of them is "the" 10th is arbitrary)."""
    if not truth_top:
        return 1.0, 1.0
    n = len(truth_top)
    strict = len(set(found[:n]) & set(truth_top)) / n
    tenth = float(scores[index[truth_top[-1]]])
    good = sum(1 for key in found[:n] if float(scores[index[key]]) >= tenth - 1e-3)
    return strict, good / n


def fts_alone(conn: sqlite3.Connection, query: str) -> list[tuple[str, int]]:
    """The other baseline: SQLite FTS5 alone (any query word, the last one as a prefix, bm25)."""
    ws = words(query)
    if not ws:
        return []
    terms = [_fts_literal(w) for w in ws]
    terms[-1] += "*"
    return [
        (kind, record_id)
        for kind, record_id in conn.execute(
            "SELECT d.kind, d.record_id FROM search_docs d JOIN (SELECT rowid AS id, rank "
            "FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT ?) c ON c.id = d.id "
            "ORDER BY c.rank",
            (" OR ".join(terms), TOP),
        )
    ]


WARM_PASSES = 3  # a warm query's time is its median over this many passes (see _timed)


def search(db: Path, queries: list[dict], timed_baseline: int, log=print,
           passes: int = WARM_PASSES) -> dict:
    """Latency of the engine, FTS5 alone and exhaustive rapidfuzz; overlap with exhaustive.

    Warm, each query's time is its median over ``passes`` passes, for every engine alike: in
    one pass of 120 queries of a few ms, six slow ones (this machine's neighbours, a
    collection) make the p95, and runs of the same code differed by 2x. Cold is one pass:
    only the first reads from the disk."""
    # Warm as tantivy's index, just written, is: the store's pages read in first, whatever
    # this machine's kernel reclaimed since the store was built (without this, "as found"
    # measured an idle hour as much as the search code).
    load(store_files(db))
    store = Store(db)
    conn = store.conn
    t0 = time.perf_counter()
    store.index.search("warm up")  # reads the vocabulary: the first search of a session
    first = time.perf_counter() - t0
    # The engine and FTS5 alone are timed first, in a process as small as the TUI's: once
    # the exhaustive baseline holds a million strings, every garbage collection walks them.
    # Each in a loop of its own, as tantivy is: FTS5 alone between two of the engine's
    # queries would flush the page cache the engine's next query reads (and the reverse).
    engine_t, engine_hits = _timed(queries, lambda text: store.index.search(text, limit=TOP),
                                   passes)
    fts_t, fts_hits = _timed(queries, lambda text: fts_alone(conn, text), passes)
    engine_cold_t = _cold_engine(db, queries)
    peer = _tantivy_run(conn, queries, passes)
    exhaustive = Exhaustive(conn)
    gc.freeze()  # its strings live to the end: no collection needs to walk them
    exh_t: list[float] = []
    strict, tie, fts_strict, fts_tie = [], [], [], []
    for number, (q, hits, fts) in enumerate(zip(queries, engine_hits, fts_hits, strict=True)):
        timed = number < timed_baseline
        t = time.perf_counter()
        scores = exhaustive.scores(q["query"], workers=1 if timed else -1)
        truth = exhaustive.top(scores)
        if timed:
            exh_t.append(time.perf_counter() - t)
        s, a = overlap([(h.kind, h.record_id) for h in hits], truth, scores, exhaustive.index)
        strict.append(s)
        tie.append(a)
        s, a = overlap(fts, truth, scores, exhaustive.index)
        fts_strict.append(s)
        fts_tie.append(a)
        s, a = overlap(peer["hits"][number], truth, scores, exhaustive.index)
        peer["strict"].append(s)
        peer["tie"].append(a)
        for hit in hits:  # the engine's scores are the exhaustive ones, for its candidates
            assert abs(hit.score - scores[exhaustive.index[(hit.kind, hit.record_id)]]) < 0.01
    gc.unfreeze()
    store.close()
    engine, exh = _ms(engine_t), _ms(exh_t)
    out = {
        "queries": len(queries),
        "warm_passes": passes,
        "engine": engine,
        "engine_first_query_ms": round(first * 1000, 1),
        "engine_cold": {**_ms(engine_cold_t[1:]),
                        "open_and_first_query_ms": round(engine_cold_t[0] * 1000, 1)},
        "fts5_alone": _ms(fts_t),
        "exhaustive": {**exh, "queries_timed": len(exh_t)},
        "speedup_p95_vs_exhaustive": round(exh["p95_ms"] / engine["p95_ms"], 1),
        "speedup_p50_vs_exhaustive": round(exh["p50_ms"] / engine["p50_ms"], 1),
        "overlap_top10": round(statistics.fmean(tie), 3),
        "overlap_top10_strict": round(statistics.fmean(strict), 3),
        "fts5_overlap_top10": round(statistics.fmean(fts_tie), 3),
        "fts5_overlap_top10_strict": round(statistics.fmean(fts_strict), 3),
        "tantivy": {**_ms(peer["times"]), "build_s": peer["build_s"],
                    "index_mb": peer["index_mb"],
                    "cold": {**_ms(peer["cold_times"]), "open_s": peer["cold_open_s"],
                             "first_query_ms": peer["cold_first_query_ms"]},
                    "overlap_top10": round(statistics.fmean(peer["tie"]), 3),
                    "overlap_top10_strict": round(statistics.fmean(peer["strict"]), 3)},
        "worst_queries": sorted(
            ({"query": q["query"], "overlap": round(a, 2)} for q, a in zip(queries, tie,
                                                                           strict=True)),
            key=lambda item: item["overlap"],
        )[:5],
    }
    log(f"    search: engine p50 {engine['p50_ms']} ms p95 {engine['p95_ms']} ms; exhaustive "
        f"p95 {exh['p95_ms']} ms; overlap {out['overlap_top10']}; tantivy p95 "
        f"{out['tantivy']['p95_ms']} ms, overlap {out['tantivy']['overlap_top10']}; cold "
        f"(pages dropped): engine p95 {out['engine_cold']['p95_ms']} ms, tantivy p95 "
        f"{out['tantivy']['cold']['p95_ms']} ms")
    return out


def _cold_engine(db: Path, queries: list[dict]) -> list[float]:
    """The engine's times with the store's pages dropped from the page cache first (see
    ``bench.cache_state``), in a connection of its own: first the opening and the first
    search together (tantivy's are timed apart), then each query."""
    evict(store_files(db))
    t = time.perf_counter()
    with Store(db, read_only=True) as cold:
        cold.index.search("warm up")
        opened = time.perf_counter() - t  # opening and the first search, as tantivy's
        times, _hits = _timed(queries, lambda text: cold.index.search(text, limit=TOP))
    return [opened, *times]


def _timed(queries: list[dict], ask: Callable[[str], Any], passes: int = 1
           ) -> tuple[list[float], list]:
    """Each query's seconds (the median of ``passes`` passes over all the queries in turn)
    and its answer (the first pass's)."""
    runs: list[list[float]] = []
    answers: list = []
    for number in range(passes):
        times = []
        for q in queries:
            t = time.perf_counter()
            answer = ask(q["query"])
            times.append(time.perf_counter() - t)
            if not number:
                answers.append(answer)
        runs.append(times)
    return [statistics.median(each) for each in zip(*runs, strict=True)], answers


def _tantivy_run(conn: sqlite3.Connection, queries: list[dict], passes: int = 1) -> dict:
    """The peer engine on the same records and queries: its build, size, hits and times, as
    built (its pages in memory) and opened again with its pages dropped."""
    from .tantivy_baseline import Tantivy

    peer = Tantivy(conn)
    peer.search("warm up")
    times, hits = _timed(queries, lambda text: peer.search(text, TOP), passes)
    cold_open_s = peer.reopen_cold()
    t = time.perf_counter()
    peer.search("warm up")
    cold_first_s = time.perf_counter() - t
    cold_times, _hits = _timed(queries, lambda text: peer.search(text, TOP))
    out = {"times": times, "cold_times": cold_times, "hits": hits,
           "cold_open_s": round(cold_open_s, 3),
           "cold_first_query_ms": round(cold_first_s * 1000, 1),
           "build_s": round(peer.build_s, 2), "index_mb": round(peer.size_bytes / 1e6, 1),
           "strict": [], "tie": []}
    peer.close()
    return out


def _fresh_process(module: str, db: Path) -> dict:
    """Run ``python -m module db`` in a new process (nothing cached) and read its last line."""
    done = subprocess.run(
        [sys.executable, "-m", module, str(db)], cwd=ROOT, capture_output=True,
        text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if done.returncode:
        raise RuntimeError(f"{module} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _paint_once(db: Path) -> dict:
    return _fresh_process("bench.paint", db)


def claims_view(db: Path) -> dict:
    """Opening the claims view of the largest and of the median crisis, in a new process."""
    return _fresh_process("bench.claims_view", db)


def _median_run(results: list[dict]) -> dict:
    ordered = sorted(results, key=lambda r: r["first_paint_s"])
    return {**ordered[len(ordered) // 2], "rss_mb": max(r["rss_mb"] for r in results),
            "runs": len(results)}


def paint(db: Path, runs: int = 5) -> dict:
    """TUI first paint and peak RSS, each run in a fresh process (median of ``runs``)."""
    return _median_run([_paint_once(db) for _ in range(runs)])


def paint_vs_seed(db: Path, seed: Path, runs: int = 7) -> tuple[dict, dict]:
    """First paint and RSS on ``db`` and on the seed-only store, run in turn (seed, db, seed,
    db, ...) so that both see the machine alike; the median run of each."""
    mine, seeds = [], []
    for _ in range(runs):
        seeds.append(_paint_once(seed))
        mine.append(_paint_once(db))
    return _median_run(mine), _median_run(seeds)


def seed_store() -> Path:
    """The store a new user starts with: the bundled seeds (built once, cached)."""
    from store.ingest import ensure_seeded

    from .build import upgrade

    path = CACHE / "seed.db"
    if path.exists():
        upgrade(path)
    else:
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".building")
        tmp.unlink(missing_ok=True)
        with Store(tmp) as store:
            ensure_seeded(store)
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tmp.replace(path)
    return path


def ingest(jobs: int, rounds: int = 3, log=print) -> dict:
    """Words/s of ``tracker ingest``'s own path (``ingest_paths`` over JSON files: read,
    extract, store), with one process and with ``jobs``, against the bare spaCy pipeline on
    the same texts, with one process and with ``jobs``. The four are measured in turn,
    ``rounds`` times, and each reports its median round, so a busy moment of the machine
    weighs on all of them alike."""
    from extract import nlp
    from store.ingest import ingest_paths

    texts = [a["text"] for a in articles()]
    total_words = sum(len(t.split()) for t in texts)
    tmpdir = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    inbox = tmpdir / "inbox"
    inbox.mkdir()
    for number, article in enumerate(articles()):
        (inbox / f"{number:03}.json").write_text(json.dumps(article), encoding="utf-8")
    pipeline = nlp.load()
    list(pipeline.pipe(["Warm up the pipeline once."]))

    def spacy(processes: int, _run: int) -> float:
        t = time.perf_counter()
        for _doc in pipeline.pipe(texts, n_process=processes, batch_size=2):
            pass
        return time.perf_counter() - t

    def tracker_ingest(processes: int, run: int) -> float:
        with Store(tmpdir / f"{processes}-{run}.db") as store:
            t = time.perf_counter()
            results = ingest_paths(store, [inbox], jobs=processes)
            seconds = time.perf_counter() - t
        assert sum(1 for r in results if getattr(r, "new", False)) == len(texts)
        return seconds

    timings: dict[str, list[float]] = {}
    try:
        for run in range(rounds):
            for name, measure, processes in (
                ("spacy", spacy, 1), ("ingest", tracker_ingest, 1),
                (f"ingest_{jobs}jobs", tracker_ingest, jobs), (f"spacy_{jobs}proc", spacy, jobs),
            ):
                timings.setdefault(name, []).append(measure(processes, run))
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    rate = {name: round(total_words / statistics.median(values))
            for name, values in timings.items()}
    out = {
        "words": total_words, "articles": len(texts), "rounds": rounds, "jobs": jobs,
        "spacy_words_per_s": rate["spacy"],
        "ingest_words_per_s": rate["ingest"],
        "ingest_vs_spacy": round(rate["ingest"] / rate["spacy"], 3),
        f"spacy_{jobs}proc_words_per_s": rate[f"spacy_{jobs}proc"],
        f"ingest_{jobs}jobs_words_per_s": rate[f"ingest_{jobs}jobs"],
        f"ingest_{jobs}jobs_vs_spacy": round(rate[f"ingest_{jobs}jobs"] / rate["spacy"], 3),
        f"ingest_{jobs}jobs_vs_spacy_{jobs}proc": round(
            rate[f"ingest_{jobs}jobs"] / rate[f"spacy_{jobs}proc"], 3),
        "seconds": {name: [round(v, 2) for v in values] for name, values in timings.items()},
    }
    log(f"    ingest: {out}")
    return out


def tiny_lines(count: int) -> list[str]:
    """``count`` one-sentence articles as JSONL lines: the real articles' sentences, each
    made unique, dated across a year (a feed dump or a wire's line-per-item archive)."""
    import re

    sentences = [s for a in articles() for s in re.split(r"(?<=[.!?])\s+", a["text"])
                 if 8 <= len(s.split()) <= 40]
    lines = []
    for number in range(count):
        sentence = sentences[number % len(sentences)]
        day = f"2016-{1 + number % 12:02}-{1 + number % 28:02}"
        lines.append(json.dumps({"title": sentence[:60], "text": f"{sentence} ({number})",
                                 "published": day}))
    return lines


def tiny_ingest(count: int = 3000, window: int = 500, log=print) -> dict:
    """Documents/s of ``tracker ingest`` over one JSONL file of ``count`` one-sentence
    articles, per ``window`` documents as the store grows (it must not fall once the store
    holds more documents than a new one is compared with), and the crisis step's time per
    document against the extractor's, measured in the same run on the same documents."""
    import extract
    from store import crises
    from store.ingest import ingest_paths

    tmpdir = Path(tempfile.mkdtemp(prefix="bench-tiny-"))
    try:
        path = tmpdir / "items.jsonl"
        path.write_text("\n".join(tiny_lines(count)) + "\n", encoding="utf-8")
        with Store(tmpdir / "tiny.db") as store:
            crisis_seconds: list[float] = []
            assign = store.crises.assign

            def timed_assign(document_id: int) -> int:
                t = time.perf_counter()
                try:
                    return assign(document_id)
                finally:
                    crisis_seconds.append(time.perf_counter() - t)

            # the instance's, called by documents.add
            store.crises.assign = timed_assign  # type: ignore[method-assign]
            extract.extract("Warm up the pipeline once.")  # not counted: loading the model
            stamps = [time.perf_counter()]
            ingest_paths(store, [path], on_result=lambda _r: stamps.append(time.perf_counter()))
            crisis_count = store.conn.execute(
                "SELECT count(*) FROM crises WHERE status = 'active'").fetchone()[0]
        total = stamps[-1] - stamps[0]
        per_window = [round(window / (stamps[i + window] - stamps[i]), 1)
                      for i in range(0, len(stamps) - window, window)]
        crisis = sum(crisis_seconds)
        rest = total - crisis  # reading, extraction (most of it), storing, indexing
        out = {
            "documents": count, "candidates": crises.CANDIDATES,
            "docs_per_s": round(count / total, 1), "docs_per_s_by_window": per_window,
            "window": window, "crises": crisis_count,
            "crisis_ms_per_doc": round(1000 * crisis / count, 2),
            "rest_ms_per_doc": round(1000 * rest / count, 2),
            "crisis_vs_rest": round(crisis / rest, 3),
            "last_vs_first_window": round(per_window[-1] / per_window[0], 3)
            if per_window else None,
        }
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    log(f"    tiny ingest: {out}")
    return out
