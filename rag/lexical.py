"""Lexical scoring: BM25 (bm25s) over chunks, and the word tokens the answerer compares."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

_WORD = re.compile(r"(?u)\b\w\w+\b")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_EN

    return frozenset(STOPWORDS_EN) | {
        "how", "what", "when", "who", "whom", "whose", "where", "which", "why", "much", "many", "did", "does", "say", "says",
        "according",
    }


def stopwords() -> frozenset[str]:
    """English stop words (bm25s' list) and the question words."""
    return _stopwords()


def content_terms(text: str) -> list[str]:
    """Lower-cased, stemmed words without stop words; the unit both BM25 and overlap use."""
    return list(_cached_terms(text))


@lru_cache(maxsize=65536)
def _cached_terms(text: str) -> tuple[str, ...]:
    # the same sentences are read again for every question: stem each once
    words = [w for w in _WORD.findall(text.lower()) if w not in _stopwords()]
    return tuple(_stemmer().stemWords(words))


class Lexical:
    """BM25 over a list of texts, saved beside the vectors."""

    def __init__(self, retriever: object, size: int) -> None:
        self._retriever = retriever
        self.size = size

    @classmethod
    def build(cls, texts: Sequence[str]) -> Lexical:
        import bm25s

        retriever = bm25s.BM25()
        corpus = [content_terms(t) or ["\u2400"] for t in texts]  # bm25s refuses an empty document
        retriever.index(corpus, show_progress=False)
        return cls(retriever, len(texts))

    def scores(self, query: str) -> np.ndarray:
        terms = content_terms(query)
        if not terms or self.size == 0:
            return np.zeros(self.size, dtype=np.float32)
        vocab = self._retriever.vocab_dict  # type: ignore[attr-defined]
        known = [t for t in terms if t in vocab]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(known), dtype=np.float32)  # type: ignore[attr-defined]

    def save(self, folder: Path) -> None:
        self._retriever.save(str(folder), show_progress=False)  # type: ignore[attr-defined]

    @classmethod
    def load(cls, folder: Path, size: int) -> Lexical:
        import bm25s

        retriever = bm25s.BM25.load(str(folder), show_progress=False)
        return cls(retriever, size)
