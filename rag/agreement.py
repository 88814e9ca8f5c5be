"""Questions about agreement itself: "Do the articles agree on Anthropic's annual revenue?".

Such a question is answered by asking what it is about ("What is Anthropic's annual revenue?") and reading the
answer's verdict: "No: " and the leading figure's sentence, with the other figures shown, where the sources
disagree; "Yes: " where two or more articles state the answer and none gives another; and where only one article
states it, that it is the only one (one source's answer is no agreement). "Do the sources disagree ...?" takes the
opposite word.
"""

from __future__ import annotations

import dataclasses
import re

from rag.lexical import content_terms
from rag.records import Answer

_ASKS_AGREEMENT = re.compile(
    r"^\W*(?:do|does|did|are|is)\s+(?:the\s+|all\s+(?:the\s+)?|these\s+|both\s+)?"
    r"(?:articles?|sources?|reports?|outlets?|stories|coverage|accounts?|publications?)\s+(?:all\s+)?"
    r"(?P<verb>agree|disagree|differ|conflict|in agreement|in conflict|consistent|inconsistent)"
    r"(?:\s+(?:on|about|over|in|regarding|as to|with each other on|with one another on))?\s+(?P<topic>.+?)\W*$",
    re.IGNORECASE,
)
# "Does any article contradict the $30 billion revenue figure?": whether another source gives another figure
_CONTRADICTS = re.compile(
    r"^\W*(?:does|do|did)\s+(?:any|another|an?|some|other|the\s+other)\s+(?:other\s+)?"
    r"(?:articles?|sources?|reports?|outlets?|stor(?:y|ies)|accounts?)\s+"
    r"(?P<verb>contradict|dispute|challenge|disagree\s+with|conflict\s+with|differ\s+from|give\s+a\s+different\s+figure\s+for)"
    r"\s+(?P<topic>.+?)\W*$",
    re.IGNORECASE,
)
# what names the claim rather than what it is about: "the $30 billion revenue figure" is of the revenue
_CLAIM_WORDS = re.compile(r"[$€£]?\d[\d.,]*\s*(?:%|billion|million|trillion|bn|m|gw|gigawatts?)?\s*|\s+(?:figure|number|claim|estimate|amount)s?\b",
                          re.IGNORECASE)
