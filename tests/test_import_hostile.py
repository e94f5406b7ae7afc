"""``tracker import`` of a file nobody checked: each bad line refused with its reason and
nothing written for it, the good lines applied as one undoable step, the store sound."""

from __future__ import annotations

import io
import json
import sqlite3

import pytest
from test_robustness import integrity, tracker

from store import Store
from store.export import export
from store.importer import import_lines
from store.ingest import ingest_paths


def exported(store: Store) -> list[dict]:
    out = io.StringIO()
    export(store, out, "jsonl")
    return [json.loads(line) for line in out.getvalue().split("\n")[:-1]]


def first(lines: list[dict], kind: str) -> dict:
    return dict(next(line for line in lines if line["record"] == kind))


def edits(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM edits").fetchone()[0]


def hostile_lines(lines: list[dict]) -> list[tuple[str, str]]:
    """(a line of JSON, what its refusal says), one per way a line can be wrong."""
    event, figure, actor = first(lines, "event"), first(lines, "figure"), first(lines, "actor")

    def line(base: dict, **changes) -> str:
        return json.dumps({**base, **changes}, ensure_ascii=False)

    return [
        (line(event, record="crisis"), "unknown record kind 'crisis'"),
        (line(event, record=["event"]), "unknown record kind ['event']"),
        ('{"record": "event", "id": 1e309, "note": "x"}', "id inf is not a whole number"),
        (line(event, id=10**23), "out of range"),
        (line(event, id="1"), "id must be a whole number"),
        (line(event, id=10**6), f"event #{10**6} is not in this store"),
        (line(event, start=event["start"] + 1, note="moved"), "is not in this store"),
        (line(actor, name="Ghost", aliases=["Ghost"], note="boo"), "is not in this store"),
        (line(event, document_id=2), "unknown field document_id"),
        (line(actor, merged_into=3), "unknown field merged_into"),
        (line(event, hash="abc"), "unknown field hash"),
        (line(event, origin="human", note="forged"), "origin cannot be edited"),
        (line(figure, document=figure["document"] + 1), "not in this store"),
        (line(figure, tags=5), "tags: a list, not int"),
        (line(figure, value="abc"), "'abc' is not a whole number"),
        (json.dumps({k: figure[k] for k in ("record", "id", "document", "start", "end")})[:-1]
         + ', "value": 1e309}',
         "is not a whole number"),
        (line(figure, value=10**23), "more than a count can be"),
        (line(figure, note=["a", "b"]), "note: must be text, not list"),
        (line(figure, status="banana"), "status: must be one of"),
        (line(figure, note="x" * 30_000), "note: 30,000 characters: at most 20,000"),
        (line(figure, exported_at=5), "exported_at must be a date and time"),
        ("[1, 2, 3]", "not an object"),
        ("{not json", "not JSON"),
        ('"just a string"', "not an object"),
        ("[" * 100_000, "not JSON"),
    ]


@pytest.fixture
def store_path(seed_db):
    return seed_db


def test_every_hostile_line_is_refused_and_the_rest_is_one_step(store_path):
    with Store(store_path) as store:
        lines = exported(store)
        before = edits(store_path)
        hostile = hostile_lines(lines)
        good = first(lines, "figure")
        good_note = "checked with OCHA"
        rows = [text for text, _ in hostile]
        rows.insert(3, json.dumps({**good, "note": good_note}))
        rows.append(json.dumps({**good, "note": "the same record again"}))  # duplicated line
        report = import_lines(store, rows)
        problems = report.problems
        assert len(problems) == len(hostile) + 1, problems
        refused = [p for p in problems if not p.startswith("line 4:")]
        for (_, reason), problem in zip(hostile, refused, strict=False):
            assert reason in problem, (reason, problem)
        assert "again (first on line 4)" in problems[-1]
        assert report.applied == [("figure", good["id"], "note")]
        assert edits(store_path) == before + 1
        assert store.records.get("figure", good["id"]).note == good_note
        step = store.history.undo()
        assert step.action == "import" and len(step.edits) == 1
        assert store.records.get("figure", good["id"]).note == good["note"]
    assert integrity(store_path) == "ok"


def test_another_stores_actor_lines_rename_nothing(store_path, tmp_path):
    """Import of another store's export: ids that happen to exist here are other actors."""
    other = tmp_path / "other.db"
    with Store(other) as store:
        path = tmp_path / "other.txt"
        path.write_text("MAIDUGURI, Nigeria (Reuters) - Boko Haram fighters attacked an army "
                        "base near Maiduguri on Monday, the Nigerian army said, and the UN "
                        "refugee agency said 2,000 people fled to Cameroon.")
        ingest_paths(store, [path])
        theirs = [line for line in exported(store) if line["record"] == "actor"]
    with Store(store_path) as store:
        names = {a["id"]: a["name"] for a in store.records.page("actor", 0, 1000)}
        assert len(theirs) >= 3 and all(line["id"] in names for line in theirs)
        report = import_lines(store, [json.dumps({**line, "note": "theirs"}) for line in theirs])
        assert not report.applied
        assert {a["id"]: a["name"] for a in store.records.page("actor", 0, 1000)} == names
        assert len(report.problems) == len(theirs)
        assert all("is not in this store" in p for p in report.problems)
    ghost = tmp_path / "ghost.jsonl"
    ghost.write_text(json.dumps({"record": "actor", "id": 466, "name": "Ghost"}) + "\n")
    result = tracker("import", str(ghost), "--db", str(store_path))
    assert result.returncode == 1 and "actor #466 is not in this store" in result.stderr
    assert integrity(store_path) == "ok"


def test_a_line_without_exported_at_never_overwrites_a_later_edit(store_path):
    with Store(store_path) as store:
        event = first(exported(store), "event")
        store.edits.set_field("event", event["id"], "note", "mine, typed here")
        del event["exported_at"]
        report = import_lines(store, [json.dumps({**event, "note": "theirs"})])
        assert not report.applied and len(report.conflicts) == 1
        assert "no exported_at" in report.conflicts[0]
        assert store.records.get("event", event["id"]).note == "mine, typed here"


def test_import_splits_lines_at_newline_only(store_path, tmp_path):
    with Store(store_path) as store:
        event = first(exported(store), "event")
    note = "first\u2028second\u2029third\x85fourth\x0bfifth\x0csixth\x1cseventh\rend"
    path = tmp_path / "review.jsonl"
    path.write_text(json.dumps({**event, "note": note}, ensure_ascii=False) + "\n",
                    encoding="utf-8", newline="")
    result = tracker("import", str(path), "--db", str(store_path), check=True)
    assert "1 changes applied" in result.stdout and "0 problems" in result.stdout
    with Store(store_path) as store:
        assert store.records.get("event", event["id"]).note == note.strip()
