"""Scoring the sentences of the retrieved passages: relevance to the question (dense, lexical, the passage's rank
and context), whether a span of the asked kind is there, and the confidence signals of an answer from a sentence."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np

from rag.analysis import QuestionAnalysis
from rag.binding import entity_coverage, is_bound
from rag.config import CONFIDENCE_FEATURES, CONFIDENCE_WEIGHTS, SCORE_WEIGHTS
from rag.figures import same_figure
from rag.index.view import IndexData
from rag.lexical import TermWeights, content_terms, doer_nouns
from rag.records import Figure, Passage
from rag.sentence_facts import SentenceFacts, facts
from rag.sentence_facts import question_terms as _terms
from rag.spans import Span, candidate_spans, choose_span, is_vague_time
from rag.units import FIGURE_KINDS, UNITS

BOUND_BONUS = 0.5  # in units of the "typed" signal
UNKNOWN = -1.0  # Scored.bound of a sentence not yet bound (score_sentences(lazy=True))
NEAR_BEST = 0.8  # a sentence within this share of the best score is a near-tie
FIGURE_TERMS = ("USD|", "EUR|", "GBP|", "%|", "W|")  # how the figure terms of terms_of begin


@dataclass(frozen=True)
class Scored:
    sentence_id: int
    score: float
    dense: float
    overlap: float
    typed: float
    passage: float
    heading: float
    window: float
    context: float
    span: Span | None
    missing: float = 0.0  # idf of the rarest question word absent from the sentence and its neighbours, over the largest idf
    bound: float = 1.0  # 1 when the question's names are where the answer is (is_bound)
    coverage: float = 1.0  # the share of the question's names in the sentence and its neighbours


def another_bound_figure(data: IndexData, q: QuestionAnalysis, sentence_id: int, known: SentenceFacts, span: Span) -> Span | None:
    """Another figure of the kind asked in a sentence whose chosen figure is not bound to the question's names: "OpenAI's
    valuation reached $150 billion, while Mistral AI achieved a $6 billion valuation" has Mistral AI's (a yes/no
    question's own figure is the one it asks of: "Did Mistral AI reach a $6 billion valuation?"); None where none is."""
    return next((
        c for c in candidate_spans(known.text, q.span_kind)
        if c.figure is not None and c.start != span.start and (q.answer_type == "yesno" or not _given(q, c.figure))
        and is_bound(data, q, sentence_id, c.figure, known)
    ), None)


def largest_weight(idf: TermWeights) -> float:
    """The weight of the rarest term: what a term absent from the index counts."""
    largest = getattr(idf, "largest", None)
    if largest is not None:
        return float(largest)
    return max(idf.values(), default=1.0) if isinstance(idf, dict) else 1.0


def score_sentences(
    data: IndexData,
    q: QuestionAnalysis,
    query_vector: np.ndarray,
    passages: Sequence[Passage],
    idf: TermWeights,
    search_text: str | None = None,
    lazy: bool = False,
) -> list[Scored]:
    """Every sentence of the retrieved passages, best first. `search_text` (the question with the
    context of a previous turn) decides relevance; the analysed question alone decides the kind of answer.
    `lazy` (the answerer's way) leaves what does not move the score to the sentences that need it: `coverage` and
    `missing` (confidence signals only) to those whose confidence is asked, and the span and binding of a question
    of no particular kind to `_bound_in_order`; their `bound` is UNKNOWN until then. bench/tune.py reads them all."""
    kind = q.span_kind
    bounds = q.bounds
    q_terms = _terms(search_text or q.text)
    default_idf = largest_weight(idf)
    q_mass = sum(idf.get(t, default_idf) for t in q_terms) or 1.0
    weight = {t: idf.get(t, default_idf) for t in q_terms}
    # "Who created Claude?": a sentence that names "the creators of" Claude says the question's verb in its doer's noun
    doers = doer_nouns(q_terms) if q.answer_type in ("person", "organisation") else {}
    unit_words, unit_keys = asked_unit_words(q_terms, kind)
    rank_of: dict[int, int] = {}
    context_of: dict[int, float] = {}
    chunk_cos = data.chunk_vectors[[p.chunk_id for p in passages]] @ query_vector if passages else np.zeros(0)
    for rank, p in enumerate(passages):
        chunk = data.chunks[p.chunk_id]
        for sid in range(chunk.first_sentence, chunk.last_sentence + 1):
            rank_of.setdefault(sid, rank)
            context_of[sid] = max(context_of.get(sid, -1.0), float(chunk_cos[rank]))
    if not rank_of:
        return []
    if doers:
        doers = _doers_said(doers, [facts(data, sid) for sid in rank_of], q.name_terms)
    ids = np.fromiter(rank_of, dtype=np.int64)
    dense = data.sentence_vectors[ids] @ query_vector
    w = SCORE_WEIGHTS
    w_dense, w_overlap, w_typed, w_passage = w["dense"], w["overlap"], w["typed"], w["passage"]
    w_heading, w_window, w_context = w["heading"], w["window"], w["context"]
    out = []
    for sid, cos in zip(ids.tolist(), dense.tolist()):
        known = facts(data, sid)
        if known.asks:
            continue  # a heading that asks the question is not its answer
        said = q_terms & known.terms
        near = known.near_terms  # an answer sentence often says "it" or "he" where the question names the subject
        said_near = q_terms & near
        if OWN in said and _only_intensifier(known.text):
            said, said_near = said - {OWN}, said_near - {OWN}  # "Amazon's own chips" say nothing of who owns what
        if doers:
            said = said | {doers[t] for t in doers.keys() & known.terms}
            said_near = said_near | {doers[t] for t in doers.keys() & near}
        if unit_words and any(t.startswith(unit_keys) for t in known.terms):
            said, said_near = said | unit_words, said_near | unit_words  # "How many GW ...?" and "up to 5GW"
        overlap = sum(map(weight.__getitem__, said)) / q_mass
        window = sum(map(weight.__getitem__, said_near)) / q_mass
        later = lazy and kind == "other"
        span = None if later else choose_span(known.text, q, idf, known.scopes)
        typed = 1.0 if span is not None and kind != "other" else 0.0
        if typed and span is not None and is_vague_time(span):
            typed = 0.0  # "over multiple years" states no length: a sentence that does answers "how long" better
        if typed and bounds and span is not None and span.figure is not None and span.figure.qualifier in bounds:
            typed = 1.0 + BOUND_BONUS
        passage = 1.0 / (1 + rank_of[sid])
        heading = 1.0 if known.heading else 0.0
        context = context_of[sid]
        score = (
            w_dense * cos + w_overlap * overlap + w_typed * typed + w_passage * passage
            - w_heading * heading + w_window * window + w_context * context
        )
        missing = 0.0 if lazy else missing_weight(q_terms, near | (said_near & unit_words), weight, default_idf)
        bound = UNKNOWN if later else 1.0 if is_bound(data, q, sid, span.figure if span is not None else None, known) else 0.0
        if bound == 0.0 and span is not None and span.figure is not None:
            other = another_bound_figure(data, q, sid, known, span)
            if other is not None:
                span, bound = other, 1.0
        out.append(Scored(
            sid, score, cos, overlap, typed, passage, heading, window, context, span, missing, bound,
            1.0 if lazy else entity_coverage(data, q, sid, known),
        ))
    out.sort(key=lambda s: (-s.score, s.sentence_id))
    return out


