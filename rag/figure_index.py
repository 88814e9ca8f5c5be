"""The figure check: every mention of a figure, by value and unit, from the index's claims; and, through
the one disagreement rule, the sources that give another figure for the same thing."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from rag.analysis import question_scope
from rag.claims import HEDGE_WORDS, PARSED_UNITS
from rag.conflicts import weigh
from rag.disagreement import PAST, entity_key, measure_stem, topic_key, value_key
from rag.errors import FigureQueryError
from rag.figures import BOUND_QUALIFIERS, parse_figures, query_text, same_value
from rag.index.view import IndexData
from rag.lexical import MOVING_TERMS, akin, content_terms
from rag.opposites import contrary_words, says_the_opposite
from rag.outlets import REPORTING_VERBS, names_as_source, publisher_key
from rag.records import Claim, Figure, FigureLookup, FigureMention, Sentence
from rag.spans import COMMON_SENTENCE_STARTS, contradicts
from rag.timewords import CALENDAR_NAMES, periods_in, years_in
from rag.units import ANY_UNIT, BY_NAME, SCALE_WORDS

_NAME = re.compile(r"\b[A-Z][\w’'&.-]*")
MAX_DIFFERING = 100  # documents shown as giving another figure for the same thing
# An archive may state a figure thousands of times: a lookup reads the claims of the newest documents (at
# most LOOKUP_LIMIT per figure), shows the newest MAX_MENTIONS with the count found, and judges the topics of
# the first MAX_JUDGED_TOPICS of them for differing figures. Below these sizes nothing is left out.
LOOKUP_LIMIT = 2_000
MAX_MENTIONS = 100
MAX_JUDGED_TOPICS = 3
MAX_ELSEWHERE = 10  # mentions shown of a figure no source ties to the claim asked
# What a company is worth is not money that moves: a claim that money was invested, raised or paid ("Mistral AI raised
# $6 billion") is not stated by a valuation of that size ("achieved a $6 billion valuation")
VALUE_TERMS = frozenset(content_terms("valuation valued worth"))
# money a company is worth or earns, not money that moves into it ("Did Anthropic raise $30 billion?": its revenue)
NOT_MOVED_TERMS = VALUE_TERMS | frozenset(content_terms("revenue sales earnings income profit"))
# money put into a company, in any of its words ("Amazon has put $8 billion into Anthropic" is its "total investment";
# not "spend" or "pay": money paid for something is another claim)
INVESTING_TERMS = frozenset(content_terms("invest invested investing investment pour poured put inject injected injection fund funded"))


class FigureIndex:
    """Lookups go through the index's dictionaries by (unit, value) and (subject, unit): no corpus scan."""

    def __init__(self, data: IndexData) -> None:
        self._data = data

    def lookup(self, query: str) -> FigureLookup:
        """Every claim of the query's figures, grouped by document. A claim query ("Anthropic revenue
        $30 billion") keeps only the claims about what it names: its names must be the claim's subject or
        target, and its other words must be in the claim's sentence."""
        text = " ".join(query.split())
        if not text:
            raise FigureQueryError("the figure query is empty: type a figure such as $25 billion, 5 GW or 49%")
        # a figure written twice ("$5 billion or $5bn") is looked up, and shown, once
        parsed = parse_figures(text)
        distinct: dict[tuple[float, str], Figure] = {}
        for f in parsed:
            distinct.setdefault((f.value, f.unit), f)
        figures = list(distinct.values())
        if not figures:
            raise FigureQueryError(f"no figure found in {text!r}: write one such as $25 billion, 5 GW or 49%")
        # "Amazon invested $1.25 billion in Anthropic in 2024": the year dates the claim, it is not a figure looked up
        years = tuple(str(int(f.value)) for f in figures if f.unit == "year")
        if years and len(years) < len(figures):
            figures = [f for f in figures if f.unit != "year"]
        else:
            years = ()
        outlets = _outlets_named(text)
        names, words, scope = _claim_terms(text, parsed)
        # "Mistral AI raised $6 billion": money that moves is no valuation ("achieved a $6 billion valuation"); the
        # receiving verbs are roles, not among the words
        moves = (bool(_RECEIVING.search(text)) or moves_money(words)) and not _of_family(words, NOT_MOVED_TERMS)
        names -= {entity_key(w) for o in outlets for w in _NAME.findall(o)} | {entity_key(o) for o in outlets}
        roles = query_roles(text, parsed)
        # a plain figure query keeps every claim of the figure: read only the newest that are shown, and count the rest
        plain = plain_query(names, words, figures)
        # "Amazon's shares fell 3%" is not "climbed nearly 3%"; "$30 billion per month" is not "annual revenue"
        direction = contrary_words(text) if not plain else (frozenset(), frozenset())
        first = min(parsed, key=lambda f: f.start) if parsed else None
        periods = (periods_in(query_text(text)[first.end :]) or periods_in(text)) if first is not None else frozenset()
        seen: set[tuple[str, int]] = set()
        said: dict[tuple[str, str], Claim] = {}  # a headline an article repeats word for word is one mention
        read: dict[int, Sentence] = {}  # the candidates' sentences, each read once
        limit = MAX_MENTIONS if plain else LOOKUP_LIMIT
        capped = False  # whether the claims read stopped at the limit (an archive holds more than are shown)
        for fig in figures:
            pool = (self._data.claims_of_value(fig.value, limit) if fig.unit == ANY_UNIT
                    else self._data.claims_of_figure(fig.value, fig.unit, limit=limit))
            capped = capped or len(pool) >= limit
            for c in pool:
                if (c.doc_id, c.figure.start) in seen or not self._about(c, names, words, scope, roles):
                    continue
                sentence = read.setdefault(c.sentence_id, self._data.sentences[c.sentence_id])
                if moves and valued(c, sentence):
                    continue  # a valuation, for a claim of money put in or raised
                sentence_text = sentence.text
                if years and not set(years) & set(years_in(f"{sentence_text} {c.time}")):
                    continue  # the claim is not dated in the year asked (or not dated at all)
                if direction[0] and says_the_opposite(sentence_text, *direction):
                    continue  # the sentence says the opposite way ("climbed" for "fell")
                if periods and (stated := periods_in(sentence_text)) and not periods & stated:
                    continue  # counted over another period ("annualized" for "per month")
                seen.add((c.doc_id, c.figure.start))
                said.setdefault((c.doc_id, sentence_text), c)
        found = list(said.values())
        outlet = ""
        if outlets:
            # "According to AI Business, ...": that outlet's articles only; the others show where the figure appears
            keys = {publisher_key(o) for o in outlets}
            found = [c for c in found if publisher_key(self._data.document_head(c.doc_id).publisher or "") in keys]
            outlet = outlets[0]
        # newest articles first; for a claim ("Amazon will invest $25 billion"), the sentences that say most of it
        # first, and of those the ones that say its words as written ("Amazon will invest up to $25 billion")
        asked = names | words
        phrases = _between_figures(text, parsed) if asked else []
        score = {id(c): _said(sentence, asked, phrases) for (_, sentence), c in said.items()}
        best: dict[str, tuple[int, int]] = {}
        for c in found:
            best[c.doc_id] = max(best.get(c.doc_id, (0, 0)), score[id(c)])
        # a document's mentions stay together: documents by their best sentence, then each document's best first
        found.sort(key=lambda c: (
            tuple(-x for x in best[c.doc_id]), -self._data.position(c.doc_id), c.doc_id, tuple(-x for x in score[id(c)]),
            c.figure.start,
        ))
        total = len(found)
        elsewhere: tuple[FigureMention, ...] = ()
        if not found and not plain and outlet:
            elsewhere = tuple(self._mention(c) for c in list(said.values())[:MAX_ELSEWHERE]) or self._elsewhere(figures)
        elif not found and not plain:
            # no source states the claim: where the figure does appear, about something else ("Amazon owns 49% of
            # Anthropic": 49% is Microsoft's stake in OpenAI), so that "no source gives it" is never read as absent
            elsewhere = self._elsewhere(figures)
        if plain and capped:
            # only the newest were read: count them all (below the limit, the list is all there is; a sentence an
            # article repeats word for word was counted once)
            fig = figures[0]
            total = max(total, self._data.count_of_figure(fig.value, None if fig.unit == ANY_UNIT else fig.unit))
        note = "" if plain else _ceiling_note(text, parsed, found, read)
        if not found and plain and figures[0].unit == "count":
            note = self._scaled(figures[0])  # "25": the sources write "25 billion"
        return FigureLookup(
            text, tuple(figures), tuple(self._mention(c) for c in found[:MAX_MENTIONS]), total, elsewhere, outlet, note,
        )

    def _scaled(self, figure: Figure) -> str:
        """Where a number written bare is stated by no source: the scale words with which sources do state it (one
        indexed count per scale word)."""
        said = [f'"{figure.text} {name}"' for name, scale in sorted(SCALE_WORDS.items(), key=lambda x: x[1])
                if self._data.count_of_figure(figure.value * scale)]
        return f"the sources give {' and '.join(said)}: write the scale to look it up" if said else ""

    def _elsewhere(self, figures: list[Figure]) -> tuple[FigureMention, ...]:
        """The newest mentions of the figures themselves, at most MAX_ELSEWHERE, one per sentence."""
        out: dict[tuple[str, str], Claim] = {}
        for fig in figures:
            pool = (self._data.claims_of_value(fig.value, MAX_ELSEWHERE * 2) if fig.unit == ANY_UNIT
                    else self._data.claims_of_figure(fig.value, fig.unit, limit=MAX_ELSEWHERE * 2))
            for c in pool:
                out.setdefault((c.doc_id, self._data.sentences[c.sentence_id].text), c)
        newest = sorted(out.values(), key=lambda c: (-self._data.position(c.doc_id), c.doc_id, c.figure.start))
        return tuple(self._mention(c) for c in newest[:MAX_ELSEWHERE])

    def _about(
        self, c: Claim, names: set[str], words: set[str], scope: tuple[str, ...] = (), roles: tuple[str, str] = ("", ""),
    ) -> bool:
        sentence = None  # the claim's sentence, read once and only where needed
        if names:
            own = {entity_key(c.subject), entity_key(c.target)} - {""}
            if own and not own & names and not self._refers_to_receiver(c, roles):
                return False  # another company's figure of the same size
            sentence = self._data.sentences[c.sentence_id]
            if not fits_roles(sentence, c, roles):
                return False
            # the claim's own names, and the sentence's for those the parse did not tie to the figure ("Amazon's
            # total investment in Anthropic to $8 billion": Amazon's claim, Anthropic in its sentence)
            named = own | {entity_key(n) for n in _NAME.findall(sentence.text)}
            # no subject parsed ("the two companies committing over $100 billion"), or no target ("Amazon in turn
            # guarantees the company access to ... 5 gigawatts"): the sentence before names them (read only if needed)
            if not names <= named and (not own or not c.target):
                for prev in self._data.neighbours(c.sentence_id, after=False):
                    named |= {entity_key(n) for n in _NAME.findall(self._data.sentences[prev].text)}
            if not names <= named:
                return False
        if words:
            sentence = self._data.sentences[c.sentence_id] if sentence is None else sentence
            terms = set(content_terms(sentence.text)) | set(content_terms(c.measure))
            classes = self._data.measure_classes
            kind = classes.get(measure_stem(c.measure))
            # "new investment": the claim's measure may be a word the articles use for the same thing ("injection")
            if not any(akin(w, t) for w in words for t in terms) and not (kind and any(classes.get(w) == kind for w in words)) \
                    and not (_of_family(words, VALUE_TERMS) and _of_family(terms, VALUE_TERMS)) \
                    and not (_of_family(words, INVESTING_TERMS) and _of_family(terms, INVESTING_TERMS)):  # "worth" and "values"; "put" and "investment"
                return False
        if scope and (contradicts(scope, frozenset(c.scope)) or ("additional" in scope and PAST in c.scope)):
            return False  # "a $4 billion additional investment" is not the $4 billion an article calls previous
        return True

    def _refers_to_receiver(self, c: Claim, roles: tuple[str, str]) -> bool:
        """Whether a claim with no target refers back to its receiver ("Amazon in turn guarantees the company access to
        ... 5 gigawatts"), which may be the one a query says gets it ("Anthropic will get five gigawatts")."""
        if roles[0] or not roles[1] or c.target:
            return False
        sentence = self._data.sentences[c.sentence_id]
        return bool(_REFERRED_PARTY.search(sentence.text, 0, c.figure.start - sentence.start))

    def differing(self, lookup: FigureLookup) -> list[FigureMention]:
        """Per other document, the figure it gives for the same thing, by the rule the chat uses; for a claim no
        source states ("Microsoft invested $50 billion in OpenAI"), the figures the sources give for that claim."""
        if not lookup.mentions:
            return self._other_figures(lookup)
        stating = {m.doc_id for m in lookup.mentions}
        out: dict[str, Claim] = {}
        judged: set[tuple] = set()
        classes = self._data.measure_classes
        for m in lookup.mentions:
            claim = self._data.claim_at(m.doc_id, m.start)
            if claim is None or claim.figure.unit in ("count", "year"):
                continue
            # claims with one topic, value and scope get one verdict: judge each such group once
            topic = topic_key(claim, classes)
            key = (topic, value_key(claim.figure.value), claim.scope) if topic is not None and claim.measure else (claim,)
            if key in judged:
                continue
            if len(judged) >= MAX_JUDGED_TOPICS:
                break
            judged.add(key)
            verdict = weigh(self._data, claim).verdict
            # every side but the looked-up figure's own: where that figure is the older one, the newer leads
            for side in (verdict.lead, *verdict.others):
                if claim in side.claims:
                    continue
                for c in side.claims:
                    if c.doc_id not in stating and c.doc_id not in out:
                        out[c.doc_id] = c
        # newest first; an archive may hold thousands: the first MAX_DIFFERING are shown
        newest = sorted(out.values(), key=lambda c: -self._data.position(c.doc_id))[:MAX_DIFFERING]
        return [self._mention(c) for c in newest]

    def _other_figures(self, lookup: FigureLookup) -> list[FigureMention]:
        """The claims of the query's names and words in the queried unit, with any value: one per document, newest
        first. Only for a claim query (names and words); a bare figure no source gives has nothing to differ from."""
        parsed = parse_figures(lookup.query)
        names, words, scope = _claim_terms(lookup.query, parsed)
        if not names or not words:
            return []
        stems = sorted({m for w in words for m in self._data.measure_members(w)})
        out: dict[str, Claim] = {}
        for fig in lookup.figures:
            if fig.unit in (ANY_UNIT, "count", "year"):
                continue
            for name in sorted(names):
                for c in self._data.claims_on_topic(name, fig.unit, stems, [], LOOKUP_LIMIT):
                    if c.doc_id not in out and not same_value(c.figure.value, fig.value) and self._about(c, names, words, scope):
                        out[c.doc_id] = c
        newest = sorted(out.values(), key=lambda c: -self._data.position(c.doc_id))[:MAX_DIFFERING]
        return [self._mention(c) for c in newest]

    def _mention(self, c: Claim) -> FigureMention:
        doc = self._data.document_head(c.doc_id)
        sent = self._data.sentences[c.sentence_id]
        f = c.figure
        return FigureMention(
            doc_id=doc.doc_id, title=doc.title, file=doc.file, start=f.start, end=f.end,
            quote=sent.text[f.start - sent.start : f.end - sent.start], sentence=sent.text, value=f.value, unit=f.unit,
            qualifier=f.qualifier, sentence_start=sent.start, date=doc.date,
        )


