"""Yes/no answers: "Yes: ..." or "No: ..." from a sentence that says the act asked of the names asked, in its words
or in others (its opposite, a span of time in words, money put in), and not of another name in their place."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from rag import answer_forms
from rag.alignment import mentions_act, names_another_doer, names_doer, states_act
from rag.analysis import COMPARING, CONTRASTING, EXCLUSIVE, SOLE_ROLES, QuestionAnalysis, measure_words
from rag.binding import is_bound, names_all, names_every
from rag.claim_reads import figure_of_another, states_any
from rag.disagreement import entity_key
from rag.figures import FRACTIONS, extract_figures, same_value
from rag.index.view import IndexData
from rag.lexical import LIGHT_TERMS, PREPOSITIONS, akin, content_terms, specific_names
from rag.mismatch import spans_of_time
from rag.opposites import degrees, words_of
from rag.phrases import parse
from rag.records import Claim, Figure
from rag.scoring import NEAR_BEST, Scored
from rag.sentence_facts import facts, names_here_and_before
from rag.timewords import months_in, year_parts_in, years_in

# what a question calls a figure that is sure: "Is the extra $20bn guaranteed?"
_FIRM = re.compile(r"\b(?:guarantee[ds]?|certain|assured|definite|firm|locked[- ]in|unconditional|committed)\b", re.IGNORECASE)

def common_subject(question: str) -> str:
    """The stem of a yes/no question's subject where it is a common noun, not a name or a pronoun ("regul" of "Are
    regulators looking at these AI investments?"); "" where it is none."""
    doc = parse(question)
    if doc is None or len(doc) < 2 or doc[0].pos_ != "AUX":
        return ""
    # the noun phrase right after the opening auxiliary ("Are regulators ...", "Did the deal ..."), however the parse
    # attaches it
    chunk = next((c for c in doc.noun_chunks if c.start == 1), None)
    if chunk is None or chunk.root.pos_ != "NOUN":
        return ""
    terms = content_terms(chunk.root.text)
    return terms[0] if terms else ""


def _asked_nouns(question: str) -> frozenset[str]:
    """The stems of a question's common nouns but those of a share ("half", "third": FRACTIONS), by its parse."""
    doc = parse(question)
    if doc is None:
        return frozenset()
    return frozenset(t for w in doc if w.pos_ == "NOUN" and w.lower_ not in FRACTIONS for t in content_terms(w.text))


_HOLDING = frozenset("have get hold receive own obtain win".split())  # verbs of having, whose object is what is asked


