"""Resolve DATE expressions against the publication date.

News copy dates events relative to the day it was filed: "on Wednesday" means the latest
Wednesday on or before publication (the same day when published on a Wednesday), "earlier
this month" the first of the month up to publication. Relative phrases dateparser does not
know are handled by the rules below; explicit dates go to dateparser with
``RELATIVE_BASE`` = publication and ``PREFER_DATES_FROM='past'``. An explicit date inside
parentheses ("Wednesday (July 14)") wins over the weekday.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from .model import DateRef

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9  # AP style: "Sept. 19"
# a weekday or a month written out: a day a text sets ("for Friday"), not a span ("for three
# days")
_WRITTEN_DAYS = "|".join([*calendar.day_name, *calendar.month_name[1:]])
DAY_NAMES = re.compile(rf"\b(?:{_WRITTEN_DAYS})\b")
_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "few": 3, "several": 3, "couple of": 2,
}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}


# spaCy labels "last night", "early this morning", "Monday night" TIME, not DATE.
# The clock before a day ("shortly after 10 p.m. Sunday night", "at 5:57 a.m. Tuesday"):
# the day is what dates the event.
_CLOCK = re.compile(r"^(?:(?:shortly |just |sometime )?(?:after|before|around|about|at|by) )?"
                    r"\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)\s*(?:local time\s*)?"
                    r"(?:on )?", re.I)
_DAY_TIME = re.compile(r"(?:early |late )?(?:last night|overnight|tonight|this (?:morning|"
                       r"afternoon|evening)|(?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                       r"(?: (?:morning|afternoon|evening|night))?)", re.I)


def dates_entity(ent: Any) -> bool:
    """A spaCy entity that can date an event: DATE, a TIME that names a day, an EVENT that
    is a fixed-date holiday ("New Year's Eve")."""
    if ent.label_ == "EVENT":
        return _holiday_name(ent.text.lower()) in _HOLIDAYS
    if ent.label_ == "DATE":
        return not _a_surname(ent)
    if ent.label_ != "TIME":
        return False
    text = ent.text.strip().lower()
    return bool(_DAY_TIME.fullmatch(_CLOCK.sub("", text))) or bool(_OF_A_DAY.fullmatch(text))


def _a_surname(ent: Any) -> bool:
    """"Theresa May", "Mrs May": the month's name after a name or a title is a surname."""
    return date_text(ent) == ""


def date_text(ent: Any) -> str:
    """A date entity's text, less the surname the NER ran into it ("Theresa May today"
    tagged "May today": "today")."""
    text = ent.text
    if not text.startswith("May") or ent[0].text != "May" or ent.start == 0:
        return text
    before = ent.doc[ent.start - 1]
    if before.pos_ == "PROPN" and before.is_title:
        return ent.doc[ent.start + 1:ent.end].text
    return text


# "the early hours of Saturday", "the night of July 14": a time of a day the NER tags a time
_OF_A_DAY = re.compile(r"(?:the )?(?:early |small |late )?(?:hours|morning|afternoon|evening|"
                       r"night) of (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\w+ \d{1,2}|"
                       r"\d{1,2} \w+)")


def _ref(start: dt.date, end: dt.date, precision: str, text: str) -> DateRef:
    return DateRef(start.isoformat(), end.isoformat(), precision, text)


def _precision_for(days: int) -> str:
    if days <= 1:
        return "day"
    if days <= 10:
        return "week"
    if days <= 62:
        return "month"
    return "year"


def _month_end(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _relative(phrase: str, pub: dt.date, text: str) -> DateRef | None:
    """Rules for vague relative phrases."""
    p = phrase
    if p in ("today", "this morning", "this afternoon", "this evening", "tonight"):
        return _ref(pub, pub, "day", text)
    if p in ("yesterday", "last night", "overnight"):
        d = pub - dt.timedelta(days=1)
        return _ref(d, d, "day", text)
    if re.fullmatch(r"(earlier |late |so far |)this month|earlier in the month", p):
        return _ref(pub.replace(day=1), pub, "month", text)
    if re.fullmatch(r"(earlier |late |)this week|earlier in the week", p):
        return _ref(pub - dt.timedelta(days=pub.weekday()), pub, "week", text)
    if re.fullmatch(r"(earlier |so far |)this year|earlier in the year", p):
        return _ref(pub.replace(month=1, day=1), pub, "year", text)
    if re.fullmatch(r"(?:over |during )?(?:the |this |last )?weekend", p):
        # the Saturday and Sunday last before publication (a week back for "last" said on one)
        saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        if p.endswith("last weekend") and pub - saturday < dt.timedelta(days=2):
            saturday -= dt.timedelta(days=7)
        return _ref(saturday, min(saturday + dt.timedelta(days=1), pub), "week", text)
    if p == "last week":
        start = pub - dt.timedelta(days=pub.weekday() + 7)
        return _ref(start, start + dt.timedelta(days=6), "week", text)
    if p == "last month":
        end = pub.replace(day=1) - dt.timedelta(days=1)
        return _ref(end.replace(day=1), end, "month", text)
    if p == "last year":
        return _ref(dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31), "year", text)
    m = re.fullmatch(
        r"(?:over |in |during |within )?(?:the )?(?:last|past|previous|recent|coming|next)"
        r" ?(a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple of|\d+)?"
        r" ?(day|week|month|year)s?", p,
    )
    if m and not p.startswith(("coming", "next", "the coming", "the next")):
        n_word, unit = m.group(1), m.group(2)
        if n_word is None:
            n = 3 if p.endswith("s") else 1  # "recent weeks" ~ a few weeks
        else:
            n = int(n_word) if n_word.isdigit() else _NUM_WORDS[n_word]
        days = n * _UNIT_DAYS[unit]
        start = pub - dt.timedelta(days=max(days - 1, 0))
        precision = _precision_for(days)
        if "recent" in p or n_word in ("few", "several"):
            precision = "month" if unit != "year" else "year"
        return _ref(start, pub, precision, text)
    m = re.fullmatch(r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) "
                     r"(day|week|month|year)s? ago", p)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUM_WORDS[m.group(1)]
        d = pub - dt.timedelta(days=n * _UNIT_DAYS[m.group(2)])
        prec = {"day": "day", "week": "week", "month": "month", "year": "year"}[m.group(2)]
        return _ref(d, d, prec, text)
    return None


