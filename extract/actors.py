"""Actors and places from named entities, curated names and noun phrases.

One pass decides, for each name, whether it is an actor or a place, because the decision is
joint: a country that acts ("Tajikistan said", "gave Russia") is a state actor, a country
used as a place ("refugees from Afghanistan") is a Location; a capital that acts ("Moscow
was watching") and state metonyms ("the Kremlin") are aliases of the state. Sources, in
order of trust: the curated list (``data/organisations.json``), "Name (ACR)" definitions,
then spaCy entities checked against the gazetteer (its labels are often wrong), then
security-force noun phrases ("Tajik troops", "Border guards in the ex-Soviet country"),
which become ``state_forces`` of the country named by a demonym, possessive or the dateline.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import data, locations
from .aliases import acronym, normalise
from .document import Document, ent_texts_of, ents_of, tokens_of
from .locations import Place
from .model import Actor, Location, Mention

# a place name written with hyphens the NER cuts at: "-i-Sharif", "-e-Sharif", "-Sharif"
_HYPHENATED = re.compile(r"(?:-[a-z]{1,3})?-[A-Z][\w']+")

# the words, documented in extract/data/actor_cues.json
_words = functools.partial(data.words, "actor_cues.json")


def _any_word(name: str, flags: int = 0) -> re.Pattern:
    """A search for any of the list's words, whole."""
    listed = data.load_json("actor_cues.json")[name]
    return re.compile(r"\b(" + "|".join(map(re.escape, listed)) + r")\b", flags)


_ORG_WORDS = _any_word("org_words", re.I)
_MEDIA_WORDS = _any_word("media_words")
_FORCES_WORDS = _any_word("forces_words", re.I)
_PLACE_NOUNS = _words("place_nouns")
_ACTING_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "agent", "csubj"}
FORCE_HEADS = _words("force_heads")
_FORCE_EQUIPMENT = _words("force_equipment")
_CIVILIAN_CRAFT = _words("civilian_craft")
_FORCE_ACTIONS = _words("force_actions")
# the words of the titles ("Minister", "Secretary-General"), not "Prime" or "Foreign" alone
OFFICE_WORDS = {w.lower() for title in data.load_json("event_triggers.json")["titles"]
                for w in title.split()} - {"prime", "foreign"}
_OFFICE_DEPS = {"compound", "amod", "poss", "nmod", "appos"}
_STRIKE_MEANS = frozenset({"air", "missile", "drone", "naval"})
_POLICE = _words("police")


@dataclass
class Resolved:
    """Actors and locations of a document plus lookups the event pass needs."""

    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    actor_at: dict[int, int] = field(default_factory=dict)  # token index -> actor
    place_at: dict[int, int] = field(default_factory=dict)  # token index -> location
    dateline_country: str | None = None
    _keys: dict[tuple, int] = field(default_factory=dict)
    _loc_keys: dict[tuple, int] = field(default_factory=dict)

    def state_actor(self, iso3: str | None) -> int | None:
        """The actor of the state ``iso3``, when the text names it."""
        return self._keys.get(_state_key(iso3)) if iso3 else None

    def forces(self) -> dict[int, str]:
        """The states' forces the text names: actor -> branch ("police" or "military")."""
        return {idx: key[2] for key, idx in self._keys.items() if key[0] == "forces"}

    def add_actor(self, d: Document, key: tuple, name: str, kind: str, country: str | None,
                  start: int, end: int, aliases: tuple[str, ...] = ()) -> int:
        idx = self._keys.get(key)
        if idx is None:
            idx = len(self.actors)
            self._keys[key] = idx
            self.actors.append(Actor(name=name, kind=kind, country=country))
        actor = self.actors[idx]
        surface = d.text[start:end]
        for alias in (*aliases, surface):
            if alias and alias != actor.name and alias not in actor.aliases:
                actor.aliases.append(alias)
        if all(m.span.start != start for m in actor.mentions):
            actor.mentions.append(Mention(d.span(start, end)))
        self._mark(d, self.actor_at, idx, start, end)
        return idx

    def add_state(self, d: Document, iso3: str, start: int, end: int) -> int:
        """The state ``iso3`` as an actor, named at ``start:end``."""
        return self.add_actor(d, _state_key(iso3), _state_name(iso3), "state", iso3, start, end)

    def add_location(self, d: Document, place: Place, start: int, end: int) -> int:
        key = (place.name, place.kind, place.country)
        idx = self._loc_keys.get(key)
        if idx is None:
            idx = len(self.locations)
            self._loc_keys[key] = idx
            self.locations.append(Location(place.name, place.kind, place.country))
        loc = self.locations[idx]
        if all(m.span.start != start for m in loc.mentions):
            loc.mentions.append(Mention(d.span(start, end)))
        self._mark(d, self.place_at, idx, start, end)
        return idx

    @staticmethod
    def _mark(d: Document, table: dict[int, int], idx: int, start: int, end: int) -> None:
        span = d.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                table.setdefault(tok.i, idx)

    def last_actor(self, before: int, kinds: tuple[str, ...]) -> int | None:
        """The actor of one of ``kinds`` mentioned last before char ``before``."""
        best, best_pos = None, -1
        for i, a in enumerate(self.actors):
            if a.kind not in kinds:
                continue
            for m in a.mentions:
                if best_pos < m.span.start < before:
                    best, best_pos = i, m.span.start
        return best


@functools.lru_cache(maxsize=1)
def _curated():
    forms: dict[str, dict] = {}
    for org in data.organisations():
        for form in (org["name"], *org["aliases"]):
            forms.setdefault(form, org)
            if " " in form:  # "UN Security Council" is also written "U.N. Security Council"
                dotted = re.sub(r"\b([A-Z]{2,4})\b", lambda m: ".".join(m.group(1)) + ".",
                                form)
                forms.setdefault(dotted, org)
    alts = sorted(forms, key=len, reverse=True)
    rx = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in alts) + r")(?![\w-])")
    return forms, rx


def _mostly_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 20 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _line_at(text: str, pos: int) -> str:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return text[a:b if b >= 0 else len(text)]


def _clean_entity(text: str, start: int) -> tuple[int, int, str | None]:
    """Strip "the" ("Both Abe and Tillerson"), "Suspected" (a doubt, not a name), possessive
    's and a "(ACR" tail; return char range and the acronym."""
    end = start + len(text)
    acr = None
    m = re.search(r"\s*\(([A-Z][A-Za-z.]{1,9})\)?$", text)
    if m:
        acr = m.group(1)
        end = start + m.start()
    m = re.match(r"(?:the|The|THE|Both|both|Either|Neither|Suspected|Alleged)\s+", text)
    if m:
        start += m.end()
    return start, end, acr


def _state_key(iso3: str | None) -> tuple:
    return ("state", iso3)


def _state_name(iso3: str) -> str:
    """A state's display name (its code when the table has none)."""
    return locations.country_name(iso3) or iso3


