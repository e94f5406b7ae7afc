"""The parsed document and its layout: which lines are boilerplate, captions or headings.

Boilerplate ("Join ST's Telegram channel ...", "Click here", gallery counters "1/16", phone
numbers) is blanked with spaces *before* parsing, so offsets into the original text stay
valid and nothing is extracted from it. Captions ("... PHOTO: AFP"), headlines and
sub-headings are parsed (their places count) but never yield figures or events: a headline
restates the body, a caption describes a picture.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .model import Span

_BOILERPLATE = re.compile(
    r"^\s*(join\b.*\b(telegram|whatsapp|channel|newsletter)|click here|sign up\b|subscribe\b|"
    r"follow us|read more|related:|advertisement|share this|download (the|our)|"
    r"get the latest|copyright|all rights reserved|\(?\d{1,3}\s*/\s*\d{1,3}\)?\s*$|"
    r"this (article|story) (was|has been)|we use cookies|related (stories|articles|coverage)|"
    r"advertisement continue reading|enlarge this image|toggle caption|license for publishing|"
    r"registration number|note: browsers|we pay for your stories|.*\btranscripts? (is|are) "
    r"created|visit our website|.*\ball rights reserved|the content \(including|"
    r"today['\u2019]s coverage from|newsletter sign up|most read in\b|"
    r".*\bplease verify you['\u2019]re not a robot|"
    # a video player's strip: "JUST WATCHED Chibok girls' abduction ... Replay More Videos"
    r"just watched\b|must watch\b|.*\breplay more videos\b)",
    re.I,
)
# Boilerplate a scrape glued to the end of a line of body text.
_TRAILER = re.compile(r"\s*\bAdvertisement Continue reading the main story\s*$|"
                      r"\s*\bJUST WATCHED\b.*\bMUST WATCH\b.*$|"  # a video player's strip
                      # a wire's credits: "(Reporting by A and B; Editing by C)"
                      r"\s*\((?:Additional )?[Rr]eporting by [^()]*\)\s*$")
_CAPTION = re.compile(
    r"(\bPHOTO\s*:|\(Photo\s*:|\bPhoto\s*:|\bImage\s*:|\bCredit\s*:|\(AP Photo|Getty Images|"
    r"\bREUTERS/|\bAFP/|\bEPA/|\bPhotograph:|Hide Caption \d+ of \d+|^\s*Photos?:|\u00a9|"
    r"\[Photo\b|\(AP Photo|\bfile photo\b|^\s*(AP|AFP|Reuters|Getty)\s*:|,\s*pictured\s*$|"
    r"\((AFP|AP|Reuters|EPA|Getty)[^)]*\)\s*$|"
    r"/(AP|AFP|Getty Images|Associated Press|Agencies)\)\s*$)",
)
# "Reuters In 2014 Boko Haram ..." / "AP:Associated Press The girls ..." / "Barcroft Media
# Harrowing images show ...": a scraped caption keeps its credit (a wire's or a picture
# agency's) in front and has no final full stop.
_CREDIT_LEAD = re.compile(
    r"(AP|AFP|Reuters|Getty Images|EPA|Associated Press|PA (?:Images|Wire)|Rex Features|"
    r"Shutterstock|Barcroft Media|Fame Flynet|matrixpictures\.co\.uk|Splash News|eyevine|"
    r"Alamy|SWNS)\b\s*:?\s*[A-Z]")
_PHONE = re.compile(
    r"(?<![\w,.])(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}(?![\w,])"
)
_DATELINE = re.compile(
    r"^([A-Z][A-Z.' -]{2,}?)(?:,\s*([A-Z][A-Za-z.' -]+?))?\s*(?:\([^)]{1,20}\))?"
    r"\s*[-\u2013\u2014]+\s"
)

_FILING_DATE = re.compile(r"\s*[A-Z][A-Z.' -]{2,}(?:,\s*[A-Z][A-Za-z.' -]+)?\s*\(\s*$")


def _per_doc(doc: Any, name: str, make: Callable[[], Any]) -> Any:
    """What ``make`` reads off a parse, made once per Doc and kept in its ``user_data``."""
    key = f"tracker.{name}"
    cached = doc.user_data.get(key)
    if cached is None:
        cached = doc.user_data[key] = make()
    return cached


def ents_of(doc: Any) -> tuple[Any, ...]:
    """The parse's entities, listed once per Doc (``doc.ents`` builds every Span again at each
    read, which the event pass did once per trigger)."""
    return _per_doc(doc, "ents", lambda: tuple(doc.ents))


def ent_texts_of(doc: Any) -> list[str]:
    """Each entity's text, in ``ents_of`` order (a Span builds its text from its tokens at
    each read, and an ORG's person test compares every entity's with every ORG's)."""
    return _per_doc(doc, "ent_texts", lambda: [e.text for e in ents_of(doc)])


