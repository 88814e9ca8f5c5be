"""Where the answer sits in its sentence, by the parse: the constituent that plays in the sentence the role the
question word plays in the question.

"What did Watt add to Newcomen's engine?" asks for the object of "add"; in "Watt added a separate condenser to the
engine" that object is "a separate condenser". "Who confirmed Watt's discovery?" asks for the subject of "confirm"
(or, in a passive sentence, the agent after "by"); "What is the seating arrangement of the chamber?" asks for the
other side of a copula whose subject shares the question's words ("The debating chamber is a hemicycle").

Both the question and the sentence are parsed by spaCy's small English pipeline (rag.phrases.parse, cached), at
question time and only for the sentence an answer is cut from, so the cost does not grow with the corpus.
`asked_role` reads the question once; `aligned_span` looks for the role in a sentence and gives None where the
sentence does not say it in that shape (the span finder's own choice then stands).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from rag.lexical import MIN_DOER_STEM, akin, content_terms, doer_nouns
from rag.phrases import PHRASE_CACHE, parse
from rag.timewords import CALENDAR_NAMES

# The sentence relations that can hold what the question's relation asks: an active question may meet a passive
# sentence ("Who confirmed X?" / "X was confirmed by Y") and the other way round.
COUNTERPARTS: dict[str, tuple[str, ...]] = {
    "nsubj": ("nsubj", "agent"),
    "nsubjpass": ("nsubjpass", "dobj"),
    "dobj": ("dobj", "nsubjpass"),
    "attr": ("attr", "dobj"),
}
QUESTION_WORDS = frozenset({"what", "which", "who", "whom"})
QUESTION_TAGS = frozenset({"WDT", "WP"})
COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
ANSWER_POS = frozenset({"NOUN", "PROPN", "NUM"})  # heads of constituents that can answer ("common" or "which" cannot)
PLACE = "place"  # the relation of a "where" question: the object of a preposition of place under its verb
PLACE_PREPOSITIONS = frozenset({"in", "at", "on", "to", "into", "near", "from", "inside", "within", "throughout", "across", "outside", "onto"})
EXAMPLE_WORDS = frozenset({"as", "like", "including"})  # "such as", "like", "including": the prepositions of an example
LISTED_POS = ANSWER_POS | {"ADJ"}  # "geothermal, nuclear and solar": adjectives listed before one noun
GOVERNOR_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN"})
# Dependents kept with a head noun: its modifiers, "of" phrases and coordinated nouns ("Ford, Chrysler, and GM");
# relative clauses and other prepositional phrases are left out.
MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "poss", "quantmod", "nmod", "case", "cc", "conj", "advmod", "punct", "npadvmod"})
SHARED_SUBJECT = frozenset({"advcl", "conj", "xcomp"})  # a verb hung on another that may share its subject
EDGE_POS = frozenset({"DET", "PUNCT", "CCONJ", "ADP"})


@dataclass(frozen=True)
class Aligned:
    """Where the constituent is in the sentence (character offsets), and its head word: "Enric Miralles" of "Spanish
    architect Enric Miralles" heads it, so a name asked for is the one that holds the head."""

    start: int
    end: int
    head_start: int
    head_end: int


@dataclass(frozen=True)
class AskedRole:
    relation: str  # the asked constituent's dependency: "nsubj", "nsubjpass", "dobj", "attr" or "pobj"; PLACE for "where"
    preposition: str  # for "pobj": its preposition ("to" in "What is the tower similar to?")
    governor: str  # the stem of the word it depends on ("add" in "What did Watt add ...?"); "" for a copula
    topic: frozenset[str]  # for a copula, the stems of its other side ("seat", "arrang", "chamber"); else empty
    companions: frozenset[str] = frozenset()  # "Along with mills and mines, ...": the stems of what the answer is listed with
    example: bool = False  # "What is an example of a rotary engine?": what "such as", "like" or "including" introduces
    purpose: str = ""  # "What device is used to recycle the boiler water?": the stem of what the answer is for ("recycl")
    doer: frozenset[str] = frozenset()  # "What chips is Anthropic to run its models on?": the stems of who does the verb


def _stem(token: Any) -> str:
    """The stem of a word's lemma: "sold" and "sells" meet as "sell"."""
    terms = content_terms(token.lemma_ or token.text)
    return terms[0] if terms else token.lower_


def _terms(tokens: Any) -> frozenset[str]:
    return frozenset(t for tok in tokens for t in content_terms(tok.text))


@lru_cache(maxsize=PHRASE_CACHE)
def asked_role(question: str) -> AskedRole | None:
    """The role of the question word in `question`, or None where it asks no constituent (when, where, why, how)
    or the parse gives no governor, and names nothing the answer is listed with."""
    m = _COMPANIONS.match(question)
    companions = frozenset(content_terms(m.group(1))) if m else frozenset()
    example = bool(_EXAMPLE.search(question))
    role = _role(question)
    used = _USED_TO.search(question)
    purpose = (content_terms(used.group(1)) or [""])[0] if used else ""
    if not companions and not example and not purpose:
        return role
    if role is None:
        return AskedRole("", "", "", frozenset(), companions, example, purpose)
    return replace(role, companions=companions, example=example, purpose=purpose)


_USED_TO = re.compile(r"^\W*(?:what|which)\b[^?]*?\b(?:is|are|was|were)\s+used\s+to\s+([a-z]+)\b", re.IGNORECASE)


_EXAMPLE = re.compile(r"\b(?:what|which)\b.*\b(?:an? )?(?:example|instance)s? of\b", re.IGNORECASE)


# "Along with geothermal and nuclear, what ...?", "In addition to Watt, Boulton and Smeaton, whose ...?"
_COMPANIONS = re.compile(r"\W*(?:along with|in addition to|besides|apart from|aside from|other than|as well as|together with)\s+([^,?]+),", re.IGNORECASE)


