"""Follow-ups in time where no source disagrees: "And before that?" after "$2.75 billion in early 2024" is the
tranche its article gives just before ("$1.25 billion investment in September 2023"), "And after that?" the one just
after. The claims of the answer's subject, measure and unit in the same article that it dates, ordered by their
years and then by where the article says them; a total is no tranche. One lookup through the claims index."""

from __future__ import annotations

import dataclasses

from rag.disagreement import entity_key, measure_stem, time_marks
from rag.index.view import IndexData
from rag.records import Answer, Citation, Claim

TRANCHE_LOOKUP = 200  # claims of the subject and measure read, newest documents first


def next_tranche(data: IndexData, question: str, earlier: Answer, before: bool) -> Answer | None:
    """The tranche just before (or after) the earlier answer's figure in its article; None where there is none."""
    if earlier.abstained or earlier.figure is None or not earlier.citations:
        return None
    first = earlier.citations[0]
    claim = data.claim_at(first.doc_id, first.start + earlier.figure.start)
    if claim is None or not claim.subject or "total" in claim.scope:
        return None
    stems = data.measure_members(measure_stem(claim.measure)) if claim.measure else ()
    if not stems:
        return None
    same = [
        c for c in data.claims_on_topic(claim.subject, claim.figure.unit, stems, [], TRANCHE_LOOKUP)
        if c.doc_id == claim.doc_id and c != claim and "total" not in c.scope and entity_key(c.subject) == entity_key(claim.subject)
    ]
    if before and _year(claim) is None and _opens(data, claim):
        # an undated figure in the article's opening is its newest event ("Amazon has committed an additional $4
        # billion" opens 003): every tranche it dates comes before it
        side = [c for c in same if _year(c) is not None]
    else:
        side = [c for c in same if _earlier(c, claim)] if before else [c for c in same if _earlier(claim, c)]
    if not side:
        return None
    pick = max(side, key=_order) if before else min(side, key=_order)
    sentence = data.sentences[pick.sentence_id]
    doc = data.document_head(pick.doc_id)
    at = pick.figure.start - sentence.start
    text = sentence.text[at : at + len(pick.figure.text)]
    citation = Citation(doc.doc_id, doc.title, doc.file, sentence.start, sentence.end, sentence.text)
    # the figure placed in its sentence, so that one more "And before that?" steps back from it
    figure = dataclasses.replace(pick.figure, start=at, end=at + len(pick.figure.text))
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