def tokens_of(doc: Any) -> list[Any]:
    """The parse's tokens, made once per Doc: ``doc[i]`` builds a new Token at each read, and
    the passes that walk every token read most of them several times."""
    return _per_doc(doc, "tokens", lambda: list(doc))


def lowers_of(doc: Any) -> list[str]:
    """Every token's lower-case text, in order (see ``tokens_of``)."""
    return _per_doc(doc, "lowers", lambda: [t.lower_ for t in tokens_of(doc)])


@dataclass
class Document:
    """Text, parse and layout, plus helpers to make Spans with sentence bounds."""

    text: str
    doc: Any  # spacy Doc over the masked text (same length as ``text``)
    published: str | None
    quiet: list[tuple[int, int]] = field(default_factory=list)  # no figures/events here
    paragraphs: list[int] = field(default_factory=list)  # paragraph start offsets
    dateline: tuple[int, int, str, str | None] | None = None  # start, end, city, country
    _sent_starts: list[int] = field(default_factory=list)
    _sents: list = field(default_factory=list)
    # the parsed text (every line break "\n"): spaCy rebuilds ``doc.text`` from the tokens
    # at each read, which cost a second per 15 articles when read per date entity
    parsed_text: str = ""

    def __post_init__(self) -> None:
        self._sents = list(self.doc.sents)
        self._sent_starts = [s.start_char for s in self._sents]
        self.parsed_text = self.doc.text

    @property
    def sents(self) -> list:
        """The parse's sentences, listed once (``doc.sents`` walks the whole parse)."""
        return self._sents

    def sentence(self, char: int) -> Any:
        i = bisect.bisect_right(self._sent_starts, char) - 1
        return self._sents[max(i, 0)]

    def sentence_index(self, char: int) -> int:
        return max(bisect.bisect_right(self._sent_starts, char) - 1, 0)

    def paragraph_index(self, char: int) -> int:
        return bisect.bisect_right(self.paragraphs, char) - 1

    def span(self, start: int, end: int) -> Span:
        sent = self.sentence(start)
        s_start, s_end = sent.start_char, max(sent.end_char, end)
        return Span(start, end, self.text[start:end], s_start, s_end)

    def is_quiet(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.quiet)

    def is_filing_date(self, char: int) -> bool:
        """A date in a dateline's parentheses ("KABUL, Afghanistan (Sept. 28) -") dates the
        copy, not what it reports."""
        text = self.parsed_text
        line_start = text.rfind("\n", 0, char) + 1
        return bool(_FILING_DATE.match(text[line_start:char]))


# Line breaks other than \n and \r (LINE SEPARATOR from copied web pages, form feeds): the
# parser and the newline sentence breaker only know \n, so they become \n, one for one.
_OTHER_BREAKS = str.maketrans({c: "\n" for c in "\u2028\u2029\x85\x0b\x0c\x1c\x1d\x1e"})


_GALLERY = re.compile(r"^\s*Photos?\s*:\s*")


def _gallery_title(lines: list[str]) -> int:
    """Length of the gallery title every "Photos: <title> <caption>" line repeats (0 if
    fewer than two such lines)."""
    heads = [ln for ln in lines if _GALLERY.match(ln)]
    if len(heads) < 2:
        return 0
    common = heads[0]
    for ln in heads[1:]:
        n = 0
        while n < min(len(common), len(ln)) and common[n] == ln[n]:
            n += 1
        common = common[:n]
    cut = common.rfind(" ") + 1 if not common.endswith(" ") else len(common)
    lead = _GALLERY.match(heads[0])
    return cut if cut > len(lead.group() if lead else "") else 0


