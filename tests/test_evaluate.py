"""The scorer on the hand-annotated articles and the ISAF releases, plus one small sentence
per rule the scores led to. Floors are the measured numbers, rounded down a little."""

from __future__ import annotations

import pytest

from extract import extract, infer_published
from extract.dates import resolve
from extract.evaluate import markdown, score_articles, score_isaf


@pytest.fixture(scope="module")
def articles():
    return score_articles()


def test_gold_is_spread_and_split(articles):
    assert articles["all"]["articles"] >= 20
    assert articles["dev"]["articles"] >= 10 and articles["heldout"]["articles"] >= 10


def test_figure_targets(articles):
    for split in ("dev", "heldout", "all"):
        f = articles[split]["figures"]
        assert f["precision"] >= 0.93 and f["recall"] >= 0.90, (split, f)


def test_actor_and_event_floors(articles):
    assert articles["all"]["actors"]["f1"] >= 0.78  # target 0.85: not met on held-out
    assert articles["dev"]["actors"]["f1"] >= 0.84
    assert articles["all"]["events"]["f1"] >= 0.40
    assert articles["all"]["event_date_exact"] >= 0.75  # target 0.90: not met


def test_isaf_subset():
    got = score_isaf(limit=60)
    assert got["event_date_exact"] >= 0.55
    assert got["province_found"] >= 0.8


def test_markdown_table_renders():
    fake = {"articles": {"all": {"articles": 1, "figures": {"precision": 1, "recall": 1,
                                                             "f1": 1},
                                 "actors": {"precision": 1, "recall": 1, "f1": 1},
                                 "events": {"precision": 1, "recall": 1, "f1": 1},
                                 "event_date_exact": None},
                         "seconds_per_article": 0.1},
            "articles_spacy_baseline": {},
            "isaf": {"releases": 0, "event_date_exact": None, "killed_explicit_n": 0,
                     "killed_explicit_found": None, "captured_explicit_n": 0,
                     "captured_explicit_found": None, "killed_any_found": None,
                     "captured_any_found": None, "province_found": None},
            "wikievents": {"extractor": {"precision": 1, "recall": 1, "f1": 1},
                           "spacy": {"precision": 1, "recall": 1, "f1": 1}},
            "seconds": 1}
    assert markdown(fake).startswith("| system | split |")


# --- rules ---------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase,pub,start", [
    ("early Tuesday morning", "2017-08-28", "2017-08-29"),  # filed from a time zone ahead
    ("Friday, July 15", "2016-07-14", "2016-07-15"),  # live blog: not 2015
    ("New Year's Eve", "2016-01-22", "2015-12-31"),
    ("on Monday", "2018-01-01", "2018-01-01"),
])
def test_date_rules(phrase, pub, start):
    assert resolve(phrase, pub).start == start


def test_dateline_without_year():
    text = "ISAF Joint Command 2010-09-CA-005\nKABUL, Afghanistan (Sept. 1) - A force detained two."
    assert infer_published(text) == "2010-09-01"


def _figs(text, pub="2016-07-15"):
    return {(f.value, f.category) for f in extract(text, pub).figures}


@pytest.mark.parametrize("text,expected", [
    ("Three Tunisians were among the 84 people killed in the attack.", (3, "deaths")),
    ("The attack left more than 70 people dead.", (70, "deaths")),
    ("Boko Haram caused the deaths of more than 20,000 people.", (20000, "deaths")),
    ("The group freed 82 schoolgirls who were kidnapped in 2014.", (82, "children")),
    ("Pyongyang fired four ballistic missiles on Monday.", (4, "weapons")),
    ("She assaulted a pair of soldiers outside her home.", (2, "troops")),
    ("Eight suspects are currently in detention.", (8, "detained")),
    ("The attacks killed dozens, including 59 foreign tourists.", (59, "deaths")),
])
def test_figure_rules(text, expected):
    assert expected in _figs(text)


def test_not_figures():
    assert not _figs("One woman reported being raped. The 32nd floor had 3 windows.")


def test_gallery_captions_and_credits_are_quiet():
    text = ("Photos: Shooting Dozens of people were killed on Sunday. Hide Caption 1 of 30\n"
            "Related Stories 'TERROR' US plotting to let 9,000 ISIS fighters escape\n"
            "Reuters In 2014 Boko Haram kidnapped hundreds of schoolgirls from a school\n")
    x = extract(text, "2017-10-02")
    assert not x.figures and not x.events


def test_demonym_government_is_the_state():
    x = extract("The deal was brokered by the Swiss government on Monday.", "2016-10-13")
    assert any(a.name == "Switzerland" and a.kind == "state" for a in x.actors)


def test_said_is_a_source_not_a_statement():
    x = extract("Police spokesman Tom Smith said the road was closed on Monday.", "2016-10-13")
    assert not [e for e in x.events if e.type == "statements_diplomacy"]
    y = extract("Prime Minister Shinzo Abe told reporters the launch was a grave threat.",
                "2017-08-29")
    assert [e for e in y.events if e.type == "statements_diplomacy"]
