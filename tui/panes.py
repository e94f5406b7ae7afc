"""The three record panes: Events, Actors, Figures.

A pane holds a window of rows and moves it as the cursor nears its edge or jumps away, so a
store of any size opens as fast as a small one and no widget holds every row. Rows come from
the store through the app's workers; the pane itself never touches the database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.console import JustifyMethod
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from store import View

from .safe import plain, safe_text

FIRST_PAGE = 60  # a fresh pane asks for this many rows: enough to fill it, quick to paint
WINDOW = 400  # the most rows a pane holds at once
MARGIN = 50  # rows from the window's edge at which the window moves

TITLES = {"event": "Events", "actor": "Actors", "figure": "Figures"}

STATUS_MARKS = {"confirmed": ("✓", "green"), "rejected": ("✗", "red"), "unreviewed": ("·", "")}


SELECTED_MARK = "●"  # before the status mark of a row in the pane's selection


def _status_cell(row: dict) -> Text:
    mark, style = STATUS_MARKS.get(row.get("status", ""), ("?", ""))
    cell = Text(SELECTED_MARK if row.get("_selected") else " ", style="bold magenta")
    cell.append(mark, style=style)
    if row.get("note"):
        cell.append("✎", style="yellow")
    return cell


EVENT_TYPE_LABELS = {
    "battles": "battle",
    "explosions_remote_violence": "explosion/remote",
    "violence_against_civilians": "vs civilians",
    "protests": "protest",
    "riots": "riot",
    "strategic_developments": "strategic dev.",
    "population_movement": "movement",
    "statements_diplomacy": "statement",
}


def _date(row: dict) -> str:
    start, end = row.get("date_start"), row.get("date_end")
    if not start:
        return "—"
    if end and end != start:
        return f"{start}…{end[5:] if end[:4] == start[:4] else end}"
    return start


def _actor_name(row: dict) -> Text:
    text = safe_text(row["name"], one_line=True)
    if row.get("aliases"):
        text.append("  " + plain(row["aliases"], one_line=True), style="dim")
    return text


@dataclass(frozen=True)
class Column:
    label: str
    width: int | None
    cell: Callable[[dict[str, Any]], str | Text]
    justify: JustifyMethod = "left"  # numbers: "right", so their digits line up


COLUMNS: dict[str, list[Column]] = {
    "event": [
        Column("Date", 16, _date),
        Column("Type", 16, lambda r: EVENT_TYPE_LABELS.get(r["type"], r["type"])),
        Column("What", None, lambda r: r["summary"]),
        Column("Where", 12, lambda r: r.get("location") or ""),
        Column("", 3, _status_cell),
    ],
    "actor": [
        Column("Name (aliases)", None, _actor_name),
        Column("Kind", 12, lambda r: r["kind"].replace("_", " ")),
        Column("#", 6, lambda r: f"{r['mentions']:,}" if r.get("mentions") is not None else "",
               "right"),
        Column("", 3, _status_cell),
    ],
    "figure": [
        Column("Value", 8, lambda r: f"{r['value']:,}", "right"),
        Column("As written", 10, lambda r: r["text"]),
        Column("Category", 8, lambda r: r["category"]),
        Column("Counted", None, lambda r: r["counted"]),
        Column("Where", 10, lambda r: r.get("location") or ""),
        Column("Date", 10, lambda r: r.get("date") or "—"),
        Column("Doc", 4, lambda r: f"#{r['document_id']}" if r.get("document_id") else "",
               "right"),
        Column("", 3, _status_cell),
    ],
}


def cells(kind: str, row: dict) -> list[Text]:
    """A row's cells, every one a ``Text`` so article text is never read as markup."""
    out = []
    for column in COLUMNS[kind]:
        value = column.cell(row)
        text = value if isinstance(value, Text) else safe_text(value, one_line=True)
        text.justify = column.justify
        out.append(text)
    return out


