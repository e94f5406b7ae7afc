"""`tracker ingest --jobs N`: extraction in several processes gives the store the serial
ingest gives (same documents in the same order, same records), skips what it should, and
Ctrl-C stops it with what was written kept."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
from pathlib import Path

from test_robustness import (
    COMMAND,
    ROOT,
    _many_articles,
    documents,
    ingest_until,
    integrity,
    tracker,
)

from store import Store
from store.ingest import ingest_paths
from store.readers import Skipped

ARTICLES = ROOT / "tests" / "data" / "articles"


def _inbox(tmp_path: Path) -> Path:
    """Seven real articles, one of them twice (same text, another name), and a bad file."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    chosen = sorted(ARTICLES.glob("*.json"))[:7]
    for path in chosen:
        shutil.copy(path, inbox / path.name)
    shutil.copy(chosen[0], inbox / "zz-copy.json")
    (inbox / "broken.json").write_text("{not json", encoding="utf-8")
    return inbox


def _content(db: Path) -> dict:
    with Store(db) as store:
        conn = store.conn
        return {
            "documents": conn.execute("SELECT hash, title FROM documents ORDER BY id").fetchall(),
            "events": conn.execute("SELECT d.hash, e.start, e.\"end\", e.type, e.date_start "
                                   "FROM events e JOIN documents d ON d.id = e.document_id "
                                   "ORDER BY e.id").fetchall(),
            "figures": conn.execute("SELECT d.hash, f.start, f.value, f.category FROM figures f "
                                    "JOIN documents d ON d.id = f.document_id ORDER BY f.id"
                                    ).fetchall(),
            "actors": conn.execute("SELECT name, kind FROM actors ORDER BY id").fetchall(),
            "crises": conn.execute("SELECT d.hash, d.crisis_id FROM documents d ORDER BY d.id"
                                   ).fetchall(),
        }


def test_two_processes_store_what_one_does(tmp_path):
    inbox = _inbox(tmp_path)
    serial, parallel = tmp_path / "serial.db", tmp_path / "parallel.db"
    results = {}
    for db, jobs in ((serial, 1), (parallel, 2)):
        files: list[Path] = []
        with Store(db) as store:
            results[jobs] = ingest_paths(store, [inbox], on_file=files.append, jobs=jobs)
        assert len(files) == 9  # every file reported done, the broken one too
    for jobs in (1, 2):
        kinds = [("skipped" if isinstance(r, Skipped) else "new" if r.new else "known")
                 for r in results[jobs]]
        assert kinds.count("new") == 7 and kinds.count("known") == 1
        assert kinds.count("skipped") == 1
    assert [getattr(r, "source", None) or r.document_id for r in results[1]] == [
        getattr(r, "source", None) or r.document_id for r in results[2]]
    one, two = _content(serial), _content(parallel)
    assert len(one["documents"]) == 7 and one["events"] and one["figures"]
    assert one == two


def test_ctrl_c_stops_a_parallel_ingest_and_keeps_what_was_written(tmp_path):
    db = tmp_path / "store.db"
    _many_articles(tmp_path / "inbox", 300)
    process = ingest_until(db, 20, "--jobs", "2", str(tmp_path / "inbox"))
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "interrupted" in err
    assert integrity(db) == "ok"
    partial = len(documents(db))
    assert 20 <= partial < 300
    result = tracker("ingest", "-j", "2", str(tmp_path / "inbox"), "--db", str(db), check=True)
    assert f"{300 - partial} added, {partial} already stored, 0 skipped" in result.stdout
    assert len(documents(db)) == 300
    with sqlite3.connect(db) as conn:  # nothing half-written: each document has its records
        empty = conn.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                             "(SELECT 1 FROM figures f WHERE f.document_id = d.id)").fetchone()
        assert empty == (0,)


def test_two_ingests_at_once_find_each_others_actors(tmp_path):
    """Two `tracker ingest` processes on one store (each half of the articles, interleaved)
    resolve actors as one serial ingest does: each sees the actors the other stored."""
    articles = sorted(ARTICLES.glob("*.json"))[:24]
    halves = []
    for number, part in enumerate((articles[0::2], articles[1::2])):
        folder = tmp_path / f"half{number}"
        folder.mkdir()
        for path in part:
            shutil.copy(path, folder / path.name)
        halves.append(folder)
    serial, shared = tmp_path / "serial.db", tmp_path / "shared.db"
    tracker("ingest", str(ARTICLES / "missing-so-the-store-is-made.json"), "--db", str(shared))
    processes = [subprocess.Popen([*COMMAND, "ingest", str(half), "--db", str(shared)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for half in halves]
    for process in processes:
        assert process.wait(timeout=600) == 0, process.stderr.read()
    assert integrity(shared) == "ok"
    with sqlite3.connect(shared) as conn:
        order = [source for (source,) in conn.execute("SELECT source FROM documents ORDER BY id")]
    conn.close()
    assert len(order) == len(articles)
    # the same articles, one process, in the order the two processes stored them
    tracker("ingest", *order, "--db", str(serial), check=True)

    def actors(db: Path) -> list[tuple[str, str]]:
        with sqlite3.connect(db) as conn:
            rows = sorted(conn.execute("SELECT name, kind FROM actors WHERE status != 'merged'"))
        conn.close()
        return rows

    one, two = actors(serial), actors(shared)
    assert two == one, sorted(set(one) ^ set(two))
