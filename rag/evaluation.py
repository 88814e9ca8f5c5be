"""The project's evaluation sets, each in a dev split (tuning may look at it) and a frozen test split (it may not).

- seed: questions on the bundled corpus (`eval/seed_dev.jsonl`, `eval/seed_test.jsonl`);
- figures: figure queries in many written forms and the articles that state each (`eval/figure_forms_*.jsonl`);
- squad: SQuAD 2.0 articles, split by article (`SQUAD_ARTICLES`).
"""

from __future__ import annotations

import json
import re
import string
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from rag.embedding import Progress
from rag.engine import Engine
from rag.errors import RagError
from rag.figures import parse_figures, same_value
from rag.records import Answer, Document, Figure

CALIBRATION_BINS = 10
SPLITS = ("dev", "test")
SEED_FILES = {"dev": "seed_dev.jsonl", "test": "seed_test.jsonl"}
FIGURE_FORM_FILES = {"dev": "figure_forms_dev.jsonl", "test": "figure_forms_test.jsonl"}
SQUAD_FILES = ("squad2-dev-public.json", "squad2-dev-more.json")
SQUAD_ARTICLES = {
    "dev": ("Normans", "Steam_engine", "1973_oil_crisis", "Harvard_University", "Scottish_Parliament", "Imperialism"),
    "test": ("Computational_complexity_theory", "Huguenot", "European_Union_law", "Packet_switching", "Islamism",
             "French_and_Indian_War"),
}
# What `rag eval --set NAME` runs: (suite, split) pairs.
EVAL_SETS: dict[str, tuple[tuple[str, str], ...]] = {
    "seed": (("seed", "dev"), ("seed", "test")),
    "seed-dev": (("seed", "dev"),),
    "seed-test": (("seed", "test"),),
    "figures": (("figures", "dev"), ("figures", "test")),
    "squad": (("squad", "dev"), ("squad", "test")),
    "squad-dev": (("squad", "dev"),),
    "squad-test": (("squad", "test"),),
}
EVAL_SETS["all"] = EVAL_SETS["seed"] + EVAL_SETS["figures"] + EVAL_SETS["squad"]
NO_CONFLICT_NOTE = "no-conflict"  # a near-miss question: figures near each other, no real disagreement


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


def title(suite: str, split: str) -> str:
    """The heading a report is printed under: "seed dev", "seed test (frozen)"."""
    return f"{suite} {split}" + (" (frozen)" if split == "test" else "")


def split_files(suite: str, split: str, eval_dir: Path) -> list[Path]:
    """The files a suite's split is read from."""
    if split not in SPLITS:
        raise RagError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    if suite == "seed":
        return [eval_dir / SEED_FILES[split]]
    if suite == "figures":
        return [eval_dir / FIGURE_FORM_FILES[split]]
    if suite == "squad":
        return [eval_dir / name for name in SQUAD_FILES]
    raise RagError(f"unknown evaluation suite {suite!r}: use seed, figures or squad")


def run_set(
    suite: str, split: str, eval_dir: Path, corpus_dir: Path, work_dir: Path, mode: str = "hybrid",
    progress: Progress | None = None, sentence_vectors: str | None = None,
) -> Report:
    """Run one split of one suite; seed and figures share the index of the bundled corpus. `sentence_vectors`
    builds the indexes that way (rag.config.SENTENCE_VECTOR_ROUTES; None: as they are, or the default)."""
    files = split_files(suite, split, eval_dir)
    if suite == "seed":
        return run_seed(files[0], corpus_dir, work_dir / "seed-index", mode, sentence_vectors)
    if suite == "figures":
        return run_figure_forms(files[0], corpus_dir, work_dir / "seed-index", sentence_vectors)
    return run_squad(eval_dir, split, work_dir / f"squad-{split}", mode, progress, sentence_vectors)


def read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        raise RagError(f"{path} is missing: the evaluation set is read from there")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def resolve_documents(labels: Iterable[str], documents: Sequence[Document]) -> set[str]:
    """Labelled articles as doc_ids; a label may also be the file name or its number ("003").
    A label that names no article is kept as written, so it shows as a miss."""
    out = set()
    for label in labels:
        found = [d.doc_id for d in documents if label in (d.doc_id, d.file) or d.doc_id.split("_")[0] == label]
        out.add(found[0] if len(found) == 1 else label)
    return out


def _ask(engine: Engine, question: str, mode: str) -> tuple[Answer, bool]:
    """The engine's answer; a question it refuses (RagError) counts as an abstention. Returns (answer, refused)."""
    try:
        return engine.ask(question, mode=mode), False
    except RagError:
        return Answer(question=question, text="", sentence="", abstained=True, confidence=0.0), True


def _share(hits: int, n: int) -> float:
    return hits / max(1, n)


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


