"""How the screens look at 140x42, compared with the accepted SVG snapshots.

Update after an intended change with ``pytest tests/test_snapshots.py --snapshot-update`` and
look at the new SVGs before committing them.
"""

from __future__ import annotations

from helpers import SIZE, settle

from tui.app import make_app


def test_main_screen(seed_db, snap_compare):
    assert snap_compare(make_app(seed_db), terminal_size=SIZE, run_before=settle)


def test_search_screen(seed_db, snap_compare):
    async def search(pilot):
        await settle(pilot)
        await pilot.press("/", *"Talibn")
        await settle(pilot)

    assert snap_compare(make_app(seed_db), terminal_size=SIZE, run_before=search)


def test_detail_of_a_figure(seed_db, snap_compare):
    async def figure(pilot):
        await settle(pilot)
        await pilot.press("3", "j", "j")
        await settle(pilot)

    assert snap_compare(make_app(seed_db), terminal_size=SIZE, run_before=figure)
