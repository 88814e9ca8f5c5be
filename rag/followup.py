"""Follow-up questions without an LLM: a question that leans on the previous turn borrows its words."""

from __future__ import annotations

import re
from functools import lru_cache

from rag.analysis import QuestionAnalysis, analyse
from rag.lexical import GENERIC_NAME_TERMS, LIGHT_TERMS, content_terms, specific_names
from rag.mismatch import without_answers_asked
from rag.parts import bare_followup
from rag.phrases import parse
from rag.roles import TITLE_WORDS
from rag.spans import FIGURE_TYPES
from rag.timewords import MONTHS, years_in
from rag.units import BY_NAME, DURATION_UNITS

PREVIOUS_CACHE = 256  # previous questions whose analysis is kept: each follow-up reader reads the same one


@lru_cache(maxsize=PREVIOUS_CACHE)
def _previous_analysis(previous: str) -> QuestionAnalysis:
    """The previous question's analysis, read once for the follow-up readers (and again for the next turn)."""
    return analyse(previous)


_CONTINUING = re.compile(r"^(?:and|but|also|so|then|what about|how about|and what|and how)\b", re.IGNORECASE)
_REFERS_BACK = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those|he|she|his|her|in return|the deal|the company|the same|"
                          r"the rest|the remainder|the balance)\b",
                          re.IGNORECASE)
MIN_OWN_TERMS = 2


def contextualize(q: QuestionAnalysis, previous: str | None) -> str:
    """The text to search with: the short form an expansion question names, the question itself, or the question followed by the previous one when it
    starts like a continuation ("and ..."), refers back ("it", "in return") or is too short to stand alone."""
    if q.acronym:  # "What does AWS stand for?": the sentences that hold the short form, whatever the frame's words
        return q.acronym
    # "Besides Amazon, which companies are named as investors?": the sentences about the others, not about Amazon
    text = without_answers_asked(q.text[len(q.set_aside) :] if q.set_aside else q.text)  # "two" of "Which two ...?"
    if not previous:
        return text
    if _REFERS_BACK.search(q.text) or len(q.terms) < MIN_OWN_TERMS or (_CONTINUING.match(q.text) and not _stands_alone(q)):
        return f"{text} {previous}"
    return text


def asks_on_its_own(q: QuestionAnalysis) -> bool:
    """Whether a question read with the one before names what it asks of and refers back to nothing ("and who's
    the Amazon CEO?", "how many customers does Claude have?"): the turn before may widen its search, but an answer
    only the turn's words found is none of it."""
    specific = specific_names(q.entities)
    return bool(specific) and not _REFERS_BACK.search(q.text)


def _stands_alone(q: QuestionAnalysis) -> bool:
    """Whether a question that opens as a continuation names all it asks of: "And Amazon's OpenAI investment?" (a
    name owns the thing asked, and another name says of what), not "And Google?"."""
    return _NAMES_OWNED_NAMED.search(q.text) is not None


# a name's thing named by another name: "Amazon's OpenAI investment", "Google's Gemini models"
_NAMES_OWNED_NAMED = re.compile(r"(?-i:[A-Z])[\w&.-]*['’]s\s+(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*)*\s+[a-z]{3,}")


# "What about Google?", "And Microsoft?", "How about for OpenAI?": the previous question asked of another name
# "And Amazon in OpenAI?", "What about Google in Anthropic?": both names of the previous question replaced
_CAPITALIZED = r"(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*)*"  # "OpenAI", "Amazon Web Services"
_OTHER_NAME = re.compile(
    r"^\W*(?:and\s+)?(?:(?:what|how)\s+about\s+(?:for\s+)?|and\s+(?:for\s+)?)(?P<name>[A-Za-z][\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*)*)"
    rf"(?:\s+(?:in|into|with|for|from|at|to|of)\s+(?P<second>{_CAPITALIZED}))?\W*$",
    re.IGNORECASE,
)


# "Mistral?", "OpenAI in Microsoft?": a name alone, asked, after a turn: the previous question of that name
_BARE_NAME = re.compile(
    r"^\W*(?P<name>(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,3})"
    rf"(?:\s+(?:in|into|with|for|from|at|to|of)\s+(?P<second>{_CAPITALIZED}))?\s*\?+\s*$"
)


