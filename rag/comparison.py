"""Which of two is larger: "Which is valued higher, Anthropic or OpenAI?", "Which is larger, Amazon's investment in
OpenAI or its commitment to Anthropic?", "Who has invested more in Anthropic, Amazon or Google?".

Each side is asked as a figure question of its own ("How much is Anthropic valued?"), answered and cited on its own;
where both answers give a figure of one unit, the answer names the side whose figure is the larger (or the smaller,
as asked) with both figures as the articles write them. Where they cannot be set side by side (a side no source
answers, figures of two units), both answers are given as they are, and a note says why no side is named.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from rag.figures import parse_figures, same_value
from rag.parts import joined
from rag.records import Answer

_MORE = r"(?P<more>larger|bigger|higher|greater|more|smaller|lower|less|fewer)"
_LESS = frozenset({"smaller", "lower", "less", "fewer"})
# the two sides, after a comma or colon, as written: "..., Anthropic or OpenAI?", "...: its AWS pledge or the most Amazon
# could invest?"
_SIDES = r"\s*[,:]\s*(?P<a>[^,:?]+?)\s*,?\s+or\s+(?P<b>[^,:?]+?)\s*\??\s*$"
_WHICH = r"^\W*(?:which|who|what)(?:\s+(?:one|company|firm|investor|lab|startup|figure|amount|deal))?\s+"
_PATTERNS = (
    # "Which is larger, X or Y?", "Which was the bigger figure: X or Y?": each side's figure as it is
    ("thing", re.compile(rf"{_WHICH}(?:is|was|are|were)\s+(?:the\s+)?{_MORE}(?:\s+(?:one|figure|amount|sum|number))?{_SIDES}",
                         re.IGNORECASE)),
    # "Which is valued higher, X or Y?", "Which is worth more, X or Y?": how much each is valued, worth
    ("valued", re.compile(rf"{_WHICH}(?:is|was|are|were)\s+(?P<part>valued|worth|priced)\s+(?:at\s+)?{_MORE}{_SIDES}",
                          re.IGNORECASE)),
    # "Who has invested more in Anthropic, X or Y?", "Which company put more money into Anthropic, X or Y?"
    ("done", re.compile(rf"{_WHICH}(?:(?P<aux>has|have|had)\s+)?(?P<verb>[a-z]+ed|put|spent|paid|raised|sunk|poured)\s+{_MORE}"
                        rf"(?:\s+(?:money|cash|capital|funding))?(?P<rest>\s+(?:in|into|to|on|for)\s+[^,:?]+?)?{_SIDES}",
                        re.IGNORECASE)),
    # "Which company has the larger stake in Anthropic, X or Y?": each side's measure
    ("measure", re.compile(rf"{_WHICH}(?:has|had|have|holds|held|owns|owned|gets|got|received)\s+(?:the\s+)?{_MORE}\s+"
                           rf"(?P<measure>[a-z][a-z -]*?)(?P<rest>\s+(?:in|of|at|from|into)\s+[^,:?]+?)?{_SIDES}", re.IGNORECASE)),
)
# "Did Google invest more in Anthropic than Amazon did?", "Has Microsoft invested more than Amazon?": a yes/no of which
# of two did more
_NAMED = r"(?-i:[A-Z])[\w&.-]*(?:\s+(?-i:[A-Z])[\w&.-]*)*"
_DID_MORE = re.compile(
    rf"^\W*(?P<aux>did|does|do|has|have|had)\s+(?P<a>{_NAMED})\s+(?P<verb>[a-z]+)\s+{_MORE}(?:\s+(?:money|cash|capital|funding))?"
    rf"(?P<rest>\s+(?:in|into|to|on|for)\s+[^?]+?)?\s+than\s+(?P<b>{_NAMED})(?:\s+(?:did|does|do|has|have|had))?\s*\??\s*$",
    re.IGNORECASE,
)
# "Is Anthropic's annual revenue bigger than Amazon's $25 billion investment?": a yes/no of which of two is larger
_IS_MORE = re.compile(rf"^\W*(?:is|was|are|were)\s+(?P<a>(?-i:[A-Z])[^?]+?)\s+{_MORE}\s+than\s+(?P<b>[^?]+?)\s*\??\s*$", re.IGNORECASE)
# a side that ends in what is done to it, by a participle or "worth": "Anthropic valued", "OpenAI worth"
_DONE_LAST = re.compile(r"\s+(?P<verb>[a-z]+ed|worth)$")
_LEFT_OPEN = re.compile(r"\b(?:in|by|of|for|to|on|at|with|mentioned|named|cited|reported|said|given)$", re.IGNORECASE)
_COUNTED = re.compile(r"(?:one|two|three|four|five|a\s+few|several|\d+)\b", re.IGNORECASE)
# "Compare Amazon's total commitment to Anthropic with Microsoft's investment in OpenAI.": both, neither ranked
_SIDE = r"(?:the\s+|its\s+|their\s+)?(?-i:[A-Z])[^?]*?"
_COMPARE = re.compile(
    rf"^\W*(?:compare|contrast)\s+(?P<a>{_SIDE})\s+(?:with|against|versus|vs\.?|and)\s+(?P<b>{_SIDE})\s*[.?!]*\s*$"
    rf"|^\W*(?:compare|contrast)\s+(?P<a2>{_SIDE})\s+to\s+(?P<b2>(?:the\s+|its\s+|their\s+)?(?-i:[A-Z])[^?]*?['’]s?\s[^?]*?)\s*[.?!]*\s*$",
    re.IGNORECASE,
)
# "..., and by roughly how much?": how far apart the two are is read off both figures given
_BY_HOW_MUCH = re.compile(r"\s*,?\s*and\s+(?:by\s+)?(?:roughly\s+|about\s+|approximately\s+)?how\s+much(?:\s+(?:more|less|bigger|larger))?\s*(?=\?*\s*$)",
                          re.IGNORECASE)
_OWNER = re.compile(r"^(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*)['’]s?\s+(?P<rest>.+)$")
_ITS = re.compile(r"^(?:its|their)\s+", re.IGNORECASE)
_OWNED_ONLY = re.compile(r"^[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*['’]s$")  # "OpenAI's": the measure said before


@dataclass(frozen=True)
class Comparison:
    """Two sides of a comparison as written (each whole: "Amazon's commitment to Anthropic"), the figure question of
    each, and whether the larger or the smaller is asked for."""

    sides: tuple[str, str]
    questions: tuple[str, str]
    larger: bool
    ranked: bool = True  # "Compare X with Y" asks for both, not which is the larger
    yes_no: bool = False  # "Did Google invest more than Amazon?": Yes where the first side is the larger (or smaller)


def which_of_two(question: str) -> Comparison | None:
    """The comparison a "which of two is larger" question asks ("Compare X with Y": both, unranked), or None for any
    other question."""
    question = _BY_HOW_MUCH.sub("", question.strip())
    if (did := _DID_MORE.match(question)) is not None:
        aux, verb, rest = did.group("aux").lower(), did.group("verb"), did.group("rest") or ""
        a, b = did.group("a"), did.group("b")
        return Comparison((a, b), (f"How much {aux} {a} {verb}{rest}?", f"How much {aux} {b} {verb}{rest}?"),
                          did.group("more").lower() not in _LESS, yes_no=True)
    if (more := _IS_MORE.match(question)) is not None and not _figure_sides(more.group("a"), more.group("b")) and not (
            _LEFT_OPEN.search(more.group("a")) or _COUNTED.match(more.group("b"))):  # not "Is X mentioned in more than one article?"
        a, b = _whole_sides(more.group("a").strip(), more.group("b").strip())
        larger = more.group("more").lower() not in _LESS
        if (done := _DONE_LAST.search(a)) is not None:
            # "Is Anthropic valued higher than OpenAI?": how much each is valued, not what "Anthropic valued" is
            a, verb = a[: done.start()].strip(), done.group("verb")
            return Comparison((a, b), (f"How much is {a} {verb}?", f"How much is {b} {verb}?"), larger, yes_no=True)
        return Comparison((a, b), (f"What is {a}?", f"What is {b}?"), larger, yes_no=True)
    both = _COMPARE.match(question)
    if both is not None:
        a, b = _whole_sides(*(both.group(g) or both.group(g + "2") for g in ("a", "b")))
        if not _figure_sides(a, b):
            return Comparison((a, b), (f"What is {a}?", f"What is {b}?"), larger=True, ranked=False)
    for kind, pattern in _PATTERNS:
        m = pattern.match(question)
        if m is None:
            continue
        a, b = _whole_sides(m.group("a").strip(), m.group("b").strip())
        if _figure_sides(a, b):
            return None  # "Which is larger, $5 billion or $4 billion?" sets figures side by side, not things
        if kind == "thing":
            questions = (f"What is {a}?", f"What is {b}?")
        elif kind == "valued":
            questions = (f"How much is {a} {m.group('part')}?", f"How much is {b} {m.group('part')}?")
        elif kind == "done":
            aux = (m.group("aux") or "has").lower()
            rest = m.group("rest") or ""
            questions = (f"How much {aux} {a} {m.group('verb')}{rest}?", f"How much {aux} {b} {m.group('verb')}{rest}?")
        else:
            rest = m.group("rest") or ""
            questions = (f"What is {_owning(a)} {m.group('measure')}{rest}?", f"What is {_owning(b)} {m.group('measure')}{rest}?")
        return Comparison((a, b), questions, m.group("more").lower() not in _LESS)
    return None


def _figure_sides(a: str, b: str) -> bool:
    """Whether a side is a figure itself ("$5 billion"), not a thing that has one."""
    return any(re.sub(r"^(?:the|an?)\s+", "", side, flags=re.IGNORECASE)[:1] in "$€£0123456789" for side in (a, b))


def _whole_sides(a: str, b: str) -> tuple[str, str]:
    """The second side said whole: "its commitment to Anthropic" after "Amazon's investment in OpenAI" is Amazon's
    commitment; "OpenAI's" after "Anthropic's valuation" is OpenAI's valuation."""
    owner = _OWNER.match(a)
    if owner is not None and _ITS.match(b):
        b = f"{owner.group('owner')}'s {_ITS.sub('', b, count=1)}"
    elif owner is not None and _OWNED_ONLY.match(b):
        b = f"{b} {owner.group('rest')}"
    return a, b