def _blank(m: re.Match) -> str:
    """Spaces for a match, keeping its line break, so every offset stays."""
    body = m.group().rstrip("\r\n")
    return " " * len(body) + m.group()[len(body):]


def mask(text: str) -> str:
    """Blank boilerplate lines and phone numbers, keeping every offset; every line break
    becomes ``\n``. In a photo gallery ("Photos: Mass shooting at Las Vegas music festival
    Debris is scattered ... Hide Caption 3 of 30") the repeated title is blanked, so the
    parser does not read it into the caption's first name."""
    out = []
    lines = text.splitlines(keepends=True)
    title = _gallery_title(lines)
    for line in lines:
        body = line.rstrip("\r\n")
        if body.strip() and _BOILERPLATE.search(body):
            out.append(" " * len(body) + line[len(body):])
            continue
        line = _TRAILER.sub(_blank, _PHONE.sub(_blank, line))
        gallery = _GALLERY.match(line) if title else None
        if gallery and len(body) > title:
            lead = gallery.end()
            line = line[:lead] + " " * (title - lead) + line[title:]
        out.append(line)
    return _join_broken_quotes("".join(out).translate(_OTHER_BREAKS))


_QUOTES = ('"', "\u201c", "\u201d")
_STOPS = (".", "?", "!", ":", ";", ",", "-", '"', "\u201d")


def _join_broken_quotes(text: str) -> str:
    """A quotation opened and not closed on a line that ends with no stop ("...towards the
    Democratic" / "People's Republic of Korea, by waging ...") goes on past the break: the
    page's break, not the writer's, so the parser reads one sentence. The breaks become
    spaces, every offset kept; a line that opens a quotation of its own starts anew."""
    lines = text.split("\n")
    starts = [""] * len(lines)  # the first character of the next line with text
    for i in range(len(lines) - 2, -1, -1):
        nxt = lines[i + 1].strip()
        starts[i] = nxt[:1] if nxt else starts[i + 1]
    out: list[str] = []
    inside = joining = False  # a quotation open; the breaks after a text line the page's
    for i, line in enumerate(lines):
        if line.strip():
            inside = quote_open_after(line, inside)
            joining = inside and not line.rstrip().endswith(_STOPS) and \
                starts[i] not in _QUOTES
            inside = inside and joining
        out.append(line)
        if i < len(lines) - 1:
            out.append(" " if joining else "\n")
    return "".join(out)


def quote_open_after(line: str, inside: bool) -> bool:
    """Whether a quotation is open at the end of ``line``, given whether one was before."""
    for ch in line:
        if ch == '"':
            inside = not inside
        elif ch == "\u201c":
            inside = True
        elif ch == "\u201d":
            inside = False
    return inside


def _caption(line: str) -> bool:
    """A caption's line; a long one (a whole article a scrape put on one line, ending in
    its wires' credit "(AFP, Reuters)") only when it is a gallery of captions."""
    if len(line.split()) <= _CAPTION_WORDS:
        return bool(_CAPTION.search(line))
    return bool(_GALLERY.match(line) or _GALLERY_CAPTION.search(line))


_CAPTION_WORDS = 100  # the longest single caption in the articles is about 60 words
_GALLERY_CAPTION = re.compile(r"Hide Caption \d+ of \d+")


# a sentence closed inside single quotes, British style ("Trump said: 'We dominate the
# sky.'"), where a headline quoting words ends on the quote alone ("Trump: 'we dominate'")
_CLOSED_QUOTES = tuple(p + q for p in ".?!" for q in "'\u2019")