def names_another(text: str, bare: bool = False) -> bool:
    """Whether a question only names another name for the previous one ("And Microsoft?", "What about Google?"; with
    `bare`, also a name alone: "Mistral?", which may as well ask of the name on its own)."""
    m = _OTHER_NAME.match(text) or (_bare_name(text) if bare else None)
    return m is not None and _is_name(m.group("name")) and len(m.group("name").split()) <= MAX_OTHER_NAME_WORDS


def _bare_name(text: str) -> re.Match[str] | None:
    """A name alone, asked ("Mistral?"): not a question word ("When?"), nor a title ("Anthropic CEO?")."""
    m = _BARE_NAME.match(text)
    if m is None or any(re.split(r"['’]", w.lower())[0] in _NOT_BARE_NAMES for w in m.group("name").split()):
        return None
    return m


_NOT_BARE_NAMES = frozenset(TITLE_WORDS) | frozenset(
    "what which who whom whose when where why how is are was were do does did has have had can could will would should "
    "and but so or yes no ok okay really source sources true false right wrong seriously".split()
)


MAX_OTHER_NAME_WORDS = 4  # "And Amazon Web Services?"; more is a question of its own ("And how much did Google ...?")


def _is_name(name: str) -> bool:
    return bool(name) and (name[0].isupper() or any(c.isupper() for c in name[1:]))


_CONTINUES = re.compile(r"^\W*(?:and|but|also|what about|how about)\b", re.IGNORECASE)


def needs_previous(q: QuestionAnalysis) -> bool:
    """Whether a question cannot stand alone: it only names another name ("And Microsoft?"), or it continues
    another question in fewer than MIN_OWN_TERMS words of its own ("And in 2024?")."""
    own = q.terms - _CONTINUING_TERMS
    return names_another(q.text) or (_CONTINUES.match(q.text) is not None and len(own) < MIN_OWN_TERMS)


_CONTINUING_TERMS = frozenset(content_terms("and but also about"))  # the words that continue, not of the question


def with_other_name(text: str, previous: str) -> str | None:
    """ "What about Google?" after "How much has Microsoft invested in OpenAI?": "How much has Google invested in
    OpenAI?", the previous question with its main name (the one that acts, else owns, else the first) replaced.
    None where the question is not of that form, names no name, or the previous question has none."""
    if (placed := _OTHER_OBJECT.match(text)) is not None:
        return _with_other_object(placed.group("prep"), placed.group("name"), previous)
    m = _OTHER_NAME.match(text) or _bare_name(text)
    if m is None:
        return None
    name = re.sub(r"['’]s?$", "", m.group("name"))
    if not _is_name(name) or _DETERMINED.match(name):
        return None  # "What about the revenue?", "And the CEO?": not a name (with_other_noun)
    before = _previous_analysis(previous)
    main = before.actor or next(iter(before.owners), "") or next(iter(before.entities), "")
    if not main or main.lower() == name.lower():
        return None
    second = m.group("second")
    other = next((e for e in before.entities if e != main), "") if second else ""
    if second and (not other or not _is_name(second)):
        return None  # "And Amazon in OpenAI?" after a question of one name: nothing to put OpenAI in place of
    swapped, n = re.subn(rf"\b{re.escape(main)}\b", "\0", previous, count=1)
    if other:
        swapped = re.sub(rf"\b{re.escape(other)}\b", second, swapped, count=1)
    return swapped.replace("\0", name) if n else None


# "And in Anthropic?", "What about into Google?": the name after that preposition in the previous question replaced
_OTHER_OBJECT = re.compile(
    r"^\W*(?:and\s+|(?:what|how)\s+about\s+)(?P<prep>in|into|with|for|from|at|to|on|by)\s+"
    rf"(?P<name>{_CAPITALIZED})\W*$",
    re.IGNORECASE,
)


