"""Where the sources agree and where they disagree on a figure the question asks for."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from rag.config import COMMON_TERM_SHARE, CONFLICT_CONTEXT_WORDS, CONFLICT_MIN_RELEVANCE
from rag.figures import same_value
from rag.lexical import content_terms
from rag.records import Conflict, Figure
from rag.store import DocFigure, IndexData


def figure_context(sentence: str, start: int, end: int) -> set[str]:
    """The words around a figure in its sentence: what the figure is a figure of."""
    before = re.findall(r"\w+", sentence[:start])[-CONFLICT_CONTEXT_WORDS:]
    after = re.findall(r"\w+", sentence[end:])[:CONFLICT_CONTEXT_WORDS]
    return set(content_terms(" ".join(before + after)))


def compare_sources(
    data: IndexData, question: str, sentence_id: int, answer: Figure, answer_start: int, idf: Mapping[str, float]
) -> tuple[list[int], list[Conflict]]:
    """What each other document says of the figure the answer gives.

    A figure in another document speaks of the same thing when it has the same unit, the words around it
    share an uncommon word with the words around the answer ("annualized revenue ... $30 billion" and
    "$1 billion in annualized recurring revenue" do; "$5 billion capital injection" and "total investment
    ... $8 billion" do not), and its sentence is about the question. Per document the best such figure
    is kept. Returns (sentence ids of documents giving the same value, conflicts), newest first.
    """
    best_doc = data.sentences[sentence_id].doc_id
    common = common_terms(idf, len(data.sentences))
    answer_sentence = data.sentences[sentence_id]
    anchor = figure_context(answer_sentence.text, answer_start, answer_start + len(answer.text)) - common
    q_terms = set(content_terms(question))
    q_mass = sum(idf.get(t, 0.0) for t in q_terms) or 1.0
    names = question_names(question)
    found: dict[str, list[tuple[float, DocFigure]]] = {}
    for mention in data.figures:
        f = mention.figure
        if mention.doc_id == best_doc or f.unit != answer.unit:
            continue
        sent = data.sentences[mention.sentence_id]
        shared = anchor & figure_context(sent.text, f.start - sent.start, f.end - sent.start)
        if not (shared & q_terms or len(shared) >= 2):  # one stray word ("including") is not enough
            continue
        relevance = sum(idf.get(t, 0.0) for t in q_terms & set(content_terms(sent.text))) / q_mass
        if relevance < CONFLICT_MIN_RELEVANCE or not names <= _terms_near(data, mention.sentence_id):
            continue
        found.setdefault(mention.doc_id, []).append((relevance, mention))
    agreeing: list[tuple[float, int]] = []
    conflicts: list[tuple[float, Conflict]] = []
    for doc_id, mentions in found.items():
        mentions.sort(key=lambda x: -x[0])
        same = [(r, m) for r, m in mentions if same_value(m.figure.value, answer.value)]
        if same:  # a document that also gives the answer's value agrees, whatever else it says
            agreeing.append((same[0][0], same[0][1].sentence_id))
            continue
        relevance, mention = mentions[0]
        f = mention.figure
        doc = data.document(doc_id)
        sent = data.sentences[mention.sentence_id]
        text = f"{f.qualifier} {f.text}" if f.qualifier else f.text
        conflict = Conflict(
            value=f.value, unit=f.unit, text=text, doc_id=doc.doc_id, title=doc.title, quote=f.text,
            sentence=sent.text, start=f.start, end=f.end, date=doc.date,
        )
        conflicts.append((relevance, conflict))
    agreeing.sort(key=lambda x: -x[0])
    conflicts.sort(key=lambda x: -x[0])
    ordered = [c for _, c in conflicts]
    ordered.sort(key=lambda c: c.date, reverse=True)  # dated ones newest first; undated keep relevance order
    return [sid for _, sid in agreeing], ordered


def question_names(question: str) -> set[str]:
    """The names a question is about ("Microsoft", "OpenAI"): its capitalized words after the first."""
    return {t for w in re.findall(r"\b[A-Z][\w’'-]*", question)[1:] for t in content_terms(w)}


def _terms_near(data: IndexData, sentence_id: int) -> set[str]:
    """The words of a sentence and the one before it ("Anthropic is growing. The company's revenue ...")."""
    terms = set(content_terms(data.sentences[sentence_id].text))
    for prev in data.neighbours(sentence_id, after=False):
        terms |= set(content_terms(data.sentences[prev].text))
    return terms


def common_terms(idf: Mapping[str, float], n_sentences: int) -> set[str]:
    """Words in more than COMMON_TERM_SHARE of sentences ("Amazon" in this corpus) say nothing of what a figure is."""
    limit = math.log(1 + 1 / COMMON_TERM_SHARE)
    return {t for t, w in idf.items() if w < limit} if n_sentences >= 4 else set()
