"""From files on disk to stored documents: read, skip what is known, extract, store.

Reads plain text and Markdown (title = first line), news-please JSON (``title``,
``date_publish``, ``url``, ``text``) and JSON Lines (``title``, ``text``, ``url``,
``published`` per line). A file that cannot be read is reported and skipped; the others go on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import extract

from .store import Added, Store

TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES


@dataclass(frozen=True)
class Article:
    text: str
    title: str
    source: str
    url: str = ""
    published: str | None = None


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


def _iso_date(value) -> str | None:
    if not value:
        return None
    return str(value)[:10]


def _title_of(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("# ").strip()[:200]
    return ""


def _from_mapping(data: dict, source: str) -> Article:
    text = data.get("text") or data.get("maintext") or ""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no text field")
    title = data.get("title") or _title_of(text)
    published = data.get("published") or data.get("date_publish")
    return Article(text, str(title), source, str(data.get("url") or ""), _iso_date(published))


def read_articles(path: Path) -> Iterator[Article]:
    """The articles one file holds (one, or one per JSON line)."""
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for number, line in enumerate(content.splitlines(), 1):
            if line.strip():
                yield _from_mapping(json.loads(line), f"{path}:{number}")
    elif suffix == ".json":
        yield _from_mapping(json.loads(content), str(path))
    else:
        if not content.strip():
            raise ValueError("empty file")
        yield Article(content, _title_of(content), str(path))


def find_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Skipped]:
    """Files to ingest under ``paths`` (folders walked in name order), or why one is skipped."""
    for given in paths:
        path = Path(given).absolute()
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    child = Path(root) / name
                    if child.suffix.lower() in SUFFIXES:
                        yield child
        elif path.is_file():
            yield path
        else:
            yield Skipped(str(path), "no such file or folder")


def ingest_article(store: Store, article: Article) -> Added:
    """Extract one article unless its text is already stored, then store it."""
    known = store.has_document(article.text)
    if known is not None:
        return Added(known, store.document(known)["title"], new=False)
    extraction = extract.extract(article.text, published=article.published)
    return store.add_document(
        article.text,
        extraction,
        title=article.title,
        source=article.source,
        url=article.url,
        published=article.published or extraction.published,
        extractor_version=extract.EXTRACTOR_VERSION,
    )


def ingest_paths(
    store: Store,
    paths: Iterable[str | os.PathLike],
    on_result: Callable[[Added | Skipped], None] | None = None,
) -> list[Added | Skipped]:
    """Ingest every article under ``paths``; report each result as it comes."""
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
                report(ingest_article(store, article))
        except (OSError, ValueError) as error:
            report(Skipped(str(item), str(error) or type(error).__name__))
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