_IS_THERE = re.compile(
    r"^\W*(?:is|was|are)\s+there\s+(?:any\s+|a\s+|an\s+)?"
    r"(?P<verb>disagreement|agreement|conflict|consensus|discrepancy|contradiction)s?\s+"
    r"(?:among|between|in|across|within)\s+(?:the\s+)?(?:articles?|sources?|reports?|outlets?|stories|coverage|accounts?)"
    r"(?:\s+(?:on|about|over|regarding|as to))?\s+(?P<topic>.+?)\W*$",
    re.IGNORECASE,
)
_SOURCES = r"(?:articles?|sources?|reports?|outlets?|stories|accounts?|publications?|pieces?|coverage)"
# "Did the reported size of the investment differ between articles?", "Is the revenue figure the same in all sources?",
# "Do the articles give different figures for the revenue?": the topic first, or the figures the articles give
_TOPIC_FIRST = (
    re.compile(
        r"^\W*(?:do|does|did|has|have)\s+(?P<topic>.+?)\s+(?P<verb>differ|vary|conflict|change)\s+"
        rf"(?:between|across|among|from\s+one\s+\w+\s+to\s+another\s+in|in)\s+(?:the\s+|different\s+|all\s+(?:the\s+)?)?{_SOURCES}\W*$",
        re.IGNORECASE),
    re.compile(
        r"^\W*(?:is|are|was|were)\s+(?P<topic>.+?)\s+(?P<verb>the\s+same|consistent|different)\s+(?:in|across|among|between)\s+"
        rf"(?:all\s+|every\s+|each\s+|the\s+)*{_SOURCES}\W*$",
        re.IGNORECASE),
    re.compile(
        rf"^\W*(?:do|does|did)\s+(?:the\s+|all\s+(?:the\s+)?)?{_SOURCES}\s+(?:give|report|cite|state|quote|use)\s+"
        r"(?P<verb>different|the\s+same|conflicting|differing)\s+(?:figures?|numbers?|amounts?|values?|dates?|totals?)\s+"
        r"(?:for|on|about|of)\s+(?P<topic>.+?)\W*$",
        re.IGNORECASE),
)
# "How do the articles differ on how much Amazon's new investment is — $4 billion or $5 billion?"
_HOW_DIFFER = re.compile(
    rf"^\W*(?:how|where|in\s+what\s+way)\s+(?:do|does|did)\s+(?:the\s+|these\s+|both\s+)?{_SOURCES}\s+"
    r"(?P<verb>differ|disagree|vary|conflict)\s+(?:on|about|over|regarding|as\s+to|in)\s+(?P<topic>.+?)\W*$",
    re.IGNORECASE,
)
# "Which sources disagree about how much Amazon has invested in total?": the sources on each side
_WHICH_DIFFER = re.compile(
    rf"^\W*(?:which|what)\s+(?:of\s+the\s+)?{_SOURCES}\s+(?P<verb>disagree|differ|conflict|contradict\s+each\s+other|are\s+in\s+conflict)\s+"
    r"(?:on|about|over|regarding|as\s+to|in)\s+(?P<topic>.+?)\W*$",
    re.IGNORECASE,
)
# "How has Anthropic's reported revenue changed between reports?": the older figure and the newer one
_HOW_CHANGED = re.compile(
    r"^\W*how\s+(?:has|have|did|does|do)\s+(?:the\s+)?(?P<topic>.+?)\s+(?P<verb>change[ds]?|evolved?|shift(?:ed)?|move[ds]?|grown|grow)\s+"
    rf"(?:between|across|among|from\s+one\s+\w+\s+to\s+(?:another|the\s+next)|over|in)\s+(?:the\s+|different\s+|these\s+)?{_SOURCES}\W*$",
    re.IGNORECASE,
)
# "Which article gives the older figure for Amazon's total investment?": the sources of one side, by age
_WHICH_SIDE = re.compile(
    rf"^\W*(?:which|what)\s+(?:of\s+the\s+)?{_SOURCES}\s+(?:gives?|has|have|reports?|states?|says?|carr(?:y|ies)|cites?|uses?)\s+the\s+"
    r"(?P<side>older|earlier|outdated|stale|previous|old|newer|newest|latest|more\s+recent|most\s+recent|current|updated|new"
    r"|lower|smaller|higher|bigger|larger)\s+"
    r"(?:figure|number|amount|estimate|total|value|one)\s+(?:for|on|about|of|regarding)\s+(?P<topic>.+?)\W*$",
    re.IGNORECASE,
)
_OLDER_SIDE = frozenset({"older", "earlier", "outdated", "stale", "previous", "old"})
_BY_VALUE = frozenset({"lower", "smaller", "higher", "bigger", "larger"})  # a side by its figure (rag.attribution.side_sources)
_ALTERNATIVES_AFTER = re.compile(r"\s*[—–:,(]\s*[^—–:,(]*\bor\b[^—–:,(]*\)?\s*$")  # " — $4 billion or $5 billion"
_INDIRECT = re.compile(r"^(?P<wh>(?i:how\s+(?:much|many|big|large|long)|what|who|when|where))\s+(?P<subject>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
                       r"\s+(?P<aux>is|are|was|were|has|have|had|will|would|can)\b(?P<rest>.*)$")
# a topic that only points back at the previous answer: "the amount", "that figure", "it"
_OF_THE_ANSWER = re.compile(r"(?:the|that|this)\s+(?:amount|figure|number|sum|total|date|claim|fact|answer)|that|this|it", re.IGNORECASE)
_WH_START = re.compile(r"^(?:what|which|who|whom|whose|when|where|why|how)\b", re.IGNORECASE)
_NEGATIVE_VERBS = frozenset({"disagree", "differ", "conflict", "in conflict", "inconsistent", "disagreement", "discrepancy", "contradiction",
                             "vary", "change", "different", "conflicting", "differing"})
ONLY_ONE = "Only one source states it: "


@dataclasses.dataclass(frozen=True)
class AgreementQuestion:
    topic: str  # the question the agreement is about: "What is Anthropic's annual revenue?"
    asks_disagreement: bool  # "Do the sources disagree ...?": yes means they do
    asks_how: bool = False  # "How do the articles differ on ...?": the answer and what disagrees with it, no yes or no
    asks_which: bool = False  # "Which sources disagree about ...?": the sources of each figure
    side: str = ""  # "older" or "newer": "Which article gives the older figure for ...?"; "change": how it changed


