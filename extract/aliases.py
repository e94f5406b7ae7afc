"""Actor identity across documents: pure string functions the store uses to merge actors.

Two names denote the same actor when their normalised forms are equal, when one is the
acronym of the other, when the curated alias lists (``data/organisations.json``,
``data/countries.json``) put them in one group, or when they are near-identical spellings
(rapidfuzz ratio >= 88 on forms of 5+ characters whose token counts agree, so "Taliban" ~
"Taleban" but "Tajikistan" !~ "Afghanistan" and "Russia" !~ "Russian news agency Interfax").
"""

from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz

from . import data

FUZZY_THRESHOLD = 88
_MIN_FUZZY_LEN = 5
_STOP_INITIALS = {"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "al"}


def strip_accents(text: str) -> str:
    if text.isascii():  # most names: nothing to decompose (the gazetteer reads 390,000)
        return text
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


_POSSESSIVE = re.compile(r"'s\b")
_PUNCTUATION = re.compile(r"[^\w\s]")


def normalise(name: str) -> str:
    """Casefold, drop accents, a leading "the", possessive 's and punctuation."""
    if name.isascii() and name.replace(" ", "").isalpha():  # most names: words and spaces
        s = " ".join(name.casefold().split())
        return s[4:] if s.startswith("the ") else s
    s = strip_accents(name).replace("\u2019", "'").casefold().strip()
    s = _POSSESSIVE.sub("", s)
    s = " ".join(_PUNCTUATION.sub(" ", s.replace("'", "")).split())
    return s[4:] if s.startswith("the ") else s


# Words that name a kind of actor, not one actor: "police" in a Paris report and "police" in a
# Las Vegas one are two forces. Never an alias that matches across documents.
GENERIC = frozenset({
    "police", "police officers", "policemen", "police forces", "troops", "soldiers",
    "security forces", "forces", "armed forces", "army", "military", "the military",
    "government", "government forces", "authorities", "border guards", "border police",
    "navy", "air force", "coast guard", "special forces", "gendarmes", "gendarmerie",
    "riot police", "militants", "gunmen", "rebels", "insurgents", "civilians",
})
# Kinds whose actors belong to one country: the French and the Afghan police never merge.
NATIONAL_KINDS = frozenset({"state", "state_forces", "civilians"})


def is_generic(name: str) -> bool:
    return normalise(name) in GENERIC


def acronym(name: str) -> str:
    """Initials of the significant words: "Shanghai Cooperation Organisation" -> "SCO"."""
    words = re.findall(r"[A-Za-z][\w'-]*", strip_accents(name))
    return "".join(w[0].upper() for w in words if w.lower() not in _STOP_INITIALS)


def _is_acronym(form: str) -> bool:
    s = form.replace(".", "")
    return 2 <= len(s) <= 8 and s.isupper() and s.isalpha()


@functools.lru_cache(maxsize=1)
def _alias_groups() -> dict[str, int]:
    """Normalised form -> group id, from the curated organisations and countries."""
    groups: dict[str, int] = {}
    gid = 0
    for org in data.organisations():
        if org.get("metonym"):
            continue
        for form in [org["name"], *org["aliases"]]:
            groups.setdefault(normalise(form), gid)
        gid += 1
    for iso3, (name, others, _dem) in data.countries().items():
        for form in [name, *others, iso3]:
            groups.setdefault(normalise(form), gid)
        gid += 1
    return groups


def curated_group(name: str) -> int | None:
    """The curated alias group of ``name``, if any."""
    return _alias_groups().get(normalise(name))


# A state's forces named by their state and what they are ("Israeli troops", "the Israeli
# army", "Israel's armed forces"): one actor to an ACLED coder ("Military Forces of Israel"),
# the police another ("Police Forces of Israel").
_POLICE_WORDS = frozenset({"police", "policeman", "policemen", "police officers",
                           "police forces", "gendarme", "gendarmes", "gendarmerie"})
_MILITARY_WORDS = frozenset({"troops", "forces", "army", "military", "soldiers", "armed forces",
                             "defence forces", "defense forces", "military forces",
                             "servicemen", "air force", "navy"})


@functools.lru_cache(maxsize=1)
def _country_words() -> dict[str, str]:
    """Normalised country name, other name or demonym -> ISO3."""
    words: dict[str, str] = {}
    for iso3, (name, others, demonyms) in data.countries().items():
        for form in [name, *others, *demonyms]:
            words.setdefault(normalise(form), iso3)
    return words


@functools.lru_cache(maxsize=4096)
def national_force(name: str) -> tuple[str, str] | None:
    """(ISO3, "military" | "police") for a name that is only a state's forces ("Israeli
    troops", "Afghan police officers"), else None ("Israeli border police" stays itself)."""
    words = normalise(name).split()
    for cut in range(1, min(4, len(words))):
        iso3 = _country_words().get(" ".join(words[:cut]))
        if iso3 is None:
            continue
        rest = " ".join(words[cut:])
        if rest in _POLICE_WORDS:
            return iso3, "police"
        if rest in _MILITARY_WORDS:
            return iso3, "military"
    return None


def _forms_match(a: str, b: str) -> bool:
    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    force = national_force(a)
    if force is not None and force == national_force(b):
        return True
    ga, gb = _alias_groups().get(na), _alias_groups().get(nb)
    if ga is not None and ga == gb:
        return True
    if _is_acronym(a) and len(b.split()) > 1 and acronym(b) == a.replace(".", ""):
        return True
    if _is_acronym(b) and len(a.split()) > 1 and acronym(a) == b.replace(".", ""):
        return True
    if min(len(na), len(nb)) < _MIN_FUZZY_LEN or len(na.split()) != len(nb.split()):
        return False
    if ga is not None and gb is not None:  # two distinct curated actors
        return False
    return fuzz.ratio(na, nb) >= FUZZY_THRESHOLD


def same_actor(
    name_a: str, aliases_a: list[str] | tuple[str, ...], name_b: str,
    aliases_b: list[str] | tuple[str, ...],
) -> bool:
    """Whether two actors (canonical name + aliases) are the same one."""
    forms_a = [name_a, *aliases_a]
    forms_b = [name_b, *aliases_b]
    return any(_forms_match(a, b) for a in forms_a for b in forms_b)
