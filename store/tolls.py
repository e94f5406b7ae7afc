"""An event's toll as UCDP codes it (low / best / high), from the death counts linked to it
as they stand now (rejected ones left out, edited values as edited): one reading for the
ACLED export's ``fatalities`` and for the detail view, so the two never disagree."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from extract.events import fatalities
from extract.model import Fatalities


@dataclass(frozen=True)
class _Report:
    """A stored death count, in the shape ``extract.events.fatalities`` reads."""

    value: int
    qualifier: str
    part_of: int | None
    adds_to: int | None  # the position in the event's list of the count this one adds to
    category: str = "deaths"


def event_toll(conn: sqlite3.Connection, event_id: int) -> Fatalities | None:
    """The event's fatalities, or None when no death count is linked to it."""
    rows = conn.execute(
        "SELECT f.id, f.value, f.qualifier, f.part_of, f.adds_to FROM event_figures ef "
        "JOIN figures f ON f.id = ef.figure_id WHERE ef.event_id = ? "
        "AND f.category = 'deaths' AND f.status != 'rejected' ORDER BY f.id", (event_id,),
    ).fetchall()
    at = {row[0]: n for n, row in enumerate(rows)}
    deaths = [_Report(v, q, p, at.get(a)) for _id, v, q, p, a in rows]
    return fatalities(deaths, list(range(len(deaths))))
