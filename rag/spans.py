"""What kind of answer a question asks for, and the short spans of a sentence that could be it."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from rag.alignment import PLACE_PREPOSITIONS, done_by_other_at
from rag.figures import BOUND_QUALIFIERS, extract_figures, same_value, spelled_counts
from rag.lexical import GENERIC_NAME_TERMS, TermWeights, content_terms, derived, gives_money
from rag.phrases import parse
from rag.places import DEMONYM, demonym_of
from rag.records import Figure
from rag.roles import CAPITAL_TITLE_WORDS, TITLE_FORMS, TITLE_WORDS
from rag.timewords import CALENDAR_NAMES, MONTH_ABBREVIATIONS, MONTH_PATTERN, MONTHS, WEEKDAYS, years_in
from rag.units import DURATION_UNITS, FIGURE_KINDS, MONEY_ASKED_WORDS, QUANTITY_NOUNS, units_of_kind

if TYPE_CHECKING:
    from rag.alignment import Aligned
    from rag.analysis import QuestionAnalysis

STRANDED_REACH = 40  # characters before a span searched for the question's closing verb and preposition
STRANDED_FACTOR = 0.25  # a span right after them is that much nearer
# prepositions a verb takes in the same sense: "compete against" / "compete with", "put into" / "put in"
SAME_PREPOSITIONS = {"against": ("with",), "with": ("against",), "into": ("in", "to"), "in": ("into",), "to": ("into",)}
CLASS_FACTOR = 0.25  # a name right beside the class noun a "which X" question asks for is that much nearer
APPOSED_TERMS = 2  # an appositive right after a name that says this many of the question's words describes it as asked
PLACE_REACH = 160  # characters before a span searched for a place preposition (and the list of names after it)
PLACE_FACTOR = 0.5  # a span right after a place preposition ("across Asia") is that much nearer for a place question
SPAN_CACHE = 16_384  # sentences whose candidate spans and words are kept
FIGURE_TYPES = {kind: units_of_kind(kind) for kind in FIGURE_KINDS}
PHRASE = "phrase"  # the kind of a common-noun phrase candidate (rag.phrases)
SORT = "sort"  # the kind of the words naming a class's sort ("twin-cylinder" locomotive: rag.alignment.sorts_of)
WHOLE_ALIGNED_KINDS = frozenset({"other", "place"})  # answered by the whole aligned constituent: "a separate condenser", "southern Italy"
# common nouns that stand for a name said elsewhere: "the firm invested", "they said"; no answer to "who"
GENERIC_DOERS = frozenset(content_terms("firm firms companies business businesses people person someone others one they"))
MAX_ALIGNED_WORDS = 8  # an aligned constituent longer than this is searched for a shorter candidate instead

# "How did Amazon stock do in extended trading?", "How did the shares react?": a market's move is a percent
MARKET_MOVE = (r"^\W*how (?:did|does|do|have|has|had|were|was)\b[^?]*\b(?:stocks?|shares|share price|stock price)\s+"
               r"(?:do|did|perform|performed|fare|fared|react|reacted|respond|responded|move|moved|trade|traded|close|closed)\b")

# verbs that bring a sum to a figure: "What did the $4 billion round bring Amazon's total investment to?"
BROUGHT_VERBS = r"(?:bring|brings|brought|lift|lifts|lifted|take|takes|took|push|pushes|pushed|raise|raises|raised)"

_RULES: tuple[tuple[str, str], ...] = (
    # "What is the term for a deal where the money comes back ...?": a word or a name, whatever the question's words
    ("other", r"\bwhat (?:is|was) the (?:term|word|phrase) (?:for|used for)\b|\bwhat (?:term|word|phrase) (?:is|was|does|do)\b"),
    # keywords that close on the unit or the kind asked: "Catalyst window for AWS growth, months?", "..., date?"
    ("duration", r",\s*(?:in\s+)?(?:months|years|weeks|days|how long)\s*\?*\s*$"),
    ("date", r",\s*(?:date|when|which year|what year|year|month)\s*\?*\s*$"),
    ("money", r",\s*(?:in\s+)?(?:amount|sum|how much|dollars|\$|usd)\s*\?*\s*$"),
    # "What was Amazon's market capitalization after the stock move?": a company's market value is money
    ("money", r"\bmarket\s+(?:cap|capitali[sz]ation|value|valuation)\b"),
    # "What is Amazon's stake worth?": what something is worth is money, whatever it is
    ("money", r"\b(?:what|how much)\b(?![^?]*(?:\bpercent|%))[^?]*\bworth\b"),
    # "What did Amazon's total stake come to after the additional $4 billion?": a stake summed up is money put in (so is
    # a total: "What does Amazon's total come to now?")
    ("money", r"\b(?:what|how much)\b(?![^?]*(?:\bpercent|%))[^?]*\b(?:stake|total|sum|investment|commitment|funding|backing)\b[^?]*"
              r"\b(?:come|comes|came|add|adds|added|amount|amounts|amounted)\s+(?:up\s+)?to\b"
              # "What did the $4 billion round bring Amazon's total investment to?": what a total was brought to
              rf"|\bwhat\b(?![^?]*(?:\bpercent|%))[^?]*\b{BROUGHT_VERBS}\b"
              r"[^?]*\b(?:total|stake|sum|investment|commitment|funding|backing)\b[^?]*\bto\s*\?*\s*$"),
    ("percent", r"\bwhat (?:percentage|percent|share|proportion)\b|\bpercent|\bwhat %|\bhow many %|\bmarket shares?\b"
     r"|\b(?:what|which|how (?:big|large|much of))(?: is| was| does| did)? (?:a |an |the |its |their |\w+['’]s )?(?:\w+ )?stake\b"
     r"|\bwhat (?:ownership |equity )?share of\b|\bwhat (?:ownership|equity) share\b"
     # "How much of Anthropic does Amazon own?": a share of what is owned, not money
     r"|\bhow much of\b(?=.*\b(?:own|owns|owned|hold|holds|held|control|controls|controlled)\b)"
     # a rate of interest, tax, growth ... is a share: "What interest rate does the loan carry?"
     r"|\b(?:interest|tax|growth|inflation|unemployment|mortgage|discount|tariff|vacancy|default|mortality|literacy) rates?\b"
     r"|\b(?:shares?|stocks?|stock price|share price)\b.*\b(?:climb|climbed|rise|rose|fall|fell|drop|dropped|jump|jumped|gain|gained"
     r"|move|moved|change|changed|increase|increased|decrease|decreased|surge|surged|slide|slid|plunge|plunged|soar|soared"
     r"|tumble|tumbled|sink|sank|slip|slipped|(?:go|goes|went|gone)\s+(?:up|down))\b"),
    ("percent", MARKET_MOVE),  # "How did Amazon stock do in extended trading?"
    # "What was Amazon's closing share price after the deal?": a price itself is money (its move is a percent, above)
    ("money", r"\b(?:closing|opening)\s+(?:share\s+|stock\s+)?prices?\b|^\W*what\s+(?:is|was|were|are)\s+[^?]*\b(?:share|stock)\s+prices?\b"),
    # "By how much did the drug reduce pain?": a change by a share, where the question speaks of no money
    ("percent", r"^\W*(?:by )?how much (?:did|does|do|will|would|has|have|had|could|can)\b"
     r"(?!.*\b(?:revenue|sales|profit|price|cost|spend|invest|pay|paid|earn|income|budget|rais|fund|capital|money|cash|valu|dollar|euro|pound|bill|tax|wage|salar|debt|fee))"
     r".*\b(?:reduc|cut|lower|improv|increas|decreas|rise|rose|fall|fell|grow|grew|drop|declin|shrink|shrank|boost|slash|trim)\w*\b"),
    # "How many is the total investment?": an amount of money asked as a number (as some languages put it)
    ("money", rf"^\W*how many (?:is|are|was|were)\b(?=[^?]*\b{MONEY_ASKED_WORDS}\b)"),
    # "What portion of Amazon's new commitment depends on milestones?": a part of money is money
    ("money", r"\b(?:(?:what|which) (?:portion|part)|how (?:big|large) (?:a |of a )?(?:portion|part|share|slice|chunk)) of\b"
     r"(?=[^?]*\b(?:invest\w*|commitment|funding|money|capital|pledge|budget|revenue"
     r"|spending|cash|sum|deal|financing)\b)"),
    # "What multiple of the investment flows back?": how many times one figure another is, a ratio
    # ("How big a multiple of Amazon's outlay is the pledge?"; not "How many times more ...?", answered "ten times")
    ("ratio", r"\bratio\b|\bwhat multiple\b|\bhow (?:big|large|great|high) (?:a )?multiple\b"),
    # "How many billions is Anthropic bringing in?": a count of a money scale is money, not people counted in billions
    ("money", r"\bhow many (?:thousands|millions|billions|trillions)\b(?! of (?!dollars|euros|pounds)\w)"
              r"|\bhow many (?:(?:us |u\.s\. )?dollars|euros|pounds|yen|yuan|francs)\b"),  # "comes to how many dollars?"
    # "What had Amazon put in before this new deal?": what a verb of putting money in puts is an amount
    ("money", r"^\W*(?:so\s+)?what (?:did|does|do|had|has|have|will|would) (?:[\w'’-]+ ){1,3}?"
              r"(?:put in|put into|invest|invested|pay|paid|spend|spent|commit|committed|pour|poured|pledge|pledged)\b"),
    ("tokens", r"\bhow many tokens\b|\bcontext window\b"),
    ("energy", r"\b(?:(?:kilo|mega|giga|tera)?watt[- ]hours?|[kmgt]wh)\b"),  # "How many gigawatt-hours ...?" (lower-cased)
    # "How much Trainium chip capacity ...?", "How much compute ...?": up to three modifiers before the measure, no verb
    # among them
    # (not "how many power plants": a count of plants)
    ("power", r"\bhow (?:many|much) (?:gigawatts?|megawatts?|kilowatts?|watts?|gw|mw|kw)\b|\bhow much power\b"
     r"|\bhow much (?:(?!is\b|was\b|are\b|were\b|does\b|did\b|do\b|will\b|would\b|has\b|have\b|had\b|can\b|could\b)[\w-]+ ){0,3}(?:capacity|power|compute)\b"
     # "What amount of power capacity ...?": the amount of power, not money
     r"|\b(?:what|which) (?:amount|level|quantity|size) of (?:[\w-]+ ){0,2}(?:capacity|power|compute|computing)\b"),
    # "Where is the inference capacity expanding?" asks for a place, whatever it names ("where ... stand" asks none)
    ("place", r"^where\b(?! (?:does|do|did) .*\b(?:stand|rank)\b)"),
    ("duration", r"\bhow long\b|\bhow soon\b|\bhow far apart\b|\bamount of time\b|\bhow much time\b|\bhow many (?:years|months|weeks|days|decades)\b"
     r"|\b(?:over |for |in |within )?what (?:period|time span|timespan|span of time|term|time ?frame|timeline|time horizon|horizon"
     r"|(?:time )?window|stretch)\b"
     r"|\bduration\b|\blength of the\b"
     # keywords that end in a length ("aws deal length", "contract term"): no question word, the length last
     r"|^(?!.*\b(?:what|which|who|whom|whose|how|why|where|when)\b)(?!\W*(?:is|are|was|were|do|does|did|has|have|had|can"
     r"|could|will|would)\b).*\b(?:length|duration|term)\s*\??\s*$"),
    # "what exact date", "which calendar year": one word may stand between the question word and the time noun
    ("date", r"^(?:when|since when)\b|\bwhen (?:did|does|do|was|were|is|are|will|would|has|have|had|can|could)\b"
     r"|\bwhen\s*\??\s*$"  # "... until when?", "... are held when?"
     # keywords that end in the time asked ("claude 3.5 sonnet release year", "founding date"); not "revenue this year"
     r"|^(?!.*\b(?:what|which|who|whom|whose|how|why|where|when)\b)(?!\W*(?:is|are|was|were|do|does|did|has|have|had|can"
     r"|could|will|would)\b).*\b(?!(?:this|last|next|that|each|every|per|a|an|the|one|same|fiscal|financial|calendar)\s)"
     r"[a-z-]+ (?:year|date)\s*\??\s*$"
     r"|\b(?:what|which) (?:(?!is\b|was\b|are\b|were\b|does\b|did\b|do\b)[a-z]+ )?(?:year|month|date|day|decade|century)\b|\bin what (?:year|month|century)\b"
     # "What is Trainium4's release date?": the date of an event of a thing's life, whatever asks for it
     r"|\b(?:release|launch|founding|start|starting|end|ending|expiry|expiration|closing|due|publication|completion|signing"
     r"|effective|delivery|announcement|opening|shipping)\s+dates?\b"
     # "What was the exact date of the announcement?"
     r"|^\W*(?:what|which)(?:['’]s| is| was| are| were) the (?:exact |precise |specific |actual )?date\b"
     r"(?=\s+(?:of|when|that|on|in|for)\b|\s*\??\s*$)"),
    ("money", r"\bhow much\b|\bvaluation\b|\bhow (?:big|large) (?:is|was) the (?:investment|deal|commitment)\b"
     # "What's the size of Amazon's overall financial bet ...?": the size of money put in
     r"|\b(?:the size of|how (?:big|large) (?:is|was|are|were))\b(?:\s+[\w'’-]+){0,4}?\s+(?:invest\w*|bet|bets|stake|pledge|commitment|funding|round|injection|deal|check|cheque|payment|tranche)\b"
     r"|\bwhat(?:['’]s)? (?:is |was |are |were )?(?:the |its |their |\w+['’]s )?(?:\w+ ){0,2}(?:amount|investment|revenue|price|cost|sum|funding|commitment|valuation)s?\b"
     r"|\bwhat total\b"),
    ("count", r"\bhow many\b|\bwhat number\b|\bscore\b|\bwhat (?:is|was|are|were) the (?:total )?number of\b"),
    # "which regions": a place is asked for, before a word such as "capacity" later in the question
    ("place", r"\b(?:which|what) (?:[a-z]+ )?(?:countr(?:y|ies)|cit(?:y|ies)|regions?|continents?|states?|places?|areas?|rivers?|provinces?|towns?)\b"
     r"|\bthe capital (?:city )?of\b|\b(?:which|what) parts? of the (?:world|globe)\b"),  # "In which parts of the world ...?"
    # "in an official capacity" is a role, not power
    ("power", r"\b(?:gigawatts?|megawatts?|power capacity|computing capacity|compute capacity|(?<!official )(?<!personal )(?<!advisory )capacity)\b"),
    ("tokens", r"\btokens?\b"),
    ("name", r"^(?:who|whom|whose)\b|\bwho\b|\bwhat (?:is the name|was the name|name)\b|\bnamed?\b"),
    ("place", r"^where\b(?! (?:does|do|did) .*\b(?:stand|rank)\b)|\bwhere\b(?! (?:does|do|did) .*\b(?:stand|rank)\b)"),
    ("other", r"\b(?:which|what)\s+(?!is\b|was\b|are\b|were\b|does\b|did\b|do\b)\w+"),
    ("money", r"\b(?:invest|investing|invested|investment|spend|spending|spent|pay|paid|cost|worth|raised?|revenue|valued"
     r"|commit|commits|committed|commitments?|funding|capital|money|cash|cheque|pour|pours|pouring|poured|inject|injects|revenues|investments"
     r"|profit|profits|earnings|income|sales|turnover|capex|expenditure|expenditures|outlay|outlays|salary|salaries|wage|wages|compensation"
     r"|injecting|injected|injection|bankroll|bankrolled)\b"
     # money put into something in other words: "sinking (money) into", "pumped into", "ploughed into"
     r"|\b(?:sink|sinks|sinking|sank|sunk|pump|pumps|pumping|pumped|plough|ploughs|ploughed|plow|plows|plowed)\b(?=[^?]*\binto\b)"),
)
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in _RULES)
ASKS_MARKET_MOVE = re.compile(MARKET_MOVE, re.IGNORECASE)
# the words that say a price moved ("shares climbed nearly 3%"): what answers a market's move, not a stake's percent
MOVED_PRICE = re.compile(r"\b(?:climb|rose|rise|rising|fell|fall|jump|drop|gain|slid|slide|surge|plunge|tumble|sank|sink"
                         r"|soar|dip|rall|declin|advanc|edg)\w*\b", re.IGNORECASE)

_MONTHS = "(?:" + "|".join((*(m.capitalize() for m in MONTHS), *MONTH_ABBREVIATIONS)) + r")\.?"
_WEEKDAYS = "(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + ")"
_DATE = re.compile(
    # a year of an era, of any length: "800 CE", "55 BC", "AD 476", "1000 BCE"
    r"\b\d{1,4}\s?(?:BCE|BC|CE|AD)\b|\b(?:AD|A\.D\.)\s?\d{1,4}\b|"
    rf"\b(?:(?:early|mid|late)[- ])?(?:{_MONTHS}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?(?:1\d{{3}}|20\d\d)s?\b"
    rf"|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|\b{_WEEKDAYS}s?\b"  # "on Thursday", "Wednesdays": what "On what day of the week ...?" asks for
    r"|\b(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)(?:[- ]century)?)"
    r"(?:\s+(?:and|or|to)\s+(?:\d{1,2}(?:st|nd|rd|th)|\w+th))?\s+centur(?:y|ies)\b"
)
_SPAN_OF_TIME = re.compile(
    r"\b(?:over|for|during|within|across|throughout)\s+(?:the\s+)?(?:next|past|last|coming|following|several|many|multiple|few)"
    r"\s+(?:few\s+)?(?:decades?|years?|months?|weeks?)\b"
    # "for weeks or months": two plural units alone (not "for years" alone, a way of saying "long")
    r"|\b(?:for|over|within|across)\s+(?:days|weeks|months|years|decades)\s+(?:or|to)\s+(?:days|weeks|months|years|decades)\b",
    re.IGNORECASE,
)
# a date that names its day ("February 12, 2026", "12 February"): what "On what exact date ...?" asks for
_DAY_DATE = re.compile(rf"{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}")
# a month named ("in May", "April 2003"): what "In what month ...?" asks for
_NAMES_MONTH = re.compile(rf"\b(?:{MONTH_PATTERN}|(?:{'|'.join(MONTH_ABBREVIATIONS)})\.?)(?!\w)")
# a day of the week ("on Thursday", "Wednesdays"): what "On what day ...?" asks, where it asks no date
_WEEKDAY = re.compile(rf"\b{_WEEKDAYS}s?\b")
_ASKS_DATE = re.compile(r"\bdate\b", re.IGNORECASE)
# a span of time of no stated length ("over the coming years", "for several months"): no answer to "how many years"
_VAGUE_TIME = re.compile(
    r"\b(?:coming|following|several|many|multiple|few)\b|\b(?:next|past|last)\s+(?:decades|years|months|weeks)\b"
    r"|\b(?:days|weeks|months|years|decades)\s+(?:or|to)\s+(?:days|weeks|months|years|decades)\b"
    r"|^\W*(?:for|over)\s+(?:days|weeks|months|years|decades)\W*$", re.IGNORECASE  # "for years", alone
)


# the words a number labels rather than counts after ("phase 3", "Article 50", "No. 9"), or a name it is joined to
# by a hyphen ("STRIDE-3", "Falcon-9"): ends right before the number
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:phase|stage|version|step|round|grade|level|tier|class|category|chapter|section|article|part|no\.|number|type|model|series|gen)\s+"
    r"|\b[A-Z][\w]*-)$",
    re.IGNORECASE,
)


# a unit of time right after a number ("two months", "three-year"): the number counts the time
# a count joined to the noun it counts, as a compound modifier: "200,000-token", "five-member"
_COUNTS_BEFORE_HYPHEN = re.compile(r"-(?P<noun>[A-Za-z]{2,})\b")
_TIME_AFTER = re.compile(r"[\s-]+(?P<unit>minute|hour|day|week|month|year|decade)s?\b", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"\s+{_MONTHS}\b")  # "14 January 2025": the day of a date


def is_vague_time(span: Span) -> bool:
    """A span of time of no stated length: it answers "how long" only where no sentence states one (rag.scoring)."""
    return span.kind == "duration" and span.figure is None and vague_time(span.text)


def vague_time(text: str) -> bool:
    """Whether words of time state no length ("over the coming years", "for years")."""
    return bool(_VAGUE_TIME.search(text))


_CONNECT = r"(?:of|the|de|du|la|le|von|van|der|den|for|&|y|da|di|del|della|dos|das|bin|ibn|zu)"  # "Ayanz y Beaumont"
# a name, and the number that belongs to it ("Microsoft 365", "Super Bowl 50", "Claude 3.5 Sonnet"): one to three digits
# not followed by a scale, unit or decimal, and never after a month ("March 12" is a date)
NAME_NUMBER = (
    "(?:" + "".join(f"(?<!{m.capitalize()})" for m in MONTHS)
    + r"\s\d{1,3}(?:\.\d{1,2})?(?![\d.,:/%-]\d|[\w%]|\s*(?:%|percent|per cent|thousand|million|billion|trillion|[A-Za-z]?[BMKT]\b|GW|MW|kW)))?"
)
# a run of capitalized words ("H100/B200": model numbers joined by a slash are one; "Thai/Japanese" are two)
_CAPS = re.compile(rf"\b(?:[A-Z]|[a-z]{{1,3}}[A-Z])[\w’'.&-]*(?:/[A-Z][A-Za-z]*\d[\w’'.&-]*)*(?:\s+(?:{_CONNECT}\s+)*(?:(?:al|el)-)?[A-Z][\w’'.&-]*)*{NAME_NUMBER}(?:\s+[A-Z][\w’'.&-]*)*")


POSSESSIVE_PENALTY = 50.0
# Words that open a sentence capitalized and name nothing: English's closed classes (a determiner, a pronoun, a
# preposition, a conjunction) and sentence adverbs ("Because of this, ...", "During World War II ...", "Meanwhile, ...")
OPENING_WORDS = frozenset(
    "its their his her our this that these those it they we he she there here in on at by for with from into during "
    "after before since because although though however while whereas when whenever if unless as so but and or nor yet "
    "thus therefore hence then also meanwhile moreover furthermore additionally nevertheless nonetheless consequently "
    "instead still indeed finally overall today now later recently currently initially ultimately historically "
    "traditionally similarly likewise conversely notably separately elsewhere unlike despite following including "
    "according under over between among until without within throughout toward towards upon".split()
)
# words that name nothing where they open a sentence, but may open a name elsewhere ("One Medical", "First Nations")
_LEADING_ONLY = frozenset("some many most several both each every another other such one two three first".split())
OPENERS = OPENING_WORDS | _LEADING_ONLY
# a lone capitalized first word that is usually just the sentence start ("King" opens more sentences than it names)
COMMON_SENTENCE_STARTS = OPENERS | {"king"}


@dataclass(frozen=True)
class Span:
    start: int  # offsets into the sentence
    end: int
    text: str
    kind: str
    figure: Figure | None = None


# Words that ask for one end of a range: "the most Amazon could invest" wants the "up to" figure.
_BOUND_CUES = (
    (re.compile(r"\b(?:the most|at most|maximum|(?<!add )(?<!adds )(?<!added )(?<!adding )up to|as much as|ceiling)\b"), ("up to", "as much as")),
    # "over" is a bound before a figure ("over $5 billion"), not in "over the next decade" or "Over how many years"
    (re.compile(r"\b(?:at least|minimum|more than|over(?=\s*[$€£\d])|exceed(?:s|ed)?|surpass(?:es|ed)?)\b"),
     ("more than", "over", "at least", "exceeding", "surpassing", "surpassed", "above")),
)


def bound_qualifiers(question: str) -> tuple[str, ...]:
    """The qualifiers a figure answering `question` should carry, if it asks for a bound."""
    q = question.lower()
    for pattern, qualifiers in _BOUND_CUES:
        if pattern.search(q):
            return qualifiers
    return ()


# a term the question quotes is what it asks about, not the kind of its answer: "What is the 'Token Economy'?"
_QUOTED_TERM = re.compile(r"(?<!\w)['‘\"“][^'’\"”?]{2,60}['’\"”](?!\w)")


def question_type(question: str) -> str:
    """One of money, percent, power, tokens, ratio, duration, count, date, name, place or other (a quoted term
    aside)."""
    q = _QUOTED_TERM.sub(" ", question).lower()
    for kind, pattern in _COMPILED:
        if pattern.search(q):
            return kind
    return "other"


# What a person holds ("What title did Henry II take?"): a title or an office of general English (rag.roles), with the
# words that make it one ("Prime Minister", "Duke of Normandy")
_TITLE_BEFORE = r"(?i:vice|deputy|chief|prime|lord|grand|high|first|assistant|acting|lieutenant|attorney|executive|co)"
_TITLE_WORD = rf"(?:(?i:{'|'.join(TITLE_WORDS)})|{'|'.join(CAPITAL_TITLE_WORDS)})s?"
# the words a title's "of" place may be followed by: not "the captain of the Yale football team", where a noun does
_AFTER_TITLE = "and|or|in|on|at|from|was|were|is|are|who|which|to|for|by|with|since|until|under|during|after|before|when|had|has|have"
_TITLE = re.compile(
    rf"\b(?:{_TITLE_BEFORE}[\s-]+)*{_TITLE_WORD}(?:[\s-]+{_TITLE_WORD})*\b"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?=\s*(?:[^\w\s]|$)|\s+(?:" + _AFTER_TITLE + r")\b))?"
)


def candidate_spans(sentence: str, kind: str) -> list[Span]:
    """Spans of `sentence` that fit the answer kind, in order of appearance."""
    return list(_candidates(sentence, kind))


@lru_cache(maxsize=SPAN_CACHE)
def _candidates(sentence: str, kind: str) -> tuple[Span, ...]:
    # the same sentences are candidates for question after question: find a sentence's spans of a kind once
    return tuple(_find_candidates(sentence, kind))


_FROM_NOW = re.compile(r"\s+from\s+(?:now|today)\b", re.IGNORECASE)
QUALIFIED_KINDS = ("money", "percent", "power")  # figures whose "up to" or "nearly" the answer keeps


def qualified_start(sentence: str, f: Figure) -> int:
    """Where a figure starts with its qualifier ("up to", "nearly"): the bare number would overstate it."""
    q = sentence.lower().rfind(f.qualifier, 0, f.start) if f.qualifier else -1
    return q if q >= 0 else f.start


_RUNNING_TEXT = re.compile(r"[\w,]\s+$")  # a word or a list's comma right before: inside a sentence


def _named_word(sentence: str, f: Figure) -> bool:
    """ "Kunlun Wanwei and Nine United": a number word capitalized inside a sentence is part of a name."""
    return f.text[:1].isupper() and _RUNNING_TEXT.search(sentence, 0, f.start) is not None


def _find_candidates(sentence: str, kind: str) -> list[Span]:
    if kind in FIGURE_TYPES or kind in ("duration", "count"):
        spans = []
        for f in extract_figures(sentence):
            if kind == "count" and (_LABEL_BEFORE.search(sentence, 0, f.start) or _MONTH_AFTER.match(sentence, f.end) or _named_word(sentence, f)):
                continue  # "a phase 3 trial", "STRIDE-3", "14 January": a number that labels or dates, not one that counts
            if kind == "duration" and _FROM_NOW.match(sentence, f.end):
                continue  # "ten years from now": a time ahead, not how long something runs
            if _fits(f, kind):
                start = qualified_start(sentence, f) if kind in QUALIFIED_KINDS else f.start
                spans.append(Span(start, f.end, sentence[start : f.end], kind, f))
        if kind == "duration":  # "over the next decade", "for several years": a span of time without a number
            spans += [Span(m.start(), m.end(), m.group(), kind) for m in _SPAN_OF_TIME.finditer(sentence)]
        if kind == "count":  # "parties with five or more seats", "twenty-five members": a number written in words
            spelled = [f for f in spelled_counts(sentence) if not _named_word(sentence, f)]
            spans = [sp for sp in spans if not any(f.start <= sp.start and sp.end <= f.end for f in spelled)]
            spans += [Span(f.start, f.end, f.text, kind, f) for f in spelled
                      if not any(sp.start < f.end and f.start < sp.end for sp in spans)]
            spans.sort(key=lambda sp: sp.start)
        return spans
    if kind == "date":
        return [Span(m.start(), m.end(), m.group(), kind) for m in _DATE.finditer(sentence)]
    if kind == "role":
        return [Span(m.start(), m.end(), m.group(), kind) for m in _TITLE.finditer(sentence)]
    if kind in ("name", "place", "other"):
        spans = [_without_determiner(Span(m.start(), m.end(), _trim(m.group()), kind)) for m in _CAPS.finditer(sentence)]
        if kind == "other":
            spans += [Span(m.start(), m.end(), m.group(), "date") for m in _DATE.finditer(sentence)]
            for f in extract_figures(sentence):
                if f.unit != "year":  # "nearly 3%" for "amzn shares after hours", as for "By how much ...?"
                    qualified = any(_fits(f, k) for k in QUALIFIED_KINDS)
                    start = qualified_start(sentence, f) if qualified else f.start
                    spans.append(Span(start, f.end, sentence[start : f.end], "figure", f))
        return [s for s in spans if s.text]
    return []


@lru_cache(maxsize=SPAN_CACHE)
def _words(sentence: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
    """Where each word of a sentence starts, and its content term ("" for a stop word)."""
    found = list(re.finditer(r"\w+", sentence))
    terms = [content_terms(m.group()) for m in found]
    return tuple(m.start() for m in found), tuple(t[0] if t else "" for t in terms)


@lru_cache(maxsize=1024)
def contradicts(asked: Sequence[str], scope: frozenset[str]) -> bool:
    """A figure's scope answers another question than the one asked: a total where the question asks for the new
    or the first money (and not a total), new or first money where it asks for a total, and the first money where
    it asks for more, or the reverse ("Amazon's first investment" is not "an additional $4 billion")."""
    parts = {"additional", "initial", "upfront"}
    if "total" in asked:
        return bool(scope & parts) and "total" not in scope
    if "total" in scope:
        return bool(parts & set(asked))
    if "initial" in asked and "additional" not in asked and "additional" in scope:
        return True  # (an additional amount is no first one, whatever first one its sentence names: "That first
        # commitment was followed by an additional $2.75 billion")
    return "additional" in asked and "initial" not in asked and "initial" in scope and "additional" not in scope


# words that lead a number without naming it: "About 40 people", "Only 12 seats", "By 1998"
NUMBER_LEADS = frozenset("about around nearly almost roughly approximately over under only just all at by in of on for from".split())
_NAMED_NUMBER = re.compile(r"(?<![\w-])([A-Z][\w-]*)[ -]?$")  # a capitalized word just before a number: part of a name


def in_name(sentence: str, start: int) -> bool:
    """ "Trainium 2", "Claude 3": the number at `start` follows a capitalized word that is no stop word ("The four
    general questions" counts four)."""
    m = _NAMED_NUMBER.search(sentence, 0, start)
    if m is None:
        return False
    word = m.group(1).lower()
    return bool(content_terms(word)) and word not in COMMON_SENTENCE_STARTS and word not in NUMBER_LEADS


@lru_cache(maxsize=1024)
def _initials(names: tuple[str, ...]) -> frozenset[str]:
    """The acronyms of multi-word names: "Amazon Web Services" -> "AWS"."""
    return frozenset("".join(w[0] for w in n.split()).upper() for n in names if len(n.split()) > 1)


@lru_cache(maxsize=1024)
def _term_set(terms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(terms)


def _with_phrases(sentence: str, spans: Sequence[Span], phrases: Sequence[tuple[int, int]]) -> list[Span]:
    """The candidates with the sentence's common-noun phrases (rag.phrases) after its names."""
    at = next((i for i, s in enumerate(spans) if s.kind != "other"), len(spans))
    return [*spans[:at], *(tidy(Span(a, b, sentence[a:b], PHRASE)) for a, b in phrases), *spans[at:]]


# a capitalized word that only opens a sentence: a verb's -ing form before "the" ("Following the ..."), or a word
# of OPENERS
_OPENER = re.compile(rf"(?:[A-Z][a-z]+ing\s+(?=the\s)|(?:{'|'.join(w.capitalize() for w in sorted(OPENERS))})\s+)(?:(?:the|of|an?)\s+)*")


def _without_opener(span: Span) -> Span:
    """A name found at the start of a sentence without the capitalized word that only opens the sentence
    ("Following the Conservative victory" -> "Conservative", "Convening the Parliamentary Bureau")."""
    m = _OPENER.match(span.text)
    if m is None or m.end() >= len(span.text) or not span.text[m.end()].isupper():
        return span
    return Span(span.start + m.end(), span.end, span.text[m.end() :], span.kind, span.figure)


def _without_question_words(span: Span, q_terms: frozenset[str], keep_numbers: bool = False) -> Span:
    """ "CEO Dario Amodei" asked as "Who is the CEO?" answers "Dario Amodei". With `keep_numbers`, a number at an
    edge stays ("1.5 gigawatts"), unless the question gives it ("After 1945, what ...?": not "1945 anti-colonial
    movements")."""
    words = _span_words(span.text)

    def known(terms: tuple[str, ...], word: str) -> bool:
        if keep_numbers and any(c.isdigit() for c in word) and not (terms and all(t in q_terms for t in terms)):
            return False
        return not terms or all(t in q_terms for t in terms)

    first, last = 0, len(words) - 1
    while first < last and known(words[first][2], span.text[words[first][0] : words[first][1]]):
        first += 1
    while first < last and known(words[last][2], span.text[words[last][0] : words[last][1]]):
        last -= 1
    a, b = words[first][0], words[last][1]
    return Span(span.start + a, span.start + b, span.text[a:b], span.kind, span.figure)


@lru_cache(maxsize=SPAN_CACHE)
def _span_words(text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """The whitespace-separated words of a span: start, end and content terms."""
    return tuple((m.start(), m.end(), tuple(content_terms(m.group()))) for m in re.finditer(r"\S+", text))


def _fits(f: Figure, kind: str) -> bool:
    if kind in FIGURE_TYPES:
        return f.unit in FIGURE_TYPES[kind]
    if kind == "duration":
        return f.unit in DURATION_UNITS
    return f.unit == "count"


# a word of OPENING_WORDS before a name, or alone (longest first: "Into" before "In")
_DETERMINER = re.compile(
    rf"(?:{'|'.join(w.capitalize() for w in sorted(OPENING_WORDS, key=lambda w: (-len(w), w)))})(?:\s+(?=[A-Z])|$)"
)


def _without_determiner(span: Span) -> Span:
    """ "Its Constitutional AI" at the start of a sentence names "Constitutional AI", "During World War II" names
    "World War II", and "Because" alone names nothing (an empty span, left out)."""
    m = _DETERMINER.match(span.text)
    if m is None:
        return span
    return Span(span.start + m.end(), span.end, span.text[m.end() :], span.kind, span.figure)


def _trim(text: str) -> str:
    return text.rstrip(".’'-&")


# "How long is the deal?", "How long was the contract?": the length of a thing, which "in two months" is not
LENGTH_ASKED = re.compile(r"^\W*how\s+long\s+(?:is|was|are|were)\s+(?:the|a|an|its|their|this|that)\b", re.IGNORECASE)
_WITHIN_BEFORE = re.compile(r"\b(?:in|within)\s+(?:the\s+(?:last|past|first)\s+)?$", re.IGNORECASE)
# the event a question asks of as the one at hand ("this deal", "the new agreement"), and words that set what follows
# them before it in the sentence ("builds on previous investments, including ...")
_THIS_EVENT = re.compile(r"\b(?:this|the\s+(?:new|latest|current|recent))\s+(?:[\w$-]+\s+){0,2}?(?:deal|investment|agreement|partnership"
                         r"|round|announcement|contract|commitment)\b", re.IGNORECASE)
_PREVIOUS_BEFORE = re.compile(r"\b(?:previous|prior|earlier|past|former)\b[^.;:—]*$", re.IGNORECASE)
# a year a question places its answer in ("in which month of 2024", "in 2023"), not one it is after or before
_YEAR_WITHIN = re.compile(r"\b(?:in|of|during|throughout)\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)\d\d)\b", re.IGNORECASE)


# between a figure and the date it is given at: "$2.75 billion in early 2024", "$4 billion commitment announced in"
_FIGURE_TO_DATE = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:in|on|during|by)\s+$")


def _dated_figure(sentence: str, span: Span) -> Figure | None:
    """The figure a date span dates: the one right before it ("an additional $2.75 billion in early 2024"), or None."""
    before = [f for f in extract_figures(sentence) if f.end <= span.start]
    if not before:
        return None
    last = before[-1]
    return last if _FIGURE_TO_DATE.fullmatch(sentence, last.end, span.start) else None


def _years_within(question: str) -> frozenset[str]:
    """The years a date answer to the question must be in: those it asks within ("of 2024"), none where it names one
    it asks past ("after 1973")."""
    return frozenset(m.group(1) for m in _YEAR_WITHIN.finditer(question))


def choose_span(
    sentence: str, q: QuestionAnalysis, weights: TermWeights | None = None, scopes: Mapping[int, frozenset[str]] | None = None,
    phrases: Sequence[tuple[int, int]] = (), aligned: Aligned | None = None, sorts: Sequence[tuple[int, int]] = (),
    words_only: bool = False,
) -> Span | None:
    """The candidate nearest to the question's words in the sentence (rarer words pull harder, by
    `weights`), leaving out what the question already says. `scopes` gives the scope tags of the sentence's
    claims by figure start (offsets in the sentence): a figure whose scope contradicts the question's is left out
    (`contradicts`: the latest money is not the total). `aligned` is the constituent in the role the question asks
    (rag.alignment): a question whose answer need not be a name is answered by it (up to MAX_ALIGNED_WORDS, less
    the question's own words at its edges), any other by the candidates inside it, where there are some. `sorts`,
    given for "What type of X ...?", are the only candidates: the words that name the sort of each X in the sentence;
    `words_only` leaves out dates and figures (such a question where the sentence names no sort of X)."""
    kind = q.span_kind
    q_terms = _term_set(q.terms)
    if q.possessed or kind == "role":
        aligned = None  # "Which tech giant's alliance ...?": the owner of the alliance, wherever the parse puts it
    if sorts:
        spans: Sequence[Span] = [tidy(Span(a, b, sentence[a:b], SORT)) for a, b in sorts]
        return _nearest(sentence, q, q_terms, weights, _fresh(spans, q_terms)) if spans else None
    if aligned is not None:
        whole = _aligned_answer(sentence, aligned, q, q_terms)
        if whole is not None:
            return whole  # the constituent itself: the candidates need not be worked out
    spans = candidate_spans(sentence, kind)
    if kind == "date" and q.asks_month:  # "in May": a month without its year or day is a date of the kind asked
        spans = [*spans, *(Span(m.start(), m.end(), m.group(), "date") for m in _NAMES_MONTH.finditer(sentence)
                           if not any(sp.start <= m.start() < sp.end for sp in spans))]
    if kind == "count" and q.measure:  # "How many members ...?": "Voters choose one member" counts one
        spans = [*spans, *(Span(m.start(), m.start() + 3, m.group()[:3], "count", Figure(1.0, "count", m.group()[:3], m.start(), m.start() + 3))
                           for m in _ONE_OF.finditer(sentence) if q.measure in content_terms(m.group("noun"))[:2])]
    if not spans and kind != "other":
        return None  # nothing of the kind asked (most sentences of a figure question): no phrase or quotation stands in
    if words_only or (kind == "other" and not q.figures and (
            q.asked_class and q.asked_class not in _quantity_stems() or q.asks_name)):
        # "What type of engine ...?", "What profession ...?", "What is X called?": a sort, a thing or a name is said in
        # words, not by a date or a figure
        spans = [sp for sp in spans if sp.figure is None and sp.kind != "date" and sp.text.lower() not in CALENDAR_NAMES]
    if phrases and kind == "other" and not q.asks_name:
        spans = _with_phrases(sentence, spans, phrases)
    if kind == "other":
        spans = [*spans, *_quotations(sentence)]  # "meaning 'empty land'", "established 'socialism in one country'"
    keep = []
    headless: set[tuple[int, int]] = set()
    # "How much is Amazon handing over right away?": where the sentence marks a figure as put in at once ("an immediate
    # $5 billion capital injection"), another figure of it is not that one ("over $100 billion toward AWS")
    upfront_here = "upfront" in q.scope and bool(scopes) and any("upfront" in sc for sc in (scopes or {}).values())
    for span in spans:
        if span.figure is not None:
            f = span.figure
            if upfront_here and scopes is not None and "upfront" not in scopes.get(f.start, frozenset()):
                continue
            if any(g.unit in (f.unit, "") and same_value(g.value, f.value) for g in q.figures):
                continue  # the figure the question already gives (a bare number: in any unit) is not its answer
            if f.unit == "count" and in_name(sentence, f.start):
                continue  # "Trainium 2", "Claude 3": a number in a name counts nothing
            if kind == "count" and f.unit == "count" and (unit := _TIME_AFTER.match(sentence, f.end)) is not None and (
                    unit.group("unit").lower() not in q.text.lower()):
                continue  # "How many employees ...?": "in two months" counts months, a span of time, not what is asked
            if kind == "count" and f.unit == "count" and (noun := _COUNTS_BEFORE_HYPHEN.match(sentence, f.end)) is not None and not (
                    set(content_terms(noun.group("noun"))) & q.terms):
                continue  # "How many customers does Claude have?": "a 200,000-token context window" counts tokens
            if kind == "duration" and LENGTH_ASKED.match(q.text) and _WITHIN_BEFORE.search(sentence, 0, f.start):
                continue  # "How long is the AWS deal?": "two mega-investments in two months" is a time they fell in, no length
            if scopes and f.start in scopes and contradicts(q.scope, scopes[f.start]):
                continue
            if "upfront" in q.scope and not q.bounds and f.qualifier in BOUND_QUALIFIERS:
                continue  # "How much is Amazon putting in up front?": not "up to another $20bn"
        else:
            if kind == "date" and q.asks_day and not _DAY_DATE.search(span.text) and (
                    _ASKS_DATE.search(q.text) or not _WEEKDAY.search(span.text)):
                continue  # "On what exact date ...?" is not answered by "February 2026"
            if kind == "date" and q.asks_month and not _NAMES_MONTH.search(span.text):
                continue  # "What month are elections held on?" is not answered by "Thursday" or "2003"
            if kind == "date" and _THIS_EVENT.search(q.text) and _PREVIOUS_BEFORE.search(sentence, 0, span.start):
                continue  # "When was this deal announced?": "builds on previous investments, including a $4 billion
                # commitment announced in September 2023" dates an earlier one
            if kind == "date" and q.scope and "total" not in q.scope and scopes and (given := _dated_figure(sentence, span)) is not None and (
                    given.start in scopes and contradicts(q.scope, scopes[given.start])):
                continue  # "When was the first investment made?": "followed by an additional $2.75 billion in early 2024"
                # dates the money added, not the first
            if kind == "date" and (within := _years_within(q.text)) and (said := years_in(span.text)) and not set(said) & within:
                continue  # "In which month of 2024 did Amazon invest $2.75 billion?" is not answered by "September 2023"
            if kind == "duration" and (q.asks_number or LENGTH_ASKED.match(q.text)) and is_vague_time(span):
                continue  # "Over how many years ...?" is not answered by "over the coming years"
            terms = content_terms(span.text)
            if not terms or all(t in q_terms or any(derived(t, u) for u in q_terms) for t in terms):
                continue  # "The", "Its", or the question's own words (in any form: "Regulatory" for "regulators")
            if q.answer_type in ("organisation", "person") and all(t in q_terms or _VERSION.sub("", t) in q_terms for t in terms):
                continue  # "Which company makes Trainium chips?": "Trainium4", a version of the question's own name, is no one
            if span.text.isupper() and span.text in _initials(q.entities):
                continue  # "AWS" for "Amazon Web Services": the question's own name
            if " " in span.text and next(iter(_initials((span.text,))), "") in q.entities:
                continue  # "Amazon Web Services" for "AWS": the question's own name spelled out
            word = _ARTICLE.sub("", span.text)
            if " " not in word and DEMONYM.search(word) and any(demonym_of(word, e) for e in q.entities):
                continue  # "Which country did Japan invade?": "(the) Japanese" is the question's own name
            if q.aside and without_possessive(span.text) in q.aside:
                continue  # "Which companies besides Amazon ...?": not Amazon
            if q.aside_role and _titled_as(sentence, span, q.aside_role):
                continue  # "Who co-leads Anthropic alongside its chief executive?": not "CEO Dario Amodei"
            if kind in ("name", "place") and span.text.lower() in CALENDAR_NAMES:
                continue  # "Who may members question on Thursday?": a day or a month is no one and nowhere
            if kind == "name" and terms and set(terms) <= GENERIC_NAME_TERMS:
                continue  # "Which company is behind Claude?", "Which companies ...?": "AI" alone names no one
            if span.kind == PHRASE and q.asked_class and q.asked_class not in terms:
                continue  # "Which cloud platform ...?" is not answered by "exclusive cloud computing rights"
        if span.start == 0 and span.figure is None and span.kind != PHRASE:
            span = _without_opener(span)
        if kind in ("name", "place", "other") and span.start == 0 and " " not in span.text and span.kind != "date":
            if span.text.lower() in COMMON_SENTENCE_STARTS or kind == "other":
                continue  # "Some", "Because", "King": a lone capitalized first word is usually just the sentence start
            opened = _first_word(sentence, span)
            if opened is None:
                continue  # "Earlier", "From", "Considering": by the parse, a word of a class that names no one
            span = opened
        # the role asked for is the question's word too: "CEO Dario Amodei" asked "Who is the chief executive?"
        trimmed = (
            span if span.figure is not None or _quoted(sentence, span)  # "the 'Token Economy'": a quoted name is whole
            # "What river ...?": "Charles River" is whole, its head the class asked for (not "Charles" of a river)
            or (span.kind != PHRASE and _headed_by_class(span.text, q))
            else _without_question_words(span, q_terms | q.roles if q.roles else q_terms)
        )
        if trimmed is not span and kind in ("name", "place") and (
                trimmed.text.lower() in CALENDAR_NAMES or _ROMAN.fullmatch(trimmed.text)):
            continue  # "September 2004" asked "Where ... since 2004?", "World War II" asked of World War: what is left names nothing
        if trimmed.text and not span.text.endswith(trimmed.text):
            if span.kind != PHRASE and _names_entity(sentence[trimmed.end : span.end], q.entities) and not (
                    q.possessed and _OWNER_IN.search(span.text)):  # "Microsoft's OpenAI" asked whose alliance with OpenAI
                continue  # "King Harold II" asked "Where did Harold II die?": "King" is the question's own name
            headless.add((trimmed.start, trimmed.end))  # "AWS Trainium" asked about Trainium: "AWS" only qualifies it
        keep.append(trimmed)
    dated = _year_spots(sentence, q.text)
    if aligned is not None and dated and not any(aligned.start <= p <= aligned.end + YEAR_REACH for p in dated):
        # "described by Taqi al-Din in 1551 and by Giovanni Branca in 1629" asked "Who described a steam turbine in
        # 1629?": the year the question gives places the answer, not the parse's first agent
        keep = [k for k in keep if any(0 <= p - k.end <= YEAR_REACH or 0 <= k.start - p <= YEAR_REACH for p in dated)] or keep
    elif aligned is not None:
        inside = [k for k in keep if aligned.start <= k.start and k.end <= aligned.end]
        # "Spanish architect Enric Miralles": the name that holds the constituent's head, not its modifier
        headed = [k for k in inside if k.start <= aligned.head_start and aligned.head_end <= k.end]
        if not inside and q.answer_type == "person" and (common := _common_doer(sentence, aligned, q, q_terms)) is not None:
            return common  # "Who operates the voting equipment?": "A vote clerk", not a name elsewhere in the sentence
        keep = headed or inside or keep
    if q.possessed:
        keep = [*keep, *_owners(sentence, keep)]
    return _nearest(sentence, q, q_terms, weights, keep, headless)


_ANY_YEAR = re.compile(r"\b(?:1\d{3}|20\d\d)\b")  # a year of any century a question may name ("in 1629")


def _year_spots(sentence: str, question: str) -> list[int]:
    """Where the sentence gives a year the question names."""
    return [m.start() for y in set(_ANY_YEAR.findall(question)) for m in re.finditer(rf"\b{y}\b", sentence)]


YEAR_REACH = 12  # characters between a name and the year it is given with ("by Giovanni Branca in 1629")


def _titled_as(sentence: str, span: Span, title: str) -> bool:
    """Whether a name is given with a title: right before it or opening it ("CEO Dario Amodei", "chief executive Dario
    Amodei") or in apposition after it ("Dario Amodei, the CEO")."""
    words = "(?:" + "|".join(r"\s+".join(map(re.escape, form.split())) for form in TITLE_FORMS.get(title, (title,))) + ")"
    before = re.search(rf"\b{words}\s+(?:[A-Z][\w.-]*\s+)?$", sentence[max(0, span.start - 40) : span.start], re.IGNORECASE) or re.match(
        rf"{words}\s+[A-Z]", span.text, re.IGNORECASE)
    after = re.match(rf"\s*,\s*(?:the|its|their)\s+(?:[a-z]+\s+)?{words}\b", sentence[span.end :], re.IGNORECASE)
    return before is not None or after is not None


_OWNER_IN = re.compile(r"['’]s\s")
_VERSION = re.compile(r"(?<=[a-z])[\d.]+[a-z]?$|^[\d.]+$")  # "trainium4" -> "trainium", "3.5" -> ""


def _owners(sentence: str, spans: Sequence[Span]) -> list[Span]:
    """The owner inside a name of several ("Microsoft" of "Microsoft's OpenAI"), for a question that asks whose."""
    found = []
    for span in spans:
        m = _OWNER_IN.search(span.text)
        if span.figure is None and m is not None:
            found.append(Span(span.start, span.start + m.start(), span.text[: m.start()], span.kind))
    return found


OWNED_REACH = 3  # words after an owner's "'s" that may hold what it owns ("Microsoft's OpenAI alliance")
_OWNED_AFTER = re.compile(rf"['’]s((?:\s+[\w-]+){{1,{OWNED_REACH}}})")
_NEXT_WORD = re.compile(r"\s+([\w-]+)")
_QUALIFIED_BEFORE = re.compile(r"(?:^|\s)(?:the|a|an)\s+([\w-]+)\s+$", re.IGNORECASE)


def owns(sentence: str, span: Span, stem: str) -> bool:
    """Whether the sentence gives the span as the owner of what the question's stem names: "OpenAI's alliance" or
    "Microsoft's OpenAI alliance" for "allianc", "the dominant NVIDIA" for "domin"."""
    after = _OWNED_AFTER.match(sentence, span.end - 2 if span.text.endswith(("'s", "’s")) else span.end)
    if after is not None and any(derived(t, stem) for t in content_terms(after.group(1))):
        return True
    compound = _NEXT_WORD.match(sentence, span.end)  # "Microsoft's OpenAI alliance": the name qualifies the noun
    if compound is not None and any(derived(t, stem) for t in content_terms(compound.group(1))):
        return True
    before = _QUALIFIED_BEFORE.search(sentence, 0, span.start)
    return before is not None and any(derived(t, stem) for t in content_terms(before.group(1)))


def _common_doer(sentence: str, aligned: Aligned, q: QuestionAnalysis, q_terms: frozenset[str]) -> Span | None:
    """The aligned constituent of a "who" question where it names no one by name: a common-noun phrase ("vote
    clerk", "congresses and presidents"), not a generic one ("the company"), at most MAX_ALIGNED_WORDS; else None."""
    whole = _aligned_answer(sentence, aligned, dataclasses.replace(q, span_kind="other"), q_terms)
    if whole is None or whole.text[:1].isupper():
        return None
    terms = content_terms(whole.text)
    if set(terms) <= GENERIC_NAME_TERMS | GENERIC_DOERS:
        return None
    return whole


_ROMAN = re.compile(r"[IVXLC]{2,}")  # "II", "XIV": a numeral left alone of a name is no name

# the word classes (spaCy's universal tags) of a sentence's first word that cannot answer "who" or "where" alone:
# adverbs, prepositions, conjunctions, pronouns, verbs ("Earlier Viking settlers", "From a poll", "All declared")
NAMELESS_OPENERS = frozenset({"ADV", "ADP", "SCONJ", "CCONJ", "PRON", "VERB", "AUX", "PART", "INTJ"})
DETERMINED_REACH = 2  # words from a determiner to the noun it determines ("Any member", "Each new member")


def _first_word(sentence: str, span: Span) -> Span | None:
    """A lone capitalized first word as a candidate, by the sentence's parse: None where its class names no one; a
    determiner with the noun it determines ("Any member" for "Any"); else the word itself."""
    doc = parse(sentence)
    if doc is None or not len(doc) or doc[0].idx != span.start:
        return span
    first = doc[0]
    if first.pos_ in NAMELESS_OPENERS:
        return None
    head = first.head
    if first.pos_ == "DET" and head.pos_ in ("NOUN", "PROPN") and 0 < head.i - first.i <= DETERMINED_REACH:
        end = head.idx + len(head.text)
        return Span(span.start, end, sentence[span.start : end], span.kind)
    return span if first.pos_ != "DET" else None


@lru_cache(maxsize=1)
def _quantity_stems() -> frozenset[str]:
    return frozenset(t for w in QUANTITY_NOUNS for t in content_terms(w))


def _names_entity(text: str, entities: Sequence[str]) -> bool:
    """Whether a name's tail holds a question name's last word ("Harold II" of "King Harold II")."""
    terms = set(content_terms(text))
    return any((last := content_terms(e)[-1:]) and last[0] in terms for e in entities)


# a place preposition right before a span: "in Edinburgh", "across Asia", "at the Battle of Hastings"; or before the
# list the span is in: "from Denmark, Iceland and Norway"
_LISTED_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
# a lone word of a people or a place, used as an adjective before a noun ("Byzantine hands", "Thai/Japanese alliance")
_ADJECTIVAL = re.compile(r"[A-Z][a-z]+(?:ish|ese|ian|ean|ine|i|eek|ch)")
_NOUN_AFTER = re.compile(r"(?:/[A-Z][a-z]+)?\s+(?!(?:and|or|nor|but|in|of|on|at|to|for|with|from|by|as|is|was|were|are|has|had|have|the|a|an)\b)[a-z]")
_AT_PLACE = re.compile(r"\b(?i:" + "|".join(sorted(PLACE_PREPOSITIONS)) + r")\s+(?:(?i:the)\s+)?(?:" + _LISTED_NAME + r"){0,4}$")
# the agent of a passive right before a span: "stopped by the Byzantine general Alexius Komnenos", "by Sweyn Forkbeard"
_BY_AGENT = re.compile(r"\bby\s+(?:(?:the|an?)\s+)?(?:[A-Za-z][\w-]*\s+){0,2}$")
AGENT_FACTOR = 0.5  # a name that is the agent of a passive is that much nearer for a "who" question: the doer


_QUOTATION = re.compile(r"(?<!\w)(['\"‘“])([^'\"‘’“”]{2,60}?)(['\"’”])(?!\w)")
MAX_QUOTED_WORDS = 6  # a longer quotation is a statement, not a term
QUOTED_FACTOR = 0.5  # a quoted term is that much nearer to the question's words


def _quotations(sentence: str) -> list[Span]:
    """The short quoted terms of a sentence, without their quotes."""
    out = []
    for m in _QUOTATION.finditer(sentence):
        text = m.group(2).strip(" ,.;:")
        if text and len(text.split()) <= MAX_QUOTED_WORDS:
            start = m.start(2) + m.group(2).index(text)
            out.append(Span(start, start + len(text), text, "other"))
    return out


def _quoted(sentence: str, span: Span) -> bool:
    """Whether the span is all that stands between quotes ("the 'Token Economy,' where")."""
    before = sentence[span.start - 1 : span.start]
    after = sentence[span.end : span.end + 2].lstrip(",.;:")
    return before in QUOTES and after[:1] in QUOTES


QUOTES = frozenset("'\"‘’“”")


def _fresh(spans: Sequence[Span], q_terms: frozenset[str]) -> list[Span]:
    """The spans without the question's own words at their edges; those made of nothing else are left out."""
    out = []
    for span in spans:
        terms = content_terms(span.text)
        if terms and not all(t in q_terms for t in terms):
            out.append(_without_question_words(span, q_terms))
    return out


_ONE_OF = re.compile(r"\b[Oo]ne\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)")  # "one member", "one new member"


def nearest_span(sentence: str, q: QuestionAnalysis, weights: TermWeights | None, spans: Sequence[Span]) -> Span | None:
    """Of `spans` (found in `sentence` by another reading than `candidate_spans`), the one nearest the question's words."""
    return _nearest(sentence, q, _term_set(q.terms), weights, spans)


_CONDITION_TERMS = frozenset(content_terms("milestone milestones contingent conditional condition conditions tied linked depends dependent trigger unlock"))


def _nearest(
    sentence: str, q: QuestionAnalysis, q_terms: frozenset[str], weights: TermWeights | None, keep: Sequence[Span],
    headless: AbstractSet[tuple[int, int]] = frozenset(),
) -> Span | None:
    """The candidate nearest to the question's words in the sentence (rarer words pull harder)."""
    if not keep:
        return None
    if len(keep) == 1:  # nothing to choose between (most sentences of a figure question)
        return _of_people(sentence, _titled_name(sentence, keep[0])) if q.answer_type == "person" else keep[0]
    starts, word_terms = _words(sentence)
    positions: dict[str, list[int]] = {}
    # a figure asked for: the question's numbers ("in 2012-13") place the sentence, not the figure in it
    figure_asked = q.span_kind in FIGURE_TYPES
    for i, term in enumerate(word_terms):
        if term in q_terms and not (figure_asked and term.isdigit()):
            positions.setdefault(term, []).append(i)
    wanted = q.bounds
    if not positions:
        return next((k for k in keep if k.figure is not None and k.figure.qualifier in wanted), keep[0])
    # squared weights: a rare word next to the span ("President Daniela Amodei") outweighs a common one
    pulls = [(weights.get(term, 1.0) ** 2 if weights else 1.0, spots) for term, spots in positions.items()]

    def word_range(span: Span) -> tuple[int, int]:
        first = bisect.bisect_right(starts, span.start) - 1
        last = bisect.bisect_left(starts, span.end) - 1
        return max(0, first), max(0, last)

    follows = _follows(q.stranded) if q.stranded else None
    doer = frozenset(content_terms(q.actor)) if q.actor and follows is not None else frozenset()
    kind_asked = q.span_kind
    # money put in or paid, asked without a ceiling (not "How much ... is contingent on milestones?", nor "the
    # milestone-linked portion of Amazon's investment": money on a condition is a ceiling)
    moved = gives_money(q.terms) and not q.terms & _CONDITION_TERMS

    def word_before(span: Span) -> str:
        i = bisect.bisect_right(starts, span.start) - 2
        return word_terms[i] if i >= 0 else ""

    def word_after(span: Span) -> str:
        i = bisect.bisect_left(starts, span.end)
        if i + 1 < len(word_terms) and sentence[starts[i] : starts[i] + 1].isdigit() and in_name(sentence, starts[i]):
            i += 1  # "Trainium 2 chips": the name's generation number stands before its noun
        return word_terms[i] if i < len(word_terms) else ""

    def distance(span: Span) -> float:
        # every question word seen in the sentence pulls toward the span nearest to it, rare words harder
        lo, hi = word_range(span)
        total = 0.0
        for pull, spots in pulls:
            gap = min(lo - i if i < lo else (i - hi if i > hi else 0) for i in spots)
            total += pull * gap
        if wanted and span.figure is not None and span.figure.qualifier in wanted:
            total *= 0.5
        elif not wanted and moved and span.figure is not None and span.figure.qualifier in BOUND_QUALIFIERS:
            total *= 2.0  # not asked for a ceiling: "up to another $20bn" is not the money put in
        if q.possessed and span.figure is None and owns(sentence, span, q.possessed):
            total *= CLASS_FACTOR  # "Which tech giant's alliance ...?": "Microsoft's OpenAI alliance"
        elif span.figure is None and (span.text.endswith(("'s", "’s")) or (span.start, span.end) in headless):
            total += POSSESSIVE_PENALTY  # "Anthropic's Claude models": a possessive qualifies, it rarely answers
        if follows is not None and (after := follows.search(sentence, max(0, span.start - STRANDED_REACH), span.start)) and not (
                done_by_other_at(sentence, after.start(), doer)):  # not "competitors running on" for Anthropic's running
            total *= STRANDED_FACTOR  # "... compete with?": the span right after "competes with"
        if kind_asked == "other" and span.figure is None and _quoted(sentence, span):
            total *= QUOTED_FACTOR  # a term the sentence quotes ("meaning 'empty land'") is what it is about
        elif kind_asked == "place" and span.figure is None and _quoted(sentence, span):
            total /= QUOTED_FACTOR ** 2  # a word quoted as a word is no place ('"Norman" comes from "Norseman"')
        if kind_asked == "place" and span.figure is None and _AT_PLACE.search(sentence, max(0, span.start - PLACE_REACH), span.start):
            total *= PLACE_FACTOR  # "Which regions ...?": "across Asia and Europe", not "Amazon Trainium" nearby
        if kind_asked == "place" and span.figure is None and _ADJECTIVAL.fullmatch(span.text) and _NOUN_AFTER.match(sentence, span.end):
            total /= PLACE_FACTOR  # "Where was Dyrrachium?": not "Byzantine" of "Byzantine hands", an adjective of a place
        if q.answer_type == "person" and span.figure is None and (
                _AT_PLACE.search(sentence, max(0, span.start - PLACE_REACH), span.start) or (" " not in span.text and DEMONYM.search(span.text))):
            total /= PLACE_FACTOR  # "Who ...?": not "in Syria", nor "French"
        if q.answer_type in ("person", "organisation") and span.figure is None and follows is None and _BY_AGENT.search(
                sentence, max(0, span.start - STRANDED_REACH), span.start):
            total *= AGENT_FACTOR  # "Who kicked Ethelred out?": "forced from his kingdom by Sweyn Forkbeard"
        if q.asked_class and span.kind != PHRASE and (
                q.asked_class in (word_before(span), word_after(span)) or _headed_by_class(span.text, q)
                or q.asked_class in (apposed := _apposed(sentence, span.end)) or len(apposed & q_terms) >= APPOSED_TERMS):
            # "What Shakespeare scholar ...?": the name beside "scholar", "the Wankel engine"; "Amazon Bedrock, the
            # managed service that ..." for "Which managed service ...?"; a name whose own head is the class ("What
            # act ...?": "The Scotland Act 1998")
            total *= CLASS_FACTOR
        return total

    best = min(keep, key=distance)
    return _of_people(sentence, _titled_name(sentence, best)) if q.answer_type == "person" else best


def _headed_by_class(name: str, q: QuestionAnalysis) -> bool:
    """Whether a name of two words or more ends in the class noun the question asks for, capitalized, a number after
    it aside ("What act ...?" and "Scotland Act 1998", "What river ...?" and "Charles River"); a word of the
    question's own names is no class ("What liberal succeeded Joseph Willard ...?")."""
    stem = q.asked_class
    if not stem or any(stem in content_terms(e) for e in q.entities):
        return False
    words = [w for w in name.split() if w[:1].isalpha()]
    return len(words) >= 2 and words[-1][:1].isupper() and content_terms(words[-1]) == [stem]


# an appositive right after a name: a comma, an article, up to two words, then its noun ("Amazon Bedrock, the managed
# service that ...", "Hervé, a Norman mercenary"), and the name its noun is of ("Azure — the primary cloud partner of
# OpenAI")
_APPOSITIVE = re.compile(r"\s*(?:,|—|–|--)\s*(?:the|a|an)\s+((?:[a-z][\w-]*\s*){1,3}(?:of\s+[A-Z][\w-]*)?)")


def _apposed(sentence: str, end: int) -> frozenset[str]:
    """The (stemmed) words of an appositive right after a span that ends at `end`: its first three, and a name after
    "of"."""
    m = _APPOSITIVE.match(sentence, end)
    return frozenset(content_terms(m.group(1))) if m is not None else frozenset()


# "Greek mathematician Hero of Alexandria", "Spanish architect Enric Miralles": a capitalized adjective, a role in
# lower case, then the name of the person
_AFTER_ROLE = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{1,2}}([A-Z][\w’'.-]*(?:\s+(?:{_CONNECT}\s+)*[A-Z][\w’'.-]*)*)")


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _titled_name(sentence: str, span: Span) -> Span:
    """For a person asked for: the name after a one-word capitalized adjective and a role ("Greek mathematician Hero
    of Alexandria" -> "Hero of Alexandria", not "Greek")."""
    if span.figure is not None or " " in span.text or not DEMONYM.search(span.text):
        return span
    m = _AFTER_ROLE.match(sentence, span.end)
    if m is None:
        return span
    name = m.group(1).rstrip(".’'")
    start = m.start(1)
    return Span(start, start + len(name), name, span.kind)


