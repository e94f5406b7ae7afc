"""Counts of people (and a few things) with their qualifier and category.

A figure is a number (digits, words, or a vague word like "hundreds") attached to a counted
noun by the parse (``nummod``, "hundreds *of* Afghans") or, with no noun, the subject/object
of a casualty verb ("killed 84"). Numbers inside dates, times, money, percentages, ordinals,
ages ("a 31-year-old"), units and proper names are not figures. The category comes from the
counted noun's lemma; casualty verbs override it for people ("two babies had died" ->
deaths). Qualifiers follow analysts' coding: "more than/over/at least" -> at_least,
"up to/fewer than/less than/under" -> at_most, "about/some/almost/nearly" -> approx; vague
words are lower bounds ("hundreds" = 100 at_least).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

from . import data
from .document import Document, ents_of, lowers_of, tokens_of
from .model import DateRef, Figure

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# vague words: value, qualifier
_VAGUE = {
    "dozen": (12, "approx"), "dozens": (12, "at_least"), "scores": (20, "at_least"),
    "hundreds": (100, "at_least"), "thousands": (1000, "at_least"),
    "millions": (1_000_000, "at_least"), "several": (3, "at_least"),
    "tens of thousands": (10_000, "at_least"), "hundreds of thousands": (100_000, "at_least"),
    "a dozen": (12, "approx"), "a handful": (3, "approx"), "a couple": (2, "approx"),
    "a hundred": (100, "approx"), "a thousand": (1000, "approx"), "a pair": (2, "exact"),
}
_QUALIFIERS = [
    (r"more than|over|at least|upwards of|in excess of|no fewer than|no less than|"
     r"a minimum of|as many as|some \d[\d,]* plus", "at_least"),
    (r"up to|fewer than|less than|under|at most|a maximum of|no more than|below", "at_most"),
    (r"about|some|around|roughly|approximately|almost|nearly|close to|an estimated|"
     r"estimated|approx\.?|circa|just over|just under|more or less|or so", "approx"),
]
_QUAL_RX = [(re.compile(rf"^(?:{rx})\b\s*", re.I), q) for rx, q in _QUALIFIERS]

_WORDS = data.load_json("figure_words.json")  # documented there
# counted-noun lemma -> category
CATEGORIES: dict[str, str] = {w: cat for cat, words in _WORDS["categories"].items()
                              for w in words}
_VERB_OVERRIDE: dict[str, str] = _WORDS["verb_overrides"]
_OF_NOUNS: dict[str, str] = _WORDS["of_nouns"]
_FREED = data.words("figure_words.json", "freed")
_OVERRIDABLE = {"children", "people", "civilians", "refugees", "troops", "police",
                "combatants", "idps", "suspects", None}
_NOT_COUNTED = data.words("figure_words.json", "not_counted")
_SKIP_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY", "LAW", "PRODUCT",
                "WORK_OF_ART", "EVENT", "FAC", "GPE", "ORG", "PERSON", "LOC"}
_AGE = re.compile(r"^\s*-?\s*(year|month|week|day)s?[-\s]old|^\s*-\s*(year|month|day|hour)\b",
                  re.I)
_DATE_LIKE_COUNT = re.compile(r"(?:[Bb]etween )?\d[\d,]*\s*(?:and|to|-|\u2013)\s*\d[\d,]*")
_INCLUDE = re.compile(r"\b(including|included|includes|include|among them|among whom|"
                      r"of whom|of them|of which)\b", re.I)


def words_to_int(text: str) -> int | None:
    """"twenty-one" -> 21, "1,000" -> 1000, "1.5 million" -> 1500000, "two" -> 2."""
    s = text.lower().replace(",", "").replace("-", " ").strip()
    s = re.sub(r"\band\b", " ", s)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion|m|bn|k)?", s)
    if m:
        scale = {"m": 1_000_000, "bn": 1_000_000_000, "k": 1000, None: 1}.get(m.group(2))
        scale = scale or _SCALES[m.group(2)]
        return round(float(m.group(1)) * scale)
    total = current = 0
    seen = False
    for w in s.split():
        if w in ("a", "an") and not seen:
            current = 1
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
        elif re.fullmatch(r"\d+(\.\d+)?", w):
            current += int(float(w))
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> tuple[int, str, int | None, int | None] | None:
    """(value, qualifier, low, high) for the number part of a figure."""
    s = re.sub(r"\s+", " ", text.strip().lower())
    qualifier = "exact"
    for rx, q in _QUAL_RX:
        m = rx.match(s)
        if m:
            qualifier, s = q, s[m.end():]
            break
    m = re.fullmatch(r"(?:between )?(.+?)\s*(?:and|to|-|\u2013)\s*(.+)", s)
    if m and qualifier == "exact":
        low, high = words_to_int(m.group(1)), words_to_int(m.group(2))
        if low is not None and high is not None and low < high:
            return low, "range", low, high
    if s in _VAGUE:
        value, vq = _VAGUE[s]
        return value, (qualifier if qualifier != "exact" else vq), None, None
    number = words_to_int(s)
    if number is None:
        return None
    return number, qualifier, None, None


def _leading_qualifier(doc, start_tok: int) -> int:
    """Extend a number span left over qualifier words the NER left out."""
    best = start_tok
    for n in (3, 2, 1):
        i = start_tok - n
        if i < 0:
            continue
        phrase = doc[i:start_tok].text.lower()
        if any(rx.fullmatch(phrase + " ") or ((m := rx.match(phrase + " ")) and
               m.end() == len(phrase) + 1) for rx, _ in _QUAL_RX):
            best = i
            break
    return best


@functools.lru_cache(maxsize=4096)
def _may_start_vague(low: str) -> bool:
    return any(phrase.startswith(low) for phrase in _VAGUE)


def _number_spans(d: Document):
    """Token ranges that hold a number: CARDINAL entities, loose numerals, vague words."""
    doc = d.doc
    taken: set[int] = set()
    spans = []
    for ent in ents_of(doc):
        # the NER calls "Between 10 and 20 (civilians)" a DATE
        if ent.label_ == "CARDINAL" or (ent.label_ == "DATE" and _DATE_LIKE_COUNT.fullmatch(
                ent.text) and any(t.dep_ == "nummod" for t in ent)):
            spans.append((ent.start, ent.end))
        taken.update(range(ent.start, ent.end))
    tokens, lowers = tokens_of(doc), lowers_of(doc)
    size = len(tokens)
    i = 0
    while i < size:
        if i in taken:
            i += 1
            continue
        low = lowers[i]
        if _may_start_vague(low):  # a phrase of _VAGUE begins with the token's text
            three = doc[i:i + 3].text.lower() if i + 2 < size else ""
            two = doc[i:i + 2].text.lower() if i + 1 < size else ""
            if three in _VAGUE:
                spans.append((i, i + 3))
                i += 3
                continue
            if two in _VAGUE and two.startswith("a ") and i + 2 < size and \
                    lowers[i + 2] == "of":
                spans.append((i, i + 2))  # "a pair of soldiers", "a dozen of them"
                i += 2
                continue
        tok = tokens[i]
        if (tok.like_num and tok.pos_ == "NUM") or low in ("dozens", "hundreds", "thousands",
                                                            "scores", "several", "millions"):
            j = i + 1
            while j < size and j not in taken and (tokens[j].like_num or lowers[j] in
                                                   ("hundred", "thousand", "million")):
                j += 1
            spans.append((i, j))
            i = j
            continue
        i += 1
    return sorted(spans)


def _counted_noun(num_tok):
    """The noun a number counts, or None."""
    tok = num_tok
    if tok.dep_ in ("nummod", "quantmod", "amod", "compound") and tok.head.pos_ in ("NOUN",
                                                                                   "PROPN"):
        head = tok.head
        while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        return head
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for gc in child.children:
                if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN"):
                    return gc
    return None


def _counted_text(noun) -> tuple[int, int]:
    """Char range of the counted phrase: the noun with its compound/adjective modifiers."""
    start = noun.idx
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod") and child.i == noun.i - (noun.i - child.i) and \
                child.pos_ != "NUM" and not child.like_num:
            start = min(start, child.idx)
            break
    return start, noun.idx + len(noun.text)


def _governing_verb(tok):
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX") or anc.lemma_ in ("dead", "injured", "wounded"):
            return anc
    return None


def _category(noun, num_tok, d: Document) -> str | None:
    """What a number counts: the noun's category, unless its sentence says more ("84
    dead", "three Tunisians were among the 84 killed", "21 girls freed", "took into
    custody"). Each step below returns a category, or None to let the next one decide."""
    cat = _noun_category(noun)
    if cat == "weapons":
        return cat
    anchor = noun if noun is not None else num_tok
    verb0 = _governing_verb(anchor)
    freed = _freed(noun, verb0)
    of_noun = _of_noun_category(noun, cat)
    if of_noun is not None:
        return of_noun
    subj = anchor
    while subj.dep_ == "conj" and subj.head.i != subj.i:
        subj = subj.head
    said = _state_category(verb0, subj, cat) or _modifier_category(anchor, num_tok, cat, freed)
    if said is not None:
        return said
    if freed:
        return cat
    by_verb = _verb_category(anchor, noun, cat)
    if by_verb is not None:
        return by_verb
    if noun is None:
        toll = [a for a in num_tok.ancestors if a.lemma_ == "toll"]
        if toll or any(c.lemma_ == "toll" for a in num_tok.ancestors for c in a.children):
            return "deaths"
    return cat


