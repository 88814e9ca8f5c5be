"""Words that say the opposite of each other, for yes/no answers: "Did Amazon's share price drop?" is answered No
by "Amazon's shares climbed nearly 3%", though no "not" is there. One table, read by question analysis."""

from __future__ import annotations

import re

# each entry: two sides; a word of one side in the question and only words of the other in the answer's sentence
# make the answer No
OPPOSITES: tuple[tuple[frozenset[str], frozenset[str]], ...] = tuple(
    (frozenset(a.split()), frozenset(b.split())) for a, b in (
        ("rise rises rose risen rising climb climbs climbed climbing gain gains gained gaining increase increases"
         " increased increasing grow grows grew grown growing jump jumps jumped jumping surge surges surged surging soar"
         " soars soared soaring lift lifts lifted lifting up higher",
         "fall falls fell fallen falling drop drops dropped dropping decline declines declined declining decrease"
         " decreases decreased decreasing shrink shrinks shrank shrunk shrinking sink sinks sank sunk sinking slump slumps"
         " slumped slumping plunge plunges plunged plunging tumble tumbles tumbled tumbling slide slides slid sliding"
         " lose loses lost losing down lower"),
        ("proprietary closed closed-source", "open-source open"),
        ("majority controlling", "minority"),
        ("profitable profit profits", "unprofitable loss loss-making losses"),
    )
)
_WORD = re.compile(r"[a-z][\w-]*")
_BOUND = re.compile(r"\bup to\b", re.IGNORECASE)


# "up" and "down" say a direction where a figure or a form of "be" or "go" is with them ("shares are up 3%", "went
# down"), not as a verb's particle ("give up its independence", "set up", "step down")
_DIRECTION = re.compile(
    r"\b(?:is|are|was|were|be|been|being|go|goes|went|gone|going|ended|closed|finished|moved)\s+(?:up|down)\b"
    r"|\b(?:up|down)\s+(?:by\s+)?(?:nearly\s+|almost\s+|about\s+|some\s+|over\s+)?[$€£]?\d",
    re.IGNORECASE,
)


# a phrase that says a side's word: "owns most of Anthropic" is a majority of it
_SIDE_PHRASES = ((re.compile(r"\bmost\s+of\b"), "majority"),)


def words_of(text: str) -> frozenset[str]:
    text = text.lower()
    for phrase, word in _SIDE_PHRASES:
        text = phrase.sub(word, text)
    words = frozenset(_WORD.findall(text))
    if words & _PARTICLES and not _DIRECTION.search(text):
        words -= _PARTICLES
    return words


_PARTICLES = frozenset({"up", "down"})


def contrary_words(question: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words on the side of the question's words in OPPOSITES (every form: "fall", "fell"), and their opposites. A
    bound is no side ("Is up to $20 billion tied to milestones?" says nothing goes up)."""
    words = words_of(_BOUND.sub(" ", question))
    said: set[str] = set()
    contrary: set[str] = set()
    for a, b in OPPOSITES:
        for side, other in ((a, b), (b, a)):
            if words & side and not words & other:
                said |= side
                contrary |= other
    return frozenset(said), frozenset(contrary)


def says_the_opposite(sentence: str, said: frozenset[str], contrary: frozenset[str]) -> bool:
    """Whether the sentence holds an opposite of what the question says and not what it says."""
    words = words_of(sentence)
    return bool(words & contrary) and not words & said


# OPPOSITES and further pairs whose swap turns a question to what its nearest sentence does not say ("Which country had
# the smallest empire?" against "the largest Empire"): read by rag.mismatch, where a question's word has only its
# opposite in the sentence that would answer it. Pairs whose words are often said in another sense ("end", "last",
# "first") are left out.
ANTONYMS: tuple[tuple[frozenset[str], frozenset[str]], ...] = OPPOSITES + tuple(
    (frozenset(a.split()), frozenset(b.split())) for a, b in (
        ("largest biggest greatest highest maximum", "smallest lowest minimum fewest"),
        ("most", "least fewest"),
        ("more", "less fewer"),
        ("earliest oldest", "latest newest"),
        ("win wins won winning victory victorious", "lose loses lost losing defeat defeated"),
        ("born birth", "died death dies"),
        ("before", "after following"),  # (not "prior": "including prior funding" counts earlier money, at any time)
        ("support supports supported supporting", "oppose opposes opposed opposing condemn condemns condemned"),
        ("accept accepts accepted", "reject rejects rejected"),
        ("allow allows allowed permit permits permitted", "forbid forbids forbade ban bans banned prohibit prohibits prohibited"),
        ("include includes included including", "exclude excludes excluded excluding"),
        ("strong stronger strongest", "weak weaker weakest"),
        ("success successful succeeded", "failure failed unsuccessful"),
        ("north northern", "south southern"),
        ("east eastern", "west western"),
        ("positive", "negative"),
        ("import imports imported", "export exports exported"),
        ("public", "private"),
        ("major", "minor"),
        ("inside internal", "outside external"),
        ("easy easier", "difficult harder"),
        ("high highest", "low lowest"),
        ("young younger youngest", "old older"),
        ("beginning", "end"),
        ("early", "late"),
        ("better best", "worse worst"),
        ("retain retains retained keep keeps kept", "lose loses lost"),
    )
)


def opposed_words(question: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Each ANTONYMS pair the question says one side of and not the other: (the side it says, the other). Words of
    names ("East India Company") and a bound ("up to 3 pence") are no side."""
    plain = _BOUND.sub(" ", question)
    words = words_of(" ".join(w for i, w in enumerate(plain.split()) if i == 0 or not w[:1].isupper()))
    return tuple(
        (side, other) for a, b in ANTONYMS for side, other in ((a, b), (b, a)) if words & side and not words & other
    )


# a degree said of a word: "more exclusive", "less costly", "fewer chips"
_DEGREE = re.compile(r"\b(more|less|fewer)\s+([a-z][a-z-]{3,})\b", re.IGNORECASE)
_OTHER_DEGREE = {"more": ("less", "fewer"), "less": ("more",), "fewer": ("more",)}


# what a degree is measured against: "than Amazon's", "than the Microsoft deal"
_THAN = re.compile(r"\bthan\s+(?:the\s+|that\s+of\s+)?([A-Z][\w&.-]*)")


def degrees(text: str) -> frozenset[tuple[str, str, str]]:
    """The degrees a text says of words, with the name they are measured against where one follows: ("more",
    "exclusive", "Amazon") for "a more exclusive relationship with Anthropic than Amazon"."""
    out = set()
    for m in _DEGREE.finditer(text):
        than = _THAN.search(text, m.end(), m.end() + 80)
        out.add((m.group(1).lower(), m.group(2).lower(), than.group(1) if than else ""))
    return frozenset(out)


def says_other_degree(sentence: str, asked: frozenset[tuple[str, str, str]]) -> bool:
    """Whether the sentence says the other degree of a word the question says a degree of, against the same name
    (or one of them names none), and not the question's: "less exclusive than Amazon's" for "Does Google have a
    more exclusive relationship than Amazon?" (not for "Is Amazon's more exclusive than Google's?")."""
    said = degrees(sentence)
    said_ways = {(way, word) for way, word, _ in said}
    return any(
        (way, word) not in said_ways and any(
            other in _OTHER_DEGREE[way] and other_word == word and (not than or not other_than or than == other_than)
            for other, other_word, other_than in said)
        for way, word, than in asked)