def _effective_dep(tok) -> str:
    while tok.dep_ in ("conj", "appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return "agent"
    return tok.dep_


def _poss_country(tok) -> str | None:
    """ISO3 of a country named as possessor/modifier before ``tok`` ("Russia's ...")."""
    for child in tok.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            iso = _country_of_word(child)
            if iso:
                return iso
    return None


def _country_of_word(tok) -> str | None:
    span_text = tok.text
    if tok.ent_iob_ != "O":
        ent = next((e for e in ents_of(tok.doc) if e.start <= tok.i < e.end), None)
        if ent is not None:
            span_text = re.sub(r"^the\s+", "", ent.text, flags=re.I)
    place = locations.country(span_text)
    if place:
        return place.country
    lefts = [c for c in tok.lefts if c.dep_ in ("amod", "compound") and c.is_title]
    if lefts and lefts[-1].i == tok.i - 1:  # "South Korean" parsed as two words
        whole = tok.doc[lefts[0].i:tok.i + 1].text
        place = locations.country(whole)
        iso = place.country if place else locations.demonym_country(whole)
        if iso:
            return iso
    return locations.demonym_country(tok.text)


@dataclass
class _Pass:
    """What the steps of ``resolve`` share: the document, what is found so far, the
    dateline's country (the context places are looked up in) and the spans already
    claimed by a more trusted source."""

    d: Document
    r: Resolved
    dl_country: str | None
    forms: dict
    claimed: list[tuple[int, int]] = field(default_factory=list)
    persons: list[tuple[int, int, str]] = field(default_factory=list)
    named: tuple[str, ...] = ()  # the countries the text names, the most named first
    home: frozenset[str] = frozenset()  # those but by their forces (``_named_countries``)
    place_names: frozenset[str] = frozenset()  # what the text calls a place (_place_names)

    @property
    def context(self) -> tuple[str, ...]:
        return tuple(c for c in [self.dl_country] if c)

    def lookup(self, name: str, min_population: int = 15000, exonyms: bool = True
               ) -> Place | None:
        """The gazetteer's place for a name of this text: its dateline's country first,
        then the countries it names."""
        return locations.lookup(name, self.context, min_population, self.named, exonyms)

    @property
    def dl_end(self) -> int:
        return self.d.dateline[1] + 30 if self.d.dateline else -1

    def overlaps(self, a: int, b: int) -> bool:
        return any(a < y and x < b for x, y in self.claimed)

    def in_dateline(self, start: int) -> bool:
        dateline = self.d.dateline
        return dateline is not None and dateline[0] <= start < dateline[1]


def resolve(d: Document) -> Resolved:
    """All actors and locations of the document, from the most trusted source to the
    least: the dateline, the curated names, "Name (ACR)" definitions, spaCy's entities,
    then noun phrases of forces and institutions."""
    r = Resolved()
    r.dateline_country = _dateline_places(d, r)
    named, home = _named_countries(d)
    p = _Pass(d, r, r.dateline_country, _curated()[0], named=named, home=home)
    _add_curated(p)
    _add_acronym_definitions(p)
    _add_entities(p)
    _add_persons(d, r, p.persons)
    _unlabelled_names(d, r)
    _unlabelled_places(p)
    _officials_states(d, r)
    _add_forces(d, r, r.dateline_country)
    _add_institutions(d, r)
    body = len(d.text) - sum(b - a for a, b in d.quiet)
    if body >= _MIN_BODY:  # a photo gallery is all captions: then they are the story
        _drop(r, lambda a: all(d.is_quiet(m.span.start) for m in a.mentions))
    return r


def _named_countries(d: Document) -> tuple[tuple[str, ...], frozenset[str]]:
    """The countries the text names or calls by their people ("Nigeria", "Nigerian
    troops"), the most named first: where a place of a name shared abroad most likely is
    ("Florida" the US state, not the Cuban town, in a text about the United States); and
    those it names but by the people of forces, who fight abroad ("Russian forces shelled
    the city of Kharkiv"): the text's home."""
    counts: Counter[str] = Counter()
    home: set[str] = set()
    for ent in d.doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC") and not d.is_quiet(ent.start_char):
            iso = locations.country_code(ent.text)
            if iso:
                counts[iso] += 1
                if ent.label_ != "NORP" or not _FORCES_WORDS.search(ent.root.head.text):
                    home.add(iso)
    return tuple(iso for iso, _n in counts.most_common()), frozenset(home)


def _dateline_places(d: Document, r: Resolved) -> str | None:
    """The dateline's city and country as places; returns the country it names."""
    if not d.dateline:
        return None
    s, e, city, ctry = d.dateline
    place = locations.country(ctry) if ctry else None
    dl_country = place.country if place else None
    cplace = locations.lookup(city.title(), (dl_country,) if dl_country else ())
    if cplace:
        dl_country = dl_country or cplace.country
        r.add_location(d, cplace, s, e)
    if place and ctry:
        ps = d.text.find(ctry, e)
        if ps >= 0:
            r.add_location(d, place, ps, ps + len(ctry))
    return dl_country


def _add_curated(p: _Pass) -> None:
    """1. Names of the curated list (``data/organisations.json``)."""
    d, r, text = p.d, p.r, p.d.text
    forms, rx = _curated()
    for m in rx.finditer(d.parsed_text):
        org = forms[m.group(1)]
        if _mostly_upper(_line_at(text, m.start())) or text[m.start() - 1:m.start()] in (
                "#", "@"):
            continue  # shouting headlines, hashtags and handles
        before = text[max(0, m.start() - 10):m.start()]
        if org["kind"] == "media" and (re.search(r"(PHOTO|Photo|Image|Credit)\s*:\s*$", before)
                                       or (d.dateline and d.dateline[0] <= m.start() < p.dl_end)
                                       or d.is_quiet(m.start())):
            continue
        if org.get("metonym"):
            iso = org["country"]
            r.add_state(d, iso, m.start(), m.end())
        else:
            name = m.group(1)
            key = ("org", org["name"])
            if key in r._keys:
                name = r.actors[r._keys[key]].name
            aliases = tuple(f for f in (org["name"], *org["aliases"]) if f != name)
            r.add_actor(d, key, name, org["kind"], org.get("country"), m.start(), m.end(),
                        aliases)
        p.claimed.append((m.start(), m.end()))


def _add_acronym_definitions(p: _Pass) -> None:
    """2. "Name Words (ACR)" definitions, and the acronym wherever it is used after."""
    d, r = p.d, p.r
    for m in re.finditer(r"((?:[A-Z][\w'-]+\s+(?:(?:of|for|and|the|on)\s+)*)+[A-Z][\w'-]+)"
                         r"\s+\(([A-Z]{2,8})\)", d.parsed_text):
        name, acr = m.group(1), m.group(2)
        name = re.sub(r"^(The|A)\s+", "", name)
        if acronym(name) != acr and not acronym(name).endswith(acr):
            continue
        ns = m.start(1) + m.group(1).find(name)
        if p.overlaps(ns, ns + len(name)):
            continue
        kind = "state_forces" if _FORCES_WORDS.search(name) else "organisation"
        key = ("org", normalise(name))
        r.add_actor(d, key, name, kind, None, ns, ns + len(name), (acr,))
        p.claimed.append((ns, ns + len(name)))
        for am in re.finditer(rf"(?<![\w-]){re.escape(acr)}(?![\w-])", d.parsed_text):
            if not p.overlaps(am.start(), am.end()):
                r.add_actor(d, key, name, kind, None, am.start(), am.end())
                p.claimed.append((am.start(), am.end()))


@dataclass
class _Ent:
    """One spaCy entity, cleaned: its span in the text, name and acronym."""

    ent: Any  # a spaCy Span
    start: int
    end: int
    name: str
    acr: str | None


def _add_entities(p: _Pass) -> None:
    """3. spaCy entities, plus country names the NER missed: each is a place, an actor,
    a person, or nothing, by the first of these steps that takes it."""
    doc = p.d.doc
    p.place_names = place_names = frozenset(_place_names(p.d))
    # "Buhari" after "Muhammadu Buhari" is the man, never the town of that name
    people = [e.text.split() for e in ents_of(doc) if e.label_ == "PERSON" and " " in e.text]
    surnames = {words[-1] for words in people}
    # ... and "Tamimi's lawyer" tagged a place beside "Tamimi" tagged a person, when no
    # gazetteer and no phrase of the text ("the town of Tamimi") makes it a place
    named = {e.text for e in ents_of(doc) if e.label_ == "PERSON" and " " not in e.text
             and e.text not in place_names and e.text not in _PLATFORMS | _NOT_ACTORS
             and locations.lookup(e.text) is None}
    first_names = {words[0] for words in people}
    aged = {e.text for e in ents_of(doc) if _aged(doc, e)}
    for ent in _entities_with_countries(doc):
        if ent.label_ not in ("GPE", "LOC", "FAC", "NORP", "ORG", "PERSON") and not (
                ent.label_ in _ODD_LABELS and ent.text in place_names) and not (
                _before_admin_word(ent)):
            continue  # (but "the border town of Moyale", tagged a product, is a town, and
            # "Amhara region", tagged a date, a region)
        x = _cleaned(p, ent)
        if x is None:
            continue
        odd_people = ent.label_ == "NORP" and not locations.demonym_country(x.name)
        if (x.name in surnames and (ent.label_ in ("GPE", "LOC", "PERSON") or odd_people)
                and not _names_a_thing(p.d.doc, x.name)) or (
                x.name in named and (ent.label_ in ("GPE", "LOC") or odd_people)) or (
                ent.text in aged and ent.label_ != "NORP"):
            p.persons.append((x.start, x.end, x.name))  # the man named before, not a town
            # nor a people ("shows Tamimi slapping two soldiers", tagged a nationality)
            continue
        for step in (_hyphenated_place, _not_a_name, _filed_from, _demonym_or_lowercase,
                     _region_or_country):
            if step(p, x):
                break
        else:
            if not (_place_by_use(p, x) or _a_person(p, x, first_names)):
                _place_or_org(p, x)


def _aged(doc, ent) -> bool:
    """A name told with an age after it ("Ahed Tamimi, 16,", "Tamimi (16)") is a person's,
    whatever the NER labelled it (a town "Tamimi" is in the gazetteer)."""
    if ent.end + 2 >= len(doc) or doc[ent.end].text not in (",", "("):
        return False
    age, close = doc[ent.end + 1], doc[ent.end + 2]
    return age.text.isdigit() and 0 < int(age.text) < 110 and close.text in (",", ")")


def _cleaned(p: _Pass, ent) -> _Ent | None:
    """The entity's name without titles ("Col."), platforms ("Twitter"), a possessive;
    None when nothing name-like is left."""
    text = p.d.text
    start, end, acr = _clean_entity(ent.text, ent.start_char)
    if re.search(r"'s$|\u2019s$", text[start:end]):
        end -= 2
    name = text[start:end].strip()
    if not name or p.overlaps(start, end) or any(ch.isdigit() for ch in name):
        return None
    m_title = _TITLE_ABBR.match(name)
    if m_title:  # "Col. Rob Manning" -> "Rob Manning"
        start += m_title.end()
        name = text[start:end].strip()
    if _after_an_office(ent) and len(name.split()) > 2:
        start = text.index(name.split()[1], start)  # "Secretary of State Rex Tillerson",
        name = text[start:end].strip()  # tagged "State Rex Tillerson": Rex Tillerson
    if name.split()[0] in _PLATFORMS and len(name.split()) > 1:
        start = text.index(name.split()[1], start)  # "on Twitter Christian Estrosi"
        name = text[start:end].strip()
    suffix = _GENERATION.search(name) if ent.label_ == "PERSON" else None
    if suffix and len(name[:suffix.start()].split()) > 1:  # "Patrick Paddock II" is the
        end -= len(name) - suffix.start()  # "Patrick Paddock" the text names again
        name = text[start:end].strip()
    return _Ent(ent, start, end, name, acr)


_OFFICE_OF = re.compile(r"\b(?:Secretary|Minister) of$")


def _after_an_office(ent) -> bool:
    """"Secretary of State Rex Tillerson", tagged "State Rex Tillerson": the entity begins
    with the rest of an office."""
    return bool(_OFFICE_OF.search(ent.doc[max(0, ent.start - 3):ent.start].text))


_GENERATION = re.compile(r",?\s+(?:II|III|IV|Jr\.?|Sr\.?)$")


def _hyphenated_place(p: _Pass, x: _Ent) -> bool:
    """"Mazar-i-Sharif": the NER stops at the hyphen; the gazetteer knows the whole."""
    joined = _HYPHENATED.match(p.d.text, x.end)
    if not joined or x.ent.label_ == "NORP":
        return False
    place = p.lookup(p.d.text[x.start:joined.end()])
    if place is None:
        return False
    p.r.add_location(p.d, place, x.start, joined.end())
    p.claimed.append((x.start, joined.end()))
    return True


def _not_a_name(p: _Pass, x: _Ent) -> bool:
    """A title cut off a name, a credit, a platform, a half phrase, an occasion, a
    transcript's speaker label, a gloss, an affiliation or a journalist: taken by nobody."""
    name, text, ent = x.name, p.d.text, x.ent
    m_only = _TITLE_ABBR.match(name + " X")
    if m_only and m_only.end() == len(name) + 1:
        return True  # "Col" cut off "Col. Rob Manning"
    if len(name) < 2 or _credit(p.d, x.start, x.end, name) or name.split()[0] in _PLATFORMS \
            or name.split()[-1] in ("of", "and", "the") or name in _NOT_ACTORS \
            or _OCCASION.search(name):
        return True
    if re.fullmatch(r"[A-Z][A-Z .'-]+", name) and not p.forms.get(name) and (
            " " in name or text[x.end:x.end + 1] in (":", ",")):
        return True  # transcript speaker labels ("ARI SHAPIRO, HOST:")
    if p.in_dateline(x.start):
        return False  # the next step decides
    if len(ent) == 1 and ent[0].tag_ == "NNS" and ent[0].is_sent_start and (
            ent.label_ in ("PERSON", "ORG") or locations.lookup(name) is None):
        return True  # "Flags will fly at half-staff", "Gunmen abducted 30 students": a
        # plural noun a sentence begins with (a place, only one the gazetteer has)
    if ent.label_ == "PERSON" and _names_a_thing(p.d.doc, name):
        return True  # "Thaad", tagged a person, is "the Thaad missile defense system"
    if ent.label_ == "ORG" and ", " in name and all(
            locations.lookup(part) for part in name.split(", ")):
        return True  # "taken to Abuja, Borno officials said": two places run together
    return _glossed(text, x.start, x.end) or _affiliation(p.d.doc, ent) or (
        ent.label_ in ("PERSON", "ORG") and _journalist(p.d.doc, ent))


def _filed_from(p: _Pass, x: _Ent) -> bool:
    """"PARIS - ...": where the copy was filed; a dateline name no gazetteer knows is
    judged as any other (a gloss, an affiliation, a journalist is nobody)."""
    if not p.in_dateline(x.start):
        return False
    place = p.lookup(x.name.title())
    if place is not None:
        p.r.add_location(p.d, place, x.start, x.end)
        return True
    ent = x.ent
    return _glossed(p.d.text, x.start, x.end) or _affiliation(p.d.doc, ent) or (
        ent.label_ in ("PERSON", "ORG") and _journalist(p.d.doc, ent))


def _demonym_or_lowercase(p: _Pass, x: _Ent) -> bool:
    """"the Swiss government": the state; a lowercase entity is no name (but "Russia's
    defence ministry" is)."""
    doc, ent = p.d.doc, x.ent
    dem = _demonym_state(doc, ent)
    if dem is not None:
        iso, gov_end = dem
        p.r.add_state(p.d, iso, x.start, gov_end)
        p.claimed.append((x.start, gov_end))
        return True
    return x.name.lower() == x.name and not (ent.label_ == "ORG" and ent.start > 1 and
                                             doc[ent.start - 1].text in ("'s", "\u2019s"))


def _region_or_country(p: _Pass, x: _Ent) -> bool:
    """A known region at the end of a name; a country, which acts (a state) or is a
    place; a demonym (it qualifies, it does not act); an agency's credit."""
    d, r, name = p.d, p.r, x.name
    region = None if locations.lookup(name) else locations.region_suffix(name)
    if region:
        r.add_location(d, locations.Place(region, "region", None), x.end - len(region), x.end)
        return True
    root = x.ent.root
    cplace = locations.country(name)
    if cplace:
        dep = _effective_dep(root)
        if dep in _ACTING_DEPS or (dep == "poss" and root.head.lemma_.lower() in _AGENT_HEADS):
            r.add_actor(d, _state_key(cplace.country), cplace.name, "state",
                        cplace.country, x.start, x.end)
        else:
            r.add_location(d, cplace, x.start, x.end)
        return True
    province = _named_province(p, x)
    if province is not None:
        r.add_location(d, province, x.start, x.end)  # "Ituri province", tagged a people
        return True
    if (x.ent.label_ == "NORP" and name not in p.place_names) or \
            locations.demonym_country(name):
        return True  # demonyms qualify other things; they are not actors themselves (but
        # "the town of Kidal" tagged a people is the town: ``_place_by_use``)
    return d.dateline is not None and d.dateline[0] <= x.start < p.dl_end and \
        d.text[max(0, x.start - 1):x.start] == "(" and d.text[x.end:x.end + 1] == ")"
    # "RAMALLAH, West Bank (AP) -": the agency's credit


def _named_province(p: _Pass, x: _Ent) -> Place | None:
    """A "people" (or a date ...) the NER tagged before "province", "state", "region" ...
    that is no people's name ("in Ituri province", "in Amhara region"): that province."""
    ent = x.ent
    if ent.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON") or locations.demonym_country(
            x.name) or not _before_admin_word(ent):
        return None
    return p.lookup(f"{x.name} {ent.doc[ent.end].lower_}")


