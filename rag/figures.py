"""Finding quantities in text and normalizing them to (value, unit).

Hand-written rules, not a library: quantulum3 reads "$5bn" as 5 "dollar bit newton", splits "20:1" into
two numbers, averages "6-18 months" to 12 and cannot load its classifier with current scikit-learn;
price-parser drops scale words ("$25 billion" -> 25). News prose needs exactly these forms right.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections.abc import Iterator
from functools import lru_cache

from rag.records import Figure
from rag.units import (
    ANY_UNIT,
    BY_NAME,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DURATION_WORDS,
    ENERGY_SCALES,
    POWER_SCALES,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    UNITS,
)

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100,
}
_NUMW = rf"(?:{_NUM}|(?i:\b(?:{'|'.join(_WORD_NUMBERS)})\b))"
_SCALE_WORD = rf"(?i:{'|'.join(SCALE_WORDS)})\b"
# "$5BNew", "$100BAnthropic" (headline run into the next word) read as $5B, so an upper-case letter may follow.
_SCALE_ABBREV = r"(?:bn|Bn|BN|bln|mln|tln|mn|tn|trn)(?![A-Za-z])|[BMKT](?![a-z])|[bmkt](?![A-Za-z])"
_SIGNS = "|".join(re.escape(s) for s in sorted((s for u in BY_NAME.values() for s in u.signs if not s.isalpha()), key=len, reverse=True))
_SIGN_CODES = "|".join(s for u in BY_NAME.values() for s in u.signs if s.isalpha())
_MONEY_WORDS = "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True))
_POWER_WORDS = "|".join(sorted((n for n in POWER_SCALES if len(n) > 2), key=len, reverse=True))
_POWER_ABBR = "|".join(sorted((n for u in (BY_NAME["W"],) for n, _ in u.scales if len(n) <= 2), key=len, reverse=True))
_DURATIONS = "|".join(sorted({w.rstrip("s") for w in DURATION_WORDS}, key=len, reverse=True))

_MONEY_SIGN = re.compile(
    rf"(?P<cur>{_SIGNS}|(?:{_SIGN_CODES})(?=\s?\d))\s?(?P<num>{_NUM})"
    rf"(?:\s?(?P<scale>{_SCALE_WORD})|\s?(?P<abbr>bn|Bn|bln|mln|tln)(?![A-Za-z])|(?P<abbr2>{_SCALE_ABBREV}))?"
    rf"(?:\s(?P<tail>(?i:dollars|USD))\b)?"
)
_MONEY_WORD = re.compile(rf"(?<![\w$€£.,])(?P<num>{_NUM})\s?(?P<scale>{_SCALE_WORD}\s)?(?P<cur>(?i:{_MONEY_WORDS}))\b")
_PERCENT = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})\s?(?:%|(?i:percent|per cent|pct)\b)")
_ENERGY_WORDS = "|".join(sorted((n.replace("-", "[- ]") for n in ENERGY_SCALES if len(n) > 3), key=len, reverse=True))
_ENERGY_ABBR = "|".join(sorted((n for n, _ in BY_NAME["Wh"].scales if len(n) <= 3), key=len, reverse=True))
_ENERGY = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUMW})[\s-]?(?P<scale>{_SCALE_WORD}\s)?"
    rf"(?P<unit>{_ENERGY_ABBR}|(?i:(?:{_ENERGY_WORDS})s?))(?![A-Za-z])"
)
_POWER = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUMW})[\s-]?(?P<scale>{_SCALE_WORD}\s)?"
    rf"(?P<unit>{_POWER_ABBR}|(?i:(?:{_POWER_WORDS})s?))(?![A-Za-z])"
)
_TOKENS = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})\s?(?P<scale>[KkMm](?![a-z])|{_SCALE_WORD})?[\s-]?(?i:tokens?)\b")
_RATIO = re.compile(r"(?<![\w.:,])(?P<a>\d+(?:\.\d+)?):(?P<b>\d+(?:\.\d+)?)(?![\d:])")
_DURATION = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUMW})(?:\s?[-–]\s?(?P<high>{_NUMW}))?[\s-]?(?P<unit>(?i:{_DURATIONS}))s?\b"
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
    starts: list[int] = []  # the kept figures' spans, sorted by start: they never overlap, so ends are sorted too
    ends: list[int] = []
    for figure in _candidates(text):
        i = bisect.bisect_left(starts, figure.start)
        if (i > 0 and ends[i - 1] > figure.start) or (i < len(starts) and starts[i] < figure.end):
            continue  # overlaps a kept figure: the one before it or the one after it
        starts.insert(i, figure.start)
        ends.insert(i, figure.end)
        found.append(figure)
    found.sort(key=lambda f: f.start)
    return tuple(_signed(text, f) for f in found)


_MINUS_SIGNS = "-\u2212"
_BEFORE_MINUS = "(["  # besides a space, what may stand before a minus sign: not the digit of "5-10%" or the "T" of "GPT-4"


def _signed(text: str, figure: Figure) -> Figure:
    """ "-5%": a figure written with a minus sign is negative, and its text holds the sign (two characters read,
    whatever the text's length)."""
    start = figure.start - 1
    if start < 0 or figure.value <= 0 or text[start] not in _MINUS_SIGNS:
        return figure
    if start > 0 and not (text[start - 1].isspace() or text[start - 1] in _BEFORE_MINUS):
        return figure
    return dataclasses.replace(figure, value=-figure.value, text=text[start : figure.end], start=start)


def parse_figures(query: str) -> list[Figure]:
    """The figures a user wrote in a query, in any common form.

    Beyond what `extract_figures` reads in articles: spelled-out numbers ("seventeen billion dollars",
    "sixty percent", via text2num), ratios written "3 to 1", and a number with a scale but no unit
    ("25 billion", "12bn"), which matches a figure of that value in any unit (`ANY_UNIT`).
    Offsets point into the rewritten query, not into `query`.
    """
    text = query_text(query)
    figures = [
        Figure(float(m.group("a")) / float(m.group("b")), "ratio", m.group(), m.start(), m.end())
        for m in _RATIO_WORDS.finditer(text) if float(m.group("b"))
    ]
    extracted = extract_figures(text)
    for m in _BARE_SCALED.finditer(text):
        # "12bn", "5 bln": a number and a scale, no unit; it wins over the bare count "5" read inside it
        if not any(m.start() < r.end and r.start < m.end() for r in figures) and not any(
            m.start() < f.end and f.start < m.end() and f.unit != "count" for f in extracted
        ):
            value = _number(m.group("num")) * SCALE_ABBREVIATIONS[m.group("abbr").lower()]
            figures.append(Figure(value, ANY_UNIT, m.group(), m.start(), m.end()))
    for f in extracted:
        if any(f.start < r.end and r.start < f.end for r in figures):
            continue
        if f.unit == "count" and f.value >= 1000:
            f = dataclasses.replace(f, unit=ANY_UNIT)  # "25 billion": the user did not say of what
        figures.append(f)
    figures.sort(key=lambda f: f.start)
    return figures


_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion"
).split()
_SPELLED = re.compile(
    rf"(?i:\b(?:a\s+)?(?:{'|'.join(_NUMBER_WORDS)})(?:(?:[\s-]+|\s+and\s+)(?:{'|'.join(_NUMBER_WORDS)}))*\b)"
)
_BARE_SCALED = re.compile(r"(?<![\w$€£.,])(?P<num>\d+(?:\.\d+)?)\s?(?P<abbr>bln|mln|tln|bn|mn|tn|trn|[bkmt])\b", re.IGNORECASE)
# "3 to 1" is a ratio; "6 to 18 months", "2 to 3 billion" and "40 to 55%" are ranges of a unit
_RATIO_WORDS = re.compile(
    rf"(?<![\w.])(?P<a>\d+(?:\.\d+)?)(?:\s+|-)to(?:\s+|-)(?P<b>\d+(?:\.\d+)?)\b"  # "3 to 1", "20-to-1"
    rf"(?!\s*(?:%|percent|(?i:{_DURATIONS})s?\b|(?i:{_SCALE_WORD})\b|(?i:[kmgt]w|[kmgt]wh|(?:kilo|mega|giga|tera)?watts?)\b))"
)