def _noun_category(noun) -> str | None:
    """The counted noun's own category; a plural demonym ("Tunisians") counts people."""
    if noun is None:
        return None
    cat = CATEGORIES.get(noun.lower_) or CATEGORIES.get(noun.lemma_.lower())
    if cat is None:
        from .locations import demonym_country

        if demonym_country(noun.text) and noun.text.endswith("s"):
            cat = "people"
    return cat


def _freed(noun, verb0) -> bool:
    """Counted as released ("freed 21 girls", "the release of 82 girls")."""
    if verb0 is not None and verb0.lemma_.lower() in _FREED:
        return True
    if noun is None:
        return False
    if noun.head.lemma_.lower() in ("release", "freedom", "return") and noun.head.lower_ != "of":
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
        noun.head.head.lemma_.lower() in ("release", "freedom", "return")


def _of_noun_category(noun, cat: str | None) -> str | None:
    """"the deaths of 84 people": the noun before "of" says what is counted."""
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and \
            noun.head.head.lemma_.lower() in _OF_NOUNS and cat in _OVERRIDABLE:
        return _OF_NOUNS[noun.head.head.lemma_.lower()]
    return None


def _state_category(verb0, subj, cat: str | None) -> str | None:
    """"70 people are dead", "left 70 people dead", "three Tunisians were among the 84
    people killed", "20 are in custody"."""
    if verb0 is None:
        return None
    if subj.dep_ in ("nsubj", "dobj", "nsubjpass"):
        for c in verb0.children:
            if c.dep_ in ("acomp", "oprd") and c.lower_ in ("dead", "killed"):
                return "deaths"
            if c.dep_ in ("acomp", "oprd") and c.lower_ in ("injured", "wounded"):
                return "injured"
    if verb0.lemma_ != "be" or subj.dep_ != "nsubj":
        return None
    for c in verb0.children:
        if c.dep_ == "prep" and c.lower_ == "among" and any(
                t.lemma_.lower() in ("kill", "dead", "die", "victim", "death")
                for t in c.subtree) and cat in _OVERRIDABLE:
            return "deaths"
        if c.dep_ == "prep" and c.lower_ in ("in", "under") and any(
                t.lemma_.lower() in ("detention", "custody") for t in c.children):
            return "detained"
    return None


