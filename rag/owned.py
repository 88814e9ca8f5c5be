"""What a question says a name owns ("Microsoft's main partner"), and whether a sentence says that name owns it in
any form of the noun ("Microsoft's partnership with OpenAI")."""

from __future__ import annotations

import re

from rag.analysis import QuestionAnalysis
from rag.lexical import PREPOSITIONS, akin, content_terms

OWNED_WORDS = 3  # words after a possessive read for the noun it owns ("Microsoft's main cloud partner")
_WORD = re.compile(r"[a-z][\w-]*")


def owned_nouns(q: QuestionAnalysis) -> tuple[tuple[str, str], ...]:
    """(owner, stem of the noun it owns) for each owner the question names with a possessive: the last word of the
    lower-case run after it, up to a preposition ("Microsoft's main partner" -> ("Microsoft", "partner"))."""
    out = []
    for owner in q.owners:
        m = re.search(rf"{re.escape(owner)}['’]s\s+((?:[a-z][\w-]*\s*){{1,{OWNED_WORDS}}})", q.text)
        if m is None:
            continue
        words = []
        for w in m.group(1).split():
            if w in PREPOSITIONS or not _WORD.fullmatch(w):
                break
            words.append(w)
        stems = content_terms(words[-1]) if words else []
        if stems:
            out.append((owner, stems[0]))
    return tuple(out)


def says_owned(sentence: str, owned: tuple[tuple[str, str], ...]) -> bool:
    """Whether the sentence says one of the owners' nouns, in any form, within OWNED_WORDS words after its possessive."""
    for owner, stem in owned:
        for m in re.finditer(rf"{re.escape(owner)}['’]s\s+((?:[\w-]+\s*){{1,{OWNED_WORDS}}})", sentence):
            if any(akin(stem, t) for t in content_terms(m.group(1))):
                return True
    return False