# the name an act was done to, last in a question: "... put into OpenAI?", "... invested in Anthropic?"
_TARGET_LAST = re.compile(rf"\s+(?:in|into|to|with|from|on|for)\s+{_CAPITALIZED}(?=\s*[?.!]*\s*$)")


def without_target(text: str) -> str | None:
    """ "How much has Google put into OpenAI?" without the name it was done to: "How much has Google put?"; None where
    the question ends in no such name."""
    m = _TARGET_LAST.search(text)
    return None if m is None else f"{text[: m.start()].rstrip()}?"


def with_other_target(text: str, previous: str) -> str | None:
    """ "What about Anthropic?" after "How much did Amazon invest in OpenAI?", read as the party it was done to:
    "How much did Amazon invest in Anthropic?" (the first name after a preposition replaced); None where the
    question only names no other name, or the previous question names none after a preposition."""
    m = _OTHER_NAME.match(text) or _bare_name(text)
    if m is None or m.group("second") or not names_another(text, bare=True):
        return None
    name = re.sub(r"['’]s?$", "", m.group("name"))
    placed = re.search(rf"\b(?:in|into|with|for|from|at|to|on)\s+(?:the\s+)?(?P<name>{_CAPITALIZED})", previous)
    if placed is None or placed.group("name").lower() == name.lower():
        return None
    return previous[: placed.start("name")] + name + previous[placed.end("name") :]


def _with_other_object(prep: str, name: str, previous: str) -> str | None:
    """ "When did Amazon invest in Anthropic?" for "And in Anthropic?" after "When did Amazon invest in OpenAI?": the
    first name after the same preposition in the previous question replaced; None where it has none there."""
    m = re.search(rf"\b{re.escape(prep)}\s+(?:the\s+)?{_CAPITALIZED}", previous, re.IGNORECASE)
    if m is None:
        return None
    return previous[: m.start()] + f"{m.group()[: len(prep)]} {name}" + previous[m.end() :]


_DETERMINED = re.compile(r"^(?:the|its|their|his|her|a|an)\s+", re.IGNORECASE)
# "And the CEO?", "What about its valuation?": the previous question asked of another thing
_OTHER_NOUN = re.compile(
    r"^\W*(?:and\s+)?(?:(?:what|how)\s+about\s+|and\s+)(?:the|its|their|his|her)\s+(?P<noun>[\w-]+(?:\s+[\w-]+)?)\W*$",
    re.IGNORECASE,
)


def with_other_noun(text: str, previous: str) -> str | None:
    """ "And the CEO?" after "Who is the president of Anthropic?": "Who is the CEO of Anthropic?", the previous
    question with the word for what it asked (its measure, or the class it asked for) and the words that qualify it
    replaced; "What about its valuation?" after "What is Anthropic's annual revenue?": "What is Anthropic's
    valuation?". None where the question is not of that form or the previous question's asked word is not found."""
    m = _OTHER_NOUN.match(text)
    if m is None:
        return None
    before = _previous_analysis(previous)
    asked = before.measure or before.asked_class
    doc = parse(previous) if asked else None
    # a noun ("the president of", "annual revenue"), not the verb "invest" of "How much did Amazon invest?"
    word = next((t for t in doc if t.pos_ in ("NOUN", "PROPN") and content_terms(t.text) == [asked]), None) if doc is not None else None
    if word is None or word.lower_ == m.group("noun").lower():
        return None
    # with the words that qualify it: "its valuation" after "annual revenue" asks no annual valuation
    first = min((c for c in word.lefts if c.dep_ in ("amod", "compound", "nmod")), key=lambda c: c.i, default=word)
    return previous[: first.idx] + m.group("noun") + previous[word.idx + len(word.text) :]


_IT = re.compile(r"\b(?:it|its)\b|\bthe\s+(?:company|firm|startup|lab)(?:['’]s)?(?=\W|$)"
                 # "Which models can you use there?": "there" closing the question, after a verb (not "Is there ...?")
                 r"|(?<=[a-z] )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )there(?=\s*\?*\s*$)", re.IGNORECASE)


