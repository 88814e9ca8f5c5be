"""The extractive answerer: pick the supporting sentence among retrieved passages, then the span in it."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

import numpy as np

from rag import answer_forms
from rag.alignment import act_doers, main_verb, mentions_act, names_doer, states_act
from rag.analysis import (
    CONTRASTING,
    FINANCIAL_MEASURES,
    MOVING_MEASURES,
    SOLE_ROLES,
    UNIT_CLASSES,
    WH_WORDS,
    QuestionAnalysis,
    measure_words,
    says_role,
)
from rag.aside import another_of_the_class, past_the_act_aside
from rag.binding import entity_coverage, is_bound, names_every, names_version
from rag.blanks import filler
from rag.bridging import bridged_name
from rag.bylines import credited_to
from rag.ceiling import ceiling_note
from rag.citing import also_stating, also_stating_figure, cite, stating_claim, stating_figure
from rag.claim_reads import antecedent, claim_of, placed, scope_of, states_any, subject_of_figure
from rag.config import ABSTAIN_MARGIN_BY_KIND, DEFAULT_ABSTAIN_BELOW, MAX_CITATIONS
from rag.conflicts import Weighed, conflict_records, side_sentences, weigh, within_accounts
from rag.disagreement import DEFINING_SCOPES, PAST, Verdict, entity_key, measure_stem
from rag.figure_index import asks_moved_money, valued
from rag.figures import BOUND_QUALIFIERS, YEARS_PER_UNIT, durations_in_years, figure_key, parse_figures, same_figure, same_value
from rag.generations import Generation, any_generations, generation, generation_conflicts, generations_in, weigh_generations
from rag.index.view import IndexData
from rag.lexical import GENERIC_NAME_TERMS, LIGHT_TERMS, TermWeights, akin, content_terms, gives_money, specific_names
from rag.makers import owner_of
from rag.mentions import also_affirming, also_lasting, also_listing, also_naming
from rag.mismatch import denied
from rag.opposites import says_the_opposite
from rag.owned import owned_nouns, says_owned
from rag.phrase_answer import (
    DESCRIBED_CANDIDATES,
    aligned_in,
    class_noun_after,
    described,
    described_name,
    near_class_word,
    phrase_answer,
)
from rag.phrases import noun_phrases
from rag.places import LOOSE_PLACE_NOUNS, PLACE_CLASS_NOUNS, named_as_other, named_as_place
from rag.records import Answer, Claim, Conflict, Figure, Passage
from rag.refusal import DENIED_NOTE, mismatch, mismatch_note, names_nothing, nearest_note, unknown_name, unknown_words
from rag.same_time import same_time_note
from rag.scoring import (
    NEAR_BEST,
    UNKNOWN,
    Scored,
    another_bound_figure,
    asked_unit_words,
    largest_weight,
    missing_weight,
    score_sentences,
    sentence_confidence,
    with_unit_words,
)
from rag.sentence_facts import facts, names_here_and_before
from rag.sentence_facts import question_terms as _terms
from rag.spans import (
    ASKS_MARKET_MOVE,
    FIGURE_TYPES,
    LENGTH_ASKED,
    MAX_ALIGNED_WORDS,
    MOVED_PRICE,
    PHRASE,
    Span,
    candidate_spans,
    choose_span,
    is_vague_time,
    owns,
    qualified_start,
    vague_time,
    without_possessive,
)
from rag.statements import as_named, gives_words_of, words_of
from rag.timewords import years_in
from rag.units import BY_NAME, CURRENCY_UNITS, currency_asked
from rag.whole_answer import DIFFER_TERMS, WHOLE_ANSWER_CANDIDATES, rarest_shared, whole_answer
from rag.wider import WIDER_BELOW, wider_span
from rag.yes_no import SINGLE_MEASURE_UNITS, asked_terms, figure_denied, holds

# Answer kinds that only a span of that kind answers: a figure, a duration, a count or a date.
SPAN_REQUIRED = frozenset(FIGURE_TYPES) | {"duration", "count", "date", "role"}
ALIGNED_KINDS = frozenset({"name", "place"})  # names whose choice in the sentence follows the question's parse
UNTYPED_CONFIDENCE_FACTOR = 0.5
# claim scopes that do not answer a question about now (unless it asks them): called previous, or the first of a series
PRESENT_MISFITS = frozenset({PAST, "initial"})
# "Which lab did the retailer bankroll with $50 billion?": the question word is the object of a verb with "do"
# support, never its subject (who gave the figure is the one the question names, or describes)
DO_SUPPORTED = re.compile(r"^\W*(?:which|what|whom?)\b[^?]*?\b(?:do|does|did)\s+(?!not\b)[a-z]", re.IGNORECASE)
CURRENT_CLAIMS = 4  # claims of the asked figure, per name of the question, a present yes/no question weighs (newest first)


def answer_question(
    data: IndexData,
    q: QuestionAnalysis,
    query_vector: np.ndarray,
    passages: Sequence[Passage],
    idf: TermWeights,
    abstain_below: float = DEFAULT_ABSTAIN_BELOW,
    search_text: str | None = None,
    keep_lead: bool = False,
) -> Answer:
    """An extractive answer with citations, or an abstention when the passages do not support one. `keep_lead`:
    the passages' own figure or generation is the answer, not a newer one other articles give (a question that
    names the article it asks about: rag.named_articles)."""
    question = q.text
    scored = score_sentences(data, q, query_vector, passages, idf, search_text, lazy=True)
    if q.speaker and q.speaker in q.entities and q.speaker not in q.aside and any(
            credited_to(data, d, q.speaker) for d in {data.sentences[s.sentence_id].doc_id for s in scored[:AUTHORED_CANDIDATES]}):
        # "What did Mr Explorer say about circular investment?" of an article credited to him: who says it is the
        # source, not what it is about (an author's own sentences need not name them: credited_to below)
        q = dataclasses.replace(q, entities=tuple(e for e in q.entities if e != q.speaker),
                                owners=tuple(e for e in q.owners if e != q.speaker))
        scored = score_sentences(data, q, query_vector, passages, idf, search_text, lazy=True)
    q_terms = _terms(search_text or question)
    default_idf = largest_weight(idf)
    weight = {t: idf.get(t, default_idf) for t in q_terms}

    unit_words, unit_keys = asked_unit_words(q_terms, q.span_kind)

    def confidence(s: Scored) -> float:
        known = facts(data, s.sentence_id)
        coverage = entity_coverage(data, q, s.sentence_id, known)
        missing = missing_weight(q_terms, with_unit_words(known.near_terms, unit_words, unit_keys), weight, default_idf)
        return sentence_confidence(dataclasses.replace(s, coverage=coverage, missing=missing))

    if not scored:
        return Answer.abstain(question, 0.0)
    if names_nothing(q):  # "Who leads?", "Who created": any name near "leading" would do
        return Answer.abstain(question, 0.0)
    if unknown := unknown_name(data, q):  # "What did Andy Jassy say ...?" of articles that never name him
        return Answer.abstain(question, 0.0, f"No article names {unknown}.")
    if q.answer_type != "yesno" and not _WH_WORD.search(q.text) and q.terms - q.name_terms == {q.measure} and (
            data.lexical.chunk_df(q.measure) == 0):
        # "Anthropic headcount?": a name and one word, which no article holds (a question's other words may say what
        # it asks otherwise: "How much money ...?", "Length of the AWS contract?")
        return Answer.abstain(question, 0.0)
    if q.answer_type == "yesno" and q.predicate in SOLE_ROLES and q.doer and unknown_words(data, [q.doer]):
        # "Is Sundar Pichai the CEO of Anthropic?" of articles that never name him: a sentence that gives the role to
        # another answers No (rag.yes_no), bound by the question's other names
        q = dataclasses.replace(q, entities=tuple(e for e in q.entities if e != q.doer))
    if q.answer_type == "yesno" and (unknown := next((e for e in q.entities if unknown_words(data, [e], acronyms=True)), "")):
        # "Will Anthropic IPO?", "Has the UK Competition and Markets Authority reviewed the deal?": what the question
        # names, no article does
        return Answer.abstain(question, 0.0, f"No article names {unknown}.")
    kind = q.span_kind
    if kind in SPAN_REQUIRED:
        # "how many employees?" is not answered by a sentence without a number in it
        typed = [s for s in scored if s.span is not None]
        first = scored[0]
        if first.span is None and first.bound == 1.0 and (not typed or typed[0].score < WIDER_BELOW * first.score) and (
                wider := wider_span(data.sentences[first.sentence_id].text, q, idf)) is not None and not (
                wider.figure is None and vague_time(wider.text) and LENGTH_ASKED.match(q.text)):  # ("How long is the deal?": not "for years")
            # "When is the Members Debate held?": the sentence that clearly answers best says it by an event
            # ("Immediately after Decision Time"), not by the date of some sentence far below it (rag.wider)
            typed = [dataclasses.replace(first, span=wider), *typed]
        if not typed:
            return Answer.abstain(question, confidence(scored[0]) * UNTYPED_CONFIDENCE_FACTOR)
        scored = typed
    # an answer must be bound to what the question names: Google's stake is not Microsoft's
    bound = _bound_in_order(data, q, idf, scored) if scored[0].bound == UNKNOWN else [s for s in scored if s.bound]
    if not bound:
        return Answer.abstain(question, confidence(scored[0]))
    said_whole: tuple[Scored, str] | None = None
    if q.speaker and q.speaker not in q.aside:  # (not an outlet the question names as its source: rag.outlets sets it aside)
        # "What did Dario Amodei say about the deal?": a sentence that gives his words about it, not one naming him
        # (an article its byline credits to the speaker is the speaker's words throughout: "What does Mr Explorer say
        # about vendor lock-in?")
        authored = {d for d in {data.sentences[s.sentence_id].doc_id for s in bound[:AUTHORED_CANDIDATES]}
                    if credited_to(data, d, q.speaker)}
        bound = [s for s in bound if gives_words_of(data.sentences[s.sentence_id].text, q.speaker, q.said_about)
                 or (data.sentences[s.sentence_id].doc_id in authored
                     # (not the byline or the author box: "Mr Explorer", "... creator of the Mr Explorer YouTube
                     # channel" are about the author, not their words)
                     and q.speaker.lower() not in data.sentences[s.sentence_id].text.lower())]
        if not bound:
            return Answer.abstain(question, 0.0, f"No article gives what {as_named(q.text, q.speaker)} said{' about that' if q.said_about else ''}.")
        if data.sentences[bound[0].sentence_id].doc_id in authored:
            # the author's own sentence, whole: what they say of it
            said_whole = (dataclasses.replace(bound[0], span=None), data.sentences[bound[0].sentence_id].text)
        elif not q.said_about and (at := words_of(text := data.sentences[bound[0].sentence_id].text, q.speaker)) is not None:
            # "What did Dario Amodei say?": all that he said, not the name nearest his
            bound[0] = dataclasses.replace(bound[0], span=Span(at[0], at[1], text[at[0] : at[1]], "other"))
    if said_whole is None and q.answer_type in ("reason", "other") and _DIFFERS.search(q.text) and (
            contrast := _contrasting(data, q, scored)) is not None:
        # "How does Anthropic's market focus differ from OpenAI's?": the sentence that sets the names against each other
        # ("Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses on the enterprise segment"), whole
        # (as sure as the best sentence found: it names what is asked and sets it apart, whatever words it shares)
        contrast = dataclasses.replace(contrast, span=None, score=max(contrast.score, scored[0].score),
                                       dense=max(contrast.dense, scored[0].dense), overlap=max(contrast.overlap, scored[0].overlap))
        said_whole = (contrast, data.sentences[contrast.sentence_id].text)
        bound = [contrast] + [s for s in bound if s.sentence_id != contrast.sentence_id]
    if q.answer_type == "yesno" and q.measured and (of_other := _of_another_thing(data, q, bound)) is not None:
        # "Does the deal secure Anthropic up to 5 GW of Nvidia H100 capacity?" and "securing up to 5GW of Amazon
        # Trainium chips": the figure is of another thing, a No
        return _answer_no_with(data, q, round(confidence(of_other[0]), 4), weigh(data, of_other[1]))
    versioned = tuple(e for e in q.entities if any(ch.isdigit() for ch in e))
    only_versioned = dataclasses.replace(q, entities=versioned) if versioned else q
    sifted = _sifted(bound, (
        # "Who is Amazon's chief executive?": a person named in a sentence without the role is not the one asked for
        (bool(q.roles), lambda s: s.span is not None and says_role(facts(data, s.sentence_id).text, q.roles)),
        # "Did the FTC block Amazon's investment?" is not answered by a sentence (or its neighbours) that names no FTC
        (q.answer_type == "yesno" and bool(q.entities), lambda s: entity_coverage(data, q, s.sentence_id) == 1.0 and not any(
            # "Is Anthropic committing to Trainium 2 chips?": a numbered name is one generation; a sentence that names the
            # product without it ("Amazon's custom Trainium chips") says nothing of that one
            _generic_mention(data.sentences[s.sentence_id].text, e) for e in versioned if not any(e.split()[-1] in f.text for f in q.figures))),
        # "When was Claude 3 Opus released?": a numbered name is one version; the year another one came out in
        # ("Claude 3.5 Sonnet, released in 2024") does not date it
        (kind == "date" and bool(versioned), lambda s: entity_coverage(data, only_versioned, s.sentence_id) == 1.0
         and all(names_version(" ".join(data.sentences[i].text for i in (s.sentence_id, *data.neighbours(s.sentence_id))), e)
                 for e in versioned)),
    ))
    held = (_held_by_another(data, q, scored) or _another_generation(data, q, scored)) if sifted is None and q.answer_type == "yesno" else None
    if held is not None:
        sifted = [held[0]]  # "Will Anthropic use Nvidia H100 chips as its primary ...?": what says No names no Nvidia
    if sifted is None:
        return Answer.abstain(question, confidence(scored[0]))
    bound = sifted
    if kind == "duration":
        # "over multiple years" answers "how long" where no sentence near the best states the length
        stated = [s for s in bound if s.span is not None and not is_vague_time(s.span) and s.score >= NEAR_BEST * bound[0].score]
        bound = stated + [s for s in bound if s not in stated]
        # "a 10-year agreement" says how long the agreement asked about runs; "the second deal in two months" times
        # something else: a near-best length said of the question's own noun comes first
        of_asked = [s for s in stated if _length_of(facts(data, s.sentence_id).text, s.span, q.terms)]
        bound = of_asked + [s for s in bound if s not in of_asked]
    if q.place_verb and data.lexical.chunk_df(q.place_verb) == 0:
        # "Where is Anthropic headquartered?" of articles that never say "headquartered": the place of something
        # no article speaks of is not any name they give
        return Answer.abstain(question, confidence(scored[0]))
    if (q.predicate and q.predicate not in LIGHT_TERMS and not q.said and not q.measured and not q.durations
            and data.lexical.chunk_df(q.predicate) == 0
            and not answer_forms.said_only_in_contrast(data.sentences[bound[0].sentence_id].text, asked_terms(q), q.name_terms)):
        # "Did Amazon buy Anthropic?" of articles that never say "buy": no sentence affirms or denies what is asked,
        # and the nearest one ("Amazon invested $5 billion in Anthropic") is no Yes (a figure asked is decided by the
        # figures the articles give, in whatever verb: "Has Anthropic promised to spend $50 billion on AWS?"; a sentence
        # that says the question's words of another party by contrast says No: "Unlike OpenAI, which bet on mass
        # consumers ..." for "Is Anthropic chasing mass consumers ...?")
        return Answer.abstain(question, confidence(scored[0]))
    if (scored[0].bound == 0.0 and bound[0].score < NEAR_BEST * scored[0].score and not _other_measure(data, q, scored[0])
            and not _same_figure_answer(scored[0], bound[0]) and all(e in q.text for e in q.entities)):
        # the question is about what a clearly better sentence states of another subject (Anthropic's CEO for
        # "Who is the CEO of Amazon?"): what is left bound to the question's subject does not answer it (a name the
        # conversation gave it, not its own words, only binds: "Valuation at that time?" after a question of Anthropic)
        return Answer.abstain(question, confidence(bound[0]))
    figure_question = kind in FIGURE_TYPES
    # ("valued" is the measure "valuation" the claims have: a stem that begins the other)
    measure_key = _measure_key(data, q.measure)
    classed = bool(measure_key)
    top = bound[0].score
    sifted = _sifted(bound, (
        # "How much did Amazon invest in 2025?" is not answered by a figure its article dates in September 2023
        (figure_question and bool(q.years), lambda s: _in_years(data, q.years, s, q.scope)),
        # a measure the articles state figures of ("valuation", "revenue"): a figure of another measure does not
        # answer it; the word is where the figure is, or the figure's claim measures the same thing
        # (a ratio is named by what it sets against what, in any words: "What multiple of the $5bn is the AWS pledge?")
        (figure_question and classed and kind != "ratio", lambda s: _measures(data, q.measure, s, measure_key)),
        # "At what price ...?": a class no article states a figure of; only a figure with the word beside it answers
        # ("What share price jump ...?" asks how a price moved, in any word of that way: "shares climbed nearly 3%")
        (figure_question and not classed and kind != "ratio" and q.asked_class not in UNIT_CLASSES and q.asked_class not in data.measure_classes
         and not (q.said and _said_stems(q.said) & {q.asked_class}),
         lambda s: q.asked_class in facts(data, s.sentence_id).near_terms),
        # "What is Anthropic's annual profit?" where no article states a profit: revenue is another measure; only a
        # figure with the word beside it answers (a percent of a price is how it moved: MOVING_MEASURES)
        (figure_question and q.measure in FINANCIAL_MEASURES and not classed and not (kind == "percent" and q.measure in MOVING_MEASURES),
         lambda s: bool(measure_words(q.measure) & facts(data, s.sentence_id).near_terms)),
        # "What multiple of the $25 billion investment is the $100 billion pledge?": a ratio of the figures the question
        # gives, only where its sentence states them ("a 20:1 return ratio" is of $5 billion against $100 billion)
        (kind == "ratio" and bool(q.measured), lambda s: all(states_any(data, s.sentence_id, [f]) for f in q.measured if f.unit != "ratio")),
        # "Why does AWS stand to gain the most?": a heading that says it ("Why AWS Stands to Gain the Most") gives no reason
        (q.answer_type == "reason", lambda s: not facts(data, s.sentence_id).heading),
        # "When will the FTC finish its review?": not a date before its article was written ("September 2023")
        (kind == "date" and bool(_ASKS_FUTURE.match(q.text)), lambda s: not _dated_before_writing(data, s)),
        # "When was Anthropic established?": the date of a founding, in a sentence (or its neighbours) that says one, not
        # the date of Amazon's first investment beside its name
        (kind == "date" and bool(done_verb := _done_to_name(q)), lambda s: _says_done(done_verb, facts(data, s.sentence_id).near_terms)),
        # "How did Microsoft's shares move after the news?" is not answered by "a reported 49% ownership stake": only
        # a sentence that says a price moved
        (kind == "percent" and bool(ASKS_MARKET_MOVE.match(q.text)), lambda s: bool(MOVED_PRICE.search(data.sentences[s.sentence_id].text))),
        # "What percentage equity stake will Amazon hold ...?" is not answered by "Amazon's shares climbed nearly 3%": a
        # stake is no move of a price
        (kind == "percent" and _STAKE in (q.measure, q.asked_class), lambda s: not MOVED_PRICE.search(data.sentences[s.sentence_id].text)),
        # "How much did Amazon's shares fall?" is not answered by "shares climbed nearly 3%"
        (figure_question and bool(q.said), lambda s: not says_the_opposite(facts(data, s.sentence_id).text, q.said, q.contrary)),
        # "How much does Amazon spend each year?": a figure its article gives per year, not a one-off pledge
        (figure_question and "annual" in q.scope, lambda s: "annual" in scope_of(data, s)),
        # "What revenue does Anthropic project for 2027?": a figure a sentence gives as ahead, not the revenue it has
        (figure_question and bool(_ASKS_PROJECTION.search(q.text)), lambda s: bool(_AHEAD.search(data.sentences[s.sentence_id].text))),
        # "How much money did Mistral AI raise?": not "a $6 billion valuation", nor revenue
        (figure_question and asks_moved_money(q.terms), lambda s: not _valued_figure(data, s)),
        # "Who did not charter the company?", "What happened in 1766?": a near-best sentence that says what is asked
        # ("chartered" negated, "1766"), not the nearest that only shares the words (rag.mismatch)
        (q.answer_type != "yesno" and q.mismatchable,
         lambda s: s.score >= NEAR_BEST * top and not mismatch(data, q, s.sentence_id)),
    ))
    if sifted is None:
        why = mismatch(data, q, bound[0].sentence_id) if q.answer_type != "yesno" else ""
        return Answer.abstain(question, confidence(scored[0]), mismatch_note(data, bound[0].sentence_id, why))
    bound = sifted
    if q.answer_type == "yesno" and q.measured and not q.alternatives and (
            denied_by := figure_denied(data, q, _near_or_measuring(data, q, bound))) is not None:
        # "Has Anthropic promised to spend $50 billion on AWS?" where no article states it and a near sentence gives
        # Anthropic's spending as $100 billion: No, with the figure that leads for that claim (where the leading
        # figure bears the question out, "Has revenue passed $20 billion?" and the newer $30 billion, it reads on)
        weighed = weigh(data, denied_by[1])
        if not holds(q, q.measured[0], weighed.lead.figure.value):
            return _answer_no_with(data, q, round(confidence(denied_by[0]), 4), weighed)
        if q.compared and not same_value(weighed.lead.figure.value, denied_by[1].figure.value):
            # "Is Anthropic's revenue over $20 billion?" where the older "surpassing $1 billion" is near and the newer
            # $30 billion leads: Yes, with the figure that leads
            return _answer_no_with(data, q, round(confidence(denied_by[0]), 4), weighed, word="Yes")
    if q.figures:  # "... to bring its total to $8 billion?": asked within the account that states $8 billion
        within, bound = bound, [
            s for s in bound
            if any(data.states_figure(data.sentences[s.sentence_id].doc_id, f.value, f.unit) for f in q.figures)
        ]
        if not bound and all(any(f is g for g, _ in q.compared) for f in q.figures):
            bound = within  # a figure compared with need not be stated: "Is the AWS commitment more than $50 billion?"
        if not bound and q.measured and q.answer_type == "yesno" and (done_by := _done_by_another(data, q)) is not None:
            # "Did Microsoft commit up to $25B to Anthropic?": the articles give that money as another's (Amazon's)
            return _answer_no_with(data, q, round(confidence(scored[0]), 4), weigh(data, done_by))
        if not bound and q.measured and q.answer_type == "yesno" and (elsewhere := _to_another_party(data, q, scored)) is not None:
            # "Did Amazon invest $50 billion in Microsoft?": no article that names Microsoft states it, and Amazon's
            # $50 billion went to OpenAI
            return _answer_no_with(data, q, round(confidence(elsewhere[0]), 4), weigh(data, elsewhere[1]))
        if not bound and q.measured:
            # no article that states the money, share or power the question names ("the up-to-$25 billion deal")
            return Answer.abstain(question, confidence(scored[0]))
        bound = bound or within
    given = q.measured
    if (kind in ALIGNED_KINDS or kind == "date" or q.answer_type == "reason") and given:
        # "Who invested $2 billion in Anthropic?", "When did Amazon add $2.75 billion?", "How is the extra $20 billion
        # conditioned?": a near-best sentence that states the figure first
        stating = [s for s in bound if s.score >= NEAR_BEST * bound[0].score and states_any(data, s.sentence_id, given)]
        bound = stating + [s for s in bound if s not in stating]
        if kind == "date" and not any(_states_here_or_before(data, s.sentence_id, given) for s in bound):
            # "When was the $25 billion deal announced?": no sentence that dates something states the figure; the date
            # of another ("In February 2026, the company invested approximately $50 billion in OpenAI") is not its date
            return Answer.abstain(question, confidence(bound[0]) * UNTYPED_CONFIDENCE_FACTOR)
    verb = q.stranded[0] if q.stranded else q.act
    if q.actor and verb and kind in ALIGNED_KINDS:
        # "Which company did Microsoft invest in?", "In which company has Microsoft invested?": a near-best sentence
        # that says the act of the actor (or of no name) before one that says it of another ("Amazon's $8 billion
        # total investment ... behind Microsoft")
        near_acts = [s for s in bound if s.score >= NEAR_BEST * bound[0].score]
        by_name = [s for s in near_acts if names_doer(data.sentences[s.sentence_id].text, verb, q.actor)]
        acting = by_name + [
            s for s in near_acts if s not in by_name and states_act(data.sentences[s.sentence_id].text, verb, q.actor)
        ]
        bound = acting + [s for s in bound if s not in acting]
    elif verb and kind in ALIGNED_KINDS and q.asked_class:
        # "Which chipmaker does Amazon's in-house silicon compete against?": a near-best sentence that says the act
        # ("which directly competes with the dominant NVIDIA") before one that only shares the other words
        saying = [s for s in bound if s.score >= NEAR_BEST * bound[0].score
                  and mentions_act(data.sentences[s.sentence_id].text, verb)]
        bound = saying + [s for s in bound if s not in saying]
    if q.aside and kind in ALIGNED_KINDS:
        # "Apart from Amazon, which companies have invested in Anthropic?": not a sentence of Amazon's own act
        bound = past_the_act_aside(data, q, bound)
    if q.aside and q.asked_class and kind in (*ALIGNED_KINDS, "other"):
        # "Besides Trainium, which Amazon chip ...?": a sentence that names another chip first
        bound = another_of_the_class(data, q, bound)
    if q.owners and kind in ALIGNED_KINDS and (of_owners := owned_nouns(q)):
        # "Which AI lab is Microsoft's main partner?": a near-best sentence that says the owner's noun ("Microsoft's
        # partnership with OpenAI") before one that only names the owner ("a major AI partner ... against Microsoft")
        saying = [s for s in bound if s.score >= NEAR_BEST * bound[0].score
                  and says_owned(data.sentences[s.sentence_id].text, of_owners)]
        bound = saying + [s for s in bound if s not in saying]
    if q.possessed and kind in (*ALIGNED_KINDS, "other"):
        # "Which chipmaker's dominance ...?": a near-best sentence that gives a name as the owner of what is asked
        # ("the dominant NVIDIA") first (after the
        # owners' nouns: "Whose dominance ... is Amazon's homegrown silicon meant to challenge?" asks the owner)
        owning = [s for s in bound if s.score >= NEAR_BEST * bound[0].score and s.span is not None
                  and owns(data.sentences[s.sentence_id].text, s.span, q.possessed)]
        bound = owning + [s for s in bound if s not in owning]
    if q.asked_class and kind == "name" and q.answer_type != "person" and given and bound[0].span is not None and not class_noun_after(
            data.sentences[bound[0].sentence_id].text, bound[0].span, q.asked_class):
        # "What chips will provide up to 5 gigawatts?": of the near-best sentences that give the figure, one that names
        # the class beside its name ("5GW of Amazon Trainium chips") before one whose name is of no chips ("Amazon in
        # turn guarantees ..."); not for a person, whose class word may stand anywhere ("Emma's brother")
        of_class = [s for s in bound if s.score >= NEAR_BEST * bound[0].score and s.span is not None
                    and class_noun_after(data.sentences[s.sentence_id].text, s.span, q.asked_class)]
        bound = of_class + [s for s in bound if s not in of_class]
    if q.answer_type == "reason" and (owned_words := _owned_words(q)):
        # "Why did Nvidia's stock react ...?": a reason given of Nvidia's stock says "stock" or "shares" ("... judged
        # against better-established NVIDIA performance" gives none)
        bound = [s for s in bound if any(akin(w, t) for w in owned_words for t in facts(data, s.sentence_id).near_terms)]
        if not bound:
            return Answer.abstain(question, confidence(scored[0]))
    # an owner the question names ("the scale of Amazon's investment") is what a sentence may leave implied ("The scale of
    # the investment is justified by ..."), so only the other names count
    about = tuple(e for e in q.entities if e not in q.owners)
    # (a generic name, "AI", names nothing asked: "How is Apple positioned in the AI race?" and "... the AI
    # infrastructure race")
    specific = specific_names(about)
    if q.answer_type == "reason" and specific and not any(
            names_every((e,), names_here_and_before(data, bound[0].sentence_id)) for e in specific):
        # "How does Constitutional AI work?": where the best sentence names none of what it asks about, a near-best one
        # that names it all ("Its Constitutional AI approach — which trains models ...") before it ("... use AI
        # systematically in your work" only shares words)
        naming = [s for s in bound if s.score >= NEAR_BEST * bound[0].score
                  and names_every(about, names_here_and_before(data, s.sentence_id))]
        bound = naming + [s for s in bound if s not in naming]
    if q.about_figure:  # what a figure the question gives is about: only a sentence that states it says
        bound = [s for s in bound if states_any(data, s.sentence_id, q.figures)]
        if not bound:
            return Answer.abstain(question, confidence(scored[0]))
        # a sentence says more of it than a label does ("20:1Return Ratio", a heading of a table of figures)
        bound = sorted(bound, key=lambda s: facts(data, s.sentence_id).heading)
    if kind in FIGURE_TYPES and (scoped := DEFINING_SCOPES.intersection(q.scope)):
        # "What was Amazon's total investment ...?": a near-best figure its article gives as a total comes first
        fit = [s for s in bound if s.score >= NEAR_BEST * bound[0].score and scoped <= scope_of(data, s)]
        bound = fit + [s for s in bound if s not in fit]
    if q.headline and figure_question:
        # "What is the headline amount of Amazon's latest deal?": the figure a title gives, before one in the text
        # (the figure most titles give first: "up to $25bn" in two titles before "$5B" in one)
        titled = [s for s in bound if _is_title(data, s.sentence_id) and _figure_key(s) is not None]
        titles_of: dict[tuple[str, float] | None, set[str]] = {}
        for s in titled:
            titles_of.setdefault(_figure_key(s), set()).add(data.sentences[s.sentence_id].doc_id)
        titled.sort(key=lambda s: -len(titles_of[_figure_key(s)]))
        bound = titled + [s for s in bound if s not in titled]
    if kind == "other" and q.answer_type == "other" and not q.asked_class and facts(data, bound[0].sentence_id).heading and len(
            data.sentences[bound[0].sentence_id].text.split()) <= SECTION_TITLE_WORDS and (body := _section_body(data, bound[0], scored)) is not None:
        # "What is Google's AI strategy?" and the heading "Google Strategy": the line under it says what it is, as
        # relevant as the heading it is under
        h = bound[0]
        lifted = dataclasses.replace(body, score=h.score, dense=h.dense, overlap=h.overlap, window=h.window, context=h.context,
                                     passage=h.passage, heading=0.0)
        bound = [lifted] + [s for s in bound if s is not body]
        if facts(data, body.sentence_id).heading:  # a line of a list, not a sentence: the whole line says it
            said_whole = (dataclasses.replace(lifted, span=None), data.sentences[body.sentence_id].text)
    best = _present_claim(data, bound, q.bounds, q.scope) if kind in SPAN_REQUIRED and not q.past else bound[0]
    conf = round(confidence(best), 4)
    if conf < abstain_below + ABSTAIN_MARGIN_BY_KIND.get(kind, 0.0) and not (q.about_figure and states_any(data, best.sentence_id, q.figures)):
        # (a sentence that states the figure asked about says what it is, however few words it shares: "What's the 20
        # to 1 thing?" and "... creating a 20:1 return ratio over time")
        return Answer.abstain(question, conf)
    sentence = data.sentences[best.sentence_id]
    form = held or said_whole or whole_answer(data, q, bound, best, scored, idf)
    if form is None and described_name(q):
        # "What is Anthropic?": "the AI company behind Claude", whole; where no sentence says what the name is, the
        # best sentence about it, not a stray name beside it ("What is Amazon?" is not "Anthropic")
        said_is = described(data, q, bound)
        form = (said_is[0], said_is[1].text) if said_is is not None else (best, sentence.text)
    if form is None and q.answer_type == "yesno" and (elsewhere := _to_another_party(data, q, scored)) is not None:
        # "Did Microsoft invest $13 billion in Anthropic?" and "Microsoft has invested approximately $13 billion in
        # OpenAI": the figure the question's subject put into another party, a No
        return _answer_no_with(data, q, round(confidence(elsewhere[0]), 4), weigh(data, elsewhere[1]))
    if form is None and q.answer_type == "yesno":
        # "Will Anthropic use Nvidia chips as its primary computing base?": another name holds what is one name's alone
        form = _held_by_another(data, q, scored)
    if form is None and q.answer_type == "yesno":
        return Answer.abstain(question, conf * UNTYPED_CONFIDENCE_FACTOR)  # no sentence says the act asked of the name
    if form is None and q.answer_type == "expansion":
        return Answer.abstain(question, conf * UNTYPED_CONFIDENCE_FACTOR)  # no sentence spells the acronym out
    if form is None and (q.about_figure or q.asks_statement):
        # "What does the 20:1 return ratio refer to?", "What do the articles say about the 10-year AWS contract?": the
        # sentence that states it
        form = best, sentence.text
    if form is None and q.defines_kind:
        form = best, sentence.text  # "What is a circular investment?" without a copular sentence: not a stray name
    if form is None and q.speaker and q.speaker in q.aside and q.answer_type == "other":
        # "What does Hamidun News say about the 5 GW?": the outlet's sentence about it, whole (rag.outlets sets the
        # outlet it names as its source aside), not a name in it
        form = best, sentence.text
    if form is None and q.answer_type == "reason" and (q.asks_why or q.asks_process):
        form = best, sentence.text  # a why question without its reason clause: the sentence, not a stray name
    if form is None and kind == "other" and not q.asks_name and not (q.speaker and not q.said_about) and not (
            q.possessed and best.span is not None and owns(sentence.text, best.span, q.possessed)):
        # an answer that need not be a name, by the shape the question asks for (a yes/no or a definition cut needs
        # none); not where the span is the owner a "Which X's Y ...?" question asks for ("Microsoft's OpenAI alliance")
        if q.blank and filler(sentence.text, q.blank) is None:
            # "5GW is comparable to what?": a sentence that writes the words before the blank ("this is comparable to
            # the power output of ...") fills it, where it is near-best or states the question's figures (itself or the
            # sentence it says "this" of); one that only states the figure does not
            filled = next((s for s in bound[1:BLANK_CANDIDATES]
                           if (s.score >= NEAR_BEST * best.score or (q.figures and _states_here_or_before(data, s.sentence_id, q.figures)))
                           and filler(data.sentences[s.sentence_id].text, q.blank) is not None), None)
            if filled is not None:
                best, sentence = filled, data.sentences[filled.sentence_id]
        best = dataclasses.replace(best, span=phrase_answer(facts(data, best.sentence_id), q, idf))
        if best.span is None and q.asked_class:
            # "Through which AWS service do businesses use Claude?": the best sentence names no service; a near-best
            # one that speaks of the class asked for ("Amazon Bedrock, the managed service") answers by its phrase
            for s in bound[1:WHOLE_ANSWER_CANDIDATES]:
                known = facts(data, s.sentence_id)
                if s.score < NEAR_BEST * best.score or q.asked_class not in known.terms:
                    continue
                span = phrase_answer(known, q, idf)
                if span is not None and near_class_word(known.text, span, q.asked_class):
                    best, sentence = dataclasses.replace(s, span=span), data.sentences[s.sentence_id]
                    break
    elif form is None and best.span is None and kind == "name" and q.asked_class and (
            bridged := _bridged(data, q, best)) is not None:
        # "In which leading AI lab did Amazon ...?" where the sentence says "in a leading AI lab": the name the next
        # sentence gives in the same role ("... invested approximately $50 billion in OpenAI")
        best, sentence = bridged, data.sentences[bridged.sentence_id]
    elif form is None and best.span is None and (q.answer_type == "person" and kind == "name" or kind == "place"):
        # "Who normally instructs members how to vote?" where the sentence names no one: the constituent in the
        # question word's role ("political parties normally instruct members ..."), not the whole sentence; "Where
        # is much of the work done?": "(in) committee"
        known = facts(data, best.sentence_id)
        aligned = aligned_in(q, known.text)
        if aligned is not None and len(known.text[aligned.start : aligned.end].split()) <= MAX_ALIGNED_WORDS:
            best = dataclasses.replace(best, span=Span(aligned.start, aligned.end, known.text[aligned.start : aligned.end], PHRASE))
    elif form is None and kind in ALIGNED_KINDS and best.span is not None:
        # a name: the one in the constituent the question asks for ("Who confirmed ...?": the subject of "confirmed")
        known = facts(data, best.sentence_id)
        aligned = aligned_in(q, known.text, appositives=True)
        if aligned is not None:
            best = dataclasses.replace(best, span=choose_span(known.text, q, idf, known.scopes, aligned=aligned) or best.span)
    if form is None and kind in ALIGNED_KINDS and given and not DO_SUPPORTED.match(q.text) and not (
            q.asked_class and best.span is not None and class_noun_after(sentence.text, best.span, q.asked_class)):
        # "Which company put $50 billion into OpenAI?" where the sentence says "the company invested approximately $50
        # billion": the name the claim of the question's figure resolved its subject to (not where the name is of
        # the class asked already: "What chips will provide up to 5 gigawatts?" and "5GW of Amazon Trainium chips")
        best = dataclasses.replace(best, span=subject_of_figure(data, q, best.sentence_id) or best.span)
    if form is None and kind == "other" and best.span is not None and (
            whole := answer_forms.with_complement(sentence.text, best.span.start, best.span.end)) is not None:
        # "What have the Amodeis stressed about independence?": "importance of maintaining independence", not "importance"
        best = dataclasses.replace(best, span=dataclasses.replace(best.span, end=whole[1], text=whole[2]))
    # "the name of Anthropic's AI model": only a name of the owner's that the question's noun follows
    heading = q.terms if kind in ("name", "other") and q.asks_name and q.owners and not q.describers else frozenset()
    if form is None and kind in ("name", "other") and q.describers and _owned_name(q, sentence.text) is None:
        # "Which Claude models are mentioned?": a near sentence that names one ("Claude 3.5 Sonnet") before one that
        # only speaks of Claude
        if (near := _near_saying(data, bound, best, lambda text: _owned_name(q, text) is not None)) is not None:
            best, sentence = near, data.sentences[near.sentence_id]
    elif form is None and heading and _owned_name(q, sentence.text, heading) is None:
        # "What is the name of Anthropic's AI model?": a near sentence that names the thing the owner's name owns
        # ("Anthropic's Claude models") before one that names something else
        if (near := _near_saying(data, bound, best, lambda text: _owned_name(q, text, heading) is not None)) is not None:
            best, sentence = near, data.sentences[near.sentence_id]
    if form is None and kind in ("name", "other") and (owned := _owned_name(q, sentence.text, heading)) is not None:
        # "Which Google chip programme ...?" in "similar to Google's TPU development": the name Google's owns
        listed = answer_forms.coordinated(sentence.text, *owned) if q.is_list else None
        owned = listed[:2] if listed is not None else owned  # "Claude 3.5 Sonnet, Claude 3 Opus"
        best = dataclasses.replace(best, span=Span(owned[0], owned[1], sentence.text[owned[0] : owned[1]], kind))
    if form is None and kind in ("name", "other") and q.asks_generation and _generation_named(q, sentence.text) is None:
        # "Which generation of Trainium chip is tied to ...?": a near sentence that names one ("the next-generation
        # Trainium4") before one that only speaks of Trainium chips
        if (near := _near_saying(data, bound, best, lambda text: _generation_named(q, text) is not None)) is not None:
            best, sentence = near, data.sentences[near.sentence_id]
    if form is None and kind in ("name", "other") and q.answer_type not in ("organisation", "person") and (
            named := _generation_named(q, sentence.text)) is not None:  # (a generation is no one: "Which company makes Trainium?")
        # "What's the newest Trainium chip ...?": the generation the sentence names of the question's name ("Trainium4"),
        # not the name beside it ("AWS" of "AWS Trainium"); the newest across articles leads (weigh_generations)
        best = dataclasses.replace(best, span=Span(named.start, named.end, named.text, kind))
    if form is None and q.answer_type == "list" and q.asked_class and best.span is not None and best.span.figure is None and (
            headed := _class_headed(sentence.text, best.span, q)) is not None:
        # "What exclusive rights did Microsoft secure ...?" in "securing exclusive cloud computing rights through
        # Azure": the phrase the class noun asked for heads, not a name beside it ("Azure")
        best = dataclasses.replace(best, span=headed)
    if form is None and kind == "place" and not q.is_list and best.span is not None and best.span.figure is None and (
            listed := answer_forms.coordinated(sentence.text, best.span.start, best.span.end)) is not None and (
            listed[0] == best.span.start and listed[2].count(" and ") == 1 and "," not in listed[2]):
        # "Where is the startup expanding its inference capacity?" in "across Asia and Europe": both places of a pair
        # the answer opens (not "Friedrich Ratzel of Germany and ...", nor a longer list of which one is asked)
        best = dataclasses.replace(best, span=Span(listed[0], listed[1], listed[2], best.span.kind))
    if form is None and q.aside and q.answer_type in ("person", "organisation", "list") and best.span is not None and (
            best.span.figure is None) and (doer := _doer_not_set_aside(sentence.text, q)) is not None:
        # "Besides Amazon, who has invested in Anthropic?" in "... plus investments from Google, Salesforce, and others
        # — Anthropic has the financial Runway to invest ...": the names the act is done by, not the word nearest it
        best = dataclasses.replace(best, span=doer)
    if form is None and q.answer_type == "person" and not q.roles and best.span is not None and best.span.figure is None and (
            listed := answer_forms.coordinated(sentence.text, best.span.start, best.span.end)) is not None and (
            clause := _PLURAL_RELATIVE.match(sentence.text, listed[1])) is not None and (q.terms - q.name_terms).intersection(
            content_terms(re.split(r"[,;:.—]", sentence.text[clause.end():], maxsplit=1)[0])):
        # "Who has emphasized the importance of maintaining independence?" in "including CEO Dario Amodei and President
        # Daniela Amodei, who have repeatedly emphasized ...": the clause says the question's act of them all
        best = dataclasses.replace(best, span=Span(listed[0], listed[1], listed[2], best.span.kind))
    text = best.span.text if best.span is not None else sentence.text
    if best.span is not None and best.span.figure is None:
        text = without_possessive(text)  # "Who invented the notion of duty?": "Watt", not "Watt's" (notion)
    figure = best.span.figure if best.span is not None else None
    if form is not None:
        best, text = form
        sentence, figure = data.sentences[best.sentence_id], None
    if form is None and best.span is not None and kind == "name" and not q.negated and denied(
            sentence.text, best.span.end, asked_terms(q)):
        # "Who owns Anthropic?": not "Amazon" of "Amazon does not acquire a controlling stake"
        return Answer.abstain(question, conf * UNTYPED_CONFIDENCE_FACTOR, nearest_note(data, best.sentence_id, DENIED_NOTE))
    if form is None and best.span is not None and q.answer_type != "yesno" and answer_forms.of_the_contrasted(
            sentence.text, best.span.start, best.span.end, q.name_terms, _capitalized_terms(q.text)):
        # "What is the name of Anthropic's AI model?": not "ChatGPT" of "Unlike OpenAI, which bet on mass consumers
        # through ChatGPT, Anthropic focuses ..."
        return Answer.abstain(question, conf * UNTYPED_CONFIDENCE_FACTOR)
    if form is None and best.span is not None and best.span.figure is None and kind == "name" and q.describers and (
            made := _made_by_another(data, q, best.span.text)):
        # "Which Nvidia chips are mentioned?": not "Trainium", which the articles write as Amazon's; another name of the
        # best sentences that names the describer, where one is nobody else's ("... overdependent on H100/B200 supply")
        if (by_describer := _described_name(data, q, bound)) is None:
            return Answer.abstain(question, conf * UNTYPED_CONFIDENCE_FACTOR, f"The articles write {best.span.text} as {made}'s.")
        best, text = by_describer, by_describer.span.text if by_describer.span is not None else ""
        sentence = data.sentences[best.sentence_id]
    if form is None and q.answer_type == "place" and best.span is not None and best.span.figure is None and (
            (q.asked_class in PLACE_CLASSES and not named_as_place(sentence.text, best.span.start, best.span.end))
            or (q.asked_class in LOOSE_PLACE_CLASSES and named_as_other(sentence.text, best.span.start, best.span.end))):
        # "Which US state will the data centers be built in?": "AWS" of "across AWS data centers" is no state
        return Answer.abstain(question, conf * UNTYPED_CONFIDENCE_FACTOR)
    if figure is not None and figure.unit in CURRENCY_UNITS and (currency := currency_asked(q.text)) and currency != figure.unit:
        # "What is the deal worth in euros?": no article converts it; the figure as the article gives it is the note
        return Answer.abstain(question, conf * UNTYPED_CONFIDENCE_FACTOR, nearest_note(
            data, best.sentence_id, f"No article gives it in {BY_NAME[currency].words[1]}; the nearest gives {figure.text}"))
    if q.answer_type != "yesno" and (why := mismatch(data, q, best.sentence_id)):
        # "Who did not charter the company?", "What happened in 1766?", "the smallest party": the sentence says the
        # question's words, but not what it asks (a yes/no question is answered No instead)
        return Answer.abstain(question, conf * UNTYPED_CONFIDENCE_FACTOR, mismatch_note(data, best.sentence_id, why))
    if form is not None and q.answer_type == "yesno" and q.figures and not (
            q.past or (q.past_tense and not _NOW_WORD.search(q.text) and not _TO_DATE.search(q.text)) or q.asks_what_is_written
    ) and not q.compared:
        # ("Has Amazon now invested a total of $8 billion?" asks of the present, perfect or not; so does a total asked
        # of no time: "Did Amazon put in $8bn in total?")
        # ("Does revenue exceed $1 billion?" asks no figure as it is)
        newer = _newer_than_asked(data, q, best.sentence_id)
        if newer is not None:  # "Is Amazon investing $4 billion?": newer articles give $5 billion, the stale figure is no Yes
            return _answer_no_with(data, q, conf, newer)
    conflicts: list[Conflict] = []
    conflict_count = 0
    claim = None
    if figure is not None and figure.unit != "year":
        claim = data.claim_at(sentence.doc_id, sentence.start + figure.start)
        if claim is not None and (referred := antecedent(data, claim)) is not claim:
            # "The guaranteed 5 gigawatts": the "up to 5 gigawatts" it refers to, whose subject and scope it has
            claim, sentence = referred, data.sentences[referred.sentence_id]
            figure = placed(claim, sentence)
            text = _with_qualifier(sentence.text, figure)
            best = dataclasses.replace(best, sentence_id=referred.sentence_id)
    basis = note = ""
    if claim is not None and not keep_lead:
        weighed = within_accounts(data, weigh(data, claim, past=q.past or bool(q.figures)), q.figures)
        if weighed.lead != claim:  # a newer (or more widely stated) figure for the same thing leads
            sentence = data.sentences[weighed.lead.sentence_id]
            figure = placed(weighed.lead, sentence)
            text = _with_qualifier(sentence.text, figure)
        sources = side_sentences(data, weighed.verdict.lead, weighed.lead)
        sources += also_stating_figure(data, weighed.lead, sources, q_terms, idf)
        lasting = weighed.lead.figure
        if lasting.unit in YEARS_PER_UNIT:  # "10-year" is also stated as "over the next decade"
            sources += also_lasting(data, sources, lasting.value * YEARS_PER_UNIT[lasting.unit], q_terms, idf, q.entities)
        conflicts, conflict_count = conflict_records(data, weighed.verdict)
        basis = data.named(weighed.verdict.basis) if conflicts else ""
        if kind == "money" and not q.bounds and not q.past and form is None:
            # "How much is Amazon investing in Anthropic?": "$5bn", and the most it may come to ("up to $25 billion")
            note = ceiling_note(data, weighed.lead)
        if kind == "money" and q.years and form is None:
            # "How much did Amazon invest in Anthropic in September 2023?": "$4 billion" (a commitment announced then),
            # and the $1.25 billion another article dates to that month
            note = f"{note} {same_time_note(data, weighed.lead, q.text)}".strip()
    else:
        if claim is not None and (other := weigh(data, claim, past=q.past).lead) != claim and other.doc_id != claim.doc_id:
            # the named article's own figure, and the reader told another article gives a newer one
            which = "A newer article" if data.position(other.doc_id) > data.position(claim.doc_id) else "Another article"
            note = _gives(data, which, other)
        sources = [best.sentence_id] + also_stating(data, scored, best, text)
        common = best.span is not None and best.span.kind == PHRASE and not best.span.text[:1].isupper()
        if (form is None and best.span is not None and not common) or q.answer_type == "expansion":
            # a name, a date or a long form: other articles may say it outside the passages (a common-noun phrase,
            # "models", is said in many a sentence that does not say what the question asks)
            sources += also_naming(data, sources, text, q_terms, idf, q.entities, asked_terms(q) if q.negated else frozenset())
            if form is None:
                # "Asia and Europe" asked "Where ...?": other articles name the members in their own words too
                sources += also_listing(data, sources, text, q_terms, idf, q.entities)
            if given and form is None:
                # "Which company put $50 billion into OpenAI?": another sentence supports the name for that figure only
                sources = sources[:1] + [sid for sid in sources[1:] if states_any(data, sid, given)]
        elif form is not None and q.answer_type == "yesno" and given:
            # "Has Anthropic's revenue reached $30 billion?": every article that states that claim supports the Yes
            # (and only those: "Did Amazon or Google invest $5 billion?" is not supported by Amazon's $4 billion)
            sources = sources[:1] + [sid for sid in sources[1:] if states_any(data, sid, given)]
            sources += [sid for sid in stating_claim(data, best.sentence_id, given) if sid not in sources]
            own_claim = next((c for c in data.claims_in_sentence(best.sentence_id) if any(same_figure(f, c.figure) for f in given)), None)
            if own_claim is not None and text.startswith("Yes") and own_claim.figure.qualifier in BOUND_QUALIFIERS and not any(
                    f.qualifier for f in given):
                # "Label: 'Amazon → Anthropic: $25bn'. OK?" and "up to $25bn": Yes, and the reader told it is a ceiling
                note = f'The article gives it as a ceiling: "{_with_qualifier(sentence.text, placed(own_claim, sentence))}".'
            if own_claim is not None and text.startswith("Yes"):
                # "Will Anthropic have access to as much as 5 gigawatts?": the same claim in another article's own
                # words ("securing up to 5GW of Amazon Trainium chips")
                sources += also_stating_figure(data, own_claim, sources, q_terms, idf)
                judged = weigh(data, own_claim, past=q.past).verdict
                if own_claim in judged.lead.claims and judged.others:
                    # "Has Anthropic's revenue passed the $30 billion mark?": Yes, and the older figure is shown
                    conflicts, conflict_count = conflict_records(data, judged)
                    basis = data.named(judged.basis)
                    figure = placed(own_claim, sentence)  # the side it leads with: "$30 billion", not the whole Yes
                if "initial" in q.scope and "initial" not in own_claim.scope and (initial := _initial_elsewhere(data, own_claim, scored)) is not None:
                    # "Was Amazon's first investment $4 billion in September 2023?" and "a $4 billion commitment announced
                    # in September 2023", where another article gives the initial one as $1.25 billion: No, from the
                    # sentence that says what came first, and the reader told of the figure that does not say so
                    note = f"{note} {_gives(data, 'Another article', own_claim, what='', first=False)}".strip()
                    sentence, text, sources = data.sentences[initial.sentence_id], f"No: {data.sentences[initial.sentence_id].text}", [initial.sentence_id]
                    conflicts, conflict_count, basis = [], 0, ""
                elif (lead := judged.lead.claims[0] if judged.lead.claims else None) is not None and data.position(
                        lead.doc_id) > data.position(own_claim.doc_id) and not same_value(lead.figure.value, own_claim.figure.value):
                    # "Did Anthropic's recurring revenue pass $1 billion?": Yes, as the older article has it, and the
                    # reader told the newer figure (the stale one is no answer on its own), and shown it with its sources
                    note = f"{note} {_gives(data, 'A newer article', lead)}".strip()
                    if (mine := next((s for s in judged.others if own_claim in s.claims), None)) is not None:
                        conflicts, conflict_count = conflict_records(data, Verdict(mine, tuple(
                            s for s in (judged.lead, *judged.others) if s is not mine), ""))
        elif form is not None and q.answer_type == "yesno" and len(q.durations) == 1 and text.startswith("Yes"):
            # "Does the AWS agreement run for ten years?": the articles that state the span, in any words ("over the
            # next decade"), not those that only share a word ("over multiple years as part of the agreement")
            sources += also_lasting(data, sources, q.durations[0], q_terms, idf, q.entities)
        elif form is not None and q.answer_type == "yesno" and not q.alternatives:
            # "Is Anthropic still an independent company?": other articles that say the same of the same names,
            # with the same polarity ("Anthropic formally retains its status as an independent lab")
            known = facts(data, best.sentence_id)
            shared = rarest_shared(q, known.terms, idf)
            word = next((w for w in re.findall(r"[A-Za-z][\w-]*", known.text) if content_terms(w) == [shared]), "")
            affirms = answer_forms.polarity(known.text, q.terms)
            # a No the sentence says by contrast ("Unlike OpenAI, which bet on mass consumers, ...") is no polarity
            # another article's sentence could share: it alone supports it
            if word and affirms == text.startswith("Yes"):
                act = (q.predicate, q.doer) if affirms and q.predicate not in LIGHT_TERMS else ("", "")
                sources += also_affirming(data, sources, word, affirms, q.terms, q_terms, idf, q.entities, act)
        elif form is not None and q.about_figure and not q.likened:  # what it is likened to: its own sentence says
            # "What is the 5 gigawatts of capacity?": every article that states the figure, in any form
            sources += stating_figure(data, sources, given, q.entities)
        elif form is not None and q.is_list:
            # "Microsoft-OpenAI and Google DeepMind": other articles name the same members in their own words
            sources += also_listing(data, sources, text, q_terms, idf, q.entities)
        if figure is None and q.span_kind == "duration" and len(spoken := durations_in_years(text)) == 1:
            # "over the next decade": other articles state the span in figures ("a 10-year contract")
            sources += also_lasting(data, sources, spoken[0], q_terms, idf, q.entities)
        asked = generation(text) if form is None and figure is None else None
        verdict = weigh_generations(data, asked, sources, q_terms, idf, q.entities, q.past) if asked is not None and not keep_lead else None
        if verdict is not None:  # "Trainium4" where an older article names "Trainium 2" for the same thing
            sentence = data.sentences[verdict.lead[0].sentence_id]
            text = verdict.lead[0].generation.text
            sources = [m.sentence_id for m in verdict.lead]
            conflicts, conflict_count = generation_conflicts(data, verdict)
            basis = data.named(verdict.basis)
    citations = [cite(data, sid) for sid in sources[:MAX_CITATIONS]]
    if figure is not None and text.endswith(figure.text):
        text = _with_hedge(sentence.text, text)
    if q.years and form is None and kind != "date" and not _dated_near(data, best.sentence_id) and (
            dated := data.document_head(sentence.doc_id).date) and set(years_in(dated)) != set(q.years):
        # "How much did Google invest in Anthropic in 2025?" and "a reported $2 billion investment", undated, in an
        # article dated 2024 to 2025: the reader is told the year asked is not the source's (an article of that year
        # dates what it reports)
        note = f"{note} The source does not date this to {' or '.join(q.years)}; it is dated {dated}.".strip()
    return Answer(
        question, text, sentence.text, False, conf, tuple(citations), tuple(conflicts), figure, len(sources), basis, conflict_count,
        note,
    )


_STAKE = content_terms("stake")[0]
# a sum up to the present: "in total", "so far", "to date", "altogether"
_TO_DATE = re.compile(r"\b(?:in total|total|altogether|so far|to date|all told|overall)\b", re.IGNORECASE)
_NOW_WORD = re.compile(r"\b(?:now|currently|today|at present|as of now|still)\b", re.IGNORECASE)
FIGURE_DENIAL_CANDIDATES = 10  # bound sentences read past the near-best for one that says a yes/no question's measure


# a relative clause said of every name of a list before it: ", who have repeatedly emphasized ..."
_PLURAL_RELATIVE = re.compile(r"\s*,?\s*(?:who|both\s+of\s+whom)\s+(?:have|are|were|both|each|together|jointly)\b", re.IGNORECASE)
SECTION_BODY_WORDS = 6  # words of a line without a full stop under a heading that make it the heading's body
SECTION_TITLE_WORDS = 4  # words of a heading at most that names its section ("Google Strategy"), not a line of a list


# a question how names differ: "How does X differ from Y?", "What is the difference between X and Y?"
_DIFFERS = re.compile(r"\b(?:differ|differs|differed|different|differently|difference|differences|distinguish(?:es)?)\b", re.IGNORECASE)
CONTRAST_CANDIDATES = 8  # of the best sentences, those searched for one that sets a question's names against each other


def _contrasting(data: IndexData, q: QuestionAnalysis, scored: Sequence[Scored]) -> Scored | None:
    """The first of the best sentences that names every specific name of the question (there or just before) and sets
    them against each other ("Unlike ...", "in contrast to", "whereas"); None where none does."""
    names = specific_names(q.entities)
    if len(names) < 2:
        return None
    for s in scored[:CONTRAST_CANDIDATES]:
        text = data.sentences[s.sentence_id].text
        if CONTRASTING.search(text) and names_every(tuple(names), names_here_and_before(data, s.sentence_id)):
            return s
    return None


def _plain(text: str) -> str:
    """Lower-case words and numbers, one space between them: "H100/B200" -> "h100 b200"."""
    return re.sub(r"[^a-z0-9]+", " ", text.lower())


def _generic_mention(sentence: str, versioned: str) -> bool:
    """Whether a sentence names a numbered name's product ("Trainium") but not that number ("Trainium 2")."""
    base = re.match(r"[A-Za-z][A-Za-z-]*", versioned)
    if base is None or re.search(rf"\b{re.escape(base.group())}", sentence, re.IGNORECASE) is None:
        return False
    version = versioned[base.end() :].strip()  # (a model code said apart from its maker: "NVIDIA's ... H100/B200 supply")
    if re.search(r"[A-Za-z]", version) and _plain(version) in _plain(sentence):
        return False
    return not names_version(sentence, versioned)


