"""The search engine and pane reading made for large stores (store/search.py, views.py)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from helpers import before_kept_claims

from store import Store, View
from store.search import SearchCancelled, SearchIndex

KINDS = ("event", "actor", "figure")


def test_misspelt_and_partial_queries_find_the_record(seed_db):
    with Store(seed_db) as store:
        assert store.index.search("Talibn")[0].label == "Taleban"
        assert store.index.search("Shanghai Coop")[0].label.startswith("Shanghai Cooperation")
        for query in ('"; DROP TABLE events; --', "NEAR(a b)", "*", "a OR", "ö’"):
            store.index.search(query)  # never an FTS5 syntax error


def test_an_edit_is_searchable_at_once_and_the_vocabulary_follows(seed_db):
    with Store(seed_db) as store:
        assert store.index.search("Talibn")  # the vocabulary is now in memory
        event_id = store.records.page("event", 0, 1)[0]["id"]
        store.edits.set_field("event", event_id, "note", "quixotical convoy")
        hits = store.index.search("quixoticl")
        assert hits and (hits[0].kind, hits[0].record_id) == ("event", event_id)


def test_another_connections_commit_reloads_the_vocabulary(seed_db):
    with Store(seed_db) as reader, Store(seed_db) as writer:
        assert reader.index.search("Talibn")
        actor_id = writer.records.page("actor", 0, 1)[0]["id"]
        writer.edits.set_field("actor", actor_id, "note", "zanzibarian envoy")
        hits = reader.index.search("zanzibarien")
        assert hits and (hits[0].kind, hits[0].record_id) == ("actor", actor_id)


def test_a_search_told_to_stop_stops(seed_db):
    with Store(seed_db) as store:
        index = SearchIndex(store.conn)
        with pytest.raises(SearchCancelled):
            index.search("Taleban border", should_stop=lambda: True)
        assert index.search("Taleban", should_stop=lambda: False)
        store.conn.execute("SELECT 1").fetchone()  # the connection still works


def _order(store: Store, kind: str, view: View) -> list[int]:
    return [row["id"] for row in store.records.page(kind, 0, 10_000, view)]


@pytest.mark.parametrize("kind", KINDS)
def test_position_is_the_row_number_in_the_pane_order(seed_db, kind):
    with Store(seed_db) as store:
        ids = _order(store, kind, View())
        store.edits.set_field(kind, ids[1], "status", "rejected")
        for view in (View(), View(statuses=("unreviewed", "confirmed", "rejected"))):
            order = _order(store, kind, view)
            assert [store.records.position(kind, i, view) for i in order] == list(range(len(order)))
        assert store.records.position(kind, ids[1], View()) is None
        assert store.records.position(kind, 10**9, View()) is None


def _counts_agree(store: Store) -> None:
    kept = dict(store.conn.execute("SELECT actor_id, mentions FROM actor_mention_counts"))
    real = dict(store.conn.execute(
        "SELECT r.id, (SELECT count(*) FROM mentions m WHERE m.actor_id = r.id) FROM actors r"
    ))
    assert kept == real


def test_actor_order_is_by_mentions_and_survives_merge_and_undo(seed_db):
    with Store(seed_db) as store:
        _counts_agree(store)
        rows = store.records.page("actor", 0, 1000)
        keys = [(-row["mentions"], row["id"]) for row in rows]
        assert keys == sorted(keys)
        first, last = rows[0]["id"], rows[-1]["id"]
        store.edits.merge_actors(last, first)
        _counts_agree(store)
        assert store.records.page("actor", 0, 1)[0]["mentions"] == rows[0]["mentions"] + rows[-1][
            "mentions"]
        store.history.undo()
        _counts_agree(store)
        assert store.records.page("actor", 0, 1000) == rows


def _index_of(tmp_path, docs: list[tuple[str, str]]) -> SearchIndex:
    store = Store(tmp_path / "index.db")
    index = SearchIndex(store.conn)
    with store.conn:
        for number, (label, body) in enumerate(docs, 1):
            index.put("figure", number, label, body)
    return index


def test_a_label_with_every_word_beats_thousands_holding_the_common_one(tmp_path):
    """'two' and 'people' are both in so many records that neither is required to match;
    the label that holds both words still comes first, however many '<n> people' there are."""
    docs = [(f"{n} people" if n % 3 else f"Report {n}",
             f"Two days on, about {n:,} had fled") for n in range(3000)]
    docs.insert(1700, ("Two people", "Two people were killed in the blast"))
    index = _index_of(tmp_path, docs)
    for query in ("Two peple", "two pople", "Two people"):
        assert index.search(query, limit=5)[0].label == "Two people"


def test_a_word_no_record_holds_does_not_empty_the_result(tmp_path):
    docs = [("Boko Harm said", "Boko Harm said it held the girls")] + [
        (f"Report {n}", f"Officials blamed Boko Haram for {n} arrests") for n in range(400)]
    index = _index_of(tmp_path, docs)
    hits = index.search("Bqxo Harm")  # "bqxo" is no word of the store nor near one
    assert hits and hits[0].label == "Boko Harm said"


def test_the_actor_named_comes_first_among_thousands_of_its_mentions(tmp_path):
    store = Store(tmp_path / "actors.db")
    index = SearchIndex(store.conn)
    with store.conn:
        index.put("actor", 1, "Yemi Osinbajo", "Yemi Osinbajo Osinbajo person")
        for number in range(1, 3000):
            index.put("event", number, "Yemi Osinbajo said", f"Yemi Osinbajo said {number}")
    hits = index.search("Yemi Osinbjo", limit=5)
    assert (hits[0].kind, hits[0].record_id) == ("actor", 1)
    with store.conn:  # renamed: found by its new name, no more by the old one as an actor
        index.put("actor", 1, "Oluyemi Osinbajo", "Oluyemi Osinbajo person")
    assert ("actor", 1) not in {(h.kind, h.record_id) for h in index.search("Yemi said")}
    assert index.search("Oluyemi", limit=1)[0].record_id == 1
    count = store.conn.execute("SELECT count(*) FROM search_actor_fts WHERE search_actor_fts "
                               "MATCH 'yemi'").fetchone()[0]
    assert count == 0


def _label_matches(conn, table: str, match: str) -> list[int]:
    return [row[0] for row in conn.execute(
        f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid", (match,))]


def test_the_labels_own_index_holds_what_the_labels_hold(tmp_path, seed_db):
    """Words in labels are looked for in the labels' own FTS5 index (short lists at a
    million records): it finds what a label column filter finds, follows every change, and
    a store from before it gets it filled by the migration."""
    store = Store(tmp_path / "labels.db")
    index = SearchIndex(store.conn)
    with store.conn:
        index.put("event", 1, "Taleban seized (Kalafgan)", "the district fell to the Taleban")
        index.put("event", 2, "Police said", "the Taleban seized Kalafgan")
        index.put("event", 3, "Taleban attack", "an attack")
    assert _label_matches(store.conn, "search_label_fts", "taleban") == [1, 3]
    with store.conn:
        index.put("event", 3, "Attack (Kunduz)", "an attack by the Taleban")  # relabelled
        index.remove("event", 1)
    assert _label_matches(store.conn, "search_label_fts", "taleban") == []
    assert [h.record_id for h in index.search("Kunduz attack", limit=1)] == [3]
    store.close()
    db = tmp_path / "before.db"
    shutil.copy(seed_db, db)
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE search_label_fts")
        conn.execute(f"PRAGMA user_version = {before_kept_claims(conn) - 1}")
    with Store(db) as store:
        for word in ("taleban", "police", "said", "kunduz"):
            assert _label_matches(store.conn, "search_label_fts", word) == _label_matches(
                store.conn, "search_fts", f"label : {word}")


def test_records_holding_a_word_as_typed_are_ranked_when_the_best_score_below_them(tmp_path):
    """The re-rank gives any body holding one of the query's words as typed 90: with a typo
    in the other word, the stages (both words' spellings together) find only "soldiers",
    which score less; the records saying "soldier" are looked for too, so the top ten are
    the exhaustive ranking's (every record scored, the same scorer)."""
    from rapidfuzz import utils

    from store.search import SHARED_WORD_SCORE, rank_scores

    docs = [(f"Israeli soldiers wounded {n}", f"Israeli soldiers were wounded near Hebron {n}")
            for n in range(600)]
    docs += [(f"Checkpoint report {n}", f"A soldier was hurt at the checkpoint {n}")
             for n in range(40)]
    index = _index_of(tmp_path, docs)
    query = "Irsaeli soldier"
    scores = rank_scores(utils.default_process(query), [d[0] for d in docs],
                         [d[1] for d in docs])
    tenth = sorted(scores, reverse=True)[9]
    assert tenth == SHARED_WORD_SCORE  # the exhaustive top ten all say "soldier"
    hits = index.search(query, limit=10)
    assert len(hits) == 10 and all(hit.score >= tenth for hit in hits)
    assert all(docs[hit.record_id - 1][1].startswith("A soldier") for hit in hits)
