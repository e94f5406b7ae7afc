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
    assert articles["all"]["articles"] >= 50
    assert articles["dev"]["articles"] >= 22 and articles["heldout"]["articles"] >= 28


def test_figure_targets(articles):
    for split in ("dev", "heldout", "all"):
        f = articles[split]["figures"]
        assert f["precision"] >= 0.93 and f["recall"] >= 0.90, (split, f)


def test_actor_and_event_floors(articles):
    assert articles["all"]["actors"]["f1"] >= 0.93  # target 0.85
    assert articles["dev"]["actors"]["f1"] >= 0.95
    assert articles["heldout"]["actors"]["f1"] >= 0.91
    # type + date within its precision (the gold grew 11 held-out articles, events only,
    # then 5 dev and 5 held-out more, whose dates are often a week or a month wide, then 3
    # dev reports from Asia filed in US time, whose undated reactions span two days)
    assert articles["all"]["events"]["f1"] >= 0.91  # 0.77 at extractor 0.13, 0.916 at 0.20
    assert articles["dev"]["events"]["f1"] >= 0.91  # 0.90 at 0.17, 0.92 at 0.18
    assert articles["heldout"]["events"]["f1"] >= 0.90  # 0.855 at 0.19, 0.908 at 0.20
    assert articles["heldout"]["events"]["precision"] >= 0.85  # target; 0.908 at 0.20
    assert articles["dev"]["event_date_exact"] >= 0.75  # 0.73 at 0.16, 0.77 at 0.17


def test_strict_event_floors(articles):
    """Type, date, place and actor1 all right: what an ACLED coder signs. The held-out
    floors are issue 13's targets (P >= 0.80, R >= 0.75), which extractor 0.20 meets."""
    assert articles["dev"]["events_strict"]["f1"] >= 0.91  # 0.90 at 0.17, 0.92 at 0.18
    assert articles["heldout"]["events_strict"]["f1"] >= 0.80  # 0.730 at 0.19, 0.803 at 0.20
    assert articles["heldout"]["events_strict"]["precision"] >= 0.80  # 0.699 at 0.19, 0.803
    assert articles["heldout"]["events_strict"]["recall"] >= 0.75  # 0.763 at 0.19, 0.803
    assert articles["all"]["events_strict"]["f1"] >= 0.86  # 0.82 at 0.19, 0.862 at 0.20
    assert articles["all"]["fatalities_exact"] >= 0.85  # 0.75 before tolls told apart
    assert articles["all"]["event_sub_type"] >= 0.81  # 0.85 before the 10 new articles


def test_isaf_subset():
    got = score_isaf(limit=60)
    assert got["event_date_exact"] >= 0.76  # 0.78 on these 60 at 0.16
    assert got["province_found"] >= 0.8
    assert got["killed_explicit_found"] >= 0.95 and got["captured_explicit_found"] >= 0.85


