"""The answer to a question of no particular kind, cut from its sentence by the shape the question asks for: the
words that name a sort ("What type of locomotive ...?"), what a sentence says a named thing is, what happens to a
thing, the constituent in the question word's role, a common-noun phrase or a name nearest the question's words,
kept with the class noun or the counted thing that completes it ("enterprise segment", "set of principles")."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from rag import answer_forms
from rag.alignment import (
    Aligned,
    aligned_span,
    asked_happening,
    asked_kind,
    asked_role,
    copula_of_class,
    description,
    happening,
    names_a_class,
    sorts_of,
)
from rag.analysis import QuestionAnalysis
from rag.blanks import filler
from rag.figures import extract_figures, same_value
from rag.index.view import IndexData
from rag.lexical import TermWeights, content_terms
from rag.phrases import noun_phrases
from rag.scoring import Scored
from rag.sentence_facts import SentenceFacts
from rag.spans import PHRASE, Span, choose_span


def aligned_in(q: QuestionAnalysis, sentence: str, appositives: bool = False) -> Aligned | None:
    """The constituent of the answer's sentence in the role the question word plays (rag.alignment)."""
    role = asked_role(q.text)
    return aligned_span(sentence, role, appositives) if role is not None else None


_OWNER = re.compile(r"^[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*['’]s\s+")
_WHAT_IS_NAME = re.compile(r"^\W*(?i:what (?:is|are|was|were) (?:the )?)([A-Z][^?]*?)\s*\??\s*$")  # a name, nothing more


DESCRIBED_CANDIDATES = 20  # best bound sentences searched for what "What is <name>?" asks the name to be


def described_name(q: QuestionAnalysis) -> str:
    """The name a question asks only what it is of ("What is Anthropic?", "What is Amazon Bedrock?"), or ""."""
    named = _WHAT_IS_NAME.match(q.text)
    name = _OWNER.sub("", named.group(1), count=1) if named is not None else ""
    return name if name in q.entities else ""


def described(data: IndexData, q: QuestionAnalysis, bound: Sequence[Scored]) -> tuple[Scored, Span] | None:
    """What the articles say a name is, for a question that asks only that ("What is Anthropic?"): among the best
    bound sentences that hold the name, the first that describes it in apposition, by a copula or a relative
    clause ("Anthropic, the AI company behind Claude"); else the first that spells an acronym out ("Amazon Web
    Services"); else the first that names its class ("Amazon's custom Trainium chips"). Any sentence that holds a
    name scores about as well as another for such a question, so the search goes past the near-best ones; it is
    bounded by DESCRIBED_CANDIDATES and the parse cache, whatever the corpus's size. None where no such question,
    or no sentence describes the name."""
    name = described_name(q)
    if not name:
        return None
    holding = [s for s in bound[:DESCRIBED_CANDIDATES] if name in data.sentences[s.sentence_id].text]
    finders: list[Callable[[str], tuple[int, int] | None]] = [lambda text: description(text, name)]
    if name.isupper():
        finders.append(lambda text: (cut[0], cut[1]) if (cut := answer_forms.expansion(text, name)) else None)
    finders.append(lambda text: description(text, name, classed=True))
    for find in finders:
        for s in holding:
            text = data.sentences[s.sentence_id].text
            found = find(text)
            if found is not None:
                return s, Span(found[0], found[1], text[found[0] : found[1]], PHRASE)
    return None


