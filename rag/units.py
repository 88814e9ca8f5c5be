"""The one table of units: what figure parsing reads, how figures are written back, and which answer kind each serves.

`rag/figures.py` builds its patterns from this table, `format_figure` writes with it, and the answerer's
answer kinds (money, percent, power ...) come from `Unit.kind`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    name: str  # the normalized unit stored with a figure: "USD", "%", "W", "months"
    kind: str  # the answer kind it serves: money, percent, power, tokens, ratio, duration, year, count
    signs: tuple[str, ...] = ()  # written before the number: "$", "US$"
    words: tuple[str, ...] = ()  # written after the number (lower case, singular and plural): "dollars"
    scales: tuple[tuple[str, float], ...] = ()  # unit prefixes with their factor: ("GW", 1e9)
    symbol: str = ""  # how `format_figure` writes it


UNITS: tuple[Unit, ...] = (
    Unit("USD", "money", signs=("US$", "$", "USD"), words=("dollar", "dollars", "usd"), symbol="$"),
    Unit("EUR", "money", signs=("€", "EUR"), words=("euro", "euros", "eur"), symbol="€"),
    Unit("GBP", "money", signs=("£", "GBP"), words=("pound", "pounds", "gbp"), symbol="£"),
    Unit("%", "percent", words=("%", "percent", "per cent", "pct", "percentage points"), symbol="%"),
    Unit(
        "W", "power",
        words=("watt", "watts"),
        scales=(("W", 1.0), ("kW", 1e3), ("MW", 1e6), ("GW", 1e9), ("TW", 1e12),
                ("kilowatt", 1e3), ("megawatt", 1e6), ("gigawatt", 1e9), ("terawatt", 1e12)),
        symbol="W",
    ),
    Unit(
        "Wh", "energy",
        words=("watt-hour", "watt-hours", "watt hour", "watt hours"),
        scales=(("Wh", 1.0), ("kWh", 1e3), ("MWh", 1e6), ("GWh", 1e9), ("TWh", 1e12),
                ("kilowatt-hour", 1e3), ("megawatt-hour", 1e6), ("gigawatt-hour", 1e9), ("terawatt-hour", 1e12)),
        symbol="Wh",
    ),
    Unit("tokens", "tokens", words=("token", "tokens"), symbol="tokens"),
    Unit("ratio", "ratio", symbol=":1"),
    Unit("minutes", "duration", words=("minute", "minutes")),
    Unit("hours", "duration", words=("hour", "hours")),
    Unit("days", "duration", words=("day", "days")),
    Unit("weeks", "duration", words=("week", "weeks")),
    Unit("months", "duration", words=("month", "months")),
    Unit("years", "duration", words=("year", "years")),
    Unit("decades", "duration", words=("decade", "decades")),
    Unit("year", "year"),
    Unit("count", "count"),
)

BY_NAME: dict[str, Unit] = {u.name: u for u in UNITS}
# Scale words and abbreviations after a number: "$5 billion", "$5bn", "$5B".
SCALE_WORDS: dict[str, float] = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "t": 1e12, "tn": 1e12,
    "trn": 1e12, "tln": 1e12,
}
# units written in capitals ("GW", "MWh", "USD"): a question's word that is one of them is a unit, not a name
UNIT_SYMBOLS: frozenset[str] = frozenset(
    w for u in UNITS for w in (*u.signs, *(s for s, _ in u.scales)) if w[:1].isupper() and w.isalpha()
)
ANY_UNIT = ""  # a query figure written without a unit ("25 billion") matches a figure of that value in any unit
# ... but one of these: their size is written with a prefix ("5 GW", "742 MWh"), never with a scale word, so "5bn"
# is not 5 gigawatts
PREFIXED_UNITS: frozenset[str] = frozenset(u.name for u in UNITS if u.scales)


def units_of_kind(kind: str) -> tuple[str, ...]:
    """The unit names that answer a kind of question: money -> USD, EUR, GBP."""
    return tuple(u.name for u in UNITS if u.kind == kind)


def kind_of(unit: str) -> str:
    return BY_NAME[unit].kind if unit in BY_NAME else ""


FIGURE_KINDS: tuple[str, ...] = ("money", "percent", "power", "energy", "tokens", "ratio")
# the units of those kinds: figures whose claims are parsed, and that a question can name as the one it asks about
FIGURE_UNITS: frozenset[str] = frozenset(u.name for u in UNITS if u.kind in FIGURE_KINDS)
DURATION_UNITS: tuple[str, ...] = units_of_kind("duration")
CURRENCY_UNITS: tuple[str, ...] = units_of_kind("money")
# words that make a question one of money, so that a number without a unit is an amount of it ("Is Anthropic's revenue
# 1 billion?", "How many is the total investment?"): rag.analysis and rag.spans read it
MONEY_ASKED_WORDS = (r"(?:deal|deals|invest\w*|bet|funding|funded|commit(?:ment|s|ted|ting)?|round|pledge[sd]?|money|cash|revenue|revenues"
                     r"|valu(?:e|ed|ation)s?|worth|rais(?:e|ed|ing)|spen(?:d|ds|t|ding)|paid|pay|price[sd]?|sales|profits?|costs?"
                     r"|earn(?:s|ed|ings)?|income|dollars?|budget)")
CURRENCY_SIGNS: dict[str, str] = {s.lower(): u.name for u in UNITS for s in u.signs}
CURRENCY_WORDS: dict[str, str] = {w: u.name for u in UNITS if u.kind == "money" for w in u.words}
POWER_SCALES: dict[str, float] = {name.lower(): f for name, f in BY_NAME["W"].scales} | {"watt": 1.0}
# energy: "24 GWh", "24 gigawatt-hours" (hyphen or space, singular or plural), read before power
ENERGY_SCALES: dict[str, float] = {name.lower().replace(" ", "-"): f for name, f in BY_NAME["Wh"].scales} | {"watt-hour": 1.0}
DURATION_WORDS: dict[str, str] = {w: u.name for u in UNITS if u.kind == "duration" for w in u.words}

# Nouns a number or a date can answer ("At what pressure ...?", "What year ...?"): a "what X" question whose X is
# another noun ("What profession ...?", "In what body of water ...?") is not answered by "1980" or "23 years"
QUANTITY_NOUNS: tuple[str, ...] = tuple("""
    age amount angle area budget capacity cost count date day debt decade degree density depth distance duration
    efficiency era figure frequency height hour income length level loss mass minute month number output pace
    percent percentage period population power pressure price profit proportion rank rate ratio revenue salary score
    share size speed stake sum tax temperature time total value voltage volume wage weight width year
""".split())


def currency_asked(question: str) -> str:
    """The money unit a question asks a figure in ("What is the deal worth in euros?" -> "EUR"), or ""."""
    m = _IN_CURRENCY.search(question)
    return CURRENCY_WORDS[m.group(1).lower()] if m is not None else ""


# "in euros", "into pounds": the words of the currency units (CURRENCY_WORDS) after a preposition
_IN_CURRENCY = re.compile(rf"\b(?:in|into|to)\s+({'|'.join(map(re.escape, sorted(CURRENCY_WORDS, key=len, reverse=True)))})\b", re.IGNORECASE)