def duration_days(phrase: str) -> int | None:
    """"three days", "a week", "the month", "two years": how many days a span of time
    lasts, or None if the phrase is no such span."""
    m = re.fullmatch(r"(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|several|"
                     r"couple of|\d+)|the|just|only) ?(day|week|month|year)s?",
                     re.sub(r"\s+", " ", phrase.lower()).strip())
    if not m:
        return None
    n_word = m.group(1) or "one"
    n = int(n_word) if n_word.isdigit() else _NUM_WORDS[n_word]
    return n * _UNIT_DAYS[m.group(2)]


def shifted(ref: DateRef, days: int, text: str) -> DateRef:
    """``ref`` moved by ``days`` ("three days after the confrontation" of last month): as
    precise as the date it is counted from."""
    delta = dt.timedelta(days=days)
    start = dt.date.fromisoformat(ref.start) + delta
    end = dt.date.fromisoformat(ref.end) + delta
    if ref.precision == "month":  # still the month it was counted from, if it stays in it
        if start.month != dt.date.fromisoformat(ref.start).month:
            start = start.replace(day=1)
        end = _month_end(start)
    return _ref(start, end, ref.precision, text)


def _weekday(phrase: str, pub: dt.date, text: str) -> DateRef | None:
    m = re.fullmatch(r"(?:(?:last|this|early|late|earlier|on) )?(monday|tuesday|wednesday|"
                     r"thursday|friday|saturday|sunday)(?: (?:morning|afternoon|evening|night))?",
                     phrase)
    if not m:
        return None
    back = (pub.weekday() - WEEKDAYS[m.group(1)]) % 7
    if phrase.startswith("last ") and back == 0:
        back = 7
    if back == 6 and not phrase.startswith("last "):
        # "early Tuesday" in copy dated Monday: the story was filed from a time zone ahead
        # of the publication date (Asia, seen from US news sites), not six days earlier.
        back = -1
    d = pub - dt.timedelta(days=back)
    return _ref(d, d, "day", text)


_HOLIDAYS = {"new year's eve": (12, 31), "new years eve": (12, 31), "new year's day": (1, 1),
             "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
             "bastille day": (7, 14), "independence day": (7, 4), "halloween": (10, 31)}


def _holiday_name(phrase: str) -> str:
    p = re.sub(r"^(the )?(night of |eve of )?", "", phrase.strip()).replace("\u2019", "'")
    return re.sub(r"\s+(celebrations?|night|festivities|party|parties)$", "", p)


def _holiday(phrase: str, pub: dt.date, text: str) -> DateRef | None:
    """Fixed-date holidays: the latest one on or before publication (plus a day's slack)."""
    p = _holiday_name(phrase)
    if p not in _HOLIDAYS:
        return None
    d = _latest_by(*_HOLIDAYS[p], pub + dt.timedelta(days=1))
    return _ref(d, d, "day", text) if d else None


def _latest_by(month: int, day: int, limit: dt.date) -> dt.date | None:
    """The latest ``month``/``day`` on or before ``limit``, across a year's turn: "New Year's
    Day" in copy dated 31 December is the next morning, not a year back."""
    for year in (limit.year, limit.year - 1, limit.year - 4):  # 29 February: a leap year
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d <= limit:
            return d
    return None


