"""The ``tracker`` commands that need no TUI (``ingest``, ``search``, ``export``, ``import``,
``reextract``): a thin shell over the store functions the TUI uses too, printing one line per
result, every untrusted string made one safe terminal line. ``tui.cli`` adds the TUI and a
progress bar on top.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cells import one_terminal_line as plain
from .connect import StoreError
from .records import KINDS, STATUSES
from .store import Store, default_path

if TYPE_CHECKING:
    from .documents import Added
    from .readers import Skipped


# ``progress(total)``: a context giving a bar (``add_task``/``advance``), or None for none.
Progress = Callable[[int], contextlib.AbstractContextManager[Any]]


def _no_progress(_total: int) -> contextlib.AbstractContextManager[None]:
    return contextlib.nullcontext(None)


def parser() -> tuple[argparse.ArgumentParser, object, argparse.ArgumentParser]:
    """The commands' parser, its subcommands (the TUI adds its own) and the options all
    share."""
    db_help = "the store (default: $TRACKER_DB, else $XDG_DATA_HOME/tracker/tracker.db)"
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, help=db_help, default=argparse.SUPPRESS)

    parser = argparse.ArgumentParser(
        prog="tracker",
        description="Turn crisis news into a reviewed record of events, actors and figures.",
        parents=[common],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _ingest_command(commands, common)
    search = commands.add_parser("search", parents=[common], help="fuzzy search, as text")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--kind", choices=KINDS, action="append", help="only this kind")
    _export_command(commands, common)
    importer = commands.add_parser(
        "import", parents=[common],
        help="apply a reviewed JSONL export (notes, statuses, edits); conflicts reported",
    )
    importer.add_argument("file", type=Path)
    again = commands.add_parser(
        "reextract", parents=[common],
        help="run the current extractor again over stored documents; human edits win",
    )
    again.add_argument("--all", action="store_true", help="also documents already extracted "
                       "by this version of the extractor")
    return parser, commands, common


def _ingest_command(commands, common) -> None:
    formats = ("add articles: .txt, .md, .json, .jsonl, web pages (.html, .htm), RSS/Atom "
               "feeds (.rss, .atom, .xml), and folders of them")
    ingest = commands.add_parser(
        "ingest", parents=[common], help=formats, description=formats[0].upper() + formats[1:]
    )
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N",
        help="extract in N processes (0: one per CPU); one process writes, in input order",
    )


def _export_command(commands, common) -> None:
    export = commands.add_parser("export", parents=[common], help="write records to stdout")
    export.add_argument(
        "--format", choices=("json", "jsonl", "csv", "acled", "hxl", "brat"), default="json",
        help="acled: events as ACLED-style CSV; hxl: figures as HXL-tagged CSV for HDX; "
        "brat: .txt + .ann per document (needs --out)",
    )
    export.add_argument("--what", choices=("documents", "events", "actors", "figures"))
    export.add_argument("--out", type=Path, help="write here instead of stdout (a folder for "
                        "brat)")
    export.add_argument("--include-duplicates", action="store_true",
                        help="acled/hxl: keep records of near-duplicate documents")
    export.add_argument("--all-types", action="store_true",
                        help="acled: also population movements and statements (not ACLED "
                        "event types)")
    export.add_argument("--background", action="store_true",
                        help="acled: also the events an article recalls (ended weeks "
                        "before it was published, or dated only to a year)")
    export.add_argument("--crisis", type=int, metavar="ID", help="only this crisis's records")
    export.add_argument("--status", action="append", choices=STATUSES,
                        help="only records of this review status (repeatable)")
    export.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                        help="only records dated (else published) on or after this day")


def _day(text: str) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day (YYYY-MM-DD)") from None


def open_store(path: Path | None, *, create_dirs: bool, read_only: bool = False) -> Store:
    """The store at ``path`` (or the default one, whose folder is made when missing).

    Commands that only read (``create_dirs=False``) never create a store by accident.
    """
    if path is None:
        path = default_path()
        if create_dirs:
            path.parent.mkdir(parents=True, exist_ok=True)
    if not create_dirs and not path.exists():
        raise StoreError(f"{path}: no store here (tracker ingest creates one)")
    return Store(path, read_only=read_only)


def _print_result(result) -> None:
    from store.ingest import Skipped

    if isinstance(result, Skipped):
        print(f"skipped  {plain(result.source)}: {plain(result.reason)}", file=sys.stderr,
              flush=True)
    elif result.new:
        copy = f" (copy of #{result.duplicate_of})" if result.duplicate_of else ""
        print(
            f"added    #{result.document_id} {plain(result.title)!r}: {result.events} events, "
            f"{result.figures} figures, {result.actors} new actors{copy}", flush=True
        )
        for warning in result.warnings:
            print(f"warning  #{result.document_id}: {plain(warning)}", file=sys.stderr,
                  flush=True)
    else:
        print(f"known    #{result.document_id} {plain(result.title)!r}: already stored")


def cmd_ingest(args: argparse.Namespace, progress: Progress | None = None) -> int:
    """``progress(total)``: a context giving a bar (``add_task``/``advance``) or None; the
    TUI layer hands Rich's, this one prints each result."""
    from store.ingest import Skipped, find_files, ingest_paths

    results: list = []
    found = list(find_files(args.paths))
    files = sum(1 for item in found if not isinstance(item, Skipped))

    with open_store(getattr(args, "db", None), create_dirs=True) as store, \
            (progress or _no_progress)(files) as bar:
        task = bar.add_task("ingesting", total=files) if bar else None

        def report(result: Added | Skipped) -> None:
            results.append(result)
            if bar is None:
                _print_result(result)

        def advance(_path: Path) -> None:
            if bar is not None:
                bar.advance(task)

        store.writable()
        try:
            ingest_paths(store, found, on_result=report, on_file=advance, jobs=args.jobs)
        except KeyboardInterrupt:
            print("interrupted: what was added so far is stored", file=sys.stderr)
            return 130
        finally:
            _summary(results, Skipped)
    skipped = [r for r in results if isinstance(r, Skipped)]
    return 1 if skipped and len(skipped) == len(results) else 0


