"""Synthetic stores from real articles: sentence templates, varied names and numbers.

The real extractor runs once over the articles bundled in ``bench/data`` (cached under
``bench/.cache``); every sentence that yielded records becomes a template holding its text and
its events, figures and actor mentions as offsets into the sentence. A synthetic document is a
run of templates whose actors are swapped for others of the same kind (real ones from the
articles, or generated names), whose numbers and years change, with every offset recomputed,
so ``Store.documents.add`` receives an ``Extraction`` exactly like the extractor's.
"""

from __future__ import annotations

import copy
import hashlib
import json
import pickle
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from extract.model import Actor, DateRef, Event, Extraction, Figure, Mention, Participant, Span

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
CACHE = HERE / ".cache"
TEMPLATE_FORMAT = "t2"  # the cached templates' shape (t2: each knows its source article)


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    "Ahmad Abdul Amina Bashir Chinedu Daniel Elena Fatima Farid Gulnara Hassan Ibrahim Irina "
    "Jamal Karim Khadija Leila Mahmoud Maria Mohammed Musa Nadia Nikolai Omar Olga Pavel "
    "Rahim Salma Samuel Sergei Tariq Umar Viktor Yusuf Zainab Zamir Aisha Bilal Dmitri Emeka "
    "Grace Halima Idris Joseph Kofi Lamin Mariam Nasser Oksana Qasim Rustam Sadiq Tatiana"
)
LAST = _words(
    "Abdullahi Ahmadi Akhmedov Alimov Bello Danjuma Haidari Hashimi Ibrahimov Jalali Kabulov "
    "Karimov Khan Kovalenko Mahmudov Mensah Musa Nazari Nuriddinov Obi Okafor Petrov Qaderi "
    "Rahmani Rasulov Sadiqi Sharifi Sidorov Sultani Tashkentov Umarov Usmanov Wardak Yusufzai "
    "Zahiri Bakr Dlamini Farouk Ghani Hakimi Jibril Kamara Lawal Mohammadi Ndiaye Osei Popov "
    "Rashidi Saleh Traore Uddin Vasquez Wafula Yakubu Zubair"
)
PLACES = _words(
    "Kivu Sahel Lake Chad Borno Kunduz Helmand Tigray Darfur Idlib Donbas Ituri Cabo Delgado "
    "Mopti Benue Zamfara Kandahar Badakhshan Marib Hodeidah Jonglei Upper Nile Kasai Tillaberi "
    "Diffa Ouham Mudug Hiran Balkh Faryab Nangarhar Kharkiv Luhansk Sool Gedo Katsina Kaduna"
)
GROUP_NOUNS = (
    "Front", "Movement", "Brigade", "Alliance", "Liberation Army", "Defence Forces",
    "Resistance", "Council", "Battalion", "Coalition",
)
ORG_NOUNS = (
    "Relief Agency", "Human Rights Centre", "Refugee Council", "Humanitarian Network",
    "Peace Foundation", "Monitoring Mission", "Aid Committee", "Medical Corps",
)

# Transliteration swaps that turn a name into another plausible spelling of it.
SPELLINGS = (
    ("ae", "a"), ("a", "e"), ("e", "a"), ("ou", "u"), ("u", "ou"), ("ee", "i"), ("i", "ee"),
    ("y", "i"), ("i", "y"), ("k", "q"), ("q", "k"), ("sh", "ch"), ("kh", "h"), ("ph", "f"),
    ("dh", "d"), ("ll", "l"), ("mm", "m"), ("bb", "b"),
)


@dataclass
class Template:
    """One sentence with what the extractor found in it, offsets relative to the sentence."""

    text: str
    published: str | None
    actors: list[dict]  # name, kind, aliases, country; "mentions": [(start, end)]
    figures: list[Figure]
    events: list[Event]
    words: int = 0
    source: int = 0  # the bundled article it comes from (a story's documents share one)


@dataclass
class Identity:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None


def articles() -> list[dict]:
    """The bundled real articles (news-please JSON)."""
    return [json.loads(p.read_text()) for p in sorted(DATA.glob("*.json"))]


