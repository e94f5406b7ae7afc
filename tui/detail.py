"""The detail view: every field of the selected record and the sentence it came from.

The source span is highlighted inside its sentence, so the analyst checks a claim against
what the article says without leaving the keyboard. Everything shown is built as ``Text``.
"""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from store import ActorRecord, AnyRecord, EventRecord, FigureRecord, Sourced

from .safe import plain, safe_text

SPAN_STYLE = "bold reverse"


def highlighted_sentence(sentence: str, sent_start: int, start: int, end: int) -> Text:
    """The sentence with ``[start, end)`` (document offsets) highlighted."""
    text = safe_text(sentence)
    lo, hi = max(start - sent_start, 0), min(end - sent_start, len(sentence))
    if lo < hi:
        text.stylize(SPAN_STYLE, lo, hi)
    return text


def _fields(pairs: list[tuple[str, object]]) -> Table:
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for name, value in pairs:
        if value in (None, "", []):
            continue
        if isinstance(value, list):
            value = ", ".join(plain(v) for v in value)
        table.add_row(name, value if isinstance(value, Text) else safe_text(value))
    return table


def _date(record: Sourced) -> str | None:
    start = record.date_start
    if not start:
        return None
    end = record.date_end
    span = start if not end or end == start else f"{start} … {end}"
    bits = [span]
    if record.date_precision:
        bits.append(f"({record.date_precision})")
    if record.date_text:
        bits.append(f"“{plain(record.date_text)}”")
    return " ".join(bits)


def render_record(record: AnyRecord) -> Group:
    """What the detail view shows for one record: its fields, then where it comes from
    (an actor's mentions; an event's or a figure's source sentence)."""
    if isinstance(record, EventRecord):
        pairs = _event_pairs(record)
    elif isinstance(record, FigureRecord):
        pairs = _figure_pairs(record)
    else:
        pairs = _actor_pairs(record)
    pairs += [("Status", record.status), ("Note", record.note), ("Tags", list(record.tags))]
    parts: list = [_fields(pairs)]
    parts += _source(record) if isinstance(record, Sourced) else _mentions(record)
    return Group(*parts)


def _event_pairs(record: EventRecord) -> list[tuple[str, object]]:
    return [
        ("Event", f"#{record.id}  {record.type.replace('_', ' ')}"
         + (f" / {record.sub_type}" if record.sub_type else "")),
        ("What", record.summary),
        ("When", _date(record)),
        ("Where", ", ".join(x for x in (record.location, record.country) if x)
         + ("  (assumed: the doer's seat, no place in the text)"
            if record.place_basis == "seat" else "")),
        ("Actors", [f"{plain(a.name)} ({a.role})" for a in record.actors]),
        ("Figures", [f"{f.value:,} {plain(f.counted)}" for f in record.figures]),
        ("Toll", _toll(record.toll)),
    ]


def _toll(toll: tuple[int, int, int] | None) -> str | None:
    """UCDP's best estimate, with the low and high reports when they differ."""
    if not toll:
        return None
    low, best, high = toll
    spread = f" (low {low:,}, high {high:,})" if (low, high) != (best, best) else ""
    return f"{best:,} killed{spread}"


def _figure_pairs(record: FigureRecord) -> list[tuple[str, object]]:
    value = f"{record.value:,}"
    if record.qualifier == "range" and record.low is not None and record.high is not None:
        value = f"{record.low:,}–{record.high:,}"
    return [
        ("Figure", f"#{record.id}  {value} ({record.qualifier})"),
        ("As written", record.text),
        ("Counts", f"{record.counted}  [{record.category}]"),
        ("Where", record.location),
        ("When", _date(record)),
        ("Part of", f"figure #{record.part_of}" if record.part_of else None),
        ("Adds to", f"figure #{record.adds_to}" if record.adds_to else None),
    ]


def _actor_pairs(record: ActorRecord) -> list[tuple[str, object]]:
    return [
        ("Actor", f"#{record.id}  {record.name}"),
        ("Kind", record.kind.replace("_", " ")),
        ("Country", record.country),
        ("Aliases", list(record.aliases)),
        ("Events", [f"#{e.id} {plain(e.summary)} ({e.role})" for e in record.events[:8]]
         + _more(record.event_count, 8)),
    ]


def _mentions(record: ActorRecord) -> list[Text]:
    """An actor's first mentions, each sentence with the name highlighted."""
    parts = [Text(f"\nMentions ({record.mention_count:,})", style="bold")]
    for mention in record.mentions[:6]:
        parts.append(Text(f"doc #{mention.document_id}", style="dim"))
        parts.append(highlighted_sentence(
            mention.sentence, mention.sent_start, mention.start, mention.end))
    return parts


def _source(record: Sourced) -> list[Text]:
    """An event's or a figure's document and sentence, its span highlighted."""
    copy = (f", a copy of doc #{record.duplicate_of} (not counted twice)"
            if record.duplicate_of else "")
    return [
        Text("\nSource", style="bold"),
        safe_text(
            f"doc #{record.document_id} {record.document_title}"
            f" ({record.published or 'undated'}), chars {record.start}–{record.end}" + copy,
            style="dim",
        ),
        highlighted_sentence(record.sentence, record.sent_start, record.start, record.end),
    ]


def _more(count: int, shown: int) -> list[str]:
    """A line saying how many more there are than the list shows."""
    return [f"… and {count - shown:,} more"] if count > shown else []


class DetailView(VerticalScroll):
    """Scrollable detail of the selected record."""

    can_focus = False

    def compose(self) -> ComposeResult:
        yield Static(Text("Select a record.", style="dim"), id="detail-body")

    def show(self, record: AnyRecord | None) -> None:
        body = self.query_one("#detail-body", Static)
        if record is None:
            body.update(Text("Nothing selected.", style="dim"))
            self.border_title = "Detail"
            return
        self.border_title = f"Detail: {record.KIND} #{record.id}"
        body.update(render_record(record))
        self.scroll_home(animate=False)