def _explicit(phrase: str, pub: dt.date, text: str) -> DateRef | None:
    """Month/day/year forms, via dateparser for the day, by rule for the precision."""
    decade = re.fullmatch(r"(?:in |the )?(1[89]\d\d|20\d\d)s?", phrase)
    if decade:
        y = int(decade.group(1))
        if phrase.endswith("s"):
            return _ref(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "year", text)
        return _ref(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", text)
    has_day = re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", phrase))
    month = next((v for k, v in MONTHS.items() if re.search(rf"\b{k}\b", phrase)), None)
    if month is None:
        return None
    year_m = re.search(r"\b(1[89]\d\d|20\d\d)\b", phrase)
    if not has_day:
        y = int(year_m.group()) if year_m else (pub.year if month <= pub.month else pub.year - 1)
        start = dt.date(y, month, 1)
        return _ref(start, _month_end(start), "month", text)
    day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b\d{4}\b", "", phrase))
    if not year_m and day_m:
        # No year: the latest such day not more than a week after publication (a live blog
        # updated the day after it was first published still means this year).
        d = _latest_by(month, int(day_m.group(1)), pub + dt.timedelta(days=7))
        return _ref(d, d, "day", text) if d else None
    import dateparser

    parsed = dateparser.parse(
        phrase, languages=["en"],
        settings={"RELATIVE_BASE": dt.datetime.combine(pub, dt.time()),
                  "PREFER_DATES_FROM": "past"},
    )
    if parsed is None:
        return None
    d = parsed.date()
    return _ref(d, d, "day", text)


def resolve(text: str, published: str | None) -> DateRef | None:
    """Resolve one DATE span (as written) against the ISO publication date."""
    try:
        return _resolve(text, published)
    except (OverflowError, ValueError):
        return None  # a date before year 1 or after 9999


def _resolve(text: str, published: str | None) -> DateRef | None:
    if not published:
        return None
    pub = dt.date.fromisoformat(published)
    phrase = re.sub(r"\s+", " ", text.lower()).strip(" .,")
    inner = re.search(r"\(([^)]*)\)?", phrase)
    if inner:
        got = _explicit(inner.group(1).strip(), pub, text)
        if got:
            return got
        phrase = re.sub(r"\(.*", "", phrase).strip()
    phrase = _CLOCK.sub("", phrase) or phrase
    phrase = re.sub(r"^(on|in|since|by|from|until|till|during|at) ", "", phrase)
    # "more than two years ago", "nearly a week ago": the qualifier does not move the date
    phrase = re.sub(r"^(more than|over|about|around|almost|nearly|some|just over|just "
                    r"under|less than) (?=\S+ (day|week|month|year)s? ago$)", "", phrase)
    phrase = re.sub(r"^(the )?(early|late) (hours of )?", "", phrase)
    span = _span(phrase, published, text)
    if span is not None:
        return span
    for rule in (_relative, _weekday, _holiday, _explicit):
        got = rule(phrase, pub, text)
        if got:
            return got
    head, comma, _rest = text.partition(",")
    if comma and head.strip():
        # the NER ran on past a comma ("on Sunday, South Korea's military said" tagged
        # "Sunday, South Korea's"): the date is what comes before it
        return _resolve(head, published)
    return None


_SPAN = re.compile(r"^(?:between )?(?P<a>.+?) (?:and|to|until|through) (?P<b>.+)$")
_DAYS_SPAN = re.compile(r"^(?P<month>[a-z]+\.?) (?P<a>\d{1,2})\s?[-\u2013]\s?(?P<b>\d{1,2})$")


def _span(phrase: str, published: str, text: str) -> DateRef | None:
    """Days told as a span ("between Friday and Sunday", "from June 3 to June 6", "June
    5-6"): from the first day to the last, a week's precision when they are within one
    (ACLED's time_precision 2), else a month's."""
    days = _DAYS_SPAN.match(phrase)
    if days:
        pair = (f"{days['month']} {days['a']}", f"{days['month']} {days['b']}")
    else:
        both = _SPAN.match(phrase)
        if both is None or " and " in both["b"] or both["a"] in ("today", "now"):
            return None
        pair = (both["a"], both["b"])
    first, last = (_resolve(half, published) for half in pair)
    if first is None or last is None or first.precision != "day" or last.precision != "day" \
            or last.start <= first.start:
        return None
    wide = dt.date.fromisoformat(last.start) - dt.date.fromisoformat(first.start)
    return DateRef(start=first.start, end=last.start, text=text,
                   precision="week" if wide.days <= 6 else "month")


def publication_week(published: str) -> DateRef:
    """The fallback for an event the text does not date: the publication day, precision
    "week" (news reports what happened in the last few days; analysts code such a report
    on its own date with a week's precision, like ACLED's time_precision 2)."""
    pub = dt.date.fromisoformat(published)
    return _ref(pub, pub, "week", "")


def recent_days(published: str, days: int = 7) -> DateRef:
    """The ``days`` up to publication: when an undated report may have happened."""
    pub = dt.date.fromisoformat(published)
    start = pub - dt.timedelta(days=min(days - 1, (pub - dt.date.min).days))
    return _ref(start, pub, "week", "")
