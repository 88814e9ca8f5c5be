"""How the index and the answer side scale with the corpus (a benchmark, not a test).

    python bench/bench_scale.py --sizes 5,1000,10000 [--real 200] [--budget-minutes 30]

For each size N it makes a synthetic news corpus of N articles in a temporary folder: the 5 seed articles,
one "needle" article with a unique fact, and filler articles of about 860 words mixed from real sentences
(the seed articles and the SQuAD sample) with their figures varied. Then it prints: build time and articles
per second, disk use, engine open time, cold `rag ask` time, per-question p50/p95 with and without the query
encoding, loaded RSS after 100 questions, figure-check time, time and bytes written to edit one article and
to add one, ANN recall@10 against exact search, the bounded BM25 search against reading every posting, and whether
the needle answer is right.

Filler articles beyond `--real` are NOT embedded: their segments are written directly, with vectors made
from real MiniLM vectors of the source sentences plus Gaussian noise (normalized), and claims without a
parse (figure, a subject and a measure drawn from small lists). The output says so. The seeds, the needle and
the first `--real` filler articles are indexed for real, by `rag index`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from rag.config import DEFAULT_CHUNK_SETTINGS, DEFAULT_SENTENCE_VECTORS, SENTENCE_VECTOR_ROUTES  # noqa: E402
from rag.records import Claim  # noqa: E402

NEEDLE_FILE = "zz_needle.txt"
NEEDLE_TEXT = (
    "Harbourview Robotics opens a plant in Tromsø.\n\n"
    "Harbourview Robotics said on Monday that it will open its first assembly plant in Tromsø, Norway, in 2027. "
    "The plant will employ 412 people and build underwater inspection drones for offshore wind farms. "
    "Chief executive Marit Solberg said the site was chosen for its deep-water port."
)
COLD_ASKS = 3  # cold `rag ask` runs per size
NEEDLE_QUESTION = "How many people will the Harbourview Robotics plant in Tromsø employ?"
NEEDLE_ANSWER = "412"
QUESTIONS = [
    "How much is Amazon investing in Anthropic?", "What is Anthropic's annual revenue?",
    "Who founded Anthropic?", "What chips will Anthropic use?", "How much capacity will the data centers have?",
    "What did Microsoft invest in OpenAI?", "When was the steam engine improved by Watt?",
    "What is the Scottish Parliament?", "Who were the Normans?", "What caused the 1973 oil crisis?",
    NEEDLE_QUESTION,
]
SUBJECTS = ["Amazon", "Anthropic", "Google", "Microsoft", "OpenAI", "Nvidia", "Meta", "Apple", "Oracle", "Intel",
            "Northwind", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Acme"]
FILLER_FIRMS = 2_000  # names a filler claim is about besides the big ones: an archive speaks of many companies


def filler_subject(n: int) -> str:
    """One in four filler claims is about one of the 20 big names, the rest about one of FILLER_FIRMS firms."""
    return SUBJECTS[n % len(SUBJECTS)] if n % 4 == 0 else f"Firm{n % FILLER_FIRMS}"


MEASURES = ["investment", "revenue", "valuation", "stake", "capacity", "funding", "profit", "contract", "spending", "sales"]
FILLER_NOISE = 0.05
FILLER_SEGMENT_DOCS = 25_000
WORDS_PER_ARTICLE = 860
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def source_sentences() -> list[str]:
    from rag.corpus import load_corpus
    from rag.sentences import split_sentences

    out: list[str] = []
    for doc in load_corpus(ROOT / "corpus").documents:
        out += [doc.text[a:b] for a, b in split_sentences(doc.text)]
    for name in ("squad2-dev-public.json", "squad2-dev-more.json"):
        path = ROOT / "eval" / name if (ROOT / "eval" / name).exists() else ROOT.parent / "shared" / "eval" / name
        if path.exists():
            for article in json.loads(path.read_text(encoding="utf-8"))["data"]:
                for para in article["paragraphs"]:
                    out += [para["context"][a:b] for a, b in split_sentences(para["context"])]
    return [s.strip() for s in out if 40 <= len(s.strip()) <= 400 and "\n" not in s.strip()]


def vary(sentence: str, rng: random.Random) -> str:
    return _NUMBER.sub(lambda m: str(rng.randint(2, 999)), sentence)


def filler_article(i: int, pool: list[str], rng: random.Random) -> tuple[str, list[int]]:
    """An article text and the pool index of each of its sentences."""
    picks: list[int] = []
    words = 0
    while words < WORDS_PER_ARTICLE:
        k = rng.randrange(len(pool))
        picks.append(k)
        words += len(pool[k].split())
    title = f"Report {i}: {pool[picks[0]][:60].rsplit(' ', 1)[0]}"
    return title + "\n\n" + " ".join(vary(pool[k], rng) for k in picks), picks


def make_corpus(folder: Path, n: int, pool: list[str], seed: int = 7) -> dict[str, list[int]]:
    """Write the corpus; returns, per filler file, the pool indexes of its sentences (for filler vectors)."""
    folder.mkdir(parents=True)
    for f in (ROOT / "corpus").iterdir():
        if f.is_file():
            shutil.copy(f, folder / f.name)
    (folder / NEEDLE_FILE).write_text(NEEDLE_TEXT, encoding="utf-8")
    rng = random.Random(seed)
    sources: dict[str, list[int]] = {}
    for i in range(max(0, n - 6)):
        name = f"f{i:07d}.txt"
        text, picks = filler_article(i, pool, rng)
        (folder / name).write_text(text, encoding="utf-8")
        sources[name] = picks
    return sources


def run(cmd: list[str], **kw) -> tuple[float, subprocess.CompletedProcess]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, HF_HUB_OFFLINE="1"), **kw)
    return time.perf_counter() - start, done


def rag(*args: str) -> list[str]:
    return [sys.executable, "-m", "rag.cli", *args]


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def files_of(folder: Path) -> dict[str, int]:
    return {str(p): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


# ---------------------------------------------------------------- filler segments


def write_filler(index_dir: Path, corpus: Path, sources: dict[str, list[int]], pool_vectors: np.ndarray, pool: list[str]) -> None:
    """Segments for the filler files, written directly (no embedding, no parse), FILLER_SEGMENT_DOCS articles each,
    by one process per core; then a version over all segments."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    from rag.corpus import scan_corpus
    from rag.index import store
    from rag.index.reuse import sentence_route

    manifest = json.loads((index_dir / (index_dir / "CURRENT").read_text().strip() / "manifest.json").read_text())
    scan = scan_corpus(corpus)
    entries = [e for e in scan.entries if e.file in sources and e.doc_id not in _indexed(index_dir, manifest)]
    dim = pool_vectors.shape[1]
    segments = list(manifest["segments"])
    batches = [entries[lo : lo + FILLER_SEGMENT_DOCS] for lo in range(0, len(entries), FILLER_SEGMENT_DOCS)]
    _FILLER.update(index_dir=index_dir, scan=scan, sources=sources, pool_vectors=pool_vectors, dim=dim)
    workers = max(1, min(len(batches), os.cpu_count() or 1))
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool_exec:
        for number, (name, count) in enumerate(pool_exec.map(_filler_segment, range(len(batches)), batches)):
            segments.append(store._segment_entry(index_dir, name))
            print(f"    filler segment {number + 1}/{len(batches)} {name}: {count:,} articles", flush=True)
    version = store._write_version(
        index_dir, manifest["model"], dim, DEFAULT_CHUNK_SETTINGS, segments, {}, {}, None, route=sentence_route(manifest)
    )
    store._collect(index_dir, version, segments)