def _doer_not_set_aside(sentence: str, q: QuestionAnalysis) -> Span | None:
    """The names that do the question's act in the sentence, by its parse, but the names the question sets aside, as
    the list they stand in ("Google, Salesforce, and others"); None where the parse finds no such doer."""
    act = main_verb(q.text[len(q.set_aside) :])
    doers = act_doers(sentence, act, given=True) if act else None
    aside = {t for name in q.aside for t in content_terms(name)}
    wanted = set().union(*(d for d in doers or [] if d and not d <= aside))
    for c in candidate_spans(sentence, "name"):
        terms = set(content_terms(c.text))
        if terms and terms <= wanted:
            listed = answer_forms.coordinated(sentence, c.start, c.end)
            return Span(listed[0], listed[1], listed[2], c.kind) if listed is not None else c
    return None


def _section_body(data: IndexData, heading: Scored, scored: Sequence[Scored]) -> Scored | None:
    """The sentence right after a heading in its article, where it is among those found and says more than a heading
    does (a line without a full stop of SECTION_BODY_WORDS or more: "Internal AI development with Gemini powering ...")."""
    after = heading.sentence_id + 1
    if after not in data.neighbours(heading.sentence_id) or (
            facts(data, after).heading and len(data.sentences[after].text.split()) < SECTION_BODY_WORDS):
        return None
    return next((s for s in scored if s.sentence_id == after), None)