def phrase_answer(known: SentenceFacts, q: QuestionAnalysis, idf: TermWeights) -> Span | None:
    """The answer in a sentence to a question of no particular kind, by the shape the question asks for: the words
    that name a sort ("What type of locomotive ...?"), a term in brackets or quotes ("another name for ..."), what
    happens to a thing; else the aligned constituent, a common-noun phrase or a name nearest the question's words
    (parsed only here, where the span is the answer)."""
    text = known.text
    named = _WHAT_IS_NAME.match(q.text)
    if named is not None:
        # "What is Amazon Bedrock?": what the sentence says it is, whole ("the managed service that lets ..."); "What
        # is Anthropic's Constitutional AI approach?": what "Its Constitutional AI approach — which trains ..." does
        found = description(text, _OWNER.sub("", named.group(1), count=1))
        if found is not None:
            return Span(found[0], found[1], text[found[0] : found[1]], PHRASE)
    filled = filler(text, q.blank)  # "... is its greatest what?": what follows "its greatest" in the sentence
    if filled is not None:
        return Span(filled[0], filled[1], text[filled[0] : filled[1]], PHRASE)
    kind_asked = asked_kind(q.text)  # "What type of locomotive ...?": the words that name the sort, where said
    sorts = sorts_of(text, kind_asked) if kind_asked else ()
    if not sorts and q.asks_other_name:  # "What is another name for a coal supply bin?": "(bunker)"
        sorts = tuple(answer_forms.alternate_names(text))
    if sorts:
        sort = choose_span(text, q, idf, sorts=sorts)
        if sort is not None:
            return sort
    if q.asked_class and (example := answer_forms.class_example(text, q.asked_class)) is not None:
        # "Which theory suggested ...?" in "Geographical theories such as environmental determinism also suggested ...":
        # the member the class noun introduces
        return Span(example[0], example[1], example[2], PHRASE)
    thing = asked_happening(q.text)  # "What happens to the working fluid?": what the sentence says it undergoes
    event = happening(text, thing, frozenset(q.terms)) if thing else None
    if event is not None:
        return Span(event[0], event[1], text[event[0] : event[1]], PHRASE)
    if q.asked_class and (apposed := class_apposed(text, q.asked_class)) is not None:
        # "What critical problem does the deal address?" in "... address a critical problem — the shortage of
        # computational resources": what the sentence sets after the class noun and a dash or colon
        return Span(apposed[0], apposed[1], text[apposed[0] : apposed[1]], PHRASE)
    phrases = noun_phrases(text)  # "deadly explosives": common-noun phrases are candidates too
    span = choose_span(text, q, idf, known.scopes, phrases, aligned_in(q, text), words_only=bool(kind_asked))
    if span is None and q.asked_class and (side := copula_of_class(text, q.asked_class)) is not None:
        # "What working fluid is used in ...?" in "Mercury is the working fluid in ...": the copula's other side
        return Span(side[0], side[1], text[side[0] : side[1]], PHRASE)
    if span is None and q.asked_class and (q.asked_class in known.terms or not names_a_class(q.text, q.asked_class)):
        # no phrase of the class asked for, in a sentence that speaks of that class ("advancements in
        # communication"), or a class that is no noun of the question ("What needs to be larger?"): the
        # nearest candidate of any class is a shorter answer than the whole sentence
        span = choose_span(text, dataclasses.replace(q, asked_class=""), idf, known.scopes, phrases, words_only=bool(kind_asked))
    if span is not None and q.asked_class and span.figure is None:
        span = _with_class_noun(text, span, q)
    if span is not None and (span.text.lower() in PARTITIVE_NOUNS or (span.kind == PHRASE and " " not in span.text)):
        # "set" -> "set of principles"; a lone noun with what it is of: "shortage" -> "shortage of computational resources"
        span = _with_what_counted(text, span, phrases)
    if span is not None and q.figures and _only_given_figures(span.text, q):
        return None  # "What are the milestones tied to the additional $20 billion?": not "$20bn", what it asks about
    return span


def _only_given_figures(text: str, q: QuestionAnalysis) -> bool:
    """Whether a span says nothing but figures the question gives ("another $20bn" for "... the additional $20
    billion?"), and words of the question."""
    found = extract_figures(text)
    if not found or not all(any(g.unit == f.unit and same_value(g.value, f.value) for g in q.figures) for f in found):
        return False
    bounds = [0, *(i for f in found for i in (f.start, f.end)), len(text)]
    rest = " ".join(text[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True))
    return all(t in q.terms for t in content_terms(rest))