# the source a question names: "..., according to the Hamidun News article?", "In the AI Business piece, ..."
_NAMED_SOURCE = re.compile(r"\b(?:according\s+to|in|from)\s+(?P<source>(?:the|that|this)\s+(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*)*"
                           r"\s+(?:article|piece|story|report|coverage|write-up))\b", re.IGNORECASE)
# a source said "it" for as the subject of a verb of saying: "What does it say about the length of the partnership?"
_IT_SAYS = re.compile(r"(?:(?<=\bdoes\s)|(?<=\bdid\s)|(?<=\bdo\s))(?:it|that\s+one|this\s+one)(?=\s+(?:say|report|write|mention|claim|state|add|give)\b)",
                      re.IGNORECASE)


def with_source(text: str, previous: str) -> str | None:
    """ "What does the Hamidun News article say about the length of the partnership?" for "What does it say about
    the length of the partnership?" after a question that named that article as its source; None where the question
    says no "it" for a source, or the previous question named none."""
    said = _IT_SAYS.search(text)
    source = _NAMED_SOURCE.search(previous)
    if said is None or source is None:
        return None
    name = re.sub(r"^(?:that|this)\b", "the", source.group("source"), flags=re.IGNORECASE)
    return f"{text[: said.start()]}{name}{text[said.end():]}"


# "it" as a subject: after an auxiliary ("is it", "did it") or opening the question
_IT_SUBJECT = re.compile(r"\b(?:is|was|does|did|has|had|will|would|can|could)\s+it\b|^\W*(?:and\s+|but\s+)?it\b", re.IGNORECASE)


def with_referent(text: str, previous: str) -> str | None:
    """ "Are its models open-source?" after "How much does Meta spend on AI infrastructure?": "Are Meta's models
    open-source?", "it" and "its" read as the one name the previous question gives (of two, "it" could be either:
    None), where this question does not give that name itself. None where there is no "it" or no such name."""
    if not _IT.search(text):
        return _with_person(text, previous)
    before = _previous_analysis(previous)
    # names, not "AI" nor the role asked ("the CEO of Anthropic")
    names = [e for e in before.entities if not set(content_terms(e)) <= GENERIC_NAME_TERMS | before.roles]
    if len(names) > 1 and before.actor in names and _IT_SUBJECT.search(text):
        # "And how much is it investing in Anthropic?" after "How much did Amazon invest in OpenAI?": "it" as the
        # subject stands for the one that acted in the question before (Amazon), not for what it acted on
        names = [before.actor]
    if len(names) != 1 or names[0].lower() in text.lower() or not names[0][:1].isupper():
        return None
    return _named(text, names[0])


# "What did he say about the deal?" after "Who's Dario Amodei?": a person the question before names
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him)\b|\b(?:his|her)\b", re.IGNORECASE)
_PERSON_NAME = re.compile(r"^(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+){1,2}$")  # "Dario Amodei": a first name and a surname


def _with_person(text: str, previous: str) -> str | None:
    """ "he", "she", "him", "his", "her" written as the one person's name the previous question gives; None where
    the question says none of them or the question before names no one person."""
    if not _PERSON_PRONOUN.search(text):
        return None
    people = [e for e in _previous_analysis(previous).entities if _PERSON_NAME.match(e)]
    if len(people) != 1 or people[0].lower() in text.lower():
        return None
    name = people[0]
    return _PERSON_PRONOUN.sub(lambda m: f"{name}'s" if m.group().lower() == "his" else name, text, count=1)


def _named(text: str, name: str) -> str:
    """ "it", "its", "the company('s)" written as the name."""
    return _IT.sub(lambda m: f"{name}'s" if m.group().lower().endswith(("its", "'s", "’s")) else f"in {name}"
                   if m.group().lower() == "there" else name, text)


def referent_readings(text: str, previous: str) -> list[str]:
    """ "Is it still independent?" after "Does Amazon get a board seat at Anthropic?": the question read with each name
    of the previous one for "it" ("Is Anthropic still independent?", "Is Amazon still independent?"), the last named
    first, where "it" could be either (with_referent reads the one name); [] where there is no "it" or fewer than two
    names it could stand for."""
    if not _IT.search(text):
        return []
    before = _previous_analysis(previous)
    names = [e for e in before.entities if not set(content_terms(e)) <= GENERIC_NAME_TERMS | before.roles and e[:1].isupper()]
    if len(names) < 2 or any(n.lower() in text.lower() for n in names):
        return []
    return [_named(text, n) for n in reversed(names)]