def _ceiling_note(query: str, parsed: list[Figure], found: list[Claim], sentences: dict[int, Sentence]) -> str:
    """ "Amazon invested $25 billion in Anthropic" where the sources say "up to $25 billion", or "Amazon will invest
    $33 billion" where they say "total potential commitment to $33bn": the figure is a ceiling or a potential sum in
    (some of) the mentions, not the amount the claim states; "" where the claim says so too, or no mention does."""
    if not found or any(f.qualifier in BOUND_QUALIFIERS for f in parsed) or _POTENTIAL_SAID.search(query):
        return ""
    said: list[tuple[str, str]] = []  # (what it is, how the mention writes it)
    for c in found:
        before = _before_figure(c, sentences[c.sentence_id])
        if c.figure.qualifier in BOUND_QUALIFIERS:
            said.append(("a ceiling", f"{c.figure.qualifier} {c.figure.text}"))
        elif (hedge := _POTENTIAL.search(before)) is not None:
            said.append(("a potential sum", f"{before[hedge.start():].strip()} {c.figure.text}"))
    if not said:
        return ""
    share = "every mention gives" if len(said) == len(found) else f"{len(said)} of {len(found)} mentions give"
    kinds = " or ".join(sorted({kind for kind, _ in said}))
    return f'{share} it as {kinds} ("{said[0][1]}"), not as an amount'