def _role(question: str) -> AskedRole | None:
    doc = parse(question)
    if doc is None:
        return None
    wh = next((t for t in doc if t.lower_ in QUESTION_WORDS and t.tag_ in QUESTION_TAGS), None)
    if wh is None:
        where = next((t for t in doc if t.lower_ == "where" and t.tag_ == "WRB"), None)
        verb = where.head if where is not None else None
        if verb is not None and verb.dep_ in ("aux", "auxpass") and verb.head.pos_ == "VERB":
            verb = verb.head  # "Where is much of the work done?" parsed with "Where" under "is": the verb it helps
        if verb is not None and verb.pos_ in ("VERB", "AUX") and verb.lower_ not in COPULAS:
            return AskedRole(PLACE, "", _stem(verb), frozenset())  # "Where did the monks flee?"
        return None
    asked = wh.head if wh.dep_ == "det" else wh  # "Which theory suggested ...": the noun the question word picks
    stranded = next((t for t in doc[asked.i + 1 :] if t.dep_ in ("prep", "agent") and not any(c.dep_ in ("pobj", "pcomp") for c in t.children)), None)
    if stranded is not None and stranded.head.pos_ in GOVERNOR_POS:
        # "Who was the round led by?": the question word is the object of the preposition left at the end
        return AskedRole("pobj", stranded.lower_, _stem(stranded.head), frozenset(), doer=_doer(stranded.head))
    if asked.dep_ == "pobj" and asked.head.dep_ in ("prep", "agent"):
        prep = asked.head
        governor = prep.head
        if governor.pos_ not in GOVERNOR_POS or governor.i == asked.i:
            return None
        return AskedRole("pobj", prep.lower_, _stem(governor), frozenset(), doer=_doer(governor))
    governor = asked.head
    if asked.dep_ in COUNTERPARTS and governor.pos_ == "PROPN" and asked.sent.root.pos_ == "VERB":
        governor = asked.sent.root  # "What did Metrolink approve?" parsed with "What" under "Metrolink": the verb governs
    if governor.i == asked.i or governor.pos_ not in GOVERNOR_POS:
        return None
    if governor.lower_ in COPULAS:
        other = [c for c in governor.children if c.dep_ in ("nsubj", "attr") and c.i != asked.i]
        done = _done_by_asked(governor) if asked.dep_ == "nsubj" else None
        if not other and done is not None:
            return AskedRole("nsubj", "", _stem(done), frozenset())  # "Who is responsible for operating X?": who operates
        if not other:
            return None
        return AskedRole("attr", "", "", _terms(other[0].subtree))
    if asked.dep_ not in COUNTERPARTS:
        return None
    return AskedRole(asked.dep_, "", _stem(governor), frozenset(), doer=_doer(governor) if asked.dep_ not in SUBJECTS else frozenset())


SUBJECTS = frozenset({"nsubj", "nsubjpass"})
DOER_CLIMB = frozenset({"xcomp", "conj", "advcl"})  # "is expected to run": the verb shares its head's subject


def _doer(verb: Any) -> frozenset[str]:
    """The stems of the subject that does a question's verb ("Anthropic" of "What is Anthropic expected to run its
    models on?"), the verb it hangs on lending it one; empty where the question names none."""
    while True:
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None and any(t.lower_ in QUESTION_WORDS for t in subject.subtree):
            return frozenset()  # "What method is used ...?": the question word's own noun does it
        if subject is not None:
            return _terms(t for t in subject.subtree if t.pos_ in ANSWER_POS)
        if verb.dep_ not in DOER_CLIMB or verb.head is verb:
            return frozenset()
        verb = verb.head


def done_by_other_at(sentence: str, start: int, doer: frozenset[str]) -> bool:
    """Whether the word of `sentence` at character `start` is a participle done by a noun that is not `doer` (stems)."""
    doc = parse(sentence) if doer else None
    tok = next((t for t in doc if t.idx == start), None) if doc is not None else None
    return tok is not None and _done_by_other(tok, doer)


def _done_by_other(tok: Any, doer: frozenset[str]) -> bool:
    """Whether a participle in the sentence is done by a noun the question does not name as its doer: "competitors
    running on NVIDIA hardware" asked "What is Anthropic to run its models on?"."""
    if not doer or tok.dep_ != "acl" or tok.tag_ != "VBG" or tok.head.pos_ != "NOUN":
        return False  # "buildings rented from the council": a past participle's noun is what is done to, not who does
    noun = [tok.head, *(c for c in tok.head.children if c.dep_ in ("compound", "amod"))]
    return not (_terms(noun) & doer)


