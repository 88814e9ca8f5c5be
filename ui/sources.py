"""The Sources tab: a page of the documents that match a search, so the page never carries the whole corpus
(which may hold 100,000 articles)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from rag.records import Document
from rag.store import IndexData

PAGE_SIZE = 20
SOURCE_COLUMNS = ["title", "publisher", "date", "chunks", "file"]


@dataclass(frozen=True)
class SourcesPage:
    rows: list[list[object]]
    files: list[str]
    page: int  # 0-based, within 0 .. pages - 1
    pages: int
    matches: int
    total: int

    @property
    def summary(self) -> str:
        if not self.matches:
            return f"No document matches ({self.total:,} in all)."
        first = self.page * PAGE_SIZE + 1
        last = first + len(self.rows) - 1
        noun = "document" if self.matches == 1 else "documents"
        of = f"{self.matches:,} matching {noun} ({self.total:,} in all)" if self.matches != self.total else f"{self.total:,} {noun}"
        return f"{first:,}–{last:,} of {of} · page {self.page + 1:,} of {self.pages:,}"


def date_cell(doc: Document) -> str:
    """The document's date, and how it was found when that is recorded (e.g. inferred from the text)."""
    if not doc.date:
        return ""
    basis = getattr(doc, "date_basis", "") or ""
    return f"{doc.date} ({basis})" if basis else doc.date


def _matches(doc: Document, words: list[str]) -> bool:
    haystack = f"{doc.title}\n{doc.publisher}\n{doc.date}\n{doc.file}".lower()
    return all(w in haystack for w in words)


class _ChunkCounts:
    """Chunks per document, counted once per index snapshot (a page load must not walk every chunk)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: IndexData | None = None
        self._counts: dict[str, int] = {}

    def __call__(self, data: IndexData) -> dict[str, int]:
        with self._lock:
            if self._data is not data:
                counts: dict[str, int] = {}
                for c in data.chunks:
                    counts[c.doc_id] = counts.get(c.doc_id, 0) + 1
                self._data, self._counts = data, counts
            return self._counts


chunk_counts = _ChunkCounts()


def sources_page(data: IndexData, query: str = "", page: int = 0) -> SourcesPage:
    """The documents whose title, publisher, date or file name hold every word of `query`, PAGE_SIZE at a time."""
    words = query.lower().split()
    docs = [d for d in data.documents if _matches(d, words)] if words else list(data.documents)
    pages = max(1, -(-len(docs) // PAGE_SIZE))
    page = min(max(0, int(page or 0)), pages - 1)
    shown = docs[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    counts = chunk_counts(data)
    rows: list[list[object]] = [
        [d.title, d.publisher, date_cell(d), counts.get(d.doc_id, 0), d.file] for d in shown
    ]
    return SourcesPage(rows, [d.file for d in shown], page, pages, len(docs), len(data.documents))
