"""Reading articles from files: plain text, Markdown, news-please JSON, JSON Lines, saved
HTML pages and RSS/Atom feeds.

Each reader returns ``Article``s (or ``Skipped`` with a one-line reason for a bad part of a
file). Nothing here knows SQL or the extractor: this is only "what articles does this file
hold". HTML goes through trafilatura (main text, title, date, author; boilerplate dropped) and
feeds through feedparser, libraries made for exactly that.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
TEXT_SUFFIXES = {".txt", ".md"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES


@dataclass(frozen=True)
class Article:
    text: str
    title: str
    source: str
    url: str = ""
    published: str | None = None
    author: str = ""
    warnings: tuple[str, ...] = ()  # what was given but could not be used, for the report


def _dated(text: str, title: str, source: str, url: str, published, author: str = ""
           ) -> Article:
    """An article whose publication date is read by ``published_date``, never fatally."""
    date, warning = published_date(published)
    return _checked(Article(text, title, source, url, date, author,
                            (warning,) if warning else ()))


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


MAX_BYTES = 8_000_000  # one .txt/.md/.json/.html file or .jsonl line; an article is < 1 MB
MAX_FEED_BYTES = 32_000_000  # one RSS/Atom file: hundreds of entries with their full text
MAX_CHARS = 1_000_000  # one article: spaCy's own limit on a text
# A DOCTYPE that declares entities: nothing a news feed needs, and the way to expand a few
# bytes into gigabytes ("billion laughs") or to read a local file (XXE).
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)

_FILE_TYPES = {stat.S_ISFIFO: "a named pipe", stat.S_ISCHR: "a device",
               stat.S_ISBLK: "a device", stat.S_ISSOCK: "a socket", stat.S_ISDIR: "a folder"}

# Leading bytes of common binary formats, so an image or an archive is named, not mangled.
MAGIC = {
    b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image",
    b"PK\x03\x04": "zip archive", b"%PDF": "PDF document", b"\x1f\x8b": "gzip archive",
    b"SQLite format 3": "SQLite database", b"\x7fELF": "program", b"RIFF": "media file",
}


class Unreadable(ValueError):
    """A file or line that cannot be an article; the message says why, in one line."""


def published_date(value: object) -> tuple[str | None, str | None]:
    """A publication date as ``YYYY-MM-DD``, and a warning when one was given but not
    understood. ISO forms first, then what dateparser reads ("July 14, 2021", RFC 822);
    a year outside 1800-2200 (0, 99999) is a mistake, not a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    text = " ".join(str(value).split())[:100]
    date = None
    try:
        date = dt.date.fromisoformat(text[:10])
    except ValueError:
        if not re.match(r"[+-]?\d{5,}", text):
            import dateparser

            parsed = dateparser.parse(text, languages=["en"],
                                      settings={"REQUIRE_PARTS": ["day", "month", "year"]})
            date = parsed.date() if parsed else None
    if date is None or not 1800 <= date.year <= 2200:
        return None, f"published date {plain_repr(text)} not understood: stored undated"
    return date.isoformat(), None


def plain_repr(text: str) -> str:
    return repr(text[:40] + ("…" if len(text) > 40 else ""))


def _title_of(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("# ").strip()[:200]
    return ""


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Legacy single-byte encodings of non-Latin scripts, for text that is mostly high bytes.
_LEGACY = ["cp1251", "koi8_r", "cp1256", "cp1253", "cp1255", "cp1254", "cp1250", "cp1257",
           "cp1258", "cp874", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "cp1252"]
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                       re.IGNORECASE)