def _data_key() -> str:
    import extract

    digest = hashlib.sha256(extract.EXTRACTOR_VERSION.encode())
    for path in sorted(DATA.glob("*.json")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def store_templates_key(db: Path) -> str | None:
    """The key of the templates a cached store was built from (its name holds it)."""
    found = re.match(r"store-v\d+-([0-9a-f]{16})-", db.name)
    return found.group(1) if found else None


def store_queries(db: Path, count: int = 120) -> list[dict]:
    """The queries of the templates ``db`` was built from (the current extractor's may name
    what the store does not hold: its summaries change with the extractor), else, when
    those are not cached, the current extractor's."""
    try:
        return queries(count, key=store_templates_key(db))
    except FileNotFoundError:
        return queries(count)


def _rel(span: Span, s0: int) -> Span:
    return Span(span.start - s0, span.end - s0, span.text, 0, span.sent_end - span.sent_start)


def templates(key: str | None = None) -> list[Template]:
    """Sentence templates of the bundled articles (extracted once, then cached); those of
    another extractor's ``key`` when they are cached (a store built with them)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"templates-{key or _data_key()}-{TEMPLATE_FORMAT}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    if key is not None:
        raise FileNotFoundError(f"no cached templates {path.name}")
    import extract

    out: list[Template] = []
    for source, article in enumerate(articles()):
        text, published = article["text"], (article.get("date_publish") or "")[:10] or None
        x = extract.extract(text, published=published)
        for (s0, s1), found in _by_sentence(x).items():
            if found["figures"] or found["events"]:
                out.append(_template(x, text[s0:s1], s0, published, found, source))
    path.write_bytes(pickle.dumps(out))
    return out


def _by_sentence(x) -> dict[tuple[int, int], dict]:
    """An extraction's actor mentions, figures and events, by the sentence they are in."""
    sentences: dict[tuple[int, int], dict] = {}

    def slot(span: Span) -> dict:
        return sentences.setdefault(
            (span.sent_start, span.sent_end), {"actors": {}, "figures": {}, "events": []}
        )

    for index, actor in enumerate(x.actors):
        for mention in actor.mentions:
            slot(mention.span)["actors"].setdefault(index, []).append(mention.span)
    for index, figure in enumerate(x.figures):
        slot(figure.span)["figures"][index] = figure
    for event in x.events:
        slot(event.span)["events"].append(event)
    return sentences


def _template(x, sentence: str, s0: int, published, found: dict, source: int) -> Template:
    """One sentence's records with offsets from its start and indexes of its own."""
    local_actor: dict[int, int] = {}
    actors: list[dict] = []

    def local(index: int) -> int:
        if index not in local_actor:
            a = x.actors[index]
            local_actor[index] = len(actors)
            actors.append({
                "name": a.name, "kind": a.kind, "aliases": list(a.aliases),
                "country": a.country,
                "mentions": [(m.start - s0, m.end - s0)
                             for m in found["actors"].get(index, [])],
            })
        return local_actor[index]

    for index in sorted(found["actors"]):
        local(index)
    local_figure = {g: i for i, g in enumerate(sorted(found["figures"]))}
    figures: list[Figure] = []
    for g in sorted(found["figures"]):
        f = copy.deepcopy(found["figures"][g])
        f.span = _rel(f.span, s0)
        f.part_of = local_figure.get(f.part_of) if f.part_of is not None else None
        if f.part_of is not None and f.part_of >= len(figures):
            f.part_of = None
        figures.append(f)
    events = []
    for e in found["events"]:
        e = copy.deepcopy(e)
        e.span = _rel(e.span, s0)
        e.participants = [Participant(local(p.actor), p.role) for p in e.participants]
        e.figures = [local_figure[i] for i in e.figures if i in local_figure]
        events.append(e)
    return Template(sentence, published, actors, figures, events, len(sentence.split()),
                    source)


class Generator:
    """Deterministic synthetic documents: document ``i`` is the same whatever came before.

    With ``stories`` > 1, document ``i`` tells story ``i % stories``: its sentences come from
    one bundled article, its actors from a cast and a place of the story's own, its years
    shifted the story's way, so the store's crisis grouping forms many crises as a real
    store of many stories does (with 1, every document draws from every article: one big
    story)."""

    def __init__(self, seed: int = 7, pool: int = 3000, stories: int = 1):
        self.seed = seed
        self.stories = stories
        self.templates = templates()
        rng = random.Random(seed)
        real: dict[str, list[Identity]] = {}
        seen = set()
        for t in self.templates:
            for a in t.actors:
                if a["name"] not in seen:
                    seen.add(a["name"])
                    real.setdefault(a["kind"], []).append(
                        Identity(a["name"], a["kind"], a["aliases"], a["country"]))
        self.real = real
        made: dict[str, list[Identity]] = {}
        names = set(seen)
        while sum(len(v) for v in made.values()) < pool:
            kind = rng.choice(("person", "person", "person", "rebel_group", "militia",
                               "organisation", "state_forces"))
            if kind == "person":
                name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                aliases = [name.split()[-1]] if rng.random() < 0.3 else []
            elif kind in ("rebel_group", "militia"):
                name = f"{rng.choice(PLACES)} {rng.choice(GROUP_NOUNS)}"
                aliases = []
            elif kind == "organisation":
                name = f"{rng.choice(PLACES)} {rng.choice(ORG_NOUNS)}"
                aliases = []
            else:
                name = f"{rng.choice(PLACES)} {rng.choice(('police', 'border guards', 'army'))}"
                aliases = []
            if name in names:
                continue
            names.add(name)
            made.setdefault(kind, []).append(Identity(name, kind, aliases))
        self.made = made
        self._stories: dict[int, _Story] = {}
        self.by_source: dict[int, list[Template]] = {}
        for t in self.templates:
            self.by_source.setdefault(t.source, []).append(t)

    def _swap(self, rng: random.Random, kind: str, original: Identity) -> Identity:
        roll = rng.random()
        if roll < 0.45:
            return original
        if roll < 0.65 and self.real.get(kind):
            return rng.choice(self.real[kind])
        return rng.choice(self.made.get(kind) or self.made["person"])

    def document(self, i: int, sentences: int = 40) -> tuple[str, Extraction, str]:
        """Document ``i``: its text, its extraction and its title. Of a story (``stories`` >
        1), its actors are mostly the story's cast, now and then someone else, as a story's
        reports quote new people."""
        rng = random.Random(self.seed * 1_000_003 + i)
        cast: Callable[[dict], Identity]
        if self.stories > 1:
            story = self.story(i % self.stories)
            title, templates, year_shift = f"{story.place} report {i}", story.templates, \
                story.year_shift

            def cast(a: dict) -> Identity:
                role = story.cast[a["name"]]
                return role if rng.random() < 0.9 else self._swap(rng, a["kind"], role)
        else:
            title, templates = f"Synthetic brief {i}", self.templates
            year_shift = rng.choice((-8, -4, 0, 0, 4))

            def cast(a: dict) -> Identity:
                return self._swap(rng, a["kind"], Identity(a["name"], a["kind"], a["aliases"],
                                                           a["country"]))
        parts: list[str] = [title]
        pos = len(title) + 2
        out = _Built()
        for _ in range(sentences):
            t = rng.choice(templates)
            mapping = [cast(a) for a in t.actors]
            sentence, shift, numbers = _rewritten(rng, t, mapping)
            at = _At(pos, sentence, shift)
            local = out.add_actors(t, mapping, at)
            base = len(out.figures)
            out.add_figures(t, at, numbers, year_shift, base)
            out.add_events(t, at, mapping, numbers, local, year_shift, base)
            parts.append(sentence)
            pos += len(sentence) + 2
        text = "\n\n".join(parts)
        published = _shift_iso(templates[0].published, year_shift if self.stories > 1 else 0)
        return text, Extraction(out.actors, [], out.figures, out.events, published), title

    def story(self, number: int) -> _Story:
        if number not in self._stories:
            self._stories[number] = _Story(self, number)
        return self._stories[number]


class _Story:
    """What the documents of one story share: their article's sentences, a cast, a place."""

    def __init__(self, gen: Generator, number: int) -> None:
        rng = random.Random(gen.seed * 7_919 + number)
        sources = sorted(gen.by_source)
        self.templates = gen.by_source[sources[number % len(sources)]]
        self.place = f"{rng.choice(PLACES)} {number}"
        self.year_shift = rng.choice((-8, -4, 0, 4)) - 12 * (number // len(sources))
        self.cast: dict[str, Identity] = {}
        for t in self.templates:
            for a in t.actors:
                if a["name"] not in self.cast:
                    pool = gen.made.get(a["kind"]) or gen.made["person"]
                    self.cast[a["name"]] = rng.choice(pool) if rng.random() < 0.7 else \
                        Identity(a["name"], a["kind"], a["aliases"], a["country"])




def _apply(text: str, edits: dict[tuple[int, int], str]):
    """``text`` with non-overlapping ``edits`` applied, and a function mapping old offsets."""
    chosen: list[tuple[int, int, str]] = []
    for (start, end), new in sorted(edits.items()):
        if chosen and start < chosen[-1][1]:
            continue
        chosen.append((start, end, new))
    out, last = [], 0
    for start, end, new in chosen:
        out.append(text[last:start])
        out.append(new)
        last = end
    out.append(text[last:])

    def shift(p: int) -> int:
        delta = 0
        for start, end, new in chosen:
            if p >= end:
                delta += len(new) - (end - start)
            elif p > start:
                return start + delta + min(p - start, len(new))
            else:
                break
        return p + delta

    return "".join(out), shift


def _shift_iso(iso: str | None, years: int) -> str | None:
    """A date ``years`` on (a multiple of four, so 29 February stays a day)."""
    return f"{int(iso[:4]) + years:04d}{iso[4:]}" if iso and iso[:4].isdigit() else iso


def _shift_date(date: DateRef | None, years: int) -> DateRef | None:
    if date is None or not years:
        return date
    return DateRef(_shift_iso(date.start, years) or date.start,
                   _shift_iso(date.end, years) or date.end, date.precision, date.text)


# -- queries ----------------------------------------------------------------------------------
def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice(("drop", "swap", "sub", "double"))
    if op == "drop":
        return word[:i] + word[i + 1:]
    if op == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if op == "sub":
        return word[:i] + rng.choice("aeiourstnl") + word[i + 1:]
    return word[:i] + word[i] + word[i:]


def _respell(rng: random.Random, word: str) -> str:
    options = [(a, b) for a, b in SPELLINGS if a in word.lower()]
    if not options:
        return _typo(rng, word)
    a, b = rng.choice(options)
    at = [m.start() for m in re.finditer(re.escape(a), word.lower())]
    i = rng.choice(at)
    return word[:i] + b + word[i + len(a):]


def _longest(words: list[str]) -> int:
    return max(range(len(words)), key=lambda k: len(words[k]))


def queries(count: int = 120, seed: int = 11, key: str | None = None) -> list[dict]:
    """A fixed set of search queries: typos, other spellings, partial words, several words.

    Drawn from the real articles' actors, event summaries and figures, which every store
    size holds: those of the templates of ``key`` (the ones a store was built from), else
    of the current extractor's."""
    rng = random.Random(seed)
    ts = templates(key)
    names = sorted({a["name"] for t in ts for a in t.actors
                    if len(a["name"]) >= 5 and a["name"][0].isalnum()})
    summaries = sorted({e.summary for t in ts for e in t.events if len(e.summary) >= 12})
    counted = sorted({f"{f.text} {f.counted}" for t in ts for f in t.figures if f.counted})
    out: list[dict] = []
    kinds = ("typo", "spelling", "partial", "words", "figure")
    while len(out) < count:
        kind = kinds[len(out) % len(kinds)]
        if kind == "typo":
            source = rng.choice(names)
            ws = source.split()
            k = _longest(ws)
            ws[k] = _typo(rng, ws[k])
        elif kind == "spelling":
            source = rng.choice(names)
            ws = source.split()
            k = _longest(ws)
            ws[k] = _respell(rng, ws[k])
        elif kind == "partial":
            source = rng.choice(names + summaries)
            ws = source.split()[:3]
            if len(ws[-1]) >= 5:
                ws[-1] = ws[-1][: rng.randint(3, len(ws[-1]) - 1)]
        elif kind == "words":
            source = rng.choice(summaries)
            ws = [w.strip("()") for w in source.split()][:4]
            k = _longest(ws)
            ws[k] = _typo(rng, ws[k])
        else:
            source = rng.choice(counted)
            ws = [w for w in source.split() if not w[0].isdigit()][-2:] or source.split()
            k = _longest(ws)
            ws[k] = _typo(rng, ws[k])
        query = " ".join(w for w in ws if w)
        if query.strip() and query not in {q["query"] for q in out}:
            out.append({"query": query, "kind": kind, "from": source})
    return out


def _rewritten(rng: random.Random, t: Template, mapping: list[Identity]):
    """A template's sentence with its actors swapped and its numbers changed: (sentence,
    the offset map from the template's, the numbers changed as written)."""
    edits: dict[tuple[int, int], str] = {}
    for a, who in zip(t.actors, mapping, strict=True):
        if who.name != a["name"]:
            for start, end in a["mentions"]:
                edits[(start, end)] = who.name
    numbers: dict[str, str] = {}
    for f in t.figures:
        at = t.text.find(f.text, f.span.start, f.span.end)
        digits = re.search(r"\d[\d,]*", f.text)
        if at < 0 or not digits:
            continue
        new = f"{rng.randint(2, 5000):,}"
        numbers[digits.group()] = new
        edits[(at + digits.start(), at + digits.end())] = new
    sentence, shift = _apply(t.text, edits)
    return sentence, shift, numbers


@dataclass
class _At:
    """Where a rewritten sentence sits in the document."""

    pos: int
    sentence: str
    shift: Callable[[int], int]  # template offset -> sentence offset

    def span(self, start: int, end: int) -> Span:
        s, e = self.shift(start), self.shift(end)
        return Span(self.pos + s, self.pos + e, self.sentence[s:e], self.pos,
                    self.pos + len(self.sentence))


@dataclass
class _Built:
    """A synthetic document's records so far."""

    actors: list[Actor] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    identities: dict[str, int] = field(default_factory=dict)

    def add_actors(self, t: Template, mapping: list[Identity], at: _At) -> list[int]:
        """The sentence's actors (one per name in the document); their document indexes."""
        local = []
        for a, who in zip(t.actors, mapping, strict=True):
            key = who.name
            if key not in self.identities:
                self.identities[key] = len(self.actors)
                self.actors.append(Actor(who.name, who.kind, list(who.aliases), [],
                                         who.country))
            actor = self.actors[self.identities[key]]
            for start, end in a["mentions"]:
                actor.mentions.append(Mention(at.span(start, end)))
            local.append(self.identities[key])
        return local

    def add_figures(self, t: Template, at: _At, numbers: dict[str, str], year_shift: int,
                    base: int) -> None:
        for f in t.figures:
            g = copy.copy(f)
            g.span = at.span(f.span.start, f.span.end)
            for old, new in numbers.items():
                if old in g.text:
                    g.text = g.text.replace(old, new)
                    g.value = int(new.replace(",", ""))
            g.date = _shift_date(f.date, year_shift)
            g.part_of = base + f.part_of if f.part_of is not None else None
            self.figures.append(g)

    def add_events(self, t: Template, at: _At, mapping: list[Identity],
                   numbers: dict[str, str], local: list[int], year_shift: int,
                   base: int) -> None:
        for ev in t.events:
            e2 = copy.copy(ev)
            e2.span = at.span(ev.span.start, ev.span.end)
            summary = ev.summary
            for a, who in zip(t.actors, mapping, strict=True):
                if who.name != a["name"]:
                    summary = summary.replace(a["name"], who.name)
            for old, new in numbers.items():
                summary = summary.replace(old, new)
            e2.summary = summary
            e2.participants = [Participant(local[p.actor], p.role) for p in ev.participants]
            e2.figures = [base + k for k in ev.figures]
            e2.date = _shift_date(ev.date, year_shift)
            self.events.append(e2)
