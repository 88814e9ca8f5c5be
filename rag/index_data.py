"""The loaded index: documents, sentences, chunks, figures, vectors and the lexical index, in memory."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rag.lexical import Lexical
from rag.records import Chunk, Document, Figure, Sentence
from rag.vectors import FaissIndex


@dataclass(frozen=True)
class DocFigure:
    doc_id: str
    sentence_id: int
    figure: Figure


@dataclass(frozen=True)
class IndexData:
    manifest: dict
    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    chunks: tuple[Chunk, ...]
    figures: tuple[DocFigure, ...]
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray
    vectors: FaissIndex
    lexical: Lexical

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


@dataclass(frozen=True)
class EnsureResult:
    data: IndexData
    action: str  # "loaded", "built", "updated" or "rebuilt"
    embedded_documents: int = 0
