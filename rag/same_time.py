"""Other sums the articles date to the time a question asks about: "How much did Amazon invest in Anthropic in
September 2023?" is answered "$4 billion" (a commitment announced that month, 002), and the reader is told that 003
dates its initial $1.25 billion investment to the same month.

The two need not disagree (a commitment and the first tranche of it), so neither is set against the other as a
disagreement; but a fact-checker who sees one must see the other and every article that gives it. One indexed lookup
of the answer's subject, unit and measure class, at most SAME_TIME_CANDIDATES claims, whatever the corpus's size.
"""

from __future__ import annotations

from collections import defaultdict

from rag.figures import figure_key, figure_label, same_value
from rag.index.view import IndexData
from rag.lexical import content_terms
from rag.records import Claim
from rag.timewords import months_in, years_in

SAME_TIME_CANDIDATES = 40  # claims of the answer's subject and measure class read for another sum of the same time


def same_time_note(data: IndexData, lead: Claim, asked: str) -> str:
    """ "Also dated September 2023: $1.25 billion (...)" where the answer's claim is dated to the month (or year) the
    question `asked` names, and claims of the same subject and measure class give other sums for that time; "" where
    none do."""
    months, years = months_in(asked), set(years_in(asked))
    when = months & months_in(lead.time) if months else years & set(years_in(lead.time))
    stem = next(iter(content_terms(lead.measure)), "")
    if not when or not lead.subject or not stem:
        return ""
    docs: dict[str, dict[str, None]] = defaultdict(dict)
    label: dict[str, str] = {}
    for c in data.claims_on_topic(lead.subject, lead.figure.unit, data.measure_members(stem), [], limit=SAME_TIME_CANDIDATES):
        dated = months_in(c.time) if months else set(years_in(c.time))
        if not dated & when or same_value(c.figure.value, lead.figure.value) or "total" in c.scope:
            continue  # another time, the answer's own sum, or a running total
        key = figure_key(c.figure.value, c.figure.unit)
        docs[key][c.doc_id] = None
        label.setdefault(key, figure_label(c.figure))
    if not docs:
        return ""
    said = "; ".join(
        f"{label[key]} ({'; '.join(data.document_head(d).title or d for d in docs[key])})" for key in sorted(docs))
    return f"Also dated {lead.time}: {said}."