def _modifier_category(anchor, num_tok, cat: str | None, freed: bool) -> str | None:
    """Adjectival and participle modifiers right after: "84 dead", "21 girls kidnapped"."""
    for child in list(anchor.children) + list(num_tok.children):
        if freed and child.dep_ in ("acl", "relcl"):
            continue
        if child.dep_ == "amod" and child.lower_ in ("imprisoned", "detained", "jailed",
                                                     "arrested") and cat in _OVERRIDABLE:
            return "detained"
        if child.dep_ in ("amod", "acl", "relcl") and child.lemma_.lower() in _VERB_OVERRIDE \
                and cat in _OVERRIDABLE:
            if child.lemma_.lower() == "capture" and cat in ("children", "civilians"):
                return "abducted"
            return _VERB_OVERRIDE[child.lemma_.lower()]
        if child.lower_ in ("dead", "killed"):
            return "deaths"
        if child.lower_ in ("injured", "wounded", "hurt"):
            return "injured"
    return None


def _verb_category(anchor, noun, cat: str | None) -> str | None:
    """The verb that governs the count: "killed 30 people", "took the two occupants into
    custody", "captured 12 children"."""
    verb = _governing_verb(anchor)
    if verb is None or cat not in _OVERRIDABLE or anchor.dep_ not in (
            "nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT"):
        return None
    vl = verb.lemma_.lower()
    if vl == "take" and any(c.dep_ == "prep" and c.lower_ == "into" and any(
            g.lemma_ == "custody" for g in c.children) for c in verb.children):
        return "detained"
    if vl in _VERB_OVERRIDE and (noun is None or cat is not None or
                                 noun.lemma_.lower() in _SINGLE_NOUNS):
        if vl == "capture" and cat in ("children", "civilians"):
            return "abducted"
        return _VERB_OVERRIDE[vl]
    return None


