"""Source-grounded extractive question answering over a folder of articles."""

from rag.errors import RagError
from rag.records import Answer, Citation, Conflict, Document, FigureMention

__all__ = ["Answer", "Citation", "Conflict", "Document", "FigureMention", "RagError"]
__version__ = "0.1.0"
