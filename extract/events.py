"""Events: who did what, where and when, one per happening.

Triggers are verb lemmas and nouns from the lexicons below. Participants come from the
parse: the subject is ``actor1``, the object ``actor2``; media are always ``source``.
Reporting verbs ("said", "reported", "told", "cited") whose sentence holds another event
make their speakers ``source`` of that event instead of a statement of their own
("Tajikistan said that 350 refugees had crossed" is one population movement). Negated or
hypothetical triggers ("would not launch attacks"), background "as"-clauses ("as foreign
forces withdraw") and violence inside drills ("a simulated enemy") are not events.

Dates: the DATE in the trigger's clause (or a governing clause) resolved against the
publication date; with no date in the sentence, an event continues the previous event's
date when it is in the same paragraph or the sentence plainly continues the last one
(pronoun subject, "But ..."); otherwise it gets the week up to publication, precision
"week", because news reports events of the last few days. Location: a place in the
trigger's phrase, else in the sentence (city > site > admin1 > country > region), never
the origin of a movement ("from Afghanistan"); "the ... country" means the dateline
country.

Merging: same-type triggers in one sentence are one event; across sentences an event joins
an earlier one when it continues it (next sentence, no date of its own, same type), when
its subject is a definite reference to the earlier event's counted people ("the refugees
who arrived ..."), or when it repeats the trigger family with compatible dates and actors
("drills" ... "the exercises"). A statement with no actor of its own ("the statement
said") joins the statement just before it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from . import data, dates
from .actors import FORCE_HEADS, OFFICE_WORDS, Resolved, named_country, state_body_of
from .aliases import normalise
from .document import Document, ents_of, quote_open_after, tokens_of
from .figures import CATEGORIES
from .locations import KIND_RANK
from .model import Count, DateRef, Event, Fatalities, Figure, Participant

PM, SD, BAT, EXP, VAC, PRO, RIOT, STA = (
    "population_movement", "strategic_developments", "battles",
    "explosions_remote_violence", "violence_against_civilians", "protests", "riots",
    "statements_diplomacy",
)
_TERRITORY = "non-violent transfer of territory"
_ACTIVITY = "change to group/activity"

_TRIGGERS = data.load_json("event_triggers.json")  # the words, documented there
VERBS: dict[str, tuple[str, str | None]] = {k: tuple(v) for k, v in _TRIGGERS["verbs"].items()}
NOUNS: dict[str, tuple[str, str | None]] = {k: tuple(v) for k, v in _TRIGGERS["nouns"].items()}
_STRIKE_MODS: dict[str, str] = _TRIGGERS["strike_modifiers"]
_FAMILY: dict[str, str] = _TRIGGERS["families"]
_words = functools.partial(data.words, "event_triggers.json")
_cues = functools.partial(data.words, "event_cues.json")

_WEAPONS = _words("weapons")
_SETTLEMENTS = data.words("actor_cues.json", "settlements")
_REPORTING = _words("reporting")
_BACKGROUND_MARKS = {"since", "because", "before", "until"}
_POSITION = _cues("position")
_STANCE = _POSITION - _cues("topics")
_PERPETRATORS = _cues("perpetrators")
_SEIZED_GOODS = _cues("seized_goods")
_CARE = _cues("care")
_COMPOUND_MODIFIERS = _cues("compound_modifiers")
_SIMULATED = _words("simulated")
_CIVILIAN_WORDS = _words("civilian_words")
_FIGHT_WORDS = _words("fight_words")
_MODALS = {"would", "could", "might", "may", "should", "can", "will", "must", "shall"}
_GROUP_REFS = _words("group_refs")
_MEDIA_REFS = _words("media_refs")
_LIGHT_VERBS = _words("light_verbs")
_CONTINUERS = {"he", "she", "they", "it", "but", "and", "also", "meanwhile"}
_WEAK_STATEMENT = _words("weak_statement")
_TITLE_WORDS = "|".join(re.escape(t) for t in _TRIGGERS["titles"])
_TITLES = re.compile(rf"\b({_TITLE_WORDS})\b[^.]{{0,40}}$", re.I)
# A title in apposition after the name: "Mr. Kim, the North's leader, said".
_TITLE_AFTER = re.compile(rf"\s*,\s*(?:the |a |an )?[^,.;]{{0,30}}?\b({_TITLE_WORDS})\b", re.I)
_PRIVATE_WORDS = "|".join(re.escape(t) for t in _TRIGGERS["private_roles"])
# a private role right before the name ("her father Bassem Tamimi") or in apposition after it
# ("Sharon Judy, a neighbour", "Eric Paddock, the gunman's brother")
_PRIVATE = re.compile(rf"\b({_PRIVATE_WORDS})s?,?\s+$", re.I)
_PRIVATE_AFTER = re.compile(
    rf"\s*,\s*(?:the |a |an |his |her |their )?[^,.;]{{0,30}}?\b({_PRIVATE_WORDS})\b", re.I)
_STATE_MEDIA = re.compile(
    r"(?P<state>(?:[A-Z][\w'\u2019]+\s+){1,3})state(?:-run|-owned|-controlled)?\s+"
    r"(?:news\s+agency|media|television|TV|broadcaster|newspaper)\s*[^.]{0,10}$")
_STATE_MEDIA_AFTER = re.compile(
    r"\s*,\s*(?:the |a |an )?(?P<state>(?:[A-Z][\w'\u2019]+\s+){1,3})state(?:-run|-owned)?"
    r"\s+(?:news\s+agency|media|broadcaster|newspaper)\b")
_LEGAL = _words("legal")
_VIOLENT = {BAT, EXP, VAC}
# Who carry arms as a side: a killing among them is a battle (ACLED's armed clash), not
# violence against civilians.
_ARMED = {"state_forces", "rebel_group", "militia"}
_ARMED_VICTIMS = _cues("armed_victims")
_COUNT_HEADS = {"dozen", "dozens", "hundred", "hundreds", "score", "scores", "thousand",
                "thousands"}
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_PUBLISHED = _words("published")
_UNREALISED = _words("unrealised")
_DELIBERATED = _words("deliberated")
_DRILL_GROUNDS = _words("drill_grounds")
_OFFICE_PAPERS = _words("office_papers")
_EXHORTED = _words("exhorted")
_PERSON_NOUNS = _PERPETRATORS | _words("person_nouns")
_REACTIONS = _words("reactions")
_NOT_SHOT = _words("not_shot")
_ENEMY = _words("enemy")
_ATTRIBUTION = _words("attribution")


@dataclass
class _Cand:
    tok: Any  # a spaCy Token
    type: str
    sub_type: str | None
    family: str
    sent_i: int
    para_i: int
    actor1: int | None = None
    others: list[tuple[int, str]] = field(default_factory=list)
    armed_hit: bool = False  # the trigger was done to men under arms ("killed 12 militants")
    sources: list[int] = field(default_factory=list)
    date: DateRef | None = None
    own_date: bool = False
    location: tuple | None = None  # (name, country, kind)
    subj_lemma: str | None = None
    subj_definite: bool = False
    triggers: list = field(default_factory=list)
    # told in passing ("the girls abducted by Boko Haram", "her arrest", "after he had been
    # shot"): joins the happening it belongs to, never stands as one of its own
    weak: bool = False
    scene: bool = False  # "the incident occurred at ...": where the violence told happened


def _classify(tok) -> tuple[str, str | None] | None:
    """(event type, sub-type) a token triggers, or None."""
    if _decision(tok):
        return STA, "other"
    if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB")):
        return _classify_verb(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        return _classify_noun(tok)
    return None


_PROPERTY = "looting/property destruction"
_ACCORDS = _words("accords")
_DECISIONS = _words("decisions")
_DECIDED = _words("decided")


def _decision(tok) -> bool:
    """A body deciding by diplomacy's means ("adopted a resolution", "imposed new
    sanctions", "the council's unanimous approval of additional sanctions")."""
    if tok.lemma_.lower() not in _DECISIONS or tok.pos_ not in ("VERB", "NOUN"):
        return False
    if tok.pos_ == "NOUN" and not _dated(tok):
        return False  # "conveyed through the adoption of Resolution 2371": what it cites
    decided = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    decided += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
    return any(t.lemma_.lower() in _DECIDED for t in decided)


def _classify_verb(tok) -> tuple[str, str | None] | None:
    """A verb's event type, its object and phrase deciding where the verb alone cannot."""
    lemma = tok.lemma_.lower()
    if lemma == "sign" and _signs_a_paper_of_office(tok):
        return None  # "signed off a move", "personally signed the order": no agreement
    if _takes_territory(tok, lemma):
        return SD, _TERRITORY
    own = _own_clause(tok) if lemma in ("launch", "fire", "test", "conduct", "carry") else []
    if own and (any(t.lemma_.lower() in _WEAPONS for t in own) or any(
            c.dep_ == "dobj" and c.lemma_.lower() in _AIRCRAFT for c in tok.children)) and \
            not any(t.lemma_ in ("attack", "strike") for t in own):
        return _launched(tok)  # what was fired, not who fired ("helicopters fired on")
    if _appeal_or_label(tok, lemma):
        return STA, "statement"  # "called for talks", "called the launch a grave threat"
    agreed = _agreed(tok, lemma) or _show_of_force(tok) or _spoke(tok, lemma) or \
        _stance_state(tok, lemma)
    if agreed is not None:
        return agreed
    if _no_act_of_its_object(tok, lemma):
        return None
    if lemma == "engage" and any(c.dep_ == "dobj" for c in tok.children) and any(
            t.lemma_.lower() in _GROUP_REFS | _ENEMY for t in tok.subtree):
        return BAT, "armed clash"  # "engaged the enemy position", "engaged insurgents"
    if _published(tok, lemma) or (VERBS.get(lemma, ("", ""))[1] == "arrests" and
                                  _admitted(tok)):
        return None
    if lemma == "blow" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        if any(c.dep_ == "dobj" and c.lower_ in _SELVES for c in tok.children):
            return EXP, "suicide bomb"  # "blew himself up"
        subject = _subject(tok)
        remote = _remote_means(subject) if subject is not None else None
        if not any(c.dep_ == "dobj" for c in tok.children) and remote is None and (
                subject is None or subject.lemma_.lower() not in _EXPLOSIVE_DEVICES):
            return None  # "the fire blew up"; but "the bomb blew up"
        return remote or (EXP, "remote explosive/landmine/IED")  # "blew up a bridge"
    if lemma == "open" and any(c.dep_ == "dobj" and c.lemma_ == "fire" for c in tok.children):
        return VAC, "attack"  # "opened fire on worshippers" (on soldiers: a battle)
    street = _in_the_street(tok, lemma)
    if street is not None:
        return street
    if VERBS.get(lemma) == (SD, _TERRITORY):
        return _what_was_taken(tok) or (SD, _TERRITORY)
    return _sexually(tok, lemma) or _by_means(tok, VERBS.get(lemma))


def _takes_territory(tok, lemma: str) -> bool:
    """"took control of", "seized control", "took the town of Menaka"."""
    if lemma in ("take", "bring", "gain", "wrest", "assume", "seize") and any(
            t.lemma_ == "control" for t in tok.subtree if t.i - tok.i < 8):
        return True
    return lemma == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() in _SETTLEMENTS
                                   for c in tok.children)


def _sexually(tok, lemma: str) -> tuple[str, str] | None:
    """"women were sexually assaulted": sexual violence, not an attack."""
    if lemma in ("assault", "abuse", "attack", "molest") and any(
            c.lower_ == "sexually" for c in tok.children):
        return VAC, "sexual violence"
    return None


_AUDIENCES = _words("audiences")
_BY_WIRE = {"phone", "telephone", "video", "videoconference"}


_STANCE_STATES = _words("stance_states")


def _stance_state(tok, lemma: str) -> tuple[str, str] | None:
    """"President Buhari was delighted at the release", "Japan is ready to respond": how an
    office stands, told of it by "is" or "was", is its statement (``_kept`` asks for an
    office, as of a plain "said")."""
    if lemma != "be" or not any(c.dep_ == "acomp" and c.lower_ in _STANCE_STATES
                                for c in tok.children):
        return None
    return STA, "statement"


def _spoke(tok, lemma: str) -> tuple[str, str] | None:
    """Speaking as diplomacy codes it: with another leader by phone or face to face (a
    meeting: "spoke by phone with Trump"), or to an audience (a statement: "spoke to U.S.
    troops at Yokota", "addressed the nation")."""
    if lemma == "address":
        heard = [c for c in tok.children if c.dep_ == "dobj"]
        return (STA, "statement") if any(c.lemma_.lower() in _AUDIENCES for c in heard) \
            else None
    if lemma not in ("speak", "talk", "discuss"):
        return None
    told: dict[str, list] = {}
    for p in [c for c in tok.children if c.dep_ == "prep"] + [  # "discussed the crisis
            p for o in tok.children if o.dep_ == "dobj" for p in o.children  # with Abe"
            if p.dep_ == "prep" and p.lower_ == "with"]:
        told.setdefault(p.lower_, []).extend(g for g in p.children if g.dep_ == "pobj")
    if any(g.lemma_.lower() in _BY_WIRE for g in told.get("by", []) + [
            m for g in told.get("in", []) for m in g.children if m.dep_ == "compound"]):
        return STA, "meeting"  # "spoke by phone", "discussed it in a phone call"
    heard = told.get("to", []) + told.get("with", []) + told.get("at", [])
    if lemma != "discuss" and any(g.lemma_.lower() in _AUDIENCES for g in heard):
        return STA, "statement"  # "spoke to reporters", "spoke at a news conference"
    if any(g.ent_type_ in ("PERSON", "GPE", "ORG") for g in told.get("with", [])):
        return STA, "meeting"  # "talked with Putin", "discussed the crisis with Abe"
    subject = _subject(tok)
    if lemma == "discuss" and subject is not None and subject.ent_type_ in (
            "PERSON", "GPE") and any(c.dep_ == "conj" for c in subject.children):
        return STA, "meeting"  # "Trump and Abe discussed North Korea"
    return None


def _a_call_held(tok, lemma: str) -> bool:
    """"held a phone call with Abe", "a telephone conversation with Putin": a meeting (not
    "told CNN in a phone call": an interview)."""
    if lemma not in ("call", "conversation") or not any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in _BY_WIRE
            for c in tok.children):
        return False
    held = tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("hold", "have", "make", "conduct")
    return held or any(g.ent_type_ in ("PERSON", "GPE")
                       for g in _objects(tok, ("with", "between"), ()))


def _show_of_force(tok) -> tuple[str, str] | None:
    """What forces do "in a show of force" ("jets dropped eight bombs on a military field
    in a show of force", "bombers flew over the peninsula in a show of force"): a display,
    ACLED's strategic development, neither a strike nor a flight."""
    if any(_a_drill_ground(g) for g in _objects(tok, ("on", "at"))):
        return SD, "other"  # "F-15K jets bombed a firing range": a drill
    for show in _objects(tok, ("in", "as"), direct=()):
        if show.lemma_.lower() == "show" and any(
                g.lemma_.lower() == "force" for p in show.children if p.lower_ == "of"
                for g in p.children):
            return SD, "other"
    return None


def _a_drill_ground(noun) -> bool:
    """"a firing range", "the shooting range near the border": ground struck in training
    (but not one said to be someone's: "a shooting range used by the rebels", "their
    firing range")."""
    words = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]
    owned = any(c.dep_ in ("poss", "acl", "relcl") or (c.dep_ == "prep" and c.lower_ == "of")
                for c in noun.children)
    return not owned and any(f"{w} {noun.lemma_.lower()}" in _DRILL_GROUNDS for w in words)


def _signs_a_paper_of_office(tok) -> bool:
    """Signing that is no agreement: an order, a decree, a bill or a letter signed is an
    act of office or a petition ("Kim personally signed the order for the launch", "signed
    the bill into law"); "signed off", "signed up" an approval. Whatever else two sides
    sign, or sign together, is an agreement ("signed a joint declaration of peace")."""
    if any(c.dep_ == "prt" for c in tok.children):
        return True
    signed = _objects(tok, ("on", "to"), ("dobj", "nsubjpass"))
    return any(t.lemma_.lower() in _OFFICE_PAPERS for t in signed)


def _agreed(tok, lemma: str) -> tuple[str, str] | None:
    """An agreement ("agreed to a three-day ceasefire", "reached a deal"), or two sides'
    joint stance on what to do ("Trump and Abe agreed to increase pressure on Pyongyang")."""
    if lemma in ("agree", "reach", "conclude") and any(
            t.lemma_.lower() in _ACCORDS for t in _objects(tok, ("to", "on"))):
        return SD, "agreement"
    if lemma == "agree" and any(c.dep_ == "xcomp" for c in tok.children) and any(
            c.dep_ == "conj" for s in tok.children if s.dep_ == "nsubj" for c in s.children):
        return STA, "statement"
    return None


def _no_act_of_its_object(tok, lemma: str) -> bool:
    """A verb of violence or display its object or its doer makes no act: "demonstrating
    its capability", "shooting fireworks", "shot a video", "killed himself", "a bomb squad
    detonated a suspicious parcel", "firefighters battled a blaze", "stocks rallied"."""
    if lemma in ("demonstrate", "show"):
        return any(c.dep_ in ("dobj", "ccomp") for c in tok.children)
    subject = _subject(tok)
    if lemma in ("detonate", "explode", "destroy", "defuse"):
        return _disposal(subject)
    if lemma == "rally" and (any(c.dep_ == "prep" and c.lower_ in ("behind", "around")
                                 for c in tok.children) or (
            subject is not None and subject.lemma_.lower() in _MARKETS)):
        return True  # "leaders rallied behind France", "stocks rallied": no crowd
    if lemma in ("battle", "fight", "storm", "combat") and _no_fight(tok):
        return True  # "firefighters battled a huge blaze", "doctors battled to save lives"
    if lemma in ("kill", "shoot") and any(c.dep_ == "dobj" and c.lower_ in _SELVES
                                          for c in tok.children):
        return True  # "Paddock killed himself before officers entered": no one else's death
    return lemma == "shoot" and any(c.dep_ == "dobj" and c.lemma_.lower() in _NOT_SHOT
                                    for c in tok.children)


_NOT_FOUGHT = _words("not_fought")
_MARKETS = _words("markets")
_CAMPAIGN = _words("campaign_events")
_UNARMED_DOERS = _words("unarmed_doers")


def _no_fight(tok) -> bool:
    """A battle or a fight with no side under arms: its doer has none ("fans stormed the
    pitch"), what it fights is no side ("a blaze", "an outbreak", "through the rubble"), or
    it fights to do something ("battling to save the wounded")."""
    subject = _subject(tok)
    if subject is not None and subject.lemma_.lower() in _UNARMED_DOERS:
        return True
    if any(c.dep_ == "xcomp" for c in tok.children):
        return True
    return any(o.lemma_.lower() in _NOT_FOUGHT for o in _objects(tok, ("through", "against")))


_SELVES = {"himself", "herself", "themselves"}
_DISPOSAL = _words("disposal")
_DISPOSAL_MODIFIERS = _words("disposal_modifiers")
_ARMED_POSTS = _words("armed_posts")


def _disposal(subject) -> bool:
    """A bomb squad, a disposal unit, explosives experts: who detonate a device to make it
    safe, no attack ("A bomb squad also detonated a suspicious parcel")."""
    if subject is None or subject.lemma_.lower() not in _DISPOSAL:
        return False
    return subject.lemma_.lower() in ("disposal", "sapper", "deminer") or any(
        c.lemma_.lower() in _DISPOSAL_MODIFIERS for c in subject.lefts)


def _what_was_taken(tok) -> tuple[str, str | None] | None:
    """A seizure of goods ("seized a Hong Kong-flagged vessel") or of people ("captured a
    Taliban leader": an arrest; by a rebel group an abduction, ``_coded_type``) takes no
    territory."""
    taken = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(c.lemma_.lower() in _SEIZED_GOODS for c in taken):
        return SD, "other"
    if any(_people(c) for c in taken):
        return SD, "arrests"
    return None


_CAPTIVES = _cues("captives") | _PERSON_NOUNS | _ARMED_VICTIMS | _GROUP_REFS


def _counted(noun):
    """What a number or a count word counts ("dozens of villagers", "two of the
    insurgents"); else the noun itself."""
    if noun.pos_ == "NUM" or noun.lemma_.lower() in _COUNT_HEADS:
        return next(iter(_objects(noun, ("of",), direct=())), noun)
    return noun


def _people(tok) -> bool:
    """Whether a noun (or a number of them) names people: "a Taliban leader", "two
    insurgents", "20 women", "Ahmed Musa"."""
    tok = _counted(tok)  # "dozens of villagers"
    return tok.ent_type_ in ("PERSON", "NORP") or tok.lemma_.lower() in _CAPTIVES


_HAPPENING_REFS = _words("happening_refs")
_PERCEIVED = _words("perceived")


_AIRCRAFT = _words("aircraft")
_THINGS = _words("craft") | _AIRCRAFT | _WEAPONS  # what moves no population
_AIR_STRIKE_VERBS = _words("air_strike_verbs")
_EXPLOSIVE_DEVICES = _words("explosive_devices")


def _by_means(tok, kind: tuple[str, str | None] | None) -> tuple[str, str | None] | None:
    """Violence told by what did it: "warplanes struck", "helicopters fired on" is an air
    strike, "the shelling killed" the shelling (ACLED codes the means before the harm)."""
    subject = _subject(tok) or _agent(tok) or _participle_subject(tok)
    if subject is None:
        return _killed_in_fighting(tok, _means_when(tok, kind))
    if kind is None:  # "struck targets", "fired on positions": violence only from the air
        aimed = any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "at", "upon"))
                    for c in tok.children)
        if tok.lemma_.lower() not in _AIR_STRIKE_VERBS or not aimed:
            return None
        if subject.lemma_.lower() in _AIRCRAFT:
            return EXP, "air/drone strike"
        means = _remote_means(subject)  # "two rockets hit the Green Zone": what they hit,
        return means if means is not None and _hit_a_target(tok) else None  # not the sea
    if kind[0] not in (VAC, BAT, EXP):
        return kind
    return _remote_means(subject) or _means_when(tok, kind)


def _killed_in_fighting(tok, kind):
    """"killed in clashes between herders and farmers", "died in fighting": the fighting
    is what happened, a battle, whoever was killed."""
    if kind is None or kind[0] != VAC:
        return kind
    return (BAT, "armed clash") if any(g.lemma_.lower() in _FIGHT_WORDS for g in _objects(
        tok, ("in", "during"), direct=())) else kind


