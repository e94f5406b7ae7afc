"""Claims: the figures different documents report for the same thing, reconciled.

Within a crisis, figures of one category (deaths, injured, refugees, …) are one claim when
they are about the same place (or say no place) and are of the same order: outlets report a
toll as 60, 70, 77, 84, then 85 (or, for a small attack, at least two, then four, then six),
while "12 police cars" or "300 injured" in the same story count something else. Near-duplicate
copies are left out, so a wire story republished five times is one report, not five.

The recommended figure follows a rule a person can read (``RULE``), as IDMC analysts and ACLED
coders do by hand: reports from a named official source beat others; among those, the latest
report wins (a toll only grows as bodies are found); on the same day, the lowest wins, ACLED's
conservative choice. A person can choose another report instead: that choice is an edit like
any other, logged and undoable.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import json
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from extract import EXTRACTOR_VERSION, geo, locations

from .connect import Connection, DiskFull
from .history import WHOLE_ROW, History

RULE = ("named official source first; then the latest report; on the same day the lowest "
        "value (at least / exact reports before approximate ones)")
SAME_ORDER = 1.6  # values within this ratio of their neighbours count the same thing
CLOSE = 5  # ... or this close: a toll that grows "at least two, then four, then six"
QUALIFIER_ORDER = {"at_least": 0, "exact": 0, "range": 1, "at_most": 1, "approx": 2}
CASUALTIES = ("deaths", "injured")
# Who a count counts when it is not the victims: "two other attackers were shot dead" is not
# a report of the toll of "six killed", whatever its value.
PERPETRATORS = re.compile(
    r"\b(attackers?|assailants?|gunm[ae]n|militants?|(?:suicide )?bombers?|insurgents?|"
    r"terrorists?|hijackers?|jihadists?|perpetrators?)\b", re.IGNORECASE)

# The figures a crisis's claims are made of: its documents' (wire copies left out), neither
# rejected nor part of another figure ("10 children" of "84 dead").
_SCOPE = ("FROM figures f JOIN documents d ON d.id = f.document_id "
          "WHERE d.crisis_id = ? AND d.duplicate_of IS NULL AND f.status != 'rejected' "
          "AND f.part_of IS NULL")
_REPORT = ("SELECT f.id, f.value, f.text, f.qualifier, f.counted, f.location, d.id, d.title, "
           "d.source, d.url, d.published, f.sentence, f.official, f.category ")
# What the grouping reads of each figure: narrow rows from one index (``figures_claims``),
# no sentence, no title; its lane (category, place, counted) as one JSON key, and how ``RULE``
# ranks its qualifier as a number (higher first), so that picking a claim's figure compares
# fields in C, not a Python key per report: a claim of a large crisis holds 90,000.
_PREFERENCE = "CASE f.qualifier {} ELSE {} END".format(
    " ".join(f"WHEN '{name}' THEN {-order}" for name, order in QUALIFIER_ORDER.items()),
    -max(QUALIFIER_ORDER.values()))
_MEMBERS = ("SELECT json_array(f.category, coalesce(f.location, ''), coalesce(f.counted, '')), "
            f"f.value, f.id, f.official, coalesce(d.published, ''), {_PREFERENCE}, "
            "f.document_id ")
LANE, VALUE, FIGURE, OFFICIAL, PUBLISHED, PREFERENCE, DOCUMENT = range(7)  # a member's fields
_VALUE, _FIGURE, _DOCUMENT = itemgetter(VALUE), itemgetter(FIGURE), itemgetter(DOCUMENT)
_RANK = itemgetter(OFFICIAL, PUBLISHED, PREFERENCE)  # RULE, but for the lowest value and id


@dataclass
class Report:
    figure_id: int
    value: int
    text: str
    qualifier: str
    counted: str
    location: str | None
    document_id: int
    document_title: str
    source: str
    url: str
    published: str | None
    sentence: str
    official: bool
    category: str


@dataclass
class Claim:
    key: str  # stable within a crisis: category/place/lowest figure id
    category: str
    location: str | None
    recommended: Report  # the figure the claim stands for (the rule's, or a person's choice)
    count: int  # how many reports (figures) it has; ``Claims.figure_ids`` reads which
    document_ids: frozenset[int]  # the documents that report it
    low: int
    high: int
    chosen_by_person: bool = False
    group: str = ""  # "attackers" for counts of perpetrators; "" for the victims
    # the (place, counted) pairs of its figures' lane, for reading its reports
    lanes: tuple[tuple[str, str], ...] = field(default=(), repr=False)

    @property
    def label(self) -> str:
        where = f" in {self.location}" if self.location else ""
        group = f" ({self.group})" if self.group else ""
        return f"{self.category}{group}{where}"


def recommend(members: list[tuple]) -> tuple:
    """The member of a claim ``RULE`` picks (members as ``_MEMBERS`` reads them, by value):
    official first, then the latest, then the best qualifier; among equals the lowest value,
    then the lowest figure id. Ranks in C (``_RANK``): a claim of a large crisis holds
    90,000 reports."""
    best = max(members, key=_RANK)  # the first of the best: the lowest value among them
    rank, value = _RANK(best), best[VALUE]
    same = members[bisect.bisect_left(members, value, key=_VALUE):
                   bisect.bisect_right(members, value, key=_VALUE)]
    return min((m for m in same if _RANK(m) == rank), key=_FIGURE)


def runs(members: list[tuple]) -> list[list[tuple]]:
    """A lane's members (by value) split into runs of values of the same order (see
    ``SAME_ORDER``): each run is one claim. Equal values are always in one run.

    Walks the lane's distinct values, not its members: a lane of a large crisis holds
    100,000 reports of far fewer values."""
    values = list(map(_VALUE, members))
    out: list[list[tuple]] = []
    start = 0
    last = None
    for value in sorted(set(values)):
        if last is not None and not (value <= last * SAME_ORDER or value - last <= CLOSE):
            end = bisect.bisect_left(values, value, start)
            out.append(members[start:end])
            start = end
        last = value
    if members:
        out.append(members[start:])
    return out


@functools.lru_cache(maxsize=65536)
def _attackers(counted: str) -> bool:
    return bool(PERPETRATORS.search(counted))


@functools.lru_cache(maxsize=4096)
def _encloses(outer: str, inner: str) -> bool:
    """Is ``outer`` the country or the province ``inner`` lies in ("in southern France"
    around "Nice", "Balkh province" around "Mazar-i-Sharif")?

    Such a report tells the same toll less precisely, so it joins the claim of the place."""
    if locations.country(inner) is not None:
        return False
    place = locations.lookup(inner)
    if place is None:
        return False
    country = locations.country(outer)
    if country is not None:
        return place.country == country.country
    region = locations.province(outer, place.country)
    if region is None:
        return False
    point = geo.locate(place.name, place.country)
    admin1 = point.with_admin().admin1 if point else None
    return admin1 is not None and admin1 != "" and \
        locations.normalise(admin1) == locations.normalise(region.name)


@functools.lru_cache(maxsize=4096)
def _region(name: str) -> bool:
    """A country, or a province no town is called after: a place that holds towns."""
    if locations.country(name) is not None:
        return True
    place = locations.lookup(name)
    return locations.province(name) is not None and (place is None or place.kind != "city")


def _report(row: tuple) -> Report:
    (figure_id, value, text, qualifier, counted, location, document_id, title, source, url,
     published, sentence, official, category) = row
    return Report(figure_id, value, text, qualifier, counted, location, document_id, title,
                  source, url, published, sentence, bool(official), category)


Lane = tuple[str, str, str]  # a figure's category, place and what it counts ('' for none)


def _lanes(rows: list[tuple[str, str, str, int]]) -> dict[Lane, tuple[str, str]]:
    """Per lane of a crisis's figures (with how many figures it holds), the place its claims
    are grouped under ('' for none; see ``_Homes``) and whom they count ("attackers" or '')."""
    overall: Counter[str] = Counter()
    places: dict[str, Counter[str]] = {}
    for category, loc, _counted, n in rows:
        places.setdefault(category, Counter())
        if loc:
            overall[loc] += n
            places[category][loc] += n
    homes = _Homes(overall)
    return {(category, loc, counted): (
        homes.home(loc or None, places[category]) or "",
        "attackers" if category in CASUALTIES and _attackers(counted) else "")
        for category, loc, counted, _n in rows}


class _Homes:
    """Which place a report belongs to, for grouping. A town as written. A country or a
    province, the most reported place inside it: its reports tell that toll less precisely
    ("120 wounded in Afghanistan's Balkh province" is Mazar-i-Sharif's 128); a name that is a
    town and a province (Balkh, Kunduz) does so only when a place of its province is
    reported as much or more. No place: the category's most reported place, ties going to
    the place the crisis's reports name most over every category (the attack's city, not the
    place of an airstrike two of its articles recall)."""

    def __init__(self, overall: Counter[str]) -> None:
        self.overall = overall

    def _best(self, places: set[str], counts: Counter) -> str | None:
        return max(sorted(places), key=lambda p: (counts[p], self.overall[p]), default=None)

    def home(self, loc: str | None, counts: Counter) -> str | None:
        """The place of a report of ``loc``, among the category's places (``counts``)."""
        places = set(counts)
        if loc is None:
            return self._best({p for p in places if not _region(p)} or places, counts)
        inside = {p for p in places if p != loc and _encloses(loc, p)}
        if _region(loc) or (locations.province(loc) is not None and inside and
                            max(counts[p] for p in inside) >= counts[loc]):
            return self._best(inside, counts) if inside else loc
        return loc


