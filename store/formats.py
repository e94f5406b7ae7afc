"""Exports in the formats other tools read: ACLED-style events, HXL-tagged figures for HDX,
and brat standoff annotation for NLP tools.

Rejected records are left out, and so are records from near-duplicate documents (republished
wire copies), so nothing is counted twice; ``include_duplicates`` keeps them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import TextIO

from extract.events import is_background
from extract.geo import locate
from extract.model import SUB_TYPE_NAMES

from .articles import outlet
from .cells import SafeDictWriter, SafeWriter
from .export import ExportFilter
from .store import Store
from .tolls import event_toll

# ACLED's names for our event types (the last two are this tool's own additions).
ACLED_TYPES = {
    "battles": "Battles",
    "explosions_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians",
    "protests": "Protests",
    "riots": "Riots",
    "strategic_developments": "Strategic developments",
    "population_movement": "Population movement",
    "statements_diplomacy": "Statements/diplomacy",
}
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "country", "iso3", "admin1", "admin2", "location",
    "latitude", "longitude", "geo_precision", "source", "source_url", "notes", "fatalities",
    "tags", "timestamp",
]
# Event types ACLED codes; the tool's own two are exported only when asked for.
ACLED_OWN_TYPES = ("population_movement", "statements_diplomacy")
DISORDER_TYPES = {
    "battles": "Political violence", "explosions_remote_violence": "Political violence",
    "violence_against_civilians": "Political violence", "protests": "Demonstrations",
    "riots": "Demonstrations", "strategic_developments": "Strategic developments",
}
# ACLED's inter codes: 1 state forces, 2 rebel groups, 3 political militias, 4 identity
# militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
INTER_CODES = {"state": 1, "state_forces": 1, "rebel_group": 2, "militia": 3,
               "civilians": 7, "external": 8}

# HXL attribute for each figure category (#affected+killed for deaths, as HDX datasets do).
HXL_ATTRIBUTES = {"deaths": "killed", "injured": "injured", "refugees": "refugees",
                  "idps": "idps", "children": "children", "detained": "detained",
                  "displaced": "displaced", "missing": "missing", "households": "households"}


def hxl_attribute(category: str) -> str:
    """The HXL attribute of a figure category: HXL's ``killed`` for deaths, else the category
    made a valid attribute (lower-case ASCII letters, digits and ``_``, starting with a
    letter), so a category typed by hand ("buildings destroyed") never makes a hashtag that
    HXL tools drop."""
    if category in HXL_ATTRIBUTES:
        return HXL_ATTRIBUTES[category]
    ascii_text = unicodedata.normalize("NFKD", category).encode("ascii", "ignore").decode()
    attribute = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
    return attribute if attribute[:1].isalpha() else f"x_{attribute}".rstrip("_")


_NOT_OWN_TYPES = "AND e.type NOT IN ({})".format(", ".join(f"'{t}'" for t in ACLED_OWN_TYPES))


def _where(include_duplicates: bool, alias: str) -> str:
    clause = f"{alias}.status != 'rejected'"
    if not include_duplicates:
        clause += " AND d.duplicate_of IS NULL"
    return clause


def _country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or (country.name if country else iso3)


def inter_code(kind: str | None, event_type: str) -> int | str:
    """An actor's ACLED inter code from its kind (protesters and rioters by the event)."""
    if event_type == "protests" and kind not in ("state", "state_forces"):
        return 6
    if event_type == "riots" and kind not in ("state", "state_forces"):
        return 5
    return INTER_CODES.get(kind or "", 8) if kind else ""


def interaction(first: int | str, second: int | str) -> int | str:
    """ACLED's interaction: the two inter codes, lower first (a sole actor: its code, 0)."""
    codes = sorted(c for c in (first, second) if isinstance(c, int))
    if not codes:
        return ""
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def acled_actor(name: str, kind: str | None, country: str | None) -> str:
    """An actor as ACLED names it where its convention is simple: "Civilians (Afghanistan)"."""
    if kind == "civilians" and country:
        return f"Civilians ({_country_name(country)})"
    return name


