"""`?`: every key, read from the bindings themselves so the help never drifts from the code."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from .articles_screen import ArticleScreen, ArticlesScreen
from .crisis_screens import ClaimsScreen, TimelineScreen
from .forms import EditScreen, FieldBar
from .panes import RecordPane
from .pickers import AddScreen, HistoryScreen, PickScreen
from .search_screen import SearchScreen

EXTRA = [
    ("tab / shift+tab", "Next / previous pane"),
    ("↑ ↓", "Move in a pane"),
    ("g s / g u", "Select / unselect every record of the pane's view; with a selection, "
     "a, x, t act on all of it as one step"),
    ("ctrl+p", "Command palette"),
]


KEY_NAMES = {"question_mark": "?", "number_sign": "#", "plus": "+", "semicolon": ";",
             "right_square_bracket": "]", "left_square_bracket": "["}


def key_names(binding: Binding, keymap: dict[str, str] | None = None) -> str:
    """The keys of a binding as the user has them (their keymap file first)."""
    keys = (keymap or {}).get(binding.id or "", binding.key)
    return " / ".join(KEY_NAMES.get(key.strip(), key.strip()) for key in keys.split(","))


def bindings_of(screen: type[DOMNode]) -> list[Binding]:
    """A screen's or widget's bindings (ours are all ``Binding``s, never bare tuples)."""
    return [b for b in screen.BINDINGS if isinstance(b, Binding)]


def sections(app: type[DOMNode]) -> list[tuple[str, list[Binding]]]:
    """Every screen's bindings, titled: the help lists them, the keymap checks its ids."""
    return [(title, bindings_of(screen)) for title, screen in (
        ("Panes", RecordPane),
        ("Everywhere", app),
        ("Search (/)", SearchScreen),
        ("Note / tags bar (;, t, #)", FieldBar),
        ("Edit form (e)", EditScreen),
        ("Add form (+)", AddScreen),
        ("Lists (m, S, +)", PickScreen),
        ("History (h)", HistoryScreen),
        ("Articles (D)", ArticlesScreen),
        ("An article (enter in the list, v on a record)", ArticleScreen),
        ("Timeline (T)", TimelineScreen),
        ("Claims (K)", ClaimsScreen),
        ("Help (?)", HelpScreen),
    )]


def key_table(app: App) -> Group:
    """Every key of the running app (with the user's keymap applied), what it does, and
    the id a keymap file names it by: one heading and one grid per screen."""
    user_keys = getattr(app, "user_keys", None)
    keys = user_keys.keys if user_keys else {}
    parts: list = []
    for title, bindings in sections(type(app)):
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True, width=18)
        table.add_column(ratio=1)
        table.add_column(style="dim", no_wrap=True)
        if title == "Panes":
            for extra_keys, what in EXTRA:
                table.add_row(extra_keys, what, "")
        for binding in bindings:
            table.add_row(key_names(binding, keys), binding.description, binding.id or "")
        parts += [Text(title, style="bold"), Padding(table, (0, 0, 0, 2))]
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help.close")]

    def compose(self) -> ComposeResult:
        table = key_table(self.app)
        with VerticalScroll(id="help-box"):
            yield Static(table)

    def on_mount(self) -> None:
        self.query_one("#help-box").border_title = "Keys (esc closes)"

    def action_close(self) -> None:
        self.dismiss(None)
