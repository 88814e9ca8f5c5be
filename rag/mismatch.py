"""What keeps the sentence nearest a question from answering it, though it shares the question's words:

- the question negates and the sentence does not ("Who did not charter the company?" against "The company was
  chartered by Elizabeth I");
- the question names a number that neither the sentence nor its neighbours say ("What happened in 1766?" against
  "in 1767");
- the question gives a span of time the sentence gives otherwise ("over the next five years" against "over the next
  decade");
- the question counts or ranks otherwise than the sentence ("the fifth session" against "the fourth Session",
  "Stage 4" against "Stage 3", "three months" against "one month");
- the answer is the subject of a negated verb ("Who owns Anthropic?" against "Amazon does not acquire a controlling
  stake");
- the question says a word whose opposite the sentence says instead ("Which party has the smallest share?" against
  "the largest party");
- the question puts what it asks in a place the sentence and its neighbours do not name ("revenue in Europe"
  against "annualized revenue of $30 billion").

Pure text logic: rag.analysis reads the question's side once, rag.answering checks the answer's sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

from rag.figures import durations_in_years, same_value
from rag.lexical import content_terms
from rag.negation import DENIAL, says_negation
from rag.opposites import words_of
from rag.places import names_place

MIN_NUMBER_DIGITS = 2  # "3" may be "three", "III" or a stage's number; "1766" or "231" is said as it is
# a number of at least two digits that is no money or share ("$38,000", "49%") and no part of a word ("WW2", "F-16")
_NUMBER = re.compile(r"(?<![$€£¥\w.,-])\d[\d,]*\d(?![\w%])")


def bare_numbers(question: str, figure_spans: Sequence[tuple[int, int]] = ()) -> tuple[str, ...]:
    """The numbers of at least MIN_NUMBER_DIGITS digits the question names, without commas, outside the spans of
    its measured figures ("10 GW"): ("1766",) for "What happened to the company in 1766?"."""
    return tuple(
        m.group().replace(",", "") for m in _NUMBER.finditer(question)
        if not any(start <= m.start() < end for start, end in figure_spans)
    )


def numbers_missing(numbers: Sequence[str], window: str) -> tuple[str, ...]:
    """The numbers a sentence and its neighbours (`window`) do not say; "10000" is said as "10,000", "1950" in
    "the 1950s"."""
    plain = re.sub(r"(?<=\d),(?=\d)", "", window)
    return tuple(n for n in numbers if not re.search(rf"(?<!\d){n}(?!\d)", plain))


CARDINALS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
             " seventeen eighteen nineteen twenty").split()
ORDINALS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth"
            " fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
ORDINAL = "ordinal"  # the kind of a rank ("fifth", "21st"); a count's kind is CARDINAL, a label's its word ("stage")
COUNTED_CACHE = 4096  # texts (sentences, windows, questions) whose counts are kept
CARDINAL = "cardinal"
_TOKEN = re.compile(r"\b([A-Za-z]+)\s+(\d{1,2})\b(?![.,]\d|\s*%)|\b(\d{1,2})(st|nd|rd|th)\b|\b([A-Za-z]+)\b")
# a word a number may label: "Stage 4", "Schedule 6", "Article 50" (the number is then no count)
LABELS = frozenset("stage schedule article section chapter part phase session round book act volume".split())


@lru_cache(maxsize=COUNTED_CACHE)
def counted(text: str) -> tuple[tuple[str, int], ...]:
    """The counts and ranks a text says, as (kind, value): ("ordinal", 5) for "the fifth session" or "5th",
    ("cardinal", 3) for "three months", ("stage", 4) for "Stage 4". "One" and "first" count in a sentence; a question
    that says them asks nothing of a number ("one of the reasons", "when was it first used")."""
    out = []
    for m in _TOKEN.finditer(text):
        if m.group(2) is not None:
            label = m.group(1).lower()
            if label in LABELS:
                out.append((label, int(m.group(2))))
            elif label in CARDINALS or label in ORDINALS:
                out.append((CARDINAL if label in CARDINALS else ORDINAL, (CARDINALS if label in CARDINALS else ORDINALS).index(label)))
        elif m.group(3) is not None:
            out.append((ORDINAL, int(m.group(3))))
        else:
            word = m.group(5).lower()
            if word in CARDINALS:
                out.append((CARDINAL, CARDINALS.index(word)))
            elif word in ORDINALS:
                out.append((ORDINAL, ORDINALS.index(word)))
    return tuple(out)


# how many answers a question asks for, which no sentence need say: "Which two Chinese companies ...?", "Name three ..."
_ANSWERS_ASKED = re.compile(rf"\b(?:which|what|name|list|identify|give)\s+(?:the\s+)?({'|'.join(CARDINALS[2:])})\b", re.IGNORECASE)


def without_answers_asked(text: str) -> str:
    """The question without the number of answers it asks for, which is no word an answer's sentence says ("Which two
    Big Tech rivals ...?" -> "Which Big Tech rivals ...?")."""
    return _ANSWERS_ASKED.sub(lambda m: m.group(0)[: m.start(1) - m.start()].rstrip(), text)


