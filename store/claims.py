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

import functools
import re
from collections import Counter
from dataclasses import dataclass

from extract import geo, locations

from .connect import Connection
from .history import WHOLE_ROW, History

RULE = ("named official source first; then the latest report; on the same day the lowest "
        "value (at least / exact reports before approximate ones)")
SAME_ORDER = 1.6  # values within this ratio of their neighbours count the same thing
CLOSE = 5  # ... or this close: a toll that grows "at least two, then four, then six"
OFFICIAL = re.compile(
    r"\b(officials?|ministry|minister|prosecutors?|police|authorities|government|spokes"
    r"(?:wo)?man|spokesperson|mayor|president|prefect|governor|army|military|agency|"
    r"hospital|coroner|sheriff|un|unhcr|ocha|red cross)\b", re.IGNORECASE)
QUALIFIER_ORDER = {"at_least": 0, "exact": 0, "range": 1, "at_most": 1, "approx": 2}
CASUALTIES = ("deaths", "injured")
# Who a count counts when it is not the victims: "two other attackers were shot dead" is not
# a report of the toll of "six killed", whatever its value.
PERPETRATORS = re.compile(
    r"\b(attackers?|assailants?|gunm[ae]n|militants?|(?:suicide )?bombers?|insurgents?|"
    r"terrorists?|hijackers?|jihadists?|perpetrators?)\b", re.IGNORECASE)


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


@dataclass
class Claim:
    key: str  # stable within a crisis: category/place/lowest figure id
    category: str
    location: str | None
    reports: list[Report]
    recommended: Report  # the figure the claim stands for (the rule's, or a person's choice)
    chosen_by_person: bool = False
    group: str = ""  # "attackers" for counts of perpetrators; "" for the victims

    @property
    def low(self) -> int:
        return min(r.value for r in self.reports)

    @property
    def high(self) -> int:
        return max(r.value for r in self.reports)

    @property
    def label(self) -> str:
        where = f" in {self.location}" if self.location else ""
        group = f" ({self.group})" if self.group else ""
        return f"{self.category}{group}{where}"


def recommend(reports: list[Report]) -> Report:
    """The report ``RULE`` picks."""
    pool = [r for r in reports if r.official] or reports
    latest = max(r.published or "" for r in pool)
    same_day = [r for r in pool if (r.published or "") == latest]
    return min(same_day, key=lambda r: (QUALIFIER_ORDER.get(r.qualifier, 2), r.value,
                                        r.figure_id))


@functools.lru_cache(maxsize=65536)
def _official(sentence: str) -> bool:
    """A report from a named official source (its sentence says who); a crisis's reports
    share sentences (wire copies, quoted tolls), so each is read once."""
    return bool(OFFICIAL.search(sentence))


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


def _groups(reports: list[Report]) -> list[list[Report]]:
    """Reports split into runs of values of the same order (see ``SAME_ORDER``)."""
    runs: list[list[Report]] = []
    for report in sorted(reports, key=lambda r: (r.value, r.figure_id)):
        last = runs[-1][-1].value if runs else None
        if last is not None and (report.value <= last * SAME_ORDER
                                 or report.value - last <= CLOSE):
            runs[-1].append(report)
        else:
            runs.append([report])
    return runs


class _Homes:
    """Which place a report belongs to, for grouping. A town as written. A country or a
    province, the most reported place inside it: its reports tell that toll less precisely
    ("120 wounded in Afghanistan's Balkh province" is Mazar-i-Sharif's 128); a name that is a
    town and a province (Balkh, Kunduz) does so only when a place of its province is
    reported as much or more. No place: the category's most reported place, ties going to
    the place the crisis's reports name most over every category (the attack's city, not the
    place of an airstrike two of its articles recall)."""

    def __init__(self, rows: list[str | None]) -> None:
        self.overall = Counter(loc for loc in rows if loc)

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


class Claims:
    """The figures of a crisis grouped into claims (one toll as every report gives it), and a
    person's choice of the figure a claim stands for (logged)."""

    def __init__(self, connection: Connection, history: History) -> None:
        self.connection = connection
        self.history = history

    def of(self, crisis_id: int, min_documents: int = 1) -> list[Claim]:
        """The crisis's claims, those reported by the most documents first."""
        with self.connection.lock:
            rows = self.connection.execute(
                "SELECT f.id, f.value, f.text, f.qualifier, f.counted, f.location, f.category, "
                "f.sentence, d.id AS document_id, d.title, d.source, d.url, d.published "
                "FROM figures f JOIN documents d ON d.id = f.document_id "
                "WHERE d.crisis_id = ? AND d.duplicate_of IS NULL AND f.status != 'rejected' "
                "AND f.part_of IS NULL ORDER BY f.id", (crisis_id,)
            ).fetchall()
            choices = dict(self.connection.execute(
                "SELECT claim, figure_id FROM claim_choices WHERE crisis_id = ?", (crisis_id,)
            ).fetchall())
        by_category: dict[str, list[tuple[str | None, Report, str]]] = {}
        for (figure_id, value, text, qualifier, counted, location, category, sentence,
             document_id, title, source, url, published) in rows:
            report = Report(figure_id, value, text, qualifier, counted, location, document_id,
                            title, source, url, published, sentence, _official(sentence))
            attackers = category in CASUALTIES and _attackers(counted or "")
            by_category.setdefault(category, []).append(
                (location, report, "attackers" if attackers else ""))
        homes = _Homes([row[5] for row in rows])
        claims: list[Claim] = []
        for category, located in by_category.items():
            places = Counter(loc for loc, _report, _group in located if loc)
            home_of = {loc: homes.home(loc, places) for loc in {x[0] for x in located}}
            buckets: dict[tuple[str | None, str], list[Report]] = {}
            for loc, report, group in located:
                buckets.setdefault((home_of[loc], group), []).append(report)
            for (place, group), reports in buckets.items():
                for run in _groups(reports):
                    kind = f"{category}+{group}" if group else category
                    key = f"{kind}/{place or ''}/{min(r.figure_id for r in run)}"
                    chosen = choices.get(key)
                    picked = next((r for r in run if r.figure_id == chosen), None)
                    claims.append(Claim(key, category, place, run, picked or recommend(run),
                                        chosen_by_person=picked is not None, group=group))
        claims = [c for c in claims if len({r.document_id for r in c.reports}) >= min_documents]
        claims.sort(key=lambda c: (-len({r.document_id for r in c.reports}), -c.high, c.key))
        return claims

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
            max(largest, claim.recommended.value),
            documents | {r.document_id for r in claim.reports})
    most: dict[str, int] = {}
    for (category, _place), (_value, documents) in places.items():
        most[category] = max(most.get(category, 0), len(documents))
    totals: dict[str, int] = {}
    for (category, _place), (value, documents) in places.items():
        if len(documents) >= 2 or len(documents) == most[category]:
            totals[category] = totals.get(category, 0) + value
    return totals
