"""Child process: open the TUI on a store, wait for the three panes' first rows, report.

``python -m bench.paint STORE`` prints one JSON line: seconds from ``make_app`` to the first
rows in all three panes, from process start, and the process's peak RSS (MB). Run once per
store so the RSS is that store's alone.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import asyncio  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM). Not ``getrusage``'s ru_maxrss: on Linux that
    keeps the parent's peak across fork and exec, so a child of a big process reads big."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


async def first_paint(db: str, timeout: float = 120.0) -> dict:
    """Seconds from ``make_app`` until the three panes hold their first rows (the frame that
    draws them follows within one refresh). Noticed as the rows are handed to the panes, not
    by polling: on a busy event loop the polling interval would decide the result."""
    from tui import panes
    from tui.app import PANE_ORDER, make_app

    imported = time.perf_counter()
    app = make_app(db)
    filled = asyncio.Event()
    fill = panes.RecordPane.fill
    painted = 0.0

    def noticing_fill(pane, *args, **kwargs):
        nonlocal painted
        result = fill(pane, *args, **kwargs)
        if not filled.is_set() and all(app.pane(kind).row_count for kind in PANE_ORDER):
            painted = time.perf_counter()
            filled.set()
        return result

    panes.RecordPane.fill = noticing_fill  # type: ignore[method-assign,assignment]
    async with app.run_test(size=(140, 42)) as pilot:
        await asyncio.wait_for(filled.wait(), timeout)
        await pilot.pause()
        totals = {kind: app.pane(kind).total for kind in PANE_ORDER}
        rows = {kind: app.pane(kind).row_count for kind in PANE_ORDER}
    return {
        "first_paint_s": round(painted - imported, 4),
        "from_start_s": round(painted - STARTED, 4),
        "rss_mb": peak_rss_mb(),
        "pane_totals": totals,
        "pane_rows": rows,
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(first_paint(sys.argv[1]))))