def extract_figures(d: Document, date_of_sentence: Callable[[int], DateRef | None],
                    place_of_sentence: Callable[[int, int], str | None]) -> list[Figure]:
    """All figures, in document order, with ``part_of`` links set."""
    doc, text = d.doc, d.text
    figures: list[Figure] = []
    meta: list[tuple[int, object]] = []  # (sentence index, governing verb)
    for start, end in _number_spans(d):
        span = doc[start:end]
        if d.is_quiet(span.start_char) or not span.text.strip():
            continue
        num_tok = span[-1] if span[-1].like_num or span[-1].lower_ in _VAGUE else span.root
        num_tok = next((t for t in span if t.dep_ == "nummod"), num_tok)
        if _not_a_count(d, span, num_tok):
            continue
        found = _counted_figure(d, start, end, num_tok, date_of_sentence, place_of_sentence)
        if found is not None:
            figures.append(found[0])
            meta.append(found[1])
    for noun, verb, category in _single_casualties(d):
        c_start, c_end = _counted_text(noun)
        det = next(c for c in noun.children if c.dep_ in ("det", "predet", "preconj")
                   and c.lower_ in ("a", "an", "both"))
        sent_i = d.sentence_index(det.idx)
        figures.append(Figure(
            value=2 if det.lower_ == "both" else 1, text=det.text, qualifier="exact",
            category=category,
            counted=text[c_start:c_end], span=d.span(min(det.idx, c_start), c_end),
            location=place_of_sentence(sent_i, det.i), date=date_of_sentence(sent_i)))
        meta.append((sent_i, verb))
    order = sorted(range(len(figures)), key=lambda i: figures[i].span.start)
    figures[:] = [figures[i] for i in order]
    meta[:] = [meta[i] for i in order]
    _link_parts(figures, meta, text)
    return figures


def _not_a_count(d: Document, span, num_tok) -> bool:
    """A number that counts nothing: a time, a year, an ordinal, an age, a percentage,
    a rank ("#1", "No. 5"), "one of", part of a name ("Apollo 11")."""
    doc, text = d.doc, d.text
    if re.search(r"\d[/:]\d|^\d{4}$|\d(st|nd|rd|th)\b", span.text) and (
            not re.fullmatch(r"\d{4}", span.text) or num_tok.head.lower_ != "people"):
        return True
    after = text[span.end_char:span.end_char + 14]
    before = text[max(0, span.start_char - 2):span.start_char]
    if _AGE.match(after) or re.match(r"\s*(%|per ?cent|percent)", after, re.I):
        return True
    if "#" in before or re.search(r"No\.\s*$", text[max(0, span.start_char - 4):
                                                     span.start_char]):
        return True
    if num_tok.lower_ == "one" and num_tok.nbor(1).lower_ == "of" if num_tok.i + 1 < len(
            doc) else False:
        return True
    if num_tok.dep_ == "compound" and num_tok.head.pos_ == "PROPN":
        return True
    return num_tok.i > 0 and doc[num_tok.i - 1].pos_ == "PROPN" and num_tok.dep_ in (
        "nummod", "appos", "npadvmod") and num_tok.head.pos_ == "PROPN"  # "Apollo 11"


