"""Benchmark (not a test): text processing time against input length, from 1 KB to 5 MB.

For one article written as a single line and as many short lines, it times what an index build does
to the text before embedding it: reading the file (`load_corpus`), sentence splitting, sentences cut to
fit a chunk (`document_sentences`), chunking (`chunk_sentences`) and figure extraction per sentence
(`extract_figures`, as `rag/building.py` calls it). The last column runs `extract_figures` on the whole
text at once, which the build never does; it stops at the first size that takes longer than
--whole-limit seconds, since it compares every figure with every figure kept before it.
Run: python bench/bench_text.py [--sizes 1e3,1e4,1e5,1e6,5e6]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rag.chunking import chunk_sentences, document_sentences  # noqa: E402
from rag.claims import extract_claims, load_parser  # noqa: E402
from rag.corpus import load_corpus  # noqa: E402
from rag.figures import extract_figures  # noqa: E402
from rag.sentences import split_sentences  # noqa: E402

T = TypeVar("T")
NAMES = ["Amazon", "Anthropic", "Helios Power", "Crumb & Co.", "Metrolink", "Orbit Capital", "Zephyr Labs", "AWS"]
VERBS = ["invested", "raised", "committed", "spent", "lost", "borrowed"]
MONTHS = ["Jan.", "Feb.", "March", "Sept.", "Oct.", "Dec."]


def sentence(rng: random.Random) -> str:
    """A news-like sentence with figures, abbreviations and names; random values keep every sentence distinct."""
    a, b = rng.sample(NAMES, 2)
    forms = [
        f"{a} {rng.choice(VERBS)} ${rng.randint(1, 999)}.{rng.randint(0, 9)} billion in {b} on {rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1990, 2030)}.",
        f"Mr. {b.split()[0]} said the U.S. plant would supply up to {rng.randint(1, 20)} gigawatts, about {rng.randint(1, 99)}% of demand.",
        f"The deal, worth nearly {rng.randint(2, 90)} bn dollars, runs {rng.randint(1, 12)}-{rng.randint(13, 36)} months (e.g. through {rng.randint(2025, 2040)}).",
        f"\"We expect {rng.randint(100, 900)},000 customers,\" {a} Inc. told reporters! Shares rose {rng.randint(1, 30)}.{rng.randint(0, 9)} percent.",
    ]
    return rng.choice(forms)


def article(n_bytes: int, one_line: bool, seed: int = 0) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n_bytes:
        if one_line:
            piece = sentence(rng) + " "
        else:
            piece = " ".join(sentence(rng) for _ in range(rng.randint(1, 4))) + "\n\n"
        parts.append(piece)
        size += len(piece)
    return "".join(parts)[:n_bytes].rstrip() + "\n"


def timed(func: Callable[[], T]) -> tuple[T, float]:
    started = time.perf_counter()
    result = func()
    return result, time.perf_counter() - started


def row(n_bytes: int, one_line: bool, whole: bool) -> tuple[list[str], float]:
    text = article(n_bytes, one_line)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "article.txt").write_text(text, encoding="utf-8")
        corpus, t_read = timed(lambda: load_corpus(tmp))
    (doc,) = corpus.documents
    spans, t_split = timed(lambda: split_sentences(doc.text))
    sents, t_sents = timed(lambda: document_sentences(doc))
    chunks, t_chunks = timed(lambda: chunk_sentences(doc, sents))
    figures, t_figs = timed(lambda: sum(len(extract_figures(s.text)) for s in sents))
    claims, t_parse = timed(lambda: len(extract_claims(doc.doc_id, list(enumerate(sents)))))
    total = t_read + t_sents + t_chunks + t_figs + t_parse
    if whole:
        found, t_whole = timed(lambda: len(extract_figures(doc.text)))
        whole_cell = f"{t_whole:9.2f} s ({found:,})"
    else:
        t_whole, whole_cell = 0.0, "        not run"
    cells = [
        f"{len(text.encode()):>10,}", "one line" if one_line else "many lines", f"{len(spans):>8,}", f"{len(chunks):>7,}",
        f"{figures:>8,}", f"{t_read:7.2f}", f"{t_split:7.2f}", f"{t_sents:7.2f}", f"{t_chunks:7.2f}", f"{t_figs:7.2f}",
        f"{t_parse:7.2f}", f"{total:7.2f}", whole_cell,
    ]
    return cells, t_whole


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1e3,1e4,1e5,1e6,5e6", help="input lengths in bytes, comma-separated")
    parser.add_argument("--whole-limit", type=float, default=10.0, help="stop the whole-text figure column past this many seconds")
    args = parser.parse_args()
    sizes = [int(float(s)) for s in args.sizes.split(",")]
    header = ["bytes", "layout", "sentences", "chunks", "figures", "read s", "split s", "sents s", "chunk s", "figs s",
              "parse s", "total s", "figures, whole text at once"]
    widths = [10, 10, 9, 7, 8, 7, 7, 7, 7, 7, 7, 7, 27]
    load_parser()
    print("  ".join(h.rjust(w) for h, w in zip(header, widths)))
    print("  (total = read + sents (split and cut to fit) + chunk + figs per sentence + parse (claims):"
          " what an index build does before embedding)")
    for one_line in (True, False):
        whole = True
        for n in sizes:
            cells, t_whole = row(n, one_line, whole)
            print("  ".join(c.rjust(w) for c, w in zip(cells, widths)), flush=True)
            whole = whole and t_whole <= args.whole_limit


if __name__ == "__main__":
    main()
