"""Sentences of a stored document, found without a model: what a person picks a span from."""

from __future__ import annotations

import re


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence bounds by punctuation and line breaks: cheap, stable, good enough to pick from.

    (The extractor's own sentences come from spaCy; a person picking a sentence only needs a
    readable unit of text, and this needs no model.)
    """
    bounds = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        for match in re.finditer(r".+?(?:[.!?][\"'”’)]*(?=\s+[A-Z0-9\"“'‘(])|$)",
                                 paragraph.group()):
            piece_start = start + match.start()
            piece_end = start + match.end()
            while piece_start < piece_end and text[piece_start].isspace():
                piece_start += 1
            if piece_end > piece_start:
                bounds.append((piece_start, piece_end))
    return bounds


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence(s) holding ``[start, end)``."""
    lo, hi = start, end
    for s, e in split_sentences(text):
        if s <= start < e:
            lo = s
        if s < end <= e:
            hi = e
            break
    return lo, hi
