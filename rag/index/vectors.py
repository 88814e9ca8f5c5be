"""Vector search behind one protocol; the factory picks the FAISS backend by size and the manifest records it.

Below ANN_MIN_VECTORS a segment is searched exactly (`IndexFlatIP`, float32). Above it, HNSW over float16
codes (`IndexHNSWSQ`): the graph answers in about constant time, and at HNSW_EF_SEARCH its recall@10 against
exact search is measured by bench/bench_scale.py. Either way the vectors are stored once, in the FAISS file,
and `vectors(ids)` reads them back. A loaded index maps the file's codes into memory instead of reading them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import numpy as np

ANN_MIN_VECTORS = 50_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 80
HNSW_EF_SEARCH = 128
FLAT = "flat"
HNSW = "hnsw-fp16"


class VectorIndex(Protocol):
    kind: str

    def add(self, vectors: np.ndarray) -> None: ...
    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]: ...
    def vectors(self, ids: np.ndarray | list[int]) -> np.ndarray: ...
    def save(self, path: Path) -> None: ...
    def count(self) -> int: ...
    def params(self) -> dict[str, Any]: ...


class FaissIndex:
    """A FAISS index of inner products (cosine on normalized vectors), exact or HNSW."""

    def __init__(self, dim: int, index: object | None = None, kind: str = FLAT) -> None:
        import faiss

        self.dim = dim
        self.kind = kind
        if index is None:
            made: Any
            if kind == HNSW:
                made = faiss.IndexHNSWSQ(dim, faiss.ScalarQuantizer.QT_fp16, HNSW_M, faiss.METRIC_INNER_PRODUCT)  # type: ignore[arg-type]
                made.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
            else:
                made = faiss.IndexFlatIP(dim)
            index = made
        held: Any = index
        self._index: Any = held
        if kind == HNSW:
            held.hnsw.efSearch = HNSW_EF_SEARCH  # on a loaded index too: the search width is not saved

    def add(self, vectors: np.ndarray) -> None:
        if vectors.size:
            x = np.ascontiguousarray(vectors, dtype=np.float32)
            if not self._index.is_trained:
                self._index.train(x)
            self._index.add(x)

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, ids), each of shape (len(queries), min(k, count)), best first; an id of -1 is no hit."""
        k = min(k, self.count())
        if k == 0:
            empty = np.zeros((len(queries), 0))
            return empty.astype(np.float32), empty.astype(np.int64)
        return self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)  # type: ignore[no-any-return]

    def vectors(self, ids: np.ndarray | list[int]) -> np.ndarray:
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        if not len(ids):
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._index.reconstruct_batch(ids)  # type: ignore[no-any-return]

    def all_vectors(self) -> np.ndarray:
        n = self.count()
        return self._index.reconstruct_n(0, n) if n else np.zeros((0, self.dim), dtype=np.float32)  # type: ignore[no-any-return]

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    def count(self) -> int:
        return int(self._index.ntotal)

    def params(self) -> dict[str, Any]:
        if self.kind == HNSW:
            return {"kind": HNSW, "M": HNSW_M, "ef_construction": HNSW_EF_CONSTRUCTION, "ef_search": HNSW_EF_SEARCH}
        return {"kind": FLAT}

    @classmethod
    def load(cls, path: Path, kind: str = FLAT) -> FaissIndex:
        import faiss

        # the codes are memory-mapped, not read: opening costs the same at any size, and pages are read (and
        # shared with other processes through the page cache) as searches touch them. Segments are immutable.
        index = faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC)
        return cls(index.d, index, kind)


def new_vector_index(dim: int, expected: int) -> FaissIndex:
    """The backend for a segment of `expected` vectors: exact when small, HNSW when large."""
    return FaissIndex(dim, kind=HNSW if expected >= ANN_MIN_VECTORS else FLAT)
