"""The loaded index: documents, sentences, chunks, figure claims, vectors and the lexical index, in memory."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

import numpy as np

from rag.dating import DocTime
from rag.disagreement import entity_key
from rag.figures import figure_key
from rag.lexical import Lexical
from rag.records import Chunk, Claim, Document, Sentence
from rag.vectors import FaissIndex


@dataclass(frozen=True)
class IndexData:
    manifest: dict
    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    chunks: tuple[Chunk, ...]
    claims: tuple[Claim, ...]
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray
    vectors: FaissIndex
    lexical: Lexical
    measure_classes: dict[str, str] = field(default_factory=dict)
    times: dict[str, DocTime] = field(default_factory=dict)

    def _lazy(self, name: str, make):  # type: ignore[no-untyped-def]
        cached = self.__dict__.get(name)
        if cached is None:
            cached = make()
            object.__setattr__(self, name, cached)
        return cached

    def claims_of_figure(self, value: float, unit: str) -> list[Claim]:
        """Every claim of one exact (value, unit): a dictionary lookup, not a scan."""
        return self._lazy("_by_figure", lambda: _group(self.claims, lambda c: figure_key(c.figure.value, c.figure.unit))).get(
            figure_key(value, unit), []
        )

    def claims_of_value(self, value: float) -> list[Claim]:
        """Every claim of one value in any unit ("25 billion" written without a unit)."""
        return self._lazy("_by_value", lambda: _group(self.claims, lambda c: repr(float(c.figure.value)))).get(
            repr(float(value)), []
        )

    def claims_about(self, subject: str, unit: str) -> list[Claim]:
        """The claims of one subject and unit: all a disagreement check needs to look at."""
        return self._lazy("_by_subject", lambda: _group(self.claims, lambda c: (entity_key(c.subject), c.figure.unit))).get(
            (entity_key(subject), unit), []
        )

    def claims_in_sentence(self, sentence_id: int) -> list[Claim]:
        return self._lazy("_by_sentence", lambda: _group(self.claims, lambda c: c.sentence_id)).get(sentence_id, [])

    def claim_at(self, doc_id: str, start: int) -> Claim | None:
        """The claim of the figure that starts at `start` in a document."""
        return self._lazy("_by_place", lambda: {(c.doc_id, c.figure.start): c for c in self.claims}).get((doc_id, start))

    def position(self, doc_id: str) -> float:
        """A document's place in time (larger is newer); unknown is oldest."""
        t = self.times.get(doc_id)
        p = t.position if t is not None else None
        return float("-inf") if p is None else p

    def positions(self) -> dict[str, float]:
        return self._lazy("_positions", lambda: {d: self.position(d) for d in self.times})

    def time_basis(self) -> dict[str, str]:
        return self._lazy("_basis", lambda: {d: t.basis for d, t in self.times.items()})

    @property
    def sentence_chunk(self) -> np.ndarray:
        """For each sentence, the first chunk that holds it."""
        cached = self.__dict__.get("_sentence_chunk")
        if cached is None:
            cached = np.zeros(len(self.sentences), dtype=np.int64)
            for cid in range(len(self.chunks) - 1, -1, -1):
                c = self.chunks[cid]
                cached[c.first_sentence : c.last_sentence + 1] = cid
            object.__setattr__(self, "_sentence_chunk", cached)
        return cached

    def neighbours(self, sentence_id: int, after: bool = True) -> list[int]:
        """The sentences just before (and after) one, within its document."""
        doc_id = self.sentences[sentence_id].doc_id
        near = (sentence_id - 1, sentence_id + 1) if after else (sentence_id - 1,)
        return [i for i in near if 0 <= i < len(self.sentences) and self.sentences[i].doc_id == doc_id]

    def document(self, doc_id: str) -> Document:
        return self._by_id[doc_id]

    @property
    def _by_id(self) -> dict[str, Document]:
        cached = self.__dict__.get("_doc_map")
        if cached is None:
            cached = {d.doc_id: d for d in self.documents}
            object.__setattr__(self, "_doc_map", cached)
        return cached


def _group(claims: Iterable[Claim], key: Callable[[Claim], Hashable]) -> dict:
    out: dict = {}
    for c in claims:
        out.setdefault(key(c), []).append(c)
    return out


@dataclass(frozen=True)
class EnsureResult:
    data: IndexData
    action: str  # "loaded", "built", "updated" or "rebuilt"
    embedded_documents: int = 0
