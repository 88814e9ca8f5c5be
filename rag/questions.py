"""Checking a question before it is asked."""

from __future__ import annotations

import unicodedata

from rag.config import MAX_QUESTION_CHARS
from rag.errors import QuestionError

MIN_LATIN_SHARE = 0.5


def clean_question(question: str, limit: int = MAX_QUESTION_CHARS) -> str:
    """The question stripped of control characters; QuestionError when it cannot be answered as written."""
    if len(question) > limit:
        raise QuestionError(f"the question is {len(question):,} characters long; the limit is {limit:,}: ask a shorter question")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in question)
    text = " ".join(text.split())
    if not text:
        raise QuestionError("the question is empty: type a question about the articles")
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        raise QuestionError("the question has no words: type a question about the articles")
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    if latin / len(letters) < MIN_LATIN_SHARE:
        raise QuestionError("the question is not in English: the articles and the model are English, so ask in English")
    return text
