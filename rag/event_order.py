"""Which of two events came first: "Was Anthropic founded before Amazon first invested in it?", "Which came first:
Amazon's OpenAI investment or its Anthropic deal?".

Each event is asked as a "When ...?" question of its own; the dates the answers give are set side by side (a year,
then a month or a part of the year where both give one). Where either side has no date, or the dates cannot be
ordered ("2024" against "early 2024"), both answers are given as they are, unranked.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from rag.parts import joined
from rag.phrases import parse
from rag.records import Answer
from rag.timewords import MONTHS

# "Was Anthropic founded before Amazon first invested in it?", "Did the first investment come after the release of
# Claude 3.5 Sonnet?"
_ORDER_YES_NO = re.compile(
    r"^\W*(?P<aux>did|does|was|were|is|has|had)\s+(?P<a>.+?)\s+(?P<way>before or after|after or before|before|after|earlier than"
    r"|later than|prior to)\s+"
    r"(?P<b>.+?)\W*$",
    re.IGNORECASE,
)
# "Which came first: A or B?", "What happened earlier, A or B?"
_WHICH_FIRST = re.compile(
    r"^\W*(?:which|what)\s+(?:came|happened|was|occurred|took place)\s+(?P<way>first|earlier|last|later|second)\s*[:,]?\s*"
    r"(?:the\s+)?(?P<a>.+?),?\s+or\s+(?P<b>.+?)\W*$",
    re.IGNORECASE,
)
# the verb that only says an event took place: "Did the investment come before ...?"
_HAPPENED = re.compile(r"\s+(?:come|came|happen|happened|take place|took place|occur|occurred)$", re.IGNORECASE)
# a state that lasts, not an event with a date: "remain", "still"
_STATE = re.compile(r"\b(?:remain|remains|stay|stays|still|continue|continues|keep|keeps|be|have|has)\b", re.IGNORECASE)
_EARLIER = frozenset({"before", "earlier than", "prior to", "first", "earlier"})
MIN_DATE_CONFIDENCE = 0.3  # a date answer less sure than this sets no event in order
_MONTH_NUMBER = {m: i + 1 for i, m in enumerate(MONTHS)}
_PART_OF_YEAR = {"early": 2, "mid": 6, "late": 11}  # a part of a year as a month, to order against another year
_YEAR = re.compile(r"\b(1\d{3}|20\d\d)\b")
_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTHS) + r")\b")
_PART = re.compile(r"\b(early|mid|late)\b", re.IGNORECASE)


@dataclass(frozen=True)
class EventOrder:
    """Two events asked in order: their "When ...?" questions, what they are called, and the way asked."""

    questions: tuple[str, str]
    events: tuple[str, str]
    earlier: bool | None  # asks whether (or which) the first came before; None: "before or after?"
    yes_no: bool


def event_order(text: str) -> EventOrder | None:
    """The two events a question sets in order of time, or None where it sets none."""
    m = _ORDER_YES_NO.match(text)
    if m is not None and _STATE.search(m.group("a")):
        return None  # "Does Anthropic remain independent after the investment?": a state, not an event
    if m is not None:
        a, b = m.group("a"), m.group("b")
        first = _when(a, m.group("aux").lower())
        if first is None:
            return None
        b = _named_for_it(b, a)
        second = _when(b, "")
        a = _HAPPENED.sub("", a)  # "Amazon's first investment come": the event is the investment
        way = m.group("way").lower()
        earlier = None if " or " in way else way in _EARLIER
        return None if second is None else EventOrder((first, second), (a, b), earlier, earlier is not None)
    m = _WHICH_FIRST.match(text)
    if m is None:
        return None
    a, b = m.group("a"), _named_for_it(m.group("b"), m.group("a"))
    first, second = _when(a, ""), _when(b, "")
    if first is None or second is None:
        return None
    return EventOrder((first, second), (a, b), m.group("way").lower() in _EARLIER, False)


def _named_for_it(clause: str, other: str) -> str:
    """ "Amazon first invested in it" after "Anthropic founded": "it" (and "its") is the first name of the other event."""
    name = re.search(r"\b[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*", other)
    if name is None:
        return clause
    owner = re.sub(r"['’]s$", "", name.group())  # "Amazon's OpenAI investment or its deal": Amazon's deal
    return re.sub(r"\bits\b", f"{owner}'s", re.sub(r"\bit\b", owner, clause))


def _when(event: str, aux: str) -> str | None:
    """The "When ...?" question of an event said as a clause or a noun phrase; None where it cannot be put so."""
    event = event.strip().rstrip("?")
    if aux in ("was", "were", "is"):
        return f"When {aux} {event}?"  # "Anthropic founded": "When was Anthropic founded?"
    if aux in ("did", "does"):
        if _HAPPENED.search(event):  # "Amazon's first investment come": when was the investment
            return f"When was {_HAPPENED.sub('', event)}?"
        return f"When {aux} {event}?"
    if aux in ("has", "had"):
        return None
    doc = parse(event)
    if doc is None:
        return None
    verb = next((t for t in doc if t.dep_ == "ROOT"), None)
    if verb is not None and verb.tag_ in ("VBD", "VBN") and any(t.dep_ == "nsubj" for t in verb.children) and not any(
            t.dep_ in ("aux", "auxpass") for t in verb.children):
        # "Amazon first invested in Anthropic": "When did Amazon first invest in Anthropic?"
        return f"When did {event[: verb.idx]}{verb.lemma_}{event[verb.idx + len(verb.text):]}?"
    if _HAPPENED.search(event):
        event = _HAPPENED.sub("", event)
    return f"When was {event}?"  # "the release of Claude 3.5 Sonnet"


_NEW = re.compile(r"\b(?:new|newest|latest|recent|current)\b", re.IGNORECASE)
_PREVIOUS = re.compile(r"\b(?:previous|prior|earlier|former)\b", re.IGNORECASE)


def _dates_another(event: str, sentence: str) -> bool:
    """Whether the sentence dates an earlier event than the one asked: "the new Anthropic deal" and "The deal builds on
    Amazon's previous investments, including a $4 billion commitment announced in September 2023"."""
    return bool(_NEW.search(event)) and bool(_PREVIOUS.search(sentence)) and not _NEW.search(sentence)


