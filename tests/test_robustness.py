"""Nothing lost, nothing injected: hostile files, broken stores, kill -9, two processes at
once, schema upgrades. The real `tracker` command runs as a subprocess where a person would."""

from __future__ import annotations

import gzip
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from helpers import SIZE, before_kept_claims, detail_text, settle

import seeds
from store import DiskFull, Store
from store.ingest import Article, ingest_article
from store.readers import read_articles
from store.schema import MIGRATIONS, SCHEMA_VERSION
from tui.app import make_app
from tui.panes import RecordPane

ROOT = Path(__file__).resolve().parents[1]
TRACKER = Path(sys.executable).parent / "tracker"
COMMAND = [str(TRACKER)] if TRACKER.exists() else [sys.executable, "-m", "tui.cli"]
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
GOOD = (
    "KABUL (Reuters) - At least 12 civilians were killed on Monday when a roadside bomb "
    "struck a bus in Helmand province, officials said."
)


def tracker(*args, check=False, timeout=300, user=None, **kwargs):
    command = [*COMMAND, *args]
    if user:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups",
                   *command]
        kwargs.setdefault("env", {**os.environ, "HOME": "/tmp"})
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                            cwd=ROOT, **kwargs)
    assert "Traceback" not in result.stderr, result.stderr
    if check:
        assert result.returncode == 0, result.stderr
    return result


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def documents(db: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, hash FROM documents ORDER BY id").fetchall()


def hostile_folder(folder: Path) -> dict[str, str]:
    """Every kind of bad file a folder of downloads holds, and the reason each is skipped."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "latin1.txt").write_bytes(
        "Café owners in Médenine said 40 families fled – naïve « reports ».".encode("cp1252")
    )
    (folder / "invalid-utf8.txt").write_bytes(
        b"Officials said \xff\xfe 15 people were injured in \x81 Gao."
    )
    (folder / "nul.txt").write_bytes(b"Police said\x00 30 protesters were detained\x00.")
    skipped = {
        "empty.txt": "empty file",
        "image.txt": "PNG image",
        "archive.md": "zip archive",
        "big.txt": "MB",
        "oneline.txt": "characters",
        "loop.txt": "symbolic links",
        "broken.json": "not valid JSON",
        "dump.jsonl:2": "not valid JSON",
    }
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(PNG)
    with zipfile.ZipFile(folder / "archive.md", "w") as archive:
        archive.writestr("a.txt", GOOD)
    with (folder / "big.txt").open("w") as handle:
        line = "Refugees crossed the border on Monday, officials said. " * 20 + "\n"
        for _ in range(50_000_000 // len(line) + 1):
            handle.write(line)
    (folder / "oneline.txt").write_text("Troops arrived in the town. " * 190_000)
    os.symlink(folder / "loop2.txt", folder / "loop.txt")
    os.symlink(folder / "loop.txt", folder / "loop2.txt")
    (folder / "broken.json").write_text('{"title": "x", "text": ')
    (folder / "dump.jsonl").write_text(
        json.dumps({"title": "ok", "text": "Rebels said 5 soldiers were captured in Idlib."})
        + "\n{not json\n"
    )
    return skipped


def test_bad_files_are_skipped_with_a_reason_and_harm_nothing(tmp_path, seed_template):
    db = tmp_path / "store.db"
    shutil.copy(seed_template, db)
    before = documents(db)
    skipped = hostile_folder(tmp_path / "inbox")
    result = tracker("ingest", str(tmp_path / "inbox"), str(tmp_path / "missing.txt"),
                     "--db", str(db))
    assert result.returncode == 0
    summary = result.stdout[result.stdout.index(" added, "):]
    for name, reason in skipped.items():
        line = next(x for x in summary.splitlines() if f"{name}:" in x)
        assert reason in line, line
    assert "missing.txt: no such file or folder" in summary
    assert "5 added" in result.stdout  # good, latin1, invalid-utf8, nul, dump.jsonl:1
    assert integrity(db) == "ok"
    assert documents(db)[: len(before)] == before
    with Store(db) as store:
        texts = [store.documents.get(i).text for i, _ in documents(db)[len(before):]]
    assert any("Café owners in Médenine" in t and "naïve" in t for t in texts)
    assert all("\x00" not in t for t in texts)


def hostile_feeds_and_specials(folder: Path, secret: Path) -> dict[str, str]:
    """Feeds and pages built to expand or to read local files, bombs, endless and blocking
    files; what each skip says."""
    folder.mkdir()
    item = ('<item><title>Attack {x}</title><description>Gunmen killed 5 people in Gao on '
            'Monday. {x}</description></item>')
    laughs = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 or "")) * 10}">' for i in range(1, 10))
    (folder / "laughs.rss").write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [{laughs}]><rss version="2.0"><channel>'
        f'{item.format(x="&lol9;")}</channel></rss>')
    (folder / "xxe.atom").write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f'<rss version="2.0"><channel>{item.format(x="&xxe;")}</channel></rss>')
    (folder / "xxe.html").write_text(
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]><html><body><article><p>'
        f'Gunmen killed 5 people in Gao on Monday, officials said. &xxe;</p></article></body>'
        '</html>')
    (folder / "bomb.html").write_bytes(gzip.compress(b"<html>" + b" " * 200_000_000))
    (folder / "nested.html").write_text(
        "<html><body>" + "<div>" * 100_000 + "Gunmen killed 5 people in Gao. " * 5
        + "</div>" * 100_000 + "</body></html>")
    with (folder / "long.jsonl").open("w") as handle:
        handle.write(json.dumps({"title": "huge", "text": "Troops fired. " * 4_000_000}) + "\n")
        handle.write(json.dumps({"title": "ok", "text": GOOD}) + "\n")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("/dev/urandom", folder / "random.jsonl")
    os.symlink(secret, folder / "elsewhere.txt")
    return {
        "laughs.rss": "declares XML entities", "xxe.atom": "declares XML entities",
        "bomb.html": "gzip archive", "long.jsonl:1": "a line of over 56 MB",
        "pipe.txt": "a named pipe, not a regular file",
        "zero.txt": "a link to /dev/zero, outside", "random.jsonl": "a link to /dev/urandom",
        "elsewhere.txt": f"a link to {secret}, outside",
    }


def test_hostile_feeds_bombs_and_special_files_are_skipped_in_bounded_time(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN-4242")
    skipped = hostile_feeds_and_specials(tmp_path / "inbox", secret)
    db = tmp_path / "store.db"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    result = tracker("ingest", str(tmp_path / "inbox"), "/dev/zero", "--db", str(db),
                     timeout=120)
    elapsed = time.monotonic() - started
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    assert result.returncode == 0, result.stderr
    summary = result.stdout[result.stdout.index(" added, "):]
    for name, reason in skipped.items():
        line = next(x for x in summary.splitlines() if f"/{name}:" in x)
        assert reason in line, line
    assert "/dev/zero: a device, not a regular file" in summary
    assert elapsed < 90 and peak_mb < 1500, (elapsed, peak_mb)
    with sqlite3.connect(db) as conn:
        texts = [t for (t,) in conn.execute("SELECT text FROM documents")]
        assert not conn.execute("SELECT count(*) FROM documents WHERE text LIKE '%SECRET%' "
                                "OR title LIKE '%SECRET%'").fetchone()[0]
    assert GOOD in texts  # the line after the huge one
    assert all("lol" not in t for t in texts)


@pytest.fixture
def small_disk(tmp_path):
    """A real, nearly empty 2 MB disk (a tmpfs; mounting one needs root)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True
    ).returncode == 0
    if not mounted:
        pytest.skip("cannot mount a small tmpfs here (not root, or no mount permission)")
    try:
        yield disk
    finally:  # lazily: a connection the test opened may not be collected yet
        subprocess.run(["umount", "--lazy", str(disk)], check=False)


