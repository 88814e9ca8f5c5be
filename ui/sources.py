"""The Sources tab: a page of the documents that match a search, so the page never carries the whole corpus
(which may hold 100,000 articles)."""

from __future__ import annotations

from dataclasses import dataclass

from rag.index.view import IndexData
from rag.records import Document

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


def sources_page(data: IndexData, query: str = "", page: int = 0) -> SourcesPage:
    """The documents whose title, publisher, metadata date or file name hold every word of `query` (a date inferred
    from the articles is shown, not searched), PAGE_SIZE at a time: an indexed query per page, never a walk over the
    corpus."""
    words = query.lower().split()
    page = max(0, int(page or 0))
    shown, matches = data.find_documents(words, page * PAGE_SIZE, PAGE_SIZE)
    pages = max(1, -(-matches // PAGE_SIZE))
    if page > pages - 1:
        page = pages - 1
        shown, matches = data.find_documents(words, page * PAGE_SIZE, PAGE_SIZE)
    rows: list[list[object]] = [[d.title, d.publisher, date_cell(d), data.chunk_count(d.doc_id), d.file] for d in shown]
    return SourcesPage(rows, [d.file for d in shown], page, pages, matches, len(data.documents))
