"""The project's evaluation sets: seed questions on the bundled corpus, and the public SQuAD 2.0 sample."""

from __future__ import annotations

import json
import re
import string
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from rag.embedding import Progress
from rag.engine import Engine
from rag.errors import RagError
from rag.figures import parse_figures, same_value
from rag.records import Answer, Figure

CALIBRATION_BINS = 10


@dataclass
class Report:
    figures: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def format_report(name: str, report: Report) -> str:
    lines = [f"== {name}"]
    lines += [f"  {k}: {v}" for k, v in report.counts.items()]
    lines += [f"  {k}: {v:.3f}" for k, v in report.figures.items()]
    if report.failures:
        lines.append(f"  misses ({len(report.failures)}):")
        lines += [f"    {f}" for f in report.failures]
    return "\n".join(lines)


# ---------------------------------------------------------------- seed questions


def seed_answer_ok(answer: Answer, accepted: list[str]) -> bool:
    """Right when a figure has the accepted value, or the accepted text is in the answer."""
    if answer.abstained:
        return False
    return any(answer_matches(answer.text, answer.figure, want) for want in accepted)


def answer_matches(text: str, figure: Figure | None, want: str) -> bool:
    """A figure answer matches by value and unit ("$5bn" is "$5 billion"); any other by its words."""
    if figure is not None:
        return any(same_value(f.value, figure.value) and f.unit == figure.unit for f in parse_figures(want))
    return bool(normalize(want)) and normalize(want) in normalize(text)


def run_seed(questions: Path, corpus_dir: Path, index_dir: Path, mode: str = "hybrid") -> Report:
    engine = Engine(corpus_dir, index_dir).open()
    items = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = Report()
    right = cited = abstain_ok = answerable = unanswerable = 0
    labels, confs, times = [], [], []
    for item in items:
        t0 = time.perf_counter()
        answer = engine.ask(item["question"], mode=mode)
        times.append(time.perf_counter() - t0)
        if item["answers"]:
            answerable += 1
            ok = seed_answer_ok(answer, item["answers"])
            supported = bool(answer.citations) and answer.citations[0].doc_id in item["documents"]
            right += ok and supported
            cited += supported
            labels.append(ok and supported)
            if not (ok and supported):
                report.failures.append(f"{item['id']} {item['question']!r}: got {answer.text!r} from {answer.citations[0].doc_id if answer.citations else '-'}")
        else:
            unanswerable += 1
            abstain_ok += answer.abstained
            labels.append(False)
            if not answer.abstained:
                report.failures.append(f"{item['id']} {item['question']!r}: should abstain, got {answer.text!r}")
        confs.append(answer.confidence)
    report.counts = {"questions": len(items), "answerable": answerable, "unanswerable": unanswerable}
    report.figures = {
        "answer right and cited from a supporting document": right / max(1, answerable),
        "first citation from a supporting document": cited / max(1, answerable),
        "abstained when the corpus has no answer": abstain_ok / max(1, unanswerable),
        "overall (answerable right + unanswerable abstained)": (right + abstain_ok) / max(1, len(items)),
        **calibration(labels, confs),
        "latency p50 ms": 1000 * float(np.percentile(times, 50)),
    }
    return report


# ---------------------------------------------------------------- SQuAD 2.0


def squad_corpus(squad_file: Path, corpus_dir: Path) -> list[dict]:
    """Write each SQuAD article as one document (paragraphs separated by blank lines); return its questions."""
    data = json.loads(squad_file.read_text(encoding="utf-8"))["data"]
    corpus_dir.mkdir(parents=True, exist_ok=True)
    questions = []
    for article in data:
        text = "\n\n".join(p["context"] for p in article["paragraphs"])
        path = corpus_dir / f"{article['title']}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        for p in article["paragraphs"]:
            for qa in p["qas"]:
                golds = [a["text"] for a in qa["answers"]] if not qa.get("is_impossible") else []
                questions.append({"id": qa["id"], "question": qa["question"], "answers": golds, "doc": article["title"]})
    return questions


def run_squad(squad_file: Path, work_dir: Path, mode: str = "hybrid", progress: Progress | None = None) -> Report:
    questions = squad_corpus(squad_file, work_dir / "corpus")
    engine = Engine(work_dir / "corpus", work_dir / "index").open(progress=progress)
    data = engine.data
    embedder = engine._embedder()
    vectors = embedder.encode([q["question"] for q in questions])
    baseline_ids = np.argmax(vectors @ data.sentence_vectors.T, axis=1)
    report = Report()
    sent_ok = base_ok = em = answered_wrong = abstain_ok = n_ans = n_unans = errors = 0
    f1 = 0.0
    labels, confs = [], []
    for q, base in zip(questions, baseline_ids.tolist()):
        try:
            answer = engine.ask(q["question"], mode=mode)
        except RagError:
            errors += 1
            continue
        if q["answers"]:
            n_ans += 1
            ok = not answer.abstained and any(g in answer.sentence for g in q["answers"])
            sent_ok += ok
            base_ok += any(g in data.sentences[base].text for g in q["answers"])
            if not answer.abstained:
                em += max(exact_match(answer.text, g) for g in q["answers"])
                f1 += max(f1_score(answer.text, g) for g in q["answers"])
            labels.append(ok)
        else:
            n_unans += 1
            abstain_ok += answer.abstained
            answered_wrong += not answer.abstained
            labels.append(False)
        confs.append(answer.confidence)
    report.counts = {"questions": len(questions), "answerable": n_ans, "unanswerable": n_unans, "errors": errors}
    report.figures = {
        "answerable: supporting sentence contains a gold answer": sent_ok / max(1, n_ans),
        "answerable: baseline (sentence most similar to the question)": base_ok / max(1, n_ans),
        "answerable: short answer exact match": em / max(1, n_ans),
        "answerable: short answer F1": f1 / max(1, n_ans),
        "unanswerable: abstained": abstain_ok / max(1, n_unans),
        **calibration(labels, confs),
    }
    return report


# ---------------------------------------------------------------- metrics


def normalize(text: str) -> str:
    """SQuAD's answer normalization: lower case, no punctuation, no articles, single spaces."""
    text = text.lower()
    text = "".join(ch for ch in text if ch not in set(string.punctuation) | {"’", "‘", "“", "”"})
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def exact_match(prediction: str, gold: str) -> int:
    return int(normalize(prediction) == normalize(gold))


def f1_score(prediction: str, gold: str) -> float:
    pred, ref = normalize(prediction).split(), normalize(gold).split()
    common = Counter(pred) & Counter(ref)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision, recall = same / len(pred), same / len(ref)
    return 2 * precision * recall / (precision + recall)


def calibration(labels: list[bool], confidences: list[float]) -> dict[str, float]:
    """Brier score and expected calibration error of the confidence against being right."""
    if not labels:
        return {}
    y = np.asarray(labels, dtype=float)
    p = np.asarray(confidences, dtype=float)
    ece = 0.0
    bins: Callable[[float], int] = lambda c: min(CALIBRATION_BINS - 1, int(c * CALIBRATION_BINS))  # noqa: E731
    ids = np.array([bins(c) for c in p])
    for b in range(CALIBRATION_BINS):
        mask = ids == b
        if mask.any():
            ece += mask.mean() * abs(y[mask].mean() - p[mask].mean())
    return {"confidence Brier score": float(np.mean((p - y) ** 2)), "confidence ECE": float(ece)}