_TO_ONE = re.compile(r"\b([A-Za-z]+|\d+(?:\.\d+)?)[- ]to[- ]one\b", re.IGNORECASE)  # "twenty-to-one": a ratio


# "a decade", "two decades": a span of time in a query, in years (the articles' "10-year" is found by it)
_DECADES = re.compile(r"\b(?:(?P<one>a|one)|(?P<n>\d+))\s+decades?\b", re.IGNORECASE)


# a fraction of a scale: "half a billion", "a quarter of a trillion", "three quarters of a billion", "a tenth of a trillion"
FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
              "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}
_FRACTION_OF = re.compile(
    rf"\b(?:(?P<count>{'|'.join(_COUNTS)})\s+)?(?P<fraction>{'|'.join(FRACTIONS)})\s+(?:of\s+)?(?:a|an|one)\s+"
    r"(?P<scale>thousand|million|billion|trillion)\b(?P<dollars>\s+(?:US\s+)?dollars?\b)?", re.IGNORECASE)


def fractions_as_numbers(text: str) -> str:
    """A fraction of a scale as the number it is, in the largest scale it is one or more of ("a tenth of a trillion"
    -> "100 billion", "half a billion" -> "500 million"; "a quarter of a trillion dollars" -> "$250 billion")."""

    def convert(m: re.Match[str]) -> str:
        count = _COUNTS[(m.group("count") or "a").lower()]
        value = count * FRACTIONS[m.group("fraction").lower()] * SCALE_WORDS[m.group("scale").lower()]
        name, scale = next(((n, v) for n, v in sorted(SCALE_WORDS.items(), key=lambda kv: -kv[1]) if value >= v), ("", 1.0))
        written = f"{round(value / scale, 2):g} {name}".strip()
        return f"${written}" if m.group("dollars") else written  # "$100 billion", as the articles write money

    return _FRACTION_OF.sub(convert, text)


