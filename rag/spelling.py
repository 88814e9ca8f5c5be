"""A misspelt word of a question read as the word of the articles one edit away: "gigawats" as "gigawatts".

A word is respelt only when all of these hold, so that a real word is never changed into another:
- it is lower case, of MIN_RESPELT_CHARS letters or more (names and short words are left as typed);
- it is no English word the packaged models know: a whole word of the embedding model's vocabulary (`vocab.txt` of
  all-MiniLM-L6-v2, about 22,000 words) or of the parser's string store (about 85,000 strings, rarer words such as
  "backer" among them): "patent" is a word even where the articles only say "parent";
- no article holds it (its stem has no postings in the index);
- a word one edit away (a letter dropped, added, changed, or two swapped) is in the articles: the one in most
  chunks is taken, then one that ends as the typed word does. The reading is an English word, or a stem the
  articles hold with a regular ending ("gigawatts"): "scrutinising" is not read as "scrutinieing", though its stem
  is that of "scrutiny".

A question word the question opens with is read apart ("Wich regulators ...?" -> "Which regulators ...?"): a word
that is no English word and one edit from one question word only.

The candidates' stems are looked up in one indexed query per segment, so the cost does not grow with the corpus.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

from rag.lexical import content_terms

MIN_RESPELT_CHARS = 4  # "chps" -> "chips"; three letters have too many words one edit away
_WORD = re.compile(r"\b[a-z]+\b")


@lru_cache(maxsize=1)
def vocabulary_words() -> frozenset[str]:
    """The whole lower-case words of the embedding model's WordPiece vocabulary (not its "##" pieces): a file read."""
    from rag.onnx_embedding import packaged_model_dir

    path = packaged_model_dir() / "vocab.txt"
    pieces = path.read_text(encoding="utf-8").split() if path.is_file() else []
    return frozenset(w for w in pieces if w.isalpha() and w.islower())


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Lower-case English words: `vocabulary_words`, and those of the parser's string store (rag.claims.load_parser),
    which holds rarer ones ("backer"). It loads the parser: read only for a word that neither the vocabulary nor the
    articles hold."""
    from rag.claims import load_parser

    strings = load_parser().vocab.strings
    return vocabulary_words() | frozenset(w for w in strings if w.isalpha() and w.islower())


REGULAR_ENDINGS = ("", "s", "es", "ed", "d", "ing")  # inflections a stem takes as written ("gigawatt" + "s")


def _regular(word: str, stem: str) -> bool:
    """Whether a word is its stem with a regular ending ("gigawatts"); a stem in "i" is a "y" word's ("scrutini" of
    "scrutiny"), written "-ies" or "-ied", never "scrutiniing"."""
    if not word.startswith(stem):
        return False
    ending = word[len(stem):]
    return ending in ("es", "ed") if stem.endswith("i") else ending in REGULAR_ENDINGS


def one_edit(word: str) -> set[str]:
    """Every string one edit from `word` (lower-case letters)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    letters = string.ascii_lowercase
    deleted = {a + b[1:] for a, b in splits if b}
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    changed = {a + c + b[1:] for a, b in splits if b for c in letters if c != b[0]}
    added = {a + c + b for a, b in splits for c in letters}
    return (deleted | swapped | changed | added) - {word}


def respelt(text: str, chunk_dfs: Callable[[Sequence[str]], Mapping[str, int]],
            dictionary: frozenset[str] | None = None) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The question with each misspelt word read as the articles' word (see the module's rules), and the
    (typed, read) pairs; `chunk_dfs` gives the chunks that hold each stem (absent: none)."""
    common = dictionary if dictionary is not None else vocabulary_words()
    text, asking = _question_word(text, common)
    suspects = [w for w in dict.fromkeys(_WORD.findall(text)) if len(w) >= MIN_RESPELT_CHARS and w not in common]
    if not suspects:
        return text, asking
    own = {w: content_terms(w) for w in suspects}
    held = chunk_dfs(sorted({t for terms in own.values() for t in terms}))
    # a stop word, or a word the articles hold, stays; so does a rarer English word (the parser loaded only now)
    same_stem = [w for w in suspects if own[w] and any(held.get(t, 0) for t in own[w])]
    suspects = [w for w in suspects if own[w] and not any(held.get(t, 0) for t in own[w])]
    words = dictionary if dictionary is not None else (dictionary_words() if suspects or same_stem else common)
    changes: list[tuple[str, str]] = list(asking)
    for word in same_stem:
        # "revenu": no English word, though its stem is the articles' ("revenue"): the English word one edit away
        # with the same stem, which the question's reading (money asked as "revenue") needs
        if word in words:
            continue
        # (a letter left out only, and not an ending: "tokens" is no "token" misspelt, nor "cellist" a "cellists" or
        # "subdue" a "subdued", though the dictionary lacks the form typed)
        same = sorted(c for c in one_edit(word) if len(c) == len(word) + 1 and not (c[:-1] == word and c[-1] in "sd") and c in words
                      and content_terms(c) == own[word])
        if len(same) == 1:
            changes.append((word, same[0]))
    for word in suspects:
        if word in words:
            continue
        stems: dict[str, str] = {}
        for candidate in sorted(one_edit(word)):
            terms = content_terms(candidate)
            if candidate not in words and not (len(terms) == 1 and _regular(candidate, terms[0])):
                # "scrutinising" is not "scrutinieing", whose stem "scrutiny" shares: a word, or a stem the articles
                # hold with a regular ending ("gigawatts")
                continue
            if len(terms) == 1:
                stems[candidate] = terms[0]
        found = chunk_dfs(sorted(set(stems.values())))
        # the most common; then one that ends as typed ("gigawats": "gigawatts", not "gigawatt")
        best = max(stems, key=lambda c: (found.get(stems[c], 0), c[-1] == word[-1]), default=None)
        if best is not None and found.get(stems[best], 0):
            changes.append((word, best))
    for typed, read in changes[len(asking):]:
        text = re.sub(rf"\b{typed}\b", read, text)
    return text, tuple(changes)


QUESTION_WORDS = ("what", "which", "who", "whom", "whose", "when", "where", "why", "how")
_FIRST_WORD = re.compile(r"^(\W*)([A-Za-z]+)\b")


def _question_word(text: str, common: frozenset[str]) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The question with a misspelt question word it opens with read as that word ("Wich regulators ...?" -> "Which
    regulators ...?"): a word no English word of `common` that is one edit from one question word only ("hwo" is
    both "who" and "how" and stays); "whats" is "what's". Short words count here: a question word is short."""
    m = _FIRST_WORD.match(text)
    if m is None:
        return text, ()
    typed = m.group(2)
    word = typed.lower()
    if word in QUESTION_WORDS or word in common or len(word) < 3:
        return text, ()
    if word.endswith("s") and word[:-1] in QUESTION_WORDS:
        read = word[:-1] + "'s"
    else:
        near = one_edit(word)
        found = [w for w in QUESTION_WORDS if w in near]
        if len(found) != 1:
            return text, ()
        read = found[0]
    read = read.capitalize() if typed[:1].isupper() else read
    return text[: m.start(2)] + read + text[m.end(2):], ((typed, read),)
