"""What the tool writes is read by other tools: spreadsheets, brat, JSON readers, terminals.
A hostile corpus (formula cells, escape sequences, line separators, path-like titles) goes
through the real extractor, and every output is read back the way its reader would."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from helpers import private_copy
from test_formats import hxl_read
from test_robustness import tracker

from store import Store
from store.cells import FORMULA_START
from store.export import WHATS, export
from store.formats import acled, brat, hxl
from store.importer import import_lines
from store.ingest import ingest_paths

HOSTILE = Path(__file__).parent / "data" / "hostile" / "hostile.jsonl"
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")


@pytest.fixture(scope="module")
def hostile_template(tmp_path_factory) -> Path:
    """A store of the hostile articles, with hostile hand edits on top."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    with Store(path) as store:
        results = ingest_paths(store, [HOSTILE])
        assert [getattr(r, "new", None) for r in results] == [True, True, True], results
        store.edits.set_fields("event", 1, {"note": "=1+1", "tags": "@evil, -x",
                                      "location": "-Gao+1"})
        store.edits.set_fields("figure", 1, {"category": "deaths\nT99\tEvil 0 5\tforged",
                                       "counted": "+people", "note": "\r=2"})
        store.edits.set_fields("actor", 1, {"note": "\t=3"})
    return path


@pytest.fixture
def hostile_db(hostile_template, tmp_path) -> Path:
    return private_copy(hostile_template, tmp_path)


def _csv_outputs(db: Path) -> dict[str, str]:
    outputs = {}
    with Store(db) as store:
        for what in WHATS:
            out = io.StringIO()
            export(store, out, "csv", what)
            outputs[f"csv-{what}"] = out.getvalue()
        for name, writer in (("acled", acled), ("hxl", hxl)):
            out = io.StringIO()
            writer(store, out)
            outputs[name] = out.getvalue()
    return outputs