def _means_when(tok, kind):
    """The means a "when" clause of violence names ("were killed when a suicide bomber struck
    a market", "when their vehicle hit a landmine"), else ``kind``."""
    if kind is None or kind[0] not in (VAC, BAT):
        return kind
    for c in _when_clauses(tok):
        for g in c.children:
            means = _remote_means(g) if g.dep_ in ("nsubj", "dobj") else None
            if means is not None:
                return means
        if c.lemma_.lower() in _FIGHT_VERBS:
            return BAT, "armed clash"  # "were killed when rival militias clashed"
    return kind


_FIGHT_VERBS = {"clash", "fight", "battle", "exchange"}


def _when_clauses(tok):
    """The "when" clauses of a verb and of its conjuncts ("were killed and four wounded when
    a suicide bomber struck"): how what it tells came about."""
    verbs = [tok, *(c for c in tok.children if c.dep_ == "conj")]
    for c in (c for v in verbs for c in v.children):
        if c.dep_ == "advcl" and any(m.dep_ == "advmod" and m.lower_ == "when"
                                     for m in c.children):
            yield c


def _subject(tok):
    """A verb's own subject token, if it has one."""
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


def _labels(tok) -> bool:
    """"called the launch a reckless act", "described the sanctions as useless": what it is
    called, its second object or its "as" phrase."""
    return any(c.dep_ == "oprd" for c in tok.children) or (
        tok.lemma_.lower() in _NAMING and any(c.dep_ == "dobj" for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "as" for c in tok.children))



def _appeal_or_label(tok, lemma: str) -> bool:
    """A stance taken by calling for something ("called for talks", "called for police to
    solve it", "called on all sides"), by calling something something ("called the launch an
    unprecedented threat") or by asking a body to act ("asked the Security Council to impose
    sanctions")."""
    if lemma == "call":
        return any(
            (c.dep_ == "prep" and c.lower_ in ("for", "on") and not _own_meeting_set(c))
            or c.dep_ == "oprd" or (c.dep_ in ("advcl", "ccomp") and any(
                m.dep_ == "mark" and m.lower_ == "for" for m in c.children))
            for c in tok.children)
    if lemma in _NAMING:
        return _labels(tok)  # "Putin described the sanctions as useless"
    return lemma in ("ask", "request") and any(c.dep_ == "dobj" for c in tok.children) and \
        any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)


def _own_meeting_set(prep) -> bool:
    """"The Security Council called an emergency meeting for Sunday": a body setting the
    day of its own meeting, no appeal (but "Tokyo and Washington called a snap meeting of
    the Security Council for Friday" asks another body to meet)."""
    called = [c for c in prep.head.children if c.dep_ == "dobj"]
    return bool(called) and _for_a_day(prep) and not any(
        x.dep_ == "prep" and x.lower_ == "of" for c in called for x in c.children)


def _own_clause(verb):
    """The words of a verb's own clause: its subtree less the verbs conjoined to it
    ("fired rockets at Israel, and Israel responded with air strikes": no strike of its
    own)."""
    skip = {t.i for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
            for t in c.subtree}
    return [t for t in verb.subtree if t.i not in skip]


def _launched(tok) -> tuple[str, str] | None:
    """A weapon or a drone launched: at a place or body, an attack ("fired a ballistic
    missile at Riyadh", "fired a drone at an airport"); else a missile's test, a drone's
    nothing."""
    drone = not any(t.lemma_.lower() in _WEAPONS for t in tok.subtree)
    if _fired_at(tok):
        return EXP, "air/drone strike" if drone else "shelling/artillery/missile attack"
    return None if drone else (SD, "weapons test")


def _hit_a_target(tok) -> bool:
    """What a weapon hit is a place, a body or a target ("hit the Green Zone", "struck a
    market"), not the sea a test fell into."""
    return any(map(_a_target, _objects(tok, ("on", "at", "upon"))))


def _fired_at(tok) -> bool:
    """A weapon fired at someone or something ("fired a ballistic missile at Riyadh"), not
    into the sea or over a country (a test: "into" and "over" are both, so they decide
    nothing)."""
    return any(map(_a_target, _objects(tok, ("at",), direct=())))


def _a_target(g) -> bool:
    """A place, a body or a thing a weapon is aimed at (not "at 6am", "at an angle")."""
    return g.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP") or \
        g.lemma_.lower() in _FIRE_TARGETS


_CIVILIAN_SITES = _words("civilian_sites")
_FIRE_TARGETS = _words("fire_targets") | _CIVILIAN_SITES


def _published(tok, lemma: str) -> bool:
    """"released a video", "figures released by the government": a publication; so is a
    release that shows something ("Released on Monday, the footage showed ...")."""
    return (lemma in ("release", "issue", "publish") and any(
        c.lemma_.lower() in _PUBLISHED for c in tok.children
        if c.dep_ in ("dobj", "nsubjpass"))) or (
        tok.dep_ == "acl" and tok.head.lemma_.lower() in _PUBLISHED) or (
        lemma == "release" and tok.tag_ == "VBN" and tok.dep_ == "advcl" and
        tok.head.lemma_.lower() in ("show", "depict", "reveal"))


def _admitted(tok) -> bool:
    """"96 people were detained in hospital": kept for treatment, with no one who detained
    them; not "police detained the suspect in a hospital"."""
    return _subject(tok) is None and _agent(tok) is None and any(
        g.lemma_.lower() in _CARE for g in _objects(tok, ("in",), direct=()))


_PROTESTING = {"protest", "demonstrate", "demand", "denounce", "condemn", "oppose"}
_CROWDS = _words("crowds")
_CROWD_CONTROL = _words("crowd_control")
_CROWD_PEOPLE = _words("crowd_people")
_CROWD_NOUNS = _CROWDS | _CROWD_PEOPLE
_PROTESTERS = _words("protesters")
_RIOTING = _words("rioting")


def _in_the_street(tok, lemma: str) -> tuple[str, str] | None:
    """A protest or a riot a verb tells: by the crowd ("dispersed the demonstrators",
    "protesters torched") or by its purpose ("marched ... to protest against the war")."""
    crowd = _crowd_action(tok, lemma)
    if crowd is not None:
        return crowd
    to_protest = any(c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _PROTESTING
                     for c in tok.children)
    if lemma in ("march", "gather", "rally") and (to_protest or any(
            t.lemma_ in _PROTESTERS for t in tok.sent)):
        return PRO, "peaceful protest"
    subject = _subject(tok)
    if subject is not None and subject.lemma_.lower() in _PROTESTERS and tok.pos_ == "VERB" \
            and lemma not in _REPORTING | {"be", "have", "want", "hope", "plan", "vow"}:
        return PRO, "peaceful protest"  # "Protesters staged a sit-in outside parliament"
    if (to_protest or _on_strike(tok, lemma)) and _a_crowd(subject):
        return PRO, "peaceful protest"  # "hundreds of farmers blocked the highway to
        # protest", "thousands of workers went on strike" (ACLED codes strikes as protests)
    return None


def _on_strike(tok, lemma: str) -> bool:
    """"went on strike", "staged a strike": a strike of work, no strike of arms."""
    if lemma == "go":
        strikes = list(_objects(tok, ("on",), direct=()))
    elif lemma in ("stage", "hold", "launch", "call"):
        strikes = [c for c in tok.children if c.dep_ == "dobj"]
    else:
        return False
    return any(s.lemma_.lower() == "strike" and not any(
        m.dep_ in ("amod", "compound") and m.lemma_.lower() in _STRIKE_MODS for m in s.children)
        for s in strikes)


def _a_crowd(subject) -> bool:
    """A subject that is a crowd: a crowd's noun, or many people of a kind ("angry
    residents", "hundreds of farmers"); never one person, nor armed men."""
    if subject is None:
        return False
    subject = _counted(subject)
    lemma = subject.lemma_.lower()
    return lemma in _CROWDS or (lemma in _CROWD_PEOPLE and subject.tag_ == "NNS")


def _crowd_action(tok, lemma: str) -> tuple[str, str] | None:
    """A crowd in the street, by what is done to it or what it does: "fired tear gas at
    thousands of protesters", "dispersed the demonstrators with water cannon" (a protest
    with intervention); "protesters torched a police station", "set fire to" (a riot)."""
    if (lemma in _RIOTING and (lemma != "set" or any(
            c.dep_ == "dobj" and c.lemma_ == "fire" for c in tok.children))) or lemma == "storm":
        subject = _subject(tok)
        if subject is None and tok.dep_ == "conj":  # "stormed parliament and set fire to
            subject = _subject(tok.head)  # the residence": the crowd did both
        if _a_crowd(subject):
            return RIOT, "violent demonstration"  # (a crowd storming a building too)
        if lemma == "storm":
            return None
        if subject is not None and subject.lemma_.lower() in _ARMED_MEN:
            return SD, _PROPERTY  # "Militants set fire to a school": ACLED's property
            # destruction (with a killing conjoined, the attack's part: ``_with_violence``)
    if lemma not in _ON_CROWDS:
        return None
    targets = {t.lemma_.lower() for g in _objects(tok) for t in g.subtree} | {
        t.lemma_.lower() for x in tok.children  # "fired tear gas to disperse protesters"
        if x.dep_ in ("xcomp", "advcl") and x.lemma_.lower() == "disperse"
        for g in _objects(x) for t in g.subtree}
    if targets & _CROWD_NOUNS and (lemma == "disperse" or targets & _CROWD_CONTROL):
        return PRO, "protest with intervention"
    return None


_ON_CROWDS = {"disperse", "fire", "use", "spray", "shoot", "deploy", "lob"}  # tear gas ...


def _participle_subject(tok):
    """The subject a participle shares with the clause it hangs on ("A car bomb ripped
    through a market, killing 20": the car bomb killed)."""
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp") and not any(
            c.dep_ == "mark" for c in tok.children):
        return _subject(tok.head)
    if tok.tag_ == "VBD" and tok.dep_ == "acl":
        return tok.head  # "KABUL, Afghanistan — A suicide bomber killed 25": a past tense
        # the parser hung on the noun before it (the dateline took the subject's place)
    return None


def _objects(tok, preps: Collection[str] | None = None, direct: tuple[str, ...] = ("dobj",)):
    """What a verb or a noun is done to: its ``direct`` dependents and the objects of its
    prepositions in ``preps`` (None: of any)."""
    for c in tok.children:
        if c.dep_ in direct:
            yield c
        elif c.dep_ == "prep" and (preps is None or c.lower_ in preps):
            yield from (g for g in c.children if g.dep_ == "pobj")


def _agent(tok):
    """What a passive verb was done by ("killed by mortar fire"), if it says."""
    return next((g for c in tok.children if c.dep_ == "agent"
                 for g in c.children if g.dep_ == "pobj"), None)


def _remote_means(subject) -> tuple[str, str | None] | None:
    """The remote violence a doer is ("a suicide bomber", "warplanes", "the shelling"), if
    it is one."""
    if subject.tag_ == "WDT" and subject.head.dep_ == "relcl":
        subject = subject.head.head  # "a car bomb that killed 20 people": the bomb
    if _suicide(subject):
        return EXP, "suicide bomb"  # "a suicide bomber killed 12 people"
    by = [o for c in subject.children if c.dep_ == "prep" and c.lower_ == "by"
          for o in c.children if o.dep_ == "pobj"]
    if by:  # "the attack, by suspected Boko Haram suicide bombers, killed eight": its doer's
        return _remote_means(by[0])
    if subject.lemma_.lower() in _AIRCRAFT:
        return EXP, "air/drone strike"
    if subject.lemma_.lower() in _STRIKE_MODS and subject.pos_ == "NOUN":
        return EXP, _STRIKE_MODS[subject.lemma_.lower()]  # "killed by rockets", "a drone hit"
    if subject.lemma_.lower() in _EXPLOSIVE_DEVICES and subject.pos_ == "NOUN":
        # "a car bomb ripped through a market, killing 20", "a shell killed two"
        return EXP, ("shelling/artillery/missile attack" if subject.lemma_.lower() == "shell"
                     else "remote explosive/landmine/IED")
    # the noun's own table, whatever the tagger made of it ("airstrikes" tagged a verb)
    means = _classify_noun(subject) if subject.pos_ == "NOUN" else NOUNS.get(
        subject.lemma_.lower())
    return means if means is not None and means[0] == EXP else None


def _a_states_protest(tok) -> bool:
    """"in protest" at what a state or a body of one did ("Turkey recalled its ambassador
    in protest", "the ministry summoned the envoy in protest"): diplomacy; people who "took
    to the streets in protest" or "closed their shops in protest" protest."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in" or tok.head.head.pos_ != "VERB":
        return False
    subject = _subject(tok.head.head)
    return subject is not None and (subject.ent_type_ == "GPE" or subject.lemma_.lower() in (
        _GOVERNMENT_BODIES) or _decision(tok.head.head))


def _suicide(tok) -> bool:
    """"suicide bomber", "suicide car bomb", "a suicide attack": a word of it is before."""
    return any(c.lower_ == "suicide" for c in tok.subtree if c.i < tok.i)


def _a_diplomatic_protest(tok) -> tuple[str, str] | None:
    """A state's protest, not a street's: "lodged a firm protest" (a statement), "Turkey
    recalled its ambassador in protest" (a diplomatic act)."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in (
            "lodge", "file", "register", "issue", "deliver", "send"):
        return STA, "statement"
    return (STA, "other") if _a_states_protest(tok) else None


def _a_campaign_stage(tok) -> bool:
    """A campaign's or an election's gathering told only as where someone spoke ("Trump
    said at a campaign rally", "told an election rally"): the words are the news. One that
    police break up or that turns violent is still a demonstration."""
    if not any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _CAMPAIGN
               for c in tok.children):
        return False
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("at", "to") else \
        tok.head if tok.dep_ == "dobj" else None
    return verb is not None and verb.lemma_.lower() in _REPORTING | {"speak", "address"}


def _classify_noun(tok) -> tuple[str, str | None] | None:
    """A noun's event type ("protest", "attack", "sexual assault", "air strike")."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    diplomatic = _a_diplomatic_protest(tok) if lemma == "protest" else None
    if diplomatic is not None:
        return diplomatic
    if NOUNS.get(lemma, ("",))[0] == PRO and _a_campaign_stage(tok):
        return None  # "said at a campaign rally": where a candidate spoke, no demonstration
    if lemma == "assault" and any(c.lower_ == "sexual" for c in tok.children):
        return VAC, "sexual violence"
    if lemma in ("strike", "attack", "fire"):  # "an air strike", "a rocket attack",
        for c in tok.children:  # "mortar fire": by its means
            if c.dep_ in ("compound", "amod") and c.lemma_.lower() in _STRIKE_MODS:
                return EXP, _STRIKE_MODS[c.lemma_.lower()]
        doer = _subject(tok.head) if tok.dep_ == "dobj" else None
        if lemma == "strike" and doer is not None and doer.lemma_.lower() == "force" and any(
                c.lower_ == "air" for c in doer.lefts):
            return EXP, "air/drone strike"  # "the air force launched a strike on militants"
        if _under_fire_from(tok):
            target = _subject(tok.head.head)  # "a patrol came under fire from militants"
            armed = target is not None and target.lemma_.lower() in (
                _ARMED_VICTIMS | FORCE_HEADS | _ARMED_POSTS)
            return (BAT, "armed clash") if armed else (VAC, "attack")
        if lemma in ("strike", "fire"):
            return None
    if _suicide(tok) and (lemma in ("attack", "bombing", "blast", "explosion", "bomb") or
                          NOUNS.get(lemma, ("",))[0] in (EXP, VAC, BAT)):
        return EXP, "suicide bomb"  # "a suicide attack", "the suicide bombing"
    if low in ("attack", "attacks") or lemma == "attack":
        return NOUNS["attack"]
    if _a_call_held(tok, lemma):
        return STA, "meeting"
    if lemma in ("demonstration", "exercise") and any(c.dep_ == "prep" and c.lower_ == "of"
                                                      for c in tok.children):
        return None  # "a demonstration of America's commitment", "an exercise of its right"
    if lemma in ("test", "launch", "firing", "test-firing") and any(
            c.lemma_.lower() in _WEAPONS for c in tok.children
            if c.dep_ in ("compound", "amod", "nmod")):
        return SD, "weapons test"  # "another missile test by North Korea"
    return NOUNS.get(lemma) or NOUNS.get(low)


def _governing_verb(tok):
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return None


def _suppressed(tok) -> bool:
    """Negated, hypothetical or background triggers."""
    verb = _governing_verb(tok)
    if _unreal(tok, verb) or _charge_or_attribute(tok) or _tally(tok) or \
            _many_over_time(tok, verb):
        return True
    if VERBS.get(tok.lemma_.lower(), ("",))[0] == STA or tok.lemma_.lower() == "call":
        return False
    return _habitual_tense(tok, verb) or _not_reported(tok) or _an_activity(tok)


_ACTIVITY_PREPS = {"in", "for", "of", "at", "on", "to", "with", "against"}


def _an_activity(tok) -> bool:
    """A gerund told as what someone is engaged in ("its success in battling Boko Haram",
    "a strategy for fighting the insurgency"), on no day of its own: an activity, not a
    happening (but "after attacking the base", "by firing three missiles" are)."""
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and \
        tok.head.lower_ in _ACTIVITY_PREPS and not _dated(tok)


def _unreal(tok, verb) -> bool:
    """Negated ("did not attack", "did not try to shoot down"), modal ("could attack"),
    intended ("a commitment to withdraw", "threatened to kill", "ready to launch") or a
    clause of "as", "while", "if", "unless" or a likeness ("It's like he shot us")."""
    heads = {tok, verb} - {None}
    t = verb or tok
    while (t.dep_ == "xcomp" or (t.dep_ == "advcl" and t.tag_ == "VBG" and not any(
            c.dep_ in ("nsubj", "mark") for c in t.children))) and t.head.i != t.i:
        t = t.head  # "did not try to shoot", "would lead to violence, possibly killing"
        heads.add(t)
    for t in heads:
        for c in t.children:
            if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS):
                return True
    if _none_of(tok) or _imperative(tok) or _scheduled(tok) or any(map(_without, heads)):
        return True
    return _intended(verb or tok) or \
        _marked_clause(tok, ("as", "while", "if", "unless", "like")) is not None


def _scheduled(tok) -> bool:
    """"a snap meeting of the Security Council for Friday afternoon", "talks scheduled for
    Monday": what is set for a day, not what happened on it."""
    if tok.pos_ != "NOUN":
        return False  # (calling it is done: "called a snap meeting for Friday")
    holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]  # "calling a meeting ... for
    return any(_for_a_day(p) for h in holders for p in h.children) or any(  # Friday afternoon"
        c.dep_ == "acl" and c.lemma_.lower() in ("schedule", "set", "plan", "due")
        for c in tok.children)


def _for_a_day(prep) -> bool:
    """"for Friday afternoon": the day something is set for (not "for three days", a span)."""
    return prep.dep_ == "prep" and prep.lower_ == "for" and any(
        g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") and
        dates.DAY_NAMES.search(" ".join(t.text for t in g.subtree)) for g in prep.children)


def _imperative(tok) -> bool:
    """"Kill them and spit in their faces": an order, no happening."""
    root = tok
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("ROOT", "ccomp") and root.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in root.children) and all(
        t.is_punct for t in root.doc[root.left_edge.i:root.i])


def _without(tok) -> bool:
    """"without launching missiles or conducting tests", "without a fight": what did not
    happen."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "without"


def _none_of(tok) -> bool:
    """"None of the vehicle attacks ... resulted in", "no attack was reported"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in (
        "none", "neither")


def _intended(verb) -> bool:
    """An infinitive of what is meant or able to happen, not what happened: under a noun
    ("a commitment to withdraw its troops"), an adjective ("ready to launch") or a verb of
    intent ("threatened to kill"), or a purpose ("travelled to Syria to fight")."""
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return _intended(verb.head)  # "threatened to attack and kill", "only to be toppled
        # and killed": the infinitive's conjunct shares it
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "ccomp") and \
            verb.head.lemma_.lower() in _UNREALISED | _DELIBERATED and not any(
                c.dep_ in ("nsubj", "aux") for c in verb.children):
        return True  # "had discussed deploying strategic assets": a course weighed
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.tag_ == "TO"
                                      for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and head.lemma_ == "be":
        return True  # "the message of the Islamic State is to kill"
    # "ordered 1,500 Russians to be evacuated": an infinitive with a subject of its own is
    # the parser's ccomp, as much an order as "ordered them to leave"
    if verb.dep_ == "advcl":  # "travel to Syria to fight for Islamic State": a purpose;
        # but "gave up his ambitions, only to be toppled and killed": what came of it
        return not any(c.lower_ == "only" for c in verb.children)
    return (verb.dep_ == "acl" and head.pos_ == "NOUN") or (
        verb.dep_ in ("xcomp", "ccomp") and (head.pos_ == "ADJ" or head.lemma_.lower() in
                                             _UNREALISED | _EXHORTED))


def _charge_or_attribute(tok) -> bool:
    """"indicted for attacking soldiers": a charge; "a leader responsible for IED
    attacks": who he is. Neither is news."""
    for t in list(tok.ancestors)[:4]:
        if t.lemma_.lower() in _LEGAL and t.i != tok.i:
            # but "Tamimi, who slapped two soldiers last month, was charged": what a
            # relative clause tells of the accused happened; so did what the charge dates
            # ("charged for punching a soldier two weeks ago")
            return not any(a.dep_ == "relcl" for a in [tok, *tok.ancestors] if a.i != t.i
                           and t in a.ancestors) and not _dates_itself(tok)
    base = tok
    while base.dep_ in ("conj", "compound", "amod", "pcomp") and base.head.i != base.i and \
            base.head.pos_ != "ADP":
        base = base.head
    gov = base.head
    if gov.dep_ == "pcomp" and base.dep_ == "dobj":
        gov = gov.head  # "responsible for leading an attack", "known for carrying out raids"
    return (gov.lemma_.lower() in _ATTRIBUTION or (
        gov.pos_ == "ADP" and gov.head.lemma_.lower() in _ATTRIBUTION)) and \
        not _attributed_to(base, _governing_verb(base))