def _before_admin_word(ent) -> bool:
    return ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in _ADMIN_SUFFIXES


def _place_by_use(p: _Pass, x: _Ent) -> bool:
    """A name the text uses as a place elsewhere, or one whose words or use say place."""
    ent, name, place_names = x.ent, x.name, p.place_names
    if ent.label_ in ("ORG", "PERSON", "FAC", "GPE", "LOC", "NORP", *_ODD_LABELS) and \
            not p.forms.get(name) and (name in place_names or (
            ent.label_ != "NORP" and _names_people_origin(ent))):
        iso, rest = _demonym_cut(name)
        start = x.end - len(rest)
        place = p.lookup(rest, exonyms=name not in place_names)  # "the town of Boni"
        if name in place_names and (place is None or place.kind not in ("region", "admin1")):
            place = _at_home(p, ent, place)  # (a region or a province has one name: Darfur
            # is Sudan's in a text that names only Chad)
        p.r.add_location(p.d, place or locations.Place(rest, "site", iso), start, x.end)
        return True
    if ent.label_ in ("ORG", "PERSON", "FAC") and not _ORG_WORDS.search(name) and (
            _placed(p.d.doc, ent) or _PLACE_NAME_WORDS.search(name)):
        place = p.lookup(name)
        p.r.add_location(p.d, place or locations.Place(name, "site", None), x.start, x.end)
        return True
    return False


