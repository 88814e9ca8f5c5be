"""Follow-ups in time where no source disagrees: "And before that?" after "$2.75 billion in early 2024" is the
tranche its article gives just before ("$1.25 billion investment in September 2023"), "And after that?" the one just
after. The claims of the answer's subject, measure and unit in the same article that it dates, ordered by their
years and then by where the article says them; a total steps to another total, not to a tranche. One lookup through
the claims index."""

from __future__ import annotations

import dataclasses
import re

from rag.disagreement import entity_key, measure_stem, time_marks
from rag.figures import extract_figures, same_value
from rag.index.view import IndexData
from rag.records import Answer, Citation, Claim, Figure
from rag.spans import qualified_start
from rag.units import CURRENCY_UNITS

TOTAL_STEM = "total"
TRANCHE_LOOKUP = 200  # claims of the subject and measure read, newest documents first


def next_tranche(data: IndexData, question: str, earlier: Answer, before: bool) -> Answer | None:
    """The tranche just before (or after) the earlier answer's figure in its article, or where the earlier answer
    gave a date ("September 2023" for "When did Amazon first invest?"), the figure its sentence dates; None where
    there is none."""
    if earlier.abstained or not earlier.citations:
        return None
    first = earlier.citations[0]
    if earlier.figure is not None:
        claim = data.claim_at(first.doc_id, first.start + earlier.figure.start)
    else:  # (the sentence's one money figure: "its initial $1.25 billion investment in September 2023")
        money = [f for f in extract_figures(first.quote) if f.unit in CURRENCY_UNITS]
        claim = data.claim_at(first.doc_id, first.start + money[0].start) if len(money) == 1 else None
    if claim is None or not claim.subject:
        return None
    stems = data.measure_members(measure_stem(claim.measure)) if claim.measure else ()
    if not stems:
        return None
    total = "total" in claim.scope  # a total steps to the total before it ("bringing the total to $4 billion"), a tranche to a tranche
    if total:
        stems = (*stems, TOTAL_STEM)  # a total said by the word itself: "bringing the total to $4 billion"
    same = [
        c for c in data.claims_on_topic(claim.subject, claim.figure.unit, stems, [], TRANCHE_LOOKUP)
        if c.doc_id == claim.doc_id and c != claim and ("total" in c.scope) == total and entity_key(c.subject) == entity_key(claim.subject)
    ]
    if total:
        # a total only grows: the one before is the largest smaller total, the one after the smallest larger one
        side = [c for c in same if (c.figure.value < claim.figure.value if before else c.figure.value > claim.figure.value)]
        if not side:
            return None
        pick = max(side, key=lambda c: c.figure.value) if before else min(side, key=lambda c: c.figure.value)
        return _tranche_answer(data, question, earlier, pick)
    if before and _year(claim) is None and _opens(data, claim):
        # an undated figure in the article's opening is its newest event ("Amazon has committed an additional $4
        # billion" opens 003): every tranche it dates comes before it
        side = [c for c in same if _year(c) is not None]
    else:
        side = [c for c in same if _earlier(c, claim)] if before else [c for c in same if _earlier(claim, c)]
    if not side and not before and _year(claim) is not None:
        # past the last tranche it dates, the undated one the article opens with ("And then?" after "$2.75 billion
        # in early 2024": "Amazon has committed an additional $4 billion")
        side = [c for c in same if _year(c) is None and _opens(data, c)]
    if not side:
        return None
    pick = max(side, key=_order) if before else min(side, key=_order)
    return _tranche_answer(data, question, earlier, pick)


def _tranche_answer(data: IndexData, question: str, earlier: Answer, pick: Claim, qualified: bool = False) -> Answer:
    """The answer that gives a claim's figure, cited from its sentence (`qualified`: with the words that qualify it,
    "up to another $20bn")."""
    sentence = data.sentences[pick.sentence_id]
    doc = data.document_head(pick.doc_id)
    at = pick.figure.start - sentence.start
    citation = Citation(doc.doc_id, doc.title, doc.file, sentence.start, sentence.end, sentence.text)
    # the figure placed in its sentence, so that one more "And before that?" steps back from it
    figure = dataclasses.replace(pick.figure, start=at, end=at + len(pick.figure.text))
    text = sentence.text[qualified_start(sentence.text, figure) if qualified else at : figure.end]
    return Answer(question, text, sentence.text, False, earlier.confidence, (citation,), (), figure, 1)


OPENING_SENTENCES = 3  # an article's first sentences (its title among them), where news reports lead with the newest event


def _opens(data: IndexData, c: Claim) -> bool:
    """Whether a claim is in the first OPENING_SENTENCES sentences of its article."""
    back = c.sentence_id - OPENING_SENTENCES
    return back < 0 or data.sentences[back].doc_id != c.doc_id


def _year(c: Claim) -> int | None:
    years = [int(m) for m in time_marks(c.time) if m.isdigit()]
    return min(years) if years else None


def _order(c: Claim) -> tuple[int, int]:
    return (_year(c) or 0, c.sentence_id)


def _earlier(a: Claim, b: Claim) -> bool:
    """Whether `a` comes before `b`: by the years both are dated in, and within a year by where the article says
    them. An undated figure is not placed (a news article opens with its newest event: "Amazon has committed an
    additional $4 billion" comes first in 003, after the tranches it recounts)."""
    ya, yb = _year(a), _year(b)
    if ya is None or yb is None:
        return False
    return (ya, a.sentence_id) < (yb, b.sentence_id)


# words before a figure that make it the rest of a whole: "with up to another $20bn tied to commercial milestones"
_REST_BEFORE = re.compile(r"\b(?:another|remaining|rest|further|additional|more|balance|other)\b[^,;.]{0,20}$", re.IGNORECASE)


def rest_of(data: IndexData, question: str, earlier: Answer) -> Answer | None:
    """The rest of the whole the earlier answer's figure is a part of: the next figure of its unit in the same
    sentence, said as another part ("$5bn, with up to another $20bn tied to commercial milestones"); None where the
    sentence gives none."""
    if earlier.abstained or earlier.figure is None or not earlier.citations:
        return None
    for cited in earlier.citations:  # the first that says the rest: "$5bn, with up to another $20bn ..."
        claim = _figure_cited(data, cited, earlier.figure)
        if claim is None:
            continue
        sentence = data.sentences[claim.sentence_id]
        after = [c for c in data.claims_in_sentence(claim.sentence_id)
                 if c.figure.unit == claim.figure.unit and c.figure.start > claim.figure.start and "total" not in c.scope
                 and _REST_BEFORE.search(sentence.text, 0, c.figure.start - sentence.start)]
        if after:
            return _tranche_answer(data, question, earlier, min(after, key=lambda c: c.figure.start), qualified=True)
    return None


def _figure_cited(data: IndexData, cited: Citation, figure: Figure) -> Claim | None:
    """The claim of the answer's figure in a cited sentence: where the answer's own sentence places it, else the
    first claim of the same value and unit in that sentence (another article's citation)."""
    claim = data.claim_at(cited.doc_id, cited.start + figure.start)
    if claim is not None and claim.figure.unit == figure.unit and same_value(claim.figure.value, figure.value):
        return claim
    for f in extract_figures(cited.quote):
        if f.unit == figure.unit and same_value(f.value, figure.value):
            return data.claim_at(cited.doc_id, cited.start + f.start)
    return None
