"""The one rule for "do these sources disagree?", used by the chat, the API and the figure check.

Two claims are about the same thing when they share the unit, the subject, a compatible target, the scope
(total, annual, a bound such as "up to") and the measure (what is counted; measures are the same when the
parse names them alike, or when the articles state one value under both names, see `measure_classes`).
They disagree when they are about the same thing with other values, and no single article states both
values of that subject (an article that says "$5bn now, up to $25bn in all" does not contradict itself).

A question with no past time scope asks about the present: claims marked past ("previous", "in September
2023") are left out, the newest figure leads, and where there is no time order the figure more articles
state leads. Each side cites every article that states it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rag.figures import same_value
from rag.lexical import content_terms
from rag.records import Claim
from rag.timewords import MONTH_PATTERN

# Scope tags that change what a figure counts: a total is not an instalment, "up to" is not an amount.
DEFINING_SCOPES = frozenset({"total", "annual", "bound"})
PAST = "past"  # called "previous", "prior" or "earlier" by its own article
DATED = "dated"  # an event the article dates ("in September 2023"): not set against current figures


_MONTH = re.compile(rf"\b{MONTH_PATTERN}\b")


@lru_cache(maxsize=65536)
def entity_key(name: str) -> str:
    """ "Amazon", "Amazon's", "Amazon Web Services" -> "amazon": the first word of a name, lower case."""
    words = re.findall(r"[A-Za-z0-9]+", name.replace("’", "'").split("'")[0])
    return words[0].lower() if words else ""


def measure_stem(measure: str) -> str:
    terms = content_terms(measure)
    return terms[0] if terms else ""


def same_time(anchor: Claim, other: Claim, past: bool = False) -> bool:
    """Whether `other` can be set against `anchor` in time. An event its article dates ("$1.25 billion in
    September 2023") is set only against figures dated in the same years: the initial investment of 2023 is not
    contradicted by the initial tranche of a 2026 deal. An undated figure is its article's current one; it is set
    against the dated figures of other articles only when the question asks about the past."""
    if DATED in anchor.scope:
        return DATED in other.scope and bool(time_marks(anchor.time) & time_marks(other.time))
    return past or DATED not in other.scope


@lru_cache(maxsize=4096)
def time_marks(time: str) -> frozenset[str]:
    """The years a claim's time names ("early 2024" -> {"2024"}), or its months where it names no year."""
    years = re.findall(r"\b(?:1[89]|20)\d\d\b", time)
    return frozenset(years) if years else frozenset(m.lower() for m in _MONTH.findall(time))


def defining_scope(claim: Claim) -> frozenset[str]:
    """The scope tags that change what a figure counts. A bound is a ceiling on the whole, so "a potential total
    investment of up to $25 billion" is the same figure as "up to $25bn investment"."""
    tags = frozenset(claim.scope) & DEFINING_SCOPES
    return tags - {"total"} if "bound" in tags else tags


def same_topic(a: Claim, b: Claim) -> bool:
    """Same unit, same subject (or one unknown), compatible target and scope: what may agree."""
    if a.figure.unit != b.figure.unit or defining_scope(a) != defining_scope(b):
        return False
    sa, sb = entity_key(a.subject), entity_key(b.subject)
    if sa and sb and sa != sb:
        return False
    ta, tb = entity_key(a.target), entity_key(b.target)
    return not (ta and tb and ta != tb)


def agrees(a: Claim, b: Claim) -> bool:
    """The same figure about the same thing."""
    return same_value(a.figure.value, b.figure.value) and same_topic(a, b)


def comparable(a: Claim, b: Claim, classes: Mapping[str, str]) -> bool:
    """About the same thing, so that another value is a disagreement: known subjects, the same target
    (both none, or the same name) and one measure."""
    if not (a.subject and b.subject and same_topic(a, b)) or entity_key(a.target) != entity_key(b.target):
        return False
    ma, mb = measure_stem(a.measure), measure_stem(b.measure)
    if not ma or not mb:
        return False
    return classes.get(ma, ma) == classes.get(mb, mb)


@lru_cache(maxsize=65536)
def value_key(value: float) -> str:
    """A figure's value as a dictionary key; values `same_value` calls equal share it."""
    return f"{float(value):.9g}"


def topic_key(c: Claim, classes: Mapping[str, str]) -> tuple | None:
    """What a claim is about, as a key: two claims are `comparable` exactly when their keys are equal (and not None)."""
    stem = measure_stem(c.measure)
    if not c.subject or not stem:
        return None
    return entity_key(c.subject), entity_key(c.target), c.figure.unit, defining_scope(c), classes.get(stem, stem)


def measure_classes(claims: Iterable[Claim]) -> dict[str, str]:
    """Measures the corpus uses for one thing: "invest" and "commit" are one when some article states one
    value of one subject under both ("commits an additional $4 billion", "an additional $4 billion
    investment"). Union-find over measure stems; returns stem -> class representative."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_fact: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        stem = measure_stem(c.measure)
        if not stem or not c.subject or PAST in c.scope:
            continue
        find(stem)
        # the scope tags as written (not defining_scope): the classes are stored with the index
        key = (entity_key(c.subject), c.figure.unit, repr(float(c.figure.value)), frozenset(c.scope) & DEFINING_SCOPES)
        by_fact[key].append(c)
    for group in by_fact.values():
        for other in group[1:]:
            if agrees(group[0], other):
                a, b = find(measure_stem(group[0].measure)), find(measure_stem(other.measure))
                if a != b:
                    parent[max(a, b)] = min(a, b)
    return {stem: find(stem) for stem in list(parent)}


def _agree_kind(c: Claim) -> tuple[str, frozenset[str], str, str]:
    """What `same_topic` compares of a claim (unit, defining scope, subject and target keys)."""
    return c.figure.unit, defining_scope(c), entity_key(c.subject), entity_key(c.target)


def _agrees_any(c: Claim, kinds: set[tuple[str, frozenset[str], str, str]]) -> bool:
    """`same_topic(r, c)` for some r of these kinds (values are compared by the caller)."""
    unit, scope, subject, target = _agree_kind(c)
    return any(
        u == unit and sc == scope and (not s or not subject or s == subject) and (not t or not target or t == target)
        for u, sc, s, t in kinds
    )


@dataclass(frozen=True)
class Side:
    """One figure and every claim (so every article) that states it."""

    value: float
    unit: str
    claims: tuple[Claim, ...]

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.doc_id for c in self.claims))


@dataclass(frozen=True)
class Verdict:
    lead: Side
    others: tuple[Side, ...]  # older or less stated figures for the same thing, newest first
    basis: str = ""  # why the lead leads: "newer: names events as late as February 2026"


def judge(
    anchor: Claim,
    pool: Sequence[Claim],
    classes: Mapping[str, str],
    position: Mapping[str, float],
    basis: Mapping[str, str] | None = None,
    past: bool = False,
) -> Verdict:
    """What the sources say of the thing `anchor` is about. `pool` holds the claims that may bear on it
    (those of its subject and unit, from the index); `position` orders documents in time (larger is newer)."""
    live = [c for c in pool if past or PAST not in c.scope]
    by_value: dict[str, list[Claim]] = defaultdict(list)  # agreeing needs the same value: look only there
    for c in live:
        by_value[value_key(c.figure.value)].append(c)
    # a dated event agrees only with figures of its own time: "$4 billion in September 2023" is not "$4B more" later
    # (an undated figure agrees with one of any time: same_time with past)
    same = [c for c in by_value[value_key(anchor.figure.value)] if agrees(anchor, c) and same_time(anchor, c, past=True)]
    if not any(c == anchor for c in same):
        same.insert(0, anchor)
    topics = {topic_key(s, classes) for s in same} - {None}  # comparable(s, c) is topic_key(s) == topic_key(c)
    rivals = [
        c for c in live
        if not same_value(c.figure.value, anchor.figure.value) and same_time(anchor, c, past)
        and topic_key(c, classes) in topics
    ]
    # what each document states of this subject: an article does not contradict itself
    stated: dict[str, set[str]] = defaultdict(set)
    for c in live:
        if c.subject and entity_key(c.subject) == entity_key(anchor.subject) and c.figure.unit == anchor.figure.unit:
            stated[c.doc_id].add(value_key(c.figure.value))
    sides = [Side(anchor.figure.value, anchor.figure.unit, tuple(same))]
    members: list[list[Claim]] = [list(same)]
    side_of = {value_key(anchor.figure.value): 0}  # values same_value calls equal share a value_key
    for c in rivals:
        i = side_of.setdefault(value_key(c.figure.value), len(sides))
        if i == len(sides):
            sides.append(Side(c.figure.value, c.figure.unit, ()))
            members.append([])
        members[i].append(c)
    sides = [Side(side.value, side.unit, tuple(m)) for side, m in zip(sides, members)]
    for i in range(1, len(sides)):  # others agreeing with a rival count on its side too
        mine = set(sides[i].claims)
        kinds = {_agree_kind(r) for r in sides[i].claims}
        extra = tuple(c for c in by_value[value_key(sides[i].value)] if c not in mine and _agrees_any(c, kinds))
        sides[i] = Side(sides[i].value, sides[i].unit, sides[i].claims + extra)

    # two sides are co-stated when one document of either states both values of this subject
    docs = {id(s): set(s.doc_ids) for s in sides}
    reach: dict[int, set[str]] = {}  # per side: every value its own documents state

    def co_stated(a: Side, b: Side) -> bool:
        ka, kb = value_key(a.value), value_key(b.value)
        if id(a) not in reach:
            reach[id(a)] = {v for d in docs[id(a)] for v in stated.get(d, ())}
        def both(d: str) -> bool:
            held = stated.get(d, ())
            return ka in held and kb in held

        # a's documents are read only when one of them states b's value at all
        return (kb in reach[id(a)] and any(both(d) for d in docs[id(a)])) or any(both(d) for d in docs[id(b)])

    newest_of = {id(s): max((position.get(d, float("-inf")) for d in docs[id(s)]), default=float("-inf")) for s in sides}

    def newest(side: Side) -> float:
        return newest_of[id(side)]

    sides = [sides[0]] + [s for s in sides[1:] if not co_stated(sides[0], s)]
    ranked = sorted(sides, key=lambda s: (-newest(s), -len(docs[id(s)])))
    lead = ranked[0]
    others = tuple(s for s in ranked[1:] if not co_stated(lead, s))
    why = ""
    if others and basis is not None:
        best = max(lead.doc_ids, key=lambda d: (position.get(d, float("-inf")), "same event" not in basis.get(d, "")))
        if newest(lead) > max(newest(s) for s in others):
            why = f"newer: {basis.get(best, '')}" if basis.get(best) else "newer"
        else:
            why = f"stated by {len(lead.doc_ids)} of {len(lead.doc_ids) + sum(len(s.doc_ids) for s in others)} articles"
    return Verdict(lead, others, why)