def _a_person(p: _Pass, x: _Ent, first_names: set[str]) -> bool:
    """A person (or a place or nothing the PERSON label got wrong)."""
    d, r, ent, name, doc = p.d, p.r, x.ent, x.name, p.d.doc
    if ent.label_ == "ORG" and ent.start > 1 and doc[ent.start - 1].text in ("'s", "\u2019s") \
            and r.actor_at.get(ent.start - 2) is not None and \
            r.actors[r.actor_at[ent.start - 2]].kind == "media" and not p.forms.get(name):
        p.persons.append((x.start, x.end, name))  # "NPR's Ofeibea Quist-Arcton": its reporter
        return True
    if ent.label_ == "ORG" and not _ORG_WORDS.search(name) and not _MEDIA_WORDS.search(
            name) and _personal(doc, ent, name):
        p.persons.append((x.start, x.end, name))
        return True
    # a one-word PERSON that a gazetteer knows is a place, unless it begins the name of a
    # person of the text: "Kim" after "Kim Jong Un" (a family name first) is not a town
    place = p.lookup(name) if ent.label_ == "PERSON" and " " not in name \
        and name not in first_names else None
    if place is not None:
        r.add_location(d, place, x.start, x.end)
        return True
    if ent.label_ == "ORG" and " " not in name and _common_word(name, d.text):
        return True
    if ent.label_ != "PERSON":
        return False
    return _person_entity(p, x)


_GROUP_ENDS = _words("group_name_ends")


def _person_entity(p: _Pass, x: _Ent) -> bool:
    """A PERSON entity: an adjective, people, a site, a common word, or a person."""
    ent, name = x.ent, x.name
    if " " in name and name.split()[-1] in _GROUP_ENDS:
        _add_org(p.d, p.r, ent, x.start, x.end, name, x.acr)  # "the Tigray People's
        return True  # Liberation Front", tagged a person: a group's name
    if " " not in name and (ent.root.dep_ == "amod" or _a_peoples_word(ent)):
        return True  # "Broken windows": an adjective, capitalised; "Tuareg rebels": a people
    if " " in name and _people_noun(name.split()[-1]):
        return True  # "our Chibok Girls": people, capitalised, not a person's name
    nxt = p.d.doc[ent.end] if ent.end < len(p.d.doc) else None
    if nxt is not None and nxt.lower_ in _PLACE_NOUNS:
        p.r.add_location(p.d, locations.Place(name, "site", None), x.start, x.end)
        return True
    if not _common_word(name, p.d.text):
        p.persons.append((x.start, x.end, name))
    return True


_THING_NOUNS = _words("thing_nouns")


def _names_a_thing(doc, name: str) -> bool:
    """A name (or its last word: "Deploying Thaad") the text puts before a noun for a
    weapon or a system ("the Thaad missile defense system"): a thing's name."""
    return name.split()[-1] in _thing_names(doc)


@functools.lru_cache(maxsize=2)
def _thing_names(doc) -> frozenset[str]:
    """The words a text puts before a weapon's or a system's noun (read once a text: the
    check runs for every entity)."""
    return frozenset(t.text for t in doc if t.dep_ == "compound" and t.head.i > t.i and
                     t.head.lemma_.lower() in _THING_NOUNS)


def _names_happening(tok) -> bool:
    """"the Paris attacks", "the Kabul bombing": a capital that names a happening is
    where it was, not its state acting."""
    return tok.dep_ == "compound" and \
        tok.head.lemma_.lower() in data.load_json("event_triggers.json")["nouns"]


def _place_or_org(p: _Pass, x: _Ent) -> None:
    """The rest: a place the gazetteer knows (a capital that acts is its state), a place
    it does not know, or an organisation."""
    d, r, ent, name = p.d, p.r, x.ent, x.name
    org_word = _ORG_WORDS.search(name) and not _admin_area(ent, name)
    if ent.label_ == "ORG" and not org_word:
        place = p.lookup(name, min_population=100000)
    elif ent.label_ in ("GPE", "LOC", "FAC") and not org_word:
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        place = None
        if after is not None and after.lower_ in _ADMIN_SUFFIXES:
            place = p.lookup(f"{name} {after.lower_}")  # "in Kaduna state": the state
        place = place or p.lookup(name, exonyms=not _a_settlement(ent))
        if _a_settlement(ent):
            place = _at_home(p, ent, place)
    else:
        place = None
    if place is not None:
        iso = locations.capital_of(name)
        if iso and place.kind == "city" and not _names_happening(ent.root) and \
                _effective_dep(ent.root) in ("nsubj", "nsubjpass"):
            r.add_state(d, iso, x.start, x.end)
        else:
            r.add_location(d, place, x.start, x.end)
        return
    if ent.label_ in ("GPE", "LOC", "FAC") and not org_word:
        if locations.is_direction(name) or _a_peoples_word(ent):
            return  # "the North" of Korea: no place of its own; "Tuareg rebels": a people
        kind = {"GPE": "city", "LOC": "region", "FAC": "site"}[ent.label_]
        if _admin_area(ent, name):
            kind = "site"  # a district the gazetteer lacks is no town
        r.add_location(d, locations.Place(name, kind, None), x.start, x.end)
        return
    _add_org(d, r, ent, x.start, x.end, name, x.acr)


def _admin_area(ent, name: str) -> bool:
    """"Kupwara district", tagged a place: an area of government ("district" is also an
    organisation's word), but not "the Central Military District", a command."""
    words = name.split()
    return ent.label_ in ("GPE", "LOC") and len(words) > 1 and \
        words[-1].lower() in _ADMIN_SUFFIXES and not _ORG_WORDS.search(" ".join(words[:-1])) \
        and not _FORCES_WORDS.search(name)


_ARMED_NOUNS = data.words("event_cues.json", "armed_victims")


