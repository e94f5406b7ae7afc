"""Untrusted text made safe to show: article text is data, never markup or terminal control.

Rich/Textual markup is avoided by handing widgets ``rich.text.Text`` objects (never markup
strings); what is left is control characters, which ``plain`` turns into visible symbols so an
``ESC ] 0 ;`` or ``ESC [ 2 J`` in an article cannot retitle or clear the terminal.
"""

from __future__ import annotations

import re

from rich.text import Text

from store.cells import show_controls

# C0 controls but tab and newline (carriage return included: it rewrites the line), DEL, C1
# controls, and bidi overrides that can hide text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def plain(text: object, *, one_line: bool = False) -> str:
    """``text`` with every control character replaced by a visible stand-in."""
    value = "" if text is None else str(text)
    value = show_controls(value, _CONTROL)
    if one_line:
        value = " ".join(value.split())
    return value


def safe_text(text: object, style: str = "", *, one_line: bool = False) -> Text:
    """A Rich ``Text`` of untrusted text: shown literally, whatever brackets it holds."""
    return Text(plain(text, one_line=one_line), style=style)
