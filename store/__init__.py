"""The local SQLite store: schema, writes, annotation history and search. No Textual here."""

from .records import EDITABLE, KINDS, STATUSES, InvalidValue
from .schema import SchemaTooNew
from .search import Hit
from .store import Added, Edit, Store, StoreError, default_path

__all__ = [
    "EDITABLE",
    "KINDS",
    "STATUSES",
    "Added",
    "Edit",
    "Hit",
    "InvalidValue",
    "SchemaTooNew",
    "Store",
    "StoreError",
    "default_path",
]