# the verbs a figure is the subject of where a question asks what it did to another ("What did that bring the total to?")
_AUXILIARIES = ("did", "does", "do", "will", "would", "could", "can", "might", "has", "had", "have")  # (a lookbehind each)
_FIGURE_VERBS = r"(?:bring|take|push|lift|raise|put|leave|make|amount|add|represent|cost|cover)"
# what a sum comes to: "What did that add up to?" asks the total it brought ("bringing the total to $4 billion")
_ADDS_UP = re.compile(r"\b(?:add|adds|added)\s+up\s+to\b|\b(?:amount|amounts|amounted)\s+to\b", re.IGNORECASE)
# "that" or "this" standing for the previous answer: at the end, or before a preposition or "compare"; "it" at the
# end ("What chips will provide it?" after "up to 5 gigawatts", where "it" is no name of the question before)
_THAT = re.compile(r"\b(?:that|this)\b(?=\s*(?:[?.!]|$|(?:in|on|for|to|with|against|of|by|compared?|compares|mean|means)\b))"
                   r"|(?<=\w\s)it(?=\s*[?.!]*\s*$)"
                   # "What did that bring the total to?": the subject of a verb that moves or weighs a figure
                   r"|(?:" + "|".join(rf"(?<=\b{aux}\s)" for aux in _AUXILIARIES) + rf")(?:that|this)(?=\s+{_FIGURE_VERBS}\b)",
                   re.IGNORECASE)


def refers_to_answer(text: str) -> bool:
    """Whether a question says "that" or "this" for the previous answer ("How big is that in everyday terms?")."""
    return _THAT.search(text) is not None


def with_answer(text: str, answer: str) -> str | None:
    """ "How big is that in everyday terms?" after the answer "up to 5 gigawatts": "How big is up to 5 gigawatts in
    everyday terms?", the previous answer's figure in place of "that"; None where the question has no such "that"."""
    if not answer or not refers_to_answer(text):
        return None
    return _THAT.sub(answer, _ADDS_UP.sub("bring the total to", text), count=1)


_MONTH_WORDS = "|".join(m.capitalize() for m in MONTHS)
_TIME = rf"(?:in|during|by|for|since)\s+(?:(?:early|mid|late)[- ]?)?(?:(?:{_MONTH_WORDS})\s+)?\d{{4}}"
# "And in 2024?", "What about in early 2024?": the previous question asked of another time
_OTHER_TIME = re.compile(rf"^\W*(?:(?:and|but|what\s+about|how\s+about)\s+)?(?P<time>{_TIME})\W*$", re.IGNORECASE)  # also bare: "In 2024?"
_TIME_IN = re.compile(rf"\s+{_TIME}\b", re.IGNORECASE)
# what only the previous time was: "first", "initial" (the first check was not the one of 2024)
_FIRST = re.compile(r"\s+(?:first|initial|initially|originally)\b", re.IGNORECASE)


def with_other_time(text: str, previous: str) -> str | None:
    """ "And in 2024?" after "How much was the first check?": "How much was the check in 2024?", the previous
    question with its time (and a "first" that only that time was) replaced; None where the question is not of that form."""
    m = _OTHER_TIME.match(text)
    if m is None:
        return None
    base = _FIRST.sub("", _TIME_IN.sub("", previous.strip().rstrip("?").rstrip()))
    return f"{base} {m.group('time')}?"


# "And Google, has it backed Anthropic?": a name set first, then a question that says "it" for it
_NAME_FIRST = re.compile(r"^\W*(?:and|but|what\s+about|how\s+about)\s+(?P<name>(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,3})\s*,\s*(?P<rest>.+)$",
                         re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|its|they|their|them)\b", re.IGNORECASE)


