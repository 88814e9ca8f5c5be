"""Questions about who wrote or edited an article ("Who edited the article about the 10-year AWS contract?"), or
which outlet it was taken from: the article is the one the question's words find first, and the answer is its credit
line ("edited by Hamidun News", "Written by Jane Doe", "By Jane Doe", "AI-processed from TNW"), read from that
article's text only: one document, whatever the corpus size."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.analysis import QuestionAnalysis, roles_asked
from rag.index.view import IndexData
from rag.lexical import content_terms
from rag.records import Answer, Citation, Passage

EDITOR_ROLES = frozenset(content_terms("editor edited"))
AUTHOR_ROLES = frozenset(content_terms("author authored wrote writer byline"))
BYLINE_DOCUMENTS = 2  # the retrieved articles, best first, whose credit lines are read
SOURCE_ANSWER_TYPES = frozenset({"organisation", "person", "definition", "other"})  # "What is the article's source?"
STORY_TERMS = frozenset(content_terms("story article piece report outlet publication"))  # what a source is asked of
_NAME = r"([A-Z][\w.&'’-]*(?:[ \t]+(?:[A-Z][\w.&'’-]*|of|de|van|von)){0,4})"  # on one line
_EDITED = re.compile(rf"\b(?i:edited)[ \t]+by[ \t]+{_NAME}")
# the outlet a story is taken from: "AI-processed from TNW", "Adapted from Reuters", "Source: AP"
_SOURCED = re.compile(
    rf"\b(?i:processed|adapted|sourced|republished|syndicated|translated|rewritten)[ \t]+from[ \t]+{_NAME}"
    rf"|\b(?i:source)[ \t]*:[ \t]*{_NAME}|\b(?i:originally[ \t]+(?:published|appeared)[ \t]+(?:by|in|on))[ \t]+{_NAME}"
)
# a question for that outlet: "Which outlet was the story originally based on?", "What is the article's source?"
_ASKS_SOURCE = re.compile(r"\bbased\s+on\b|\bsourced?\b|\boriginal(?:ly)?\b|\b(?:adapted|taken|processed)\s+from\b", re.IGNORECASE)
_WRITTEN = re.compile(rf"\b(?i:written|reported|authored)[ \t]+by[ \t]+{_NAME}|^[ \t]*By[ \t]+{_NAME}", re.MULTILINE)
# an author box: the name alone on its line, then a line that says what the author is ("Mr Explorer" / "AI tools
# educator and creator of ...", "Jane Doe" / "Jane is a senior reporter ...")
_AUTHOR_BOX = re.compile(
    rf"^[ \t]*{_NAME}[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:[^\n]{{0,60}}?)\b(?i:educator|writer|journalist|reporter|correspondent"
    r"|editor|author|analyst|columnist|contributor|creator)s?\b",
    re.MULTILINE,
)


def asks_byline(q: QuestionAnalysis) -> bool:
    """A question for the person who wrote or edited an article, or the outlet it was taken from."""
    return bool(_credited(q) & (EDITOR_ROLES | AUTHOR_ROLES)) or _asks_source(q)


def _asks_source(q: QuestionAnalysis) -> bool:
    """A question for the outlet an article was taken from ("Which outlet was the Hamidun News story originally
    based on?"): a name asked, with a word of sources, and a word for an outlet's story."""
    return (q.answer_type in SOURCE_ANSWER_TYPES and bool(_ASKS_SOURCE.search(q.text)) and bool(q.terms & STORY_TERMS))



def _credited(q: QuestionAnalysis) -> frozenset[str]:
    """The roles a question asks for; an outlet may be credited too ("Which outlet edited the article ...?")."""
    if q.answer_type == "person":
        # "Who is the author of the AI Business piece?": the role is the noun asked for, not a verb's doer
        return q.roles | ({q.measure, q.asked_class} & (EDITOR_ROLES | AUTHOR_ROLES))
    return roles_asked(q.terms) if q.answer_type == "organisation" else frozenset()


def _best_documents(data: IndexData, passages: Sequence[Passage]) -> list[str]:
    """The ids of the first BYLINE_DOCUMENTS articles the retrieved passages are from, best first."""
    return list(dict.fromkeys(data.chunks[p.chunk_id].doc_id for p in passages))[:BYLINE_DOCUMENTS]


def byline_answer(data: IndexData, q: QuestionAnalysis, passages: Sequence[Passage]) -> Answer | None:
    """The credit line of the best retrieved article that has one of the kind asked; None where none has."""
    editor = bool(_credited(q) & EDITOR_ROLES)
    sourced = not editor and _asks_source(q)
    for rank, doc_id in enumerate(_best_documents(data, passages)):
        doc = data.document(doc_id)
        # an author box says less plainly that it is a credit line: it is read in the best article only
        patterns = ((_EDITED,) if editor else (_SOURCED,) if sourced else (_WRITTEN, _AUTHOR_BOX) if rank == 0
                    else (_WRITTEN,))
        m = next((found for pattern in patterns if (found := pattern.search(doc.text)) is not None), None)
        if m is None:
            continue
        group = next(g for g in range(1, (m.lastindex or 1) + 1) if m.group(g))
        name = m.group(group).rstrip(".,;:’'")
        start = doc.text.rfind("\n", 0, m.start()) + 1
        end = doc.text.find("\n", m.end())
        end = len(doc.text) if end < 0 else end
        line = doc.text[start:end]
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", q.text, re.IGNORECASE):
            # "Which TNW reporter wrote the original story?" and "AI-processed from TNW": the outlet asked of, no one in it
            return Answer.abstain(q.text, 0.0, f'The credit line names no one but {name}: "{line}".')
        citation = Citation(doc.doc_id, doc.title, doc.file, start, end, line)
        return Answer(q.text, name, line, False, BYLINE_CONFIDENCE, (citation,), (), None, 1)
    return None


BYLINE_CONFIDENCE = 0.9  # the article's own credit line

# "Who is Mr Explorer?": a person asked of by name alone
_WHO_IS_NAMED = re.compile(r"^\W*who\s+(?:is|was)\s+(?P<name>[A-Za-z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,3})\W*$", re.IGNORECASE)


def author_described(data: IndexData, question: str, passages: Sequence[Passage]) -> Answer | None:
    """ "Who is Mr Explorer?" of the author box of one of the best retrieved articles that names them: what the line
    under the name says they are ("AI tools educator and creator of the Mr Explorer YouTube channel"), to its first
    full stop; None where the question is not of that shape or no such box names them."""
    asked = _WHO_IS_NAMED.match(question)
    if asked is None:
        return None
    name = " ".join(asked.group("name").split()).lower()
    for doc_id in _best_documents(data, passages):
        doc = data.document(doc_id)
        for m in _AUTHOR_BOX.finditer(doc.text):
            if " ".join(m.group(1).split()).lower() != name:
                continue
            start = doc.text.find("\n", m.start(1)) + 1
            while doc.text[start:start + 1] in ("\n", " ", "\t"):
                start += 1
            end = doc.text.find("\n", start)
            line = doc.text[start : len(doc.text) if end < 0 else end]
            said = re.match(r"[^.]*\.?(?=\s|$)", line)
            text = (said.group() if said else line).strip()
            citation = Citation(doc.doc_id, doc.title, doc.file, start, start + len(line), line)
            return Answer(question, text.rstrip("."), line, False, BYLINE_CONFIDENCE, (citation,), (), None, 1)
    return None


def credit_answer(data: IndexData, question: str, doc_id: str, published: bool) -> Answer | None:
    """ "Who wrote that article?" after an answer: the credit line of the article it is cited from first (an author
    box too); "Who published that?": its publisher, where its metadata or text names one. None where it has neither."""
    doc = data.document(doc_id)
    if published and doc.publisher:
        return Answer(question, doc.publisher, doc.title, False, BYLINE_CONFIDENCE, (Citation(doc.doc_id, doc.title, doc.file, 0, 0, doc.title),), (), None, 1)
    m = next((found for pattern in (_WRITTEN, _AUTHOR_BOX, _EDITED) if (found := pattern.search(doc.text)) is not None), None)
    if m is None:
        return None
    group = next(g for g in range(1, (m.lastindex or 1) + 1) if m.group(g))
    start = doc.text.rfind("\n", 0, m.start()) + 1
    end = doc.text.find("\n", m.end())
    end = len(doc.text) if end < 0 else end
    line = doc.text[start:end]
    return Answer(question, m.group(group).rstrip(".,;:’'"), line, False, BYLINE_CONFIDENCE,
                  (Citation(doc.doc_id, doc.title, doc.file, start, end, line),), (), None, 1)


def credited_to(data: IndexData, doc_id: str, name: str) -> bool:
    """Whether an article's credit line or author box names `name` as its author ("Mr Explorer" of the AI Business
    piece): its text is then that author's words. Reads the one article."""
    text = data.document(doc_id).text
    wanted = " ".join(name.split()).lower()
    return any(" ".join((next((g for g in m.groups() if g), "") or "").rstrip(".,;:’'").split()).lower() == wanted
               for pattern in (_WRITTEN, _AUTHOR_BOX) for m in pattern.finditer(text))