def test_markdown_table_renders():
    fake = {"articles": {"all": {"articles": 1, "figures": {"precision": 1, "recall": 1,
                                                             "f1": 1},
                                 "actors": {"precision": 1, "recall": 1, "f1": 1},
                                 "events": {"precision": 1, "recall": 1, "f1": 1},
                                 "events_strict": {"precision": 1, "recall": 1, "f1": 1},
                                 "event_date_exact": None, "fatalities_n": 0},
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
            "Reuters In 2014 Boko Haram kidnapped hundreds of schoolgirls from a school\n"
            "Barcroft Media Harrowing images show bodies piled up at the scene of the attack\n"
            "JUST WATCHED Rebels shelled the port on Monday Replay More Videos ... "
            "MUST WATCH Rebels shelled the port on Monday 02:05\n")
    x = extract(text, "2017-10-02")
    assert not x.figures and not x.events


def test_an_article_on_one_line_with_its_wires_credit_is_no_caption():
    """WikiEvents' DW report of the Lyon blast: a scrape with no line breaks ends in "(AFP,
    Reuters)"; a caption is short, this is the whole article. Its toll of the Paris attacks,
    told as background, is not the blast's."""
    text = ("Police in the city of Lyon were searching for a man believed to be responsible "
            "for a Friday blast which injured several people. " + "Police have urged people "
            "to avoid the area. " * 20 + "France has been on high alert since the Islamic "
            "State group launched a series of attacks across Paris, killing 130 people. "
            "ls,dj/jm (AFP, Reuters)")
    x = extract(text, "2019-05-25")
    assert [(e.type, e.location, e.date.start, e.fatalities) for e in x.events] == [
        ("explosions_remote_violence", "Lyon", "2019-05-24", None)]


def test_demonym_government_is_the_state():
    x = extract("The deal was brokered by the Swiss government on Monday.", "2016-10-13")
    assert any(a.name == "Switzerland" and a.kind == "state" for a in x.actors)


def test_said_is_a_source_not_a_statement():
    x = extract("Police spokesman Tom Smith said the road was closed on Monday.", "2016-10-13")
    assert not [e for e in x.events if e.type == "statements_diplomacy"]
    y = extract("Prime Minister Shinzo Abe told reporters the launch was a grave threat.",
                "2017-08-29")
    assert [e for e in y.events if e.type == "statements_diplomacy"]


# --- rules added for the ISAF releases and actor precision ------------------------------------

def test_dateline_date_anchors_but_dates_nothing():
    text = ("ISAF Joint Command Update, Jan. 5, 2011\u2028KABUL, Afghanistan (Jan. 4) \u2013 "
            "Coalition forces killed two insurgents in Helmand province last night.")
    x = extract(text)
    assert x.published == "2011-01-04"  # the dateline's date, not the headline's
    assert [e.date.start for e in x.events] == ["2011-01-03"]  # TIME "last night"


def test_title_date_with_release_number():
    text = "July 4: Afghan-ISAF Operations\nISAF Joint Command 2010-07-CA-015\nA force " \
           "detained a suspected insurgent in Zabul Province yesterday."
    assert infer_published(text) == "2010-07-04"


def test_undated_event_takes_its_scene_date():
    text = ("KABUL, Afghanistan (Feb. 14, 2011) - A patrol targeted a facilitator in Helmand "
            "province yesterday.\n\nSeveral insurgents were killed during the operation.")
    x = extract(text)
    assert {e.date.start for e in x.events} == {"2011-02-13"}


def test_attribution_is_not_an_event():
    x = extract("The leader is responsible for IED attacks against Afghan forces.", "2011-03-24")
    assert not x.events


@pytest.mark.parametrize("text,expected", [
    ("A coalition force killed a Taliban leader in Ghazni province.", (1, "deaths")),
    ("An individual was detained for further questioning.", (1, "detained")),
    ("Both men were detained for further questioning.", (2, "detained")),
    ("Security forces took the two occupants of the vehicle into custody.", (2, "detained")),
    ("The force killed two Taliban leaders during the operation.", (2, "deaths")),
])
def test_casualty_counts(text, expected):
    assert expected in _figs(text)


def test_aim_and_single_victim_are_not_counts():
    assert not _figs("Forces conducted an operation to detain a Taliban commander.")
    assert not _figs("A 70-year-old woman was also killed, the ministry said.")


def test_places_are_not_actors():
    text = ("RAMALLAH, West Bank (AP) - An Israeli military court on Monday indicted a girl from "
            "the village of Nebi Saleh. Nebi Saleh residents protested.")
    x = extract(text, "2018-01-01")
    names = {a.name: a.kind for a in x.actors}
    assert "West Bank" not in names and "Nebi Saleh" not in names and "AP" not in names
    assert names.get("Israeli military court") == "organisation"


def test_police_of_the_story_country():
    text = ("A truck plowed into a crowd in Nice, France, on Thursday. Officials in Nice said "
            "the police are still looking for a second man.")
    x = extract(text, "2016-07-15")
    assert any(a.kind == "state_forces" and a.country == "FRA" for a in x.actors)


def test_gallery_title_is_not_read_into_names():
    line = "Photos: Mass shooting at Las Vegas music festival {} Hide Caption {} of 3\n"
    text = "".join(line.format(c, i) for i, c in enumerate(
        ["Debris is scattered on the ground.", "Broken windows of the hotel are seen.",
         "People cross a street near the Strip."], 1))
    assert not extract(text, "2017-10-02").actors


def test_undated_reaction_not_before_a_launch_filed_from_behind():
    text = ("North Korea conducted a missile launch over Japan early Tuesday morning.\n"
            "Japan's government condemned the launch.")
    x = extract(text, "2017-08-28")  # Monday in New York, Tuesday in Tokyo
    assert {e.date.start for e in x.events} == {"2017-08-29"}


def test_reporters_and_glosses_are_not_actors():
    text = ("NPR's Berlin correspondent, Soraya Nelson, joined us. Boko Haram - which means "
            "\"Western Education is Forbidden\" - attacked a village in Borno state on Monday.")
    names = {a.name for a in extract(text, "2016-10-13").actors}
    assert "Boko Haram" in names
    assert not names & {"Soraya Nelson", "Western Education", "Forbidden"}


def test_a_line_closed_inside_single_quotes_is_a_sentence_not_a_heading():
    from extract.document import layout

    said = "Trump told the troops at the base: 'We dominate the sky.'"
    headline = "Trump tells troops: 'we dominate the sky'"
    assert layout(said + "\n")[0] == []
    assert layout(headline + "\n")[0] == [(0, len(headline))]
