"""Dense and lexical retrieval of chunks, fused by reciprocal rank."""

from __future__ import annotations

import numpy as np

from rag.config import DEFAULT_TOP_K, RRF_K
from rag.index.view import IndexData
from rag.records import Passage

MODES = ("hybrid", "dense", "lexical")
CANDIDATES_PER_LIST = 20


def retrieve(data: IndexData, question: str, query_vector: np.ndarray, k: int = DEFAULT_TOP_K, mode: str = "hybrid") -> list[Passage]:
    """The `k` best chunks for a question, best first. `mode` picks one list alone, for measurement."""
    if mode not in MODES:
        raise ValueError(f"unknown retrieval mode {mode!r}; choose one of {', '.join(MODES)}")
    n = min(CANDIDATES_PER_LIST, len(data.chunks))
    dense: list[int] = []
    lexical: list[int] = []
    if mode in ("hybrid", "dense"):
        _, ids = data.vectors.search(query_vector.reshape(1, -1), n)
        dense = [int(i) for i in ids[0] if i >= 0]
    if mode in ("hybrid", "lexical"):
        lexical = [cid for cid, _ in data.lexical.top(question, n)]
    fused: dict[int, float] = {}
    for ranking in (dense, lexical):
        for rank, cid in enumerate(ranking):
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
    dense_rank = {cid: r for r, cid in enumerate(dense)}
    lexical_rank = {cid: r for r, cid in enumerate(lexical)}
    best = sorted(fused, key=lambda cid: (-fused[cid], cid))[:k]
    return [Passage(cid, fused[cid], dense_rank.get(cid), lexical_rank.get(cid)) for cid in best]