def layout(text: str) -> tuple[list[tuple[int, int]], list[int], tuple | None]:
    """Quiet ranges (captions, headings), paragraph starts and the dateline."""
    quiet: list[tuple[int, int]] = []
    paragraphs: list[int] = []
    dateline = None
    pos = 0
    first = True
    lines = text.splitlines(keepends=True)
    continued = False
    for i, line in enumerate(lines):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        # hard-wrapped copy: a line the next one continues in lower case is not a heading
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        wraps = bool(stripped) and nxt[:1].islower() and not stripped.endswith(
            (".", "?", "!", ":"))
        if stripped:
            if not continued:
                paragraphs.append(pos)
            words = stripped.split()
            heading = not wraps and not continued and not stripped.endswith(
                (".", '"', "\u201d", "?", "!", ":", *_CLOSED_QUOTES)) and (
                len(words) <= 12 or (first and len(stripped) < 200))
            credit = _CREDIT_LEAD.match(stripped) and not stripped.endswith((".", '"', "\u201d"))
            bracketed = stripped.startswith("[") and stripped.endswith("]")
            if _caption(body) or heading or credit or bracketed:
                quiet.append((pos, pos + len(body)))
            m = _DATELINE.match(stripped)
            if dateline is None and m and not heading:
                lead = len(body) - len(body.lstrip())
                city = m.group(1).strip()
                dateline = (pos + lead, pos + lead + len(city), city, m.group(2))
            continued = wraps
            first = False
        pos += len(line)
    return quiet, paragraphs, dateline


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_FULL_DATES = [
    re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH}),?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<mm>[01]\d)-(?P<d>[0-3]\d)\b"),
]
_MONTH_NUM = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


# "KABUL, Afghanistan (Jan. 4, 2011) -": the date the copy was filed
_DATELINE_DATE = re.compile(
    rf"^[^\S\n]*[A-Z][A-Z.' -]{{2,}}(?:,[^\S\n]*[A-Z][A-Za-z.' -]+)?[^\S\n]*\([^\S\n]*"
    rf"(?P<m>{_MONTH})[^\S\n]+(?P<d>\d{{1,2}})(?:,?[^\S\n]+(?P<y>(?:19|20)\d\d))?[^\S\n]*\)",
    re.M)
# "July 4: Afghan-ISAF Operations in ..." : a headline led by the day it went out
_TITLE_DATE = re.compile(rf"^[^\S\n]*(?P<m>{_MONTH})[^\S\n]+(?P<d>\d{{1,2}}):\s", re.M)


def _month_day(m, year: int | None):
    import datetime as dt

    if year is None:
        return None
    try:
        return dt.date(year, _MONTH_NUM[m.group("m")[:3].lower()], int(m.group("d")))
    except ValueError:
        return None


_MONTH_YEAR = re.compile(rf"\b(?P<m>{_MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?\s+"
                         rf"(?P<y>(?:19|20)\d\d)\b")


def _latest_month_told(text: str):
    """The first day of the latest month the text names with its year ("in June 2011")."""
    import datetime as dt

    told = [dt.date(int(m.group("y")), _MONTH_NUM[m.group("m")[:3].lower()], 1)
            for m in _MONTH_YEAR.finditer(text)]
    return max(told, default=dt.date.min)


def infer_published(text: str, head_chars: int = 800) -> str | None:
    """The copy's own date, as ISO, else None: a dateline's date ("KABUL, Afghanistan
    (Jan. 4) -"), else the first full date with a year near the top (caption, byline), else
    a headline's "July 4:". A date without a year takes the year of the first year-like
    number in the head (a release number "2010-09-CA-005"), or the next one when the text
    recounts a later month."""
    import datetime as dt

    head = text[:head_chars].translate(_OTHER_BREAKS)
    year_seen = re.search(r"\b(19[89]\d|20\d\d)\b", head)
    year = int(year_seen.group(1)) if year_seen else None
    dl = _DATELINE_DATE.search(head)
    if dl:
        got = _month_day(dl, int(dl.group("y")) if dl.group("y") else year)
        if got and not dl.group("y") and got < _latest_month_told(text):
            got = _month_day(dl, got.year + 1)  # "(Jan. 14) ... an attack in June 2011":
            # filed after what it recounts, so in 2012
        if got:
            return got.isoformat()
    found = []
    for rx in _FULL_DATES:
        for m in rx.finditer(head):
            month = int(m.group("mm")) if "mm" in m.groupdict() and m.group("mm") else \
                _MONTH_NUM[m.group("m")[:3].lower()]
            try:
                found.append((m.start(), dt.date(int(m.group("y")), month, int(m.group("d")))))
            except ValueError:
                continue
    if found:
        return min(found)[1].isoformat()
    for rx in (re.compile(rf"\(\s*(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})\s*\)"), _TITLE_DATE):
        hit = rx.search(head)
        got = _month_day(hit, year) if hit else None
        if got:
            return got.isoformat()
    return None