def fill(disk: Path) -> None:
    """Take every free byte of ``disk``."""
    with (disk / "filler").open("wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass


def test_full_disk_during_ingest_stops_with_one_line_and_keeps_the_store(small_disk):
    """A real full disk (the test after the next runs anywhere, with SQLite's own limit)."""
    db = small_disk / "store.db"
    result = tracker("ingest", str(ROOT / "tests" / "data" / "articles"), "--db", str(db))
    assert result.returncode == 2, result.stdout
    error = result.stderr.strip().splitlines()[-1]
    assert error.startswith("tracker: disk full:") and "nothing of this change" in error
    assert "skipped" not in result.stdout.split(" added, ")[0]  # no article blamed
    added = int(result.stdout.split(" added, ")[0].rsplit("\n", 1)[-1])
    assert added >= 1
    assert integrity(db) == "ok"
    assert len(documents(db)) == added
    again = tracker("search", "Taliban", "--db", str(db))
    assert again.returncode == 0


def test_a_store_on_a_full_disk_opens_read_only_and_says_why(seed_template, small_disk):
    db = small_disk / "seed.db"
    shutil.copy(seed_template, db)
    fill(small_disk)
    result = tracker("search", "Taliban", "--db", str(db), check=True)
    assert "Taleban" in result.stdout
    result = tracker("ingest", str(ROOT / "seeds"), "--db", str(db))
    assert result.returncode == 2
    assert result.stderr.strip() == ("tracker: seed.db is open read-only (the disk is full): "
                                     "nothing can be changed; free some space and open it again")
    (small_disk / "filler").unlink()
    assert integrity(db) == "ok"


async def test_an_edit_on_a_full_disk_is_refused_and_the_tui_stays(seed_template, small_disk):
    db = small_disk / "seed.db"
    shutil.copy(seed_template, db)
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        fill(small_disk)
        await pilot.press("3", "a")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("disk full:") for m in messages), messages
        assert app.is_running
        pane = app.pane("figure")
        assert pane.statuses[1] == "unreviewed"  # the row shows what the store holds
        (small_disk / "filler").unlink()
        await pilot.press("k")
        await pilot.press("a")  # with room again, the same edit is made
        await settle(pilot)
        assert any(m.startswith("Saved status") for m in [n.message for n in app._notifications])
    assert integrity(db) == "ok"


