"""The seed articles tracker ships with, ingested into a new store on first launch."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def paths() -> list[Path]:
    """Every bundled seed article, in name order."""
    folder = resources.files(__name__)
    return sorted(
        Path(str(item)) for item in folder.iterdir() if item.name.endswith((".txt", ".md"))
    )
