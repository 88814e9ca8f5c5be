"""What an update can take from the old copy of an edited article instead of computing it again.

An edit changes a sentence or a paragraph; the rest of the article is the same text. Its vectors are the same
vectors (the model encodes each text alone, so a text's vector does not depend on its neighbours) and its claims
the same claims (they depend on the sentence and the one before it, `rag.claims.SentenceKey`). So an update
reads the old copy's vectors and claims from the index, keyed by text, and embeds and parses only what is new:
an edit costs in proportion to the edit, and an edit that adds no money, share or power figure loads no parser.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import numpy as np

from rag.claims import SentenceKey, relative_claims
from rag.index.view import IndexData
from rag.records import Claim, Sentence


@dataclass(frozen=True)
class Known:
    """Vectors by text (chunks and sentences apart: they are stored at different precisions) and claims by
    sentence key, from the old copies of the documents an update replaces."""

    chunk_vectors: dict[str, np.ndarray] = field(default_factory=dict)
    sentence_vectors: dict[str, np.ndarray] = field(default_factory=dict)
    claims: dict[str, dict[SentenceKey, tuple[Claim, ...]]] = field(default_factory=dict)  # per document id


def known_from(data: IndexData, doc_ids: Iterable[str]) -> Known:
    """What `data` holds of these documents (those it does not hold are skipped)."""
    known = Known()
    for doc_id in doc_ids:
        place = data._places.get(doc_id)
        if place is None:
            continue
        seg = data.segments[place.segment]
        rows = seg.query("SELECT first_sentence, n_sentences, first_chunk, n_chunks, text FROM documents WHERE row = ?", (place.row,))
        if not rows:
            continue
        s0, ns, c0, nc, text = rows[0]
        sentences = [Sentence(doc_id, a, b, t) for a, b, t in seg.query(
            "SELECT start, end, text FROM sentences WHERE id >= ? AND id < ? ORDER BY id", (s0, s0 + ns))]
        vectors = np.asarray(seg.sentence_vectors[s0 : s0 + ns], dtype=np.float32)
        for s, v in zip(sentences, vectors):
            known.sentence_vectors[s.text] = v
        chunks = seg.query("SELECT start, end FROM chunks WHERE id >= ? AND id < ? ORDER BY id", (c0, c0 + nc))
        if chunks:
            for (a, b), v in zip(chunks, seg.vectors.vectors(list(range(c0, c0 + nc)))):
                known.chunk_vectors[text[a:b]] = v
        base = data._sent.bases[place.segment] + s0
        claims = [replace(c, sentence_id=c.sentence_id - base) for c in data.claims_of_document(doc_id)]
        known.claims[doc_id] = relative_claims(sentences, claims)
    return known