def _done_by_asked(copula: Any) -> Any:
    """The verb a copula's subject is said to do by an adjective and a preposition: "operating" of "Who is
    responsible for operating ...?", "in charge of running"; None where there is none."""
    for adjective in (c for c in copula.children if c.dep_ == "acomp"):
        for prep in (c for c in adjective.children if c.dep_ == "prep"):
            verb = next((c for c in prep.children if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
            if verb is not None:
                return verb
    return None


def aligned_span(sentence: str, role: AskedRole, appositives: bool = False) -> Aligned | None:
    """Where in `sentence` the constituent that plays `role` is, or None. With `appositives`, a noun's appositive is
    part of it ("Jean's nephew, Maciot de Bethencourt": a name is asked for)."""
    doc = parse(sentence)
    if doc is None:
        return None
    if role.companions:
        listed = _listed_with(doc, role.companions)
        if listed is not None:
            return listed
    if role.example:
        named = _example(doc)
        if named is not None:
            return _extent(named, appositives, conjuncts=False)
    if not role.relation:
        return None
    head = _copula_side(doc, role.topic) if not role.governor else _dependent(doc, role)
    if head is None and not role.governor and role.topic:
        head = _verbal_side(doc, role.topic)  # "What is the seating arrangement ...?" in "seating arranged in a hemicycle"
    if head is None and role.purpose:
        head = _used_for(doc, role.purpose)  # "have a water pump to recycle ... the boiler water": "water pump"
    if head is None and role.relation == "nsubj" and role.governor:
        head = _nominal_doer(doc, role.governor)  # "Who invested in Anthropic?" in "Amazon's latest investment ..."
    if head is None and role.relation == "nsubj" and role.governor in SAYING_STEMS:
        head = _according_to(doc)  # "Who thought ...?" in "According to geographic scholars, the world ..."
    if head is None and role.relation == "nsubj" and role.governor:
        return _subject_before(doc, role.governor)
    if head is None:
        return None
    named = _named_instead(head)
    return _extent(named, appositives and named is head)  # not "xAI (Elon Musk's venture)"


# verbs of saying and thinking: who does them is also who a sentence's "according to" names
SAYING_STEMS = frozenset(content_terms("say note argue believe think claim state report suggest predict estimate warn consider"))


def _according_to(doc: Any) -> Any:
    """The head of what "according to" names, or None."""
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            found = _object(doc[tok.i + 1])
            if found is not None and found.pos_ in ANSWER_POS:
                return found
    return None


SUBJECTLESS_SKIP = frozenset({"aux", "auxpass", "neg", "advmod"})  # between a subject and its verb: "have repeatedly"
SUBJECT_RUN_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ"})


def _subject_before(doc: Any, governor: str) -> Aligned | None:
    """The noun phrase right before a main verb of the governing stem that the parse gave no subject: "...
    innovation, congresses and presidents have repeatedly backed policies", where the tagger hung "congresses" on
    the phrase before the comma. The run of nouns, adjectives and conjunctions back to the clause's edge; None
    where the word before the verb (its auxiliaries and adverbs aside) is no noun."""
    for tok in doc:
        if tok.pos_ != "VERB" or tok.dep_ != "ROOT" or _stem(tok) != governor:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in tok.children):
            continue
        j = tok.i - 1
        while j >= 0 and doc[j].dep_ in SUBJECTLESS_SKIP and doc[j].head.i == tok.i:
            j -= 1
        if j < 0 or doc[j].pos_ not in ("NOUN", "PROPN"):
            continue
        lo = j
        while lo - 1 >= 0 and doc[lo - 1].pos_ in SUBJECT_RUN_POS:
            lo -= 1
        while lo < j and doc[lo].pos_ in ("CCONJ", "DET"):
            lo += 1
        return _run(doc, lo, j, doc[j])
    return None


def _used_for(doc: Any, purpose: str) -> Any:
    """The noun an infinitive of the purpose asked hangs on ("a water pump to recycle ..."), or None."""
    for tok in doc:
        if tok.pos_ == "VERB" and _stem(tok) == purpose and tok.dep_ in ("acl", "relcl", "advcl", "xcomp"):
            head = tok.head
            if head.pos_ in ("NOUN", "PROPN"):
                return head
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
            if obj is not None:
                return obj  # "have a water pump to recycle": the infinitive hangs on "have", its object is the device
    return None


MIN_VERBAL_STEM = 5  # a question noun this long may be said as its verb ("arrangement" -> "arranged")


def _verbal_side(doc: Any, topic: frozenset[str]) -> Any:
    """What a verb of a question noun's family takes, where the sentence says the noun as that verb: its object, or
    the object of its first preposition ("seating arranged in a hemicycle" -> "hemicycle")."""
    for tok in doc:
        if tok.pos_ != "VERB" or not any(len(t) >= MIN_VERBAL_STEM and akin(_stem(tok), t) for t in topic):
            continue
        for c in tok.children:
            if c.dep_ == "dobj" and c.pos_ in ANSWER_POS and not _terms([c]) & topic:
                return c
            if c.dep_ == "prep":
                found = _object(c)
                if found is not None and not _terms([found]) & topic and not _is_time(found):
                    return found
    return None


def _named_instead(head: Any) -> Any:
    """The name a common noun in the asked role stands for: the name it is an appositive of ("Amazon Bedrock, the
    managed service that lets ..."), or the name it introduces as an example ("companies like xAI and Mistral AI")."""
    if head.pos_ == "NOUN" and head.dep_ == "appos" and head.head.pos_ == "PROPN":
        return head.head
    if head.pos_ == "NOUN":
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in EXAMPLE_WORDS:
                found = _object(c)
                if found is not None and (found.pos_ == "PROPN" or any(ch.isupper() for ch in found.text)):
                    return found  # "xAI", a name the tagger calls a noun
    return head


def _nominal_doer(doc: Any, governor: str) -> Any:
    """The name that owns a noun of the verb's family: "Amazon" of "Amazon's latest investment brings ..." for the
    subject of "invest"; or the name a doer's noun of that family is set off after ("Anthropic — the creators of
    ..." for the subject of "create"); None where there is neither."""
    for tok in doc:
        if tok.pos_ != "NOUN" or not akin(_stem(tok), governor) or len(_stem(tok)) < MIN_DOER_STEM:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is not None:
            return owner
        if _stem(tok) in doer_nouns({governor}):
            named = _set_off_before(doc, tok.i)
            if named is not None:
                return named  # "Anthropic — the creators of the Claude language model" for "Who created Claude?"
    return None


SET_OFF_MARKS = frozenset({",", "—", "–", "("})


def _set_off_before(doc: Any, i: int) -> Any:
    """The name a noun phrase is set off after ("Anthropic — the creators of ...", "Dario Amodei, the founder of
    ..."): the proper noun before the mark that opens it, its determiner and adjectives left out; or None."""
    j = i - 1
    while j >= 0 and doc[j].pos_ in ("DET", "ADJ"):
        j -= 1
    if j >= 1 and doc[j].text in SET_OFF_MARKS and doc[j - 1].pos_ == "PROPN":
        return doc[j - 1]
    return None




def _listed_with(doc: Any, companions: frozenset[str]) -> Aligned | None:
    """The members of a coordination that holds the companions, other than them ("geothermal, nuclear and solar
    power" for "Along with geothermal and nuclear, ...": "solar power"), first to last."""
    for tok in doc:
        if not (tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)) or _stem(tok) not in companions:
            continue
        top = tok
        while top.dep_ == "conj":
            top = top.head
        members, todo = [], [top]
        while todo:
            member = todo.pop()
            members.append(member)
            todo += [c for c in member.children if c.dep_ == "conj"]
        others = [m for m in members if m.pos_ in LISTED_POS and not _terms(_member_tokens(m)) & companions]
        if others:
            spans = [_extent(m, False, conjuncts=False) for m in others]
            return Aligned(min(a.start for a in spans), max(a.end for a in spans), spans[0].head_start, spans[0].head_end)
    return None


