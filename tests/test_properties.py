"""Property-based tests: the extractor never crashes on arbitrary Unicode, and every offset it
returns slices the text to the span it claims."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract.model import Extraction

FRAGMENTS = [
    "Tajikistan said", " almost 350 refugees", " crossed on Wednesday (July 14)", ".",
    " more than 1,000 troops fled", " the Taleban seized", " 64 boys and 113 girls", "\n\n",
    " PHOTO: AFP", " 1/16", " about 5,500 troops", " in 2012", " the 201st base", " dozens",
    " [bold]", " \x1b[2J", " \x00", " two babies died", " Shanghai Cooperation Organisation (SCO)",
    " hundreds of", " between 10 and 20 people", " 12-year-old", " +1 555 0100", " Kabul",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map(
        "".join
    ),
)
dates = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def spans(result: Extraction):
    for actor in result.actors:
        yield from (mention.span for mention in actor.mentions)
    for location in result.locations:
        yield from (mention.span for mention in location.mentions)
    yield from (figure.span for figure in result.figures)
    yield from (event.span for event in result.events)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=dates)
def test_extractor_never_crashes_and_offsets_slice(text, published):
    result = extract.extract(text, published=published)
    for span in spans(result):
        assert 0 <= span.sent_start <= span.start <= span.end <= span.sent_end <= len(text)
        assert text[span.start : span.end] == span.text
    for figure in result.figures:
        assert figure.value >= 0
        if figure.part_of is not None:
            assert 0 <= figure.part_of < len(result.figures)
    for event in result.events:
        assert all(0 <= p.actor < len(result.actors) for p in event.participants)
        assert all(0 <= i < len(result.figures) for i in event.figures)
