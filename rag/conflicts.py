"""Where the sources agree and disagree on a figure the answer gives: the disagreement rule
(`rag/disagreement.py`) applied to the index, and turned into citations and `Conflict` records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rag.config import MAX_CONFLICTS
from rag.disagreement import Side, Verdict, agrees, judge, measure_stem
from rag.figures import figure_key
from rag.index.view import IndexData
from rag.records import Claim, Conflict, Figure

# Claims one lookup of a verdict reads at most, those of the newest documents: a topic an archive states
# thousands of times is judged on its newest statements, in time that does not grow with the archive.
POOL_LIMIT = 100


@dataclass(frozen=True)
class Weighed:
    """The verdict on an answer's figure: the claim that leads, every claim on its side, and the others."""

    lead: Claim
    verdict: Verdict


def weigh(data: IndexData, claim: Claim, past: bool = False) -> Weighed:
    """Judge the claim against the claims of its subject and unit (an index lookup, not a scan)."""
    anchor = claim
    if not (claim.subject and claim.measure):
        # a headline the parser could not read: judge by an agreeing claim it could
        for other in data.claims_of_document(claim.doc_id):
            if other.figure.unit != claim.figure.unit or figure_key(other.figure.value, other.figure.unit) != figure_key(claim.figure.value, claim.figure.unit):
                continue
            if other.subject and other.measure and set(other.scope) == set(claim.scope):
                anchor = other
                break
    pool = _pool(data, anchor) if anchor.subject else []
    pool = pool + [c for c in data.claims_of_figure(anchor.figure.value, anchor.figure.unit, "", POOL_LIMIT) if not c.subject]
    verdict = judge(anchor, pool, data.measure_classes, data.positions(), data.time_basis(), past=past)
    if past and claim not in verdict.lead.claims:
        # a question about the past keeps the figure it asked for; the newer ones are the others
        mine = next((s for s in verdict.others if claim in s.claims), None)
        if mine is not None:
            others = tuple(s for s in (verdict.lead, *verdict.others) if s is not mine)
            return Weighed(claim, Verdict(mine, others, ""))
    lead = claim if claim in verdict.lead.claims else _representative(data, verdict.lead)
    return Weighed(lead, verdict)


def within_accounts(data: IndexData, weighed: Weighed, figures: Sequence[Figure]) -> Weighed:
    """The verdict inside the accounts a question names by a figure ("to bring its total to $8 billion"): a
    figure of an article that states none of them belongs to another moment, not to a disagreement."""
    if not figures:
        return weighed
    verdict = weighed.verdict

    def in_account(doc_id: str) -> bool:
        return any(data.states_figure(doc_id, f.value, f.unit) for f in figures)

    others = tuple(
        Side(side.value, side.unit, kept) for side in verdict.others
        if (kept := tuple(c for c in side.claims if in_account(c.doc_id)))
    )
    return Weighed(weighed.lead, Verdict(verdict.lead, others, verdict.basis if others else ""))


def _pool(data: IndexData, anchor: Claim) -> list[Claim]:
    """The claims of the anchor's subject and unit that can bear on the verdict, through the index: those that
    agree with it and every claim of their measures (the rivals), then every claim of the subject at a rival's
    value (an article stating both values does not contradict itself). The verdict equals judging all claims of
    the subject and unit; the rows read grow with the topic, not with the subject."""
    unit = anchor.figure.unit
    same = [c for c in data.claims_of_figure(anchor.figure.value, unit, anchor.subject, POOL_LIMIT) if agrees(anchor, c)] + [anchor]
    stems = {m for c in same if measure_stem(c.measure) for m in data.measure_members(measure_stem(c.measure))}
    rivals = data.claims_on_topic(anchor.subject, unit, sorted(stems), [figure_key(anchor.figure.value, unit)], POOL_LIMIT)
    values = {figure_key(c.figure.value, unit) for c in rivals}
    return data.claims_on_topic(anchor.subject, unit, sorted(stems), sorted(values), 2 * POOL_LIMIT)


def _representative(data: IndexData, side: Side) -> Claim:
    """The claim that speaks for a side: from its newest document, the one with a known subject first."""
    return max(side.claims, key=lambda c: (data.position(c.doc_id), bool(c.subject and c.measure), -c.sentence_id))


def side_sentences(data: IndexData, side: Side, first: Claim | None = None) -> list[int]:
    """One sentence per document of a side (the first claim's own sentence first)."""
    out: list[int] = []
    seen: set[str] = set()
    ordered = ([first] if first is not None else []) + sorted(side.claims, key=lambda c: -data.position(c.doc_id))
    for c in ordered:
        if c.doc_id not in seen:
            seen.add(c.doc_id)
            out.append(c.sentence_id)
    return out


def conflict_records(data: IndexData, verdict: Verdict, limit: int = MAX_CONFLICTS) -> tuple[list[Conflict], int]:
    """One record per document on each other side, newest first, at most `limit` of them; and how many
    documents the other sides hold in all."""
    out: list[Conflict] = []
    total = sum(len(side.doc_ids) for side in verdict.others)
    for side in verdict.others:
        seen: set[str] = set()
        for c in sorted(side.claims, key=lambda c: (-data.position(c.doc_id), c.sentence_id)):
            if c.doc_id in seen:
                continue
            if len(out) >= limit:
                return out, total
            seen.add(c.doc_id)
            doc = data.document_head(c.doc_id)
            sent = data.sentences[c.sentence_id]
            f = c.figure
            text = f"{f.qualifier} {f.text}" if f.qualifier else f.text
            out.append(Conflict(
                value=f.value, unit=f.unit, text=text, doc_id=doc.doc_id, title=doc.title,
                quote=sent.text[f.start - sent.start : f.end - sent.start], sentence=sent.text, start=f.start, end=f.end,
                date=doc.date, file=doc.file, sentence_start=sent.start,
            ))
    return out, total