def seed_kind(item: dict) -> str:
    """The labelled kind; the dev file predates kinds, so it is inferred there (no conflicts labelled)."""
    if "kind" in item:
        return str(item["kind"])
    if not item["answers"]:
        return "unanswerable"
    return "multi" if len(item["documents"]) > 1 else "single"


def cited_set_ok(answer: Answer, documents: Iterable[str]) -> bool:
    """The answer cites exactly the labelled articles; an abstention cites none and misses."""
    return not answer.abstained and {c.doc_id for c in answer.citations} == set(documents)


def _forms(want: str | Sequence[str]) -> list[str]:
    return [want] if isinstance(want, str) else list(want)


def leads_with(answer: Answer, lead: str | Sequence[str]) -> bool:
    """A disagreement answer gives the labelled leading figure (by value) as its answer."""
    return not answer.abstained and any(answer_matches(answer.text, answer.figure, want) for want in _forms(lead))


def shows_older(answer: Answer, older: str | Sequence[str]) -> bool:
    """Some conflict the answer shows has the labelled older figure's value (its unit is the answer's already)."""
    wanted = [f.value for want in _forms(older) for f in parse_figures(want)]
    return any(same_value(value, c.value) for c in answer.conflicts for value in wanted)


def run_seed(questions: Path, corpus_dir: Path, index_dir: Path, mode: str = "hybrid", sentence_vectors: str | None = None) -> Report:
    items = read_jsonl(questions)
    engine = Engine(corpus_dir, index_dir).open(sentence_vectors=sentence_vectors)
    answers, times, refused = [], [], 0
    for item in items:
        t0 = time.perf_counter()
        answer, error = _ask(engine, item["question"], mode)
        times.append(time.perf_counter() - t0)
        answers.append(answer)
        refused += error
    docs = engine.corpus.documents
    for item in items:
        for key in ("documents", "lead_documents", "older_documents"):
            if key in item:
                item[key] = sorted(resolve_documents(item[key], docs))
    report = score_seed(items, answers)
    report.counts["refused (counted as abstained)"] = refused
    report.figures["latency p50 ms"] = 1000 * float(np.percentile(times, 50)) if times else 0.0
    return report


def score_seed(items: Sequence[dict], answers: Sequence[Answer]) -> Report:
    """The seed figures of answers already given, one per labelled question."""
    report = Report()
    fail = report.failures.append
    n: Counter[str] = Counter()
    labels, confs = [], []
    for item, answer in zip(items, answers):
        kind, qid = seed_kind(item), f"{item['id']} {item['question']!r}"
        got_docs = sorted({c.doc_id for c in answer.citations})
        confs.append(answer.confidence)
        if not item["answers"]:
            n["unanswerable"] += 1
            n["abstained"] += answer.abstained
            labels.append(False)
            if not answer.abstained:
                fail(f"[abstain] {qid}: should abstain, got {answer.text!r}")
            continue
        n["answerable"] += 1
        ok = seed_answer_ok(answer, item["answers"])
        supported = bool(answer.citations) and answer.citations[0].doc_id in item["documents"]
        n["right"] += ok and supported
        n["supported"] += supported
        labels.append(ok and supported)
        if not (ok and supported):
            first = answer.citations[0].doc_id if answer.citations else "-"
            fail(f"[answer] {qid}: got {answer.text!r} from {first}")
        if cited_set_ok(answer, item["documents"]):
            n["cited set"] += 1
        else:
            fail(f"[cited set] {qid}: cited {got_docs or '-'}, labelled {sorted(item['documents'])}")
        if kind == "conflict":
            n["conflict"] += 1
            lead_ok, older_ok = leads_with(answer, item["lead"]), shows_older(answer, item["older"])
            n["lead"] += lead_ok
            n["older"] += older_ok
            shown = [c.text for c in answer.conflicts]
            if not lead_ok:
                fail(f"[conflict lead] {qid}: led with {answer.text!r}, labelled {item['lead']!r}")
            if not older_ok:
                fail(f"[conflict older] {qid}: showed {shown or '-'}, labelled older {item['older']!r}")
            continue
        n["non-conflict"] += 1
        near_miss = NO_CONFLICT_NOTE in str(item.get("note", ""))
        n["near-miss"] += near_miss
        if not answer.conflicts:
            n["no conflict shown"] += 1
            n["near-miss no conflict shown"] += near_miss
        else:
            fail(f"[conflict shown] {qid}: showed {[c.text for c in answer.conflicts]} where none is labelled")
    report.counts = {"questions": len(items), "answerable": n["answerable"], "unanswerable": n["unanswerable"],
                     "conflict": n["conflict"]}
    f = report.figures
    f["answer right and cited from a supporting document"] = _share(n["right"], n["answerable"])
    f["first citation from a supporting document"] = _share(n["supported"], n["answerable"])
    f["cited articles equal the labelled set"] = _share(n["cited set"], n["answerable"])
    if n["conflict"]:
        f["conflict: disagreement leads with the right figure"] = _share(n["lead"], n["conflict"])
        f["conflict: shows the older figure"] = _share(n["older"], n["conflict"])
    f["no conflict shown where none labelled"] = _share(n["no conflict shown"], n["non-conflict"])
    if n["near-miss"]:
        f["no conflict shown on near-miss questions (note no-conflict)"] = _share(n["near-miss no conflict shown"], n["near-miss"])
    f["abstained when the corpus has no answer"] = _share(n["abstained"], n["unanswerable"])
    f["overall (answerable right + unanswerable abstained)"] = _share(n["right"] + n["abstained"], len(items))
    f.update(calibration(labels, confs))
    return report


