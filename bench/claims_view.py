"""``python -m bench.claims_view DB``: what opening the claims view (``K``) costs in a fresh
process, on the store's largest crisis and on its median one (by figures); prints one JSON
line.

The tables of places the grouping reads are loaded first and timed apart (``prepare_s``): the
first claims view of a session that groups a crisis loads them (2 s, about 190 MB). Then, per
crisis: its claims grouped anew (``grouped_s``: the kept grouping dropped first, as after an
ingest into the crisis), the latest reports of the first claim, which the view lists at once,
and the claims as every later view reads them (``kept_s``: the grouping kept in the store).
The store is opened for writing, as the TUI opens it: a read-only store keeps nothing."""

from __future__ import annotations

import json
import statistics
import sys
import time

from store import Store
from tui.crisis_screens import ClaimsScreen


def main(path: str) -> dict:
    with Store(path) as store:
        # by figures, what the view's cost grows with (a crisis of many documents may hold
        # none: its story's article counts nothing)
        figures = dict(store.conn.execute(
            "SELECT d.crisis_id, count(*) FROM figures f JOIN documents d "
            "ON d.id = f.document_id GROUP BY d.crisis_id").fetchall())
        crises = sorted(store.crises.all(), key=lambda c: (figures.get(c.id, 0), c.documents,
                                                           c.id))
        largest, median = crises[-1], crises[len(crises) // 2]
        out: dict = {"crises": len(crises),
                     "documents_per_crisis_median": statistics.median(
                         c.documents for c in crises)}
        t = time.perf_counter()
        store.claims.prepare()  # the gazetteer and town tables, loaded by the first grouping
        out["prepare_s"] = round(time.perf_counter() - t, 3)
        for name, crisis in (("largest", largest), ("median", median)):
            with store.conn:
                store.conn.execute("DELETE FROM claims_kept WHERE crisis_id = ?", (crisis.id,))
            t = time.perf_counter()
            claims = store.claims.of(crisis.id)
            grouped = time.perf_counter() - t
            t = time.perf_counter()
            reports = store.claims.reports(  # what the view lists of its first claim
                crisis.id, claims[0], latest=ClaimsScreen.REPORTS_SHOWN) if claims else []
            opened = time.perf_counter() - t
            t = time.perf_counter()
            again = store.claims.of(crisis.id)
            kept = time.perf_counter() - t
            assert again == claims, "the kept grouping differs from the grouping"
            out[name] = {"documents": crisis.documents, "figures": figures.get(crisis.id, 0),
                         "claims": len(claims), "grouped_s": round(grouped, 3),
                         "first_claim_reports": claims[0].count if claims else 0,
                         "first_claim_reports_listed": len(reports),
                         "first_claim_reports_s": round(opened, 3),
                         "kept_s": round(kept, 3)}
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
