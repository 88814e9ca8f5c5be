"""A question that names the article it asks about: "What does article 001 say is the key catalyst?", "According
to the $8 billion article, which regulators ...?", "... at the time of the article reporting the $4 billion addition?".

The article is where the answer must come from, not what it is about: the reference is taken out of the question
(a number in it is no figure asked), the passages are narrowed to that article's chunks (its best ones added by
their vectors, wherever the search ranked them), and the answer is cited from it alone. An article is named by its
id or the start of one ("article 003"), by a figure it states ("the $8 billion article"), or by its title quoted
("the 'Amazon Pours $4B More' page"): an indexed read of the documents or of the claims, or a bounded lexical
search for the title's words, whatever the corpus' size.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rag.figures import extract_figures
from rag.index.view import IndexData
from rag.records import Answer, Passage

_NOUN = r"(?:article|document|doc|piece|story|report|item|file|source)"
# "article 003", "document no. 2", "the 003 article", "003_225291d27f60a22a"
_BY_ID = (rf"(?:the\s+)?{_NOUN}\s+(?:no\.?\s*|number\s+|#\s*)?(?P<id>\d{{1,4}}(?:_[0-9a-f]{{6,}})?)(?:\.txt)?\b"
          rf"|(?:the\s+)?(?P<id2>\d{{3}}(?:_[0-9a-f]{{6,}})?)\s+{_NOUN}\b|\b(?P<id3>\d{{3}}_[0-9a-f]{{6,}})(?:\.txt)?\b"
          # "What does 004 say about ...?": an id alone, as the subject of a verb of saying
          rf"|(?<=\bdoes\s)(?P<id4>\d{{3}})(?=\s+(?:say|report|write|state|claim|give|mention)\b)")
# "the $8 billion article", "the article reporting the $4 billion addition", "the piece that gives 5GW"
_FIGURE = r"[$€£]?\d[\d.,]*\s*(?:%|[A-Za-z]{1,8})?"
_BY_FIGURE = (rf"(?:the|that|this)\s+(?P<fig>{_FIGURE})\s+{_NOUN}\b"
              rf"|(?:the|that)\s+{_NOUN}\s+(?:that\s+|which\s+)?(?:reports?|reporting|says?|saying|gives?|giving|states?"
              rf"|stating|on|about|with|announcing|announces?)\s+(?:the\s+|an?\s+)?(?P<fig2>{_FIGURE})(?:\s+[a-z][\w-]*)?")


def _quoted_title(group: str) -> str:
    """A title in quotation marks of any kind, its words in the groups `group`1 to `group`4 (one per kind)."""
    return (rf"(?:\"(?P<{group}1>[^\"]{{4,160}})\"|“(?P<{group}2>[^”]{{4,160}})”|‘(?P<{group}3>[^’]{{4,160}})’"
            rf"|'(?P<{group}4>[^']{{4,160}}?)')")


# "the 'Amazon Pours $4B More' page", "the article titled "Amazon commits up to $25bn ..."", "the headline '...'": the
# start of its title, quoted
_BY_TITLE = (rf"(?:the\s+)?{_quoted_title('t')}\s+(?:{_NOUN}|page|post)\b"
             rf"|(?:the\s+)?(?:{_NOUN}|page|post)\s+(?:(?:titled|headlined|called|entitled)\s+)?{_quoted_title('u')}"
             # (a headline run or published: "Which publication ran (the headline) '...'?"; not "Is the headline '...'?")
             rf"|(?:(?<=ran\s)|(?<=runs\s)|(?<=published\s)|(?<=publishes\s)|(?<=carried\s)|(?<=printed\s))(?:the\s+headline\s+)?{_quoted_title('v')}")
_REFERENCE = rf"(?P<ref>{_BY_ID}|{_BY_FIGURE}|{_BY_TITLE})"
# set apart from the question: "According to article 004, ...", "..., according to the $8 billion article?",
# "... at the time of the $8 billion article?"
_LEAD = re.compile(rf"^\W*(?:according to|per|in|from)\s+{_REFERENCE}\s*,\s*", re.IGNORECASE)
_TRAIL = re.compile(rf"\s*,?\s*\b(?:according to|per|in|from|at the time of|as of|as told in)\s+{_REFERENCE}(?=\s*[?.!]*\s*$)",
                    re.IGNORECASE)
_WITHIN = re.compile(_REFERENCE, re.IGNORECASE)

NAMED_LIMIT = 8  # documents a name may stand for ("the $4 billion article": each that states it)
ARTICLE_PASSAGES = 3  # of a named article's chunks, the nearest to the question added to its passages


@dataclass(frozen=True)
class NamedArticles:
    """The question without its reference to an article, and the ids of the documents it names."""

    text: str
    doc_ids: tuple[str, ...]
    named: str  # the reference as the question writes it


def named_articles(data: IndexData, text: str) -> NamedArticles | None:
    """The articles a question names and the question without that reference; None where it names none that the
    index holds (the question is then read as it is)."""
    m = _LEAD.search(text) or _TRAIL.search(text) or _WITHIN.search(text)
    if m is None:
        return None
    ids = _documents(data, m)
    if not ids:
        return None
    if m.re is not _WITHIN:
        rest = re.sub(r"\s+(?=[?.!,])", "", f"{text[: m.start()]} {text[m.end() :]}".strip())
        rest = rest[:1].upper() + rest[1:]  # "According to article 004, how would ...?": "How would ...?"
    elif m.group("fig2"):
        rest = text  # "What did the report about the $4 billion round say ...?": its figure names the source (rag.analysis)
    else:
        rest = text[: m.start()] + "the article" + text[m.end() :]
    return NamedArticles(re.sub(r"\s{2,}", " ", rest), tuple(ids), m.group("ref"))


# the article of the turn before: "... mentioned in this article?", "What does that piece say about ...?"
_THIS = re.compile(rf"(?:\s*,?\s*\b(?P<by>in|from|according\s+to|by|of)\s+)?\b(?<!which\s)(?P<ref>(?:this|that|the\s+same)\s+{_NOUN})\b",
                   re.IGNORECASE)


def this_article(text: str) -> tuple[str, str] | None:
    """A question that names the article of the turn before as "this article" ("Which Chinese companies are mentioned
    in this article?"): the question without that reference, and the reference; None where it names none so."""
    m = _THIS.search(text)
    if m is None:
        return None
    rest = f"{text[: m.start()]}{'' if m.group('by') else ' the article'}{text[m.end():]}"
    rest = re.sub(r"\s+(?=[?.!,])", "", re.sub(r"\s{2,}", " ", rest)).strip()
    return rest[:1].upper() + rest[1:], m.group("ref")


TITLE_SEARCH_CHUNKS = 20  # chunks a lexical search for a quoted title reads for the articles it heads


def _documents(data: IndexData, m: re.Match[str]) -> list[str]:
    token = m.group("id") or m.group("id2") or m.group("id3") or m.group("id4")
    if token:
        return data.documents_named(token, NAMED_LIMIT)
    if (title := next((g for n in "tuv" for i in "1234" if (g := m.group(f"{n}{i}"))), None)) is not None:
        return _titled(data, title)
    said = m.group("fig") or m.group("fig2")
    figures = extract_figures(said or "")
    if not figures or figures[0].unit in ("", "count", "year"):
        return []  # "the 2024 article", "the two articles": no figure a claim could be found by
    f = figures[0]
    return sorted({c.doc_id for c in data.claims_of_figure(f.value, f.unit, limit=NAMED_LIMIT * 4)})[:NAMED_LIMIT]


def _title_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _titled(data: IndexData, quoted: str) -> list[str]:
    """The documents whose title starts with (or holds) the quoted words: those of the chunks a lexical search for
    them ranks first (TITLE_SEARCH_CHUNKS), whatever the corpus size."""
    key = _title_key(quoted)
    if not key:
        return []
    out: list[str] = []
    for chunk_id, _ in data.lexical.top(quoted, TITLE_SEARCH_CHUNKS):
        doc_id = data.chunks[chunk_id].doc_id
        if doc_id not in out and key in _title_key(data.document_head(doc_id).title or ""):
            out.append(doc_id)
    return sorted(out)[:NAMED_LIMIT]


def article_passages(data: IndexData, doc_ids: Sequence[str], vector: np.ndarray, passages: Sequence[Passage]) -> list[Passage]:
    """The passages of the named articles: those retrieved, then each article's ARTICLE_PASSAGES chunks nearest to
    the question by their vectors."""
    named = set(doc_ids)
    kept = [p for p in passages if data.chunks[p.chunk_id].doc_id in named]
    have = {p.chunk_id for p in kept}
    for doc_id in doc_ids:
        ids = [c for c in data.chunk_ids_of(doc_id) if c not in have]
        if not ids:
            continue
        scores = data.chunk_vectors[ids] @ vector
        for i in np.argsort(-scores)[:ARTICLE_PASSAGES]:
            kept.append(Passage(ids[int(i)], float(scores[int(i)]), None, None))
    return kept


def cited_in(answer: Answer, named: NamedArticles) -> Answer:
    """The answer cited from the named articles only, with a note that says so; a refusal where none of them
    states it."""
    if answer.abstained:
        return answer
    kept = tuple(c for c in answer.citations if c.doc_id in named.doc_ids)
    if not kept:
        return Answer.abstain(answer.question, 0.0, f"{named.named[:1].upper()}{named.named[1:]} does not say this.")
    note = f"From {named.named} only, as asked." + (f" {answer.note}" if answer.note else "")
    return dataclasses.replace(answer, citations=kept, source_count=len(kept), note=note)


# "Is article 003 or article 004 the more recent one?", "Which came first, article 001 or 003?"
_NEWER = re.compile(r"\b(?:newer|newest|more recent|most recent|later|latest|last)\b", re.IGNORECASE)
_OLDER = re.compile(r"\b(?:older|oldest|earlier|earliest|first)\b", re.IGNORECASE)


def named_by_age(data: IndexData, text: str) -> tuple[str, list[str]] | None:
    """For a question that names two or more articles and asks which is newer (or older): "newest" or "oldest"
    and the articles named, newest first by the time the index knows for each; None where it asks no such thing."""
    refs = list(_WITHIN.finditer(text))
    age = "newest" if _NEWER.search(text) else "oldest" if _OLDER.search(text) else ""
    if len(refs) < 2 or not age or any(r.group("id") is None and r.group("id2") is None and r.group("id3") is None for r in refs):
        return None
    named = [data.documents_named(r.group("id") or r.group("id2") or r.group("id3"), 2) for r in refs]
    if any(len(ids) != 1 for ids in named):
        return None  # an id no article (or more than one) has: read as the question it is
    docs = list(dict.fromkeys(ids[0] for ids in named))
    return age, sorted(docs, key=data.position, reverse=True)