def _counted_figure(d: Document, start: int, end: int, num_tok, date_of_sentence,
                    place_of_sentence) -> tuple[Figure, tuple[int, object]] | None:
    """The figure a number is, with its (sentence index, governing verb); None when it
    counts nothing tracked (a price, one woman)."""
    doc, text = d.doc, d.text
    start_tok = _leading_qualifier(doc, start)
    number_text = doc[start_tok:end].text
    parsed = parse_number(number_text)
    if parsed is None:
        return None
    value, qualifier, low, high = parsed
    noun = _counted_noun(num_tok)
    if noun is not None and (noun.lemma_.lower() in _NOT_COUNTED or
                             noun.lower_ in _NOT_COUNTED):
        return None
    if noun is not None and noun.ent_type_ in _SKIP_LABELS - {"GPE", "ORG", "PERSON"}:
        return None
    category = _category(noun, num_tok, d)
    if category is None:
        return None  # a count of something that is neither people nor a tracked thing
    if value < 2 and category not in ("deaths", "injured", "detained", "abducted"):
        return None  # "one woman", "a man": a person, not a figure
    span_end = doc[start:end].end_char
    if noun is not None:
        c_start, c_end = _counted_text(noun)
        counted = text[c_start:c_end]
        s_start, s_end = min(doc[start_tok].idx, c_start), max(span_end, c_end)
    else:
        counted = ""
        s_start, s_end = doc[start_tok].idx, span_end
    sent_i = d.sentence_index(s_start)
    fig = Figure(
        value=value, text=number_text, qualifier=qualifier, category=category,
        counted=counted, span=d.span(s_start, s_end), low=low, high=high,
        location=place_of_sentence(sent_i, num_tok.i), date=date_of_sentence(sent_i),
    )
    return fig, (sent_i, _governing_verb(noun if noun is not None else num_tok))


# "killed a Taliban leader", "an insurgent was detained", "both men were detained" (two):
# one fighter killed or held is a
# count of one, like "one insurgent", as operational reports tally them; "a woman was
# killed" stays a person, not a figure (as "one woman" does), except when held ("an
# individual was detained": a detention count)
_SINGLE_VERBS = {"kill": "deaths", "murder": "deaths", "execute": "deaths",
                 "detain": "detained", "arrest": "detained", "capture": "detained"}
_SINGLE_NOUNS = {"leader", "commander", "facilitator", "member", "official", "associate",
                 "operative", "financier", "courier", "bomber", "sniper"}
_SINGLE_CATS = {"combatants", "suspects"}


def _single_casualties(d: Document):
    tokens = tokens_of(d.doc)
    for i, low in enumerate(lowers_of(d.doc)):
        if low not in ("a", "an", "both"):
            continue
        tok = tokens[i]
        if d.is_quiet(tok.idx) or tok.dep_ not in ("det", "predet", "preconj"):
            continue
        noun = tok.head
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or noun.tag_ != ("NNS" if tok.lower_ == "both" else "NN"):
            continue
        part = CATEGORIES.get(lemma) is not None and _beside_a_count(noun)
        held_only = CATEGORIES.get(lemma) == "people" and not part
        if not (held_only or part or lemma in _SINGLE_NOUNS or
                CATEGORIES.get(lemma) in _SINGLE_CATS):
            continue
        if any(c.like_num for c in noun.children):
            continue
        head = noun
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        verb = head.head
        category = _single_category(head, verb, part)
        if category is None or (held_only and category != "detained"):
            continue
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ == "to")
               for c in verb.children):
            continue  # "an operation to detain a commander": the aim, not the result
        yield noun, verb, category


def _beside_a_count(noun) -> bool:
    """"a soldier and two civilians", "three policemen and a civilian": one person listed
    with a count of others is a part of that count's toll."""
    nouns = [noun, *(c for c in noun.children if c.dep_ == "conj")]
    if noun.dep_ == "conj":
        nouns.append(noun.head)
    return any(c.dep_ == "nummod" for n in nouns if n.i != noun.i for c in n.children)