def _a_peoples_word(ent) -> bool:
    """A name no gazetteer knows before armed men or people ("Tuareg rebels", "Fulani
    herders", tagged a place): whose they are, a people's name, not where anything is."""
    root = ent.root
    return root.dep_ in ("compound", "amod") and root.head.i == ent.end and root.head.tag_ == \
        "NNS" and (root.head.lemma_.lower() in _ARMED_NOUNS or _people_noun(root.head.text))


def _at_home(p: _Pass, ent, place: Place | None) -> Place | None:
    """A town or village the text introduces as one ("the town of Palma"), unless the
    gazetteer has it only in a country this text is not about, when the text is about
    others (its dateline, the countries it names but by their forces, the provinces its
    sentence names): then a
    small place of the text's own the gazetteer lacks (None), not Spain's Palma in a
    sentence about Cabo Delgado."""
    if place is None:
        return None
    home = {*p.context, *p.home}
    for other in ent.sent.ents:
        if other.label_ in ("GPE", "LOC") and other.start != ent.start:
            got = p.lookup(other.text)
            if got is not None and got.kind in ("admin1", "country") and got.country:
                home.add(got.country)
    return None if home and place.country not in home else place


def _a_settlement(ent) -> bool:
    """A name the text introduces as a town or a village ("the town of Boni", "Koshobe
    village"): a small place, no big city by another of its names."""
    root, head = ent.root, ent.root.head
    return (root.dep_ == "pobj" and head.lower_ == "of" and
            head.head.lemma_.lower() in _SETTLEMENTS) or (
        root.dep_ in ("compound", "nmod") and head.lemma_.lower() in _SETTLEMENTS)


_ADMIN_SUFFIXES = {"state", "province", "region", "district", "county", "governorate"}
_MIN_BODY = 300


def _drop(r: Resolved, unwanted) -> None:
    """Remove actors ``unwanted`` says so of, keeping every index table consistent. An actor
    named only in captions, headlines and credits is not an actor of the story: a body (of
    at least ``_MIN_BODY`` characters) names everyone who acts."""
    keep = [i for i, a in enumerate(r.actors) if not unwanted(a)]
    if len(keep) == len(r.actors):
        return
    new = {old: i for i, old in enumerate(keep)}
    r.actors = [r.actors[i] for i in keep]
    r._keys = {k: new[v] for k, v in r._keys.items() if v in new}
    r.actor_at = {t: new[v] for t, v in r.actor_at.items() if v in new}


_TITLE_ABBR = re.compile(r"(?:Col|Gen|Lt|Sgt|Maj|Capt|Cpl|Adm|Brig|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|"
                         r"Sheriff|Colonel|General|Captain|Major)\.?\s+(?=[A-Z])")
_PLATFORMS = _words("platforms")
_NOT_ACTORS = _words("not_actors")
# occasions spaCy often tags FAC or GPE ("crowds celebrating Bastille Day"): neither a place
# nor an actor, and as a place they took a figure's location from the city the sentence names
_OCCASION = re.compile(r"(?:\b(?:Day|Eve|Week|Festival|Holiday)|^(?:Christmas|Easter|Ramadan|"
                       r"Eid(?: al-\w+)?|Hanukkah|Diwali|Passover|Thanksgiving|New Year))$")
_PLACE_NAME_WORDS = _any_word("place_name_words")
_PLACE_PREPS = {"in", "at", "near", "into", "inside", "outside", "across", "around", "towards",
                "toward", "from", "on"}
_PERSON_CUES = _words("person_cues")
_PEOPLE_ROLES = _words("people_roles")
_GOV_WORDS = _words("gov_words")


def _credit(d: Document, start: int, end: int, name: str) -> bool:
    """A photo credit or handle: "AFP/Getty Images", "@MBuhari", "(Photo: Anne Smith)"."""
    if "/" in name or "@" in name or "#" in d.text[max(0, start - 1):start + 1]:
        return True
    line_start = d.text.rfind("\n", 0, start) + 1
    before = d.text[line_start:start]
    if "\u00a9" in before[-40:]:
        return True
    line_end = d.text.find("\n", end)
    rest = d.text[end:line_end if line_end >= 0 else len(d.text)]
    return d.is_quiet(start) and before.rfind("(") > before.rfind(")") and bool(
        re.search(r"\)\s*$", rest))


def _placed(doc, ent) -> bool:
    """A name used as a place: "in the West Bank", "on the Promenade", "near Chibok"."""
    i = ent.start - 1
    while i >= 0 and doc[i].lower_ in ("the", "northern", "southern", "eastern", "western",
                                       "central"):
        i -= 1
    return i >= 0 and doc[i].lower_ in _PLACE_PREPS and doc[i].dep_ == "prep" and (
        doc[i].head.pos_ != "VERB" or doc[i].lower_ not in ("from", "on"))


_GLOSS = re.compile(r"(?:means|meaning|translates as|translated as|translation)\s*[:,]?\s*"
                    r"[\"\u201c'\u2018][^\"\u201d]*$", re.I)
_JOURNALISTS = _words("journalists")


def _people_noun(word: str) -> bool:
    """"Girls", "Residents": a noun for people (singular or plural)."""
    from .figures import CATEGORIES

    w = word.lower()
    kinds = ("children", "people", "civilians", "refugees")
    return CATEGORIES.get(w) in kinds or (w.endswith("s") and CATEGORIES.get(w[:-1]) in kinds)


def _glossed(text: str, start: int, end: int) -> bool:
    """Inside a translation in quotes: 'which means "Western Education is Forbidden"'."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_GLOSS.search(text[max(line_start, start - 80):start]))


def _affiliation(doc, ent) -> bool:
    """"the ISIS-affiliated Boko Haram": a name inside a compound adjective of affiliation
    qualifies another actor; it does not act itself ("Saudi-led" does: it leads)."""
    if ent.end + 1 >= len(doc) or doc[ent.end].text not in ("-", "\u2013"):
        return False
    return doc[ent.end + 1].lower_ in ("affiliated", "linked", "inspired", "allied",
                                       "aligned", "style", "based")


def _journalist(doc, ent) -> bool:
    """A reporter introduced as such ("NPR's Berlin correspondent, Soraya Sarhaddi Nelson")
    tells the story; she is not one of its actors."""
    i = ent.start - 1
    while i >= 0 and doc[i].text in (",", ":"):
        i -= 1
    if i >= 0 and doc[i].lower_ in _JOURNALISTS:
        return True
    return ent.end + 1 < len(doc) and doc[ent.end].text == "," and any(
        doc[j].lower_ in _JOURNALISTS for j in range(ent.end + 1, min(ent.end + 6, len(doc)))
        if doc[j].pos_ == "NOUN")


_ODD_LABELS = ("PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE")


def _place_names(d: Document) -> set[str]:
    """Names the text itself uses as places, so every mention of them is a place (one sense
    per article): the dateline's place ("RAMALLAH, West Bank -"), "the village of Nebi
    Saleh", "the dense Sambisa forest", and names the gazetteer knows as regions or
    provinces."""
    doc = d.doc
    out: set[str] = set()
    if d.dateline and d.dateline[3]:
        out.add(d.dateline[3].strip())
    for ent in ents_of(doc):
        if ent.label_ not in ("ORG", "PERSON", "FAC", "GPE", "LOC", "NORP", *_ODD_LABELS):
            continue
        name = re.sub(r"^(the|The)\s+", "", ent.text).strip()
        root = ent.root
        head = root.head
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in (
                _SETTLEMENTS):
            out.add(name)  # "the town of Chibok", "the town of Kidal" (tagged a nationality)
        elif ent.label_ == "NORP" or ent.label_ in _ODD_LABELS:
            continue  # "the Kurdish town": a people's word before a town is no place
        elif root.dep_ in ("compound", "amod", "nmod") and head.lemma_.lower() in (
                _SETTLEMENTS | {"forest", "mountain", "valley", "river"}) and head.i == ent.end:
            out.add(name)  # "the Sambisa forest", "the northeastern Chibok town"
        elif ent.label_ == "GPE" and len(ent) == 1 and root.dep_ == "pobj" and \
                head.lower_ in ("in", "at", "near") and head.head.pos_ == "NOUN" and \
                locations.lookup(name) is None:
            out.add(name)  # "a boarding school in Chibok" (a town no gazetteer has, so no
            # capital standing for its state): then "the Chibok women" are of a place too
        else:
            place = locations.lookup(name)
            if place is not None and place.kind in ("region", "admin1") and \
                    normalise(place.name) == normalise(name):
                out.add(name)
    return out


_SETTLEMENTS = _words("settlements")
_ORIGIN_OF = _words("origin_of")


def _demonym_cut(name: str) -> tuple[str | None, str]:
    """"Nigerian Chibok" (tagged whole before "schoolgirls"): the town, and the country its
    nationality word gives."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n:
            iso = locations.demonym_country(" ".join(words[:n]))
            if iso:
                return iso, " ".join(words[n:])
    return None, name