def sniff_binary(head: bytes) -> str | None:
    """What binary format ``head`` (a file's first bytes) is, or None for text."""
    for magic, name in MAGIC.items():
        if head.startswith(magic):
            return name
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16 and UTF-32 text is half NUL bytes
    if head and head.count(0) > max(8, len(head) // 100):
        return "binary file"
    return None


def _cp1252_byte(error: UnicodeError) -> tuple[str, int]:
    """A byte that is not UTF-8, read as Windows-1252 (Latin-1 where that has no character):
    a UTF-8 file with a pasted legacy quote keeps both its é and its “."""
    if not isinstance(error, UnicodeDecodeError):
        raise error  # registered for decoding only
    bad = error.object[error.start:error.end]
    return bad.decode("cp1252", errors="ignore") or bad.decode("latin-1"), error.end


codecs.register_error("tracker-cp1252", _cp1252_byte)


def declared_charset(raw: bytes) -> str | None:
    """The encoding an HTML page declares in a ``<meta>`` tag, if Python knows it."""
    match = _DECLARED.search(raw[:8192])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode(raw: bytes, declared: str | None = None) -> str:
    """Text from bytes, whatever their encoding: a byte-order mark says it (UTF-8, -16,
    -32); else the encoding the page declares; else UTF-8, any byte that is not UTF-8 read as
    Windows-1252 (mixed files too); text that is mostly high bytes and not UTF-8 at all is a
    legacy encoding of another script (Cyrillic, Arabic, Greek, ...), which charset_normalizer
    tells. NUL bytes are dropped."""
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), None) or declared
    if encoding:
        text = raw.decode(encoding, errors="replace")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = _legacy(raw) or raw.decode("utf-8", errors="tracker-cp1252")
    return text.replace("\x00", "")


def _legacy(raw: bytes) -> str | None:
    high = sum(1 for byte in raw[:65536] if byte >= 0x80)
    if high < 0.3 * min(len(raw), 65536):
        return None  # a Latin script: Windows-1252 it is
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:262144], cp_isolation=_LEGACY).best()
    return raw.decode(best.encoding, errors="replace") if best is not None else None


def _checked(article: Article) -> Article:
    if not article.text.strip():
        raise Unreadable("no text")
    if len(article.text) > MAX_CHARS:
        raise Unreadable(
            f"{len(article.text):,} characters: longer than the {MAX_CHARS:,} an article may "
            "have (split it)"
        )
    return article


# Half of a UTF-16 pair on its own: JSON's "\ud800" decodes to it, and UTF-8 cannot hold it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(value) -> str:
    """A JSON string field as storable text: NUL dropped, a lone surrogate shown as U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", str(value).replace("\x00", ""))


def _from_mapping(data, source: str) -> Article:
    if not isinstance(data, dict):
        raise Unreadable("not a JSON object")
    text = data.get("text") or data.get("maintext") or ""
    if not isinstance(text, str) or not text.strip():
        raise Unreadable("no text field")
    text = _clean(text)
    title = _clean(data.get("title") or _title_of(text))
    published = data.get("published") or data.get("date_publish")
    return _dated(text, title, source, _clean(data.get("url") or ""),
                  _clean(published) if published else None)


def _json(text: str, where: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise Unreadable(f"{where}not valid JSON ({error.msg}, line {error.lineno})") from None


def open_regular(path: Path) -> io.BufferedReader:
    """``path`` opened for reading if it is a regular file; a named pipe (which would block
    forever), a device such as /dev/zero or /dev/urandom (which never ends), a socket or a
    folder is refused. Opened without blocking and checked on the open file, so what is read
    is what was checked."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = next((name for test, name in _FILE_TYPES.items() if test(mode)), "special")
            raise Unreadable(f"{what}, not a regular file")
        os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
        assert isinstance(handle, io.BufferedReader)  # buffered, so it can be peeked
        return handle
    except BaseException:
        os.close(fd)
        raise


def _read_capped(handle: BinaryIO, cap: int, what: str) -> bytes:
    data = handle.read(cap + 1)
    if len(data) > cap:
        size = os.fstat(handle.fileno()).st_size
        raise Unreadable(f"{size / 1e6:.1f} MB: larger than the {cap / 1e6:.0f} MB a {what} "
                         "may have (split it"
                         + (", or use .jsonl)" if what == "file" else ")"))
    return data


