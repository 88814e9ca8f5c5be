"""Which articles an answer cites: every one that states the same claim or the same answer text, each once."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from rag.conflicts import side_sentences, weigh
from rag.disagreement import DATED, PAST, defining_scope, entity_key, same_time
from rag.figures import same_figure
from rag.index.view import IndexData
from rag.lexical import TermWeights
from rag.records import Citation, Claim, Figure
from rag.scoring import Scored
from rag.sentence_facts import facts, names_of
from rag.sentence_facts import terms_of as _terms

AGREE_MIN_RELEVANCE = 0.3  # share of the question's idf weight a sentence must hold to count as stating its answer
# Claims of the answer's figure read when looking for more articles that state it, newest first: a figure an
# archive states thousands of times is cited from its newest statements.
ALSO_STATING_LIMIT = 200


def cite(data: IndexData, sentence_id: int) -> Citation:
    s = data.sentences[sentence_id]
    doc = data.document(s.doc_id)
    return Citation(doc.doc_id, doc.title, doc.file, s.start, s.end, s.text)


def stating_claim(data: IndexData, sentence_id: int, figures: Sequence[Figure]) -> list[int]:
    """A sentence per article that states the sentence's claim of one of the figures (its side of the verdict)."""
    for c in data.claims_in_sentence(sentence_id):
        if any(same_figure(f, c.figure) for f in figures):
            verdict = weigh(data, c).verdict
            side = next((sd for sd in (verdict.lead, *verdict.others) if c in sd.claims), None)
            return side_sentences(data, side, c) if side is not None else []
    return []


def stating_figure(data: IndexData, sources: Sequence[int], figures: Sequence[Figure], names: Sequence[str]) -> list[int]:
    """A sentence per other article that states one of the figures (the newest ALSO_STATING_LIMIT claims of each),
    naming the question's names where it gives any."""
    have = {data.sentences[sid].doc_id for sid in sources}
    keys = {entity_key(n) for n in names}
    out: list[int] = []
    for f in figures:
        for c in data.claims_of_figure(f.value, f.unit, limit=ALSO_STATING_LIMIT):
            if c.doc_id in have or (keys and not keys <= names_of(data.sentences[c.sentence_id].text)):
                continue
            have.add(c.doc_id)
            out.append(c.sentence_id)
    return out


def also_stating_figure(
    data: IndexData, lead: Claim, sources: list[int], q_terms: AbstractSet[str], idf: TermWeights
) -> list[int]:
    """Documents that state the lead figure where the parse gave it another subject or none ("the two companies
    committing over $100 billion"): same value, unit and scope; between the same parties (`_same_parties`: the
    same claim in the article's own words, "securing up to 5GW of Amazon Trainium chips"), or, where the parse
    found no subject, in a sentence (or the one before) that holds AGREE_MIN_RELEVANCE of the question's weight."""
    cited = {data.sentences[s].doc_id for s in sources}
    mass = sum(idf.get(t, 0.0) for t in q_terms) or 1.0
    out = []
    for c in data.claims_of_figure(lead.figure.value, lead.figure.unit, limit=ALSO_STATING_LIMIT):
        if c.doc_id in cited or defining_scope(c) != defining_scope(lead) or PAST in c.scope:
            continue
        if DATED in lead.scope and not same_time(lead, c):
            continue  # a dated event is stated only by figures of its own time
        if c.subject and lead.subject and entity_key(c.subject) != entity_key(lead.subject):
            if not _same_parties(data, lead, c):
                continue  # Meta's $30 billion is not Anthropic's; "Anthropic ... securing 5GW of Amazon chips" is Amazon's too
            cited.add(c.doc_id)  # the same figure, scope and parties, in the article's own words: the same claim
            out.append(c.sentence_id)
            continue
        near = set(_terms(data.sentences[c.sentence_id].text))
        for prev in data.neighbours(c.sentence_id, after=False):
            near |= _terms(data.sentences[prev].text)
        if sum(idf.get(t, 0.0) for t in q_terms & near) / mass >= AGREE_MIN_RELEVANCE:
            cited.add(c.doc_id)
            out.append(c.sentence_id)
    return out


def _same_parties(data: IndexData, lead: Claim, other: Claim) -> bool:
    """Whether a figure the parse gives another subject is stated between the same parties as the lead: its
    sentence names the lead's subject, or (with the sentence before, where "the company" is named) both sentences
    name both subjects: "Anthropic ... securing up to 5GW of Amazon Trainium chips" and "Amazon in turn guarantees
    the company ... up to 5 gigawatts" after "Anthropic commits to using AWS Trainium chips"."""
    lead_key, other_key = entity_key(lead.subject), entity_key(other.subject)
    own = names_of(data.sentences[other.sentence_id].text)
    if lead_key in own:
        return True
    around = own | facts(data, other.sentence_id).before_names
    return lead_key in around and other_key in names_of(data.sentences[lead.sentence_id].text)


def also_stating(data: IndexData, scored: Sequence[Scored], best: Scored, text: str) -> list[int]:
    """Sentences of other documents that contain the same answer text, one per document."""
    seen = {data.sentences[best.sentence_id].doc_id}
    out = []
    needle = text.lower()
    for s in scored[1:]:
        sent = data.sentences[s.sentence_id]
        if sent.doc_id not in seen and needle in sent.text.lower() and s.score >= 0.6 * best.score:
            seen.add(sent.doc_id)
            out.append(s.sentence_id)
    return out
