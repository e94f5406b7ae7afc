"""The layers run one way (tui > store > extract), and nothing below the TUI imports Textual
or Rich: import-linter checks the contracts in pyproject.toml on the code as it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_import_contracts_are_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_the_store_commands_run_without_the_tui(tmp_path):
    """`ingest`, `search`, `export` live in store.cli: they run without Textual loaded (the
    TUI layer only adds the `tui` command and Rich's progress bar; Rich may still come in
    with spaCy's own CLI, which is not ours)."""
    article = tmp_path / "a.txt"
    article.write_text("Gunmen killed 12 villagers in Borno on Monday, police said.\n",
                       encoding="utf-8")
    db = tmp_path / "t.db"
    script = (
        "import sys\n"
        "from store.cli import COMMANDS, parser\n"
        "p, _, _ = parser()\n"
        f"assert COMMANDS['ingest'](p.parse_args(['ingest', {str(article)!r}, '--db', "
        f"{str(db)!r}])) == 0\n"
        f"assert COMMANDS['search'](p.parse_args(['search', 'villagers', '--db', "
        f"{str(db)!r}])) == 0\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('textual', 'tui')]\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "1 added" in result.stdout and "villagers" in result.stdout
