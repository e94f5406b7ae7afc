"""Score the extractor against hand-made gold: ``python -m extract.evaluate [--json FILE]``.

Data (all under ``tests/data``, nothing read from elsewhere):

* ``articles/*.json`` + ``gold/*.json``: real news articles and their hand annotation (see
  ``tests/data/README.md`` for the format). Each gold file says ``split``: ``dev`` (rules
  were tuned looking at these) or ``heldout`` (only scored). Both halves are reported.
* ``eval/isaf_dev.jsonl``: ISAF press releases with the annotators' event date, minimum
  killed / captured and province.
* ``eval/wikievents_dev.jsonl``: conflict news with gold entity mentions (head words).

Matching, per article (micro-averaged over articles):

* **Figures**: the distinct ``(value, category)`` pairs of the prediction against those of the
  gold. A figure matches when value and category are equal within the same article (a
  range's value is its low end). Repeated mentions of one figure count once.
* **Actors**: one-to-one, greedy in gold order. A predicted actor matches a gold actor when
  any of its forms (name or alias) denotes the gold name or one of its aliases after alias
  merging (``extract.aliases.same_actor``: normalisation, curated alias groups, acronyms,
  rapidfuzz), and its kind is the gold kind (a gold actor may list two kinds where the
  codebook is ambiguous, e.g. a ministry of defence). Every predicted actor is scored, so
  two unmerged actors for one gold actor cost precision.
* **Events**: one-to-one, greedy: same ``type`` and same ``date_start``. Gold lists the
  happenings an article reports as news; recalled background is not gold, so predicted
  events dated more than 14 days before publication, or only to a year, are left out of
  the score (both sides). An event the text does not date takes the publication date.
  ``date exact`` is, among predicted/gold pairs matched on type alone, the share whose
  ``date_start`` is equal.
* **Baseline**: spaCy's raw entities over the same text: PERSON -> person, ORG ->
  organisation, GPE -> state, NORP -> civilians as actors; CARDINAL numbers, with the
  category of their head noun from ``extract.figures.CATEGORIES`` (else "other"), as
  figures; one event per sentence holding a trigger verb of ``extract.events.VERBS``,
  dated by the sentence's first DATE entity.

ISAF releases: the event date is the ``date_start`` of the first violent or strategic event
(else the first event); exact match with gold ``start_date``. Killed = the largest
``deaths`` figure of the release, captured = the largest ``detained`` figure (the maximum,
not the sum: releases restate the same count). "Explicit" counts are those whose gold
number is written in the text (as digits or a number word) rather than inferred from
"several"/"numerous"; "found" means our value equals the gold minimum. Province: any
admin1 location of the release equals the gold province.

WikiEvents: a gold PER/ORG/GPE mention is found when a predicted actor or location mention
overlaps its head word; precision is over predicted mentions overlapping any gold entity.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import extract
from .aliases import normalise, same_actor
from .events import is_background

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
_SPACY_KIND = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "civilians"}
_NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                 "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                 "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_VIOLENT = ("battles", "explosions_remote_violence", "violence_against_civilians",
            "strategic_developments", "riots", "protests")


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, n_pred: int, n_gold: int) -> None:
        self.tp += tp
        self.fp += n_pred - tp
        self.fn += n_gold - tp

    def prf(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


# --- loading ------------------------------------------------------------------------------

def load_gold(data: Path = DATA) -> list[tuple[dict, dict]]:
    """(gold, article) pairs, sorted by file name."""
    out = []
    for path in sorted((data / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = json.loads((data / "articles" / gold["article"]).read_text(encoding="utf-8"))
        out.append((gold, article))
    return out


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# --- prediction in the scored shape ---------------------------------------------------------

def predict(text: str, published: str | None) -> dict[str, Any]:
    """The extractor's output reduced to what the gold describes."""
    x = extract(text, published)
    return {
        "figures": [(f.value, f.category) for f in x.figures],
        "actors": [(a.name, list(a.aliases), a.kind) for a in x.actors],
        "events": [_coded(x, e) for e in x.events],
        "published": x.published,
        "extraction": x,
    }


