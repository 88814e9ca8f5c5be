"""Places a question puts what it asks in, and whether a text names them: "What is Anthropic's annualized revenue in
Europe?" is not answered by a sentence (nor its neighbours) that names no Europe, however close its other words.

The question's side is a pattern (a place preposition, then a capitalized name; or a nationality's word before a
noun), confirmed by spaCy's entity recognizer (a country, city, state or region after the preposition: GPE, LOC; a
nationality: NORP), parsed once per question and cached. A place is named by a text in its own form, its initials
("US" for "United States"), spelled out ("New York" for "NY") or by its demonym ("European" for "Europe", and
"Europe" for "European")."""

from __future__ import annotations

import os
import re
from functools import lru_cache

from rag.claims import MAX_PARSE_CHARS, load_parser

PLACE_LABELS = frozenset({"GPE", "LOC"})  # spaCy's labels of countries, cities, states, continents and regions
NATIONALITY_LABEL = "NORP"  # spaCy's label of nationalities: "Japanese" of "Japanese subsidiary"
QUESTION_CACHE = 1024  # questions whose places are kept
# a place preposition, then a capitalized name: "in Europe", "across the United States", "within the UK" (not the
# question's first word: "In which year ...?")
# (the whole name; not one that modifies a plural noun after it: "dominance in AI chips" is no place)
_PLACED = re.compile(r"(?<=\s)(?:in|across|within|throughout|outside|inside)\s+(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)"
                     r"(?![\w.-])(?!\s+[A-Z])(?!\s+[a-z][\w-]{2,}s\b)")

DEMONYM = re.compile(r"(?:ish|ese|ian|an|ch|eek|i|ine)$")  # "Spanish", "Chinese", "Italian", "French", "Greek", "Iraqi", "Byzantine"
# a demonym before a noun: "Anthropic's Japanese subsidiary", "European revenue" (not the question's first word)
_OF_PLACE = re.compile(r"(?<=\s)([A-Z][a-z]+(?:ish|ese|ian|an|ch|eek|i|ine))(?=\s+[a-z])")
DEMONYM_STEM = 4  # letters a demonym shares with its place's name at least ("Brit" of "Britain" and "British")


def demonym_of(word: str, name: str) -> bool:
    """Whether a one-word adjective of people or place is the name's own: "Japanese" of Japan, "British" of Britain,
    "Chinese" of China (a shared start of DEMONYM_STEM letters or more, and of all but the name's last three)."""
    w = word.lower()
    for part in name.lower().split():
        if len(part) < DEMONYM_STEM or w == part:
            continue
        shared = len(os.path.commonprefix([w, part]))
        if shared >= DEMONYM_STEM and shared >= len(part) - 3:
            return True
    return False


def placed_names(question: str, within: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The capitalized names after a place preposition: ("Europe",) for "... revenue in Europe?", then the demonyms
    before a noun ("Japanese" of "Japanese subsidiary"). Candidates only: "in Anthropic" has the same shape;
    places_asked keeps the places. Not after a noun of `within` (words for places): "the only region in Europe ..."
    asks for a place within it, which the answer need not name again."""
    placed = tuple(
        m.group(1) for m in _PLACED.finditer(question)
        if not ((before := re.search(r"([A-Za-z]+)\s+$", question[: m.start()])) and before.group(1).lower() in within)
    )
    return placed + tuple(m.group(1) for m in _OF_PLACE.finditer(question))


@lru_cache(maxsize=QUESTION_CACHE)
def places_asked(question: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """Those of the candidate `names` the entity recognizer reads as places after a place preposition ("Europe") or
    as nationalities ("Japanese"); () where none, or the question is too long to parse. The small model reads some
    companies after "in" as places too ("invest in Anthropic"): harmless where the answer's window names them, as
    a bound answer's does."""
    if not names or len(question) > MAX_PARSE_CHARS:
        return ()
    ents = load_parser()(question).ents
    after_preposition = {m.group(1) for m in _PLACED.finditer(question)}
    places = {ent.text.removeprefix("the ") for ent in ents if ent.label_ in PLACE_LABELS} & after_preposition
    # a nationality's word before a noun ("Japanese subsidiary"), not a country's name that is the subject ("What
    # did Japan lift ...?" asks what Japan did, not what happened there)
    places |= {ent.text for ent in ents if ent.label_ == NATIONALITY_LABEL and DEMONYM.search(ent.text)}
    return tuple(dict.fromkeys(n for n in names if n in places))


def names_place(text: str, place: str) -> bool:
    """Whether the text names the place: as written, by its initials ("US", "U.S." for "United States"), spelled out
    ("New York" for "NY") or by its demonym ("European" for "Europe", "British" for "Britain")."""
    if re.search(rf"(?<![\w-]){re.escape(place)}(?:['’]?s)?(?![\w-])", text, re.IGNORECASE):  # "Canary Islands"
        return True
    if place.isupper() and len(place) > 1:  # "NY" for "New York", "UK" for "United Kingdom"
        caps = r"\s+".join(rf"{letter}[a-z]+" for letter in place)
        if re.search(rf"(?<![\w-]){caps}(?![\w-])", text):
            return True
    words = place.split()
    if len(words) > 1:
        initials = "".join(w[0] for w in words if w[:1].isupper())
        dotted = r"\.".join(initials) + r"\.?"
        if re.search(rf"(?<![\w-])(?:{initials}|{dotted})(?![\w-])", text):
            return True
    # "European" for "Europe", and "Europe" for "European"
    return any((DEMONYM.search(w) and demonym_of(w, place)) or (DEMONYM.search(place) and demonym_of(place, w))
               for w in re.findall(r"[A-Z][a-z]+", text))


# nouns of the places a question may ask for by class ("Which US state ...?", "In which city ...?"): answered by a
# place's name, never by a company's
PLACE_CLASS_NOUNS = frozenset("city cities country countries town towns continent continents province provinces county "
                              "counties nation nations".split())
# nouns of places that also name other things ("in what state is the working fluid?", "which region of the
# spectrum"): answered by no company's name, but not always by a place's
LOOSE_PLACE_NOUNS = frozenset("state states region regions".split())
PLACE_NAME_LABELS = PLACE_LABELS | {"FAC", NATIONALITY_LABEL}  # a place's name (a building, an airport; "British" of Britain)


def named_as_place(sentence: str, start: int, end: int) -> bool:
    """Whether the entity recognizer reads a name among the sentence's words at [start, end) as a place: "AWS" of
    "across AWS data centers" is no US state, nor "Trainium4" a city. True where the sentence is too long to parse
    (nothing is known against it)."""
    if len(sentence) > MAX_PARSE_CHARS:
        return True
    return any(e.label_ in PLACE_NAME_LABELS for e in load_parser()(sentence).ents if e.start_char < end and start < e.end_char)


OTHER_NAME_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "WORK_OF_ART"})  # the recognizer's names of no place


def named_as_other(sentence: str, start: int, end: int) -> bool:
    """Whether the entity recognizer reads every name among the sentence's words at [start, end) as a company, a
    person or a product ("AWS" of "across AWS data centers"), and finds one. False where the sentence is too long to
    parse."""
    if len(sentence) > MAX_PARSE_CHARS:
        return False
    ents = [e for e in load_parser()(sentence).ents if e.start_char < end and start < e.end_char]
    return bool(ents) and all(e.label_ in OTHER_NAME_LABELS for e in ents)