def _particular(tok) -> bool:
    """"a suicide attack that killed eight people", "the bombing on Wednesday": one
    happening, told with its toll or its day, so what it is attributed to ("Boko Haram is
    believed to be behind ...") names its doer; "responsible for IED attacks" names none."""
    return tok.tag_ != "NNS" and (_dated(tok) or any(
        t.dep_ == "nummod" or t.like_num for t in tok.subtree if t.i > tok.i))


def _habitual_tense(tok, verb) -> bool:
    """"the leader conducts ambushes", "he facilitates attacks": the simple present is a
    habit, not a happening."""
    if tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass")
                                               for c in tok.children):
        return True
    return verb is not None and verb.i != tok.i and verb.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children) and \
        verb.lemma_.lower() not in _REPORTING and verb.lemma_.lower() != "be"


def _not_reported(tok) -> bool:
    """A question ("no information about who was shot"), what was asked for ("requested
    an emergency meeting"), a noun modifying another."""
    if tok.dep_ == "pcomp" and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WP"
                                   for c in tok.children):
        return True
    wanted = _counted_in(tok) if tok.pos_ == "NOUN" else tok
    if tok.pos_ == "NOUN" and wanted.dep_ == "dobj" and \
            wanted.head.lemma_.lower() in _UNREALISED:
        return True  # "requested an emergency meeting", "banned rallies and protests"
    if wanted.dep_ == "pobj" and wanted.head.lower_ in ("for", "on") and \
            wanted.head.head.lemma_.lower() in _EXHORTED | _UNREALISED and not _came(tok):
        return True  # "agreed to call for an immediate emergency meeting", "called for three
        # days of protests", "a ban on public gatherings and protests"
    if tok.pos_ == "NOUN" and _a_label(tok):
        return True  # "described the move as a training exercise"
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lemma_.lower() in _OTHERS
                                  for c in tok.children):
        return True  # "al Qaeda's affiliate has carried out similar attacks in the region"
    if tok.tag_ == "NNS" and _definite_noun(tok) and _in_several_places(tok):
        return True  # "was the first to claim the attacks in San Bernardino and Orlando"
    if tok.pos_ == "NOUN" and (_under_fire_for(tok) or any(
            c.dep_ == "amod" and c.lower_ == "controlled" for c in tok.children)):
        return True  # "came under fire for describing the massacre", "a controlled explosion"
    return tok.pos_ == "NOUN" and tok.dep_ == "compound"