def answers_asked_at(text: str) -> tuple[tuple[int, int], ...]:
    """Where a question says how many answers it asks for: the (start, end) of "two" in "Which two companies ...?"."""
    return tuple(m.span(1) for m in _ANSWERS_ASKED.finditer(text))


def asked_counts(question: str) -> tuple[tuple[str, int], ...]:
    """The counts and ranks a question asks of (rag.analysis): counted() but for one and first, and but for the
    number of answers it asks for ("Which two companies ...?")."""
    out = [c for c in counted(question) if not (c[0] in (CARDINAL, ORDINAL) and c[1] <= 1)]
    for m in _ANSWERS_ASKED.finditer(question):
        asked = (CARDINAL, CARDINALS.index(m.group(1).lower()))
        if asked in out:
            out.remove(asked)
    return tuple(out)


_SUCCESSION = re.compile(r"\b(?:followed|succeeded)\s+by\b", re.IGNORECASE)  # what comes next after a rank said


def count_swapped(counts: Sequence[tuple[str, int]], sentence: str, window: str) -> bool:
    """Whether the sentence counts or ranks otherwise than the question: a count or rank of the question that no
    word of the window says (in words or figures: "three", "3"; "fifth", "5th"), where the sentence says another of
    its kind ("the fifth session" against "the fourth Session")."""
    near, said = counted(window), counted(sentence)
    digits = {int(d) for d in re.findall(r"(?<![\d.,])\d{1,2}(?![\d.,])", window)}
    succeeds = _SUCCESSION.search(sentence) is not None
    for kind, value in counts:
        if (kind, value) in near or (kind == CARDINAL and value in digits):
            continue
        if succeeds and kind == ORDINAL and (ORDINAL, value - 1) in said:
            continue  # "That first commitment was followed by an additional $2.75 billion": the second is said
        if any(k == kind and v != value for k, v in said):
            return True
    return False


# right after a name: an auxiliary negated, or "never" ("Amazon does not acquire", "the Acts ... do not begin")
_DENIED_AFTER = re.compile(
    r"^\W{0,2}\s*(?:(?:does|did|do|has|have|had|is|was|were|are|will|would|could|can|may|might|should)\s*(?:not\b|n[’']t\b)"
    r"|never\b|cannot\b|can[’']t\b|won[’']t\b)(?!\s+(?:only|just|merely)\b)",  # "is not only an investor but ..." denies nothing
    re.IGNORECASE,
)


# what ends a clause: the negation of another clause denies nothing of the answer's
_CLAUSE_BREAK = re.compile(r"[;:.!?—–]|,\s*(?:but|while|whereas|although|though|which|who)\b|\s(?:but|while|whereas|although|though)\s")