def with_name_first(text: str) -> str | None:
    """ "And Google, has it backed Anthropic?": "Has Google backed Anthropic?", the question with the name it sets first
    in place of its pronoun; None where the question is not of that form or says no pronoun."""
    m = _NAME_FIRST.match(text)
    if m is None or _PRONOUN.search(m.group("rest")) is None:
        return None
    name = m.group("name")
    rest = _PRONOUN.sub(lambda p: f"{name}'s" if p.group().lower() in ("its", "their") else name, m.group("rest"), count=1)
    return rest[0].upper() + rest[1:]


def restated(text: str, previous: str) -> str | None:
    """A follow-up as the question it stands for, or None where it is none of these: which of the subject ("Which
    ones?", which_ones), another name ("What about Google?"), another thing ("And the CEO?"), other wh-words ("When?", rag.parts.bare_followup), another time ("And in
    2024?"), a name set first ("And Google, has it ...?"), "it" for the one
    name of the question before."""
    return (which_ones(text, previous) or with_other_owned(text, previous) or with_other_name(text, previous)
            or with_other_noun(text, previous) or with_other_phrase(text, previous) or bare_followup(text, previous)
            or with_other_time(text, previous) or with_name_first(text) or with_referent(text, previous))


# a time, not an event: "before the end of the decade", "prior to the summer": a unit of time (the units table's
# durations), a month, or a word for a point or stretch of time
TIME_TERMS = frozenset(t for w in (*MONTHS, *(w for u in DURATION_UNITS for w in BY_NAME[u].words)) for t in content_terms(w)) | frozenset(
    content_terms("end start beginning close middle quarter deadline time period season summer winter spring autumn"))
# "... before the $5 billion deal?", "... prior to the latest round?": the time before an event the question names
# (not a year or a month: "before 2026" is dated by the figures' years)
_BEFORE_EVENT = re.compile(r"\s*,?\s+(?:before|prior to)\s+(?:the|this|that|its|their|his|her)\s+(?P<event>[^?]+?)\s*(?:\?|$)", re.IGNORECASE)
# or set before it: "Before the latest deal, how much had Amazon invested?"
_BEFORE_EVENT_FIRST = re.compile(
    r"^\W*(?:before|prior to)\s+(?:the|this|that|its|their|his|her)\s+(?P<event>[^,?]+?)\s*,\s*(?P<rest>\S.*)$", re.IGNORECASE)


# "Under the older report, ...", "... according to the earlier coverage?": the older side of what the sources give
_OLDER_SOURCE = re.compile(
    r"\s*,?\s*\b(?:according to|in|under|per|by|from)\s+(?:the|an?)\s+(?:older|oldest|earlier|earliest|previous|prior|original|first)\s+"
    r"(?:reports?|reporting|articles?|sources?|coverage|stor(?:y|ies)|accounts?|pieces?)\b\s*,?\s*",
    re.IGNORECASE,
)


def before_event(q: QuestionAnalysis) -> str | None:
    """The question without its closing "before the <event>" for a figure question ("How much had Amazon invested
    in Anthropic before the $5 billion deal?" -> "How much had Amazon invested in Anthropic?", and so where it is set
    first: "Before the latest deal, how much ...?"), or without the older source it names ("Under the older report,
    what was Amazon's total investment?" -> "What was Amazon's total investment?"): it is then answered as "And
    before that?" is after that question, by the older figure the sources set against its answer. None for any other
    question."""
    if q.span_kind not in FIGURE_TYPES and q.span_kind != "count":
        return None
    older = _OLDER_SOURCE.search(q.text)
    if older is not None:
        rest = f"{q.text[: older.start()]} {q.text[older.end() :]}".strip()
        rest = re.sub(r"\s+([?,.])", r"\1", rest)
        return rest[:1].upper() + rest[1:] if rest.strip("?") else None
    first = _BEFORE_EVENT_FIRST.match(q.text)
    m = first or _BEFORE_EVENT.search(q.text)
    if m is None or years_in(m.group("event")) or set(content_terms(m.group("event"))) & TIME_TERMS:
        return None
    if first is not None:
        rest = first.group("rest")
        return rest[:1].upper() + rest[1:]
    base = q.text[: m.start()].rstrip(" ,")
    return f"{base}?" if base else None


