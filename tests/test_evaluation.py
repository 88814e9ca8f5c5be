"""The evaluation's metric functions on hand-made answers (no model), and the dev/test split rules."""

import importlib.util
import json
from pathlib import Path

import pytest

from rag.evaluation import (
    EVAL_SETS,
    cited_set_ok,
    leads_with,
    matched_threshold,
    score_figure_forms,
    score_seed,
    seed_kind,
    short_answer_scores,
    shows_older,
    title,
)
from rag.records import Answer, Citation, Conflict, Figure

ROOT = Path(__file__).resolve().parents[1]


def cite(doc_id: str) -> Citation:
    return Citation(doc_id, "", f"{doc_id}.txt", 0, 1, "x")


def conflict(value: float, text: str, unit: str = "USD") -> Conflict:
    return Conflict(value, unit, text, "d9", "", text, text)


def answer(text: str = "", docs: tuple[str, ...] = (), figure: Figure | None = None,
           conflicts: tuple[Conflict, ...] = (), abstained: bool = False) -> Answer:
    return Answer("q", text, text, abstained, 0.9, tuple(cite(d) for d in docs), conflicts, figure)


def usd(value: float, text: str) -> Figure:
    return Figure(value, "USD", text, 0, len(text))


ABSTAINED = answer(abstained=True)
FIVE_BN = answer("$5 billion", ("a", "b"), usd(5e9, "$5 billion"), (conflict(4e9, "$4 billion"),))


@pytest.mark.parametrize(("got", "labelled", "ok"), [
    (answer("x", ("a", "b")), ["a", "b"], True),
    (answer("x", ("b", "a", "a")), ["a", "b"], True),  # order and repeats do not matter
    (answer("x", ("a",)), ["a", "b"], False),  # one labelled article not cited
    (answer("x", ("a", "b", "c")), ["a", "b"], False),  # one article too many
    (ABSTAINED, ["a"], False),  # an abstention misses
    (ABSTAINED, [], False),
])
def test_cited_articles_equal_the_labelled_set(got, labelled, ok):
    assert cited_set_ok(got, labelled) is ok


@pytest.mark.parametrize(("got", "lead", "ok"), [
    (FIVE_BN, "$5 billion", True),
    (FIVE_BN, "$5bn", True),  # by value, in any written form
    (FIVE_BN, ["5 billion dollars", "$5B"], True),
    (FIVE_BN, "$4 billion", False),
    (answer("5 gigawatts", ("a",), Figure(5e9, "W", "5 gigawatts", 0, 11)), "$5 billion", False),  # another unit
    (ABSTAINED, "$5 billion", False),
])
def test_conflict_leads_with_the_labelled_figure(got, lead, ok):
    assert leads_with(got, lead) is ok


@pytest.mark.parametrize(("got", "older", "ok"), [
    (FIVE_BN, "$4 billion", True),
    (FIVE_BN, "$4B", True),
    (FIVE_BN, "$4,000 million", True),
    (FIVE_BN, "$8 billion", False),
    (FIVE_BN, "$5 billion", False),  # the answer's own figure is not a conflict shown
    (answer("$5 billion", ("a",), usd(5e9, "$5 billion")), "$4 billion", False),  # no conflict shown at all
    (ABSTAINED, "$4 billion", False),
])
def test_conflict_shows_the_older_figure(got, older, ok):
    assert shows_older(got, older) is ok


def test_seed_report_counts_each_labelled_kind():
    items = [
        {"id": "c", "question": "c?", "answers": ["$5 billion"], "documents": ["a", "b"], "kind": "conflict",
         "lead": "$5 billion", "lead_documents": ["a"], "older": "$4 billion", "older_documents": ["b"]},
        {"id": "c2", "question": "c2?", "answers": ["$5 billion"], "documents": ["a", "b"], "kind": "conflict",
         "lead": "$5 billion", "lead_documents": ["a"], "older": "$3 billion", "older_documents": ["b"]},
        {"id": "s", "question": "s?", "answers": ["$5 billion"], "documents": ["a", "b"], "note": "no-conflict"},
        {"id": "m", "question": "m?", "answers": ["Bedrock"], "documents": ["a", "b"], "kind": "multi"},
        {"id": "u", "question": "u?", "answers": [], "documents": [], "kind": "unanswerable"},
    ]
    answers = [FIVE_BN, FIVE_BN, FIVE_BN, answer("Amazon Bedrock", ("a",)), ABSTAINED]
    report = score_seed(items, answers)
    f = report.figures
    assert report.counts["answerable"] == 4 and report.counts["conflict"] == 2
    assert f["answer right and cited from a supporting document"] == 1.0
    assert f["cited articles equal the labelled set"] == 0.75  # "m" cites a only
    assert f["conflict: disagreement leads with the right figure"] == 1.0
    assert f["conflict: shows the older figure"] == 0.5
    assert f["no conflict shown where none labelled"] == 0.5  # "s" shows $4 billion, "m" none
    assert f["no conflict shown on near-miss questions (note no-conflict)"] == 0.0
    assert f["abstained when the corpus has no answer"] == 1.0
    tags = sorted(" ".join(line.split(" '")[0].split()) for line in report.failures)
    assert tags == ["[cited set] m", "[conflict older] c2", "[conflict shown] s"]


@pytest.mark.parametrize(("item", "kind"), [
    ({"answers": [], "documents": []}, "unanswerable"),
    ({"answers": ["x"], "documents": ["a"]}, "single"),
    ({"answers": ["x"], "documents": ["a", "b"]}, "multi"),
    ({"answers": ["x"], "documents": ["a", "b"], "kind": "conflict"}, "conflict"),
])
def test_a_seed_kind_is_read_or_inferred(item, kind):
    assert seed_kind(item) == kind