BEFORE_REACH = 40  # characters before a figure read for what it is: "total potential commitment to", "values Anthropic at"


def _before_figure(c: Claim, sentence: Sentence) -> str:
    """The words of its sentence just before a claim's figure (BEFORE_REACH characters)."""
    at = c.figure.start - sentence.start
    return sentence.text[max(0, at - BEFORE_REACH) : at]


# "total potential commitment to": a potential sum, said in the words right before the figure (or anywhere in a query)
_POTENTIAL = re.compile(r"\b(?:potential|possible|potentially|possibly)\b(?:\s+[\w-]+){0,3}\s*$", re.IGNORECASE)
_POTENTIAL_SAID = re.compile(r"\b(?:potential|possible|potentially|possibly)\b", re.IGNORECASE)


FAMILY_CACHE = 8192  # stems whose kinship to a family of words is kept
RECEIVING_TERMS = frozenset(content_terms("get got receive received obtain raise raised secure secured land win won accept"))


_MOVED_OR_RECEIVED = MOVING_TERMS | RECEIVING_TERMS


def moves_money(terms: Iterable[str]) -> bool:
    """Whether a question's or claim's words say money is put in, paid or raised ("invest", "raised")."""
    return any(_in_family(t, _MOVED_OR_RECEIVED) for t in terms)


