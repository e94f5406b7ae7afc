"""``python -m bench.claims_view DB``: what opening the claims view (``K``) costs in a fresh
process, on the store's largest crisis and on its median one; prints one JSON line.

The tables of places the grouping reads are loaded first and timed apart (``prepare_s``): the
first claims view of a session loads them (2 s, about 190 MB). Then, per crisis: its claims
(``first_s``), the latest reports of the first claim, which the view lists at once, and the
claims again."""

from __future__ import annotations

import json
import statistics
import sys
import time

from store import Store
from tui.crisis_screens import ClaimsScreen


def main(path: str) -> dict:
    with Store(path, read_only=True) as store:
        crises = sorted(store.crises.all(), key=lambda c: (c.documents, c.id))
        largest, median = crises[-1], crises[len(crises) // 2]
        figures = {c.id: store.conn.execute(
            "SELECT count(*) FROM figures f JOIN documents d ON d.id = f.document_id "
            "WHERE d.crisis_id = ?", (c.id,)).fetchone()[0] for c in (largest, median)}
        out: dict = {"crises": len(crises),
                     "documents_per_crisis_median": statistics.median(
                         c.documents for c in crises)}
        t = time.perf_counter()
        store.claims.prepare()  # the gazetteer and town tables, loaded by the first view
        out["prepare_s"] = round(time.perf_counter() - t, 3)
        for name, crisis in (("largest", largest), ("median", median)):
            t = time.perf_counter()
            claims = store.claims.of(crisis.id)
            first = time.perf_counter() - t
            t = time.perf_counter()
            reports = store.claims.reports(  # what the view lists of its first claim
                crisis.id, claims[0], latest=ClaimsScreen.REPORTS_SHOWN) if claims else []
            opened = time.perf_counter() - t
            t = time.perf_counter()
            store.claims.of(crisis.id)
            again = time.perf_counter() - t
            out[name] = {"documents": crisis.documents, "figures": figures[crisis.id],
                         "claims": len(claims), "first_s": round(first, 3),
                         "first_claim_reports": claims[0].count if claims else 0,
                         "first_claim_reports_listed": len(reports),
                         "first_claim_reports_s": round(opened, 3),
                         "again_s": round(again, 3)}
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1])))
