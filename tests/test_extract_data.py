"""The extractor's word lists are data (``extract/data/*.json``): each entry is documented
there, and every trigger names an event type and sub-event type the model has."""

from __future__ import annotations

import pytest

from extract import data
from extract.events import NOUNS, VERBS
from extract.model import EVENT_TYPES, SUB_TYPE_NAMES, SUB_TYPES


@pytest.mark.parametrize("name", ["event_triggers.json", "figure_words.json",
                                  "actor_cues.json"])
def test_every_word_list_is_documented(name):
    words = data.load_json(name)
    assert set(words) - {"_doc"} == set(words["_doc"])
    assert all(isinstance(entry, (list, dict)) and entry for key, entry in words.items()
               if key != "_doc")
    assert all(isinstance(w, str) and w == w.strip() for key, entry in words.items()
               if isinstance(entry, list) for w in entry)


def test_every_trigger_codes_a_type_and_sub_type_of_the_model():
    for word, (event_type, sub_type) in [*VERBS.items(), *NOUNS.items()]:
        assert event_type in EVENT_TYPES, word
        if sub_type is not None:
            assert SUB_TYPE_NAMES[sub_type.lower()] in SUB_TYPES[event_type], word
    strike = data.load_json("event_triggers.json")["strike_modifiers"].values()
    assert {SUB_TYPE_NAMES[s.lower()] for s in strike} <= set(
        SUB_TYPES["explosions_remote_violence"])

