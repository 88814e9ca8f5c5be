"""Follow-up questions without an LLM: a question that leans on the previous turn borrows its words."""

from __future__ import annotations

import re

from rag.analysis import QuestionAnalysis

_LEANS_ON_CONTEXT = re.compile(
    r"^(?:and|but|also|so|then|what about|how about|and what|and how)\b"
    r"|\b(?:it|its|they|them|their|this|that|these|those|he|she|his|her|in return|the deal|the company|the same)\b",
    re.IGNORECASE,
)
MIN_OWN_TERMS = 2


def contextualize(q: QuestionAnalysis, previous: str | None) -> str:
    """The text to search with: the short form an expansion question names, the question itself, or the question followed by the previous one when it
    starts like a continuation ("and ..."), refers back ("it", "in return") or is too short to stand alone."""
    if q.acronym:  # "What does AWS stand for?": the sentences that hold the short form, whatever the frame's words
        return q.acronym
    if not previous:
        return q.text
    if _LEANS_ON_CONTEXT.search(q.text) or len(q.terms) < MIN_OWN_TERMS:
        return f"{q.text} {previous}"
    return q.text