def valued(c: Claim, sentence: Sentence) -> bool:
    """Whether a claim's figure is a valuation or money earned (no money put in or raised): its measure, or the words
    right before it ("values Anthropic at approximately $60 billion", where the parse took "round" for the measure;
    "revenue ... has surpassed the $30 billion milestone")."""
    before = set(content_terms(_before_figure(c, sentence)))
    return _of_family({measure_stem(c.measure)} | before, NOT_MOVED_TERMS)


def asks_moved_money(terms: Iterable[str]) -> bool:
    """Whether a question's or claim's words ask money put in or raised, and not a valuation or earnings."""
    terms = list(terms)
    return moves_money(terms) and not _of_family(set(terms), NOT_MOVED_TERMS)


def _of_family(terms: set[str], family: frozenset[str]) -> bool:
    return any(_in_family(t, family) for t in terms)


@lru_cache(maxsize=FAMILY_CACHE)
def _in_family(term: str, family: frozenset[str]) -> bool:
    """Whether a stem is akin to one of a family's (the same words come back question after question)."""
    return any(akin(term, f) for f in family)


def _claim_terms(text: str, parsed: list[Figure]) -> tuple[set[str], set[str], tuple[str, ...]]:
    """What a claim query says besides its figures: the names (keys), the other words, the scope words."""
    rest = _without_figures(query_text(text), parsed)
    said = _ATTRIBUTION.match(rest)
    rest = rest[said.end() :] if said else rest  # "According to AI Business, ...": who says it is no party to it
    names = {entity_key(n) for n in _names(rest, _skip_first(rest))} - {""}
    asking = _asking_terms() - (_PUT_INTO_TERMS if _PUT_INTO.search(rest) else set())  # "has put $8 billion into": invested
    words = set(content_terms(rest)) - {t for n in _NAME.findall(rest) for t in content_terms(n)} - asking - _AUXILIARY_TERMS
    words -= {t for m in _RECEIVING.finditer(rest) for t in content_terms(m.group())} | _ROLE_WORDS  # roles, said in any words
    # "five gigawatts of computing power": the word for what a figure's unit measures adds nothing to the figure
    words -= {t for f in parsed if f.unit in BY_NAME for t in content_terms(BY_NAME[f.unit].kind)}
    # "up to": as the claim says it; a hedge ("around", "approximately") is said in any of its words
    words |= {t for f in parsed if f.unit != "year" and f.qualifier not in HEDGE_WORDS for t in content_terms(f.qualifier)}
    return names, words, question_scope(rest)


