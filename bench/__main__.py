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


def table(result: dict) -> str:
    seed = result.get("seed_paint") or {}
    rows = [
        "| records | build rec/s | engine p50 / p95 ms | FTS5 alone p95 ms | exhaustive p95 ms "
        "| speed-up (p95) | top-10 overlap (tie-aware / strict) | FTS5 overlap | first paint s "
        "(× seed) | … with 50-row first page | RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in result["sizes"]:
        s, p = r.get("search", {}), r.get("paint", {})
        ratio = (p["first_paint_s"] / seed["first_paint_s"]) if p and seed else None
        p50 = r.get("paint_page50") or {}
        ratio50 = p50["first_paint_s"] / seed["first_paint_s"] if p50 and seed else 0
        rows.append(
            f"| {r['records']:,} | {r['build_records_per_s'] or '-'} | "
            f"{s.get('engine', {}).get('p50_ms', '-')} / {s.get('engine', {}).get('p95_ms', '-')}"
            f" | {s.get('fts5_alone', {}).get('p95_ms', '-')} | "
            f"{s.get('exhaustive', {}).get('p95_ms', '-')} | "
            f"{s.get('speedup_p95_vs_exhaustive', '-')}× | "
            f"{s.get('overlap_top10', '-')} / {s.get('overlap_top10_strict', '-')} | "
            f"{s.get('fts5_overlap_top10', '-')} | "
            f"{p.get('first_paint_s', '-')} ({ratio:.2f}×) | "
            f"{p50.get('first_paint_s', '-')} ({ratio50:.2f}×) | {p.get('rss_mb', '-')} |"
            if ratio else
            f"| {r['records']:,} | {r['build_records_per_s'] or '-'} | - | - | - | - | - | - | "
            "- | - | - |"
        )
    if seed:
        rows.append(f"| seed only | - | - | - | - | - | - | - | {seed['first_paint_s']} (1×) | "
                    f"- | {seed['rss_mb']} |")
    ing = result.get("ingest")
    if ing:
        jobs = ing.get("jobs")
        rows.append("")
        rows.append(
            f"Ingest ({ing['articles']} articles, {ing['words']:,} words): spaCy pipeline alone "
            f"{ing['spacy_words_per_s']:,} words/s; `ingest_article` end to end "
            f"{ing['ingest_words_per_s']:,} words/s ({ing['ingest_vs_spacy']:.0%} of spaCy)"
            + (f"; with {jobs} processes {ing[f'ingest_{jobs}jobs_words_per_s']:,} words/s "
               f"({ing[f'ingest_{jobs}jobs_vs_spacy']:.0%} of single-process spaCy; spaCy with "
               f"{jobs} processes {ing[f'spacy_{jobs}proc_words_per_s']:,} words/s)"
               if jobs else "")
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
    parser.add_argument("--skip", default="", help="comma list of: search,paint,ingest")
    parser.add_argument("--build-only", action="store_true")
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
    if "paint" not in skip and not args.build_only:
        print("seed-only store: first paint")
        result["seed_paint"] = measure.paint(measure.seed_store(), runs=5)
        print(f"    {result['seed_paint']}")
    for n in sorted(sizes):
        print(f"{n:,} records")
        meta = build.build(n)
        entry = {**meta, "records": meta["records"]}
        if not args.build_only:
            db = Path(meta["path"])
            if "search" not in skip:
                entry["search"] = measure.search(db, queries, args.timed_baseline)
            if "paint" not in skip:
                entry["paint"] = measure.paint(db)
                entry["paint_page50"] = measure.paint(db, page=50)
                print(f"    paint: {entry['paint']}")
                print(f"    paint, 50-row pages: {entry['paint_page50']}")
        result["sizes"].append(entry)
    if "ingest" not in skip and not args.build_only:
        print("ingest")
        result["ingest"] = measure.ingest(args.jobs)
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