# the prepositions a sentence may say where a question strands one: "What is Trainium competing against?" and
# "competes with the dominant NVIDIA"
SAID_FOR_PREPOSITION = {"against": ("with",)}


def _object(prep: Any) -> Any:
    """The object of a preposition where it can answer (a noun, a name or a number), else None."""
    found = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return found if found is not None and found.pos_ in ANSWER_POS else None


def _example(doc: Any) -> Any:
    """The first noun introduced as an example: "such as the Wankel engine", "like Ford", "including injectors"."""
    for tok in doc:
        if tok.lower_ in EXAMPLE_WORDS and tok.dep_ in ("prep", "agent"):
            found = _object(tok)
            if found is not None:
                return found
    return None


def _member_tokens(tok: Any) -> list[Any]:
    """A conjunct without the conjuncts that hang from it."""
    skip = {t.i for c in tok.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return [t for t in tok.subtree if t.i not in skip]


def _copula_side(doc: Any, topic: frozenset[str]) -> Any:
    """The side of a copula opposite the one that shares the question's words."""
    for tok in doc:
        if tok.lower_ not in COPULAS:
            continue
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        # the other side: its attribute, or a second subject where the parser read an inverted copula so ("By far
        # the most famous work of Norman art is the Bayeux Tapestry")
        others = [c for c in tok.children if c.dep_ == "attr"] or subjects[1:]
        if not subjects or not others:
            continue
        subject, other = subjects[0], others[0]
        subject_words = list(subject.subtree)
        if subject.tag_ in QUESTION_TAGS and tok.dep_ == "relcl":
            # "the Harvard Library, which is the world's largest library system": what "which" stands for
            subject = tok.head
            subject_words = [t for t in subject.subtree if not (tok.left_edge.i <= t.i <= tok.right_edge.i)]
        subject_terms, other_terms = _terms(subject_words) & topic, _terms(other.subtree) & topic
        if subject_terms and len(subject_terms) >= len(other_terms) and other.pos_ in ANSWER_POS:
            return other
        if len(other_terms) > len(subject_terms) and subject.pos_ in ANSWER_POS:
            return subject  # "Stage 3 is the final stage of the bill": the side that says less of the question
    return None


def _dependent(doc: Any, role: AskedRole) -> Any:
    """The dependent, in the role asked, of a word with the question's governing stem."""
    dated = None  # "In February 2026, the company invested ... in OpenAI": a time is the object only if nothing else is
    for tok in doc:
        if tok.pos_ not in GOVERNOR_POS or _stem(tok) != role.governor or _done_by_other(tok, role.doer):
            continue
        # "invested $50 billion in OpenAI": a preposition the parse hangs on the verb's object is the verb's too
        held = [g for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"]
        for child in [*tok.children, *(held if role.relation in (PLACE, "pobj") else [])]:
            if role.relation in (PLACE, "pobj"):
                # "fled to southern Italy" for "where"; "similar to an automobile radiator" for "... similar to?"
                place = role.relation == PLACE and child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS
                asked = role.relation == "pobj" and child.dep_ in ("prep", "agent") and (
                    child.lower_ == role.preposition or child.lower_ in SAID_FOR_PREPOSITION.get(role.preposition, ()))
                found = _object(child) if place or asked else None
                if found is not None and _is_time(found):
                    dated = dated if dated is not None else found
                elif found is not None:
                    return found
                continue
            if child.dep_ not in COUNTERPARTS[role.relation]:
                continue
            if child.dep_ == "agent":  # "was confirmed by Joseph Black"
                child = next((g for g in child.children if g.dep_ == "pobj"), None)
                if child is None:
                    continue
            if child.tag_ in QUESTION_TAGS and tok.dep_ == "relcl":
                child = tok.head  # "the 1998 Act, which set out the powers": what the clause is about
            if child.pos_ in ANSWER_POS:
                return child
        if role.relation == "nsubj" and tok.dep_ in SHARED_SUBJECT and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            # "William conquered England killing King Harold", "he sold the house and bought a farm": the verb that
            # has no subject of its own shares the one of the verb it hangs on
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            absolute = any(c.dep_ == "prep" and c.lower_ == "with" and c.i < tok.i for c in tok.head.children)
            if subject is not None and subject.pos_ in ANSWER_POS and not absolute:  # not "..., with the FTC examining"
                return subject
    return dated


def _is_time(tok: Any) -> bool:
    """A month, a day or a year ("February 2026", "1998")."""
    return tok.lower_ in CALENDAR_NAMES or (tok.like_num and len(tok.text) == 4 and tok.text.isdigit())


def _extent(head: Any, appositives: bool, conjuncts: bool = True) -> Aligned:
    """The head's phrase: its modifiers, "of" phrases and conjuncts (and appositives if asked), without the
    determiners, punctuation and conjunctions at its edges."""
    keep: set[int] = set()
    wanted = MODIFIERS | {"appos"} if appositives else MODIFIERS
    if not conjuncts:
        wanted = wanted - {"conj", "cc"}

    def add(tok: Any) -> None:
        keep.add(tok.i)
        for child in tok.children:
            if child.dep_ == "conj" and _verb_as_noun(child):
                continue  # "the enterprise segment and positions itself as ...": the verb is no second noun
            if child.dep_ in wanted or (child.dep_ == "prep" and child.lower_ == "of" and child.i > tok.i):
                add(child)
            elif child.dep_ == "pobj" and tok.dep_ == "prep":
                add(child)

    add(head)
    doc = head.doc
    lo = hi = head.i  # the run of kept words around the head: a relative clause between two commas breaks it
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    while lo < hi and (doc[lo].pos_ in EDGE_POS or doc[lo].tag_ == "PRP$"):
        lo += 1
    while hi > lo and doc[hi].pos_ in EDGE_POS:
        hi -= 1
    named = head
    if appositives and head.pos_ == "NOUN":  # "architect Enric Miralles": the appositive name is who is meant
        named = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i in keep), head)
    return _run(doc, lo, hi, named)


REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself", "yourselves"})


def _verb_as_noun(tok: Any) -> bool:
    """Whether the tagger made a noun of a verb: a noun right before a reflexive pronoun ("positions itself")."""
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.pos_ == "NOUN" and following is not None and following.lower_ in REFLEXIVES


def _run(doc: Any, first: int, last: int, head: Any) -> Aligned:
    """The words `first` to `last` of `doc` as a constituent whose head is `head`."""
    return Aligned(doc[first].idx, doc[last].idx + len(doc[last].text), head.idx, head.idx + len(head.text))


# "What type of locomotive ...?", "what kinds of sciences ...?": the class is named, and the answer is the sort
KIND_WORDS = frozenset({"type", "kind", "sort", "form", "style", "variety", "category"})
# the words that may make up the sort written before the class noun: "twin-cylinder", "marine triple expansion",
# "Private Bill", "adjustable spring-loaded", "open loop" (in quotes)
SORT_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
SORT_TAGS = frozenset({"VBN", "VBG", "HYPH"})  # "spring-loaded", "reciprocating", the hyphen itself
SORT_DEPS = frozenset({"amod", "compound", "nmod"})
QUOTES = frozenset({'"', "“", "”", "'"})


@lru_cache(maxsize=PHRASE_CACHE)
def asked_kind(question: str) -> str:
    """The lemma of the class a "what type of X" question asks the sort of ("locomotive" in "What type of locomotive
    was Salamanca?"), or ""."""
    doc = parse(question)
    if doc is None:
        return ""
    for tok in doc:
        if tok.lemma_.lower() in KIND_WORDS and any(c.lower_ in QUESTION_WORDS for c in tok.children):
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    noun = _object(prep)
                    if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
                        return str(noun.lemma_.lower())
    return ""


def sorts_of(sentence: str, kind: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the words written right before each mention of the class `kind` (a lemma) that name its sort:
    "the successful twin-cylinder locomotive" -> "successful twin-cylinder"; none where the class stands bare."""
    doc = parse(sentence)
    if doc is None or not kind:
        return ()
    out = []
    stems = set(content_terms(kind))
    for tok in doc:
        # "Private Bill Committees", "the twin-cylinder locomotive Salamanca" (parsed as a modifier): by the stem
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or (tok.lemma_.lower() != kind and _stem(tok) not in stems):
            continue
        first = tok.i
        while first > 0:
            prev = doc[first - 1]
            if (prev.pos_ in SORT_POS or prev.tag_ in SORT_TAGS or prev.dep_ in SORT_DEPS or prev.text in QUOTES
                    or prev.text == "-"):
                first -= 1
            else:
                break
        words = [t for t in doc[first : tok.i] if t.text not in QUOTES]
        while words and (words[0].text == "-" or words[0].tag_ == "HYPH"):
            words.pop(0)
        while words and (words[-1].text == "-" or words[-1].tag_ == "HYPH"):
            words.pop()
        if words:
            out.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return tuple(out)


@lru_cache(maxsize=PHRASE_CACHE)
def names_a_class(question: str, stem: str) -> bool:
    """Whether the word of `stem` is a noun in the question's parse ("platform" in "Which cloud platform is it?"),
    not a verb the pattern read as a class ("needs" in "What needs to be larger?")."""
    doc = parse(question)
    return doc is None or any(_stem(t) == stem and t.pos_ in ("NOUN", "PROPN") for t in doc)


AIMING_VERBS = frozenset({"try", "seek", "aim", "attempt", "hope", "strive", "intend", "plan"})
PURPOSE_DEPS = frozenset({"advcl", "acl"})  # "... sold at a higher price to encourage investment", "the desire to encourage"


def purpose(sentence: str, asked: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """(start, end) of the sentence's purpose clause, an infinitive that says what something is done for ("created to
    coordinate the response to the embargo" -> "to coordinate the response to the embargo"), or None; of several,
    the one that says least of the question's own words (`asked`, stems: "sought to disassociate themselves ... to
    avoid being targeted" asked "Why did they disassociate themselves?")."""
    doc = parse(sentence)
    if doc is None:
        return None
    found = []
    for tok in doc:
        # "an office created to coordinate ...", "Saudi Arabia, trying to recover market share, ...": an infinitive
        # under a participle, or under a verb of aiming, says what something is done for too
        # (not a perfect tense's participle: in "has pledged to spend" the infinitive is what was pledged)
        aimed = tok.dep_ == "xcomp" and (
            (tok.head.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.head.children))
            or tok.head.lemma_ in AIMING_VERBS)
        if tok.pos_ == "VERB" and (tok.dep_ in PURPOSE_DEPS or aimed) and _stem(tok) not in asked:
            # (an infinitive of the question's own verb restates what is asked: "plans to spend more than $100bn on
            # AWS" is no reason for "Why is Anthropic spending $100 billion on AWS?")
            to = [c for c in tok.children if c.tag_ == "TO" and c.dep_ == "aux"]
            if to:
                last = max(t.i for t in tok.subtree)
                comma = next((t.i for t in doc[tok.i : last + 1] if t.text in (",", ";")), None)
                last = comma - 1 if comma is not None else last  # the clause ends at its comma
                while last > tok.i and doc[last].is_punct:
                    last -= 1
                terms = _terms(doc[tok.i : last + 1]) or frozenset({""})
                found.append((len(terms & asked) / len(terms), to[0].idx, doc[last].idx + len(doc[last].text)))
    return _fewest_asked(found)


