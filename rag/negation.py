"""The negation vocabulary, in one table: what makes a question ask of what is not so, a sentence deny something,
or a sentence's polarity No. Pure text logic."""

from __future__ import annotations

import re

# a question that says one of these asks of what is not so ("Which parliament has no ability ...?")
NEGATIONS = frozenset("not never no none nor neither nothing nobody nowhere cannot without".split())
# a sentence may also say it in words of lacking or failing: "unable to", "lacked", "refused"
LACKING = frozenset("lack lacks lacked lacking".split())
FAILING = frozenset("unable fail fails failed refuse refuses refused".split())  # with "to", for a sentence's polarity
SENTENCE_NEGATIONS = NEGATIONS | LACKING | FAILING
_NOT_NEGATING = frozenset("unless nevertheless nonetheless regardless less".split())
CONTRACTED = re.compile(r"n[’']t\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)


def _alternation(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


# a negation that governs the words after it, for a sentence's polarity ("does not have a board seat"); what a
# sentence leaves unsettled is not said either: "too small to show whether it slowed damage", "unclear whether"
POLARITY_NEGATION = re.compile(
    rf"\b(?:{_alternation(NEGATIONS | LACKING)})\b|\b(?:{_alternation(FAILING)})\s+to\b|n['’]t\b"
    r"|\btoo \w+ to (?:show|tell|say|determine|establish|prove|judge)\b|\b(?:unclear|uncertain|unknown)\b|\bremains to be seen\b",
    re.IGNORECASE,
)
# the negation that denies what a name before it does ("Amazon does not acquire ..."): "not" or "never", not "not
# only"; "no" is left out: "had no choice but to surrender" says the surrender
DENIAL = re.compile(r"\b(?:not|never)\b(?!\s+(?:only|just|merely)\b)|n[’']t\b", re.IGNORECASE)


def negates(question: str) -> bool:
    """Whether the question asks of what is not so: "What didn't European chemists make?", "Which parliament has
    no ability ...?", "an engine without leakage"."""
    return bool(CONTRACTED.search(question)) or bool({w.lower() for w in _WORD.findall(question)} & NEGATIONS)


def says_negation(sentence: str) -> bool:
    """Whether the sentence negates anything: a negation word, "n't", a word in "-less" ("pistonless") or "non"
    ("nonfriendly", "non-elected")."""
    if CONTRACTED.search(sentence):
        return True
    for word in (w.lower() for w in re.findall(r"[A-Za-z][\w-]*", sentence)):
        if word in _NOT_NEGATING:
            continue
        if word in SENTENCE_NEGATIONS or word.startswith("non") or (len(word) > 6 and word.endswith("less")):
            return True
    return False
