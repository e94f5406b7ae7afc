"""Events coded as an ACLED coder would: one per happening, its place, actor1 and toll, and
the strict scorer that judges them. Each rule is shown on sentences written for it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from extract import extract
from extract.evaluate import actor1_ok, date_ok, location_ok, strict_ok
from extract.events import fatalities


def _events(text: str, pub: str):
    x = extract(text, pub)
    return x, x.events


def _roles(x, e) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in e.participants:
        out.setdefault(p.role, []).append(x.actors[p.actor].name)
    return out


# --- the strict scorer ----------------------------------------------------------------------

def _pred(**kw):
    base = {"type": "violence_against_civilians", "sub_type": "attack", "start": "2016-07-14",
            "end": "2016-07-14", "precision": "day", "location": "Nice", "country": "FRA",
            "actor1": [], "actor2": [], "fatalities": None}
    return {**base, **kw}


GOLD = {"type": "violence_against_civilians", "start": "2016-07-14", "end": "2016-07-14",
        "location": {"name": "Nice", "alt": ["Promenade des Anglais"], "country": "FRA"},
        "actor1": None}


@pytest.mark.parametrize("pred,ok", [
    (_pred(), True),
    (_pred(start="2016-07-15", end="2016-07-15", precision="week"), True),  # week up to it
    (_pred(start="2016-07-15", end="2016-07-15"), False),  # the day of the report
    (_pred(start="2016-07-01", end="2016-07-31", precision="month"), False),  # too vague
])
def test_date_within_its_precision(pred, ok):
    assert date_ok(pred, GOLD) is ok


@pytest.mark.parametrize("pred,ok", [
    (_pred(location="Promenade des Anglais"), True),
    (_pred(location="Paris"), False),  # the dateline, not the place
    (_pred(location=None), False),
    (_pred(location="Nice", country="USA"), False),
])
def test_place_by_name_or_variant_and_country(pred, ok):
    assert location_ok(pred, GOLD) is ok


def test_actor1_none_means_none_and_names_match_loosely():
    assert actor1_ok(_pred(), GOLD)
    assert not actor1_ok(_pred(actor1=[("French police", [])]), GOLD)
    gold = {**GOLD, "actor1": ["United Nations", "Stephane Dujarric"]}
    assert actor1_ok(_pred(actor1=[("Dujarric", [])]), gold)  # a surname alone
    assert not strict_ok(_pred(type="battles"), GOLD)


# --- fatalities -----------------------------------------------------------------------------

def _fig(value, part_of=None, qualifier="exact", adds_to=None):
    return SimpleNamespace(value=value, category="deaths", part_of=part_of, qualifier=qualifier,
                           adds_to=adds_to)


@pytest.mark.parametrize("figs,low,best,high", [
    ([_fig(32), _fig(20, part_of=0)], 32, 32, 32),  # 20 children among the 32
    ([_fig(6), _fig(2)], 6, 6, 6),  # "two attackers shot dead" beside "six killed"
    ([_fig(70, qualifier="at_least"), _fig(73)], 70, 70, 73),  # two reports of one toll
    # "three soldiers and five militants", "two police, a soldier and a civilian": one count
    ([_fig(3), _fig(5, adds_to=0)], 8, 8, 8),
    ([_fig(2), _fig(1, adds_to=0), _fig(1, adds_to=0)], 4, 4, 4),
    ([_fig(3), _fig(5, adds_to=0), _fig(9)], 8, 8, 9),  # "eight" and a later "nine dead"
])
def test_toll_of_comparable_reports(figs, low, best, high):
    got = fatalities(figs, list(range(len(figs))))
    assert (got.low, got.best, got.high) == (low, best, high)


def test_toll_from_text():
    _x, events = _events("A gunman killed 32 civilians in Kabul on Monday, among them 20 "
                        "children.", "2016-11-10")
    assert [e.fatalities.best for e in events if e.fatalities] == [32]


# --- places ---------------------------------------------------------------------------------

def test_hyphenated_place_is_kept_whole():
    _x, events = _events("The Taliban attacked the German consulate in Mazar-i-Sharif late on "
                        "Thursday, killing six people.", "2016-11-11")
    assert [(e.location, e.country) for e in events] == [("Mazar-e Sharif", "AFG")]


def test_a_persons_surname_is_never_a_place():
    x, _ = _events("Nigerian President Muhammadu Buhari spoke on Thursday. Buhari welcomed the "
                   "release of the girls.", "2016-10-13")
    assert "Buhari" not in {loc.name for loc in x.locations}


@pytest.mark.parametrize("text", [
    "PARIS - A truck rammed into a crowd in Nice on Thursday, killing dozens.",  # dateline
    "A truck rammed into a crowd in Nice on Thursday. Two children from Algeria died in the "
    "attack, said Algeria's foreign ministry.",  # the victims' origin, the speaker's country
])
def test_where_it_happened_not_where_filed_or_who_told(text):
    _x, events = _events(text, "2016-07-15")
    assert [e.location for e in events] == ["Nice"]


# --- one event per happening, actors in their roles -------------------------------------------

def test_response_to_an_attack_is_the_same_happening_and_not_its_actor1():
    x, events = _events("A truck rammed into a crowd in Nice on Thursday, killing 84 people. "
                        "The driver was shot dead by the police.", "2016-07-15")
    assert len(events) == 1
    assert "actor1" not in _roles(x, events[0])


def test_flight_during_an_attack_is_part_of_it():
    _x, events = _events("A truck plowed into a crowd in Nice on Thursday, killing 84 people. "
                        "As the truck zigzagged, concertgoers began to flee.", "2016-07-15")
    assert [e.type for e in events] == ["violence_against_civilians"]


def test_a_claim_of_responsibility_makes_a_source_not_a_perpetrator():
    x, events = _events("A gunman killed 50 people in Las Vegas on Sunday. The Islamic State "
                        "claimed responsibility for the attack.", "2017-10-02")
    violent = [e for e in events if e.type == "violence_against_civilians"]
    assert len(violent) == 1
    assert "Islamic State" not in _roles(x, violent[0]).get("actor1", [])


def test_the_day_of_a_report_does_not_date_what_it_reports():
    _x, events = _events("A truck rammed into crowd in Nice, killing dozens, local media "
                        "reported early Friday.", "2016-07-15")
    assert [e.date.precision for e in events] == ["week"]  # undated: the week up to it


@pytest.mark.parametrize("text", [
    "Schoolgirls abducted by Boko Haram in 2014 met the president on Thursday.",  # participle
    "Her arrest angered the villagers, the family said on Monday.",  # a possessed noun
    "The girl was upset because her cousin had been shot with a rubber bullet.",  # background
])
def test_happenings_told_in_passing_are_not_events(text):
    _x, events = _events(text, "2018-01-01")
    assert not [e for e in events if e.type != "statements_diplomacy"], text


def test_plain_report_is_not_a_statement_but_a_position_is():
    _, plain = _events("Two US officials told Reuters the gunman had no link to any group.",
                       "2017-10-03")
    assert not [e for e in plain if e.type == "statements_diplomacy"]
    _, stand = _events("Japan's government condemned the launch on Tuesday.", "2017-08-29")
    assert [e for e in stand if e.type == "statements_diplomacy"]


def test_every_sentence_of_a_merged_event_is_kept():
    text = ("A truck rammed into a crowd in Nice on Thursday. The driver was shot dead by the "
            "police.")
    _, events = _events(text, "2016-07-15")
    assert len(events[0].sentences) == 2
    assert all(text[a:b].strip() for a, b in events[0].sentences)
