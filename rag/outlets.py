"""A question that names the outlet it asks about: "What does the AI Business piece say ...?", "according to TNW".

The outlet is where the answer must come from, not what it must be about: its name is taken out of the names
the answer is bound to (rag.binding) and out of the words the answer's sentence is scored by, and the passages
are narrowed to the articles that outlet published. A name counts as an outlet only where a retrieved article
names it as its publisher and the question speaks of it as a source ("the X article", "according to X",
"X reports") or no retrieved passage writes the name, so the cost is one metadata read per retrieved article, whatever the corpus' size.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from rag.analysis import QuestionAnalysis
from rag.index.view import IndexData
from rag.lexical import GENERIC_NAME_TERMS, content_terms
from rag.records import Answer, Passage

# words that make a name before them a source: "the AI Business piece", "the TNW report"
SOURCE_NOUNS = r"(?:article|articles|piece|report|reporting|story|coverage|post|write-?up|account|author|writer|editor)"
SOURCE_VERBS = (
    r"(?:says?|said|reports?|reported|writes?|wrote|claims?|claimed|states?|stated|puts?|attributes?|attributed|cites?|cited"
    r"|quotes?|quoted|mentions?|mentioned|gives?|gave|describes?|described|calls?|called|estimates?|estimated|notes?|noted"
    r"|defines?|defined|frames?|framed)"
)

LEXICAL_CANDIDATES = 20  # chunks of a lexical search without the outlet's name read for its own chunks
OUTLET_PASSAGES = 3  # of them, the outlet's chunks added to its passages


def outlet_scope(
    data: IndexData, q: QuestionAnalysis, passages: Sequence[Passage],
) -> tuple[QuestionAnalysis, list[Passage], frozenset[str]]:
    """The question without the outlet it names as its source, the passages of that outlet's articles, and the
    outlet (its name's key, for `cited_from`); the question and passages as they are, and no outlet, where it
    names none."""
    sources = [e for e in q.entities if names_as_source(q.text, e) or _unmentioned(data, e, passages)] if passages else []
    if not sources:  # most questions: no metadata read beyond a name's first mention (`_unmentioned`)
        return q, list(passages), frozenset()
    publishers: dict[str, str] = {}  # doc_id -> its publisher's name, as _key compares it
    for p in passages:
        doc_id = data.chunks[p.chunk_id].doc_id
        if doc_id not in publishers:
            publishers[doc_id] = publisher_key(data.document_head(doc_id).publisher or "")
    named = {k for k in publishers.values() if k}
    keys_of = {e: _publisher_named(e, named) for e in sources}
    outlets = [e for e in sources if keys_of[e]]
    if not outlets:
        return q, list(passages), frozenset()
    keys = {keys_of[e] for e in outlets}
    kept = [p for p in passages if publishers[data.chunks[p.chunk_id].doc_id] in keys]
    kept += _outlet_passages(data, q.text, outlets, keys, {p.chunk_id for p in kept}, publishers)
    words = {t for e in outlets for t in content_terms(e)}
    q = dataclasses.replace(
        q,
        entities=tuple(e for e in q.entities if e not in outlets),
        owners=tuple(e for e in q.owners if e not in outlets),
        actor="" if q.actor in outlets else q.actor,
        doer="" if q.doer in outlets else q.doer,  # "Does AI Business describe the deal as ...?": AI Business says it, does nothing
        terms=q.terms - words,
        # "Which outlet was the Hamidun News report adapted from?": not Hamidun News (nor for "the Hamidun story")
        aside=(*q.aside, *outlets, *_full_names(data, kept, keys, outlets)),
    )
    return q, kept, frozenset(keys)


def _full_names(data: IndexData, passages: Sequence[Passage], keys: set[str], outlets: Sequence[str]) -> tuple[str, ...]:
    """The publishers' names as their articles give them, where the question names them in part ("Hamidun")."""
    full = {data.document_head(d).publisher or "" for d in {data.chunks[p.chunk_id].doc_id for p in passages}}
    return tuple(sorted(n for n in full if publisher_key(n) in keys and n not in outlets))


def _publisher_named(name: str, publishers: set[str]) -> str:
    """The key of the publisher `name` names: its whole name, or the name's first words where they are no generic
    words ("the Hamidun story": Hamidun News; not "the AI piece"); "" where it names none."""
    key = publisher_key(name)
    if key in publishers:
        return key
    if set(content_terms(name)) <= GENERIC_NAME_TERMS:
        return ""
    longer = [p for p in publishers if p.startswith(key + " ")]
    return longer[0] if len(longer) == 1 else ""


def _unmentioned(data: IndexData, name: str, passages: Sequence[Passage]) -> bool:
    """Whether no retrieved passage writes `name`, other than its own articles (a masthead, a credit line): a
    publisher's name that the articles do not write is asked as their source, whatever the verb ("What return ratio
    does AI Business attach to ...?")."""
    pattern = re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE)
    for p in passages:
        chunk = data.chunks[p.chunk_id]
        if pattern.search(chunk.text) and publisher_key(data.document_head(chunk.doc_id).publisher or "") != publisher_key(name):
            return False
    return True


