"""The `/` search box: fuzzy search over all three panes, updated as you type.

Each keystroke starts a search in a worker; a newer keystroke cancels the older one, so typing
never waits on the database. ``enter`` takes the highlighted hit (the top one at first).
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store import Hit, SearchCancelled, Store
from store.articles import sources

from .panes import TITLES
from .safe import safe_text

LIMIT = 30


class SearchScreen(ModalScreen[Hit | None]):
    """Returns the chosen hit, or None when closed with escape."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("down,ctrl+n", "move(1)", "Next hit", id="search.next"),
        Binding("up,ctrl+p", "move(-1)", "Previous hit", id="search.previous"),
        Binding("enter", "choose", "Go to hit", id="search.choose", priority=True),
    ]

    def __init__(
        self, store: Store, query: str = "", kinds: tuple[str, ...] | None = None,
        title: str = "Search", exclude: tuple[str, int] | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.initial = query
        self.kinds = kinds
        self.title_text = title
        self.exclude = exclude
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(
                value=self.initial,
                placeholder="Search events, actors, figures (typos are fine)",
                id="search-input",
            )
            yield Label("", id="search-status")
            yield OptionList(id="search-hits")

    def on_mount(self) -> None:
        self.query_one("#search-box").border_title = safe_text(self.title_text, one_line=True)
        self.query_one(Input).focus()
        if self.initial:
            self.run_search(self.initial)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        worker = get_current_worker()
        try:
            hits = self.store.index.search(query, limit=LIMIT, kinds=self.kinds,
                                     should_stop=lambda: worker.is_cancelled) \
                if query.strip() else []
        except SearchCancelled:
            return  # a newer keystroke started a newer search
        hits = [h for h in hits if (h.kind, h.record_id) != self.exclude]
        where = sources(self.store, [(h.kind, h.record_id) for h in hits])
        if not get_current_worker().is_cancelled:  # a newer keystroke superseded this one
            self.app.call_from_thread(self.show_hits, query, hits, where)

    def show_hits(self, query: str, hits: list[Hit],
                  where: dict[tuple[str, int], str] | None = None) -> None:
        if self.query_one(Input).value != query:
            return  # an older search finished after a newer keystroke
        self.hits = hits
        options = self.query_one(OptionList)
        options.clear_options()
        for hit in hits:
            source = (where or {}).get((hit.kind, hit.record_id), "")
            prompt = Text.assemble(
                (f"{TITLES[hit.kind][:-1]:<7}", "bold cyan"),
                safe_text(hit.label, one_line=True),
                (f"  {hit.score:.0f}", "dim"),
                ("  " if source else "", ""),
                safe_text(source, "dim italic", one_line=True),
            )
            options.add_option(Option(prompt, id=f"{hit.kind}:{hit.record_id}"))
        if hits:
            options.highlighted = 0
        status = self.query_one("#search-status", Label)
        if not query.strip():
            status.update("")
        else:
            status.update(f"{len(hits)} hit{'s' if len(hits) != 1 else ''}")

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if not self.hits:
            return
        current = options.highlighted if options.highlighted is not None else -1
        options.highlighted = max(0, min(len(self.hits) - 1, current + step))

    def action_choose(self) -> None:
        if not self.hits:
            return
        index = self.query_one(OptionList).highlighted or 0
        self.dismiss(self.hits[index])

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)
