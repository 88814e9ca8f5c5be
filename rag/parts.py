"""Questions in two parts: "Who is Anthropic's CEO and when was the company founded?" is two questions, each
answered on its own (the second as a follow-up of the first, so that "the company" and "its" refer back), and the
answers are given together. A part no source answers is said to be unanswered, never dropped silently."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from rag.analysis import AUX_WORDS, WH_WORDS
from rag.records import Answer, Citation, Conflict

_WH = rf"(?:{'|'.join(WH_WORDS)})"
_AUX = rf"(?:{'|'.join(AUX_WORDS)})"
# a question form opening the whole: a wh-word or an auxiliary ("Who is ...", "Did Amazon ...")
_OPENS_QUESTION = re.compile(rf"^\W*(?:{_WH}|{_AUX})\b", re.IGNORECASE)
# the second part: ", and" or "and" (or ";") before a wh-word that opens a clause of its own or ends the question:
# "and how much will ...", "and who is ...", "and who owns it", "and when?", "and in what month?"
_PREPOSITION = r"(?:in|on|at|by|for|from|to|with|since|until|over|during|within|through|across|under)"
_HOW_WORDS = ("much", "many", "long", "big", "large", "old", "far", "often")  # "how much", "how long", ...
# the words that ask: a wh-word, after a preposition or before a word of _HOW_WORDS ("in what", "how much")
_ASK = rf"(?:{_PREPOSITION}\s+)?{_WH}(?:\s+(?:{'|'.join(_HOW_WORDS)}))?"
# a noun of the ask ("what chips", "over what period"), not the auxiliary, wh-word or pronoun of a clause
_NOUN = rf"(?!{_AUX}\b|{_WH}\b|about\b|else\b|that\b|this\b|it\b)[a-z][\w-]*"
# an adverb between "and" and the ask: "and roughly how much?", "and exactly when?"
_HEDGE_WORDS = ("roughly", "approximately", "about", "around", "exactly", "precisely", "also", "then")
_HEDGE = rf"(?:(?:{'|'.join(_HEDGE_WORDS)})\s+)?"
_SECOND = re.compile(
    rf"(?:,\s*and|\s+and|;)\s+(?P<ask>{_HEDGE}{_ASK}(?:\s+[a-z][\w'’-]*)?)"
    rf"(?P<rest>\s+{_AUX}\b.*|\s+[a-z]+(?:s|ed)\b.*|\s*\?*)$",
)  # mid-sentence, in lower case: "what Google offers" is no clause of its own
_LEADING_WH = re.compile(rf"^\W*(?:(?:which|what)\s+[\w-]+|{_WH})\s+", re.IGNORECASE)  # "Who", "Which company"
_BARE_WH = re.compile(rf"^\W*{_WH}\W*$", re.IGNORECASE)
# where the first part's own auxiliary starts, for a second part that is only a wh-word ("... and when?")
_FIRST_AUX = re.compile(rf"\b{_AUX}\b", re.IGNORECASE)


def two_parts(question: str) -> tuple[str, str] | None:
    """The two questions of a question asked in two parts, or None where it is one: "How much did Amazon invest in
    OpenAI and when?" -> ("How much did Amazon invest in OpenAI?", "When did Amazon invest in OpenAI?"). A list
    asked with a blank is one question ("Imperialism extends a country's power and what?": no question form opens
    it), as is "between 5 and how many minutes?"."""
    text = question.strip()
    if not _OPENS_QUESTION.match(text):
        return None
    m = _SECOND.search(text.rstrip("?").rstrip() + "?")
    if m is None:
        return None
    first = text[: m.start()].strip().rstrip(",;").strip()
    ask = m.group("ask")
    rest = m.group("rest").strip().rstrip("?").strip()
    words = ask.lower().split()
    if words[0] in _HEDGE_WORDS and len(words) > 1:
        words = words[1:]
    if not rest and words[-1] not in (*WH_WORDS, *_HOW_WORDS) and not re.fullmatch(_PREPOSITION, words[0]):
        return None  # "... and which eastern county?": a blank with its noun, not a clause ("and in what month?" is)
    if _BARE_WH.match(first):
        if not rest:
            return None
        first = f"{first} {rest}"  # "When and where was it founded?": both wh-words ask of the one clause
    # "and when?", "and in what month?": the first part's clause, asked with these words
    second = f"{ask} {rest}?" if rest else asked_of(ask, first)
    return f"{first[0].upper()}{first[1:]}?", f"{second[0].upper()}{second[1:]}"


# a yes/no question whose second clause has a subject and verb of its own, after "and": "Is Dario Amodei Anthropic's
# president and Daniela Amodei is its CEO?" (a claim checked whole: rag.claim_check), each clause a claim
_OPENS_YES_NO = re.compile(rf"^\W*{_AUX}\s+\S", re.IGNORECASE)
_SECOND_CLAIM = re.compile(
    rf",?\s+and\s+(?P<claim>(?:[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*|it|its\s+[a-z]+|the\s+company)\s+{_AUX}\s+[^?]+?)\s*\?*\s*$")


def claim_parts(question: str) -> tuple[str, str] | None:
    """The two yes/no questions of a yes/no question that joins two claims, or None where it is one: "Is Dario Amodei
    Anthropic's president and Daniela Amodei is its CEO?" -> ("Is Dario Amodei Anthropic's president?", "Is Daniela
    Amodei its CEO?"). Not a list of names ("Are Amazon and Google investors?") nor one clause ("Did Amazon invest
    and Google?")."""
    from rag.claim_check import as_question  # (claim_check reads parts' forms: imported where used)

    text = question.strip()
    if not _OPENS_YES_NO.match(text) or (m := _SECOND_CLAIM.search(text)) is None:
        return None
    first = text[: m.start()].strip().rstrip(",;").strip()
    second = as_question(m.group("claim"))
    if second is None or len(first.split()) < 3:
        return None
    return f"{first}?", second