def _outlet_passages(
    data: IndexData, text: str, outlets: Sequence[str], keys: set[str], have: set[int], publishers: dict[str, str],
) -> list[Passage]:
    """The outlet's chunks a lexical search finds for the question without the outlet's name: the name pulls the
    ranking towards the outlet's headline ("What return ratio does AI Business attribute to the deal?"), not to
    where it says what is asked. At most OUTLET_PASSAGES of the first LEXICAL_CANDIDATES chunks."""
    for name in outlets:
        text = re.sub(rf"\b{re.escape(name)}(?:['’]s)?", " ", text, flags=re.IGNORECASE)
    out: list[Passage] = []
    for rank, (cid, _) in enumerate(data.lexical.top(text, min(LEXICAL_CANDIDATES, len(data.chunks)))):
        doc_id = data.chunks[cid].doc_id
        if doc_id not in publishers:
            publishers[doc_id] = publisher_key(data.document_head(doc_id).publisher or "")
        if cid not in have and publishers[doc_id] in keys:
            have.add(cid)
            out.append(Passage(cid, 0.0, None, rank))
            if len(out) == OUTLET_PASSAGES:
                break
    return out


def cited_from(data: IndexData, answer: Answer, outlets: frozenset[str]) -> Answer:
    """The answer to a question that names its outlet, cited from that outlet's articles only (other articles that
    state the same are not what was asked; those that state another figure are still shown as disagreeing)."""
    if not outlets or answer.abstained:
        return answer
    kept = tuple(c for c in answer.citations if publisher_key(data.document_head(c.doc_id).publisher or "") in outlets)
    if not kept or len(kept) == len(answer.citations):
        return answer
    return dataclasses.replace(answer, citations=kept, source_count=len(kept))


# the verbs of reporting only: a claim's own verb may be one of the wider SOURCE_VERBS ("Amazon put $1.25 billion")
REPORTING_VERBS = r"(?:says?|said|reports?|reported|writes?|wrote|claims?|claimed|states?|stated|notes?|noted|confirms?|confirmed)"


def names_as_source(text: str, name: str, verbs: str = SOURCE_VERBS) -> bool:
    """Whether the question speaks of `name` as a source of what it asks (by one of `verbs`, a source noun, or
    "according to")."""
    n = re.escape(name)
    return bool(
        re.search(rf"\b{n}(?:['’]s)?\s+(?:\w+\s+)?{SOURCE_NOUNS}\b", text, re.IGNORECASE)
        or re.search(rf"\b(?:according to|per)\s+(?:the\s+)?{n}\b", text, re.IGNORECASE)
        or re.search(rf"\b{n}\s+{verbs}\b", text, re.IGNORECASE)
        or re.search(rf"\b(?:does|did|do)\s+(?:the\s+)?{n}\s+{verbs}", text, re.IGNORECASE)
    )


def publisher_key(name: str) -> str:
    """A name as a publisher is compared: its words, lower case ("AI Business" is not "AI")."""
    return " ".join(re.findall(r"[a-z0-9]+", name.lower()))