@pytest.mark.parametrize(("predictions", "golds", "em", "f1"), [
    (["Rollo"], [["Rollo"]], 1.0, 1.0),
    ([None], [["Rollo"]], 0.0, 0.0),  # abstained on an answerable question: 0
    (["Rollo", None], [["Rollo"], ["France"]], 0.5, 0.5),
    (["the Normans of France"], [["Normans", "Normans of France"]], 1.0, 1.0),  # best gold; articles dropped
    (["in Normandy France"], [["Normandy"]], 0.0, 0.5),  # P 1/3, R 1 -> F1 0.5
    (["Rollo", None, "x"], [["Rollo"], [], []], 1.0, 1.0),  # unanswerable questions are not counted
    ([], [], 0.0, 0.0),
])
def test_short_answer_scores_count_an_abstention_as_zero(predictions, golds, em, f1):
    assert short_answer_scores(predictions, golds) == pytest.approx((em, f1))


# (nearest-sentence cosine, answerable)
PAIRS = [(0.9, True), (0.8, True), (0.7, True), (0.6, True), (0.5, False), (0.4, True), (0.3, False), (0.65, False), (0.2, False)]


@pytest.mark.parametrize(("rate", "threshold", "false_abstention", "unanswerable"), [
    (0.0, 0.4, 0.0, 0.5),  # abstains below the lowest answerable cosine: 0.3 and 0.2
    (0.2, 0.6, 0.2, 0.75),  # one answerable of five (0.4) abstained; 0.5, 0.3, 0.2 too
    (0.4, 0.7, 0.4, 1.0),
    (1.0, None, 1.0, 1.0),  # abstains on everything: the threshold sits just above the highest cosine
])
def test_the_cosine_baseline_abstains_on_as_many_answerable_questions(rate, threshold, false_abstention, unanswerable):
    baseline = matched_threshold([c for c, _ in PAIRS], [a for _, a in PAIRS], rate)
    if threshold is not None:
        assert baseline.threshold == pytest.approx(threshold)
    assert baseline.false_abstention == pytest.approx(false_abstention)
    assert baseline.abstained_unanswerable == pytest.approx(unanswerable)


def test_the_cosine_baseline_reports_the_rate_it_reaches_on_ties():
    baseline = matched_threshold([0.5, 0.5, 0.5, 0.9, 0.1], [True, True, True, True, False], 0.25)
    assert baseline.threshold == 0.5 and baseline.false_abstention == 0.0 and baseline.abstained_unanswerable == 1.0


def test_figure_forms_precision_and_recall_over_query_document_pairs():
    expected = [("$5B", {"a", "b"}), ("5 GW", {"c"}), ("$7 billion", set()), ("how much?", set())]
    got = [{"a", "b"}, {"c", "d"}, {"e"}, set()]
    report = score_figure_forms(expected, got)
    assert report.figures["precision (query, document)"] == pytest.approx(3 / 5)
    assert report.figures["recall (query, document)"] == 1.0
    assert report.figures["queries with exactly the labelled documents"] == 0.5
    assert [line.split(":")[0] for line in report.failures] == ["'5 GW'", "'$7 billion'"]


def test_every_split_is_run_and_labelled_apart():
    assert EVAL_SETS["seed"] == (("seed", "dev"), ("seed", "test"))
    assert {s for _, s in EVAL_SETS["all"]} == {"dev", "test"} and len(EVAL_SETS["all"]) == 6
    assert (title("seed", "dev"), title("seed", "test")) == ("seed dev", "seed test (frozen)")


def test_the_figure_forms_dev_table_is_the_lookup_tests_queries():
    from tests.conftest import SEED
    from tests.test_figure_lookup import ALL_QUERIES

    rows = [json.loads(line) for line in (ROOT / "eval" / "figure_forms_dev.jsonl").read_text().splitlines() if line.strip()]
    assert [(r["query"], set(r["documents"])) for r in rows] == [(q, {SEED[d] for d in docs}) for q, docs in ALL_QUERIES]


def _tune():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_tune", ROOT / "bench" / "tune.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("split", ["test", "Test", "all", ""])
def test_tuning_refuses_every_split_but_dev(split):
    tune = _tune()
    with pytest.raises(ValueError, match="frozen"):
        tune.load_questions(split)


def test_tuning_asks_for_dev_only():
    tune = _tune()
    source = (ROOT / "bench" / "tune.py").read_text()
    assert tune.TUNING_SPLIT == "dev"
    assert source.count("load_questions(") == 2  # its definition and the one call, with TUNING_SPLIT
    assert "load_questions(TUNING_SPLIT)" in source
    assert "_test" not in source and '"test"' not in source


def test_a_missing_split_alone_is_an_error_and_among_others_is_not_run(tmp_path):
    from click.testing import CliRunner

    from rag.cli import main

    alone = CliRunner().invoke(main, ["eval", "--set", "seed-test", "--eval-dir", str(tmp_path)])
    assert alone.exit_code == 1 and "seed_test.jsonl is missing" in alone.output
    both = CliRunner().invoke(main, ["eval", "--set", "figures", "--eval-dir", str(tmp_path)])
    assert both.exit_code == 0
    assert both.output.splitlines()[::2] == ["== figures dev", "== figures test (frozen)"]
    assert all("not run" in line for line in both.output.splitlines()[1::2])
