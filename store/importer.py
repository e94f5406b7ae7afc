"""``tracker import``: bring a reviewed JSONL export back into a store.

Each line names a record (``record`` kind and ``id``, as ``tracker export --format jsonl``
writes them, with ``exported_at``). For every editable field whose value differs from the
store's, the import applies it as a human edit, unless a person changed that field in this
store after the export was made: then both sides changed it, and it is reported as a conflict
and left as it is. All applied changes form one undoable step.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from .history import WHOLE_ROW
from .records import EDITABLE, InvalidValue, check
from .store import Store


@dataclass
class ImportReport:
    applied: list[tuple[str, int, str]] = field(default_factory=list)  # kind, id, field
    conflicts: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unchanged: int = 0


def _same_record(store: Store, kind: str, line: dict) -> bool:
    """Whether the store's record with this id is the exported one (not another store's)."""
    if kind == "actor":
        return True
    row = store.conn.execute(
        f'SELECT document_id, start, "end" FROM {kind}s WHERE id = ?', (line["id"],)
    ).fetchone()
    return row is not None and row == (line.get("document"), line.get("start"), line.get("end"))


def _changed_since(store: Store, kind: str, record_id: int, field_name: str, since: str) -> bool:
    return store.conn.execute(
        "SELECT 1 FROM edits WHERE kind = ? AND record_id = ? AND field = ? AND undone = 0 "
        "AND at > ? LIMIT 1",
        (kind, record_id, field_name, since),
    ).fetchone() is not None


def import_lines(store: Store, lines: Iterable[str]) -> ImportReport:
    report = ImportReport()
    plans: list[tuple[str, int, str, object]] = []
    with store.lock:
        for number, raw in enumerate(lines, 1):
            if not raw.strip():
                continue
            where = f"line {number}"
            try:
                line = json.loads(raw)
                kind, record_id = line["record"], int(line["id"])
            except (ValueError, KeyError, TypeError):
                report.problems.append(f"{where}: not a record line of a tracker export")
                continue
            if kind not in EDITABLE:
                continue  # documents are not edited
            if not _same_record(store, kind, line):
                report.problems.append(f"{where}: {kind} #{record_id} is not in this store")
                continue
            since = line.get("exported_at") or ""
            for name in EDITABLE[kind]:
                if name not in line:
                    continue
                value = line[name]
                try:
                    new = check(kind, name, value)
                except InvalidValue as error:
                    report.problems.append(f"{where}: {kind} #{record_id} {error}")
                    continue
                current = store._read(kind, record_id, name)
                if new == current:
                    report.unchanged += 1
                elif since and _changed_since(store, kind, record_id, name, since):
                    report.conflicts.append(
                        f"{kind} #{record_id} {name}: changed here since the export "
                        f"(here {current!r}, import {new!r}): kept"
                    )
                else:
                    plans.append((kind, record_id, name, new))
        if plans:
            with store.step("import"):
                for kind, record_id, name, new in plans:
                    assert name != WHOLE_ROW
                    if store.change(kind, record_id, name, new) is not None:
                        report.applied.append((kind, record_id, name))
    return report