def _owning(name: str) -> str:
    return name if name.endswith(("'s", "’s")) else f"{name}'s"


def compared(question: str, comparison: Comparison, answers: tuple[Answer, Answer]) -> Answer:
    """The answer to a comparison from the answers of its two figure questions: the side whose figure is the larger
    (or smaller) named first, with both figures and both answers' sources; both answers as they are, with a note,
    where the figures cannot be set side by side."""
    a, b = comparison.sides
    answers = (_as_given(a, answers[0]), _as_given(b, answers[1]))
    both = joined(question, list(zip(comparison.questions, answers, strict=True)))
    first, second = answers
    if both.abstained:
        return both
    if first.abstained or second.abstained or first.figure is None or second.figure is None:
        return _unranked(question, comparison, both, "No source gives a figure of each side to set them side by side.")
    if first.figure.unit != second.figure.unit:
        return _unranked(question, comparison, both, "The two figures are of different units.")
    if not comparison.ranked:
        return dataclasses.replace(both, text=f"{a}: {first.text}; {b}: {second.text}")
    if same_value(first.figure.value, second.figure.value) and first.sentence == second.sentence:
        # both sides answered by one figure of one sentence: no figure of each apart, nothing to rank
        return dataclasses.replace(both, text=f"{a}: {first.text}; {b}: {second.text}",
                                   note=_joined_note(both.note, "One figure of one sentence answers both sides: no source gives each its own."))
    if same_value(first.figure.value, second.figure.value):
        return dataclasses.replace(both, text=f"{'No: ' if comparison.yes_no else ''}The same: {a}: {first.text}; {b}: {second.text}")
    first_wins = (first.figure.value > second.figure.value) == comparison.larger
    if comparison.yes_no:  # "Did Google invest more than Amazon?": whether the first side is the one asked
        return dataclasses.replace(both, text=f"{'Yes' if first_wins else 'No'}: {a}: {first.text}; {b}: {second.text}")
    (win, win_answer), (lose, lose_answer) = ((a, first), (b, second)) if first_wins else ((b, second), (a, first))
    # where one side's sources disagree, its figure is the one they are set against
    disputed = [x for x in answers if x.conflicts]
    return dataclasses.replace(both, text=f"{win} ({win_answer.text}; {lose}: {lose_answer.text})",
                               figure=disputed[0].figure if len(disputed) == 1 else None)


