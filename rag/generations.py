"""Generations of a named product: "Trainium 2" and "Trainium4" are the same line, two generations.

Articles of different dates often name different generations for the same thing ("Anthropic runs on Trainium 2"
against, later, "Anthropic commits to Trainium chips, including the next-generation Trainium4"): a disagreement
like one over a figure, where the newer article leads. Pure text rules, no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from rag.config import MAX_CONFLICTS
from rag.index.view import IndexData
from rag.lexical import GENERIC_NAME_TERMS, TermWeights, content_terms
from rag.mentions import mentioning
from rag.records import Conflict
from rag.sentence_facts import facts

GENERATION = "generation"  # the unit of a disagreement over a product's generation

# a name and its generation number, written together, spaced or hyphenated: "Trainium4", "Trainium 2", "GPT-4"
_GENERATION = re.compile(r"^(?P<base>[A-Z][A-Za-z]{2,})[\s-]?(?P<number>\d{1,2}(?:\.\d)?)$")


# a generation's number after its name, and not a figure ("Trainium 2,000") nor part of a longer word
_NUMBER_AFTER = r"[\s-]?(?P<number>\d{1,2}(?:\.\d)?)(?![\w,.]\d|\d|\w)"
# a generation named anywhere in a text, of any name
_ANY_GENERATION = re.compile(rf"(?<![\w-])(?P<base>[A-Z][A-Za-z]{{2,}}){_NUMBER_AFTER}")


@dataclass(frozen=True)
class Generation:
    base: str  # "Trainium"
    number: float  # 4.0
    start: int = 0  # where it is written, in the text it was found in
    end: int = 0
    text: str = ""  # as written: "Trainium 2"


def generation(name: str) -> Generation | None:
    """ "Trainium4" -> Trainium, 4; None for a name without a generation number."""
    m = _GENERATION.match(name.strip())
    if m is None:
        return None
    return Generation(m.group("base"), float(m.group("number")), 0, len(name), name)


@lru_cache(maxsize=256)
def _mention(base: str) -> re.Pattern[str]:
    # not a figure after the name ("Trainium 2,000") nor a part of a longer number or word
    return re.compile(rf"(?<![\w-]){re.escape(base)}{_NUMBER_AFTER}")


def any_generations(text: str) -> list[Generation]:
    """Every generation a text names of any name, in order ("the next-generation Trainium4" -> Trainium, 4)."""
    return [
        Generation(m.group("base"), float(m.group("number")), m.start(), m.end(), m.group())
        for m in _ANY_GENERATION.finditer(text)
    ]


def generations_in(text: str, base: str) -> list[Generation]:
    """Every generation of `base` a text names, in order."""
    return [Generation(base, float(m.group("number")), m.start(), m.end(), m.group()) for m in _mention(base).finditer(text)]


@dataclass(frozen=True)
class Mention:
    sentence_id: int
    generation: Generation  # offsets in the sentence


@dataclass(frozen=True)
class GenerationVerdict:
    """The generation that leads, every mention that states it, the other generations' mentions, and why."""

    lead: tuple[Mention, ...]
    others: tuple[tuple[Mention, ...], ...]  # one side per other generation
    basis: str


def weigh_generations(
    data: IndexData, asked: Generation, own: Sequence[int], q_terms: AbstractSet[str], idf: TermWeights,
    entities: Sequence[str] = (), past: bool = False,
) -> GenerationVerdict | None:
    """When other articles name another generation of the answer's product where the question's words are, the sides
    and the one that leads: the newest article's, unless the question asks about the past (then the oldest's).
    `own` holds the answer's sentences; None when no other generation is named."""
    sides: dict[float, list[Mention]] = {}
    for sid in own:
        sides.setdefault(asked.number, []).append(Mention(sid, asked))
    cited = {data.sentences[s].doc_id for s in own}
    mention = _mention(asked.base)
    for sid in mentioning(data, cited, lambda known: mention.search(known.text) is not None, f"{asked.base} {asked.text}", q_terms, idf, entities):
        named = {g.number: g for g in reversed(generations_in(data.sentences[sid].text, asked.base))}
        for number, g in named.items():  # the first mention of each generation the sentence names
            sides.setdefault(number, []).append(Mention(sid, g))
    if len(sides) < 2:
        return None
    position = data.position
    # what the question says of the product that the answer's sentence says too, its rarest such word ("roll" of
    # "Which Trainium generation is described as rolling out across AWS data centers?"): a generation named where
    # that is not said ("switching to Trainium chips up to the Trainium4") is another thing's, shown but not leading
    name_terms = {t for e in (*entities, asked.base) for t in content_terms(e)} | GENERIC_NAME_TERMS
    own_terms = set().union(*(facts(data, sid).terms for sid in own)) & set(q_terms) - name_terms
    key = max(own_terms, key=lambda t: (idf.get(t, 0.0), t), default="")

    def says_key(number: float) -> bool:
        return number == asked.number or not key or any(key in facts(data, m.sentence_id).terms for m in sides[number])


    def newest(mentions: list[Mention]) -> float:
        return max(position(data.sentences[m.sentence_id].doc_id) for m in mentions)

    # a question of the past ("What generation did the older article mention?"): the oldest side, whichever the
    # answer's sentence named
    lead_number = (min(sides, key=lambda n: (newest(sides[n]), n != asked.number)) if past
                   else max(sides, key=lambda n: (says_key(n), newest(sides[n]), len(sides[n]), n == asked.number)))
    lead = sorted(sides.pop(lead_number), key=lambda m: -position(data.sentences[m.sentence_id].doc_id))
    others = tuple(
        tuple(sorted(ms, key=lambda m: -position(data.sentences[m.sentence_id].doc_id)))
        for _, ms in sorted(sides.items(), key=lambda kv: -newest(kv[1]))
    )
    basis = ""
    if newest(lead) > max(newest(list(side)) for side in others):
        best = data.sentences[lead[0].sentence_id].doc_id
        told = data.time_basis().get(best, "")
        basis = f"newer: {told}" if told else "newer"
    return GenerationVerdict(tuple(lead), others, basis)


def generation_conflicts(data: IndexData, verdict: GenerationVerdict, limit: int = MAX_CONFLICTS) -> tuple[list[Conflict], int]:
    """One record per document of each other side, newest first, at most `limit`; and how many documents they hold."""
    out: list[Conflict] = []
    docs = [[data.sentences[m.sentence_id].doc_id for m in side] for side in verdict.others]
    for side in verdict.others:
        for m in side:
            if len(out) >= limit:
                break
            sent = data.sentences[m.sentence_id]
            doc = data.document_head(sent.doc_id)
            g = m.generation
            out.append(Conflict(
                value=g.number, unit=GENERATION, text=g.text, doc_id=doc.doc_id, title=doc.title, quote=g.text,
                sentence=sent.text, start=sent.start + g.start, end=sent.start + g.end, date=doc.date, file=doc.file,
                sentence_start=sent.start,
            ))
    return out, len({d for side in docs for d in side})
