"""Whole answers by the form the question asks for, cut from the best sentences: yes/no from a sentence's polarity,
a definition from a copular sentence, a reason clause, a coordinated list, a role beside a name, a name given."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from rag import answer_forms
from rag.alignment import AskedRole, aligned_span, effect, mentions_act, names_another_doer, names_doer, purpose, states_act
from rag.analysis import COMPARING, EXCLUSIVE, ROLE_TERMS, ROLE_WORDS, SOLE_ROLES, QuestionAnalysis
from rag.binding import is_bound, names_all, names_every
from rag.claim_reads import figure_of_another, states_any
from rag.disagreement import entity_key
from rag.figures import extract_figures
from rag.index.view import IndexData
from rag.lexical import LIGHT_TERMS, PREPOSITIONS, TermWeights, akin, content_terms
from rag.mentions import member_keys
from rag.mismatch import spans_of_time
from rag.opposites import words_of
from rag.scoring import NEAR_BEST, UNKNOWN, Scored
from rag.sentence_facts import facts
from rag.spans import candidate_spans
from rag.timewords import years_in

WHOLE_ANSWER_CANDIDATES = 3  # sentences searched for a yes/no, definition, reason or list form
REASON_CANDIDATES = 6  # sentences a why question reads for a reason clause holding its rarest word
REASON_REACH = 0.7  # of the best score, what such a sentence needs


def rarest_shared(q: QuestionAnalysis, terms: AbstractSet[str], idf: TermWeights) -> str:
    """The rarest word the question and its answer's sentence share that is not one of the question's names: what
    another article must say too ("independ" for "Is Anthropic still an independent company?")."""
    names = q.name_terms
    shared = sorted((q.terms & terms) - names - LIGHT_TERMS, key=lambda t: (-idf.get(t, 0.0), t))
    return shared[0] if shared else ""


# "What is a notable application of X?": the noun before "of" (after the article and up to two adjectives)
_OF_NOUN = re.compile(r"^\W*what\s+(?:is|are|was|were)\s+(?:a|an|the|one|some)\s+(?:[\w-]+\s+){0,2}?([a-z]+)\s+of\b", re.IGNORECASE)
_INTRODUCES = re.compile(r"\b([A-Za-z]+)\s*,?\s+(?:such as|including|like)\s")
_EXAMPLE_NOUNS = frozenset(content_terms("example instance"))


def example_given(sentence: str, q: QuestionAnalysis) -> str | None:
    """The example a sentence gives of what a "what is a <noun> of ...?" question asks: the noun (or "example") is
    the word before "such as", "including" or "like"; None where it is not."""
    m = _OF_NOUN.match(q.text)
    noun = content_terms(m.group(1)) if m else []
    if not noun:
        return None
    for intro in _INTRODUCES.finditer(sentence):
        before = content_terms(intro.group(1))
        if noun[0] in _EXAMPLE_NOUNS or (before and akin(before[0], noun[0])):
            aligned = aligned_span(sentence, AskedRole("", "", "", frozenset(), frozenset(), True))
            if aligned is not None and aligned.start >= intro.end() - 1:
                text = sentence[aligned.start : aligned.end]
                return text if not set(content_terms(text)) <= q.terms else None
    return None


def _glossary_term(data: IndexData, sentence_id: int, q: QuestionAnalysis) -> int | None:
    """The heading a definition line stands under, where the sentence is the first line after a short heading that
    the question does not itself name (a glossary: "Model Optimization" above "Customizing cloud infrastructure ...")."""
    if facts(data, sentence_id).heading:
        return None
    before = data.neighbours(sentence_id, after=False)  # the sentence just before, within the document
    if not before:
        return None
    heading = before[0]
    known = facts(data, heading)
    if not known.heading or not known.terms or known.terms <= q.terms or known.asks:
        return None
    return heading


ROLE_ASKING = frozenset(content_terms("title role position job post"))  # a question that asks which role a person holds
ROLE_REACH = 4  # words before a name (or after it and a comma) read for its role: "Chief Executive Officer Jane Doe"
_ROLE_AFTER = re.compile(rf",\s+(?:the\s+|its\s+|a\s+)?((?:[A-Za-z][\w-]*\s*){{1,{ROLE_REACH}}})")


def role_beside(sentence: str, names: Sequence[str]) -> str | None:
    """The role a sentence sets beside one of the names: the role words just before it ("CEO Dario Amodei",
    "President Daniela Amodei") or just after it and a comma ("Dario Amodei, the chief executive"); None where none."""
    for name in names:
        for m in re.finditer(rf"\b{re.escape(name)}\b", sentence):
            before = re.findall(r"[A-Za-z][\w-]*", sentence[: m.start()])[-ROLE_REACH:]
            run: list[str] = []
            for word in reversed(before):
                if not set(content_terms(word)) <= ROLE_WORDS or not content_terms(word):
                    break
                run.insert(0, word)
            if run and set(content_terms(" ".join(run))) & ROLE_TERMS:
                return " ".join(run)
            after = _ROLE_AFTER.match(sentence, m.end())
            words = after.group(1).split() if after else []
            run = []
            for word in words:
                if not content_terms(word) or not set(content_terms(word)) <= ROLE_WORDS:
                    break
                run.append(word)
            while run and not set(content_terms(run[-1])) & ROLE_TERMS:
                run.pop()  # "chief executive": it ends on the role
            if run:
                return " ".join(run)
    return None


def asked_terms(q: QuestionAnalysis) -> frozenset[str]:
    """What the question says of its names: its terms but its names' and the light verbs (LIGHT_TERMS)."""
    return q.terms - q.name_terms - LIGHT_TERMS


