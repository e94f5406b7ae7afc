"""Seeing a crisis: its timeline of events, its claims with the recommended figure, and charts
of how reported figures moved over time.

Screens get their data from the app (which read it from the store in a worker); they draw.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.bar import Bar
from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual_plotext import PlotextPlot

from store import Crisis, Store, TimelineEvent
from store.claims import RULE, Claim, Report

from .panes import EVENT_TYPE_LABELS
from .safe import safe_text

PRECISION_MARK = {"day": "day", "week": "≈week", "month": "≈month", "year": "≈year"}


class TimelineScreen(ModalScreen[None]):
    """The crisis's events in date order, each with how precise its date is, a page of
    ``PAGE`` events at a time (``]`` next page, ``[`` previous): a crisis of a million records
    is never drawn whole."""

    PAGE = 500

    BINDINGS = [
        Binding("escape,q,T", "close", "Close", id="timeline.close"),
        Binding("right_square_bracket", "page(1)", "Next page", id="timeline.next"),
        Binding("left_square_bracket", "page(-1)", "Previous page", id="timeline.previous"),
    ]

    def __init__(self, store: Store, crisis: Crisis, events: list[TimelineEvent],
                 total: int) -> None:
        super().__init__()
        self.store, self.crisis = store, crisis
        self.events, self.total, self.first = events, total, 0  # first: row of the page

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="timeline-box", classes="modal-box wide"):
            yield Static(id="timeline-body")

    def on_mount(self) -> None:
        self.show(self.events, self.first)

    def show(self, events: list[TimelineEvent], offset: int) -> None:
        self.events, self.first = events, offset
        table = Table(expand=True, show_edge=False, pad_edge=False)
        for column, width in (("date", 23), ("precision", 9), ("type", 16), ("what", None),
                              ("where", 16)):
            table.add_column(column, width=width, no_wrap=column != "what")
        for event in events:
            start, end = event.date_start, event.date_end
            when = "undated" if not start else (start if not end or end == start
                                                else f"{start} … {end}")
            table.add_row(
                when, PRECISION_MARK.get(event.date_precision or "", "—"),
                EVENT_TYPE_LABELS.get(event.type, event.type),
                safe_text(event.summary, one_line=True),
                safe_text(event.location or "", one_line=True),
                style="dim" if not start else "",
            )
        self.query_one("#timeline-body", Static).update(
            table if events else Text("No events in this crisis.", style="dim"))
        box = self.query_one("#timeline-box", VerticalScroll)
        box.scroll_home(animate=False)
        shown = (f"{self.total} events" if self.total <= len(events) else
                 f"events {offset + 1:,}–{offset + len(events):,} of {self.total:,}, [ ] pages")
        box.border_title = safe_text(
            f"Timeline: {self.crisis.name} ({shown}, esc closes)", one_line=True)

    def action_page(self, step: int) -> None:
        offset = self.first + step * self.PAGE
        if 0 <= offset < self.total:
            self.read_page(offset)

    @work(thread=True, exclusive=True, group="timeline")
    def read_page(self, offset: int) -> None:
        events = self.store.crises.timeline(self.crisis.id, offset, self.PAGE)
        self.app.call_from_thread(self.show, events, offset)

    def action_close(self) -> None:
        self.dismiss(None)


MAX_DATE_LABELS = 8  # about 7 columns each in the chart's half of a 140-column terminal


def date_ticks(dates: list[str]) -> tuple[list[float], list[str]]:
    """Ticks naming each publication day once, at its first report (1-based positions).

    Labels never repeat or overlap: plotext draws overlapping labels in an order that
    changes from run to run, so a crowded axis keeps every n-th day only."""
    firsts = [(i, d) for i, d in enumerate(dates, 1) if i == 1 or dates[i - 2] != d]
    step = -(-len(firsts) // MAX_DATE_LABELS)
    kept = firsts[::step]
    positions: list[float] = [i for i, _ in kept]  # plotext's axis type; whole numbers here
    return positions, [d[5:] if d != "undated" else "undated" for _, d in kept]


def count_ticks(low: int, high: int, count: int = 5,
                mark: int | None = None) -> tuple[list[float], list[str]]:
    """Round whole-number ticks (1, 2 or 5 times a power of ten apart) for an axis of counts:
    people are not counted in fractions, and 250 reads faster than 251. ``mark`` (the
    recommended figure) gets a tick of its own, replacing round ones too close to tell apart."""
    rough = max(1, (high - low) / max(1, count - 1))
    power = 10 ** (len(str(int(rough))) - 1)
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    first = -(-low // step) * step
    ticks = list(range(first, high + 1, step)) or [low]
    if mark is not None:
        ticks = sorted({t for t in ticks if abs(t - mark) * 2 >= step} | {mark})
    positions: list[float] = [*ticks]  # plotext's axis type; whole numbers here
    return positions, [f"{t:,}" for t in ticks]


TOTALS_SHOWN = 8  # rows in the totals chart; the rest are summed on one line


def totals_chart(totals: dict[str, int]) -> Table:
    """A bar per category, largest first, with its exact total: a horizontal bar per row
    reads at a glance in a terminal, and the number beside it is what gets quoted."""
    table = Table(title="Totals per category (per place its largest claim: tolls nest)",
                  title_style="dim", expand=True, show_header=False, show_edge=False,
                  box=None, pad_edge=False)
    table.add_column("category", justify="right", width=12, no_wrap=True)
    table.add_column("bar", ratio=1)
    table.add_column("total", justify="right", width=10, no_wrap=True)
    ranked = sorted(((v, k) for k, v in totals.items() if k not in ("other", "people")),
                    key=lambda item: (-item[0], item[1]))
    if not ranked:
        table.add_row("", Text("No counted figures in this crisis.", style="dim"), "")
        return table
    largest = ranked[0][0] or 1
    for value, category in ranked[:TOTALS_SHOWN]:
        table.add_row(category, Bar(largest, 0, value, color="cyan"), f"{value:,}")
    if len(ranked) > TOTALS_SHOWN:
        rest = ranked[TOTALS_SHOWN:]
        table.add_row(Text(f"+{len(rest)} more", style="dim"), "",
                      Text(f"{sum(v for v, _ in rest):,}", style="dim"))
    return table


def _claim_line(claim: Claim) -> Text:
    chosen = " (your choice)" if claim.chosen_by_person else ""
    return Text.assemble(
        (f"{claim.recommended.value:>8,}", "bold"), "  ",
        safe_text(claim.label, one_line=True),
        (f"   {claim.count:,} reports in {len(claim.document_ids):,} documents, range "
         f"{claim.low:,}–{claim.high:,}{chosen}", "dim"),
    )


class ClaimsScreen(ModalScreen[tuple[str, int] | None]):
    """A crisis's claims; the selected one's reports and a chart of its values over time.

    ``enter`` on a report makes it the claim's figure (a logged, undoable choice); ``r`` goes
    back to the rule. Returns (claim key, figure id or 0 for the rule), or None. A claim's
    latest ``REPORTS_SHOWN`` reports (it may hold thousands) are read in a worker when it is
    highlighted."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="claims.close"),
        Binding("tab", "switch", "Claims / reports", id="claims.switch"),
        Binding("enter", "choose", "Use this report", id="claims.choose", priority=True),
        Binding("r", "rule", "Back to the rule", id="claims.rule"),
    ]

    REPORTS_SHOWN = 1000  # a claim's latest reports listed (and charted); the rest exported

    def __init__(self, crisis: Crisis, claims: list[Claim], totals: dict[str, int],
                 reports: Callable[[Claim, int], list[Report]]) -> None:
        super().__init__()
        self.crisis, self.claims, self.totals = crisis, claims, totals
        self.read_reports = reports

    def compose(self) -> ComposeResult:
        with Vertical(id="claims-box", classes="modal-box wide"):
            yield Static(Text(f"Recommended figure: {RULE}.", style="dim"), id="claims-rule")
            yield OptionList(*[Option(_claim_line(c)) for c in self.claims], id="claims-list")
            with Horizontal(id="claims-lower"):
                yield OptionList(id="claims-reports")
                yield PlotextPlot(id="claims-chart")
            yield Static(id="claims-totals")

    def on_mount(self) -> None:
        self.query_one("#claims-box").border_title = safe_text(
            f"Claims: {self.crisis.name}", one_line=True)
        claims = self.query_one("#claims-list", OptionList)
        claims.focus()
        if self.claims:
            claims.highlighted = 0
            self.show_claim(0)
        self.draw_totals()

    @property
    def claim(self) -> Claim | None:
        index = self.query_one("#claims-list", OptionList).highlighted
        return self.claims[index] if self.claims and index is not None else None

    @on(OptionList.OptionHighlighted, "#claims-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_claim(event.option_index)

    def show_claim(self, index: int) -> None:
        self.query_one("#claims-reports", OptionList).clear_options()
        self.load_reports(self.claims[index])

    @work(thread=True, exclusive=True, group="claim-reports")
    def load_reports(self, claim: Claim) -> None:
        reports = self.read_reports(claim, self.REPORTS_SHOWN)
        self.app.call_from_thread(self.draw_reports, claim, reports)

    def draw_reports(self, claim: Claim, reports: list[Report]) -> None:
        if self.claim is not claim:  # another claim was highlighted meanwhile
            return
        star = claim.recommended.figure_id
        options = self.query_one("#claims-reports", OptionList)
        options.clear_options()
        options.border_title = (f"latest {len(reports):,} of {claim.count:,} reports"
                                if len(reports) < claim.count else None)
        options.add_options([Option(Text.assemble(
            (f"{'★' if r.figure_id == star else ' '} {r.value:>7,} ",
             "bold" if r.figure_id == star else ""),
            (f"{r.qualifier:<8} {r.published or 'undated':<10} "
             f"{'official' if r.official else '':<8} ", "dim"),
            safe_text(r.document_title, one_line=True),
        ), id=str(r.figure_id)) for r in reports])
        self.draw_claim(claim, reports)

    def draw_claim(self, claim: Claim, reports: list[Report]) -> None:
        plot = self.query_one("#claims-chart", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        dated = [(r.published or "undated", r.value) for r in reports]
        # one point per report, in publication order: readable even when all reports came
        # out on one day; the axis names each day once, where its reports begin
        xs = list(range(1, len(dated) + 1))
        plt.plot(xs, [v for _, v in dated], marker="dot")
        plt.xticks(*date_ticks([d for d, _ in dated]))
        plt.horizontal_line(claim.recommended.value, color="green")
        plt.xlim(0.5, len(dated) + 0.5)
        low, high = claim.low, claim.high
        pad = max(1, (high - low) // 5, high // 20)
        plt.ylim(max(0, low - pad), high + pad)
        plt.yticks(*count_ticks(max(0, low - pad), high + pad, count=6,
                                mark=claim.recommended.value))
        plt.title(f"{claim.label}: reports in publication order (green: recommended)")
        plot.refresh()

    def draw_totals(self) -> None:
        self.query_one("#claims-totals", Static).update(totals_chart(self.totals))

    def action_switch(self) -> None:
        target = "#claims-reports" if self.focused and self.focused.id == "claims-list" \
            else "#claims-list"
        self.query_one(target, OptionList).focus()

    def action_choose(self) -> None:
        reports = self.query_one("#claims-reports", OptionList)
        if self.focused is not reports:
            self.action_switch()
            if reports.option_count:
                reports.highlighted = 0
            return
        claim, index = self.claim, reports.highlighted
        if claim is None or index is None:
            return
        option_id = reports.get_option_at_index(index).id
        if option_id is not None:  # every report's option is made with its figure's id
            self.dismiss((claim.key, int(option_id)))

    def action_rule(self) -> None:
        if self.claim is not None:
            self.dismiss((self.claim.key, 0))

    def action_close(self) -> None:
        self.dismiss(None)
