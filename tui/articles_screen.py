"""Article review mode: the articles with their review progress (``D``), and one article's
text with every extracted span highlighted (``enter``, or ``v`` on a selected record, whose
span is then in focus). A whole article is confirmed (``a``) or rejected (``x``) in one
undoable step; ``]``/``[`` step through the articles; ``o`` copies the article's address.

Screens read from the store in workers and draw; the store functions are in
``store.articles``.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from store import Document, Store
from store.articles import (
    ArticleRow,
    article_row,
    article_spans,
    articles_page,
    review_article,
)

from .safe import plain, safe_text

PAGE = 200  # articles read at a time; the next page when the cursor nears the end
SPAN_STYLES = {"figure": "bold yellow", "actor": "cyan", "event": "bold magenta underline"}
VERDICTS = {"confirmed": "Confirmed", "rejected": "Rejected"}


def progress(row: ArticleRow) -> str:
    return f"{row.reviewed}/{row.records}" if row.records else "—"


def give_verdict(screen: ArticlesScreen | ArticleScreen, document_id: int,
                 status: str) -> ArticleRow | None:
    """Confirm or reject all of an article (in a worker thread), say so, and return its row
    as it is now; None when the store refused (read-only, disk full), which is said too."""
    from store import StoreError

    try:
        changed = review_article(screen.store, document_id, status)
    except StoreError as error:
        screen.app.call_from_thread(screen.app.notify, str(error), severity="error")
        return None
    screen.app.call_from_thread(
        screen.app.notify, f"{VERDICTS[status]} {changed} records of article #{document_id} "
        f"{getattr(screen.app, 'undo_hint', '')}.", timeout=3)
    return article_row(screen.store, document_id)


class ArticlesScreen(ModalScreen[None]):
    """Every article: date, outlet, title, crisis, records reviewed of extracted."""

    BINDINGS = [
        Binding("escape,q,D", "close", "Close", id="articles.close"),
        Binding("a", "review('confirmed')", "Confirm article", id="articles.confirm"),
        Binding("x", "review('rejected')", "Reject article", id="articles.reject"),
        Binding("j", "cursor_down", "Down", show=False, id="articles.down"),
        Binding("k", "cursor_up", "Up", show=False, id="articles.up"),
    ]

    def __init__(self, store: Store, crisis: int | None = None) -> None:
        super().__init__()
        self.store, self.crisis = store, crisis
        self.rows: list[ArticleRow] = []
        self._complete = False

    def compose(self) -> ComposeResult:
        table: DataTable[Text | str] = DataTable(id="articles-table", cursor_type="row",
                                                 zebra_stripes=True)
        table.border_title = "Articles (enter reads one, a/x confirm/reject all of it, esc)"
        yield table

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label, width in (("Date", 10), ("Outlet", 18), ("Title", 58), ("Crisis", 24),
                             ("Reviewed", 9)):
            table.add_column(label, width=width, key=label)
        table.focus()
        self.read_page(0)

    @work(thread=True, exclusive=True, group="articles")
    def read_page(self, offset: int) -> None:
        rows = articles_page(self.store, offset, PAGE, self.crisis)
        self.app.call_from_thread(self._add_rows, rows)

    def _add_rows(self, rows: list[ArticleRow]) -> None:
        table = self.query_one(DataTable)
        self._complete = len(rows) < PAGE
        for row in rows:
            self.rows.append(row)
            table.add_row(*self._cells(row), key=str(row.id))

    @staticmethod
    def _cells(row: ArticleRow) -> list[Text]:
        title = row.title + (f" (copy of #{row.copy_of})" if row.copy_of else "")
        return [safe_text(row.published or "undated", one_line=True),
                safe_text(row.outlet, one_line=True), safe_text(title, one_line=True),
                safe_text(row.crisis, one_line=True),
                Text(progress(row), style="green" if row.records and not row.unreviewed
                     else "")]

    @on(DataTable.RowHighlighted)
    def _near_end(self, event: DataTable.RowHighlighted) -> None:
        if not self._complete and event.cursor_row >= len(self.rows) - 20:
            self._complete = True  # until the page comes
            self.read_page(len(self.rows))

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        self.app.push_screen(ArticleScreen(self.store, self.rows, event.cursor_row),
                             lambda _closed: self.refresh_rows(list(self.rows)))

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_review(self, status: str) -> None:
        table = self.query_one(DataTable)
        if self.rows and 0 <= table.cursor_row < len(self.rows):
            self.review(self.rows[table.cursor_row].id, status)

    @work(thread=True, group="articles-review")
    def review(self, document_id: int, status: str) -> None:
        fresh = give_verdict(self, document_id, status)
        if fresh is not None:
            self.app.call_from_thread(self.refresh_rows, [fresh])

    def refresh_rows(self, rows: list[ArticleRow]) -> None:
        """Show new progress in place (the order is by date: it does not change)."""
        table = self.query_one(DataTable)
        by_id = {row.id: row for row in rows}
        for index, old in enumerate(self.rows):
            row = by_id.get(old.id)
            if row is not None:
                self.rows[index] = row
                table.update_cell(str(row.id), "Reviewed", self._cells(row)[-1])


class ArticleScreen(ModalScreen[None]):
    """One article's full text, every extracted span highlighted by kind."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="article.close"),
        Binding("right_square_bracket", "step(1)", "Next article", id="article.next"),
        Binding("left_square_bracket", "step(-1)", "Previous article", id="article.previous"),
        Binding("a", "review('confirmed')", "Confirm all", id="article.confirm"),
        Binding("x", "review('rejected')", "Reject all", id="article.reject"),
        Binding("o", "address", "Copy address", id="article.address"),
        Binding("j", "scroll(1)", "Down", show=False, id="article.down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="article.up"),
    ]

    def __init__(self, store: Store, rows: list[ArticleRow], index: int,
                 focus: tuple[str, int] | None = None) -> None:
        super().__init__()
        self.store, self.rows, self.index, self.focus_on = store, rows, index, focus
        self.url = ""
        self.body = Text()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="article-box", classes="modal-box wide"):
            yield Static(id="article-head")
            yield Static(id="article-body")

    def on_mount(self) -> None:
        self.query_one("#article-box").focus()
        self.read(self.rows[self.index].id)

    @work(thread=True, exclusive=True, group="article")
    def read(self, document_id: int) -> None:
        document = self.store.documents.get(document_id)
        spans = article_spans(self.store, document_id)
        self.app.call_from_thread(self.show, document, spans)

    def show(self, document: Document, spans: list) -> None:
        row = self.rows[self.index]
        self.url = document.url or ""
        text = Text(plain(document.text))  # one visible character per control character
        focus_start = None
        for span in spans:
            style = SPAN_STYLES[span.kind]
            if self.focus_on == (span.kind, span.record_id):
                style, focus_start = "reverse " + style, span.start
            text.stylize(style, span.start, span.end)
        head = Text()
        head.append(plain(row.title, one_line=True), style="bold")
        head.append("\n" + plain(" · ".join(filter(None, [
            row.outlet, row.published or "undated", row.crisis,
            f"reviewed {progress(row)}", self.url])), one_line=True), style="dim")
        head.append("\nfigures ", style="dim")
        head.append("number", style=SPAN_STYLES["figure"])
        head.append("  actors ", style="dim")
        head.append("name", style=SPAN_STYLES["actor"])
        head.append("  events ", style="dim")
        head.append("trigger", style=SPAN_STYLES["event"])
        head.append("\n")
        self.query_one("#article-head", Static).update(head)
        self.body = text  # what is shown, spans and all
        self.query_one("#article-body", Static).update(text)
        box = self.query_one("#article-box", VerticalScroll)
        box.border_title = safe_text(
            f"Article #{row.id} ({self.index + 1} of {len(self.rows)}: ] next, [ previous, "
            "a/x all, o address, esc)", one_line=True)
        if focus_start is not None:
            line = document.text.count("\n", 0, focus_start)
            self.call_after_refresh(box.scroll_to, y=max(0, line * 2 - 4), animate=False)
        else:
            box.scroll_home(animate=False)

    def action_step(self, step: int) -> None:
        index = self.index + step
        if not 0 <= index < len(self.rows):
            self.app.notify("No next article." if step > 0 else "No previous article.",
                            timeout=2)
            return
        self.index, self.focus_on = index, None
        self.read(self.rows[index].id)

    def action_scroll(self, lines: int) -> None:
        box = self.query_one("#article-box", VerticalScroll)
        box.scroll_relative(y=lines, animate=False)

    def action_review(self, status: str) -> None:
        self.review(self.rows[self.index].id, status)

    @work(thread=True, group="article-review")
    def review(self, document_id: int, status: str) -> None:
        fresh = give_verdict(self, document_id, status)
        if fresh is not None:
            self.rows[self.index] = fresh
            self.read(document_id)

    def action_address(self) -> None:
        if not self.url:
            self.app.notify("This article has no address.", timeout=2)
            return
        self.app.copy_to_clipboard(self.url)
        self.app.notify(f"Copied: {plain(self.url, one_line=True)}", timeout=4)

    def action_close(self) -> None:
        self.dismiss(None)