_PUT_INTO = re.compile(r"\bput\s+(?:\S+\s+){0,4}?in(?:to)?\b", re.IGNORECASE)
_PUT_INTO_TERMS = set(content_terms("put"))
_AUXILIARY_TERMS = frozenset(content_terms("has have had is are was were be been being"))  # "Amazon has put ...": no word of the claim


# verbs whose subject receives the figure ("Anthropic received $5 billion from Amazon"): the giver is the claim's subject
_RECEIVING = re.compile(r"\b(?:get|gets|getting|got|gotten|receive[sd]?|receiving|obtain(?:s|ed|ing)?|rais(?:e|es|ed|ing)|"
                        r"secur(?:e|es|ed|ing)|land(?:s|ed|ing)?|win|wins|won|accept(?:s|ed|ing)?|"
                        r"(?:have|has|had|having|gain(?:s|ed|ing)?)\s+access)\b", re.IGNORECASE)
# a party a sentence refers back to instead of naming it: "guarantees the company access to ..."
_REFERRED_PARTY = re.compile(r"\b(?:the|this|that)\s+(?:company|firm|startup|start-up|lab|laboratory|group|developer|business)\b"
                             r"|\b(?:it|them)\b", re.IGNORECASE)
# who says a claim is not who does it: "According to AI Business, ...", "TNW reports that ..."
_ATTRIBUTION = re.compile(
    rf"^\W*(?:according to [^,]+,|(?:[A-Z][\w&.’'-]*\s+)+{REPORTING_VERBS}(?:\s+that)?\b)\s*", re.IGNORECASE)
