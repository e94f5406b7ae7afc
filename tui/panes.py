"""The three record panes: Events, Actors, Figures.

A pane holds a page of rows at a time and asks for the next page when the cursor nears the end
of what it has, so a store of any size opens as fast as a small one. Rows come from the store
through the app's workers; the pane itself never touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from store import View

from .safe import plain, safe_text

PAGE = 200

TITLES = {"event": "Events", "actor": "Actors", "figure": "Figures"}

STATUS_MARKS = {"confirmed": ("✓", "green"), "rejected": ("✗", "red"), "unreviewed": ("·", "")}


def _status_cell(row: dict) -> Text:
    mark, style = STATUS_MARKS.get(row.get("status", ""), ("?", ""))
    cell = Text(mark, style=style)
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
    cell: object  # callable(row) -> str | Text


COLUMNS: dict[str, list[Column]] = {
    "event": [
        Column("Date", 16, _date),
        Column("Type", 16, lambda r: EVENT_TYPE_LABELS.get(r["type"], r["type"])),
        Column("What", None, lambda r: r["summary"]),
        Column("Where", 12, lambda r: r.get("location") or ""),
        Column("", 2, _status_cell),
    ],
    "actor": [
        Column("Name (aliases)", None, _actor_name),
        Column("Kind", 12, lambda r: r["kind"].replace("_", " ")),
        Column("#", 3, lambda r: str(r.get("mentions", ""))),
        Column("", 2, _status_cell),
    ],
    "figure": [
        Column("Value", 7, lambda r: f"{r['value']:,}"),
        Column("As written", 16, lambda r: r["text"]),
        Column("Category", 10, lambda r: r["category"]),
        Column("Counted", None, lambda r: r["counted"]),
        Column("", 2, _status_cell),
    ],
}


def cells(kind: str, row: dict) -> list[Text]:
    """A row's cells, every one a ``Text`` so article text is never read as markup."""
    out = []
    for column in COLUMNS[kind]:
        value = column.cell(row)
        out.append(value if isinstance(value, Text) else safe_text(value, one_line=True))
    return out


class RecordPane(DataTable):
    """A paged table of one kind of record."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "Top", show=False),
        Binding("G", "last", "Bottom", show=False),
    ]

    class WantRows(Message):
        """The pane needs rows from ``offset`` on (first page, next page, or up to the end)."""

        def __init__(self, pane: RecordPane, offset: int, to_end: bool = False) -> None:
            super().__init__()
            self.pane = pane
            self.offset = offset
            self.to_end = to_end

    def __init__(self, kind: str, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, id=f"pane-{kind}", **kwargs)
        self.kind = kind
        self.view = View()
        self.total = 0
        self.ids: list[int] = []
        self.statuses: dict[int, str] = {}
        self._asking = False
        self._pending_cursor: int | None = None
        self.border_title = TITLES[kind]

    def on_mount(self) -> None:
        columns = COLUMNS[self.kind]
        for index, column in enumerate(columns):
            self.add_column(column.label, width=column.width or 10, key=str(index))

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

    # -- rows --------------------------------------------------------------------------
    def reset(self, rows: list[dict], total: int, keep_cursor: bool = True) -> None:
        """Replace the pane's rows with the first page (after a reload)."""
        row_before = self.cursor_row if keep_cursor else 0
        pending, self._pending_cursor = self._pending_cursor, None
        self.clear()
        self.ids = []
        self.statuses = {}
        self._asking = False
        self.total = total
        self.append(rows)
        target = pending if pending is not None else row_before
        if self.ids:
            self.move_cursor(row=min(target, len(self.ids) - 1), animate=False)
        if pending is not None and pending >= len(self.ids):
            self.go_to(pending)

    def append(self, rows: list[dict]) -> None:
        """Add the next page of rows."""
        self._asking = False
        for row in rows:
            if row["id"] in self.ids:
                continue
            self.ids.append(row["id"])
            self.statuses[row["id"]] = row["status"]
            self.add_row(*cells(self.kind, row), key=str(row["id"]))
        self._update_title()
        if self._pending_cursor is not None and self._pending_cursor < len(self.ids):
            self.move_cursor(row=self._pending_cursor, animate=False)
            self._pending_cursor = None

    def update_record(self, row: dict) -> None:
        """Show a record's changed values in place."""
        key = str(row["id"])
        if row["id"] not in self.ids:
            return
        self.statuses[row["id"]] = row["status"]
        for index, value in enumerate(cells(self.kind, row)):
            self.update_cell(key, str(index), value)

    def _update_title(self) -> None:
        shown = f"{len(self.ids):,}/{self.total:,}" if len(self.ids) < self.total else (
            f"{self.total:,}"
        )
        label = self.view.label()
        self.border_title = safe_text(
            f"{TITLES[self.kind]} ({shown})" + (f" · {label}" if label else ""), one_line=True
        )

    @property
    def more(self) -> bool:
        return len(self.ids) < self.total

    @property
    def current_id(self) -> int | None:
        if not self.ids or not 0 <= self.cursor_row < len(self.ids):
            return None
        return self.ids[self.cursor_row]

    def ask_more(self, to_end: bool = False) -> None:
        if self.more and not self._asking:
            self._asking = True
            self.post_message(self.WantRows(self, len(self.ids), to_end))

    def go_to(self, row: int) -> None:
        """Move the cursor to ``row``, loading pages until it exists."""
        if row < len(self.ids):
            self.move_cursor(row=row, animate=False)
        else:
            self._pending_cursor = row
            self.ask_more(to_end=True)

    def watch_cursor_coordinate(self, old, new) -> None:
        super().watch_cursor_coordinate(old, new)
        if new.row >= len(self.ids) - PAGE // 4:
            self.ask_more()

    # -- actions -----------------------------------------------------------------------
    def action_first(self) -> None:
        self.go_to(0)

    def action_last(self) -> None:
        self.go_to(max(self.total - 1, 0))

    def next_unreviewed(self) -> None:
        """Move to the next unreviewed row after the cursor (after a review stroke), else to
        the next row."""
        for row in range(self.cursor_row + 1, len(self.ids)):
            if self.statuses.get(self.ids[row]) == "unreviewed":
                self.move_cursor(row=row, animate=False)
                return
        if self.cursor_row + 1 < len(self.ids):
            self.move_cursor(row=self.cursor_row + 1, animate=False)
