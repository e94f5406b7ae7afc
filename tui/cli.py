"""The ``tracker`` command: ``tracker`` (or ``tracker --db FILE``) opens the TUI; ``ingest``,
``search``, ``export``, ``import`` and ``reextract`` are ``store.cli``'s, run here with a
progress bar. Textual is imported only when the TUI is wanted, so the other commands start
fast and work over a pipe.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Any

from store import StoreError, default_path
from store.cells import one_terminal_line as plain
from store.cli import COMMANDS, cmd_ingest, open_store
from store.cli import parser as store_parser


def _parser():
    parser, commands, common = store_parser()
    parser.add_argument("--read-only", action="store_true",
                        help="open the store without changing it (the TUI refuses edits)")
    commands.add_parser("tui", parents=[common], help="open the TUI (the default)")
    return parser


def _progress(total: int) -> contextlib.AbstractContextManager[Any]:
    """A progress bar on a terminal (stderr), nothing when output goes to a file or pipe."""
    if not sys.stderr.isatty() or total < 2:
        return contextlib.nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    return Progress("[progress.description]{task.description}", BarColumn(),
                    MofNCompleteColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True)


def cmd_tui(args: argparse.Namespace) -> int:
    from store.ingest import ensure_seeded

    from .app import make_app

    given = getattr(args, "db", None)
    path = given or default_path()
    read_only = getattr(args, "read_only", False)
    # The default store's folder is made on first launch; a folder given with --db is not.
    with open_store(given, create_dirs=True, read_only=read_only) as store:
        read_only = store.read_only
        if not store.documents.count() and not read_only:
            print(f"New store {path}: ingesting the bundled seed articles…", file=sys.stderr)
            ensure_seeded(store)
    make_app(path, read_only=read_only).run()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "ingest":
            return cmd_ingest(args, progress=_progress)
        return COMMANDS.get(args.command, cmd_tui)(args)
    except StoreError as error:
        print(f"tracker: {plain(error)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