def yes_no(data: IndexData, q: QuestionAnalysis, best: Scored, near: Sequence[Scored]) -> tuple[Scored, str] | None:
    """ "Yes: ..." or "No: ..." from the best sentence. A question that asks an act of a name ("Did Anthropic invest
    in Amazon?") gets a Yes only from a sentence that says that act of that name: "Amazon invested $5 billion in
    Anthropic" is no Yes. Else the first near sentence that says the act answers, and where none does, nothing
    (the answerer abstains). A No the best sentence gives (its negation, another figure, the opposite word) stands."""
    # what a negation must govern to say No: the question's words but its names ("does not have a board seat,
    # allowing Anthropic ..." says nothing against "Does Amazon hold a minority stake in Anthropic?")
    asked = asked_terms(q) or q.terms  # nor "have" ("does not have a board seat")
    given_units = {f.unit for f in q.figures if f.unit not in ("year", "count", "")}
    undated: tuple[Scored, str] | None = None
    # the best sentence states the figure, as the asked names' ("Was OpenAI valued at $60 billion?": 003's $60 billion
    # is Anthropic's, so a sentence with OpenAI's own valuation may answer No)
    best_another = figure_of_another(data, q, best.sentence_id)
    best_states = bool(q.measured) and states_any(data, best.sentence_id, q.measured) and not best_another
    order = [best, *(n for n in near if n is not best)]
    if not q.predicate or q.predicate in LIGHT_TERMS:
        # "Is the Amazon-Anthropic deal a circular investment?": what the question says its names are ("circular",
        # its rarest word) is said where it is written, before a sentence that only names the deal
        # (not a word of a phrase that only places the question: "under the arrangement" in "Does Anthropic stay
        # independent under the arrangement?")
        said_of = asked - _placing_terms(q.text) or asked
        rarest = max(said_of, key=lambda t: (data.idf.get(t, 0.0), t), default="")
        order = [s for s in order if rarest in facts(data, s.sentence_id).terms] + [
            s for s in order if rarest not in facts(data, s.sentence_id).terms]
    for s in order:
        text = data.sentences[s.sentence_id].text
        units = {f.unit for f in extract_figures(text)} if given_units else set()
        if s is not best and q.measured and not states_any(data, s.sentence_id, q.measured) and (best_states or not (
                units & given_units and names_all(data, q, s.sentence_id))):
            # another sentence answers a figure question where it states that figure; where the best one does not,
            # also where it gives another of that unit of the same names ("OpenAI's ... $150 billion")
            continue
        if q.said and not words_of(text) & (q.said | q.contrary) and not q.compared:
            continue  # "Is AWS's revenue growing?": a sentence that says no way it moves says nothing of it
        # what was done, or is put in right away, is no ceiling ("up to $25 billion")
        done = q.past_tense or "upfront" in q.scope
        said = answer_forms.yes_no(text, asked, q.figures, q.said, q.contrary, q.periods, q.compared, done=done, names=q.name_terms)[2]
        if q.compares and not q.compared and not COMPARING.search(text):
            continue  # "Did Google invest more in Anthropic than Amazon?": only a sentence that compares says
        if said.startswith("Yes") and q.exclusive and not _says_exclusive(text, asked):
            # "Can Claude only be accessed through AWS?": a sentence that says it is there says not that only there
            # ("... rather than only through model tokens" is of another thing)
            continue
        if said.startswith("Yes") and (best_another if s is best else figure_of_another(data, q, s.sentence_id)):
            continue  # "Did Amazon invest $100 billion in Anthropic?": the $100 billion is Anthropic's to spend
        if said.startswith("Yes") and given_units and not units & given_units and not (
                q.durations and set(q.durations) & set(spans_of_time(text))):
            # "Is the AWS contract 5 years long?": a sentence that gives no length says nothing of it (one that gives
            # it in words does: "over the next decade" for "about a decade")
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
                (s is best and (said.startswith("No") or _names_all_here_or_before(data, q, s.sentence_id)
                                or not _another_target(q, text))) or (
                    names_all(data, q, s.sentence_id) and (not q.doer or names_doer(text, q.predicate, q.doer)))))
            # "... followed by an additional $2.75 billion in early 2024": the figure, in other words
            or (s is best and bool(q.measured) and states_any(data, s.sentence_id, q.measured) and not mentions_act(text, q.predicate))
            # "Did Amazon stock gain ground?" and "Amazon's shares climbed": the act, or its opposite, in other words
            or (s is best and bool(q.said) and bool(words_of(text) & (q.said | q.contrary)))
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
        return s, said
    if undated is None and q.predicate in SOLE_ROLES and q.doer:
        # "Is Daniela Amodei the CEO of Anthropic?" and "CEO Dario Amodei and President Daniela Amodei": the role one
        # person holds is said of another, in a sentence that names the one asked about
        for s in [best, *(n for n in near if n is not best)]:
            text = data.sentences[s.sentence_id].text
            if names_all(data, q, s.sentence_id) and names_another_doer(text, q.predicate, q.doer):
                return s, f"No: {text}"
    return undated


