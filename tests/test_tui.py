"""The real app, driven headlessly with Pilot on a real store built from the seed article."""

from __future__ import annotations

import io

from helpers import SIZE, detail_text, open_figure_editor, settle
from rich.console import Console
from rich.text import Text
from textual.widgets import Input, OptionList, Static

from store import Store
from store.ingest import Article, ingest_article
from tui.app import make_app
from tui.detail import DetailView
from tui.forms import EditScreen, FieldBar
from tui.help_screen import HelpScreen
from tui.panes import RecordPane
from tui.search_screen import SearchScreen


async def test_three_panes_with_seed_records(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panes = {pane.kind: pane for pane in app.query(RecordPane)}
        assert set(panes) == {"event", "actor", "figure"}
        for kind, title in (("event", "Events"), ("actor", "Actors"), ("figure", "Figures")):
            pane = panes[kind]
            assert pane.row_count > 0
            assert str(pane.border_title).startswith(title)
            assert pane.region.width > 0 and pane.region.height > 5  # all visible together
        assert app.query_one(DetailView).region.height > 5
        assert app.focused is panes["event"]
        assert "Source" in detail_text(app)


async def test_keys_move_and_focus(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        figures = app.query_one("#pane-figure", RecordPane)
        await pilot.press("3")
        assert app.focused is figures
        await pilot.press("j", "j")
        assert figures.cursor_row == 2
        await pilot.press("k")
        assert figures.cursor_row == 1
        await pilot.press("G")
        await settle(pilot)
        assert figures.cursor_row == figures.total - 1
        await pilot.press("g")
        assert figures.cursor_row == 0
        await pilot.press("2")
        assert app.focused is app.query_one("#pane-actor")
        await pilot.press("tab")
        assert app.focused is figures
        await pilot.press("1")
        assert app.focused is app.query_one("#pane-event")


async def test_search_finds_misspelt_taleban_and_jumps_to_it(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("/")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Talibn")
        await settle(pilot)
        screen = app.screen
        assert screen.hits and screen.hits[0].label == "Taleban"
        assert screen.query_one(OptionList).option_count == len(screen.hits)
        await pilot.press("enter")
        await settle(pilot)
        actors = app.query_one("#pane-actor", RecordPane)
        assert app.focused is actors
        with Store(seed_db) as store:
            assert store.records.get("actor", actors.current_id).name == "Taleban"
        assert "Taleban" in detail_text(app)


async def test_search_escape_closes_and_highlighted_hit_is_chosen(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("/")
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)
        await pilot.press("/", *"troops")
        await settle(pilot)
        hits = app.screen.hits
        assert len(hits) >= 2
        await pilot.press("down", "enter")
        await settle(pilot)
        pane = app.query_one(f"#pane-{hits[1].kind}", RecordPane)
        assert pane.current_id == hits[1].record_id


async def test_note_is_saved_and_survives_relaunch(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "j")
        figure_id = app.query_one("#pane-figure", RecordPane).current_id
        await pilot.press("semicolon")
        await settle(pilot)
        assert app.query_one(FieldBar).display
        assert isinstance(app.focused, Input)
        await pilot.press(*"check UNHCR [bold]count[/]", "enter")
        await settle(pilot)
        assert not app.query_one(FieldBar).display
        # escape cancels without writing
        await pilot.press("semicolon", *"discard me", "escape")
        await settle(pilot)
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        figures = app.query_one("#pane-figure", RecordPane)
        await pilot.press("3", "j")
        await settle(pilot)
        assert figures.current_id == figure_id
        assert "check UNHCR [bold]count[/]" in detail_text(app)
        with Store(seed_db) as store:
            assert store.records.get("figure", figure_id).note == "check UNHCR [bold]count[/]"
            assert [e.field for e in store.history.of("figure", figure_id)] == ["note"]


async def test_confirm_reject_and_undo(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        events = app.query_one("#pane-event", RecordPane)
        first, second = events.ids[:2]
        await pilot.press("a")
        await settle(pilot)
        assert events.cursor_row == 1  # moved on to the next record
        await pilot.press("x")
        await settle(pilot)
        with Store(seed_db) as store:
            assert store.records.get("event", first).status == "confirmed"
            assert store.records.get("event", second).status == "rejected"
        await pilot.press("U")
        await settle(pilot)
        with Store(seed_db) as store:
            assert store.records.get("event", second).status == "unreviewed"
        await pilot.press("ctrl+r")
        await settle(pilot)
        with Store(seed_db) as store:
            assert store.records.get("event", second).status == "rejected"
        cell = events.get_row_at(1)[-1]
        assert isinstance(cell, Text) and "✗" in cell.plain


async def test_edit_form_refuses_bad_values_and_saves_good_ones(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        figure_id = await open_figure_editor(pilot)
        with Store(seed_db) as store:
            before = store.records.get("figure", figure_id)
        value = app.screen.query_one("#edit-value", Input)
        value.value = "-40"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, EditScreen)
        assert "negative" in str(app.screen.query_one("#edit-error").render())
        value.value = "420"
        app.screen.query_one("#edit-category", Input).value = "refugees"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EditScreen)
        with Store(seed_db) as store:
            after = store.records.get("figure", figure_id)
            assert after.value == 420 and after.category == "refugees"
            assert store.history.of("figure", figure_id)[0].old == before.value
        assert app.query_one("#pane-figure", RecordPane).get_row_at(0)[0].plain == "420"


async def test_help_lists_the_keys(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=140, file=io.StringIO(), record=True)
        console.print(app.screen.query_one(Static).content)
        shown = [" ".join(line.split()) for line in console.export_text().splitlines()]
        for binding in app.BINDINGS:  # every key of the app, from its bindings, with its id
            assert any(line.endswith(f"{binding.description} {binding.id}")
                       for line in shown), binding
        for line in ("; Note record.note", "n Next hit search.next_hit",
                     "N Previous hit search.previous_hit", "Articles (D)",
                     "] Next article article.next", "[ Previous article article.previous",
                     "a Confirm all article.confirm", "o Copy address article.address",
                     "m Merge actor actor.merge", "s Select the record (●), step down "
                     "pane.select"):
            assert line in shown, line
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_article_markup_and_escapes_are_shown_as_text(seed_db):
    hostile = (
        "Protesters in Kabul said [bold red]500[/] people marched [@click=app.quit]now[/]. "
        "Police said \x1b]0;pwned\x07 about 200 protesters were detained \x1b[2J today."
    )
    with Store(seed_db) as store:
        ingest_article(store, Article(hostile, "[link=http://x]title[/link]", "test"))
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("/", *"marched")
        await settle(pilot)
        assert app.screen.hits
        await pilot.press("enter")
        await settle(pilot)
        shown = detail_text(app)
        assert "[bold red]500[/] people marched [@click=app.quit]now[/]" in shown
        assert app.is_running
        await pilot.press("/", *"detained")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        shown = detail_text(app)
        assert "\x1b" not in shown and "\x07" not in shown
        assert "␛]0;pwned␇" in shown


async def test_the_figures_pane_shows_document_place_and_date(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("figure")
        labels = [str(column.label) for column in pane.columns.values()]
        assert {"Where", "Date", "Doc"} <= set(labels)
        first = [str(cell) for cell in pane.get_row_at(0)]
        where, date, doc = (first[labels.index(n)] for n in ("Where", "Date", "Doc"))
        assert (where, date, doc) == ("Afghanistan", "2021-07-14", "#1")


async def test_n_and_N_step_through_the_last_searchs_hits(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert any("No search yet" in n.message for n in app._notifications)
        await pilot.press("slash", *"Taleban")
        await settle(pilot)
        hits = [(h.kind, h.record_id) for h in app.screen.hits]
        assert len(hits) >= 3
        await pilot.press("enter")
        await settle(pilot)
        assert app.selected() == hits[0]
        await pilot.press("n")
        await settle(pilot)
        assert app.selected() == hits[1]
        await pilot.press("n")
        await settle(pilot)
        assert app.selected() == hits[2]
        await pilot.press("N", "N", "N")
        await settle(pilot)
        assert app.selected() == hits[-1]  # wraps round