# "What happens to the working fluid in a closed loop system?": what the sentence says the thing undergoes
_HAPPENS_TO = re.compile(r"^what (?:happens|happened|will happen|would happen|is happening) to (?:the |a |an )?(?P<thing>[^?]+?)(?:\s+(?:in|during|when|if|after|before|at|on|under)\b[^?]*)?\s*\??$", re.IGNORECASE)
CLAUSE_DEPS = frozenset({"conj", "cc", "punct", "advcl", "relcl", "mark", "parataxis"})  # where a predicate ends


@lru_cache(maxsize=PHRASE_CACHE)
def asked_happening(question: str) -> frozenset[str]:
    """The stems of the thing a "What happens to X?" question asks about, or an empty set."""
    m = _HAPPENS_TO.match(question)
    return frozenset(content_terms(m.group("thing"))) if m else frozenset()


def happening(sentence: str, thing: frozenset[str], asked: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """(start, end) of the predicate whose subject is the thing ("the working fluid is recycled continuously" ->
    "recycled continuously"), without its auxiliaries and the clauses that follow it; of several, the one that says
    least of the question's own words (`asked`, stems); None where the sentence says none."""
    doc = parse(sentence)
    if doc is None or not thing:
        return None
    found = []
    for tok in doc:
        verb = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB" or not thing <= _terms(tok.subtree):
            continue
        words = [verb] + [t for c in verb.rights if c.dep_ not in CLAUSE_DEPS for t in _without_clauses(c)]
        terms = _terms(words)
        if terms - asked:
            last = max(w.i for w in words)
            found.append((len(terms & asked) / len(terms), verb.idx, doc[last].idx + len(doc[last].text)))
    return _fewest_asked(found)


def _fewest_asked(found: list[tuple[float, int, int]]) -> tuple[int, int] | None:
    """Of (share of the question's words, start, end) candidates, the (start, end) that says least of the question;
    the first of equals."""
    if not found:
        return None
    _, start, end = min(found, key=lambda f: f[0])
    return start, end


def _without_clauses(head: Any) -> list[Any]:
    """A dependent's words without the clauses nested in it ("a closed loop system, where the fluid is recycled")."""
    out = [head]
    for child in head.children:
        if child.dep_ not in CLAUSE_DEPS and child.dep_ != "acl":
            out.extend(_without_clauses(child))
    return out


RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})  # "which", "that", "who" opening a relative clause
PAIRED_MARKS = {"—": "—", "–": "–", ",": ",", "(": ")"}  # a clause set off between these ends at the second


def description(sentence: str, name: str, classed: bool = False) -> tuple[int, int] | None:
    """What a sentence says a name is ("What is Amazon Bedrock?"): the whole phrase in apposition to the name, or
    the other side of a copula it is the subject of, with its clauses ("the managed service that lets enterprises
    build generative AI applications ..."); for a common noun, its relative clause; with `classed`, a name that
    modifies a common noun is of that noun's class: the noun's phrase ("Amazon's custom Trainium chips"). None
    where the sentence describes it none of these ways."""
    doc = parse(sentence) if name else None
    if doc is None:
        return None
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", sentence):  # not "Amazon-Anthropic" for "Anthropic"
        found = _described_at(doc, m.start(), m.end(), classed)
        if found is not None:
            return found
    return None


def _described_at(doc: Any, at: int, end: int, classed: bool) -> tuple[int, int] | None:
    """description() of the name at characters at..end of the parsed sentence."""
    inside = [t for t in doc if at <= t.idx < end]
    head = next((t for t in inside if t.head not in inside or t.head == t), None)
    if head is None or not head.text[:1].isupper() and head.pos_ != "NOUN":
        return None
    modifier = head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.i == inside[-1].i + 1
    if modifier:
        head = head.head  # "What is Constitutional AI?" in "Its Constitutional AI approach — which ...": the approach
    found = next((c for c in head.children if c.dep_ == "appos"), None)
    if found is None and head.dep_ == "nsubj" and head.head.lower_ in COPULAS:
        found = next((c for c in head.head.children if c.dep_ == "attr"), None)
    if found is None and head.pos_ == "NOUN":  # "Its Constitutional AI approach — which trains models to ...": the clause
        clause = next((c for c in head.children if c.dep_ == "relcl"), None)
        if clause is not None:
            tokens = [t for t in clause.subtree if not (t.tag_ in RELATIVE_TAGS and t.i < clause.i)]
            if not tokens:
                return None
            opened = doc[tokens[0].i - 2] if tokens[0].i >= 2 else None  # "— which ... —": to the closing mark
            if opened is not None and opened.pos_ == "PUNCT" and opened.text in PAIRED_MARKS:
                close = next((t for t in doc[tokens[0].i :] if t.text == PAIRED_MARKS[opened.text]), None)
                if close is not None:
                    return _offsets(tokens[0], doc[close.i - 1])
            return _offsets(tokens[0], tokens[-1])
    if found is None and (apposed := _APPOSED_TEXT.match(doc.text, end)) is not None:
        # "Anthropic, the AI company behind Claude": an appositive the parse attached elsewhere; not a clause
        # ("After the deal with Anthropic, the company said ...": a finite verb)
        words = [t for t in doc if apposed.start(1) <= t.idx < apposed.end(1)]
        if words and not any(t.tag_ in FINITE_TAGS for t in words):
            return apposed.start(1), apposed.end(1)
    if found is None and modifier and classed and head.tag_ == "NNS":
        # "Amazon's custom Trainium chips": a kind of chips ("Microsoft's OpenAI relationship" says no kind)
        whole = _extent(head, appositives=False, conjuncts=False)
        return whole.start, whole.end
    if found is None or found.pos_ not in ANSWER_POS:
        return None
    tokens = list(found.subtree)
    while tokens and tokens[-1].pos_ == "PUNCT":
        tokens.pop()
    return _offsets(tokens[0], tokens[-1]) if tokens else None