def _near_or_measuring(data: IndexData, q: QuestionAnalysis, bound: Sequence[Scored]) -> list[Scored]:
    """The near-best bound sentences, then those of the first FIGURE_DENIAL_CANDIDATES that say the question's measure
    ("values Anthropic at approximately $60 billion" for "Is Anthropic valued at $100 billion?", below sentences of
    Anthropic's $100 billion of spending)."""
    near = [s for s in bound if s.score >= NEAR_BEST * bound[0].score]
    # (or state a figure of the asked unit, where it measures one kind of thing: "up to 5GW" for "Does Anthropic get
    # 10 gigawatts?", below sentences of a "10-year" contract)
    single = {f.unit for f in q.measured} & SINGLE_MEASURE_UNITS
    return near + [s for s in bound[:FIGURE_DENIAL_CANDIDATES] if s not in near and (q.measure and any(
        akin(q.measure, t) for t in facts(data, s.sentence_id).terms) or any(
        c.figure.unit in single for c in data.claims_in_sentence(s.sentence_id)))]


_KIND_WORDS = re.compile(r"\b(?:type|kind|sort|form)s?\s+of\b", re.IGNORECASE)


def _class_headed(sentence: str, span: Span, q: QuestionAnalysis) -> Span | None:
    """The one common-noun phrase of the sentence headed by the class noun the question asks for, with a word the
    question says of it ("exclusive ... rights"), where the span chosen does not say that noun and the phrase says
    more than the question; None otherwise."""
    if q.asked_class in content_terms(span.text) or _KIND_WORDS.search(q.text):
        return None  # (nor "What types of engines ...?": a sort, rag.phrase_answer)
    headed = [(a, b) for a, b in noun_phrases(sentence) if (words := content_terms(sentence[a:b]))[-1:] == [q.asked_class]
              and set(words) - q.terms and set(words[:-1]) & q.terms]
    if len(headed) != 1:
        return None
    a, b = headed[0]
    return Span(a, b, sentence[a:b], PHRASE)