_FILLER: dict = {}  # what the forked segment writers share with the parent


def _filler_segment(number: int, batch: list) -> tuple[str, int]:  # type: ignore[type-arg]
    import faiss

    from rag.chunking import chunk_sentences, document_sentences
    from rag.corpus import read_entries
    from rag.figures import extract_figures
    from rag.index.parts import DocPart, TextBounds
    from rag.index.segment import SegmentInput, write_segment

    faiss.omp_set_num_threads(1)  # one writer per core already
    rng = np.random.default_rng(11 + number)
    pool_vectors, sources = _FILLER["pool_vectors"], _FILLER["sources"]
    docs, _ = read_entries(_FILLER["scan"], batch)
    parts: list[DocPart] = []
    chunk_vectors: list[np.ndarray] = []
    sentence_vectors: list[np.ndarray] = []
    for doc, entry in zip(docs, batch):
        sentences = document_sentences(doc, DEFAULT_CHUNK_SETTINGS)
        chunks = chunk_sentences(doc, sentences, 0, DEFAULT_CHUNK_SETTINGS)
        picks = sources[entry.file]
        base = pool_vectors[[picks[min(i, len(picks) - 1)] for i in range(len(sentences))]]
        sv = base + rng.normal(0, FILLER_NOISE, base.shape).astype(np.float32)
        sv /= np.linalg.norm(sv, axis=1, keepdims=True)
        cv = np.stack([base[c.first_sentence : c.last_sentence + 1].mean(0) for c in chunks])
        cv += rng.normal(0, FILLER_NOISE, cv.shape).astype(np.float32)
        cv /= np.linalg.norm(cv, axis=1, keepdims=True)
        claims = []
        for sid, s in enumerate(sentences):
            for f in extract_figures(s.text):
                shifted = type(f)(f.value, f.unit, f.text, f.start + s.start, f.end + s.start, f.qualifier, f.high)
                claims.append(Claim(doc.doc_id, sid, shifted, subject=filler_subject(len(doc.text) * 31 + sid),
                                    measure=MEASURES[sid % len(MEASURES)]))
        parts.append(DocPart(doc, tuple(sentences), tuple(chunks), tuple(claims), TextBounds(), entry.stamp))
        chunk_vectors.append(cv.astype(np.float32))
        sentence_vectors.append(sv.astype(np.float32))
    data = SegmentInput(parts, np.concatenate(chunk_vectors), np.concatenate(sentence_vectors))
    return write_segment(_FILLER["index_dir"], data, _FILLER["dim"]), len(parts)


