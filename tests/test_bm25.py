"""BM25 postings: best first per term, read up to a bound, scored by the formula (rag.index.bm25); no model."""

import math

import numpy as np
import pytest

from rag.index import bm25

TEXTS = [
    "battery battery battery plant",  # short and dense: "battery" weighs most here
    "battery plant plant plant plant plant plant plant plant plant",  # long: "battery" weighs least
    "battery factory",
    "turbine",
]


def _score_by_hand(word: str, stem: str, chunk: int, postings: bm25.Postings) -> float:
    col = postings.terms.index(stem)
    avgdl = float(postings.lengths.mean())
    tf = TEXTS[chunk].split().count(word)
    length = float(postings.lengths[chunk])
    idf = math.log(1 + (len(TEXTS) - postings.chunk_df[col] + 0.5) / (postings.chunk_df[col] + 0.5))
    return idf * tf / (bm25.K1 * ((1 - bm25.B) + bm25.B * length / avgdl) + tf)


@pytest.fixture()
def segment(tmp_path):
    postings = bm25.build_postings(TEXTS)
    bm25.save_postings(postings, tmp_path)
    return postings, bm25.SegmentPostings(tmp_path)


def test_a_terms_postings_are_stored_best_first(segment):
    postings, _ = segment
    col = postings.terms.index("batteri")
    assert postings.ids[postings.ptr[col] : postings.ptr[col + 1]].tolist() == [0, 2, 1]
    assert postings.chunk_df[col] == 3


def test_scores_are_the_formula_with_corpus_statistics(segment):
    postings, seg = segment
    col = postings.terms.index("batteri")
    idf = bm25.idf(len(TEXTS), postings.chunk_df[col])
    ids, scores = seg.score([(col, idf)], float(postings.lengths.mean()))
    assert ids.tolist() == [0, 2, 1]
    assert scores.tolist() == pytest.approx([_score_by_hand("battery", "batteri", c, postings) for c in (0, 2, 1)], rel=1e-5)


@pytest.mark.parametrize(("bound", "read"), [(1, [0]), (2, [0, 2]), (3, [0, 2, 1]), (4096, [0, 2, 1])])
def test_a_common_term_is_read_only_where_it_weighs_most(segment, monkeypatch, bound, read):
    postings, seg = segment
    monkeypatch.setattr(bm25, "MAX_POSTINGS_READ", bound)
    col = postings.terms.index("batteri")
    ids, _ = seg.score([(col, 1.0)], float(postings.lengths.mean()))
    assert ids.tolist() == read


def test_the_bound_applies_per_term_so_a_rare_term_is_read_whole(segment, monkeypatch):
    postings, seg = segment
    monkeypatch.setattr(bm25, "MAX_POSTINGS_READ", 1)
    columns = [(postings.terms.index(t), 1.0) for t in ("batteri", "factori")]
    ids, scores = seg.score(columns, float(postings.lengths.mean()))
    got = dict(zip(ids.tolist(), scores.tolist()))
    assert sorted(got) == [0, 2]  # the best "battery" chunk, and the one "factory" chunk (its "battery" is past the
    # bound: it scores by "factory" alone)
    assert got[2] == pytest.approx(float(bm25.weight_of(np.float32(1), np.float32(2), float(postings.lengths.mean()))))