def _dated_near(data: IndexData, sentence_id: int) -> bool:
    """Whether a sentence or one next to it names a year."""
    return any(years_in(data.sentences[i].text) for i in (sentence_id, *data.neighbours(sentence_id)))


# a length written before the noun it measures: "10-year agreement", "a five-year contract"
# (its head: "contract" in "a 10-year AWS contract")
_ATTRIBUTIVE_LENGTH = re.compile(r"-(?:year|month|week|day|hour|minute|decade)(?:-long)?\s+(?:[A-Z][\w-]*\s+)*([a-z][\w-]*)")


def _length_of(sentence: str, span: Span | None, terms: frozenset[str]) -> bool:
    """Whether a length span measures a noun the question says ("a 10-year agreement" for "How long does the
    agreement run?")."""
    if span is None:
        return False
    m = _ATTRIBUTIVE_LENGTH.search(sentence, max(0, span.end - 12), span.end + 40)
    return m is not None and m.start() < span.end + 1 and bool(terms & set(content_terms(m.group(1))))


# a word that makes a figure a possibility, within a few words before it in its clause: "its total potential
# commitment to $33bn" is no money committed
# (with the scope words of its noun phrase before it: "total potential commitment to $33bn")
_HEDGED = re.compile(r"\b(?:(?:total|overall|combined|cumulative|full|initial|additional)\s+)?"
                     r"(?:potential|possible|proposed|prospective|hypothetical)\b(?:\s+[\w-]+){0,3}\s+$", re.IGNORECASE)


