"""Answers in a wider form than the kind asked, from the sentence that clearly answers best.

A "when" or "how much" question is answered from the sentences that hold a date or a figure. Where the nearest of
those is far below a sentence that holds none ("When is the Members Debate held?": "Immediately after Decision Time
a 'Members Debate' is held" beats every dated sentence), the best sentence says it in another form: a time said by
an event ("until the oil shock", "at the beginning of each parliamentary session"), an amount said by a word
("half as much coal", "one (or more) of the departments", "in the dozens", "known in seconds") or by a figure of
another unit ("71% of its imported oil"). Only questions that name no class of the answer take such a form: "In
what year ...?" wants a year, and "At what price ...?" a price.
"""

from __future__ import annotations

import re

from rag.analysis import FINANCIAL_MEASURES, QuestionAnalysis
from rag.figures import extract_figures, spelled_counts
from rag.lexical import TermWeights, content_terms
from rag.spans import Span, in_name, nearest_span
from rag.units import kind_of

_HOW_MUCH = re.compile(r"\bhow\s+(?:much|many)\b", re.IGNORECASE)
FIGURE_KINDS = frozenset({"money", "percent", "power", "count", "duration"})
WIDER_BELOW = 0.9  # the nearest sentence of the kind asked scores under this share of the best: the best answers
MAX_TIME_PHRASE_WORDS = 10  # words after the word that opens a time said by an event

# a time said by an event: the word that opens it, up to the next punctuation or quotation mark
_TIME_PHRASE = re.compile(
    r"\b(?:(?:immediately|shortly|soon|just|long|right|only)\s+)?"
    r"(?:after|before|until|till|when|whenever|once|while|during|since|upon|following|"
    r"at the (?:beginning|start|end|close|outset|time|height|turn) of|in the (?:wake|aftermath|course|middle) of|"
    r"by the (?:time|end) of)\b[^,;:.!?\"“”()\[\]]*",
    re.IGNORECASE,
)
# an amount said by a word: a share, a multiple, or a count of a scale
_AMOUNT_WORD = re.compile(
    r"\b(?:half|twice|double|triple|a third|a quarter|dozens|scores|hundreds|thousands|millions|billions|"
    r"one(?!\s+(?:of|another|day|time)\b))\b",
    re.IGNORECASE,
)
# no money at all: what "How much does it cost ...?" may be answered by
_NO_COST = re.compile(r"\b(?:free(?:\s+of\s+charge)?|nothing|no\s+(?:charge|cost|fee))\b", re.IGNORECASE)
# a length said by its unit alone: "known in seconds", "within hours"
_LENGTH_WORD = re.compile(r"\b(?:in|within|for|over|after)\s+(?:mere\s+|just\s+|a\s+few\s+)?(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b",
                          re.IGNORECASE)


def wider_span(sentence: str, q: QuestionAnalysis, weights: TermWeights | None = None) -> Span | None:
    """The answer in a wider form than the kind asked, nearest the question's words, or None where the question
    names the class it wants or the sentence says nothing of the kind."""
    if q.asked_class or q.figures or (q.span_kind == "money" and q.measure in FINANCIAL_MEASURES and not _HOW_MUCH.search(q.text)):
        return None  # (a financial measure asked by name names the class too: "What is Anthropic's profit?" is not "billions")
    kind = q.span_kind
    spans: list[Span | None]
    if kind == "date":
        spans = [_time_phrase(sentence, m) for m in _TIME_PHRASE.finditer(sentence)]
    elif kind in FIGURE_KINDS:
        spans = [s for s in _amounts(sentence) if _fits(s, kind) and not (kind == "count" and _bare_money_scale(sentence, s))]
        if kind == "money":  # "Entry is free", "pay nothing"
            spans += [Span(m.start(), m.end(), m.group(), "count") for m in _NO_COST.finditer(sentence)]
    else:
        return None
    q_terms = frozenset(q.terms)
    fresh = [s for s in spans if s is not None and _says_more(s.text, q_terms)]
    return nearest_span(sentence, q, weights, fresh)


_TRAILING = frozenset({"a", "an", "the", "and", "or", "but", "which", "that"})  # words a time phrase does not end on


def _time_phrase(sentence: str, m: re.Match[str]) -> Span | None:
    """The time phrase a match opens, as written in the sentence: its first MAX_TIME_PHRASE_WORDS words after the
    opening one, without a closing article or conjunction ("Immediately after Decision Time a" -> "... Time")."""
    words = list(re.finditer(r"\S+", m.group()))[: MAX_TIME_PHRASE_WORDS + 1]
    while len(words) > 1 and words[-1].group().lower() in _TRAILING:
        words.pop()
    if len(words) < 2:
        return None
    end = m.start() + words[-1].end()
    return Span(m.start(), end, sentence[m.start() : end], "date")


def _amounts(sentence: str) -> list[Span]:
    # not a year, nor the number of a name ("Trainium 2 chips roll out across AWS data centers" counts no centers)
    spans = [Span(f.start, f.end, f.text, "figure", f) for f in extract_figures(sentence)
             if f.unit != "year" and not _year_like(f.text) and not (f.unit == "count" and in_name(sentence, f.start))]
    spans += [Span(f.start, f.end, f.text, "count", f) for f in spelled_counts(sentence)]
    spans += [Span(m.start(), m.end(), m.group(), "count") for m in (*_AMOUNT_WORD.finditer(sentence), *_LENGTH_WORD.finditer(sentence))]
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not any(o.start <= s.start < o.end for o in out):
            out.append(s)
    return out


def _fits(span: Span, kind: str) -> bool:
    """Whether an amount can say what a kind asks: a length by time or a word ("in seconds", "10 years", "thousands"), a count by no
    money nor a unit of its own ("one", "dozens", "20%"; not "200,000-token"), and money, a share or power by any amount but a length ("half", "71%", "$230 million")."""
    unit = span.figure.unit if span.figure is not None else ""
    if kind == "duration":
        return kind_of(unit) == "duration" or span.figure is None  # "in seconds", "thousands" (of years)
    if kind == "count":  # (not a figure of a thing counted in its own unit: "a 200,000-token context window")
        return unit in ("", "count", "%") and not (span.figure is None and _LENGTH_WORD.fullmatch(span.text))
    if span.figure is not None:
        return kind_of(unit) != "duration"  # "in two months" is no amount of money, nor a share
    return _LENGTH_WORD.fullmatch(span.text) is None


def _bare_money_scale(sentence: str, span: Span) -> bool:
    """Whether a word amount is a money scale with nothing counted after it ("Google has poured billions into ..."):
    money, not a count ("millions of users" counts users)."""
    return span.figure is None and span.text.lower() in ("millions", "billions", "trillions") and not re.match(
        r"\s+of\b", sentence[span.end :])


def _year_like(text: str) -> bool:
    """ "around 1700": four digits of a year are a date, not an amount."""
    return bool(_YEAR.fullmatch(text))


_YEAR = re.compile(r"1\d{3}|20\d{2}")


def _says_more(text: str, q_terms: frozenset[str]) -> bool:
    """Whether a span says something besides the question's own words (a bare amount word always does)."""
    terms = content_terms(text)
    return not terms or not all(t in q_terms for t in terms)
