"""The month names, one table for every module that reads dates (claims, dating, disagreement, spans)."""

from __future__ import annotations

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
          "december")
MONTH_PATTERN = "(?:" + "|".join(m.capitalize() for m in MONTHS) + ")"  # a month name as written in an article
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
