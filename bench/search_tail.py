"""``python -m bench.search_tail DB [--queries N] [--passes N] [--slowest N]``: the engine's
search latency as the median of several passes per query, and which queries make the tail.

One pass (``bench.search_on``) is what a user meets, and this machine's speed varies within
it; the median of a few passes per query tells a change to the search code from that noise,
and the slowest queries say where to look. The store's pages are read in by a first, untimed
pass. Prints one JSON object."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from store import Store

from . import measure, synth


def tail(db: Path, queries: list[str], passes: int = 3, slowest: int = 10) -> dict:
    """Per query, the median of ``passes`` timed searches; their p50 / p95 and the slowest."""
    with Store(db, read_only=True) as store:
        asked = [{"query": q} for q in queries]
        ask = lambda text: store.index.search(text, limit=measure.TOP)  # noqa: E731
        measure._timed(asked, ask)  # untimed: the pages and the vocabulary read in
        medians, _answers = measure._timed(asked, ask, passes)
    ranked = sorted(zip(medians, queries, strict=True), reverse=True)
    return {"queries": len(queries), "passes": passes, **measure._ms(medians),
            "slowest": [{"query": q, "ms": round(t * 1000, 2)} for t, q in ranked[:slowest]]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search_tail", description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--queries", type=int, default=120)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--slowest", type=int, default=10)
    args = parser.parse_args(argv)
    if not args.db.exists():
        parser.error(f"no store at {args.db}")
    queries = [q["query"] for q in synth.store_queries(args.db, args.queries)]
    print(json.dumps(tail(args.db, queries, args.passes, args.slowest)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
