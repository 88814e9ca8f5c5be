"""A question typed in lower case ("anthropic valuation", "how much did amazon invest in anthropic?") loses its
names: the answerer binds an answer to the names a question gives, so "anthropic valuation" would take any
company's valuation. The names are written again as the articles write them ("Anthropic valuation").

A word is a name where the sentences of the CASING_CHUNKS chunks that best match the question (a lexical index
lookup, whatever the corpus's size) write it capitalized at least MIN_CAPITALIZED times (a sentence's first word
counts: a common word that opens sentences is written in lower case elsewhere) and never in lower case; headings
(sentences whose words are mostly capitalized) do not count. Only questions written all in lower
case are recased: one that capitalizes anything (its first word too) wrote its names as its writer meant them. The
same evidence tells whether a question put as keywords starts with a name ("Anthropic valuation"), which a
question's capitalized first word otherwise is not."""

from __future__ import annotations

import re
from collections import Counter

from rag.analysis import AUX_WORDS, WH_WORDS
from rag.index.view import IndexData
from rag.lexical import stopwords
from rag.roles import TITLE_WORDS

CASING_CHUNKS = 12  # chunks read for how the articles write the question's words
MIN_CAPITALIZED = 3  # a word written capitalized this often, and never in lower case, is a name
MIN_CAPITALIZED_INSIDE = 1  # ... or this often inside a sentence ("investments from Google, Salesforce, and others")
MIN_NAME_CHARS = 2  # "ai" -> "AI"; a single letter is never recased
HEADING_SHARE = 0.5  # a sentence with more than this share of capitalized words is a heading ("Rising Valuation")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.&-][A-Za-z0-9]+)*")


_CAPITALIZED = re.compile(r"\b[A-Z][a-z]")


def _lowercase(question: str) -> bool:
    """Whether the question capitalizes no word ("What words are inscribed on the mace of parliament?" is written
    with care: its writer meant "parliament" as a common noun); a word in capitals ("how many GW of trainium") is a
    unit or an acronym typed as such, not a name capitalized."""
    return _CAPITALIZED.search(question) is None


def _heading(words: list[str]) -> bool:
    return len(words) > 2 and sum(w[:1].isupper() for w in words) > HEADING_SHARE * len(words)


def _written_as_names(data: IndexData, question: str, asked: set[str], top: list[int] | None = None) -> dict[str, str]:
    """Those of the `asked` lower-case words that the sentences of the chunks best matching the question write as
    names, each with its commonest written form ("aws" -> "AWS"). A sentence's first word counts: a name
    the articles seldom give ("Meta has taken a different approach ...", "... or Meta's") is still never written in
    lower case, as a common word that opens sentences is."""
    forms: dict[str, Counter[str]] = {w: Counter() for w in asked}
    lowered: Counter[str] = Counter()
    within: Counter[str] = Counter()  # capitalized inside a sentence, not as its first word
    for chunk_id in top if top is not None else _top_chunks(data, question):
        chunk = data.chunks[chunk_id]
        for sid in range(chunk.first_sentence, chunk.last_sentence + 1):
            text = data.sentences[sid].text
            matches = list(_WORD.finditer(text))
            heading = _heading([m.group() for m in matches])
            for m in matches:
                word, key = m.group(), m.group().lower()
                if key not in forms:
                    continue
                if word == key:
                    lowered[key] += 1
                elif not heading:
                    forms[key][word] += 1
                    within[key] += _inside(text, m.start())
    return {
        key: counts.most_common(1)[0][0]
        for key, counts in forms.items()
        if not lowered[key] and (sum(counts.values()) >= MIN_CAPITALIZED or within[key] >= MIN_CAPITALIZED_INSIDE)
    }


_RUNNING_BEFORE = re.compile(r"(?:\b[a-z][\w-]*|,)\s+$")  # a lower-case word or a list's comma, then the word


def _inside(text: str, at: int) -> bool:
    """Whether a word at `at` stands capitalized in running text: after a word in lower case or a list's comma
    ("investments from Google, Salesforce, and others"), or in a run of capitalized words a title opens in running
    text ("including CEO Dario Amodei"); not first in its sentence, after a colon or a quote mark, or inside another
    run of capitalized words ("Market Impact Score"), where a common word may be capitalized too."""
    if _RUNNING_BEFORE.search(text, 0, at) is not None:
        return True
    run = _TITLED_RUN.search(text, 0, at)
    return run is not None and run.group("title").lower() in TITLE_WORDS and _RUNNING_BEFORE.search(text, 0, run.start("title")) is not None


# a title and the capitalized words after it, up to the word asked of: "CEO Dario " of "CEO Dario Amodei"
_TITLED_RUN = re.compile(r"\b(?P<title>[A-Z][A-Za-z-]*)\s+(?:[A-Z][\w-]*\s+){0,2}$")


def _top_chunks(data: IndexData, question: str) -> list[int]:
    return [chunk_id for chunk_id, _ in data.lexical.top(question, CASING_CHUNKS)]


def _publishers(data: IndexData, question: str, top: list[int]) -> dict[str, str]:
    """The publishers of the articles of the `top` chunks that the question names in lower case ("who wrote the ai
    business piece": "AI Business"), each as the article's metadata writes it."""
    found: dict[str, str] = {}
    for doc_id in dict.fromkeys(data.chunks[c].doc_id for c in top):
        name = data.document_head(doc_id).publisher or ""
        if len(name) >= MIN_NAME_CHARS and name != name.lower() and re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", question):
            found[name.lower()] = name
    return found


def recased(data: IndexData, question: str) -> str | None:
    """The lower-case question with the words the articles write as names capitalized as they write them ("what is
    anthropic's valuation?" -> "what is Anthropic's valuation?"), or None where it has capitals or no such word."""
    if not _lowercase(question):
        return None
    stop = stopwords()
    asked = {w.lower() for w in _WORD.findall(question) if len(w) >= MIN_NAME_CHARS and w.lower() not in stop}
    # "amazons first investment": a possessive typed without its apostrophe
    stems = {w[:-1] for w in asked if w.endswith("s") and len(w) > MIN_NAME_CHARS + 1}
    top = _top_chunks(data, question)
    names = _written_as_names(data, question, asked | stems, top) if asked else {}
    names |= {f"{stem}s": f"{names[stem]}'s" for stem in stems if stem in names and f"{stem}s" not in names}
    publishers = _publishers(data, question, top)
    if not names and not publishers:
        return None
    for lowered, name in publishers.items():  # a publisher's name whole, its common words too ("AI Business")
        question = re.sub(rf"(?<!\w){re.escape(lowered)}(?!\w)", name, question)
    return _WORD.sub(lambda m: names.get(m.group().lower(), m.group()) if m.group().islower() else m.group(), question)


def leads_with_name(data: IndexData, question: str) -> bool:
    """Whether a question put as keywords ("Anthropic valuation", "Salesforce stake") starts with a name: it has no
    question word and does not start with a verb's auxiliary ("Did ..."), and the articles write its first word as a
    name. A question's first word is capitalized anyway, so the analysis reads it as a name only where told so."""
    words = _WORD.findall(question)
    if not words or not question.lstrip().startswith(words[0]) or not words[0][:1].isupper():
        return False
    first = words[0].lower()
    if first in AUX_WORDS or first in stopwords() or any(w.lower() in WH_WORDS for w in words):
        return False
    return first in _written_as_names(data, question, {first})
