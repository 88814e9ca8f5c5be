"""When each article was written, known or inferred, and why.

In order of trust: (1) its metadata date; (2) dates in its own text: events it reports in the past give a
lower bound ("In February 2026, the company invested ..."), expectations give an upper bound ("expected
to release ... throughout 2025"); (3) articles that report the same event (several identical claims and
no disagreement) share what is known of their time; (4) an article that calls another's figure
"previous", "prior" or "earlier" is newer than it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rag.corpus import bad_date
from rag.disagreement import DATED, PAST, comparable, entity_key
from rag.figures import same_value
from rag.records import Claim, Document, Sentence
from rag.timewords import DATELINE_PATTERN as _DATELINE
from rag.timewords import MONTH_PATTERN, MONTHS

DATED_BY_METADATA = "dated "
SAME_EVENT_MIN_CLAIMS = 2  # identical claims two articles must share to be reports of one event
SAME_EVENT_MAX_ARTICLES = 20  # a claim stated by more articles than this says nothing of which event they report
_MONTH = MONTH_PATTERN
_DATE = re.compile(rf"\b(?:(?P<part>early|mid|late)[- ])?(?:(?P<month>{_MONTH})\s+(?:\d{{1,2}},?\s+)?)?(?P<year>(?:19|20)\d\d)\b(?!s)")
_FUTURE = re.compile(
    r"\b(?:will|would|expect|expected|expects|anticipates?|predicts?|plans?|planned|upcoming|forecasts?|projected|due to|set to"
    r"|scheduled|aims?|aiming|targets?|targeted|on track|to (?:start|begin|open|launch|finish|complete))\b", re.I
)
# "500 new flats by 2027", "by the end of 2027", "until 2030": a deadline, not an event the article reports
_DEADLINE = re.compile(r"\b(?:by|until|through|before)\s+(?:the\s+(?:end|middle|start)\s+of\s+)?$", re.I)
_META = re.compile(r"^(?P<year>(?:19|20)\d\d)(?:-(?P<month>\d\d))?")
DATELINE = "dateline "  # how text_bounds marks a date read from a dateline
DATELINE_SENTENCES = 3  # the headline, a standfirst, then the first sentence of the body


@dataclass(frozen=True)
class DocTime:
    doc_id: str
    lower: float | None = None  # months since year 0: written at or after this
    upper: float | None = None  # written before this
    basis: str = ""  # what decided it, in words

    @property
    def position(self) -> float | None:
        return self.lower if self.lower is not None else (self.upper - 1 if self.upper is not None else None)

    @property
    def label(self) -> str:
        if self.lower is not None and self.upper is not None:
            if self.upper - self.lower <= 1:
                return month_label(self.lower)
            return f"between {month_label(self.lower)} and {month_label(self.upper - 1)}"
        if self.lower is not None:
            return f"{month_label(self.lower)} or later"
        if self.upper is not None:
            return f"before {month_label(self.upper)}"
        return ""


def month_label(months: float) -> str:
    year, month = divmod(int(months), 12)
    return f"{MONTHS[month].capitalize()} {year}"


def _months(year: str, month: str | None, part: str | None = None) -> float:
    m = MONTHS.index(month.lower()) if month else {"mid": 5, "late": 9}.get(part or "", 0)
    return int(year) * 12 + m


def text_bounds(sentences: Iterable[Sentence]) -> tuple[float | None, str, float | None, str]:
    """(lower, the words that set it, upper, the words that set it) from the dates an article writes. A dateline
    at the start of the article ("COPENHAGEN, 9 June 2025 - ...") dates it to its month, whatever its sentences
    report or expect: both bounds, with DATELINE before its words."""
    lower: float | None = None
    upper: float | None = None
    low_words = up_words = ""
    sentences = list(sentences)
    for s in sentences[:DATELINE_SENTENCES]:
        m = _DATELINE.match(s.text)
        if m is not None:
            at = _months(m.group("year"), m.group("month") or m.group("month2"))
            words = f"{DATELINE}{m.group('date').strip()}"
            return at, words, at + 1, words
    for s in sentences:
        for m in _DATE.finditer(s.text):
            at = _months(m.group("year"), m.group("month"), m.group("part"))
            if _FUTURE.search(s.text) or _DEADLINE.search(s.text, 0, m.start()):
                end = at + (1 if m.group("month") else 12)
                if upper is None or end < upper:
                    upper, up_words = end, m.group().strip()
            elif lower is None or at > lower:
                lower, low_words = at, m.group().strip()
    return lower, low_words, upper, up_words


def infer_times(
    documents: Sequence[Document], sentences: Sequence[Sentence], claims: Sequence[Claim], classes: dict[str, str]
) -> dict[str, DocTime]:
    """A time for every document, with its basis; documents with no evidence get an empty DocTime."""
    by_doc: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        by_doc[s.doc_id].append(s)
    return times_from_bounds(
        [(doc.doc_id, doc.date, text_bounds(by_doc.get(doc.doc_id, []))) for doc in documents], claims, classes
    )


Bounds = tuple[float | None, str, float | None, str]


def times_from_bounds(
    documents: Sequence[tuple[str, str, Bounds]], claims: Sequence[Claim], classes: dict[str, str],
    prior: dict[str, DocTime] | None = None,
) -> dict[str, DocTime]:
    """`infer_times` from each document's (id, metadata date, text bounds): what an index keeps per document.
    A document in `prior` starts from that time (what an earlier pass over more articles found), not from its bounds."""
    times: dict[str, DocTime] = {}
    for doc_id, date, (lower, low_words, upper, up_words) in documents:
        if prior is not None and doc_id in prior:
            times[doc_id] = prior[doc_id]
            continue
        meta = _META.match(date or "")
        if meta and bad_date(date):
            meta = None  # an index written before metadata dates were checked: "2025-13-01" is no date
        if meta:
            at = _months(meta.group("year"), MONTHS[int(meta.group("month")) - 1] if meta.group("month") else None)
            times[doc_id] = DocTime(doc_id, at, at + 1, f"{DATED_BY_METADATA}{date}")
            continue
        why = []
        if low_words.startswith(DATELINE):
            times[doc_id] = DocTime(doc_id, lower, upper, f"dated by its dateline, {low_words[len(DATELINE):]}")
            continue
        if lower is not None:
            why.append(f"names events as late as {low_words}")  # (not "reports": the events it reports may come later)
        if upper is not None:
            why.append(f"expects events in {up_words}")
        times[doc_id] = DocTime(doc_id, lower, upper, "; ".join(why))
    groups = _same_event(times, claims, classes)
    _propagate(times, groups)
    _supersession(times, claims)
    _propagate(times, groups)  # a supersession that moved one report of an event moves the others
    return times


def _propagate(times: dict[str, DocTime], groups: list[list[str]]) -> None:
    """Reports of one event share the latest lower bound any of them has."""
    for members in groups:
        dated = [times[d] for d in members if times[d].lower is not None]
        if len(members) < 2 or not dated:
            continue
        best = max(dated, key=lambda t: t.lower or 0.0)
        for d in members:
            t = times[d]
            if t.basis.startswith(DATED_BY_METADATA):
                continue  # a date the article shows is not overruled
            if t.lower is None or (best.lower is not None and best.lower > t.lower):
                why = f"reports the same event as {best.doc_id} ({SAME_EVENT_MIN_CLAIMS}+ identical claims), which {best.basis.split(';')[0]}"
                times[d] = DocTime(d, best.lower, t.upper, why)


def _same_event(times: dict[str, DocTime], claims: Sequence[Claim], classes: dict[str, str]) -> list[list[str]]:
    """Articles with several identical claims and no disagreement report one event: the groups of them."""
    live = [c for c in claims if c.subject and PAST not in c.scope and DATED not in c.scope]
    by_fact: dict[tuple, set[str]] = defaultdict(set)
    for c in live:
        by_fact[(entity_key(c.subject), c.figure.unit, repr(float(c.figure.value)))].add(c.doc_id)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for docs in by_fact.values():
        if len(docs) > SAME_EVENT_MAX_ARTICLES:
            continue  # a figure this many articles state is common knowledge, not the mark of one event
        ordered = sorted(docs)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                shared[(a, b)] += 1
    by_subject: dict[tuple, list[Claim]] = defaultdict(list)  # (doc, subject, unit) -> its claims
    subjects: dict[str, set[tuple]] = defaultdict(set)
    stated: dict[tuple, list[float]] = defaultdict(list)
    for c in live:
        key = (entity_key(c.subject), c.figure.unit)
        by_subject[(c.doc_id, *key)].append(c)
        subjects[c.doc_id].add(key)
        stated[(c.doc_id, entity_key(c.subject), c.figure.unit)].append(c.figure.value)

    def states(doc: str, c: Claim) -> bool:
        return any(same_value(v, c.figure.value) for v in stated[(doc, entity_key(c.subject), c.figure.unit)])

    def disagree(a: str, b: str) -> bool:
        for key in subjects[a] & subjects[b]:  # only what both articles speak of
            mine, theirs = by_subject[(a, *key)], by_subject[(b, *key)]
            for x in mine:
                for y in theirs:
                    if (comparable(x, y, classes) and not same_value(x.figure.value, y.figure.value)
                            and not states(b, x) and not states(a, y)):
                        return True
        return False

    parent: dict[str, str] = {d: d for d in times}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for (a, b), n in shared.items():
        if n >= SAME_EVENT_MIN_CLAIMS and a in parent and b in parent and not disagree(a, b):
            parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for d in times:
        groups[find(d)].append(d)
    return [members for members in groups.values() if len(members) > 1]


def _supersession(times: dict[str, DocTime], claims: Sequence[Claim]) -> None:
    """An article that calls a figure "previous" is newer than one that states it as current."""
    current: dict[tuple, set[str]] = defaultdict(set)
    for c in claims:
        if c.subject and PAST not in c.scope:
            current[(entity_key(c.subject), c.figure.unit, repr(float(c.figure.value)))].add(c.doc_id)
    for c in claims:
        if not c.subject or PAST not in c.scope or c.time:
            continue  # "previous investments" with no date of its own: a supersession, not a dated event
        older = current.get((entity_key(c.subject), c.figure.unit, repr(float(c.figure.value))), set()) - {c.doc_id}
        for d in older:
            _after(times, c.doc_id, d, f"calls {c.figure.text} (stated as current by {d}) previous")
    for c in claims:
        if not c.subject or DATED not in c.scope or not c.time:
            continue
        older = current.get((entity_key(c.subject), c.figure.unit, repr(float(c.figure.value))), set()) - {c.doc_id}
        for d in older:
            _after(times, c.doc_id, d, f"reports {c.figure.text} as past ({c.time}), which {d} states as current")


def _after(times: dict[str, DocTime], newer: str, older: str, why: str) -> None:
    a, b = times[newer], times[older]
    if a.basis.startswith(DATED_BY_METADATA):
        return
    pa, pb = a.position, b.position
    if pb is None:
        if pa is None:
            times[newer] = DocTime(newer, 0.5, a.upper, why)
            times[older] = DocTime(older, None, 0.5, b.basis or f"{newer} {why}")
        return
    if pa is None or pa <= pb:
        times[newer] = DocTime(newer, pb + 0.5, a.upper, why)
