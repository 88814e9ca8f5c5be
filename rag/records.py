"""The records passed between modules. Offsets always point into a document's own text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    doc_id: str
    file: str
    text: str
    sha256: str
    title: str = ""
    publisher: str = ""
    date: str = ""  # the metadata date, else what the index inferred ("February 2026 or later")
    date_basis: str = ""  # why: "dated 2026-02-14", "names events as late as February 2026"

    @property
    def label(self) -> str:
        """What a reader sees for this document: its title, else its file name."""
        return self.title or self.file


@dataclass(frozen=True)
class SkippedFile:
    file: str
    reason: str
    partial: bool = False  # only part of the file is left out (a field of its metadata); the rest is used


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Chunk:
    doc_id: str
    start: int
    end: int
    text: str
    n_tokens: int
    first_sentence: int  # global sentence ids, inclusive
    last_sentence: int


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk and its fused score."""

    chunk_id: int
    score: float
    dense_rank: int | None
    lexical_rank: int | None


@dataclass(frozen=True)
class Figure:
    """A quantity as written in a text, with its normalized value and unit."""

    value: float
    unit: str
    text: str
    start: int
    end: int
    qualifier: str = ""
    high: float | None = None  # upper end of a range such as "6-18 months"


@dataclass(frozen=True)
class Claim:
    """A figure as an article states it, and what it is about (see rag/claims.py). Offsets are the document's."""

    doc_id: str
    sentence_id: int
    figure: Figure
    subject: str = ""  # whose figure: "Amazon"
    measure: str = ""  # what is counted, as the parse found it: "investment", "revenue", "invest"
    target: str = ""  # where it goes: "Anthropic" in "invest $5bn in Anthropic"
    scope: tuple[str, ...] = ()  # total, annual, additional, initial, past, bound
    time: str = ""  # dates in its clause: "early 2024", "over the next decade"
    hedge: str = ""  # "reported", "approximately"


@dataclass(frozen=True)
class Citation:
    doc_id: str
    title: str
    file: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class FigureMention:
    doc_id: str
    title: str
    file: str
    start: int
    end: int
    quote: str
    sentence: str
    value: float
    unit: str
    qualifier: str
    sentence_start: int = 0
    date: str = ""


@dataclass(frozen=True)
class Conflict:
    value: float
    unit: str
    text: str
    doc_id: str
    title: str
    quote: str
    sentence: str
    start: int = 0
    end: int = 0
    date: str = ""
    file: str = ""
    sentence_start: int = 0


@dataclass(frozen=True)
class Answer:
    question: str
    text: str
    sentence: str
    abstained: bool
    confidence: float
    citations: tuple[Citation, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    figure: Figure | None = field(default=None, compare=False)
    source_count: int = 0  # every source that states the answer; `citations` may be capped
    lead_basis: str = ""  # why this figure leads where sources disagree: "newer: names events as late as February 2026"
    conflict_count: int = 0  # every document giving another figure; `conflicts` may be capped
    note: str = ""  # a caveat the reader needs: "Only an older source gives this (...)" (rag.staleness)

    @property
    def lead(self) -> str:
        """The leading side where sources disagree: the answer's text, or its figure when the text is a whole
        sentence ("No: ... surpassed the $30 billion milestone" leads with "$30 billion")."""
        if self.figure is not None and not self.text.endswith(self.figure.text):
            return self.figure.text
        return self.text

    @classmethod
    def abstain(cls, question: str, confidence: float, note: str = "") -> Answer:
        """No answer: the sources do not support one (`note`: what the nearest source says instead, where known)."""
        return cls(question, "", "", True, round(confidence, 4), note=note)


@dataclass(frozen=True)
class FigureLookup:
    query: str
    figures: tuple[Figure, ...]
    mentions: tuple[FigureMention, ...]  # newest first; at most rag.figure_index.MAX_MENTIONS of them
    total: int = -1  # mentions found in all (more than shown in a large archive); -1: as many as shown
    # for a claim no source states: the figure's own mentions, about something else (newest first, a few)
    elsewhere: tuple[FigureMention, ...] = ()
    outlet: str = ""  # the outlet the query names as its source ("According to Hamidun News, ..."); mentions are its
    # a caveat: the mentions give the figure as a ceiling ("up to $25 billion") where the claim states it as an amount
    note: str = ""

    @property
    def found(self) -> int:
        return len(self.mentions) if self.total < 0 else self.total
