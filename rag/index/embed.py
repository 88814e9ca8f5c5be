"""The vectors of a build, made by one of three routes (rag.config.SENTENCE_VECTOR_ROUTES).

"sentences-only" (the default): each sentence encoded by itself (its vector depends on its text only), and each
    chunk's vector pooled from its sentences' (`pool_chunks`): their mean weighted by length, normalized. Chunks
    hold whole sentences (rag.chunking), so the build encodes the article text once, in short texts, instead of
    twice and a quarter (overlapping chunks, then sentences). Retrieval of chunks moves a little: on the SQuAD test
    articles the supporting sentence and F1 stay within 0.01 of "alone" (README, Benchmarks).
"alone": each chunk and each sentence encoded by itself.
"in-chunk": each chunk encoded; the mean of the model's token states over the sentence's words, taken in the pass over the first chunk
    that holds it (`rag.index.parts.sentence_homes`; `rag.embedding.pool_spans`): the sentence read in its context,
    at no cost beyond the chunk's own encoding. A build then encodes the chunks only, about half the work; answers
    move a little (README, Benchmarks), so it is asked for. A sentence the chunk's pass does not hold whole (the
    model reads 256 tokens) is encoded alone, as is every sentence with an embedder that cannot read spans.

An update takes the vectors of what did not change from the old copy of an edited article (rag.index.reuse),
keyed by what they depend on (`sentence_key`): they are what the same encoding would give again.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rag.config import DEFAULT_SENTENCE_VECTORS, IN_CHUNK, SENTENCE_VECTOR_ROUTES, SENTENCES_ONLY
from rag.embedding import Embedder, Progress, Span, encode_with_spans
from rag.errors import RagError
from rag.index.parts import DocPart, sentence_homes
from rag.index.reuse import Known, sentence_key


def check_route(route: str) -> str:
    if route not in SENTENCE_VECTOR_ROUTES:
        raise RagError(f"unknown sentence-vector route {route!r}: use one of {', '.join(SENTENCE_VECTOR_ROUTES)}")
    return route


def embed_parts(
    parts: Sequence[DocPart], embedder: Embedder, progress: Progress | None = None, known: Known | None = None,
    route: str = DEFAULT_SENTENCE_VECTORS,
) -> tuple[np.ndarray, np.ndarray]:
    """The chunk vectors and sentence vectors (float32, every chunk and sentence of the parts in order)."""
    check_route(route)
    known = known or Known()
    n_chunks = sum(len(p.chunks) for p in parts)
    n_sentences = sum(len(p.sentences) for p in parts)
    chunk_vectors = np.zeros((n_chunks, embedder.dim), dtype=np.float32)
    sentence_vectors = np.zeros((n_sentences, embedder.dim), dtype=np.float32)
    texts: list[str] = []
    spans: list[list[Span]] = []
    slots: list[tuple[int, list[int]]] = []  # (chunk row, sentence rows read in its pass) of each chunk to encode
    alone: list[tuple[int, str]] = []  # (sentence row, text) of each sentence to encode by itself
    c0 = s0 = 0
    for part in parts:
        homes = sentence_homes(part.chunks, len(part.sentences))
        members: list[list[int]] = [[] for _ in part.chunks]
        for sid, home in enumerate(homes):
            members[home].append(sid)
        for cid, chunk in enumerate(part.chunks):
            keys = [sentence_key(route, chunk, part.sentences[sid]) for sid in members[cid]]
            pending = []
            for sid, key in zip(members[cid], keys):
                have = known.sentence_vectors.get(key)
                if have is not None:
                    sentence_vectors[s0 + sid] = have
                else:
                    pending.append(sid)
            if route == SENTENCES_ONLY:  # the chunk's vector is pooled below
                alone.extend((s0 + sid, part.sentences[sid].text) for sid in pending)
                continue
            chunk_known = known.chunk_vectors.get(chunk.text)
            if chunk_known is not None:
                chunk_vectors[c0 + cid] = chunk_known
            if route == IN_CHUNK and (pending or chunk_known is None):
                pending = members[cid]  # the pass reads the chunk and every sentence at home in it
                texts.append(chunk.text)
                spans.append([(part.sentences[sid].start - chunk.start, part.sentences[sid].end - chunk.start) for sid in pending])
                slots.append((c0 + cid, [s0 + sid for sid in pending]))
                continue
            if chunk_known is None:
                texts.append(chunk.text)
                spans.append([])
                slots.append((c0 + cid, []))
            alone.extend((s0 + sid, part.sentences[sid].text) for sid in pending)
        c0 += len(part.chunks)
        s0 += len(part.sentences)
    if texts and route == IN_CHUNK:
        vectors, pooled = encode_with_spans(embedder, texts, spans, _labelled(progress, "chunks"))
        for (row, rows), v, p in zip(slots, vectors, pooled):
            chunk_vectors[row] = v
            if rows:
                sentence_vectors[rows] = p
    elif texts:
        fresh = embedder.encode(texts, _labelled(progress, "chunks"))
        chunk_vectors[[row for row, _ in slots]] = fresh.reshape(len(texts), embedder.dim)
    if alone:
        fresh = embedder.encode([t for _, t in alone], _labelled(progress, "sentences"))
        sentence_vectors[[r for r, _ in alone]] = fresh.reshape(len(alone), embedder.dim)
    if route == SENTENCES_ONLY:
        # pooled from the sentence vectors as stored (float16, rag.index.segment), so that an update, which reads
        # the unchanged sentences' vectors from the index, pools the same chunk vectors as a fresh build
        sentence_vectors = sentence_vectors.astype(np.float16).astype(np.float32)
        c0 = s0 = 0
        for part in parts:
            chunk_vectors[c0 : c0 + len(part.chunks)] = pool_chunks(part, sentence_vectors[s0 : s0 + len(part.sentences)])
            c0 += len(part.chunks)
            s0 += len(part.sentences)
    return chunk_vectors, sentence_vectors


def pool_chunks(part: DocPart, sentence_vectors: np.ndarray) -> np.ndarray:
    """Each chunk's vector from its sentences' (rows of `sentence_vectors`, the part's sentences in order): their
    mean weighted by each sentence's length in characters, normalized. The model's own pooling is a mean over
    tokens, so a long sentence counts for more, as it does here."""
    if not part.chunks:
        return np.zeros((0, sentence_vectors.shape[1]), dtype=np.float32)
    weights = np.array([len(s.text) for s in part.sentences], dtype=np.float64)
    running = np.zeros((len(part.sentences) + 1, sentence_vectors.shape[1]), dtype=np.float64)
    np.cumsum(sentence_vectors * weights[:, None], axis=0, out=running[1:])
    first = np.array([c.first_sentence for c in part.chunks])
    last = np.array([c.last_sentence for c in part.chunks])
    pooled = running[last + 1] - running[first]
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def _labelled(progress: Progress | None, what: str) -> Progress | None:
    if progress is None:
        return None
    return lambda done, total, _: progress(done, total, f"embedding {what}")