def _coded(x, e) -> dict:
    """An extracted event as a coder reads it: type, date window, place, actors, toll."""
    def names(role: str) -> list[tuple[str, list[str]]]:
        return [(x.actors[p.actor].name, list(x.actors[p.actor].aliases))
                for p in e.participants if p.role == role]

    return {"type": e.type, "sub_type": e.sub_type,
            "start": e.date.start if e.date else None, "end": e.date.end if e.date else None,
            "precision": e.date.precision if e.date else None,
            "location": e.location, "country": e.country,
            "actor1": names("actor1"), "actor2": names("actor2"),
            "fatalities": e.fatalities.best if e.fatalities else None}


def baseline(text: str, published: str | None) -> dict:
    """spaCy's raw entities, mapped as the module docstring says."""
    from . import dates, nlp
    from .events import VERBS
    from .figures import CATEGORIES, parse_number

    doc = nlp.load()(text)
    figures: list = []
    actors: list = []
    events: list = []
    for ent in doc.ents:
        if ent.label_ in _SPACY_KIND:
            actors.append((ent.text, [], _SPACY_KIND[ent.label_]))
        elif ent.label_ == "CARDINAL":
            parsed = parse_number(ent.text)
            if parsed is None:
                continue
            head = ent.root.head if ent.root.dep_ == "nummod" else ent.root
            figures.append((parsed[0], CATEGORIES.get(head.lemma_.lower(), "other")))
    pub = published[:10] if published else None
    for sent in doc.sents:
        trig = next((t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in VERBS), None)
        if trig is None:
            continue
        date = None
        for ent in sent.ents:
            if ent.label_ == "DATE" and pub:
                ref = dates.resolve(ent.text, pub)
                if ref is not None:
                    date = ref
                    break
        events.append({"type": VERBS[trig.lemma_.lower()][0],
                       "start": date.start if date else pub, "end": date.end if date else pub,
                       "precision": date.precision if date else "day", "location": None,
                       "country": None, "actor1": [], "actor2": [], "sub_type": None,
                       "fatalities": None})
    return {"figures": figures, "actors": actors, "events": events, "published": pub}


# --- matching ----------------------------------------------------------------------------

def match_figures(pred: list[tuple[int, str]], gold: list[dict[str, Any]]) -> tuple[int, int, int]:
    p = set(pred)
    g = {(f["value"], f["category"]) for f in gold}
    return len(p & g), len(p), len(g)


def _kinds(gold_actor) -> list[str]:
    k = gold_actor["kind"]
    return k if isinstance(k, list) else [k]


def match_actors(pred: list[tuple[str, list[str], str]], gold: list[dict[str, Any]]
                 ) -> tuple[int, int, int, list[str]]:
    used = set()
    tp = 0
    missed = []
    for g in gold:
        hit = None
        for i, (name, aliases, kind) in enumerate(pred):
            if i in used or kind not in _kinds(g):
                continue
            if same_actor(name, aliases, g["name"], g.get("aliases", [])):
                hit = i
                break
        if hit is None:
            missed.append(g["name"])
        else:
            used.add(hit)
            tp += 1
    return tp, len(pred), len(gold), missed


def _scored_events(events, published: str | None):
    """Leave out recalled background (``events.is_background``)."""
    if not published:
        return list(events)
    return [e for e in events
            if e["end"] and not is_background(e["end"], e["precision"], published,
                                              e.get("type"))]


def _gold_events(gold) -> list[dict]:
    return [{**e, "start": e["date_start"], "end": e.get("date_end") or e["date_start"],
             "precision": e.get("precision", "day")} for e in gold]


def _days(a: str, b: str) -> int:
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def date_ok(p: dict, g: dict) -> bool:
    """The predicted window holds the gold date, at a precision a coder accepts: a day or a
    week (ACLED's time precision 1 and 2), or no wider than the gold's own window."""
    if not p["start"]:
        return False
    start = p["start"]
    if p["precision"] == "week":  # "within the week up to this day"
        start = min(start, (dt.date.fromisoformat(p["end"]) - dt.timedelta(days=6)).isoformat())
    if not (start <= g["end"] and g["start"] <= p["end"]):
        return False
    return _days(start, p["end"]) <= max(6, _days(g["start"], g["end"]))


def _one_of(value) -> list:
    return value if isinstance(value, list) else [value]


