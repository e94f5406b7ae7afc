"""The review loop in the real app (issue: review at keyboard speed): confirm/reject and move
on, filters, tags, merge, split, add, history, undo/redo across relaunches, re-extraction."""

from __future__ import annotations

from helpers import SIZE, detail_text, open_figure_editor, settle
from textual.widgets import Input

from store import STATUSES, Store, View
from store.ingest import Article, ingest_article, reextract
from tui.app import make_app
from tui.panes import RecordPane
from tui.pickers import AddScreen, HistoryScreen, PickScreen
from tui.search_screen import SearchScreen

TALIBAN_ARTICLE = (
    "Taliban fighters captured the district centre of Kalafgan on Friday, local officials "
    "said. The Taliban said they would not attack border posts."
)


def actor_id(db, name: str) -> int:
    with Store(db) as store:
        return next(a["id"] for a in store.records.page("actor", 0, 500) if a["name"] == name)


async def select(pilot, kind: str, record_id: int) -> RecordPane:
    pilot.app.go_to_record(kind, record_id)
    await settle(pilot)
    pane = pilot.app.query_one(f"#pane-{kind}", RecordPane)
    assert pane.current_id == record_id
    return pane


async def test_review_strokes_skip_to_next_unreviewed(seed_db):
    with Store(seed_db) as store:
        second = store.records.page("figure")[1]["id"]
        store.edits.set_field("figure", second, "status", "confirmed")
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        figures = app.query_one("#pane-figure", RecordPane)
        await pilot.press("3", "a")
        await settle(pilot)
        assert figures.cursor_row == 2  # row 1 was already reviewed


