"""Fit the answerer's sentence-score weights and its confidence model on the evaluation sets.

Prints the sentence accuracy of a grid of weights on each set and the logistic confidence fit; the
chosen numbers go into rag/config.py (SCORE_WEIGHTS, CONFIDENCE_WEIGHTS) by hand, so every change is reviewed.
Run: python bench/tune.py   (uses the indexes `rag eval` keeps under index/.eval)
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rag.answering import score_sentences  # noqa: E402
from rag.engine import Engine  # noqa: E402
from rag.evaluation import answer_matches, squad_corpus  # noqa: E402
from rag.retrieval import retrieve  # noqa: E402

FEATURES = ("dense", "overlap", "typed", "passage", "heading", "window", "context")


def collect(engine: Engine, questions: list[dict], judge) -> list[tuple[np.ndarray, np.ndarray, bool]]:  # type: ignore[no-untyped-def]
    """For each question: the feature matrix of its candidate sentences, which are right, answerable or not."""
    st = engine.state
    vectors = engine._embedder().encode([q["question"] for q in questions])
    rows = []
    for q, v in zip(questions, vectors):
        passages = retrieve(st.data, q["question"], v)
        scored = score_sentences(st.data, q["question"], v, passages, st.idf)
        if not scored:
            rows.append((np.zeros((0, len(FEATURES))), np.zeros(0, bool), bool(q["answers"])))
            continue
        X = np.array([[getattr(s, f) for f in FEATURES] for s in scored])
        y = np.array([judge(q, st.data.sentences[s.sentence_id].text, s) for s in scored])
        rows.append((X, y, bool(q["answers"])))
    return rows


def squad_judge(q, text, s):  # type: ignore[no-untyped-def]
    return any(g in text for g in q["answers"])


def seed_judge(q, text, s):  # type: ignore[no-untyped-def]
    got = s.span.text if s.span else text
    return any(answer_matches(got, s.span.figure if s.span else None, want) for want in q["answers"])


def accuracy(rows, w: np.ndarray) -> float:  # type: ignore[no-untyped-def]
    hits = n = 0
    for X, y, answerable in rows:
        if not answerable:
            continue
        n += 1
        if len(X):
            hits += bool(y[int(np.argmax(X @ w))])
    return hits / max(1, n)


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    work = root / "index" / ".eval"
    seed_q = [json.loads(line) for line in (root / "eval/seed_questions.jsonl").read_text().splitlines() if line.strip()]
    seed = collect(Engine(root / "corpus", work / "seed-index").open(), seed_q, seed_judge)
    squad_q = squad_corpus(root / "eval/squad2-dev-public.json", work / "squad" / "corpus")
    squad = collect(Engine(work / "squad" / "corpus", work / "squad" / "index").open(), squad_q, squad_judge)
    grid = itertools.product([0.3, 0.5, 0.7], [0.35, 0.5, 0.7], [0.1, 0.2, 0.3], [0.0, 0.05], [0.0, 0.1], [0.0, 0.1, 0.2], [0.0, 0.2, 0.4, 0.6])
    results = []
    for d, o, t, p, h, win, c in grid:
        w = np.array([d, o, t, p, -h, win, c])
        results.append((accuracy(seed, w), accuracy(squad, w), (d, o, t, p, h, win, c)))
    results.sort(key=lambda r: -(r[0] + r[1]))
    print("seed   squad  weights (dense, overlap, typed, passage, heading, window, context)")
    for a, b, w in results[:15]:
        print(f"{a:.3f}  {b:.3f}  {w}")
    d, o, t, p, h, win, c = results[0][2]
    best = np.array([d, o, t, p, -h, win, c])
    # confidence: logistic regression on the best sentence's signals, label = that sentence is right
    from sklearn.linear_model import LogisticRegression

    X, y = [], []
    # SQuAD's unanswerable questions are written to look answerable from the paragraph; a confidence fitted
    # on them learns to distrust word overlap, which is what tells "capital of France" apart. They are left
    # out of the fit (and still reported), so the confidence is P(right) for a question about the corpus.
    for rows in (seed, [r for r in squad if r[2]]):
        for Xq, yq, answerable in rows:
            if not len(Xq):
                continue
            i = int(np.argmax(Xq @ best))
            X.append(Xq[i, :3])
            y.append(bool(yq[i]) and answerable)
    model = LogisticRegression(C=10.0).fit(np.array(X), np.array(y))
    print("confidence weights (dense, overlap, typed):", model.coef_[0].round(3), "bias:", model.intercept_.round(3))
    print("threshold  seed-right  seed-abstain  squad-sentence  squad-abstain")
    for threshold in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        figures = []
        for rows in (seed, squad):
            right = abstain = n_ans = n_un = 0
            for Xq, yq, answerable in rows:
                n_ans += answerable
                n_un += not answerable
                if not len(Xq):
                    abstain += not answerable
                    continue
                i = int(np.argmax(Xq @ best))
                conf = model.predict_proba(Xq[i : i + 1, :3])[0, 1]
                if conf < threshold:
                    abstain += not answerable
                elif answerable:
                    right += bool(yq[i])
            figures += [right / max(1, n_ans), abstain / max(1, n_un)]
        print(f"{threshold:.2f}       " + "        ".join(f"{f:.3f}" for f in figures))


if __name__ == "__main__":
    main()


def oracle(rows) -> float:  # type: ignore[no-untyped-def]
    ans = [y for X, y, a in rows if a]
    return sum(bool(y.any()) for y in ans) / max(1, len(ans))
