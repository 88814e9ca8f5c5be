"""Questions about who states a figure ("who says $25 billion?", "which article gives 5 GW?"),
answered from the figure index: every document that states it, each cited where it does."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from rag.figures import parse_figures
from rag.records import Answer, Citation, Figure, FigureLookup
from rag.staleness import OLDER_ONLY

# "who says ...", or "which article / what source ... gives ...": a "what" question about a figure whose words
# only happen to hold "report" ("What revenue did the earlier report give?") asks for the figure, not its source,
# and "Who did the EEC support during the Six-Day War?" asks for whom, not for a source
_ASKS_FOR_SOURCE = re.compile(
    r"^(?:who\b(?!\s+(?:did|does|do)\b)|(?:which|what)\s+(?:article|source|outlet|publication|report|paper|site|story|piece|document|publisher)s?\b)"
    r".*\b(?:says?|said|gives?|gave|reports?|reported|states?|stated|mentions?|mentioned|claims?|claimed|cites?|"
    r"puts?|quotes?|quoted|writes?|wrote|supports?)\b"
    # "Which publication ran the story ...?" (not "Who published its blueprint in 1995?", a question of its own)
    r"|^(?:which|what)\s+(?:news\s+)?(?:outlet|publication|publisher|paper|newspaper|site)s?\s+"
    r"(?:ran|runs|published|publishes|carried|carries|headlined)\b",
    re.IGNORECASE,
)


# "Who wrote the article about the 10-year AWS contract?": its author (rag.bylines), not the source of "10-year"
_ASKS_FOR_AUTHOR = re.compile(
    r"^who\s+(?:wrote|edited|authored|penned)\s+(?:the|this|that|an?)\s+(?:[^\s?]+\s+){0,4}?(?:article|piece|story|report|post|column|feature)\b",
    re.IGNORECASE,
)


def asks_who_states(question: str) -> bool:
    """Whether the question asks which source states a figure it names."""
    text = question.strip()
    return bool(_ASKS_FOR_SOURCE.search(text)) and not _ASKS_FOR_AUTHOR.search(text) and bool(parse_figures(question))


# "Which outlet reported the 10-year contract?": the publisher is asked for, not the article's title
_ASKS_OUTLET = re.compile(r"^\W*(?:which|what)\s+(?:news\s+)?(?:outlet|publication|publisher|paper|newspaper|site|agency)s?\b", re.IGNORECASE)


NO_OUTLET = "no outlet named"


def source_name(name: str, publisher: str, outlet: bool) -> str:
    """How an article is named in an answer: by its publisher where an outlet is asked for and its metadata gives
    one, else by `name` (its title or file), said to name no outlet where one was asked for."""
    if not outlet:
        return name
    return publisher or f"{name} ({NO_OUTLET})"


def attribution_answer(question: str, lookup: FigureLookup, publisher: Callable[[str], str] = lambda doc_id: "") -> Answer:
    """The documents that state the figure, one citation each (the sentence of its first mention), named by their
    titles; by their publishers (`publisher` of a document id, where its metadata gives one) where the question asks
    for an outlet."""
    if not lookup.mentions:
        return Answer(question, "", "", True, 0.0)  # no source states it: nothing to be confident in
    citations: list[Citation] = []
    seen: set[str] = set()
    for m in lookup.mentions:
        if m.doc_id in seen:
            continue
        seen.add(m.doc_id)
        citations.append(Citation(m.doc_id, m.title, m.file, m.sentence_start, m.sentence_start + len(m.sentence), m.sentence))
    outlet = _ASKS_OUTLET.search(question) is not None
    names = "; ".join(dict.fromkeys(source_name(c.title or c.file, publisher(c.doc_id), outlet) for c in citations))
    return Answer(question, names, citations[0].quote, False, 1.0, tuple(citations), source_count=len(citations))


_SPEAKER_WORDS = r"say|says|said|note|notes|noted|argue|argues|argued|believe|believes|believed|warn|warns|warned|told|estimate|estimates|estimated"
# who a sentence says said it: "Industry analysts note that ...", "..., Jane Doe said.", "according to Reuters"
_SPEAKER = (
    re.compile(rf"^(?P<who>(?:[A-Z][\w.'’-]*)(?:\s+[\w.'’-]+){{0,3}}?)\s+(?:{_SPEAKER_WORDS})\b(?!\s+(?:by|in|to)\b)"),
    re.compile(rf",\s*(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}})\s+(?:{_SPEAKER_WORDS})\b"),
    re.compile(r"\b[Aa]ccording to (?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"),
)
# "Who else reports it?", "Who reported that?" ask for the articles
_ASKS_SPEAKER = re.compile(r"^\W*(?:and\s+)?who\b(?!\s+else\b)(?!\s+(?:reported|reports|published|publishes|ran|carried)\b)",
                           re.IGNORECASE)


def speaker(sentence: str) -> str:
    """The speaker a sentence names for what it says, or "" ("Amazon also said": "Amazon", without the adverb)."""
    for pattern in _SPEAKER:
        m = pattern.search(sentence)
        if m is not None:
            return _SPEAKER_TAIL.sub("", m.group("who").strip())
    return ""


# words between a speaker and the verb that are not the speaker: "Amazon also said", "analysts have long argued"
_SPEAKER_TAIL = re.compile(r"(?:\s+(?:also|has|have|had|will|would|could|may|might|then|later|earlier|previously|[a-z]+ly))+$")


_ELSE = re.compile(r"\b(?:else|other|another)\b", re.IGNORECASE)  # "Who else reports it?", "Which other sources say so?"


def sources_answer(question: str, earlier: Answer) -> Answer:
    """ "Who said that?": the speaker the previous answer's sentence names ("Industry analysts note that ..."), else
    that sentence, cited from the previous answer's sources where each says it. "Which article says that?": the
    titles of those sources, with the sentence."""
    if earlier.abstained or not earlier.citations:
        return Answer.abstain(question, 0.0)
    # the answer is text of the articles, as every answer is: the speaker the sentence names, else that sentence; the
    # sources themselves (titles, files) are the citations
    documents = list(dict.fromkeys(c.doc_id for c in earlier.citations))
    if _ELSE.search(question) and len(documents) == 1 and earlier.source_count <= 1:
        # "Who else reports it?" of an answer one article gives: no other does
        first = earlier.citations[0]
        return Answer.abstain(question, 0.0, f"No other article states it: only {first.title or first.file} does.")
    if not _ASKS_SPEAKER.match(question):
        # "Which article says that?": the articles, by title (as "Which article gives 5 GW?" is answered)
        text = "; ".join(dict.fromkeys(c.title or c.file for c in earlier.citations))
        return dataclasses.replace(earlier, question=question, text=text, note="")
    said_by = speaker(earlier.sentence)
    text = said_by or earlier.sentence
    # no speaker in the text: the note names the articles that say it, so the reply answers "who" in words too
    note = "" if said_by else said_in(earlier.citations, earlier.source_count)
    # the earlier figure kept: where sources disagree, it is the side that leads (Answer.lead), not the list of names
    return Answer(question, text, earlier.sentence, False, earlier.confidence, earlier.citations,
                  earlier.conflicts, earlier.figure, earlier.source_count, earlier.lead_basis, earlier.conflict_count,
                  note=note)


SAID_IN_NAMED = 3  # articles a "Who said that?" note names before "and N more"


def said_in(citations: Sequence[Citation], count: int = 0) -> str:
    """ 'said in "Amazon commits up to $25bn investment in Anthropic" (001_....txt) and 2 more articles': the
    articles cited, by title (else file), the first SAID_IN_NAMED of them."""
    named = []
    for c in citations:
        label = f'"{c.title}" ({c.file})' if c.title else c.file
        if label not in named:
            named.append(label)
    if not named:
        return ""
    more = max(count, len(named)) - min(len(named), SAID_IN_NAMED)
    shown = ", ".join(named[:SAID_IN_NAMED])
    return f"said in {shown}" + (f" and {more} more article{'s' if more > 1 else ''}" if more > 0 else "")


def older_answer(question: str, earlier: Answer) -> Answer:
    """ "And before that?": the older figure the sources gave for the previous answer, if any."""
    if earlier.abstained or not earlier.conflicts:
        return Answer.abstain(question, 0.0)
    older = earlier.conflicts[0]
    same = [c for c in earlier.conflicts if c.value == older.value and c.unit == older.unit]
    citations = tuple(
        Citation(c.doc_id, c.title, c.file, c.sentence_start, c.sentence_start + len(c.sentence), c.sentence) for c in same
    )
    # its figure, placed in its sentence, so that "And before that?" again can step back from it (rag.tranches)
    figure = Figure(older.value, older.unit, older.quote, older.start - older.sentence_start, older.end - older.sentence_start)
    return Answer(question, older.text, older.sentence, False, earlier.confidence, citations, (), figure, len(citations))


def current_answer(question: str, earlier: Answer) -> Answer:
    """ "Is that still true?" after an answer: Yes, with its sentence, where no newer source gives another (where
    sources disagree, the answer is already the side that leads, and the older sides stay listed); where only older
    sources give it (its note says so), no Yes: "Not confirmed", with that note."""
    if earlier.abstained or not earlier.sentence:
        return Answer.abstain(question, 0.0)
    if earlier.note.startswith(OLDER_ONLY):
        text, note = f"Not confirmed: {earlier.sentence}", earlier.note
    else:
        text = f"Yes: {earlier.sentence}"
        note = f"The newest the sources give ({earlier.lead_basis})." if earlier.conflicts and earlier.lead_basis else ""
    return dataclasses.replace(earlier, question=question, text=text, note=note)


LOWER_SIDES = frozenset({"lower", "smaller"})
HIGHER_SIDES = frozenset({"higher", "bigger", "larger"})
NEWER_SIDES = frozenset({"newer", "latest", "more recent", "current"})  # "older", "earlier", "other", "different": the other side


def side_sources(question: str, earlier: Answer, side: str) -> Answer:
    """ "Which article gave that lower number?": the articles, by title, of one side of the disagreement the previous
    answer shows, with that side's figure and sentences: the side it leads with (the newest) or the older figure set
    against it, and for "lower" or "higher" the one whose figure is (both in one unit). Nothing where no source
    disagrees."""
    if earlier.abstained or not earlier.conflicts:
        return Answer.abstain(question, 0.0)
    older = older_answer(question, earlier)
    lead, other = earlier.figure, older.figure
    if side in LOWER_SIDES | HIGHER_SIDES and lead is not None and other is not None and lead.unit == other.unit:
        leads = (lead.value < other.value) == (side in LOWER_SIDES)
    else:
        leads = side in NEWER_SIDES
    chosen = earlier if leads else older
    text = "; ".join(dict.fromkeys(c.title or c.file for c in chosen.citations))
    return dataclasses.replace(chosen, question=question, text=text, conflicts=(), conflict_count=0, note="")


def newest_answer(question: str, earlier: Answer) -> Answer:
    """ "Which is the more recent figure?" after an answer about the present: that answer, which leads with the newest
    side the sources give, and why it leads; where only older sources give it, it is not said to be recent."""
    if earlier.abstained:
        return Answer.abstain(question, 0.0)
    if earlier.note.startswith(OLDER_ONLY):
        return dataclasses.replace(earlier, question=question, text=f"Not confirmed: {earlier.text}")
    note = f"The newest the sources give ({earlier.lead_basis})." if earlier.lead_basis else earlier.note
    return dataclasses.replace(earlier, question=question, note=note)


def newer_answer(question: str, earlier: Answer, past: bool) -> Answer:
    """ "And after that?": for an answer to a question about the past, the newer figure the sources set against it;
    otherwise nothing (an answer about the present is already the newest the sources give)."""
    if not past:
        return Answer.abstain(question, 0.0)
    return older_answer(question, earlier)  # the other side of a past answer's verdict is the newer one