async def test_status_filter_hides_rejected_and_cycles(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        figures = app.query_one("#pane-figure", RecordPane)
        total = figures.total
        await pilot.press("3", "x")
        await settle(pilot)
        await pilot.press("r")  # reload: the rejected record leaves the default view
        await settle(pilot)
        assert figures.total == total - 1
        await pilot.press("f")  # unreviewed only
        await settle(pilot)
        assert figures.total == total - 1 and "unreviewed" in str(figures.border_title)
        await pilot.press("f", "f")  # confirmed only, then rejected only
        await settle(pilot)
        assert figures.total == 1 and "rejected" in str(figures.border_title)
        await pilot.press("f")  # all
        await settle(pilot)
        assert figures.total == total
        await pilot.press("f")  # back to the default
        await settle(pilot)
        assert figures.total == total - 1


async def test_tags_are_saved_searchable_and_filterable(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        figures = app.query_one("#pane-figure", RecordPane)
        await pilot.press("3", "j")
        tagged = figures.current_id
        await pilot.press("t", *"needs-source, unhcr", "enter")
        await settle(pilot)
        with Store(seed_db) as store:
            assert store.records.get("figure", tagged).tags == ("needs-source", "unhcr")
        await pilot.press("number_sign", *"unhcr", "enter")
        await settle(pilot)
        assert figures.ids == [tagged] and "#unhcr" in str(figures.border_title)
        await pilot.press("number_sign")
        await settle(pilot)
        bar = app.query_one("#bar-input", Input)
        assert bar.value == "unhcr"  # the bar opens on the current filter
        bar.value = ""
        await pilot.press("enter")  # empty: every tag again
        await settle(pilot)
        assert len(figures.ids) > 1
        await pilot.press("/", *"unhcr")
        await settle(pilot)
        assert ("figure", tagged) in [(h.kind, h.record_id) for h in app.screen.hits]


async def test_merge_actors_from_the_keyboard_and_undo(seed_db):
    with Store(seed_db) as store:
        ingest_article(store, Article(TALIBAN_ARTICLE, "Kalafgan", "test"))
    kabulov, russia = actor_id(seed_db, "Zamir Kabulov"), actor_id(seed_db, "Russia")
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select(pilot, "actor", kabulov)
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Russia")
        await settle(pilot)
        assert app.screen.hits[0].record_id == russia
        assert all(h.record_id != kabulov for h in app.screen.hits)
        await pilot.press("enter")
        await settle(pilot)
        actors = app.query_one("#pane-actor", RecordPane)
        assert kabulov not in actors.ids
        assert actors.current_id == russia
        assert "Kabulov" in detail_text(app)
        await pilot.press("U")
        await settle(pilot)
        assert kabulov in actors.ids


async def split_taleban(pilot, taleban: int, choice: str) -> None:
    """S on the Taleban, then the choice whose label holds ``choice``."""
    await settle(pilot)
    await select(pilot, "actor", taleban)
    await pilot.press("S")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PickScreen)
    await pilot.press(*choice, "enter")
    await settle(pilot)


async def test_split_alias_from_the_keyboard(seed_db):
    with Store(seed_db) as store:
        ingest_article(store, Article(TALIBAN_ARTICLE, "Kalafgan", "test"))
    taleban = actor_id(seed_db, "Taleban")
    async with make_app(seed_db).run_test(size=SIZE) as pilot:
        await split_taleban(pilot, taleban, "Taliban")
    with Store(seed_db) as store:
        names = [a["name"] for a in store.records.page("actor", 0, 500)]
        assert "Taliban" in names and "Taleban" in names
        assert "Taliban" not in store.records.get("actor", taleban).aliases


async def test_split_one_articles_mentions_off_an_actor(seed_db):
    """S offers the articles too: the Kalafgan report's Taliban become an actor of their own
    with that article's events, the seed's stay, and U puts everything back."""
    with Store(seed_db) as store:
        kalafgan = ingest_article(store, Article(TALIBAN_ARTICLE, "Kalafgan", "test"))
        before = store.records.get("actor", actor_id(seed_db, "Taleban"))
    taleban = actor_id(seed_db, "Taleban")
    async with make_app(seed_db).run_test(size=SIZE) as pilot:
        await split_taleban(pilot, taleban, "Kalafgan")
        with Store(seed_db) as store:
            mentions = dict(store.conn.execute(
                "SELECT document_id, group_concat(DISTINCT actor_id) FROM mentions WHERE "
                "actor_id IN (SELECT actor_id FROM aliases WHERE norm LIKE 'tal%ban') "
                "GROUP BY document_id"))
            split = int(mentions[kalafgan.document_id])
            assert split != taleban and mentions[1] == str(taleban)
            assert store.records.get("actor", split).name == "Taliban"
            events = store.conn.execute(
                "SELECT e.document_id, ea.actor_id FROM event_actors ea JOIN events e ON "
                "e.id = ea.event_id WHERE ea.actor_id IN (?, ?)", (taleban, split)).fetchall()
            assert events and all((doc == kalafgan.document_id) == (actor == split)
                                  for doc, actor in events)
        await pilot.press("U")
        await settle(pilot)
    with Store(seed_db) as store:
        assert store.records.get("actor", taleban).aliases == before.aliases
        assert store.records.get("actor", split) is None


async def test_add_a_missed_figure_from_the_keyboard(seed_db, seed_text):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        figures = app.query_one("#pane-figure", RecordPane)
        before = figures.total
        await pilot.press("3", "plus")
        await settle(pilot)
        assert isinstance(app.screen, PickScreen)
        await pilot.press(*"Set up in 2005", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AddScreen) and screen.sentence.startswith("Set up in 2005")
        screen.query_one("#add-span", Input).value = "not in this sentence"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, AddScreen)
        assert "not in the sentence" in str(screen.query_one("#add-error").render())
        screen.query_one("#add-span", Input).value = "three separate installations"
        screen.query_one("#add-figure-value", Input).value = "3"
        screen.query_one("#add-figure-category", Input).value = "installations"
        screen.query_one("#add-figure-counted", Input).value = "installations"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, AddScreen)
        assert figures.total == before + 1
        with Store(seed_db) as store:
            added = store.records.get("figure", figures.current_id)
        start = seed_text.index("three separate installations")
        assert (added.start, added.end) == (start, start + 28)
        assert added.origin == "human"


async def test_history_view_lists_old_and_new_values(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "semicolon", *"first", "enter")
        await settle(pilot)
        await pilot.press("semicolon")
        await settle(pilot)
        bar = app.query_one("#bar-input", Input)
        bar.value = "second"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert [(e.field, e.old, e.new) for e in screen.edits] == [
            ("note", "", "first"), ("note", "first", "second")
        ]
        await pilot.press("escape")
        assert not isinstance(app.screen, HistoryScreen)