def _indexed(index_dir: Path, manifest: dict) -> set[str]:
    import sqlite3

    out: set[str] = set()
    for s in manifest["segments"]:
        con = sqlite3.connect(index_dir / s["name"] / "segment.db")
        out |= {r[0] for r in con.execute("SELECT doc_id FROM documents")}
        con.close()
    return out


# ---------------------------------------------------------------- measuring one size


PROBE = r'''
import json, os, sys, time, resource
import numpy as np
os.environ["HF_HUB_OFFLINE"] = "1"
from rag.engine import Engine
from rag.embedding import default_embedder
corpus, index, questions = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
emb = default_embedder(); emb.encode(["warm"])
t = time.perf_counter(); engine = Engine(corpus, index).open(); open_s = time.perf_counter() - t
with_enc = []
for i in range(100):
    q = questions[i % len(questions)]
    t = time.perf_counter(); a = engine.ask(q); with_enc.append(time.perf_counter() - t)
cache = {q: emb.encode([q]) for q in questions}
class Cached:
    name = emb.name; dim = emb.dim
    def encode(self, texts, progress=None):
        return cache[texts[0]] if len(texts) == 1 and texts[0] in cache else emb.encode(texts)
engine._embedder = lambda: Cached()
without = []
for i in range(100):
    q = questions[i % len(questions)]
    t = time.perf_counter(); engine.ask(q); without.append(time.perf_counter() - t)
figs = []
for q in ["$25 billion", "$5 billion", "5 GW", "49%", "412"]:
    t = time.perf_counter(); engine.figure_check(q); figs.append(time.perf_counter() - t)
coverage = []  # questions about the articles themselves (rag/coverage.py): a common word, a rare one, none, a negation
for q in ["Which articles mention Anthropic?", "How many articles mention NVIDIA?", "Which articles do not mention OpenAI?",
          "Does any article mention Zorblax?"]:
    engine.ask(q)  # the first reads every article's date once, for the newest-first order
    t = time.perf_counter(); engine.ask(q); coverage.append(time.perf_counter() - t)
needle = engine.ask(questions[-1])
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"): return int(line.split()[1]) / 1024
print(json.dumps({"open_s": open_s, "with_enc": with_enc, "without": without, "figure": figs, "coverage": coverage, "rss_mb": rss(),
    "needle": needle.text, "needle_sentence": needle.sentence}))
'''


