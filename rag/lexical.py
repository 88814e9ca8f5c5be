"""The word tokens BM25 (rag/index/bm25.py) and the answerer compare: stemmed content words."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

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


class TermWeights(Protocol):
    """Inverse sentence frequencies of terms (rag.index.view.TermWeights; a dict in tests)."""

    def get(self, term: str, default: float, /) -> float: ...