# the noun a name owns in a question: "stock" of "Nvidia's stock"
_OWNED_NOUN = r"['’]s?\s+([a-z][\w-]*)"
STOCK_WORDS = frozenset(content_terms("stock stocks share shares"))  # one thing said in either word


def _owned_words(q: QuestionAnalysis) -> frozenset[str]:
    """The stems of what the question's owners own ("stock" of "Nvidia's stock"; "stock" and "share" say the same)."""
    found = {t for owner in q.owners for m in re.finditer(re.escape(owner) + _OWNED_NOUN, q.text) for t in content_terms(m.group(1))}
    return frozenset(found | STOCK_WORDS) if found & STOCK_WORDS else frozenset(found)


# "When was Anthropic established?", "When were the Normans converted?": a name, then the verb done to it, last
_WHEN_DONE = re.compile(r"^\W*when\s+(?:was|were)\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s+)+(?P<verb>[a-z]+ed)\s*\??\s*$", re.IGNORECASE)


def _done_to_name(q: QuestionAnalysis) -> str:
    """The stem of the founding a "When was <Name> <participle>?" question asks the date of ("established"); "" for
    any other question (a date beside a name is often of another event than its beginning)."""
    m = _WHEN_DONE.match(q.text)
    terms = content_terms(m.group("verb")) if m is not None else []
    return terms[0] if terms and terms[0] in FOUNDING_TERMS else ""


