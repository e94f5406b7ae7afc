"""From files on disk to stored documents: find files, read (``store.readers``), skip what
is known, extract, store. A file that cannot be read is reported and skipped; the others go on.
The publication date and place come from the file's metadata, else from the text's dateline.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import extract
from extract.geo import dateline_place

from .connect import StoreError
from .readers import SUFFIXES, Article, Skipped, Unreadable, read_articles
from .store import Added, Store


def find_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Skipped]:
    """Files to ingest under ``paths`` (folders walked in name order), or why one is skipped."""
    for given in paths:
        if isinstance(given, Skipped):
            yield given
            continue
        path = Path(given).absolute()
        if path.is_dir():
            errors: list[OSError] = []
            for root, dirs, files in os.walk(path, onerror=errors.append):
                dirs.sort()
                for name in sorted(files):
                    child = Path(root) / name
                    if child.suffix.lower() in SUFFIXES:
                        yield child
            for error in errors:
                yield Skipped(str(error.filename), _reason(error))
        elif path.is_file() or os.path.lexists(path):
            yield path  # reading it says what is wrong (a symlink loop, no permission, ...)
        else:
            yield Skipped(str(path), "no such file or folder")


def ingest_article(store: Store, article: Article) -> Added:
    """Extract one article unless its text is already stored, then store it."""
    known = store.has_document(article.text)
    if known is not None:
        return Added(known, store.document(known)["title"], new=False)
    extraction = extract.extract(article.text, published=article.published)
    place = dateline_place(article.text)
    return store.add_document(
        article.text,
        extraction,
        title=article.title,
        source=article.source,
        url=article.url,
        published=article.published or extraction.published,
        extractor_version=extract.EXTRACTOR_VERSION,
        author=article.author,
        place=place.name if place else None,
        country=place.country if place else None,
    )


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    message = " ".join(str(error).split())
    return message if isinstance(error, Unreadable) else f"{type(error).__name__}: {message}"


def ingest_paths(
    store: Store,
    paths: Iterable[str | os.PathLike | Path | Skipped],
    on_result: Callable[[Added | Skipped], None] | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> list[Added | Skipped]:
    """Ingest every article under ``paths`` (or the items ``find_files`` gave); report each
    result as it comes, and each file when it is done (for a progress bar)."""
    results: list[Added | Skipped] = []

    def report(result: Added | Skipped) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    for item in find_files(paths):
        if isinstance(item, Skipped):
            report(item)
            continue
        try:
            for article in read_articles(item):
                if isinstance(article, Skipped):
                    report(article)
                    continue
                try:
                    report(ingest_article(store, article))
                except StoreError:
                    raise  # the store itself cannot take it (read-only): stop, say why
                except Exception as error:  # one bad article never stops the others
                    report(Skipped(article.source, _reason(error)))
        except (OSError, ValueError) as error:
            report(Skipped(str(item), _reason(error)))
        if on_file is not None:
            on_file(item)
    return results


def reextract(store: Store, everything: bool = False) -> list[tuple[int, dict]]:
    """Run the current extractor again over stored documents (those extracted by another
    version, or all), keeping every human decision (see ``store.reextract``)."""
    done = []
    for document_id, text, published, version in store.conn.execute(
        "SELECT id, text, published, extractor_version FROM documents ORDER BY id"
    ).fetchall():
        if not everything and version == extract.EXTRACTOR_VERSION:
            continue
        extraction = extract.extract(text, published=published)
        counts = store.reextract_document(document_id, extraction, extract.EXTRACTOR_VERSION)
        done.append((document_id, counts))
    return done


def seed_paths() -> list[Path]:
    """The seed articles bundled with tracker."""
    import seeds

    return seeds.paths()


def ensure_seeded(store: Store) -> list[Added | Skipped]:
    """Ingest the bundled seeds into an empty store, so a new user never sees empty panes."""
    if store.document_count():
        return []
    return ingest_paths(store, seed_paths())
