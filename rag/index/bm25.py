"""BM25 over a segment's chunks, as postings on disk (memory-mapped), scored with corpus-wide statistics.

A segment stores, per term, the chunks that hold it and how often (`postings_*.npy`), and each chunk's
length; the term's column and document frequencies live in the segment's `terms` table. A question
reads only the postings of its own terms, and the scores use the document frequency and average length
summed over all segments, so a small new segment scores as it would inside one big index. The formula
is bm25s' "lucene" variant (k1 = 1.5, b = 0.75), so one segment ranks as bm25s did.

A term's postings are stored best first, by how much each chunk's count of the term weighs in its score (the term
frequency against the chunk's length, as the formula weighs them), and a question reads at most
MAX_POSTINGS_READ of them per term and segment: a rare term is read whole, a common one (whose weight is small
anyway) only where it weighs most. So a question's cost stops growing with the corpus, like a search engine's
impact-ordered index with early termination; a chunk past the cut loses only that common term's small share.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag.lexical import content_terms

K1 = 1.5
B = 0.75
# Postings read per term and segment (best first): a question's BM25 cost is bounded by this times its terms.
MAX_POSTINGS_READ = 4096
# Past this many chunks in a segment, a many-term score keeps the n best by partitioning the dense sums
# (which of several equal scores at the n-th place survive is then arbitrary, so small segments sort all).
PARTITION_MIN_CHUNKS = 20_000
FILES = ("postings_ptr.npy", "postings_ids.npy", "postings_tf.npy", "chunk_len.npy")


@dataclass(frozen=True)
class Postings:
    """The in-memory form a segment writer saves: vocabulary in column order, and the arrays."""

    terms: list[str]
    chunk_df: list[int]
    ptr: np.ndarray
    ids: np.ndarray
    tf: np.ndarray
    lengths: np.ndarray


def build_postings(texts: Sequence[str]) -> Postings:
    per_chunk = [Counter(content_terms(t)) for t in texts]
    vocab = sorted({t for c in per_chunk for t in c})
    col = {t: i for i, t in enumerate(vocab)}
    rows: list[list[tuple[int, int]]] = [[] for _ in vocab]
    for cid, counts in enumerate(per_chunk):
        for term, n in counts.items():
            rows[col[term]].append((cid, n))
    lengths = np.array([sum(c.values()) for c in per_chunk], dtype=np.float32)
    ptr = np.zeros(len(vocab) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(r) for r in rows])
    ids = np.fromiter((cid for r in rows for cid, _ in r), dtype=np.int32, count=int(ptr[-1]))
    tf = np.fromiter((n for r in rows for _, n in r), dtype=np.float32, count=int(ptr[-1]))
    # each term's postings best first: the heaviest weight of the term in a chunk, ties by chunk
    avgdl = float(lengths.mean()) if len(lengths) else 1.0
    term_of = np.repeat(np.arange(len(vocab)), np.diff(ptr))
    order = np.lexsort((ids, -weight_of(tf, lengths[ids], avgdl), term_of))
    ids, tf = ids[order], tf[order]
    return Postings(vocab, [len(r) for r in rows], ptr, ids, tf, lengths)


def weight_of(tf: np.ndarray, length: np.ndarray, avgdl: float) -> np.ndarray:
    """How much a term counted `tf` times weighs in a chunk of `length` terms (the BM25 term weight before idf)."""
    return tf / (K1 * ((1 - B) + B * length / avgdl) + tf)


def save_postings(p: Postings, folder: Path) -> None:
    for name, array in zip(FILES, (p.ptr, p.ids, p.tf, p.lengths)):
        np.save(folder / name, array)


class SegmentPostings:
    """One segment's postings, memory-mapped: opening reads headers only."""

    def __init__(self, folder: Path) -> None:
        # plain ndarray views of the maps: indexing a np.memmap costs a Python-level __getitem__ per access
        self.ptr, self.ids, self.tf, self.lengths = (np.load(folder / name, mmap_mode="r").view(np.ndarray) for name in FILES)

    @property
    def total_length(self) -> float:
        return float(self.lengths.sum()) if len(self.lengths) else 0.0

    def score(self, columns: Sequence[tuple[int, float]], avgdl: float, n: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(chunk ids, scores) of the chunks holding any of the (column, idf) terms, read up to MAX_POSTINGS_READ
        per term (best first); unsorted. With `n`, only (at least) the n best of them."""
        hit_ids: list[np.ndarray] = []
        hit_scores: list[np.ndarray] = []
        for col, idf in columns:
            lo = int(self.ptr[col])
            hi = min(int(self.ptr[col + 1]), lo + MAX_POSTINGS_READ)
            ids = np.asarray(self.ids[lo:hi])
            hit_ids.append(ids)
            hit_scores.append(idf * weight_of(np.asarray(self.tf[lo:hi]), np.asarray(self.lengths[ids]), avgdl))
        if not hit_ids:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if len(hit_ids) == 1:  # one term: a chunk holds it once, nothing to sum
            return hit_ids[0].astype(np.int64), hit_scores[0].astype(np.float32)
        ids = np.concatenate(hit_ids)
        scores = np.concatenate(hit_scores)
        if len(ids) * 8 < len(self.lengths):  # few postings: sum them by sorting
            unique, inverse = np.unique(ids, return_inverse=True)
            return unique.astype(np.int64), np.bincount(inverse, weights=scores).astype(np.float32)
        total = np.bincount(ids, weights=scores, minlength=len(self.lengths))  # many: one pass over a dense array
        if n is not None and len(total) > PARTITION_MIN_CHUNKS and n < len(total):
            hit = np.argpartition(-total, n - 1)[:n]
            hit = hit[total[hit] > 0]
        else:
            hit = np.flatnonzero(total)
        return hit.astype(np.int64), total[hit].astype(np.float32)


def idf(n_docs: int, df: int) -> float:
    return math.log(1 + (n_docs - df + 0.5) / (df + 0.5))


def top(ids: np.ndarray, scores: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The n best (ids, scores), best first, ties by id: argpartition, then a sort of n items only."""
    if len(ids) > n:
        keep = np.argpartition(-scores, n - 1)[:n]
        ids, scores = ids[keep], scores[keep]
    order = np.lexsort((ids, -scores))
    return ids[order], scores[order]
