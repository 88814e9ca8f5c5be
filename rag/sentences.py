"""Sentence boundaries with exact character offsets."""

from __future__ import annotations

import re

# A boundary: end punctuation, optional closing quotes or brackets, space, then something that opens a sentence.
_BOUNDARY = re.compile(r"(?<=[.!?…])(?P<close>[\"'”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9$€£])")
_LEAD = re.compile(r"^[\s•·▪●◦\-–—*>#]+")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st inc corp co ltd llc vs etc e.g i.e u.s u.k no fig jan feb mar apr jun jul aug sep sept oct nov dec"
    " gen col lt sgt rev hon est approx dept univ"
    " capt cmdr maj adm gov sen pres supt messrs mme esq cf viz ca al".split()
)
# Abbreviations that stand before a number: "Art. 101", "vol. 3", "pp. 12-15", "ch. 2" (not "modern art. He ...")
# Abbreviations written capitalized before a name: "Ft. Duquesne", "Mt. Everest" (not "10 ft. The ...")
_NAME_ABBREVIATIONS = frozenset("Ft Mt Fr Pt".split())
_NUMBER_ABBREVIATIONS = frozenset("art arts vol vols p pp ch chap sec para paras figs nos eq eqs ref pt pts op nr".split())
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)\.$")
# Longer than any abbreviation above (plus its dot), so a word cut off by the window is never one.
_ABBREVIATION_WINDOW = 32


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of `text`; lines are never joined."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        piece_start = 0
        for match in _BOUNDARY.finditer(line):
            if _is_abbreviation(line, match.start(), line[match.end() : match.end() + 1].isdigit()):
                continue
            _add_span(spans, line, line_start, piece_start, match.end("close"))
            piece_start = match.end()
        _add_span(spans, line, line_start, piece_start, len(line))
    return spans


def _is_abbreviation(line: str, cut: int, number_after: bool = False) -> bool:
    # Only a short window before the cut is read: copying or scanning the whole line at every
    # boundary made splitting quadratic in the line's length.
    window_start = max(0, cut - _ABBREVIATION_WINDOW)
    head = line[window_start:cut].rstrip("\"'”’)]")
    if not head.endswith("."):
        return False
    word = _WORD_BEFORE_DOT.search(head)
    if word is None:
        return False
    if word.start() == 0 and window_start > 0:
        return False  # the word runs on past the window: far longer than any abbreviation
    if word.group(1) in _NAME_ABBREVIATIONS:
        return True
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or (number_after and token in _NUMBER_ABBREVIATIONS)


def _add_span(spans: list[tuple[int, int]], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    lead = _LEAD.match(piece)
    if lead:
        start += lead.end()
    end = start + len(line[start:end].rstrip())
    if end > start and any(ch.isalnum() for ch in line[start:end]):
        spans.append((offset + start, offset + end))
