"""The local SQLite store: schema, writes, annotation history and search. No Textual here."""

from .claims import totals_of
from .connect import DiskFull, ReadOnlyStore, StoreError
from .crises import Crisis, CrisisDocument, TimelineEvent
from .details import ActorRecord, AnyRecord, EventRecord, FigureRecord, Sourced
from .documents import Added, Document
from .history import Edit, Step
from .records import EDITABLE, KINDS, STATUSES, InvalidValue
from .schema import SchemaTooNew
from .search import Hit, SearchCancelled
from .store import Store, default_path
from .views import View

__all__ = [
    "EDITABLE",
    "KINDS",
    "STATUSES",
    "ActorRecord",
    "Added",
    "AnyRecord",
    "Crisis",
    "CrisisDocument",
    "DiskFull",
    "Document",
    "Edit",
    "EventRecord",
    "FigureRecord",
    "Hit",
    "InvalidValue",
    "ReadOnlyStore",
    "SchemaTooNew",
    "SearchCancelled",
    "Sourced",
    "Step",
    "Store",
    "StoreError",
    "TimelineEvent",
    "View",
    "default_path",
    "totals_of",
]
