"""Whole answers by the form the question asks for, cut from the best sentences: yes/no from a sentence's polarity,
a definition from a copular sentence, a reason clause, a coordinated list, a role beside a name, a name given."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from rag import answer_forms
from rag.alignment import AskedRole, aligned_span, contrasted, effect, purpose
from rag.analysis import ROLE_TERMS, ROLE_WORDS, QuestionAnalysis
from rag.binding import is_bound, names_every
from rag.claim_reads import states_any
from rag.disagreement import entity_key
from rag.index.view import IndexData
from rag.lexical import LIGHT_TERMS, TermWeights, akin, content_terms
from rag.mentions import member_keys
from rag.scoring import NEAR_BEST, UNKNOWN, Scored
from rag.sentence_facts import facts
from rag.spans import candidate_spans
from rag.yes_no import yes_no

WHOLE_ANSWER_CANDIDATES = 3  # sentences searched for a yes/no, definition, reason or list form
REASON_CANDIDATES = 12  # sentences a why question reads for a reason clause holding its rarest word
# a "how does X <verb> Y?" question with one of these verbs asks what X does for Y (an effect), not a means
BENEFIT_TERMS = frozenset(content_terms("help helps benefit benefits aid aids serve serves hurt hurts harm harms affect affects"))
DIFFER_TERMS = frozenset(content_terms("differ differs different difference distinguish distinguishes"))  # asks a contrast
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


MEANING_TERMS = frozenset(content_terms("mean means matter matters"))  # "What does it mean for Nvidia?"
_MEANS_FOR = re.compile(r"^\W*what\s+(?:does|did|will|would|could|might)\b[^?]*\b(?:mean|matter)\s+(?:for|to)\s", re.IGNORECASE)


def _said_for(data: IndexData, q: QuestionAnalysis, candidates: Sequence[Scored]) -> tuple[Scored, str] | None:
    """What a sentence says for one of the question's names, opening with it ("For Anthropic, the terms of the
    agreement address a critical problem ..."): the rest of that sentence; None where no bound candidate does."""
    for s in candidates:
        if s.bound == 0.0:
            continue
        text = data.sentences[s.sentence_id].text
        for name in q.entities:
            m = re.match(rf"\W*(?:For|To)\s+(?:the\s+)?{re.escape(name)}\b[^,]{{0,40}},\s*", text)
            if m is not None and m.end() < len(text):
                return s, text[m.end() :].rstrip(" .")
    return None