def _names_people_origin(ent) -> bool:
    """"the Chibok schoolgirls", "Nice victims": a name modifying a noun for people who are
    not fighters says where they are from, not who acts ("Taliban fighters" do act)."""
    from .figures import CATEGORIES

    root = ent.root
    head = root.head
    return root.dep_ in ("compound", "nmod") and head.i == ent.end and head.pos_ == "NOUN" \
        and CATEGORIES.get(head.lemma_.lower()) in _ORIGIN_OF


def _personal(doc, ent, name: str) -> bool:
    """An ORG label on a person: a PERSON elsewhere shares its surname, or a kinship/office
    word stands right before this or another mention of the name ("her father Bassem",
    "spokesman Garba Shehu"), or right after it ("Christian Estrosi, mayor of Nice")."""
    if _names_a_thing(doc, name):
        return False  # "Thaad" tagged a person elsewhere is still a missile system
    if _after_an_office(ent):
        return True  # "Secretary of State Rex Tillerson", tagged "State Rex Tillerson"
    last = name.split()[-1]
    texts = ent_texts_of(doc)
    if any(other.label_ == "PERSON" and last in text.split()
           for other, text in zip(ents_of(doc), texts, strict=True)):
        return True
    mine = ent.text
    for other, text in zip(ents_of(doc), texts, strict=True):
        if text != mine:
            continue
        prev = doc[other.start - 1] if other.start > 0 else None
        if prev is not None and prev.lower_ in _PERSON_CUES:
            return True
        if other.end + 1 < len(doc) and doc[other.end].text == "," and \
                doc[other.end + 1].lower_ in _PERSON_CUES:
            return True
        if any(c.dep_ == "appos" and c.lemma_.lower() in _PERSON_CUES | _PEOPLE_ROLES
               for c in other.root.children):
            return True  # "Takaaki Uesugi, a security guard at the town hall"
    return False


def _demonym_state(doc, ent) -> tuple[str, int] | None:
    """"the Swiss government", "South Korean officials": the state itself."""
    if ent.label_ != "NORP" or ent.end >= len(doc):
        return None
    nxt = doc[ent.end]
    if nxt.lower_ not in _GOV_WORDS:
        nxt = _state_voice(doc, ent)
        if nxt is None:
            return None
    iso = locations.demonym_country(ent.text)
    return (iso, nxt.idx + len(nxt.text)) if iso else None


_STATE_VOICES = _words("state_voices")


def _state_voice(doc, ent):
    """"A Chinese foreign ministry spokesman said", "a South Korean official said": one
    unnamed voice of the state's civil government (not its forces: "a South Korean
    military spokesman" speaks for the military), the token that ends it."""
    head = ent.root.head
    if ent.root.dep_ not in ("amod", "compound") or head.i < ent.end or \
            head.lemma_.lower() not in _STATE_VOICES or head.dep_ == "compound" or any(
            c.dep_ == "appos" for c in head.children):
        return None
    between = doc[ent.end:head.i]
    if any(not t.is_lower or t.pos_ not in ("NOUN", "PROPN", "ADJ") or _FORCES_WORDS.search(t.text)
           for t in between):
        return None
    return head


_AGENT_HEADS = _words("agent_heads")


@functools.lru_cache(maxsize=1)
def _country_rx():
    forms = set()
    for name, others, _dem in data.countries().values():
        forms.update(f for f in (name, *others) if len(f) > 3 and not f.isupper())
    alts = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in alts) + r")(?![\w-])")


def _entities_with_countries(doc):
    """spaCy's entities plus country names it missed (it drops some after datelines)."""
    ents = list(doc.ents)
    taken = [(e.start_char, e.end_char) for e in ents]
    for m in _country_rx().finditer(doc.text):
        if any(m.start() < b and a < m.end() for a, b in taken):
            continue
        span = doc.char_span(m.start(), m.end(), label="GPE")
        if span is not None:
            ents.append(span)
    return sorted(ents, key=lambda e: e.start_char)


def _common_word(name: str, text: str) -> bool:
    """A one-word "name" that also appears in lower case is a common noun ("Border")."""
    return " " not in name and re.search(rf"\b{re.escape(name.lower())}\b", text) is not None


def _add_org(d: Document, r: Resolved, ent, start: int, end: int, name: str, acr) -> None:
    doc = d.doc
    country = None
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if prev is not None and prev.text in ("'s", "\u2019s") and ent.start > 1:
        country = _country_of_word(doc[ent.start - 2])
    elif prev is not None:
        country = _country_of_word(prev)
    window = doc[max(0, ent.start - 3):ent.start].text.lower()
    if _MEDIA_WORDS.search(name) or re.search(r"news agency|newspaper|broadcaster|daily|"
                                              r"television|channel|agency", window):
        kind = "media"
    elif _FORCES_WORDS.search(name) and not re.search(r"ministry", name, re.I):
        kind = "state_forces" if country or re.search(r"Military District|Army|Police",
                                                      name) else "organisation"
    else:
        kind = "organisation"
    display = name
    qualified = country is not None and (name[0].islower() or _national_body(name))
    if qualified:
        dem = locations.demonym_of(country) or locations.country_name(country)
        display = f"{dem} {name}"
    key = ("org", normalise(display))
    aliases = (acr,) if acr else ()
    if prev is not None and prev.text in ("'s", "\u2019s") and qualified:
        r.add_actor(d, key, display, kind, country, doc[ent.start - 2].idx, end, aliases)
    else:
        r.add_actor(d, key, display, kind, country, start, end, aliases)


# A body every state has: "Defense Ministry" means South Korea's in one report and Japan's
# in the next, so it is named with its country ("South Korean Defense Ministry") and never
# merges across countries.
_NATIONAL_BODY = re.compile(
    r"^(?:the )?(?:(?:foreign|defen[cs]e|interior|home|justice|finance|health|"
    r"information|unification|state) )?(?:ministry|ministries|office|department|"
    r"cabinet|parliament|government|military|army|navy|air force|coast guard|"
    r"police|foreign office)(?: of [a-z ]+)?$", re.IGNORECASE)


def _national_body(name: str) -> bool:
    """"Defense Ministry", "Foreign Office", "Ministry of Defence": a body of a state that
    the name does not say."""
    return bool(_NATIONAL_BODY.match(name)) and not any(
        locations.country(w) or locations.demonym_country(w) for w in name.split())


def _country_prefixes(name: str):
    """(ISO3, the rest) for each way ``name`` begins with a country or its demonym, two
    words before one ("South Korean Defense Ministry", "Japan's Defense Ministry")."""
    words = name.split()
    for n in (2, 1):
        if len(words) > n:
            iso = locations.country_code(" ".join(words[:n]).removesuffix("'s")
                                         .removesuffix("\u2019s"))
            if iso:
                yield iso, " ".join(words[n:])


def named_country(name: str) -> str | None:
    """The state an organisation's name begins with ("South Korean Foreign Ministry",
    "Japan's Defense Ministry"), if any."""
    return next((iso for iso, _rest in _country_prefixes(name)), None)


