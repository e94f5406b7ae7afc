"""``python -m bench``: build stores of 10k/100k/1M records and measure tracker on them.

    python -m bench                          # 10k, 100k, 1M (builds are cached in bench/.cache)
    python -m bench --sizes 10k,100k --jobs 2 --out bench/results/latest.json

Prints a table and writes everything measured as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from . import build, measure, synth

HERE = Path(__file__).resolve().parent


def size(text: str) -> int:
    text = text.strip().lower()
    factor = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * factor)


def _cell(value, unit: str = "") -> str:
    return "-" if value is None else f"{value:,}{unit}" if isinstance(value, int) else (
        f"{value}{unit}")


def table(result: dict) -> str:
    rows = [
        "| records | build rec/s | engine p50 / p95 ms | FTS5 alone p95 ms | exhaustive p95 ms "
        "| speed-up (p95) | top-10 overlap (tie-aware / strict) | FTS5 overlap "
        "| tantivy p50 / p95 ms | tantivy overlap | tantivy build s / index MB "
        "| first paint s (× seed) | TUI RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in result["sizes"]:
        s, p, seed = r.get("search") or {}, r.get("paint") or {}, r.get("seed_paint") or {}
        engine, peer = s.get("engine", {}), s.get("tantivy", {})
        ratio = (f" ({p['first_paint_s'] / seed['first_paint_s']:.2f}×)"
                 if p and seed else "")
        rows.append(
            f"| {r['records']:,} | {_cell(r.get('build_records_per_s'))} | "
            f"{_cell(engine.get('p50_ms'))} / {_cell(engine.get('p95_ms'))} | "
            f"{_cell(s.get('fts5_alone', {}).get('p95_ms'))} | "
            f"{_cell(s.get('exhaustive', {}).get('p95_ms'))} | "
            f"{_cell(s.get('speedup_p95_vs_exhaustive'), '×')} | "
            f"{_cell(s.get('overlap_top10'))} / {_cell(s.get('overlap_top10_strict'))} | "
            f"{_cell(s.get('fts5_overlap_top10'))} | "
            f"{_cell(peer.get('p50_ms'))} / {_cell(peer.get('p95_ms'))} | "
            f"{_cell(peer.get('overlap_top10'))} | "
            f"{_cell(peer.get('build_s'))} / {_cell(peer.get('index_mb'))} | "
            f"{_cell(p.get('first_paint_s'))}{ratio} | {_cell(p.get('rss_mb'))} |"
        )
    seeds = [r["seed_paint"] for r in result["sizes"] if r.get("seed_paint")]
    if seeds:
        paints = sorted(s["first_paint_s"] for s in seeds)
        rows.append("| seed only (runs beside each size) | " + "- | " * 10 +
                    f"{paints[0]}–{paints[-1]} (1×) | {max(s['rss_mb'] for s in seeds)} |")
    ing = result.get("ingest")
    if ing:
        jobs = ing["jobs"]
        rows.append("")
        rows.append(
            f"Ingest ({ing['articles']} articles, {ing['words']:,} words, median of "
            f"{ing['rounds']} rounds): spaCy pipeline alone {ing['spacy_words_per_s']:,} "
            f"words/s; `tracker ingest` {ing['ingest_words_per_s']:,} words/s "
            f"({ing['ingest_vs_spacy']:.0%} of spaCy); `tracker ingest --jobs {jobs}` "
            f"{ing[f'ingest_{jobs}jobs_words_per_s']:,} words/s "
            f"({ing[f'ingest_{jobs}jobs_vs_spacy']:.0%} of spaCy in one process, "
            f"{ing[f'ingest_{jobs}jobs_vs_spacy_{jobs}proc']:.0%} of spaCy in {jobs} "
            f"processes, {ing[f'spacy_{jobs}proc_words_per_s']:,} words/s)"
        )
    tiny = result.get("tiny_ingest")
    if tiny:
        rows.append("")
        rows.append(
            f"Ingest of {tiny['documents']:,} one-sentence JSONL lines: "
            f"{tiny['docs_per_s']} documents/s; per {tiny['window']:,} documents as the store "
            f"grows: {', '.join(map(str, tiny['docs_per_s_by_window']))} "
            f"(last / first {tiny['last_vs_first_window']}); crisis step "
            f"{tiny['crisis_ms_per_doc']} ms per document, {tiny['crisis_vs_rest']:.0%} of the "
            f"rest of ingest (read, extract, store: {tiny['rest_ms_per_doc']} ms); "
            f"{tiny['crises']:,} crises"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10k,100k,1M", help="records per store, e.g. 10k,1M")
    parser.add_argument("--queries", type=int, default=120, help="search queries (>= 100)")
    parser.add_argument("--timed-baseline", type=int, default=40,
                        help="queries whose exhaustive baseline is timed single-threaded (the "
                        "rest are scored with every core, for the overlap only)")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel ingest")
    parser.add_argument("--skip", default="",
                        help="comma list of: search,paint,claims,ingest,tiny")
    parser.add_argument("--tiny", type=int, default=3000, metavar="N",
                        help="one-sentence JSONL lines for the tiny-document ingest")
    parser.add_argument("--stories", type=int, default=1,
                        help="stories the synthetic documents tell: >1 makes many crises")
    parser.add_argument("--build-only", action="store_true",
                        help="build (or find) the stores and stop; no result is written")
    parser.add_argument("--out", default=str(HERE / "results" / "latest.json"))
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    sizes = [size(s) for s in args.sizes.split(",") if s.strip()]
    queries = synth.queries(args.queries)
    result: dict = {
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "sizes": [],
        "queries": queries,
    }
    seed_db = measure.seed_store() if "paint" not in skip and not args.build_only else None
    for n in sorted(sizes):
        print(f"{n:,} records")
        meta = build.build(n, stories=args.stories)
        entry = {**meta, "records": meta["records"]}
        if not args.build_only:
            db = Path(meta["path"])
            if "search" not in skip:
                entry["search"] = measure.search(db, queries, args.timed_baseline)
            if "paint" not in skip and seed_db is not None:
                entry["paint"], entry["seed_paint"] = measure.paint_vs_seed(db, seed_db)
                print(f"    paint: {entry['paint']}; seed-only: {entry['seed_paint']}")
            if "claims" not in skip:
                entry["claims_view"] = measure.claims_view(db)
                print(f"    claims view: {entry['claims_view']}")
        result["sizes"].append(entry)
    if "ingest" not in skip and not args.build_only:
        print("ingest")
        result["ingest"] = measure.ingest(args.jobs)
    if "tiny" not in skip and not args.build_only:
        print(f"tiny ingest ({args.tiny:,} one-sentence lines)")
        result["tiny_ingest"] = measure.tiny_ingest(args.tiny)
    if args.build_only:
        return 0
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    result["table"] = table(result)
    out.write_text(json.dumps(result, indent=1))
    print()
    print(result["table"])
    print(f"\nwritten to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