# digits grouped by spaces, as many languages write them: "8 000 000 000 USD" (two groups of three at least, so that
# "2023 500" or "5 500" stay two numbers)
_SPACE_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3}){2,}(?![\d])")


def query_text(query: str) -> str:
    """A query as `parse_figures` reads it, whose offsets its figures carry: fractions of a scale and number words in
    digits, "X to one" as "X to 1", decades in years ("a decade" as "10 years"), digits grouped by spaces joined."""
    query = _SPACE_GROUPED.sub(lambda m: re.sub(r"\D", "", m.group()), query)
    text = spelled_out_to_digits(_TO_ONE.sub(r"\1 to 1", fractions_as_numbers(query)))
    return _DECADES.sub(lambda m: f"{10 * (1 if m.group('one') else int(m.group('n')))} years", text)


def _number_words(words: str) -> int | None:
    """The value of number words, however spaced or hyphenated ("twenty-five", "seventeen billion"); None where
    they are no number."""
    from text_to_num import text2num

    try:
        return int(text2num(re.sub(r"\s+", " ", words.replace("-", " ")).strip().lower(), "en"))
    except ValueError:
        return None


def _after_digits(text: str, start: int) -> bool:
    """Whether number words at `start` follow digits or a currency sign: "4.5 billion", "$5 billion" (a scale word,
    read with the digits by the figure patterns)."""
    before = text[:start].rstrip()
    return bool(before) and (before[-1].isdigit() or before[-1] in "$€£")


def _no_number_here(text: str, start: int, words: str) -> bool:
    """Whether number words at `start` stand for no number of their own: "a hundred" (a scale after an article),
    "4.5 billion" (a scale after digits), a lone "one"."""
    return words.lower().startswith("a ") or _after_digits(text, start) or _lone_one(words)


def _lone_one(words: str) -> bool:
    """ "one" alone ("one of the largest", "one representative") is rarely a figure or a count."""
    return words.strip().lower() in ("one", "a")