# a comma or a dash after a name, then a phrase that opens with an article, up to the next mark
_APPOSED_TEXT = re.compile(r"\s*(?:,|—|–|--)\s*((?:the|a|an)\s+[^,.;:—–()]+?)\s*(?=[,.;:—–()]|$)")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb that makes a clause of what follows a comma


def _offsets(first: Any, last: Any) -> tuple[int, int]:
    """Character offsets from the first token's start to the last one's end."""
    return first.idx, last.idx + len(last.text)


def copula_of_class(sentence: str, stem: str) -> tuple[int, int] | None:
    """ "What working fluid is used in a mercury vapor turbine?" in "Mercury is the working fluid in the mercury
    vapor turbine": the side of a copula opposite the side that holds the class asked for (`stem`), where that
    side is a noun phrase; None where no copula's side holds the class."""
    doc = parse(sentence)
    if doc is None or not stem:
        return None
    for tok in doc:
        if tok.lower_ not in COPULAS or tok.dep_ != "ROOT":
            continue
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        other = next((c for c in tok.children if c.dep_ == "attr"), None)
        if subject is None or other is None:
            continue
        for side, answer in ((other, subject), (subject, other)):
            if answer.pos_ in ANSWER_POS and _stem(side) == stem:
                found = _extent(answer, appositives=False)
                return found.start, found.end
    return None


ACT_TAGS = frozenset({"VERB", "NOUN", "PROPN"})  # "own" as an adjective ("Amazon's own division") is no act of owning
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
MAX_ACT_HOPS = 3  # heads climbed from a verb without a subject ("plans to invest", "invested and pledged")


def states_act(sentence: str, predicate: str, doer: str) -> bool:
    """Whether a sentence says the act a yes/no question asks ("Did Anthropic invest in Amazon?": predicate
    "invest", doer "Anthropic"): a verb or noun of the predicate's word family ("invested", "investment") whose doer
    is the question's or is not named ("the company invested", "an investment"). False where no such word is there,
    or where each one's doer is another name ("Amazon invested $5 billion in Anthropic", "Amazon's deal ... is
    structured as a more traditional investment"); True for a sentence too long to parse (no verdict against it)."""
    doers = act_doers(sentence, predicate, given=True)
    if doers is None:
        return True
    asked = frozenset(content_terms(doer))
    # "Dario Amodei" is not "Daniela Amodei"
    return any(not asked or not name or name <= asked or asked <= name for name in doers)


def names_another_doer(sentence: str, predicate: str, doer: str) -> bool:
    """Whether a sentence says the act of a name other than the doer, and of the doer nowhere ("CEO Dario Amodei and
    President Daniela Amodei" for "ceo", "Daniela Amodei"). False where it is too long to parse."""
    asked = frozenset(content_terms(doer))
    named = [name for name in act_doers(sentence, predicate) or () if name]
    return bool(asked) and bool(named) and not any(name <= asked or asked <= name for name in named)


def names_doer(sentence: str, predicate: str, doer: str) -> bool:
    """Whether a sentence says the act of the doer by name ("Microsoft has invested ... in OpenAI" for "invest",
    "Microsoft"), not only of no one named ("The investment intensifies ..."). False where it is too long to parse."""
    asked = frozenset(content_terms(doer))
    return bool(asked) and any(name and (name <= asked or asked <= name) for name in act_doers(sentence, predicate) or ())


def act_doers(sentence: str, predicate: str, given: bool = False) -> list[frozenset[str]] | None:
    """The doer's name stems of each verb or noun of the predicate's word family in the sentence (empty where the
    doer is not a name); None for a sentence too long to parse. `given`: a noun's doer is also whom it is from
    ("investments from Google, Salesforce, and others"; rag.yes_no reads so whether a sentence says the act of
    the name asked, not whose act it is besides)."""
    doc = parse(sentence)
    if doc is None:
        return None
    forms = role_words(predicate)
    return [
        _doer_name(tok, given) for tok in doc
        if tok.pos_ in ACT_TAGS and any(akin(p, t) for p in forms for t in {_stem(tok), *content_terms(tok.text)})
    ]


@lru_cache(maxsize=256)
def role_words(predicate: str) -> frozenset[str]:
    """The stems a predicate is said by: a role's every name ("execut" -> "ceo" too: rag.analysis.PERSON_ROLES)."""
    from rag.analysis import PERSON_ROLES

    return frozenset({predicate}).union(*(role for role in PERSON_ROLES if predicate in role))


def mentions_act(sentence: str, predicate: str) -> bool:
    """Whether a sentence holds a verb or noun of the predicate's word family, whoever does it (True where it is too
    long to parse)."""
    doc = parse(sentence)
    forms = role_words(predicate)
    return doc is None or any(
        tok.pos_ in ACT_TAGS and any(akin(p, t) for p in forms for t in {_stem(tok), *content_terms(tok.text)}) for tok in doc
    )


