"""A question typed in lower case ("anthropic valuation", "how much did amazon invest in anthropic?") loses its
names: the answerer binds an answer to the names a question gives, so "anthropic valuation" would take any
company's valuation. The names are written again as the articles write them ("Anthropic valuation").

A word is a name where the sentences of the CASING_CHUNKS chunks that best match the question (a lexical index
lookup, whatever the corpus's size) write it capitalized at least MIN_CAPITALIZED times (a sentence's first word
counts: a common word that opens sentences is written in lower case elsewhere) and never in lower case; headings
(sentences whose words are mostly capitalized) do not count. Only questions written all in lower
case are recased: one that capitalizes anything (its first word too) wrote its names as its writer meant them. The
same evidence tells whether a question put as keywords starts with a name ("Anthropic valuation"), which a
question's capitalized first word otherwise is not."""

from __future__ import annotations

import re
from collections import Counter

from rag.analysis import AUX_WORDS, WH_WORDS
from rag.index.view import IndexData
from rag.lexical import stopwords

CASING_CHUNKS = 12  # chunks read for how the articles write the question's words
MIN_CAPITALIZED = 3  # a word written capitalized this often, and never in lower case, is a name
MIN_NAME_CHARS = 2  # "ai" -> "AI"; a single letter is never recased
HEADING_SHARE = 0.5  # a sentence with more than this share of capitalized words is a heading ("Rising Valuation")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.&-][A-Za-z0-9]+)*")


def _lowercase(question: str) -> bool:
    """Whether the question writes no capital at all ("What words are inscribed on the mace of parliament?" is
    written with care: its writer meant "parliament" as a common noun)."""
    return question == question.lower()


def _heading(words: list[str]) -> bool:
    return len(words) > 2 and sum(w[:1].isupper() for w in words) > HEADING_SHARE * len(words)


def _written_as_names(data: IndexData, question: str, asked: set[str]) -> dict[str, str]:
    """Those of the `asked` lower-case words that the sentences of the chunks best matching the question write as
    names, each with its commonest written form ("aws" -> "AWS"). A sentence's first word counts: a name
    the articles seldom give ("Meta has taken a different approach ...", "... or Meta's") is still never written in
    lower case, as a common word that opens sentences is."""
    forms: dict[str, Counter[str]] = {w: Counter() for w in asked}
    lowered: Counter[str] = Counter()
    for chunk_id, _ in data.lexical.top(question, CASING_CHUNKS):
        chunk = data.chunks[chunk_id]
        for sid in range(chunk.first_sentence, chunk.last_sentence + 1):
            words = _WORD.findall(data.sentences[sid].text)
            heading = _heading(words)
            for word in words:
                key = word.lower()
                if key not in forms:
                    continue
                if word == key:
                    lowered[key] += 1
                elif not heading:
                    forms[key][word] += 1
    return {
        key: counts.most_common(1)[0][0]
        for key, counts in forms.items()
        if not lowered[key] and sum(counts.values()) >= MIN_CAPITALIZED
    }


def recased(data: IndexData, question: str) -> str | None:
    """The lower-case question with the words the articles write as names capitalized as they write them ("what is
    anthropic's valuation?" -> "what is Anthropic's valuation?"), or None where it has capitals or no such word."""
    if not _lowercase(question):
        return None
    stop = stopwords()
    asked = {w.lower() for w in _WORD.findall(question) if len(w) >= MIN_NAME_CHARS and w.lower() not in stop}
    names = _written_as_names(data, question, asked) if asked else {}
    if not names:
        return None
    return _WORD.sub(lambda m: names.get(m.group().lower(), m.group()) if m.group().islower() else m.group(), question)


def leads_with_name(data: IndexData, question: str) -> bool:
    """Whether a question put as keywords ("Anthropic valuation", "Salesforce stake") starts with a name: it has no
    question word and does not start with a verb's auxiliary ("Did ..."), and the articles write its first word as a
    name. A question's first word is capitalized anyway, so the analysis reads it as a name only where told so."""
    words = _WORD.findall(question)
    if not words or not question.lstrip().startswith(words[0]) or not words[0][:1].isupper():
        return False
    first = words[0].lower()
    if first in AUX_WORDS or first in stopwords() or any(w.lower() in WH_WORDS for w in words):
        return False
    return first in _written_as_names(data, question, {first})