def _summary(results: list, skipped_type) -> None:
    skipped = [r for r in results if isinstance(r, skipped_type)]
    stored = [r for r in results if not isinstance(r, skipped_type)]
    added = sum(1 for r in stored if r.new)
    print(f"{added} added, {len(stored) - added} already stored, {len(skipped)} skipped")
    for item in skipped:
        print(f"  skipped {plain(item.source)}: {plain(item.reason)}")
    for item in stored:
        for warning in item.warnings:
            print(f"  warning #{item.document_id} {plain(item.title)!r}: {plain(warning)}")


def cmd_search(args: argparse.Namespace) -> int:
    with open_store(getattr(args, "db", None), create_dirs=False) as store:
        hits = store.index.search(" ".join(args.query), limit=args.limit, kinds=args.kind)
    for hit in hits:
        print(f"{hit.score:5.1f}  {hit.kind:<6} #{hit.record_id:<6} {plain(hit.label)}")
    if not hits:
        print("no match", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from store.export import WHATS, ExportFilter, export

    if args.format == "csv" and not args.what:
        print(f"tracker: csv holds one kind of record: add --what {'|'.join(WHATS)}",
              file=sys.stderr)
        return 2
    from store import formats

    if args.format == "brat" and not args.out:
        print("tracker: brat writes a folder: add --out FOLDER", file=sys.stderr)
        return 2
    problem = _unwritable(args.out, folder=args.format == "brat") if args.out else None
    if problem:
        print(f"tracker: {plain(args.out)}: {problem}", file=sys.stderr)
        return 2
    with open_store(getattr(args, "db", None), create_dirs=False) as store:
        try:
            if args.format == "brat":
                count = formats.brat(store, args.out)
                print(f"{count} documents written to {plain(args.out)}", file=sys.stderr)
                return 0
            where = ExportFilter(args.crisis, tuple(args.status or ()), args.since)
            with _replaced(args.out) as out:
                if args.format == "acled":
                    formats.acled(store, out, args.include_duplicates, args.all_types, where,
                                  args.background)
                elif args.format == "hxl":
                    formats.hxl(store, out, args.include_duplicates, where)
                else:
                    export(store, out, args.format, args.what, where)
        except OSError as error:
            print(f"tracker: {plain(args.out)}: cannot write ({plain(error.strerror or error)})",
                  file=sys.stderr)
            return 2
    return 0


def _unwritable(path: Path, folder: bool) -> str | None:
    """Why an export cannot go to ``path``, in a few words, or None."""
    if folder:
        return "is a file: brat writes a folder" if path.exists() and not path.is_dir() \
            else None
    if path.is_dir():
        return "is a folder: give the name of a file to write"
    if not path.parent.is_dir():
        return f"folder {plain(path.parent)} does not exist"
    return None


@contextlib.contextmanager
def _replaced(path: Path | None):
    """Where an export writes: stdout, or a new file beside ``path`` that replaces it only
    once complete, so a failed export never leaves half a file in place of a good one."""
    if path is None:
        yield sys.stdout
        return
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    if path.exists():
        mode = path.stat().st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
    try:
        with open(handle, "w", encoding="utf-8", newline="") as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def cmd_import(args: argparse.Namespace) -> int:
    from store.importer import import_lines, read_lines

    with open_store(getattr(args, "db", None), create_dirs=False) as store:
        try:
            report = import_lines(store, read_lines(args.file))
        except (OSError, UnicodeDecodeError) as error:
            print(f"tracker: {plain(args.file)}: {plain(error)}", file=sys.stderr)
            return 2
    for kind, record_id, name in report.applied:
        print(f"applied  {kind} #{record_id} {name}")
    for conflict in report.conflicts:
        print(f"conflict {plain(conflict)}")
    for problem in report.problems:
        print(f"skipped  {plain(problem)}", file=sys.stderr)
    print(f"{len(report.applied)} changes applied, {len(report.conflicts)} conflicts kept "
          f"as they are, {report.unchanged} values already equal, {len(report.problems)} "
          "problems")
    return 1 if report.conflicts or report.problems else 0


def cmd_reextract(args: argparse.Namespace) -> int:
    from store.ingest import reextract

    with open_store(getattr(args, "db", None), create_dirs=False) as store:
        done = reextract(store, everything=args.all)
    for document_id, counts in done:
        print(f"document #{document_id}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"{len(done)} documents re-extracted")
    return 0


COMMANDS = {"ingest": cmd_ingest, "search": cmd_search, "export": cmd_export,
            "reextract": cmd_reextract, "import": cmd_import}
