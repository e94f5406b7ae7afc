"""One article's way into the store, and the stream of articles a set of paths holds: find
files (regular files only, links out of a folder not followed), read them
(``store.readers``), skip what is known, extract, store. Both the serial ingest
(``store.ingest``) and the parallel one (``store.parallel``) are built from these pieces, so
neither imports the other.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import extract
from extract.geo import Point, dateline_place

from .connect import StoreError
from .readers import SUFFIXES, Article, Skipped, Unreadable, read_articles
from .store import Added, Store


def find_files(paths: Iterable[str | os.PathLike | Skipped]) -> Iterator[Path | Skipped]:
    """Files to ingest under ``paths`` (folders walked in name order), or why one is skipped."""
    for given in paths:
        if isinstance(given, Skipped):
            yield given
            continue
        path = Path(given).absolute()
        if path.is_dir():
            errors: list[OSError] = []
            inside = os.path.realpath(path)
            for root, dirs, files in os.walk(path, onerror=errors.append):
                dirs[:] = sorted(d for d in dirs if not _hidden(d))
                for name in sorted(files):
                    child = Path(root) / name
                    if child.suffix.lower() in SUFFIXES:
                        yield _outside(child, inside) or child
                    elif not _hidden(name):
                        yield Skipped(str(child), f"{_kind_of(child)}: tracker reads "
                                      f"{', '.join(sorted(SUFFIXES))}")
            for error in errors:
                yield Skipped(str(error.filename), _reason(error))
        elif path.is_file() or os.path.lexists(path):
            yield path  # reading it says what is wrong (a symlink loop, no permission, ...)
        else:
            yield Skipped(str(path), "no such file or folder")


def _hidden(name: str) -> bool:
    """Files and folders nobody means to ingest: dot-files (.DS_Store, .git) and caches."""
    return name.startswith(".") or name == "__pycache__"


def _kind_of(path: Path) -> str:
    return f"a {path.suffix.lower()} file" if path.suffix else "a file without an extension"


def _outside(child: Path, folder: str) -> Skipped | None:
    """Why a link found in a folder is not followed: it leads out of the folder given (a
    downloaded folder may link to /etc/passwd or ~/.ssh), or nowhere."""
    if not child.is_symlink():
        return None
    target = os.path.realpath(child)
    if os.path.commonpath([target, folder]) != folder:
        return Skipped(str(child), f"a link to {target}, outside {folder}: not followed")
    return None


@dataclass(frozen=True)
class FileDone:
    """Marks the end of one file's articles in a stream (for a progress bar)."""

    path: Path


def articles_in(paths: Iterable[str | os.PathLike | Path | Skipped],
                ) -> Iterator[Article | Skipped | FileDone]:
    """Every article under ``paths`` in order, why a file or article is skipped, and a
    ``FileDone`` after each file: the one stream both the serial and the parallel ingest
    read."""
    for item in find_files(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield from read_articles(item)
        except (OSError, ValueError) as error:
            yield Skipped(str(item), _reason(error))
        yield FileDone(item)


def known_article(store: Store, article: Article) -> Added | None:
    """The stored document with this article's text, if there is one."""
    known = store.documents.find(article.text)
    if known is None:
        return None
    return Added(known, store.documents.get(known).title, new=False)


def analyse(text: str, published: str | None) -> tuple[extract.Extraction, Point | None]:
    """The expensive, pure part of ingesting: extraction and the dateline's place (what a
    worker process runs for ``--jobs``)."""
    return extract.extract(text, published=published), dateline_place(text)


def ingest_article(store: Store, article: Article) -> Added:
    """Extract one article unless its text is already stored, then store it."""
    known = known_article(store, article)
    if known is not None:
        return known
    return write_article(store, article, *analyse(article.text, article.published))


def write_article(store: Store, article: Article, extraction: extract.Extraction,
                  place: Point | None) -> Added:
    """Store an article with its extraction (one transaction)."""
    added = store.documents.add(
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
    warnings = list(article.warnings)
    undated = sum(1 for event in extraction.events if event.date is None)
    if undated and not (article.published or extraction.published) and added.new:
        warnings.append(f"no publication date (none given, no year in the dateline): "
                        f"{undated} of {len(extraction.events)} events undated: set their "
                        "dates by hand (e), or ingest it as .json with a `published` date")
    return dataclasses.replace(added, warnings=tuple(warnings)) if warnings else added


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    message = " ".join(str(error).split())
    return message if isinstance(error, Unreadable) else f"{type(error).__name__}: {message}"


def ingest_one(store: Store, article: Article) -> Added | Skipped:
    """``ingest_article``, a failure reported as a skip (see ``skip_on_failure``)."""
    return skip_on_failure(article, lambda: ingest_article(store, article))


def skip_on_failure(article: Article, work: Callable[[], Added]) -> Added | Skipped:
    """``work()``'s result, or a skip saying why it failed: one bad article never stops the
    others, unless the store itself cannot take it (read-only), which stops the ingest."""
    try:
        return work()
    except StoreError:
        raise
    except Exception as error:
        return Skipped(article.source, _reason(error))