def spelled_out_to_digits(text: str) -> str:
    """ "seventeen billion dollars" -> "17000000000 dollars"; digits and a number word after digits
    ("4.5 billion") are left as written, which the figure patterns read already."""

    def convert(m: re.Match[str]) -> str:
        words = m.group()
        if _after_digits(text, m.start()):
            return words
        phrase = re.sub(r"^a\s+", "one ", words.strip(), flags=re.IGNORECASE)
        if _lone_one(phrase):
            return words
        if (value := _number_words(phrase)) is not None:
            return str(value)
        article = re.match(r"^(a\s+)(.+)$", words.strip(), flags=re.IGNORECASE)
        if article and (value := _number_words(article.group(2))) is not None:
            return article.group(1) + str(value)  # "a twenty": the article is no number ("a hundred" was read above)
        return words

    return _SPELLED.sub(convert, text)


# a unit word a figure written in words may be followed by: "five gigawatts", "thirty percent", "fifty billion dollars"
_UNIT_WORDS = sorted({w for u in UNITS if u.kind in ("money", "percent", "power", "energy", "tokens")
                      for w in (*u.words, *(n for n, _ in u.scales if len(n) > 1))}, key=len, reverse=True)
_UNIT_AFTER = re.compile(rf"\s*(?:{'|'.join(re.escape(w) for w in _UNIT_WORDS)})s?\b", re.IGNORECASE)
# number words, and the dollars they may be of ("fifty billion dollars")
_SPELLED_FIGURE = re.compile(rf"{_SPELLED.pattern}(?P<dollars>\s+(?:US\s+)?dollars?\b)?")


# a prefixed unit typed in lower case after a number ("5gw", "100 mw"): written as the table writes it
_TYPED_LOWER = {n.lower(): n for u in UNITS if u.scales for n, _ in u.scales if n.isalpha() and 1 < len(n) <= 4}
_LOWER_UNIT = re.compile(r"(?<=\d)(\s?)(" + "|".join(sorted(_TYPED_LOWER, key=len, reverse=True)) + r")\b")


# a scale after a number as other languages write it: "8 billions", "33 Mrd", "500 Mio."
_FOREIGN_SCALES = {"billions": "billion", "millions": "million", "trillions": "trillion", "thousands": "thousand",
                   "mrd": "billion", "mia": "billion", "mio": "million"}
_FOREIGN_SCALE = re.compile(r"(?<=\d)\s*\b(" + "|".join(_FOREIGN_SCALES) + r")\b\.?", re.IGNORECASE)
# a currency code after an abbreviated scale: "25 bn USD", "33 billion EUR" (the sign first, as the articles write it)
_CODE_AFTER = re.compile(r"(?<![$€£\w.,])(\d[\d.,]*\s*(?:bn|b|mn|m|billion|million|trillion|tn))\s+(USD|EUR|GBP)\b", re.IGNORECASE)
_CODE_SIGN = {"usd": "$", "eur": "€", "gbp": "£"}


def units_as_written(text: str) -> str:
    """ "up to 5gw" -> "up to 5GW": a unit's prefix typed in lower case after a number, as the articles write it;
    a scale written as other languages write it in English ("8 billions", "33 Mrd" -> "33 billion"), and a currency
    code after a figure before it ("25 bn USD" -> "$25 bn")."""
    text = _FOREIGN_SCALE.sub(lambda m: " " + _FOREIGN_SCALES[m.group(1).lower()], text)
    text = _CODE_AFTER.sub(lambda m: _CODE_SIGN[m.group(2).lower()] + m.group(1), text)
    return _LOWER_UNIT.sub(lambda m: m.group(1) + _TYPED_LOWER[m.group(2)], text)