# plural nouns of who does something: traders, scholars, analysts, experts, officials
PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ars", "ants", "ysts", "perts", "cials")
_PEOPLE_AFTER = re.compile(r"\s+([a-z]+s(?:\s+and\s+[a-z]+s)?)\b")  # "Hamburg merchants and traders"


def _of_people(sentence: str, span: Span) -> Span:
    """For a person asked for: a name that only qualifies the plural noun after it is said with that noun, by the
    parse ("Hamburg merchants and traders", not "Hamburg")."""
    if span.figure is not None:
        return span
    m = _PEOPLE_AFTER.match(sentence, span.end)
    doc = parse(sentence) if m is not None else None
    if m is None or doc is None:
        return span
    last = next((t for t in doc if t.idx < span.end <= t.idx + len(t.text)), None)
    noun = next((t for t in doc if t.idx == m.start(1)), None)
    if last is None or noun is None or noun.tag_ != "NNS" or last.head.i != noun.i or last.dep_ not in ("compound", "amod", "nmod"):
        return span
    if not noun.lower_.endswith(PEOPLE_ENDINGS):
        return span  # "Amazon shares": a thing, not who
    return Span(span.start, m.end(1), sentence[span.start : m.end(1)], span.kind)


_OPENERS, _CLOSERS = "(\"'“‘", ",;:)\"'”’"


