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

from .connect import StoreError
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


MAX_BYTES = 8_000_000  # one .txt/.md/.json file; a news article is well under 1 MB
MAX_CHARS = 1_000_000  # one article: spaCy's own limit on a text

# Leading bytes of common binary formats, so an image or an archive is named, not mangled.
MAGIC = {
    b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
    b"PK\x03\x04": "zip archive", b"%PDF": "PDF document", b"\x1f\x8b": "gzip archive",
    b"SQLite format 3": "SQLite database", b"\x7fELF": "program", b"RIFF": "media file",
}


class Unreadable(ValueError):
    """A file or line that cannot be an article; the message says why, in one line."""


def _iso_date(value) -> str | None:
    if not value:
        return None
    return str(value)[:10]


def _title_of(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("# ").strip()[:200]
    return ""


def sniff_binary(head: bytes) -> str | None:
    """What binary format ``head`` (a file's first bytes) is, or None for text."""
    for magic, name in MAGIC.items():
        if head.startswith(magic):
            return name
    if head and head.count(0) > max(8, len(head) // 100):
        return "binary file"
    return None


def decode(raw: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else Windows-1252, else Latin-1 (which
    decodes anything), so a legacy-encoded article is read, not rejected. NUL bytes are
    dropped."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = raw.decode("latin-1")
    return text.replace("\x00", "")


def _checked(article: Article) -> Article:
    if not article.text.strip():
        raise Unreadable("no text")
    if len(article.text) > MAX_CHARS:
        raise Unreadable(
            f"{len(article.text):,} characters: longer than the {MAX_CHARS:,} an article may "
            "have (split it)"
        )
    return article


def _from_mapping(data, source: str) -> Article:
    if not isinstance(data, dict):
        raise Unreadable("not a JSON object")
    text = data.get("text") or data.get("maintext") or ""
    if not isinstance(text, str) or not text.strip():
        raise Unreadable("no text field")
    text = text.replace("\x00", "")
    title = data.get("title") or _title_of(text)
    published = data.get("published") or data.get("date_publish")
    return _checked(
        Article(text, str(title), source, str(data.get("url") or ""), _iso_date(published))
    )


def _json(text: str, where: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise Unreadable(f"{where}not valid JSON ({error.msg}, line {error.lineno})") from None


def read_articles(path: Path) -> Iterator[Article | Skipped]:
    """The articles one file holds (one, or one per JSON line); a bad JSON line is skipped
    with its reason and the next one read. Raises Unreadable or OSError for the whole file."""
    with path.open("rb") as handle:
        head = handle.read(8192)
    binary = sniff_binary(head)
    if binary:
        raise Unreadable(f"{binary}, not text")
    if path.suffix.lower() == ".jsonl":
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, 1):
                if not raw.strip():
                    continue
                source = f"{path}:{number}"
                try:
                    yield _from_mapping(_json(decode(raw), ""), source)
                except Unreadable as error:
                    yield Skipped(source, str(error))
        return
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise Unreadable(f"{size / 1e6:.1f} MB: larger than the {MAX_BYTES / 1e6:.0f} MB a "
                         "file may have (split it, or use .jsonl)")
    content = decode(path.read_bytes())
    if not content.strip():
        raise Unreadable("empty file")
    if path.suffix.lower() == ".json":
        yield _from_mapping(_json(content, ""), str(path))
    else:
        yield _checked(Article(content, _title_of(content), str(path)))


def find_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Skipped]:
    """Files to ingest under ``paths`` (folders walked in name order), or why one is skipped."""
    for given in paths:
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


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    message = " ".join(str(error).split())
    return message if isinstance(error, Unreadable) else f"{type(error).__name__}: {message}"


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