# a preposition that places what a question asks and the words of its phrase, to the question's end or a comma
_PLACING = re.compile(r"\b(?:under|within|amid|during|despite|after|before|following|in|as part of)\s+(?:the\s+|this\s+|its\s+)?([^,?]+)",
                      re.IGNORECASE)


def _placing_terms(question: str) -> frozenset[str]:
    """The words of the phrases that place a yes/no question ("under the arrangement", "after the deal"): what it
    asks is said before them."""
    return frozenset(t for m in _PLACING.finditer(question) for t in content_terms(m.group(1)))


def _names_all_here_or_before(data: IndexData, q: QuestionAnalysis, sentence_id: int) -> bool:
    """Whether a sentence and the one before it in its article name every name of the question between them."""
    named = facts(data, sentence_id).names.union(*(facts(data, n).names for n in data.neighbours(sentence_id, after=False)))
    return names_every(q.entities, named)


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


def whole_answer(
    data: IndexData, q: QuestionAnalysis, bound: Sequence[Scored], best: Scored, scored: Sequence[Scored] = (),
    idf: TermWeights | None = None,
) -> tuple[Scored, str] | None:
    """Yes/no, definition, reason and list answers, cut from the best sentences that hold that form; an acronym's
    long form from the best of all the `scored` sentences that spells it out (it holds the acronym: it is bound)."""
    near = [s for s in bound[:WHOLE_ANSWER_CANDIDATES] if s.score >= NEAR_BEST * best.score] or [best]
    if q.measure in ROLE_ASKING and q.entities:
        # "What is Dario Amodei's title?": the role word a near sentence sets beside the name ("CEO Dario Amodei")
        for s in near:
            held = role_beside(data.sentences[s.sentence_id].text, q.entities)
            if held is not None:
                return s, held
    if q.likened:
        # "What is 5 gigawatts comparable to?": what a near sentence, or the one after it that refers back ("... up
        # to 5 gigawatts. To put this in scale: this is comparable to the power output of ..."), likens it to
        for s in near:
            for sid in (s.sentence_id, *(n for n in data.neighbours(s.sentence_id) if n > s.sentence_id)):
                cut = answer_forms.likening(data.sentences[sid].text, back=sid != s.sentence_id)
                if cut is not None:
                    return (s if sid == s.sentence_id else dataclasses.replace(s, sentence_id=sid, span=None)), cut[2]
    if q.answer_type == "expansion":
        # "What does AWS stand for?": the first sentence, in order, that spells the acronym out; none, no answer
        for s in scored:
            cut = answer_forms.expansion(data.sentences[s.sentence_id].text, q.acronym)
            if cut is not None:
                return s, cut[2]
        return None
    if q.asks_name or q.asks_what_called or q.asks_other_name:
        # "What is the Rankine cycle sometimes called?": the name a near sentence gives it, where it says one
        for s in near:
            cut = answer_forms.naming(data.sentences[s.sentence_id].text)
            if cut is not None and not all(t in q.terms for t in content_terms(cut[2])):
                return s, cut[2]
        # "What is tailoring cloud infrastructure to a model called?" answered by a glossary's definition line: the
        # term is the heading above it ("Model Optimization")
        term = _glossary_term(data, best.sentence_id, q)
        if term is not None:
            return dataclasses.replace(best, sentence_id=term, span=None), data.sentences[term].text
    if q.answer_type == "yesno" and q.alternatives:
        # "Does Amazon hold a majority or a minority stake?": the choice a near sentence names, else that sentence
        for s in near:
            cut = answer_forms.alternative(data.sentences[s.sentence_id].text, q.alternatives, q.terms)
            if cut is not None:
                return s, cut[2]
        return best, data.sentences[best.sentence_id].text
    if q.answer_type == "yesno":
        return yes_no(data, q, best, near)
    if q.answer_type == "definition":
        noun = q.measure
        for s in near:
            # "What is an example of X?", "What is a notable application of injectors?": what "such as" introduces
            # ("applications such as steam locomotives")
            given = example_given(data.sentences[s.sentence_id].text, q)
            if given is not None:
                return s, given
        for s in near:
            # "What is the 'Token Economy'?": what the clause after the term says happens there ("the 'Token
            # Economy,' where the increasing volume and pricing of AI-generated output are driving revenue growth")
            cut = answer_forms.where_clause(data.sentences[s.sentence_id].text, q.entities)
            if cut is not None:
                return s, cut[2]
        for s in near:
            cut = answer_forms.definition(data.sentences[s.sentence_id].text, noun)
            if cut is not None:
                return s, cut[2]
        for s in bound[:WHOLE_ANSWER_CANDIDATES]:
            # a glossary: the term as a heading of its own ("Model Optimization"), its definition the line after
            known = facts(data, s.sentence_id)
            if known.heading and known.terms and known.terms <= q.terms:
                after = [i for i in data.neighbours(s.sentence_id) if i > s.sentence_id and not facts(data, i).heading]
                if after:
                    return dataclasses.replace(s, sentence_id=after[0], span=None), data.sentences[after[0]].text
    if q.answer_type == "reason":
        manner = q.asks_how
        for s in near:
            cut = answer_forms.reason(data.sentences[s.sentence_id].text, manner)
            if cut is not None:
                return s, cut[2]
        # "Why does a guaranteed 5 GW matter to Anthropic?": what a near sentence whose subject is the question's
        # topic says it does ("The guaranteed 5 gigawatts removes one of the main operational risks ...")
        for s in near:
            text = data.sentences[s.sentence_id].text
            found = effect(text, frozenset(q.terms), q.name_terms)
            if found is not None:
                return s, text[found[0] : found[1]]
        # "Why is the deal described as circular?": a reason a little further down ("It's called circular because
        # ...") that holds the question's rarest word, before a purpose clause of a nearer sentence
        rarest = rarest_shared(q, q.terms, idf) if idf is not None else ""
        seen = {s.sentence_id for s in near}
        for s in scored[:REASON_CANDIDATES]:
            known = facts(data, s.sentence_id)
            if s.sentence_id in seen or s.score < REASON_REACH * best.score or (rarest and rarest not in known.terms):
                continue
            if s.bound == 0.0 or (s.bound == UNKNOWN and not is_bound(data, q, s.sentence_id, None, known)):
                continue
            cut = answer_forms.reason(known.text, manner)
            if cut is not None:
                return s, cut[2]
        if not manner:  # "Why was the office created?": "created to coordinate the response", the purpose it serves
            for s in near:
                text = data.sentences[s.sentence_id].text
                found = purpose(text, frozenset(q.terms))
                if found is not None:
                    return s, text[found[0] : found[1]]
    if q.is_list:
        # the best sentence that names its answer within a list: "Google, Salesforce, and others", not a lone "AI"
        spanned = [(s, s.span) for s in near if s.span is not None and s.span.figure is None]
        for s, span in spanned:
            cut = answer_forms.coordinated(data.sentences[s.sentence_id].text, span.start, span.end)
            if cut is not None:
                return s, cut[2]
        for s, span in spanned:
            if span.kind == "name":
                # "Who else has invested in Anthropic?": the sentence's list of names ("investments from Google,
                # Salesforce, and others"), where the best name of it stands alone ("the financial Runway")
                text = data.sentences[s.sentence_id].text
                named = (answer_forms.coordinated(text, c.start, c.end) for c in candidate_spans(text, "name"))
                cut = next((c for c in named if c is not None and c[0] > 0 and not _names_asked(q, c[2])), None)
                if cut is not None:
                    return s, cut[2]
    return None


def _names_asked(q: QuestionAnalysis, text: str) -> bool:
    """Whether a list is of the question's own names ("Amazon and Anthropic" for a question about them)."""
    return bool(member_keys(text) & {entity_key(e) for e in q.entities})
