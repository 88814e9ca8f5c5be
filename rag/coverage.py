"""Questions about the articles themselves: which of them mention something, how many do, which do not.

"Which articles mention Trainium?", "How many sources say Amazon invested $4 billion?", "Which articles do not mention
OpenAI?", "Does any article mention Gemini?", "Which article says Anthropic is independent?", "How many articles are
there?". A word or name is looked up in the BM25 postings (every word in one sentence: rag.index.view's
`_Lexical.mentions`); a figure in the figure index (the articles `rag figure` finds); a claim in words as a yes/no
question whose Yes (or, for a denial, No) cites the articles that state it. Each article found is cited at its first
sentence that says it. The lookups read bounded arrays and rows, so the answer costs about the same at any corpus
size; where a common word's postings run past the bound the count says "at least", and where more articles hold
several words than are read for one sentence that says them all, "about".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rag.attribution import source_name
from rag.claim_check import as_question, is_lowered, without_negation
from rag.figures import parse_figures
from rag.lexical import content_terms
from rag.phrases import parse
from rag.records import Answer, Citation, FigureLookup

SHOWN_ARTICLES = 8  # articles a coverage answer names and cites (newest first); the count covers them all

_SOURCES = r"(?:articles?|sources?|stor(?:y|ies)|reports?|outlets?|publications?|publishers?|pieces?|documents?|texts?|papers?)"
# "Which outlet calls this a circular investment?": the name a source gives it, looked up as a mention of the name
_CALLS = (r"(?:call(?:s|ed|ing)?|label(?:s|led|ling)?|dub(?:s|bed|bing)?|term(?:s|ed|ing)?|describ(?:es|ed|e|ing)|"
          r"characteri[sz](?:es|ed|e|ing)|portray(?:s|ed|ing)?|depict(?:s|ed|ing)?|fram(?:es|ed|e|ing))")
# "characterizes the arrangement as a circular investment": what it is called follows "as"
# ("calls the deal a circular investment": what it is called follows the object and "a")
_CALLED_AS = re.compile(r"^(?:the\s+|this\s+|that\s+|its\s+)?(?:[\w'’-]+\s+){1,3}?as\s+(?:an?\s+)?"
                        r"|^(?:the|this|that|its)\s+(?:[\w-]+\s+){1,3}?(?:an?)\s+(?=\S)", re.IGNORECASE)
_MENTION = (r"(?:mention(?:s|ed|ing)?|nam(?:es|ed|e|ing)|discuss(?:es|ed|ing)?|talk(?:s|ed)?\s+about|cover(?:s|ed)?|refer(?:s|red)?\s+to|"
            r"reference(?:s|d)?|bring(?:s)?\s+up|brought\s+up|write(?:s)?\s+about|wrote\s+about|report(?:s|ed)?\s+on|"
            r"deal(?:s|t)?\s+with|feature(?:s|d)?|include(?:s|d)?|contain(?:s|ed)?|cite(?:s|d)?|(?:is|are)\s+about|"
            rf"focus(?:es)?\s+on|{_CALLS})")
# a claim: what is said
_STATE = r"(?:say(?:s|ing)?|said|stat(?:es|ed|e|ing)|report(?:s|ed|ing)?|giv(?:es|e|ing)|gave|put(?:s|ting)?|plac(?:es|ed|e|ing)|peg(?:s|ged|ging)?|claim(?:s|ed|ing)?|not(?:es|ed|e|ing)|assert(?:s|ed)?|write(?:s)?|wrote)"
_NOT = r"(?:do\s+not|don'?t|does\s+not|doesn'?t|did\s+not|didn'?t|never|fail(?:s)?\s+to)"
_PASSIVE = r"(?:mentioned|named|discussed|covered|cited|referenced|reported)"
_END = r"(?:\s+at\s+all)?[\s?.!]*$"  # not "%" of "almost 3%?", nor a closing quote (stripped below)
_OF_THE = r"(?:of\s+(?:the|these)\s+)?"  # "which of the articles", "any of these sources"

# "Which articles (do not) mention X?", "How many sources say X?"
_ASKED = re.compile(
    rf"^(?P<ask>which|what|how\s+many)\s+{_OF_THE}(?P<noun>{_SOURCES})\s+(?:(?P<neg>{_NOT})\s+)?"
    rf"(?:also\s+|even\s+|ever\s+|actually\s+)?(?P<verb>{_MENTION}|{_STATE})\s+(?P<topic>.+?){_END}", re.IGNORECASE)
# "In which articles is X (not) mentioned?"
_ASKED_PASSIVE = re.compile(
    rf"^(?:in\s+|by\s+)?(?P<ask>which|what|how\s+many)\s+{_OF_THE}(?P<noun>{_SOURCES})\s+(?:is|are|was|were)\s+"
    rf"(?P<topic>.+?)\s+(?:(?P<neg>not|never)\s+)?(?P<verb>{_PASSIVE}){_END}", re.IGNORECASE)
# "Does any article mention X?", "Do any of the sources discuss X?"
_ANY = re.compile(
    rf"^(?:do|does|did)\s+any\s+{_OF_THE}(?P<noun>{_SOURCES})\s+(?P<verb>{_MENTION}|{_STATE})\s+(?P<topic>.+?){_END}",
    re.IGNORECASE)
# "Is X mentioned in any article?"
_ANY_PASSIVE = re.compile(
    rf"^(?:is|are|was|were)\s+(?P<topic>.+?)\s+(?P<verb>{_PASSIVE})\s+(?:in|by)\s+(?:any|some)\s+{_OF_THE}"
    rf"(?P<noun>{_SOURCES}){_END}", re.IGNORECASE)
# how many articles a yes/no question asks of: "in more than one article", "Do all the sources say ...?"
_QUANTITY = (r"(?P<quant>more\s+than\s+one|over\s+one|several|multiple|two\s+or\s+more|many|both|all|every|each|"
             r"only\s+one|just\s+one|a\s+single|one)")
QUANTITIES = {"more": ("more than one", "over one", "several", "multiple", "two or more", "many", "both"),
              "all": ("all", "every", "each"), "one": ("only one", "just one", "a single", "one")}
# "Is Trainium4 mentioned in more than one article?", "Is the 5-gigawatt figure in several sources?"
_COUNT_PASSIVE = re.compile(
    rf"^(?:is|are|was|were)\s+(?P<topic>.+?)\s+(?:(?:also\s+)?(?P<verb>{_PASSIVE}|found|given|stated|quoted)\s+)?(?:in|by|across)\s+"
    rf"{_QUANTITY}\s+{_OF_THE}(?:the\s+)?(?P<noun>{_SOURCES}){_END}", re.IGNORECASE)
# "Does more than one article mention Trainium4?", "Do all the sources say Amazon invested $4 billion?"
_COUNT_ACTIVE = re.compile(
    rf"^(?:do|does|did)\s+{_QUANTITY}\s+{_OF_THE}(?:the\s+)?(?P<noun>{_SOURCES})\s+(?:also\s+)?(?P<verb>{_MENTION}|{_STATE})\s+"
    rf"(?P<topic>.+?){_END}", re.IGNORECASE)
# "Which article is the oldest?", "Which is the most recent report on the deal?": an article by its time
_AGES = {"newest": ("newest", "latest", "most recent", "last", "youngest"), "oldest": ("oldest", "earliest", "least recent", "first")}
_AGE = r"(?P<age>newest|latest|most\s+recent|last|youngest|oldest|earliest|least\s+recent|first)"
_ABOUT_TOPIC = r"(?:\s+(?:on|about|covering|regarding|of|that\s+mentions?|mentioning)\s+(?P<topic>.+?))?"
_BY_AGE = (
    re.compile(rf"^(?:which|what)\s+{_OF_THE}(?P<noun>{_SOURCES})\s+(?:is|was)\s+(?:the\s+)?{_AGE}(?:\s+(?:one|{_SOURCES}))?{_ABOUT_TOPIC}{_END}",
               re.IGNORECASE),
    re.compile(rf"^(?:which|what)\s+is\s+the\s+{_AGE}\s+(?P<noun>{_SOURCES}){_ABOUT_TOPIC}{_END}", re.IGNORECASE),
)
# "How many articles are there?"
_ALL = re.compile(
    rf"^how\s+many\s+(?P<noun>{_SOURCES})\s+(?:are\s+there|do\s+(?:you|we|I)\s+have|are\s+(?:in|indexed|loaded)\b.*|"
    rf"(?:are\s+)?in\s+(?:total|all|the\s+(?:corpus|archive|index|collection))|have\s+you\s+(?:got|indexed))?\W*$", re.IGNORECASE)
# words that only say what the topic is, before it: "the term 'circular investment'", "anything about Gemini"
_TOPIC_LEAD = re.compile(r"^(?:anything\s+(?:about|on)\s+|(?:the\s+)?(?:word|term|name|phrase|words|expression)\s+|"
                         r"(?:this|it|that|them|these)\s+(?:as\s+)?(?:an?\s+)?)", re.IGNORECASE)  # "calls this a ..."
_OUTLETS = re.compile(r"^(?:outlet|publication|publisher|paper)", re.IGNORECASE)
_THAT = re.compile(r"^that\s+", re.IGNORECASE)  # "say that Amazon ...": the claim itself
_FOLLOWS_UP = frozenset({"that", "this", "it", "them", "those", "these", "so"})  # "Which articles say that?" (rag.followup)


@dataclass(frozen=True)
class CoverageQuestion:
    """What a question about the articles asks: `ask` is "which", "how many" or "any" (a yes/no), `topic` what they
    mention ("" for every article), `negated` for the articles that do not, `outlets` to name publishers."""

    ask: str
    topic: str
    negated: bool = False
    outlets: bool = False
    claim: bool = False  # a claim ("... say Anthropic is independent"): its sources state it, not only mention its words
    figured: bool = False  # the topic holds a figure (not a year): looked up in the figure index first
    quantity: str = ""  # a yes/no of how many articles: "more" than one, "one" only, "all" (QUANTITIES)
    age: str = ""  # "newest" or "oldest": the article asked for by its time
    named: str = ""  # the name of a topic that gives its role ("Salesforce" of "Salesforce as an Anthropic investor")

    @property
    def as_yes_no(self) -> tuple[str, bool]:
        """The claim asked as a yes/no question, and whether the claim denies it (then a No states it)."""
        return yes_no_of(self.topic)




_WH_CLAUSE = re.compile(r"^(?:how|when|where|who|whom|whose|what|which|why)\b", re.IGNORECASE)


def yes_no_of(claim: str) -> tuple[str, bool]:
    """A statement asked as a yes/no question (rag.claim_check.as_question: "Amazon owns a majority of Anthropic" ->
    "Does Amazon own a majority of Anthropic?"); as written, with "?", where the parse finds no verb with a subject. A
    negation is left out and returned ("Amazon does not have a board seat" -> ("Does Amazon have a board seat?",
    True)): the articles that state the claim are those that answer No."""
    if _WH_CLAUSE.match(claim):
        # "... report how many employees Anthropic has?": the question the clause asks, answered or not
        return f"{claim[0].upper()}{claim[1:].rstrip(' ?.!')}?", False
    statement, negated = without_negation(claim.rstrip(" ?.!"))
    asked = as_question(statement)
    if asked is None and _has_verb(statement):
        # "Anthropic commits to Trainium as its primary computing base", where the parse finds no subject of the verb
        # ("Anthropic" read as an adjective): asked whole
        return f"Is it true that {statement[:1].lower() + statement[1:] if is_lowered(statement) else statement}?", negated
    if asked is None and not parse_figures(statement) and content_terms(statement):
        # "Which source gives a valuation for Anthropic?": a thing, not a claim; the articles that answer what it is
        return f"What is {statement}?", False
    return (asked, negated) if asked is not None else (claim, False)


def _has_verb(statement: str) -> bool:
    """Whether the parse reads a verb at the root of the statement (a claim, not a thing named)."""
    doc = parse(statement)
    return doc is not None and any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") for t in doc)


# "Which outlet ran the piece that calls the deal ...?" asks as "Which outlet calls the deal ...?"
# ("Who published the piece calling the deal ...?" asks as "Which publisher calling the deal ...?")
_RAN_THE_PIECE = re.compile(
    rf"^(?P<asked>(?:which|what)\s+{_OF_THE}{_SOURCES}|who)\s+(?:ran|runs|published|publishes|carried|carries|wrote|writes|"
    r"put\s+out|had|has)\s+(?:the|a|an)\s+(?:piece|article|story|report|item|feature|column|post)\s+(?:(?:that|which)\s+|(?=\w+ing\b))",
    re.IGNORECASE,
)


def _ran_the_piece(m: re.Match[str]) -> str:
    asked = m.group("asked")
    return ("Which publisher" if asked.lower() == "who" else asked) + " "


_AS_ROLE = re.compile(r"\s+as\s+(?:an?|the|its|their|one\s+of\s+(?:the|its))\s+[^,]+$", re.IGNORECASE)  # "... as an Anthropic investor"
_ADDED = re.compile(r",?\s+(?:as\s+well|too|also)\s*$", re.IGNORECASE)


# "Which article is the only one to mention Kunlun Wanwei?" asks as "Which articles mention Kunlun Wanwei?"
_ONLY_ONE_TO = re.compile(rf"^(?P<asked>(?:which|what)\s+{_OF_THE}{_SOURCES})\s+(?:is|was)\s+the\s+(?:only|sole)\s+(?:one|{_SOURCES})\s+"
                          r"(?:to|that|which)\s+", re.IGNORECASE)


def coverage_question(text: str) -> CoverageQuestion | None:
    """The question as a question about the articles, or None."""
    text = _RAN_THE_PIECE.sub(_ran_the_piece, text.strip())
    text = _ONLY_ONE_TO.sub(lambda m: m.group("asked") + " ", text)
    for pattern in _BY_AGE:
        if (m := pattern.match(text)) is not None:
            said = " ".join(m.group("age").lower().split())
            age = next(a for a, words in _AGES.items() if said in words)
            topic = _TOPIC_LEAD.sub("", (m.group("topic") or "").strip()).strip(" \"'“”‘’")
            return CoverageQuestion("which", topic, outlets=bool(_OUTLETS.match(m.group("noun"))), age=age)
    if (m := _ALL.match(text)) is not None:
        return CoverageQuestion("how many", "", outlets=bool(_OUTLETS.match(m.group("noun"))))
    for pattern, ask in ((_ASKED, ""), (_ASKED_PASSIVE, ""), (_ANY, "any"), (_ANY_PASSIVE, "any"), (_COUNT_PASSIVE, "any"),
                         (_COUNT_ACTIVE, "any")):
        if (m := pattern.match(text)) is None:
            continue
        said = " ".join((m.groupdict().get("quant") or "").lower().split())
        quantity = next((q for q, words in QUANTITIES.items() if said in words), "")
        topic = _TOPIC_LEAD.sub("", m.group("topic").strip()).strip(" \"'“”‘’")
        topic = _ADDED.sub("", topic).strip()  # "... that Amazon invested in OpenAI as well": the claim is that it did
        if re.fullmatch(_CALLS, m.group("verb") or "", re.IGNORECASE):
            topic = _CALLED_AS.sub("", topic).strip(" \"'“”‘’")
        # "Which article mentions Salesforce as an Anthropic investor?": where no sentence holds the role's words
        # with the name, the name mentioned ("investments from Google, Salesforce, and others")
        role = _AS_ROLE.search(topic)
        named = topic[: role.start()] if role is not None and re.search(r"\b[A-Z]", topic[: role.start()]) else ""
        figured = any(f.unit != "year" for f in parse_figures(topic))  # "founded in 2019" is a claim, not a figure
        if topic.lower() in _FOLLOWS_UP or not (content_terms(topic) or figured):
            return None
        asked = ask or " ".join(m.group("ask").lower().split())
        if asked == "what":
            asked = "which"
        negated, outlets = bool(m.groupdict().get("neg")), bool(_OUTLETS.match(m.group("noun")))
        verb = m.group("verb") or "mentioned"  # "Is the 5-gigawatt figure in more than one article?"
        if re.fullmatch(_STATE, verb, re.IGNORECASE) and not re.fullmatch(_MENTION, verb, re.IGNORECASE):
            # "Which article says Anthropic is independent?", "How many sources say Amazon invested $4 billion?": a
            # claim, looked up in the figure index where it holds a figure, else (or where that finds none) the
            # sources of a Yes to it
            return None if negated else CoverageQuestion(asked, _THAT.sub("", topic), outlets=outlets, claim=True, figured=figured,
                                                         quantity=quantity)
        return CoverageQuestion(asked, topic, negated, outlets, figured=figured, quantity=quantity, named=named)
    return None


@dataclass(frozen=True)
class Mentioning:
    """The articles found to mention a topic: a citation each for the newest few, and how many in all."""

    citations: tuple[Citation, ...]
    count: int
    at_least: bool
    total: int  # live articles in the index
    holds: Callable[[str], bool] = lambda _doc_id: False  # whether an article (id) is among those found
    about: bool = False  # the count holds articles not read, that hold every word in one chunk (view.Mentions.about)


def coverage_answer(question: str, asked: CoverageQuestion, found: Mentioning, label: dict[str, str],
                    unmentioned: tuple[str, ...] = ()) -> Answer:
    """The answer to a coverage question from what was found: `label` names each cited or unmentioned article (its
    title, or its publisher where the question asks for outlets); `unmentioned` lists articles that do not mention the
    topic, for a negated question."""
    total, count = found.total, found.count
    if not asked.topic:
        return Answer(question, _articles(total), "", False, 1.0)
    more = "at least " if found.at_least else "about " if found.about else ""
    names = "; ".join(dict.fromkeys(label[c.doc_id] for c in found.citations))
    rest = f"; and {count - len(found.citations)} more" if count > len(found.citations) else ""
    searched = f"{_articles(total)} searched for {asked.topic!r}"
    if asked.negated:
        if found.at_least or found.about:  # the mentions were not all read: which articles lack it is not known
            return Answer.abstain(question, 0.0, f"{'At least' if found.at_least else 'About'} {count:,} articles mention"
                                                 f" {asked.topic!r}; too many to tell which do not.")
        missing = total - count
        if not missing:
            return Answer(question, f"None: every one of the {_articles(total)} mentions {asked.topic!r}", "", False, 1.0,
                          found.citations, source_count=count)
        listed = "; ".join(dict.fromkeys(label[d] for d in unmentioned))
        tail = f"; and {missing - len(unmentioned)} more" if missing > len(unmentioned) else ""
        lead = f"{missing} of {total}: " if asked.ask == "how many" else ""
        return Answer(question, f"{lead}{listed}{tail}", "", False, 1.0, note=f"{searched}; these do not mention it.")
    if not count:
        if asked.ask == "any":
            return Answer(question, f"No: none of the {_articles(total)} mentions {asked.topic!r}", "", False, 1.0, note=f"{searched}.")
        return Answer.abstain(question, 0.0, f"No article mentions {asked.topic!r} ({searched}).")
    sentence = found.citations[0].quote if found.citations else ""
    listed = f"{names}{rest}" if names else f"{more}{count:,} articles hold its words in one passage"  # counted, none read
    if asked.quantity:
        text = counted(asked.quantity, count, total, listed, f"{more}{count:,} of {_articles(total)}")
    elif asked.ask == "how many":
        text = f"{more}{count:,} of {_articles(total)}" + (f": {names}{rest}" if names else "")
    elif asked.ask == "any":
        text = f"Yes: {listed}"
    else:
        text = listed
    return Answer(question, text, sentence, False, 1.0, found.citations, source_count=count)


def by_age(question: str, asked: CoverageQuestion, found: Mentioning, label: Callable[[str], str],
           head: Callable[[str], tuple[str, str]]) -> Answer:
    """The newest or oldest of the articles `found` (newest first), with its time and why it is known: `head` gives
    a document id's (date, basis). The oldest of more articles than were read is the oldest of those read, said so;
    an article of unknown time is no answer to which is oldest."""
    cited = list(found.citations)
    if asked.age == "oldest":
        cited = [c for c in reversed(cited) if head(c.doc_id)[0]]
    if not cited:
        return Answer.abstain(question, 0.0, "No article found has a known date." if found.citations else "No article found.")
    first = cited[0]
    date, basis = head(first.doc_id)
    when = f" ({date}" + (f": {basis}" if basis and basis != date else "") + ")" if date else " (date unknown)"
    about = f" of those that mention {asked.topic!r}" if asked.topic else ""
    read = f" of the {len(found.citations)} newest read of {found.count:,}" if asked.age == "oldest" and found.count > len(found.citations) else ""
    note = f"The {asked.age} article{about}{read}, by the date the index knows for each."
    tied = [c for c in cited if date and head(c.doc_id)[0] == date]
    if len(tied) > 1:  # as old as one another, as far as the index knows
        text = f"{len(tied)} articles of the same time{when}: " + "; ".join(dict.fromkeys(label(c.doc_id) for c in tied))
        return Answer(question, text, first.quote, False, 1.0, tuple(tied), source_count=len(tied), note=note)
    return Answer(question, f"{label(first.doc_id)}{when}", first.quote, False, 1.0, (first,), source_count=1, note=note)


def from_claim(question: str, asked: CoverageQuestion, verdict: Answer, total: int, negated: bool = False,
               publisher: Callable[[str], str] = lambda _doc_id: "") -> Answer:
    """The articles that state a claim in words, from the answer to it asked as a yes/no question (`verdict`): a Yes
    cites them (a No, where the claim is a denial: `negated`); otherwise no article states it (a verdict against it
    is quoted: what its source says instead). `publisher` of a document id names it where outlets are asked for."""
    # a claim that is a wh-clause ("how many employees Anthropic has") is stated by any answer to its question
    stated = not verdict.abstained and (verdict.text.startswith("No" if negated else "Yes") or _WH_CLAUSE.match(asked.topic) is not None
                                        or _WH_CLAUSE.match(verdict.question) is not None)  # "What is a valuation for ...?"
    if not stated:
        if verdict.abstained or not verdict.citations:
            # the claim asked found in no words the answerer reads as it: not proof that no article says it otherwise
            return Answer.abstain(question, 0.0, f"No article was found that says {_said(asked.topic)} ({_articles(total)} searched).")
        instead = f' {verdict.citations[0].title or verdict.citations[0].file} says: "{verdict.sentence}"'
        return Answer.abstain(question, 0.0, f"No article says {_said(asked.topic)} ({_articles(total)} searched).{instead}")
    # an outlet asked for is named by its publisher, where its metadata gives one ("Which outlet reports that ...?")
    names = "; ".join(dict.fromkeys(source_name(c.title or c.file, publisher(c.doc_id), asked.outlets) for c in verdict.citations))
    count = max(verdict.source_count, len(verdict.citations))
    text = (counted(asked.quantity, count, total, names, f"{count} of {_articles(total)}") if asked.quantity
            else f"{count} of {_articles(total)}: {names}" if asked.ask == "how many" else f"Yes: {names}" if asked.ask == "any" else names)
    return Answer(question, text, verdict.sentence, False, verdict.confidence, verdict.citations, source_count=count)


def counted(quantity: str, count: int, total: int, names: str, share: str) -> str:
    """The Yes or No to how many articles state something, from how many do (`count` of `total`, said as `share`),
    and those articles (`names`): "more" than one ("Is Trainium4 mentioned in more than one article?" -> "No: only
    one: ..."), "one" only, or "all" of them."""
    held = {"more": count > 1, "one": count == 1, "all": count == total}[quantity]
    said = f"only one of {_articles(total)}" if count == 1 else share
    return f"{'Yes' if held else 'No'}: {said}: {names}"


def _said(topic: str) -> str:
    """What an article would say: "that Amazon owns Anthropic", "how many employees Anthropic has"."""
    return topic if _WH_CLAUSE.match(topic) else f"that {topic}"


def from_figures(lookup: FigureLookup, total: int) -> Mentioning:
    """The articles that state a figure (or a claim holding one), from the figure index's lookup: newest first."""
    citations: dict[str, Citation] = {}
    for m in lookup.mentions:
        if m.doc_id not in citations:
            citations[m.doc_id] = Citation(m.doc_id, m.title, m.file, m.sentence_start, m.sentence_start + len(m.sentence), m.sentence)
    shown = tuple(citations.values())
    return Mentioning(shown[:SHOWN_ARTICLES], len(shown), lookup.total > len(lookup.mentions), total, citations.__contains__)


def _articles(n: int) -> str:
    return f"{n:,} article" + ("" if n == 1 else "s")
