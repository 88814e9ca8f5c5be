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
from rag.engine import Engine  # noqa: E402
from rag.evaluation import answer_matches, read_jsonl, split_files, squad_split  # noqa: E402
from rag.retrieval import retrieve  # noqa: E402
from rag.scoring import score_sentences  # noqa: E402

TUNING_SPLIT = "dev"  # the only split tuning reads; the test splits are frozen for `rag eval`
WORK = ROOT / "index" / ".eval"
FEATURES = rag.config.FEATURES
CONFIDENCE_FEATURES = rag.config.CONFIDENCE_FEATURES
SIGN = {"heading": -1.0}  # the answerer subtracts the heading signal
GRID = {
    "dense": (0.3, 0.5, 0.7), "overlap": (0.35, 0.5, 0.7), "typed": (0.1, 0.2, 0.3), "passage": (0.0, 0.05),
    "heading": (0.0, 0.1), "window": (0.0, 0.1, 0.2), "context": (0.0, 0.2, 0.4, 0.6),
}
MAX_FALSE_ABSTENTION = 0.05  # the threshold is the highest that wrongly abstains on at most this share of answerable dev questions


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
        scored = score_sentences(st.data, analyse(q["question"]), v, passages, st.data.idf)
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
    seed_engine = Engine(ROOT / "corpus", WORK / "seed-index").open()
    seed = collect(seed_engine, seed_q, seed_judge)
    seed_extra = collect_confidence(seed_engine, seed_q)
    squad_dir = WORK / f"squad-{TUNING_SPLIT}"
    squad_engine = Engine(squad_dir / "corpus", squad_dir / "index").open()
    squad = collect(squad_engine, squad_q, squad_judge)
    squad_extra = collect_confidence(squad_engine, squad_q)
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
    # confidence: logistic regression on the chosen sentence's signals; label = answerable and that sentence right.
    # Unanswerable questions are negatives: abstaining on them is what the confidence is for.
    from sklearn.linear_model import LogisticRegression

    X, y, answerable_of, right_of = [], [], [], []
    for rows, extra in ((seed, seed_extra), (squad, squad_extra)):
        for (Xq, yq, answerable), ex in zip(rows, extra):
            if not len(Xq):
                continue
            i = int(np.argmax(Xq @ best))
            X.append(ex[i])
            y.append(bool(yq[i]) and answerable)
            answerable_of.append(answerable)
            right_of.append(bool(yq[i]))
    model = LogisticRegression(C=1.0, max_iter=1000).fit(np.array(X), np.array(y))
    coef = dict(zip(CONFIDENCE_FEATURES, model.coef_[0].round(3)))
    print("CONFIDENCE_WEIGHTS =", {**{k: float(v) for k, v in coef.items()}, "bias": float(model.intercept_[0].round(3))})
    conf = model.predict_proba(np.array(X))[:, 1]
    ans = np.array(answerable_of)
    print("threshold  false-abstention(answerable)  abstention(unanswerable)   (dev, seed + SQuAD)")
    for threshold in np.arange(0.05, 0.7, 0.05):
        false_abs = float(np.mean(conf[ans] < threshold))
        un_abs = float(np.mean(conf[~ans] < threshold))
        mark = "  <= chosen range" if false_abs <= MAX_FALSE_ABSTENTION else ""
        print(f"{threshold:.2f}       {false_abs:.3f}                          {un_abs:.3f}{mark}")


def collect_confidence(engine: Engine, questions: list[dict]) -> list[np.ndarray]:
    """For each question, the confidence features of every candidate sentence, in the order `collect` gives."""
    st = engine.state
    vectors = engine.embed([q["question"] for q in questions])
    out = []
    for q, v in zip(questions, vectors):
        scored = score_sentences(st.data, analyse(q["question"]), v, retrieve(st.data, q["question"], v), st.data.idf)
        out.append(np.array([[float(getattr(s, f)) for f in CONFIDENCE_FEATURES] for s in scored]))
    return out


def oracle(rows) -> float:  # type: ignore[no-untyped-def]
    ans = [y for X, y, a in rows if a]
    return sum(bool(y.any()) for y in ans) / max(1, len(ans))


if __name__ == "__main__":
    main()

