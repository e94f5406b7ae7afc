"""Panes over a store larger than any window: the pane holds at most ``WINDOW`` rows, moves
its window as the cursor goes, and jumps (G, g, a search hit) land on the right record."""

from __future__ import annotations

import sqlite3

import pytest
from helpers import SIZE, settle

from bench import build
from store import Store, View
from tui.app import make_app
from tui.panes import WINDOW, RecordPane


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    """About 1,600 events and 1,300 figures (the extractor decides how many of the
    records are events): several windows' worth, built by the bench's generator through
    the store's own write path."""
    folder = tmp_path_factory.mktemp("big")
    original = build.CACHE
    build.CACHE = folder
    try:
        return build.build(4_000, log=lambda _line: None)["path"]
    finally:
        build.CACHE = original


def _order(db, kind: str) -> list[int]:
    with Store(db) as store:
        return [row["id"] for row in store.records.page(kind, 0, 100_000, View())]


async def _open_all_crises(pilot) -> RecordPane:
    await settle(pilot)
    pilot.app.set_crisis(None)
    await settle(pilot)
    events = pilot.app.pane("event")
    events.focus()
    await settle(pilot)
    return events


async def test_a_pane_holds_a_window_and_moves_it(big_db):
    order = _order(big_db, "event")
    assert len(order) > 3 * WINDOW
    app = make_app(big_db)
    async with app.run_test(size=SIZE) as pilot:
        events = await _open_all_crises(pilot)
        assert events.total == len(order)
        assert events.row_count < WINDOW and events.current_id == order[0]
        assert "1 of" in str(events.border_subtitle)

        await pilot.press("G")  # to the last record: one window at the end, not every row
        await settle(pilot)
        assert events.current_id == order[-1]
        assert events.row_count <= WINDOW and events.base > 0
        assert events.virtual_row == len(order) - 1
        assert str(events.border_subtitle) == f"{len(order):,} of {len(order):,}"

        for _ in range(WINDOW // 2 + 20):  # up, past the window's start: it moves back
            await pilot.press("k")
        await settle(pilot)
        row = len(order) - 1 - (WINDOW // 2 + 20)
        assert events.virtual_row == row and events.current_id == order[row]
        assert events.row_count <= WINDOW
        assert events.ids == order[events.base:events.base + events.row_count]

        await pilot.press("g")
        await settle(pilot)
        assert events.current_id == order[0] and events.base == 0


async def test_a_far_search_hit_opens_its_window(big_db):
    order = _order(big_db, "figure")
    target = order[len(order) * 2 // 3]
    app = make_app(big_db)
    async with app.run_test(size=SIZE) as pilot:
        await _open_all_crises(pilot)
        app.go_to_record("figure", target)
        await settle(pilot)
        figures = app.pane("figure")
        assert figures.current_id == target and figures.row_count <= WINDOW
        await pilot.press("j", "j")
        await settle(pilot)
        assert figures.current_id == order[len(order) * 2 // 3 + 2]


def test_a_crisis_reads_the_same_rows_by_either_plan(big_db, tmp_path, monkeypatch):
    """A large crisis is read along the pane's order, a small one through its documents and
    sorted: both plans give the same rows in the same order."""
    import shutil

    from store import views

    db = tmp_path / "crises.db"
    shutil.copy(big_db, db)
    with Store(db) as store:
        big = store.crises.latest()
        small = store.crises.create("a small one")
        documents = [r[0] for r in store.conn.execute("SELECT id FROM documents ORDER BY id")]
        for document_id in documents[5:8]:
            store.crises.move_document(document_id, small)
        assert views._along_order(store.conn, "event", View(crisis=big), 60)
        assert not views._along_order(store.conn, "event", View(crisis=small), 60)
        for kind in ("event", "actor", "figure"):
            for view in (View(crisis=big), View(crisis=small), View(crisis=small, tag="x"),
                         View(crisis=big, statuses=("unreviewed",))):
                pages = {}
                for along in (True, False):
                    monkeypatch.setattr(views, "_along_order", lambda *_a, along=along: along)
                    pages[along] = [[r["id"] for r in store.records.page(kind, offset, 50, view)]
                                    for offset in (0, 50, 400)]
                monkeypatch.undo()
                assert pages[True] == pages[False]
                assert pages[True][0] or view.tag
                total = store.records.count(kind, view)
                assert sum(map(len, pages[True])) == sum(
                    min(max(total - offset, 0), 50) for offset in (0, 50, 400))


async def test_the_timeline_of_a_large_crisis_comes_a_page_at_a_time(big_db):
    from tui.crisis_screens import TimelineScreen

    app = make_app(big_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        crisis = app.crisis.id
        with Store(big_db) as store:
            total = store.crises.timeline_count(crisis)
            second = store.crises.timeline(crisis, TimelineScreen.PAGE, TimelineScreen.PAGE)
        assert total > TimelineScreen.PAGE
        await pilot.press("T")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TimelineScreen) and screen.total == total
        assert len(screen.events) == TimelineScreen.PAGE
        assert "of" in str(screen.query_one("#timeline-box").border_title)
        last_of_first = screen.events[-1].date_start or "9999"
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.first == TimelineScreen.PAGE and screen.events == second
        assert (second[0].date_start or "9999") >= last_of_first  # one order across pages
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert screen.first == 0 and len(screen.events) == TimelineScreen.PAGE


def test_a_crisis_late_in_the_panes_order_is_gathered_not_walked(big_db, tmp_path):
    """A crisis is a story, its records together in time: one whose documents were published
    after most others' is reached only at the end of the events' date order, so its first
    page is gathered through its documents, however large its share (a fifth here, which
    walking would suit were its records spread through the store)."""
    import shutil

    from store import views

    db = tmp_path / "late.db"
    shutil.copy(big_db, db)
    with sqlite3.connect(db) as conn:  # the generator's documents of one story share a date
        conn.execute("UPDATE documents SET published = date('2020-01-01', '+' || id || ' days')")
    with Store(db) as store:
        documents = [r[0] for r in store.conn.execute(
            "SELECT id FROM documents ORDER BY published, id")]
        late = store.crises.create("the latest fifth")
        for document_id in documents[-len(documents) // 5:]:
            store.crises.move_document(document_id, late)
        assert views._ahead(store.conn, "event", late) >= 0.7 * len(documents)
        assert not views._along_order(store.conn, "event", View(crisis=late), 60)
        # the first crisis's documents lead the date order: walked
        early = store.crises.create("the earliest fifth")
        for document_id in documents[:len(documents) // 5]:
            store.crises.move_document(document_id, early)
        assert views._ahead(store.conn, "event", early) == 0
