"""Common-noun phrases of a sentence, from spaCy's parse: candidate answers to "what ..." questions whose answer is
not a name ("deadly explosives", "compound engines", "a secret ballot").

Parsed at question time, only for the sentence an answer is cut from (one parse per such question, cached), so the
cost does not grow with the corpus and the build is unchanged. The pipeline is the one the claims use
(rag.claims.load_parser), run without the entity recognizer, which neither noun phrases nor alignment need.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rag.claims import MAX_PARSE_CHARS, load_parser

PHRASE_CACHE = 4096  # sentences whose phrases are kept
UNUSED_PIPES = ("ner",)  # noun chunks need the tagger, the attribute ruler (POS) and the parser; alignment the lemmas
_LEADING = frozenset({"DET", "PRON"})  # "the", "its", "which": not part of an answer


@lru_cache(maxsize=PHRASE_CACHE)
def parse(text: str) -> Any:
    """spaCy's parse of a sentence or a question (tags, lemmas and dependencies; no entities), or None where it is
    empty or longer than MAX_PARSE_CHARS. Kept for the PHRASE_CACHE latest texts: an answer's sentence is parsed
    once for its noun phrases and its alignment with the question (rag.alignment)."""
    if not text or len(text) > MAX_PARSE_CHARS:
        return None
    nlp = load_parser()
    return nlp(text, disable=[p for p in UNUSED_PIPES if p in nlp.pipe_names])


# the bare noun of a compound preposition ("as part of", "in terms of", "on behalf of"), ending where the noun ends
_IDIOM_NOUN = re.compile(
    r"\b(?:as (?:a )?part|in terms|on behalf|in (?:favou?r|front|spite|place|charge|lieu|light|view|case|need|search)"
    r"|by (?:means|way|virtue)|for (?:the )?sake|in (?:the )?(?:wake|course|event|face|form|midst))$",
    re.IGNORECASE,
)


@lru_cache(maxsize=PHRASE_CACHE)
def noun_phrases(sentence: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each noun phrase of `sentence` that does not open with a capital once its determiners and
    pronouns are left out (capitalized names are found by the span finder's own pattern), in order."""
    doc = parse(sentence)
    if doc is None:
        return ()
    out = []
    for chunk in doc.noun_chunks:
        words = [t for t in chunk if t.pos_ not in _LEADING and t.tag_ != "PRP$"]
        if not words or words[0].text[:1].isupper():
            continue
        if len(words) == 1 and _IDIOM_NOUN.search(sentence, 0, words[0].idx + len(words[0].text)):
            continue  # "as part of their latest deal": the noun of a fixed preposition names nothing
        out.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    # a phrase and the one after "of" are one: "a predictable stream of infrastructure revenue"
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged and _OF_BETWEEN.fullmatch(sentence, merged[-1][1], a):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return tuple(merged)


_OF_BETWEEN = re.compile(r"\s+of\s+(?:(?:the|a|an)\s+)?")
