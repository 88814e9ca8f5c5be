"""The month names and years, one table for every module that reads dates (claims, dating, disagreement, spans,
questions)."""

from __future__ import annotations

import re

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CALENDAR_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)  # a day or a month: no one, nowhere, and no subject of a figure
MONTH_PATTERN = "(?:" + "|".join(m.capitalize() for m in MONTHS) + ")"  # a month name as written in an article
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
# a dateline: a place (and its country) in capitals or capitalized words, a comma, a full date, then a dash ("LYON,
# 3 March 2025 -", "OSTERVIK, Sweden, September 5, 2024 -"): the day the article was written
DATELINE_PATTERN = re.compile(
    rf"^\W*(?:[A-Z][\w.'’ -]{{1,40}},\s+){{1,2}}(?P<date>(?:\d{{1,2}}\s+(?P<month>{MONTH_PATTERN})|(?P<month2>{MONTH_PATTERN})\s+\d{{1,2}},?)\s+(?P<year>(?:19|20)\d\d))"
    r"\s*(?:[—–-]|--)"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def years_in(text: str) -> tuple[str, ...]:
    """The four-digit years a text names ("in 2025", "September 2023")."""
    return tuple(_YEAR.findall(text)) if text else ()


# a month named with its year: "February 2026", "Feb. 2026", "January 12, 2026"
_MONTH_YEAR = re.compile(
    rf"\b(?P<month>{MONTH_PATTERN}|{'|'.join(MONTH_ABBREVIATIONS)})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?(?P<year>(?:19|20)\d\d)\b"
)


def months_in(text: str) -> frozenset[tuple[int, str]]:
    """The months a text names with their years, as (month number, year): "In February 2026, ..." -> {(2, "2026")}."""
    found = set()
    for m in _MONTH_YEAR.finditer(text):
        word = m.group("month").lower()
        number = next(i for i, name in enumerate(MONTHS, 1) if name.startswith(word[:3]))
        found.add((number, m.group("year")))
    return frozenset(found)


# the part of a year a text names with it: "in early 2024", "by the end of 2025", "mid-2026"; one row per part, its words
YEAR_PARTS: tuple[tuple[str, str], ...] = (
    ("early", r"early|the\s+(?:start|beginning)\s+of|the\s+first\s+half\s+of"),
    ("mid", r"mid-?|the\s+middle\s+of|midway\s+through"),
    ("late", r"late|the\s+end\s+of|the\s+second\s+half\s+of"),
)
MONTHS_OF_PART = {"early": range(1, 5), "mid": range(4, 9), "late": range(8, 13)}  # a month is in the parts that hold it
_YEAR_PART = [(part, re.compile(rf"\b(?:{words})\s*((?:19|20)\d\d)\b", re.IGNORECASE)) for part, words in YEAR_PARTS]


def year_parts_in(text: str, with_months: bool = False) -> frozenset[tuple[str, str]]:
    """The parts of years a text names, as (part, year): "in early 2024" -> {("early", "2024")}; with `with_months`,
    also those of the months it names with a year ("September 2023" -> late 2023)."""
    found = {(part, m.group(1)) for part, pattern in _YEAR_PART for m in pattern.finditer(text)}
    if with_months:
        found |= {(part, year) for month, year in months_in(text) for part, months in MONTHS_OF_PART.items() if month in months}
    return frozenset(found)


# How often a figure is counted: a question about a monthly figure is not answered by an annual one. One row per
# period, its words as written (lower case).
PERIODS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("day", ("per day", "a day", "daily", "each day")),
    ("week", ("per week", "a week", "weekly", "each week")),
    ("month", ("per month", "a month", "monthly", "each month")),
    ("quarter", ("per quarter", "a quarter", "quarterly", "each quarter")),
    ("year", ("per year", "a year", "yearly", "annual", "annually", "annualized", "annualised", "each year", "per annum")),
)
_PERIOD_WORDS = [(name, re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE))
                 for name, words in PERIODS]


def periods_in(text: str) -> frozenset[str]:
    """The periods a text counts in: "per month" -> {"month"}, "annual revenue" -> {"year"}."""
    return frozenset(name for name, pattern in _PERIOD_WORDS if pattern.search(text))
