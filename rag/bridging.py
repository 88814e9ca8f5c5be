"""A name the next sentence gives for a class the best sentence only speaks of: "... the second major mega-investment by
Amazon in a leading AI lab in two months. In February 2026, the company invested approximately $50 billion in OpenAI."
answers "In which AI lab ...?" by "OpenAI", the name in the same role (after the same preposition) as "a leading AI
lab"."""

from __future__ import annotations

import re

from rag.lexical import content_terms

# a preposition, an indefinite article, up to three modifiers, then the class noun: "in a leading AI lab"
_INDEFINITE = re.compile(r"\b(in|into|with|to|from|for|on|by|at)\s+(?:a|an|another|one)\s+((?:[\w-]+\s*){1,4})", re.IGNORECASE)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*)*"
_PREPOSITIONS = frozenset({"in", "into", "with", "to", "from", "for", "on", "by", "at", "of", "that", "which", "who"})
_CONNECTOR = frozenset({"the", "a", "an"})


def bridged_name(sentence: str, following: str, asked_class: str, own_names: frozenset[str]) -> tuple[int, int] | None:
    """Offsets in `following` of the name it gives after the preposition that `sentence` puts before an indefinite
    phrase headed by `asked_class` (a stem); None where the sentence has no such phrase or the next names no one
    there. A name of the question's own (`own_names`, lower case) is no answer."""
    for m in _INDEFINITE.finditer(sentence):
        words = m.group(2).split()
        head = next((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS), len(words))
        if asked_class not in content_terms(" ".join(words[:head])):
            continue  # the class noun in the phrase itself, not past its end ("in a deal with ...")
        for n in re.finditer(rf"\b{m.group(1).lower()}\s+(?:the\s+)?({_NAME})", following):
            name = n.group(1)
            if name.lower() in own_names or name.split()[0].lower() in _CONNECTOR:
                continue
            return n.start(1), n.start(1) + len(name.rstrip("."))  # not the sentence's full stop
    return None
