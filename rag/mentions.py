"""Other articles that say what an answer says: the sentences, one per article, that hold a short answer (a name, a
date, a product's generation) where the question's words or names are. A lexical search bounded by
ALSO_NAMING_CHUNKS, whatever the corpus size."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet

from rag.alignment import names_doer
from rag.answer_forms import polarity
from rag.disagreement import entity_key
from rag.figures import durations_in_years, same_value
from rag.index.view import IndexData
from rag.lexical import TermWeights, content_terms, specific_names
from rag.sentence_facts import SentenceFacts, facts

NAMING_MIN_RELEVANCE = 0.2  # share of the question's weight near another article's mention: 0.1 to 0.2 cite alike on dev, 0.3 fewer
ALSO_NAMING_CHUNKS = 20  # chunks searched for other articles that give a short answer
ALSO_NAMING_MAX_DF = 1_000  # an answer held by more chunks than this is not searched for in other articles
ALSO_NAMING_QUESTION_TERMS = 3  # the question's rarest terms that search uses beside the answer's words


def also_naming(
    data: IndexData, sources: list[int], text: str, q_terms: AbstractSet[str], idf: TermWeights, entities: Sequence[str] = (),
    denied: frozenset[str] = frozenset(),
) -> list[int]:
    """Documents that state a short answer (a name, a date) where the question's words are: the chunks a lexical
    search for the answer and the question's rarest terms finds (ALSO_NAMING_CHUNKS, whatever the corpus size), then
    their sentences that hold the answer and, with the sentence before, NAMING_MIN_RELEVANCE of the question's weight
    or every name the question is about (`entities`: "Anthropic's Claude platform" names Anthropic's model family).
    With `denied` (the words a negated question asks of), only sentences that deny them."""
    answer_terms = content_terms(text)
    if not answer_terms or min(data.lexical.chunk_df(t) for t in answer_terms) > ALSO_NAMING_MAX_DF:
        return []  # an answer in that many chunks is not searched further: the search would read them all
    cited = {data.sentences[s].doc_id for s in sources}
    forms = tuple(dict.fromkeys((text, unqualified(text), _without_maker(data, text))))
    needle = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(f) for f in forms)})(?!\w)", re.IGNORECASE)
    named = _holding(needle, any_of=forms)

    def says(known: SentenceFacts) -> bool:
        # "Which company does not have a board seat?": another article names it where it denies the same words
        # ("Amazon does not have a board seat"), not wherever it names it near them
        return named(known) and not (denied and polarity(known.text, denied))

    return mentioning(data, cited, says, text, q_terms, idf, entities)


MAKER_DF_RATIO = 3  # a name's first word in this many times the chunks of the rest is its maker's name


def _without_maker(data: IndexData, name: str) -> str:
    """A product's name without its maker's, as other articles may write it: "Amazon Bedrock" is "Bedrock" where
    "Amazon" is in MAKER_DF_RATIO times the chunks "Bedrock" is in; "Dario Amodei" stays whole (the first name is no
    commoner than the last)."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[1][:1].isupper():
        return name
    first, rest = content_terms(words[0]), content_terms(" ".join(words[1:]))
    if len(first) != 1 or not rest:
        return name
    if data.lexical.chunk_df(first[0]) >= MAKER_DF_RATIO * max(1, min(data.lexical.chunk_df(t) for t in rest)):
        return " ".join(words[1:])
    return name


_MEMBER_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")


def member_keys(text: str) -> set[str]:
    """The entity keys of a list's members: "Google, Salesforce, and others" -> google, salesforce, others."""
    return {entity_key(m) for m in _MEMBER_SPLIT.split(text) if m.strip()} - {""}


def also_listing(
    data: IndexData, sources: list[int], text: str, q_terms: AbstractSet[str], idf: TermWeights, entities: Sequence[str] = (),
) -> list[int]:
    """Documents that name every member of a list answer ("Microsoft-OpenAI and Google DeepMind": a sentence naming
    Microsoft and Google; "Asia and Europe": "Asian and European markets"), in any order and form, where the question's words are (as `also_naming`)."""
    keys = sorted(member_keys(text))
    if len(keys) < 2:
        return []
    cited = {data.sentences[s].doc_id for s in sources}
    # a member in its noun's or its adjective's form, either way: "Asia and Europe" in "Asian and European markets",
    # and "Asian and European" in "Asia and Europe" (its root, then the letters cut and MEMBER_ENDING more)
    roots = [_root(k) for k in keys]
    needle = re.compile(
        "".join(rf"(?=.*(?<!\w){re.escape(r)}[a-z]{{0,{len(k) - len(r) + MEMBER_ENDING if len(k) > 3 else 0}}}(?!\w))" for r, k in zip(roots, keys)),
        re.IGNORECASE | re.DOTALL,
    )
    # the lexical search looks for the adjectives too, where the articles use them ("asian" beside "asia")
    forms = {t for r in roots for e in ADJECTIVE_ENDINGS for t in content_terms(r + e) if data.lexical.chunk_df(t)}
    return mentioning(data, cited, _holding(needle, all_of=roots), " ".join([*keys, *sorted(forms)]), q_terms, idf, entities)


ADJECTIVE_ENDINGS = ("n", "an", "ean", "ian")  # a place's adjective: "Asia" -> "Asian", "Europ" -> "European"


MEMBER_ENDING = 3  # letters a list member's form may end in beyond its root ("Asia" -> "Asian", "Europ" -> "European")
MEMBER_ROOT = 4  # a member is cut to its root only down to this many letters


def _root(key: str) -> str:
    """A list member's root, for its other forms: "european" -> "europ", "asian" -> "asia"; a short one stays."""
    return key[: max(MEMBER_ROOT, len(key) - MEMBER_ENDING)] if len(key) > MEMBER_ROOT else key


def also_affirming(
    data: IndexData, sources: list[int], word: str, affirms: bool, polar_terms: frozenset[str], q_terms: AbstractSet[str],
    idf: TermWeights, entities: Sequence[str] = (), act: tuple[str, str] = ("", ""),
) -> list[int]:
    """Documents that answer a yes/no question alike: a sentence holding `word` as the answer's sentence writes it
    (the rarest the question and that sentence share; plural or not: "independent" is not "independently"), with
    the answer's polarity, where the question's words or names are (as `also_naming`). `act`, the predicate the
    question asks of a doer and that doer: the sentence says that act of that doer by name ("Has Google put money
    into Anthropic?" is not answered by "Amazon invested $5 billion in Anthropic")."""
    cited = {data.sentences[s].doc_id for s in sources}
    form = re.compile(rf"\b{re.escape(word.removesuffix('s'))}s?\b", re.IGNORECASE)
    predicate, doer = act

    def says(known: SentenceFacts) -> bool:
        return form.search(known.text) is not None and polarity(known.text, polar_terms) == affirms and (
            not (predicate and doer) or names_doer(known.text, predicate, doer))

    return mentioning(data, cited, says, word, q_terms, idf, entities)


# words that ask how long something lasts, not what lasts: "How long", "over what time span", "does it run"
_LASTING_WORDS = frozenset(content_terms("long time span period term duration year years month months decade decades run last"))


# a commitment is said in the words of what a party undertakes: "the AWS commitment" runs as long as "a 10-year
# contract to use AWS" or "a ten-year agreement" (a question on the contract asks for that contract, not any commitment)
COMMITMENT_TERMS = frozenset(content_terms("commitment commit"))
UNDERTAKING_TERMS = COMMITMENT_TERMS | frozenset(content_terms("contract agreement deal pact arrangement"))


def also_lasting(
    data: IndexData, sources: list[int], years: float, q_terms: AbstractSet[str], idf: TermWeights, entities: Sequence[str] = (),
) -> list[int]:
    """Documents that give a span of time in other words ("10-year" and "over the next decade"), where the question's
    words or names are (as `also_naming`) and the rarest word of what it asks lasts is in that sentence or the one
    before: "the next decade" of spending answers how long the spending commitment runs, not how long the contract
    is, where that article speaks of no contract; a commitment is said in any word of an undertaking (UNDERTAKING_TERMS)."""
    cited = {data.sentences[s].doc_id for s in sources}
    names = {t for e in entities for t in content_terms(e)}
    what = sorted(q_terms - names - _LASTING_WORDS, key=lambda t: (-idf.get(t, 0.0), t))[:1]

    commitment = bool(COMMITMENT_TERMS & set(q_terms))
    family = UNDERTAKING_TERMS if commitment else frozenset(what)

    def says(known: SentenceFacts) -> bool:
        if not any(same_value(years, y) for y in durations_in_years(known.text)):
            return False
        return not family or bool(family & known.near_terms)

    asked = set(q_terms) | UNDERTAKING_TERMS if commitment else q_terms  # "a 10-year contract" says "commitment"
    return mentioning(data, cited, says, "year years decade month months", asked, idf, entities)


def _holding(needle: re.Pattern[str], any_of: Sequence[str] = (), all_of: Sequence[str] = ()) -> Callable[[SentenceFacts], bool]:
    """The sentence matches `needle`; the words it needs (any of `any_of`, all of `all_of`) are looked for first, in
    lower case, so that most sentences are passed over without the pattern."""
    some, every = [w.lower() for w in any_of], [w.lower() for w in all_of]

    def holds(known: SentenceFacts) -> bool:
        low = known.text.lower()
        if (some and not any(w in low for w in some)) or not all(w in low for w in every):
            return False
        return needle.search(known.text) is not None

    return holds


def mentioning(
    data: IndexData, cited: AbstractSet[str], says: Callable[[SentenceFacts], bool], words: str, q_terms: AbstractSet[str],
    idf: TermWeights, entities: Sequence[str] = (),
) -> list[int]:
    """One sentence per document outside `cited` that `says` what is looked for (a test of its facts), where the
    question's words or names are (as `also_naming` says); the chunks searched are those a lexical search for `words` and the question's rarest terms
    (or its names) ranks first."""
    cited = set(cited)
    mass = sum(idf.get(t, 0.0) for t in q_terms) or 1.0
    # "AI" alone is no name a sentence must hold ("AI inference capacity" in "inference capacity across Asia")
    entities = specific_names(entities)
    keys = {entity_key(e) for e in entities} - {""}
    name_terms = {t for e in entities for t in content_terms(e)}
    out = []
    # the answer's words and the question's rarest: rare terms have short postings, so the search reads little
    rare = sorted(q_terms, key=lambda t: (-idf.get(t, 0.0), t))[:ALSO_NAMING_QUESTION_TERMS]
    searches = [f"{words} {' '.join(sorted(rare))}"] + ([f"{words} {' '.join(sorted(entities))}"] if keys else [])
    seen: set[int] = set()
    for chunk_id in (c for search in searches for c, _ in data.lexical.top(search, ALSO_NAMING_CHUNKS)):
        chunk = data.chunks[chunk_id]
        if chunk.doc_id in cited or chunk_id in seen:
            continue
        seen.add(chunk_id)
        for sid in range(chunk.first_sentence, chunk.last_sentence + 1):
            known = facts(data, sid)
            if not says(known):
                continue
            before = data.neighbours(sid, after=False)
            near = known.terms.union(*(facts(data, p).terms for p in before))
            # every name the question is about, and something of what it says of them: "Trainium" near "NVIDIA" does
            # not say that Trainium puts pressure on NVIDIA's monopoly rent
            names_near = known.names.union(*(facts(data, p).names for p in before))
            named = bool(keys) and keys <= names_near and bool((q_terms - name_terms) & near)
            # by its words alone, a sentence about none of the question's names states nothing of them: "a major AI
            # partner ... against Microsoft" does not say that Azure is OpenAI's main cloud partner
            relevant = sum(idf.get(t, 0.0) for t in q_terms & near) / mass >= NAMING_MIN_RELEVANCE and (not keys or bool(keys & names_near))
            if named or relevant:
                cited.add(chunk.doc_id)
                out.append(sid)
                break
    return out


_QUALIFIER = re.compile(r"(?:[A-Z]{2,5}|[A-Z][\w.&-]*['’]s)\s+(?=\S)")


def unqualified(name: str) -> str:
    """A name without the acronym or possessive that qualifies it: "AWS Trainium" and "Amazon's Trainium" name
    "Trainium", as other articles may write it."""
    while (m := _QUALIFIER.match(name)) is not None:
        name = name[m.end() :]
    return name
