"""Helpers for driving the app with Pilot."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Static
from textual.worker import WorkerState

from tui.detail import DetailView

SIZE = (140, 42)


async def settle(pilot) -> None:
    """Let workers finish and their results reach the widgets."""
    quiet = 0
    for _ in range(1000):
        await pilot.pause(0.02)
        busy = any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in pilot.app.workers)
        busy = busy or not pilot.app._message_queue.empty()
        quiet = 0 if busy else quiet + 1
        if quiet >= 5:
            return
    raise AssertionError("workers did not finish")


def detail_text(app) -> str:
    body = app.query_one(DetailView).query_one("#detail-body", Static)
    console = Console(file=io.StringIO(), width=100, color_system=None, force_terminal=False)
    console.print(body.content)
    return console.file.getvalue()


async def open_figure_editor(pilot) -> int:
    """Focus the figures pane and open the edit form on its first figure; its id."""
    from tui.forms import EditScreen
    from tui.panes import RecordPane

    await settle(pilot)
    await pilot.press("3")
    figure_id = pilot.app.query_one("#pane-figure", RecordPane).current_id
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, EditScreen)
    return figure_id


def private_copy(template, folder):
    """A copy of a store built once, for one test to write to."""
    import shutil

    path = folder / template.name
    shutil.copy(template, path)
    return path


def before_kept_claims(conn) -> int:
    """Take a store back to before the migration that keeps claims (what a store written by
    an older tracker lacks); the schema version before it."""
    from store.schema import MIGRATIONS

    for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                   "AND name LIKE 'claims_%'").fetchall():
        conn.execute(f"DROP TRIGGER {trigger}")
    conn.execute("DROP TABLE claims_kept")
    conn.execute("ALTER TABLE crises DROP COLUMN claims_generation")
    conn.execute("ALTER TABLE events DROP COLUMN place_basis")  # later migrations'
    conn.execute("ALTER TABLE figures DROP COLUMN adds_to")
    return next(i for i, step in enumerate(MIGRATIONS) if "claims_kept" in step)
