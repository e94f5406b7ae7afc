"""Editing by hand: the one-line note bar (`;`) and the field form (`e`).

Values are checked with the store's own rules before anything is written, so a date that is no
date or a negative count is refused in the form with the reason, and nothing reaches the store.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from store import EDITABLE, AnyRecord, EventRecord, InvalidValue
from store.edits import event_actors_text
from store.records import check

from .safe import plain

HINTS = {
    "type": "battles, explosions_remote_violence, violence_against_civilians, protests, "
    "riots, strategic_developments, population_movement, statements_diplomacy",
    "kind": "state, state_forces, rebel_group, militia, civilians, organisation, media, "
    "person, external, other",
    "qualifier": "exact, approx, at_least, at_most, range",
    "status": "unreviewed, confirmed, rejected",
    "date_start": "YYYY-MM-DD",
    "date_end": "YYYY-MM-DD",
    "date_precision": "day, week, month, year",
    "country": "ISO alpha-3, e.g. TJK",
    "tags": "words separated by commas",
    "actors": "Name (role); … roles: actor1, actor2, assoc, source",
    "sub_type": "the codebook's, e.g. Armed clash, Air/drone strike, Attack, Arrests",
}


def as_input(field: str, value: object) -> str:
    """A stored value as the text a person edits."""
    if value is None:
        return ""
    if field == "tags":
        items = value if isinstance(value, list | tuple) else json.loads(str(value))
        return ", ".join(items)
    return str(value)


class FieldBar(Horizontal):
    """A one-line input for one field of the selected record (note, tags) or a pane filter:
    enter saves, escape cancels."""

    class Saved(Message):
        def __init__(self, purpose: str, kind: str, record_id: int | None, value: str) -> None:
            super().__init__()
            self.purpose, self.kind, self.record_id, self.value = purpose, kind, record_id, value

    class Closed(Message):
        pass

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="bar.cancel")]

    PROMPTS = {
        "note": "note on this record (enter saves, esc cancels)",
        "tags": "tags, separated by commas (enter saves, esc cancels)",
        "tag_filter": "show only records with this tag (empty: all)",
        "tag_selection": "tags to add to every selected record (enter saves, esc cancels)",
        "crisis_name": "the crisis's new name (enter saves, esc cancels)",
        "new_crisis": "the new crisis's name (enter creates it, esc cancels)",
    }

    def compose(self) -> ComposeResult:
        yield Label("", id="bar-label")
        yield Input(id="bar-input")

    def open(self, purpose: str, kind: str, record_id: int | None, value: str) -> None:
        self.purpose, self.kind, self.record_id = purpose, kind, record_id
        labels = {"tag_filter": f"Filter {kind}s by tag", "crisis_name": "Rename crisis",
                  "new_crisis": "New crisis", "tag_selection": f"Tag selected {kind}s"}
        label = labels.get(purpose, f"{purpose.capitalize()} of {kind} #{record_id}")
        self.query_one(Label).update(label)
        field = self.query_one(Input)
        field.placeholder = self.PROMPTS[purpose]
        field.value = value
        self.display = True
        field.focus()

    @on(Input.Submitted, "#bar-input")
    def _save(self, event: Input.Submitted) -> None:
        event.stop()
        self.display = False
        self.post_message(self.Saved(self.purpose, self.kind, self.record_id, event.value))
        self.post_message(self.Closed())

    def action_cancel(self) -> None:
        self.display = False
        self.post_message(self.Closed())


class EditScreen(ModalScreen[dict | None]):
    """A form over a record's editable fields. Returns {field: value} of what changed."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="edit.cancel"),
        Binding("ctrl+s", "save", "Save", id="edit.save", priority=True),
        Binding("ctrl+n", "create", "Create the unknown actors and save", id="edit.create",
                priority=True),
    ]

    def __init__(self, record: AnyRecord,
                 unknown_actors: Callable[[str], list[str]] | None = None) -> None:
        super().__init__()
        self.record = record
        # The names typed that no actor has (InvalidValue for a bad role): read in a worker.
        self.unknown_actors = unknown_actors
        self._offered: dict | None = None  # the changes a ctrl+n would save, creating actors
        self.kind = record.KIND
        self.fields = [f for f in EDITABLE[self.kind] if f not in ("note", "status")]
        # The values as the form starts from them; an event's actors as one line of text.
        self.current = {field: record.field(field) for field in self.fields}
        if isinstance(record, EventRecord):
            self.fields.insert(3, "actors")
            self.current["actors"] = event_actors_text(record.actors)

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-box"):
            with VerticalScroll(id="edit-fields", can_focus=False):  # Tab: field to field
                for field in self.fields:
                    yield Label(f"{field}  [dim]{HINTS.get(field, '')}[/]", classes="edit-label")
                    yield Input(
                        value=plain(as_input(field, self.current[field])),
                        id=f"edit-{field}",
                        classes="edit-input",
                        compact=True,
                    )
            yield Label("", id="edit-error")
            with Horizontal(id="edit-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="edit-save")
                create = Button("Create actors and save (ctrl+n)", id="edit-create")
                create.display = False
                yield create
                yield Button("Cancel (esc)", id="edit-cancel")

    def on_mount(self) -> None:
        self.query_one("#edit-box").border_title = (
            f"Edit {self.kind} #{self.record.id}"
        )
        self.query_one(Input).focus()

    def changes(self) -> dict:
        """The fields whose checked value differs from the record's; raises InvalidValue."""
        changed = {}
        for field in self.fields:
            raw = self.query_one(f"#edit-{field}", Input).value
            value = raw.strip() if field == "actors" else check(self.kind, field, raw)
            current = self.current[field]
            if field == "tags":
                current = json.dumps(list(current), ensure_ascii=False)
            if value != current:
                changed[field] = value
        return changed

    @on(Input.Submitted, ".edit-input")
    def _submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#edit-save")
    def action_save(self) -> None:
        try:
            changed = self.changes()
        except InvalidValue as error:
            self._refuse(error)
            return
        if "actors" in changed and self.unknown_actors is not None:
            self._check_actors(changed)  # names are looked up in the store: off this thread
            return
        self.dismiss(changed)

    @on(Button.Pressed, "#edit-create")
    def action_create(self) -> None:
        """ctrl+n, after the form named actors no one has: save, creating them (each with
        a kind guessed from its name, which the Actors pane can correct)."""
        if self._offered is None:
            return
        try:
            changed = self.changes()
        except InvalidValue as error:
            self._refuse(error)
            return
        if changed.get("actors") != self._offered.get("actors"):
            self.action_save()  # the names changed since: look them up again
            return
        self.dismiss({**changed, "create_actors": True})

    def _refuse(self, error: Exception, offer: dict | None = None) -> None:
        """Say why inside the form, which stays open with everything typed; ``offer``: the
        changes ctrl+n would save, creating the actors no one has."""
        self._offered = offer
        self.query_one("#edit-create", Button).display = offer is not None
        self.query_one("#edit-error", Label).update(Text(f"✗ {error}"))

    @work(thread=True, exclusive=True, group="edit-check")
    def _check_actors(self, changed: dict) -> None:
        if self.unknown_actors is None:
            return
        try:
            unknown = self.unknown_actors(changed["actors"])
        except InvalidValue as error:
            self.app.call_from_thread(self._refuse, error)
            return
        if unknown:
            names = ", ".join(repr(name) for name in unknown)
            self.app.call_from_thread(
                self._refuse, f"actors: no actor is called {names}: correct the name, or "
                f"ctrl+n creates {'it' if len(unknown) == 1 else 'them'} and saves", changed)
            return
        self.app.call_from_thread(self.dismiss, changed)

    @on(Button.Pressed, "#edit-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
