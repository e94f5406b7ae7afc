"""The store on a real SQLite file: ingest, cross-document actors, edits, undo, export."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

import extract
from store import InvalidValue, Store
from store.export import export
from store.ingest import Article, ingest_article, ingest_paths

TALIBAN_ARTICLE = (
    "Taliban fighters captured the district centre of Kalafgan on Friday, local officials "
    "said. The Taliban said they would not attack border posts."
)


def test_ingest_is_idempotent(seed_db, seed_text, tmp_path):
    with Store(seed_db) as store:
        counts = {kind: store.records.count(kind) for kind in ("event", "actor", "figure")}
        again = ingest_paths(store, [tmp_path.parent / "nothing-here"])
        assert again[0].reason == "no such file or folder"
        copy = tmp_path / "copy.txt"
        copy.write_text(seed_text, encoding="utf-8")
        first, second = ingest_paths(store, [copy, copy])
        assert not first.new and not second.new
        assert store.documents.count() == 1
        assert {kind: store.records.count(kind) for kind in counts} == counts


def test_later_taliban_article_lands_on_seed_taleban(seed_db):
    with Store(seed_db) as store:
        taleban = [a for a in store.records.page("actor", 0, 500) if a["name"] == "Taleban"]
        assert len(taleban) == 1
        added = ingest_article(store, Article(TALIBAN_ARTICLE, "Kalafgan", "test"))
        assert added.new
        names = [a["name"] for a in store.records.page("actor", 0, 500)]
        assert names.count("Taleban") == 1
        assert "Taliban" not in names
        record = store.records.get("actor", taleban[0]["id"])
        assert "Taliban" in record.aliases
        assert {m.document_id for m in record.mentions} == {1, added.document_id}


def test_search_absorbs_typos(seed_db):
    with Store(seed_db) as store:
        hits = store.index.search("Talibn")
        assert hits and hits[0].kind == "actor" and hits[0].label == "Taleban"
        assert any(h.kind == "figure" and "refugees" in h.label
                   for h in store.index.search("refugee"))
        assert store.index.search("Shanghai Cooperation")[0].label.startswith("Shanghai")


@pytest.mark.parametrize(
    "query", ['"', "*", "NEAR", "'; DROP TABLE events; --", 'a" OR "b', "(", "^", "-", ""]
)
def test_search_syntax_is_plain_text(seed_db, query):
    with Store(seed_db) as store:
        store.index.search(query)
        assert store.records.count("event") > 0


def test_edits_are_logged_undone_redone_and_kept(seed_db):
    with Store(seed_db) as store:
        figure = store.records.page("figure")[0]
        edit = store.edits.set_field("figure", figure["id"], "value", "1,234")
        assert (edit.old, edit.new) == (figure["value"], 1234)
        store.edits.set_field("figure", figure["id"], "note", "checked against UNHCR")
        with pytest.raises(InvalidValue, match="negative"):
            store.edits.set_field("figure", figure["id"], "value", "-3")
        with pytest.raises(InvalidValue, match="not a date"):
            store.edits.set_field("event", store.records.page("event")[0]["id"], "date_start",
                                  "last Tuesday")
        assert store.edits.set_field("figure", figure["id"], "value", 1234) is None  # no change
    with Store(seed_db) as store:  # a relaunch
        record = store.records.get("figure", figure["id"])
        assert (record.value, record.note) == (1234, "checked against UNHCR")
        assert [e.field for e in store.history.of("figure", figure["id"])] == ["value", "note"]
        assert store.history.undo().edits[0].field == "note"
        assert store.history.undo().edits[0].field == "value"
        assert store.records.get("figure", figure["id"]).value == figure["value"]
    with Store(seed_db) as store:  # undo and redo survive a relaunch too
        assert store.history.redo().edits[0].field == "value"
        assert store.records.get("figure", figure["id"]).value == 1234
        store.edits.set_field("figure", figure["id"], "status", "confirmed")
        assert store.history.redo() is None  # a new edit ends the redo chain
        history = store.history.of("figure", figure["id"])
        assert [(e.field, e.undone) for e in history] == [
            ("value", 0), ("note", 2), ("status", 0)
        ]


def test_edit_history_is_plain_sqlite(seed_db):
    with Store(seed_db) as store:
        store.edits.set_field("actor", 1, "note", "seen")
    rows = sqlite3.connect(seed_db).execute(
        "SELECT kind, record_id, field, old, new, undone FROM edits"
    ).fetchall()
    assert rows == [("actor", 1, "note", '""', '"seen"', 0)]


def test_edited_note_is_searchable(seed_db):
    with Store(seed_db) as store:
        store.edits.set_field("figure", 1, "note", "verify with OCHA flash update")
        assert ("figure", 1) in [(h.kind, h.record_id) for h in store.index.search("flash update")]


def test_json_export_carries_annotation_and_provenance(seed_db):
    with Store(seed_db) as store:
        store.edits.set_field("event", 1, "note", "lead event")
        out = io.StringIO()
        export(store, out, "json")
    data = json.loads(out.getvalue())
    assert set(data) == {"documents", "events", "actors", "figures", "crises"}
    text = data["documents"][0]["text"]
    for kind in ("events", "figures"):
        assert data[kind]
        for record in data[kind]:
            for key in ("id", "note", "status", "tags", "document", "start", "end", "sentence"):
                assert key in record
            assert record["sentence"] in text
            assert text[record["start"] : record["end"]] in record["sentence"]
    for actor in data["actors"]:
        assert {"id", "note", "status", "tags", "aliases"} <= set(actor)
    assert data["events"][0]["note"] == "lead event"


def test_csv_and_jsonl_exports(seed_db):
    import csv

    with Store(seed_db) as store:
        out = io.StringIO()
        export(store, out, "csv", "figures")
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert len(rows) == store.records.count("figure")
        assert {"value", "qualifier", "category", "document", "start", "end"} <= set(rows[0])
        out = io.StringIO()
        export(store, out, "jsonl")
        lines = [json.loads(line) for line in out.getvalue().splitlines()]
        assert {line["record"] for line in lines} == {"document", "event", "actor", "figure"}
        with pytest.raises(ValueError, match="--what"):
            export(store, io.StringIO(), "csv")


def test_store_rejects_newer_schema(tmp_path):
    from store import StoreError

    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(StoreError, match="upgrade tracker"):
        Store(path)


def test_not_a_store(tmp_path):
    from store import StoreError

    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a tracker store"):
        Store(path)


def test_extractor_version_is_recorded(seed_db):
    with Store(seed_db) as store:
        assert store.documents.get(1).extractor_version == extract.EXTRACTOR_VERSION


def _actor_id(store: Store, name: str) -> int:
    return next(a["id"] for a in store.records.page("actor", 0, 500) if a["name"] == name)


def test_merge_keeps_every_alias_and_link_and_undoes(seed_db):
    with Store(seed_db) as store:
        ingest_article(store, Article(TALIBAN_ARTICLE, "Kalafgan", "test"))
        russia, kabulov = _actor_id(store, "Russia"), _actor_id(store, "Zamir Kabulov")
        before_russia = store.records.get("actor", russia)
        before_kabulov = store.records.get("actor", kabulov)
        store.edits.merge_actors(kabulov, russia)
        merged = store.records.get("actor", russia)
        assert set(before_russia.aliases) | set(before_kabulov.aliases) == set(
            merged.aliases
        )
        assert len(merged.mentions) == len(before_russia.mentions) + len(
            before_kabulov.mentions
        )
        assert {e.id for e in before_kabulov.events} <= {e.id for e in merged.events}
        assert store.records.get("actor", kabulov).status == "merged"
        assert kabulov not in [a["id"] for a in store.records.page("actor", 0, 500)]
        assert all(h.record_id != kabulov for h in store.index.search("Kabulov", kinds=("actor",)))
    with Store(seed_db) as store:  # undo after a relaunch
        step = store.history.undo()
        assert step.action == "merge"
        assert store.records.get("actor", kabulov).aliases == before_kabulov.aliases
        assert len(store.records.get("actor", kabulov).mentions) == len(
            before_kabulov.mentions)
        assert store.records.get("actor", russia).aliases == before_russia.aliases
        assert store.records.get("actor", kabulov).status == "unreviewed"
        assert store.index.search("Kabulov")[0].record_id == kabulov
        assert store.history.redo().action == "merge"
        assert store.records.get("actor", kabulov).status == "merged"


def test_split_alias_back_out(seed_db):
    with Store(seed_db) as store:
        ingest_article(store, Article(TALIBAN_ARTICLE, "Kalafgan", "test"))
        taleban = _actor_id(store, "Taleban")
        new_id = store.edits.split_alias(taleban, "Taliban")
        split = store.records.get("actor", new_id)
        assert split.name == "Taliban" and split.kind == "rebel_group"
        assert {m.span for m in split.mentions} == {"Taliban"}
        assert "Taliban" not in store.records.get("actor", taleban).aliases
        assert all(m.span != "Taliban" for m in store.records.get("actor", taleban).mentions)
        with pytest.raises(InvalidValue):
            store.edits.split_alias(taleban, "Taleban")
        store.history.undo()
        assert store.records.get("actor", new_id) is None
        assert "Taliban" in store.records.get("actor", taleban).aliases


def test_add_a_missed_figure_from_a_sentence(seed_db, seed_text):
    with Store(seed_db) as store:
        start = seed_text.index("three separate installations")
        end = start + len("three separate installations")
        figure_id = store.edits.add_record("figure", 1, start, end, {
            "value": "3", "qualifier": "exact", "category": "installations",
            "counted": "installations",
        })
        record = store.records.get("figure", figure_id)
        assert record.text == "three separate installations"
        assert record.sentence.startswith("Set up in 2005")
        assert record.origin == "human" and record.status == "confirmed"
        with pytest.raises(InvalidValue):
            store.edits.add_record("figure", 1, start, end, {"value": "-1", "qualifier": "exact",
                                                       "category": "x", "counted": "x"})
        sentences = store.documents.sentences(1)
        assert any(seed_text[s:e].startswith("Set up in 2005") for s, e in sentences)
        assert store.history.undo().action == "add"
        assert store.records.get("figure", figure_id) is None


def test_reextract_never_overwrites_human_decisions(seed_db):
    from store.ingest import reextract

    with Store(seed_db) as store:
        figures = store.records.page("figure", 0, 100)
        edited, noted, untouched = figures[0]["id"], figures[1]["id"], figures[2]["id"]
        store.edits.set_field("figure", edited, "value", 999)
        store.edits.set_field("figure", noted, "note", "keep me")
        store.edits.set_field("event", 1, "status", "rejected")
        taleban, russia = _actor_id(store, "Taleban"), _actor_id(store, "Russia")
        store.edits.merge_actors(taleban, russia)
        before = {kind: store.records.count(kind) for kind in ("figure", "event")}
        store.conn.execute("UPDATE figures SET value = 1 WHERE id = ?", (untouched,))
        done = reextract(store, everything=True)
        assert done and done[0][1]["updated"] > 0
        assert store.records.get("figure", edited).value == 999
        assert store.records.get("figure", noted).note == "keep me"
        assert store.records.get("figure", untouched).value != 1  # machine value refreshed
        assert store.records.get("event", 1).status == "rejected"
        assert store.records.get("actor", taleban).status == "merged"
        names = [a["name"] for a in store.records.page("actor", 0, 500)]
        assert "Taleban" not in names
        assert {kind: store.records.count(kind) for kind in ("figure", "event")} == before


def test_edit_the_actors_of_an_event(seed_db):
    with Store(seed_db) as store:
        event = next(e for e in store.records.page("event", 0, 100)
                     if e["type"] == "statements_diplomacy")
        before = store.records.get("event", event["id"]).actors
        edits = store.edits.set_fields("event", event["id"], {
            "actors": "Talibn (actor1); Russia (actor2); RIA Novosti (source)",
        })
        assert edits
        actors = {(a.name, a.role) for a in store.records.get("event", event["id"]).actors}
        assert actors == {("Taleban", "actor1"), ("Russia", "actor2"), ("RIA Novosti", "source")}
        with pytest.raises(InvalidValue, match="no actor is called"):
            store.edits.set_fields("event", event["id"], {"actors": "Nobody Atall (actor1)"})
        with pytest.raises(InvalidValue, match="role"):
            store.edits.set_fields("event", event["id"], {"actors": "Russia (victim)"})
        assert {(a.name, a.role)
                for a in store.records.get("event", event["id"]).actors} == (
            actors
        )
        store.history.undo()
        assert store.records.get("event", event["id"]).actors == before


@pytest.mark.parametrize(("value", "stored"), [
    ("Armed clash", "Armed clash"), ("air/drone strike", "air/drone strike"),
    ("  Suicide bomb ", "Suicide bomb"), ("", None), ("Flight", "Flight"),
])
def test_sub_type_is_one_of_the_codebook(value, stored):
    from store.records import check

    assert check("event", "sub_type", value) == stored


@pytest.mark.parametrize("value", ["banana", "armed clashes", "Attack!", 5])
def test_sub_type_outside_the_codebook_is_refused(value):
    from store.records import check

    with pytest.raises(InvalidValue, match="sub_type"):
        check("event", "sub_type", value)


def test_police_of_different_countries_never_merge(tmp_path):
    """Generic forces ("police") resolve to their document's state and never absorb another
    country's: the Nice attack's actor is the French police, not the American."""
    from store.ingest import Article, ingest_article

    reports = [
        ("LAS VEGAS (Reuters) - Police said on Monday the gunman killed 58 people at a "
         "concert. American police officers stormed the room.", "USA"),
        ("NICE, France (Reuters) - Police shot dead the driver of a truck that ploughed into "
         "a crowd on Thursday, killing 84 people, police said.", "FRA"),
        ("KABUL (Reuters) - Police said 12 people were killed in Helmand on Monday. Police "
         "fired on protesters.", "AFG"),
        ("BERLIN (Reuters) - German police arrested a man on Tuesday after a truck attack, "
         "police said.", "DEU"),
    ]
    with Store(tmp_path / "store.db") as store:
        for number, (text, _country) in enumerate(reports):
            ingest_article(store, Article(text, f"report {number}", "x", published="2017-10-02"))
        police = store.conn.execute(
            "SELECT a.country, group_concat(DISTINCT m.document_id) FROM actors a JOIN mentions "
            "m ON m.actor_id = a.id WHERE a.kind = 'state_forces' AND lower(a.name) LIKE "
            "'%police%' GROUP BY a.id ORDER BY min(m.document_id)").fetchall()
    assert police == [(country, str(number + 1))
                      for number, (_text, country) in enumerate(reports)]


def test_search_puts_the_exact_phrase_first_and_says_where_hits_come_from(seed_db):
    from store.articles import sources

    with Store(seed_db) as store:
        event = store.records.page("event", 0, 50)[-1]["id"]
        store.edits.set_field("event", event, "summary", "border crossing seized by fighters")
        hits = store.index.search("crossing seized", limit=20)
        assert (hits[0].kind, hits[0].record_id) == ("event", event)
        where = sources(store, [(h.kind, h.record_id) for h in hits])
        assert where[("event", event)].startswith("doc #1 · Hundreds of Afghans flee")
        actor = next(h for h in store.index.search("Taleban", limit=5) if h.kind == "actor")
        assert sources(store, [("actor", actor.record_id)]) == {
            ("actor", actor.record_id): "in 1 article"}


def test_a_toll_told_in_parts_is_summed_in_the_store_and_after_reextraction(tmp_path):
    """"Three soldiers and five militants were killed": the detail and the ACLED export say
    8; a store written before the parts were linked (no ``adds_to``) says 5 until
    ``tracker reextract`` links them; a person's rejection of a part takes it out of the sum."""
    from store.formats import acled
    from store.ingest import reextract

    text = ("KIDAL, Mali (Reuters) - Three soldiers and five militants were killed in a clash "
            "near Kidal on Monday, the army said.")
    with Store(tmp_path / "store.db") as store:
        ingest_article(store, Article(text, "Clash", "test", published="2021-06-08"))
        [event] = store.records.page("event", 0, 10)
        assert store.records.get("event", event["id"]).toll == (8, 8, 8)
        out = io.StringIO()
        acled(store, out)
        assert [row["fatalities"] for row in csv.DictReader(io.StringIO(out.getvalue()))] == [
            "8"]
        militants = next(f["id"] for f in store.records.page("figure", 0, 10)
                         if f["counted"] == "militants")
        store.conn.execute("UPDATE figures SET adds_to = NULL")  # as an older tracker wrote it
        assert store.records.get("event", event["id"]).toll == (5, 5, 5)
        reextract(store, everything=True)
        assert store.records.get("figure", militants).adds_to is not None
        assert store.records.get("event", event["id"]).toll == (8, 8, 8)
        store.edits.set_field("figure", militants, "status", "rejected")
        assert store.records.get("event", event["id"]).toll == (3, 3, 3)