@dataclass(frozen=True)
class RowRequest:
    """``limit`` rows of ``pane`` from virtual row ``offset`` on; ``cursor`` is where the
    cursor goes when they come (None: it stays where the user has moved it meanwhile);
    ``count``: the view's total is wanted too (a fresh or reloaded pane); ``seq`` tells an
    answer to an older request, which is dropped; ``follow``: the record the cursor must be
    on when the rows come, wherever the order has moved it since (an edit re-dated it,
    another process added records before it)."""

    pane: RecordPane
    offset: int
    limit: int
    cursor: int | None
    seq: int
    count: bool
    follow: int | None = None

    def following(self, position: int | None) -> RowRequest:
        """This request moved to hold the followed record, found at virtual row
        ``position`` of the order now (None: gone from the view, the request is kept)."""
        if position is None or self.offset <= position < self.offset + self.limit:
            return self if position is None or self.cursor is None else \
                dataclasses.replace(self, cursor=position)
        start = max(0, position - WINDOW // 2)
        return dataclasses.replace(self, offset=start, limit=max(self.limit, WINDOW),
                                   cursor=position if self.cursor is not None else None)


class RecordPane(DataTable):
    """A window onto one kind of record: at most ``WINDOW`` rows of the pane's order are held
    at a time, and the window moves (a page read in a worker) as the cursor nears its edge or
    jumps away (``g``/``G``, a search hit), so a pane over a million records holds a few
    hundred rows, never all of them.

    Rows are addressed two ways: *virtual* rows are positions in the whole order (what the
    store's ``position`` gives), table rows are positions in the window (``base`` + row)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="pane.down"),
        Binding("k", "cursor_up", "Up", show=False, id="pane.up"),
        Binding("g", "first", "Top (then s / u: select / unselect all)", show=False,
                id="pane.top"),
        Binding("G", "last", "Bottom", show=False, id="pane.bottom"),
        Binding("s", "select(True)", "Select the record (●), step down", show=False,
                id="pane.select"),
        Binding("u", "select(False)", "Unselect the record, step down", show=False,
                id="pane.unselect"),
        # the Actors pane's own: shown and active there only (``check_action``)
        Binding("m", "actor('merge')", "Merge actor", show=False, id="actor.merge"),
        Binding("S", "actor('split')", "Split alias", show=False, id="actor.split"),
    ]

    class ActorAction(Message):
        """``m`` / ``S`` on an actor: the app opens the merge or split list for it."""

        def __init__(self, action: str, actor_id: int) -> None:
            super().__init__()
            self.action, self.actor_id = action, actor_id

    class SelectAll(Message):
        """``gs`` / ``gu``: select (or unselect) every record the pane's view shows; the
        app reads their ids in a worker."""

        def __init__(self, pane: RecordPane, select: bool) -> None:
            super().__init__()
            self.pane, self.select = pane, select

    class WantRows(Message):
        """The pane needs rows (see ``RowRequest``)."""

        def __init__(self, request: RowRequest) -> None:
            super().__init__()
            self.request = request

    def __init__(self, kind: str, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=f"pane-{kind}", **kwargs)
        self.kind = kind
        self.view = View()
        self.total = 0
        self.base = 0  # virtual row of the window's first row
        self.ids: list[int] = []  # the window's record ids, in order
        self.records: dict[int, dict] = {}  # the window's rows by id (status, cells)
        self.selection: set[int] = set()  # ids picked for a bulk verdict or tag
        self._prefix = False  # ``g`` was the last key: ``s``/``u`` act on every row
        self._seq = 0  # the latest request; answers to older ones are dropped
        self._asking = False
        self._counted = False  # ``total`` is the store's count, not a guess from a page
        self.border_title = TITLES[kind]

    def on_mount(self) -> None:
        columns = COLUMNS[self.kind]
        for index, column in enumerate(columns):
            self.add_column(Text(column.label, justify=column.justify),
                            width=column.width or 10, key=str(index))

    def on_resize(self) -> None:
        """Give the one flexible column (the text) all the width the others leave."""
        columns = COLUMNS[self.kind]
        fixed = sum(c.width for c in columns if c.width) + 2 * self.cell_padding * len(columns)
        flexible = max(10, self.scrollable_content_region.width - fixed)
        for index, column in enumerate(columns):
            if column.width is None:
                self.columns[ColumnKey(str(index))].width = flexible
        self._require_update_dimensions = True
        self.refresh()

    # -- asking for rows ---------------------------------------------------------------------
    @property
    def virtual_row(self) -> int:
        """The cursor's row in the whole order."""
        return self.base + self.cursor_row

    def request(self, offset: int, limit: int, cursor: int | None,
                count: bool = False, follow: int | None = None) -> RowRequest:
        """A request for rows, superseding any earlier one of this pane."""
        self._seq += 1
        self._asking = True
        return RowRequest(self, max(offset, 0), limit, cursor, self._seq,
                          count or not self._counted, follow)

    def ask(self, offset: int, limit: int, cursor: int | None,
            follow: int | None = None) -> None:
        self.post_message(self.WantRows(self.request(offset, limit, cursor, follow=follow)))

    def _window_at(self, row: int) -> int:
        """The first row of the window centred on virtual row ``row``, kept within the
        total when it is known."""
        return max(0, min(row - WINDOW // 2, (self.total or row + 1) - WINDOW))

    def ask_around(self, row: int, jump: bool = False, follow: int | None = None) -> None:
        """Read the window centred on virtual row ``row`` (where a jump lands, or where the
        cursor is)."""
        self.ask(self._window_at(row), WINDOW, row if jump else None, follow)

    def load_request(self, first: int = FIRST_PAGE) -> RowRequest:
        """What (re)reading the pane takes: a short first page on a fresh pane (it paints at
        once), else the window where the cursor is. The app reads the panes' requests
        together, so that they paint in one frame."""
        follow = self.current_id
        if self.ids and self.virtual_row >= first // 2:
            return self.request(self._window_at(self.virtual_row), WINDOW, None, count=True,
                                follow=follow)
        return self.request(0, max(first, self.cursor_row + 1), None, count=True,
                            follow=follow)

    def clear_rows(self) -> None:
        """Forget every row (the view changed): the next answer starts the pane afresh."""
        self._seq += 1
        self.clear()
        self.base, self.total, self.ids, self.records = 0, 0, [], {}
        self._counted = False

    # -- taking rows -------------------------------------------------------------------------
    def fill(self, offset: int, rows: list[dict], limit: int, cursor: int | None,
             seq: int, follow: int | None = None) -> bool:
        """Show the rows a request brought (False: a newer request superseded it). The
        cursor goes to the record it must follow, else stays on the record it is on (the
        user may have moved since the request), wherever the order put it; only a record
        gone from the view leaves the cursor at its row number."""
        if seq != self._seq:
            return False
        if not rows and offset > 0:  # the window is past the end now (rows went away)
            self.ask(max(offset - WINDOW, 0), WINDOW, offset - 1, follow)
            return True
        target = cursor if cursor is not None else self.virtual_row
        keep = follow if cursor is not None else self.current_id
        found = next((i for i, row in enumerate(rows) if row["id"] == keep), None) \
            if keep is not None else None
        if found is not None:
            target = offset + found
        on_screen = self.cursor_row - round(self.scroll_y)  # keep the cursor's screen line
        self.clear()
        self.base = offset
        self.ids, self.records = [], {}
        for row in rows:
            self.ids.append(row["id"])
            self.records[row["id"]] = row
            self.add_row(*self._cells(row), key=str(row["id"]))
        if len(rows) < limit:  # the end of the order is in the window: the total is known
            self.total = offset + len(rows)
        elif not self._counted:  # a guess until the count comes: at least one more
            self.total = max(self.total, offset + len(rows) + 1)
        else:
            self.total = max(self.total, offset + len(rows))
        if self.ids:
            cursor = min(max(target - offset, 0), len(self.ids) - 1)
            self.move_cursor(row=cursor, animate=False, scroll=False)
            self.scroll_to(y=max(cursor - max(on_screen, 0), 0), animate=False, force=True)
        self._asking = False  # only now: adding rows moves the cursor, which would ask again
        self._update_title()
        return True

    def set_total(self, total: int) -> None:
        """The store's count for the view, read after the rows (it is the slower query)."""
        self.total, self._counted = max(total, self.base + len(self.ids)), True
        self._update_title()

    def update_record(self, row: dict) -> None:
        """Show a record's changed values in place."""
        key = str(row["id"])
        if row["id"] not in self.records:
            return
        self.records[row["id"]] = row
        for index, value in enumerate(self._cells(row)):
            self.update_cell(key, str(index), value)

    @property
    def statuses(self) -> dict[int, str]:
        """The review status of each record the window holds."""
        return {record_id: row["status"] for record_id, row in self.records.items()}

    def set_status(self, record_id: int, status: str) -> None:
        """A review stroke shown at once, before the store's row comes back."""
        if record_id in self.records:
            self.records[record_id] = {**self.records[record_id], "status": status}

    def _cells(self, row: dict) -> list[Text]:
        return cells(self.kind, {**row, "_selected": row["id"] in self.selection})

    def _update_title(self) -> None:
        label = self.view.label()
        self.border_title = safe_text(
            f"{TITLES[self.kind]} ({self.total:,})" + (f" · {label}" if label else ""),
            one_line=True,
        )
        held_all = self.base == 0 and len(self.ids) >= self.total
        parts = [] if held_all or not self.ids else [f"{self.virtual_row + 1:,} of {self.total:,}"]
        if self.selection:
            parts.append(f"{len(self.selection):,} selected")
        self.border_subtitle = " · ".join(parts) or None

    @property
    def current_id(self) -> int | None:
        if not self.ids or not 0 <= self.cursor_row < len(self.ids):
            return None
        return self.ids[self.cursor_row]

    def go_to(self, row: int, record_id: int | None = None) -> None:
        """Move the cursor to virtual row ``row`` (to record ``record_id``, wherever it is
        when the rows come), reading the window there if need be."""
        if record_id is not None and record_id in self.records:
            self.move_cursor(row=self.ids.index(record_id), animate=False)
        elif record_id is None and self.base <= row < self.base + len(self.ids):
            self.move_cursor(row=row - self.base, animate=False)
        else:
            self.ask_around(row, jump=True, follow=record_id)

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if self._asking:  # filling: the title is set once at the end
            return
        if self.ids:
            self._update_title()
        near_end = new.row >= len(self.ids) - MARGIN and self.base + len(self.ids) < self.total
        near_start = new.row < MARGIN and self.base > 0
        if near_end or near_start:
            self.ask_around(self.base + new.row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Actor-only keys exist in the Actors pane only (not in the footer elsewhere)."""
        return self.kind == "actor" if action == "actor" else True

    def action_actor(self, action: str) -> None:
        if self.current_id is not None:
            self.post_message(self.ActorAction(action, self.current_id))

    # -- selection ---------------------------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        """Runs before the key's binding: any key but ``s``/``u`` ends a ``g`` prefix."""
        if event.key not in ("s", "u"):
            self._prefix = False

    def action_select(self, select: bool) -> None:
        """``s``/``u``: (un)select the cursor's record and step down, VisiData's way; after
        ``g``, every record of the view."""
        if self._prefix:
            self._prefix = False
            self.post_message(self.SelectAll(self, select))
            return
        record_id = self.current_id
        if record_id is None:
            return
        self.set_selection([record_id], select)
        if self.cursor_row + 1 < len(self.ids):
            self.move_cursor(row=self.cursor_row + 1, animate=False)

    def set_selection(self, ids: list[int] | None, select: bool) -> None:
        """Add ``ids`` to the selection or take them out (None: all of it), redrawing the
        marks of the rows held."""
        before = set(self.selection)
        if ids is None:
            self.selection.clear()
        elif select:
            self.selection.update(ids)
        else:
            self.selection.difference_update(ids)
        for record_id in before ^ self.selection:
            if record_id in self.records:
                self.update_record(self.records[record_id])
        self._update_title()

    # -- actions -----------------------------------------------------------------------
    def action_first(self) -> None:
        self.go_to(0)
        self._prefix = True

    def action_last(self) -> None:
        self.go_to(max(self.total - 1, 0))

    def next_unreviewed(self) -> str | None:
        """Move to the next unreviewed row after the cursor (after a review stroke). Past the
        end of the order, wrap to the first unreviewed row, and say so; say when none is
        left, never stepping onto a reviewed record as if it were next."""
        start, rows = self.cursor_row, len(self.ids)
        holds_end = self.base + rows >= self.total
        for step in range(1, rows):
            row = start + step
            if row >= rows:
                if not holds_end:
                    break
                row -= rows
            if self.records[self.ids[row]]["status"] == "unreviewed":
                self.move_cursor(row=row, animate=False)
                return "Back to the first unreviewed record." if row < start else None
        if not holds_end and start + 1 < rows:  # the next window may hold one
            self.move_cursor(row=start + 1, animate=False)
            return None
        if self.base == 0 and holds_end:
            return "No unreviewed record is left in this pane."
        return "No unreviewed record among the rows read here: g or G reads the others."