def acled(store: Store, out: TextIO, include_duplicates: bool = False,
          all_types: bool = False, where: ExportFilter | None = None,
          background: bool = False) -> int:
    """Events as an ACLED-style CSV, with the codebook's columns and vocabularies where they
    apply: event and sub-event types in its capitalisation, ``disorder_type``, ``inter1``/
    ``inter2``/``interaction`` from the actors' kinds, ``civilian_targeting``. Population
    movements and statements (this tool's own types) are left out unless ``all_types``;
    background events (``extract.events.is_background``: what an article recalls, which a
    coder codes from its own reports) unless ``background``.

    ``fatalities`` is the event's toll by ``extract.events.fatalities``: of the death counts
    reported with it, parts of a count and counts of other, much smaller groups left out,
    the lowest of the reports of the toll (ACLED's conservative rule); ``geo_precision`` 1
    is the named town, 2 a part of a country, 3 only the country or a seat assumed (a
    state's deed or word placed at its capital where the text names no place).
    """
    writer = SafeDictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    count = 0
    filters = (where or ExportFilter()).clause("e", "d")
    with store.lock:
        rows = list(store.db.query(
            "SELECT e.*, d.url, d.title AS document_title, d.published, "
            "coalesce((SELECT max(x.at) FROM edits x WHERE x.kind = 'event' "
            "AND x.record_id = e.id AND x.undone = 0), "
            "d.ingested_at) AS changed_at FROM events e "
            f"JOIN documents d ON d.id = e.document_id WHERE {_where(include_duplicates, 'e')} "
            f"{'' if all_types else _NOT_OWN_TYPES} {filters.sql} "
            "ORDER BY coalesce(e.date_start, d.published), e.id", filters.params
        ))
        for event in rows:
            if not background and is_background(event["date_end"] or event["date_start"],
                                                event["date_precision"], event["published"],
                                                event["type"]):
                continue
            writer.writerow(_acled_row(store, event))
            count += 1
    return count


def _acled_actors(store: Store, event_id: int) -> tuple[dict[str, list[str]], dict[str, str]]:
    """An event's actors by role ("media" for outlets), named as ACLED names them, and the
    kind of the first of each role."""
    actors: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for name, role, kind, country in store.conn.execute(
        "SELECT r.name, ea.role, r.kind, r.country FROM event_actors ea JOIN actors r "
        "ON r.id = ea.actor_id WHERE ea.event_id = ? ORDER BY ea.rowid", (event_id,)
    ):
        key = "media" if kind == "media" else role
        actors.setdefault(key, []).append(acled_actor(name, kind, country))
        kinds.setdefault(key, kind)
    return actors, kinds


def _acled_toll(store: Store, event_id: int) -> int:
    """The event's fatalities (``store.tolls``: its death counts as they stand)."""
    toll = event_toll(store.conn, event_id)
    return toll.best if toll else 0


def _acled_row(store: Store, event: dict) -> dict:
    """One event as an ACLED row."""
    actors, kinds = _acled_actors(store, event["id"])
    point = locate(event["location"], event["country"])
    point = point.with_admin() if point else None
    first = actors.get("actor1", [])
    second = actors.get("actor2", [])
    date = event["date_start"] or ""
    inter1 = inter_code(kinds.get("actor1"), event["type"]) if first else ""
    inter2 = inter_code(kinds.get("actor2"), event["type"]) if second else ""
    sub_type = event["sub_type"] or ""
    return {
        "event_id_cnty": f"{event['country'] or 'EVT'}{event['id']}",
        "event_date": date,
        "year": date[:4],
        "time_precision": TIME_PRECISION.get(event["date_precision"] or "", 3),
        "disorder_type": DISORDER_TYPES.get(event["type"], ""),
        "event_type": ACLED_TYPES.get(event["type"], event["type"]),
        "sub_event_type": SUB_TYPE_NAMES.get(sub_type.lower(), sub_type),
        "actor1": first[0] if first else "",
        "assoc_actor_1": "; ".join(first[1:] + actors.get("assoc", [])),
        "inter1": inter1,
        "actor2": second[0] if second else "",
        "assoc_actor_2": "; ".join(second[1:]),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
        **_acled_place(event, point, store.history.place_assumed(event)),
        "source": "; ".join([outlet(event["url"], event["document_title"]),
                             *actors.get("media", []), *actors.get("source", [])]),
        "source_url": event["url"],
        "notes": " ".join(f"{event['summary']}. {event['sentence']}".split()),
        "fatalities": _acled_toll(store, event["id"]),
        "tags": "; ".join(json.loads(event["tags"])),
        "timestamp": event["changed_at"],
    }


