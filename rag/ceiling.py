"""The most a sum put in may come to, beside the sum an answer gives: "How much is Amazon investing in Anthropic?" is
answered "$5bn" (the money put in now), and the reader is told that the sources give "up to $25 billion" in all.

The two are no disagreement (rag.disagreement keeps a ceiling apart from money put in), but a reader who is told only
the first misses the headline figure most articles lead with. The note names every article that states the ceiling.
One indexed lookup of the answer's subject, unit and measure class, at most CEILING_CANDIDATES claims, whatever the
corpus's size.
"""

from __future__ import annotations

from collections import defaultdict

from rag.disagreement import entity_key
from rag.figures import figure_key, figure_label
from rag.index.view import IndexData
from rag.lexical import content_terms
from rag.records import Claim

CEILING_CANDIDATES = 40  # claims of the answer's subject and measure class read for a ceiling
# claims of a time gone by: the money of an earlier round has no ceiling of the newest deal
PAST_SCOPES = frozenset({"past", "dated", "initial"})
MOVED_MEASURES = frozenset(content_terms("invest inject commit pour"))  # money put in (rag.disagreement's classes)


def ceiling_note(data: IndexData, lead: Claim) -> str:
    """ "In all, up to $25 billion (...)" where the answer's figure is money put in and the articles give a larger
    ceiling for the same subject and target; "" where they give none, or the answer is a ceiling or a past round."""
    stem = next(iter(content_terms(lead.measure)), "")
    members = [m for m in data.measure_members(stem) if m in MOVED_MEASURES] if stem else []
    if not lead.subject or not members or "bound" in lead.scope or PAST_SCOPES & set(lead.scope) or lead.figure.qualifier:
        return ""
    target = entity_key(lead.target) if lead.target else ""
    docs: dict[str, dict[str, None]] = defaultdict(dict)
    label: dict[str, str] = {}
    for c in data.claims_on_topic(lead.subject, lead.figure.unit, members, [], limit=CEILING_CANDIDATES):
        if "bound" not in c.scope or PAST_SCOPES & set(c.scope) or c.figure.value <= lead.figure.value:
            continue
        if target and c.target and entity_key(c.target) != target:
            continue  # Amazon's ceiling in Anthropic says nothing of its money in OpenAI
        key = figure_key(c.figure.value, c.figure.unit)
        docs[key][c.doc_id] = None
        label.setdefault(key, figure_label(c.figure))
    if not docs:
        return ""
    key = max(docs, key=lambda k: (len(docs[k]), k))
    titles = "; ".join(data.document_head(doc_id).title or doc_id for doc_id in docs[key])
    return f"In all, up to {label[key]} ({titles})."
