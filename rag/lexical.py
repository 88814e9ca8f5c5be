"""The word tokens BM25 (rag/index/bm25.py) and the answerer compare: stemmed content words."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path
from typing import Protocol

_WORD = re.compile(r"(?u)\b\w\w+\b")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(_bm25s_stopwords()) | {
        "how", "what", "when", "who", "whom", "whose", "where", "which", "why", "much", "many", "did", "does", "say", "says",
        "according",
    }


def _bm25s_stopwords() -> tuple[str, ...]:
    """bm25s' English stop words, read from its data module alone: importing the package (`bm25s/__init__`) loads
    scipy.sparse, about 0.25 s of every start for one tuple of words."""
    spec = importlib.util.find_spec("bm25s")  # finds the package, does not run it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("bm25s is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "stopwords.py"
    module_spec = importlib.util.spec_from_file_location("rag._bm25s_stopwords", path)
    if module_spec is None or module_spec.loader is None:
        raise ImportError(f"cannot read {path}")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return tuple(module.STOPWORDS_EN)


def stopwords() -> frozenset[str]:
    """English stop words (bm25s' list) and the question words."""
    return _stopwords()


def content_terms(text: str) -> list[str]:
    """Lower-cased, stemmed words without stop words; the unit both BM25 and overlap use."""
    return list(_cached_terms(text))


@lru_cache(maxsize=65536)
def _cached_terms(text: str) -> tuple[str, ...]:
    # the same sentences are read again for every question: stem each once
    words = [w for w in _WORD.findall(text.lower()) if w not in _stopwords()]
    return tuple(_stemmer().stemWords(words))


AKIN_PREFIX = 3  # a stem this long is akin to the longer stems it begins ("own" -> "ownership", "valu" -> "valuat")
AKIN_SHARED = 5  # two stems that share this many first letters are akin ("acquir", "acquisit")


def akin(a: str, b: str) -> bool:
    """Whether two stems are forms of one word family: equal, one begins the other, or they share a long start."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return (len(short) >= AKIN_PREFIX and long_.startswith(short)) or (
        len(short) >= AKIN_SHARED and short[:AKIN_SHARED] == long_[:AKIN_SHARED])


# the endings (after stemming) that make another word of the same root: "regulatori" of "regul", "medalist" of
# "medal", "european" of "europ"; not a name that only begins like a word ("trainium", "normandi")
DERIVATION_SUFFIXES = frozenset({"atori", "ori", "ist", "ism", "al", "ic", "ical", "ian", "ean", "an", "in", "es", "ation", "ion", "ive"})


def derived(a: str, b: str) -> bool:
    """Whether one stem is the other or the other with a derivational ending (DERIVATION_SUFFIXES)."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and (len(long_) == len(short) or long_[len(short) :] in DERIVATION_SUFFIXES)


DOER_SUFFIXES = ("or", "er", "r")  # a verb's stem and the noun for whoever does it: "creat" -> "creator", "make" -> "maker"
MIN_DOER_STEM = 4  # "use" and "user" are too short a family to tell a doer by


def doer_nouns(terms: AbstractSet[str]) -> dict[str, str]:
    """The stems of the nouns for whoever does what a term's verb says, each to its verb ("creator" -> "creat")."""
    return {t + end: t for t in terms if len(t) >= MIN_DOER_STEM for end in DOER_SUFFIXES if t + end not in terms}


class TermWeights(Protocol):
    """Inverse sentence frequencies of terms (rag.index.view.TermWeights; a dict in tests)."""

    def get(self, term: str, default: float, /) -> float: ...


# words many names end with: "Mistral AI" is not named by a sentence that says "AI", nor "Google Cloud" by "cloud";
# alone, such a word names no company ("Which company is behind Claude?" is not answered by "AI")
GENERIC_NAME_TERMS = frozenset(content_terms(
    "ai cloud intelligence inc corp corporation company co group lab labs technologies technology systems services"
    " service web global international holdings partners capital ventures research network digital news media"
))


def specific_names(names: Iterable[str]) -> list[str]:
    """The names that say more than the field or the form of a company ("Anthropic", not "AI" or "Cloud")."""
    return [n for n in names if not set(content_terms(n)) <= GENERIC_NAME_TERMS]

# verbs that link or frame what a yes/no question asks ("remains independent", "described as one of the biggest"):
# not the word another article must say too
# adverbs that only focus or hedge what they stand by: "Does Amazon only own ...?", "Is it still ...?"
FOCUS_ADVERBS = ("only", "really", "actually", "also", "just", "even", "still", "ever")
DEGREE_ADVERBS = ("so", "too", "very", "quite", "rather")  # "so much": how much, said of nothing
LIGHT_TERMS = frozenset(content_terms(
    "remain remains become stay seem appear keep get have make take give hold describe described call called"
    " say said report reported consider considered portray portrayed depict depicted characterize characterized"
    " characterise characterised label labelled labeled regard regarded deem deemed view viewed paint painted "
    + " ".join((*FOCUS_ADVERBS, *DEGREE_ADVERBS))
))

# prepositions: words content_terms keeps that say where or how, never what ("only through model tokens")
PREPOSITIONS = frozenset(content_terms(
    "through via with to for from on in at by about against into over under across within without onto upon per"
))


# words that say money goes out of the one who does it: put in, paid, spent (the figure check and binding)
MOVING_TERMS = frozenset(content_terms("invest invested investment pour poured put inject injected pay paid fund funded spend spent give gave"))


def gives_money(terms: Iterable[str]) -> bool:
    """Whether a claim's words say its subject puts money in, pays or spends it ("invest", "spend"): money that goes
    out, not money it gets."""
    return any(map(_moves_money, terms))


@lru_cache(maxsize=65536)
def _moves_money(term: str) -> bool:
    """Whether one word is of a family of MOVING_TERMS (a question reads the same words again: kept)."""
    return any(akin(term, m) for m in MOVING_TERMS)