def test_full_disk_in_a_write_is_refused_whole(seed_db):
    """SQLite's own SQLITE_FULL (the store may not grow past its size): anywhere, no root."""
    with Store(seed_db) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        counts = store.documents.count()
        with pytest.raises(DiskFull, match="disk full"):
            for number in range(50):
                ingest_article(store, Article(GOOD.replace("12", str(100 + number)) * 20,
                                              f"t{number}", "x"))
        assert store.documents.count() >= counts
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        store.conn.execute("PRAGMA max_page_count = 1073741823")
        ingest_article(store, Article(GOOD + " Again.", "after", "x"))


def _other_user_can_run_tracker(user: int) -> str | None:
    """Why ``user`` cannot run this checkout's tracker (a clone in a folder only its owner
    may enter), or None."""
    probe = subprocess.run(
        ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *COMMAND, "--help"],
        capture_output=True, text=True, timeout=120, cwd="/",
    )
    return None if probe.returncode == 0 else " ".join(probe.stderr.split())[:200]


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="needs root to run the command as another user")
def test_unreadable_file_and_read_only_store(seed_template):
    import tempfile

    refused = _other_user_can_run_tracker(65534)
    if refused:
        pytest.skip(f"user 65534 cannot run {COMMAND[0]} from this clone: {refused}")

    tmp_path = Path(tempfile.mkdtemp(prefix="tracker-perm-"))
    tmp_path.chmod(0o755)
    db = tmp_path / "store.db"
    shutil.copy(seed_template, db)
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD)
    secret.chmod(0o000)
    writable = tmp_path / "mine"
    writable.mkdir(mode=0o777)
    writable.chmod(0o777)
    own = writable / "own.db"
    result = tracker("ingest", str(secret), "--db", str(own), user=65534)
    assert "secret.txt: permission denied" in result.stdout
    # a store this user cannot write opens read-only and says so; reading still works
    result = tracker("ingest", str(ROOT / "seeds"), "--db", str(db), user=65534)
    assert result.returncode == 2 and "read-only" in result.stderr
    result = tracker("search", "Talibn", "--db", str(db), user=65534, check=True)
    assert "Taleban" in result.stdout