def recall_questions() -> list[str]:
    """Real questions for the recall measure: the seed evaluation's and the first 200 of the public SQuAD sample."""
    qs = [json.loads(line)["question"] for name in ("seed_dev.jsonl", "seed_test.jsonl")
          for line in (ROOT / "eval" / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    squad = json.loads((ROOT / "eval" / "squad2-dev-public.json").read_text(encoding="utf-8"))["data"]
    return qs + [qa["question"] for a in squad for p in a["paragraphs"] for qa in p["qas"]][:200]


def recall_at_10(index_dir: Path, queries: np.ndarray) -> float | None:
    """ANN recall@10 of the merged search against exact search over every chunk vector."""
    from rag.embedding import default_embedder
    from rag.index.store import read_index

    data = read_index(index_dir, default_embedder.name)  # type: ignore[attr-defined]
    if not any(s.vectors.kind != "flat" for s in data.segments):
        return None
    allv = np.concatenate([s.vectors.all_vectors() for s in data.segments])
    exact = np.argsort(-(queries @ allv.T), axis=1)[:, :10]
    hits = 0
    for q, truth in zip(queries, exact):
        _, ids = data.vectors.search(q.reshape(1, -1), 10)
        hits += len(set(ids[0].tolist()) & set(truth.tolist()))
    return hits / (10 * len(queries))


def lexical_bound(index_dir: Path, questions: list[str], n: int = 10) -> tuple[float, float]:
    """The bounded BM25 search (rag.index.bm25.MAX_POSTINGS_READ postings per term) against reading every posting:
    the share of the exact top n it keeps, and the exact scores of the n it returns over the exact top n's."""
    from rag.embedding import default_embedder
    from rag.index import bm25
    from rag.index.store import read_index

    data = read_index(index_dir, default_embedder.name)  # type: ignore[attr-defined]
    bound = bm25.MAX_POSTINGS_READ
    kept, ratios = [], []
    try:
        for q in questions:
            bm25.MAX_POSTINGS_READ = 2**62
            exact = dict(data.lexical.top(q, 10**7))
            truth = sorted(exact, key=lambda c: (-exact[c], c))[:n]
            bm25.MAX_POSTINGS_READ = bound
            got = [c for c, _ in data.lexical.top(q, n)]
            if truth:
                kept.append(len(set(got) & set(truth)) / len(truth))
                ratios.append(sum(exact.get(c, 0.0) for c in got) / sum(exact[c] for c in truth))
    finally:
        bm25.MAX_POSTINGS_READ = bound
    return statistics.mean(kept), statistics.mean(ratios)


def measure(
    n: int, real: int, pool: list[str], pool_vectors: np.ndarray | None, work: Path, baseline: dict, route: str = DEFAULT_SENTENCE_VECTORS,
    keep: bool = False,
) -> dict:
    corpus, index = work / f"corpus-{n}", work / f"index-{n}"
    t = time.perf_counter()
    sources = make_corpus(corpus, n, pool)
    print(f"  corpus of {n:,} articles written in {time.perf_counter() - t:.1f} s", flush=True)
    filler = {name: picks for i, (name, picks) in enumerate(sorted(sources.items())) if i >= real}
    held = work / f"held-{n}"
    held.mkdir()
    for name in filler:
        os.rename(corpus / name, held / name)  # the real build sees seeds, needle and the first `real` fillers
    build_s, done = run(rag("index", "--corpus", str(corpus), "--index", str(index), "--sentence-vectors", route))
    assert done.returncode == 0, done.stderr
    real_articles = sum(1 for p in corpus.iterdir() if not p.name.endswith(".meta.json"))
    out: dict = {"n": n, "real_articles": real_articles, "build_s": build_s, "articles_per_s": real_articles / build_s}
    for name in filler:
        os.rename(held / name, corpus / name)
    if filler:
        assert pool_vectors is not None
        t = time.perf_counter()
        write_filler(index, corpus, filler, pool_vectors, pool)
        out["filler_articles"] = len(filler)
        out["filler_write_s"] = time.perf_counter() - t
    out["disk_mb"] = folder_bytes(index) / 2**20
    colds = []
    for _ in range(COLD_ASKS):  # each a fresh process; the median, as one run swings by a tenth of a second
        cold_s, done = run(rag("ask", "--corpus", str(corpus), "--index", str(index), NEEDLE_QUESTION))
        assert done.returncode == 0, done.stderr
        colds.append(cold_s)
    out["cold_ask_s"] = statistics.median(colds)
    out["cold_ask_runs_s"] = " ".join(f"{c:.2f}" for c in colds)
    _, done = run([sys.executable, "-c", PROBE, str(corpus), str(index), json.dumps(QUESTIONS)])
    assert done.returncode == 0, done.stderr
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    out["open_s"] = probe["open_s"]
    for key in ("with_enc", "without"):
        xs = sorted(probe[key])
        out[f"q_{key}_p50_ms"] = 1000 * statistics.median(xs)
        out[f"q_{key}_p95_ms"] = 1000 * xs[int(0.95 * (len(xs) - 1))]
    out["figure_check_ms"] = 1000 * max(probe["figure"])
    out["coverage_ask_ms"] = 1000 * max(probe["coverage"])  # the slowest "Which articles mention ...?" (warm)
    out["rss_after_100_mb"] = probe["rss_mb"]
    out["needle_right"] = NEEDLE_ANSWER in probe["needle"] or NEEDLE_ANSWER in probe["needle_sentence"]
    # edit one article, then add one
    for what in ("edit", "add"):
        before = files_of(index)
        if what == "edit":
            target = corpus / (sorted(filler)[len(filler) // 2] if filler else "zz_needle.txt")
            target.write_text(target.read_text(encoding="utf-8") + "\nThe company later confirmed 17 new sites.", encoding="utf-8")
        else:
            (corpus / "zz_added.txt").write_text("Seaside Ferries adds 3 routes.\n\nSeaside Ferries said it will add 3 routes in May.", encoding="utf-8")
        secs, done = run(rag("index", "--corpus", str(corpus), "--index", str(index)))
        assert done.returncode == 0, done.stderr
        after = files_of(index)
        out[f"{what}_s"] = secs
        out[f"{what}_written_mb"] = sum(size for path, size in after.items() if path not in before or before[path] != size) / 2**20
    if pool_vectors is not None:
        from rag.embedding import default_embedder

        queries = default_embedder().encode(recall_questions())
        out["ann_recall_at_10"] = recall_at_10(index, queries)
        out["recall_queries"] = len(queries)
        out["bm25_bound_kept_at_10"], out["bm25_bound_score_ratio"] = lexical_bound(index, recall_questions())
    if baseline:
        out["cold_ask_vs_5"] = out["cold_ask_s"] / baseline["cold_ask_s"]
    out["edit_vs_cold_ask"] = out["edit_s"] / out["cold_ask_s"]
    shutil.rmtree(held, ignore_errors=True)
    if not keep:  # --keep leaves the corpus and its index in the work folder, to look into
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(index, ignore_errors=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="5,1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--real", type=int, default=100, help="filler articles indexed for real (the rest get filler vectors)")
    parser.add_argument("--budget-minutes", type=float, default=30.0, help="stop before a size that would start past this")
    parser.add_argument("--work", default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--pool-cache", default=None, help="a .npy file keeping the pool's MiniLM vectors between runs")
    parser.add_argument("--sentence-vectors", choices=SENTENCE_VECTOR_ROUTES, default=DEFAULT_SENTENCE_VECTORS,
                        help="how the real build makes sentence vectors (rag index --sentence-vectors)")
    parser.add_argument("--keep", action="store_true",
                        help="keep each size's corpus and index under --work (corpus-N, index-N) instead of deleting them")
    args = parser.parse_args()
    if args.keep and args.work is None:
        parser.error("--keep needs --work, the folder to keep them in")
    sizes = [int(x) for x in args.sizes.split(",")]
    started = time.time()
    pool = source_sentences()
    print(f"sentence pool: {len(pool):,} real sentences", flush=True)
    pool_vectors = None
    if any(n - 6 > args.real for n in sizes):
        from rag.embedding import default_embedder

        cache = Path(args.pool_cache) if args.pool_cache else None
        if cache is not None and cache.exists() and np.load(cache, mmap_mode="r").shape[0] == len(pool):
            pool_vectors = np.load(cache)
            print(f"pool vectors read from {cache}", flush=True)
        else:
            t = time.perf_counter()
            pool_vectors = default_embedder().encode(pool)
            print(f"pool embedded with MiniLM in {time.perf_counter() - t:.1f} s (for filler vectors)", flush=True)
            if cache is not None:
                np.save(cache, pool_vectors)
    work = Path(args.work or tempfile.mkdtemp(prefix="bench-scale-"))
    baseline: dict = {}
    for n in sizes:
        if (time.time() - started) / 60 > args.budget_minutes:
            print(f"N={n:,}: skipped, the {args.budget_minutes:.0f}-minute budget is spent")
            continue
        print(f"N={n:,}", flush=True)
        result = measure(n, args.real, pool, pool_vectors, work, baseline, args.sentence_vectors, args.keep)
        if not baseline:
            baseline = result
        filler = result.get("filler_articles", 0)
        if filler:
            print(f"  NOTE: {filler:,} filler articles were not embedded: their vectors are real MiniLM vectors of their"
                  f" source sentences plus Gaussian noise (sigma {FILLER_NOISE}), their claims are unparsed;"
                  f" written in {result['filler_write_s']:.1f} s. Seeds, needle and {result['real_articles'] - 6} fillers are real.")
        for key, value in result.items():
            if key != "n":
                print(f"  {key}: {value:.3f}" if isinstance(value, float) else f"  {key}: {value}")
        sys.stdout.flush()
    shutil.rmtree(work, ignore_errors=True) if args.work is None else None
    print(f"peak RSS of this driver: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB; total {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