def _held_nouns(question: str) -> frozenset[str]:
    """The stems of the nouns of what a question asks a name has or gets ("board", "seat" of "Does Google have a board
    seat at Anthropic?"), by its parse; empty for any other question."""
    doc = parse(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
    if root is None or root.lemma_.lower() not in _HOLDING:
        return frozenset()
    return frozenset(t for o in root.children if o.dep_ == "dobj" for w in o.subtree if w.pos_ == "NOUN" and w.i <= o.i
                     for t in content_terms(w.text))


# a verb and the preposition it ties its complement with: "tied to", "spend on", "expand across"
_VERB_PREPOSITION = re.compile(r"\b([a-z]{3,})\s+(to|on|into|across|for|with|from)\s+((?:[\w$.-]+\s*){1,4})", re.IGNORECASE)
_NOUN_SUFFIX = re.compile(r"(?:ment|tion|sion|ance|ence|ity|ness|ship|ure)s?$", re.IGNORECASE)
COMPLEMENT_WORDS = 6  # words of a sentence after the verb and preposition it shares with the question, read for its complement


def _other_complement(question: str, sentence: str) -> bool:
    """Whether the sentence writes a verb and preposition of the question's ("tied to") with a complement that shares
    none of the question's complement's words ("commercial milestones" for "regulatory approval")."""
    for m in _VERB_PREPOSITION.finditer(question):
        verb = content_terms(m.group(1))
        asked = set(content_terms(m.group(3)))
        if not verb or not asked or verb[0] in LIGHT_TERMS or _NOUN_SUFFIX.search(m.group(1)):
            continue  # (a noun's preposition: "commitment to Anthropic")
        for w in re.finditer(rf"\b([a-z]{{3,}})\s+{m.group(2)}\s+((?:\S+\s*){{1,{COMPLEMENT_WORDS}}})", sentence, re.IGNORECASE):
            if content_terms(w.group(1))[:1] == verb[:1] and w.group(2)[:1] not in "$€£0123456789" and not asked & set(content_terms(w.group(2))):
                return True  # (not an amount: "lifting its commitment to $33bn")
    # a condition, in any of its words: "Does the $20bn depend on regulatory approval?" and "tied to commercial milestones"
    for m in _CONDITION.finditer(question):
        asked = set(content_terms(m.group("what")))
        if asked and any(w.group("what")[:1] not in "$€£0123456789" and not asked & set(content_terms(w.group("what")))
                         for w in _CONDITION.finditer(sentence)):
            return True
    return False


# the words that make a thing hang on a condition, and the condition after them
_CONDITION = re.compile(
    r"\b(?:depend(?:s|ed|ing|ent)?\s+(?:on|upon)|(?:tied|linked|pegged|subject)\s+to|(?:contingent|conditional|conditioned)\s+(?:on|upon)"
    rf"|based\s+on)\s+(?P<what>(?:\S+\s*){{1,{COMPLEMENT_WORDS}}})",
    re.IGNORECASE,
)


def _says_word(term: str, terms: AbstractSet[str]) -> bool:
    """Whether a sentence's terms say the word, in its form or another of its family ("regulatori" for "regul")."""
    return term in terms or any(akin(term, t) for t in terms)


def asked_terms(q: QuestionAnalysis) -> frozenset[str]:
    """What the question says of its names: its terms but its names' and the light verbs (LIGHT_TERMS)."""
    return q.terms - q.name_terms - LIGHT_TERMS


STATED_LOOKUP = 20  # claims of a yes/no question's figure and names read for one of its measure
RAREST_CANDIDATES = 8  # near-best sentences searched for the figure of a yes/no question's rarest word


def yes_no(
    data: IndexData, q: QuestionAnalysis, best: Scored, near: Sequence[Scored], wider: Sequence[Scored] = (),
) -> tuple[Scored, str] | None:
    """ "Yes: ..." or "No: ..." from the best sentence. A question that asks an act of a name ("Did Anthropic invest
    in Amazon?") gets a Yes only from a sentence that says that act of that name: "Amazon invested $5 billion in
    Anthropic" is no Yes. Else the first near sentence that says the act answers, and where none does, nothing
    (the answerer abstains). A No the best sentence gives (its negation, another figure, the opposite word) stands.
    `wider`: the bound sentences past `near`, searched only for the figure of the question's rarest word."""
    # what a negation must govern to say No: the question's words but its names ("does not have a board seat,
    # allowing Anthropic ..." says nothing against "Does Amazon hold a minority stake in Anthropic?")
    asked = asked_terms(q) or q.terms  # nor "have" ("does not have a board seat")
    # (not a figure that names the deal the question is placed after: "... an independent lab after the $25 billion deal?")
    placing = [m.span() for m in _PLACED_BY_FIGURE.finditer(q.text)]
    given_units = {f.unit for f in q.figures if f.unit not in ("year", "count", "") and not any(a <= f.start < b for a, b in placing)}
    undated: tuple[Scored, str] | None = None
    # the best sentence states the figure, as the asked names' ("Was OpenAI valued at $60 billion?": 003's $60 billion
    # is Anthropic's, so a sentence with OpenAI's own valuation may answer No)
    best_another = figure_of_another(data, q, best.sentence_id)
    best_states = bool(q.measured) and states_any(data, best.sentence_id, q.measured) and not best_another
    order = [best, *(n for n in near if n is not best)]
    rarest = ""
    if not q.predicate or q.predicate in LIGHT_TERMS:
        # "Is the Amazon-Anthropic deal a circular investment?": what the question says its names are ("circular",
        # its rarest word) is said where it is written, before a sentence that only names the deal
        # (not a word of a phrase that only places the question: "under the arrangement" in "Does Anthropic stay
        # independent under the arrangement?")
        said_of = asked - _placing_terms(q.text) or asked
        # (a word no article holds as asked is the rarest: "regulators", where the articles say "regulatory")
        rarest = max(said_of, key=lambda t: (data.idf.get(t, 0.0), t), default="")
        if given_units and rarest not in facts(data, best.sentence_id).terms:
            # "Is the milestone-linked portion of Amazon's money $25 billion?": a near-best sentence past the first
            # few that gives a figure of the word ("up to another $20bn tied to commercial milestones")
            order += [s for s in wider[:RAREST_CANDIDATES] if s not in order and s.score >= NEAR_BEST * best.score
                      and rarest in facts(data, s.sentence_id).terms]
        saying = [s for s in order if _says_word(rarest, facts(data, s.sentence_id).terms)]
        order = saying + [s for s in order if s not in saying]
    if q.years and q.predicate and q.predicate not in LIGHT_TERMS and not mentions_act(data.sentences[best.sentence_id].text, q.predicate):
        # "Was Anthropic founded in 2023?": the year draws sentences dated 2023; one past them that says the act
        # ("a company founded only in 2021") dates it
        order += [s for s in wider[:RAREST_CANDIDATES] if s not in order and mentions_act(data.sentences[s.sentence_id].text, q.predicate)]
    # what the question says of its names is a word no article holds ("siblings"), and no figure or span of time
    unheard = bool(rarest) and not q.figures and not q.durations and data.lexical.chunk_df(rarest) == 0
    # the nouns the question says of its names that no article holds ("veto" of "Does Amazon get veto rights?")
    nouns = _asked_nouns(q.text) & asked
    unwritten = [t for t in nouns if data.lexical.chunk_df(t) == 0] if not q.figures and not q.durations else []
    # what the question asks a name has or gets ("a board seat"): a Yes says it
    held = _held_nouns(q.text) if not q.figures and not q.durations else frozenset()
    absence = bool(_ABSENCE.search(q.text))
    # "regulators": who the act is asked of, where no name or figure says what the question is about
    specific = specific_names(q.entities)  # not "AI"
    subject = common_subject(q.text) if not specific and not q.figures and not q.durations else ""
    # the question's measure is one the articles' claims have (read once: the corpus's measure classes)
    known_measure = bool(q.measured) and _known_measure(data, q)
    # the names the question puts after a preposition ("on Google Cloud", "in Anthropic")
    targeted = [m.group(2) for m in _TARGETED.finditer(q.text) if m.group(2) in q.entities]
    exact = bool(q.measured) and bool(_EXACTLY.search(q.text))
    flat: tuple[Scored, str] | None = None
    elsewhere: tuple[Scored, str] | None = None  # a No from a sentence past which its article states the figure
    if exact:
        # any bound sentence that states the figure may hedge it, past the near-best ones of one article
        order += [s for s in wider[:RAREST_CANDIDATES] if s not in order and states_any(data, s.sentence_id, q.measured)]
    if q.said:
        # "Did Amazon stock go up?": a bound sentence past the near-best ones that says the move, or its opposite, in
        # words of its own ("Amazon's shares climbed nearly 3%")
        order += [s for s in wider[:RAREST_CANDIDATES] if s not in order and words_of(data.sentences[s.sentence_id].text) & (q.said | q.contrary)]
    if q.durations and q.measured:
        # "Did Anthropic promise $100 billion over five years?": a bound sentence past the near-best ones that states the
        # figure with a span of time may say the span asked
        order += [s for s in wider[:RAREST_CANDIDATES] if s not in order and states_any(data, s.sentence_id, q.measured)
                  and spans_of_time(data.sentences[s.sentence_id].text)]
    for s in order:
        text = data.sentences[s.sentence_id].text
        units = {f.unit for f in extract_figures(text)} if given_units else set()
        if s is not best and q.measured and not states_any(data, s.sentence_id, q.measured) and (best_states or not (
                units & given_units and names_all(data, q, s.sentence_id))) and not (
                # "Is the milestone-linked portion of Amazon's money $25 billion?": the figure of the question's rarest
                # word ("up to another $20bn tied to commercial milestones"), where the best sentence says no such word
                rarest and units & given_units and rarest in facts(data, s.sentence_id).terms
                and rarest not in facts(data, best.sentence_id).terms):
            # another sentence answers a figure question where it states that figure; where the best one does not,
            # also where it gives another of that unit of the same names ("OpenAI's ... $150 billion")
            continue
        if q.said and not words_of(text) & (q.said | q.contrary) and not q.compared:
            continue  # "Is AWS's revenue growing?": a sentence that says no way it moves says nothing of it
        # what was done, or is put in right away, is no ceiling ("up to $25 billion")
        # (nor what a question calls sure: "Is the extra $20bn guaranteed?" and "up to another $20bn", where the
        # sentence does not call it so itself)
        done = q.past_tense or "upfront" in q.scope or (bool(_FIRM.search(q.text)) and not _FIRM.search(text))
        said = answer_forms.yes_no(text, asked - ABSENCE_TERMS, q.figures, q.said, q.contrary, q.periods, q.compared, done=done,
                                   names=q.subject_terms, absence=absence, durations=q.durations,
                                   months=months_in(q.text), year_parts=year_parts_in(q.text), graded=degrees(q.text), exact=exact,
                                   ordinals=answer_forms.ordinals_in(q.text))[2]
        if said.startswith("Yes") and exact:
            # "Is it exactly $100 billion?": a figure said bare is news rounding; a sentence that hedges it says No
            # first, and the bare one answers only where none does
            flat = flat or (s, said)
            continue
        if said.startswith("Yes") and rarest and q.measured and _said_of_another_figure(text, rarest, q.measured):
            # "Is Amazon's $5 billion investment tied to commercial milestones?" and "$5bn ..., with up to another $20bn
            # tied to commercial milestones": what the question says of its figure the sentence says of another
            said = "No" + said[len("Yes"):]
        if said.startswith("Yes") and q.measured and (q.exclusive or _WHOLE_OF.search(q.text)) and _added_after(text, q.measured):
            # "Is $5bn all the new money?" and "$5bn ..., with up to another $20bn tied to commercial milestones": the
            # sentence adds to the figure, so it is not the whole
            said = "No" + said[len("Yes"):]
        if said.startswith("Yes") and _GIVES_UP.search(q.text) and _KEEPS.search(text) and not _GIVES_UP.search(text) and any(
                _says_word(t, facts(data, s.sentence_id).terms) for t in asked - _GIVING_UP_TERMS - {q.predicate}):
            # "Will Anthropic give up its independence?" and "Anthropic formally retains its status as an independent lab"
            said = "No" + said[len("Yes"):]
        if said.startswith("Yes") and not q.figures and _THE_MOST.search(q.text) and not _ONE_OF.search(q.text) and _ONE_OF.search(text):
            continue  # "Is this the largest AI deal in history?": "one of the most significant ... deals" says not that
        if said.startswith("Yes") and q.doer and any(answer_forms.set_apart(text, frozenset(content_terms(q.doer)), frozenset(content_terms(e)))
                                                     for e in q.entities if e != q.doer):
            continue  # "Does Microsoft own a stake in Anthropic?": "Unlike Microsoft's arrangement with OpenAI ..., Amazon's deal with Anthropic"
        if said.startswith("Yes") and q.entities and not _names_any_nearby(data, q, s.sentence_id):
            continue  # "Does Amazon get veto rights?": "The UK ... was the only member state to veto ..." names no one asked
        if said.startswith("Yes") and _other_complement(q.text, text):
            continue  # "Is up to $20bn tied to regulatory approval?": "tied to commercial milestones" ties it to another thing
        if said.startswith("Yes") and unheard and not _says_word(rarest, facts(data, s.sentence_id).near_terms):
            continue  # "Are Dario and Daniela Amodei siblings?": no article says "siblings", no sentence says Yes
        if said.startswith("Yes") and unwritten and not (words_of(text) & q.said) and not any(
                _says_word(t, facts(data, s.sentence_id).terms) for t in nouns | {q.predicate} - LIGHT_TERMS if t):
            continue  # "Does Amazon get veto rights?": "Amazon does not acquire a controlling stake" says nothing asked
        if said.startswith("Yes") and held and not any(_says_word(t, facts(data, s.sentence_id).near_terms) for t in held):
            continue  # "Does Google have a board seat at Anthropic?": "... to compete with OpenAI and Google" says no seat
        if said.startswith("Yes") and subject and not _says_word(subject, facts(data, s.sentence_id).near_terms):
            continue  # "Are regulators looking at these AI investments?": "the AI ecosystem will look like ..." names no regulator
        if q.compares and not q.compared and not COMPARING.search(text) and not CONTRASTING.search(text):
            continue  # "Did Google invest more in Anthropic than Amazon?": only a sentence that compares says
        if said.startswith("Yes") and _owned_by_another(text, rarest, q):  # (rarest: a copular question's only)
            continue  # "Is Anthropic profitable?": "Amazon's most profitable division" says it of another
        if said.startswith("Yes") and q.exclusive and not _says_exclusive(text, asked):
            # "Can Claude only be accessed through AWS?": a sentence that says it is there says not that only there
            # ("... rather than only through model tokens" is of another thing)
            continue
        if said.startswith("Yes") and len(q.measured) > 1 and not all(
                any(states_any(data, i, [f]) for i in (s.sentence_id, *data.neighbours(s.sentence_id))) for f in q.measured):
            continue  # "Did Amazon invest $5 billion ... for a 51% stake?": a Yes holds every figure asked, not one
        if said.startswith("Yes") and targeted and not any(names_every((t,), names_here_and_before(data, s.sentence_id)) for t in targeted):
            continue  # "Will Anthropic spend $100 billion on Google Cloud?": a Yes names where the money goes
        if said.startswith("Yes") and known_measure and _of_another_measure(data, q, s.sentence_id):
            continue  # "Is Anthropic valued at $100 billion?": Anthropic's $100 billion of spending is no valuation
        if said.startswith("Yes") and (best_another if s is best else figure_of_another(data, q, s.sentence_id)):
            continue  # "Did Amazon invest $100 billion in Anthropic?": the $100 billion is Anthropic's to spend
        if q.compared and _approximately_asked(text, q.compared):
            continue  # "Has Microsoft's backing topped $13 billion?": "approximately $13 billion" says neither way
        if said.startswith("Yes") and given_units and not units & given_units and not (
                q.durations and set(q.durations) & set(spans_of_time(text))):
            # "Is the AWS contract 5 years long?": a sentence that gives no length says nothing of it (one that gives
            # it in words does: "over the next decade" for "about a decade")
            continue
        if said.startswith("Yes") and q.durations and not spans_of_time(text):
            # "Did Anthropic promise $100 billion over five years?" and "... over multiple years": a sentence that gives
            # no span of time says nothing of this one
            continue
        takes = (
            not q.predicate or q.predicate in LIGHT_TERMS or (s is best and said.startswith("No"))
            # the act, of the names asked: "Microsoft has invested ... in OpenAI" is no Yes about Anthropic
            # (a sentence past the best says it of the doer by name: "The move brings Amazon's total investment ..."
            # is no Yes to "Is Anthropic moving its workloads ...?")
            or (states_act(text, q.predicate, q.doer) and (
                # the best sentence, where it or the one before it names every name ("Microsoft has invested ... in
                # OpenAI" is no Yes to "Has Microsoft invested in Anthropic?"; "... by Amazon in a leading AI lab ...
                # In February 2026, the company invested ... in OpenAI" is one to "Did Amazon invest in OpenAI?")
                # ("Is AWS Anthropic's cloud provider?" asks of AWS a noun Anthropic owns: the sentence names AWS)
                (s is best and (said.startswith("No") or _names_all_here_or_before(data, q, s.sentence_id)
                                or not (_another_target(q, text) or q.doer in q.owners))) or (
                    names_all(data, q, s.sentence_id) and (not q.doer or names_doer(text, q.predicate, q.doer)))))
            # "... followed by an additional $2.75 billion in early 2024": the figure, in other words
            or (s is best and bool(q.measured) and states_any(data, s.sentence_id, q.measured) and not mentions_act(text, q.predicate))
            # "Did Amazon stock gain ground?" and "Amazon's shares climbed": the act, or its opposite, in other words
            # (past the best, one that names every name: "Amazon holds a minority stake" for "Does Amazon own a
            # majority of Anthropic?")
            or (bool(q.said) and bool(words_of(text) & (q.said | q.contrary)) and (s is best or names_all(data, q, s.sentence_id)))
            # "Does the AWS agreement run for ten years?" and "a 10-year agreement": the span of time, in other words
            or (s is best and bool(q.durations) and bool(set(q.durations) & set(spans_of_time(text)))
                and not mentions_act(text, q.predicate))
        )
        if not takes:
            continue
        if said.startswith("Yes") and q.years and not years_in(text):
            # "Was Claude 3.5 Sonnet released in 2023?": a sentence that dates it answers before one that dates nothing
            undated = undated or (s, said)
            continue
        if said.startswith("No") and elsewhere is not None:
            return elsewhere  # (a No that stands as well: the first one)
        if said.startswith("No") and q.measured and not q.compared and not states_any(data, s.sentence_id, q.measured) and (
                _other_tranches_only(data, q, s.sentence_id)) and any(
                o is not s and data.sentences[o.sentence_id].doc_id == data.sentences[s.sentence_id].doc_id
                and states_any(data, o.sentence_id, q.measured) for o in order):
            # "Was the first investment $1.25 billion?" and "That first commitment was followed by an additional $2.75
            # billion, bringing the total to $4 billion": the sentence's figures are others added and totals, and the
            # article states the figure asked in another sentence, which answers first
            elsewhere = (s, said)
            continue
        return s, said
    if undated is None and q.predicate in SOLE_ROLES and q.doer:
        # "Is Daniela Amodei the CEO of Anthropic?" and "CEO Dario Amodei and President Daniela Amodei": the role one
        # person holds is said of another, in a sentence that names the one asked about
        for s in [best, *(n for n in near if n is not best)]:
            text = data.sentences[s.sentence_id].text
            if names_all(data, q, s.sentence_id) and names_another_doer(text, q.predicate, q.doer):
                return s, f"No: {text}"
    return undated or flat or elsewhere


# giving something up, and keeping it: a question of the one is answered No by a sentence that says only the other
_GIVES_UP = re.compile(r"\b(?:give|gives|gave|given|giving)\s+up\b|\b(?:surrender|relinquish|cede|ceding|forfeit|lose|loses|losing)\w*",
                       re.IGNORECASE)
_GIVING_UP_TERMS = frozenset(content_terms("give up"))  # the words of giving up, not what is given up
_KEEPS = re.compile(r"\b(?:retain|keep|kept|maintain|preserv|remain)\w*", re.IGNORECASE)


# a word that asks for a figure as it is, not hedged: "Is it exactly $100 billion?"
_EXACTLY = re.compile(r"\b(?:exactly|precisely)\b", re.IGNORECASE)


# a preposition that places what a question asks and the words of its phrase, to the question's end or a comma
_PLACING = re.compile(r"\b(?:under|within|amid|during|despite|in|as part of)\s+(?:the\s+|this\s+|its\s+)?([^,?]+)",
                      re.IGNORECASE)


ADDED_SCOPES = frozenset({"additional", "total"})  # a figure added to another, or the sum of them


def _other_tranches_only(data: IndexData, q: QuestionAnalysis, sentence_id: int) -> bool:
    """Whether every claim of the question's units in the sentence is of money added or a total ("an additional
    $2.75 billion ..., bringing the total to $4 billion"), a scope the question does not ask."""
    known = facts(data, sentence_id)
    units = {f.unit for f in q.measured}
    claims = [c for c in data.claims_in_sentence(sentence_id) if c.figure.unit in units]
    return bool(claims) and not ADDED_SCOPES & set(q.scope) and all(
        known.scopes.get(c.figure.start - data.sentences[sentence_id].start, frozenset()) & ADDED_SCOPES for c in claims)


# a deal named by its figure, placing a question: "after the $25 billion deal", "under Amazon's $5bn investment"
_PLACED_BY_FIGURE = re.compile(
    r"\b(?:after|following|since|under|despite|with|as\s+part\s+of|in)\s+(?:the|this|that|its|[A-Z][\w&.-]*['’]s)\s+"
    r"(?:(?:new|latest|up-to-|up\s+to)\s*)?[$€£]?\d[\d.,]*\s*(?:bn|billion|b|million|m)?\s+"
    r"(?:deal|investment|agreement|round|commitment|injection|pact|partnership|contract|funding)\b", re.IGNORECASE)


def _placing_terms(question: str) -> frozenset[str]:
    """The words of the phrases that place a yes/no question ("under the arrangement", "despite the deal"): what it
    asks is said before them (not a time: "after the news came out" is said as "Following the announcement")."""
    return frozenset(t for m in _PLACING.finditer(question) for t in content_terms(m.group(1)))


# a superlative or "first" that makes a thing the one: "the largest deal", "Amazon's first mega-investment"
_THE_MOST = re.compile(r"\b(?:the|its|their|[A-Z][\w&.-]*['’]s)\s+(?:(?:single|very)\s+)?(?:first|only|largest|biggest|"
                       r"greatest|highest|most\s+(?!recent\b)\w+|(?!(?:inter|requ|for|cont|prot|harv|sugg|manif|inv|arr|dig|lat|new|earli)est\b)[a-z]{3,}est)\b")
_ONE_OF = re.compile(r"\bone\s+of\s+the\b|\bamong\s+the\b", re.IGNORECASE)


NAMES_REACH = 3  # sentences before a Yes's own, in its article, read for a name of the question ("this fast-growing company")


def _names_any_nearby(data: IndexData, q: QuestionAnalysis, sentence_id: int) -> bool:
    """Whether a sentence or one of the NAMES_REACH before it in its article names one of the question's names."""
    doc_id = data.sentences[sentence_id].doc_id
    named: set[str] = set()
    for i in range(max(0, sentence_id - NAMES_REACH), sentence_id + 1):
        if data.sentences[i].doc_id == doc_id:
            named |= facts(data, i).names
    return any(names_every((e,), named) for e in q.entities)


def _names_all_here_or_before(data: IndexData, q: QuestionAnalysis, sentence_id: int) -> bool:
    """Whether a sentence and the one before it in its article name every name of the question between them."""
    return names_every(q.entities, names_here_and_before(data, sentence_id))


# a name's possessive, then up to two words before the word: "Amazon's most profitable division"
# (not a contraction: "It's called circular", "That's")
_OWNED_WORD = re.compile(r"(?!(?:It|He|She|That|There|Here|What|Who|Where|Let|This)['’]s\b)"
                         r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)['’]s\s+((?:[\w-]+\s+){0,2})([\w-]+)")


def _owned_by_another(sentence: str, rarest: str, q: QuestionAnalysis) -> bool:
    """Whether the sentence says the question's rarest word only of what another name owns: "Is Anthropic
    profitable?" and "... back to Amazon's most profitable division" (the division is Amazon's, and profitable)."""
    if not rarest:
        return False
    owned = [m for m in _OWNED_WORD.finditer(sentence) if any(rarest in content_terms(w) for w in (m.group(2) + m.group(3)).split())]
    said = sum(rarest in content_terms(w) for w in re.findall(r"[\w-]+", sentence))
    # (a name of the question's own, or part of one: "Amazon's circular investment model" for "the Amazon-Anthropic deal")
    return bool(owned) and len(owned) == said and all(not set(content_terms(m.group(1))) & q.name_terms for m in owned)


# a preposition and the name after it: the party an act is done to ("invested ... in Anthropic")
_TARGETED = re.compile(r"\b(in|into|to|with|from|for|on|against)\s+(?:the\s+)?([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*)")


def _another_target(q: QuestionAnalysis, sentence: str) -> bool:
    """Whether the sentence puts another name where the question puts one of its names after a preposition: "Has
    Microsoft invested in Anthropic?" and "Microsoft has invested approximately $13 billion in OpenAI"."""
    asked = {_SAME_ROLE.get(m.group(1).lower(), m.group(1).lower()) for m in _TARGETED.finditer(q.text) if m.group(2) in q.entities}
    if not asked:
        return False
    keys = {entity_key(e) for e in q.entities}
    return any(_SAME_ROLE.get(m.group(1).lower(), m.group(1).lower()) in asked and entity_key(m.group(2)) not in keys
               for m in _TARGETED.finditer(sentence))


_SAME_ROLE = {"into": "in"}  # "put money into Anthropic" and "invested ... in OpenAI" name the same role


EXCLUSIVE_REACH = 4  # words after "only" read for the question's word it makes exclusive ("only through AWS")


def _says_exclusive(sentence: str, asked: AbstractSet[str]) -> bool:
    """Whether the sentence makes one of the question's words exclusive: "only", "exclusively", "solely" or "sole"
    with the word among the EXCLUSIVE_REACH words after it."""
    asked = frozenset(asked) - PREPOSITIONS  # "only through model tokens" makes no AWS exclusive
    for m in EXCLUSIVE.finditer(sentence):
        after = sentence[m.end():].split()[:EXCLUSIVE_REACH]
        if set(content_terms(" ".join(after))) & asked:
            return True
    return False


def _of_another_measure(data: IndexData, q: QuestionAnalysis, sentence_id: int) -> bool:
    """Whether every claim of a sentence that states the question's figure measures another thing than the question
    asks of (its measure word, in any form: "valued" and "valuation"; not "spend" for it). For a question whose measure
    the articles' claims have (_known_measure: not "still" of "Is $8 billion still the total?")."""
    # (a figure compared with need not be stated: then every claim of its unit is what the sentence gives)
    compared_units = {g.unit for g, _ in q.compared}
    claims = [c for c in data.claims_in_sentence(sentence_id) if c.figure.unit in compared_units or any(
        same_value(c.figure.value, f.value) and c.figure.unit == f.unit for f in q.measured)]
    if not claims:
        return False
    asked = _measure_words(data, q)
    if any(akin(m, t) for t in facts(data, sentence_id).terms for m in asked if m == q.measure or m not in q.terms):
        return False  # the sentence says the measure, whatever the parse made the claim's ("values Anthropic at ...")
    return all(c.measure and not any(akin(t, m) for m in content_terms(c.measure) for t in asked) for c in claims)


def _known_measure(data: IndexData, q: QuestionAnalysis) -> bool:
    """Whether the question's measure is one the articles' claims have, in any form ("valu" of "valuation")."""
    return bool(q.measure) and any(akin(q.measure, m) for m in data.measure_classes)


def _measure_words(data: IndexData, q: QuestionAnalysis) -> frozenset[str]:
    """The question's words but its names, and the measures the corpus uses for the same thing as one of them
    ("commitment" and "investment": rag.disagreement's measure classes)."""
    return frozenset(m for t in q.terms - q.name_terms for m in (t, *data.measure_members(t)))


# a question whether a figure is the whole of something: "Is $5bn all the new money?", "Is $25bn the full amount?"
_WHOLE_OF = re.compile(r"\b(?:all(?:\s+of)?\s+(?:the|its|their)|the\s+(?:whole|entire|full)|everything)\b", re.IGNORECASE)
# another amount added to one said before it: "with up to another $20bn", "plus an additional $2.75 billion"
_ADDING = re.compile(r"\b(?:another|additional|further|more|plus)\s+(?:up\s+to\s+|as\s+much\s+as\s+)?[$€£]?\d", re.IGNORECASE)


def _added_after(sentence: str, asked: Sequence[Figure]) -> bool:
    """Whether the sentence states an asked figure and then adds another amount to it ("$5bn ..., with up to another
    $20bn"); not where the adding comes first ("... another $20bn ..., lifting its total to $33bn": that is the sum)."""
    return any(_ADDING.search(sentence, f.end) for f in extract_figures(sentence) if any(
        f.unit == g.unit and same_value(f.value, g.value) for g in asked))


def _said_of_another_figure(sentence: str, stem: str, asked: Sequence[Figure]) -> bool:
    """Whether the figure nearest the sentence's word of `stem` is another than the asked one, which the sentence
    states too ("$5bn ..., with up to another $20bn tied to commercial milestones" for the $5 billion)."""
    stated = [f for f in extract_figures(sentence) if any(f.unit == g.unit for g in asked)]
    if not any(same_value(f.value, g.value) for f in stated for g in asked):
        return False  # the asked figure is not here: the figure checks decide
    words = [m for m in re.finditer(r"[A-Za-z][\w-]*", sentence) if content_terms(m.group()) == [stem]]

    def gap(f: Figure, m: re.Match[str]) -> int:
        return m.start() - f.end if f.end <= m.start() else f.start - m.end() if f.start >= m.end() else 0

    # (every time the word is said, another figure is nearest: "OpenAI's most recent valuation reached approximately
    # $150 billion, while Mistral AI achieved a $6 billion valuation" says the valuation of $150 billion too)
    return bool(words) and all(
        not any(same_value(min(stated, key=lambda f: gap(f, m)).value, g.value) for g in asked) for m in words)


# a question that asks whether something is lacking, in its predicate (not a negated auxiliary: "Doesn't Amazon
# have a board seat?" asks whether it has one): "... comes without a board seat?", "Does Amazon lack a board seat?"
_ABSENCE = re.compile(r"\b(?:without|lacks?|lacking|free of)\b", re.IGNORECASE)
ABSENCE_TERMS = frozenset(content_terms("without lack lacks lacking free"))


APPROXIMATE = frozenset({"approximately", "about", "around", "roughly", "close to", "an estimated"})  # not "a reported"


def _approximately_asked(sentence: str, compared: Sequence[tuple[Figure, str]]) -> bool:
    """Whether every figure of a compared unit the sentence states is the compared value itself, given only
    approximately: "approximately $13 billion" is neither more nor less than $13 billion ("a reported $2 billion"
    is $2 billion, reported); or one said bare, or that a verb brings it to, asked whether it is past it ("pledged to
    spend $100 billion", "has reached $30 billion": another sentence may say "more than")."""
    stated = [f for f in extract_figures(sentence) if any(f.unit == g.unit for g, _ in compared)]
    return bool(stated) and all(any(same_value(f.value, g.value) and (f.qualifier in APPROXIMATE or (
        way == ">" and (answer_forms.said_bare(sentence, f) or _REACHED.search(sentence, 0, f.start)))) for g, way in compared)
        for f in stated)


# a verb that brings a figure to a mark: "has reached $30 billion" says neither that it is past $30 billion nor not
_REACHED = re.compile(r"\b(?:reach|reached|reaches|hit|hits|touched|touches)\s+(?:the\s+)?(?:an?\s+)?$", re.IGNORECASE)


SAME_FIGURE_SHARE = 0.1  # an amount asked as it is holds where the stated one is within this share of it


def holds(q: QuestionAnalysis, asked: Figure, stated: float) -> bool:
    """Whether a stated value bears out the question's figure: above a floor it puts ("past $50 billion": its
    `compared` way), below a ceiling, else within SAME_FIGURE_SHARE of it (a share not hedged: that value only)."""
    way = next((w for g, w in q.compared if g == asked), "")
    if way == ">":
        return stated > asked.value
    if way == ">=":
        return stated >= asked.value
    if way == "<":
        return stated < asked.value
    # a share is asked as it is unless the question hedges it: a reported 49% is no 51% stake (a majority)
    share = 0.0 if asked.unit == "%" and asked.qualifier not in APPROXIMATE else SAME_FIGURE_SHARE
    return abs(stated - asked.value) <= share * abs(asked.value) or same_value(stated, asked.value)


SINGLE_MEASURE_UNITS = frozenset({"W", "Wh", "ratio", "tokens"})  # units of one kind of thing each, unlike money or a share


def figure_denied(data: IndexData, q: QuestionAnalysis, near: Sequence[Scored]) -> tuple[Scored, Claim] | None:
    """For a yes/no question on a figure that no claim of the question's names states: the first near
    sentence with a claim of those names, that measure and the figure's unit whose value does not bear it out ("Has
    Anthropic promised to spend $50 billion on AWS?" and "Anthropic has pledged to spend $100 billion on AWS"), and
    that claim; None where the figure is stated, or no such claim is near."""
    asked = q.measured[0]
    terms = (q.terms - q.name_terms) | measure_words(q.measure)  # ("Did Amazon stock jump 10%?": its shares)

    def measures(c: Claim, words: AbstractSet[str] = terms) -> bool:
        return bool(c.measure) and any(akin(t, m) for m in content_terms(c.measure) for t in words)

    # a measure the articles' claims have ("valued"): a claim of the figure of another measure does not state it
    known = _known_measure(data, q)
    words = _measure_words(data, q)
    # whose figure it is: the question's actor where it has one ("Did Salesforce invest ... in Anthropic?"), else any name
    keys = {entity_key(e) for e in ((q.actor or q.doer,) if q.actor or q.doer else q.entities)} - {""}
    named = {entity_key(e) for e in q.entities} if asked.unit in SINGLE_MEASURE_UNITS else set()
    for e in () if q.compared else q.entities or ("",):  # (a value compared with is no claim to look up)
        stated = data.claims_of_figure(asked.value, asked.unit, e or None, limit=STATED_LOOKUP)
        if stated and (not known or any(measures(c, words) or not c.measure for c in stated)):
            # stated of the question's names, in any words: the answer is read from that claim's sentence (not where
            # it is their figure of another measure: Anthropic's $100 billion of spending for "Is Anthropic valued at
            # $100 billion?")
            return None
    for s in near:
        sentence = data.sentences[s.sentence_id]
        # (a claim of the question's names in a sentence that says the measure, whatever the parse made the claim's:
        # "This latest investment round reportedly values Anthropic at approximately $60 billion")
        said = known and any(akin(q.measure, t) for t in facts(data, s.sentence_id).terms)
        # (and not another name's: "$8 billion in backing from Amazon" says nothing of Salesforce's money)
        # (a unit that measures one kind of thing, power or a ratio, says the measure itself: "securing up to 5GW" for
        # "getting up to 10 gigawatts of computing capacity"; a question whose names are all set aside binds none)
        of_unit = [c for c in data.claims_in_sentence(s.sentence_id) if c.figure.unit == asked.unit]
        # (of two figures of the unit, the one of the measure: "committing $5 billion to Anthropic while securing a
        # $100 billion cloud spending commitment" says $5 billion of the investment, whatever the sentence's words)
        said = said and (len(of_unit) < 2 or not any(measures(c) for c in of_unit))
        claims = [c for c in of_unit if (
            measures(c) or said or (asked.unit in SINGLE_MEASURE_UNITS and entity_key(c.subject) in named))
            and (not c.subject or not keys or entity_key(c.subject) in keys or entity_key(c.subject) in named)]
        if any(same_value(c.figure.value, asked.value) for c in claims):
            return None
        if q.compared:
            # a comparison is judged by the claim's side of what the sources give (the caller weighs it: "surpassing
            # $1 billion" is the older side for "Is Anthropic's revenue below $5 billion?"); a sentence whose figures
            # fall on both sides says neither ("$5 billion ... a $100 billion commitment")
            placed_claims = [c for c in claims if is_bound(data, q, s.sentence_id, dataclasses.replace(
                c.figure, start=c.figure.start - sentence.start, end=c.figure.end - sentence.start))]
            if placed_claims and len({holds(q, asked, c.figure.value) for c in placed_claims}) == 1:
                return s, placed_claims[0]
            continue
        for c in claims:
            placed = dataclasses.replace(c.figure, start=c.figure.start - sentence.start, end=c.figure.end - sentence.start)
            if not holds(q, asked, c.figure.value) and is_bound(data, q, s.sentence_id, placed):
                return s, c
    return None