def _in_several_places(tok) -> bool:
    """Happenings the text recalls ("the attacks in San Bernardino, Calif., and Orlando,
    Fla.", with "the") in places listed one after another: each a happening of its own,
    none told here ("two explosions in Kandahar and Zabul" may be the news)."""
    named = [c for c in tok.children if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"]
    if any(c.dep_ == "conj" and c.pos_ == "PROPN" for n in named for c in n.children):
        return True  # "the Paris and Brussels terror attacks"
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
    preps += [c for p in preps for c in p.children if c.dep_ == "conj"
              and c.lower_ in ("in", "at")]  # "in Bangladesh and in Magnanville"
    places = [g for p in preps for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    places += [c for g in places for c in g.subtree if c.dep_ == "conj" and c.pos_ == "PROPN"]
    return len(places) > 1


def _under_fire(tok) -> set[str] | None:
    """The prepositions of the verb "fire" is "under" ("came under fire from militants",
    "came under fire for describing the massacre"), or None when it is not."""
    if tok.lemma_.lower() != "fire" or tok.dep_ != "pobj" or tok.head.lower_ != "under":
        return None
    return {c.lower_ for c in tok.head.head.children if c.dep_ == "prep"}


def _under_fire_from(tok) -> bool:
    """"came under fire from militants": shot at, by whom "from" says."""
    return "from" in (_under_fire(tok) or ())


def _under_fire_for(tok) -> bool:
    """"came under fire for describing the massacre", "is under fire over the delay":
    criticism, no shots (under fire "from" someone is an attack)."""
    preps = _under_fire(tok) or set()
    return bool(preps & {"for", "over"}) and "from" not in preps


def _came(tok) -> bool:
    """What was called for, told to have done something ("called for a precision airstrike
    which killed Rostum"): it came."""
    return any(c.dep_ == "relcl" and c.tag_ == "VBD" for c in tok.children)


_OTHERS = {"similar", "previous", "past", "earlier", "prior", "other", "former"}


def _counted_in(tok):
    """The noun that stands for a trigger in its phrase: the first of its conjuncts ("a ban
    on gatherings and protests": gatherings), what counts or measures it ("three days of
    protests": days); else the trigger itself."""
    while True:
        if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and \
                tok.head.head.lemma_.lower() in _MEASURES:
            tok = tok.head.head
        else:
            return tok


_MEASURES = {"day", "night", "week", "hour", "month", "series", "wave", "round", "spate",
             "string", "number", "couple"}


_LABELLING = _words("labelling")
# the verbs that name something as something ("described the sanctions as useless"), as a
# stance of their own; "call" labels by its second object, "see" and "view" are opinions
_NAMING = _LABELLING - {"call", "condemn", "denounce", "see", "regard", "treat", "view"}
_JUDGING = _words("judging")


def _a_label(tok) -> bool:
    """What something is named as ("described the move as a training exercise", "called the
    deployment an act of aggression"): a label, not a happening."""
    if tok.dep_ == "oprd":
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ != "as":
        return False
    named = tok.head.head  # the verb, or the thing named when "as" hangs from it
    if named.dep_ == "dobj":
        named = named.head
    return named.lemma_.lower() in _LABELLING


class _Refs:
    """Turn a token into an actor index (names, "the fighters", "he", "the agency")."""

    def __init__(self, d: Document, r: Resolved):
        self.d, self.r = d, r
        self.principal: dict[int, int] = {}  # a spokesperson -> whom they speak for
        self.represented: set[int] = set()  # whoever a spokesperson speaks for
        for tok in d.doc:
            spoken_for = self._spoken_for(tok)
            if spoken_for is None:
                continue
            named = [c for t in (tok, spoken_for) for c in t.children if c.dep_ == "appos"]
            speaker = next((r.actor_at[t.i] for t in named if t.i in r.actor_at), None)
            principal = self.actor(spoken_for)
            if principal is not None:
                self.represented.add(principal)
            if speaker is not None and principal is not None and speaker != principal:
                self.principal[speaker] = principal

    def actor(self, tok: Any, depth: int = 0) -> int | None:
        got = self._actor(tok, depth)
        return self.principal.get(got, got) if got is not None else None

    def _actor(self, tok, depth: int = 0) -> int | None:
        r = self.r
        if tok.i in r.actor_at:
            return r.actor_at[tok.i]
        got = self._referred(tok)
        if got is not None or depth >= 2:
            return got
        for dep in ("appos", "compound", "poss", "amod"):
            for c in tok.children:
                if c.dep_ == dep:
                    got = self.actor(c, depth + 1)
                    if got is not None:
                        return got
        for c in tok.children if tok.lemma_.lower() not in _CROWD_NOUNS else ():
            if c.dep_ == "prep" and c.lower_ in ("of", "by"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        got = self.actor(g, depth + 1)
                        if got is not None:
                            return got
        return None

    def _referred(self, tok) -> int | None:
        """An actor a word refers back to: "he", "the fighters", "the agency", "the North
        Koreans"."""
        r = self.r
        lemma = tok.lemma_.lower()
        det = {c.lower_ for c in tok.children if c.dep_ == "det"}
        if tok.lower_ in ("he", "she", "him", "her"):
            got = r.last_actor(tok.idx, ("person",))
            return None if got is not None and self._unnamed_since(got, tok) else got
        if tok.lower_ in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass"):
            return self._speaker_itself(tok)
        if tok.dep_ in ("nsubj", "nsubjpass") and lemma in _ARMED_VICTIMS | FORCE_HEADS and any(
                c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children):
            return self._speaker_itself(tok)  # "the army said its troops killed 30"
        if lemma in _GROUP_REFS and det & {"the", "these", "those"}:
            return r.last_actor(tok.idx, ("rebel_group", "militia"))
        if lemma in _MEDIA_REFS and det & {"the"}:
            return r.last_actor(tok.idx, ("media",))
        if tok.tag_ in ("NNPS", "NNS") and det & {"the"}:
            return self._people_of_state(tok)
        return None

    def _speaker_itself(self, pronoun) -> int | None:
        """"Boko Haram said it had abducted the girls", "the army said it killed 20
        militants": the body that says what "it" did is "it"."""
        verb = pronoun.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _REPORTING:
            return None
        speaker = _subject(verb.head)
        got = self.actor(speaker) if speaker is not None else None
        return got if got is not None and self.r.actors[got].kind != "person" else None

    def _unnamed_since(self, actor: int, pronoun) -> bool:
        """Whether an unnamed person was the subject of a sentence between the actor's last
        mention and the pronoun ("Adnani said ... The attacker in Nice used a truck. Then he
        accelerated": he is the attacker, not Adnani)."""
        doc, r = pronoun.doc, self.r
        last = max(m.span.start for m in r.actors[actor].mentions if m.span.start < pronoun.idx)
        named = doc.char_span(last, last + 1, alignment_mode="expand")[0]
        for t in doc[named.i:pronoun.i]:
            if t.dep_ in ("nsubj", "nsubjpass") and self._unnamed(t, _PERSON_NOUNS):
                return True
        # "Aragua's governor refuted Sarmiento's claim ... He added": he who the sentence
        # was about, its unnamed subject, not the one named inside it
        subject = next((c for c in named.sent.root.children if c.dep_ in ("nsubj", "nsubjpass")),
                       None)
        return subject is not None and subject.right_edge.i < named.i and named.dep_ not in (
            "nsubj", "nsubjpass") and self._unnamed(subject, _PERSON_NOUNS | OFFICE_WORDS)

    def _unnamed(self, t, nouns) -> bool:
        """A person noun that names no one the text names ("the attacker", "the governor")."""
        return t.lemma_.lower() in nouns and t.i not in self.r.actor_at and not any(
            c.dep_ == "appos" and c.i in self.r.actor_at for c in t.children)

    def _people_of_state(self, tok) -> int | None:
        """The state a people's name stands for ("the North Koreans", "the Russians"), when
        the text names the state."""
        from .locations import demonym_country

        words = [c.text for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
        return self.r.state_actor(demonym_country(" ".join([*words, tok.text]).removesuffix("s")))

    def _person_in(self, tok):
        """In "the Kremlin's envoy, Zamir Kabulov," the person is the subject; in "a
        spokesperson for Buhari, Garba Shehu," the one spoken for is."""
        principal = self._spoken_for(tok)
        if principal is not None:
            return principal
        if tok.i in self.r.actor_at or tok.lemma_.lower() in _CROWD_NOUNS:
            return tok  # (but "supporters of Raila Odinga" are not the man)
        for t in tok.subtree:
            a = self.r.actor_at.get(t.i)
            if a is not None and self.r.actors[a].kind == "person":
                return t
        return tok

    def _spoken_for(self, tok):
        """The token of the actor a spokesperson speaks for ("a spokesperson for Buhari"),
        if ``tok`` is one; a ministry's or a state's spokesperson speaks for the
        ministry, whose statement it is ("China's Foreign Ministry spokesperson Hua")."""
        if tok.lemma_.lower() not in _SPOKESPEOPLE:
            return None
        for c in _principals(tok):
            if self.actor(c) is not None:
                return c
        return None

    def subject(self, trig: Any) -> Any:
        """The subject token of a trigger (verb) or of the verb governing a noun trigger."""
        t = trig
        for _ in range(6):
            for c in t.children:
                if c.dep_ == "nsubjpass" and t.lemma_.lower() == "quote":
                    return self._person_in(c), False  # "X was quoted by RIA saying"
                if c.dep_ == "nsubjpass" and t.lemma_.lower() in _RAISING and any(
                        x.dep_ == "xcomp" for x in t.children):
                    return self._person_in(c), False  # "X is believed to be behind"
                if c.dep_ in ("nsubj", "csubj") and _filed(c, self.d):
                    # the parser makes "SEOUL, South Korea —" a subject too, or the subject
                    # a conjunct of it ("SEOUL, South Korea - North Korea fired"): filed from
                    c = next((x for x in c.children if x.dep_ == "conj"
                              and not _filed(x, self.d)), None) or c
                    if _filed(c, self.d):
                        continue
                    return self._person_in(c), False
                if c.dep_ in ("nsubj", "csubj"):
                    if c.lower_ in ("who", "which", "that") and t.dep_ == "relcl":
                        return t.head, False
                    return self._person_in(c), False
                if c.dep_ == "agent":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            return _fired_by(g), False
            t = _whose_subject(t, trig)
            if t is None:
                break
        return _shown_doing(trig), False


def _fired_by(means):
    """Whose the means a passive verb names are ("killed by mortar fire from the Islamic
    State", "by rockets fired by Hamas"): theirs, else the means itself."""
    if _remote_means(means) is None:
        return means
    for c in means.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            return next((g for g in c.children if g.dep_ == "pobj"), means)
        if c.dep_ == "acl":  # "rockets fired by Hamas"
            return _agent(c) or means
    return means


def _whose_subject(t, trig):
    """The word whose subject is ``t``'s doer too (``trig`` the trigger climbed from), or
    None: a light verb over a noun ("carried out an attack"), the one a clause joins."""
    if t.pos_ == "NOUN" or t.dep_ in ("pobj", "prep", "dobj"):
        verb = _governing_verb(t)
        if verb is not None and t is trig and _attributed_to(trig, verb):
            return verb  # "Boko Haram was behind the attack": its subject did it
        if verb is not None and t.dep_ == "pobj" and t.head.lower_ == "with" and \
                t.head.head.i == verb.i and verb.lemma_.lower() in _RESPONSES:
            return verb  # "Israel responded with air strikes": Israel struck
        return t.head if verb is not None and verb.lemma_.lower() in _LIGHT_VERBS else None
    if t.dep_ in ("conj", "xcomp") or (
            t.dep_ == "advcl" and not any(c.dep_ == "mark" for c in t.children)):
        if t.head.lemma_.lower() in _EXPERIENCED:
            return None  # "Tunisia has faced attacks, killing dozens": Tunisia suffered them
        if _passive(t) and t.dep_ != "conj" and not _passive(t.head):
            return None  # "Gadhafi gave up his ambitions, only to be killed": he was killed
        return t.head
    if t.dep_ == "pcomp" and t.head.lower_ == "by" and t.head.head.pos_ in ("VERB", "AUX"):
        return t.head.head  # "South Korea retaliated by threatening ...": by its means
    return None


# Verbs that raise the subject of what they report: "X is believed to be behind".
_RAISING = {"believe", "think", "suspect", "say", "report", "understand", "know", "allege"}


def _attributed_to(trig, verb) -> bool:
    """"X was behind the attack", "X is responsible for the bombing that killed eight":
    one particular happening said of the subject of ``verb`` (a "be"), its doer; not "a
    leader responsible for an IED attack that killed two soldiers" (who he is)."""
    return verb is not None and verb.lemma_ == "be" and _particular(trig) and \
        trig.dep_ == "pobj" and (
        trig.head.lower_ == "behind" or (trig.head.lower_ == "for" and
                                         trig.head.head.lemma_.lower() == "responsible"))


def _passive(verb) -> bool:
    """"was killed", "to be toppled and killed": told of the one it was done to."""
    while verb.dep_ == "conj" and verb.head.i != verb.i and not any(
            c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        verb = verb.head
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _shown_doing(trig):
    """"She was filmed in December outside her home, kicking and slapping the soldiers":
    who a verb of seeing shows doing what a participle tells (its passive subject)."""
    if trig.tag_ != "VBG":
        return None
    if trig.dep_ == "acl" and trig.head.pos_ in ("NOUN", "PROPN"):
        return trig.head  # "The video shows Tamimi slapping the soldiers"
    for a in list(trig.ancestors)[:4]:
        if a.pos_ == "VERB" and a.lemma_.lower() in _PERCEIVED:
            return next((c for c in a.children if c.dep_ in ("nsubjpass", "dobj")), None)
    return None


def _place_for(cand: _Cand, d: Document, r: Resolved):
    """Where a candidate happened: the best-ranked place (a town before a province before
    a country) of its trigger's phrase, then (but for statements) of its sentence; the
    dateline's place only when nothing else is said; "the country" of a dateline last."""
    sent = cand.tok.sent
    skip_sub: set[int] = set()
    for t in sent:
        if t.dep_ == "ccomp" and cand.type == STA and t.i != cand.tok.i:
            skip_sub.update(x.i for x in t.subtree)
    subtree = {t.i for t in _own_clause(cand.tok)}
    if cand.tok.dep_ == "nsubj" and _occurred(cand.tok.head):
        subtree |= {t.i for c in cand.tok.head.children if c.dep_ == "prep"
                    for t in c.subtree}  # "since fighting erupted in Darfur": its place
    pools = []
    for allow_filed in (False, True):
        ok = [t for t in sent if t.i in r.place_at and t.i not in skip_sub and
              _usable_place(t, cand, r) and not _doers_country(t, cand, r) and
              (allow_filed or not _filed(t, d)) and not (
                  cand.type == STA and _addressed(t, cand.tok))]
        pools.append([t for t in ok if t.i in subtree])
        if cand.type != STA:
            pools.append(ok)
    for n, pool in enumerate(pools):
        if n == 1:  # its own phrase names no place: "at her home" may
            home = _home_place(cand, d, r)
            if home is not None:
                return home
        locs = {r.place_at[t.i] for t in pool}
        if locs:
            # "took off from Sunan, near Pyongyang": the place told near another is it
            near = {r.place_at[t.i] for t in pool if _a_landmark(t)}
            best = min(locs, key=lambda i: (KIND_RANK.get(r.locations[i].kind, 9),
                                            i in near, i))
            loc = r.locations[best]
            country = loc.country or next(  # "Konduga, near Maiduguri": a village the
                (r.locations[i].country for i in near if r.locations[i].country), None)
            return loc.name, country, loc.kind  # gazetteer lacks, in its landmark's country
    if cand.type != STA and r.dateline_country and any(
            t.lower_ == "country" and any(c.lower_ == "the" for c in t.children) for t in sent):
        from .locations import country_name

        return country_name(r.dateline_country), r.dateline_country, "country"
    return None


def _a_landmark(place) -> bool:
    """A place named only as what another is near ("Sunan, near Pyongyang", "the Sunan
    area near Pyongyang")."""
    head = place
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in ("near", "outside")


def _addressed(place, trig) -> bool:
    """A place a statement is made to or about ("lodged a firm protest to North Korea",
    "warned Pyongyang"), not where it was made ("in", "at", "from" or "of" a place may be)."""
    if place.head.i == trig.i and place.dep_ in ("dobj", "dative"):
        return True  # "warned Pyongyang against further provocations"
    for t in [place, *place.ancestors]:
        if t.i == trig.i:
            return False
        if t.dep_ == "prep":
            return t.lower_ not in ("in", "at", "from", "of")
    return False


_HOMES = {"home", "house"}


def _home_place(cand: _Cand, d: Document, r: Resolved):
    """"arrested at her home", "filmed outside her family home, slapping the soldiers":
    where the person lives, when the text says where they are from ("Tamimi, 16, from the
    village of Nebi Saleh", "She is from Nebi Saleh")."""
    tok = cand.tok
    for home in tok.sent:
        if home.lemma_.lower() not in _HOMES or not (
                _governing_verb(home.head) == tok or tok in home.subtree):
            continue  # "indicted for assaulting soldiers outside her home": the assault's
        owner = next((c for c in home.children if c.dep_ == "poss"), None)
        person = _person_meant(r, owner) if owner is not None else None
        place = _origin(d, r, person) if person is not None else None
        if place is not None:
            return place.name, place.country, place.kind
    return None


def _origin(d: Document, r: Resolved, person: int):
    """The place a person is from, as the text says it: "<person>, 16, from the village of
    <place>", "She is from <place>"."""
    for t in d.doc:
        if t.i not in r.place_at or r.locations[r.place_at[t.i]].kind == "country":
            continue
        for a in list(t.ancestors)[:4]:
            if a.lower_ != "from" or a.dep_ != "prep":
                continue
            head = a.head
            whom = [c for c in head.children if c.dep_ == "nsubj"] if head.lemma_ == "be" \
                else [head]
            if any(_person_meant(r, who) == person for who in whom):
                return r.locations[r.place_at[t.i]]
            break
    return None


def _person_meant(r: Resolved, tok) -> int | None:
    """The actor a name stands for, or the person last named before "she", "his", ..."""
    got = r.actor_at.get(tok.i)
    if got is None and tok.lower_ in ("she", "he", "her", "his"):
        got = r.last_actor(tok.idx, ("person",))
    return got


def _doers_country(t, cand: _Cand, r: Resolved) -> bool:
    """A country named in front of a noun trigger or of an actor says whose they are, not
    where: "the US-South Korean military drills", "US and South Korean forces began
    exercises" were not held in the United States."""
    if r.locations[r.place_at[t.i]].kind != "country":
        return False
    a = t
    while a.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss", "conj") and \
            a.i < a.head.i:
        a = a.head
        if a.i in r.actor_at or (a.i == cand.tok.i and a.pos_ == "NOUN"):
            return True
    return False


def _told_by(t) -> bool:
    """"..., said Tunisia's foreign ministry": the speaker's country, not a place."""
    return any(a.dep_ in ("nsubj", "nsubjpass") and a.head.lemma_.lower() in _REPORTING
               for a in [t, *t.ancestors])


def _usable_place(t, cand: _Cand, r: Resolved) -> bool:
    """Whether a place token of the candidate's sentence can be where it happened."""
    head = t.head
    while head.dep_ in ("compound", "poss") and head.head.i != head.i:
        head = head.head
    if _told_by(t):
        return False
    if t.head.lower_ == "from" and t.head.head.pos_ in ("NOUN", "PROPN") and \
            t.head.head.lemma_.lower() not in _WEAPONS:
        return False  # "two children from Algeria died": where they came from (but "fired
        # a missile from Sunan" is where it was fired)
    if _modifier_place(t):
        return False  # "a Hong Kong-flagged vessel": it describes the vessel
    if t.head.lower_ == "on" and t.head.head.lemma_.lower() == "blame":
        return False  # "mine explosions blamed on Pyongyang": who is accused, not where
    if cand.type == STA and t.dep_ in ("nsubj", "nsubjpass") and t.head.i != cand.tok.i and \
            not t.head.is_ancestor(cand.tok):
        return False  # "As Asia woke up to the news, India's leaders added their voices":
        # the subject of another clause is no place the words were said
    if (cand.family == "release" or cand.type == STA) and t.dep_ in ("compound", "nmod") \
            and t.head.pos_ == "NOUN" and t.head.lemma_.lower() in _ONE_PERSON:
        return False  # "freed 82 of the Chibok schoolgirls", "welcomes the release of 82
        # Nigerian Chibok schoolgirls": where they were taken from, not where it was done
    if _in_other_clause(t, cand.tok) and not (cand.type == STA and _speaking_in(t)):
        return False  # "indicted a girl who was filmed in the West Bank": the filming's
        # (but "Abe, speaking in Tokyo, condemned the launch" is where he spoke)
    country = r.locations[r.place_at[t.i]].kind == "country"
    if country and _names_a_kind(t, cand.tok):
        return False  # "reacted to the attack, ... the U.S. presidential election": whose
    if country and _in_circumstance(t, cand.tok):
        return False  # "arrested at her home ... amid an uproar in Israel": the uproar's
        # (but "amid clashes in Kabul" is most often where it happened too)
    if country and cand.type in (STA, SD) and any(
            a.lower_ in _PARTY_PREPS and a.dep_ == "prep" for a in [t.head, head.head]):
        return False  # "signed an agreement with China", "talks with Russia": a party
    if cand.sub_type == "weapons test" and any(
            a.lower_ in _FLIGHT_PATH and a.dep_ == "prep" for a in [t.head, head.head]):
        return False  # "fired a missile over Hokkaido": its path, not where it was fired
    return not (cand.type == PM and _came_from(t))


_SPEAKING = {"speak", "talk", "address", "tell", "say", "brief"}


def _speaking_in(t) -> bool:
    """A place where the speaker spoke: "speaking in Tokyo", "addressing reporters in
    Seoul"."""
    verb = _governing_verb(t)
    return verb is not None and verb.lemma_.lower() in _SPEAKING and t.head.lower_ in (
        "in", "at")


def _came_from(t) -> bool:
    """A place in the phrase of "from" ("fled from Kunduz", "evacuated from the border with
    North Korea"): where people left, not where the movement happened."""
    for a in t.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return False
        if a.lower_ == "from" and a.dep_ == "prep":
            return True
    return False


_PARTY_PREPS = {"with", "between", "against"}


def _filed(t, d: Document) -> bool:
    """"PARIS - A truck rammed into crowd in Nice": Paris is where it was filed."""
    if d.dateline and d.dateline[0] <= t.idx < _dateline_end(d):
        return True
    sent = t.sent
    return t.text.isupper() and len(t.text) > 1 and t.i - sent.start < 4 and any(
        x.text in ("-", "\u2014", "\u2013") for x in sent[t.i - sent.start:4])


def _filed_from(d: Document, r: Resolved):
    """The dateline's place ("RAMALLAH, West Bank —"), for a happening none of whose
    mentions says where: wire copy is filed from where it happens, and an ACLED coder with
    no other place codes the one the report gives."""
    if d.dateline is None:
        return None
    start, end = d.dateline[0], _dateline_end(d)
    places = set()
    for t in tokens_of(d.doc):  # the dateline opens the text: walked up to its end only
        if t.idx >= end:
            break
        if t.idx >= start and t.i in r.place_at:
            places.add(r.place_at[t.i])
    if not places:
        return None
    loc = r.locations[min(places, key=lambda i: (KIND_RANK.get(r.locations[i].kind, 9), i))]
    return loc.name, loc.country, loc.kind


def _dateline_end(d: Document) -> int:
    """Where the dateline's place ends: after its country ("RAMALLAH, West Bank —")."""
    if d.dateline is None:
        return 0
    _start, end, _city, country = d.dateline
    if country:
        at = d.text.find(country, end, end + 40)
        if at >= 0:
            return at + len(country)
    return end + 3


def _in_other_clause(t, trigger) -> bool:
    """``t`` lies in a relative clause that does not hold the trigger, or in a clause with a
    subject of its own: that clause tells of another happening ("a girl who was filmed in
    the West Bank")."""
    for a in t.ancestors:
        if a.i == trigger.i:
            return False
        if a.dep_ not in ("relcl", "acl", "ccomp") or trigger.i in {x.i for x in a.subtree}:
            continue
        if a.dep_ != "ccomp" and not _of_itself(a, trigger):
            return True
        if a.dep_ == "ccomp" and any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children):
            return True  # "seized a vessel on suspicion that it transferred oil to North
            # Korea": a clause with a subject of its own tells of another happening
    return False


_CIRCUMSTANCES = {"amid", "amidst", "despite"}


def _in_circumstance(t, trigger) -> bool:
    """``t`` lies in a phrase of what surrounded the happening ("amid an uproar in Israel",
    "despite protests in South Korea"), which places that, not the happening."""
    for a in t.ancestors:
        if a.i == trigger.i:
            return False
        if a.dep_ == "prep" and a.lower_ in _CIRCUMSTANCES:
            return True
    return False


def _of_itself(clause, trigger) -> bool:
    """A clause said of the trigger itself: "assaults and muggings that occurred outside
    Cologne's cathedral" tells where the assaults happened."""
    noun = clause.head
    while noun.dep_ == "conj" and noun.i != trigger.i:
        noun = noun.head
    if noun.i == trigger.i:
        return True
    # "dozens of assaults that occurred ...": the clause hangs from the count of them
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(
        o.dep_ == "pobj" and trigger.i in (o.i, *(c.i for c in o.conjuncts))
        for o in p.children) for p in noun.children)


def _names_a_kind(t, trig) -> bool:
    """A country in front of a noun that is neither the trigger nor a place ("the U.S.
    presidential election", "U.S. officials"): whose it is, not where anything happened."""
    head = t
    while head.dep_ == "compound" and head.head.i != head.i and head.head.ent_iob_ == "I":
        head = head.head  # the last word of the name ("the United States")
    noun = head.head
    return head.dep_ in ("compound", "amod", "nmod") and noun.i != trig.i and \
        noun.pos_ == "NOUN" and noun.lemma_.lower() not in _DISPLACED_FROM


def _modifier_place(t) -> bool:
    """A place inside a hyphenated adjective ("Hong Kong-flagged", "Saudi-led")."""
    doc = t.doc
    end = t.i
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return end + 2 < len(doc) and doc[end + 1].text in ("-", "\u2013") and \
        doc[end + 2].lower_ in _COMPOUND_MODIFIERS


def _date_for(trig, d: Document) -> DateRef | None:
    """The date of a trigger: of the dates of its sentence, the one attached closest to it
    in the parse (``_date_rank``), else a loose day word ("overnight")."""
    sent = trig.sent
    kind = _classify(trig)
    reported = kind is not None and kind[0] != STA  # a happening, not a statement
    best: DateRef | None = None
    best_rank: float = 99
    for ent in ents_of(d.doc):
        if not dates.dates_entity(ent) or not (sent.start <= ent.start < sent.end):
            continue
        if d.is_filing_date(ent.start_char):
            continue
        ref = _resolved_date(ent, d)
        if ref is None:
            continue
        ent = _cut_at_comma(ent, ref)
        rank = _date_rank(ent, trig, reported)
        if rank is None:
            continue
        if ref.precision == "year" and rank >= 50:
            continue  # "set up in 2005" dates something else
        if rank >= 50 and _definite_noun(trig):
            continue  # "taken aback by the responses to the attack and on 15 September
            # issued a statement": the day of the statement, not of the attack it points back at
        if rank >= 50 and VERBS.get(trig.lemma_.lower(), ("",))[0] == STA:
            if not _said_after(ent.root, trig, prep_only=True):
                continue  # "warned that the attacks on New Year's Eve ...": what was said
            rank = 40  # "said Mr. Kim ... after watching the missile test on Friday": what
            # they spoke after happened the day they spoke on
        if rank < best_rank or (rank == best_rank and best is not None and
                                ref.start < best.start and _told_by_report(ent)):
            # two days told of a reporting verb ("today confirmed the arrest ... Sept. 19"):
            # the earlier is the happening's, the later the telling's
            best, best_rank = ref, rank
    return best or _loose_day(sent, d) or _ago(trig, d)


def _told_by_report(ent) -> bool:
    verb = _governing_verb(ent.root)
    return verb is not None and verb.lemma_.lower() in _REPORTING


def _definite_noun(tok) -> bool:
    """A noun with "the", "this" or "that": one the text has told or will tell."""
    return tok.pos_ == "NOUN" and any(
        ch.dep_ == "det" and ch.lower_ in ("that", "this", "the") for ch in tok.children)


def _cut_at_comma(ent, ref: DateRef):
    """A date the NER ran on past a comma ("on Sunday, South Korea's military said" tagged
    "Sunday, South Korea's"): the words before it, which are all ``dates.resolve`` read
    (``ref``), so the date's head is theirs; "Feb. 7, 2016" is read whole and stays."""
    from spacy.tokens import Span

    comma = next((t.i for t in ent if t.text == ","), None)
    if comma is None or ref.text.strip() != ent.doc[ent.start:comma].text.strip():
        return ent
    return Span(ent.doc, ent.start, comma, label=ent.label_)


def _ago(trig, d: Document) -> DateRef | None:
    """"More than five years ago, Al Qaeda called ...": a span back from publication the
    NER left out of its dates, said of the trigger's own clause."""
    chain = {trig.i, *(a.i for a in trig.ancestors)}
    for t in trig.sent:
        if t.lower_ == "ago" and t.head.i in chain:
            return dates.resolve(t.doc[t.left_edge.i:t.i + 1].text, d.published)
    return None


def _resolved_date(ent, d: Document) -> DateRef | None:
    """A date entity as a window, with a date in brackets after it ("Wednesday (July
    14)") or after a weekday's comma read too, and the day the NER left before its month
    ("of 1 March 2019" tagged "March 2019")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start else None
    text = dates.date_text(ent)
    if before is not None and before.text.isdigit() and 1 <= int(before.text) <= 31 and \
            ent[0].lower_ in dates.MONTHS:
        text = f"{before.text} {text}"
    if ent.end + 1 < len(doc) and doc[ent.end].text == "," and ent[-1].lower_ in dates.WEEKDAYS:
        after = next((e for e in ents_of(doc) if e.start == ent.end + 1 and e.label_ == "DATE"),
                     None)  # "Friday, 21 July 1972", tagged as two dates: the day the second
        if after is not None:
            text = doc[ent.start:after.end].text
    ref = dates.resolve(text, d.published)
    if ref is not None and "(" in d.text[ent.end_char:ent.end_char + 2]:
        close = d.text.find(")", ent.end_char)
        if 0 < close - ent.end_char < 25:
            ref = dates.resolve(d.text[ent.start_char:close + 1], d.published) or ref
    return ref


def _date_rank(ent, trig, reported: bool) -> float | None:
    """How closely a date entity is attached to the trigger (lower is closer); None when
    it dates something else."""
    chain = [trig, *trig.ancestors]
    root = ent.root
    while root.dep_ == "compound" and root.head.lemma_.lower() in _CLOCK_WORDS:
        root = root.head  # "Monday evening": the phrase is the evening's
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "for" and dates.DAY_NAMES.search(ent.text):
        return None  # "called a snap meeting for Friday": the day set, not the calling's
    if root.dep_ in ("nmod", "compound", "amod") and head.i >= ent.end and \
            head.pos_ in ("NOUN", "PROPN") and head.i != trig.i and \
            _classify(head) is not None:
        return None  # "the July 2 attack": the date of another happening
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and \
            head.head.i != trig.i:
        if head.head.lemma_.lower() not in _TIMES_OF_DAY:
            return None  # "a reaction to the UN sanctions of Monday evening": their date
        root = head.head  # "on the morning of 1 March": the phrase is the morning's
        head = root.head
    if head.pos_ in ("NOUN", "PROPN") and head in chain[1:]:
        return chain.index(head)  # "the release of a statement Wednesday, in which ..."
    attach = _telling_verb(root, _governing_verb(root))
    if attach is None:
        return 50 + abs(ent.start - trig.i) / 1000
    if reported and (_reports_it(attach, trig) or _spoken_of(attach, trig)):
        return None  # "a truck rammed into crowd ..., local media reported early Friday";
        # "lawmakers debated the assaults on Wednesday": the debate's day
    if attach in chain:
        if attach.lemma_.lower() not in _RAISING and any(
                _describes(t) for t in chain[:chain.index(attach)]):
            return None  # "identified McVeigh in court Friday as the man who rented the
            # truck used in the bombing": the day of the clause the bombing is told inside
            # (a verb of saying or knowing is ``_reports_it``'s to judge)
        return chain.index(attach)
    if _its_own_clause(attach, trig, chain):
        return 0.5  # "assaults that occurred ... on New Year's Eve"
    bound = _bound_clause(attach, trig)
    if bound is not None:
        return bound
    if (attach.head.i == trig.i and attach.dep_ == "conj") or (
            trig.dep_ == "conj" and trig.head.i == attach.i):
        return 0.7  # "killed three insurgents and seized opium yesterday": both verbs
    if _classify(attach) is not None:
        return None  # "girls abducted two years ago have been released": the abduction's
    return 50 + abs(ent.start - trig.i) / 1000


def _telling_verb(date, verb):
    """"Chinese officials said on Tuesday the sanctions were a mistake": with no "that",
    the parser hangs a day told right after the verb of saying on the clause said, though
    it stands before that clause's subject; it is the saying's day."""
    if verb is None or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _REPORTING:
        return verb
    said = verb.head
    phrase = date.head if date.dep_ == "pobj" else date
    if phrase.head.i != verb.i or not said.i < phrase.left_edge.i:
        return verb
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or phrase.i > subj.left_edge.i or any(
            c.dep_ == "mark" and c.i < phrase.i for c in verb.children):
        return verb
    return said


def _its_own_clause(attach, trig, chain) -> bool:
    """A clause telling of the trigger itself: "assaults that occurred ... on New Year's
    Eve", "its own missile tests, which it says were undertaken last week"."""
    if attach.dep_ in ("relcl", "acl") and (attach.head.i == trig.i or attach.head in chain):
        return True
    said = attach.head
    return attach.dep_ == "ccomp" and said.lemma_.lower() in _REPORTING and said.dep_ in (
        "relcl", "acl") and said.head.i == trig.i


def _bound_clause(attach, trig) -> float | None:
    """The rank of a date in a clause that hangs on the trigger and shares its day: the
    speaking a saying is done in ("Speaking in Geneva on Friday, Bachelet said"), what an
    act was for ("fired tear gas to disperse protesters on Monday")."""
    if attach.head.i != trig.i or attach.dep_ not in ("advcl", "xcomp"):
        return None
    if attach.dep_ == "advcl" and attach.lemma_.lower() in _SPEAKING:
        return 0.6
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in attach.children):
        return 0.8
    return None


def _describes(t) -> bool:
    """A clause that tells who or what someone or something is ("the man who rented the
    truck", "girls kidnapped two years ago"), not what a happening or a statement was ("a
    statement Wednesday, in which KCNA threatened")."""
    return t.dep_ in ("relcl", "acl") and _classify(t.head) is None and \
        t.head.lemma_.lower() not in _PUBLISHED


def _reports_it(verb, trig) -> bool:
    """A verb of reporting over a happening ("media reported early Friday", "KCNA said on
    Wednesday that the country had conducted a launch"): its date is the report's, not the
    happening's, which the text may tell elsewhere or not at all."""
    if verb is None or verb.i == trig.i or verb.lemma_.lower() not in _REPORTING:
        return False
    if verb.i > trig.i:
        return True
    # what was said, not what was confirmed ("confirmed a missile test Friday morning")
    return any(a.dep_ == "ccomp" and a.head.i == verb.i for a in [trig, *trig.ancestors])


_SPOKEN_OF = _words("spoken_of") | {"call"}  # (not "condemned the attack on Monday": the
# day may be the attack's too)


def _spoken_of(verb, trig) -> bool:
    """A happening named as what is debated, judged or reacted to ("debated the assaults",
    "called the attacks repugnant", "reacted angrily to the deployment"): the verb's date
    is the words', not the happening's."""
    if verb is None or trig.pos_ not in ("NOUN", "PROPN") or \
            verb.lemma_.lower() not in _SPOKEN_OF:
        return False
    head = trig.head.head if trig.dep_ == "pobj" else trig.head
    return head.i == verb.i and trig.dep_ in ("dobj", "pobj", "nsubjpass")


def _loose_day(sent, d: Document) -> DateRef | None:
    """"killing 30 insurgents overnight": day words the NER left out of its entities."""
    for t in sent:
        if t.lower_ in ("overnight", "yesterday", "today", "tonight") and not t.ent_type_ \
                and t.dep_ in ("advmod", "npadvmod"):
            return dates.resolve(t.text, d.published)
    return None


def extract_events(d: Document, r: Resolved, figures: list[Figure]) -> list[Event]:
    refs = _Refs(d, r)
    cands: list[_Cand] = []
    for si, sent in enumerate(d.sents):
        if d.is_quiet(sent.start_char) or not sent.text.strip():
            continue
        found = []
        for tok in sent:
            got = _classify(tok)
            if got is None or _suppressed(tok):
                continue
            found.append((tok, *got))
        scene = _scene_told(d, r, sent, si, cands)
        if scene is not None:
            cands.append(scene)
        if not found:
            found = _echo(sent, si, cands)
        if not found:
            continue
        lemmas = {t.lemma_.lower() for t in sent}
        if lemmas & _SIMULATED:
            found = [f for f in found if f[1] not in (BAT, EXP, VAC)]
        found = [_refine(f, lemmas) for f in found]
        _sentence_events(d, r, refs, sent, si, found, cands)
    return _merge(refs, cands, figures)


def _echo(sent, si: int, cands: list[_Cand]) -> list:
    """"He called for police to solve the crimes. So did Chancellor Angela Merkel.": the
    sentence before's statement, made again by the subject of "so did"."""
    root = sent.root
    if root.lemma_.lower() != "do" or not any(c.dep_ == "advmod" and c.lower_ == "so"
                                               for c in root.children):
        return []
    before = [c for c in cands if c.sent_i == si - 1 and c.type == STA]
    return [(root, STA, before[-1].sub_type)] if before else []


_THROWN = _words("thrown")


def _thrown(tok) -> bool:
    """"a stone-throwing assault", "attacked the soldiers with rocks": violence by what a
    crowd throws."""
    return any(t.lemma_.lower() in _THROWN and t.pos_ != "PROPN" for t in tok.subtree)


_OCCURRED = {"occur", "happen", "unfold", "erupt", "flare", "rage"}


def _scene_told(d: Document, r: Resolved, sent, si: int, cands: list[_Cand]) -> _Cand | None:
    """"The incident occurred at the entrance to her family home in the village of Nabi
    Saleh": where the violence told before happened, in a sentence of its own."""
    told = [c for c in cands if c.type in _VIOLENT | {RIOT, PRO}]
    for t in sent if told else ():
        if t.lemma_.lower() in _HAPPENING_REFS and t.dep_ == "nsubj" and any(
                ch.dep_ == "det" and ch.lower_ in ("the", "that", "this") for ch in t.children
        ) and _occurred(t.head):
            last = told[-1]
            c = _Cand(t, last.type, last.sub_type, last.family, si,
                      d.paragraph_index(sent.start_char), weak=True, scene=True)
            c.location = _place_for(c, d, r)
            return c if c.location is not None else None
    return None


def _occurred(verb) -> bool:
    """"occurred", "happened", "took place", "broke out"."""
    return verb.lemma_.lower() in _OCCURRED or (verb.lemma_ == "take" and any(
        ch.lower_ == "place" for ch in verb.children)) or (verb.lemma_ == "break" and any(
            ch.dep_ == "prt" and ch.lower_ == "out" for ch in verb.children))


def _refine(f, lemmas):
    tok, typ, sub = f
    if typ in (BAT, VAC) and _thrown(tok):
        return tok, RIOT, "violent demonstration"
    if typ == BAT and tok.lemma_.lower() == "attack" and (
            lemmas & _CIVILIAN_WORDS or _civilian_target(tok)):
        return tok, VAC, "attack"
    if typ == SD and sub == _TERRITORY and lemmas & _FIGHT_WORDS:
        return tok, BAT, "non-state actor overtakes territory"
    if typ == BAT and (lemmas & {"protester", "demonstrator"} or _a_crowd_fights(tok)):
        return tok, RIOT, "violent demonstration"
    return f


def _a_crowd_fights(tok) -> bool:
    """"Supporters of the opposition leader clashed with police", "hundreds of students
    fought with police": many people who are no armed side, fighting the police or troops,
    riot (villagers against herdsmen may be armed communities: a battle)."""
    subject = _subject(tok)
    if subject is None or subject.pos_ == "NUM":
        return False
    subject = _counted(subject)
    return subject.tag_ == "NNS" and subject.lemma_.lower() in _CROWD_PEOPLE and any(
            o.lemma_.lower() in FORCE_HEADS for o in _objects(tok, ("with", "against")))


def _civilian_target(tok) -> bool:
    """"an attack on a church", "attacked a market", "an attack on his life": a place or a
    life of civilians is what was hit."""
    return any(g.lemma_.lower() in _CIVILIAN_SITES for g in _objects(tok, ("on", "against")))


def _sentence_events(d, r, refs, sent, si, found, cands):
    """The candidate events of one sentence, one per type: its triggers grouped by type,
    the speakers of its reporting verbs made sources, each group one candidate."""
    para = d.paragraph_index(sent.start_char)
    groups, sources = _trigger_groups(refs, found)
    for typ, group in groups.items():
        built = [_candidate(refs, tok, typ, sub, si, para) for tok, _t, sub in group]
        for part in _by_doer(r, built):
            _add_candidate(d, r, refs, _combined(d, r, part, sources), cands)


def _add_candidate(d, r, refs, main: _Cand, cands: list[_Cand]) -> None:
    if _kept(d, r, refs, main):
        cands.append(main)
        cands.extend(c for c in _fellow_speakers(d, r, refs, main) if _kept(d, r, refs, c))


def _by_doer(r: Resolved, built: list[_Cand]) -> list[list[_Cand]]:
    """A sentence's violence of one type is one happening, unless two sides each do their
    own ("Hamas fired rockets at Israel, and Israel responded with air strikes on Gaza"):
    then each doer's triggers are one, and those naming no doer go with the first. (A
    battle has two sides by nature: "the Taliban attacked and the troops killed 20" is one.)"""
    if any(c.actor1 is not None and r.actors[c.actor1].kind == "person" for c in built):
        return [built]  # (an attacker and the group he acted for are one side)
    sides = list(dict.fromkeys(s for c in built if (s := _side(r, c)) is not None))
    if len(sides) < 2:
        return [built]
    parts: dict[tuple, list[_Cand]] = {s: [] for s in sides}
    for c in built:
        parts[_side(r, c) or sides[0]].append(c)
    return list(parts.values())


def _fellow_speakers(d: Document, r: Resolved, refs, main: _Cand) -> list[_Cand]:
    """"Japan and South Korea condemned the launch": each government's judgement is a
    statement of its own, on the same day, placed at its own seat; words said or asked
    together ("Japan and the US have requested the Security Council hold consultations")
    are one act, and a meeting or an agreement is one event with the others its actor2."""
    if main.type != STA or main.sub_type != "statement" or main.actor1 is None or \
            main.tok.lemma_.lower() not in _JUDGING:
        return []
    subject, _ = refs.subject(main.tok)
    out: list[_Cand] = []
    seen = {main.actor1}
    for t in subject.conjuncts if subject is not None else ():
        a = refs.actor(t)
        if a is None or a in seen:
            continue
        seen.add(a)
        c = replace(main, actor1=a, others=[o for o in main.others if o[0] != a],
                    sources=[s for s in main.sources if s != a], triggers=list(main.triggers))
        c.location = _place_for(c, d, r)
        out.append(c)
    return out


def _speaker_refs(refs, tok, told=()) -> list[int]:
    """The actors a reporting verb names as its speaker or audience (not inside what was
    said, nor in the happening ``told`` inside its words: "threatened each other with war
    in the wake of mine explosions that maimed two soldiers")."""
    out: list[int] = []
    skip: set[int] = set()
    for t in tok.subtree:
        if (t.dep_ in ("ccomp", "relcl") or t in told) and t.i != tok.i:
            skip.update(x.i for x in t.subtree)
    for t in tok.subtree:
        if t.i in skip:
            continue
        if t.i == tok.i or t.dep_ in ("nsubj", "pobj", "appos", "dobj", "dative"):
            a = refs.actor(t)
            if a is not None and a not in out:
                out.append(a)
    return out


def _trigger_groups(refs, found) -> tuple[dict[str, list], list[int]]:
    """A sentence's triggers by event type, and the actors that are sources: with a
    happening in the sentence, its statements are sources of it (but a reaction, "the UN
    welcomes the release", is diplomacy of its own); with statements only, a reporting
    verb over another statement ("said it condemned") is its source."""
    stmts = [f for f in found if f[1] == STA]
    others = [f for f in found if f[1] != STA]
    sources: list[int] = []

    def add_sources(tok: Any) -> None:
        for a in _speaker_refs(refs, tok, [o[0] for o in others]):
            if a not in sources:
                sources.append(a)

    if others:
        for tok, _t, _s in stmts:
            if tok.lemma_.lower() not in _REACTIONS:
                add_sources(tok)
        groups: dict[str, list] = {}
        for f in others:
            groups.setdefault(f[1], []).append(f)
        reactions = [f for f in stmts if f[0].lemma_.lower() in _REACTIONS or all(
            _said_after(o[0], f[0]) for o in others) or _judges(refs, f[0], others)
            or _said_apart(refs, f[0], others) or _stance_state(f[0], f[0].lemma_.lower())]
        if reactions:
            groups[STA] = reactions
        return groups, sources
    heads = {f[0].i for f in stmts}
    stmts = [f for f in stmts if not (  # "said Thursday ..., tweeting that": one statement
        f[0].tag_ == "VBG" and any(a.i in heads for a in f[0].ancestors) and
        not any(c.dep_ == "nsubj" for c in f[0].children))]
    reporting = [f for f in stmts if f[0].lemma_.lower() in _REPORTING and any(
        g[0] in f[0].subtree and g[0].i != f[0].i and g[0].pos_ == "VERB"
        and g[0].dep_ != "conj" for g in stmts)]
    for tok, _t, _s in reporting:
        add_sources(tok)
    rest = [f for f in stmts if f not in reporting]
    return ({STA: rest} if rest else {}), sources


def _said_apart(refs, stmt, others) -> bool:
    """"Lawmakers debated the assaults on Wednesday, and Interior Minister Thomas de
    Maiziere said the perpetrators must be punished": words that neither tell the happening
    nor are told inside it, an official's position, are a statement of their own."""
    if any(stmt.is_ancestor(o[0]) or o[0].is_ancestor(stmt) for o in others):
        return False
    if _labels(stmt):
        return False  # "in what President Macron called an attack": a name for it
    return _said_by_an_office(refs, stmt) and any(
        t.i != stmt.i and t.lemma_.lower() in _STANCE for t in stmt.subtree)


def _said_by_an_office(refs, stmt) -> bool:
    subject, _ = refs.subject(stmt)
    return subject is not None and _official(refs, refs.actor(subject))


def _judges(refs, stmt, others) -> bool:
    """An official whose words judge the happening they name ("Johnson said he is outraged by
    the reckless provocation of North Korea's launch"): a position of its own, not only a
    source of the launch."""
    inside = {t.i for t in stmt.subtree}
    told = {o[0].i for o in others}
    if not told <= inside or not any(t.lemma_.lower() in _POSITION and t.i not in told
                                     for t in stmt.subtree):
        return False  # "died in the attack, said the ministry": the attack is no judgement
    return _said_by_an_office(refs, stmt)


def _said_after(tok, stmt, prep_only: bool = False) -> bool:
    """Whether ``tok`` is in the statement's "after ..." phrase ('said Mr. Kim ... after
    watching the missile test on Friday'): what the speaker spoke after (``prep_only``: an
    "after" preposition, not a clause)."""
    for t in tok.ancestors:
        if t.i == stmt.i:
            return False
        if t.lower_ in _SEQUEL_PREPS and (t.dep_ == "prep" or not prep_only) and \
                stmt in t.ancestors:
            return True
    return False


def _candidate(refs, tok, typ: str, sub, si: int, para: int) -> _Cand:
    """One trigger as a candidate: its doer (actor1), claimants as sources, and the
    others it names (actor2, or associates of a movement)."""
    family = "weapons test" if sub == "weapons test" else _FAMILY.get(
        tok.lemma_.lower(), tok.lemma_.lower())
    c = _Cand(tok, typ, sub, family, si, para, weak=_in_passing(tok))
    subj, _ = refs.subject(tok)
    claim = _claim_verb(tok)
    if claim is not None:  # "IS claimed responsibility for the attack": a source
        claimant, _ = refs.subject(claim)
        got = refs.actor(claimant) if claimant is not None else None
        if got is not None:
            c.sources.append(got)
        subj = None
    if subj is not None:
        c.actor1 = refs.actor(subj)
        c.subj_lemma = subj.lemma_.lower()
        c.subj_definite = any(ch.lower_ in ("the", "those", "these")
                              for ch in subj.children) or subj.lower_ == "those"
    if tok.pos_ == "NOUN" and c.actor1 is None:
        c.actor1 = refs.actor(tok)
        if c.actor1 is None:
            c.actor1 = _whose_own(refs, tok)
    if c.actor1 is not None and typ in _VIOLENT and any(
            ch.dep_ in ("dobj", "nsubjpass") and _the_perpetrator(ch)
            for v in _conjoined(tok) for ch in v.children):
        # "the driver was shot by the police", "... killed by the driver. He was shot by
        # the police": they stopped the attack, not made it
        c.others.append((c.actor1, "actor2"))
        c.actor1 = None
    if c.family == "release" and c.actor1 is None:
        c.actor1 = _captor(refs, tok)
    if _under_fire_from(tok):
        _shot_at(refs, c)  # "Afghan soldiers came under fire from the Taliban"
    _add_others(refs, c)
    return c


def _whose_own(refs, tok) -> int | None:
    """"released footage of its own missile tests": the doer of "its", the subject of the
    verb the noun hangs from."""
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in tok.children) or (
            tok.dep_ == "pobj" and tok.head.lower_ == "for"):
        return None  # (not "flew back for their emergency meeting": what they went for)
    verb = _governing_verb(tok)
    subject = _subject(verb) if verb is not None and verb.i != tok.i else None
    return refs.actor(subject) if subject is not None else None


def _shot_at(refs, c: _Cand) -> None:
    """Who came under fire (actor2) and whom it came from (actor1)."""
    verb = c.tok.head.head
    target = _subject(verb)
    c.actor1 = next((a for a in map(refs.actor, _objects(verb, ("from",), direct=()))
                     if a is not None), None)
    hit = refs.actor(target) if target is not None else None
    if hit is not None and hit != c.actor1:
        c.others.append((hit, "actor2"))


def _conjoined(verb) -> list:
    """A verb and the verbs conjoined with it, which share its object ("Police shot and
    killed the driver")."""
    head = verb.head if verb.dep_ == "conj" else verb
    return [head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB")]


def _the_perpetrator(tok) -> bool:
    """"the driver", "the gunman"; or "he" / "she" when the person last told before it is
    one ("killed by the driver of the truck. He was shot to death by the police")."""
    if tok.lemma_.lower() in _PERPETRATORS:
        return True
    if tok.lower_ not in ("he", "she"):
        return False
    doc = tok.doc
    start = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
    persons = [t for t in doc[start:tok.i] if t.pos_ in ("NOUN", "PROPN") and (
        t.lemma_.lower() in _PERSON_NOUNS or t.ent_type_ == "PERSON")]
    return bool(persons) and persons[-1].lemma_.lower() in _PERPETRATORS


_HOLDING = _words("holding")
_GENERIC_HOLDING = {"hold", "take"}  # "held talks", "took part": their subject holds no one
_ABDUCTION = "abduction/forced disappearance"


def _captor(refs, tok) -> int | None:
    """Who freed people no one is said to have freed: who the text says took them ("21 of
    the schoolgirls abducted by Boko Haram ... have been released")."""
    for freed in tok.children:
        if freed.dep_ not in ("nsubjpass", "dobj"):
            continue
        for t in freed.subtree:
            got = next(_takers(refs, t, subjects=False), None)
            if got is not None:
                return got
    return None


def _takers(refs, verb, subjects: bool):
    """The actors a verb of taking people names as the takers: its agent ("abducted by Boko
    Haram"), and with ``subjects`` its subject ("Boko Haram kidnapped"; not that of "held",
    "took": "held talks", "took part")."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _HOLDING:
        return
    for ch in verb.children:
        if ch.dep_ == "agent":
            whom = [g for g in ch.children if g.dep_ == "pobj"]
        elif subjects and ch.dep_ == "nsubj" and lemma not in _GENERIC_HOLDING:
            whom = [ch]
        else:
            continue
        yield from (a for a in map(refs.actor, whom) if a is not None)


def _add_others(refs, c: _Cand) -> None:
    """The trigger's objects and "on/against/with" phrases: actor2 (associates of a
    movement)."""
    for ch in c.tok.children:
        if ch.dep_ == "dobj" and c.type == STA and (
                _labels(c.tok) or c.tok.lemma_.lower() == "discuss"):
            for p in ch.children if c.sub_type == "meeting" else ():
                if p.dep_ == "prep" and p.lower_ == "with":  # "discussed the crisis with
                    c.others.extend((a, "actor2") for g in p.children  # Putin"
                                    if (a := refs.actor(g)) is not None and a != c.actor1)
            continue  # "called the ICBM launch a reckless act": what is judged, no party;
            # "discussed North Korea": what was talked of
        if ch.dep_ in ("dobj", "dative", "nsubjpass"):
            a = refs.actor(ch)
            if a is not None and a != c.actor1:
                c.others.append((a, "assoc" if c.type == PM else "actor2"))
            c.armed_hit |= (a is None or a != c.actor1) and _armed(refs.r, ch, a)
        if ch.dep_ == "prep" and ch.lower_ in ("on", "against", "with"):
            for g in ch.children:
                a = refs.actor(g) if g.dep_ == "pobj" else None
                if a is not None and a != c.actor1:
                    c.others.append((a, "actor2"))
                if g.dep_ == "pobj" and ch.lower_ != "with" and (a is None or a != c.actor1):
                    c.armed_hit |= _armed(refs.r, g, a)  # "opened fire on police officers"
        if ch.dep_ == "prep" and ch.lower_ == "between" and c.type == BAT:
            _sides(refs, c, ch)
    if c.sub_type in ("agreement", "meeting") or c.tok.lemma_.lower() == "agree":  # "the government
        # and the Taliban agreed to a truce", "Trump and Abe agreed to increase pressure"
        subject, _ = refs.subject(c.tok)
        for g in subject.children if subject is not None else ():
            a = refs.actor(g) if g.dep_ == "conj" else None
            if a is not None and a != c.actor1 and (a, "actor2") not in c.others:
                c.others.append((a, "actor2"))


def _sides(refs, c: _Cand, between) -> None:
    """"Fighting between the Sudanese army and the Rapid Support Forces": the first side is
    actor1 (when no one else is), the other actor2."""
    first = next((g for g in between.children if g.dep_ == "pobj"), None)
    if first is None:
        return
    sides = [first, *(g for g in first.children if g.dep_ == "conj")]
    actors = [a for a in map(refs.actor, sides) if a is not None]
    for a in actors:
        if c.actor1 is None:
            c.actor1 = a
        elif a != c.actor1 and (a, "actor2") not in c.others:
            c.others.append((a, "actor2"))


def _armed(r: Resolved, victim, actor: int | None) -> bool:
    """Whether what a violent trigger was done to are men under arms: an armed actor ("Boko
    Haram fighters", "Afghan soldiers") or a noun for them ("12 militants")."""
    if actor is not None and r.actors[actor].kind in _ARMED:
        return True
    noun = _counted(victim)  # "dozens of fighters"
    lemma = noun.lemma_.lower()
    # (a guard killed is a watchman as often as a soldier: not counted)
    return lemma in _ARMED_VICTIMS or (lemma in FORCE_HEADS and lemma != "guard")


def _combined(d: Document, r: Resolved, built: list[_Cand], sources: list[int]) -> _Cand:
    """A sentence's candidates of one type as one: the first whose doer is no news
    outlet leads, the others lend their doer, participants, triggers and date."""
    main = next((c for c in built if c.actor1 is not None and
                 r.actors[c.actor1].kind != "media"), built[0])
    for c in built:
        if c is not main:
            if main.actor1 is None:
                main.actor1 = c.actor1
            main.others += [o for o in c.others if o not in main.others]
    main.triggers = [c.tok for c in built]
    main.weak = all(c.weak for c in built)
    main.sources = [s for s in [*sources, *main.sources] if s != main.actor1]
    main.date = _date_for(main.tok, d)
    for c in built:
        if main.date is None:
            main.date = _date_for(c.tok, d)
    main.own_date = main.date is not None
    if main.sub_type == "weapons test" and main.actor1 is None:
        main.actor1 = _launching_state(d, r, main)
    main.location = _place_for(main, d, r)
    if main.location is not None and not _on_own_ground(r, main, main.location[1]):
        main.location = None
    return main


def _on_own_ground(r: Resolved, c: _Cand, country: str | None,
                   doer: int | None = None) -> bool:
    """A state tests its weapons at home: a place of another country told with the test
    ("fired a missile that landed near Hokkaido", "SEOUL —", "the nuclear test prompted
    discussions of US weapons", ``doer`` the happening's when this mention names none) is
    not where it happened."""
    actor = c.actor1 if c.actor1 is not None else doer
    if c.sub_type != "weapons test" or actor is None or country is None:
        return True
    state = r.actors[actor]
    return state.kind not in ("state", "state_forces") or state.country in (None, country)


def _launching_state(d: Document, r: Resolved, c: _Cand) -> int | None:
    """Who fired a weapon no one is said to have fired: the state its name gives ("a North
    Korean missile", "North Korea's rocket", "North Korea's sixth nuclear test"); only a
    state the text names."""
    from .locations import demonym_country

    for t in c.tok.subtree:
        if t.lemma_.lower() not in _WEAPONS and not (t.i == c.tok.i and t.pos_ == "NOUN"):
            continue  # the weapon's owner, or the test's ("North Korea's sixth nuclear test")
        for m in t.children:
            if m.dep_ in ("amod", "compound", "poss", "nmod"):
                if m.i in r.actor_at and r.actors[r.actor_at[m.i]].kind == "state":
                    return r.actor_at[m.i]
                state = r.state_actor(demonym_country(m.text))
                if state is not None:
                    return state
                place = r.locations[r.place_at[m.i]] if m.i in r.place_at else None
                if m.dep_ == "poss" and place is not None and place.kind == "country" and \
                        place.country:  # a country named only as the test's owner
                    return r.add_state(d, place.country, m.left_edge.idx, m.idx + len(m))
    return None


def _site_state(r: Resolved, c: _Cand) -> int | None:
    """The state a weapons test's place is in ("a missile was launched from Sunan")."""
    return r.state_actor(c.location[1]) if c.location else None


def _for_its_state(d: Document, r: Resolved, main: _Cand) -> bool:
    """A statement's speaker who speaks for a state the text names gives the state's word,
    the speaker its source: a state's own news agency, a ministry ("the South Korean Defense
    Ministry said"), forces meeting forces ("Nigerian army chiefs met their Nigerien
    counterparts": the two states meet). False for a news agency that is no state's."""
    if main.type != STA or main.actor1 is None:
        return True
    speaker = r.actors[main.actor1]
    if speaker.kind == "media":
        state = _state_of_media(d, r, speaker)
        if state is None:
            return False
    elif speaker.kind == "state_forces" and main.sub_type == "meeting":
        state = r.state_actor(speaker.country)
    else:
        state = _state_of_body(r, main.actor1)
    if state is not None:
        main.sources.append(main.actor1)
        main.actor1 = state
    return True


def _kept(d: Document, r: Resolved, refs, main: _Cand) -> bool:
    """Whether a candidate is an event at all."""
    if not _for_its_state(d, r, main):
        return False  # a news agency reporting is not diplomacy
    if main.type == STA and _former(refs.subject(main.tok)[0]):
        return False  # "some former American officials said": no one's position
    if main.type == STA and main.date is None and _progressive(main.tok) and \
            main.tok.lemma_.lower() not in ("say", "tell"):
        return False  # "Washington is urging China to agree to sanctions": a campaign (but
        # "Merkel is saying at a news conference": words said as the copy is written)
    if main.type == STA and (_labels(main.tok) or (
            main.actor1 is not None and r.actors[main.actor1].kind == "person" and
            _appeal_or_label(main.tok, main.tok.lemma_.lower()))) and not _official(
            refs, main.actor1):
        return False  # "Bassem called the indictment a political trial": a father's word;
        # "He called for police to solve the crimes": a refugee charity director's
    if main.type == STA and _private_person(refs, main):
        return False  # a neighbour's "said", a brother's "expressed distress": no one's policy
    if main.type == STA and main.tok.lemma_ == "be" and not _official(refs, main.actor1):
        return False  # "residents were shocked": how people felt, no office's word
    if main.type == PM and (_a_visit(main, r, refs) or _armed_movement(main, r, refs)):
        return False  # "Trump arrived in Japan": a person travelling, not people displaced;
        # "the gunmen arrived on motorcycles": the attack's approach
    if main.sub_type == _PROPERTY and _with_violence(main.tok):
        return False  # "Gunmen burned houses and killed five villagers": one attack
    if main.type == PM and main.subj_lemma in _THINGS:
        return False  # "the missile crossed over Hokkaido", "the ship crossed the strait"
    if main.type == PM and _fled_the_scene(main, r):
        return False  # "concertgoers fled": the attack's crowd running, no one displaced
    return not (main.type == STA and _reporting_only(main)
                and not ((_official(refs, main.actor1) or _speaks_for_government(main.tok))
                         and (_takes_position(main.tok) or _vows(main.tok))))
    # "X said": a source, not a statement event


def _with_violence(tok) -> bool:
    """A verb conjoined with a verb of violence ("burned houses and killed five"): the
    violence's own part, not a happening of its own."""
    verbs = [c for c in tok.children if c.dep_ == "conj"]
    if tok.dep_ == "conj":
        verbs.append(tok.head)
    return any((got := _classify(v)) is not None and got[0] in _VIOLENT for v in verbs)


def _armed_movement(c: _Cand, r: Resolved, refs) -> bool:
    """Armed men arriving ("the gunmen arrived on motorcycles", "the police arrived"): an
    attack's or an operation's approach, and attackers fleeing its getaway, no population
    moving (troops who flee or cross a border, as the seed's government troops into
    Tajikistan, do move)."""
    subject, _ = refs.subject(c.tok)
    if subject is None:
        return False
    if c.sub_type == "flight":  # "After attacking the base, the militants fled": the
        return subject.lemma_.lower() in _ARMED_VICTIMS | _PERPETRATORS  # attackers' escape
    if c.sub_type != "arrival":
        return False
    who = refs.actor(subject)
    return (who is not None and r.actors[who].kind in _ARMED) or \
        subject.lemma_.lower() in _ARMED_MEN


_ARMED_MEN = _ARMED_VICTIMS | _PERPETRATORS | FORCE_HEADS


def _a_visit(c: _Cand, r: Resolved, refs) -> bool:
    """One named person arriving, crossing or moving is a visit; a population movement is
    made by many ("350 refugees crossed", "Russia evacuated hundreds"). A participle with no
    subject of its own moves the main clause's subject ("Upon arriving in Japan, Trump
    said")."""
    if c.actor1 is not None:
        return r.actors[c.actor1].kind == "person"
    tok = c.tok
    own = next((ch for ch in tok.children if ch.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
    if own is not None:
        return _one_person(own)
    clause = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX") and any(
        ch.dep_ in ("nsubj", "nsubjpass") for ch in a.children)), None)
    subject = next((ch for ch in clause.children if ch.dep_ in ("nsubj", "nsubjpass")),
                   None) if clause is not None else None
    if subject is None:
        return False
    who = refs.actor(subject)
    return r.actors[who].kind == "person" if who is not None else _one_person(subject)


def _one_person(tok) -> bool:
    """"the man", "a woman", "he": one unnamed person ("The man was seen arriving on foot")."""
    return tok.lower_ in ("he", "she") or (
        tok.tag_ == "NN" and tok.lemma_.lower() in _PERSON_NOUNS)


def _fled_the_scene(c: _Cand, r: Resolved) -> bool:
    """A flight or evacuation with no place and no sign of displacement in its clause
    ("Thousands of concertgoers fled in panic", "the promenade was evacuated") is people
    running from a scene, part of what happened there; "fled their homes", "fled to
    Tajikistan", "refugees fled" move a population."""
    if c.sub_type not in ("flight", "evacuation"):
        return False
    return not any(t.i in r.place_at or t.lemma_.lower() in _DISPLACED_FROM
                   or t.lower_ in _DISPLACED_FROM for t in c.tok.subtree)  # subject included


def _in_passing(tok) -> bool:
    """A happening mentioned to say who or what something is, not reported as news: a
    participle describing a noun ("schoolgirls abducted by Boko Haram"), a possessed noun
    ("their kidnapping", "her arrest"), the past perfect ("had been shot"), or a clause of
    "since"/"because"/"before" with no date of its own."""
    if tok.pos_ == "VERB" and tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
        return True  # (or before it: "the release of 21 of our abducted girls")
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and \
            tok.head.lemma_.lower() in _JUDGING and not _dated(tok):
        return True  # "condemned the resumed deployment": what the statement is about
    if tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.ent_type_ != "DATE"
                                  for c in tok.children) and not _dated(tok):
        return True  # but "North Korea's sixth nuclear test that occurred on September 3",
        # and "Saturday's demonstrations" is dated, not possessed
    if tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in ("had", "'d")
                                           for c in tok.children) and (_time_clause(tok) or not any(
            a.lemma_.lower() in _REPORTING for a in tok.ancestors)):
        return True  # but "said that 350 refugees had crossed" is reported speech, unless
        # a clause of time makes it what came before ("after her cousin had been shot")
    if _time_clause(tok, ("after",)) and any(a.lemma_.lower() in _REPORTING
                                             for a in tok.ancestors) and not _dated(tok):
        return True  # "her father said she was upset after her cousin was shot"
    if tok.pos_ == "NOUN" and _undated_sequel_of(tok):
        return True  # "rubber bullets were used following a violent demonstration"
    if _habitual(tok):
        return True  # "villagers have protested weekly for eight years": a custom, not news
    if _ongoing(tok) and not _dated(tok) and (_classify(tok) or ("",))[0] in _VIOLENT:
        return True  # "the military has been battling Boko Haram": a campaign, not news
        # (but "thousands are fleeing" is a displacement under way, news)
    clause = next((a for a in [tok, *tok.ancestors] if a.dep_ == "relcl"), None)
    if clause is not None and not _dated(clause.head) and any(
            t.tag_ in ("WDT", "WP", "WP$") for t in clause.subtree if t.i < tok.i):
        return True  # "Tamimi, who slapped two soldiers, was charged on Monday": who she is
        # (but "days after Pyongyang launched three missiles" is no relative clause)
    clause = _marked_clause(tok, _BACKGROUND_MARKS)
    return clause is not None and not _dated(clause)