# ---------------------------------------------------------------- figure forms


def run_figure_forms(table: Path, corpus_dir: Path, index_dir: Path, sentence_vectors: str | None = None) -> Report:
    """Engine.figure on each query of the table against the articles labelled as stating it."""
    rows = read_jsonl(table)
    engine = Engine(corpus_dir, index_dir).open(sentence_vectors=sentence_vectors)
    got = []
    for row in rows:
        try:
            got.append({m.doc_id for m in engine.figure(row["query"]).mentions})
        except RagError:
            got.append(set())  # a query the engine refuses returns nothing
    docs = engine.corpus.documents
    return score_figure_forms([(row["query"], resolve_documents(row["documents"], docs)) for row in rows], got)


def score_figure_forms(expected: Sequence[tuple[str, set[str]]], got: Sequence[set[str]]) -> Report:
    """Precision and recall over (query, document) pairs; each mismatching query is listed."""
    report = Report()
    tp = fp = fn = exact = 0
    for (query, want), have in zip(expected, got):
        tp, fp, fn = tp + len(have & want), fp + len(have - want), fn + len(want - have)
        exact += have == want
        if have != want:
            report.failures.append(f"{query!r}: missing {sorted(want - have) or '-'}, extra {sorted(have - want) or '-'}")
    report.counts = {"queries": len(expected), "labelled (query, document) pairs": tp + fn}
    report.figures = {
        "precision (query, document)": tp / (tp + fp) if tp + fp else 1.0,
        "recall (query, document)": tp / (tp + fn) if tp + fn else 1.0,
        "queries with exactly the labelled documents": _share(exact, len(expected)),
    }
    return report


# ---------------------------------------------------------------- SQuAD 2.0


def squad_articles(eval_dir: Path, split: str) -> list[dict]:
    """The SQuAD articles of one split, in SQUAD_ARTICLES order, from whichever file holds each."""
    files = split_files("squad", split, eval_dir)
    titles = SQUAD_ARTICLES[split]
    found: dict[str, dict] = {}
    for path in files:
        if not path.is_file():
            raise RagError(f"{path} is missing: the SQuAD articles are read from there")
        for article in json.loads(path.read_text(encoding="utf-8"))["data"]:
            found.setdefault(article["title"], article)
    missing = [t for t in titles if t not in found]
    if missing:
        raise RagError(f"SQuAD articles {missing} are in none of {', '.join(SQUAD_FILES)}")
    return [found[t] for t in titles]


def squad_corpus(articles: Sequence[dict], corpus_dir: Path) -> list[dict]:
    """Write each SQuAD article as one document (paragraphs separated by blank lines); return its questions.
    The folder then holds exactly these articles, so a split never sees another split's text."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    keep = {f"{a['title']}.txt" for a in articles}
    for stale in corpus_dir.glob("*.txt"):
        if stale.name not in keep:
            stale.unlink()
    questions = []
    for article in articles:
        text = "\n\n".join(p["context"] for p in article["paragraphs"])
        path = corpus_dir / f"{article['title']}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        for p in article["paragraphs"]:
            for qa in p["qas"]:
                golds = [a["text"] for a in qa["answers"]] if not qa.get("is_impossible") else []
                questions.append({"id": qa["id"], "question": qa["question"], "answers": golds, "doc": article["title"]})
    return questions


def squad_split(eval_dir: Path, split: str, corpus_dir: Path) -> list[dict]:
    """Write one split's articles into corpus_dir; return its questions."""
    return squad_corpus(squad_articles(eval_dir, split), corpus_dir)