def state_body_of(name: str, country: str | None) -> str | None:
    """The state whose own body an organisation is, when its name says both: "South Korean
    Defense Ministry", "Chinese Ministry of Foreign Affairs", or "Foreign Ministry" of a
    known ``country``; a body that is not the state's ("Nigerian Red Cross") is None."""
    if country and _NATIONAL_BODY.match(name):
        return country
    return next((iso for iso, rest in _country_prefixes(name) if _NATIONAL_BODY.match(rest)),
                None)


_GIVEN_NAME_TAIL = re.compile(r"-[a-z]{2,5}\b")


def _add_persons(d: Document, r: Resolved, persons) -> None:
    """Each person once: "Trump" is "Donald Trump"; "Mr. Kim" is "Kim Jong-un" (a family
    name first) when one person of the text has that first name and none that last one.
    A name the NER cut at a hyphen is whole again ("Moon Jae" + "-in")."""
    whole = []
    for start, end, name in persons:
        tail = _GIVEN_NAME_TAIL.match(d.text, end)
        start, end, name = (start, tail.end(), name + tail.group()) if tail else (start, end,
                                                                                   name)
        head = _split_off_head(d, r, start, end)
        whole.append((head.idx, end, d.text[head.idx:end]) if head else (start, end, name))
    full = [p[2] for p in whole if " " in p[2]]
    for start, end, name in whole:
        target = name
        if " " not in name:
            by_last = [f for f in full if f.split()[-1] == name]
            by_first = {f for f in full if f.split()[0] == name}
            target = by_last[0] if by_last else (by_first.pop() if len(by_first) == 1 else name)
        r.add_actor(d, ("person", normalise(target)), target, "person", None, start, end)


def _unlabelled_names(d: Document, r: Resolved) -> None:
    """A person's name where the NER saw none ("Israel has held Ahed Tamimi since arresting
    her", with "Tamimi" a PERSON elsewhere) is a mention of them too, so "her" is theirs."""
    doc = d.doc
    for key, idx in list(r._keys.items()):
        if key[0] != "person":
            continue
        name = r.actors[idx].name
        forms = {name, name.split()[-1]} if " " in name else {name}
        for form in forms:
            for m in re.finditer(rf"\b{re.escape(form)}\b", d.text):
                span = doc.char_span(m.start(), m.end())
                if span is None or d.is_quiet(m.start()) or any(
                        t.ent_type_ or t.i in r.actor_at or t.i in r.place_at for t in span):
                    continue
                r.add_actor(d, key, name, "person", None, m.start(), m.end())


def _unlabelled_places(p: _Pass) -> None:
    """A known town the NER left untagged where a place is told ("killed near Aleppo",
    "shelled positions in Idlib", "the shelling of Donetsk"): a proper noun after "in",
    "near", "at", ... that the gazetteer has as a country, a province, a city of 100,000
    people or more, or a town of 15,000 in a country the text names ("near Kidal" in Mali)."""
    d, r = p.d, p.r
    for t in tokens_of(d.doc):
        if t.pos_ != "PROPN" or t.dep_ != "pobj" or not _told_as_place(t.head) or \
                t.i in r.actor_at or t.i in r.place_at or d.is_quiet(t.idx):
            continue
        first = min([t.i, *(c.i for c in t.children if c.dep_ == "compound" and c.i < t.i)])
        span = d.doc[first:t.i + 1]
        if any((_tagged(x) and not _a_person_as_place(x)) or x.i in r.actor_at for x in span):
            continue
        big = p.lookup(span.text, min_population=100000)
        place = big or (None if t.ent_type_ == "PERSON" else p.lookup(span.text))
        if place is not None and (big or place.kind != "city" or
                                  place.country in (*p.context, *p.named)):
            r.add_location(d, place, span.start_char, span.end_char)


# the nouns of a happening whose "of" names where it was ("the shelling of Donetsk")
_PLACE_OF = frozenset(w for w, (typ, _sub) in data.load_json("event_triggers.json")[
    "nouns"].items() if typ in ("battles", "explosions_remote_violence"))


def _told_as_place(prep) -> bool:
    """"in", "near", "at", ... a name; or "of" it after a battle's or a strike's noun."""
    if prep.lower_ in _PLACE_PREPS:
        return True
    return prep.lower_ == "of" and prep.head.lemma_.lower() in _PLACE_OF


def _a_person_as_place(t) -> bool:
    """A "person" told where something happened ("lynched a man in Sialkot", tagged
    PERSON): a place, if a big city is called so (checked by the caller)."""
    return t.ent_type_ == "PERSON" and t.head.lower_ in ("in", "near", "outside") and \
        t.head.head.pos_ == "VERB" and t.ent_iob_ == "B" and (
            t.i + 1 >= len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I")


def _tagged(t) -> bool:
    """A token the NER put in an entity, unless the entity is a "nationality" or a
    "language" no people is called by ("near Kidal" tagged either): that one may be a town."""
    return bool(t.ent_type_) and not (t.ent_type_ in ("NORP", "LANGUAGE") and not (
        locations.demonym_country(t.text) or locations.country_code(t.text)))



def _officials_states(d: Document, r: Resolved) -> None:
    """The state a person holds office in, when a mention names both the office and the
    country ("South Korean President Moon Jae-in", "Han Tae Song, North Korea's ambassador"):
    an ACLED coder's "Government of South Korea" when they speak. A nationality without an
    office ("American student Otto Warmbier") is no one's office."""
    for a in r.actors:
        if a.kind != "person" or a.country:
            continue
        for m in a.mentions:
            span = d.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            iso = _office_country(span) if span is not None else None
            if iso:
                a.country = iso
                break


def _office_country(name) -> str | None:
    """ISO3 of the country in the words that give ``name`` (a span) its office: its own
    modifiers, an apposition after it, or the title it is the apposition of; never a place
    the office is held towards ("ambassador to Japan")."""
    inside = range(name.start, name.end)
    words = [t for tok in name for c in tok.children if c.i not in inside and (
        c.dep_ in _OFFICE_DEPS or (c.dep_ == "prep" and c.lower_ == "of"))
        for t in _unprepped(c)]
    for tok in name:  # not a name mis-parsed as another's apposition
        if tok.dep_ == "appos" and tok.head.i not in inside and tok.head.ent_type_ != "PERSON":
            words += [t for t in _unprepped(tok.head) if t.i < name.start or t.i > tok.i]
    if not any(t.lower_ in OFFICE_WORDS for t in words) or any(
            t.lower_ in ("former", "ex") for t in words):
        return None  # no office, or one no longer held ("former Secretary of State")
    return next((iso for iso in map(_country_of_word, words) if iso), None)


def _unprepped(tok):
    """``tok`` and the words that name it ("North Korea's" of "ambassador", "of Japan" of
    "Prime Minister Shinzo Abe"), not what another preposition or a clause adds ("to
    Japan", "who engineered ...") or an "of" of what "of" names (a region's president is
    no state's officer: "the president of the Provence region of France")."""
    yield tok
    for c in tok.children:
        if c.dep_ in _OFFICE_DEPS or c.dep_ in ("case", "pobj"):
            yield from _unprepped(c)
        elif c.dep_ == "prep" and c.lower_ == "of" and tok.dep_ != "pobj":
            yield from _unprepped(c)  # but not "the president of the region of France"


def _split_off_head(d: Document, r: Resolved, start: int, end: int):
    """The first word of a person's name the NER took for a name of its own ("Han" of "Han
    Tae Song", tagged a people): a one-word entity, capitalised, bound to the name by the
    parse, that is no country, people, place or actor the text knows. None if there is none."""
    span = d.doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    t = d.doc[span.start - 1]
    if t.pos_ != "PROPN" or t.dep_ != "compound" or not span.start <= t.head.i < span.end or \
            not t.is_title or t.ent_iob_ != "B" or t.ent_type_ == "PERSON" or (
            t.i + 1 < len(d.doc) and d.doc[t.i + 1].ent_iob_ == "I") or \
            t.idx + len(t.text) + 1 != start:
        return None
    if t.i in r.actor_at or t.i in r.place_at or locations.country(t.text) or \
            locations.demonym_country(t.text) or locations.lookup(t.text):
        return None
    return t


def _force_country(tok, dl_country, d: Document) -> str | None:
    iso = _poss_country(tok)
    if iso:
        return iso
    if tok.dep_ == "compound" and tok.head.i > tok.i:
        iso = _poss_country(tok.head)
        if iso:
            return iso  # "Nigerian army chiefs": the army is the one its phrase names
    for child in tok.children:
        if child.dep_ != "prep":
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            if child.lower_ in ("of", "from"):
                iso = _country_of_word(pobj)
                if iso:
                    return iso
            if child.lower_ in ("in", "of") and pobj.lemma_ == "country" and any(
                    c.lower_ == "the" for c in pobj.children):
                return dl_country
            if child.lower_ == "at":
                iso = _poss_country(pobj)
                if iso:
                    return iso
    return None


_INSTITUTIONS = _words("institutions")


def _add_institutions(d: Document, r: Resolved) -> None:
    """State institutions named by common nouns and their country: "an Israeli military
    court", "Tunisia's foreign ministry" -> organisations "Israeli military court",
    "Tunisian foreign ministry" (one per name)."""
    for tok in d.doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in _INSTITUTIONS or \
                d.is_quiet(tok.idx) or tok.i in r.actor_at:
            continue
        # a capitalised one the NER missed ('"...," the South Korean Foreign Ministry said')
        # keeps its capitals, as the NER's own are written
        proper = tok.pos_ == "PROPN"
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "poss", "nmod")]
        iso, words, start = None, [], tok.idx
        for c in mods:
            c_iso = _country_of_word(c)
            if c_iso and iso is None:
                iso = c_iso
                start = min(start, c.idx)
            elif (c.pos_ in ("ADJ", "NOUN") and c.text.islower()) or (
                    proper and c.pos_ == "PROPN" and c.i not in r.actor_at):
                words.append(c.text if proper else c.lower_)
                start = min(start, c.idx)
            elif c.i in r.actor_at:
                iso = None  # "the ICC's court": someone else's
                break
        if iso is None:
            continue
        dem = locations.demonym_of(iso) or _state_name(iso)
        name = " ".join([dem, *words, tok.text if proper else tok.lower_])
        r.add_actor(d, ("org", normalise(name)), name, "organisation", iso, start,
                    tok.idx + len(tok.text))
        r.actor_at[tok.i] = r._keys[("org", normalise(name))]