# "Do the other articles agree?", "Do the sources disagree on that?": of the previous question
_AGREE_FOLLOWUP = re.compile(
    r"^\W*(?:and\s+|but\s+)?(?:do|does|did|are)\s+(?:the\s+|all\s+(?:the\s+)?|these\s+|both\s+)?(?:other\s+)?"
    r"(?:articles?|sources?|reports?|outlets?|stories|publications?)\s+(?:all\s+)?"
    r"(?P<verb>agree|disagree|differ|conflict|in agreement|in conflict|consistent|inconsistent|confirm|corroborate|back|support|"
    r"say the same|report the same)"
    r"(?:\s+(?:on|about|with)\s+(?:that|this|it|them|each other|one another)|\s+(?:that|this|it|them)(?:\s+up)?)?\W*$",
    re.IGNORECASE,
)  # "Do other sources confirm it?": whether another source states it too


# "Is this the same number as in the other articles?", "Do the other sources give the same figure?": whether they agree
_SAME_FOLLOWUP = re.compile(
    r"^\W*(?:and\s+|but\s+|so\s+)?(?:"
    r"(?:is|was)\s+(?:this|that|it)(?:\s+(?:number|figure|amount|total|sum|date))?\s+the\s+same(?:\s+(?:number|figure|amount|total|sum|date))?"
    rf"\s+(?:as\s+)?(?:in|across|among|for)\s+(?:the\s+)?(?:other\s+|all\s+(?:the\s+)?)?{_SOURCES}"
    rf"|(?:do|does)\s+(?:the\s+)?(?:other\s+|all\s+(?:the\s+)?)?{_SOURCES}\s+(?:all\s+)?(?:give|say|report|state|have|use|show)"
    r"\s+the\s+same(?:\s+(?:number|figure|amount|total|sum|date|thing))?"
    # "Is that confirmed?": whether another source states it too
    rf"|(?:is|was)\s+(?:that|this|it)\s+(?:confirmed|corroborated|backed\s+up)(?:\s+(?:by|in)\s+(?:other|another|more|any)\s+{_SOURCES})?"
    r")\W*$",
    re.IGNORECASE,
)


# "Does any article give a different figure?", "Do any sources say otherwise?": whether another source gives another
# figure than the previous answer
_DIFFERENT_FOLLOWUP = re.compile(
    r"^\W*(?:and\s+|but\s+|so\s+)?(?:do|does|did)\s+(?:any|another|an?|some|the)\s+(?:other\s+)?"
    rf"{_SOURCES}\s+(?:"
    r"(?:give|say|report|state|have|use|show|put|cite)\s+"
    r"(?:(?:a|any|an)\s+)?(?:different|another|other|conflicting|differing)(?:\s+(?:figures?|numbers?|amounts?|totals?|sums?|dates?|ones?))?"
    r"|(?:say|report|put\s+it|have\s+it)\s+(?:otherwise|differently))"
    r"(?:\s+(?:for|on|about|of)\s+(?:that|this|it))?\W*$",
    re.IGNORECASE,
)


def agreement_followup(text: str) -> bool:
    """Whether a question asks whether the other sources agree with the previous answer ("Do the other sources
    agree?", "Is this the same number as in the other articles?"): a follow-up that leaves the question it follows
    as the one to follow up next."""
    return any(p.match(text) is not None for p in (_AGREE_FOLLOWUP, _SAME_FOLLOWUP, _DIFFERENT_FOLLOWUP))


def agreement_question(text: str, previous: str | None = None) -> AgreementQuestion | None:
    """What an agreement question asks about, or None where the question is not one; "Do the other articles
    agree?" asks about the `previous` question."""
    follow = _AGREE_FOLLOWUP.match(text)
    if follow is not None:
        return AgreementQuestion(previous, follow.group("verb").lower() in _NEGATIVE_VERBS) if previous else None
    if _SAME_FOLLOWUP.match(text) is not None:
        return AgreementQuestion(previous, False) if previous else None
    if _DIFFERENT_FOLLOWUP.match(text) is not None:
        return AgreementQuestion(previous, True) if previous else None
    if (side := _WHICH_SIDE.match(text) or _HOW_CHANGED.match(text)) is not None:
        named = side.groupdict().get("side")
        word = " ".join((named or "").lower().split())
        asked_side = ("change" if named is None else word if word in _BY_VALUE else "older" if word in _OLDER_SIDE
                      else "newer")
        topic = _topic_question(side.group("topic").strip())
        return AgreementQuestion(topic, True, True, True, asked_side) if topic else None
    which = _WHICH_DIFFER.match(text)
    how = _HOW_DIFFER.match(text) or which
    if (against := _CONTRADICTS.match(text)) is not None and content_terms(topic := " ".join(_CLAIM_WORDS.sub(" ", against.group("topic")).split())):
        return AgreementQuestion(_topic_question(topic), True)
    m = how or _ASKS_AGREEMENT.match(text) or _IS_THERE.match(text) or next((m for p in _TOPIC_FIRST if (m := p.match(text))), None)
    if m is None:
        return None
    topic = _ALTERNATIVES_AFTER.sub("", m.group("topic")).strip()
    if not topic:
        return None
    if previous and _OF_THE_ANSWER.fullmatch(topic):
        # "Do all sources agree on the amount?" after "How much is Amazon investing?": of the previous question
        return AgreementQuestion(previous, " ".join(m.group("verb").lower().split()) in _NEGATIVE_VERBS)
    return AgreementQuestion(_topic_question(topic), " ".join(m.group("verb").lower().split()) in _NEGATIVE_VERBS, how is not None,
                             which is not None)


