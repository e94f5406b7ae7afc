"""The tracker TUI: three panes, a detail view, search, notes, edits, undo.

Every database call runs in a thread worker and comes back through ``call_from_thread``, so
the interface never waits on SQLite; the widgets never see SQL, only the ``Store`` API.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Footer, Header

from store import Edit, Hit, InvalidValue, Step, Store

from .detail import DetailView
from .forms import EditScreen, NoteBar
from .help_screen import HelpScreen
from .panes import PAGE, TITLES, RecordPane
from .search_screen import SearchScreen

PANE_ORDER = ("event", "actor", "figure")


class TrackerApp(App):
    """Review crisis news as events, actors and figures."""

    TITLE = "tracker"
    CSS_PATH = "tracker.tcss"

    BINDINGS = [
        Binding("1", "focus_pane('event')", "Events", id="pane.events"),
        Binding("2", "focus_pane('actor')", "Actors", id="pane.actors"),
        Binding("3", "focus_pane('figure')", "Figures", id="pane.figures"),
        Binding("/", "search", "Search", id="search"),
        Binding("n", "note", "Note", id="record.note"),
        Binding("e", "edit", "Edit", id="record.edit"),
        Binding("a", "review('confirmed')", "Confirm", id="record.confirm"),
        Binding("x", "review('rejected')", "Reject", id="record.reject"),
        Binding("u,U", "undo", "Undo", id="undo"),
        Binding("ctrl+r", "redo", "Redo", id="redo"),
        Binding("ctrl+s", "save", "Save", show=False, id="save"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, db_path: str | Path) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        self.store = Store(self.db_path)
        self.sub_title = self.db_path.name

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Grid(id="main"):
            for kind in PANE_ORDER:
                yield RecordPane(kind, classes="pane")
            yield DetailView(id="detail")
        note = NoteBar(id="note-bar")
        note.display = False
        yield note
        yield Footer()

    def pane(self, kind: str) -> RecordPane:
        return self.query_one(f"#pane-{kind}", RecordPane)

    @property
    def current_pane(self) -> RecordPane:
        focused = self.focused
        if isinstance(focused, RecordPane):
            return focused
        return getattr(self, "_last_pane", None) or self.pane("event")

    def on_mount(self) -> None:
        self.pane("event").focus()
        for kind in PANE_ORDER:
            self.load_rows(kind, 0, reset=True)

    def on_unmount(self) -> None:
        self.store.close()

    # -- loading ---------------------------------------------------------------------------
    @work(thread=True, group="rows")
    def load_rows(self, kind: str, offset: int, reset: bool = False, to_end: bool = False):
        total = self.store.count(kind)
        limit = max(total - offset, 0) if to_end else PAGE
        rows = self.store.page(kind, offset, limit)
        self.call_from_thread(self._rows_loaded, kind, rows, total, reset)

    def _rows_loaded(self, kind: str, rows: list[dict], total: int, reset: bool) -> None:
        pane = self.pane(kind)
        if reset:
            pane.reset(rows, total)
        else:
            pane.total = total
            pane.append(rows)
        if pane is self.current_pane:
            self.show_current()

    @on(RecordPane.WantRows)
    def _want_rows(self, message: RecordPane.WantRows) -> None:
        self.load_rows(message.pane.kind, message.offset, to_end=message.to_end)

    def reload(self) -> None:
        """Re-read every pane (after an undo/redo that may touch any record)."""
        for kind in PANE_ORDER:
            self.load_rows(kind, 0, reset=True)

    # -- selection and detail --------------------------------------------------------------
    @on(RecordPane.RowHighlighted)
    def _highlighted(self, event: RecordPane.RowHighlighted) -> None:
        if event.data_table is self.current_pane:
            self.show_current()

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, RecordPane):
            self._last_pane = event.widget
            self.show_current()

    def show_current(self) -> None:
        pane = self.current_pane
        record_id = pane.current_id
        if record_id is None:
            self.query_one(DetailView).show(None)
        else:
            self.load_detail(pane.kind, record_id)

    @work(thread=True, exclusive=True, group="detail")
    def load_detail(self, kind: str, record_id: int) -> None:
        record = self.store.get(kind, record_id)
        self.call_from_thread(self.query_one(DetailView).show, record)

    def selected(self) -> tuple[str, int] | None:
        pane = self.current_pane
        if pane.current_id is None:
            self.notify("Nothing selected.", severity="warning")
            return None
        return pane.kind, pane.current_id

    # -- actions: navigation -----------------------------------------------------------------
    def action_focus_pane(self, kind: str) -> None:
        self.pane(kind).focus()

    def action_search(self) -> None:
        self.push_screen(SearchScreen(self.store), self._go_to_hit)

    def _go_to_hit(self, hit: Hit | None) -> None:
        if hit is not None:
            self.go_to_record(hit.kind, hit.record_id)

    @work(thread=True, group="rows")
    def go_to_record(self, kind: str, record_id: int) -> None:
        row = self.store.position(kind, record_id)
        self.call_from_thread(self._go_to_row, kind, row)

    def _go_to_row(self, kind: str, row: int | None) -> None:
        pane = self.pane(kind)
        pane.focus()
        if row is None:
            self.notify("That record is no longer shown.", severity="warning")
            return
        pane.go_to(row)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    # -- actions: editing ----------------------------------------------------------------------
    def action_note(self) -> None:
        chosen = self.selected()
        if chosen:
            self.open_note(*chosen)

    @work(thread=True, group="edit")
    def open_note(self, kind: str, record_id: int) -> None:
        record = self.store.get(kind, record_id)
        if record is not None:
            self.call_from_thread(
                self.query_one(NoteBar).open, kind, record_id, record.get("note", "")
            )

    @on(NoteBar.Saved)
    def _note_saved(self, message: NoteBar.Saved) -> None:
        self.write_fields(message.kind, message.record_id, {"note": message.note})

    @on(NoteBar.Closed)
    def _note_closed(self) -> None:
        self.current_pane.focus()

    def action_review(self, status: str) -> None:
        chosen = self.selected()
        if chosen:
            self.write_fields(*chosen, {"status": status})
            self.current_pane.next_row()

    def action_edit(self) -> None:
        chosen = self.selected()
        if chosen:
            self.open_editor(*chosen)

    @work(thread=True, group="edit")
    def open_editor(self, kind: str, record_id: int) -> None:
        record = self.store.get(kind, record_id)
        if record is not None:
            self.call_from_thread(
                self.push_screen,
                EditScreen(record),
                lambda changed: changed and self.write_fields(kind, record_id, changed),
            )

    @work(thread=True, group="edit")
    def write_fields(self, kind: str, record_id: int, values: dict) -> None:
        """Write a person's changes at once, as one logged, undoable step."""
        try:
            edits = [e for e in self.store.set_fields(kind, record_id, values) if e]
        except (InvalidValue, KeyError) as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        self.call_from_thread(self._edited, kind, record_id, edits)

    def _edited(self, kind: str, record_id: int, edits: list[Edit]) -> None:
        if edits:
            fields = ", ".join(edit.field for edit in edits)
            self.notify(f"Saved {fields} of {kind} #{record_id}.", timeout=3)
        self.refresh_record(kind, record_id)

    @work(thread=True, group="edit")
    def refresh_record(self, kind: str, record_id: int) -> None:
        row = self.store.page_row(kind, record_id)
        if row is not None:
            self.call_from_thread(self.pane(kind).update_record, row)
        self.call_from_thread(self.show_current)

    def action_undo(self) -> None:
        self.step_history(undo=True)

    def action_redo(self) -> None:
        self.step_history(undo=False)

    @work(thread=True, group="edit")
    def step_history(self, undo: bool) -> None:
        step = self.store.undo() if undo else self.store.redo()
        if step is None:
            self.call_from_thread(
                self.notify, "Nothing to undo." if undo else "Nothing to redo.", timeout=2
            )
            return
        self.call_from_thread(self._stepped, step, "Undid" if undo else "Redid")

    def _stepped(self, step: Step, verb: str) -> None:
        self.notify(f"{verb} {step.describe()}.", timeout=3)
        if step.action == "edit":
            self.refresh_record(step.kind, step.record_id)
        else:
            self.reload()

    def action_save(self) -> None:
        self.notify("Every edit is saved as you make it.", timeout=2)

    # -- command palette ---------------------------------------------------------------------
    def get_system_commands(self, screen: Screen):
        yield from super().get_system_commands(screen)
        for kind in PANE_ORDER:
            yield SystemCommand(
                f"Focus {TITLES[kind]}", f"Move to the {TITLES[kind]} pane",
                lambda kind=kind: self.action_focus_pane(kind),
            )
        yield SystemCommand("Search", "Fuzzy search across all panes", self.action_search)
        yield SystemCommand("Undo", "Undo the last edit", self.action_undo)
        yield SystemCommand("Redo", "Redo the last undone edit", self.action_redo)
        yield SystemCommand("Keys", "Show every key binding", self.action_help)


def make_app(db_path: str | Path) -> TrackerApp:
    """The app on a store; used by the ``tracker`` command and by the tests alike."""
    return TrackerApp(db_path)
