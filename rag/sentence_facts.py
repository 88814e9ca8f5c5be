"""What the answerer knows about a sentence whatever the question: its terms, the names a question's entities can
bind to, whether it is a heading. Worked out once per sentence of an open index version and kept (the same
sentences are candidates for question after question), so a question only intersects sets."""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from rag.config import HEADING_MAX_WORDS
from rag.disagreement import entity_key
from rag.figures import extract_figures, figure_key
from rag.index.view import IndexData
from rag.lexical import content_terms
from rag.records import Claim

SENTENCE_FACTS_CACHE = 16_384  # sentences whose facts are kept per open index version

_NAME = re.compile(r"\b[A-Z][\w’'&.-]*")
_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b", re.IGNORECASE)
_PRONOUN_START = re.compile(
    r"^(?:he|she|it|they|its|his|her|their|the (?:company|firm|startup|group|lab|model)(?:['’]s)?)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class SentenceFacts:
    text: str
    terms: frozenset[str]  # content words and figure keys (terms_of)
    near_terms: frozenset[str]  # its terms and its neighbours': an answer sentence often says "it" for the subject
    heading: bool  # a title or label line
    asks: bool  # ends with "?": a heading that asks the question is not its answer
    names: frozenset[str]  # its names and words, and the parse's subjects and targets of its figures
    before_names: frozenset[str]  # the names and words of the sentence before, within the document
    near_names: frozenset[str]  # its names and words and its neighbours'
    refers_back: bool  # says "he", "they" or "the company": who it is may be in the sentence before
    claims: tuple[Claim, ...]  # the claims of its figures, in index order
    scopes: Mapping[int, frozenset[str]]  # the scope tags of its claims, by figure start in the sentence

    def claim_at(self, start: int) -> Claim | None:
        """The claim of the figure that starts at `start` (a document offset), as IndexData.claim_at."""
        return next((c for c in self.claims if c.figure.start == start), None)


# words that place a question at the time it is asked ("Does Amazon now own ...?"): what it asks is not in them, and a
# sentence that says "now" of something else ("... now reaches $8 billion") does not answer it by that word
TIME_OF_ASKING = frozenset({"now", "today", "nowaday"})


def question_terms(text: str) -> frozenset[str]:
    """A question's terms as sentences are scored by (terms_of), without TIME_OF_ASKING."""
    return terms_of(text) - TIME_OF_ASKING


@lru_cache(maxsize=65536)
def terms_of(text: str) -> frozenset[str]:
    """Content words, plus each figure as one normalized term, so "$8bn" in a question meets "$8 billion"."""
    return frozenset(content_terms(text)) | {figure_key(f.value, f.unit) for f in extract_figures(text) if f.unit != "count"}


@lru_cache(maxsize=65536)
def names_of(text: str) -> frozenset[str]:
    """What a sentence can bind a question's name to: its names and its words ("President Woodrow Wilson's
    inquiry")."""
    return frozenset({entity_key(w) for w in _NAME.findall(text)} | set(content_terms(text)) | set(_initials_of_names(text)))


# a name of two or more capitalized words ("the United Kingdom", "Amazon Web Services"), joined by "of" or "the"
_LONG_NAME = re.compile(r"\b[A-Z][\w’'&-]*(?:\s+(?:(?:of|and|for|the)\s+)*[A-Z][\w’'&-]*)+")
_JOINING = frozenset({"of", "and", "for", "the", "&"})


@lru_cache(maxsize=4096)
def initials_of(name: str) -> str:
    """The initials a name of two or more capitalized words is written by ("us" for "United States", "uk" for "the
    United Kingdom"), or "" for any other name."""
    words = [w for w in name.split() if w.lower() not in _JOINING]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words).lower()


def _initials_of_names(text: str) -> list[str]:
    """The initials each long name of the text is written by, so that a question's "UK" binds to "the United
    Kingdom" (rag.binding reads a question's long name by its initials the other way round)."""
    return [short for m in _LONG_NAME.finditer(text) if (short := initials_of(m.group()))]


def looks_like_heading(text: str) -> bool:
    """A title or label line: short and without closing punctuation."""
    return not text.rstrip().endswith((".", "!", ";", ":", '"', "”")) and len(text.split()) <= HEADING_MAX_WORDS


def names_here_and_before(data: IndexData, sentence_id: int) -> frozenset[str]:
    """The names a sentence and the one before it in its article give (each with its claims' parties)."""
    return facts(data, sentence_id).names.union(*(facts(data, n).names for n in data.neighbours(sentence_id, after=False)))


def facts(data: IndexData, sentence_id: int) -> SentenceFacts:
    """The facts of one sentence of `data`, from the cache of that index version."""
    return _cache_of(data)(sentence_id)


_caches: weakref.WeakKeyDictionary[IndexData, Callable[[int], SentenceFacts]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _cache_of(data: IndexData) -> Callable[[int], SentenceFacts]:
    found = _caches.get(data)
    if found is not None:
        return found
    with _lock:
        found = _caches.get(data)
        if found is None:
            ref = weakref.ref(data)  # the cache must not keep a closed version alive

            def work(sentence_id: int) -> SentenceFacts:
                held = ref()
                assert held is not None, "facts asked of a closed index version"
                return _work_out(held, sentence_id)

            found = _caches[data] = lru_cache(maxsize=SENTENCE_FACTS_CACHE)(work)
        return found


def _work_out(data: IndexData, sid: int) -> SentenceFacts:
    sentence = data.sentences[sid]
    text, start = sentence.text, sentence.start
    around = data.neighbours(sid)
    before = [i for i in around if i < sid]
    terms = terms_of(text)
    own = names_of(text)
    names = set(own)
    claims = tuple(data.claims_in_sentence(sid))
    for c in claims:
        names |= {entity_key(c.subject), entity_key(c.target)}
    before_names: frozenset[str] = frozenset().union(*(names_of(data.sentences[i].text) for i in before))
    near_names = own.union(*(names_of(data.sentences[i].text) for i in around))
    return SentenceFacts(
        text=text,
        terms=terms,
        near_terms=terms.union(*(terms_of(data.sentences[i].text) for i in around)),
        heading=looks_like_heading(text),
        asks=text.rstrip().endswith("?"),
        names=frozenset(names),
        before_names=before_names,
        near_names=near_names,
        refers_back=bool(_PRONOUN_START.match(text) or _PRONOUN.search(text)),
        claims=claims,
        scopes=MappingProxyType({c.figure.start - start: frozenset(c.scope) for c in reversed(claims)}),
    )
