"""What kinds of record exist, which of their fields a person may edit, and how values are checked.

Validation lives here, beside the store, so the TUI form, the CLI and any import path refuse
the same bad values with the same message, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from extract.model import ACTOR_KINDS, DATE_PRECISIONS, EVENT_TYPES, QUALIFIERS, SUB_TYPE_NAMES

# record kind -> table
TABLES = {"event": "events", "actor": "actors", "figure": "figures"}
KINDS = tuple(TABLES)
STATUSES = ("unreviewed", "confirmed", "rejected")

ANNOTATION_FIELDS = ("note", "status", "tags")

# The fields a person may change, per kind, in the order a form shows them.
EDITABLE: dict[str, tuple[str, ...]] = {
    "event": (
        "type",
        "sub_type",
        "summary",
        "date_start",
        "date_end",
        "date_precision",
        "location",
        "country",
        *ANNOTATION_FIELDS,
    ),
    "actor": ("name", "kind", "country", *ANNOTATION_FIELDS),
    "figure": (
        "value",
        "qualifier",
        "low",
        "high",
        "category",
        "counted",
        "location",
        *ANNOTATION_FIELDS,
    ),
}


class InvalidValue(ValueError):
    """A value a field cannot hold; the message is meant for the person who typed it."""


# Sizes no real annotation reaches: a longer value is a mistake or an attack (a 100 MB note).
MAX_NOTE = 20_000
MAX_TEXT = 1_000
MAX_TAGS, MAX_TAG = 50, 100
MAX_COUNT = 10**10  # more people than have ever lived at once


def _as_text(value: object) -> str:
    """``value`` as a stripped string; only text (or nothing) is accepted."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidValue(f"must be text, not {type(value).__name__}")
    return value.strip()


def _choice(options: tuple[str, ...]) -> Callable[[object], str]:
    def check(value: object) -> str:
        text = _as_text(value)
        if text not in options:
            raise InvalidValue(f"must be one of: {', '.join(options)}")
        return text

    return check


def _count(value, *, optional: bool = False):
    if value is None or (isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise InvalidValue("a count is required")
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise InvalidValue(f"must be a whole number, not {type(value).__name__}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().replace(",", "").replace("_", "")
    try:
        number = int(text) if len(text) <= 40 else None
    except ValueError:
        number = None
    if number is None:
        raise InvalidValue(f"{str(value)[:40]!r} is not a whole number")
    if number < 0:
        raise InvalidValue("a count cannot be negative")
    if number > MAX_COUNT:
        raise InvalidValue(f"{number:,} is more than a count can be")
    return number


def _date(value):
    text = _as_text(value)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidValue(f"{text[:40]!r} is not a date (use YYYY-MM-DD)") from None


def _text(value, limit: int = MAX_TEXT):
    text = _as_text(value)
    if len(text) > limit:
        raise InvalidValue(f"{len(text):,} characters: at most {limit:,}")
    return text


def _optional_text(value):
    text = _text(value)
    return text or None


def _sub_type(value):
    """A sub-event type of the codebook (any capitalisation; kept as typed), or none."""
    text = _text(value)
    if text and text.lower() not in SUB_TYPE_NAMES:
        raise InvalidValue(f"{text[:40]!r} is not a sub-event type of the codebook, e.g. "
                           "Armed clash, Air/drone strike, Attack, Peaceful protest, Arrests")
    return text or None


def _required_text(value):
    text = _text(value)
    if not text:
        raise InvalidValue("cannot be empty")
    return text


def _country(value):
    text = _as_text(value).upper()
    if not text:
        return None
    if len(text) != 3 or not text.isalpha():
        raise InvalidValue("use a three-letter ISO country code, e.g. AFG")
    return text


def _tags(value) -> str:
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("["):
            try:
                items = json.loads(stripped)
            except json.JSONDecodeError:
                raise InvalidValue("tags: a JSON list or words separated by commas") from None
        else:
            items = stripped.replace(",", " ").split()
    elif value is None:
        items = []
    elif isinstance(value, list):
        items = value
    else:
        raise InvalidValue(f"tags: a list, not {type(value).__name__}")
    clean: list[str] = []
    for item in items:
        if not isinstance(item, str):
            raise InvalidValue(f"tags: each tag is a word, not {type(item).__name__}")
        tag = item.strip().lower()
        if len(tag) > MAX_TAG:
            raise InvalidValue(f"tags: a tag of {len(tag):,} characters (at most {MAX_TAG})")
        if tag and tag not in clean:
            clean.append(tag)
    if len(clean) > MAX_TAGS:
        raise InvalidValue(f"tags: {len(clean)} tags (at most {MAX_TAGS})")
    return json.dumps(clean, ensure_ascii=False)


_CHECKS = {
    "type": _choice(EVENT_TYPES),
    "kind": _choice(ACTOR_KINDS),
    "qualifier": _choice(QUALIFIERS),
    "status": _choice(STATUSES),
    "date_precision": lambda v: _choice(DATE_PRECISIONS)(v) if _text(v) else None,
    "value": _count,
    "low": lambda v: _count(v, optional=True),
    "high": lambda v: _count(v, optional=True),
    "date_start": _date,
    "date_end": _date,
    "country": _country,
    "name": _required_text,
    "summary": _required_text,
    "category": _required_text,
    "counted": _text,
    "note": lambda v: _text(v, MAX_NOTE),
    "tags": _tags,
    "sub_type": _sub_type,
    "location": _optional_text,
}


def check(kind: str, field: str, value: object) -> Any:
    """Return ``value`` converted for ``kind.field``, or raise InvalidValue / KeyError."""
    if kind not in EDITABLE:
        raise KeyError(f"unknown record kind {kind!r}")
    if field not in EDITABLE[kind]:
        raise KeyError(f"{kind} has no editable field {field!r}")
    try:
        return _CHECKS[field](value)
    except InvalidValue as error:
        raise InvalidValue(f"{field}: {error}") from None
