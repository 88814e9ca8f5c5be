"""A question written as a statement with a blank at its end: "The amount of land a country controls is its greatest
what?", "Imperialism extends a country's power and what?". The words before the blank are written in the answer's
sentence too ("... its greatest distinction"), and what follows them there fills the blank.

`blank_before` reads the question (rag.analysis keeps it); `filler` finds the words in a sentence and gives the
phrase after them, by the sentence's parse (rag.phrases.parse, cached), only for the sentence an answer is cut from.
"""

from __future__ import annotations

import re
from typing import Any

from rag.lexical import content_terms
from rag.phrases import parse

BLANK_WORDS = 3  # the question's words before the blank looked for in the sentence, at most
MIN_WORDS_BEFORE = 3  # a shorter question ("Parliament is what?") says too little to be a statement with a blank
MAX_FILLER_WORDS = 10
_BLANK = re.compile(r"^(?P<before>.*\S)\s+(?:what|whom|who)\W*$", re.IGNORECASE)
_OPENER = re.compile(r"^\W*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|will|would|has|have|had)\b", re.IGNORECASE)
_WORD = re.compile(r"\w[\w'’-]*")
# the words a filler is made of: the phrase's modifiers and nouns, a verb that opens it ("a duty to civilize the
# inferior"), adverbs and particles inside it; a conjunction only between two such words ("irrational and backward")
FILLER_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV", "PART"})
JOINING_POS = frozenset({"CCONJ"})


def blank_before(question: str) -> tuple[str, ...]:
    """The last words (at most BLANK_WORDS, lower-case) before a question word that ends a question written as a
    statement; () for a question that opens as one ("What is ...?") or is too short to be a statement."""
    if _OPENER.match(question):
        return ()
    m = _BLANK.match(question.strip())
    if m is None:
        return ()
    words = _WORD.findall(m.group("before"))
    if len(words) < MIN_WORDS_BEFORE:
        return ()
    return tuple(w.lower() for w in words[-BLANK_WORDS:])


# prepositions a likeness takes either way: "comparable with what?" and "comparable to the power output of ..."
_LIKENESS_PREPOSITIONS = frozenset({"to", "with"})


def _same(word: str, asked: str) -> bool:
    """A word of the sentence is the question's word: the same, of the same stem ("committees'" and "committees"), or
    the other preposition of a likeness ("to" for "with")."""
    w = word.lower()
    if w == asked or (w in _LIKENESS_PREPOSITIONS and asked in _LIKENESS_PREPOSITIONS):
        return True
    a, b = content_terms(w), content_terms(asked)
    return bool(a) and a == b


def filler(sentence: str, before: tuple[str, ...]) -> tuple[int, int] | None:
    """(start, end) in `sentence` of the phrase that follows the longest run of the question's last words before its
    blank (at least two words, or one word that is not a function word), or None where the sentence does not
    write them so."""
    if not before:
        return None
    words = list(_WORD.finditer(sentence))
    for k in range(len(before), 0, -1):
        anchor = before[-k:]
        if k == 1 and not content_terms(anchor[0]):
            break  # "to what?", "the what?": a lone function word is everywhere
        for i in range(len(words) - k):
            if all(_same(words[i + j].group(), anchor[j]) for j in range(k)):
                found = _phrase_from(sentence, words[i + k].start())
                if found is not None:
                    return found
    return None


def _phrase_from(sentence: str, start: int) -> tuple[int, int] | None:
    """The phrase that opens at `start`: a verb or a modifier, then modifiers and nouns (a conjunction only between
    two of them), up to the first word of another kind, or MAX_FILLER_WORDS."""
    doc = parse(sentence)
    if doc is None:
        return None
    first = next((t for t in doc if t.idx == start), None)
    if first is None:
        return None
    kept: list[Any] = []
    for tok in doc[first.i :]:
        if len(kept) == MAX_FILLER_WORDS:
            break
        if tok.pos_ in FILLER_POS or (not kept and tok.pos_ == "VERB"):
            kept.append(tok)
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if kept and tok.pos_ in JOINING_POS and nxt is not None and nxt.pos_ in FILLER_POS:
            kept.append(tok)
            continue
        if (kept and kept[0].pos_ == "DET" and tok.lower_ == "of" and kept[-1].pos_ in ("NOUN", "PROPN") and nxt is not None
                and nxt.pos_ in FILLER_POS):
            # "the power output of five large thermal power plants": what a noun its determiner leaves open is of (a
            # bare noun says it whole: "an international disease")
            kept.append(tok)
            continue
        break
    while kept and (kept[-1].pos_ in ("DET", "PART", "CCONJ") or (kept[-1].pos_ == "ADV" and kept[-1].dep_ != "conj")):
        kept.pop()  # "irrational and backward": an adverb joined to what comes before is kept
    if not kept or not any(t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB") for t in kept):
        return None
    return kept[0].idx, kept[-1].idx + len(kept[-1].text)
