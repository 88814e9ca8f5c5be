"""HTML for the chat window. Every piece of article text, title, file name or question passes through `esc`
(Markdown components) or `esc_html` (HTML components), so an article holding `<script>`, `<img onerror=...>`,
`**bold**` or `![image](http://...)` is shown as those characters: never run, never formatted, never fetched."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from rag.figures import figure_label
from rag.index.view import IndexData
from rag.records import Answer, Document, FigureLookup, FigureMention
from rag.serialize import lead_reason

# HTML's text characters, and every character Markdown (with GitHub's extensions: autolinks, tables,
# strikethrough) could read as markup: `:` and `@` so no URL or e-mail address becomes a link, and a `.` after a
# digit or "www" so no line starts a numbered list or becomes a link.
_SPECIAL = re.compile(r"""[&<>\\`*_{}\[\]()#+\-!|~:=$^@]|(?<=[0-9])\.|(?i:(?<=www)\.)""")


def esc(text: str) -> str:
    """Text for a Markdown component: each special character as a numeric character reference, which Markdown
    shows as that character and never reads as markup (CommonMark, "Entity and numeric character references")."""
    return _SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)


def esc_html(text: str) -> str:
    """Escape for an HTML-only component (no Markdown there)."""
    return html.escape(text, quote=True)


def label(doc: Document) -> str:
    parts = [doc.title or doc.file]
    if doc.publisher:
        parts.append(doc.publisher)
    if doc.date:
        parts.append(doc.date)
    return " · ".join(parts)


def cite_link(n: int) -> str:
    return f'<a href="#passage-{n}" class="cite" data-passage="{n}">[{n}]</a>'


def answer_markdown(answer: Answer, data: IndexData) -> str:
    """The chat message: short answer, supporting sentence, citations, confidence, disagreement."""
    if answer.abstained:  # a confidence beside it would read as one in the abstention
        return "I could not find this in the sources." + (f"\n\n*Note: {esc(answer.note)}*" if answer.note else "")
    lines = [f"**{esc(answer.text)}**"]
    if answer.sentence and answer.sentence != answer.text:
        lines.append(f"> {esc(answer.sentence)}")
    sources = []
    for i, cited in enumerate(answer.citations, start=1):
        sources.append(f"{cite_link(i)} {esc(label(data.document(cited.doc_id)))}")
    if sources:  # "Which articles do not mention OpenAI?" names articles no sentence of which can be quoted
        lines.append("Sources: " + "; ".join(sources))
    n = len(answer.citations)
    if answer.conflicts:
        sides = [f"{esc(answer.lead)} {cite_link(1)}"]
        for i, c in enumerate(answer.conflicts, start=n + 1):
            sides.append(f"{esc(c.text)} {cite_link(i)} ({esc(label(data.document(c.doc_id)))})")
        if answer.conflict_count > len(answer.conflicts):
            sides.append(f"{answer.conflict_count - len(answer.conflicts)} more documents")
        lines.append("**Sources disagree:** " + " vs ".join(sides))
        if answer.lead_basis:
            lines.append(f"*{esc(answer.lead)} leads: {esc(lead_reason(answer.lead_basis))}*")
    if answer.note:
        lines.append(f"*Note: {esc(answer.note)}*")
    lines.append(f"Confidence {answer.confidence:.2f}")
    return "\n\n".join(lines)


def passages_html(answer: Answer | None, data: IndexData) -> str:
    """The panel beside the chat: each cited passage with the quoted text highlighted."""
    if answer is None or answer.abstained:
        return '<div class="passages"><p class="empty">Cited passages appear here.</p></div>'
    items = [(c.doc_id, c.start, c.end, "cited") for c in answer.citations]
    items += [(c.doc_id, c.start, c.end, "disagrees") for c in answer.conflicts]
    blocks = []
    for n, (doc_id, start, end, kind) in enumerate(items, start=1):
        doc = data.document(doc_id)
        a, b = passage_bounds(data, doc_id, start, end)
        text = doc.text
        body = f"{esc_html(text[a:start])}<mark>{esc_html(text[start:end])}</mark>{esc_html(text[end:b])}"
        tag = " · gives a different figure" if kind == "disagrees" else ""
        blocks.append(
            f'<div class="passage" id="passage-{n}"><div class="meta">[{n}] {esc_html(label(doc))}{tag}'
            f' <span class="file">{esc_html(doc.file)} {start}–{end}</span></div><p>{body}</p></div>'
        )
    return '<div class="passages">' + "".join(blocks) + "</div>"


def passage_bounds(data: IndexData, doc_id: str, start: int, end: int) -> tuple[int, int]:
    """The chunk that holds [start, end), or the sentence span itself when none does."""
    return data.chunk_holding(doc_id, start, end) or (start, end)


def lookup_html(lookup: FigureLookup, differing: Sequence[FigureMention], data: IndexData) -> str:
    """Every document that states the figure, its sentences with the figure highlighted, and the documents
    that give another figure for the same thing."""
    wanted = ", ".join(figure_label(f) for f in lookup.figures)
    parts = [f'<div class="lookup"><h3>{esc_html(wanted)}</h3>']
    if not lookup.mentions and lookup.elsewhere:
        said = (f"No source gives {esc_html(wanted)} for that claim. It appears about something else in:" if not lookup.outlet
                else f"{esc_html(lookup.outlet)} gives {esc_html(wanted)} for that claim in no article. Other outlets:")
        parts.append(f"<p>{said}</p>")
        parts.append(_grouped(lookup.elsewhere, data, "gives it for"))
    elif not lookup.mentions:
        parts.append(f"<p>No source gives {esc_html(wanted)}.</p>")
    else:
        if lookup.found > len(lookup.mentions):
            parts.append(f"<p>The newest {len(lookup.mentions)} of {lookup.found} mentions found.</p>")
        if lookup.note:
            parts.append(f'<p class="note">Note: {esc_html(lookup.note)}.</p>')
        parts.append(_grouped(lookup.mentions, data, "states it"))
    if differing:
        parts.append("<h3>Different figures for the same thing</h3>")
        parts.append(_grouped(differing, data, "gives"))
    parts.append("</div>")
    return "".join(parts)


def _grouped(mentions: Sequence[FigureMention], data: IndexData, verb: str) -> str:
    groups: dict[str, list[FigureMention]] = {}
    for m in mentions:
        groups.setdefault(m.doc_id, []).append(m)
    out = []
    for doc_id, items in groups.items():
        doc = data.document(doc_id)
        out.append(f'<div class="doc" data-doc="{esc_html(doc_id)}"><div class="meta">{esc_html(label(doc))} — {verb}'
                   f' ({len(items)}) <span class="file">{esc_html(doc.file)}</span></div><ul>')
        for m in items:
            at = m.start - m.sentence_start
            sentence = m.sentence
            qual = f' <span class="qual">({esc_html(m.qualifier)})</span>' if m.qualifier else ""
            out.append(
                f"<li>{esc_html(sentence[:at])}<mark>{esc_html(m.quote)}</mark>"
                f"{esc_html(sentence[at + len(m.quote):])}{qual}</li>"
            )
        out.append("</ul></div>")
    return "".join(out)
