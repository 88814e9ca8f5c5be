"""Fit the answerer's sentence-score weights and its confidence model on the DEV splits of the evaluation sets.

Prints the sentence accuracy of a grid of weights on each set and the logistic confidence fit; the
chosen numbers go into rag/config.py (SCORE_WEIGHTS, CONFIDENCE_WEIGHTS) by hand, so every change is reviewed.
Only the dev splits are read (eval/seed_dev.jsonl and the SQuAD dev articles): `load_questions` refuses any
other split, so the test splits that `rag eval` reports stay untouched by tuning.
Run: python bench/tune.py   (uses the indexes `rag eval` keeps under index/.eval)
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import rag.config  # noqa: E402
from rag.analysis import analyse  # noqa: E402
from rag.answering import score_sentences  # noqa: E402
from rag.engine import Engine  # noqa: E402
from rag.evaluation import answer_matches, read_jsonl, split_files, squad_split  # noqa: E402
from rag.retrieval import retrieve  # noqa: E402

TUNING_SPLIT = "dev"  # the only split tuning reads; the test splits are frozen for `rag eval`
WORK = ROOT / "index" / ".eval"
# TODO: the answerer's features are to be named once, as rag.config.FEATURES; drop this fallback once it is there.
FEATURES: tuple[str, ...] = getattr(rag.config, "FEATURES", ("dense", "overlap", "typed", "passage", "heading", "window", "context"))
SIGN = {"heading": -1.0}  # the answerer subtracts the heading signal
GRID = {
    "dense": (0.3, 0.5, 0.7), "overlap": (0.35, 0.5, 0.7), "typed": (0.1, 0.2, 0.3), "passage": (0.0, 0.05),
    "heading": (0.0, 0.1), "window": (0.0, 0.1, 0.2), "context": (0.0, 0.2, 0.4, 0.6),
}
CONFIDENCE_FEATURES = ("dense", "overlap", "typed")


def load_questions(split: str) -> tuple[list[dict], list[dict]]:
    """The seed and SQuAD questions of `split`, which must be the dev split: tuning never reads a test split."""
    if split != TUNING_SPLIT:
        raise ValueError(f"bench/tune.py reads the {TUNING_SPLIT!r} split only; {split!r} is frozen for `rag eval`")
    eval_dir = ROOT / "eval"
    seed = read_jsonl(split_files("seed", split, eval_dir)[0])
    squad = squad_split(eval_dir, split, WORK / f"squad-{split}" / "corpus")
    return seed, squad


def collect(engine: Engine, questions: list[dict], judge) -> list[tuple[np.ndarray, np.ndarray, bool]]:  # type: ignore[no-untyped-def]
    """For each question: the feature matrix of its candidate sentences, which are right, answerable or not."""
    st = engine.state
    vectors = engine.embed([q["question"] for q in questions])
    rows = []
    for q, v in zip(questions, vectors):
        passages = retrieve(st.data, q["question"], v)
        scored = score_sentences(st.data, analyse(q["question"]), v, passages, st.idf)
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


def weights(chosen: dict[str, float]) -> np.ndarray:
    return np.array([SIGN.get(f, 1.0) * chosen[f] for f in FEATURES])


def main() -> None:
    missing = set(FEATURES) - set(GRID)
    if missing:
        raise SystemExit(f"bench/tune.py: add grid values for the features {sorted(missing)}")
    seed_q, squad_q = load_questions(TUNING_SPLIT)
    seed = collect(Engine(ROOT / "corpus", WORK / "seed-index").open(), seed_q, seed_judge)
    squad_dir = WORK / f"squad-{TUNING_SPLIT}"
    squad = collect(Engine(squad_dir / "corpus", squad_dir / "index").open(), squad_q, squad_judge)
    results = []
    for values in itertools.product(*(GRID[f] for f in FEATURES)):
        chosen = dict(zip(FEATURES, values))
        w = weights(chosen)
        results.append((accuracy(seed, w), accuracy(squad, w), chosen))
    results.sort(key=lambda r: -(r[0] + r[1]))
    print(f"seed-dev  squad-dev  weights ({', '.join(FEATURES)})")
    for a, b, chosen in results[:15]:
        print(f"{a:.3f}     {b:.3f}      {tuple(chosen[f] for f in FEATURES)}")
    best = weights(results[0][2])
    conf_cols = [FEATURES.index(f) for f in CONFIDENCE_FEATURES]
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
            X.append(Xq[i, conf_cols])
            y.append(bool(yq[i]) and answerable)
    model = LogisticRegression(C=10.0).fit(np.array(X), np.array(y))
    print(f"confidence weights ({', '.join(CONFIDENCE_FEATURES)}):", model.coef_[0].round(3), "bias:", model.intercept_.round(3))
    print("threshold  seed-dev-right  seed-dev-abstain  squad-dev-sentence  squad-dev-abstain")
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
                conf = model.predict_proba(Xq[i : i + 1][:, conf_cols])[0, 1]
                if conf < threshold:
                    abstain += not answerable
                elif answerable:
                    right += bool(yq[i])
            figures += [right / max(1, n_ans), abstain / max(1, n_un)]
        print(f"{threshold:.2f}       " + "        ".join(f"{f:.3f}" for f in figures))


def oracle(rows) -> float:  # type: ignore[no-untyped-def]
    ans = [y for X, y, a in rows if a]
    return sum(bool(y.any()) for y in ans) / max(1, len(ans))


if __name__ == "__main__":
    main()

