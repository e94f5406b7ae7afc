"""The documents of a store: adding one with what was extracted from it, finding one by its
text, reading one back and its sentences."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from extract.model import Extraction

from . import duplicates
from .connect import Connection
from .crises import Crises
from .history import now
from .sentences import split_sentences
from .writer import ExtractionWriter


def content_hash(text: str) -> str:
    """Identity of a document: its text, so the same article ingested twice is one document."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Added:
    """What one document brought into the store."""

    document_id: int
    title: str
    new: bool  # False when the same text was already stored
    events: int = 0
    actors: int = 0  # actors new to the store
    figures: int = 0
    duplicate_of: int | None = None  # the stored document this one is a copy of
    warnings: tuple[str, ...] = ()  # what of the input could not be used (a bad date)


@dataclass(frozen=True)
class Document:
    """A stored article: its text and where it came from."""

    id: int
    title: str
    source: str
    url: str
    published: str | None
    text: str
    ingested_at: str
    extractor_version: str
    author: str
    place: str | None  # its dateline's place, and that place's country
    country: str | None
    duplicate_of: int | None  # the document it is a republished copy of
    overlap: float | None  # the share of wording it has in common with that one
    crisis_id: int | None


_DOCUMENT_COLUMNS = ", ".join(f'"{f.name}"' for f in dataclasses.fields(Document))


class Documents:
    """The articles of a store and their ingest."""

    def __init__(self, connection: Connection, writer: ExtractionWriter,
                 crises: Crises) -> None:
        self.connection = connection
        self.writer = writer
        self.crises = crises

    def find(self, text: str) -> int | None:
        """The id of the stored document with exactly this text, if there is one."""
        row = self.connection.execute(
            "SELECT id FROM documents WHERE hash = ?", (content_hash(text),)
        ).fetchone()
        return row[0] if row else None

    def count(self) -> int:
        return self.connection.execute("SELECT count(*) FROM documents").fetchone()[0]

    def get(self, document_id: int) -> Document:
        """The stored document (KeyError when there is none)."""
        row = self.connection.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            raise KeyError(f"no document {document_id}")
        return Document(*row)

    def sentences(self, document_id: int) -> list[tuple[int, int]]:
        """The document's sentences as (start, end) offsets, for picking a span to annotate."""
        text = self.connection.execute(
            "SELECT text FROM documents WHERE id = ?", (document_id,)
        ).fetchone()[0]
        return split_sentences(text)

    def add(
        self,
        text: str,
        extraction: Extraction,
        *,
        title: str = "",
        source: str = "",
        url: str = "",
        published: str | None = None,
        extractor_version: str = "",
        author: str = "",
        place: str | None = None,
        country: str | None = None,
    ) -> Added:
        """Store a document and what was extracted from it, in one transaction.

        A near-duplicate of a stored document (a republished wire copy) is stored and linked
        to it (``duplicate_of``), so its figures can be told apart and not counted twice.
        """
        self.connection.writable()
        shingles = duplicates.fingerprint(text)
        with self.connection.writing():
            existing = self.find(text)
            if existing is not None:
                return Added(existing, self.get(existing).title, new=False)
            original = duplicates.find_original(self.connection.conn, shingles, text)
            document_id = self.connection.insert("documents", {
                "hash": content_hash(text),
                "title": title,
                "source": source,
                "url": url,
                "published": published or extraction.published,
                "text": text,
                "ingested_at": now(),
                "extractor_version": extractor_version,
                "author": author,
                "place": place,
                "country": country,
                "duplicate_of": original[0] if original else None,
                "overlap": original[1] if original else None,
            })
            duplicates.remember(self.connection.conn, document_id, shingles)
            actor_ids, new_actors = self.writer.actors(document_id, text, extraction, country)
            figure_ids = self.writer.figures(document_id, text, extraction)
            for event in extraction.events:
                self.writer.event(document_id, text, event, actor_ids, figure_ids)
            self.crises.assign(document_id)
            return Added(
                document_id,
                title,
                new=True,
                events=len(extraction.events),
                actors=new_actors,
                figures=len(figure_ids),
                duplicate_of=original[0] if original else None,
            )