# "Which ones?", "Which of them?": the previous yes/no question asked of which of its subject
_WHICH_ONES = re.compile(r"^\W*(?:and\s+|so\s+)?which(?:\s+ones?|\s+of\s+them)?\s*\??\s*$", re.IGNORECASE)
_YES_NO_SUBJECT = re.compile(r"^\W*(?P<aux>are|is|were|was|do|does|did|have|has)\s+(?:any\s+|some\s+|the\s+)?(?P<noun>[a-z][\w-]*)\s+(?P<rest>[^?]+?)\s*\??\s*$",
                             re.IGNORECASE)


def asks_which_one(text: str) -> bool:
    """Whether a follow-up only asks "Which one?", "Which of them?"."""
    return _WHICH_ONES.match(text) is not None


def which_ones(text: str, previous: str) -> str | None:
    """ "Which ones?" after "Are regulators looking at these AI investments?": "Which regulators are looking at these
    AI investments?", the previous yes/no question asked of which of its subject; None where the question is not
    of that form or the previous one opens with no common noun after its auxiliary."""
    if not _WHICH_ONES.match(text):
        return None
    m = _YES_NO_SUBJECT.match(previous)
    if m is None or not content_terms(m.group("noun")) or m.group("noun")[:1].isupper():
        return None
    aux = m.group("aux").lower()
    return f"Which {m.group('noun')} {aux} {m.group('rest')}?"


# "they", "them", "their" for the names the previous answer gave: "What are they doing?" after "Kunlun Wanwei and
# Nine United"
_THEY = re.compile(r"\b(?:they|them|their|these\s+companies|those\s+companies)\b"
                   r"|\b(?:him|her)\b(?=\s*[?.!]*\s*$)", re.IGNORECASE)  # "Which article mentions him?": the one named


def with_named_answer(text: str, answer: str) -> str | None:
    """ "What are they doing?" after the answer "Kunlun Wanwei and Nine United": "What are Kunlun Wanwei and Nine United
    doing?"; None where the question says no "they" or the answer is no list of names."""
    if not _THEY.search(text) or not answer or not all(w[:1].isupper() for w in re.split(r"\s*(?:,|\band\b)\s*", answer) if w):
        return None
    if re.search(rf"\b{re.escape(answer)}\b", text, re.IGNORECASE):
        return None  # "Does Anthropic use them?" after "Anthropic": "them" is what it uses, not Anthropic itself
    return _THEY.sub(lambda m: f"{answer}'s" if m.group().lower() == "their" else answer, text, count=1)


# "What about Nvidia's stock?", "And Anthropic's shares?": another owner and what it owns
_OTHER_OWNED = re.compile(r"^\W*(?:and\s+|(?:what|how)\s+about\s+)(?P<owner>(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*)*)['’]s?\s+"
                          r"(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s*\??\s*$", re.IGNORECASE)
_OWNED_IN = re.compile(r"\b(?P<owner>(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*)*)['’]s?\s+(?P<noun>[a-z][\w-]*)")


def with_other_owned(text: str, previous: str) -> str | None:
    """ "What about Nvidia's stock?" after "How did Amazon's stock react to the announcement?": "How did Nvidia's stock
    react to the announcement?", the previous question's owner and what it owns replaced; None where the question is
    not of that form or the previous one says no "<name>'s <noun>"."""
    m = _OTHER_OWNED.match(text)
    owned = _OWNED_IN.search(previous) if m is not None else None
    if m is None or owned is None:
        return None
    return f"{previous[: owned.start()]}{m.group('owner')}'s {m.group('noun')}{previous[owned.end():]}"


# "What about Microsoft's stake in OpenAI?", "And Google's investment?": a name's thing, asked of in full
_ABOUT_OWNED = re.compile(r"^\W*(?:and\s+|(?:what|how)\s+about\s+)(?P<asked>(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*)*['’]s?\s+"
                          r"[a-z][\w-]*(?:\s+[\w&.'’-]+){0,4}?)\s*\??\s*$", re.IGNORECASE)


