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
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def years_in(text: str) -> tuple[str, ...]:
    """The four-digit years a text names ("in 2025", "September 2023")."""
    return tuple(_YEAR.findall(text)) if text else ()