def _acled_place(event: dict, point, assumed: bool = False) -> dict:
    """The location columns: country, ISO3, admin areas, coordinates and precision (3, a
    region's, for a seat the text never named: ACLED places such an event at the capital)."""
    return {
        "country": _country_name(event["country"] or (point and point.country)),
        "iso3": event["country"] or (point.country if point else "") or "",
        "admin1": point.admin1 or "" if point else "",
        "admin2": point.admin2 or "" if point else "",
        "location": event["location"] or "",
        "latitude": point.latitude if point and point.latitude is not None else "",
        "longitude": point.longitude if point and point.longitude is not None else "",
        "geo_precision": (3 if assumed else point.precision) if point else "",
    }


def hxl(store: Store, out: TextIO, include_duplicates: bool = False,
        where: ExportFilter | None = None) -> int:
    """Figures as a CSV with an HXL hashtag row under the header, as HDX tools expect: one
    column per affected group (#affected+refugees, #affected+killed, …) holding the value."""
    filters = (where or ExportFilter()).clause("f", "d")
    with store.lock:
        rows = list(store.db.query(
            "SELECT f.*, d.url, d.title AS document_title, d.published, d.country AS doc_country, "
            "(SELECT e.country FROM event_figures ef JOIN events e ON e.id = ef.event_id "
            " WHERE ef.figure_id = f.id LIMIT 1) AS event_country "
            f"FROM figures f JOIN documents d ON d.id = f.document_id "
            f"WHERE {_where(include_duplicates, 'f')} {filters.sql} "
            "ORDER BY f.document_id, f.start", filters.params
        ))
    claim_of: dict[int, tuple[str, bool]] = {}
    for (crisis_id,) in store.conn.execute("SELECT id FROM crises WHERE status = 'active'"):
        for claim in store.claims.of(crisis_id):
            for figure_id in store.claims.figure_ids(crisis_id, claim):
                claim_of[figure_id] = (claim.key, figure_id == claim.recommended.figure_id)
    categories = sorted({row["category"] for row in rows})
    value_columns = [(f"{c.capitalize()}", f"#affected+{hxl_attribute(c)}")
                     for c in categories]
    header = [("Figure ID", "#meta+id"), ("Date", "#date"), ("Country", "#country+code"),
              ("Location", "#loc+name"), *value_columns, ("Qualifier", "#meta+qualifier"),
              ("Counted", "#description+counted"), ("Source", "#meta+source"),
              ("URL", "#meta+url"), ("Sentence", "#description+sentence"),
              ("Status", "#status"), ("Claim", "#meta+claim"),
              ("Recommended", "#indicator+recommended")]
    writer = SafeWriter(out)
    writer.writerow([label for label, _ in header])
    writer.writerow([tag for _, tag in header])
    for row in rows:
        values = ["" for _ in categories]
        values[categories.index(row["category"])] = row["value"]
        writer.writerow([
            row["id"], row["date_start"] or row["published"] or "",
            row["event_country"] or row["doc_country"] or "", row["location"] or "",
            *values, row["qualifier"], row["counted"],
            outlet(row["url"], row["document_title"]), row["url"],
            " ".join(row["sentence"].split()), row["status"],
            claim_of.get(row["id"], ("", False))[0],
            "yes" if claim_of.get(row["id"], ("", False))[1] else "",
        ])
    return len(rows)


# Where ``str.splitlines`` (and so many a reader of ``.ann`` lines) breaks a line.
_BREAKS = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SPAN_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")  # and tabs


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span as brat fragments, split at line breaks (brat spans cannot cross them, and a
    break inside an ``.ann`` line would forge the next line) and tabs (its field separator)."""
    pieces, cursor = [], start
    for line in _SPAN_BREAKS.split(text[start:end]):
        if line.strip():
            lead = len(line) - len(line.lstrip())
            pieces.append((cursor + lead, cursor + len(line.rstrip())))
        cursor += len(line) + 1
    return pieces


def _one_line(value: object) -> str:
    """A note's value on one ``.ann`` line: tabs and breaks become spaces."""
    return " ".join(_BREAKS.sub(" ", str(value)).replace("\t", " ").split())


class _Annotation:
    """The ``.ann`` lines of one document, numbering its text-bound entities."""

    def __init__(self, text: str, types: set[str]) -> None:
        self.text, self.types, self.count = text, types, 0
        self.lines: list[str] = []

    def entity(self, kind: str, start: int, end: int, trigger: bool = False) -> str:
        self.count += 1
        if not trigger:
            self.types.add(kind)
        pieces = _fragments(self.text, start, end)
        offsets = ";".join(f"{a} {b}" for a, b in pieces)
        covered = " ".join(self.text[a:b] for a, b in pieces)
        self.lines.append(f"T{self.count}\t{kind} {offsets}\t{covered}")
        return f"T{self.count}"


