"""``tracker import``: bring a reviewed JSONL export back into a store.

Each line names a record (``record`` kind and ``id``, as ``tracker export --format jsonl``
writes them, with ``exported_at``). For every editable field whose value differs from the
store's, the import applies it as a human edit, unless a person changed that field in this
store after the export was made: then both sides changed it, and it is reported as a conflict
and left as it is. All applied changes form one undoable step.

The file is untrusted: a line is matched to a record by identity, never by a bare id (an
event or figure by its document and span, an actor by its names), and a line with anything
wrong (an unknown kind or field, a field that cannot be edited given another value, a value of
the wrong type or size, a record already given on an earlier line) is refused whole, with
one line in the report saying why; the other lines still apply.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from extract import aliases as alias_rules

from .export import _SQL, DERIVED, record
from .history import WHOLE_ROW
from .records import EDITABLE, TABLES, InvalidValue, check
from .store import Store

MAX_ID = 2**63 - 1  # SQLite's largest integer
# What an export line carries besides the record's fields.
LINE_META = ("record", "exported_at")


@dataclass
class ImportReport:
    applied: list[tuple[str, int, str]] = field(default_factory=list)  # kind, id, field
    conflicts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unchanged: int = 0


class Refused(ValueError):
    """Why one line of an import is not applied."""


def _columns(kind: str) -> set[str]:
    """The fields an export line of this kind holds (the SELECT's names, aliased or not)."""
    select = _SQL[TABLES[kind]].split(" FROM ")[0].removeprefix("SELECT ")
    return {part.split(" AS ")[-1].strip().strip('"') for part in select.split(",")}


def _record_id(line: dict) -> int:
    value = line.get("id")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Refused("id must be a whole number")
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise Refused(f"id {value!r} is not a whole number")
    if not 1 <= value <= MAX_ID:
        raise Refused(f"id {value!r} is out of range")
    return int(value)


def _norms(names) -> set[str]:
    return {alias_rules.normalise(n) for n in names if isinstance(n, str) and n.strip()}


def _is_this_record(kind: str, line: dict, here: dict) -> bool:
    """Whether the store's record with the line's id is the one exported: the same document
    and span (events, figures), or a name in common (actors)."""
    if kind == "actor":
        aliases = line.get("aliases")
        theirs = [line.get("name"), *(aliases if isinstance(aliases, list) else [])]
        return bool(_norms(theirs) & _norms([here["name"], *here["aliases"]]))
    return all(line.get(key) == here[key] for key in ("document", "start", "end")) and (
        "sentence" not in line or line["sentence"] == here["sentence"])


def _check_fields(kind: str, line: dict, here: dict) -> dict[str, object]:
    """The line's editable values, checked; refused for any other field it would change."""
    table = TABLES[kind]
    known = _columns(kind) | set(DERIVED.get(table, ())) | set(LINE_META)
    unknown = sorted(str(k) for k in line if k not in known)
    if unknown:
        raise Refused(f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}")
    fixed = [name for name in _columns(kind) - set(EDITABLE[kind])
             if name in line and line[name] != here[name]]
    if fixed:
        raise Refused(f"{', '.join(sorted(fixed))} cannot be edited (only "
                      f"{', '.join(EDITABLE[kind])})")
    values: dict[str, object] = {}
    for name in EDITABLE[kind]:
        if name in line:
            try:
                values[name] = check(kind, name, line[name])
            except InvalidValue as error:
                raise Refused(str(error)) from None
    return values


def _changed_since(store: Store, kind: str, record_id: int, field_name: str, since: str) -> bool:
    """Whether a person changed this field here after ``since`` (any time, if unknown)."""
    return store.conn.execute(
        "SELECT 1 FROM edits WHERE kind = ? AND record_id = ? AND field = ? AND undone = 0 "
        "AND at > ? LIMIT 1",
        (kind, record_id, field_name, since),
    ).fetchone() is not None


def _parse(raw: str) -> tuple[str, dict] | None:
    """The line's kind and object, None for a document line (documents are not edited)."""
    try:
        line = json.loads(raw)
    except (ValueError, RecursionError):
        raise Refused("not a record line of a tracker export (not JSON)") from None
    if not isinstance(line, dict):
        raise Refused("not a record line of a tracker export (not an object)")
    kind = line.get("record")
    if kind == "document":
        return None
    if not isinstance(kind, str) or kind not in EDITABLE:
        raise Refused(f"unknown record kind {kind!r}"[:200])
    since = line.get("exported_at", "")
    if not isinstance(since, str):
        raise Refused("exported_at must be a date and time")
    return kind, line


MAX_LINE = 1_000_000  # characters: a record line with every text field at its longest


def read_lines(path: str | os.PathLike[str]) -> Iterator[str]:
    """The lines of an export file, split at ``\\n`` only, as the export writes them (a note
    may hold U+2028 or a form feed, which ``str.splitlines`` would split at). A line over
    ``MAX_LINE`` characters is given cut, so it is refused as not JSON without being held."""
    with open(path, encoding="utf-8", newline="\n") as handle:
        while True:
            line = handle.readline(MAX_LINE)
            if not line:
                return
            if len(line) == MAX_LINE and not line.endswith("\n"):
                while (rest := handle.readline(MAX_LINE)) and not rest.endswith("\n"):
                    pass
                yield line[:200] + " …(longer than a record line can be)"
                continue
            yield line


def import_lines(store: Store, lines: Iterable[str]) -> ImportReport:
    """Apply the records of ``lines`` (see the module's docstring); report every line."""
    report = ImportReport()
    plans: list[tuple[str, int, str, object]] = []
    seen: dict[tuple[str, int], int] = {}
    with store.lock:
        for number, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            try:
                parsed = _parse(raw)
                if parsed is None:
                    continue
                kind, line = parsed
                record_id = _record_id(line)
                label = f"{kind} #{record_id}"
                here = record(store, TABLES[kind], record_id)
                if here is None or not _is_this_record(kind, line, here):
                    raise Refused(f"{label} is not in this store")
                values = _check_fields(kind, line, here)
                if (kind, record_id) in seen:
                    raise Refused(f"{label} again (first on line {seen[kind, record_id]})")
                seen[kind, record_id] = number
            except Refused as error:
                report.problems.append(f"line {number}: {error}")
                continue
            since = line.get("exported_at") or ""
            for name, new in values.items():
                current = store.history.read(kind, record_id, name)
                if new == current:
                    report.unchanged += 1
                elif _changed_since(store, kind, record_id, name, since):
                    report.conflicts.append(
                        f"{label} {name}: changed here "
                        f"{'since the export' if since else '(the line has no exported_at)'} "
                        f"(here {current!r}, import {new!r}): kept"
                    )
                else:
                    plans.append((kind, record_id, name, new))
        if plans:
            with store.history.step("import"):
                for kind, record_id, name, new in plans:
                    assert name != WHOLE_ROW
                    if store.history.change(kind, record_id, name, new) is not None:
                        report.applied.append((kind, record_id, name))
    return report