def run_squad(
    eval_dir: Path, split: str, work_dir: Path, mode: str = "hybrid", progress: Progress | None = None,
    sentence_vectors: str | None = None,
) -> Report:
    questions = squad_split(eval_dir, split, work_dir / "corpus")
    engine = Engine(work_dir / "corpus", work_dir / "index").open(progress=progress, sentence_vectors=sentence_vectors)
    data = engine.data
    vectors = engine.embed([q["question"] for q in questions])
    # the baselines read the sentence nearest the question in the whole split corpus
    cosines = vectors @ data.sentence_vectors.all().T
    nearest_ids, nearest_cos = np.argmax(cosines, axis=1).tolist(), np.max(cosines, axis=1).tolist()
    answers, refused = [], 0
    for q in questions:
        answer, error = _ask(engine, q["question"], mode)
        answers.append(answer)
        refused += error
    report = score_squad(questions, answers, [data.sentences[i].text for i in nearest_ids], nearest_cos)
    report.counts["refused (counted as abstained)"] = refused
    return report


def score_squad(
    questions: Sequence[dict], answers: Sequence[Answer], nearest: Sequence[str], nearest_cos: Sequence[float]
) -> Report:
    """SQuAD figures of answers already given; `nearest` is the sentence most similar to each question."""
    report = Report()
    answerable = [bool(q["answers"]) for q in questions]
    n_ans, n_unans = sum(answerable), len(questions) - sum(answerable)
    sent_ok = base_ok = wrongly_abstained = abstain_ok = 0
    labels, confs = [], []
    for q, answer, base in zip(questions, answers, nearest):
        confs.append(answer.confidence)
        if q["answers"]:
            ok = not answer.abstained and any(g in answer.sentence for g in q["answers"])
            sent_ok += ok
            base_ok += any(g in base for g in q["answers"])
            wrongly_abstained += answer.abstained
            labels.append(ok)
        else:
            abstain_ok += answer.abstained
            labels.append(False)
    em, f1 = short_answer_scores([None if a.abstained else a.text for a in answers], [q["answers"] for q in questions])
    false_abstention = _share(wrongly_abstained, n_ans)
    baseline = matched_threshold(nearest_cos, answerable, false_abstention)
    report.counts = {"questions": len(questions), "answerable": n_ans, "unanswerable": n_unans}
    report.figures = {
        "answerable: supporting sentence contains a gold answer": _share(sent_ok, n_ans),
        "answerable: baseline (sentence most similar to the question)": _share(base_ok, n_ans),
        "answerable: short answer exact match (abstention = 0)": em,
        "answerable: short answer F1 (abstention = 0)": f1,
        "answerable: wrongly abstained": false_abstention,
        "unanswerable: abstained": _share(abstain_ok, n_unans),
        "abstention baseline (cosine of the nearest sentence), threshold": baseline.threshold,
        "abstention baseline: answerable wrongly abstained (matched)": baseline.false_abstention,
        "abstention baseline: unanswerable abstained": baseline.abstained_unanswerable,
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


def short_answer_scores(predictions: Sequence[str | None], golds: Sequence[Sequence[str]]) -> tuple[float, float]:
    """Exact match and F1 (best over the gold answers) averaged over the answerable questions (golds not
    empty); an abstention (None) scores 0 on both. Unanswerable questions are not in these figures."""
    em = f1 = 0.0
    n = 0
    for pred, gold in zip(predictions, golds):
        if not gold:
            continue
        n += 1
        if pred is not None:
            em += max(exact_match(pred, g) for g in gold)
            f1 += max(f1_score(pred, g) for g in gold)
    return em / max(1, n), f1 / max(1, n)


@dataclass(frozen=True)
class ThresholdBaseline:
    threshold: float  # abstain when the nearest sentence's cosine is below this
    false_abstention: float  # share of answerable questions it abstains on
    abstained_unanswerable: float  # share of unanswerable questions it abstains on


def matched_threshold(cosines: Sequence[float], answerable: Sequence[bool], false_abstention: float) -> ThresholdBaseline:
    """A cosine threshold that abstains on the same share of answerable questions as the answerer does
    (`false_abstention`), and the share of unanswerable questions it then abstains on: what the answerer's
    abstention is worth beyond "the corpus has nothing close to the question". Ties may make it abstain on
    slightly fewer answerable questions than asked; the share it reaches is reported."""
    pos = np.sort(np.asarray([c for c, a in zip(cosines, answerable) if a], dtype=float))
    neg = np.asarray([c for c, a in zip(cosines, answerable) if not a], dtype=float)
    k = int(round(false_abstention * len(pos)))
    if not len(pos):
        threshold = -np.inf
    elif k >= len(pos):
        threshold = float(np.nextafter(pos[-1], np.inf))
    else:
        threshold = float(pos[k])
    return ThresholdBaseline(
        threshold=float(threshold),
        false_abstention=float((pos < threshold).mean()) if len(pos) else 0.0,
        abstained_unanswerable=float((neg < threshold).mean()) if len(neg) else 0.0,
    )


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