_ROLE_WORDS = frozenset(content_terms("from by to in into on onto for toward towards"))
_TARGET_BEFORE = re.compile(r"\b(?:in|into|to|on|onto|for|toward|towards|of)\s+(?:the\s+)?$", re.IGNORECASE)
_GIVER_BEFORE = re.compile(r"\b(?:from|by)\s+(?:the\s+)?$", re.IGNORECASE)


def query_roles(text: str, figures: list[Figure]) -> tuple[str, str]:
    """Who gives and who gets in a claim query, by the order of its words (keys; "" where it does not say): the first
    name before the figure, the first name after it that follows "in", "to" or "on" ("Amazon invested $5 billion in
    Anthropic" -> ("amazon", "anthropic")). The one named after "from" or "by" gives: "Anthropic received $5 billion
    from Amazon" and "$5 billion was invested in Anthropic by Amazon" are Amazon's claims too."""
    text = query_text(text)
    if not figures:
        return "", ""
    first, last = min(f.start for f in figures), max(f.end for f in figures)
    before, after = _before_qualifier(text[:first], min(figures, key=lambda f: f.start)), text[last:]
    said = _ATTRIBUTION.match(before)
    if said:
        before = " " * said.end() + before[said.end() :]  # "According to AI Business, Amazon invested ...": Amazon's
    found = _names(before, _skip_first(before))
    subject = entity_key(found[0]) if found else ""
    target = giver = ""
    for m in _NAME.finditer(after):
        if m.group().lower() in CALENDAR_NAMES:
            continue
        if not target and _TARGET_BEFORE.search(after, 0, m.start()):
            target = entity_key(m.group())
        if not giver and _GIVER_BEFORE.search(after, 0, m.start()):
            giver = entity_key(m.group())
    if giver:
        # "Anthropic received $5 billion from Amazon", "$5 billion from Amazon to Anthropic": the giver is the subject
        receiver = subject if _RECEIVING.search(before) or not subject else target
        return giver, receiver
    if _RECEIVING.search(before):
        return "", subject  # "Anthropic received $5 billion": it is the one that got it, from someone unnamed
    return subject, target