def owned_asked(text: str) -> str | None:
    """ "What about Microsoft's stake in OpenAI?" where no question before says a name's thing to put it in place of
    (with_other_owned): "What is Microsoft's stake in OpenAI?"; None where the question is not of that form."""
    m = _ABOUT_OWNED.match(text)
    return f"What is {m.group('asked')}?" if m is not None else None


# "No, I meant Microsoft's investment in OpenAI", "Sorry, I meant Google": the previous question of what is meant
# (a question after a comma asks the previous one again: "No, I meant Anthropic, how much this time?")
_CORRECTION = re.compile(r"^\W*(?:(?:no|nope|sorry|oops|actually)\W+)*(?:i\s+meant|i\s+mean|meant)\s+(?P<meant>[^?.!]+?)"
                         r"(?:\s*,\s*(?:so\s+|and\s+)?(?:how|what|when|who|which|where)\b[^?.!]*)?\s*[?.!]*\s*$",
                         re.IGNORECASE)


def corrected(text: str) -> str | None:
    """ "No, I meant Microsoft's investment in OpenAI" -> "What about Microsoft's investment in OpenAI?": a correction
    asked as the previous question of what was meant (restated); None where the question is no correction."""
    m = _CORRECTION.match(text)
    if m is None:
        return None
    meant = m.group("meant")
    # "Microsoft's investment in OpenAI": both names, as "What about Microsoft in OpenAI?" asks them
    both = _OWNED_IN_NAME.fullmatch(meant)
    return f"What about {both.group('a')} {both.group('prep')} {both.group('b')}?" if both else f"What about {meant}?"


_OWNED_IN_NAME = re.compile(rf"(?P<a>{_CAPITALIZED})['’]s?\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?P<prep>in|into|with|of|for|from)\s+"
                            rf"(?:the\s+)?(?P<b>{_CAPITALIZED})")


# "What about the first investment?" after "... in the latest deal?": the previous question's closing phrase of another thing
_OTHER_PHRASE = re.compile(r"^\W*(?:and\s+|(?:what|how)\s+about\s+)?(?P<np>(?:the|its|their)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s*\??\s*$",
                           re.IGNORECASE)
_CLOSING_PHRASE = re.compile(r"\b(?P<prep>in|of|for|from|with|during)\s+(?:the|its|their|this|that)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}\s*\??\s*$")


def with_other_phrase(text: str, previous: str) -> str | None:
    """ "What about the first investment?" after "How much did Amazon put into Anthropic in the latest deal?": "How
    much did Amazon put into Anthropic in the first investment?", the previous question's closing phrase replaced;
    None where the question is not of that form or the previous one closes with no such phrase."""
    m = _OTHER_PHRASE.match(text)
    closing = _CLOSING_PHRASE.search(previous) if m is not None else None
    if m is None or closing is None:
        return None
    return f"{previous[: closing.start()]}{closing.group('prep')} {m.group('np')}?"


# a person or group a question asks of only by a pronoun, its subject: "How much are they investing?"
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:how\s+(?:much|many)|what|which|when|where|why|who|how)\b[^?]*?\b"
                              r"(?:are|were|do|did|does|is|was|have|has|had|will|would|can|could)\s+(they|he|she)\b", re.IGNORECASE)


def unresolved_pronoun(q: QuestionAnalysis, previous: str) -> str:
    """The pronoun a follow-up asks of ("they" of "How much are they investing?") where the question it follows names
    no one either and only points on itself ("Why are they doing?", "Source?"), else "" (a question on its own may
    mean the people its text is about; one that follows "Are regulators looking at deals like this?" means them). The
    question before is read only where this one asks of a pronoun."""
    m = _PRONOUN_SUBJECT.search(q.text)
    if m is None or q.entities or re.search(r"\b[A-Z]", previous[1:]):
        return ""
    before = analyse(previous)
    if before.entities:
        return ""
    return m.group(1) if _PRONOUN_ONLY.search(before.text) or not before.terms - LIGHT_TERMS else ""


_PRONOUN_ONLY = re.compile(r"\b(?:they|them|their|he|him|his|she|her)\b", re.IGNORECASE)
