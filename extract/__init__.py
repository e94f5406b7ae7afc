"""Pure extraction: article text in, events / actors / figures / places out.

``extract(text, published)`` parses with spaCy (``extract.nlp``), blanks boilerplate and
marks captions/headings (``extract.document``), resolves actors and places
(``extract.actors`` with the ``extract.locations`` gazetteer), figures
(``extract.figures``), then events (``extract.events``), all anchored to the publication
date (``extract.dates``). No I/O beyond the package's own data files; nothing from the store
or the TUI.
"""

from __future__ import annotations

from typing import Any

from . import dates
from .actors import resolve
from .document import Document, infer_published, layout, mask
from .events import extract_events
from .figures import extract_figures
from .locations import KIND_RANK
from .model import DateRef, Extraction

EXTRACTOR_VERSION = "0.20"

__all__ = ["EXTRACTOR_VERSION", "extract", "infer_published"]


def extract(text: str, published: str | None = None) -> Extraction:
    """Everything the extractor finds in ``text`` (``published``: ISO date or None)."""
    from . import nlp

    published = published[:10] if published else infer_published(text)
    masked = mask(text)
    doc = nlp.load()(masked)
    quiet, paragraphs, dateline = layout(masked)
    d = Document(text, doc, published, quiet, paragraphs, dateline)
    r = resolve(d)
    sents = list(doc.sents)

    def date_of_sentence(i: int) -> DateRef | None:
        sent = sents[i]
        for ent in sent.ents:
            if dates.dates_entity(ent) and not d.is_filing_date(ent.start_char):
                ref = dates.resolve(dates.date_text(ent), published)
                if ref is not None and ref.precision != "year":
                    return ref
        return None

    def place_of_sentence(i: int, near: int) -> str | None:
        """The sentence's most precise place; of two alike, the one nearest the token
        ``near`` (a figure's number) in the parse: "moved from Sousse, where 38 people were
        massacred, to Nice"; "the toll in Nice rose to 85, the president of the Rivera
        region said"."""
        sent = sents[i]
        # the dateline ("PARIS - A truck rammed into crowd in Nice") is where the reporter
        # filed from: a place the sentence itself names comes first
        in_dateline = (lambda t: dateline[0] <= t.idx < dateline[1] + 3) if dateline else (
            lambda t: False)
        placed = [t for t in sent if t.i in r.place_at]
        tokens = [t for t in placed if not in_dateline(t)] or placed
        if not tokens:
            return None
        up = {a.i: steps for steps, a in enumerate([doc[near], *doc[near].ancestors])}

        def rank(t: Any) -> tuple[int, int, int]:
            j = r.place_at[t.i]
            # edges from the place to the number, through their nearest common head
            apart = next((steps + up[a.i] for steps, a in enumerate([t, *t.ancestors])
                          if a.i in up), len(doc))
            return (KIND_RANK.get(r.locations[j].kind, 9), apart, j)

        return r.locations[r.place_at[min(tokens, key=rank).i]].name

    figures = extract_figures(d, date_of_sentence, place_of_sentence)
    events = extract_events(d, r, figures)
    return Extraction(actors=r.actors, locations=r.locations, figures=figures, events=events,
                      published=published)

