"""An either/or question between two figures: "Is Anthropic's revenue about $1 billion or $30 billion?".

It is answered as the question of the figure ("How much is Anthropic's revenue?"): where that answer is one of the
two, it is the answer (with the other shown where a source gives it, as for any figure); a Yes or No to a choice
would say nothing. Where the answer is neither, the question is answered as asked.
"""

from __future__ import annotations

import dataclasses
import re

from rag.figures import parse_figures, same_value
from rag.records import Answer, Figure

# the auxiliary a yes/no question opens with, and words that hedge a figure ("about $1 billion")
_OPENS = re.compile(r"^\W*(?P<aux>is|are|was|were|does|do|did|has|have|had|will|would)\s+(?P<rest>.+)$", re.IGNORECASE)
_HEDGES = r"(?:about|around|roughly|approximately|nearly|almost|some|over|under|more than|less than|up to)"
_HEDGE = re.compile(rf"(?:\b{_HEDGES})?\s*$", re.IGNORECASE)
_OR = re.compile(rf"^\s*,?\s*or\s+(?:{_HEDGES}\s+)?$", re.IGNORECASE)
# how the figure question asks, by the unit of the choices
_ASK_BY_UNIT = {"USD": "How much", "%": "What percentage", "W": "How much capacity"}


# "How much did Amazon invest in September 2023, $1.25 billion or $4 billion?": a question, then the choice
_TRAILING = re.compile(r"^(?P<question>\W*(?:how|what|which)\b.+?)\s*[,:;—–-]+\s*(?P<choice>[^,:;]+?)\s*\??\s*$", re.IGNORECASE)


def figure_choice(text: str) -> tuple[str, tuple[Figure, Figure]] | None:
    """The question of the figure, and the two figures, of an either/or question between two figures of one unit."""
    trailing = _TRAILING.match(text)
    if trailing is not None:
        figures = [f for f in parse_figures(trailing.group("choice")) if f.unit != "year"]
        choice = trailing.group("choice")
        if len(figures) == 2 and figures[0].unit == figures[1].unit and _OR.match(choice[figures[0].end : figures[1].start]) \
                and not choice[: figures[0].start].strip() and not choice[figures[1].end :].strip():
            return trailing.group("question").rstrip() + "?", (figures[0], figures[1])
    m = _OPENS.match(text)
    if m is None:
        return None
    rest = m.group("rest")
    figures = [f for f in parse_figures(rest) if f.unit != "year"]
    if len(figures) != 2 or figures[0].unit != figures[1].unit or figures[0].unit not in _ASK_BY_UNIT:
        return None
    first, second = figures
    if not _OR.match(rest[first.end : second.start]):
        return None  # "Is it $5 billion now, or $4 billion as before?": not a bare choice
    hedge = _HEDGE.search(rest[: first.start])
    stem = rest[: hedge.start() if hedge is not None else first.start].rstrip(" ,")
    after = rest[second.end :].strip(" ?.!")
    if not stem and after:  # "Is $4 billion or $5 billion the right figure for X?": what follows is what is asked
        stem, after = after, ""
    if not stem:
        return None
    return f"{_ASK_BY_UNIT[first.unit]} {m.group('aux').lower()} {stem}{' ' + after if after else ''}?", (first, second)


def figure_question(text: str) -> str | None:
    """The figure question a yes/no question about one figure asks of ("Is Amazon's total investment in Anthropic $8
    billion?" -> "How much is Amazon's total investment in Anthropic?"); None for any other question."""
    m = _OPENS.match(text)
    if m is None:
        return None
    rest = m.group("rest")
    figures = [f for f in parse_figures(rest) if f.unit != "year"]
    if len(figures) != 1 or figures[0].unit not in _ASK_BY_UNIT:
        return None
    f = figures[0]
    hedge = _HEDGE.search(rest[: f.start])
    stem = " ".join(f"{rest[: hedge.start() if hedge is not None else f.start]} {rest[f.end :]}".strip(" ?.!").split())
    stem = re.sub(r"\s+(?:of|at|to|by)$", "", stem)  # "valued at $60 billion" -> "valued"
    return f"{_ASK_BY_UNIT[f.unit]} {m.group('aux').lower()} {stem}?" if stem else None


def chosen(question: str, choices: tuple[Figure, Figure], answer: Answer) -> Answer | None:
    """The answer to the figure question as the answer to the choice, where its figure is one of the two."""
    got = answer.figure
    if answer.abstained or got is None or not any(f.unit == got.unit and same_value(f.value, got.value) for f in choices):
        return None
    return dataclasses.replace(answer, question=question)