async def test_read_only_store_in_the_tui_refuses_edits(seed_db):
    app = make_app(seed_db, read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "read-only" in app.sub_title
        await pilot.press("3", "a")
        await settle(pilot)
        assert any("read-only" in n.message for n in app._notifications)
    with Store(seed_db) as store:
        assert all(f["status"] == "unreviewed" for f in store.records.page("figure", 0, 100))
        assert store.conn.execute("SELECT count(*) FROM edits").fetchone()[0] == 0


def test_store_from_a_newer_tracker_and_missing_folder(tmp_path):
    newer = tmp_path / "newer.db"
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    for args in (("search", "x"), ("export",), ("ingest", str(ROOT / "seeds"))):
        result = tracker(*args, "--db", str(newer))
        assert result.returncode == 2 and "upgrade tracker" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    result = tracker("ingest", str(ROOT / "seeds"), "--db", str(tmp_path / "no" / "x.db"))
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_old_store_is_upgraded_in_place_after_a_backup(tmp_path):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO documents (hash, title, text, ingested_at, extractor_version) "
        "VALUES ('h', 'Old', 'An old article.', '2020-01-01', '0.0')"
    )
    conn.execute(
        "INSERT INTO edits (kind, record_id, field, old, new, at) "
        "VALUES ('figure', 1, 'note', '\"\"', '\"kept\"', '2020-01-01')"
    )
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert store.backup is not None and store.backup.exists()
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.documents.get(1).title == "Old"
        assert [(e.field, e.new, e.batch) for e in store.history.of("figure", 1)] == [
            ("note", "kept", 1)
        ]
    with sqlite3.connect(store.backup) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT title FROM documents").fetchone()[0] == "Old"


def test_migration_reads_the_official_source_of_figures_stored_before_it(tmp_path, seed_db):
    """A figure stores whether its sentence names an official source; a store from before
    that column gets the same flags from the migration as the writer gives new figures."""
    db = tmp_path / "older.db"
    shutil.copy(seed_db, db)
    with Store(db) as store:
        written = store.conn.execute("SELECT id, official FROM figures ORDER BY id").fetchall()
    assert {flag for _id, flag in written} == {0, 1}  # the seed has both
    with sqlite3.connect(db) as conn:
        conn.execute("DROP INDEX figures_claims")  # later migrations' (one on the column)
        conn.execute("DROP TABLE search_label_fts")
        before_kept_claims(conn)
        conn.execute("ALTER TABLE figures DROP COLUMN official")
        before = next(i for i, step in enumerate(MIGRATIONS) if "COLUMN official" in step)
        conn.execute(f"PRAGMA user_version = {before}")
    with Store(db) as store:
        assert store.conn.execute(
            "SELECT id, official FROM figures ORDER BY id").fetchall() == written


def _many_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    seed = seeds.paths()[0].read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n\n") if len(p) > 80]
    for number in range(count):
        text = (f"Report {number}\n\n{paragraphs[number % len(paragraphs)]}\n\n"
                f"Officials said {number + 2} people were displaced on Monday.")
        (folder / f"{number:03}.txt").write_text(text, encoding="utf-8")


