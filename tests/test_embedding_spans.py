"""Sentence vectors read in their chunk's pass: the pooling (pure, table tests) and its fallbacks."""

from __future__ import annotations

import numpy as np
import pytest

from rag.embedding import encode_with_spans, pool_spans

# four tokens of "Ab cd. Ef gh" between [CLS] and [SEP] (empty offsets), states one-hot per token
TEXT = "Ab cd. Ef gh"
OFFSETS = [(0, 0), (0, 2), (3, 6), (7, 9), (10, 12), (0, 0)]
STATES = np.eye(6, dtype=np.float32)


def unit(*rows: int) -> np.ndarray:
    v = STATES[list(rows)].mean(axis=0)
    return v / np.linalg.norm(v)


@pytest.mark.parametrize(
    ("span", "tokens"),
    [
        ((0, 6), (1, 2)),  # "Ab cd.": its two tokens, not [CLS]
        ((7, 12), (3, 4)),  # "Ef gh": not [SEP]
        ((0, 12), (1, 2, 3, 4)),
        ((3, 9), (2, 3)),
        ((4, 5), (2,)),  # inside one token: that token
    ],
)
def test_a_span_is_the_normalized_mean_of_its_tokens(span: tuple[int, int], tokens: tuple[int, ...]) -> None:
    got = pool_spans(STATES, OFFSETS, [span])
    assert np.allclose(got[0], unit(*tokens))


def test_a_span_without_tokens_is_not_held() -> None:
    got = pool_spans(STATES, OFFSETS, [(6, 7), (12, 12)])
    assert np.isnan(got).all()


def test_a_span_past_a_cut_text_is_not_held_and_one_before_it_is() -> None:
    cut = OFFSETS[:3] + [(0, 0)]  # the model's limit kept "Ab cd." only
    got = pool_spans(STATES[:4], cut, [(0, 6), (7, 12)], whole=False)
    assert np.allclose(got[0], unit(1, 2)) and np.isnan(got[1]).all()


class Plain:
    """An embedder that cannot read spans: one number per text, its length."""

    name, dim = "plain", 2

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts, progress=None):  # type: ignore[no-untyped-def]
        self.seen += list(texts)
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_an_embedder_that_cannot_read_spans_encodes_them_alone() -> None:
    plain = Plain()
    vectors, pooled = encode_with_spans(plain, [TEXT], [[(0, 6), (7, 12)]])
    assert plain.seen == [TEXT, "Ab cd.", "Ef gh"]
    assert vectors.tolist() == [[12.0, 1.0]] and pooled[0].tolist() == [[6.0, 1.0], [5.0, 1.0]]


class Cut(Plain):
    """Reads spans, but holds only the first one of each text (as if the rest were past its token limit)."""

    def encode_spans(self, texts, spans, progress=None):  # type: ignore[no-untyped-def]
        pooled = [np.array([[0.0, 0.0]] + [[np.nan, np.nan]] * (len(rows) - 1), dtype=np.float32) for rows in spans]
        return self.encode(texts), pooled


def test_a_span_the_pass_does_not_hold_is_encoded_alone() -> None:
    cut = Cut()
    _, pooled = encode_with_spans(cut, [TEXT], [[(0, 6), (7, 12)]])
    assert cut.seen == [TEXT, "Ef gh"]
    assert pooled[0].tolist() == [[0.0, 0.0], [5.0, 1.0]]