_POSSESSIVE = re.compile(r"(?<=\w)['’]s$")


def without_possessive(text: str) -> str:
    """A name given as an answer without the possessive it had in its sentence: "Watt's" (engine) -> "Watt"."""
    return _POSSESSIVE.sub("", text)


def tidy(span: Span) -> Span:
    """A phrase without a note mark and what follows it ("political focus.[further explanation" -> "political
    focus"), nor an unpaired bracket or quote, or a full stop, at its edges ("(trunnion" -> "trunnion")."""
    text, start = span.text, span.start
    mark = text.find("[")
    closers = _CLOSERS
    if mark > 0:
        text, closers = text[:mark], closers + "."  # the full stop before a note mark ends the sentence ("U.S." keeps its own)
    while text and text[0] in _OPENERS and not (text[0] == "(" and ")" in text):
        text, start = text[1:], start + 1
    while text and text[-1] in closers and not (text[-1] == ")" and "(" in text):
        text = text[:-1]
    text = text.rstrip()
    if not text or text == span.text:
        return span
    return Span(start, start + len(text), text, span.kind, span.figure)


def _aligned_answer(sentence: str, aligned: Aligned, q: QuestionAnalysis, q_terms: frozenset[str]) -> Span | None:
    """The aligned constituent as the whole answer, for a question whose answer need not be a name or asks for a
    place (WHOLE_ALIGNED_KINDS); None where it is longer than MAX_ALIGNED_WORDS or only repeats the question."""
    if q.span_kind not in WHOLE_ALIGNED_KINDS or q.asks_name:
        return None
    a, b = aligned.start, aligned.end
    whole = _without_question_words(tidy(Span(a, b, sentence[a:b], PHRASE)), q_terms, keep_numbers=True)
    terms = content_terms(whole.text)
    if not terms or all(t in q_terms for t in terms) or len(whole.text.split()) > MAX_ALIGNED_WORDS:
        return None
    return whole


@lru_cache(maxsize=1024)
def _follows(stranded: tuple[str, ...]) -> re.Pattern[str]:
    """A form of the question's closing verb and its preposition, ending right where a span starts."""
    verb, prep = stranded
    # "competes with the dominant NVIDIA": an article and up to two lower-case words between
    # the sentence may say the verb with another preposition ("compete against?" in "competes with NVIDIA")
    preps = "|".join(sorted({prep, *SAME_PREPOSITIONS.get(prep, ())}))
    return re.compile(rf"\b{re.escape(verb)}\w*\s+(?:{preps})\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){{0,2}}$")