def _single_category(noun, verb, part: bool) -> str | None:
    """What one person's count counts, by the verb told of them (None: no count): "killed",
    "detained", "captured" (children and civilians: abducted); "died" only of a part
    ("three policemen and a civilian died")."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if part and lemma == "die" and noun.dep_ == "nsubj":
        return "deaths"
    if noun.dep_ not in ("dobj", "nsubjpass") or lemma not in _SINGLE_VERBS:
        return None
    if lemma == "capture" and CATEGORIES.get(noun.lemma_.lower()) in ("children", "civilians"):
        return "abducted"
    return _SINGLE_VERBS[lemma]


_PEOPLE_CATS = {"refugees", "idps", "people", "civilians", "children"}


def _link_parts(figures: list[Figure], meta, text: str) -> None:
    """Set ``part_of`` when figures split an earlier one (64 boys + 113 girls = 177 minors)."""
    by_sent: dict[int, list[int]] = {}
    for i, (s, _v) in enumerate(meta):
        by_sent.setdefault(s, []).append(i)
    for idxs in by_sent.values():
        _link_sums(figures, idxs)
        _link_including(figures, idxs, text)
    _link_included(figures, meta)
    for idxs in by_sent.values():
        _link_joined(figures, idxs, text)
    _link_also(figures, meta)


# what joins the parts of one count: "three soldiers and five militants", "two police, a
# soldier and a civilian", "12 soldiers as well as four attackers"
_JOINED = re.compile(r"\s*(?:,|,?\s*(?:and|as well as|plus))\s*")


def _link_also(figures: list[Figure], meta) -> None:
    """"12 soldiers were killed ... Five attackers were also killed": a count its verb says
    is "also" so adds to the count of its kind told just before (in its sentence or the one
    before); whether both are one event's is the event's to say (``events.fatalities``)."""
    for i, (s, verb) in enumerate(meta):
        f = figures[i]
        if f.part_of is not None or f.adds_to is not None or verb is None or not any(
                c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children):
            continue
        before = next((j for j in range(i - 1, -1, -1) if figures[j].category == f.category
                       and figures[j].part_of is None), None)
        if before is not None and s - meta[before][0] <= 1:
            first = figures[before].adds_to
            f.adds_to = before if first is None else first


def _link_joined(figures: list[Figure], idxs: list[int], text: str) -> None:
    """Figures of one kind a sentence lists one after another, with nothing between them
    but "and" or a comma, are one count told in parts: each later one adds to the first."""
    first = None
    for a, b in itertools.pairwise(idxs):
        fa, fb = figures[a], figures[b]
        if fa.part_of is None and fb.part_of is None and fa.category == fb.category and \
                _JOINED.fullmatch(text[fa.span.end:fb.span.start]):
            first = a if first is None else first
            fb.adds_to = first
        else:
            first = None


def _link_sums(figures: list[Figure], idxs: list[int]) -> None:
    """Several same-category figures of a sentence adding up to an earlier figure."""
    cats: dict[str, list[int]] = {}
    for i in idxs:
        cats.setdefault(figures[i].category, []).append(i)
    for cat, group in cats.items():
        if len(group) < 2:
            continue
        total = sum(figures[i].value for i in group)
        for j in range(group[0] - 1, -1, -1):
            f = figures[j]
            if f.value == total and (f.category == cat or f.category in _PEOPLE_CATS):
                for i in group:
                    figures[i].part_of = j
                break


def _link_including(figures: list[Figure], idxs: list[int], text: str) -> None:
    """"X, including Y": a later figure of the sentence after an "including" word."""
    for a, b in itertools.pairwise(idxs):
        between = text[figures[a].span.end:figures[b].span.start]
        if figures[b].part_of is None and _INCLUDE.search(between) and (
                figures[b].value < figures[a].value or figures[a].qualifier == "at_least"):
            figures[b].part_of = a
            if figures[a].category in ("deaths", "injured", "abducted") and \
                    figures[b].category in _PEOPLE_CATS:
                figures[b].category = figures[a].category  # "killing dozens including 59"


def _link_included(figures: list[Figure], meta) -> None:
    """"those fleeing included 177 minors": an "include" figure splits the previous total."""
    for i, (s, verb) in enumerate(meta):
        f = figures[i]
        if f.part_of is not None or verb is None or verb.lemma_ != "include":
            continue
        if any(meta[j][0] == s for j in range(i)):
            continue
        for j in range(i - 1, -1, -1):
            g = figures[j]
            if g.value > f.value and g.category in _PEOPLE_CATS and g.part_of is None:
                f.part_of = j
                break