# the words one beginning is said in: "When was Anthropic established?" and "founded in 2021"
FOUNDING_TERMS = frozenset(content_terms("found founded establish established create created launch launched form formed incorporated"))


def _says_done(done: str, terms: AbstractSet[str]) -> bool:
    """Whether a sentence's terms say the verb (in its family, or as another word for a founding)."""
    return any(akin(done, t) for t in terms) or (done in FOUNDING_TERMS and bool(FOUNDING_TERMS & terms))


def _same_figure_answer(a: Scored, b: Scored) -> bool:
    """Whether two sentences answer with the same figure: the better one, bound to another subject by the parse
    ("securing a $100 billion cloud spending commitment in return", Amazon's), does not speak against the other."""
    fa, fb = (s.span.figure if s.span is not None else None for s in (a, b))
    return fa is not None and fb is not None and same_figure(fa, fb)


def _other_measure(data: IndexData, q: QuestionAnalysis, s: Scored) -> bool:
    """Whether the sentence's figure is of no money put in where the question asks money put in ("How much is Amazon
    putting in this round?" and "This latest investment round reportedly values Anthropic at ..."): a valuation
    of another name is no better answer for it."""
    figure = s.span.figure if s.span is not None else None
    if figure is None or q.span_kind != "money" or not gives_money(content_terms(q.measure)):
        return False
    claim = facts(data, s.sentence_id).claim_at(data.sentences[s.sentence_id].start + figure.start)
    return claim is not None and bool(claim.measure) and not gives_money(content_terms(claim.measure))


def _states_here_or_before(data: IndexData, sentence_id: int, figures: Sequence[Figure]) -> bool:
    """Whether the sentence states one of the figures, or says "this" or "it" of the sentence before that does."""
    if states_any(data, sentence_id, figures):
        return True
    return bool(_SAYS_THIS.search(data.sentences[sentence_id].text)) and any(
        states_any(data, i, figures) for i in data.neighbours(sentence_id, after=False))


BLANK_CANDIDATES = 6  # bound sentences searched for one that writes the words before a question's blank
_SAYS_THIS = re.compile(r"\b(?:this|that|it|these|those)\b", re.IGNORECASE)


def _with_hedge(sentence: str, text: str) -> str:
    """A figure answer with the hedge word before it kept ("potential commitment to $33bn", not "$33bn"); a ceiling
    says the figure is a possibility itself ("up to $25 billion" needs no "potential total investment of")."""
    if text.lower().startswith(tuple(BOUND_QUALIFIERS)):
        return text
    at = sentence.find(text)
    m = _HEDGED.search(sentence, 0, at) if at > 0 else None
    return sentence[m.start() : at + len(text)] if m else text