async def test_undo_redo_after_relaunch_and_reextract_after_edits(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        figure_id = await open_figure_editor(pilot)
        app.screen.query_one("#edit-value", Input).value = "345"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
    with Store(seed_db) as store:  # the extractor runs again over the document
        reextract(store, everything=True)
        record = store.records.get("figure", figure_id)
        assert (record.value, record.status) == (345, "rejected")
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("U")  # undoes the rejection, made in the earlier session
        await settle(pilot)
        await pilot.press("ctrl+z")  # undoes the value
        await settle(pilot)
        with Store(seed_db) as store:
            record = store.records.get("figure", figure_id)
            assert (record.value, record.status) == (350, "unreviewed")
        await pilot.press("ctrl+r")
        await settle(pilot)
        with Store(seed_db) as store:
            assert store.records.get("figure", figure_id).value == 345


async def test_edit_form_changes_the_actors_of_an_event(seed_db):
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        events = app.query_one("#pane-event", RecordPane)
        event_id = events.current_id
        await pilot.press("e")
        await settle(pilot)
        field = app.screen.query_one("#edit-actors", Input)
        field.value = "Zamir Kabulov (actor1); Interfax (source)"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, AddScreen)
    with Store(seed_db) as store:
        actors = {(a.name, a.role) for a in store.records.get("event", event_id).actors}
        assert actors == {("Zamir Kabulov", "actor1"), ("Interfax", "source")}
        assert store.history.undo().action == "edit"
        assert {(a.name, a.role)
                for a in store.records.get("event", event_id).actors} != actors


async def test_the_cursor_follows_its_record_through_reloads_and_jumps(seed_db):
    """Work never lands on the wrong record: re-dated events change the order under the
    cursor (by another process, then by a search jump into a pane not yet reloaded), and the
    cursor stays on the record it was on, or goes to the one asked for."""
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("event")
        pane.focus()
        await pilot.press("j", "j", "j")
        await settle(pilot)
        chosen, after = pane.current_id, pane.ids[pane.cursor_row + 1:]
        assert chosen is not None and len(after) >= 3
        with Store(seed_db) as other:  # two later events re-dated to come first
            for event_id in after[:2]:
                other.edits.set_field("event", event_id, "date_start", "1990-01-01")
        app.reload()
        await settle(pilot)
        assert pane.current_id == chosen and pane.ids.index(chosen) == pane.cursor_row
        assert app.selected() == ("event", chosen)
        await pilot.press("x")  # reject: it must be this record that is rejected
        await settle(pilot)
        with Store(seed_db) as store:
            assert store.records.get("event", chosen).status == "rejected"
            assert all(store.records.get("event", e).status == "unreviewed" for e in after[:2])
        # re-dated again, unseen by the pane, then a search hit chosen: the right record
        target = after[2]
        with Store(seed_db) as other:
            other.edits.set_field("event", after[0], "date_start", "2999-01-01")
            other.edits.set_field("event", after[1], "date_start", "2999-01-02")
        app.go_to_record("event", target)
        await settle(pilot)
        assert pane.current_id == target and app.selected() == ("event", target)
        assert f"#{target}" in detail_text(app)


async def edit_first_event(pilot):
    """``e`` on the first event: (its id, the form)."""
    from tui.forms import EditScreen

    await settle(pilot)
    pane = pilot.app.pane("event")
    pane.focus()
    event_id = pane.current_id
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, EditScreen)
    return event_id, pilot.app.screen


async def test_an_unknown_actor_is_refused_inside_the_form_and_nothing_typed_is_lost(seed_db):
    from tui.forms import EditScreen

    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        event_id, form = await edit_first_event(pilot)
        typed = {"summary": "Taliban attack on the consulate", "location": "Mazar-i-Sharif",
                 "actors": "Taleban (actor1); Civilians (actor2)", "date_start": "2016-11-10"}
        for field, value in typed.items():
            form.query_one(f"#edit-{field}", Input).value = value
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # still open, saying why, everything typed still there
        assert "no actor is called 'Civilians'" in str(form.query_one("#edit-error").render())
        for field, value in typed.items():
            assert form.query_one(f"#edit-{field}", Input).value == value
        with Store(seed_db) as store:
            assert store.records.get("event", event_id).summary != typed["summary"]
        form.query_one("#edit-actors", Input).value = "Taleban (actor1)"  # fixed: it saves
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, EditScreen)
    with Store(seed_db) as store:
        event = store.records.get("event", event_id)
        assert event.summary == typed["summary"] and event.location == "Mazar-i-Sharif"
        assert [(a.name, a.role) for a in event.actors] == [("Taleban", "actor1")]


async def test_confirming_the_last_unreviewed_wraps_then_says_none_is_left(seed_db):
    with Store(seed_db) as store:
        figures = [f["id"] for f in store.records.page("figure")]
        for figure_id in figures[1:-1]:  # all reviewed but the first and the last
            store.edits.set_field("figure", figure_id, "status", "confirmed")
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        pane = app.pane("figure")
        await pilot.press("3", "G")
        await settle(pilot)
        assert pane.current_id == figures[-1]
        await pilot.press("a")  # the last unreviewed: back to the first one, said so
        await settle(pilot)
        assert pane.current_id == figures[0]
        assert "Back to the first unreviewed record." in [n.message for n in app._notifications]
        await pilot.press("a")  # none left: the cursor stays, and it is said
        await settle(pilot)
        assert pane.current_id == figures[0]
        assert "No unreviewed record is left in this pane." in [
            n.message for n in app._notifications]
    with Store(seed_db) as store:
        assert {store.records.get("figure", f).status for f in figures} == {"confirmed"}


