"""Who a figure's sentence says reported it: a named official source, or not.

Read once, when the figure is stored (and by the migration that added the column for the
figures stored before), so that the claims of a crisis can prefer official reports in SQL
without reading every sentence again."""

from __future__ import annotations

import functools
import re

OFFICIAL = re.compile(
    r"\b(officials?|ministry|minister|prosecutors?|police|authorities|government|spokes"
    r"(?:wo)?man|spokesperson|mayor|president|prefect|governor|army|military|agency|"
    r"hospital|coroner|sheriff|un|unhcr|ocha|red cross)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def official(sentence: str | None) -> int:
    """1 when the sentence names an official source (SQLite stores the flag as 0/1)."""
    return int(bool(sentence and OFFICIAL.search(sentence)))
