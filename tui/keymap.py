"""A keymap file, as posting has one: the user's own keys for any binding, by its id.

``$TRACKER_KEYMAP``, else ``$XDG_CONFIG_HOME/tracker/keymap.toml`` (``~/.config``)::

    [keys]
    undo = "u,ctrl+z"        # VisiData's u undoes again ...
    "pane.unselect" = "U"    # ... and U unselects
    "actor.split" = "s"

Every binding of the app has an id (``?`` lists them); Textual's ``App.set_keymap`` does the
rest. A file that cannot be read, an unknown id or a value that is no key string is reported
and left out, never fatal: the app opens with its own keys for those.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

MAX_BYTES = 64_000  # a keymap is a few lines; a bigger file is not one


def keymap_path() -> Path:
    if os.environ.get("TRACKER_KEYMAP"):
        return Path(os.environ["TRACKER_KEYMAP"]).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "tracker" / "keymap.toml"


@dataclass
class Keymap:
    """The keys read from a keymap file, and what was wrong with it."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load(known_ids: set[str], path: Path | None = None) -> Keymap:
    """The keymap at ``path`` (default: ``keymap_path()``), checked against the ids of the
    app's bindings. No file: an empty keymap, no problem."""
    path = path or keymap_path()
    found = Keymap()
    try:
        if not path.is_file():
            if path.exists():
                found.problems.append(f"{path} is not a file")
            return found
        raw = path.read_bytes()[:MAX_BYTES + 1]
        if len(raw) > MAX_BYTES:
            found.problems.append(f"{path} is over {MAX_BYTES:,} bytes: not read")
            return found
        table = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        found.problems.append(f"{path}: {error}")
        return found
    keys = table.get("keys", {})
    if not isinstance(keys, dict):
        found.problems.append(f"{path}: [keys] must be a table of binding id = \"keys\"")
        return found
    for binding_id, value in keys.items():
        if binding_id not in known_ids:
            found.problems.append(f"no binding is called {binding_id!r} (? lists them)")
        elif not _key_string(value):
            found.problems.append(f"{binding_id}: {value!r} is not a key string like \"u\" "
                                  "or \"ctrl+z,U\"")
        else:
            found.keys[binding_id] = ",".join(k.strip() for k in value.split(","))
    return found


def _key_string(value: object) -> bool:
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        return False
    return all(k.strip() and k.strip().isprintable() and " " not in k.strip()
               for k in value.split(","))
