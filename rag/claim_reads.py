"""What the claims of a scored sentence say, read through the index: the claim its answer's figure makes, its scope,
whether the sentence states a figure, whose figure it is."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from rag.analysis import QuestionAnalysis
from rag.disagreement import defining_scope, entity_key, measure_stem
from rag.figure_index import asks_moved_money, fits_roles, query_roles, valued
from rag.figures import same_figure
from rag.index.view import IndexData
from rag.lexical import akin
from rag.records import Claim, Figure, Sentence
from rag.scoring import Scored
from rag.sentence_facts import facts, names_here_and_before
from rag.spans import Span


def states_any(data: IndexData, sentence_id: int, figures: Sequence[Figure]) -> bool:
    """Whether a sentence's claims state one of the figures."""
    return any(same_figure(f, c.figure) for c in data.claims_in_sentence(sentence_id) for f in figures)


def subject_of_figure(data: IndexData, q: QuestionAnalysis, sentence_id: int) -> Span | None:
    """The subject of the sentence's claim of a figure the question gives, where the parse resolved it to a name the
    question does not give ("the company" -> "Amazon"), as a span over the figure (the name itself may stand in the
    sentence before)."""
    asked = {entity_key(e) for e in q.entities}
    for c in data.claims_in_sentence(sentence_id):
        if c.subject and entity_key(c.subject) not in asked and any(same_figure(f, c.figure) for f in q.figures):
            start = c.figure.start - data.sentences[sentence_id].start
            return Span(start, start + len(c.figure.text), c.subject, "name")
    return None


def claim_of(data: IndexData, s: Scored) -> Claim | None:
    """The claim of the figure a scored sentence's span holds (None without a figure, or without a claim)."""
    if s.span is None or s.span.figure is None:
        return None
    sent = data.sentences[s.sentence_id]
    return data.claim_at(sent.doc_id, sent.start + s.span.figure.start)


def scope_of(data: IndexData, s: Scored) -> frozenset[str]:
    claim = claim_of(data, s)
    return frozenset(claim.scope) if claim is not None else frozenset()


def placed(claim: Claim, sentence: Sentence) -> Figure:
    """A claim's figure with offsets in its sentence (claims keep offsets in the document)."""
    f = claim.figure
    return dataclasses.replace(f, start=f.start - sentence.start, end=f.end - sentence.start)


ANTECEDENT_REACH = 40  # sentences back, in its article, a definite figure may refer to (a bound on the reading)
# "The guaranteed 5 gigawatts": a figure after a determiner that points back, and at most two words
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|these|those)\s+(?:[a-z][\w-]*\s+){0,2}$", re.IGNORECASE)


def antecedent(data: IndexData, claim: Claim) -> Claim:
    """The claim a definite figure refers back to: "The guaranteed 5 gigawatts removes ..." is the "up to 5
    gigawatts" Amazon guarantees two sentences before. Where the parse found no subject for a figure after "the",
    the nearest earlier claim of the same value, unit and scope (a bound aside) in its article, at most
    ANTECEDENT_REACH sentences back, that has one; else the claim itself."""
    if claim.subject:
        return claim
    sentence = data.sentences[claim.sentence_id]
    if not _DEFINITE_BEFORE.search(sentence.text[: claim.figure.start - sentence.start]):
        return claim
    for sid in range(claim.sentence_id - 1, max(-1, claim.sentence_id - 1 - ANTECEDENT_REACH), -1):
        if data.sentences[sid].doc_id != claim.doc_id:
            break
        for earlier in data.claims_in_sentence(sid):
            if earlier.subject and same_figure(earlier.figure, claim.figure) and (
                    defining_scope(earlier) - {"bound"} == defining_scope(claim) - {"bound"}):
                return earlier  # (not "bringing the total to $4 billion" for "this latest $4 billion infusion")
    return claim


# a definite noun for a party, after a word (not the sentence's subject): it refers to a party named just before
_REFERS_BACK = re.compile(r"\w\s+the\s+(?:company|firm|startup|start-up|lab|group|developer|maker)\b")


def figure_of_another(data: IndexData, q: QuestionAnalysis, sentence_id: int) -> bool:
    """Whether every claim of the question's figure in the sentence is of another measure than the question asks
    (the articles' classes of measures), or another party's than the question asks it of (by the roles the figure
    check reads: rag.figure_index.fits_roles)."""
    if not q.measured:
        return False
    claims = [c for c in data.claims_in_sentence(sentence_id) if any(same_figure(f, c.figure) for f in q.measured)]
    if not claims:
        return False
    classes = data.measure_classes
    asked = classes.get(q.measure)
    if asked and not any(akin(q.measure, t) for t in facts(data, sentence_id).terms) and all(
            classes.get(measure_stem(c.measure), asked) != asked and c.figure.unit != "ratio" for c in claims):
        # (a ratio is named by what it sets against what, in any words: "a 20-to-1 return" of "the deal")
        return True  # "Is Anthropic's annual revenue $60 billion?": the $60 billion is a valuation
    sentence = data.sentences[sentence_id]
    if asks_moved_money(q.terms) and all(valued(c, sentence) for c in claims):
        return True  # "Did Anthropic raise $60 billion?": the $60 billion is what it is valued at, not money raised
    keys = {entity_key(e) for e in q.entities}
    # "Amazon in turn guarantees the company access to ... up to 5 gigawatts": "the company" is the one the sentence
    # before names ("Anthropic commits to ..."), so the sentence speaks of it too
    named = names_here_and_before(data, sentence_id) if _REFERS_BACK.search(sentence.text) else facts(data, sentence_id).names
    if any(entity_key(e) not in named for e in q.entities) and all(
            {entity_key(n) for n in (c.subject, c.target) if n[:1].isupper()} - keys for c in claims):
        return True  # "Was OpenAI valued at $60 billion?": the sentence's $60 billion is Anthropic's, OpenAI unnamed
    roles = query_roles(q.text, list(q.figures))
    return bool(q.doer) and not any(fits_roles(data.sentences[sentence_id], c, roles) for c in claims)