def stored_so_far(db: Path) -> int:
    """Documents in a store an ingest is writing: 0 until its schema is committed.

    The file appears (WAL mode is set first) a moment before the tables do.
    """
    try:
        return len(documents(db)) if db.exists() else 0
    except sqlite3.OperationalError:
        return 0


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def ingest_until(db: Path, stored: int, *args: str) -> subprocess.Popen:
    """A `tracker ingest ARGS` running into ``db``, once it has stored ``stored`` documents."""
    # started as a terminal starts it, Ctrl-C live: a test run launched in the background
    # (``cmd &`` in a script) hands its children SIGINT ignored
    process = subprocess.Popen([*COMMAND, "ingest", *args, "--db", str(db)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                               text=True, preexec_fn=_interruptible)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if stored_so_far(db) >= stored:
            break
    return process


def test_kill_9_during_ingest_leaves_a_sound_store_and_a_rerun_completes(tmp_path):
    db = tmp_path / "store.db"
    _many_articles(tmp_path / "inbox", 500)
    process = ingest_until(db, 30, str(tmp_path / "inbox"))
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert integrity(db) == "ok"
    partial = len(documents(db))
    assert 30 <= partial < 500
    result = tracker("ingest", str(tmp_path / "inbox"), "--db", str(db), check=True)
    assert f"{500 - partial} added, {partial} already stored, 0 skipped" in result.stdout
    rows = documents(db)
    assert len(rows) == 500 and len({h for _, h in rows}) == 500
    assert integrity(db) == "ok"


def drain_until_quiet(fd: int, quiet: float = 1.0, limit: float = 60) -> None:
    """Read a terminal app's output until it has drawn nothing for ``quiet`` seconds (it is
    idle: keys sent now are not lost to a screen still starting). Reading also keeps the
    pty's buffer from filling, which would block the app's writes."""
    import select

    started = last = time.monotonic()
    while time.monotonic() - last < quiet and time.monotonic() - started < limit:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                if os.read(fd, 65536):
                    last = time.monotonic()
            except OSError:  # the app has gone
                return


def test_edit_confirmed_in_the_tui_survives_kill_9(tmp_path, seed_template):
    import pty

    db = tmp_path / "store.db"
    shutil.copy(seed_template, db)
    pid, fd = pty.fork()
    if pid == 0:  # the child: the real TUI in a terminal
        os.chdir(ROOT)
        os.environ.update(TERM="xterm-256color", COLUMNS="140", LINES="42")
        os.execv(COMMAND[0], [*COMMAND, "--db", str(db)])
    try:
        import fcntl
        import struct
        import termios

        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 42, 140, 0, 0))
        drain_until_quiet(fd)  # the app has started and drawn its rows
        for key in ["3", ";"]:
            os.write(fd, key.encode())
            drain_until_quiet(fd, quiet=0.5)
        os.write(fd, b"counted twice? check UNHCR\r")
        deadline = time.monotonic() + 30
        note = None
        while time.monotonic() < deadline and not note:
            time.sleep(0.1)
            with sqlite3.connect(db) as conn:
                note = conn.execute("SELECT note FROM figures WHERE note != ''").fetchone()
        os.kill(pid, signal.SIGKILL)  # right after the edit is confirmed
    finally:
        os.waitpid(pid, 0)
        os.close(fd)
    assert note == ("counted twice? check UNHCR",)
    assert integrity(db) == "ok"
    with Store(db) as store:
        notes = [f["note"] for f in store.records.page("figure", 0, 100) if f["note"]]
        assert notes == ["counted twice? check UNHCR"]
        assert store.history.of("figure", store.records.page("figure")[0]["id"])[0].new == notes[0]


