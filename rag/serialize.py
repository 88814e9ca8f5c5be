"""The JSON shapes of the command line and the API (one place, so they cannot drift apart)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rag.figures import figure_label
from rag.records import Answer, Citation, Conflict, FigureLookup, FigureMention


def citation_dict(c: Citation) -> dict[str, Any]:
    return {"doc_id": c.doc_id, "title": c.title, "file": c.file, "start": c.start, "end": c.end, "quote": c.quote}


def conflict_dict(c: Conflict) -> dict[str, Any]:
    return {
        "value": c.value, "unit": c.unit, "text": c.text, "doc_id": c.doc_id, "title": c.title,
        "quote": c.quote, "sentence": c.sentence, "start": c.start, "end": c.end, "date": c.date, "file": c.file,
    }


def answer_dict(a: Answer) -> dict[str, Any]:
    return {
        "question": a.question,
        "answer": a.text,
        "sentence": a.sentence,
        "abstained": a.abstained,
        "confidence": a.confidence,
        "citations": [citation_dict(c) for c in a.citations],
        "conflicts": [conflict_dict(c) for c in a.conflicts],
        "source_count": a.source_count,
        "lead_basis": a.lead_basis,
        "conflict_count": a.conflict_count,
        "note": a.note,
    }


def mention_dict(m: FigureMention) -> dict[str, Any]:
    return {
        "doc_id": m.doc_id, "title": m.title, "file": m.file, "start": m.start, "end": m.end, "quote": m.quote,
        "sentence": m.sentence, "value": m.value, "unit": m.unit, "qualifier": m.qualifier,
    }


def lookup_dict(lookup: FigureLookup, differing: Sequence[FigureMention] = ()) -> dict[str, Any]:
    return {
        "query": lookup.query,
        "figures": [{"value": f.value, "unit": f.unit, "text": f.text} for f in lookup.figures],
        "mentions": [mention_dict(m) for m in lookup.mentions],
        "found": lookup.found,
        "elsewhere": [mention_dict(m) for m in lookup.elsewhere],
        "outlet": lookup.outlet,
        "note": lookup.note,
        "differing": [mention_dict(m) for m in differing],
    }


def lead_reason(basis: str) -> str:
    """Why a figure leads a disagreement, as a sentence: "newer: names events as late as February 2026" -> "its
    source is newer (it names events as late as February 2026)"; "stated by 3 of 4 articles" as it is."""
    if basis == "newer":
        return "its source is newer"
    if basis.startswith("newer: "):
        return f"its source is newer (it {basis[len('newer: '):]})"
    return basis


def answer_text(a: Answer) -> str:
    """The readable form: the answer, its sentence, disagreements, numbered citations."""
    if a.abstained:  # a confidence beside it would read as one in the abstention
        return "I could not find this in the sources." + (f"\nNote: {a.note}" if a.note else "")
    lines = [a.text]
    if a.sentence and a.sentence != a.text:
        lines.append(f'  "{a.sentence}"')
    lines.append(f"  confidence {a.confidence:.2f}")
    if a.note:
        lines.append(f"Note: {a.note}")
    n = len(a.citations)
    if a.conflicts:
        # one side a line, the lead first, then why it leads
        first = a.citations[0]
        lines.append("Sources disagree:")
        lines.append(f"  {a.lead} [1] ({first.title or first.file})  <- leads")
        for i, other in enumerate(a.conflicts, start=n + 1):
            lines.append(f"  {other.text} [{i}] ({other.title or other.doc_id})")
        if a.conflict_count > len(a.conflicts):
            lines.append(f"  and {a.conflict_count - len(a.conflicts)} more documents")
        if a.lead_basis:
            lines.append(f"  {a.lead} leads: {lead_reason(a.lead_basis)}")
    for i, cited in enumerate(a.citations, start=1):
        lines.append(f"[{i}] {cited.title or cited.file}: {cited.quote}")
    if a.source_count > len(a.citations):
        lines.append(f"  ... and {a.source_count - len(a.citations)} more sources state it ({a.source_count} in all)")
    for i, other in enumerate(a.conflicts, start=n + 1):
        lines.append(f"[{i}] {other.title or other.doc_id}: {other.sentence}")
    return "\n".join(lines)


def lookup_text(
    lookup: FigureLookup, mark: Callable[[str], str] = lambda quote: f"**{quote}**", differing: Sequence[FigureMention] = (),
) -> str:
    """The readable figure lookup; `mark` sets the figure apart (Markdown bold by default, terminal bold in the CLI);
    `differing`, the mentions that give another figure for the same thing, are listed after."""
    wanted = ", ".join(figure_label(f) for f in lookup.figures)
    if not lookup.mentions and lookup.elsewhere:
        where = f"{len({m.doc_id for m in lookup.elsewhere})} document(s)"
        lines = [f"No source gives {wanted} for that claim." if not lookup.outlet else
                 f"{lookup.outlet} gives {wanted} for that claim in no article.",
                 f"\n{wanted} appears in {where} about something else:" if not lookup.outlet else
                 f"\n{wanted} appears in {where} of other outlets:"]
        lines += _grouped_lines(lookup.elsewhere, mark)
    elif not lookup.mentions:
        lines = [f"No source gives {wanted}." + (f" Note: {lookup.note}." if lookup.note else "")]
    else:
        lines = [f"{wanted}: {len(lookup.mentions)} mention(s) in {len({m.doc_id for m in lookup.mentions})} document(s)"]
        if lookup.found > len(lookup.mentions):
            lines[0] += f" (the newest {len(lookup.mentions)} of {lookup.found} found)"
        if lookup.note:
            lines.append(f"Note: {lookup.note}.")
        lines += _grouped_lines(lookup.mentions, mark)
    if differing:
        lines.append("\nSources that give another figure for the same thing:")
        lines += _grouped_lines(differing, mark)
    return "\n".join(lines)


def _grouped_lines(mentions: Sequence[FigureMention], mark: Callable[[str], str]) -> list[str]:
    docs: dict[str, list[FigureMention]] = {}
    for m in mentions:
        docs.setdefault(m.doc_id, []).append(m)
    lines = []
    for group in docs.values():
        first = group[0]
        lines.append(f"\n{first.title} ({first.file})" if first.title else f"\n{first.file}")
        for m in group:
            at = m.start - m.sentence_start
            lines.append(f"  - {m.sentence[:at]}{mark(m.quote)}{m.sentence[at + len(m.quote):]}")
    return lines
