"""Sentence-level rules: numbers, qualifiers, dates."""

from __future__ import annotations

import pytest

from extract import extract
from extract.dates import resolve
from extract.figures import parse_number


@pytest.mark.parametrize(
    "text,expected",
    [
        ("almost 350", (350, "approx", None, None)),
        ("more than 1,000", (1000, "at_least", None, None)),
        ("up to 30", (30, "at_most", None, None)),
        ("between 10 and 20", (10, "range", 10, 20)),
        ("hundreds", (100, "at_least", None, None)),
        ("thousands", (1000, "at_least", None, None)),
        ("dozens", (12, "at_least", None, None)),
        ("several", (3, "at_least", None, None)),
        ("a dozen", (12, "approx", None, None)),
        ("twenty-one", (21, "exact", None, None)),
        ("1.5 million", (1_500_000, "exact", None, None)),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "phrase,start,end,precision",
    [
        ("Wednesday (July 14)", "2021-07-14", "2021-07-14", "day"),
        ("on Wednesday", "2021-07-14", "2021-07-14", "day"),
        ("Monday", "2021-07-12", "2021-07-12", "day"),
        ("earlier this month", "2021-07-01", "2021-07-14", "month"),
        ("the last two days", "2021-07-13", "2021-07-14", "week"),
        ("yesterday", "2021-07-13", "2021-07-13", "day"),
    ],
)
def test_dates(phrase, start, end, precision):
    ref = resolve(phrase, "2021-07-14")
    assert (ref.start, ref.end, ref.precision) == (start, end, precision)


def test_recent_weeks_is_a_month_range():
    ref = resolve("recent weeks", "2021-07-14")
    assert ref.start < ref.end == "2021-07-14" and ref.precision == "month"


def _figs(text):
    x = extract(text, "2016-07-15")
    return [(f.value, f.qualifier, f.category) for f in x.figures]


def test_casualties_and_ages():
    figs = _figs("A 31-year-old man drove a truck into a crowd on Thursday, killing 84 people "
                 "and injuring at least 200 others.\n\nPolice arrested five suspects in 2016.")
    assert (84, "exact", "deaths") in figs
    assert (5, "exact", "detained") in figs
    assert not [f for f in figs if f[0] in (31, 2016)]


def test_range_and_vague():
    figs = _figs("Between 10 and 20 civilians were wounded. Hundreds of families fled.")
    assert (10, "range", "injured") in figs
    assert (100, "at_least", "households") in figs


def test_spans_and_noise():
    text = ("Gunmen killed 12 villagers in Borno state on Monday, police said.\n\n"
            "1/16\n\nCall 0800 123 4567 for help.\n\nClick here to subscribe.")
    x = extract(text, "2016-07-15")
    assert [(f.value, f.category) for f in x.figures] == [(12, "deaths")]
    for f in x.figures:
        assert text[f.span.start:f.span.end] == f.span.text
    assert x.events and x.events[0].type == "violence_against_civilians"
    assert x.events[0].date.start == "2016-07-11"