async def test_ingest_while_the_tui_is_open(tmp_path, seed_template):
    db = tmp_path / "store.db"
    shutil.copy(seed_template, db)
    inbox = tmp_path / "inbox"
    _many_articles(inbox, 40)
    app = make_app(db)
    app.WATCH_SECONDS = 0.3
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_crisis(None)  # every crisis: new articles may start crises of their own
        await settle(pilot)
        figures = app.query_one("#pane-figure", RecordPane)
        before = figures.total
        process = subprocess.Popen([*COMMAND, "ingest", str(inbox), "--db", str(db)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   cwd=ROOT)
        while process.poll() is None:  # edit in the TUI while the ingest writes
            await pilot.press("3", "semicolon", *"busy", "enter", "a")
            await pilot.pause(0.2)
        out, err = process.communicate()
        assert process.returncode == 0, err
        assert "locked" not in err and "40 added" in out
        await pilot.pause(1.0)
        await settle(pilot)
        assert figures.total > before
        messages = [n.message for n in app._notifications]
        assert not any("locked" in m for m in messages)
    with Store(db) as store:
        assert store.documents.count() == 41


async def test_markup_and_escapes_in_every_pane(seed_db):
    hostile = ("Rebels said [bold red]40[/] [@click=app.quit]fighters[/] were killed in "
               "\x1b]0;pwned\x07Gao \x1b[2J on Monday.")
    with Store(seed_db) as store:
        ingest_article(store, Article(hostile, "[link=x]t[/link]", "test"))
        # whatever the extractor made of it, every pane also shows such text typed by hand
        store.edits.set_field("event", 1, "summary", hostile)
        store.edits.set_field("actor", 1, "name", "[@click=app.quit]Taleban[/]\x1b[2J")
        store.edits.set_field("figure", 1, "counted", "[bold red]refugees[/]\x07")
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_crisis(None)
        await settle(pilot)
        cells = []
        for pane in app.query(RecordPane):
            for row in range(pane.row_count):
                cells.extend(cell.plain for cell in pane.get_row_at(row))
        text = " ".join(cells)
        assert "\x1b" not in text and "\x07" not in text
        for literal in ("[bold red]40[/]", "[@click=app.quit]Taleban[/]␛[2J",
                        "[bold red]refugees[/]␇"):
            assert literal in text
        app.go_to_record("actor", 1)
        await settle(pilot)
        assert "[@click=app.quit]Taleban[/]␛[2J" in detail_text(app)
        assert app.is_running


CYRILLIC = ("Боевики убили 12 мирных жителей в Донецке в понедельник, сообщили местные "
            "власти. Ещё 30 человек были ранены.")


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("utf16.txt", ("\ufeff" + GOOD).encode("utf-16-le"), GOOD),
    ("utf16be.txt", GOOD.encode("utf-16"), GOOD),
    ("utf32.md", GOOD.encode("utf-32"), GOOD),
    ("bom.txt", ("\ufeff" + CYRILLIC).encode("utf-8"), CYRILLIC),
    ("cyrillic.txt", CYRILLIC.encode("cp1251"), CYRILLIC),
    ("koi8.txt", CYRILLIC.encode("koi8_r"), CYRILLIC),
    ("mixed.txt", "Médecins Sans Frontières said ".encode() + "“40 families” fled Ségou."
     .encode("cp1252"), "Médecins Sans Frontières said “40 families” fled Ségou."),
    ("declared.html", (
        '<html><head><meta charset="windows-1251"><title>Донецк</title></head><body>'
        f'<article><h1>Донецк</h1><p>{CYRILLIC}</p><p>{CYRILLIC}</p></article></body></html>'
    ).encode("cp1251"), CYRILLIC),
    ("http-equiv.htm", (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        f'</head><body><article><p>{CYRILLIC}</p><p>{CYRILLIC}</p></article></body></html>'
    ).encode("koi8_r"), CYRILLIC),
])
def test_every_encoding_is_read_as_declared_or_detected(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    articles = list(read_articles(path))
    assert len(articles) == 1 and isinstance(articles[0], Article), articles
    assert expected in articles[0].text


def test_a_bad_publication_date_keeps_the_article_undated_with_a_warning(tmp_path):
    given = {"0000-01-01": None, "99999-01-01": None, "2021-13-45": None, "garbage": None,
             "July 14, 2021": "2021-07-14", "Wed, 14 Jul 2021 10:00:00 GMT": "2021-07-14",
             "2016-11-10T22:00:00Z": "2016-11-10", "": None}
    path = tmp_path / "dates.jsonl"
    path.write_text("".join(
        json.dumps({"title": f"t{n}", "text": f"{GOOD} Case {n}.", "published": value}) + "\n"
        for n, value in enumerate(given)))
    articles = list(read_articles(path))
    assert [a.published for a in articles] == list(given.values())
    for article, value in zip(articles, given, strict=True):
        assert bool(article.warnings) == (bool(value) and given[value] is None), article
    result = tracker("ingest", str(path), "--db", str(tmp_path / "store.db"), check=True)
    assert "8 added" in result.stdout
    assert "warning #3 't2': published date '2021-13-45' not understood: stored undated" \
        in result.stdout



async def test_a_change_seen_as_the_app_closes_reloads_nothing(seed_db):
    """The watch thread may hand over "new records" while the app shuts down (its panes
    already gone): that must not raise in the closing app."""
    app = make_app(seed_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    app._changed_elsewhere()  # what a late call_from_thread would run