def _effect_said(data: IndexData, q: QuestionAnalysis, near: Sequence[Scored]) -> tuple[Scored, str] | None:
    """ "Why does a guaranteed 5 GW matter to Anthropic?": what the first near sentence whose subject is the
    question's topic says it does ("The guaranteed 5 gigawatts removes one of the main operational risks ...")."""
    for s in near:
        text = data.sentences[s.sentence_id].text
        found = effect(text, frozenset(q.terms), q.name_terms)
        if found is not None:
            return s, text[found[0] : found[1]]
    return None


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
    if answer_forms.ASKS_CONDITION.search(q.text):
        # "What are the additional $20 billion contingent on?": what a near sentence says it is tied to ("tied to
        # commercial milestones"), one that states the figure the question gives first
        stating = [s for s in near if q.figures and states_any(data, s.sentence_id, q.figures)]
        for s in [*stating, *(s for s in near if s not in stating)]:
            cut = answer_forms.condition(data.sentences[s.sentence_id].text)
            if cut is not None:
                return s, cut[2]
    if (conditioned := answer_forms.ASKS_CONSEQUENCE.match(q.text)) is not None:
        # "What happens if Anthropic's growth slows down?": what a sentence among the best says follows from that
        # condition ("if Anthropic's growth slows, the long-dated purchase commitments become less valuable")
        asked = frozenset(content_terms(conditioned.group("condition")))
        for s in bound[:REASON_CANDIDATES]:
            if s.score < REASON_REACH * best.score:
                break
            cut = answer_forms.consequence(data.sentences[s.sentence_id].text, asked)
            if cut is not None:
                return dataclasses.replace(s, span=None), cut[2]
    if q.plural and q.asked_class and q.answer_type not in ("yesno", "definition"):
        # "Which sectors are deploying Claude?": the members a near sentence lists of that class ("finance, healthcare,
        # legal, and technology sectors"), not a name beside them ("Enterprise adoption ...")
        for s in near:
            cut = answer_forms.class_members(data.sentences[s.sentence_id].text, q.asked_class)
            if cut is not None:
                return s, cut[2]
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
            if cut is not None and not all(t in q.terms for t in content_terms(cut[2])) and _names_the_asked(data, s, cut, q):
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
        return yes_no(data, q, best, near, bound)
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
    if q.answer_type != "reason" and _MEANS_FOR.match(q.text):
        said = _said_for(data, q, [*near, *scored[:REASON_CANDIDATES]])
        if said is not None:
            return said  # "What does the agreement mean for Anthropic?": what a sentence says "For Anthropic, ..."
    if q.answer_type == "reason":
        manner = q.asks_how
        if DIFFER_TERMS & q.terms:
            # "How does Amazon's AI strategy differ from Google's?": what a near sentence sets against something else
            for s in near:
                text = data.sentences[s.sentence_id].text
                if (found := contrasted(text)) is not None:
                    return s, text[found[0] : found[1]]
        # "How does committing Anthropic to Trainium chips benefit Amazon?" asks what it does, not by what means
        # something else is done ("commits to using AWS Trainium chips ..."): an effect first
        if manner and BENEFIT_TERMS & q.terms and (first := _effect_said(data, q, near)) is not None:
            return first
        if BENEFIT_TERMS & q.terms and (said := _said_for(data, q, [*near, *scored[:REASON_CANDIDATES]])) is not None:
            # "How does the guaranteed compute help Anthropic?": what a near sentence says "For Anthropic, ..."
            return said
        for s in near:
            cut = answer_forms.reason(data.sentences[s.sentence_id].text, manner)
            if cut is not None:
                return s, cut[2]
        if (first := _effect_said(data, q, near)) is not None:
            return first
        if manner:
            # "How is the extra $20 billion conditioned?": what a near sentence says it is tied to; "How does
            # Constitutional AI train models?": the infinitive after the question's verb ("which trains models to
            # follow a set of principles ...")
            for s in near:
                text = data.sentences[s.sentence_id].text
                cut = answer_forms.condition(text) or (answer_forms.manner_after(text, q.measure) if q.measure else None)
                if cut is not None:
                    return s, cut[2]
        # "Why is the deal described as circular?": a reason a little further down ("It's called circular because
        # ...") that holds the question's rarest word, before a purpose clause of a nearer sentence
        rarest = rarest_shared(q, q.terms, idf) if idf is not None else ""
        seen = {s.sentence_id for s in near}
        for s in scored[:REASON_CANDIDATES]:
            known = facts(data, s.sentence_id)
            # (or the act asked of every name: "Anthropic's massive AWS commitment reflects ..." for "Why is Anthropic
            # committing to spend so much on AWS?", whose rarest word, "spend", it does not say)
            holds = not rarest or rarest in known.terms or (
                not manner and bool(q.measure) and q.measure in known.terms and names_every(q.entities, known.names))
            if s.sentence_id in seen or s.score < REASON_REACH * best.score or not holds:
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
            # "Why is Anthropic spending $100B on AWS?": what a near sentence says it is given in exchange for, or
            # part of ("as part of the investment agreement"), not the headline that restates the question
            for s in near:
                if q.measure and q.measure in facts(data, s.sentence_id).terms:  # of the act asked about
                    cut = answer_forms.exchange(data.sentences[s.sentence_id].text)
                    if cut is not None:
                        return s, cut[2]
    if q.is_list:
        # the best sentence that names its answer within a list: "Google, Salesforce, and others", not a lone "AI"
        spanned = [(s, s.span) for s in near if s.span is not None and s.span.figure is None]
        for s, span in spanned:
            cut = answer_forms.coordinated(data.sentences[s.sentence_id].text, span.start, span.end)
            if cut is not None:
                return s, answer_forms.without_set_aside(cut[2], q.aside)
        for s, span in spanned:
            if span.kind == "name":
                # "Who else has invested in Anthropic?": the sentence's list of names ("investments from Google,
                # Salesforce, and others"), where the best name of it stands alone ("the financial Runway")
                text = data.sentences[s.sentence_id].text
                named = (answer_forms.coordinated(text, c.start, c.end) for c in candidate_spans(text, "name"))
                lists = [c for c in named if c is not None and c[0] > 0 and not _names_asked(q, c[2])]
                # the list that sets out the class asked, right after its noun ("two Italian abbots, William of
                # Volpiano and John of Ravenna"; "legal scholars Alan Dershowitz and Lawrence Lessig", after the
                # question's own word); else none where the best name is of that class ("Amazon Trainium chips" for
                # "What chips ...?" is not answered by "Asia and Europe"), else the first
                cut = _members_of_class(text, lists, q) or (None if _class_noun_end(text, span.end, q.asked_class) is not None
                                                           else next(iter(lists), None))
                if cut is not None:
                    return s, answer_forms.without_set_aside(cut[2], q.aside)
    return None


