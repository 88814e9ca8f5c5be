"""Entity binding: an answer belongs to what the question names. Google's stake is not Microsoft's, and
Anthropic's CEO is not the CEO of Amazon."""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

from rag.analysis import QuestionAnalysis
from rag.disagreement import entity_key
from rag.index.view import IndexData
from rag.lexical import GENERIC_NAME_TERMS, content_terms, gives_money
from rag.records import Figure
from rag.sentence_facts import SentenceFacts, facts, initials_of
from rag.units import FIGURE_KINDS


def is_bound(data: IndexData, q: QuestionAnalysis, sentence_id: int, figure: Figure | None, known: SentenceFacts | None = None) -> bool:
    """The answer belongs to what the question asks about. A figure's claim must have a subject the question
    names (Microsoft's $13 billion in OpenAI does not answer for Amazon). A name that owns what is asked ("Google"
    in "Google's stake", "Amazon" in "the CEO of Amazon") must be where the answer is: in its sentence, among the
    subjects and targets the parse gave the sentence's figures ("the company invested $50 billion": the company
    is Amazon), or, for a figure or a sentence that speaks of "he" or "they", in the sentence before.
    `figure` is the answer's figure, offsets in the sentence, or None; `known`, the sentence's facts if at hand."""
    if not q.entities:
        return True
    known = known or facts(data, sentence_id)
    named = known.names | known.before_names if figure is not None or known.refers_back else known.names
    if figure is not None:
        sent = data.sentences[sentence_id]
        claim = known.claim_at(sent.start + figure.start)
        if (claim is not None and claim.subject and entity_key(claim.subject) not in _wanted(q) and not _received(q, claim.target, known)
                and not _only_target(q, claim.target) and claim.figure.unit != "ratio"):
            # (a ratio sets two parties' figures against each other: it is as much the one's as the other's)
            return False  # Microsoft's $13 billion in OpenAI does not answer for Amazon
        if (claim is not None and q.receiver and entity_key(claim.subject) == entity_key(q.receiver)
                and gives_money(content_terms(claim.measure))):
            return False  # "Anthropic plans to spend more than $100bn" is no money Anthropic gets
        if claim is not None and q.receiver and entity_key(claim.subject) != entity_key(q.receiver) and (
                entity_key(claim.target) != entity_key(q.receiver) if claim.target else not _present(q.receiver, named)):
            return False  # "How many gigawatts did OpenAI get from Amazon?": Amazon guarantees "the company" (Anthropic) 5 GW
        if claim is not None and claim.subject and q.actor and entity_key(claim.subject) != entity_key(q.actor):
            return False  # what Anthropic is backed with is not what Salesforce invested
        if q.actor and (claim is None or not claim.subject) and not _present(q.actor, named):
            return False  # a figure whose subject the parse missed answers for the actor only where it is named
        if claim is not None and claim.subject and q.owners and claim.figure.unit != "ratio" and _misowned(q, claim.subject, claim.target):
            return False  # Anthropic's $100 billion pledge to spend on AWS is not "Amazon's investment pledge"
        named_in_q = {entity_key(e) for e in q.entities} if q.actor and len(q.entities) > 1 else set()
        if claim is not None and claim.target and named_in_q and entity_key(claim.target) not in named_in_q:
            return False  # Microsoft's $13 billion in OpenAI does not answer "How much did Microsoft invest in Anthropic?"
        others = [e for e in q.entities if entity_key(e) != entity_key(q.actor)] if named_in_q else []
        if claim is not None and not claim.target and others and not any(_present(e, named) for e in others):
            return False  # "Amazon's $8 billion total investment puts it in second place" does not say it went into OpenAI
        if (claim is not None and not claim.target and others and not any(_present(e, known.names) for e in others)
                and _another_doer_before(data, sentence_id, claim.subject)):
            # the other name only in the sentence before, where another name does it: "Google ... made a reported $2
            # billion investment in Anthropic" then "Meta has taken a different approach, spending over $30 billion
            # annually" is no money Meta put into Anthropic
            return False
    if figure is None and q.span_kind not in FIGURE_KINDS and q.actor and not _present(q.actor, named) and any(
            c.subject[:1].isupper() and entity_key(c.subject) != entity_key(q.actor) for c in known.claims):
        return False  # "When did Microsoft invest in OpenAI?": not when "the company" (Amazon, by the parse) did
    return all(_present(e, named) or (_owned_said_again(q.text, e, data.sentences[sentence_id].text) and _present(e, known.before_names))
               for e in q.owners)


_THE_WORD = re.compile(r"\bthe\s+([a-z]+)\b", re.IGNORECASE)


def _owned_said_again(question: str, owner: str, sentence: str) -> bool:
    """Whether a sentence speaks of what the question's owner owns as a thing already named: "the investment" for
    "Amazon's investment" (the sentence before may then name the owner: "Amazon's shares climbed ... The scale of the
    investment is justified by ...")."""
    m = re.search(re.escape(owner) + r"['’]s?\s+([a-z]+)\b", question)
    if m is None:
        return False
    owned = content_terms(m.group(1))
    return bool(owned) and any(content_terms(w.group(1)) == owned for w in _THE_WORD.finditer(sentence))