def location_ok(p: dict, g: dict) -> bool:
    """Same place by name (or a listed variant) and country; a gold event whose text names
    no place accepts any."""
    want = g.get("location")
    if not want:
        return True
    if not p["location"]:
        return False
    names = {normalise(n).replace(" ", "") for n in [want["name"], *want.get("alt", [])]}
    if normalise(p["location"]).replace(" ", "") not in names:
        return False
    return not p["country"] or not want.get("country") or p["country"] == want["country"]


def _actors_ok(pred: list, gold) -> bool:
    """No gold actor: the prediction names none. Else one predicted actor is one of them."""
    if not gold:
        return not pred
    return any(same_actor(n, a, g, []) or _surname(n, g) for n, a in pred for g in _one_of(gold))


def _surname(pred: str, gold: str) -> bool:
    """"Dujarric" for "Stephane Dujarric": a person named by the surname alone."""
    words = normalise(gold).split()
    return len(words) > 1 and normalise(pred) == words[-1]


def actor1_ok(p: dict, g: dict) -> bool:
    return _actors_ok(p["actor1"], g.get("actor1"))


def strict_ok(p: dict, g: dict) -> bool:
    """An ACLED coder's match: type, date within its precision, place and actor1 agree."""
    return p["type"] == g["type"] and date_ok(p, g) and location_ok(p, g) and actor1_ok(p, g)


def typed_date_ok(p: dict, g: dict) -> bool:
    return p["type"] == g["type"] and date_ok(p, g)


def _greedy(pred, gold, same) -> list[tuple[int, int]]:
    used, pairs = set(), []
    for gi, g in enumerate(gold):
        for i, p in enumerate(pred):
            if i not in used and same(p, g):
                used.add(i)
                pairs.append((i, gi))
                break
    return pairs


def match_events(pred: list[dict[str, Any]], gold: list[dict[str, Any]],
                 published: str | None) -> dict[str, Any]:
    """Both event scores of one article, and how the matched pairs are coded."""
    pred = _scored_events(pred, published)
    gold = _scored_events(_gold_events(gold), published)
    strict = _greedy(pred, gold, strict_ok)
    dated = _greedy(pred, gold, typed_date_ok)
    typed = _greedy(pred, gold, lambda p, g: p["type"] == g["type"])
    exact = sum(pred[i]["start"] == gold[gi]["start"] for i, gi in typed)
    sub = sum(str(pred[i]["sub_type"]).lower() in {s.lower() for s in _one_of(gold[gi][
        "sub_type"])} for i, gi in dated if gold[gi].get("sub_type"))
    with_sub = sum(1 for _, gi in dated if gold[gi].get("sub_type"))
    a2 = sum(_actors_ok(pred[i]["actor2"], gold[gi].get("actor2")) for i, gi in dated)
    tolls = [gi for gi, g in enumerate(gold) if g.get("fatalities")]
    by_gold = {gi: i for i, gi in dated}
    toll_ok = sum(gi in by_gold and pred[by_gold[gi]]["fatalities"] ==
                  gold[gi]["fatalities"]["best"] for gi in tolls)
    return {"n_pred": len(pred), "n_gold": len(gold), "strict": len(strict),
            "typed_date": len(dated), "typed": len(typed), "date_exact": exact,
            "sub_type": sub, "with_sub_type": with_sub, "actor2": a2,
            "tolls": len(tolls), "tolls_exact": toll_ok,
            "missed": [g for gi, g in enumerate(gold) if gi not in {x for _, x in strict}],
            "extra": [p for i, p in enumerate(pred) if i not in {x for x, _ in strict}]}


# --- the three data sets ----------------------------------------------------------------

_COUNTS = ("typed", "date_exact", "sub_type", "with_sub_type", "actor2", "tolls",
           "tolls_exact")


