"""Small modal screens of the review loop: pick from a list, see a record's history, add a
record the extractor missed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from store import InvalidValue
from store.edits import NEW_RECORD_FIELDS
from store.history import Edit
from store.records import check

from .forms import HINTS
from .safe import plain, safe_text

T = TypeVar("T")


class PickScreen(ModalScreen[T | None], Generic[T]):
    """Choose one of ``choices`` ((value, label) pairs); typing filters them. Returns the
    value, or None on escape."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="pick.close"),
        Binding("down", "move(1)", "Next", id="pick.next", show=False),
        Binding("up", "move(-1)", "Previous", id="pick.previous", show=False),
        Binding("enter", "choose", "Choose", id="pick.choose", priority=True),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[T, str]], initial: int = 0) -> None:
        super().__init__()
        self.initial = initial
        self.title_text = title
        self.choices = list(choices)
        self.shown = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(id="pick-box", classes="modal-box"):
            yield Input(placeholder="type to filter", id="pick-filter")
            yield OptionList(*[Option(safe_text(label, one_line=True)) for _, label in
                               self.choices], id="pick-options")

    def on_mount(self) -> None:
        self.query_one("#pick-box").border_title = safe_text(self.title_text, one_line=True)
        self.query_one(Input).focus()
        if self.choices:
            self.query_one(OptionList).highlighted = min(self.initial, len(self.choices) - 1)

    @on(Input.Changed, "#pick-filter")
    def _filter(self, event: Input.Changed) -> None:
        needle = event.value.casefold()
        self.shown = [c for c in self.choices if needle in c[1].casefold()]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(safe_text(label, one_line=True)) for _, label in self.shown])
        if self.shown:
            options.highlighted = 0

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if self.shown:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(len(self.shown) - 1, current + step))

    def action_choose(self) -> None:
        if self.shown:
            self.dismiss(self.shown[self.query_one(OptionList).highlighted or 0][0])

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index][0])

    def action_close(self) -> None:
        self.dismiss(None)


def _value(value) -> str:
    if isinstance(value, dict):
        return "(record)"
    if value is None:
        return "—"
    if isinstance(value, str) and value.startswith("["):
        try:
            return ", ".join(json.loads(value)) or "—"
        except ValueError:
            pass
    return plain(value, one_line=True)


class HistoryScreen(ModalScreen[None]):
    """Every change made by hand to one record: field, old, new, when, and if undone."""

    BINDINGS = [Binding("escape,q,h", "close", "Close", id="history.close")]

    def __init__(self, kind: str, record_id: int, edits: list[Edit]) -> None:
        super().__init__()
        self.kind, self.record_id, self.edits = kind, record_id, edits

    def compose(self) -> ComposeResult:
        body: Text | Table
        if not self.edits:
            body = Text("No change by hand yet.", style="dim")
        else:
            body = Table(expand=True, show_edge=False)
            for column in ("when (UTC)", "step", "field", "old", "new", ""):
                body.add_column(column)
            for edit in self.edits:
                state = {0: "", 1: "undone", 2: "undone"}[edit.undone]
                body.add_row(
                    edit.at.replace("T", " ")[:19], edit.action,
                    "whole record" if edit.field == "*" else edit.field,
                    safe_text(_value(edit.old)), safe_text(_value(edit.new)),
                    Text(state, style="dim"),
                    style="dim" if edit.undone else "",
                )
        with VerticalScroll(id="history-box", classes="modal-box"):
            yield Static(body)

    def on_mount(self) -> None:
        self.query_one("#history-box").border_title = (
            f"History of {self.kind} #{self.record_id} (esc closes)"
        )

    def action_close(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class NewRecord:
    """A record a person adds: its kind, its span of a document, the fields they typed."""

    kind: str
    document_id: int
    start: int
    end: int
    values: dict[str, str]


class AddScreen(ModalScreen[NewRecord | None]):
    """Add a figure, event or actor from a sentence: the span is typed as it is written in the
    sentence, so its offsets are found, never guessed. Returns the new record's parameters."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="add.cancel"),
        Binding("ctrl+s", "save", "Save", id="add.save", priority=True),
    ]

    def __init__(self, document_id: int, sentence: str, sent_start: int) -> None:
        super().__init__()
        self.document_id, self.sentence, self.sent_start = document_id, sentence, sent_start

    def compose(self) -> ComposeResult:
        with Vertical(id="add-box", classes="modal-box"):
            yield Static(safe_text(self.sentence), id="add-sentence")
            yield Select([(k, k) for k in NEW_RECORD_FIELDS], value="figure", id="add-kind",
                         allow_blank=False, compact=True)
            yield Label("span  [dim]the words of the sentence this record rests on[/]")
            yield Input(id="add-span", compact=True)
            with VerticalScroll(id="add-fields", can_focus=False):  # Tab: field to field
                for kind, fields in NEW_RECORD_FIELDS.items():
                    for field in fields:
                        yield Label(f"{field}  [dim]{HINTS.get(field, '')}[/]",
                                    classes=f"add-{kind}")
                        yield Input(id=f"add-{kind}-{field}", classes=f"add-{kind}",
                                    compact=True)
            yield Label("", id="add-error")
            with Horizontal(id="add-buttons"):
                yield Button("Add (ctrl+s)", variant="primary", id="add-save")
                yield Button("Cancel (esc)", id="add-cancel")

    def on_mount(self) -> None:
        self.query_one("#add-box").border_title = f"Add to document #{self.document_id}"
        self._show_kind("figure")
        self.query_one("#add-span", Input).focus()

    @on(Select.Changed, "#add-kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        self._show_kind(str(event.value))

    def _show_kind(self, kind: str) -> None:
        for other in NEW_RECORD_FIELDS:
            for widget in self.query(f".add-{other}"):
                widget.display = other == kind
        defaults = {"qualifier": "exact", "kind": "other", "type": "strategic_developments"}
        for field, value in defaults.items():
            if field in NEW_RECORD_FIELDS[kind]:
                box = self.query_one(f"#add-{kind}-{field}", Input)
                box.value = box.value or value

    def values(self) -> NewRecord:
        kind = str(self.query_one("#add-kind", Select).value)
        span = self.query_one("#add-span", Input).value.strip()
        if not span:
            raise InvalidValue("span: type the words of the sentence this record rests on")
        at = self.sentence.find(span)
        if at < 0:
            at = self.sentence.casefold().find(span.casefold())
        if at < 0:
            raise InvalidValue("span: those words are not in the sentence")
        fields = {f: self.query_one(f"#add-{kind}-{f}", Input).value
                  for f in NEW_RECORD_FIELDS[kind]}
        for field, value in fields.items():
            check(kind, field, value)
        start = self.sent_start + at
        return NewRecord(kind, self.document_id, start, start + len(span), fields)

    @on(Button.Pressed, "#add-save")
    def action_save(self) -> None:
        try:
            self.dismiss(self.values())
        except InvalidValue as error:
            self.query_one("#add-error", Label).update(f"✗ {error}")

    @on(Button.Pressed, "#add-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