APPOSITION_GAP = 3  # characters between a class noun and the list that sets out its members (", ")


def _class_noun_end(sentence: str, end: int, asked_class: str) -> int | None:
    """Where the class noun a "which X" question asks for ends, when it is the word right after a name ("Trainium
    chips"); None otherwise."""
    after = re.match(r"\s+([A-Za-z][\w-]*)", sentence[end:])
    if not asked_class or after is None or asked_class not in content_terms(after.group(1)):
        return None
    return end + after.end()


def _members_of_class(sentence: str, lists: Sequence[answer_forms.Cut], q: QuestionAnalysis) -> answer_forms.Cut | None:
    """The list that follows a word of the class a "which X" question asks for (APPOSITION_GAP apart), the one whose
    class noun comes after another word of the question first."""
    if not q.asked_class:
        return None
    found = []
    for m in re.finditer(r"[A-Za-z][\w-]*", sentence):
        if content_terms(m.group()) != [q.asked_class]:
            continue
        after = next((c for c in lists if 0 <= c[0] - m.end() <= APPOSITION_GAP), None)
        if after is not None:
            before = re.search(r"([A-Za-z][\w-]*)\s+$", sentence[: m.start()])
            found.append((not (before is not None and set(content_terms(before.group(1))) & q.terms), after))
    return min(found, key=lambda f: f[0])[1] if found else None


def _names_asked(q: QuestionAnalysis, text: str) -> bool:
    """Whether a list is of the question's own names ("Amazon and Anthropic" for a question about them)."""
    return bool(member_keys(text) & {entity_key(e) for e in q.entities})


_NAMING_TERMS = frozenset(content_terms("call called name named term termed known referred dubbed"))
_OPENS_WITH_PRONOUN = re.compile(r"^\W*(?:it|this|that|they|these|those)\b", re.IGNORECASE)


def _names_the_asked(data: IndexData, s: Scored, cut: answer_forms.Cut, q: QuestionAnalysis) -> bool:
    """Whether the thing a sentence names (`cut`) is the one the question asks the name of: the words before the name
    share a term of the question's own ("The Rankine cycle is sometimes referred to as ..."), not its owner's or its
    naming words; where they open with a pronoun, the sentence before does ("It's called circular because ..." names
    the investment the sentence before speaks of, not "Amazon's cloud unit")."""
    own = q.terms - _NAMING_TERMS - frozenset(t for o in q.owners for t in content_terms(o))
    if not own:
        return True
    before = data.sentences[s.sentence_id].text[: cut[0]]
    if set(content_terms(before)) & own:
        return True
    if not _OPENS_WITH_PRONOUN.match(before):
        return True  # (a name given beside the question's words elsewhere: the sentence was found near it)
    earlier = [i for i in data.neighbours(s.sentence_id) if i < s.sentence_id]
    return bool(earlier) and bool(set(content_terms(data.sentences[earlier[-1]].text)) & own)
