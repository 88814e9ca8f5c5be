"""Entity binding: an answer belongs to what the question names. Google's stake is not Microsoft's, and
Anthropic's CEO is not the CEO of Amazon."""

from __future__ import annotations

import re
from functools import lru_cache

from rag.analysis import QuestionAnalysis
from rag.disagreement import entity_key
from rag.index.view import IndexData
from rag.lexical import content_terms
from rag.records import Figure

_NAME = re.compile(r"\b[A-Z][\w’'&.-]*")
_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b", re.IGNORECASE)
_PRONOUN_START = re.compile(
    r"^(?:he|she|it|they|its|his|her|their|the (?:company|firm|startup|group|lab|model)(?:['’]s)?)\b", re.IGNORECASE
)


def is_bound(data: IndexData, q: QuestionAnalysis, sentence_id: int, figure: Figure | None) -> bool:
    """The answer belongs to what the question asks about. A figure's claim must have a subject the question
    names (Microsoft's $13 billion in OpenAI does not answer for Amazon). A name that owns what is asked ("Google"
    in "Google's stake", "Amazon" in "the CEO of Amazon") must be where the answer is: in its sentence, among the
    subjects and targets the parse gave the sentence's figures ("the company invested $50 billion": the company
    is Amazon), or, for a figure or a sentence that speaks of "he" or "they", in the sentence before.
    `figure` is the answer's figure, offsets in the sentence, or None."""
    if not q.entities:
        return True
    sent = data.sentences[sentence_id]
    named = set(_names(sent.text))
    for c in data.claims_in_sentence(sentence_id):
        named |= {entity_key(c.subject), entity_key(c.target)}
    if figure is not None or _PRONOUN_START.match(sent.text) or _PRONOUN.search(sent.text):
        for prev in data.neighbours(sentence_id, after=False):
            named |= _names(data.sentences[prev].text)
    wanted = {entity_key(e) for e in q.entities} | {t for e in q.entities for t in content_terms(e)}
    if figure is not None:
        claim = data.claim_at(sent.doc_id, sent.start + figure.start)
        if claim is not None and claim.subject and entity_key(claim.subject) not in wanted:
            return False  # Microsoft's $13 billion in OpenAI does not answer for Amazon
    return all(_present(e, named) for e in q.owners)


def entity_coverage(data: IndexData, q: QuestionAnalysis, sentence_id: int) -> float:
    """The share of the question's names found in a sentence and its neighbours (a confidence signal)."""
    if not q.entities:
        return 1.0
    named = set(_names(data.sentences[sentence_id].text))
    for other in data.neighbours(sentence_id):
        named |= _names(data.sentences[other].text)
    return sum(_present(e, named) for e in q.entities) / len(q.entities)


def _present(entity: str, named: set[str]) -> bool:
    terms = set(content_terms(entity))
    return entity_key(entity) in named or len(terms & named) * 2 >= max(1, len(terms))


@lru_cache(maxsize=16384)
def _names(text: str) -> frozenset[str]:
    """What a sentence can bind a question's name to: its names and its words ("President Woodrow Wilson's
    inquiry"). Cached: the same sentences are candidates for question after question."""
    return frozenset({entity_key(w) for w in _NAME.findall(text)} | set(content_terms(text)))
