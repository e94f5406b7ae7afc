"""``python -m bench.search_on DB [--queries N] [--timed-baseline N]``: the benchmark's search
measure (this engine, FTS5 alone, tantivy and the exhaustive baseline, on the same records and
queries, in one run) on a store already there, e.g. a cached store made by an older extractor,
which ``python -m bench`` would first build again. Prints one JSON object."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import measure, synth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_on", description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--queries", type=int, default=120)
    parser.add_argument("--timed-baseline", type=int, default=20)
    parser.add_argument("--passes", type=int, default=measure.WARM_PASSES,
                        help="warm passes over the queries; each query's median is its time")
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"no store at {args.db}")
    queries = synth.store_queries(args.db, args.queries)  # those the store was built from
    result = measure.search(args.db, queries, args.timed_baseline,
                            log=lambda line: print(line, file=sys.stderr), passes=args.passes)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