def _topic_question(topic: str) -> str:
    """The question an agreement question is about, from its topic: "Anthropic's annual revenue" -> "What is
    Anthropic's annual revenue?", "how much the investment is" -> "How much is the investment?"."""
    if _WH_START.match(topic):  # "on how much Amazon invested": the question it names
        # "how much the investment is": "how much is the investment"; "how much Amazon is putting in": "how much is Amazon putting in"
        topic = _INDIRECT.sub(r"\g<wh> \g<aux> \g<subject>\g<rest>", topic)
        topic = topic[0].upper() + topic[1:]
    else:
        topic = f"What is {topic}"
    return f"{topic}?"


def agreement_answer(question: str, asked: AgreementQuestion, answer: Answer) -> Answer:
    """The answer to the agreement question from the answer to what it is about."""
    if asked.asks_which and not answer.abstained:
        if asked.side in _BY_VALUE:
            from rag.attribution import side_sources  # (attribution reads answers: imported where used)

            # "Which source gives the lower figure for Anthropic's revenue?": the side whose figure is lower
            sided = side_sources(question, answer, asked.side)
            return sided if sided.abstained else dataclasses.replace(sided, text=f"{sided.text}: {sided.lead}")
        if asked.side == "older" and answer.conflicts and answer.lead_basis.startswith("newer"):
            from rag.attribution import older_answer  # (attribution reads answers: imported where used)

            # "Which article gives the older figure for ...?": cited from the older side's articles
            return dataclasses.replace(older_answer(question, answer), text=_sides(answer, asked.side))
        return dataclasses.replace(answer, question=question, text=_sides(answer, asked.side))
    if answer.abstained or asked.asks_how:
        return dataclasses.replace(answer, question=question)
    if answer.conflicts:
        word = "Yes" if asked.asks_disagreement else "No"
        text = f"{word}: {answer.sentence}"
    elif len({c.doc_id for c in answer.citations}) >= 2:  # articles, not sentences: one article saying it twice is one source
        word = "No" if asked.asks_disagreement else "Yes"
        text = f"{word}: {answer.sentence}"
    else:
        text = f"{ONLY_ONE}{answer.sentence}"
    return dataclasses.replace(answer, question=question, text=text)


def _sides(answer: Answer, side: str = "") -> str:
    """The sources on each side of a disagreement, each with its figure: "Amazon commits up to $25bn ...: $33bn;
    against it: Amazon Pours $4B More ...: $8 billion"; only the older side's, or the newer's, where `side` asks
    for one; the older, then the newer, for how it "change"d. Where none disagrees, that the sources agree (or that
    one source alone states it). The answer's figure leads as the newer where its sources are the newer ones
    (its lead basis says so), as rag.conflicts weighs them."""
    titles = "; ".join(dict.fromkeys(c.title or c.file for c in answer.citations))
    if not answer.conflicts:
        if len({c.doc_id for c in answer.citations}) < 2:
            return f"None: only one source states it ({titles}): {answer.lead}"
        return f"None: the sources that state it agree ({titles}): {answer.lead}"
    others = "; ".join(dict.fromkeys(f"{c.title or c.file}: {c.text}" for c in answer.conflicts))
    newer = answer.lead_basis.startswith("newer")
    if side == "older" and newer:
        return others
    if side == "newer" and newer:
        return f"{titles}: {answer.lead}"
    if side == "change" and newer:
        return f"From {others} (older) to {titles}: {answer.lead} (newer)"
    return f"{titles}: {answer.lead}; against it: {others}"