async def test_tab_walks_the_add_form_field_by_field(seed_db, seed_text):
    """Typed from the keyboard alone: Tab goes from the span to each visible field in turn,
    and nothing typed is dropped or lands in the wrong field."""
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "plus")
        await settle(pilot)
        await pilot.press(*"Set up in 2005", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AddScreen)
        await pilot.press(*"three separate installations", "tab", "3", "tab", "tab",
                          *"installations", "tab", *"installations")
        await settle(pilot)
        typed = {field: screen.query_one(f"#add-figure-{field}", Input).value
                 for field in ("value", "qualifier", "category", "counted")}
        assert screen.query_one("#add-span", Input).value == "three separate installations"
        assert typed == {"value": "3", "qualifier": "exact", "category": "installations",
                         "counted": "installations"}
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, AddScreen)


async def test_selection_confirms_rejects_and_tags_as_one_undoable_step(seed_db):
    """VisiData's s / u / gs / gu: the selected rows take one verdict or tag in one step,
    the rest are untouched, and U undoes the whole step."""
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        figures = app.query_one("#pane-figure", RecordPane)
        await pilot.press("3", "s", "s", "j", "s")  # rows 0, 1 and 3; the cursor steps down
        await settle(pilot)
        picked = [figures.ids[i] for i in (0, 1, 3)]
        assert figures.selection == set(picked)
        assert "3 selected" in str(figures.border_subtitle)
        assert str(figures.get_row_at(0)[-1]).startswith("●")
        assert not str(figures.get_row_at(2)[-1]).startswith("●")
        await pilot.press("k", "u")  # row 3 unselected again
        assert figures.selection == set(picked[:2])
        await pilot.press("t", *"checked", "enter")
        await settle(pilot)
        with Store(seed_db) as store:
            tagged = {f["id"] for f in store.records.page("figure", 0, 500)
                      if "checked" in f["tags"]}
        assert tagged == set(picked[:2]) and not figures.selection
        await pilot.press("s", "j", "s", "x")  # rows 3 and 4 rejected, nothing else
        await settle(pilot)
        with Store(seed_db) as store:
            every = store.records.page("figure", 0, 500, View(statuses=STATUSES))
            rejected = {f["id"] for f in every if f["status"] == "rejected"}
            others = [f["status"] for f in every if f["id"] not in rejected]
        assert len(rejected) == 2 and set(others) == {"unreviewed"}
        await pilot.press("U")  # one step: both come back
        await settle(pilot)
        with Store(seed_db) as store:
            every = store.records.page("figure", 0, 500, View(statuses=STATUSES))
            assert not [f for f in every if f["status"] == "rejected"]
        await pilot.press("g", "s")  # every figure of the view
        await settle(pilot)
        assert len(figures.selection) == figures.total > 5
        await pilot.press("g", "u")
        await settle(pilot)
        assert not figures.selection and figures.border_subtitle is None
        await pilot.press("g", "j", "s")  # g then another key: no longer a prefix
        await settle(pilot)
        assert len(figures.selection) == 1


KANO_BRIEF = (
    "Police in Kano arrested 14 people on Saturday after clashes between rival groups of "
    "traders left two people dead and several shops burned, a police spokesman said. Officers "
    "were deployed to the main market, where calm had returned by evening, and an "
    "investigation was opened into the cause of the violence, he added in a statement.")


