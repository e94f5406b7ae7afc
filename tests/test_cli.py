"""The `tracker` command as a person runs it: a real process on a real store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import seeds

TRACKER = Path(sys.executable).parent / "tracker"


def run(*args: str, env: dict | None = None, check: bool = True) -> subprocess.CompletedProcess:
    command = [str(TRACKER)] if TRACKER.exists() else [sys.executable, "-m", "tui.cli"]
    result = subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})},
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    db = tmp_path_factory.mktemp("cli") / "cli.db"
    return db, run("ingest", str(seeds.paths()[0].parent), "--db", str(db))


def test_ingest_prints_what_it_added_and_is_idempotent(ingested):
    db, first = ingested
    assert "added" in first.stdout and "1 added, 0 already stored" in first.stdout
    again = run("ingest", *map(str, seeds.paths()), "--db", str(db))
    assert "0 added, 1 already stored" in again.stdout


def test_search_prints_hits(ingested):
    db, _ = ingested
    out = run("search", "Talibn", "--db", str(db), "--limit", "3").stdout.splitlines()
    assert 1 <= len(out) <= 3
    assert "actor" in out[0] and "Taleban" in out[0]


def test_export_json_is_one_object(ingested):
    db, _ = ingested
    data = json.loads(run("export", "--db", str(db), "--format", "json").stdout)
    assert set(data) == {"documents", "events", "actors", "figures", "crises"}
    assert all(data[key] for key in data)
    assert data["crises"][0]["documents"] == [1]


def test_export_csv_needs_what(ingested):
    db, _ = ingested
    result = run("export", "--db", str(db), "--format", "csv", check=False)
    assert result.returncode != 0 and "--what" in result.stderr
    rows = run("export", "--db", str(db), "--format", "csv", "--what", "actors").stdout
    assert rows.splitlines()[0].startswith("id,name,kind")


def test_default_store_from_environment(tmp_path):
    db = tmp_path / "env.db"
    run("ingest", str(seeds.paths()[0]), env={"TRACKER_DB": str(db)})
    assert db.exists()
    xdg = tmp_path / "xdg"
    run("ingest", str(seeds.paths()[0]), env={"TRACKER_DB": "", "XDG_DATA_HOME": str(xdg)})
    assert (xdg / "tracker" / "tracker.db").exists()


def test_unusable_store_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_text("not a database " * 200)
    result = run("search", "x", "--db", str(bad), check=False)
    assert result.returncode == 2
    assert result.stderr.startswith("tracker: ") and "Traceback" not in result.stderr
    missing = run("search", "x", "--db", str(tmp_path / "no" / "such.db"), check=False)
    assert missing.returncode == 2 and "no store here" in missing.stderr


def test_standard_exports_and_import_from_the_command_line(ingested, tmp_path):
    db, _ = ingested
    out = tmp_path / "events.csv"
    run("export", "--db", str(db), "--format", "acled", "--out", str(out))
    assert out.read_text().startswith("event_id_cnty,event_date,year,time_precision")
    hxl = run("export", "--db", str(db), "--format", "hxl").stdout.splitlines()
    assert hxl[1].startswith("#meta+id,#date")
    result = run("export", "--db", str(db), "--format", "brat", check=False)
    assert result.returncode == 2 and "--out" in result.stderr
    run("export", "--db", str(db), "--format", "brat", "--out", str(tmp_path / "brat"))
    assert (tmp_path / "brat" / "doc000001.ann").exists()
    lines = run("export", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    first = json.loads(next(line for line in lines if '"record": "figure"' in line))
    first["note"] = "seen in the field report"
    review = tmp_path / "review.jsonl"
    review.write_text(json.dumps(first) + "\n")
    result = run("import", str(review), "--db", str(db))
    assert f"applied  figure #{first['id']} note" in result.stdout
    assert "1 changes applied, 0 conflicts" in result.stdout


def test_first_launch_on_a_new_machine_makes_the_default_store_and_seeds_it(tmp_path,
                                                                            monkeypatch):
    """`tracker` with no store, no ~/.local/share/tracker folder: the folder and the store are
    made, the seeds ingested, and the TUI opened on that store."""
    import tui.app
    from store import Store
    from tui import cli

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("TRACKER_DB", raising=False)
    opened = []

    class FakeApp:
        def run(self):
            opened.append(True)

    monkeypatch.setattr(tui.app, "make_app", lambda path, read_only=False: opened.append(
        Path(path)) or FakeApp())
    assert cli.main([]) == 0
    store_path = home / ".local" / "share" / "tracker" / "tracker.db"
    assert opened == [store_path, True]
    with Store(store_path) as store:
        assert store.documents.count() == len(seeds.paths())


def test_export_destinations_that_cannot_be_written_are_one_line_each(ingested, tmp_path):
    db, _ = ingested
    existing = tmp_path / "events.csv"
    existing.write_text("an older export\n")
    existing.chmod(0o640)
    cases = [
        (("--format", "csv", "--what", "events", "--out", str(tmp_path / "no" / "x.csv")),
         "folder " + str(tmp_path / "no") + " does not exist"),
        (("--format", "acled", "--out", str(tmp_path)), "is a folder: give the name of a file"),
        (("--format", "brat", "--out", str(existing)), "is a file: brat writes a folder"),
    ]
    for args, message in cases:
        result = run("export", "--db", str(db), *args, check=False)
        assert result.returncode == 2 and message in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert existing.read_text() == "an older export\n"
    run("export", "--db", str(db), "--format", "csv", "--what", "events", "--out", str(existing))
    assert existing.read_text().startswith("id,type,sub_type")
    assert existing.stat().st_mode & 0o777 == 0o640  # replaced whole, its mode kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]  # no temporary left


def test_help_names_every_format_and_a_folder_names_what_it_skips(tmp_path):
    help_text = " ".join(run("ingest", "--help").stdout.split())
    for suffix in (".txt", ".md", ".json", ".jsonl", ".html", ".htm", ".rss", ".atom", ".xml"):
        assert suffix in help_text, suffix
    top = run("--help").stdout
    assert ".html" in top and "RSS" in top
    inbox = tmp_path / "inbox"
    (inbox / ".git").mkdir(parents=True)
    (inbox / ".git" / "config").write_text("[core]")
    (inbox / ".DS_Store").write_bytes(b"\0\0")
    (inbox / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (inbox / "README").write_text("notes")
    (inbox / "story.txt").write_text(
        "KABUL, Afghanistan - Taliban fighters attacked the German consulate in "
        "Mazar-i-Sharif late on Thursday (November 10), killing six people, officials said.")
    result = run("ingest", str(inbox), "--db", str(tmp_path / "store.db"))
    summary = result.stdout[result.stdout.index(" added, "):]
    assert "1 added, 0 already stored, 2 skipped" in result.stdout
    assert "report.pdf: a .pdf file: tracker reads" in summary
    assert "README: a file without an extension" in summary
    assert ".DS_Store" not in result.stdout + result.stderr and ".git" not in result.stdout
    # a dateline without a year, no date given: every event undated, and it is said
    assert "no publication date" in summary and "events undated" in summary