def _comes_after(tok) -> bool:
    """In "X comes (or follows) days after ...": what the news follows, a span of time
    before it, not the news itself ("The firing comes days after Pyongyang launched three
    short-range missiles")."""
    clause = _marked_clause(tok, ("after",))
    return clause is not None and clause.head.lemma_.lower() in ("come", "follow") and any(
        c.dep_ == "npadvmod" and c.lemma_.lower() in ("hour", "day", "week", "month")
        for c in clause.head.children)


_SEQUEL_PREPS = {"after", "following"}
# Where a missile flew or fell, not where it was launched from (ACLED codes the launch site).
_FLIGHT_PATH = {"over", "into", "toward", "towards", "across", "off", "onto", "to"}
_EXPERIENCED = _words("experienced")
_SPOKESPEOPLE = _words("spokespeople")
_HABITUAL = _words("habitual")


def _habitual(tok) -> bool:
    """Told as what keeps happening: "weekly", "regularly", "for eight years"."""
    for c in tok.children:
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ in _HABITUAL:
            return True
        if c.dep_ == "prep" and c.lower_ == "for" and any(
                g.lemma_.lower() in ("year", "decade", "month") and any(
                    n.dep_ == "nummod" or n.lower_ in ("many", "several")
                    for n in g.children) for g in c.children):
            return True
    return False