class _Run(NamedTuple):
    """One claim as grouped (and kept in ``claims_kept`` as a JSON list)."""
    key: str
    category: str
    home: str  # the place it is grouped under ('' for none)
    group: str
    pick: int  # the figure it stands for
    by_person: bool  # picked by a person (a claim choice), not by RULE
    reports: int
    low: int
    high: int
    documents: list[int]
    lanes: list[list[str]]  # its (place, counted) lanes


# What a kept grouping was made by: this module and the extractor (whose place tables the
# lanes are grouped with); a grouping kept by other code is made again.
GROUPING = hashlib.sha256(Path(__file__).read_bytes() + EXTRACTOR_VERSION.encode()
                          ).hexdigest()[:16]


class Claims:
    """The figures of a crisis grouped into claims (one toll as every report gives it), and a
    person's choice of the figure a claim stands for (logged)."""

    def __init__(self, connection: Connection, history: History) -> None:
        self.connection = connection
        self.history = history

    def prepare(self) -> None:
        """Load the place tables the grouping reads now (2 s and about 190 MB, which the first
        claims view of a process otherwise pays): for a program that can do it ahead."""
        geo.load()

    def of(self, crisis_id: int, min_documents: int = 1) -> list[Claim]:
        """The crisis's claims, those reported by the most documents first.

        The grouping is kept in the store (``claims_kept``) until a figure, a document or a
        choice of the crisis changes (triggers count its changes): a crisis of 400,000
        figures takes seconds to group, and is read back in milliseconds. Only the figure each
        claim stands for is read whole."""
        runs = self._runs(crisis_id)
        whole = self._reports(crisis_id, {run.pick for run in runs})
        claims = [Claim(run.key, run.category, run.home or None, whole[run.pick], run.reports,
                        frozenset(run.documents), run.low, run.high,
                        chosen_by_person=run.by_person, group=run.group,
                        lanes=tuple((loc, counted) for loc, counted in run.lanes))
                  for run in runs]
        claims = [c for c in claims if len(c.document_ids) >= min_documents]
        claims.sort(key=lambda c: (-len(c.document_ids), -c.high, c.key))
        return claims

    def keep(self, document_ids: Iterable[int]) -> None:
        """Group now the crises of these documents (just ingested) whose grouping is not kept,
        so that their claims view opens at once: at the end of an ingest, not in front of
        someone waiting for the view."""
        with self.connection.lock:
            crises = [row[0] for row in self.connection.execute(
                "SELECT DISTINCT crisis_id FROM documents WHERE crisis_id IS NOT NULL AND id IN "
                "(SELECT value FROM json_each(?)) ORDER BY crisis_id",
                (json.dumps(sorted(set(document_ids))),))]
        for crisis_id in crises:
            self._runs(crisis_id)

    def _runs(self, crisis_id: int) -> list[_Run]:
        """The crisis's grouping: as kept, else made now (and kept)."""
        runs = self._kept(crisis_id)
        if runs is None:  # the count first: a change made while grouping leaves it unkept
            generation = self._generation(crisis_id)
            runs = self._group(crisis_id)
            self._keep(crisis_id, generation, runs)
        return runs

    def _generation(self, crisis_id: int) -> int | None:
        with self.connection.lock:
            row = self.connection.execute(
                "SELECT claims_generation FROM crises WHERE id = ?", (crisis_id,)).fetchone()
        return None if row is None else row[0]

    def _kept(self, crisis_id: int) -> list[_Run] | None:
        """The crisis's grouping as kept, if nothing it reads changed since (nor this code)."""
        with self.connection.lock:
            row = self.connection.execute(
                "SELECT k.runs FROM claims_kept k JOIN crises c ON c.id = k.crisis_id "
                "WHERE k.crisis_id = ? AND k.generation = c.claims_generation "
                "AND k.grouping = ?", (crisis_id, GROUPING)).fetchone()
        return None if row is None else [_Run(*run) for run in json.loads(row[0])]

    def _keep(self, crisis_id: int, generation: int | None, runs: list[_Run]) -> None:
        """Keep a grouping made at ``generation``, unless the crisis changed meanwhile (another
        process's ingest) or the store cannot be written: then it is grouped again next time."""
        if generation is None or self.connection.read_only:
            return
        try:
            with self.connection.writing():
                self.connection.execute(
                    "INSERT INTO claims_kept (crisis_id, generation, grouping, runs) "
                    "SELECT id, claims_generation, ?, ? FROM crises "
                    "WHERE id = ? AND claims_generation = ? "
                    "ON CONFLICT (crisis_id) DO UPDATE SET generation = excluded.generation, "
                    "grouping = excluded.grouping, runs = excluded.runs",
                    (GROUPING, json.dumps([list(run) for run in runs]), crisis_id, generation))
        except (sqlite3.OperationalError, DiskFull):
            pass  # locked by a long write elsewhere, or no room: the claims are shown anyway

    def _group(self, crisis_id: int) -> list[_Run]:
        """Group the crisis's figures into runs, each one claim.

        Reads each figure as a narrow row (no sentence, no title: a claim of a large crisis
        holds thousands of reports, which ``reports`` reads when one is opened)."""
        with self.connection.lock:
            figures = self.connection.execute(f"{_MEMBERS}{_SCOPE}", (crisis_id,)).fetchall()
            choices = dict(self.connection.execute(
                "SELECT claim, figure_id FROM claim_choices WHERE crisis_id = ?", (crisis_id,)
            ).fetchall())
        raw: defaultdict[str, list[tuple]] = defaultdict(list)
        for row in figures:
            raw[row[LANE]].append(row)
        lanes = {key: tuple(json.loads(key)) for key in raw}
        mapping = _lanes([(*lanes[key], len(rows)) for key, rows in raw.items()])
        by_lane: defaultdict[tuple[str, str, str], list[tuple]] = defaultdict(list)
        for key, rows in raw.items():
            category, loc, counted = lanes[key]
            by_lane[(category, *mapping[category, loc, counted])].extend(rows)
        found: list[_Run] = []
        for (category, home, group), members in by_lane.items():
            members.sort(key=_VALUE)
            kind = f"{category}+{group}" if group else category
            pairs = sorted([loc, counted] for (cat, loc, counted), lane in mapping.items()
                           if cat == category and lane == (home, group))
            for run in runs(members):
                key = f"{kind}/{home}/{min(map(_FIGURE, run))}"
                chosen = choices.get(key)  # None: back to the rule
                by_person = chosen is not None and any(m[FIGURE] == chosen for m in run)
                pick: int = chosen if chosen is not None and by_person else recommend(run)[
                    FIGURE]  # the rule's, also when the claim lost the figure chosen
                found.append(_Run(key, category, home, group, pick, by_person, len(run),
                                  run[0][VALUE], run[-1][VALUE],
                                  sorted(set(map(_DOCUMENT, run))), pairs))
        return found

    def figure_ids(self, crisis_id: int, claim: Claim) -> list[int]:
        """The figures of a claim's reports (what ``reports`` reads, as ids only)."""
        where, parameters = self._members_of(crisis_id, claim)
        with self.connection.lock:
            return [row[0] for row in self.connection.execute(
                f"SELECT f.id {where}", parameters)]

    def _members_of(self, crisis_id: int, claim: Claim) -> tuple[str, tuple]:
        """The WHERE that selects a claim's figures: its lanes, within its values."""
        return (f"{_SCOPE} AND f.category = ? AND f.value BETWEEN ? AND ? "
                "AND (coalesce(f.location, ''), coalesce(f.counted, '')) IN (SELECT "
                "json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))",
                (crisis_id, claim.category, claim.low, claim.high, json.dumps(claim.lanes)))

    def _reports(self, crisis_id: int, figure_ids: set[int]) -> dict[int, Report]:
        with self.connection.lock:
            return {r.figure_id: r for r in map(_report, self.connection.execute(
                f"{_REPORT}{_SCOPE} AND f.id IN (SELECT value FROM json_each(?))",
                (crisis_id, json.dumps(sorted(figure_ids)))))}

    def reports(self, crisis_id: int, claim: Claim, latest: int | None = None) -> list[Report]:
        """A claim's reports in publication order (undated last), read when it is opened: a
        claim of a large crisis holds thousands. ``latest``: only the last that many
        published (the claim's figure always among them)."""
        where, parameters = self._members_of(crisis_id, claim)
        if latest is None:
            sql = f"{_REPORT}{where}"
        else:  # the claim's figure, then the newest: chosen from the index, then read whole
            sql = (f"{_REPORT}FROM figures f JOIN documents d ON d.id = f.document_id "
                   f"WHERE f.id IN (SELECT f.id {where} ORDER BY f.id = ? DESC, "
                   "coalesce(d.published, '~') DESC, f.value DESC, f.id DESC LIMIT ?)")
            parameters = (*parameters, claim.recommended.figure_id, latest)
        with self.connection.lock:
            reports = list(map(_report, self.connection.execute(sql, parameters)))
        return sorted(reports, key=lambda r: (r.published or "~", r.value, r.figure_id))

    def choose_figure(self, crisis_id: int, claim_key: str, figure_id: int | None) -> None:
        """A person's choice of a claim's figure (None: back to the rule). Logged, undoable."""
        with self.history.step("choose figure"):
            row = self.connection.execute(
                "SELECT id FROM claim_choices WHERE crisis_id = ? AND claim = ?",
                (crisis_id, claim_key),
            ).fetchone()
            if row is None:
                self.history.change(
                    "claim_choice", self.history.next_id("claim_choices"), WHOLE_ROW,
                    {"crisis_id": crisis_id, "claim": claim_key, "figure_id": figure_id})
            else:
                self.history.change("claim_choice", row[0], "figure_id", figure_id)

    def category_totals(self, crisis_id: int) -> dict[str, int]:
        """Per category, the largest claim of each place, summed over the places it counts
    (counts of attackers left out).

        Tolls of one place nest ("10 children among the 84 dead"; "eight killed on Tuesday"
        within "more than 20,000 since 2009"), so a place adds its largest claim, not their
        sum. A place only one document reports in that category is left out, unless it is the
        category's most reported place: it is usually background (the Paris attacks of 2015
        in a story on Nice)."""
        return totals_of(self.of(crisis_id))


def totals_of(claims: list[Claim]) -> dict[str, int]:
    """``Claims.category_totals`` over claims already read."""
    places: dict[tuple[str, str | None], tuple[int, set[int]]] = {}
    for claim in claims:
        if claim.group:  # the attackers' dead are not the toll
            continue
        largest, documents = places.get((claim.category, claim.location), (0, set()))
        places[claim.category, claim.location] = (
            max(largest, claim.recommended.value), documents | claim.document_ids)
    most: dict[str, int] = {}
    for (category, _place), (_value, documents) in places.items():
        most[category] = max(most.get(category, 0), len(documents))
    totals: dict[str, int] = {}
    for (category, _place), (value, documents) in places.items():
        if len(documents) >= 2 or len(documents) == most[category]:
            totals[category] = totals.get(category, 0) + value
    return totals
