"""How the answer side grows with the corpus (a benchmark, not a test): the seed articles copied K times, indexed
with the tests' stand-in embedder (a bag of hashed words) so only the index, claims and answerer are timed.
Prints per-question time without the query encoding, and the figure-check time, for 5, 100 and 400 articles.
Run: python bench/bench_growth.py
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

from rag.analysis import analyse  # noqa: E402
from rag.answering import answer_question  # noqa: E402
from rag.engine import Engine  # noqa: E402
from rag.retrieval import retrieve  # noqa: E402
from tests.conftest import HashEmbedder  # noqa: E402

QUESTIONS = [
    "What is Anthropic's annual revenue?", "What is Amazon's total investment in Anthropic?",
    "What is Amazon's latest investment in Anthropic?", "How much does Anthropic plan to spend on AWS?",
]
COPIES = (1, 20, 80)
PASSES = 5


def measure(copies: int) -> str:
    work = Path(tempfile.mkdtemp(prefix="rag-growth-"))
    try:
        (work / "corpus").mkdir()
        for i in range(copies):
            for f in (ROOT / "corpus").glob("*.txt"):
                (work / "corpus" / f"{i:03d}_{f.name}").write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
        started = time.perf_counter()
        engine = Engine(work / "corpus", work / "index", embedder=HashEmbedder).open()
        build = time.perf_counter() - started
        state = engine.state
        times = []
        for _ in range(PASSES):
            for question in QUESTIONS:
                q, vector = analyse(question), engine.embed([question])[0]
                started = time.perf_counter()
                answer_question(state.data, q, vector, retrieve(state.data, question, vector), state.data.idf)
                times.append(time.perf_counter() - started)
        started = time.perf_counter()
        for _ in range(PASSES):
            engine.figure_check("$30 billion")
        check = (time.perf_counter() - started) / PASSES
        return (
            f"{5 * copies} articles, {len(state.data.claims)} claims: build {build:.1f} s, per question (no encoding)"
            f" p50 {1000 * statistics.median(times):.1f} ms, figure check {1000 * check:.1f} ms"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    for copies in COPIES:
        print(measure(copies), flush=True)
