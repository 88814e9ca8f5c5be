"""Lookup of every mention of a figure, by normalized value and unit, from the index's figure store."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from rag.errors import FigureQueryError
from rag.figures import figure_key, parse_figures
from rag.lexical import content_terms
from rag.records import FigureLookup, FigureMention
from rag.store import DocFigure, IndexData


class FigureIndex:
    """A dictionary from (unit, value) to mentions: a lookup never scans the corpus."""

    def __init__(self, data: IndexData) -> None:
        self._data = data
        self._by_key: dict[str, list[DocFigure]] = defaultdict(list)
        for mention in data.figures:
            self._by_key[figure_key(mention.figure.value, mention.figure.unit)].append(mention)

    def lookup(self, query: str) -> FigureLookup:
        """Every mention of the query's figures, grouped by document; for a claim, documents whose
        sentence shares most of the claim's words come first."""
        text = " ".join(query.split())
        if not text:
            raise FigureQueryError("the figure query is empty: type a figure such as $25 billion, 5 GW or 49%")
        figures = parse_figures(text)
        if not figures:
            raise FigureQueryError(f"no figure found in {text!r}: write one such as $25 billion, 5 GW or 49%")
        claim_terms = set(content_terms(_without_figures(text, figures)))
        found: list[tuple[float, DocFigure]] = []
        seen: set[tuple[str, int]] = set()
        for fig in figures:
            for m in self._by_key.get(figure_key(fig.value, fig.unit), []):
                if (m.doc_id, m.figure.start) in seen:
                    continue
                seen.add((m.doc_id, m.figure.start))
                sentence = self._data.sentences[m.sentence_id].text
                match = len(claim_terms & set(content_terms(sentence))) / len(claim_terms) if claim_terms else 0.0
                found.append((match, m))
        doc_order = {d.doc_id: i for i, d in enumerate(self._data.documents)}
        best: dict[str, float] = {}
        for match, m in found:
            best[m.doc_id] = max(best.get(m.doc_id, 0.0), match)
        found.sort(key=lambda x: (-best[x[1].doc_id], doc_order[x[1].doc_id], -x[0], x[1].figure.start))
        return FigureLookup(text, tuple(figures), tuple(self._mention(m) for _, m in found))

    def differing(self, lookup: FigureLookup, idf: Mapping[str, float]) -> list[FigureMention]:
        """Per other document, a figure of the same unit but another value, about the same thing as the
        mentions found: the words around the figures share two uncommon words or, for a claim, a word of the claim."""
        if not lookup.mentions:
            return []
        from rag.conflicts import common_terms, figure_context

        common = common_terms(idf, len(self._data.sentences))
        anchor: set[str] = set()
        claim = set(content_terms(_without_figures(lookup.query, list(lookup.figures)))) - common
        for m in lookup.mentions:
            if not claim or claim & set(content_terms(m.sentence)):
                anchor |= figure_context(m.sentence, m.start - m.sentence_start, m.end - m.sentence_start)
        anchor -= common
        units = {f.unit for f in lookup.figures}
        if claim:  # for a claim, a document states it only where the figure's sentence speaks of the claim
            stated = {m.doc_id for m in lookup.mentions if claim & set(content_terms(m.sentence))}
        else:
            stated = {m.doc_id for m in lookup.mentions}
        best: dict[str, tuple[int, DocFigure]] = {}
        for other in self._data.figures:
            f = other.figure
            if other.doc_id in stated or f.unit not in units:
                continue
            sent = self._data.sentences[other.sentence_id]
            shared = anchor & figure_context(sent.text, f.start - sent.start, f.end - sent.start)
            if not (shared & claim if claim else len(shared) >= 2):
                continue
            if other.doc_id not in best or len(shared) > best[other.doc_id][0]:
                best[other.doc_id] = (len(shared), other)
        return [self._mention(m) for _, m in sorted(best.values(), key=lambda x: -x[0])]

    def _mention(self, m: DocFigure) -> FigureMention:
        doc = self._data.document(m.doc_id)
        sent = self._data.sentences[m.sentence_id]
        f = m.figure
        return FigureMention(
            doc_id=doc.doc_id, title=doc.title, file=doc.file, start=f.start, end=f.end, quote=doc.text[f.start : f.end],
            sentence=sent.text, value=f.value, unit=f.unit, qualifier=f.qualifier, sentence_start=sent.start, date=doc.date,
        )


def _without_figures(text: str, figures: list) -> str:
    out, pos = [], 0
    for f in figures:
        out.append(text[pos : f.start])
        pos = f.end
    out.append(text[pos:])
    return " ".join(out)