def figures_as_numerals(text: str) -> str:
    """A question's figures written in words as the articles write them, in numerals ("fifty billion dollars" ->
    "$50 billion", "five gigawatts" -> "5 gigawatts", "thirty percent" -> "30 percent"), which is what the lexical
    and dense matches find; a number word without a scale or a unit after it ("two companies", "one of") stays."""

    def convert(m: re.Match[str]) -> str:
        words = m.group()
        spelled = words[: m.start("dollars") - m.start()] if m.group("dollars") else words
        if _no_number_here(text, m.start(), spelled):
            return words
        parts = re.split(r"[\s-]+", spelled.strip())
        scale = parts[-1].lower() if parts[-1].lower() in SCALE_WORDS else ""
        number = " ".join(parts[:-1] if scale else parts)
        if not number or not (scale or m.group("dollars") or _UNIT_AFTER.match(text, m.end())):
            return words
        if (value := _number_words(number)) is None:
            return words
        # "two hundred thousand tokens" as the articles write it, "200,000"; a larger scale stays a word ("$50 billion")
        figure = f"{value * 1000:,}" if scale == "thousand" else f"{value} {scale}" if scale else str(value)
        return f"${figure}" if m.group("dollars") else figure

    return _SPELLED_FIGURE.sub(convert, fractions_as_numbers(text))


def spelled_counts(text: str) -> list[Figure]:
    """Numbers written in words in an article's sentence ("five or more seats", "one (or more) of the departments"), as
    counts: what "how many" may be answered by. (The figure index and the claims read numerals only: "five large
    thermal power plants" is no figure a source states.)"""
    found = []
    for m in _SPELLED.finditer(text):
        words = m.group()
        if _no_number_here(text, m.start(), words):
            continue  # "a hundred" (a scale after an article), "4.5 billion", a lone "one"
        if (value := _number_words(words)) is not None:
            found.append(Figure(float(value), "count", words, m.start(), m.end()))
    return found


# a span of time without a numeral: "over the next decade" is ten years where an answer's sources are compared
# (the figure index counts only numerals: `rag figure "10 years"` does not list "the next decade")
_DECADE_WORDS = re.compile(r"(?i:\b(?:a|one|(?:the )?(?:next|coming|following|past|last|previous))\s+decade\b)")
YEARS_PER_UNIT = {"months": 1 / 12, "years": 1.0, "decades": 10.0}


def durations_in_years(text: str) -> list[float]:
    """Every span of time in `text` counted in years: "10-year", "18 months", "two decades", "the next decade"."""
    out = [f.value * YEARS_PER_UNIT[f.unit] for f in extract_figures(text) if f.unit in YEARS_PER_UNIT]
    return out + [YEARS_PER_UNIT["decades"]] * len(_DECADE_WORDS.findall(text))


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def same_figure(a: Figure, b: Figure) -> bool:
    """The same quantity: one unit, one value ("$5bn" and "$5 billion")."""
    return a.unit == b.unit and same_value(a.value, b.value)


def figure_key(value: float, unit: str) -> str:
    """A lookup key for an exact (value, unit) pair: `repr` keeps 2 and 2.75 apart."""
    return f"{unit}|{float(value)!r}"


def figure_label(f: Figure) -> str:
    """How a looked-up figure is named: `format_figure`, or both ends of a range ("6-18 months")."""
    if f.high is None:
        return format_figure(f.value, f.unit)
    low, high = format_figure(f.value, f.unit), format_figure(f.high, f.unit)
    shared = high.split(" ", 1)[1] if " " in high else ""
    if shared and low.endswith(" " + shared):  # "6 months" and "18 months" -> "6-18 months"
        low = low[: -len(shared) - 1]
    return f"{low}-{high}"


