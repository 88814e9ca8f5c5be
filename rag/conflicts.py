"""Where the sources agree and where they disagree on a figure the question asks for."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rag.config import CONFLICT_MIN_RELATIVE_SCORE
from rag.figures import same_value
from rag.records import Conflict
from rag.store import IndexData

if TYPE_CHECKING:
    from rag.answering import Scored


def compare_sources(data: IndexData, scored: Sequence[Scored], best: Scored) -> tuple[list[int], list[Conflict]]:
    """For each other document, its best sentence giving a figure of the same unit, if it speaks of the
    same thing (its score is close to the best). Returns (agreeing sentence ids, conflicts), newest first."""
    assert best.span is not None and best.span.figure is not None
    answer = best.span.figure
    best_doc = data.sentences[best.sentence_id].doc_id
    seen = {best_doc}
    agreeing: list[int] = []
    conflicts: list[Conflict] = []
    for s in scored[1:]:
        sent = data.sentences[s.sentence_id]
        if sent.doc_id in seen or s.score < CONFLICT_MIN_RELATIVE_SCORE * best.score:
            continue
        if s.span is None or s.span.figure is None or s.span.figure.unit != answer.unit:
            continue
        seen.add(sent.doc_id)
        if same_value(s.span.figure.value, answer.value):
            agreeing.append(s.sentence_id)
            continue
        doc = data.document(sent.doc_id)
        start = sent.start + s.span.start
        conflicts.append(
            Conflict(
                value=s.span.figure.value,
                unit=s.span.figure.unit,
                text=s.span.text,
                doc_id=doc.doc_id,
                title=doc.title,
                quote=doc.text[start : sent.start + s.span.end],
                sentence=sent.text,
                start=start,
                end=sent.start + s.span.end,
                date=doc.date,
            )
        )
    conflicts.sort(key=lambda c: c.date, reverse=True)  # undated ones keep their score order (stable sort)
    return agreeing, conflicts
