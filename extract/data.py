"""The curated tables in ``extract/data``, read once: the only I/O the extractor does."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

_DIR = Path(__file__).parent / "data"


@functools.cache
def load_json(name: str) -> Any:
    """Parse ``extract/data/<name>`` (cached; callers must not mutate the result)."""
    with open(_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


def words(name: str, key: str) -> frozenset[str]:
    """One word list of ``extract/data/<name>``, documented in that file's ``_doc``."""
    return frozenset(load_json(name)[key])


def countries() -> dict[str, list]:
    """ISO3 -> [short name, other names, demonyms]."""
    return {k: v for k, v in load_json("countries.json").items() if not k.startswith("_")}


def organisations() -> list[dict]:
    """Curated armed groups, IGOs, media and state metonyms."""
    return load_json("organisations.json")["entries"]


def regions() -> list[str]:
    return load_json("regions.json")["regions"]


def region_countries() -> dict[str, str]:
    """ISO3 of the one country a region lies in, for the regions that lie in one."""
    return load_json("regions.json")["within"]