def _only_target(q: QuestionAnalysis, target: str) -> bool:
    """Whether the question names one name, no one acting, and that name is where the claim's figure goes: "Of the
    up to $25 billion, how much depends on Anthropic hitting commercial milestones?" and "Amazon will invest $5bn in
    Anthropic, with up to another $20bn tied to commercial milestones" (Amazon's money, into Anthropic). A figure
    question only: "Which milestones must Anthropic hit to unlock the $20bn?" asks for no figure of Amazon's."""
    return (q.span_kind in FIGURE_KINDS and bool(target) and not q.actor and len(q.entities) == 1
            and entity_key(target) == entity_key(q.entities[0]))


def _received(q: QuestionAnalysis, target: str, known: SentenceFacts) -> bool:
    """Whether the question's receiver gets the claim's figure from its subject: the claim's target, or, where the
    parse gave it none, the name the sentence refers back to, named only in the sentence before ("Amazon in turn
    guarantees the company access to ... 5 gigawatts" for "How many gigawatts will Anthropic get?"; a sentence that
    names it itself would have given it as the target, or says it gives: "investments from Google")."""
    if not q.receiver:
        return False
    if target:
        return entity_key(target) == entity_key(q.receiver)
    return not _present(q.receiver, known.names) and _present(q.receiver, known.before_names)


def _another_doer_before(data: IndexData, sentence_id: int, subject: str) -> bool:
    """Whether the sentence before gives a figure whose subject is a name other than `subject`."""
    key = entity_key(subject)
    return any(
        c.subject and c.subject[:1].isupper() and entity_key(c.subject) != key
        for before in data.neighbours(sentence_id, after=False) for c in data.claims_in_sentence(before)
    )


def _misowned(q: QuestionAnalysis, subject: str, target: str) -> bool:
    """A claim of another name the question gives, whose subject and target are both other than what the question
    says owns the figure: "Amazon's pledge" is not one Anthropic makes to AWS. ("Anthropic's funding from Amazon" is
    Amazon's claim with Anthropic as its target: owned.)"""
    owners = _keys_and_terms(q.owners)
    others = {entity_key(e) for e in q.entities} - owners

    def owned(name: str) -> bool:
        return bool(name) and bool(_keys_and_terms((name,)) & owners)

    return entity_key(subject) in others and not owned(subject) and not owned(target)


def entity_coverage(data: IndexData, q: QuestionAnalysis, sentence_id: int, known: SentenceFacts | None = None) -> float:
    """The share of the question's names found in a sentence and its neighbours (a confidence signal)."""
    if not q.entities:
        return 1.0
    named = (known or facts(data, sentence_id)).near_names
    return sum(_present(e, named) for e in q.entities) / len(q.entities)


def names_all(data: IndexData, q: QuestionAnalysis, sentence_id: int) -> bool:
    """Whether a sentence itself (not its neighbours) names every name of the question."""
    return names_every(q.entities, facts(data, sentence_id).names)


def names_every(entities: Sequence[str], named: AbstractSet[str]) -> bool:
    """Whether every one of the names is among the names a text holds, in any of its forms (`_present`)."""
    held = frozenset(named)
    return all(_present(e, held) for e in entities)


def _wanted(q: QuestionAnalysis) -> frozenset[str]:
    return _keys_and_terms(q.entities)


@lru_cache(maxsize=1024)
def _keys_and_terms(entities: tuple[str, ...]) -> frozenset[str]:
    return frozenset({entity_key(e) for e in entities} | {t for e in entities for t in content_terms(e)})


def _present(entity: str, named: frozenset[str]) -> bool:
    """Whether a name is among a sentence's names: its key ("amazon" for "Amazon Web Services") or half its words,
    and always its last word that is not generic: "Claude 3 Opus" is not named by "Claude 3.5 Sonnet", "Microsoft
    Azure" not by "Microsoft", "Mistral AI" not by "AI" ("Dario Amodei" is named by "Amodei")."""
    key, terms, need = _parts(entity)
    short = initials_of(entity)
    if short and short in named:
        return True  # "the United States" written "US", "Amazon Web Services" written "AWS"
    head = _head_term(entity)
    if head and not _named_head(head, named) and not (key in named and content_terms(key)[:1] == [head]):
        return False
    return key in named or len(terms & named) * 2 >= need


def _named_head(head: str, named: frozenset[str]) -> bool:
    """The head word among a sentence's names, or its adjective ("Western Europe" in "Western European rule")."""
    return head in named or (len(head) >= HEAD_PREFIX and any(t.startswith(head) for t in named))


HEAD_PREFIX = 4  # a head word this long also names its adjective form ("europ" -> "european")


@lru_cache(maxsize=1024)
def _head_term(entity: str) -> str:
    specific = [t for t in content_terms(entity) if t not in GENERIC_NAME_TERMS and not t[:1].isdigit()]
    return specific[-1] if specific else ""


@lru_cache(maxsize=1024)
def _parts(entity: str) -> tuple[str, frozenset[str], int]:
    """An entity's key, its content terms, and twice the terms a sentence must hold to name it."""
    terms = frozenset(content_terms(entity))
    return entity_key(entity), terms, max(1, len(terms))


def names_version(text: str, entity: str) -> bool:
    """Whether a text writes a numbered name with its number: "Claude 5" is not written in "Claude 3.5 Sonnet",
    "Trainium 2" is in "Trainium2" or "Trainium-2" (the words may run together or be hyphenated)."""
    return _version_pattern(entity).search(text) is not None


@lru_cache(maxsize=256)
def _version_pattern(entity: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in entity.split()]
    return re.compile(r"(?<![\w.])" + r"[\s-]?".join(words) + r"(?![\w]|\.\d)", re.IGNORECASE)