def claims_joined(question: str, parts: Sequence[tuple[str, Answer]]) -> Answer:
    """One answer to a yes/no question of two claims: a part answered No answers the whole No (its sentence and
    sources: "Dario Amodei is Anthropic's president" is not so, whatever the other part says); otherwise the parts
    together, as `joined` gives them, a part no source answers named in the note."""
    denied = next(((p, a) for p, a in parts if not a.abstained and a.text.startswith("No")), None)
    answered = [a for _, a in parts if not a.abstained]
    if denied is None and len(answered) == len(parts) and len({a.text for a in answered}) == 1:
        return joined(question, parts[:1])  # both held by one sentence: said once
    if denied is None:
        return joined(question, parts)
    held = [p for p, a in parts if not a.abstained and a.text.startswith("Yes")]
    note = f'Checked in parts: "{denied[0]}" is not so' + (
        "; " + " and ".join(f'"{p}" is' for p in held) if held else "") + "."
    return dataclasses.replace(denied[1], question=question, note=" ".join(n for n in (denied[1].note, note) if n))


_CNAME = r"[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*"
# "How does OpenAI's valuation compare with Anthropic's?", "Compare Amazon's stake to Google's stake": one measure of
# two names
_COMPARED = re.compile(
    rf"^\W*(?:how\s+(?P<aux>does|do|did)\s+(?:the\s+)?|compare\s+(?:the\s+)?)(?P<a>{_CNAME})['’]s?\s+(?P<measure>[a-z][a-z -]*?)"
    rf"(?:\s+(?:compare|stack\s+up|measure\s+up|stand))?\s+(?:with|to|against|and|versus|vs\.?)\s+(?:that\s+of\s+|the\s+)?(?P<b>{_CNAME})"
    rf"(?:['’]s?)?(?:\s+(?P=measure))?\s*\??\s*$",
    re.IGNORECASE,
)