def _month_of(text: str) -> tuple[int, int | None] | None:
    """(year, month) a date answer gives: the month where named, a part of the year as one; None where no year."""
    year = _YEAR.search(text)
    if year is None:
        return None
    month = _MONTH.search(text)
    part = _PART.search(text)
    at = _MONTH_NUMBER[month.group(1).lower()] if month else _PART_OF_YEAR[part.group(1).lower()] if part else None
    return int(year.group(1)), at


def ordered(question: str, order: EventOrder, ask: Callable[[str], Answer]) -> Answer | None:
    """The answer from the two events' dates: which came first (or whether the first did, for a yes/no), both dates
    given and both answers cited; both answers as they are where their dates cannot be set in order. None where
    either event is given no year (the question is then read as it is: "Did Amazon's shares rise after the
    announcement?" asks no order of two dated events)."""
    answers = [ask(q) for q in order.questions]
    dates = [None if a.abstained or a.confidence < MIN_DATE_CONFIDENCE or _dates_another(event, a.sentence) else _month_of(a.text)
             for event, a in zip(order.events, answers, strict=True)]
    a_date, b_date = dates
    if a_date is None or b_date is None:
        return None
    both = joined(question, list(zip(order.questions, answers, strict=True)), list(order.events))
    said = f"{order.events[0]}: {answers[0].text}; {order.events[1]}: {answers[1].text}"
    if a_date[0] == b_date[0] and (a_date[1] is None or b_date[1] is None or a_date[1] == b_date[1]):
        return None  # "September 2023" and "September 2023": no order the dates give ("Does Anthropic remain ... after ...?")
    a_first = (a_date[0], a_date[1] or 0) < (b_date[0], b_date[1] or 0)
    if order.yes_no:
        return dataclasses.replace(both, text=f"{'Yes' if a_first == order.earlier else 'No'}: {said}")
    if order.earlier is None:  # "Was Claude 3.5 Sonnet released before or after ...?"
        return dataclasses.replace(both, text=f"{'Before' if a_first else 'After'}: {said}")
    won = order.events[0] if a_first == order.earlier else order.events[1]
    return dataclasses.replace(both, text=f"{won} ({said})")
