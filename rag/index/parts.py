"""One article cut up for the index: its sentences, chunks and claims, and the dates its own text gives.

This is the unit of work of a build, on one machine or across a Ray cluster: `process_document` needs
nothing but the document and the chunk settings, and its ids are the document's own (0 = its first
sentence or chunk); a segment shifts them when it stores the document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rag.chunking import chunk_sentences, document_sentences
from rag.claims import SentenceKey, extract_claims
from rag.config import DEFAULT_CHUNK_SETTINGS, ChunkSettings
from rag.dating import text_bounds
from rag.records import Chunk, Claim, Document, Sentence


@dataclass(frozen=True)
class TextBounds:
    """When an article was written, as far as its own text tells (see rag/dating.py)."""

    lower: float | None = None
    low_words: str = ""
    upper: float | None = None
    up_words: str = ""


@dataclass(frozen=True)
class DocPart:
    document: Document
    sentences: tuple[Sentence, ...]
    chunks: tuple[Chunk, ...]  # first_sentence and last_sentence count from the document's first sentence
    claims: tuple[Claim, ...]  # sentence_id counts from the document's first sentence
    bounds: TextBounds
    stamp: str = ""  # the file's stat stamp when it was read (rag.corpus.FileEntry)


def process_document(
    doc: Document, settings: ChunkSettings = DEFAULT_CHUNK_SETTINGS, stamp: str = "",
    known_claims: Mapping[SentenceKey, Sequence[Claim]] | None = None,
) -> DocPart:
    """Sentences, chunks, claims and text dates of one document: everything but the vectors. `known_claims`
    are the claims of an old copy's sentences (rag.index.reuse), which are then not parsed again."""
    sentences = document_sentences(doc, settings)
    chunks = chunk_sentences(doc, sentences, 0, settings)
    claims = extract_claims(doc.doc_id, list(enumerate(sentences)), known_claims)
    return DocPart(doc, tuple(sentences), tuple(chunks), tuple(claims), TextBounds(*text_bounds(sentences)), stamp)


def sentence_homes(chunks: Sequence[Chunk], n_sentences: int) -> list[int]:
    """Each sentence's home chunk: the first chunk that holds it (chunks overlap). Its vector is read in that chunk's
    pass (rag.index.embed), and the segment's sentences table names it."""
    home = [0] * n_sentences
    for cid in range(len(chunks) - 1, -1, -1):
        c = chunks[cid]
        home[c.first_sentence : c.last_sentence + 1] = [cid] * (c.last_sentence + 1 - c.first_sentence)
    return home
