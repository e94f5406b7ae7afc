"""The ``tracker`` command: a thin shell over the store functions the TUI uses too.

``tracker`` (or ``tracker --db FILE``) opens the TUI; ``ingest``, ``search`` and ``export``
work without it. Textual is imported only when the TUI is wanted, so the other commands start
fast and work over a pipe.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from store import Store, StoreError, default_path
from store.records import KINDS

from .safe import plain


def _parser() -> argparse.ArgumentParser:
    db_help = "the store (default: $TRACKER_DB, else $XDG_DATA_HOME/tracker/tracker.db)"
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, help=db_help, default=argparse.SUPPRESS)

    parser = argparse.ArgumentParser(
        prog="tracker",
        description="Turn crisis news into a reviewed record of events, actors and figures.",
        parents=[common],
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ingest = commands.add_parser(
        "ingest", parents=[common], help="add articles (.txt, .md, .json, .jsonl; folders)"
    )
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    search = commands.add_parser("search", parents=[common], help="fuzzy search, as text")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--kind", choices=KINDS, action="append", help="only this kind")

    export = commands.add_parser("export", parents=[common], help="write records to stdout")
    export.add_argument("--format", choices=("json", "jsonl", "csv"), default="json")
    export.add_argument("--what", choices=("documents", "events", "actors", "figures"))

    again = commands.add_parser(
        "reextract", parents=[common],
        help="run the current extractor again over stored documents; human edits win",
    )
    again.add_argument("--all", action="store_true", help="also documents already extracted "
                       "by this version of the extractor")

    commands.add_parser("tui", parents=[common], help="open the TUI (the default)")
    return parser


def _open(path: Path | None, *, create_dirs: bool) -> Store:
    path = path or default_path()
    if create_dirs:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.parent.is_dir():
        raise StoreError(f"{path}: folder {path.parent} does not exist")
    return Store(path)


def _print_result(result) -> None:
    from store.ingest import Skipped

    if isinstance(result, Skipped):
        print(f"skipped  {plain(result.source)}: {plain(result.reason)}", file=sys.stderr)
    elif result.new:
        print(
            f"added    #{result.document_id} {plain(result.title)!r}: {result.events} events, "
            f"{result.figures} figures, {result.actors} new actors"
        )
    else:
        print(f"known    #{result.document_id} {plain(result.title)!r}: already stored")


def cmd_ingest(args) -> int:
    from store.ingest import Skipped, ingest_paths

    with _open(getattr(args, "db", None), create_dirs=True) as store:
        results = ingest_paths(store, args.paths, on_result=_print_result)
    added = sum(1 for r in results if not isinstance(r, Skipped) and r.new)
    known = sum(1 for r in results if not isinstance(r, Skipped) and not r.new)
    skipped = sum(1 for r in results if isinstance(r, Skipped))
    print(f"{added} added, {known} already stored, {skipped} skipped")
    return 1 if skipped and not (added or known) else 0


def cmd_search(args) -> int:
    with _open(getattr(args, "db", None), create_dirs=False) as store:
        hits = store.search(" ".join(args.query), limit=args.limit, kinds=args.kind)
    for hit in hits:
        print(f"{hit.score:5.1f}  {hit.kind:<6} #{hit.record_id:<6} {plain(hit.label)}")
    if not hits:
        print("no match", file=sys.stderr)
    return 0


def cmd_export(args) -> int:
    from store.export import WHATS, export

    if args.format == "csv" and not args.what:
        print(f"tracker: csv holds one kind of record: add --what {'|'.join(WHATS)}",
              file=sys.stderr)
        return 2
    with _open(getattr(args, "db", None), create_dirs=False) as store:
        export(store, sys.stdout, args.format, args.what)
    return 0


def cmd_reextract(args) -> int:
    from store.ingest import reextract

    with _open(getattr(args, "db", None), create_dirs=False) as store:
        done = reextract(store, everything=args.all)
    for document_id, counts in done:
        print(f"document #{document_id}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    print(f"{len(done)} documents re-extracted")
    return 0


def cmd_tui(args) -> int:
    from store.ingest import ensure_seeded

    from .app import make_app

    path = getattr(args, "db", None) or default_path()
    with _open(path, create_dirs=getattr(args, "db", None) is None) as store:
        if not store.document_count():
            print(f"New store {path}: ingesting the bundled seed articles…", file=sys.stderr)
            ensure_seeded(store)
    make_app(path).run()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = {
        "ingest": cmd_ingest,
        "search": cmd_search,
        "export": cmd_export,
        "reextract": cmd_reextract,
    }.get(args.command, cmd_tui)
    try:
        return command(args)
    except StoreError as error:
        print(f"tracker: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
