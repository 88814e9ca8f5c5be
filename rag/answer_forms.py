"""Whole answers by answer type, cut from one sentence: yes/no from its polarity, "what is the X" from a copular
sentence, the reason clause for why and how, coordinated lists of names. Pure text rules, no model.

Each function returns (start, end, text) offsets into the sentence, or None when the sentence has no such form;
the yes/no answer prefixes the sentence's own words with "Yes:" or "No:".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.figures import BOUND_QUALIFIERS, extract_figures, same_value
from rag.lexical import content_terms
from rag.mismatch import spans_of_time
from rag.negation import POLARITY_NEGATION
from rag.opposites import says_other_degree, says_the_opposite
from rag.records import Figure
from rag.spans import NAME_NUMBER
from rag.timewords import months_in, periods_in, year_parts_in, years_in
from rag.units import ANY_UNIT

Cut = tuple[int, int, str]

_REASON = re.compile(
    r"\b(?:because(?: of)?|since|due to|as a result of|owing to|so that|in order to|thanks to|given that|in response to"
    r"|in an (?:effort|attempt) to|so as to|for fear of|in protest (?:at|against|of))\b(?:[^.;]|\.(?=\d))*",
    re.IGNORECASE,
)
# "since" of time, not of cause: after a perfect ("has evolved rapidly since ...") or before a date ("since 2023")
_SINCE_OF_TIME = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ung|t)\b[^.;]*$"
    r"|^since\s+(?:then\b|(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d\b|(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b)",
    re.IGNORECASE,
)
# a verb whose object is the cause, for "why" (not "how": "shares climbed, reflecting investor confidence" is no
# manner): "the commitment reflects the enormous computational requirements ..."
_CAUSE_VERBS = (r"reflects|reflecting|stems from|stemming from|(?:is|are|was|were) (?:driven|justified|explained|caused|"
                r"motivated|prompted) by|results from|resulting from")
_CLAUSE_REST = r"(?:[^.;]|\.(?=\d))*"  # to the clause's end; a decimal point ("$2.75 billion") is no end
_CAUSE_VERB = re.compile(rf"\b(?:{_CAUSE_VERBS})\b{_CLAUSE_REST}", re.IGNORECASE)
# the words that only lead a cause or a means given as a noun phrase ("because" leads a clause and stays)
_CAUSE_LEAD = re.compile(rf"(?:due to|because of|owing to|thanks to|by means of|by|through|via|using|{_CAUSE_VERBS})\s+", re.IGNORECASE)
_MANNER = re.compile(rf"\b(?:by|through|via|using)\b\s+{_CLAUSE_REST}", re.IGNORECASE)
# what something depends on, for a "how" question ("How is the extra $20 billion conditioned?": "tied to commercial
# milestones"), to the clause's comma
_CONDITION = re.compile(r"\b(?:tied to|contingent (?:on|upon)|conditional (?:on|upon)|subject to|dependent (?:on|upon)"
                        r"|depending (?:on|upon)|linked to)\s+[^,.;]+", re.IGNORECASE)
# a question that ends on what something depends on: "What are the extra $20 billion contingent on?", "... tied to?"
ASKS_CONDITION = re.compile(
    r"\b(?:contingent|conditional|dependent|conditioned|tied|linked|subject|depends?)\s+(?:on|upon|to)\s*[?.!]*\s*$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:—–]|\s-\s|$")
# "Claude 3.5 Sonnet", "xAI"; a short aside in brackets stays with its name ("xAI (Elon Musk's venture) and Mistral AI")
_NAME = (rf"(?:[A-Z]|\b[a-z]{{1,3}}[A-Z])[\w’'&.-]*(?:\s+(?:of|the|de|&)?\s*[A-Z][\w’'&.-]*)*{NAME_NUMBER}(?:\s+[A-Z][\w’'&.-]*)*"
         r"(?:\s+\([^()]{1,40}\))?")
# "Microsoft and Google", "Google, Salesforce and Meta", and "Google, Salesforce, and others" (two names or more)
_COORDINATED = re.compile(
    rf"{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+(?:and|or|&)\s+{_NAME})"
    rf"|{_NAME}(?:\s*,\s*{_NAME})+(?=\s*,?\s+(?:and|or)\s+(?:others|more|other\s+[a-z]+|upcoming|future|new|[a-z]+\s+[a-z]+s)\b)"
    # "Cloud providers — Amazon, Microsoft, Google — are ...": three names or more set off by dashes or brackets
    rf"|(?<=[—–(:]\s){_NAME}(?:\s*,\s*{_NAME}){{2,}}(?=\s*[—–)])"
)


def polarity(sentence: str, terms: frozenset[str]) -> bool:
    """True for an affirmative sentence; False when a negation governs the words the question asks about
    (a "not" within a few words before them, in the same clause: "Amazon does not acquire a controlling stake —
    Anthropic remains an independent company" says yes to "does Anthropic remain independent?")."""
    for m in POLARITY_NEGATION.finditer(sentence):
        after = sentence[m.end() : m.end() + 60]
        end = _CLAUSE_END.search(after)
        after = after[: end.start()] if end else after
        if not terms or set(content_terms(after)) & terms:
            return False
    return True


# qualifiers that make a figure a floor: "more than $100bn" is no "up to $100bn"
FLOOR_QUALIFIERS = frozenset({"more than", "over", "at least", "above", "exceeding", "surpassing", "surpassed", "just over"})
_AT_LEAST = re.compile(r"\b(?:at least|no less than|not less than)\s+(?:the\s+)?$", re.IGNORECASE)
# a figure written as just below its value ("nearly 3%"), or below it
_BELOW_SAID = re.compile(r"\b(?:nearly|almost|just under|under|below|less than|fewer than|short of)\s+(?:the\s+)?$", re.IGNORECASE)
_MORE = re.compile(r"\b(?:more than|over|above|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|greater than|higher than|"
                   r"larger than|bigger than|beyond|past|passed|top(?:s|ped)?)\s+(?:the\s+)?$", re.IGNORECASE)
_LESS = re.compile(r"\b(?:less than|under|below|at most|fewer than|lower than|smaller than)\s+(?:the\s+)?$", re.IGNORECASE)


def said_bare(sentence: str, f: Figure) -> bool:
    """Whether a sentence states a figure without a word that puts it above or below its value ("pledged to spend $100
    billion", not "surpassed the $30 billion milestone" or "nearly 3%")."""
    return not f.qualifier and not (_MORE.search(sentence, 0, f.start) or _BELOW_SAID.search(sentence, 0, f.start))




def asked_periods(question: str, figures: Sequence[Figure]) -> frozenset[str]:
    """The periods a question counts its figure in: the one after the figure first ("annualized revenue $30 billion
    per week" -> {"week"}), else any it names."""
    after = next((question[question.find(f.text) + len(f.text):] for f in figures if f.text in question), "")
    return periods_in(after) or periods_in(question)


def compared_figures(question: str, figures: Sequence[Figure]) -> list[tuple[Figure, str]]:
    """The figures a yes/no question compares against, with the way (">" or "<"): "$1 billion" in "Does revenue exceed
    $1 billion?" -> [($1 billion, ">")]; none where it asks for a figure as it is."""
    out = []
    for f in figures:
        at = question.find(f.text)
        if at < 0 or f.unit == "year":
            continue
        if _AT_LEAST.search(question, 0, at):
            out.append((f, ">="))
        elif _MORE.search(question, 0, at) or f.qualifier in ("more than", "over", "above", "exceeding", "surpassing"):
            out.append((f, ">"))
        elif _LESS.search(question, 0, at) or f.qualifier in ("less than", "under", "below"):
            out.append((f, "<"))
    return out


# a phrase that says what another party does, set against the clause's own subject: "Unlike OpenAI, which bet on
# mass consumers ..., Anthropic focuses on the enterprise segment", "... on the enterprise rather than consumers"
_CONTRAST = re.compile(r"\b(?:unlike|in contrast to|contrary to|as opposed to|rather than|instead of)\b", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r"\s*(?:which|who|whose|where)\b", re.IGNORECASE)
_CONTRAST_END = re.compile(r"[,;:.—–()]|\s-\s|$")


def contrasted_spans(sentence: str) -> list[tuple[int, int]]:
    """The contrast phrases of a sentence, each from its opening words to the end of its clause; a relative clause
    after the contrasted name belongs to it ("Unlike OpenAI, which bet on mass consumers through ChatGPT,")."""
    def clause_end(start: int) -> int:
        found = _CONTRAST_END.search(sentence, start)  # it matches at the end of the text at the latest
        return found.start() if found is not None else len(sentence)

    out = []
    for m in _CONTRAST.finditer(sentence):
        end = clause_end(m.end())
        if sentence[end : end + 1] == "," and _RELATIVE_AFTER.match(sentence, end + 1):
            end = clause_end(end + 1)
        out.append((m.start(), end))
    return out


def _said_inside_outside(sentence: str, spans: list[tuple[int, int]]) -> tuple[set[str], set[str]]:
    """The stems a sentence says inside its contrast phrases (`spans`), and those it says outside them."""
    inside = set(content_terms(" ".join(sentence[a:b] for a, b in spans)))
    outside = set(content_terms("".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(sentence))))
    return inside, outside


