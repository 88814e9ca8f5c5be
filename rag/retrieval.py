"""Dense and lexical retrieval of chunks, fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from rag.alignment import asked_role
from rag.analysis import UNIT_CLASSES, QuestionAnalysis
from rag.answer_forms import expansion
from rag.claims import SCOPE_WORDS
from rag.config import DEFAULT_TOP_K, RRF_K
from rag.disagreement import entity_key
from rag.index.view import IndexData
from rag.lexical import content_terms, doer_nouns
from rag.records import Passage
from rag.spans import FIGURE_TYPES

MODES = ("hybrid", "dense", "lexical")
CANDIDATES_PER_LIST = 20
CLAIM_PASSAGES = 4  # chunks a figure question adds from the claims of its subject and measure
CLAIM_LOOKUP = 50  # claims read for them, those of the newest documents
EXPANSION_CHUNKS = 30  # chunks a lexical search for an acronym reads for the sentence that spells it out
EXPANSION_PASSAGES = 3  # of them, the chunks that do, added to the passages
DOER_CHUNKS = 10  # chunks a lexical search for the doer's noun and the question's names reads ("creators", "Claude")
DOER_PASSAGES = 2  # of them, the chunks with a sentence that says both, added to the passages


def retrieve(data: IndexData, question: str, query_vector: np.ndarray, k: int = DEFAULT_TOP_K, mode: str = "hybrid") -> list[Passage]:
    """The `k` best chunks for a question, best first by reciprocal rank fusion, then the first of either list where
    fusion left it out (so up to k + 2). `mode` picks one list alone, for measurement."""
    if mode not in MODES:
        raise ValueError(f"unknown retrieval mode {mode!r}; choose one of {', '.join(MODES)}")
    n = min(CANDIDATES_PER_LIST, len(data.chunks))
    dense: list[int] = []
    lexical: list[int] = []
    if mode in ("hybrid", "dense"):
        _, ids = data.vectors.search(query_vector.reshape(1, -1), n)
        dense = [int(i) for i in ids[0] if i >= 0]
    if mode in ("hybrid", "lexical"):
        lexical = [cid for cid, _ in data.lexical.top(question, n)]
    fused: dict[int, float] = {}
    for ranking in (dense, lexical):
        for rank, cid in enumerate(ranking):
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
    dense_rank = {cid: r for r, cid in enumerate(dense)}
    lexical_rank = {cid: r for r, cid in enumerate(lexical)}
    best = sorted(fused, key=lambda cid: (-fused[cid], cid))[:k]
    # the best chunk of either list, where fusion left it out ("expanding global inference capacity across Asia
    # and Europe" first by its words, not among the dense list's 20): after the fused ones
    best += [ranking[0] for ranking in (lexical, dense) if ranking and ranking[0] not in best]
    return [Passage(cid, fused[cid], dense_rank.get(cid), lexical_rank.get(cid)) for cid in dict.fromkeys(best)]


def claim_passages(data: IndexData, q: QuestionAnalysis, passages: Sequence[Passage]) -> list[Passage]:
    """For a figure question ("the most Amazon could invest"), the chunks that hold the newest claims of its
    subject and measure, in the asked unit, that the ranked passages miss: a figure is answered from the claims
    that match what the question asks about, not only from passages that read like it. An index lookup, bounded
    by CLAIM_LOOKUP whatever the corpus size."""
    units = FIGURE_TYPES.get(q.span_kind)
    given = q.measured
    if q.span_kind in ("name", "other", "date") and q.answer_type != "yesno" and given:
        # "Who invested $2 billion in Anthropic?", "How is the extra $20 billion conditioned?": the claims of that
        # figure, of or into a name the question gives
        keys = {entity_key(e) for e in q.entities}
        found = [
            c for f in given for c in data.claims_of_figure(f.value, f.unit, limit=CLAIM_LOOKUP)
            if not keys or {entity_key(c.subject), entity_key(c.target)} & keys
        ]
    elif units and len(q.entities) >= 2 and q.measure in UNIT_CLASSES:
        # "What percentage of OpenAI does Microsoft own?": the percentage is the unit, the measure is unsaid; the claims
        # in that unit of one of the names about another ("a reported 49% ownership stake")
        keys = {entity_key(e) for e in q.entities}
        found = [
            c for e in q.entities for unit in sorted(units) for c in data.claims_about(e, unit, CLAIM_LOOKUP)
            if keys <= {entity_key(c.subject), entity_key(c.target)}
        ]
    elif not units or not q.measure or not q.entities:
        return []
    else:
        stems = data.measure_members(q.measure)
        found = [c for e in q.entities for unit in sorted(units) for c in data.claims_on_topic(e, unit, stems, [], CLAIM_LOOKUP)]
    found.sort(key=lambda c: -data.position(c.doc_id))  # newest first (a stable sort: index order within a document)
    have = {p.chunk_id for p in passages}
    out: list[Passage] = []
    for c in found:
        cid = data.chunk_of_sentence(c.sentence_id)
        if cid is not None and cid not in have:
            have.add(cid)
            out.append(Passage(cid, 0.0, None, None))
            if len(out) == CLAIM_PASSAGES:
                break
    return out


def expansion_passages(data: IndexData, q: QuestionAnalysis, passages: Sequence[Passage]) -> list[Passage]:
    """For "What does AWS stand for?", the chunks that spell the acronym out ("Amazon Web Services (AWS)") among the
    EXPANSION_CHUNKS a lexical search for it ranks first, whatever the corpus size: an acronym is spelled out once,
    and the passages that read most like the question often only use it."""
    if not q.acronym:
        return []

    def spells_out(text: str) -> bool:
        return expansion(text, q.acronym) is not None

    return _searched(data, q.acronym, passages, spells_out, EXPANSION_CHUNKS, EXPANSION_PASSAGES)


def doer_passages(data: IndexData, q: QuestionAnalysis, passages: Sequence[Passage]) -> list[Passage]:
    """For "Which company created Claude?", the chunks where a sentence names whoever does it by the noun of its
    verb ("Anthropic — the creators of the Claude language model") and the question's names, among the DOER_CHUNKS
    a lexical search for both ranks first: passages that read like the question often only use the name."""
    role = asked_role(q.text) if q.answer_type in ("person", "organisation") and q.entities else None
    if role is None or role.relation != "nsubj" or not role.governor:
        return []
    nouns = [noun for noun in doer_nouns({role.governor}) if data.idf.get(noun, 0.0) > 0.0]
    if not nouns:
        return []

    def names_doer(text: str) -> bool:
        return bool(set(nouns) & set(content_terms(text))) and all(e in text for e in q.entities)

    return _searched(data, " ".join([*nouns, *q.entities]), passages, names_doer, DOER_CHUNKS, DOER_PASSAGES)


def _searched(
    data: IndexData, search: str, passages: Sequence[Passage], holds: Callable[[str], bool], reach: int, limit: int,
) -> list[Passage]:
    """Up to `limit` chunks, not among `passages`, with a sentence that `holds`, of the `reach` a lexical search
    ranks first."""
    have = {p.chunk_id for p in passages}
    out: list[Passage] = []
    for cid, _ in data.lexical.top(search, reach):
        chunk = data.chunks[cid]
        if cid in have or not any(holds(data.sentences[sid].text) for sid in range(chunk.first_sentence, chunk.last_sentence + 1)):
            continue
        have.add(cid)
        out.append(Passage(cid, 0.0, None, None))
        if len(out) == limit:
            break
    return out


def with_scope_words(data: IndexData, q: QuestionAnalysis, search: str) -> str:
    """The search text with the words the articles use for a scope the question asks in, where the question's own word
    for it is in no article ("How much goes in upfront?": "immediate", as in "an immediate $5 billion capital
    injection"); a few document-frequency reads, whatever the corpus size."""
    asked = set(content_terms(q.text))
    added: list[str] = []
    for tag in q.scope:
        words = SCOPE_WORDS.get(tag, frozenset())
        said = [t for w in words for t in content_terms(w) if t in asked]
        if not said or any(data.lexical.chunk_df(t) for t in said):
            continue  # the question says the scope in the articles' words already (or not at all)
        added += [w for w in sorted(words) if (terms := content_terms(w)) and all(data.lexical.chunk_df(t) for t in terms)]
    return f"{search} {' '.join(added)}" if added else search
