"""Building an index in memory from a corpus; documents unchanged since the previous index keep their vectors."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator

import numpy as np

from rag.chunking import chunk_sentences, document_sentences
from rag.config import DEFAULT_CHUNK_SETTINGS, INDEX_FORMAT_VERSION, ChunkSettings
from rag.corpus import Corpus
from rag.embedding import Embedder, Progress
from rag.figures import extract_figures
from rag.index_data import DocFigure, IndexData
from rag.lexical import Lexical
from rag.records import Chunk, Document, Sentence
from rag.vectors import FaissIndex


def build_index(
    corpus: Corpus,
    embedder: Embedder,
    settings: ChunkSettings = DEFAULT_CHUNK_SETTINGS,
    previous: IndexData | None = None,
    progress: Progress | None = None,
) -> tuple[IndexData, int]:
    """Index `corpus`; documents unchanged since `previous` keep their vectors. Returns (index, documents embedded)."""
    reusable = previous is not None and compatible(previous.manifest, embedder.name, settings)
    old = _doc_slices(previous) if reusable and previous is not None else {}
    sentences: list[Sentence] = []
    chunks: list[Chunk] = []
    sent_rows: list[np.ndarray | None] = []
    chunk_rows: list[np.ndarray | None] = []
    embedded = 0
    for doc in corpus.documents:
        prior = old.get(doc.doc_id)
        if prior is not None and prior[0] == doc.sha256 and previous is not None:
            _, (s_lo, s_hi), (c_lo, c_hi) = prior
            shift = len(sentences) - s_lo
            sentences.extend(previous.sentences[s_lo:s_hi])
            for c in previous.chunks[c_lo:c_hi]:
                chunks.append(dataclasses.replace(c, first_sentence=c.first_sentence + shift, last_sentence=c.last_sentence + shift))
            sent_rows.extend(previous.sentence_vectors[s_lo:s_hi])
            chunk_rows.extend(previous.chunk_vectors[c_lo:c_hi])
            continue
        embedded += 1
        doc_sents = document_sentences(doc, settings)
        chunks.extend(chunk_sentences(doc, doc_sents, len(sentences), settings))
        sentences.extend(doc_sents)
        sent_rows.extend([None] * len(doc_sents))
        chunk_rows.extend([None] * (len(chunks) - len(chunk_rows)))
    chunk_vectors = _fill(chunk_rows, [c.text for c in chunks], embedder, progress, "chunks")
    sentence_vectors = _fill(sent_rows, [s.text for s in sentences], embedder, progress, "sentences")
    vectors = FaissIndex(embedder.dim)
    vectors.add(chunk_vectors)
    manifest = {
        "format_version": INDEX_FORMAT_VERSION,
        "model": embedder.name,
        "dim": embedder.dim,
        "chunking": dataclasses.asdict(settings),
        "corpus_fingerprint": corpus.fingerprint,
        "documents": {d.doc_id: d.sha256 for d in corpus.documents},
        "counts": {"documents": len(corpus.documents), "chunks": len(chunks), "sentences": len(sentences)},
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    data = IndexData(
        manifest=manifest,
        documents=tuple(corpus.documents),
        sentences=tuple(sentences),
        chunks=tuple(chunks),
        figures=tuple(_figures(corpus.documents, sentences)),
        chunk_vectors=chunk_vectors,
        sentence_vectors=sentence_vectors,
        vectors=vectors,
        lexical=Lexical.build([c.text for c in chunks]),
    )
    return data, embedded


def compatible(manifest: dict, model: str, settings: ChunkSettings) -> bool:
    return (
        manifest.get("format_version") == INDEX_FORMAT_VERSION
        and manifest.get("model") == model
        and manifest.get("chunking") == dataclasses.asdict(settings)
    )


def _doc_slices(data: IndexData) -> dict[str, tuple[str, tuple[int, int], tuple[int, int]]]:
    """Each document's sha and its contiguous ranges of sentences and chunks (documents are stored in order)."""
    sent_range: dict[str, list[int]] = {}
    for i, s in enumerate(data.sentences):
        sent_range.setdefault(s.doc_id, [i, i])[1] = i
    chunk_range: dict[str, list[int]] = {}
    for i, c in enumerate(data.chunks):
        chunk_range.setdefault(c.doc_id, [i, i])[1] = i
    spans: dict[str, tuple[str, tuple[int, int], tuple[int, int]]] = {}
    for doc in data.documents:
        if doc.doc_id in sent_range and doc.doc_id in chunk_range:
            (s_lo, s_hi), (c_lo, c_hi) = sent_range[doc.doc_id], chunk_range[doc.doc_id]
            spans[doc.doc_id] = (doc.sha256, (s_lo, s_hi + 1), (c_lo, c_hi + 1))
    return spans


def _fill(rows: list, texts: list[str], embedder: Embedder, progress: Progress | None, what: str) -> np.ndarray:
    todo = [i for i, row in enumerate(rows) if row is None]
    out = np.zeros((len(rows), embedder.dim), dtype=np.float32)
    for i, row in enumerate(rows):
        if row is not None:
            out[i] = row
    if todo:
        step = None if progress is None else (lambda done, total, _: progress(done, total, f"embedding {what}"))
        out[todo] = embedder.encode([texts[i] for i in todo], progress=step)
    return out


def _figures(documents: tuple[Document, ...], sentences: list[Sentence]) -> Iterator[DocFigure]:
    by_doc: dict[str, list[tuple[int, Sentence]]] = {}
    for i, s in enumerate(sentences):
        by_doc.setdefault(s.doc_id, []).append((i, s))
    for doc in documents:
        for sid, sent in by_doc.get(doc.doc_id, []):
            for f in extract_figures(sent.text):
                yield DocFigure(doc.doc_id, sid, dataclasses.replace(f, start=f.start + sent.start, end=f.end + sent.start))