def _unranked(question: str, comparison: Comparison, both: Answer, why: str) -> Answer:
    """Both answers as they are, with why no side is named; for a yes/no comparison ("Is Kunlun Wanwei larger than
    Nine United?"), no answer: there is no Yes or No to give."""
    if comparison.yes_no:
        return Answer.abstain(question, both.confidence, why)
    return dataclasses.replace(both, note=_joined_note(both.note, why))


def _as_given(side: str, answer: Answer) -> Answer:
    """A side's answer where the side states its own figure ("Amazon's new $5 billion investment"): that figure, as
    written, cited where the answer's sentence states it (the question gives it, the articles need not); the answer
    itself otherwise."""
    own = [f for f in parse_figures(side) if f.unit != "year"]
    if len(own) != 1 or (answer.figure is not None and same_value(answer.figure.value, own[0].value) and answer.figure.unit == own[0].unit):
        return answer
    stated = any(f.unit == own[0].unit and same_value(f.value, own[0].value) for f in parse_figures(answer.sentence))
    return dataclasses.replace(answer, text=own[0].text, figure=own[0], abstained=False,
                               citations=answer.citations if stated else (), conflicts=(), sentence=answer.sentence if stated else "")


def _joined_note(note: str, more: str) -> str:
    return f"{note} {more}".strip()