def denied(sentence: str, end: int, asked: AbstractSet[str] = frozenset()) -> bool:
    """Whether the words after an answer that ends at `end` negate what it does: right after it ("Amazon does not
    acquire a controlling stake" names no owner of Anthropic), or before the first word of `asked` (the question's
    terms, rag.lexical stems) in its clause ("Amazon holds a minority stake and does not have a board seat" names
    no holder of a board seat)."""
    rest = sentence[end:]
    if _DENIED_AFTER.match(rest):
        return True
    if not asked:
        return False
    clause = rest[: m.start()] if (m := _CLAUSE_BREAK.search(rest)) else rest
    for word in re.finditer(r"[A-Za-z][\w-]*", clause):
        if set(content_terms(word.group())) & asked:
            return bool(DENIAL.search(clause[: word.start()]))
    return False


# a span of time in a name ("the Seven Years' War", "Hundred Years' War") is no span the text gives
_NAMED_SPAN = re.compile(r"\b[A-Z][a-z]+[- ](?:Years?|Months?|Weeks?|Days?|Decades?)(?:['’]s?)?(?=\s+[A-Z])")
_RANGE = re.compile(r"\d\s*(?:-|–|to)\s*\d")  # "6 to 18 months" and "6-18 months" are read as different lengths


def spans_of_time(text: str) -> tuple[float, ...]:
    """The spans of time a text gives, in years (rag.figures.durations_in_years), but those of names; none where it
    gives a range."""
    text = _NAMED_SPAN.sub(" ", text)
    return () if _RANGE.search(text) else tuple(durations_in_years(text))


def lasts_otherwise(durations: Sequence[float], sentence: str, window: str) -> bool:
    """Whether the sentence gives a span of time and none of the question's (`durations`, from spans_of_time), and
    its neighbours do not give the question's either: "over the next decade" against "five years"."""
    said = spans_of_time(sentence)
    if not durations or not said:  # a sentence that gives a range gives no one span (spans_of_time)
        return False
    near = said + spans_of_time(window)
    return not any(same_value(d, n) for d in durations for n in near)


# what names the members of a class after its noun: "milestones such as ...", "milestones, including ...", "milestones:"
_NAMING_AFTER = re.compile(r"[\w-]*\s*(?:such\s+as|including|like|namely|[:(]|—\s*(?:[A-Z\d]|such|including))")
_WORD_AT = re.compile(r"[A-Za-z][\w-]*")


def only_in_general(sentence: str, stem: str) -> bool:
    """Whether the sentence says the class noun of `stem` ("commercial milestones") and names none of its members
    after it: "Which specific milestones unlock the extra $20bn?" is not answered by "tied to commercial milestones"."""
    said = [m for m in _WORD_AT.finditer(sentence) if content_terms(m.group())[:1] == [stem]]
    return bool(said) and not any(_NAMING_AFTER.match(sentence, m.start()) or _NAMED_BEFORE.search(sentence, 0, m.start()) for m in said)


_NAMED_BEFORE = re.compile(r"(?<![.!?:]\s)\b[A-Z][\w-]*\d*\s+$")  # "Trainium chips", "Claude models": a member named before the noun


def contradicted(opposed: Sequence[tuple[frozenset[str], frozenset[str]]], sentence: str, window: str) -> bool:
    """Whether the sentence says the opposite of a word the question says (rag.opposites.opposed_words), and neither
    it nor its neighbours say the question's word."""
    said, near = words_of(sentence), words_of(window)
    return any(not near & side and said & other for side, other in opposed)


def unanswered(
    negated: bool, numbers: Sequence[str], opposed: Sequence[tuple[frozenset[str], frozenset[str]]], sentence: str, window: str,
    counts: Sequence[tuple[str, int]] = (), durations: Sequence[float] = (), places: Sequence[str] = (), specified: str = "",
) -> str:
    """Why the sentence does not answer the question, or "": "negation", "number", "count", "duration", "opposite",
    "place" or "unspecified"."""
    if specified and only_in_general(sentence, specified):
        return "unspecified"
    if negated and not says_negation(sentence):
        return "negation"
    if numbers_missing(numbers, window):
        return "number"
    if count_swapped(counts, sentence, window):
        return "count"
    if lasts_otherwise(durations, sentence, window):
        return "duration"
    if contradicted(opposed, sentence, window):
        return "opposite"
    if any(not names_place(window, place) for place in places):
        return "place"
    return ""