def _owned_name(q: QuestionAnalysis, sentence: str, heading: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Where a sentence names what a name of the question owns ("Google's TPU", "Google's Gemini ecosystem" for
    "Which Google chip ...?" or "Google's flagship model"): the capitalized words after "<name>'s", where `heading`
    is given only those the next word of which is one of its terms ("Anthropic's Claude models"); or the longer
    name a describing name starts ("Claude 3.5 Sonnet" for "Which Claude model ...?")."""
    names = (*q.describers, *q.owners)
    for name in dict.fromkeys((*names, *(n.split()[0] for n in names))):  # "Google AI model line": Google's
        for m in re.finditer(rf"\b{re.escape(name)}['’]s\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)", sentence):
            if set(content_terms(m.group(1))) <= q.terms:
                continue
            if heading and not _word_after_in(sentence, m.end(1), heading):
                continue
            return m.start(1), m.end(1)
        # "Google has poured billions into its internal DeepMind division" for "What is Google's internal AI division
        # called?": "its" of the name the sentence opens with, where the word after the name is one the question asks
        its = re.match(rf"\W*{re.escape(name)}\b[^.;:]*?\b(?:its|their)\s+(?:[a-z][\w-]*\s+){{0,2}}([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)", sentence)
        if heading and its is not None and not set(content_terms(its.group(1))) <= q.terms | GENERIC_NAME_TERMS and (
                _word_after_in(sentence, its.end(1), heading)):
            return its.start(1), its.end(1)
    if heading:
        return None
    for name in q.describers:  # "Which Claude model ...?": the longer name the sentence gives it, "Claude 3.5 Sonnet"
        longer = re.search(rf"\b{re.escape(name)}((?:\s+(?:[A-Z][\w-]*|\d[\w.-]*\w|\d))+)", sentence)
        if longer is not None and not set(content_terms(longer.group(1).split()[0])) & q.terms:  # not "Vice Consul Duke ..."
            # a version number belongs to the name ("Claude 3.5 Sonnet"); a title names whom it stands before
            # ("What South African Vice Consul ...?": "Duke Kent-Brown")
            return (longer.start() if longer.group(1).split()[0][0].isdigit() else longer.start(1) + 1), longer.end()
    return None


def _word_after_in(sentence: str, end: int, terms: frozenset[str]) -> bool:
    """Whether the word right after `end` in the sentence is one of `terms` ("models" after "Anthropic's Claude")."""
    return bool(set(content_terms(" ".join(sentence[end:].split()[:1]))) & terms)


def _bridged(data: IndexData, q: QuestionAnalysis, best: Scored) -> Scored | None:
    """The best sentence's next one, with the name it gives for the class the best one only speaks of (rag.bridging)."""
    sentence_id = best.sentence_id
    following = [i for i in data.neighbours(sentence_id) if i > sentence_id]
    if not following:
        return None
    text = data.sentences[following[0]].text
    own = frozenset(e.lower() for e in (*q.entities, *q.aside))
    found = bridged_name(data.sentences[sentence_id].text, text, q.asked_class, own)
    if found is None:
        return None
    return dataclasses.replace(best, sentence_id=following[0], span=Span(found[0], found[1], text[found[0] : found[1]], "name"))


def _made_by_another(data: IndexData, q: QuestionAnalysis, name: str) -> str:
    """The owner the articles write a one-word answer's name as belonging to where it is none of the names that
    describe what the question asks ("Amazon" for "Trainium" asked as one of the Nvidia chips), else ""."""
    # (a name that only says the field is no owner: "AI" of "Which AI lab is Microsoft's main partner?")
    described = [t for d in (*q.describers, *q.owners) for t in content_terms(d) if t not in GENERIC_NAME_TERMS]
    if not specific_names(q.describers):
        return ""
    if " " in name or any(akin(t, d) for t in content_terms(name) for d in described):
        return ""
    owned = owner_of(data, name)
    if owned is None:
        return ""
    owner = content_terms(owned[0])
    return owned[0] if owner and not any(akin(o, d) for o in owner for d in described) else ""


def _described_name(data: IndexData, q: QuestionAnalysis, bound: Sequence[Scored]) -> Scored | None:
    """The first name of the best sentences (WHOLE_ANSWER_CANDIDATES) that says the question's describer ("NVIDIA")
    that the question does not name and the articles write as nobody else's, as that sentence's answer; None where none."""
    for s in bound[:WHOLE_ANSWER_CANDIDATES]:
        text = data.sentences[s.sentence_id].text
        if not any(names_every((d,), facts(data, s.sentence_id).names) for d in q.describers):
            continue
        for c in candidate_spans(text, "name"):
            name = without_possessive(c.text)
            if c.start == 0 or set(content_terms(name)) & (q.name_terms | {t for d in q.describers for t in content_terms(d)}):
                continue  # a sentence's first word, the describer or a name the question gives
            owned = owner_of(data, name)
            stem = re.match(r"[A-Za-z]+", name)  # (a generation of another's product is theirs: "Trainium 2")
            if stem is not None and _made_by_another(data, q, stem.group()):
                continue
            # (a product's code, "H100/B200", or a name the articles write as the describer's)
            if (any(ch.isdigit() for ch in name) and owned is None) or (owned is not None and not _made_by_another(data, q, name)):
                return dataclasses.replace(s, span=Span(c.start, c.start + len(name), name, c.kind))
    return None


def _near_saying(data: IndexData, bound: Sequence[Scored], best: Scored, says: Callable[[str], bool]) -> Scored | None:
    """The first sentence after the best, among the WHOLE_ANSWER_CANDIDATES and near its score, whose text `says` what
    the best one does not (a model's full name, a generation)."""
    for s in bound[1:WHOLE_ANSWER_CANDIDATES]:
        if s.score >= NEAR_BEST * best.score and says(data.sentences[s.sentence_id].text):
            return s
    return None


_NAME_GOES_ON = re.compile(r"\s+[A-Z][a-z]")  # a capitalized word after a generation: "Claude 3.5 Sonnet"


def _generation_named(q: QuestionAnalysis, sentence: str) -> Generation | None:
    """The first generation a sentence names of a one-word name the question asks about ("Trainium" -> "Trainium4"),
    or of any name where the question asks for a generation ("Which next-generation chip ...?"); a name that only
    describes the thing asked counts ("Trainium" of "Which Trainium chip will Anthropic use?")."""
    for e in q.entities:
        if " " not in e and (found := generations_in(sentence, e)):
            return found[0]
    for e in q.describers:  # (not a model's longer name: "Claude 3.5 Sonnet" for "Which Claude model ...?")
        if " " not in e and (found := [g for g in generations_in(sentence, e) if not _NAME_GOES_ON.match(sentence, g.end)]):
            return found[0]
    if q.asks_generation:
        return next(iter(any_generations(sentence)), None)
    return None


def _gives(data: IndexData, which: str, claim: Claim, what: str = "", first: bool | None = None) -> str:
    """A note that another article states a figure: "A newer article gives $30 billion: <its title>."; `first=False`
    adds that it does not call the figure the first."""
    unsaid = " without calling it the first" if first is False else ""
    return f"{which} gives {what}{claim.figure.text}{unsaid}: {data.document_head(claim.doc_id).title or claim.doc_id}."


def _initial_elsewhere(data: IndexData, claim: Claim, scored: Sequence[Scored]) -> Claim | None:
    """A claim of the same subject, unit and class of measure, of another value, that its article gives as the initial
    one, in the sentences found for the question (`scored`); None where there is none."""
    if not claim.subject:
        return None
    members = set(data.measure_members(measure_stem(claim.measure)))
    for s in scored:
        for other in data.claims_in_sentence(s.sentence_id):
            if ("initial" in other.scope and "additional" not in other.scope and entity_key(other.subject) == entity_key(claim.subject) and other.figure.unit == claim.figure.unit
                    and measure_stem(other.measure) in members and not same_value(other.figure.value, claim.figure.value)):
                return other
    return None


def _newer_than_asked(data: IndexData, q: QuestionAnalysis, sentence_id: int) -> Weighed | None:
    """For a yes/no question about the present that names a figure: when the answer's sentence states that figure
    and a newer (or more widely stated) figure for the same thing leads, the judgement; else None."""
    own = [c for c in data.claims_in_sentence(sentence_id) if any(same_figure(f, c.figure) for f in q.figures)]
    # the answer's sentence may give the figure as a past one ("previous investments, including a $4 billion
    # commitment"): the articles that state it as current, of a name the question asks about, are weighed too
    # ("Is the $4 billion figure current?" names no one: the figure's claims of any name)
    current = [
        c for f in q.figures for e in (q.entities or (None,)) for c in data.claims_of_figure(f.value, f.unit, e, limit=CURRENT_CLAIMS)
        if c.subject and PAST not in c.scope and c not in own
    ]
    for c in own + current:
        weighed = weigh(data, c)
        if weighed.lead != c and not same_value(weighed.lead.figure.value, c.figure.value):
            return weighed
    return None


def superseded(data: IndexData, q: QuestionAnalysis, earlier: Answer, asked: Sequence[Figure]) -> Answer | None:
    """ "Is that still true?" after an answer that states a figure (its own, or the one its question named: "Which
    article says $8 billion?") where a newer (or more widely stated) figure for the same thing leads: "No: " and
    that figure's sentence, with the earlier figure among the other sides; None where it leads, or no figure."""
    wanted = (earlier.figure,) if earlier.figure is not None else tuple(asked)
    if earlier.abstained or not wanted:
        return None
    for c in earlier.citations:
        for f in parse_figures(c.quote):
            claim = data.claim_at(c.doc_id, c.start + f.start) if any(same_figure(f, w) for w in wanted) else None
            if claim is None or PAST in claim.scope:
                continue
            weighed = weigh(data, claim)
            if weighed.lead != claim and not same_value(weighed.lead.figure.value, claim.figure.value):
                return _answer_no_with(data, q, earlier.confidence, weighed)
    return None


@lru_cache(maxsize=64)
def _said_stems(said: frozenset[str]) -> frozenset[str]:
    """The stems of a question's words of one way a thing moves ("jump", "climb", ...)."""
    return frozenset(t for w in said for t in content_terms(w))


DONE_BY_LOOKUP = 20  # claims of a figure read for another doer of it (the newest documents'): an index lookup


def _done_by_another(data: IndexData, q: QuestionAnalysis) -> Claim | None:
    """For a yes/no question that has a name do what no article says it did with the question's figure: a claim of
    that figure by another name, to the question's other name where the claim names whom to ("Amazon will invest up
    to $25 billion in Anthropic" for "Did Microsoft commit up to $25B to Anthropic?"); None where there is none."""
    if not q.doer:
        return None
    doer = entity_key(q.doer)
    named = {entity_key(e) for e in q.entities}
    others = named - {doer}
    for f in q.measured:
        for c in data.claims_of_figure(f.value, f.unit, None, DONE_BY_LOOKUP):
            # (a name the question gives is no other: "Has the FTC opened an investigation into Amazon's up-to-$25
            # billion deal?" asks nothing of who put the money in)
            if c.subject[:1].isupper() and entity_key(c.subject) not in named and (
                    entity_key(c.target) in others if c.target else not others):
                return c
    return None


def _answer_no_with(data: IndexData, q: QuestionAnalysis, conf: float, weighed: Weighed, word: str = "No") -> Answer:
    """ "No: " (or `word`) and the sentence that states the leading figure, cited from every article that states it,
    with the asked figure among the other sides."""
    lead = weighed.lead
    sentence = data.sentences[lead.sentence_id]
    sources = side_sentences(data, weighed.verdict.lead, lead)
    conflicts, count = conflict_records(data, weighed.verdict)
    figure = placed(lead, sentence)
    return Answer(
        q.text, f"{word}: {sentence.text}", sentence.text, False, conf, tuple(cite(data, sid) for sid in sources[:MAX_CITATIONS]),
        tuple(conflicts), figure, len(sources), data.named(weighed.verdict.basis) if conflicts else "", count,
    )


# what a figure is of, named right after it: "5 GW of Nvidia H100 capacity", "5GW of Amazon Trainium chips"
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*)*)")
OF_ANOTHER_CANDIDATES = 3  # best bound sentences read for the figure of another thing


def _of_another_thing(data: IndexData, q: QuestionAnalysis, bound: Sequence[Scored]) -> tuple[Scored, Claim] | None:
    """A near sentence that states the question's figure of another named thing than the question's ("5GW of Amazon
    Trainium chips" for "5 GW of Nvidia H100 capacity"), and its claim; None where none does."""
    asked = {}
    for f in q.measured:
        m = _OF_NAME.match(q.text, f.end)
        # (the name, or a name and the plural of an acronym after it: "5GW of Nvidia GPUs")
        named = next((e for e in q.entities if m is not None and (m.group("name") == e or m.group("name").startswith(f"{e} "))), None)
        if m is not None and named is not None:
            asked[figure_key(f.value, f.unit)] = m.group("name")
    if not asked:
        return None
    for s in bound[:OF_ANOTHER_CANDIDATES]:
        sentence = data.sentences[s.sentence_id]
        for c in data.claims_in_sentence(s.sentence_id):
            name = asked.get(figure_key(c.figure.value, c.figure.unit))
            m = _OF_NAME.match(sentence.text, c.figure.end - sentence.start) if name else None
            if m is not None and name is not None and entity_key(m.group("name")) != entity_key(name) and not (
                    name in m.group("name") or m.group("name") in name):
                return s, c
    return None


