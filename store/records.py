"""What kinds of record exist, which of their fields a person may edit, and how values are checked.

Validation lives here, beside the store, so the TUI form, the CLI and any import path refuse
the same bad values with the same message, before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json

from extract.model import ACTOR_KINDS, DATE_PRECISIONS, EVENT_TYPES, QUALIFIERS

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


def _choice(options: tuple[str, ...]):
    def check(value):
        text = str(value).strip()
        if text not in options:
            raise InvalidValue(f"must be one of: {', '.join(options)}")
        return text

    return check


def _count(value, *, optional: bool = False):
    if value is None or (isinstance(value, str) and not value.strip()):
        if optional:
            return None
        raise InvalidValue("a count is required")
    text = str(value).strip().replace(",", "").replace("_", "")
    try:
        number = int(text)
    except ValueError:
        raise InvalidValue(f"{value!r} is not a whole number") from None
    if number < 0:
        raise InvalidValue("a count cannot be negative")
    return number


def _date(value):
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidValue(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def _text(value):
    return "" if value is None else str(value).strip()


def _optional_text(value):
    text = _text(value)
    return text or None


def _required_text(value):
    text = _text(value)
    if not text:
        raise InvalidValue("cannot be empty")
    return text


def _country(value):
    text = _text(value).upper()
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
    else:
        items = list(value or [])
    clean: list[str] = []
    for item in items:
        tag = str(item).strip().lower()
        if tag and tag not in clean:
            clean.append(tag)
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
    "note": _text,
    "tags": _tags,
    "sub_type": _optional_text,
    "location": _optional_text,
}


def check(kind: str, field: str, value):
    """Return ``value`` converted for ``kind.field``, or raise InvalidValue / KeyError."""
    if kind not in EDITABLE:
        raise KeyError(f"unknown record kind {kind!r}")
    if field not in EDITABLE[kind]:
        raise KeyError(f"{kind} has no editable field {field!r}")
    try:
        return _CHECKS[field](value)
    except InvalidValue as error:
        raise InvalidValue(f"{field}: {error}") from None
