"""Building an index in memory from a corpus; documents unchanged since the previous index keep their vectors."""

from __future__ import annotations

import dataclasses
import time

import numpy as np

from rag.chunking import chunk_sentences, document_sentences
from rag.claims import extract_claims
from rag.config import DEFAULT_CHUNK_SETTINGS, INDEX_FORMAT_VERSION, ChunkSettings
from rag.corpus import Corpus
from rag.dating import infer_times
from rag.disagreement import measure_classes
from rag.embedding import Embedder, Progress
from rag.index_data import IndexData
from rag.lexical import Lexical
from rag.records import Chunk, Claim, Sentence
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
    claims: list[Claim] = []
    old_claims = _claims_by_doc(previous) if reusable and previous is not None else {}
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
            claims.extend(dataclasses.replace(c, sentence_id=c.sentence_id + shift) for c in old_claims.get(doc.doc_id, []))
            continue
        embedded += 1
        doc_sents = document_sentences(doc, settings)
        chunks.extend(chunk_sentences(doc, doc_sents, len(sentences), settings))
        claims.extend(extract_claims(doc.doc_id, list(enumerate(doc_sents, start=len(sentences)))))
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
    classes = measure_classes(claims)
    times = infer_times(corpus.documents, sentences, claims, classes)
    documents = tuple(
        dataclasses.replace(d, date=d.date or times[d.doc_id].label, date_basis=times[d.doc_id].basis) for d in corpus.documents
    )
    data = IndexData(
        manifest=manifest,
        documents=documents,
        sentences=tuple(sentences),
        chunks=tuple(chunks),
        claims=tuple(claims),
        measure_classes=classes,
        times=times,
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


def _claims_by_doc(data: IndexData) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for c in data.claims:
        out.setdefault(c.doc_id, []).append(c)
    return out