async def test_wire_copies_are_hidden_from_review_until_asked_for(tmp_path):
    """A republished wire story's events and figures repeat the original's: the panes leave
    them out (the original is what gets reviewed), w shows them, a search hit on one still
    lands on it."""
    db = tmp_path / "copies.db"
    with Store(db) as store:
        first = ingest_article(store, Article(KANO_BRIEF, "Kano arrests", "reuters"))
        copy = ingest_article(store, Article("KANO, Nigeria (AP) - " + KANO_BRIEF,
                                             "Nigeria: 14 held", "another-outlet"))
        assert copy.duplicate_of == first.document_id
        every = View(statuses=STATUSES, copies=True)
        of_copy = [f["id"] for f in store.records.page("figure", 0, 100, every)
                   if f["document_id"] == copy.document_id]
        originals = [f for f in store.records.page("figure", 0, 100, every)
                     if f["document_id"] == first.document_id]
        assert of_copy and len(of_copy) == len(originals)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        figures = app.query_one("#pane-figure", RecordPane)
        events = app.query_one("#pane-event", RecordPane)
        assert figures.total == len(originals) and not set(of_copy) & set(figures.ids)
        shown_events = events.total
        await pilot.press("3", "w")
        await settle(pilot)
        assert figures.total == 2 * len(originals) and set(of_copy) <= set(figures.ids)
        assert "with copies" in str(figures.border_title)
        assert events.total == shown_events  # per pane
        await pilot.press("w")
        await settle(pilot)
        assert figures.total == len(originals)
        await select(pilot, "figure", of_copy[0])  # a jump widens the view to reach it
        assert figures.view.copies


async def test_the_form_offers_to_create_an_unknown_actor_as_one_undoable_step(seed_db):
    """ctrl+n after the form refused a name: the actor is made (kind guessed from the name,
    country from an ACLED-style bracket), linked in its role, all in the form's one step."""
    from tui.forms import EditScreen

    with Store(seed_db) as store:
        actors_before = store.records.count("actor", View(statuses=STATUSES))
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        event_id, form = await edit_first_event(pilot)
        form.query_one("#edit-actors", Input).value = \
            "Taleban (actor1); Civilians (Afghanistan) (actor2)"
        form.query_one("#edit-summary", Input).value = "Taleban attack on villagers"
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = str(form.query_one("#edit-error").render())
        assert app.screen is form and "'Civilians (Afghanistan)'" in error and "ctrl+n" in error
        assert form.query_one("#edit-create").display
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert not isinstance(app.screen, EditScreen)
        with Store(seed_db) as store:
            event = store.records.get("event", event_id)
            assert [(a.name, a.role) for a in event.actors] == [
                ("Taleban", "actor1"), ("Civilians", "actor2")]
            created = store.records.get("actor", event.actors[1].id)
            assert (created.kind, created.country) == ("civilians", "AFG")
            assert event.summary == "Taleban attack on villagers"
        await pilot.press("U")  # one step: the actor goes with the rest of the form
        await settle(pilot)
        with Store(seed_db) as store:
            assert store.records.count("actor", View(statuses=STATUSES)) == actors_before
            assert "Civilians" not in str(store.records.get("event", event_id).actors)


async def test_a_keymap_file_remaps_keys_and_reports_what_it_cannot_use(seed_db, tmp_path,
                                                                      monkeypatch):
    """posting's way: binding ids to keys in a file; VisiData's u for undo back, U for
    unselect; an unknown id and a bad value are reported, the rest applies."""
    import io

    from rich.console import Console

    from tui.help_screen import HelpScreen, key_table

    keymap = tmp_path / "keymap.toml"
    keymap.write_text('[keys]\nundo = "u,ctrl+z"\n"pane.unselect" = "U"\n'
                      '"no.such" = "z"\n"actor.split" = 5\n', encoding="utf-8")
    monkeypatch.setenv("TRACKER_KEYMAP", str(keymap))
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        warnings = [str(n.message) for n in app._notifications]
        assert any("'no.such'" in w for w in warnings)
        assert app.undo_hint == "(u undoes)"  # messages name the keys as remapped
        assert any("actor.split" in w for w in warnings)
        figures = app.query_one("#pane-figure", RecordPane)
        await pilot.press("3", "x")  # reject the first figure
        await settle(pilot)
        first = figures.ids[0]
        with Store(seed_db) as store:
            assert store.records.get("figure", first).status == "rejected"
        await pilot.press("u")  # now undo
        await settle(pilot)
        with Store(seed_db) as store:
            assert store.records.get("figure", first).status == "unreviewed"
        await pilot.press("s", "k", "U")  # select, back up, unselect with U
        assert not figures.selection
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        out = Console(file=io.StringIO(), width=200)
        out.print(key_table(app))
        help_text = out.file.getvalue()
        assert "u / ctrl+z" in help_text and "pane.unselect" in help_text


async def test_actor_keys_live_in_the_actors_pane(seed_db):
    """m and S are the Actors pane's own bindings: elsewhere they are not active (nor in
    the footer or the palette), and pressing them does nothing."""
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        assert not {"m", "S"} & set(app.screen.active_bindings)
        await pilot.press("m")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen | PickScreen)
        await pilot.press("2")
        assert {"m", "S"} <= set(app.screen.active_bindings)
        await pilot.press("m")  # the merge target is searched for
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