OWN = "own"
_OWN = re.compile(r"\bown\b", re.IGNORECASE)
_INTENSIFYING_OWN = re.compile(r"(?:['’]s|\b(?:its|their|his|her|our|my|your))\s+own\b", re.IGNORECASE)


def _only_intensifier(text: str) -> bool:
    """Whether every "own" of the text stresses a possessive ("Amazon's own semiconductor division", "its own"),
    which is no act of owning."""
    return len(_OWN.findall(text)) == len(_INTENSIFYING_OWN.findall(text))


def _doers_said(doers: dict[str, str], sentences: Sequence[SentenceFacts], named: AbstractSet[str]) -> dict[str, str]:
    """The doer nouns the sentences say, unless one of them says the verb itself of the question's names ("Watt
    invented ..."): then no noun stands in for it."""
    said = {noun: verb for noun, verb in doers.items() if any(noun in known.terms for known in sentences)}
    verbs = set(said.values())
    if any(verbs & known.terms and named <= known.terms for known in sentences):
        return {}
    return said


def sentence_confidence(best: Scored) -> float:
    """P(right) of an answer from this sentence: a logistic model over CONFIDENCE_FEATURES (bench/tune.py)."""
    w = CONFIDENCE_WEIGHTS
    z = sum(w[f] * float(getattr(best, f)) for f in CONFIDENCE_FEATURES) + w["bias"]
    return 1.0 / (1.0 + math.exp(-z))


def asked_unit_words(q_terms: AbstractSet[str], kind: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The words of the question that name the unit of the figure it asks for ("gw" in "How many GW of Trainium?"),
    and how the figure terms of those units begin: a sentence with a figure in that unit says them, however it writes
    the figure ("up to 5GW", "5 gigawatts")."""
    units = [u for u in UNITS if u.kind == kind] if kind in FIGURE_KINDS else []
    words = frozenset(t for u in units for w in (*u.words, *(n for n, _ in u.scales)) for t in content_terms(w)) & q_terms
    return words, tuple(f"{u.name}|" for u in units)


def with_unit_words(terms: AbstractSet[str], unit_words: frozenset[str], unit_keys: tuple[str, ...]) -> AbstractSet[str]:
    """A sentence's terms, with the question's unit words where it has a figure in their unit (asked_unit_words)."""
    return terms | unit_words if unit_words and any(t.startswith(unit_keys) for t in terms) else terms


def missing_weight(q_terms: AbstractSet[str], near: AbstractSet[str], weight: dict[str, float], default_idf: float) -> float:
    """Scored.missing: the weight of the rarest question word absent from a sentence and its neighbours, over the
    largest (figure terms are not words that can be missing)."""
    absent = (t for t in q_terms - near if not t.startswith(FIGURE_TERMS))
    return max(map(weight.__getitem__, absent), default=0.0) / default_idf


def _given(q: QuestionAnalysis, figure: Figure) -> bool:
    """Whether the question gives the figure itself (it is then not its answer)."""
    return any(same_figure(g, figure) for g in q.figures)