_NAME_RUN = re.compile(r"[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*")


def plain_query(names: set[str], words: set[str], figures: list[Figure]) -> bool:
    """A bare figure ("$25B"), not a claim: every claim of it is kept."""
    return not names and not words and len(figures) == 1


def _names(text: str, skip: int = 0) -> list[str]:
    """The capitalized words of a claim query that may name a party (after the first `skip`): not a month or a day
    ("September 2023"), nor a capitalized function word ("In September 2023, ...", "Another $20bn ...")."""
    return [n for n in _NAME.findall(text)[skip:]
            if n.lower() not in CALENDAR_NAMES and n.lower() not in COMMON_SENTENCE_STARTS and content_terms(n)]


def _outlets_named(text: str) -> list[str]:
    """The names a claim query speaks of as its source ("According to AI Business, ...", "TNW reports ...", "the
    Hamidun News article"): a verb of reporting, not one a claim's party does ("Amazon put $1.25 billion ...")."""
    # "Which articles say ...": a question word names no outlet
    return [m.group() for m in _NAME_RUN.finditer(text)
            if content_terms(m.group()) and names_as_source(text, m.group(), REPORTING_VERBS)]


def fits_roles(sentence: Sentence, c: Claim, roles: tuple[str, str]) -> bool:
    """Whether a claim (in its sentence) may be the one whose giver and receiver a query names (`query_roles`)."""
    subject, target = roles
    if c.figure.unit not in PARSED_UNITS:
        return True  # "a 10-year contract": a length has no giver; its claim is not parsed for one
    at = c.figure.start - sentence.start
    said_by = _owner_before(sentence.text, at) or _clause_subject(sentence.text, at) or (
        entity_key(c.subject) if c.subject[:1].isupper() else "")  # a name, not "the round"
    if _RECEIVING.fullmatch(c.measure) or _RECEIVED_BEFORE.search(sentence.text, 0, at):
        # "Anthropic ... securing up to 5GW": its subject is the one that gets it, the query's receiver
        if not _same_party(target, said_by, subject):
            return False
    elif not _same_party(subject, said_by, target):
        return False  # "Anthropic invested $5 billion in Amazon" is not "Amazon will invest $5bn in Anthropic"
    # "Microsoft owns 49% of Anthropic": the 49% is of OpenAI; "committing over $100 billion toward Amazon Web
    # Services": where the parse found no target, the name the figure goes to right after it
    goes_to = entity_key(c.target) if c.target[:1].isupper() else _target_after(sentence.text, c.figure.end - sentence.start)
    return not (target and goes_to and not _same_party(target, goes_to, subject))