def _as_spreadsheet(rows: list[list[str]]) -> openpyxl.Workbook:
    """The CSV as a spreadsheet's import reads it: text that is a number becomes the number,
    anything else is typed in as it is (openpyxl, like a spreadsheet, takes ``=`` text for a
    formula)."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append([float(value) if NUMBER.match(value) else value for value in row])
    return book


def test_no_csv_cell_is_a_formula(hostile_db, tmp_path):
    outputs = _csv_outputs(hostile_db)
    neutralised, cells_seen = 0, []
    for name, text in outputs.items():
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) > 1, name
        for row in rows:
            cells_seen.extend(row)
            for value in row:
                lead = value.lstrip(" ")
                assert not lead.startswith(FORMULA_START) or NUMBER.match(lead), (name, value)
                neutralised += value.startswith("'") and value[1:].lstrip(" ").startswith(
                    FORMULA_START)
        path = tmp_path / f"{name}.xlsx"
        _as_spreadsheet(rows).save(path)
        sheet = openpyxl.load_workbook(path).active
        cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert cells and not [c.value for c in cells if c.data_type == "f"], name
    # the hostile text is there, shown as text: the title, the sentences, the hand edits
    assert neutralised >= 10
    joined = "\n".join(cells_seen)
    for text in ('\'=HYPERLINK("http://x","y") attack', "'=cmd|' /C calc'!A0 Gunmen",
                 "'+SUM(1,2) Police", "'@SUM(A1) Rebels", "'=1+1", "'-Gao+1", "'+people"):
        assert text in joined, text


def test_unprotected_cells_would_be_formulas(hostile_db):
    """The corpus is hostile indeed: written raw, the same cells are formulas."""
    with Store(hostile_db) as store:
        title = store.documents.get(1).title
    sheet = _as_spreadsheet([[title]]).active
    assert sheet["A1"].data_type == "f"


def test_numbers_stay_numbers(hostile_db):
    rows = list(csv.DictReader(io.StringIO(_csv_outputs(hostile_db)["acled"])))
    west = [r for r in rows if r["location"] in ("Gao", "Bamako")]
    assert west and all(float(r["longitude"]) < 0 for r in west)  # Mali: west of Greenwich
    assert all(not r["longitude"].startswith("'") for r in rows)
    assert {int(r["fatalities"]) for r in rows} >= {7, 9}  # Aleppo, Sanaa


def test_brat_files_stay_in_their_folder_and_every_line_parses(hostile_db, tmp_path):
    folder = tmp_path / "brat"
    with Store(hostile_db) as store:
        written = brat(store, folder)
    assert written == 3
    names = sorted(p.name for p in tmp_path.rglob("*") if p.is_file() and p != hostile_db)
    assert names == ["annotation.conf", *sorted(
        f"doc{i:06}.{ext}" for i in (1, 2, 3) for ext in ("ann", "txt"))]
    for ann in folder.glob("*.ann"):
        text = ann.with_suffix(".txt").read_bytes().decode("utf-8")  # as brat reads it
        raw = ann.read_bytes().decode("utf-8")
        lines = raw.split("\n")[:-1]
        assert lines == raw.splitlines()  # no CR, U+2028 or other break inside a line
        for line in lines:
            fields = line.split("\t")
            assert re.fullmatch(r"[TE#]\d+", fields[0]), line
            if line.startswith("T"):
                assert len(fields) == 3
                spans = [tuple(map(int, p.split())) for p in fields[1].split(" ", 1)[1].split(";")]
                assert " ".join(text[a:b] for a, b in spans) == fields[2]
            else:
                assert len(fields) in (2, 3), line
        assert "T99\tEvil" not in raw


def test_json_and_jsonl_stay_valid_and_round_trip(hostile_db):
    every_break = "a\nb\rc\u2028d\u2029e\x85f\x0bg\x0ch\x1ci\x1dj\x1ek\x1b[2Jl\"m\\n"
    with Store(hostile_db) as store:
        store.edits.set_field("event", 2, "note", every_break)
        whole = io.StringIO()
        export(store, whole, "json")
        data = json.loads(whole.getvalue())
        assert next(e for e in data["events"] if e["id"] == 2)["note"] == every_break
        lines = io.StringIO()
        count = export(store, lines, "jsonl")
        rows = lines.getvalue().split("\n")[:-1]
        assert len(rows) == count
        parsed = [json.loads(row) for row in rows]
        event = next(p for p in parsed if p["record"] == "event" and p["id"] == 2)
        assert event["note"] == every_break
        # back in: nothing changed, nothing refused
        report = import_lines(store, rows)
        assert not report.problems and not report.applied and not report.conflicts
        event["note"] = every_break + " checked"
        report = import_lines(store, [json.dumps(event, ensure_ascii=False)])
        assert report.applied == [("event", 2, "note")], report
        assert store.records.get("event", 2).note == every_break + " checked"


def test_lone_surrogate_in_a_json_title_is_stored_as_a_replacement(hostile_db):
    with Store(hostile_db) as store:
        assert store.documents.get(3).title == "/etc/cron.d/evil \ufffd lone surrogate"


def test_terminal_output_shows_escapes_and_breaks_as_text(hostile_db, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    name = "evil\x1b[2J\nadded    #999 'forged'\u2028.txt"
    (inbox / name).write_text("Gunmen killed 4 people in Mopti on Monday, officials said.")
    (inbox / name.replace(".txt", ".md")).write_bytes(b"\x89PNG\r\n\x1a\n")  # skipped: named
    result = tracker("ingest", str(inbox), "--db", str(hostile_db), check=True)
    for output in (result.stdout, result.stderr):
        assert "\x1b" not in output and "\u2028" not in output
        assert not any(line.startswith("added    #999") for line in output.splitlines())
    assert "evil␛[2J␊added    #999 'forged'␤.md: PNG image" in result.stdout
    with Store(hostile_db) as store:
        store.edits.set_field("event", 3, "summary",
                        "Kidal clash \x1b]0;pwned\x07 report\u2028second line")
    result = tracker("search", "Kidal clash pwned", "--db", str(hostile_db), check=True)
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "␛]0;pwned␇ report␤second line" in result.stdout
    assert all(line[:5].strip().replace(".", "").isdigit() for line in result.stdout.splitlines())


def test_hxl_hashtags_stay_valid_with_categories_typed_by_hand(hostile_db):
    rows = list(csv.reader(io.StringIO(_csv_outputs(hostile_db)["hxl"])))
    tags = rows[1]
    assert "#affected+deaths_t99_evil_0_5_forged" in tags
    assert all(re.fullmatch(r"#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*", tag) for tag in tags), tags
    read_tags, data = hxl_read(_csv_outputs(hostile_db)["hxl"])  # as HDX tools read it
    assert read_tags == tags and len(data) == len(rows) - 2
