"""The extractor on the seed article (AFP, Tajikistan/Afghanistan, 14 July 2021)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import EXTRACTOR_VERSION, extract, infer_published
from extract.aliases import acronym, normalise, same_actor
from extract.model import ACTOR_KINDS, DATE_PRECISIONS, EVENT_TYPES, QUALIFIERS

SEED = Path(__file__).parents[1] / "seeds" / "000_90aa16cc434267d0.txt"


@pytest.fixture(scope="module")
def text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def x(text):
    return extract(text)


def _fig(x, value, counted):
    hits = [f for f in x.figures if f.value == value and f.counted.endswith(counted)]
    assert hits, f"no figure {value} {counted}: {[(f.value, f.counted) for f in x.figures]}"
    return hits[0]


def _actor(x, name):
    hits = [a for a in x.actors if a.name == name]
    assert hits, f"no actor {name}: {[a.name for a in x.actors]}"
    return hits[0]


def test_version_and_anchor(x, text):
    assert EXTRACTOR_VERSION
    assert infer_published(text) == "2021-07-14"
    assert x.published == "2021-07-14"
    assert extract("Nothing dated here.").published is None


@pytest.mark.parametrize(
    "value,counted,qualifier,category",
    [
        (350, "refugees", "approx", "refugees"),
        (177, "minors", "exact", "children"),
        (64, "boys", "approx", "children"),
        (113, "girls", "exact", "children"),
        (2, "babies", "exact", "deaths"),
        (1000, "government troops", "at_least", "troops"),
        (1000, "troops", "approx", "troops"),
        (5500, "troops", "approx", "troops"),
    ],
)
def test_figures(x, value, counted, qualifier, category):
    hits = [f for f in x.figures if f.value == value and f.counted == counted
            and f.qualifier == qualifier]
    assert hits, [(f.value, f.counted, f.qualifier) for f in x.figures]
    assert hits[0].category == category


def test_breakdown(x):
    minors = x.figures.index(_fig(x, 177, "minors"))
    assert _fig(x, 64, "boys").part_of == minors
    assert _fig(x, 113, "girls").part_of == minors


def test_no_spurious_figures(x):
    values = {f.value for f in x.figures}
    for bad in (2021, 14, 2005, 2012, 2042, 201, 1, 16):
        assert bad not in values
    assert not [f for f in x.figures if "one of" in f.span.text]
    assert len(x.figures) <= 10
    for f in x.figures:
        assert f.qualifier in QUALIFIERS


def test_actors(x):
    assert _actor(x, "Tajikistan").kind == "state"
    assert _actor(x, "Russia").kind == "state"
    taleban = _actor(x, "Taleban")
    assert taleban.kind == "rebel_group" and "Taliban" in taleban.aliases
    sco = _actor(x, "Shanghai Cooperation Organisation")
    assert sco.kind == "organisation" and "SCO" in sco.aliases
    csto = _actor(x, "Collective Security Treaty Organisation")
    assert "CSTO" in csto.aliases
    assert _actor(x, "Interfax").kind == "media"
    assert _actor(x, "RIA Novosti").kind == "media"
    assert _actor(x, "Zamir Kabulov").kind == "person"
    russia = _actor(x, "Russia")
    assert "Moscow" in russia.aliases and "Kremlin" in russia.aliases
    guards = [a for a in x.actors if a.kind == "state_forces" and a.country == "TJK"]
    assert guards and any("guards" in a.name for a in guards)
    assert any(a.country == "RUS" and "ministry" in a.name.lower() for a in x.actors)
    for a in x.actors:
        assert a.kind in ACTOR_KINDS
        assert a.name not in {"Dushanbe", "Kandahar", "Badakhshan", "ST", "Telegram", "201st",
                              "Border", "Shir Khan Bandar", "Central Asia", "Afghanistan"}
    names = [normalise(a.name) for a in x.actors]
    assert len(names) == len(set(names)), "each actor once"


def test_locations(x):
    locs = {loc.name: loc for loc in x.locations}
    assert locs["Dushanbe"].kind == "city" and locs["Dushanbe"].country == "TJK"
    assert locs["Kandahar"].country == "AFG"
    assert locs["Badakhshan"].kind == "admin1"
    assert locs["Afghanistan"].kind == "country"
    assert "Central Asia" in locs and "Shir Khan Bandar" in locs
    assert "201st" not in locs


def _event(x, type_, trigger):
    hits = [e for e in x.events if e.type == type_ and e.trigger == trigger]
    assert hits, [(e.type, e.trigger) for e in x.events]
    return hits[0]


def test_events(x):
    for e in x.events:
        assert e.type in EVENT_TYPES
        assert e.date is None or e.date.precision in DATE_PRECISIONS
    crossing = _event(x, "population_movement", "crossed")
    # "Tajikistan said on Wednesday (July 14)" dates the report; the refugees "arrived over
    # the last two days"
    assert (crossing.date.start, crossing.date.end, crossing.date.precision) == (
        "2021-07-13", "2021-07-14", "week")
    assert crossing.country == "TJK"
    roles = {(x.actors[p.actor].name, p.role) for p in crossing.participants}
    assert ("Tajikistan", "source") in roles
    assert any(x.figures[i].value == 350 for i in crossing.figures)
    # one event per happening: the border guards' follow-up joins the crossing
    assert len([e for e in x.events if e.type == "population_movement"]) == 2
    fled = _event(x, "population_movement", "fled")
    assert (fled.date.start, fled.date.end, fled.date.precision) == (
        "2021-07-01", "2021-07-14", "month")
    seized = _event(x, "strategic_developments", "seized")
    assert seized.sub_type == "non-violent transfer of territory"
    assert x.actors[seized.participants[0].actor].name == "Taleban"
    drills = _event(x, "strategic_developments", "drills")
    assert drills.date.start == "2021-07-14" and drills.location == "Dushanbe"
    assert len([e for e in x.events if e.trigger in ("drills", "exercises")]) == 1
    met = _event(x, "statements_diplomacy", "met")
    assert met.date.start == "2021-07-14" and met.location == "Dushanbe"
    assert met.country == "TJK"
    told = _event(x, "statements_diplomacy", "told")
    assert x.actors[told.participants[0].actor].name == "Zamir Kabulov"
    confirmed = _event(x, "statements_diplomacy", "confirmed")
    assert x.actors[confirmed.participants[0].actor].name == "Taleban"
    assert not [e for e in x.events if e.type in ("battles", "explosions_remote_violence")]


def test_spans_slice_text(x, text):
    spans = [f.span for f in x.figures] + [e.span for e in x.events]
    spans += [m.span for a in x.actors for m in a.mentions]
    spans += [m.span for loc in x.locations for m in loc.mentions]
    assert spans
    for s in spans:
        assert text[s.start:s.end] == s.text
        assert s.sent_start <= s.start <= s.end <= s.sent_end
        assert text[s.sent_start:s.sent_end].strip()


def test_noise_yields_nothing(x, text):
    footer = text.index("Join ST")
    caption = (text.index("An Afghan security"), text.index("PHOTO: AFP") + 10)
    for f in x.figures:
        assert f.span.start < footer and not caption[0] <= f.span.start < caption[1]
    for e in x.events:
        assert e.span.start < footer and not caption[0] <= e.span.start < caption[1]
    for a in x.actors:
        assert all(m.span.start < footer for m in a.mentions)


def test_aliases():
    assert same_actor("Taliban", [], "Taleban", [])
    assert same_actor("Shanghai Cooperation Organisation", [], "SCO", [])
    assert same_actor("Islamic State", [], "Daesh", [])
    assert not same_actor("Russia", [], "Russian news agency Interfax", [])
    assert not same_actor("Tajikistan", [], "Afghanistan", [])
    assert not same_actor("Austria", [], "Australia", [])
    assert not same_actor("North Korea", [], "South Korea", [])
    assert not same_actor("Niger", [], "Nigeria", [])
    # a state's forces by their state and what they are: one actor, the police another
    assert same_actor("Israeli troops", [], "Israeli army", [])
    assert same_actor("U.S. forces", [], "American soldiers", [])
    assert not same_actor("Israeli troops", [], "Israeli police", [])
    assert not same_actor("Israeli troops", [], "Egyptian troops", [])
    assert not same_actor("Israeli border police", [], "Israeli police", [])
    assert normalise("The Kremlin's") == "kremlin"
    assert acronym("Shanghai Cooperation Organisation") == "SCO"