# "How much more did Amazon put into OpenAI than into Anthropic?": the same act of one name into two
_MORE = r"(?:more|less|larger|bigger|higher|greater|smaller|lower)"
_HOW_MUCH_MORE_INTO = re.compile(
    rf"^\W*how\s+much\s+{_MORE}\s+(?P<head>(?:did|does|do|has|have|had|will|is|was)\s+[^?]+?\s+(?:into|in|on|to|for))\s+"
    rf"(?P<a>(?-i:{_CNAME}))\s+than\s+(?:(?:into|in|on|to|for)\s+)?(?P<b>(?-i:{_CNAME}))\s*\??\s*$",
    re.IGNORECASE,
)
# "How much larger is OpenAI's valuation than Anthropic's?"
_HOW_MUCH_MORE_IS = re.compile(
    rf"^\W*how\s+much\s+{_MORE}\s+(?P<be>is|was|are|were)\s+(?P<a>(?-i:{_CNAME}))['’]s?\s+(?P<measure>[a-z][a-z -]*?)\s+than\s+"
    rf"(?:that\s+of\s+)?(?P<b>(?-i:{_CNAME}))(?:['’]s?)?\s*\??\s*$",
    re.IGNORECASE,
)
# "Compare the valuations of Anthropic, OpenAI and Mistral AI.", "How do the valuations of X and Y compare?": one
# measure of two names or more (names as written, capitalized; what follows them goes with each: "... in Anthropic")
_EACH_NAME = r"(?-i:[A-Z][\w&-]*(?:\.[\w&-]+)*(?:\s+[A-Z][\w&-]*(?:\.[\w&-]+)*)*)"
_NAMES = rf"{_EACH_NAME}(?:\s*,\s*{_EACH_NAME})*,?\s+and\s+{_EACH_NAME}"
_REST = r"(?:\s+(?:in|into|of|at|for|to|on)\s+[^?.!]+?)?"
_EACH = re.compile(
    rf"^\W*(?:(?:compare|contrast)\s+(?:the\s+)?(?P<measure>[a-z][a-z -]*?)\s+of\s+(?P<names>{_NAMES})(?P<rest>{_REST})"
    rf"|how\s+(?:do|did)\s+(?:the\s+)?(?P<measure2>[a-z][a-z -]*?)\s+of\s+(?P<names2>{_NAMES})(?P<rest2>{_REST})\s+compare)"
    r"\s*[.?!]*\s*$",
    re.IGNORECASE,
)


_OWNER_ASKED = re.compile(r"^What (?:is|was) (?P<owner>.+?)['’]s ")


def compared_label(part: str) -> str:
    """Whose measure a part of a comparison asks ("What is OpenAI's valuation?" -> "OpenAI"), or where the act it asks
    goes ("How much did Amazon put into OpenAI?" -> "OpenAI")."""
    m = _OWNER_ASKED.match(part) or _TARGET_ASKED.search(part)
    return m.group("owner") if m else ""


_TARGET_ASKED = re.compile(rf"\b(?:into|in|on|to|for)\s+(?P<owner>(?-i:{_CNAME}))\s*\??\s*$", re.IGNORECASE)