_MANY = _words("many")


def _tally(tok) -> bool:
    """A count of happenings over a stretch of time, not one of them: the present perfect
    with "since" or a number of them ("has fired 21 missiles during 14 tests since
    February", "has tested more missiles than his father")."""
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ == "dobj" else None
    if verb is None or not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "'ve")
                               for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "since":
            return not any(g.lower_ in dates.WEEKDAYS or g.lower_ in ("yesterday", "today")
                           for g in c.children if g.dep_ == "pobj")  # "since Monday": news
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since"
                                     for m in c.children):
            return True
        if c.dep_ == "dobj" and c.tag_ == "NNS" and (any(
                g.lower_ in _MANY or (g.dep_ == "nummod" and g.lower_ not in ("one", "1"))
                for g in c.subtree if g.i < c.i) or (c.i == tok.i and not any(
                g.dep_ in ("det", "poss", "nummod", "amod") for g in c.children))):
            return True  # "has claimed attacks carried out in its name": a bare plural
            # trigger, a habit
    return False


def _many_over_time(tok, verb) -> bool:
    """Happenings told in the plural over weeks, months or years ("a spate of attacks in
    recent years", "clashes over the past few months"): a trend, no one happening to code
    ("killed in attacks two years ago" is a time, not a span)."""
    if tok.tag_ != "NNS":
        return False
    return any(any(t.lemma_.lower() in _LONG_UNITS and t.tag_ == "NNS" for t in e) and not any(
        t.lower_ == "ago" for t in e) for e in _dates_in(verb if verb is not None else tok))


_LONG_UNITS = {"week", "month", "year", "decade"}


def _marked_clause(tok, marks):
    """The adverbial clause of one of ``marks`` ("after", "if", ...) that ``tok`` is in,
    within its own clause (not past a reported or relative clause), or None."""
    for t in [tok, *tok.ancestors]:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks
                                     for c in t.children):
            return t
        if t.dep_ in ("ccomp", "ROOT", "relcl") and not _seen(t):
            return None
    return None


_PERCEIVING = {"see", "watch", "witness", "notice"}


def _seen(clause) -> bool:
    """A clause of what someone saw ("because we've seen them launch a missile"): the
    seeing's own clause holds it, as a report's does not."""
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _PERCEIVING


def _time_clause(tok, marks=None) -> bool:
    """Inside a clause of "after", "before", "since" or "until" ("after he had fled")."""
    return _marked_clause(tok, marks or _BACKGROUND_MARKS | _SEQUEL_PREPS) is not None


def _dates_in(tok, span: range | None = None):
    """The dates in the clause of ``tok`` (an age, "15-year-old", is none)."""
    span = span or range(tok.left_edge.i, tok.right_edge.i + 1)
    return (e for e in ents_of(tok.doc)
            if e.start in span and dates.dates_entity(e) and "old" not in e.text)


def _dated(tok, span: range | None = None) -> bool:
    return any(_dates_in(tok, span))


def _dates_itself(verb) -> bool:
    """A date told of the verb itself ("for punching a soldier two weeks ago"), not of
    another verb in its phrase."""
    return verb.pos_ == "VERB" and any(_governing_verb(e.root) == verb for e in _dates_in(verb))


def _undated_sequel_of(tok) -> bool:
    """A noun in "after ..." / "following ..." with no date of its own: what something else
    followed, told to place it, not news ("following what it said was a violent
    demonstration")."""
    for t in list(tok.ancestors)[:4]:
        if t.lower_ in _SEQUEL_PREPS and t.dep_ in ("prep", "advcl", "pcomp", "mark"):
            return not _dated(tok, range(t.i, t.right_edge.i + 1))
    return False


def _claim_verb(tok):
    """The verb of a claim of responsibility that governs a trigger noun, if any ("claimed
    responsibility for the attack", "claimed the bombing")."""
    for a in list(tok.ancestors)[:4]:
        if a.pos_ in ("VERB", "AUX"):
            return a if a.lemma_.lower() == "claim" else None
    return None


def _takes_position(tok, words: frozenset[str] | set[str] = _POSITION) -> bool:
    """A reporting verb whose clause says where the speaker stands ("told reporters the
    launch was a grave threat"), not only what happened ("told Reuters it had no link")."""
    return any((t.lemma_.lower() in words and not _committed_act(t)) or _war_crime(t)
               for t in _said_words(tok))


def _committed_act(t) -> bool:
    """"the crime was committed at night": a deed done, where "we are committed to peace"
    is a pledge."""
    return t.lemma_.lower() == "commit" and not any(
        (c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "xcomp" for c in t.children)


def _war_crime(t) -> bool:
    """"could amount to war crimes": a judgement, where a crime alone is a police account."""
    return t.lemma_.lower() == "crime" and any(c.lower_ == "war" for c in t.children)


def _said_words(tok):
    """The words a reporting verb tells: its clause, then the quotation it runs on into."""
    yield from tok.subtree
    for sent in _quotation_after(tok):
        yield from sent


def _quotation_after(tok):
    """The sentences the quotation of ``tok``'s sentence runs on into: after a colon
    ('Abe also said: "The reckless act ... we have lodged a firm protest."'), or while it
    is not closed ('saying: "We see a tendency towards an escalation ... and we are
    extremely concerned."'); three at most."""
    sent, doc = tok.sent, tok.doc
    inside = quote_open_after(sent.text, False)
    colon = sent.text.rstrip().endswith(":")  # the quotation opens in the next sentence
    for _ in range(3):
        if not (inside or colon) or sent.end >= len(doc):
            return
        sent = doc[sent.end].sent
        yield sent
        inside, colon = quote_open_after(sent.text, inside), False


def _official(refs, actor: int | None) -> bool:
    """A state, an organisation (not media), a person introduced with a title or one with a
    spokesperson ("Theresa May's spokesperson"): only office has one."""
    if actor is None:
        return False
    a = refs.r.actors[actor]
    if a.kind in ("state", "organisation", "rebel_group", "militia"):
        return True
    if a.kind != "person":
        return False
    return _introduced(refs.d, a, _TITLES, _TITLE_AFTER) or actor in refs.represented


def _private_person(refs, c: _Cand) -> bool:
    """A person the text introduces as kin, a neighbour, a bystander or a commentator, and
    never with an office: what they say is an account or a feeling, not a position ACLED
    codes (an untitled name alone, "Trump warned", is left a statement)."""
    if c.actor1 is None or refs.r.actors[c.actor1].kind != "person":
        return False
    return _introduced(refs.d, refs.r.actors[c.actor1], _PRIVATE, _PRIVATE_AFTER) and not (
        _official(refs, c.actor1) or _speaks_for_government(c.tok))


_GOVERNMENTS = {"government", "administration", "cabinet"}
_GOVERNMENT_BODIES = _GOVERNMENTS | {"ministry", "authorities", "parliament"}


def _speaks_for_government(tok) -> bool:
    """A speaker whose words name the government as theirs ("Mr. Abe said his government was
    prepared to take all the measures"): an office, though the text gives no title."""
    return any(t.lemma_.lower() in _GOVERNMENTS and any(
        c.dep_ == "poss" and c.lower_ in ("his", "her", "my", "our") for c in t.children)
        for t in _said_words(tok))


def _principals(spokesperson):
    """Whom a spokesperson's word names them for: "a spokesperson for Buhari", "Theresa
    May's spokesperson", "UN Spokesperson Stephane Dujarric"."""
    for c in spokesperson.children:
        if c.dep_ in ("poss", "compound"):
            yield c
        if c.dep_ == "prep" and c.lower_ == "for":
            yield from (g for g in c.children if g.dep_ == "pobj")


def _around(d: Document, a):
    """Each mention of ``a``'s text before it (up to 60 characters) and after it, on its line."""
    for m in a.mentions:
        line_start = d.text.rfind("\n", 0, m.span.start) + 1
        line_end = d.text.find("\n", m.span.end)
        yield (d.text[max(line_start, m.span.start - 60):m.span.start],
               d.text[m.span.end:line_end if line_end >= 0 else len(d.text)])


def _introduced(d: Document, a, before: re.Pattern, after: re.Pattern) -> bool:
    """Whether a mention of ``a`` is introduced as ``before`` / ``after`` say, on its line."""
    return any(before.search(b) or after.match(f) for b, f in _around(d, a))


def _state_of_media(d: Document, r: Resolved, a) -> int | None:
    """The state whose own voice a news outlet is, when the text says so and names the
    state: "the North Korean state news agency KCNA", "KCNA, North Korea's state media"."""
    for before, after in _around(d, a):
        got = _STATE_MEDIA.search(before) or _STATE_MEDIA_AFTER.match(after)
        if got is None:
            continue
        state = next((s for s in map(r.state_actor, _countries_ending(got.group("state")))
                      if s is not None), None)
        if state is not None:
            return state
    return None


def _countries_ending(words: str):
    """ISO3 of each country a run of words ends with, the longest run first ("North
    Korean", then "Korean"; "Japan's")."""
    from .locations import country_code

    parts = words.split()
    for n in range(len(parts)):
        iso = country_code(" ".join(parts[n:]).removesuffix("'s").removesuffix("\u2019s"))
        if iso is not None:
            yield iso


def _state_of_body(r: Resolved, actor: int) -> int | None:
    """The state a ministry, government or other body of its own speaks for, when the text
    names that state too (an ACLED coder's "Government of South Korea")."""
    a = r.actors[actor]
    if a.kind != "organisation":
        return None
    return r.state_actor(state_body_of(a.name, a.country))


def _state_of_official(r: Resolved, actor: int) -> int | None:
    """The state a person speaks for by office, when the text names that state too."""
    a = r.actors[actor]
    return r.state_actor(a.country) if a.kind == "person" else None


def _ongoing(tok) -> bool:
    """"are fighting", "has been battling": under way now, no happening of a day."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBG":
        return False
    aux = [c for c in tok.children if c.dep_ == "aux"]
    return _progressive(tok) or (any(c.lower_ == "been" for c in aux) and any(
        c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in aux))


def _progressive(tok) -> bool:
    """"is urging", "are pushing": under way, not a statement made on a day."""
    return tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ in (
        "VBZ", "VBP") for c in tok.children)


def _former(subject) -> bool:
    """A speaker who no longer holds the office ("former officials", "a former envoy")."""
    return subject is not None and any(
        t.lower_ in ("former", "ex", "retired") for t in subject.subtree
        if t.i < subject.i and t.dep_ in ("amod", "compound", "advmod"))


def _overlap(a: DateRef | None, b: DateRef | None) -> bool:
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _width(ref: DateRef | None) -> int:
    return 10**9 if ref is None else _days_between(ref.start, ref.end)


def _sentence_date(d: Document, sent, any_precision: bool = False) -> DateRef | None:
    """The sentence's first day-precise date (``any_precision``: its first date: a scene
    set "in April 2014" is not the scene of the day before)."""
    for ent in sent.ents:
        if dates.dates_entity(ent) and not d.is_filing_date(ent.start_char):
            ref = dates.resolve(dates.date_text(ent), d.published)
            if ref is not None and (any_precision or ref.precision == "day"):
                return ref
    return _loose_day(sent, d)


def _scene_date(d: Document, sents, c: _Cand) -> DateRef | None:
    """An undated event told just after a dated sentence (same or previous paragraph) is
    part of that scene: "... a force targeted a facilitator yesterday. || Several insurgents
    were killed during the operation." """
    for si in range(c.sent_i - 1, -1, -1):
        sent = sents[si]
        if d.paragraph_index(sent.start_char) < c.para_i - 1:
            return None
        if d.is_quiet(sent.start_char):
            continue
        ref = _sentence_date(d, sent, any_precision=True)
        if ref is not None:
            return ref if ref.precision == "day" else None
    return None


def _named_scene(d: Document, sents, c: _Cand) -> DateRef | None:
    """"During the operation, the force ... called for an airstrike which killed Rostum",
    "Four men were detained as a result of the operation": the operation the text told
    before, on its day ("conducted an operation ... Thursday"), past what came between ("He
    led an attack in June 2011")."""
    scene = next((t.lemma_.lower() for t in c.tok.sent if t.dep_ == "pobj"
                  and t.lemma_.lower() in _SCENES and any(
                      x.dep_ == "det" and x.lower_ == "the" for x in t.children)), None)
    if scene is None:
        return None
    for si in range(c.sent_i - 1, max(c.sent_i - 6, -1), -1):
        sent = sents[si]
        if d.paragraph_index(sent.start_char) < c.para_i - 2:
            return None
        if any(t.lemma_.lower() == scene for t in sent):
            ref = _sentence_date(d, sent)
            if ref is not None:
                return ref
    return None


_SCENES = _words("scenes")


def _past_scene(d: Document, sents, c: _Cand) -> DateRef | None:
    """An undated mention told right after a sentence set weeks or years back ("the idea was
    revived by the Islamic State in 2014. || 'Smash his head with a rock,' he said") is part
    of that past, not news of this week; unless it says what it came after ("After the
    photos were publicized, Trump tweeted")."""
    if any(t.lower_ in _SEQUEL_PREPS and t.dep_ in ("prep", "mark") for t in c.tok.sent):
        return None
    for si in range(c.sent_i - 1, max(c.sent_i - 3, -1), -1):
        sent = sents[si]
        # a statement stays in its paragraph: a new one often turns to today's reactions
        if d.paragraph_index(sent.start_char) < c.para_i - (c.type != STA):
            return None
        if d.is_quiet(sent.start_char):
            continue
        ref = _sentence_date(d, sent, any_precision=True)
        if ref is not None:
            this_year = ref.precision == "year" and ref.end[:4] == (d.published or "")[:4]
            return ref if d.published and not this_year and _long_ago(
                ref.end, ref.precision, d.published) else None  # ("this year" is no past)
    return None


def _roughly_dated(group: list[_Cand]) -> bool:
    """A group the text dates only by a month or a year ("its tests this year"): an
    undated mention joins one dated to its day or week before it, if any will have it."""
    dated = [x.date for x in group if x.own_date and x.date]
    return bool(dated) and all(d.precision not in ("day", "week") for d in dated)


def _nearest_first(groups: list[list[_Cand]], c: _Cand) -> list[list[_Cand]]:
    """The groups a candidate may join, the one told last before it first. A strong
    candidate comes in text order, after every group it could follow; a weak one ("after the
    explosion") comes after them all, when a group told later may have been made."""
    if not c.weak:
        return list(reversed(groups))

    def told_before(g: list[_Cand]) -> int:
        return max((x.sent_i for x in g if x.sent_i <= c.sent_i), default=-1)

    before = sorted((g for g in groups if told_before(g) >= 0), key=told_before, reverse=True)
    return before + [g for g in groups if told_before(g) < 0]


def _merge(refs, cands: list[_Cand], figures: list[Figure]) -> list[Event]:
    """One event per happening: each candidate (strong ones first) joins the latest group
    it belongs to (``_group_for``), else starts one (a weak one, mentioned in passing,
    never does)."""
    d, r = refs.d, refs.r
    fig_sent: dict[int, list[int]] = {}
    for i, f in enumerate(figures):
        fig_sent.setdefault(d.sentence_index(f.span.start), []).append(i)
    sents = d.sents
    groups: list[list[_Cand]] = []
    # an undated mention is about the days up to publication, so it never joins (or takes in)
    # a happening dated weeks before: "the attack" is not "the attacks of last November"
    recent = dates.recent_days(d.published) if d.published else None
    floor = _ahead_of_publication(d, cands)
    if recent is not None and floor is not None:  # filed from a time zone behind
        recent = DateRef(recent.start, floor.end, recent.precision, recent.text)

    def overlap(a: Any, b: Any) -> bool:
        return _overlap(a or recent, b or recent)

    strong = [c for c in cands if not c.weak]
    for c in strong + [c for c in cands if c.weak]:
        if c.date is None:
            counted = _counted_from(cands, groups, c)
            c.date = counted if isinstance(counted, DateRef) else None
            c.own_date = c.own_date or c.date is not None  # the text dates it so
            c.weak = c.weak or counted is False
        if c.date is None:  # inherit before merging decisions
            _inherit_date(d, sents, groups, c)
        if c.scene:  # "the incident occurred at ...": the violence last told, if reported
            target = next((g for g in reversed(groups) if g[0].type in _VIOLENT | {RIOT, PRO}
                           and g[0].sent_i < c.sent_i and not _only_named(g)), None)
        else:
            joined = (g for g in _nearest_first(groups, c)
                      if _joins(r, c, g, overlap, recent, figures, fig_sent))
            target = next(joined, None)
            if target is not None and not c.own_date and _roughly_dated(target):
                target = next((g for g in joined if not _roughly_dated(g)), target)
        if target is None:
            target = _the_one_recalled(groups, c, overlap)
        if target is not None:
            target.append(c)
        elif not (c.weak or (c.type == STA and c.actor1 is None and not c.sources)):
            groups.append([c])
    groups = [g for g in groups if not (_only_named(g) or _an_account(r, g))]
    _unsaid_doers(refs, cands, groups)
    _named_perpetrator(d, r, groups)
    # what the text left undated is not older than the latest day it dates, by the words of a
    # sentence or of its scene (a launch "on Sunday" told in the headline's sentence only)
    floor = _ahead_of_publication(d, [c for g in groups for c in g], own=False) or floor
    events = [_build(d, r, g, figures, fig_sent, floor) for g in groups]
    groups, events = _told_again(groups, events, lambda g: _build(
        d, r, g, figures, fig_sent, floor), d.published)
    kept = [(g, e) for g, e in zip(groups, events, strict=True)
            if not (_sideless(g, e) or _doerless(g, e))]
    groups, events = [g for g, _ in kept], [e for _, e in kept]
    _adopt_tolls(d, groups, events, figures, recent)
    for g, e in zip(groups, events, strict=True):
        if e.fatalities is None and e.type in _VIOLENT and any(
                _one_killed(t) for c in g for t in c.triggers or [c.tok]):
            e.fatalities = Fatalities(low=1, best=1, high=1)
    return events