def _share(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


def score_articles(data: Path = DATA, system: Callable[[str, str | None], dict[str, Any]] = predict,
                   verbose: bool = False,
                   splits_only: set[str] | None = None) -> dict:
    """Scores per split (and ``all``); an article whose gold ``scope`` leaves out figures or
    actors is scored on its events only. ``verbose`` prints each article's errors, but never
    a held-out article's (rules are tuned on ``dev`` alone)."""
    splits: dict[str, dict] = {}
    timings = []
    for gold, article in load_gold(data):
        if splits_only and gold["split"] not in splits_only:
            continue
        t0 = time.perf_counter()
        pred = system(article["text"], article.get("date_publish"))
        timings.append(time.perf_counter() - t0)
        published = pred["published"] or gold["published"]
        scope = set(gold.get("scope", ("figures", "actors", "events")))
        ev = match_events(pred["events"], gold["events"], published)
        for split in (gold["split"], "all"):
            s = splits.setdefault(split, {"figures": Score(), "actors": Score(),
                                          "strict": Score(), "events": Score(),
                                          "articles": 0, **dict.fromkeys(_COUNTS, 0)})
            s["articles"] += 1
            if "figures" in scope:
                s["figures"].add(*match_figures(pred["figures"], gold["figures"]))
            if "actors" in scope:
                tp, n_p, n_g, _missed = match_actors(pred["actors"], gold["actors"])
                s["actors"].add(tp, n_p, n_g)
            s["strict"].add(ev["strict"], ev["n_pred"], ev["n_gold"])
            s["events"].add(ev["typed_date"], ev["n_pred"], ev["n_gold"])
            for k in _COUNTS:
                s[k] += ev[k]
        if verbose and system is predict and gold["split"] != "heldout":
            _explain(gold, pred, published, ev)
    out: dict[str, Any] = {}
    for split, s in splits.items():
        out[split] = {
            "articles": s["articles"], "figures": s["figures"].prf(),
            "actors": s["actors"].prf(), "events": s["events"].prf(),
            "events_strict": s["strict"].prf(),
            "event_date_exact": _share(s["date_exact"], s["typed"]),
            "event_sub_type": _share(s["sub_type"], s["with_sub_type"]),
            "event_actor2": _share(s["actor2"], s["events"].tp),
            "fatalities_exact": _share(s["tolls_exact"], s["tolls"]),
            "fatalities_n": s["tolls"],
        }
    out["seconds_per_article"] = round(sum(timings) / max(len(timings), 1), 3)
    return out


def _show_event(e: dict, place, actor1, toll) -> str:
    return (f"{e['type'][:12]} {e.get('sub_type')} {e['start']}..{e['end']} "
            f"@{place} a1={actor1} toll={toll}")


def _explain(gold, pred, published, ev) -> None:
    p = set(pred["figures"])
    g = {(f["value"], f["category"]) for f in gold["figures"]}
    print(f"--- {gold['article'][:10]} {gold['story']} {gold['split']} pub {published}")
    scope = set(gold.get("scope", ("figures", "actors", "events")))
    if "figures" in scope and (p - g or g - p):
        print("  figures  FP", sorted(p - g), " FN", sorted(g - p))
    _tp, _, _, missed = match_actors(pred["actors"], gold["actors"])
    extra = [(n, k) for n, a, k in pred["actors"]
             if not any(same_actor(n, a, x["name"], x.get("aliases", [])) and k in _kinds(x)
                        for x in gold["actors"])]
    if "actors" in scope and (missed or extra):
        print("  actors   FN", missed, " FP", extra)
    for e in ev["missed"]:
        toll = e["fatalities"]["best"] if e.get("fatalities") else None
        print("  event FN", _show_event(e, (e.get("location") or {}).get("name"),
                                        e.get("actor1"), toll))
    for e in ev["extra"]:
        print("  event FP", _show_event(e, e["location"], [n for n, _ in e["actor1"]],
                                        e["fatalities"]))


def _written(value: int, text: str) -> bool:
    if re.search(rf"(?<![\d,.]){value:,}(?![\d,])|(?<![\d,.]){value}(?![\d,])", text):
        return True
    return value < len(_NUMBER_WORDS) and re.search(
        rf"\b{_NUMBER_WORDS[value]}\b", text, re.I) is not None


def score_isaf(data: Path = DATA, limit: int | None = None) -> dict:
    rows = _jsonl(data / "eval" / "isaf_dev.jsonl")[:limit]
    n = dated = 0
    counts = {k: {"explicit": 0, "explicit_found": 0, "all": 0, "all_found": 0}
              for k in ("killed", "captured")}
    prov_n = prov_ok = 0
    for row in rows:
        gold = row["gold"]
        x = extract(row["text"])
        n += 1
        main = next((e for e in x.events if e.type in _VIOLENT), None) or (
            x.events[0] if x.events else None)
        if main is not None and main.date is not None and main.date.start == gold["start_date"]:
            dated += 1
        for key, cat, gkey in (("killed", "deaths", "min_killed"),
                               ("captured", "detained", "min_captured")):
            want = gold[gkey]
            if not want:
                continue
            got = max((f.value for f in x.figures if f.category == cat), default=0)
            c = counts[key]
            c["all"] += 1
            c["all_found"] += got == want
            if _written(want, row["text"]):
                c["explicit"] += 1
                c["explicit_found"] += got == want
        if gold.get("province"):
            prov_n += 1
            names = {normalise(loc.name) for loc in x.locations if loc.kind == "admin1"}
            prov_ok += any(normalise(p) in names for p in gold["province"])
    out = {"releases": n, "event_date_exact": round(dated / n, 3) if n else None,
           "province_found": round(prov_ok / prov_n, 3) if prov_n else None}
    for key, c in counts.items():
        out[f"{key}_explicit_found"] = round(c["explicit_found"] / c["explicit"], 3) \
            if c["explicit"] else None
        out[f"{key}_explicit_n"] = c["explicit"]
        out[f"{key}_any_found"] = round(c["all_found"] / c["all"], 3) if c["all"] else None
    return out


def score_wikievents(data: Path = DATA) -> dict:
    from . import nlp

    docs = _jsonl(data / "eval" / "wikievents_dev.jsonl")
    ours, base = Score(), Score()
    for d in docs:
        text = d["text"]
        gold = [(e["start_char"], e["end_char"]) for e in d["entities"]
                if e["type"] in ("PER", "ORG", "GPE")]
        anyg = [(e["start_char"], e["end_char"]) for e in d["entities"]]
        x = extract(text, None)
        spans = [(m.span.start, m.span.end) for a in x.actors for m in a.mentions]
        spans += [(m.span.start, m.span.end) for loc in x.locations for m in loc.mentions]
        bspans = [(e.start_char, e.end_char) for e in nlp.load()(text).ents
                  if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")]
        for sc, pred in ((ours, spans), (base, bspans)):
            def hit(a: tuple[int, int], pool: list[tuple[int, int]]) -> bool:
                return any(a[0] < b[1] and b[0] < a[1] for b in pool)
            found = sum(hit(g, pred) for g in gold)
            correct = sum(hit(p, anyg) for p in pred)
            sc.tp += found
            sc.fn += len(gold) - found
            sc.fp += len(pred) - correct
    return {"docs": len(docs), "extractor": ours.prf(), "spacy": base.prf(),
            "events": score_wikievents_events(docs)}


def score_wikievents_events(docs: list[dict]) -> dict:
    """Event triggers and arguments against WikiEvents' gold (identification, not its
    ontology): a gold trigger is found when a predicted event's trigger overlaps it; for a
    found trigger, a gold argument (an entity: attacker, victim, place, ...) is found when
    the predicted event names it, as a participant mentioned in the event's sentences or as
    its place. Precision is over predicted triggers, and over predicted arguments of events
    whose trigger is gold."""
    trig, args = Score(), Score()
    for d in docs:
        ents = {e["id"]: (e["start_char"], e["end_char"]) for e in d["entities"]}
        x = extract(d["text"], None)
        pred = []
        for e in x.events:
            spans = [(m.span.start, m.span.end) for p in e.participants
                     for m in x.actors[p.actor].mentions
                     if any(a <= m.span.start < b for a, b in e.sentences)]
            spans += [(m.span.start, m.span.end) for loc in x.locations if loc.name == e.location
                      for m in loc.mentions if any(a <= m.span.start < b for a, b in e.sentences)]
            pred.append(((e.span.start, e.span.end), spans))
        gold = [((g["trigger_start_char"], g["trigger_end_char"]),
                 [ents[a["entity_id"]] for a in g["arguments"] if a["entity_id"] in ents])
                for g in d["events"]]

        def hit(a: tuple[int, int], b: tuple[int, int]) -> bool:
            return a[0] < b[1] and b[0] < a[1]

        found = sum(any(hit(g, p) for p, _ in pred) for g, _ in gold)
        right = sum(any(hit(p, g) for g, _ in gold) for p, _ in pred)
        trig.tp += found
        trig.fn += len(gold) - found
        trig.fp += len(pred) - right
        for g, g_args in gold:
            p_args = [a for p, spans in pred if hit(g, p) for a in spans]
            got = sum(any(hit(a, b) for b in p_args) for a in g_args)
            args.tp += got
            args.fn += len(g_args) - got
            args.fp += sum(not any(hit(b, a) for a in g_args) for b in p_args)
    return {"triggers": trig.prf(), "arguments": args.prf()}


# --- report ------------------------------------------------------------------------------

def run(data: Path = DATA, isaf_limit: int | None = None, verbose: bool = False) -> dict:
    t0 = time.perf_counter()
    result: dict[str, Any] = {
        "articles": score_articles(data, predict, verbose),
        "articles_spacy_baseline": score_articles(data, baseline),
        "isaf": score_isaf(data, isaf_limit),
        "wikievents": score_wikievents(data),
    }
    result["seconds"] = round(time.perf_counter() - t0, 1)
    return result


def _f(x) -> str:
    return "–" if x is None else f"{x:.2f}"


def markdown(result: dict) -> str:
    lines = ["| system | split | articles | figures P | figures R | figures F1 | actors P | "
             "actors R | actors F1 |", "|---|---|---|---|---|---|---|---|---|"]
    events = ["| system | split | articles | strict P | strict R | strict F1 | type+date P | "
              "type+date R | type+date F1 | date exact | sub-type | actor2 | fatalities exact |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for label, key in (("extractor", "articles"), ("spaCy baseline", "articles_spacy_baseline")):
        for split in ("dev", "heldout", "all"):
            s = result[key].get(split)
            if not s:
                continue
            f, a, e = s["figures"], s["actors"], s["events"]
            x = s.get("events_strict") or {"precision": None, "recall": None, "f1": None}
            lines.append(
                f"| {label} | {split} | {s['articles']} | {_f(f['precision'])} | "
                f"{_f(f['recall'])} | {_f(f['f1'])} | {_f(a['precision'])} | {_f(a['recall'])} "
                f"| {_f(a['f1'])} |")
            events.append(
                f"| {label} | {split} | {s['articles']} | {_f(x['precision'])} | "
                f"{_f(x['recall'])} | {_f(x['f1'])} | {_f(e['precision'])} | "
                f"{_f(e['recall'])} | {_f(e['f1'])} | {_f(s['event_date_exact'])} | "
                f"{_f(s.get('event_sub_type'))} | {_f(s.get('event_actor2'))} | "
                f"{_f(s.get('fatalities_exact'))} ({s.get('fatalities_n', 0)}) |")
    lines += ["", *events]
    i = result["isaf"]
    w = result["wikievents"]
    lines += [
        "",
        "| ISAF press releases | value |", "|---|---|",
        f"| releases | {i['releases']} |",
        f"| event date exact | {_f(i['event_date_exact'])} |",
        f"| killed, explicit count found ({i['killed_explicit_n']}) | "
        f"{_f(i['killed_explicit_found'])} |",
        f"| captured, explicit count found ({i['captured_explicit_n']}) | "
        f"{_f(i['captured_explicit_found'])} |",
        f"| killed, any gold count found | {_f(i['killed_any_found'])} |",
        f"| captured, any gold count found | {_f(i['captured_any_found'])} |",
        f"| province found | {_f(i['province_found'])} |",
        "",
        "| WikiEvents entity mentions (PER/ORG/GPE heads) | P | R | F1 |", "|---|---|---|---|",
    ]
    for label, key in (("extractor", "extractor"), ("spaCy baseline", "spacy")):
        s = w[key]
        lines.append(f"| {label} | {_f(s['precision'])} | {_f(s['recall'])} | {_f(s['f1'])} |")
    if "events" in w:
        lines += ["", "| WikiEvents events (identification) | P | R | F1 |", "|---|---|---|---|"]
        for label in ("triggers", "arguments"):
            s = w["events"][label]
            lines.append(f"| {label} | {_f(s['precision'])} | {_f(s['recall'])} | "
                         f"{_f(s['f1'])} |")
    lines += ["", f"{result['articles']['seconds_per_article']:.2f} s per article; "
                  f"whole run {result['seconds']} s."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extract.evaluate", description=__doc__.split(
        "\n")[0])
    ap.add_argument("--json", metavar="FILE", help="also write the scores as JSON")
    ap.add_argument("--data", metavar="DIR", default=str(DATA), help="tests/data folder")
    ap.add_argument("--verbose", "-v", action="store_true", help="print each article's errors")
    args = ap.parse_args(argv)
    result = run(Path(args.data), verbose=args.verbose)
    print(markdown(result))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
