"""Questions that set names aside ("Apart from Amazon, which companies have invested in Anthropic?", "Besides
Trainium, which Amazon chip ...?"): the near-best sentences reordered so that one about the others answers, not one
about the names set aside."""

from __future__ import annotations

import re

from rag.alignment import act_doers, main_verb
from rag.analysis import QuestionAnalysis
from rag.index.view import IndexData
from rag.lexical import GENERIC_NAME_TERMS, content_terms
from rag.scoring import NEAR_BEST, Scored
from rag.spans import Span, without_possessive


def past_the_act_aside(data: IndexData, q: QuestionAnalysis, bound: list[Scored]) -> list[Scored]:
    """Among the near-best sentences, those that say the question's act (its main verb) of another name or of none
    (of the question's actor, where it names one) first, then the rest, and last those that say it only of the names
    set aside ("Amazon's latest investment brings another $5 billion to Anthropic" says nothing of the others)."""
    act = main_verb(q.text[len(q.set_aside) :])
    if not act or not bound:
        return bound
    aside = frozenset(t for name in q.aside for t in content_terms(name))
    actor = frozenset(content_terms(q.actor))
    acting, asides = [], []
    for s in _near_best(bound):
        doers = act_doers(data.sentences[s.sentence_id].text, act) or []
        if doers and all(d and d <= aside for d in doers):
            asides.append(s)
        elif doers and (not actor or any(not d or actor <= d for d in doers)):
            acting.append(s)  # ("Which other lab has Amazon poured money into?": not "Google has poured billions ...")
    return acting + [s for s in bound if s not in acting and s not in asides] + asides


def another_of_the_class(data: IndexData, q: QuestionAnalysis, bound: list[Scored]) -> list[Scored]:
    """Near-best sentences whose name the class noun asked heads, a name not set aside ("Amazon's proprietary
    Trainium and Inferentia chips" for "Besides Trainium, which Amazon chip ...?"), before the rest (one that names
    only the chip set aside: "Amazon's custom Trainium chips")."""
    naming = [
        s for s in _near_best(bound)
        if s.span is not None and s.span.figure is None and without_possessive(s.span.text) not in q.aside
        and not set(content_terms(s.span.text)) <= GENERIC_NAME_TERMS  # not "AI" of "AI company"
        and _headed_by(data.sentences[s.sentence_id].text, s.span, q.asked_class)
    ]
    return naming + [s for s in bound if s not in naming]


def _near_best(bound: list[Scored]) -> list[Scored]:
    return [s for s in bound if s.score >= NEAR_BEST * bound[0].score] if bound else []


def _headed_by(sentence: str, span: Span, stem: str) -> bool:
    """Whether the class noun `stem` follows the span, as its head: "Trainium and Inferentia chips" for "Inferentia";
    not "the AI company behind Claude" for "Claude"."""
    m = re.match(r"\s+([A-Za-z][\w-]*)", sentence[span.end :])
    return m is not None and stem in content_terms(m.group(1))
