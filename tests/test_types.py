"""The type checker over pyproject's [tool.mypy] ``files``: every package (extract, store,
tui, bench), so their dataclasses, parts, widgets and predicates keep their declared
types."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_is_clean_on_the_checked_packages(tmp_path):
    mypy = Path(sys.executable).parent / "mypy"
    result = subprocess.run([str(mypy), "--cache-dir", str(tmp_path / "cache")], cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
