"""Why the answerer refuses the sentence it would answer from, read with the index (`rag.mismatch` holds the text
rules), and the note a refusal gives the reader: what the nearest source says instead ("I could not find this in the
sources. Note: The nearest source says it is not so (...): "Amazon holds a minority stake and does not have a board
seat, ..."")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.analysis import QuestionAnalysis
from rag.index.view import IndexData
from rag.lexical import content_terms
from rag.mismatch import unanswered
from rag.spans import FIGURE_TYPES
from rag.spelling import one_edit

NOTE_QUOTE_CHARS = 200  # the nearest sentence quoted in a refusal's note, at most
MAX_BARE_WORDS = 2  # a question of this many words that names nothing ("Who leads?") asks of nothing in particular
_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
# what a refusal tells the reader of the nearest sentence, by why it does not answer (rag.mismatch.unanswered)
MISMATCH_NOTES = {
    "negation": "the nearest source does not say it is not so",
    "number": "the nearest source gives other numbers",
    "count": "the nearest source counts or ranks otherwise",
    "duration": "the nearest source gives another span of time",
    "opposite": "the nearest source says the opposite",
    "place": "the nearest source does not name the place asked about",
    "unspecified": "the nearest source names them only in general",
}
DENIED_NOTE = "the nearest source says it is not so"  # its answer is the subject of a negated verb (rag.mismatch.denied)


def names_nothing(q: QuestionAnalysis) -> bool:
    """Whether the question names nothing and says nothing but its verb ("Who leads?", "Who created"): it binds to no
    sentence, and any name near "leading" would do ("Who was the hostage?" names what it asks about)."""
    return not q.entities and len(q.terms) <= 1 and len(_WORDS.findall(q.text)) <= MAX_BARE_WORDS and q.answer_type != "yesno"


_NAME_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")  # a capitalized word of a name ("Jassy"; not "CEO", "AI" or "3.5")
_NAME_OR_ACRONYM = re.compile(r"\b(?:[A-Z][a-z]{2,}|[A-Z]{3,}s?)\b")  # ... or one in capitals ("IPO"; not "AI")


def unknown_name(data: IndexData, q: QuestionAnalysis) -> str:
    """The words of the name a question asks of (its actor, receiver or owner) that no article holds ("Andy Jassy" of
    "Amazon CEO Andy Jassy" in "What did Amazon CEO Andy Jassy say ...?"), or "": the question is about someone the
    articles never name, and a sentence that shares its other words ("Amazon", "deal") does not answer it. Two indexed
    lookups at most: the names' words, then those one letter off the words no article holds."""
    return unknown_words(data, [e for e in (q.actor, q.receiver, *q.owners) if e])  # not "in degrees Celsius"


def unknown_words(data: IndexData, named: Sequence[str], acronyms: bool = False) -> str:
    """The words of the first of the names that no article holds, nor one letter off (unknown_name), or ""; with
    `acronyms`, a word in capitals counts too ("IPO")."""
    pattern = _NAME_OR_ACRONYM if acronyms else _NAME_WORD
    words = {w: content_terms(w) for e in named for w in pattern.findall(e)}
    stems = sorted({t for terms in words.values() for t in terms})
    if not stems:
        return ""
    held = data.lexical.chunk_dfs(stems)
    unheld = {w for w, terms in words.items() if terms and not any(held.get(t) for t in terms)}
    if not unheld:
        return ""
    # a name one letter off is a typo of one the articles hold ("Bismark", "Herve" for "Hervé"): not unknown
    near = {w: {t for c in _one_letter_off(w.lower()) for t in content_terms(c)} for w in unheld}
    found = data.lexical.chunk_dfs(sorted({t for terms in near.values() for t in terms}))
    unknown = {w for w in unheld if not any(found.get(t) for t in near[w])}
    for e in named:
        said = [w for w in pattern.findall(e) if w in unknown]
        if said:
            return " ".join(said)
    return ""


_ACCENTED = "àáâäãåçèéêëìíîïñòóôöõùúûüý"


def _one_letter_off(word: str) -> set[str]:
    """The words one edit from `word` (rag.spelling.one_edit), and those with one letter accented ("hervé")."""
    return one_edit(word) | {word[:i] + a + word[i + 1 :] for i in range(len(word)) for a in _ACCENTED}


def mismatch(data: IndexData, q: QuestionAnalysis, sentence_id: int) -> str:
    """Why the sentence does not answer the question though it is the nearest (rag.mismatch.unanswered), or "". A
    figure question's years are not looked for near it: its article's date may place the figure."""
    if not q.mismatchable:
        return ""
    numbers = tuple(n for n in q.numbers if n not in q.years) if q.span_kind in FIGURE_TYPES else q.numbers
    sentence = data.sentences[sentence_id].text
    window = " ".join(data.sentences[i].text for i in (sentence_id, *data.neighbours(sentence_id)))
    return unanswered(q.negated, numbers, q.opposed, sentence, window, q.counts, q.durations, q.places, q.specified)


def mismatch_note(data: IndexData, sentence_id: int, why: str) -> str:
    """The note of a refusal where the nearest sentence shares the question's words but not what it asks (`why`, from
    `mismatch`), or "" where it does not say why."""
    return nearest_note(data, sentence_id, MISMATCH_NOTES[why]) if why else ""


def nearest_note(data: IndexData, sentence_id: int, said: str) -> str:
    """'<Said> ("<document title>"): "<sentence>"', the sentence cut to NOTE_QUOTE_CHARS."""
    sentence = data.sentences[sentence_id]
    quote = sentence.text if len(sentence.text) <= NOTE_QUOTE_CHARS else sentence.text[: NOTE_QUOTE_CHARS - 1].rstrip() + "…"
    return f'{said[:1].upper()}{said[1:]} ({data.named(sentence.doc_id)}): "{quote}"'
