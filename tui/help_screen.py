"""`?`: every key, read from the bindings themselves so the help never drifts from the code."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from .articles_screen import ArticleScreen, ArticlesScreen
from .forms import EditScreen, FieldBar
from .panes import RecordPane
from .pickers import AddScreen, PickScreen
from .search_screen import SearchScreen

EXTRA = [
    ("tab / shift+tab", "Next / previous pane"),
    ("↑ ↓ / j k", "Move in a pane"),
    ("g / G", "Top / bottom of a pane"),
    ("s / u", "Select / unselect the record (●) and step down: a, x, t then act on "
     "every selected record as one step"),
    ("g s / g u", "Select / unselect every record of the pane's view"),
    ("ctrl+p", "Command palette"),
]


KEY_NAMES = {"question_mark": "?", "number_sign": "#", "plus": "+", "semicolon": ";",
             "right_square_bracket": "]", "left_square_bracket": "["}


def _keys(binding: Binding) -> str:
    return " / ".join(KEY_NAMES.get(key.strip(), key.strip()) for key in binding.key.split(","))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        sections = [
            ("Everywhere", type(self.app).BINDINGS),  # the running app's: no import cycle
            ("Search (/)", SearchScreen.BINDINGS),
            ("Note / tags bar (;, t, #)", FieldBar.BINDINGS),
            ("Edit form (e)", EditScreen.BINDINGS),
            ("Add form (+)", AddScreen.BINDINGS),
            ("Lists (m, S, +)", PickScreen.BINDINGS),
            ("Articles (D)", ArticlesScreen.BINDINGS),
            ("An article (enter in the list, v on a record)", ArticleScreen.BINDINGS),
        ]
        table.add_row("Panes", "")
        for keys, what in EXTRA:
            table.add_row(f"  {keys}", what)
        for title, bindings in sections:
            table.add_row(title, "")
            for binding in bindings:
                if binding.action in {b.action for b in RecordPane.BINDINGS}:
                    continue
                table.add_row(f"  {_keys(binding)}", binding.description)
        with VerticalScroll(id="help-box"):
            yield Static(table)

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Keys (esc closes)"

    def action_close(self) -> None:
        self.dismiss(None)