def said_only_in_contrast(sentence: str, terms: frozenset[str], names: frozenset[str]) -> bool:
    """Whether at least as many of the question's words are said in the sentence only in a phrase set against its
    subject as only outside it, while none of the question's names is in that phrase: "Does Anthropic focus on consumers?" and "Unlike OpenAI, which
    bet on mass consumers ..., Anthropic focuses on the enterprise segment" (said of OpenAI); not "Does OpenAI ...?"."""
    spans = contrasted_spans(sentence) if names else []  # the parties set against each other are named ones
    if not spans:
        return False
    inside, outside = _said_inside_outside(sentence, spans)
    if inside & names:
        return False  # the question is about the contrasted party
    asked = terms - names
    only_inside, only_outside = asked & inside - outside, asked & outside - inside
    # as much of what is asked is said of the other party as of the subject ("consumers" against "focuses"); more
    # said of the subject is its own act, though the contrast names the object too ("chose to keep it open")
    return bool(only_inside) and len(only_inside) >= len(only_outside)


def set_apart(sentence: str, one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether a sentence names `one` (a name's stems) only in a phrase set against its subject and `other` only
    outside it: "Does Microsoft own a stake in Anthropic?" and "Unlike Microsoft's arrangement with OpenAI — which
    involves ... a reported 49% ownership stake — Amazon's deal with Anthropic is ..." says nothing of Microsoft and
    Anthropic together."""
    spans = contrasted_spans(sentence) if one and other else []
    if not spans:
        return False
    inside, outside = _said_inside_outside(sentence, spans)
    return one <= inside and not one & outside and other <= outside and not other & inside


def of_the_contrasted(sentence: str, start: int, end: int, names: frozenset[str], written: frozenset[str] = frozenset()) -> bool:
    """Whether the words at [start, end) lie in a phrase set against the sentence's subject while the question's
    names (stems) are all said outside it, and none of the words it capitalizes (`written`) inside: "What is the name
    of Anthropic's AI model?" and "Unlike OpenAI, which bet on mass consumers through ChatGPT, Anthropic focuses
    ...": ChatGPT is OpenAI's (not for "Which OpenAI product ...?")."""
    names_inside = names | written
    spans = contrasted_spans(sentence) if names else []
    inside = [(a, b) for a, b in spans if a <= start and end <= b]
    if not inside:
        return False
    said_inside, outside = _said_inside_outside(sentence, spans)
    return not names_inside & said_inside and names <= outside


NEGATION_REACH = 3  # words between a negation and the word it governs


def _negated_word(sentence: str, words: frozenset[str]) -> bool:
    """Whether a negation stands within NEGATION_REACH words before one of `words` ("did not fall")."""
    tokens = re.findall(r"[\w'’-]+", sentence.lower())
    for i, tok in enumerate(tokens):
        if tok in words and any(POLARITY_NEGATION.fullmatch(t) or t.endswith(("n't", "n’t")) for t in tokens[max(0, i - NEGATION_REACH) : i]):
            return True
    return False


def yes_no(
    sentence: str, terms: frozenset[str], figures: Sequence[Figure] = (),
    said: frozenset[str] = frozenset(), contrary: frozenset[str] = frozenset(), periods: frozenset[str] = frozenset(),
    compared: Sequence[tuple[Figure, str]] = (), done: bool = False, names: frozenset[str] = frozenset(),
    absence: bool = False, durations: Sequence[float] = (), months: frozenset[tuple[int, str]] = frozenset(),
    graded: frozenset[tuple[str, str, str]] = frozenset(), exact: bool = False, ordinals: frozenset[str] = frozenset(),
    year_parts: frozenset[tuple[str, str]] = frozenset(),
) -> Cut:
    """ "Yes: ..." or "No: ..." and the sentence. A question that names a figure ("Is Anthropic valued at $150
    billion?") is answered no by a sentence that gives another figure of that unit and not this one; one whose
    words have opposites (`said`, `contrary`: rag.opposites) by a sentence that says only the opposite ("Did the
    share price drop?" and "shares climbed nearly 3%"). `absence`: the question asks whether something is lacking
    ("... a minority holding that comes without a board seat?"), so a sentence that negates it says Yes. `durations`
    (in years): a sentence that gives spans of time and none of these says No ("over the next decade" for "over the
    next five years"); `months` (month and year pairs, rag.timewords.months_in): a sentence that dates it in another
    month of the same year says No; `year_parts` (rag.timewords.year_parts_in of the question): a
    sentence that dates it in another part of the same year says No ("late 2024" and "early 2024"); `graded` (rag.opposites.degrees of the question): a sentence that says the
    other degree of the word says No; `exact`: the question asks for the figure exactly ("Is it exactly $100
    billion?"), so a sentence that states it only hedged ("more than $100bn", "up to", "about") says No; `ordinals`
    (rag.answer_forms.ordinals_in of the question): a sentence that gives another and not these says No ("Is this
    Amazon's first mega-investment ...?" and "the second major mega-investment")."""
    word = "Yes" if polarity(sentence, terms) != absence else "No"
    if word == "Yes" and said_only_in_contrast(sentence, terms, names):
        word = "No"
    opposite = bool(said) and says_the_opposite(sentence, said, contrary)
    if opposite:
        # "Amazon holds a minority stake and does not have a board seat" for "Does Amazon hold a majority stake?":
        # No, whatever else the sentence negates; Yes only where a negation governs the opposite word itself
        word = "Yes" if _negated_word(sentence, contrary) else "No"
    elif said and word == "Yes" and _negated_word(sentence, said):
        word = "No"  # "Does Amazon own a majority of Anthropic?" and "Amazon does not acquire a controlling stake"
    if compared and not (opposite and word == "No"):  # (the figure bears out a part only: "... closed-source" is still No)
        # "Does Anthropic's annual revenue exceed $1 billion?" and "... has surpassed the $30 billion milestone": Yes
        stated = [f for f in extract_figures(sentence) if any(f.unit == g.unit for g, _ in compared)]
        if stated:
            # at the value asked, the sentence's own words say which side: "surpassed the $30 billion milestone" is
            # more than $30 billion, "nearly 3%" less than 3%; "at least" takes the value itself unless it is below
            holds = any(f.unit == g.unit and (
                f.value > g.value or (same_value(f.value, g.value) and bool(_MORE.search(sentence, 0, f.start))) if way == ">"
                else f.value >= g.value and not (same_value(f.value, g.value) and (
                    _BELOW_SAID.search(sentence, 0, f.start) or f.qualifier in BOUND_QUALIFIERS))  # "up to 5GW" is no "at least"
                if way == ">="
                else f.value < g.value or (same_value(f.value, g.value) and bool(_BELOW_SAID.search(sentence, 0, f.start))))
                for f in stated for g, way in compared)
            word = "Yes" if holds and polarity(sentence, terms) else "No"
    elif measured := [g for g in figures if g.unit != "year"]:  # a year dates the claim: below
        # (a number the question gives without a unit, "1 billion", is of any unit the sentence gives one in)
        stated = [f for f in extract_figures(sentence) if any(_of_unit(f, g) for g in measured)]
        same = [f for f in stated for g in measured if same_value(f.value, g.value) and _of_unit(f, g)]
        if stated and not same:
            word = "No"
        elif done and same and all(f.qualifier in BOUND_QUALIFIERS for f in same) and not any(
                g.qualifier in BOUND_QUALIFIERS for g in measured):
            word = "No"  # "Has Amazon invested $25 billion?" and "Amazon will invest up to $25 billion": a ceiling
        elif exact and same and not all(said_bare(sentence, f) for f in same):
            word = "No"  # "Is it exactly $100 billion?" and "more than $100bn over the next decade"
        elif same and any(g.qualifier in BOUND_QUALIFIERS for g in measured) and all(
                f.qualifier in FLOOR_QUALIFIERS or _MORE.search(sentence, 0, f.start) for f in same):
            word = "No"  # "Will Anthropic spend up to $100bn on AWS?" and "more than $100bn": a floor, not a ceiling
    if word == "Yes" and ordinals and (said_order := ordinals_in(sentence)) and not ordinals & said_order:
        word = "No"  # "Is this Amazon's first mega-investment in an AI lab?" and "the second major mega-investment"
    if word == "Yes" and graded and says_other_degree(sentence, graded):
        word = "No"  # "Is Google's relationship more exclusive than Amazon's?" and "less exclusive than Amazon's"
    if word == "Yes" and periods and (stated_periods := periods_in(sentence)) and not periods & stated_periods:
        word = "No"  # "Is Anthropic's revenue $30 billion per month?" and "annualized revenue ... $30 billion"
    if word == "Yes" and durations and (stated_spans := spans_of_time(sentence)) and not any(
            same_value(d, t) for d in durations for t in stated_spans):
        word = "No"  # "Will Anthropic spend $100bn on AWS over the next five years?" and "over the next decade"
    asked_years = years_in(" ".join(f.text for f in figures if f.unit == "year"))
    if asked_years and word == "Yes":
        # "Did Amazon invest $1.25 billion in Anthropic in 2024?" and "... its initial $1.25 billion investment in
        # September 2023": a sentence that dates what it says in other years only says No
        dated = years_in(sentence)
        if dated and not set(dated) & set(asked_years):
            word = "No"
    if months and word == "Yes" and (named := months_in(sentence)) and not months & named and (
            {year for _, year in months} & {year for _, year in named}):
        word = "No"  # "Did Amazon invest in OpenAI in January 2026?" and "In February 2026, the company invested ..."
    if year_parts and word == "Yes" and (named_parts := year_parts_in(sentence, with_months=True)) and not year_parts & named_parts and (
            {year for _, year in year_parts} & {year for _, year in named_parts}):
        word = "No"  # "Did the $2.75 billion come in late 2024?" and "an additional $2.75 billion in early 2024"
    return 0, len(sentence), f"{word}: {sentence}"


def _of_unit(stated: Figure, asked: Figure) -> bool:
    """Whether a sentence's figure is in the unit of one a question asks: the same, or any but a year where the
    question gives none ("Was it 1 billion?" and "$60 billion")."""
    return stated.unit == asked.unit or (asked.unit == ANY_UNIT and stated.unit not in ("year", "count", ANY_UNIT))


_ORDINAL = re.compile(r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", re.IGNORECASE)


def ordinals_in(text: str) -> frozenset[str]:
    """The ordinal words of a text, lower-case ("the second major mega-investment" -> {"second"})."""
    return frozenset(m.lower() for m in _ORDINAL.findall(text))


LIKENING_WORDS = r"(?:comparable|compared|similar|equivalent|akin|likened|equal)"  # before "to": "comparable to"
_LIKENING = re.compile(rf"\b(?:{LIKENING_WORDS}\s+to|the\s+equivalent\s+of)\s+", re.IGNORECASE)
_LIKENED_END = re.compile(
    r"\s*(?:[.;:—–(]|\s-\s|,\s+(?:which|who|and|but|while|or)\b|$"
    r"|\s(?:and|but|which|that|who)\s+(?:is|are|was|were|has|have|had|can|could|will|would|may|might|does|do|did)\b)"
)  # "similar to an automobile radiator and is used in ...": the clause goes on with another verb
# a sentence that opens by referring back to the one before: "To put this in scale: this is ...", "That is ..."
_REFERS_BACK = re.compile(r"^(?:[^.:]*:\s*)?(?:this|that|it|these|those|such)\b", re.IGNORECASE)


def likening(sentence: str, back: bool = False) -> Cut | None:
    """What the sentence likens something to: "the power output of five large thermal power plants" in "... this is
    comparable to the power output of five large thermal power plants — the exact amount ..."; the phrase ends
    with its clause. With `back`, only in a sentence that opens by referring to the one before."""
    if back and not _REFERS_BACK.search(sentence):
        return None
    m = _LIKENING.search(sentence)
    if m is None:
        return None
    end = _LIKENED_END.search(sentence, m.end())
    stop = end.start() if end is not None else len(sentence)
    return (m.end(), stop, sentence[m.end() : stop]) if stop > m.end() else None


ALTERNATIVE_TAIL = 2  # words of the question's after an either/or choice kept with it


def alternative(sentence: str, choices: Sequence[str], terms: frozenset[str]) -> Cut | None:
    """The one choice of an either/or question the sentence names ("Does Amazon hold a majority or a minority
    stake?" in "Amazon holds a minority stake ..." -> "a minority stake"): the choice, its article and the question's
    words that follow it; None where the sentence names both or neither."""
    found = []
    for choice in choices:
        stem = content_terms(choice)
        for m in re.finditer(r"[A-Za-z][\w-]*", sentence):
            if content_terms(m.group()) == stem:
                found.append((choice, m))
                break
    if len(found) != 1:
        return None
    m = found[0][1]
    start, end = m.start(), m.end()
    lead = re.search(r"\b(?:a|an|the)\s+$", sentence[:start], re.IGNORECASE)
    if lead is not None:
        start = lead.start()
    for _ in range(ALTERNATIVE_TAIL):  # "minority stake": the question's words right after it
        w = re.match(r"\s+([A-Za-z][\w-]*)", sentence[end:])
        if w is None or not set(content_terms(w.group(1))) & terms:
            break
        end += w.end()
    return start, end, sentence[start:end]


def definition(sentence: str, noun_stem: str) -> Cut | None:
    """ "What is the main risk?" in "The main risk is execution: if ..." -> "execution"."""
    if not noun_stem:
        return None
    for m in re.finditer(r"\b([A-Za-z][\w-]*)\s+(?:is|are|was|were|remains|lies in)\s+", sentence):
        words = content_terms(m.group(1))
        if words and words[0] == noun_stem:
            rest = sentence[m.end() :]
            end = _CLAUSE_END.search(rest)
            stop = end.start() if end else len(rest)
            text = rest[:stop].strip()
            if end is not None and rest[stop] == ":" and len(text.split()) <= LABEL_WORDS:
                # "The main risk is execution: if Anthropic's growth slows, ...": a one-word label, then what it means
                text = _explained(rest, stop)
            if text:
                start = m.end() + rest.index(text)
                return start, start + len(text), text
    return gloss(sentence, noun_stem)


LABEL_WORDS = 2  # a copula's other side this short, then a colon, is a label its explanation follows


def _explained(rest: str, colon: int) -> str:
    """A label and its explanation after the colon, up to a semicolon or the sentence's end: "execution: if
    Anthropic's growth slows, the long-dated purchase commitments become less valuable"."""
    end = re.compile(r";|\.(?:\s|$)|$").search(rest, colon + 1)
    return rest[: end.start() if end else len(rest)].strip()


# a word, perhaps quoted, then its gloss in brackets: "isobaric (constant pressure)", "left to "float" (rise and fall
# according to market demand)"
_GLOSSED = re.compile(r"\b([A-Za-z][\w-]*)['\"’”]?\s+\(([^()]{3,80})\)")


def gloss(sentence: str, noun_stem: str) -> Cut | None:
    """ "What does isobaric mean?" in "... are isobaric (constant pressure) processes" -> "constant pressure": the
    words in brackets right after the word asked about; not an acronym ("(AWS)"), a figure or a date in brackets."""
    for m in _GLOSSED.finditer(sentence):
        words = content_terms(m.group(1))
        inner = m.group(2).strip()
        if words and words[0] == noun_stem and " " in inner and not any(ch.isdigit() for ch in inner) and not inner.isupper():
            return m.start(2), m.start(2) + len(inner), inner
    return None


def _of_time(sentence: str, m: re.Match[str]) -> bool:
    """Whether a "since" clause tells when, not why."""
    if not m.group().lower().startswith("since"):
        return False
    return bool(_SINCE_OF_TIME.search(sentence[: m.start()]) or _SINCE_OF_TIME.match(m.group()))


# "What happens if Anthropic's growth slows?", "What would happen to NVIDIA if Trainium works at scale?", "What if ...?":
# a consequence asked of a condition
ASKS_CONSEQUENCE = re.compile(
    r"^\W*what\s+(?:(?:happens|happened|would\s+happen|will\s+happen|could\s+happen|might\s+happen)\s+(?:to\s+[^?]+?\s+)?"
    r"(?:if|when|once|should|in\s+case)|if)\s+(?P<condition>[^?]+?)\W*$",
    re.IGNORECASE,
)
# a condition and its consequence in a sentence: "if Anthropic's growth slows, the long-dated purchase commitments ..."
# or "... become less valuable if growth slows"
# (a clause that goes on with the condition is part of it: "If the water level drops, such that the temperature ...
# increases significantly, the lead melts"; the consequence ends at a comma: "..., warning the operators")
_IF_FIRST = re.compile(r"\b(?:if|once|should)\s+(?P<condition>[^,;:]+?(?:,\s*(?:such|so)\s+that\s+[^,;:]+)?),\s*(?:then\s+)?"
                       r"(?P<then>[^,;]+?)(?=[,;]|\.(?:\s|$)|$)", re.IGNORECASE)
_IF_AFTER = re.compile(r"(?:^|[:;,—–]\s*)(?P<then>[^,;:—–]+?)\s+(?:if|once)\s+(?P<condition>[^,;.]+)", re.IGNORECASE)


def consequence(sentence: str, asked: frozenset[str]) -> Cut | None:
    """What a sentence says follows from the condition a question asks of (`asked`, its content words): the clause
    beside an "if" clause that shares at least half of them ("What happens if Anthropic's growth slows down?" in "if
    Anthropic's growth slows, the long-dated purchase commitments become less valuable": "the long-dated purchase
    commitments become less valuable")."""
    for pattern in (_IF_FIRST, _IF_AFTER):
        for m in pattern.finditer(sentence):
            shared = asked & set(content_terms(m.group("condition")))
            if shared and 2 * len(shared) >= len(asked):
                then = m.group("then")
                text = then.strip()
                start = m.start("then") + len(then) - len(then.lstrip())
                return start, start + len(text), text
    return None


def condition(sentence: str) -> Cut | None:
    """What something depends on ("tied to commercial milestones"), to the clause's comma: how it is conditioned."""
    m = _CONDITION.search(sentence)
    return (m.start(), m.end(), m.group()) if m is not None else None


_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_INFINITIVE = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(to\s+[a-z][\w-]*\b[^—–;:.,()]*)")


def manner_after(sentence: str, verb: str) -> Cut | None:
    """How a verb of the question is done, said by the infinitive after it and its object ("which trains models to
    follow a set of principles rather than relying solely on human feedback" for "How does Constitutional AI train
    models?": "to follow a set of principles ..."), to the clause's end; `verb` is the question's verb's stem."""
    for w in _WORD.finditer(sentence):
        if content_terms(w.group()) != [verb]:
            continue
        m = _INFINITIVE.match(sentence, w.end())
        if m is not None:
            text = m.group(1).rstrip()
            return m.start(1), m.start(1) + len(text), text
    return None


# what something is given for, or the deal it belongs to: a weaker reason, read only where no sentence gives one
_EXCHANGE = re.compile(rf"\b(?:in (?:exchange|return) for|as (?:a )?part of)\s+{_CLAUSE_REST}", re.IGNORECASE)


def exchange(sentence: str) -> Cut | None:
    """What something is done in exchange for, or as part of ("in exchange for a 10-year contract to use AWS", "as
    part of the investment agreement"): the clause to its end."""
    m = _EXCHANGE.search(sentence)
    if m is None:
        return None
    text = m.group().rstrip(" ,")
    return m.start(), m.start() + len(text), text


def reason(sentence: str, manner: bool = False) -> Cut | None:
    """The reason clause ("because Amazon's investment flows back ..."); for "how" questions also a manner clause."""
    m = next((r for r in _REASON.finditer(sentence) if not _of_time(sentence, r)), None)
    m = m or (_MANNER.search(sentence) if manner else _CAUSE_VERB.search(sentence))
    if m is None:
        return None
    text = m.group()
    if not sentence[: m.start()].strip():  # "In response to American aid to Israel, OPEC raised ...": a fronted clause
        text = text.split(",", 1)[0]
    text = text.rstrip(" ,")
    start = m.start()
    lead = _CAUSE_LEAD.match(text)
    if lead is not None and lead.end() < len(text):  # "due to the outbreak of the war": the cause is "the outbreak of the war"
        start, text = start + lead.end(), text[lead.end() :]
    return start, start + len(text), text


# "is known as Wahhabism", "referred to as a practical Carnot cycle because ...", 'called "circular"'
_NAMING = re.compile(r"\b(?:called|known as|referred to as|termed|dubbed|nicknamed)\s+(?:an?\s+|the\s+)?", re.IGNORECASE)
_NAMING_END = re.compile(r"[,;:.()—–]|\s-\s|\s(?:because|when|which|that|where|who|while|since|for|by|in|to|and is|as|if|after|before)\b|$")
NAMING_WORDS = 6  # a name longer than this is a clause, not a name


_LEADING_ADVERB = re.compile(
    r"^(?:variously|commonly|usually|generally|sometimes|often|also|simply|informally|formally|collectively|popularly"
    r"|locally|officially|widely|now|later|originally)\s+(?=\S)"
)


def naming(sentence: str) -> Cut | None:
    """The name a sentence gives something: what follows "known as", "called", "referred to as" up to the clause's
    end ("is sometimes referred to as a practical Carnot cycle because ..." -> "practical Carnot cycle")."""
    for m in _NAMING.finditer(sentence):
        rest = sentence[m.end() :]
        # 'called "circular financing"', 'called the deal "circular"': the quoted words are the name
        quoted = re.match(r"(?:[^,;:.\"“]{0,40}?)[\"“]([^\"”]+)[\"”]", rest)
        if quoted is not None:
            start = m.end() + quoted.start(1)
            return start, start + len(quoted.group(1)), quoted.group(1)
        end = _NAMING_END.search(rest)
        text = rest[: end.start() if end else len(rest)].strip()
        text = _LEADING_ADVERB.sub("", text, count=1)  # "called variously combustion chamber": the name, not "variously"
        if text and len(text.split()) <= NAMING_WORDS:
            start = m.end() + rest.index(text)
            return start, start + len(text), text
    return None


# "the steam reverses its flow at each stroke (counterflow)", 'It was later called the "first oil shock"', in single
# quotes too ("the 'Token Economy'"; an apostrophe inside a word is no quote)
_ALTERNATE = re.compile(r"\(([^()\d]{2,40})\)|[\"“]([^\"“”]{2,40})[\"”]|(?<!\w)['‘]([^'‘’\n]{2,40}?)['’](?!\w)")
ALTERNATE_WORDS = 4  # a term in brackets or quotes longer than this is an aside, not another name


def alternate_names(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of the short terms a sentence gives in brackets or quotes: the other names it gives things."""
    out = []
    for m in _ALTERNATE.finditer(sentence):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        text = m.group(group).strip().rstrip(",;:.")  # "the 'Token Economy,' where": the comma is the sentence's
        if text and len(text.split()) <= ALTERNATE_WORDS:
            start = m.start(group) + m.group(group).index(text)
            out.append((start, start + len(text)))
    return out


# the words an acronym's long form may be made of: "Very high-speed Backbone Network Service", "Front Islamique de Salut"
_LONG_WORD = re.compile(r"[A-Za-z][\w’'&-]*")
EXPANSION_SLACK = 3  # lowercase words a long form may hold besides one word per letter ("de", "high-speed")


def expansion(sentence: str, acronym: str) -> Cut | None:
    """An acronym's long form where the sentence spells it out beside it: "Amazon Web Services (AWS)", "the FIS or
    Front Islamique de Salut" -> the words whose initials are the acronym's letters."""
    letters = re.sub(r"[^a-z0-9]", "", acronym.lower())
    if len(letters) < 2:
        return None
    most = len(letters) + EXPANSION_SLACK
    for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", sentence):
        before = re.search(r"(?:\(|,?\s+or)\s*$", sentence[: m.start()])
        if before is not None:  # "Amazon Web Services (AWS)", "Amazon Web Services, or AWS": the words right before
            words = list(_LONG_WORD.finditer(sentence[: before.start()]))
            for n in range(len(letters), min(most, len(words)) + 1):
                run = words[-n:]
                if _no_break(sentence, run) and run[-1].end() == len(sentence[: before.start()].rstrip()) and _initials(run, letters):
                    return run[0].start(), run[-1].end(), sentence[run[0].start() : run[-1].end()]
        after = re.match(r"\s*(?:\(|,?\s*or\s+|,\s*)", sentence[m.end() :])
        if after is not None:  # "the FIS or Front Islamique de Salut", "AWS (Amazon Web Services)"
            offset = m.end() + after.end()
            words = [w for w in _LONG_WORD.finditer(sentence, offset)][:most]
            for n in range(len(letters), len(words) + 1):
                run = words[:n]
                if run[0].start() == offset and _no_break(sentence, run) and _initials(run, letters):
                    return run[0].start(), run[-1].end(), sentence[run[0].start() : run[-1].end()]
    return None


def _no_break(sentence: str, run: Sequence[re.Match[str]]) -> bool:
    """The words follow each other with nothing but spaces between them."""
    return all(not sentence[a.end() : b.start()].strip() for a, b in zip(run, run[1:]))


def _initials(run: Sequence[re.Match[str]], letters: str) -> bool:
    """Each capitalized word gives the next letter by its initial; a lowercase word may give one or none. The first
    and last words give the first and last letters."""
    words = [m.group() for m in run]
    if not words[0][0].isupper():
        return False

    def fits(i: int, j: int) -> bool:  # words[i:] give letters[j:]
        if i == len(words):
            return j == len(letters)
        word = words[i]
        takes = j < len(letters) and word[0].lower() == letters[j] and fits(i + 1, j + 1)
        if word[0].isupper() or i in (0, len(words) - 1):
            return takes
        return takes or fits(i + 1, j)

    return fits(0, 0)


_OWNER = re.compile(r"['’]s?$")  # a member that owns what follows: "Google's"
_MEMBERS = re.compile(r"\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+")


# nouns that say little without what they are of: "importance" in "emphasized the importance of maintaining independence"
LIGHT_NOUNS = frozenset(
    "importance significance necessity need value role idea notion concept goal aim purpose prospect possibility lack absence".split()
)
MAX_COMPLEMENT_WORDS = 5  # the words of an "of" phrase taken with its light noun, at most
_OF_PHRASE = re.compile(
    rf"\s+of\s+(?:[\w'’-]+\s+){{0,{MAX_COMPLEMENT_WORDS - 1}}}?[\w'’-]+"
    r"(?=\s*(?:[,.;:—–()]|$)|\s+(?:to|that|which|who|without|with|and|but|while|as|for|in|on|by|from|at|is|are|was|were)\b)"
)


def with_complement(sentence: str, start: int, end: int) -> Cut | None:
    """A lone light noun with the "of" phrase that says what it is of ("importance of maintaining independence"), or
    None where the span is no such noun or no short "of" phrase follows it."""
    if sentence[start:end].lower() not in LIGHT_NOUNS:
        return None
    m = _OF_PHRASE.match(sentence, end)
    return (start, m.end(), sentence[start : m.end()]) if m is not None else None


def without_set_aside(text: str, aside: Sequence[str]) -> str:
    """A list of names without the names the question sets aside at its ends ("Google, Salesforce" -> "Salesforce"
    for "Besides Amazon and Google, who else ...?"), still as the sentence writes it; the list as it is where a
    set-aside name stands between others or every name is set aside."""
    if not aside:
        return text
    named = {name.lower() for name in aside}
    bounds = [0, *(i for sep in _MEMBERS.finditer(text) for i in sep.span()), len(text)]
    members = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True)]

    def set_aside(member: tuple[int, int]) -> bool:
        return text[member[0] : member[1]].strip().lower() in named

    while members and set_aside(members[0]):
        members.pop(0)
    while members and set_aside(members[-1]):
        members.pop()
    if not members or any(map(set_aside, members)):
        return text
    return text[members[0][0] : members[-1][1]]


_ADJECTIVE_OF_PLACE = re.compile(r"[A-Z][a-z]+(?:ean|ian|ese|ish)")  # "Asian", "European", "Chinese", "British"
_NOUN_AFTER = re.compile(r"\s+[a-z]+s\b")  # the plural noun right after a list of such adjectives


# a list of one-word members before the noun they share: "finance, healthcare, legal, and technology sectors", "sales
# and marketing teams"
_CLASS_LIST = re.compile(r"\b(?:[A-Za-z][\w-]*,\s+)+(?:and|or)\s+[A-Za-z][\w-]*\s+([a-z]+)\b|\b[A-Za-z][\w-]*\s+(?:and|or)\s+[A-Za-z][\w-]*\s+([a-z]+)\b")


def class_members(sentence: str, asked_class: str) -> Cut | None:
    """The members a sentence lists of the class a question asks for, with the class's noun ("Which sectors deploy
    Claude?": "finance, healthcare, legal, and technology sectors"); None where no list of common words or adjectives
    of places ends on that noun in the plural."""
    for m in _CLASS_LIST.finditer(sentence):
        noun = m.group(1) or m.group(2)
        members = _MEMBERS.split(sentence[m.start() : m.start(1 if m.group(1) else 2)])
        # common nouns (names are listed by `coordinated`) or adjectives of places, before a plural noun of the class
        if noun.endswith("s") and content_terms(noun) == [asked_class] and all(
                content_terms(member) and (member.islower() or _ADJECTIVE_OF_PLACE.fullmatch(member))
                for member in (part.strip() for part in members) if member):
            return m.start(), m.end(), m.group()
    return None


# what a class noun introduces as its members: "Geographical theories such as environmental determinism also ..."
_SUCH_AS = re.compile(r"\s*,?\s+(?:such as|like|including|notably|especially|namely)\s+")
_EXAMPLE_END = re.compile(r"\s*(?:[,;:.()—–]|\s-\s|$)|\s+(?:also|which|that|who|whose|is|are|was|were|has|have|had|can|could|will|would)\b")


def class_example(sentence: str, asked_class: str) -> Cut | None:
    """What a sentence gives as a member of the class a question asks for, after the class's noun and "such as",
    "like" or "including": "environmental determinism" of "Geographical theories such as environmental determinism
    also suggested ..." for "Which theory suggested ...?"; None where it gives none."""
    for m in re.finditer(r"[A-Za-z][\w-]*", sentence):
        if content_terms(m.group()) != [asked_class]:
            continue
        lead = _SUCH_AS.match(sentence, m.end())
        if lead is None:
            continue
        end = _EXAMPLE_END.search(sentence, lead.end())
        stop = end.start() if end is not None else len(sentence)
        if sentence[stop : stop + 1] in (",", ".") and sentence[stop + 1 :].strip():
            continue  # "scholars such as biologist E. O. Wilson, cognitive scientist ...": one of a list, or cut short
        if stop > lead.end():
            return lead.end(), stop, sentence[lead.end() : stop]
    return None


def where_clause(sentence: str, names: Sequence[str]) -> Cut | None:
    """The clause a sentence sets right after one of the names, quoted or not, that says what holds in it: "the 'Token
    Economy,' where the increasing volume ... are driving revenue growth" -> "the increasing volume ... growth"."""
    for name in names:
        m = re.search(rf"{re.escape(name)}[,'’\"”]*\s*,?\s*(?:where|in which)\s+([^.;:—]+)", sentence)
        if m is not None:
            text = m.group(1).rstrip(" ,")
            return m.start(1), m.start(1) + len(text), text
    return None


def coordinated(sentence: str, start: int, end: int) -> Cut | None:
    """A list of names around one name span: "Microsoft and Google", "Google, Salesforce, and others"."""
    for m in _COORDINATED.finditer(sentence):
        if m.start() <= start and end <= m.end():
            text = m.group()
            members = _MEMBERS.split(text)
            if _OWNER.search(members[-1]) and not _OWNER.search(members[0]):
                # "Microsoft's partnership with OpenAI and Google's internal AI development": the names of two owned
                # things are coordinated, not "OpenAI and Google"
                return None
            if text.endswith(".") and "." not in text.rsplit(None, 1)[-1][:-1]:
                text = text[:-1]  # the sentence's full stop, not an abbreviation's ("U.S.")
            if all(_ADJECTIVE_OF_PLACE.fullmatch(member.strip()) for member in members if member.strip()):
                # "Asian and European markets": adjectives of places say what they qualify with its noun
                noun = _NOUN_AFTER.match(sentence, m.start() + len(text))
                if noun is not None:
                    text = sentence[m.start() : noun.end()]
            return m.start(), m.start() + len(text), text
    return None