def _doer_name(tok: Any, given: bool = False) -> frozenset[str]:
    """The stems of the name that does a verb or noun (its subject, a passive verb's agent, a noun's possessor, or
    the subject of the clause a noun sits in); empty where that doer is not a name ("the company", "it")."""
    if given and tok.pos_ == "NOUN" and (giver := _given_from(tok)) is not None:
        return giver  # "investments from Google, Salesforce, and others": those who give them
    if tok.pos_ in ("NOUN", "PROPN"):
        # "CEO Dario Amodei": a role word's name is the one it stands before
        noun = tok.head if tok.pos_ == "PROPN" and tok.dep_ == "compound" else tok
        for _ in range(MAX_ACT_HOPS + 1):
            own = _name_tokens(noun)
            if own is not None:
                return own  # "Amazon's investment", "Microsoft's arrangement ... a 49% ownership stake"
            if noun.head.i == noun.i or noun.head.pos_ not in ("NOUN", "PROPN", "ADP"):
                break
            noun = noun.head  # up through the nouns and prepositions it hangs from, to the verb of its clause
    verb, subject = tok, None
    for _ in range(MAX_ACT_HOPS + 1):
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head  # a noun: up to the verb of its clause
        deps = {c.dep_: c for c in verb.children}
        if tok.pos_ == "VERB" and ("nsubjpass" in deps or "auxpass" in deps):
            agent = deps.get("agent")
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            break  # a passive verb's doer is its agent, or no one named
        subject = deps.get("nsubj") or (deps.get("nsubjpass") if tok.pos_ == "NOUN" else None)
        if subject is not None or verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            break
        verb = verb.head
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head  # "Microsoft, which invested ...": the name the clause is about
    if subject is None:
        return frozenset()
    return _name_tokens(subject) or frozenset()


def _given_from(noun: Any) -> frozenset[str] | None:
    """The stems of the names a noun says it comes from or is done by ("investments from Google, Salesforce, and
    others", "an investment by Amazon"), all of a list together; None where it names none so."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            listed = [*objects, *(c for o in objects for c in o.conjuncts)]
            names = [n for n in (_name_tokens(t) for t in listed) if n]
            if names:
                return frozenset().union(*names)
    return None


def _name_tokens(tok: Any) -> frozenset[str] | None:
    """The stems of a name a token is or holds: itself as a proper noun, its possessor, its proper-noun compound."""
    if tok.pos_ == "PROPN":
        return frozenset(t for c in [*tok.children, tok] if c is tok or c.dep_ == "compound" for t in content_terms(c.text))
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN"):
            return _name_tokens(c) if c.pos_ == "PROPN" or c.dep_ == "poss" else None
    return None


# verbs that say what something does for someone: its effect ("removes one of the main operational risks", "allows
# planning", "stimulates scaling of Amazon's own semiconductor division")
EFFECT_VERBS = frozenset(
    "allow enable let remove reduce lower cut ease boost raise increase strengthen stimulate spur drive fuel secure "
    "ensure guarantee give provide help mean improve protect shield weaken undercut offset free unlock open".split()
)


EFFECT_NAMES = 2  # of the question's names, a subject says this many at least where it says none of its other words


def effect(sentence: str, topic: frozenset[str], names: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """(start, end) of what the sentence says its subject does, where its main verb is one of effect (EFFECT_VERBS)
    and its subject says the question's topic in a word that is not one of its names, or in EFFECT_NAMES of its names
    (stems: `topic`, `names`):
    "The guaranteed 5 gigawatts removes one of the main operational risks ... and allows planning ..." answers "Why
    does a guaranteed 5 GW matter to Anthropic?", "tying Anthropic to Trainium chips stimulates scaling of ..."
    answers "How does getting Anthropic onto Trainium help Amazon?"; None otherwise."""
    doc = parse(sentence)
    if doc is None:
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB" or root.lemma_.lower() not in EFFECT_VERBS:
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    shared = _terms(list(subject.subtree)) & topic
    if not shared - names and len(shared) < EFFECT_NAMES:
        return None  # "Amazon strengthens ..." is no effect of what a question about Amazon asks
    last = len(doc) - 1
    while last > root.i and doc[last].is_punct:
        last -= 1
    return root.idx, doc[last].idx + len(doc[last].text)


_CONTRAST = re.compile(r"\b(?:rather than|instead of|as opposed to|unlike)\b", re.IGNORECASE)


def contrasted(sentence: str) -> tuple[int, int] | None:
    """(start, end) of what a sentence says its subject does, where it sets it against something else ("focuses on
    partnering with leading external AI companies rather than building everything internally" answers "How does
    Amazon's AI strategy differ from Google's?"): from the main verb to the sentence's end, or from the subject where
    the contrast opens the sentence ("Unlike OpenAI, ..., Anthropic focuses on ..."); None without a contrast."""
    if _CONTRAST.search(sentence) is None:
        return None
    doc = parse(sentence)
    root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
    if root is None or root.pos_ not in ("VERB", "AUX"):
        return None
    last = len(doc) - 1
    while last > root.i and doc[last].is_punct:
        last -= 1
    end = doc[last].idx + len(doc[last].text)
    if _CONTRAST.search(sentence, root.idx) is not None:
        return root.idx, end
    # "Unlike OpenAI, which bet on mass consumers ..., Anthropic focuses on the enterprise segment": the contrast
    # fronted, the main clause whole, from its subject
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (subject.left_edge.idx, end) if subject is not None else None


@lru_cache(maxsize=PHRASE_CACHE)
def main_verb(question: str) -> str:
    """The stem of the question's main verb by the parse ("Which companies have invested in Anthropic?" -> "invest"),
    "" where its root is no verb (or light: "have", "be", "do") or it is too long to parse."""
    doc = parse(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
    if root is None or root.pos_ != "VERB" or root.lemma_.lower() in ("have", "be", "do", "get", "make"):
        return ""
    return _stem(root)