def format_figure(value: float, unit: str) -> str:
    """A short human rendering: `$25 billion`, `5 GW`, `49%`; a figure of any unit is written bare."""
    spec = BY_NAME.get(unit)
    kind = spec.kind if spec else ""
    if kind == "money" and spec is not None:
        for name, scale in sorted(SCALE_WORDS.items(), key=lambda x: -x[1]):
            if abs(value) >= scale and scale >= 1e6:
                return f"{spec.symbol}{_num(value / scale)} {name}"
        return f"{spec.symbol}{_num(value)}"
    if kind in ("power", "energy") and spec is not None:
        abbreviations = (x for x in spec.scales if len(x[0]) <= len(spec.symbol) + 1 and x[1] > 1)  # "GW", "GWh"
        for name, scale in sorted(abbreviations, key=lambda x: -x[1]):
            if abs(value) >= scale:
                return f"{_num(value / scale)} {name}"
        return f"{_num(value)} {spec.symbol}"
    if kind in ("percent", "ratio") and spec is not None:
        return f"{_num(value)}{spec.symbol}"
    if unit in ("year", "count", ANY_UNIT):
        if unit == ANY_UNIT:
            for name, scale in sorted(SCALE_WORDS.items(), key=lambda x: -x[1]):
                if abs(value) >= scale and scale >= 1e6:
                    return f"{_num(value / scale)} {name} (any unit)"
            return f"{_num(value)} (any unit)"
        return str(int(value)) if unit == "year" and value == int(value) else _num(value)  # "2024", not "2,024"
    return f"{_num(value)} {unit}"


def _num(value: float) -> str:
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _number(text: str) -> float:
    word = _WORD_NUMBERS.get(text.lower())
    return float(word) if word is not None else float(text.replace(",", ""))


# qualifiers that make a figure a ceiling, not an amount: "up to $25 billion"
BOUND_QUALIFIERS = frozenset({"up to", "as much as", "as many as"})  # a figure that may yet be reached, not one that was


def _qualifier(text: str, start: int) -> str:
    match = _QUALIFIER.search(text[max(0, start - 40) : start])
    return match.group("q").lower() if match else ""


def _make(text: str, m: re.Match[str], value: float, unit: str, high: float | None = None, start: int | None = None) -> Figure:
    begin = m.start() if start is None else start
    return Figure(value, unit, text[begin : m.end()], begin, m.end(), _qualifier(text, begin), high)


def _candidates(text: str) -> Iterator[Figure]:
    """Candidates in priority order: a money match wins over the count inside it."""
    for m in _MONEY_SIGN.finditer(text):
        cur = CURRENCY_SIGNS[m.group("cur").strip().lower()]
        scale = 1.0
        if m.group("scale"):
            scale = SCALE_WORDS[m.group("scale").lower()]
        elif m.group("abbr") or m.group("abbr2"):
            scale = SCALE_ABBREVIATIONS[(m.group("abbr") or m.group("abbr2")).lower()]
        yield _make(text, m, _number(m.group("num")) * scale, cur)
    for m in _MONEY_WORD.finditer(text):
        scale = SCALE_WORDS[m.group("scale").strip().lower()] if m.group("scale") else 1.0
        yield _make(text, m, _number(m.group("num")) * scale, CURRENCY_WORDS[m.group("cur").lower()])
    for m in _TOKENS.finditer(text):
        raw = (m.group("scale") or "").lower()
        scale = SCALE_WORDS.get(raw, SCALE_ABBREVIATIONS.get(raw, 1.0))
        yield _make(text, m, _number(m.group("num")) * scale, "tokens")
    for m in _ENERGY.finditer(text):  # before power: "24 gigawatt-hours" is no 24 GW
        unit = m.group("unit").lower().replace(" ", "-")
        unit = unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit
        scale = SCALE_WORDS[m.group("scale").strip().lower()] if m.group("scale") else 1.0
        yield _make(text, m, _number(m.group("num")) * scale * ENERGY_SCALES[unit], "Wh")
    for m in _POWER.finditer(text):
        unit = m.group("unit").lower().rstrip("s") if len(m.group("unit")) > 2 else m.group("unit").lower()
        scale = SCALE_WORDS[m.group("scale").strip().lower()] if m.group("scale") else 1.0
        yield _make(text, m, _number(m.group("num")) * scale * POWER_SCALES[unit], "W")
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
        scale = SCALE_WORDS[m.group("scale").lower()] if m.group("scale") else 1.0
        figure = _make(text, m, _number(m.group("num")) * scale, "count")
        if m.group("plus") and not figure.qualifier:
            figure = Figure(figure.value, figure.unit, figure.text, figure.start, figure.end, "more than")
        yield figure
