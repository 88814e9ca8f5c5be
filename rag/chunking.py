"""Cutting documents into sentences and token-bounded, overlapping chunks."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache

from rag.config import DEFAULT_CHUNK_SETTINGS, ChunkSettings
from rag.records import Chunk, Document, Sentence
from rag.sentences import split_sentences

TOKEN_MARGIN = 2


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
    """Cut text[start:end] into pieces of at most `max_tokens`, at a space where there is one."""
    piece = text[start:end]
    enc = _encoding(settings.encoding)
    tokens = enc.encode(piece, disallowed_special=())
    if len(tokens) <= settings.max_tokens:
        return [(start, end)]
    _, offsets = enc.decode_with_offsets(tokens)
    window = max(1, settings.max_tokens - TOKEN_MARGIN)  # a cut piece may tokenize a little differently
    pieces: list[tuple[int, int]] = []
    a = 0
    while a < len(piece):
        i = bisect.bisect_right(offsets, a) - 1
        j = i + window
        if j >= len(tokens):
            b = len(piece)
        else:
            b = offsets[j]
            space = piece.rfind(" ", a + 1, b)
            if space > a:
                b = space
        if b <= a:
            b = a + 1
        stripped = piece[a:b].rstrip()
        if stripped.strip():
            lead = len(piece[a:b]) - len(piece[a:b].lstrip())
            pieces.append((start + a + lead, start + a + len(stripped)))
        a = b
        while a < len(piece) and piece[a].isspace():
            a += 1
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
