"""CSV cells a spreadsheet cannot run: every CSV the tool writes goes through here.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (after
any leading spaces) is read by Excel, LibreOffice and Google Sheets as a formula
(CSV/formula injection: ``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``). Such a cell gets a
leading ``'``, as OWASP recommends: spreadsheets show the text as it was. Control characters
(an ESC, a BEL) are shown as visible symbols. Numbers stay numbers:
an ``int`` or ``float``, and text that is only a number (``-12``, ``+3.5``), are written as
they are, since a spreadsheet reads them as the number, never as a formula.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# C0 controls but tab, newline and carriage return (a quoted cell may hold those), DEL, C1
# controls, and bidi overrides that can hide text: an ESC in a cell runs as an escape sequence
# when the file is shown on a terminal, and no spreadsheet cell can hold one.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␀ for NUL, ␊ for a newline, ...
    if code == 0x7F:
        return "\u2421"
    if code in (0x2028, 0x2029):
        return "\u2424"  # ␤: the Unicode line and paragraph separators
    return "\ufffd"


def show_controls(text: str, pattern: re.Pattern = CONTROL) -> str:
    """``text`` with each character ``pattern`` matches (by default ``CONTROL``) replaced by
    a visible stand-in."""
    return pattern.sub(_visible, text)


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")


def cell(value: Any) -> Any:
    """``value`` as a CSV cell no spreadsheet evaluates (None is an empty cell)."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    text = show_controls(str(value))
    lead = text.lstrip(" ")
    if lead.startswith(FORMULA_START) and not _NUMBER.match(lead):
        return "'" + text
    return text


class SafeWriter:
    """``csv.writer`` whose every cell goes through ``cell``."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([cell(value) for value in row])


class SafeDictWriter(csv.DictWriter):
    """``csv.DictWriter`` whose every cell goes through ``cell`` (the header is ours)."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({key: cell(value) for key, value in rowdict.items()})


# For one line of a command's output: every control character, tab and newline included, and
# the Unicode line and paragraph separators.
_LINE_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_terminal_line(text: object) -> str:
    """``text`` as part of one line of a command's output: control characters and every line
    break shown as visible symbols, so a file name or title cannot forge another output line
    or move the cursor."""
    return show_controls("" if text is None else str(text), _LINE_CONTROL)