def _label(value: str) -> str:
    return "".join(part.capitalize() for part in value.replace("/", "_").split("_")) or "Other"


def brat(store: Store, folder: Path) -> int:
    """A ``.txt`` and an ``.ann`` file per document (brat standoff), plus ``annotation.conf``.

    Actor mentions are entities typed by actor kind, figures are ``Figure`` entities with
    their value and category as notes, events are brat events on their trigger with the
    actors as arguments. Offsets index the ``.txt`` exactly."""
    folder.mkdir(parents=True, exist_ok=True)
    entity_types, event_types = {"Figure"}, set[str]()
    with store.lock:
        documents = list(store.db.query("SELECT id, text FROM documents ORDER BY id"))
        for document in documents:
            text = document["text"]
            ann = _Annotation(text, entity_types)
            actor_mention = _brat_mentions(store, document["id"], ann)
            notes = _brat_figures(store, document["id"], ann)
            notes += _brat_events(store, document["id"], ann, actor_mention, event_types)
            for number_note, (target, note) in enumerate(notes, 1):
                ann.lines.append(f"#{number_note}\tAnnotatorNotes {target}\t{note}")
            stem = folder / f"doc{document['id']:06}"
            stem.with_suffix(".txt").write_text(text, encoding="utf-8")
            stem.with_suffix(".ann").write_text("\n".join(ann.lines) + "\n", encoding="utf-8")
    roles = ", ".join(f"{role}*:<ENTITY>" for role in ("Actor1", "Actor2", "Assoc", "Source"))
    conf = ["[entities]", *sorted(entity_types), "[relations]", "[events]",
            *[f"{kind}\t{roles}" for kind in sorted(event_types)], "[attributes]"]
    (folder / "annotation.conf").write_text("\n".join(conf) + "\n", encoding="utf-8")
    return len(documents)


def _brat_mentions(store: Store, document_id: int, ann: _Annotation) -> dict[int, str]:
    """Actor mentions as entities; returns each actor's first entity (events' arguments)."""
    text = ann.text
    mention_ids: dict[tuple[int, int], str] = {}
    actor_mention: dict[int, str] = {}
    for actor_id, kind, start, end in store.conn.execute(
        "SELECT m.actor_id, r.kind, m.start, m.\"end\" FROM mentions m JOIN actors r "
        "ON r.id = m.actor_id WHERE m.document_id = ? ORDER BY m.start", (document_id,),
    ):
        if (start, end) in mention_ids or not text[start:end].strip():
            continue
        tid = ann.entity(_label(kind), start, end)
        mention_ids[(start, end)] = tid
        actor_mention.setdefault(actor_id, tid)
    return actor_mention


def _brat_figures(store: Store, document_id: int, ann: _Annotation) -> list[tuple[str, str]]:
    """Figures as entities; returns their notes (value, qualifier, category)."""
    notes = []
    for figure in store.db.query(
        "SELECT * FROM figures WHERE document_id = ? AND status != 'rejected' "
        "ORDER BY start", (document_id,)
    ):
        if not ann.text[figure["start"]:figure["end"]].strip():
            continue
        tid = ann.entity("Figure", figure["start"], figure["end"])
        notes.append((tid, f"value={figure['value']} qualifier={figure['qualifier']} "
                           f"category={_one_line(figure['category'])}"))
    return notes


def _brat_events(store: Store, document_id: int, ann: _Annotation,
                 actor_mention: dict[int, str], event_types: set) -> list[tuple[str, str]]:
    """Events on their triggers with their actors as arguments; returns their date notes."""
    notes = []
    events = 0
    for event in store.db.query(
        "SELECT * FROM events WHERE document_id = ? AND status != 'rejected' "
        "ORDER BY start", (document_id,)
    ):
        if not ann.text[event["start"]:event["end"]].strip():
            continue
        kind = _label(event["type"])
        event_types.add(kind)
        trigger = ann.entity(kind, event["start"], event["end"], trigger=True)
        arguments = [f"{_label(role)}:{actor_mention[actor_id]}" for actor_id, role in
                     store.conn.execute("SELECT actor_id, role FROM event_actors "
                                        "WHERE event_id = ?", (event["id"],))
                     if actor_id in actor_mention]
        events += 1
        ann.lines.append(f"E{events}\t{kind}:{trigger} {' '.join(arguments)}".rstrip())
        if event["date_start"]:
            notes.append((f"E{events}", f"date={event['date_start']}"))
    return notes