def _jsonl(handle: BinaryIO, path: Path) -> Iterator[Article | Skipped]:
    """One article per line; a line over ``MAX_BYTES`` is skipped without being held."""
    number = 0
    while raw := handle.readline(MAX_BYTES + 1):
        number += 1
        source = f"{path}:{number}"
        if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
            size, rest = len(raw), b""
            while not rest.endswith(b"\n") and (rest := handle.readline(1 << 20)):
                size += len(rest)
            yield Skipped(source, f"a line of over {size / 1e6:.0f} MB: longer than the "
                                  f"{MAX_BYTES / 1e6:.0f} MB an article may have")
            continue
        if not raw.strip():
            continue
        try:
            yield _from_mapping(_json(decode(raw), ""), source)
        except Unreadable as error:
            yield Skipped(source, str(error))


def read_articles(path: Path) -> Iterator[Article | Skipped]:
    """The articles one file holds (one, or one per JSON line); a bad JSON line is skipped
    with its reason and the next one read. Raises Unreadable or OSError for the whole file.
    Only regular files are read, and never more than a cap of bytes."""
    suffix = path.suffix.lower()
    with open_regular(path) as handle:
        binary = sniff_binary(handle.peek(8192)[:8192])
        if binary:
            raise Unreadable(f"{binary}, not text")
        if suffix == ".jsonl":
            yield from _jsonl(handle, path)
            return
        feed = suffix in FEED_SUFFIXES
        raw = _read_capped(handle, *((MAX_FEED_BYTES, "feed") if feed else (MAX_BYTES, "file")))
    if feed:
        yield from read_feed(raw, str(path))
        return
    content = decode(raw, declared_charset(raw) if suffix in HTML_SUFFIXES else None)
    if not content.strip():
        raise Unreadable("empty file")
    if suffix in HTML_SUFFIXES:
        yield read_html(content, str(path))
    elif suffix == ".json":
        yield _from_mapping(_json(content, ""), str(path))
    else:
        yield _checked(Article(content, _title_of(content), str(path)))


def read_html(html: str, source: str, url: str = "") -> Article:
    """A saved web page: its main text, title, date and author, without menus and footers."""
    import trafilatura

    page = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False,
        include_tables=False, favor_precision=True,
    )
    assert not isinstance(page, dict)  # a Document unless as_dict is asked for
    text = page.text or "" if page is not None else ""
    if page is None or not text.strip():
        raise Unreadable("no article text found in the page")
    return _dated(text, page.title or _title_of(text), source, page.url or url,
                  page.date, page.author or "")


def _plain_html(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's summary), paragraphs kept apart."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fromstring(f"<div>{fragment}</div>")
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3"):
        block.tail = "\n\n" + (block.tail or "")
    return "\n\n".join(p.strip() for p in root.text_content().split("\n\n") if p.strip())


def read_feed(raw: bytes, source: str) -> Iterator[Article | Skipped]:
    """One article per entry of an RSS or Atom feed, with its link and date."""
    import feedparser

    if _ENTITY_DECLARATION.search(raw[:65536]):
        raise Unreadable("declares XML entities: refused (they can expand without bound or "
                         "read local files)")
    feed = feedparser.parse(raw)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        raise Unreadable(f"not an RSS/Atom feed ({reason})" if reason else "a feed with no entry")
    for number, entry in enumerate(feed.entries, 1):
        where = f"{source}#{number}"
        body = ""
        if entry.get("content"):
            body = max((c.get("value", "") for c in entry.content), key=len)
        body = _plain_html(body or entry.get("summary", ""))
        title = " ".join(entry.get("title", "").split())
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        published = f"{parsed.tm_year:04}-{parsed.tm_mon:02}-{parsed.tm_mday:02}" if parsed \
            else None
        if not body:
            yield Skipped(where, "entry without text")
            continue
        text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
        try:
            yield _checked(Article(text, title or _title_of(body), where,
                                   entry.get("link", ""), published, entry.get("author", "")))
        except Unreadable as error:
            yield Skipped(where, str(error))