def _singular(noun: str) -> str:
    """"valuations" -> "valuation", "companies" -> "company": the measure asked of each name."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


_COMPARING_VERB = re.compile(r"\b(?:compare|stack\s+up|measure\s+up|stand)\b", re.IGNORECASE)


def compared_parts(question: str) -> tuple[str, ...] | None:
    """A comparison of one measure of two names or more as a question for each ("How does OpenAI's valuation compare
    with Anthropic's?" -> "What is OpenAI's valuation?", "What is Anthropic's valuation?"; "Compare the valuations of
    Anthropic, OpenAI and Mistral AI."): each figure answered and cited on its own, all given; None for any other
    question."""
    each = _EACH.match(question)
    if each is not None:
        measure = _singular((each.group("measure") or each.group("measure2")).strip())
        names = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", each.group("names") or each.group("names2"))
        rest = each.group("rest") or each.group("rest2") or ""
        return tuple(f"What is {name}'s {measure}{rest}?" for name in names if name)
    if (more := _HOW_MUCH_MORE_INTO.match(question)) is not None:
        # "How much more did Amazon put into OpenAI than into Anthropic?": what it put into each (the articles state no
        # difference; the reader is given both)
        return f"How much {more.group('head')} {more.group('a')}?", f"How much {more.group('head')} {more.group('b')}?"
    if (more := _HOW_MUCH_MORE_IS.match(question)) is not None:
        # "How much larger is OpenAI's valuation than Anthropic's?": each one's
        verb = more.group("be").lower()
        return f"What {verb} {more.group('a')}'s {more.group('measure')}?", f"What {verb} {more.group('b')}'s {more.group('measure')}?"
    m = _COMPARED.match(question)
    if m is None or (m.group("aux") is not None and not _COMPARING_VERB.search(question)):
        return None  # "How does ...": a comparison only where it says "compare" ("stack up against")
    verb = "was" if (m.group("aux") or "").lower() == "did" else "is"
    measure = m.group("measure").strip()
    return f"What {verb} {m.group('a')}'s {measure}?", f"What {verb} {m.group('b')}'s {measure}?"


def asked_of(ask: str, question: str) -> str:
    """The clause of `question` asked with other wh-words: ("When", "How much did Amazon invest in OpenAI?") -> "When
    did Amazon invest in OpenAI?"; with no auxiliary, the clause after its first wh-word ("Who invented the steam
    engine?" -> "When invented the steam engine?", enough to search with)."""
    clause = question.strip().rstrip("?").strip()
    aux = _FIRST_AUX.search(clause)
    rest = clause[aux.start() :] if aux is not None else _LEADING_WH.sub("", clause)
    if aux is not None and aux.start() == 0:
        rest = rest[0].lower() + rest[1:]  # "Is Anthropic independent?" -> "Why is Anthropic independent?"
    asked = f"{ask.strip()} {rest}?"
    return f"{asked[0].upper()}{asked[1:]}"


# a first part that asks for a name ("Which firm has put money into Anthropic?", "Which company did Amazon invest
# in?"): its wh-phrase, auxiliary and the rest of its clause
_NAME_ASKED = re.compile(rf"^\W*(?:who|whom|(?:which|what)(?:\s+[\w'’-]+){{1,6}}?)\s+(?P<aux>{_AUX})\s+(?P<rest>[^?]+?)\s*\??$", re.IGNORECASE)
# after the auxiliary, a subject of the clause's own (the wh-phrase is then its object): a name or a determiner
_OWN_SUBJECT = re.compile(r"^(?:[A-Z]|(?:the|a|an|its|their|his|her|it|they|he|she|this|that|these|those)\b)")
_PREPOSITIONS = frozenset("in into on at by for from to with about of".split())


def asked_of_answer(first: str, second: str, answer: str) -> str | None:
    """The second part asked of the first part's answer, where the first asks for a name and the second only asks
    more of the same clause: ("Which firm has put money into Anthropic?", "How much has put money into Anthropic?",
    "Google") -> "How much has Google put money into Anthropic?"; ("Which company did Amazon invest in in February
    2026?", "How much did Amazon invest in in February 2026?", "OpenAI") -> "How much did Amazon invest in OpenAI in
    February 2026?". None otherwise."""
    m = _NAME_ASKED.match(first.strip())
    if m is None or not answer:
        return None
    aux, rest = m.group("aux"), m.group("rest")
    clause = f"{aux} {rest}?"
    if not second.lower().endswith(" " + clause.lower()):
        return None
    ask = second[: len(second) - len(clause)].strip()
    if aux.lower() not in ("do", "does", "did") and not _OWN_SUBJECT.match(rest):
        return f"{ask} {aux} {answer} {rest}?"  # the wh-phrase was the subject
    words = rest.split()
    # the wh-phrase was the object: after its stranded preposition ("invest in in February" -> "invest in OpenAI in
    # February"), else at the clause's end
    at = next((i + 1 for i in range(len(words) - 1) if words[i].lower() in _PREPOSITIONS and words[i + 1].lower() in _PREPOSITIONS),
              len(words))
    return f"{ask} {aux} {' '.join([*words[:at], answer, *words[at:]])}?"


# a follow-up that is only wh-words: "When?", "And how much?", "Where exactly?", "In what year?", "Over what period?",
# "What chips?", "How much was it?" (the words it asks with, a noun or two, and "is it" or "was that")
_BARE_FOLLOWUP = re.compile(
    rf"^\W*(?:and\s+|so\s+|then\s+)?(?P<ask>(?:(?:over|{_PREPOSITION})\s+)?(?:what|which)(?:\s+{_NOUN}){{1,2}}"
    rf"|{_ASK}(?:\s+(?:year|month|date|day|country|city|company|article|source))?)(?:\s+(?:exactly|then|precisely))?"
    r"(?:\s+(?:is|was|are|were)\s+(?:it|that|this|they|those|these))?\W*$",
    re.IGNORECASE,
)


def bare_followup(question: str, previous: str) -> str | None:
    """ "When?" after "How much did Amazon invest in OpenAI?": "When did Amazon invest in OpenAI?", the previous
    question's clause asked with the follow-up's wh-words; None where the question is not only wh-words or the
    previous one asks with the same ones."""
    m = _BARE_FOLLOWUP.match(question.strip())
    if m is None or not _OPENS_QUESTION.match(previous.strip()):
        return None
    ask = m.group("ask")
    if previous.strip().lower().startswith(ask.lower() + " "):
        return None  # "When?" after "When did ...?" asks nothing new
    return asked_of(ask, previous)


PART_SEPARATOR = "; "
SENTENCE_SEPARATOR = " … "


def joined(question: str, parts: Sequence[tuple[str, Answer]], labels: Sequence[str] = ()) -> Answer:
    """One answer to a question asked in parts: the parts' answers in order, their sentences and sources together
    (each source once), and a note naming each part no source answers. An abstention only where no part is
    answered. `labels`, one a part, name whose each answer is ("Anthropic: approximately $60 billion")."""
    answered = [a for _, a in parts if not a.abstained]
    unanswered = [p for p, a in parts if a.abstained]
    notes = list(dict.fromkeys(a.note for _, a in parts if a.note))  # one note said of both parts is said once
    if unanswered:
        notes.append("No source answers " + " nor ".join(f'"{p}"' for p in unanswered) + ".")
    if not answered:
        return Answer.abstain(question, max(a.confidence for _, a in parts), " ".join(notes))
    citations: list[Citation] = []
    for a in answered:
        citations += [c for c in a.citations if c not in citations]
    conflicts: list[Conflict] = []
    for a in answered:
        conflicts += [c for c in a.conflicts if c not in conflicts]
    sentences = list(dict.fromkeys(a.sentence for a in answered if a.sentence))
    return dataclasses.replace(
        answered[0],
        question=question,
        text=PART_SEPARATOR.join(dict.fromkeys(  # (two parts answered alike are answered once)
            f"{label}: {a.text}" if label else a.text
            for (_, a), label in zip(parts, labels or [""] * len(parts), strict=True) if not a.abstained)),
        sentence=SENTENCE_SEPARATOR.join(sentences),
        confidence=round(min(a.confidence for a in answered), 4),
        citations=tuple(citations),
        conflicts=tuple(conflicts),
        figure=None,
        source_count=max(len(citations), *(a.source_count for a in answered)),
        lead_basis=next((a.lead_basis for a in answered if a.lead_basis), ""),
        conflict_count=sum(a.conflict_count for a in answered),
        note=" ".join(notes),
    )