# the party a figure goes to, after it: "$100 billion on Amazon Web Services", "$13 billion in OpenAI"
_GOES_TO = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:on|to|in|into|with)\s+(?:the\s+)?(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")
_SUBJECT_ASKED = r"^\W*(?i:did|does|do|has|have|had|is|was|will|would)\s+(?:the\s+)?"
PLACE_CLASSES = frozenset(content_terms(" ".join(PLACE_CLASS_NOUNS)))  # "In which city ...?" asks a place's name
LOOSE_PLACE_CLASSES = frozenset(content_terms(" ".join(LOOSE_PLACE_NOUNS)))  # "Which US state ...?": no company's
_WH_WORD = re.compile(rf"\b(?:{'|'.join(WH_WORDS)})\b", re.IGNORECASE)
ANOTHER_PARTY_CANDIDATES = 8  # best scored sentences read for the question's figure put into another party
AUTHORED_CANDIDATES = 12  # best bound sentences whose articles are read for a byline naming the speaker


def _to_another_party(data: IndexData, q: QuestionAnalysis, scored: Sequence[Scored]) -> tuple[Scored, Claim] | None:
    """A sentence among the best that states the question's figure of the question's subject (the name after its
    auxiliary) going to a party the question does not name, where it names none of the question's other names
    ("Microsoft has invested approximately $13 billion in OpenAI" for "Did Microsoft invest $13 billion in
    Anthropic?"), and its claim; None where none does."""
    if len(q.entities) < 2 or not re.match(_SUBJECT_ASKED + re.escape(q.entities[0]) + r"\b", q.text):
        return None
    subject, others = entity_key(q.entities[0]), q.entities[1:]
    for s in scored[:ANOTHER_PARTY_CANDIDATES]:
        known = facts(data, s.sentence_id)
        if any(names_every((o,), known.names) for o in others):
            continue  # the sentence names the party asked about: not another one
        sentence = data.sentences[s.sentence_id]
        for c in data.claims_in_sentence(s.sentence_id):
            if entity_key(c.subject) != subject or not any(same_figure(f, c.figure) for f in q.measured):
                continue
            goes = _GOES_TO.match(sentence.text, c.figure.end - sentence.start)
            if c.target or goes is not None:
                return s, c
    return None


# a word that makes what it qualifies one thing's alone: "as its primary computing base", "its main cloud partner"
SOLE_WORDS = ("primary", "main", "sole", "principal", "exclusive", "preferred")
_SOLE_PHRASE = re.compile(rf"\b(?:{'|'.join(SOLE_WORDS)})\s+(?:[a-z][\w-]*\s+){{0,2}}?[a-z][\w-]*(?=\s*\?|\s*$|\s+(?:of|for|in|at|to|by|under|after|with|from|during)\b)",
                          re.IGNORECASE)


def _held_by_another(data: IndexData, q: QuestionAnalysis, scored: Sequence[Scored]) -> tuple[Scored, str] | None:
    """A sentence among the best that gives the sole thing the question asks of its subject ("its primary computing
    base") to another name, naming none of the question's other names: "Will Anthropic use Nvidia chips as its
    primary computing base?" and "Anthropic commits to using AWS Trainium chips ... as its primary computing base" is
    a No; None where none does."""
    m = _SOLE_PHRASE.search(q.text)
    if m is None or len(q.entities) < 2 or not re.match(_SUBJECT_ASKED + re.escape(q.entities[0]) + r"\b", q.text):
        return None
    phrase = m.group(0).lower()
    others = [e for e in q.entities[1:] if e.lower() not in phrase]
    if not others:
        return None
    for s in scored[:ANOTHER_PARTY_CANDIDATES]:
        text = data.sentences[s.sentence_id].text
        known = facts(data, s.sentence_id)
        # (the phrase in any of its words' forms: "its primary compute" and "as its primary computing base")
        if not set(content_terms(phrase)) <= known.terms or not names_every(q.entities[:1], names_here_and_before(data, s.sentence_id)):
            continue
        if any(names_every((o,), known.names) for o in others) or not any(
                not names_every((n,), frozenset(q.entities)) for n in known.names):
            continue  # the sentence names the thing asked about, or no other name to hold it
        return s, f"No: {text}"
    return None


def _another_generation(data: IndexData, q: QuestionAnalysis, scored: Sequence[Scored]) -> tuple[Scored, str] | None:
    """For a yes/no question of a product's generation that no sentence near names ("Will Anthropic use Trainium3
    chips?"), the first of the best sentences that names another generation of it and the question's other names:
    a No ("... including the next-generation Trainium4"); None where the question names no generation, or none does."""
    asked = [g for e in q.entities if (g := generation(e)) is not None]
    if len(asked) != 1:
        return None
    wanted = asked[0]
    others = tuple(e for e in q.entities if generation(e) is None)
    for s in scored[:ANOTHER_PARTY_CANDIDATES]:
        text = data.sentences[s.sentence_id].text
        named = generations_in(text, wanted.base)
        if named and all(g.number != wanted.number for g in named) and names_every(others, names_here_and_before(data, s.sentence_id)):
            return s, f"No: {text}"
    return None


def _sifted(bound: list[Scored], sieves: Sequence[tuple[bool, Callable[[Scored], bool]]]) -> list[Scored] | None:
    """The bound sentences each sieve that applies keeps, in order; None as soon as one keeps none (the answerer
    then abstains: what is left does not answer the question)."""
    for applies, keep in sieves:
        if applies:
            bound = [s for s in bound if keep(s)]
            if not bound:
                return None
    return bound


def _valued_figure(data: IndexData, s: Scored) -> bool:
    """Whether the figure a sentence answers with is a valuation or money earned (rag.figure_index.valued)."""
    claim = claim_of(data, s)
    return claim is not None and valued(claim, data.sentences[s.sentence_id])


# a question for a time to come: "When will ...?", "When is ... expected to ...?"
_ASKS_FUTURE = re.compile(r"^\W*when\s+(?:will|would|shall|is\b[^?]*\b(?:expected|due|set|going)\s+to|are\b[^?]*\b(?:expected|due|set|going)\s+to)\b",
                          re.IGNORECASE)


def _dated_before_writing(data: IndexData, s: Scored) -> bool:
    """Whether a date span names a year before the earliest its article may have been written (rag.dating)."""
    if s.span is None:
        return False
    written = data.times.get(data.sentences[s.sentence_id].doc_id)
    years = [int(y) for y in years_in(s.span.text)]
    return written is not None and written.lower is not None and bool(years) and max(years) < int(written.lower // 12)


# a figure question about what is foreseen ("project", "forecast"), and the words that say a figure is: those, "will" ...
_FORESEEING = r"project(?:s|ed|ing|ions?)?|forecast(?:s|ed|ing)?|predict(?:s|ed|ing|ions?)?|expect(?:s|ed|ing)?"
_ASKS_PROJECTION = re.compile(rf"\b(?:{_FORESEEING})\b", re.IGNORECASE)
_AHEAD = re.compile(rf"\b(?:{_FORESEEING}|anticipat\w*|will|target(?:s|ed)?|goal|outlook|guidance|by 20\d\d|next year|"
                    r"coming (?:years?|months))\b", re.IGNORECASE)


def _in_years(data: IndexData, years: Sequence[str], s: Scored, q_scope: Sequence[str] = ()) -> bool:
    """Whether a figure's claim is dated in one of the question's years, or undated in an article that may have
    been written by the end of the latest of them (an article of 2026 or later that gives "$5 billion" with no
    date does not say what was invested in 2022)."""
    claim = claim_of(data, s)
    dated = years_in(claim.time) if claim is not None else ()
    if dated:
        return any(y in dated for y in years)
    if claim is not None and "total" in claim.scope and "total" not in q_scope:
        return False  # "How much did Amazon invest in early 2025?": a running total is no money put in that year
    written = data.times.get(data.sentences[s.sentence_id].doc_id)
    if written is None:
        return True
    # nor does an article written before the earliest of them ("What valuation did the 2026 deal give?" and an
    # article of 2024-2025 that gives "$60 billion" with no date)
    after_start = written.lower is None or int(written.lower // 12) <= max(int(y) for y in years)
    before_end = written.upper is not None and written.upper <= 12 * min(int(y) for y in years)  # upper: months, exclusive
    return after_start and not before_end


def _capitalized_terms(question: str) -> frozenset[str]:
    """The stems of the words a question capitalizes past its first ("Which OpenAI product ...?": "openai")."""
    return frozenset(content_terms(" ".join(re.findall(r"(?<=\s)[A-Z][\w&.-]*", question))))


MIN_MEASURE_STEM = 4  # letters a measure's stem has at least to be read as the start of another ("valu" of "valuat")


def _measure_key(data: IndexData, measure: str) -> str:
    """The measure as the articles' claims key it (rag.disagreement.measure_classes): itself, else the one key its
    stem begins ("valu" of "valued" is "valuat" of "valuation"); "" where none."""
    if not measure or measure in data.measure_classes:
        return measure
    if len(measure) < MIN_MEASURE_STEM:
        return ""
    keys = [k for k in data.measure_classes if k.startswith(measure)]  # (not "back" of "backer")
    return keys[0] if len(keys) == 1 else ""


def _measures(data: IndexData, measure: str, s: Scored, key: str = "") -> bool:
    """Whether a figure sentence is about the measure asked: the word (or its claims' key) is in it or its
    neighbours, or its figure's claim measures the same thing (rag.disagreement.measure_classes)."""
    key = key or measure
    near = facts(data, s.sentence_id).near_terms
    if measure in near or key in near:
        return True
    claim = claim_of(data, s)
    return claim is not None and data.measure_classes.get(measure_stem(claim.measure)) == data.measure_classes[key]


def _bound_in_order(data: IndexData, q: QuestionAnalysis, idf: TermWeights, scored: list[Scored]) -> list[Scored]:
    """The bound sentences of a lazily scored list, best first, their spans worked out in score order as far as the
    answer reads: the first WHOLE_ANSWER_CANDIDATES, or all where the question names a figure (it filters them by
    the accounts that state it), or DESCRIBED_CANDIDATES where it asks what a name is. `scored` is updated in place
    with what was worked out."""
    need = len(scored) if q.figures else DESCRIBED_CANDIDATES if described_name(q) else WHOLE_ANSWER_CANDIDATES
    bound: list[Scored] = []
    for i, s in enumerate(scored):
        known = facts(data, s.sentence_id)
        span = choose_span(known.text, q, idf, known.scopes)
        # a question of how one thing differs from another is answered by a clause, not a figure: "a reported 49%"
        # (Microsoft's) in the sentence that sets Amazon's deal against Microsoft's does not unbind it
        figure = span.figure if span is not None and not (q.answer_type == "reason" and DIFFER_TERMS & q.terms) else None
        bound_here = is_bound(data, q, s.sentence_id, figure, known)
        if not bound_here and figure is not None and span is not None and q.answer_type == "yesno" and q.measured and (
                other := another_bound_figure(data, q, s.sentence_id, known, span)) is not None:
            span, bound_here = other, True  # "Did Mistral AI reach a $6 billion valuation?": not OpenAI's $150 billion
        scored[i] = s = dataclasses.replace(s, span=span, bound=1.0 if bound_here else 0.0)
        if s.bound:
            bound.append(s)
            if len(bound) >= need:
                break
    return bound


def _figure_key(s: Scored) -> tuple[str, float] | None:
    """The unit and value of a scored sentence's figure answer, or None."""
    f = s.span.figure if s.span is not None else None
    return (f.unit, round(f.value, 6)) if f is not None else None


def _is_title(data: IndexData, sentence_id: int) -> bool:
    """Whether the sentence is its article's title."""
    sentence = data.sentences[sentence_id]
    return sentence.text.strip() == data.document_head(sentence.doc_id).title.strip()


def _present_claim(data: IndexData, scored: Sequence[Scored], bounds: tuple[str, ...] = (), scope: tuple[str, ...] = ()) -> Scored:
    """For a question about the present, the best sentence whose figure is not marked past ("previous
    investments, including a $4 billion commitment announced in September 2023") or first of a series ("its initial
    $1.25 billion investment"), among the near-best; a
    question that asks for a bound ("the most Amazon could invest") takes a figure that carries one."""
    near = [s for s in scored if s.score >= NEAR_BEST * scored[0].score]
    misfits = PRESENT_MISFITS.difference(scope)
    if bounds:
        scored = [s for s in near if s.span is not None and s.span.figure is not None and s.span.figure.qualifier in bounds] or scored
        if "additional" not in scope:  # the most it could come to is the whole ceiling, not "up to another $20bn"
            scored = [s for s in scored if "additional" not in scope_of(data, s)] or scored
    for s in scored:
        if s.score < NEAR_BEST * scored[0].score:
            break
        if s.span is None or s.span.figure is None:
            continue
        claim = claim_of(data, s)
        if claim is None or not misfits.intersection(claim.scope):
            return s
    return scored[0]


def _with_qualifier(sentence: str, figure: Figure) -> str:
    """ "up to $25 billion": the qualifier stays with the figure, the bare number would overstate it."""
    return sentence[qualified_start(sentence, figure) : figure.end]