def _add_armed_craft(d: Document, r: Resolved, tok) -> None:
    """"two American B-1B bombers", "South Korean F-15K jets": the military of the state
    named before them (none when no state is, or the craft is a civilian one)."""
    if any(c.lower_ in _CIVILIAN_CRAFT or c.lemma_.lower() in _CIVILIAN_CRAFT
           for c in tok.lefts) or tok.i in r.actor_at:
        return
    iso = _poss_country(tok)
    if iso is None:
        return
    start = min([c.idx for c in tok.lefts if c.dep_ != "det"] + [tok.idx])
    _add_military(d, r, iso, start, tok.idx + len(tok.text))


def _add_military(d: Document, r: Resolved, iso: str, start: int, end: int) -> None:
    """A mention of the military of ``iso`` (named "<Demonym> military" if it is new)."""
    name = f"{locations.demonym_of(iso) or locations.country_name(iso)} military"
    r.add_actor(d, ("forces", iso, "military"), name, "state_forces", iso, start, end)


def _add_acting_forces(d: Document, r: Resolved, tok) -> None:
    """"Russian airstrikes", "the US-South Korean military drills": the military of the
    first state named before an action only forces take, its mention the state's word (not
    the action's, which stays the event's trigger)."""
    if tok.lemma_.lower() == "strike" and not any(
            c.lower_ in _STRIKE_MEANS for c in tok.lefts):
        return
    for c in tok.lefts:
        if c.dep_ not in ("amod", "compound", "nmod", "poss") or c.i in r.actor_at:
            continue
        iso = _country_of_word(c)
        if iso is None:
            continue
        first = min([c.i, *(x.i for x in c.lefts if x.dep_ in ("amod", "compound")
                            and x.i >= c.i - 3)])
        _add_military(d, r, iso, d.doc[first].idx, c.idx + len(c.text))
        return


_GOVERNMENT_MODIFIERS = _words("government_modifiers")


def _of_the_government(tok) -> bool:
    """"government troops", "federal forces", "regime forces": the forces of the state the
    story is set in (``_add_forces`` takes it so only where no dateline files the story from
    another country)."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in _GOVERNMENT_MODIFIERS
               for c in tok.lefts)


def _main_country(r: Resolved) -> str | None:
    """The country the story is set in: the one its places and states name most often
    (ties: none)."""
    counts: dict[str, int] = {}
    for loc in r.locations:
        if loc.country and loc.kind in ("country", "admin1", "city", "site"):
            counts[loc.country] = counts.get(loc.country, 0) + len(loc.mentions)
    for a in r.actors:
        if a.kind == "state" and a.country:
            counts[a.country] = counts.get(a.country, 0) + len(a.mentions)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _add_forces(d: Document, r: Resolved, dl_country) -> None:
    doc = d.doc
    main_country = _main_country(r)
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or d.is_quiet(tok.idx):
            continue
        if lemma in _FORCE_EQUIPMENT:
            _add_armed_craft(d, r, tok)
            continue
        if lemma in _FORCE_ACTIONS:
            _add_acting_forces(d, r, tok)
            continue
        if lemma not in FORCE_HEADS:
            continue
        compounds = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if lemma == "guard" and not (compounds or tok.tag_ == "NNS"):
            continue
        if lemma == "force" and tok.tag_ != "NNS":
            continue
        if any(c.lower_ in ("foreign", "international", "coalition", "western", "enemy",
                            "simulated") for c in tok.lefts):
            continue
        iso = _force_country(tok, dl_country, d)
        left = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "poss")
                and c.pos_ in ("NOUN", "PROPN", "ADJ")]
        start = min([c.idx for c in left] + [tok.idx])
        end = tok.idx + len(tok.text)
        branch = "police" if lemma in _POLICE else "military"
        if iso is None:
            det = [c.lower_ for c in tok.lefts if c.dep_ == "det"]
            poss = [c.lower_ for c in tok.lefts if c.dep_ == "poss"]
            prior = [k for k in r._keys if k[0] == "forces" and k[2] == branch]
            bare = not [c for c in tok.lefts if c.dep_ in ("amod", "compound")
                        and c.lower_ != "security"]
            home = dl_country or main_country
            if len(prior) == 1 and "the" in det:
                iso = prior[0][1]
            elif poss and poss[0] in ("its", "their"):
                last = r.last_actor(tok.idx, ("state",))
                if last is None:
                    continue
                iso = r.actors[last].country  # "Nigeria ... its security forces"
            elif not prior and home and bare and set(det) <= {"the"} and (
                    tok.tag_ != "NNS" or lemma in _POLICE) and not any(
                    c.dep_ == "prep" and c.lower_ in ("of", "from") for c in tok.children):
                # "Police said" under a LAS VEGAS dateline, or in a story set in one country
                iso = home
            elif dl_country is None and main_country and _of_the_government(tok) and all(
                    k[1] == main_country for k in prior):
                iso = main_country  # "Government troops clashed with separatists in Bamenda"
                # (not under a dateline: "DUSHANBE ... government troops fled to Tajikistan"
                # are Afghanistan's)
                compounds = []  # named by the state: "image caption Federal troops"
            else:
                continue
            start = tok.idx if not compounds else min(c.idx for c in compounds)
        dem = locations.demonym_of(iso) or locations.country_name(iso)
        head = " ".join([*(c.lower_ for c in compounds), tok.lower_])
        key = ("forces", iso, branch)
        r.add_actor(d, key, f"{dem} {head}", "state_forces", iso, start, end)  # name if new
        r.actor_at[tok.i] = r._keys[key]
