"""The index layer: articles cut into parts, written as immutable segments, opened as one view.

parts.py (one article's sentences, chunks, claims), segment.py (a folder of documents in SQLite with
memory-mapped vectors and postings), vectors.py (FAISS backends and their factory), bm25.py (lexical
postings), view.py (the open index by global id), store.py (versions, updates, merges, checks),
ray_build.py (the same work as a Ray Data pipeline).
"""

from rag.index.store import EnsureResult, check_index, ensure_index, locked, read_index, read_manifest
from rag.index.view import IndexData

__all__ = ["EnsureResult", "IndexData", "check_index", "ensure_index", "locked", "read_index", "read_manifest"]
