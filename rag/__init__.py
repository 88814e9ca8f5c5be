"""Source-grounded extractive question answering over a folder of articles.

    from rag import Engine, RagError
    engine = Engine("corpus", "index").open()
    answer = engine.ask("What is Anthropic's annual revenue?")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rag.errors import (
    CorpusError,
    FigureQueryError,
    IndexCorrupt,
    IndexMissing,
    IndexOutdated,
    IndexStoreError,
    ModelMismatch,
    QuestionError,
    RagError,
    UploadError,
)
from rag.records import Answer, Citation, Claim, Conflict, Document, Figure, FigureLookup, FigureMention

if TYPE_CHECKING:
    from rag.engine import Engine

__all__ = [
    "Answer", "Citation", "Claim", "Conflict", "CorpusError", "Document", "Engine", "Figure", "FigureLookup", "FigureMention",
    "FigureQueryError", "IndexCorrupt", "IndexMissing", "IndexOutdated", "IndexStoreError", "ModelMismatch", "QuestionError", "RagError",
    "UploadError",
]
__version__ = "0.2.0"


def __getattr__(name: str) -> Any:
    # the engine pulls in numpy, FAISS and the answerer: imported when asked for, so `rag --help` stays instant
    if name == "Engine":
        from rag.engine import Engine

        return Engine
    raise AttributeError(f"module 'rag' has no attribute {name!r}")