# a noun that says how many or how much of something, not what: "a set of principles", "a range of products" (not
# rag.units.QUANTITY_NOUNS, the nouns a number answers)
PARTITIVE_NOUNS = frozenset("set number group series range variety pair couple handful lot lots majority minority part"
                           " portion share kind type sort form amount collection array".split())


def _with_what_counted(text: str, span: Span, phrases: Sequence[tuple[int, int]]) -> Span:
    """A quantity noun with the phrase it counts: "set" -> "set of principles" ("What does Constitutional AI train
    models to follow?")."""
    m = _OF.match(text, span.end)
    if m is None:
        return span
    after = next((p for p in phrases if p[0] == m.end()), None)
    if after is None:
        return span
    return Span(span.start, after[1], text[span.start : after[1]], span.kind)


_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w-]*)")
_OF = re.compile(r"\s+of\s+")


def _with_class_noun(text: str, span: Span, q: QuestionAnalysis) -> Span:
    """The span with the class noun right after it, where the question asks for that class: "the enterprise segment"
    for "Which customer segment ...?" is "enterprise segment" (the question's word was trimmed off as given). Not
    where the question's word is a verb ("People of what nationality invented ...?" and "British invention")."""
    m = _NEXT_WORD.match(text, span.end)
    if m is None or not class_noun_after(text, span, q.asked_class) or not names_a_class(q.text, q.asked_class):
        return span
    return Span(span.start, m.end(1), text[span.start : m.end(1)], span.kind)


def class_noun_after(text: str, span: Span, stem: str) -> bool:
    """Whether the word right after a span is a noun of the class `stem` ("Amazon Trainium chips" for "What chips ...?")."""
    m = _NEXT_WORD.match(text, span.end)
    return m is not None and content_terms(m.group(1)) == [stem]


# the class noun, a dash or a colon, then what it is, up to the clause's end: "a critical problem — the shortage of
# computational resources"
_APPOSED_AFTER = re.compile(r"\s*(?:—|–|--|:)\s*((?:the|a|an)\s+)?([^—–:;,.()]+?)\s*(?:[—–:;,.()]|$)")
MAX_APPOSED_WORDS = 8
_APPOSING = re.compile(r"—|–|--|:")
_NAMED_BEFORE = re.compile(r"\b(?!(?:A|An|The|This|That|These|Those|Its|Their|Our|Every|Each)\b)[A-Z][\w-]*\s+$")
# what a dash may open besides saying what the noun is: "chips — including the next-generation Trainium4"
_NOT_APPOSED = re.compile(r"(?:including|such|especially|notably|like|from|with|which|who|that|and|or|but|not)\b", re.IGNORECASE)


def class_apposed(text: str, stem: str) -> tuple[int, int] | None:
    """Where the sentence names what its word of the class `stem` is, after a dash or a colon; None where it does not."""
    if not _APPOSING.search(text):
        return None  # most sentences: no dash or colon, no word to read
    for m in re.finditer(r"[A-Za-z][\w-]*", text):
        if content_terms(m.group()) != [stem] or _NAMED_BEFORE.search(text, 0, m.start()):
            continue  # "AWS Trainium chips — including ...": the class noun already has its name
        after = _APPOSED_AFTER.match(text, m.end())
        if (after is not None and 0 < len(after.group(2).split()) <= MAX_APPOSED_WORDS
                and not _NOT_APPOSED.match(after.group(2))):
            return after.start(1) if after.group(1) else after.start(2), after.end(2)
    return None


CLASS_WORD_REACH = 30  # characters between a phrase and the class word that names it ("Amazon Bedrock, the managed service")


def near_class_word(text: str, span: Span, stem: str) -> bool:
    """Whether a word of the class `stem` is next to the span: "Amazon Bedrock, the managed service", "the Bedrock
    service"; not "AI usage through compute, storage, networking, and enterprise services"."""
    for m in re.finditer(r"[A-Za-z][\w-]*", text):
        if stem in content_terms(m.group()) and (span.start - CLASS_WORD_REACH <= m.end() and m.start() <= span.end + CLASS_WORD_REACH):
            return True
    return False