def _the_one_recalled(groups: list[list[_Cand]], c: _Cand, overlap) -> list[_Cand] | None:
    """Violence told undated, of a kind the text dates only weeks or years back and tells
    none of these days ("the soldier was shot dead by the attacker" after "In October 2014,
    a man rammed his car into two soldiers"; a release report's "fighters stormed the
    school" beside "kidnapped in April 2014"): that one again, where its place agrees, not
    one of this week."""
    if c.type not in _VIOLENT or c.own_date:
        return None
    same = [g for g in groups if g[0].type == c.type and g[0].sub_type == c.sub_type]
    if any(overlap(g[0].date, None) for g in same):
        return None  # one of these days: the mention may be that
    same = [g for g in same if min(x.sent_i for x in g) < c.sent_i]  # told before it
    if not same:
        return None
    last = same[-1]
    return last if all(_places_agree(c.location, x.location) for x in last if not x.weak) \
        else None


def _one_killed(tok) -> bool:
    """A killing of one person the text counts no other way ("shot dead a local councillor",
    "a man was killed", "Gadhafi was killed"): a toll of one."""
    lemma = tok.lemma_.lower()
    if lemma not in _KILLING and not (lemma in ("shoot", "stab") and any(
            c.lower_ == "dead" or (c.lower_ == "to" and any(g.lower_ == "death"
                                                            for g in c.children))
            for c in tok.children)):
        return False  # "shot a man" may have wounded him; "shot dead", "stabbed to death"
    victims = [c for v in _conjoined(tok) for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if len(victims) != 1 or any(c.dep_ in ("conj", "nummod") for c in victims[0].children):
        return False
    victim = victims[0]
    return victim.ent_type_ == "PERSON" or (victim.tag_ == "NN" and
                                            victim.lemma_.lower() in _ONE_PERSON)


_KILLING = {"kill", "murder", "assassinate", "behead", "execute"}
# a noun for one person: an unnamed one, an office, a role or calling, a counted kind of people
_ONE_PERSON = _PERSON_NOUNS | OFFICE_WORDS | _words("person_roles") | {
    w for w, category in CATEGORIES.items()
    if category not in ("deaths", "injured", "houses", "households", "weapons")}


def _sideless(group: list[_Cand], event: Event) -> bool:
    """"major attacks in the 1970s", "after the Paris attacks": the bare word "attack" with
    no one told attacking, no one attacked and no toll names violence the reader knows of,
    not a happening this text reports; a battle (ACLED's clash of two sides) least of all."""
    return (event.type == BAT and not event.participants and not event.figures
            and all(_bare_attack(c.tok) for c in group))


_SIDE_PREPS = {"on", "against", "by", "from", "of"}  # "an attack on", "attacks by"


def _told_again(groups: list[list[_Cand]], events: list[Event], build, published
                ) -> tuple[list[list[_Cand]], list[Event]]:
    """One strategic development told twice by the same doer: undated mentions that took a
    day of their scene apart from the happening, when only the publication's time zone
    moved them ("the launch" beside "fired a missile on Sunday" in Saturday's paper); and
    the deed dated on the publication's day and on the next, which a text can tell only in
    two time zones ("fired a missile on Tuesday" local time, "on Monday" in Washington's):
    the local day is kept, as ACLED codes it."""
    out_g: list[list[_Cand]] = []
    out_e: list[Event] = []
    for g, e in zip(groups, events, strict=True):
        undated = not any(c.own_date for c in g)
        if e.type == SD and not _comes_after(g[0].tok):  # an earlier deed, not this one
            same = next((i for i, o in enumerate(out_e) if o.type == e.type
                         and o.sub_type == e.sub_type and _doers(o) and _doers(o) == _doers(e)
                         and o.date and e.date and (
                             (undated and _overlap(o.date, e.date))
                             or _time_zones_apart(o.date, e.date, published))), None)
            if same is not None:
                ahead = e.date is not None and published is not None and \
                    e.date.start > published[:10]
                out_g[same] = g + out_g[same] if ahead and not undated else out_g[same] + g
                out_e[same] = build(out_g[same])
                continue
        out_g.append(g)
        out_e.append(e)
    return out_g, out_e


def _time_zones_apart(a: DateRef, b: DateRef, published: str | None) -> bool:
    """Two days of one deed, the publication's and the next (``dates.resolve`` reads a day
    after publication as the next morning in a time zone ahead)."""
    if not published or a.precision != "day" or b.precision != "day":
        return False
    pub = dt.date.fromisoformat(published[:10])
    return {a.start, b.start} == {pub.isoformat(), (pub + dt.timedelta(days=1)).isoformat()}


def _doers(event: Event) -> set[int]:
    return {p.actor for p in event.participants if p.role == "actor1"}


def _doerless(group: list[_Cand], event: Event) -> bool:
    """A strategic development with neither a doer (said or found) nor a day of its own
    ("by waging aggressive military exercises", "the launches") is told in passing, with
    nothing an ACLED coder could code it by; one told on its day ("she was indicted on
    Tuesday") is news whose doer the analyst may know, and an arrest is the police's even
    unnamed ("a suspect was detained"). So is violence told once with no doer, day, place
    or toll ("her brother was shot in the leg"), and any strategic development told once
    with no day and no place ("Ri Pyong Chol conducted a missile test"); a crowd is the doer
    of its own protest."""
    if any(c.own_date for c in group):
        return False
    # told once, dated by no words (its own or its scene's), placed nowhere, no toll
    told_once = len(group) == 1 and not (event.date and event.date.text) and \
        event.location is None and not event.figures
    if any(p.role == "actor1" for p in event.participants):
        return event.type == SD and told_once
    if event.type == SD:
        return event.sub_type != "arrests"
    return event.type in _VIOLENT and told_once


def _bare_attack(tok) -> bool:
    """The noun "attack" with no side in its own words: no possessor ("the Taliban's"), no
    "on/against/by/from/of" phrase but one of time ("attacks on Nov 13")."""
    if tok.lemma_.lower() != "attack" or tok.pos_ != "NOUN":
        return False
    for ch in tok.children:
        if ch.dep_ == "poss":
            return False
        if ch.dep_ == "prep" and ch.lower_ in _SIDE_PREPS and any(
                o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME") for o in ch.children):
            return False
    return True


def _adopt_tolls(d: Document, groups: list[list[_Cand]], events: list[Event],
                 figures: list[Figure], recent: DateRef | None) -> None:
    """A death toll told in a sentence that names no happening ("The toll has risen to at
    least 70") is the toll of the violent event of these days told nearest before it (or
    first after it, when the toll leads), if that event has no toll of its own. Not a toll
    counted before the event began, nor one its sentence dates to an earlier year ("20,000
    have died since 2009") or over a year ("that year", "this year"): a count of the
    conflict, not of this event."""
    linked = {i for event in events for i in event.figures}
    violent = [(sorted(c.sent_i for c in g), e) for g, e in zip(groups, events, strict=True)
               if e.type in _VIOLENT and (recent is None or _overlap(e.date, recent))]
    if not violent:
        return
    for i, figure in enumerate(figures):
        if (i in linked or figure.category != "deaths" or figure.part_of is not None
                or figure.qualifier == "at_most" or _toll_of_its_own(d, figure)):
            continue
        at = d.sentence_index(figure.span.start)
        before = [(max(s for s in sents if s <= at), e) for sents, e in violent
                  if sents[0] <= at]
        _sents, event = max(before, key=lambda x: x[0]) if before else min(
            violent, key=lambda x: x[0][0])
        if event.fatalities is not None or event.date is None:
            continue
        if (figure.date is not None and figure.date.start < event.date.start) or any(
                int(year) < int(event.date.start[:4]) for ent in d.sents[at].ents
                if ent.label_ == "DATE" for year in _YEAR.findall(ent.text)) or any(
                ent.label_ == "DATE" and ent.root.lemma_.lower() in ("year", "decade")
                for ent in d.sents[at].ents):
            continue  # (nor "That year, Boko Haram was responsible for 6,644 deaths")
        event.figures.append(i)
        event.fatalities = fatalities(figures, event.figures)


def _toll_of_its_own(d: Document, figure: Figure) -> bool:
    """A toll a violent word of its clause tells ("since the group launched a series of
    attacks across Paris, killing 130 people"): that happening's, told or left out as
    background, not one to lend to the news."""
    span = d.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
    if span is None:
        return False
    for t in [span.root, *span.root.ancestors][:4]:
        kind = _classify(t) if t.i not in span else None
        if kind is not None and kind[0] in _VIOLENT:
            return True
    return False


def _only_named(group: list[_Cand]) -> bool:
    """An attack, a clash or a demonstration the text only names ("the attacks in San
    Bernardino", "the riots"), dated neither by itself nor by what surrounds it, is one the
    reader is reminded of, not one the article reports: a report tells what happened, and
    when."""
    return group[0].type in _VIOLENT | {PRO, RIOT} and all(
        c.date is None and c.tok.pos_ in ("NOUN", "PROPN") for c in group)


def _an_account(r: Resolved, group: list[_Cand]) -> bool:
    """Words told once, on no day of their own, by a reporting verb whose clause names only
    what is spoken of ("the agency said the talks on the release would resume", "he said
    security was tight") are an account the reporter quotes, a source of the story; a stance
    ("condemned", "said it was outraged"), a day ("said on Monday"), words the text goes on
    quoting, or a state speaking (its word is its policy) make a statement."""
    if len(group) > 1 or group[0].type != STA:
        return False
    c = group[0]
    if c.actor1 is not None and r.actors[c.actor1].kind == "state":
        return False
    return not c.own_date and _reporting_only(c) and not (
        _takes_position(c.tok, _STANCE) or _vows(c.tok))


def _reporting_only(c: _Cand) -> bool:
    """"said", "told", "added": every trigger a verb of reporting, no stance of its own (but
    "Speaking to U.S. troops at Yokota, Trump said": words to an audience, ``_spoke``)."""
    return all(t.lemma_.lower() in _WEAK_STATEMENT and not any(
        a.dep_ == "advcl" and _spoke(a, a.lemma_.lower()) for a in t.children)
        for t in c.triggers)


_WILL = {"will", "would", "shall", "'ll"}


def _vows(tok) -> bool:
    """"confirmed that it would not launch attacks", "said they will free the girls": the
    speaker telling what it will (or never will) do of the acts this codebook counts, a
    threat or an assurance."""
    for v in tok.subtree:
        if v.dep_ != "ccomp" or v.i == tok.i:
            continue
        if any(c.dep_ == "aux" and c.lower_ in _WILL for c in v.children) and any(
                c.dep_ == "nsubj" and c.tag_ == "PRP" and c.lower_ in ("we", "i")
                for c in v.children) and any(c.dep_ == "neg" for c in v.children):
            return True  # "'We will never accept a nuclear North Korea,' Abe told reporters"
        if any(c.dep_ == "aux" and c.lower_ in _WILL for c in v.children) and any(
                c.dep_ == "nsubj" and c.tag_ == "PRP" for c in v.children) and any(
                (got := _classify(t)) is not None and got[0] != STA
                for t in v.subtree):
            return True
        if v.lemma_.lower() in _RESPONSES and any(
                c.dep_ == "aux" and c.lower_ in _WILL for c in v.children):
            return True  # "said Moscow would respond", "said we will respond firmly"
    return False


_RESPONSES = _words("responses")


def _kin(c: _Cand) -> str:
    """What acts count as the same kind when one of them lacks its doer: a family of
    triggers ("indict", "charge"), every arrest and detention alike."""
    return "arrests" if c.sub_type == "arrests" else c.family


def _unsaid_doers(refs, cands: list[_Cand], groups: list[list[_Cand]]) -> None:
    """A strategic development no one is said to have done (ACLED always codes its actor1)
    is done by the one actor the article's other acts of its kind are done by ("Three
    short-range missiles were launched on Saturday" beside "North Korea fired"; "she was
    indicted on Monday" beside "a military court charged her"); else a weapons test by the
    state of its place ("launched from Sunan"), a release by the one captor the text names
    ("the girls Boko Haram abducted ... were released"), an indictment by the state whose
    forces the text names."""
    for g in groups:
        if g[0].type != SD or any(c.actor1 is not None for c in g):
            continue
        kin = _kin(g[0])
        doers = {c.actor1 for h in groups if h[0].type == SD and _kin(h[0]) == kin
                 for c in h if c.actor1 is not None}
        if len(doers) == 1:
            g[0].actor1 = doers.pop()
        elif kin == "weapons test":
            g[0].actor1 = _site_state(refs.r, g[0])
        elif kin == "release":
            g[0].actor1 = _sole_captor(refs, cands)
        elif kin == "legal":
            g[0].actor1 = _prosecuting_state(refs.r)


def _prosecuting_state(r: Resolved) -> int | None:
    """Who indicts or charges when the text says only "she was indicted": the state whose
    forces the article names (a court is the state's), all of one country, as an arrest's."""
    forces = _arresting_forces(r, None)
    if forces is None:
        return None
    state = r.state_actor(r.actors[forces].country)
    return forces if state is None else state


def _sole_captor(refs, cands: list[_Cand]) -> int | None:
    """The one actor the text says took or holds people: the doer of an abduction, the
    agent of "abducted by" / "held by", the subject of "kidnapped" (not of "held", "took":
    "held talks", "took part")."""
    captors = {c.actor1 for c in cands if c.sub_type == _ABDUCTION and c.actor1 is not None}
    for t in refs.d.doc:
        captors.update(_takers(refs, t, subjects=True))
    return captors.pop() if len(captors) == 1 else None


def _named_perpetrator(d: Document, r: Resolved, groups: list[list[_Cand]]) -> None:
    """"The attacker in Nice used a truck ... the attacker, Mohamed Lahouaiej Bouhlel, a
    31-year-old": the one person the text names as "the attacker" (or driver, gunman, ...)
    did the attack no sentence names a doer of: the one told in the sentence naming them or
    last before it in its paragraph ("Five people were killed in Strasbourg. The alleged
    killer, Chérif Chekatt ..."), else the one told most."""
    named: dict[int, set[int]] = {}  # the person: the sentences naming them so
    for tok in d.doc:
        if tok.lemma_.lower() not in _PERPETRATORS:
            continue
        after = tok.i + 2 < len(d.doc) and d.doc[tok.i + 1].text == ","
        for c in [*tok.children, tok.head, *([d.doc[tok.i + 2]] if after else [])]:
            a = r.actor_at.get(c.i)
            if a is not None and r.actors[a].kind == "person" and (
                    c.dep_ == "appos" or tok.dep_ == "appos" or c.i == tok.i + 2):
                # "the attacker, Mohamed ...", parsed as apposition or not
                named.setdefault(a, set()).add(d.sentence_index(tok.idx))
    unnamed = [g for g in groups if g[0].type in _VIOLENT and all(
        c.actor1 is None or r.actors[c.actor1].kind == "media" for c in g)]
    if len(named) == 1 and unnamed:
        (person, sents), = named.items()
        there = [g for g in unnamed if any(_told_in_paragraph_by(d, g, s) for s in sents)]
        recalled = [g for g in groups if g[0].type in _VIOLENT and g[0].date and
                    is_background(g[0].date.end, g[0].date.precision, d.published)]
        if len(recalled) < sum(g[0].type in _VIOLENT for g in groups):
            unnamed = [g for g in unnamed if g not in recalled]  # a report of Nice names
            # Nice's attacker, not that of "November's atrocities in Paris" it recalls
        if there:
            max(there, key=lambda g: max(c.sent_i for c in g if c.sent_i <= max(sents))
                )[0].actor1 = person
        elif unnamed:
            max(unnamed, key=lambda g: len({c.sent_i for c in g}))[0].actor1 = person


def _told_in_paragraph_by(d: Document, g: list[_Cand], si: int) -> bool:
    """Whether a mention of ``g`` is in sentence ``si`` or before it in its paragraph."""
    para = d.paragraph_index(d.sents[si].start_char)
    return any(c.sent_i <= si and c.para_i == para for c in g)


def _ahead_of_publication(d: Document, cands: list[_Cand], own: bool = True
                          ) -> DateRef | None:
    """Copy filed from a time zone behind the events ("early Tuesday" in Monday's paper):
    what the text leaves undated is not older than the latest thing it dates (``own``: in
    the candidate's own sentence; else also by its scene or the mention before it)."""
    ahead = [c.date for c in cands if (c.own_date or not own) and c.date and d.published
             and c.date.precision == "day" and c.date.start > d.published]
    return max(ahead, key=lambda x: x.start) if ahead else None


def _counted_from(cands: list[_Cand], groups: list[list[_Cand]], c: _Cand
                  ) -> DateRef | bool:
    """"arrested in a raid three days after the confrontation": a happening dated by another
    the text told before it, counted from that one's date. True when no clause counts from
    anything; False when one counts from what the text never dates ("the month after Mr.
    Adnani's speech, a man rammed his car into two soldiers"): of no known day, not of the
    days before publication, so recalled, never a happening of its own."""
    counted = True
    for t in c.tok.sent:
        if t.lower_ not in ("after", "before") or not (_in_clause_of(t, c.tok) or (
                t.dep_ == "mark" and t.head.head.i == c.tok.i)):  # "after she was filmed"
            continue
        if t.dep_ == "mark":  # "arresting her three days after she was filmed slapping"
            obj = next((x for x in t.head.subtree if x.i > t.i and (
                (got := _classify(x)) is not None and got[0] != STA)), t.head)
            span = next((x for x in c.tok.children if x.dep_ == "npadvmod"), None)
        else:
            obj = next((x for x in t.children if x.dep_ == "pobj"), None)
            span = next((x for x in t.children if x.dep_ == "npadvmod"), None)
        if span is None and t.head.dep_ == "npadvmod":
            span = t.head  # "the month after ...": the span governs the preposition
        if obj is None or span is None:
            continue
        words = " ".join(x.text for x in span.subtree if x.i < t.i and x.i <= span.i)
        days = dates.duration_days(words)
        if days is None:
            continue
        kind = _classify(obj)
        told = [x for x in cands if x.tok.i < c.tok.i and (x.tok.lemma_ == obj.lemma_ or (
            obj.lemma_.lower() in _HAPPENING_REFS and x.type in _VIOLENT | {RIOT, PRO}) or (
            kind is not None and kind == (x.type, x.sub_type)))]  # "bombed" ... "the bombing"
        for x in reversed(told):
            date = x.date or next((g[0].date for g in groups
                                   if any(y is x for y in g) and g[0].date), None)
            if date is not None:
                return dates.shifted(date, days if t.lower_ == "after" else -days,
                                     f"{words} {t.text} {obj.text}")
        counted = False
    return counted


def _in_clause_of(tok, trig) -> bool:
    """Whether ``tok`` is said of ``trig``'s own clause: it hangs from the trigger, or from
    the trigger's head, with no other verb between."""
    for a in tok.ancestors:
        if a.i == trig.i:
            return True
        if a.pos_ in ("VERB", "AUX"):
            return a.i == trig.i
    return False


def _inherit_date(d: Document, sents, groups: list[list[_Cand]], c: _Cand) -> None:
    """An undated candidate takes the date of the group just before it in its paragraph
    (or of the sentence before, when it goes on "Then", "Later", ...); a statement only
    from a statement (it is made when reported, not when what it is about happened) and a
    happening only from a happening (what a statement speaks of may be older), never from
    another clause of its own sentence; else a happening a verb tells takes its scene's."""
    # the mention told last before it, of a group of its kind (a group told after it, made
    # first by a surer mention, dates it not)
    before = [(x, g) for g in groups if (c.type == STA) == (g[0].type == STA)
              for x in g if x.sent_i < c.sent_i]
    last, prev = max(before, key=lambda xg: xg[0].sent_i, default=(None, None))
    first_words = {t.lower_ for t in sents[c.sent_i][:3]}
    if last is not None and prev is not None and (last.para_i == c.para_i or (
            last.sent_i == c.sent_i - 1 and first_words & _CONTINUERS)):
        c.date = prev[0].date
    if c.date is None and c.type != STA and c.tok.pos_ not in ("NOUN", "PROPN"):
        c.date = _scene_date(d, sents, c)  # a happening named by a noun is no scene's news
    if c.date is None and c.type != STA:
        c.date = _named_scene(d, sents, c)
    if c.date is None:
        c.date = _past_scene(d, sents, c)


def _joins(r: Resolved, c: _Cand, g: list[_Cand], overlap, recent: DateRef | None,
           figures: list[Figure], fig_sent) -> bool:
    """Whether ``c`` is the happening of group ``g`` (if not, the search goes on to the
    groups before it)."""
    head, last = g[0], g[-1]
    if not c.own_date and ((_comes_after(c.tok) and _overlap(head.date, recent))
                           or _comes_after(head.tok)):
        return False  # "The firing comes days after Pyongyang launched": an earlier launch,
        # which what the text leaves undated is not
    if _anaphor(c) and head.type != STA and c.sent_i - last.sent_i <= 1 and not \
            _told_as_past(g, recent):
        return True  # "... a nuclear test on September 3. || That explosion created a tremor"
        # (not a happening the text recalls from last month: "the bombing" is the news's)
    if c.type == PM and not c.own_date and c.location is None and \
            head.type in _VIOLENT and abs(c.sent_i - last.sent_i) <= 1:
        return True  # "as the truck zigzagged, people began to flee": the attack's
    if _force_on_its_protest(c, head, overlap):
        return True  # "Police broke up the demonstration and shot two people dead": one
        # protest, met with force
    if c.type in _VIOLENT and head.type in _VIOLENT:
        # one attack told as "attack", "killing", "shooting", "the driver was shot
        # by police": one happening, unless its date or place says another, or its side
        return not _other_side(r, c, g) and _same_happening(c, g, overlap, recent)
    if head.type != c.type:
        return False
    if c.type == STA:
        if (c.actor1 is None or _said_in_that_statement(c.tok)) and c.sent_i - last.sent_i <= 2 \
                and not (c.own_date and not overlap(c.date, head.date)):
            return True  # '..., a spokesman said in the statement': the one just told (not
            # words the text dates to another year: "before it pledged allegiance in 2014")
        # one speaker's statements in one article: one event (a state's and its ministry's,
        # "South Korea said" and "the South Korean Foreign Ministry said", one position)
        voice = _voice(r, c.actor1)
        return voice is not None and voice == _voice(r, head.actor1) and overlap(c.date,
                                                                                 head.date)
    if not (c.actor1 is None or head.actor1 is None or c.actor1 == head.actor1 or (
            c.family == head.family == "weapons test" and {
                r.actors[c.actor1].kind, r.actors[head.actor1].kind} == {"person", "state"})):
        return False  # but "Kim Jong-un launched" is "North Korea launched"
    if not c.own_date and last.sent_i == c.sent_i - 1 and (c.type != SD or _kin(c) == _kin(head)):
        return True  # (not "these drills are normal exercises" after the missile tests)
    if c.type == PM and c.subj_definite and c.subj_lemma and any(
            figures[i].counted and figures[i].counted.split()[-1].lower().startswith(
                c.subj_lemma) for x in g for i in fig_sent.get(x.sent_i, [])):
        return True
    return c.type != PM and c.family == head.family and (
        overlap(c.date, head.date) or (c.family == "weapons test" and _a_clock_apart(
            c.date, head.date)))


_CLOCK_WORDS = _words("clock_words")
_TIMES_OF_DAY = _CLOCK_WORDS | {"hour"}  # "in the early hours of Sunday"
_DISPLACED_FROM = _words("displaced_from")


def _a_clock_apart(a: DateRef | None, b: DateRef | None) -> bool:
    """"a missile test flew over Japan last night" (London) and "launched at 6am local time
    this morning" (Tokyo): days a time zone apart, one of them told by the clock."""
    if a is None or b is None or a.precision != "day" or b.precision != "day":
        return False
    if not any(w in (a.text + " " + b.text).lower() for w in _CLOCK_WORDS):
        return False
    return abs(_days_between(a.start, b.start)) == 1


def _days_between(x: str, y: str) -> int:
    return (dt.date.fromisoformat(y) - dt.date.fromisoformat(x)).days


def _voice(r: Resolved, actor: int | None) -> tuple | None:
    """Whose position a statement gives: a state's for the state, its forces and its
    national bodies; else the speaker's own."""
    if actor is None:
        return None
    a = r.actors[actor]
    iso = a.country or (named_country(a.name) if a.kind == "organisation" else None)
    if iso and a.kind in ("state", "state_forces", "organisation"):
        return ("state", iso)
    if a.kind == "organisation":
        parent = _parent_body(r, a)
        if parent is not None:
            return ("actor", parent)
    return ("actor", actor)


def _parent_body(r: Resolved, a) -> int | None:
    """The organisation a body's name is made of ("the UN" for "the UN Security Council"):
    one voice in one article's statements, as a coder names it."""
    mine = [set(normalise(n).split()) for n in [a.name, *a.aliases]]
    for i, b in enumerate(r.actors):
        if b is not a and b.kind == "organisation" and any(
                set() < set(normalise(n).split()) < m for n in [b.name, *b.aliases]
                for m in mine):
            return i
    return None


def _said_in_that_statement(tok) -> bool:
    """"said in the statement": a quote from a statement the text has just told."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lemma_.lower() == "statement" and any(
            x.dep_ == "det" and x.lower_ in ("the", "that", "this") for x in g.children)
        for g in c.children) for c in tok.children)


def _anaphor(c: _Cand) -> bool:
    """A noun that points back at what the sentence before told ("That explosion", "This
    new missile test", "The blast"), with no doer or date of its own."""
    return c.actor1 is None and not c.own_date and _definite_noun(c.tok)


def _places_agree(a: tuple | None, b: tuple | None) -> bool:
    """Two places of one happening: either unsaid, the same, or a country and a place in
    it (the country's own name, or a place the gazetteer puts there)."""
    if a is None or b is None or a[0] == b[0]:
        return True
    if "country" in (a[2], b[2]) and a[1] and a[1] == b[1]:
        return True
    if _names_within(a, b) or _names_within(b, a):
        return True
    if (a[1] is None and b[2] == "admin1") or (b[1] is None and a[2] == "admin1"):
        return True  # "in Borno state" and "near the village of Koshobe", which no gazetteer
        # has: nothing says the village is elsewhere
    return "region" in (a[2], b[2])


def _names_within(a: tuple, b: tuple) -> bool:
    """"Bagram" and "Bagram Airfield", "Las Vegas" and "the Las Vegas Strip": a site named
    after its town, in the same country (or one the gazetteer does not know)."""
    short, long = a[0].split(), b[0].split()
    return (len(short) < len(long) and long[:len(short)] == short
            and (not a[1] or not b[1] or a[1] == b[1]))


def _other_side(r: Resolved, c: _Cand, g: list) -> bool:
    """One-sided violence (a strike, an attack) by a doer of another side than the group's
    in the same sentence ("Hamas fired rockets at Israel, and Israel responded with air
    strikes"): a happening of its own. A person and the group he acted for, a state and its
    forces, are one side; across sentences the police who shot an attacker are told as
    part of the attack, so sides told apart do not split it."""
    mine = _side(r, c)
    return mine is not None and any(
        x.sent_i == c.sent_i and (s := _side(r, x)) is not None and s != mine for x in g)


def _side(r: Resolved, c: _Cand) -> tuple | None:
    """The side whose one-sided violence (a strike, an attack) a candidate is: its doer's
    voice (a state and its forces are one); None for a person or no doer."""
    if c.type not in (EXP, VAC) or c.actor1 is None or r.actors[c.actor1].kind == "person":
        return None
    return _voice(r, c.actor1)


def _same_happening(c: _Cand, g: list, overlap, recent: DateRef | None) -> bool:
    head = g[0]
    if not c.own_date and _told_as_past(g, recent):
        return False  # "the attack" is not the shooting the text put "last week"
    if c.own_date and any(x.own_date for x in g):
        if not any(overlap(c.date, x.date) or (
                c.type == x.type and _through_the_night(c.date, x.date))
                for x in g if x.own_date):
            return False
    elif not (overlap(c.date, head.date) or (
            c.type == head.type and _through_the_night(c.date, head.date))):
        return False
    return all(_places_agree(c.location, x.location) for x in g if not x.weak)


_NIGHT_WORDS = _words("night_words")
_SMALL_HOURS = _words("small_hours")


def _through_the_night(a: DateRef | None, b: DateRef | None) -> bool:
    """"on New Year's Eve" and "in the early hours of New Year's Day", "on Saturday night"
    and "early on Sunday": one night told on both its days, the same violence."""
    if a is None or b is None or a.precision != "day" or b.precision != "day":
        return False
    first, then = sorted((a, b), key=lambda d: d.start)
    return _days_between(first.start, then.start) == 1 and (
        any(w in first.text.lower().split() for w in _NIGHT_WORDS) or
        any(w in then.text.lower().split() for w in _SMALL_HOURS))


def _told_as_past(g: list, recent: DateRef | None) -> bool:
    """A happening the text dates only by a span it sets before the days of its news ("had
    been in Dallas last week when five officers were shot"): its own dates are all a week
    or a month wide and end two days or more before publication (``recent``'s end)."""
    own = [x.date for x in g if x.own_date and x.date]
    if recent is None or not own or any(d.precision not in ("week", "month") for d in own):
        return False
    return _days_between(max(d.end for d in own), recent.end) >= 2


def _coded_type(group: list[_Cand], doer_kind: str | None) -> tuple[str, str | None]:
    """The happening's type and sub-type from all its mentions and who did it."""
    head = group[0]
    typ, sub = head.type, head.sub_type
    if head.type == BAT and head.tok.lemma_.lower() in ("attack", "storm", "raid"):
        # "the attack" says little; "a truck plowed into a crowd" says who it hit, and
        # "stormed the village, killing 12 villagers" that no armed side was there
        specific = next((c for c in group if c.type in _VIOLENT and c.type != BAT), None)
        if specific is not None:
            typ, sub = specific.type, specific.sub_type
    if typ in (BAT, VAC):  # "warplanes struck targets, killing three": the means decides
        remote = next((c for c in group if c.type == EXP and not c.weak), None)
        if remote is not None:
            typ, sub = remote.type, remote.sub_type
    if typ == EXP and any(c.sub_type == "suicide bomb" for c in group):
        sub = "suicide bomb"  # "A suicide bomber killed 25 ... The blast ripped through"
    if typ == VAC and sub == "attack" and any(c.armed_hit for c in group):
        typ, sub = BAT, "armed clash"  # soldiers or fighters killed are no civilians
    if sub == "arrests" and doer_kind in ("rebel_group", "militia"):
        typ, sub = VAC, _ABDUCTION  # "Boko Haram seized 20 women": no state arrests
    if typ == RIOT and sub == "mob violence" and (doer_kind in _ARMED or head.subj_lemma in (
            _ARMED_MEN)):
        typ, sub = (SD, _PROPERTY) if all(
            t.lemma_.lower() in _RIOTING for c in group for t in c.triggers) else (VAC, "attack")
        # "soldiers kicked and beat him": no mob's blows; "gunmen looted shops": no mob's loot
    if sub == "government regains territory" and doer_kind not in ("state_forces", "state"):
        sub = "non-state actor overtakes territory"  # "the rebels retook the town"
    if (typ == VAC or (typ == PRO and any(c.type in _VIOLENT for c in group))) and \
            _force_on_crowds(group, doer_kind):
        typ, sub = PRO, "excessive force against protesters"  # "Security forces killed 10
        # protesters": ACLED's protest met with lethal force
    return typ, sub


def _force_on_crowds(group: list[_Cand], doer_kind: str | None) -> bool:
    """A state's forces killing or firing on protesters: "Security forces killed 10
    protesters", "two were killed when police opened fire on demonstrators"."""
    on_crowds = [c for c in group if _victims_are(c.tok, _CROWDS) or _on_a_protest(c.tok)]
    if on_crowds and (doer_kind in ("state_forces", "state") or (
            doer_kind not in _ARMED and any(c.subj_lemma in FORCE_HEADS for c in on_crowds))):
        return True  # (not the attacker "shot dead by police" after he drove into a crowd)
    whens = [w for c in group for w in _when_clauses(c.tok)]
    return any(_victims_are(w, _CROWDS) and (s := _subject(w)) is not None and (
        s.lemma_.lower() in FORCE_HEADS) for w in whens)


_PROTEST_NOUNS = {"protest", "demonstration", "sit-in", "rally", "march"}


def _force_on_its_protest(c: _Cand, head: _Cand, overlap) -> bool:
    """Violence on a crowd or while breaking up a protest, told beside that protest on
    its day and at its place."""
    violent, protest = (c, head) if head.type == PRO else (head, c)
    return protest.type == PRO and violent.type in _VIOLENT and overlap(
        c.date, head.date) and _places_agree(c.location, head.location) and (
        _victims_are(violent.tok, _CROWDS) or _on_a_protest(violent.tok))


def _on_a_protest(tok) -> bool:
    """Violence done while breaking up a protest ("dismantled a protest camp, killing 30",
    "broke up the demonstration and shot two"): the protest met with force."""
    verbs = [tok, tok.head] if tok.dep_ in ("advcl", "conj", "xcomp") else [tok]
    return any(o.lemma_.lower() in _PROTEST_NOUNS or any(
        m.dep_ in ("compound", "amod") and m.lemma_.lower() in _PROTEST_NOUNS
        for m in o.children) for v in verbs for o in _objects(v)
        if o.ent_type_ not in ("DATE", "TIME"))  # "in March" is a month, no march


def _victims_are(tok, nouns) -> bool:
    """Whether what a violent verb was done to is one of ``nouns`` ("killed 10 protesters",
    "opened fire on protesters")."""
    return any(n.lemma_.lower() in nouns for c in _objects(tok, ("on", "at"), ("dobj", "nsubjpass"))
               for n in (c, *_objects(c, ("of",), direct=())))  # "dozens of protesters"


def _crowd_first(r: Resolved, parts: list[Participant]) -> list[Participant]:
    """ACLED's demonstrations: the protesters or rioters are actor1; a state's forces who
    clashed with them ("Israeli police clashed with Palestinian protesters") are actor2."""
    return [Participant(p.actor, "actor2") if p.role == "actor1" and r.actors[p.actor].kind in (
        "state_forces", "state") else p for p in parts]


def _build(d, r, group: list[_Cand], figures, fig_sent, floor=None) -> Event:
    """A group of candidates (one happening) as an Event."""
    head = group[0]
    parts = _participants(r, group)
    date = _group_date(d, group, floor)
    doer = next((p.actor for p in parts if p.role == "actor1"), None)
    placed = [c.location for c in group
              if c.location and _on_own_ground(r, c, c.location[1], doer)]
    location = min(placed, key=lambda p: KIND_RANK.get(p[2], 9)) if placed else None
    if location is not None and location[1] is None:  # "the village of Koshobe" in "Borno
        # state": the country of the province it was told in
        location = (location[0], next((p[1] for p in placed if p[1]), None) or
                    _province_country(r, group), location[2])
    if location is None and head.type != STA:  # a speaker is not where the copy is filed
        location = _filed_from(d, r)
        if location is not None and not any(_on_own_ground(r, c, location[1], doer)
                                            for c in group):
            location = None
    basis = None
    if location is None and head.type in (STA, SD):
        speaker = next(iter(_told_doers(group)), None) if head.type == STA else doer
        location = _seat(d, r, speaker, by_word=head.type == STA)
        basis = "seat" if location is not None else None
    tok = head.tok
    fig_idx: list[int] = []
    for c in group:
        for i in fig_sent.get(c.sent_i, []):
            if i not in fig_idx:
                fig_idx.append(i)
    typ, sub = _coded_type(group, r.actors[doer].kind if doer is not None else None)
    if typ in (PRO, RIOT) and sub != "mob violence":
        parts = _crowd_first(r, parts)
    if sub == "arrests" and not any(p.role == "actor1" for p in parts):
        agent = _arresting_forces(r, location[1] if location else None)
        if agent is not None and all(p.actor != agent for p in parts):
            parts.insert(0, Participant(agent, "actor1"))
    sentences = sorted({(s.start_char, s.end_char) for s in (c.tok.sent for c in group)})
    return Event(
        type=typ, sub_type=sub, summary=_summary(r, head, parts, figures, fig_idx, location),
        trigger=tok.text, span=d.span(tok.idx, tok.idx + len(tok.text)), participants=parts,
        location=location[0] if location else None, country=location[1] if location else None,
        date=date, figures=fig_idx,
        fatalities=fatalities(figures, fig_idx) if typ in _VIOLENT | {RIOT, PRO} else None,
        sentences=sentences, place_basis=basis,
    )


def _province_country(r: Resolved, group: list[_Cand]) -> str | None:
    """The one country of the provinces and countries the happening's sentences name ("fled
    their homes in Cabo Delgado after insurgents attacked the town of Palma": Mozambique;
    "the village of Solhan in northern Burkina Faso")."""
    countries = {r.locations[r.place_at[t.i]].country for c in group for t in c.tok.sent
                 if t.i in r.place_at and r.locations[r.place_at[t.i]].kind in (
                     "admin1", "country") and not _whose(t)}
    countries.discard(None)
    return countries.pop() if len(countries) == 1 else None


_PLACE_HEADS = _SETTLEMENTS | {"state", "border", "capital", "governorate", "territory"}


def _whose(t) -> bool:
    """A country naming whose people or things are meant ("spoke to U.S. troops at Yokota"),
    not where: no place of the happening."""
    root = t
    while root.dep_ == "compound" and root.head.pos_ == "PROPN" and root.head.i != root.i:
        root = root.head  # "the United States Army"
    return root.dep_ in ("compound", "amod", "poss") and root.head.pos_ == "NOUN" and \
        root.head.lemma_.lower() not in _PLACE_HEADS


def _arresting_forces(r: Resolved, country: str | None) -> int | None:
    """Who made an arrest the text tells without its agent ("Tamimi was arrested at her home
    in a pre-dawn raid"): ACLED codes the state forces that arrest, and the article names
    them elsewhere ("Israeli troops"). The document's forces of the place's country, police
    before the military, the most mentioned first; with no place, or none of its forces
    named (Israeli troops arresting in the West Bank), its forces when they are all of one
    country."""
    branch = r.forces()
    forces = [i for i in branch if r.actors[i].mentions]
    local = [i for i in forces if r.actors[i].country == country] if country else []
    if local:
        forces = local
    elif len({r.actors[i].country for i in forces}) != 1:
        return None
    if not forces:
        return None
    return max(forces, key=lambda i: (branch[i] == "police", len(r.actors[i].mentions), -i))


def _participants(r: Resolved, group: list[_Cand]) -> list[Participant]:
    """The first actor told doing it is actor1; any other doer in the same happening is
    associated with it (ACLED's assoc_actor_1); then the others and the sources; a news
    outlet is always a source."""
    parts: list[Participant] = []

    def add(actor: int | None, role: str) -> None:
        if actor is None:
            return
        if r.actors[actor].kind == "media":
            role = "source"
        if all(p.actor != actor for p in parts):
            parts.append(Participant(actor, role))

    doers = _told_doers(group)
    state = _state_of_official(r, doers[0]) if doers and group[0].type == STA else None
    if state is not None:  # "South Korean President Moon Jae-in said": South Korea's word,
        doers.insert(0, state)  # Moon its associate (ACLED's "Government of South Korea")
    for i, a in enumerate(doers):
        add(a, "actor1" if i == 0 else "assoc")
    for c in group:
        for a, role in c.others:
            add(a, role)
        for a in c.sources:
            add(a, "source")
    return parts


def _told_doers(group: list[_Cand]) -> list[int]:
    """Who did it, as each mention tells it, the surest mentions first."""
    return [c.actor1 for c in sorted(group, key=lambda c: c.weak) if c.actor1 is not None]


def _group_date(d: Document, group: list[_Cand], floor) -> DateRef | None:
    """The narrowest date a mention of the happening gives (its own dates first); with
    none, the week before publication (or the latest day the copy dates ahead of it)."""
    dated = [c.date for c in group if c.own_date] or [c.date for c in group if c.date]
    date = min(dated, key=_width) if dated else None
    if date is None and d.published:
        date = dates.publication_week(d.published)
        if floor is not None:
            date = DateRef(floor.start, floor.start, "week", "")
    return date


def _seat(d: Document, r: Resolved, actor: int | None, by_word: bool):
    """Where a state (or a body or an office-holder of one) speaks or acts when the text
    does not say. What it says (``by_word``: statements, decisions) is said at its capital,
    the seat a coder gives a government's word ("North Korea said", "South Korea's Foreign
    Ministry said", "U.S. Secretary of State Rex Tillerson said"); what it does at a site
    the text does not give ("South Korea seized a vessel", "agreed to hold talks") is at its
    capital when the text names it ("Pyongyang fired"), else in its country, no town made
    up. Either is marked an assumed seat (``Event.place_basis``; geo precision 3 in the ACLED
    export). Violence is never placed so."""
    from .locations import capital, country_name

    if actor is None:
        return None
    doer = r.actors[actor]
    if doer.kind == "state":
        country = doer.country
    elif doer.kind == "organisation":
        country = state_body_of(doer.name, doer.country)
    elif doer.kind == "person":  # "Russia's envoy" speaks where posted, not at home
        country = None if _introduced(d, doer, _ENVOY, _ENVOY_AFTER) else doer.country
    else:
        return None
    seat = capital(country)
    if seat is not None and (by_word or _named_in_text(r, seat.name, actor)):
        return seat.name, seat.country, seat.kind
    return (country_name(country), country, "country") if country else None


def _named_in_text(r: Resolved, name: str, actor: int) -> bool:
    """Whether the text names a capital, as a place or as its state ("Pyongyang fired"):
    then a deed of its government at a site untold is placed there, no town made up."""
    return any(loc.name == name for loc in r.locations) or name in r.actors[actor].aliases


_ENVOY = re.compile(r"\b(envoy|ambassador)\b[^.,]{0,25}$", re.I)
_ENVOY_AFTER = re.compile(r"\s*,\s*[^,.;]{0,30}?\b(envoy|ambassador)\b", re.I)


def _summary(r: Resolved, head: _Cand, parts, figures, fig_idx, location) -> str:
    """"Taleban seized (Kalafgan)": who, the trigger, whom, where."""
    who = r.actors[head.actor1].name if head.actor1 is not None else ""
    if not who and fig_idx:
        f = figures[fig_idx[0]]
        who = f"{f.text} {f.counted}".strip()
    obj = next((r.actors[p.actor].name for p in parts if p.role == "actor2"), "")
    summary = " ".join(x for x in (who, head.tok.text, obj) if x)
    if location:
        summary += f" ({location[0]})"
    return summary


def fatalities(figures: Sequence[Count], linked: list[int]) -> Fatalities | None:
    """The toll of an event from the death counts told with it. Parts of a count ("20
    children among the 32 dead") and much smaller counts of other groups ("two attackers
    shot dead" beside "six killed") are not reports of the toll; of the reports that are
    (within a factor 1.5 of the largest: "more than 70", "73"), ``best`` and ``low`` are the
    lowest and ``high`` the highest. A count told in parts ("three soldiers and five
    militants were killed") is one report: eight."""
    tolls = [i for i in linked if figures[i].category == "deaths" and figures[i].part_of is None
             and figures[i].qualifier != "at_most"]
    if not tolls:
        return None
    reports: dict[int, list[int]] = {}  # a count told in parts is one report, their sum
    for i in tolls:
        first = figures[i].adds_to
        reports.setdefault(first if first in tolls else i, []).append(i)
    value = {r: sum(figures[i].value for i in parts) for r, parts in reports.items()}
    top = max(value.values())
    same = [r for r in reports if value[r] * 1.5 >= top]
    values = [value[r] for r in same]
    return Fatalities(low=min(values), best=min(values), high=max(values),
                      figures=sorted(i for r in same for i in reports[r]))


# An event that ends this long before its article was published is recalled background (last
# month's offensive), not what the article reports; so is one dated only to a year, and a
# statement dated only to a month: what is said today is told as said, what the copy dates
# "earlier this month" or "in August" is recalled.
BACKGROUND_DAYS = 14


def is_background(date_end: str | None, precision: str | None, published: str | None,
                  event_type: str | None = None) -> bool:
    """Whether an event is background to its article: an ACLED coder codes it from its own
    reports, not from a later article that recalls it (the gold leaves it out too)."""
    if not published or not date_end:
        return False
    if precision == "month" and (event_type == STA or date_end[:7] < published[:7]):
        return True  # "earlier this month Trump warned", a happening "in August" told in
        # September: recalled, as one dated only to a year is
    return _long_ago(date_end, precision, published)


def _long_ago(date_end: str, precision: str | None, published: str) -> bool:
    """Dated only to a year, or ended ``BACKGROUND_DAYS`` before publication."""
    if precision == "year":
        return True
    cutoff = dt.date.fromisoformat(published[:10]) - dt.timedelta(days=BACKGROUND_DAYS)
    return date_end < cutoff.isoformat()