_GOES_TO = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,3}?(?:to|toward|towards|into|on|in)\s+(?:the\s+)?([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*)")


def _target_after(sentence: str, at: int) -> str:
    """The key of the name a figure goes to, said right after it ("$100 billion toward Amazon Web Services")."""
    m = _GOES_TO.match(sentence, at)
    return entity_key(m.group(1)) if m and m.group(1).lower() not in CALENDAR_NAMES else ""


def _same_party(asked: str, said: str, other: str = "") -> bool:
    """Whether the query's party may be the claim's: either is unknown, the keys are equal, or one may be the other's
    initials ("aws" and "amazon": an alias the keys cannot tell apart is not ruled out), unless the claim's party is
    the query's other party ("Anthropic secured $100 billion from AWS": Anthropic is the one said to get it)."""
    if not asked or not said or asked == said:
        return True
    if said == other:
        return False
    short, long_ = sorted((asked, said), key=len)
    return " " not in short and len(short) <= MAX_INITIALS and short[0] == long_[0]


MAX_INITIALS = 5  # a key this short may be another's initials ("aws", "ibm")
_OWNED_FIGURE = re.compile(r"([A-Z][\w&.-]*)['’]s\s+(?:[a-z][\w-]*\s+){0,2}$")
# "while securing a $100 billion ...": the figure is what the clause's subject gets
_RECEIVED_BEFORE = re.compile(_RECEIVING.pattern + r"\s+(?:an?\s+|the\s+)?(?:[a-z][\w-]*\s+)?$", re.IGNORECASE)


def _owner_before(sentence: str, at: int) -> str:
    """The key of the name whose figure it is by a possessive right before it ("Anthropic's guaranteed $100 billion")."""
    m = _OWNED_FIGURE.search(sentence, 0, at)
    return entity_key(m.group(1)) if m else ""


_CLAUSE_BREAK = re.compile(r"[,;:(—–]")


def _clause_subject(sentence: str, at: int) -> str:
    """The key of the name that opens the clause a figure is in, where a name opens it ("In exchange, Anthropic has
    pledged to spend $100 billion": "anthropic"; "Amazon Invests $5B"): what the words say, before the parse's reading
    of the subject; "" where the clause opens otherwise ("This move includes an immediate $5 billion ...")."""
    head = sentence[:at]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    clause = head[breaks[-1].end() :] if breaks else head
    m = _NAME.match(clause.lstrip())
    return entity_key(m.group()) if m and content_terms(m.group()) else ""


def _skip_first(text: str) -> int:
    """A capitalized first word is usually just the sentence start ("Who says ..."), not a name."""
    first = text.split()[0] if text.split() else ""
    return 1 if first and first[0].isupper() and first.lower() in _QUESTION_WORDS else 0


# Words of a question about sources ("which article gives ..."), not of the claim it asks about.
_ASKING = "article articles source sources outlet publication report reports paper story piece document publisher " \
    "give gives gave state states stated mention mentions cite cites put puts quote quotes write writes wrote support " \
    "supports figure number claim claims"


def _asking_terms() -> set[str]:
    return set(content_terms(_ASKING))


_QUESTION_WORDS = frozenset(
    "who which what where when how does do did is are was were has have had will would can could should the a an".split()
)


def _said(sentence: str, asked: set[str], phrases: list[str]) -> tuple[int, int]:
    """How much of a claim query a sentence says: how many of its words (names by their key) it holds, then how many
    of its phrases (its words between figures) it writes as they are; (0, 0) for a plain figure query."""
    if not asked:
        return 0, 0
    held = len(asked & (set(content_terms(sentence)) | {entity_key(n) for n in _NAME.findall(sentence)}))
    flat = " ".join(sentence.split()).lower()
    return held, sum(p in flat for p in phrases)


def _figure_runs(text: str, figures: list[Figure]) -> list[str]:
    """The text before, between and after a query's figures, in order."""
    runs, pos = [], 0
    for f in sorted(figures, key=lambda f: f.start):
        runs.append(text[pos : f.start])
        pos = max(pos, f.end)
    runs.append(text[pos:])
    return runs


def _between_figures(text: str, figures: list[Figure]) -> list[str]:
    """The words of a query between its figures, each run normalized ("Amazon will invest $25 billion" ->
    ["amazon will invest"])."""
    return [r for r in (" ".join(run.split()).lower() for run in _figure_runs(text, figures)) if r]


def _without_figures(text: str, figures: list[Figure]) -> str:
    """The query's words but its figures and their qualifiers ("Up to $20bn is tied ...": "Up" names no party)."""
    runs = _figure_runs(text, figures)
    return " ".join([*(_before_qualifier(run, f) for run, f in zip(runs, sorted(figures, key=lambda f: f.start))), runs[-1]])


def _before_qualifier(run: str, figure: Figure) -> str:
    """The words before a figure, without its qualifier ("up to", "up to another")."""
    end = _ADDED_BEFORE.sub("", run.rstrip()) if figure.qualifier else run
    return end[: -len(figure.qualifier)] if figure.qualifier and end.lower().endswith(figure.qualifier) else run


_ADDED_BEFORE = re.compile(r"\s+(?:another|an additional|additional|a)$", re.IGNORECASE)  # as figures' qualifiers allow
