"""One verdict or one tag for many records at once, as one undoable step: what a reviewer's
selection in a pane (VisiData's ``s`` / ``gs``) and an article's "confirm all" come to.

Functions over a ``Store`` (its connection, lock and edit history), like ``articles``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from . import views
from .records import TABLES, check
from .store import Store
from .views import View

MAX_SELECTION = 10_000  # the most records one bulk step takes (gs on a huge pane)


def view_ids(store: Store, kind: str, view: View, limit: int = MAX_SELECTION) -> list[int]:
    """The ids of the first ``limit`` records a pane's ``view`` shows, in the pane's order."""
    with store.lock:
        return views.ids(store.conn, kind, view, limit)


def review_records(store: Store, kind: str, ids: Iterable[int], status: str,
                   action: str = "review selection") -> int:
    """Give each record of ``ids`` that still exists ``status``, as one undoable step;
    return how many changed (records already so are left out of the step)."""
    status = check(kind, "status", status)
    store.writable()
    changed = 0
    with store.lock, store.history.step(action):
        for record_id in _existing(store, kind, ids):
            if store.history.change(kind, record_id, "status", status) is not None:
                changed += 1
    return changed


def tag_records(store: Store, kind: str, ids: Iterable[int], tags: str) -> int:
    """Add ``tags`` (words, as typed in the tag bar) to each record of ``ids``, keeping the
    tags each already has, as one undoable step; return how many changed."""
    adding = json.loads(check(kind, "tags", tags))
    if not adding:
        return 0
    store.writable()
    changed = 0
    with store.lock, store.history.step("tag selection"):
        for record_id in _existing(store, kind, ids):
            (current,) = store.conn.execute(
                f"SELECT tags FROM {TABLES[kind]} WHERE id = ?", (record_id,)).fetchone()
            merged = check(kind, "tags", json.loads(current or "[]") + adding)
            if store.history.change(kind, record_id, "tags", merged) is not None:
                changed += 1
    return changed


def _existing(store: Store, kind: str, ids: Iterable[int]) -> list[int]:
    """``ids`` that are still records of ``kind`` (another process may have removed some),
    in id order, at most ``MAX_SELECTION``."""
    wanted = sorted(set(ids))[:MAX_SELECTION]
    found: list[int] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        found += [i for (i,) in store.conn.execute(
            f"SELECT id FROM {TABLES[kind]} WHERE id IN ({marks}) ORDER BY id", chunk)]
    return found
