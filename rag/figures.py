"""Finding quantities in text and normalizing them to (value, unit).

Hand-written rules, not a library: quantulum3 reads "$5bn" as 5 "dollar bit newton", splits "20:1" into
two numbers, averages "6-18 months" to 12 and cannot load its classifier with current scikit-learn;
price-parser drops scale words ("$25 billion" -> 25). News prose needs exactly these forms right.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import lru_cache

from rag.records import Figure

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}
_NUMW = rf"(?:{_NUM}|(?i:\b(?:{'|'.join(_WORD_NUMBERS)})\b))"
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12, "tn": 1e12, "trn": 1e12}
_SCALE_WORD = r"(?i:thousand|million|billion|trillion)\b"
# "$5BNew", "$100BAnthropic" (headline run into the next word) read as $5B, so an upper-case letter may follow.
_SCALE_ABBREV = r"(?:bn|Bn|BN|mn|tn|trn)(?![A-Za-z])|[BMKT](?![a-z])|[bmkt](?![A-Za-z])"
_CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP"}
_POWER_UNITS = {"w": 1.0, "kw": 1e3, "mw": 1e6, "gw": 1e9, "tw": 1e12, "watt": 1.0, "kilowatt": 1e3, "megawatt": 1e6, "gigawatt": 1e9, "terawatt": 1e12}
_DURATION_UNITS = ("minute", "hour", "day", "week", "month", "year", "decade")

_MONEY_SIGN = re.compile(
    rf"(?P<cur>US\$|\$|€|£|(?:USD|EUR|GBP)(?=\s?\d))\s?(?P<num>{_NUM})"
    rf"(?:\s?(?P<scale>{_SCALE_WORD})|\s?(?P<abbr>bn|Bn)(?![A-Za-z])|(?P<abbr2>{_SCALE_ABBREV}))?"
    rf"(?:\s(?P<tail>(?i:dollars|USD))\b)?"
)
_MONEY_WORD = re.compile(rf"(?<![\w$€£.,])(?P<num>{_NUM})\s?(?P<scale>{_SCALE_WORD}\s)?(?P<cur>(?i:dollars?|USD|euros?|pounds))\b")
_PERCENT = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})\s?(?:%|(?i:percent|per cent|pct)\b)")
_POWER = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUMW})\s?(?P<scale>{_SCALE_WORD}\s)?"
    r"(?P<unit>GW|MW|kW|TW|W|(?i:(?:giga|mega|kilo|tera)?watts?))(?![A-Za-z])"
)
_TOKENS = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})\s?(?P<scale>[KkMm](?![a-z])|{_SCALE_WORD})?[\s-]?(?i:tokens?)\b")
_RATIO = re.compile(r"(?<![\w.:,])(?P<a>\d+(?:\.\d+)?):(?P<b>\d+(?:\.\d+)?)(?![\d:])")
_DURATION = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUMW})(?:\s?[-–]\s?(?P<high>{_NUMW}))?[\s-]?(?P<unit>(?i:{'|'.join(_DURATION_UNITS)}))s?\b"
)
_YEAR = re.compile(r"(?<![\w$€£.,-])(?P<num>1[89]\d\d|20\d\d)(?![\w%]|[.,]\d)")
_WORD_COUNT = re.compile(rf"(?i:\b(?P<num>{'|'.join(w for w in _WORD_NUMBERS if w != 'one')})\b)(?![-\s](?:of|or)\b)")
_COUNT = re.compile(rf"(?<![\w$€£.,:/-])(?P<num>{_NUM})(?:\s(?P<scale>{_SCALE_WORD}))?(?P<plus>\+)?(?![\w%:]|[.,]\d)")

_QUALIFIER = re.compile(
    r"(?i:\b(?P<q>up to|more than|over|nearly|approximately|about|around|almost|at least|roughly|under|less than|"
    r"as much as|as many as|close to|an estimated|just over|just under|above|below|exceeding|surpassing|surpassed|"
    r"reportedly|a reported))\s+(?:(?:another|an additional|additional|a)\s+)?$"
)


def extract_figures(text: str) -> list[Figure]:
    """Every quantity in `text`, in order, none overlapping another."""
    return list(_cached_figures(text))


@lru_cache(maxsize=16384)
def _cached_figures(text: str) -> tuple[Figure, ...]:
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for figure in _candidates(text):
        if any(figure.start < end and start < figure.end for start, end in taken):
            continue
        taken.append((figure.start, figure.end))
        found.append(figure)
    found.sort(key=lambda f: f.start)
    return tuple(found)


def parse_figures(query: str) -> list[Figure]:
    """The figures written in a query or claim; an empty list when it holds none."""
    return extract_figures(query)


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def figure_key(value: float, unit: str) -> str:
    """A lookup key for an exact (value, unit) pair: `repr` keeps 2 and 2.75 apart."""
    return f"{unit}|{float(value)!r}"


def format_figure(value: float, unit: str) -> str:
    """A short human rendering: `$25 billion`, `5 GW`, `49%`."""
    if unit in ("USD", "EUR", "GBP"):
        sign = {"USD": "$", "EUR": "€", "GBP": "£"}[unit]
        for name, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
            if abs(value) >= scale:
                return f"{sign}{_num(value / scale)} {name}"
        return f"{sign}{_num(value)}"
    if unit == "%":
        return f"{_num(value)}%"
    if unit == "W":
        for name, scale in (("TW", 1e12), ("GW", 1e9), ("MW", 1e6), ("kW", 1e3)):
            if abs(value) >= scale:
                return f"{_num(value / scale)} {name}"
        return f"{_num(value)} W"
    if unit == "ratio":
        return f"{_num(value)}:1"
    if unit in ("year", "count"):
        return _num(value)
    return f"{_num(value)} {unit}"


def _num(value: float) -> str:
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _number(text: str) -> float:
    word = _WORD_NUMBERS.get(text.lower())
    return float(word) if word is not None else float(text.replace(",", ""))


def _qualifier(text: str, start: int) -> str:
    match = _QUALIFIER.search(text[max(0, start - 40) : start])
    return match.group("q").lower() if match else ""


def _make(text: str, m: re.Match[str], value: float, unit: str, high: float | None = None, start: int | None = None) -> Figure:
    begin = m.start() if start is None else start
    return Figure(value, unit, text[begin : m.end()], begin, m.end(), _qualifier(text, begin), high)


def _candidates(text: str) -> Iterator[Figure]:
    """Candidates in priority order: a money match wins over the count inside it."""
    for m in _MONEY_SIGN.finditer(text):
        cur = _CURRENCY_SIGNS[m.group("cur").strip().lower()]
        scale = 1.0
        if m.group("scale"):
            scale = _SCALE_WORDS[m.group("scale").lower()]
        elif m.group("abbr") or m.group("abbr2"):
            scale = _SCALE_ABBR[(m.group("abbr") or m.group("abbr2")).lower()]
        yield _make(text, m, _number(m.group("num")) * scale, cur)
    for m in _MONEY_WORD.finditer(text):
        scale = _SCALE_WORDS[m.group("scale").strip().lower()] if m.group("scale") else 1.0
        yield _make(text, m, _number(m.group("num")) * scale, _CURRENCY_WORDS[m.group("cur").lower()])
    for m in _TOKENS.finditer(text):
        raw = (m.group("scale") or "").lower()
        scale = _SCALE_WORDS.get(raw, _SCALE_ABBR.get(raw, 1.0))
        yield _make(text, m, _number(m.group("num")) * scale, "tokens")
    for m in _POWER.finditer(text):
        unit = m.group("unit").lower().rstrip("s") if len(m.group("unit")) > 2 else m.group("unit").lower()
        scale = _SCALE_WORDS[m.group("scale").strip().lower()] if m.group("scale") else 1.0
        yield _make(text, m, _number(m.group("num")) * scale * _POWER_UNITS[unit], "W")
    for m in _PERCENT.finditer(text):
        yield _make(text, m, _number(m.group("num")), "%")
    for m in _RATIO.finditer(text):
        b = float(m.group("b"))
        if b:
            yield _make(text, m, float(m.group("a")) / b, "ratio")
    for m in _DURATION.finditer(text):
        high = _number(m.group("high")) if m.group("high") else None
        yield _make(text, m, _number(m.group("num")), m.group("unit").lower() + "s", high)
    for m in _YEAR.finditer(text):
        yield _make(text, m, float(m.group("num")), "year")
    for m in _WORD_COUNT.finditer(text):
        yield _make(text, m, _number(m.group("num")), "count")
    for m in _COUNT.finditer(text):
        scale = _SCALE_WORDS[m.group("scale").lower()] if m.group("scale") else 1.0
        figure = _make(text, m, _number(m.group("num")) * scale, "count")
        if m.group("plus") and not figure.qualifier:
            figure = Figure(figure.value, figure.unit, figure.text, figure.start, figure.end, "more than")
        yield figure
