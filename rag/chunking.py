"""Cutting documents into sentences and token-bounded, overlapping chunks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rag.config import DEFAULT_CHUNK_SETTINGS, ChunkSettings
from rag.records import Chunk, Document, Sentence
from rag.sentences import split_sentences


@lru_cache(maxsize=4)
def _encoding(name: str):  # type: ignore[no-untyped-def]
    import tiktoken

    return tiktoken.get_encoding(name)


def count_tokens(text: str, encoding: str = DEFAULT_CHUNK_SETTINGS.encoding) -> int:
    return len(_encoding(encoding).encode(text, disallowed_special=()))


def document_sentences(doc: Document, settings: ChunkSettings = DEFAULT_CHUNK_SETTINGS) -> list[Sentence]:
    """The document's sentences; one longer than a chunk is cut at spaces into pieces that fit."""
    out: list[Sentence] = []
    for start, end in split_sentences(doc.text):
        for a, b in _fit(doc.text, start, end, settings):
            out.append(Sentence(doc.doc_id, a, b, doc.text[a:b]))
    return out


def _fit(text: str, start: int, end: int, settings: ChunkSettings) -> list[tuple[int, int]]:
    if count_tokens(text[start:end], settings.encoding) <= settings.max_tokens:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    piece_start = start
    last_end = start
    budget = 0
    for word in re.finditer(r"\S+", text[start:end]):
        w_start, w_end = start + word.start(), start + word.end()
        cost = count_tokens(text[w_start:w_end] + " ", settings.encoding)
        if budget + cost > settings.max_tokens and last_end > piece_start:
            pieces.append((piece_start, last_end))
            piece_start, budget = w_start, 0
        budget += cost
        last_end = w_end
        # a single "word" longer than a chunk (no spaces at all) is cut by characters
        while budget > settings.max_tokens and last_end - piece_start > 1:
            cut = piece_start + max(1, (last_end - piece_start) // 2)
            pieces.append((piece_start, cut))
            piece_start = cut
            budget = count_tokens(text[piece_start:last_end], settings.encoding)
    if last_end > piece_start:
        pieces.append((piece_start, last_end))
    return pieces


def chunk_sentences(
    doc: Document,
    sentences: Sequence[Sentence],
    first_id: int = 0,
    settings: ChunkSettings = DEFAULT_CHUNK_SETTINGS,
) -> list[Chunk]:
    """Group consecutive sentences into chunks of at most `max_tokens`, each new chunk
    repeating the previous chunk's last sentences up to `overlap_tokens`.

    `first_id` is the global id of `sentences[0]`, so chunks can name their sentences.
    """
    costs = [count_tokens(s.text, settings.encoding) for s in sentences]
    chunks: list[Chunk] = []
    i = 0
    while i < len(sentences):
        j, total = i, 0
        while j < len(sentences) and (j == i or total + costs[j] <= settings.max_tokens):
            total += costs[j]
            j += 1
        start, end = sentences[i].start, sentences[j - 1].end
        chunks.append(Chunk(doc.doc_id, start, end, doc.text[start:end], total, first_id + i, first_id + j - 1))
        if j >= len(sentences):
            break
        k, carried = j, 0
        while k - 1 > i and carried + costs[k - 1] <= settings.overlap_tokens:
            carried += costs[k - 1]
            k -= 1
        i = k
    return chunks
