"""The tracker TUI: three panes, a detail view, search, and the review loop.

Every database call runs in a thread worker and comes back through ``call_from_thread``, so
the interface never waits on SQLite; the widgets never see SQL, only the ``Store`` API.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual import events, on, work
from textual.app import App, ComposeResult, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import Footer, Header
from textual.worker import get_current_worker

from store import (
    STATUSES,
    ActorRecord,
    AnyRecord,
    Crisis,
    Edit,
    Hit,
    InvalidValue,
    Sourced,
    Step,
    Store,
    StoreError,
    View,
    totals_of,
)
from store.articles import article_row, mentioning
from store.bulk import MAX_SELECTION, review_records, tag_records, view_ids

from . import keymap
from .articles_screen import VERDICTS, ArticleScreen, ArticlesScreen
from .crisis_screens import ClaimsScreen, TimelineScreen
from .detail import DetailView
from .forms import EditScreen, FieldBar, as_input
from .help_screen import HelpScreen, bindings_of, key_names, sections
from .panes import TITLES, RecordPane, RowRequest
from .pickers import AddScreen, HistoryScreen, NewRecord, PickScreen
from .search_screen import SearchScreen

PANE_ORDER = ("event", "actor", "figure")

# `f` cycles a pane through these views; rejected records are hidden by default.
STATUS_VIEWS = (
    ("unreviewed", "confirmed"),
    ("unreviewed",),
    ("confirmed",),
    ("rejected",),
    STATUSES,
)


class TrackerApp(App):
    """Review crisis news as events, actors and figures."""

    TITLE = "tracker"
    CSS_PATH = "tracker.tcss"

    BINDINGS = [
        Binding("1", "focus_pane('event')", "Events", id="pane.events"),
        Binding("2", "focus_pane('actor')", "Actors", id="pane.actors"),
        Binding("3", "focus_pane('figure')", "Figures", id="pane.figures"),
        Binding("/", "search", "Search", id="search"),
        Binding("a", "review('confirmed')", "Confirm", id="record.confirm"),
        Binding("x", "review('rejected')", "Reject", id="record.reject"),
        Binding("e", "edit", "Edit", id="record.edit"),
        Binding("semicolon", "note", "Note", id="record.note"),
        Binding("n", "next_hit(1)", "Next hit", show=False, id="search.next_hit"),
        Binding("N", "next_hit(-1)", "Previous hit", show=False, id="search.previous_hit"),
        Binding("t", "tags", "Tags", show=False, id="record.tags"),
        Binding("U,ctrl+z", "undo", "Undo", id="undo"),
        Binding("ctrl+r", "redo", "Redo", show=False, id="redo"),
        Binding("f", "cycle_filter", "Filter", id="pane.filter"),
        Binding("w", "toggle_copies", "Wire copies", show=False, id="pane.copies"),
        Binding("number_sign", "tag_filter", "Tag filter", show=False, id="pane.tag_filter"),
        Binding("plus", "add", "Add missed record", show=False, id="record.add"),
        Binding("h", "history", "History", show=False, id="record.history"),
        Binding("c", "choose_crisis", "Crisis", id="crisis.choose"),
        Binding("T", "timeline", "Timeline", show=False, id="crisis.timeline"),
        Binding("D", "articles", "Articles", show=False, id="articles"),
        Binding("v", "view_article", "Article of the record", show=False, id="record.article"),
        Binding("K", "claims", "Claims", show=False, id="crisis.claims"),
        Binding("C", "crisis_actions", "Crisis actions", show=False, id="crisis.actions"),
        Binding("r", "reload", "Reload", show=False, id="reload"),
        Binding("ctrl+s", "save", "Save", show=False, id="save"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    WATCH_SECONDS = 2.0  # how often to look for records another process added
    # A worker gives up the GIL at every SQLite step (each row) and waits for the interface
    # thread to hand it back: at Python's default 5 ms switch interval, a 60-row page read
    # while the screen is being drawn takes 100 ms or more instead of 1 ms.
    SWITCH_INTERVAL = 0.001

    def __init__(self, db_path: str | Path, read_only: bool = False) -> None:
        super().__init__()
        self.bindings_by_id = {b.id: b for _title, bindings in sections(type(self))
                               for b in bindings if b.id}
        # the user's keys (``tui/keymap.py``): a few lines read once, before the first frame
        self.user_keys = keymap.load(set(self.bindings_by_id))
        sys.setswitchinterval(min(sys.getswitchinterval(), self.SWITCH_INTERVAL))
        self.db_path = Path(db_path)
        self.store = Store(self.db_path, read_only=read_only)
        self.crisis: Crisis | None = None  # the crisis the panes show; None: all of them
        self.hits: list[Hit] = []  # the last search's hits, for n / N
        self.hit_at = -1
        self._update_sub_title()

    def _update_sub_title(self) -> None:
        parts = [self.db_path.name + (" (read-only)" if self.store.read_only else "")]
        parts.append(self.crisis.name if self.crisis else "all crises")
        self.sub_title = " · ".join(parts)

    def key_name(self, binding_id: str | None) -> str:
        """The first key the user has for a binding (their keymap first), as ``?`` writes it:
        what a message tells them to press."""
        return key_names(self.bindings_by_id[binding_id or ""], self.user_keys.keys).split(" / ")[0]

    @property
    def undo_hint(self) -> str:
        return f"({self.key_name('undo')} undoes)"

    def notify(self, message: str, **kwargs: Any) -> None:
        """Notifications may quote article text or user input: never read them as markup."""
        kwargs.setdefault("markup", False)
        super().notify(message, **kwargs)

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        with Grid(id="main"):
            for kind in PANE_ORDER:
                yield RecordPane(kind, classes="pane")
            yield DetailView(id="detail")
        bar = FieldBar(id="field-bar")
        bar.display = False
        yield bar
        yield Footer()

    def pane(self, kind: str) -> RecordPane:
        return self.query_one(f"#pane-{kind}", RecordPane)

    @property
    def current_pane(self) -> RecordPane:
        try:
            focused = self.focused
        except ScreenStackError:  # closing: rows arrived after the last screen went
            focused = None
        if isinstance(focused, RecordPane):
            return focused
        return getattr(self, "_last_pane", None) or self.pane("event")

    def on_mount(self) -> None:
        if self.user_keys.keys:
            self.set_keymap(self.user_keys.keys)
        for problem in self.user_keys.problems:
            self.notify(f"Keymap: {problem}", severity="warning", timeout=8)
        self.pane("event").focus()
        self.open_latest_crisis()
        if self.store.read_only:
            why = f" ({self.store.why_read_only})" if self.store.why_read_only else ""
            self.notify(f"Opened read-only{why}: you can read and search, not edit.",
                        timeout=5, severity="warning" if why else "information")
        self.set_interval(self.WATCH_SECONDS, self.watch_store)

    @work(thread=True, group="crisis")
    def open_latest_crisis(self) -> None:
        """Open on the most recently updated crisis (read in a worker: the first paint waits
        for nothing else)."""
        self.call_from_thread(self.set_crisis, self.store.crises.get())

    @work(thread=True, exclusive=True, group="watch")
    def watch_store(self) -> None:
        """Show records another process (a `tracker ingest`) committed meanwhile."""
        if self.store.changed_elsewhere():
            self.call_from_thread(self._changed_elsewhere)

    def _changed_elsewhere(self) -> None:
        self.reload()
        self.notify("New records in the store: panes updated.", timeout=3)

    def on_unmount(self) -> None:
        self.store.close()

    # -- loading ---------------------------------------------------------------------------
    @work(thread=True, group="rows")
    def load_rows(self, requests: list[RowRequest]) -> None:
        """Read windows of panes' rows, then (where asked) the views' totals: all the rows
        paint in one frame, before the counts, which are the slower queries on a large
        store."""
        pages = []
        for request in requests:
            view, kind = request.pane.view, request.pane.kind
            if request.follow is not None:  # where the record is in the order now
                request = request.following(self.store.records.position(kind, request.follow, view))
            pages.append((request, view,
                          self.store.records.page(kind, request.offset, request.limit, view)))
        self.call_from_thread(self._rows_loaded, pages)
        totals = [(request, view, self.store.records.count(request.pane.kind, view))
                  for request, view, _rows in pages if request.count]
        if totals:
            self.call_from_thread(self._totals_loaded, totals)

    def _rows_loaded(self, pages: list[tuple[RowRequest, View, list[dict]]]) -> None:
        shown = False
        for request, view, rows in pages:
            pane = request.pane
            if view != pane.view:
                continue  # the filter changed while this page was read
            if pane.fill(request.offset, rows, request.limit, request.cursor, request.seq,
                         request.follow):
                shown = shown or pane is self.current_pane
        if shown:
            self.show_current()

    def _totals_loaded(self, totals: list[tuple[RowRequest, View, int]]) -> None:
        for request, view, total in totals:
            if view == request.pane.view:
                request.pane.set_total(total)

    @on(RecordPane.WantRows)
    def _want_rows(self, message: RecordPane.WantRows) -> None:
        self.load_rows([message.request])

    def reload(self, kinds: tuple[str, ...] = PANE_ORDER) -> None:
        """Re-read panes from the store (after a merge, an undo, a filter, a new ingest),
        keeping each cursor where it was."""
        if not self.is_running:  # closing: a change seen by the watch arrived as panes went
            return
        self.load_rows([self.pane(kind).load_request() for kind in kinds])

    # -- crises -----------------------------------------------------------------------------
    def set_crisis(self, crisis: Crisis | None) -> None:
        """Show one crisis in every pane (None: all crises)."""
        self.crisis = crisis
        self._update_sub_title()
        for kind in PANE_ORDER:
            pane = self.pane(kind)
            pane.view = dataclasses.replace(pane.view, crisis=crisis.id if crisis else None)
            pane.clear_rows()
        self.reload()

    def action_choose_crisis(self) -> None:
        self.open_crisis_picker()

    @work(thread=True, group="crisis")
    def open_crisis_picker(self) -> None:
        crises = self.store.crises.all()
        choices: list[tuple[Crisis | str, str]] = [("all", "All crises")] + [
            (c, f"{c.name}  ·  {c.documents} documents  ·  "
                f"{c.first or '?'} … {c.last or '?'}") for c in crises
        ]
        current = next((i for i, (c, _) in enumerate(choices)
                        if isinstance(c, Crisis) and self.crisis and c.id == self.crisis.id),
                       0)

        def show(chosen: Crisis | str | None) -> None:
            if chosen is not None:
                self.set_crisis(chosen if isinstance(chosen, Crisis) else None)  # None: all

        self.call_from_thread(
            self.push_screen, PickScreen("Show which crisis?", choices, current), show)

    def _need_crisis(self) -> Crisis | None:
        if self.crisis is None:
            self.notify("Choose a crisis first (c).", severity="warning")
        return self.crisis

    def action_timeline(self) -> None:
        if self._need_crisis():
            self.open_timeline(self.crisis)

    @work(thread=True, group="crisis")
    def open_timeline(self, crisis: Crisis) -> None:
        events = self.store.crises.timeline(crisis.id, 0, TimelineScreen.PAGE)
        total = (len(events) if len(events) < TimelineScreen.PAGE
                 else self.store.crises.timeline_count(crisis.id))
        self.call_from_thread(self.push_screen,
                              TimelineScreen(self.store, crisis, events, total))

    def action_articles(self) -> None:
        crisis = self.crisis.id if self.crisis else None
        self.push_screen(ArticlesScreen(self.store, crisis), lambda _closed: self.reload())

    def action_view_article(self) -> None:
        self.with_selected(self.open_article)

    @work(thread=True, group="edit")
    def open_article(self, kind: str, record_id: int) -> None:
        """The article a record was extracted from, with the record's span in focus."""
        source = source_of(self.store.records.get(kind, record_id))
        row = article_row(self.store, source[0]) if source else None
        if row is None:
            self.call_from_thread(self.notify, "This record comes from no article.")
            return
        self.call_from_thread(
            self.push_screen, ArticleScreen(self.store, [row], 0, (kind, record_id)),
            lambda _closed: self.reload())

    def action_claims(self) -> None:
        if self._need_crisis():
            self.open_claims(self.crisis)

    @work(thread=True, group="crisis")
    def open_claims(self, crisis: Crisis) -> None:
        claims = self.store.claims.of(crisis.id)
        totals = totals_of(claims)  # not category_totals: that reads the claims again
        self.call_from_thread(
            self.push_screen, ClaimsScreen(
                crisis, claims, totals, functools.partial(self.store.claims.reports, crisis.id)),
            lambda choice: choice and self.run_step(
                self.store.claims.choose_figure, crisis.id, choice[0], choice[1] or None,
                then=self.action_claims,
            ),
        )

    def action_crisis_actions(self) -> None:
        actions = [("new", "New crisis…"), ("rename", "Rename this crisis…"),
                   ("merge", "Merge this crisis into…"),
                   ("move", "Move the selected record's document to…")]
        self.push_screen(PickScreen("Crisis actions", actions), self._crisis_action)

    def _crisis_action(self, action: str | None) -> None:
        if action == "new":
            self.query_one(FieldBar).open("new_crisis", "crisis", None, "")
        elif action == "rename" and (crisis := self._need_crisis()):
            self.query_one(FieldBar).open("crisis_name", "crisis", crisis.id, crisis.name)
        elif action == "merge" and (crisis := self._need_crisis()):
            self.open_crisis_target(self.store.crises.merge, crisis.id)
        elif action == "move":
            self.with_selected(self.open_move)

    @work(thread=True, group="crisis")
    def open_move(self, kind: str, record_id: int) -> None:
        record = self.store.records.get(kind, record_id)
        if kind == "actor":
            self.call_from_thread(self.notify, "Select an event or a figure: actors belong to "
                                  "every crisis they appear in.", severity="warning")
        elif isinstance(record, Sourced):
            self.open_crisis_target(self.store.crises.move_document, record.document_id)

    @work(thread=True, group="crisis")
    def open_crisis_target(self, operation: Callable[[int, int], object], subject: int) -> None:
        """Pick the crisis ``operation(subject, crisis)`` acts on (merging a crisis into
        itself is not offered)."""
        merging = operation == self.store.crises.merge
        crises = [c for c in self.store.crises.all() if not (merging and c.id == subject)]
        choices = [(c.id, f"{c.name}  ·  {c.documents} documents") for c in crises]
        self.call_from_thread(
            self.push_screen, PickScreen("Into which crisis?", choices),
            lambda target: target is not None and self.run_step(
                operation, subject, target, then=self._refresh_crisis),
        )

    def _refresh_crisis(self) -> None:
        self.refresh_crisis()

    @work(thread=True, group="crisis")
    def refresh_crisis(self) -> None:
        """Re-read the shown crisis (renamed, merged away) and the panes."""
        crisis = None
        if self.crisis is not None:
            crisis = self.store.crises.get(self.crisis.id)
        self.call_from_thread(self.set_crisis, crisis)

    def action_reload(self) -> None:
        self.reload()
        self.notify("Reloaded from the store.", timeout=2)

    # -- selection and detail --------------------------------------------------------------
    @on(RecordPane.RowHighlighted)
    def _highlighted(self, event: RecordPane.RowHighlighted) -> None:
        if event.data_table is self.current_pane:
            self.show_current()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
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
        record = self.store.records.get(kind, record_id)
        if not get_current_worker().is_cancelled:  # a newer selection superseded this one
            self.call_from_thread(self.query_one(DetailView).show, record)

    def selected(self) -> tuple[str, int] | None:
        """The selected record, or None with a word to the user."""
        pane = self.current_pane
        if pane.current_id is None:
            self.notify("Nothing selected.", severity="warning")
            return None
        return pane.kind, pane.current_id

    def with_selected(self, action: Callable[[str, int], object]) -> None:
        """Run ``action(kind, record_id)`` on the selected record, if there is one."""
        chosen = self.selected()
        if chosen:
            action(*chosen)

    # -- actions: navigation -----------------------------------------------------------------
    def action_focus_pane(self, kind: str) -> None:
        self.pane(kind).focus()

    def action_search(self) -> None:
        screen = SearchScreen(self.store)
        self.push_screen(screen, lambda hit: self._go_to_hit(hit, screen.hits))

    def _go_to_hit(self, hit: Hit | None, hits: list[Hit] | None = None) -> None:
        if hit is not None:
            self.hits = list(hits or [hit])
            self.hit_at = self.hits.index(hit) if hit in self.hits else 0
            self.go_to_record(hit.kind, hit.record_id)

    def action_next_hit(self, step: int) -> None:
        """Step through the last search's hits after its box closed (VisiData's n / N)."""
        if not self.hits:
            self.notify(f"No search yet: {self.key_name('search')} searches, then "
                        f"{self.key_name('search.next_hit')} and "
                        f"{self.key_name('search.previous_hit')} step through its hits.",
                        timeout=3)
            return
        self.hit_at = (self.hit_at + step) % len(self.hits)
        hit = self.hits[self.hit_at]
        self.notify(f"Hit {self.hit_at + 1} of {len(self.hits)}.", timeout=2)
        self.go_to_record(hit.kind, hit.record_id)

    @work(thread=True, group="rows")
    def go_to_record(self, kind: str, record_id: int) -> None:
        """Select a record, widening the pane's filter (status, tag, then crisis) when it
        hides the record, rather than failing."""
        current = self.pane(kind).view
        for view in (current, View(statuses=STATUSES, crisis=current.crisis, copies=True),
                     View(statuses=STATUSES, copies=True)):
            row = self.store.records.position(kind, record_id, view)
            if row is not None:
                self.call_from_thread(self._show_at, kind, view, row, record_id)
                return
        self.call_from_thread(self.notify, "That record is no longer in the store.",
                              severity="warning")

    def _show_at(self, kind: str, view: View, row: int, record_id: int) -> None:
        pane = self.pane(kind)
        pane.focus()
        if view != pane.view:
            pane.view = view
            pane.clear_rows()
        pane.go_to(row, record_id)

    def _set_view(self, kind: str, view: View) -> None:
        pane = self.pane(kind)
        pane.view = view
        pane.clear_rows()
        self.reload((kind,))

    def action_cycle_filter(self) -> None:
        pane = self.current_pane
        current = pane.view.statuses
        index = STATUS_VIEWS.index(current) if current in STATUS_VIEWS else -1
        statuses = STATUS_VIEWS[(index + 1) % len(STATUS_VIEWS)]
        self._set_view(pane.kind, dataclasses.replace(pane.view, statuses=statuses))

    def action_toggle_copies(self) -> None:
        """``w``: show or hide the events and figures of republished wire copies."""
        pane = self.current_pane
        if pane.kind == "actor":
            self.notify("Actors are never hidden as copies: w works on events and figures.",
                        timeout=3)
            return
        self._set_view(pane.kind, dataclasses.replace(pane.view, copies=not pane.view.copies))

    def action_tag_filter(self) -> None:
        pane = self.current_pane
        self.query_one(FieldBar).open("tag_filter", pane.kind, None, pane.view.tag or "")

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    # -- actions: one field ------------------------------------------------------------------
    def action_note(self) -> None:
        self.with_selected(lambda kind, record_id: self.open_bar("note", kind, record_id))

    def action_tags(self) -> None:
        pane = self.current_pane
        if pane.selection:
            self.query_one(FieldBar).open("tag_selection", pane.kind, None, "")
            return
        self.with_selected(lambda kind, record_id: self.open_bar("tags", kind, record_id))

    @work(thread=True, group="edit")
    def open_bar(self, field: str, kind: str, record_id: int) -> None:
        record = self.store.records.get(kind, record_id)
        if record is not None:
            self.call_from_thread(
                self.query_one(FieldBar).open, field, kind, record_id,
                as_input(field, record.field(field)),
            )

    @on(FieldBar.Saved)
    def _bar_saved(self, message: FieldBar.Saved) -> None:
        if message.purpose == "tag_filter":
            pane = self.pane(message.kind)
            tag = message.value.strip().lstrip("#").lower() or None
            self._set_view(message.kind, dataclasses.replace(pane.view, tag=tag))
        elif message.purpose == "crisis_name":
            self.run_step(self.store.crises.rename, message.record_id, message.value,
                          then=self._refresh_crisis)
        elif message.purpose == "new_crisis":
            self.run_step(self.store.crises.create, message.value, then=self._refresh_crisis)
        elif message.purpose == "tag_selection":
            pane = self.pane(message.kind)
            self.bulk_step(pane, tag_records, message.value, done="Tagged")
        else:
            self.write_fields(message.kind, message.record_id, {message.purpose: message.value})

    @on(FieldBar.Closed)
    def _bar_closed(self) -> None:
        self.current_pane.focus()

    def action_review(self, status: str) -> None:
        pane = self.current_pane
        if pane.selection:
            self.bulk_step(pane, review_records, status, done=VERDICTS[status])
            return
        chosen = self.selected()
        if chosen:
            self.write_fields(*chosen, {"status": status})
            pane.set_status(chosen[1], status)
            message = pane.next_unreviewed()
            if message:
                self.notify(message, timeout=3)

    def action_edit(self) -> None:
        self.with_selected(self.open_editor)

    @work(thread=True, group="edit")
    def open_editor(self, kind: str, record_id: int) -> None:
        record = self.store.records.get(kind, record_id)
        if record is not None:
            self.call_from_thread(
                self.push_screen,
                EditScreen(record, unknown_actors=self.store.edits.unknown_actors),
                lambda changed: changed and self.write_fields(kind, record_id, changed),
            )

    @work(thread=True, group="edit")
    def write_fields(self, kind: str, record_id: int, values: dict) -> None:
        """Write a person's changes at once, as one logged, undoable step."""
        try:
            edits = [e for e in self.store.edits.set_fields(kind, record_id, values) if e]
        except (InvalidValue, KeyError, StoreError) as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            self.call_from_thread(self.refresh_record, kind, record_id)  # undo what was shown
            return
        self.call_from_thread(self._edited, kind, record_id, edits)

    def _edited(self, kind: str, record_id: int, edits: list[Edit]) -> None:
        if edits:
            fields = ", ".join(edit.field for edit in edits)
            self.notify(f"Saved {fields} of {kind} #{record_id}.", timeout=3)
        self.refresh_record(kind, record_id)

    @work(thread=True, group="edit")
    def refresh_record(self, kind: str, record_id: int) -> None:
        row = self.store.records.page_row(kind, record_id)
        if row is not None:
            self.call_from_thread(self.pane(kind).update_record, row)
        self.call_from_thread(self.show_current)

    # -- actions: steps over several records --------------------------------------------------
    @on(RecordPane.ActorAction)
    def _actor_action(self, message: RecordPane.ActorAction) -> None:
        """``m`` / ``S`` in the Actors pane (the pane's own bindings)."""
        if message.action == "merge":
            self.open_merge(message.actor_id)
        else:
            self.open_split(message.actor_id)

    @work(thread=True, group="edit")
    def open_merge(self, actor_id: int) -> None:
        actor = self.store.records.get("actor", actor_id)
        name = actor.name if isinstance(actor, ActorRecord) else f"actor #{actor_id}"
        screen = SearchScreen(self.store, kinds=("actor",), title=f"Merge {name} into…",
                              exclude=("actor", actor_id))
        self.call_from_thread(
            self.push_screen, screen,
            lambda hit: hit is not None and self.run_step(
                self.store.edits.merge_actors, actor_id, hit.record_id,
                focus=("actor", hit.record_id)
            ),
        )

    @work(thread=True, group="edit")
    def open_split(self, actor_id: int) -> None:
        """``S``: split an alias off an actor (every mention written that way), or one
        article's mentions (the Nice report's "police" out of the American police)."""
        record = self.store.records.get("actor", actor_id)
        if not isinstance(record, ActorRecord):
            return
        choices: list[tuple[object, str]] = [
            (("alias", a), f"alias {a!r}: every mention written so")
            for a in record.aliases if a != record.name]
        articles = mentioning(self.store, actor_id)
        if len(articles) > 1:
            choices += [(("document", document_id),
                         f"article #{document_id}: {title} ({count} mention"
                         f"{'s' if count != 1 else ''})")
                        for document_id, title, count in articles]
        if not choices:
            self.call_from_thread(
                self.notify, "Nothing to split: one name, in one article.", timeout=3)
            return
        screen = PickScreen(f"Split off {record.name}: an alias, or an article's mentions",
                            choices)
        self.call_from_thread(self.push_screen, screen,
                              lambda choice: self._split(actor_id, choice))

    def _split(self, actor_id: int, choice: tuple[str, object] | None) -> None:
        if choice is None:
            return
        what, value = choice
        split = self.store.edits.split_alias if what == "alias" else self.store.edits.split_document
        self.run_step(split, actor_id, value, focus=("actor", None))

    def action_add(self) -> None:
        self.with_selected(self.open_add)

    @work(thread=True, group="edit")
    def open_add(self, kind: str, record_id: int) -> None:
        source = source_of(self.store.records.get(kind, record_id))
        if source is None:
            return
        document_id, near = source
        text = self.store.documents.get(document_id).text
        sentences = self.store.documents.sentences(document_id)
        choices = [((s, e), text[s:e]) for s, e in sentences]
        here = max((i for i, (s, _e) in enumerate(sentences) if s <= near), default=0)
        self.call_from_thread(
            self.push_screen,
            PickScreen(f"Add to document #{document_id}: pick the sentence", choices, here),
            lambda bounds: bounds is not None and self.push_screen(
                AddScreen(document_id, text[bounds[0]:bounds[1]], bounds[0]), self._add
            ),
        )

    def _add(self, new: NewRecord | None) -> None:
        if new is not None:
            self.run_step(self.store.edits.add_record, new.kind, new.document_id, new.start,
                          new.end, new.values, focus=(new.kind, None))

    @work(thread=True, group="edit")
    def run_step(self, operation: Callable[..., object], *args: object,
                 focus: tuple[str, int | None] | None = None,
                 then: Callable[[], object] | None = None) -> None:
        """Run a store operation that changes several records (a bound method of the
        store, never a name looked up), then reload the panes."""
        try:
            result = operation(*args)
        except (InvalidValue, KeyError, StoreError) as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        done = operation.__name__.replace("_", " ")
        self.call_from_thread(self.notify, f"Done: {done} {self.undo_hint}.", timeout=3)
        self.call_from_thread(then or self.reload)
        if focus is not None:
            kind, record_id = focus
            self.call_from_thread(self.go_to_record, kind, record_id or result)

    # -- the selection (s, u, gs, gu) ---------------------------------------------------------
    @on(RecordPane.SelectAll)
    def _select_all(self, message: RecordPane.SelectAll) -> None:
        if message.select:
            self.select_view(message.pane)
        else:
            message.pane.set_selection(None, False)

    @work(thread=True, group="rows")
    def select_view(self, pane: RecordPane) -> None:
        """``gs``: select every record of the pane's view (the first ``MAX_SELECTION``)."""
        ids = view_ids(self.store, pane.kind, pane.view, MAX_SELECTION + 1)
        if len(ids) > MAX_SELECTION:
            self.call_from_thread(
                self.notify, f"Selected the first {MAX_SELECTION:,} records: one bulk step "
                f"takes at most {MAX_SELECTION:,}.", severity="warning", timeout=5)
        self.call_from_thread(pane.set_selection, ids[:MAX_SELECTION], True)

    @work(thread=True, group="edit")
    def bulk_step(self, pane: RecordPane, apply: Callable[[Store, str, list[int], str], int],
                  value: str, done: str) -> None:
        """A verdict or tags for every selected record of ``pane``, as one undoable step;
        the selection is spent (cleared) once the step is written."""
        ids = sorted(pane.selection)
        try:
            changed = apply(self.store, pane.kind, ids, value)
        except (InvalidValue, StoreError) as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        self.call_from_thread(pane.set_selection, None, False)
        self.call_from_thread(
            self.notify, f"{done} {changed:,} of {len(ids):,} selected {pane.kind}s "
            f"{self.undo_hint}.", timeout=3)
        self.call_from_thread(self.reload, (pane.kind,))

    def action_history(self) -> None:
        self.with_selected(self.open_history)

    @work(thread=True, group="edit")
    def open_history(self, kind: str, record_id: int) -> None:
        edits = self.store.history.of(kind, record_id)
        self.call_from_thread(self.push_screen, HistoryScreen(kind, record_id, edits))

    # -- undo / redo ---------------------------------------------------------------------------
    def action_undo(self) -> None:
        self.step_history(undo=True)

    def action_redo(self) -> None:
        self.step_history(undo=False)

    @work(thread=True, group="edit")
    def step_history(self, undo: bool) -> None:
        try:
            step = self.store.history.undo() if undo else self.store.history.redo()
        except StoreError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        if step is None:
            self.call_from_thread(
                self.notify, "Nothing to undo." if undo else "Nothing to redo.", timeout=2
            )
            return
        self.call_from_thread(self._stepped, step, "Undid" if undo else "Redid")

    def _stepped(self, step: Step, verb: str) -> None:
        self.notify(f"{verb} {step.describe()}.", timeout=3)
        if step.action == "edit" and step.fields_only:
            for kind, record_id in dict.fromkeys((e.kind, e.record_id) for e in step.edits):
                self.refresh_record(kind, record_id)
        elif step.action == "edit":  # a form that also linked or created actors
            self.reload()
            self.refresh_record(step.kind, step.record_id)
        elif "crisis" in step.action or step.action == "move document":
            self.refresh_crisis()
        else:
            self.reload()

    def action_save(self) -> None:
        self.notify("Every edit is saved as you make it.", timeout=2)

    # -- command palette ---------------------------------------------------------------------
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for kind in PANE_ORDER:
            yield SystemCommand(
                f"Focus {TITLES[kind]}", f"Move to the {TITLES[kind]} pane",
                lambda kind=kind: self.action_focus_pane(kind),
            )
        for binding in bindings_of(type(self)):
            if binding.action.startswith(("focus_pane", "quit", "help", "save")):
                continue
            yield SystemCommand(
                binding.description, f"key: {self.key_name(binding.id)}",
                lambda action=binding.action: self.run_action(action),
            )
        pane = self.current_pane
        for binding in bindings_of(RecordPane):  # the pane's own, where they apply
            if binding.action.startswith("actor(") and pane.kind == "actor":
                yield SystemCommand(
                    binding.description, f"key: {self.key_name(binding.id)} (Actors)",
                    lambda action=binding.action: pane.run_action(action),
                )
        yield SystemCommand("Keys", "Show every key binding", self.action_help)


def source_of(record: AnyRecord | None) -> tuple[int, int] | None:
    """The document a record was read from and where its sentence starts (an actor: its
    first mention's), or None (no such record, an actor never mentioned)."""
    if isinstance(record, Sourced):
        return record.document_id, record.sent_start
    if isinstance(record, ActorRecord) and record.mentions:
        return record.mentions[0].document_id, record.mentions[0].sent_start
    return None


def make_app(db_path: str | Path, read_only: bool = False) -> TrackerApp:
    """The app on a store; used by the ``tracker`` command and by the tests alike."""
    return TrackerApp(db_path, read_only=read_only)
