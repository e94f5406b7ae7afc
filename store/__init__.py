"""The local SQLite store: schema, writes, annotation history and search. No Textual here."""

from .claims import totals_of
from .connect import DiskFull, ReadOnlyStore, StoreError
from .history import Edit, Step
from .records import EDITABLE, KINDS, STATUSES, InvalidValue
from .schema import SchemaTooNew
from .search import Hit, SearchCancelled
from .store import Added, Store, default_path
from .views import View

__all__ = [
    "EDITABLE",
    "KINDS",
    "STATUSES",
    "Added",
    "DiskFull",
    "Edit",
    "Hit",
    "InvalidValue",
    "ReadOnlyStore",
    "SchemaTooNew",
    "SearchCancelled",
    "Step",
    "Store",
    "StoreError",
    "View",
    "default_path",
    "totals_of",
]
