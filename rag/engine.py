"""The engine: one corpus and its index, loaded once and shared by the CLI, the UI and the API."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag.analysis import analyse
from rag.answering import answer_question, term_weights
from rag.attribution import asks_who_states, attribution_answer, older_answer, sources_answer
from rag.config import CORPUS_SUFFIXES, DEFAULT_CHUNK_SETTINGS, DEFAULT_TOP_K, MAX_DOCUMENT_BYTES, ChunkSettings
from rag.corpus import Corpus, decode_article, load_corpus
from rag.embedding import Embedder, Progress, default_embedder
from rag.errors import CorpusError, QuestionError, UploadError
from rag.figure_index import FigureIndex
from rag.followup import contextualize
from rag.questions import clean_question
from rag.records import Answer, Document, FigureLookup, FigureMention
from rag.retrieval import retrieve
from rag.store import EnsureResult, IndexData, ensure_index

MAX_NAME_CHARS = 100


@dataclass(frozen=True)
class _State:
    corpus: Corpus
    data: IndexData
    idf: dict[str, float]
    figures: FigureIndex


class Engine:
    """Thread-safe: answers read an immutable snapshot; updates build a new one and swap it in."""

    def __init__(
        self,
        corpus_dir: str | Path,
        index_dir: str | Path,
        embedder: Callable[[], Embedder] = default_embedder,
        settings: ChunkSettings = DEFAULT_CHUNK_SETTINGS,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.corpus_dir = Path(corpus_dir)
        self.index_dir = Path(index_dir)
        self._embedder = embedder
        self._settings = settings
        # the model's name decides whether an index fits: read it off the embedder, never pass it twice
        self._model: str = getattr(embedder, "name", "") or embedder().name
        self._log = log
        self._write_lock = threading.Lock()
        self._state: _State | None = None
        self.last_update: EnsureResult | None = None

    def open(self, force: bool = False, progress: Progress | None = None) -> Engine:
        """Load the index, building or updating it when it is missing, stale or damaged."""
        self.refresh(force=force, progress=progress)
        return self

    def refresh(self, force: bool = False, progress: Progress | None = None) -> EnsureResult:
        with self._write_lock:
            corpus = load_corpus(self.corpus_dir)
            result = ensure_index(
                self.index_dir, corpus, self._embedder, self._model, self._settings, force=force, log=self._log, progress=progress
            )
            self._state = _State(corpus, result.data, term_weights(result.data), FigureIndex(result.data))
            self.last_update = result
            return result

    @property
    def state(self) -> _State:
        if self._state is None:
            self.open()
        assert self._state is not None
        return self._state

    @property
    def corpus(self) -> Corpus:
        return self.state.corpus

    @property
    def data(self) -> IndexData:
        return self.state.data

    def ask(self, question: str, previous: str | None = None, k: int = DEFAULT_TOP_K, mode: str = "hybrid") -> Answer:
        """Answer one question; `previous` is the question of the turn before, for follow-ups."""
        q = analyse(clean_question(question))
        before = _usable(previous)
        if q.followup and before is not None:
            # "who said that?" means the previous answer's sources; "and before that?" its older figure
            earlier = self.ask(before, k=k, mode=mode)
            return sources_answer(q.text, earlier) if q.followup == "source" else older_answer(q.text, earlier)
        state = self.state
        if q.figures and asks_who_states(q.text):
            return attribution_answer(q.text, state.figures.lookup(q.text))
        search = contextualize(q, before)
        vector = self._embedder().encode([search])[0]
        passages = retrieve(state.data, search, vector, k=k, mode=mode)
        return answer_question(state.data, q, vector, passages, state.idf, search_text=search)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors of `texts` from the engine's embedding model (L2-normalized float32)."""
        return self._embedder().encode(texts)

    def warm_up(self) -> None:
        """Load the embedding model now, so the first question does not wait for it."""
        self._embedder().encode(["warm up"])

    def figure(self, query: str) -> FigureLookup:
        return self.state.figures.lookup(query)

    def figure_check(self, query: str) -> tuple[FigureLookup, list[FigureMention]]:
        """Every mention of the query's figure, and the documents that give another figure for the same thing."""
        state = self.state
        lookup = state.figures.lookup(query)
        return lookup, state.figures.differing(lookup)

    def _documents_by_text(self) -> dict[str, Document]:
        state = self.state
        cached = state.__dict__.get("_by_text")
        if cached is None:
            cached = {_text_key(d.text): d for d in state.data.documents}
            object.__setattr__(state, "_by_text", cached)
        return cached

    def add_article(self, filename: str, raw: bytes, progress: Progress | None = None) -> Document:
        """Save an uploaded article in the corpus and index it; on any failure the corpus and index are as before."""
        name = safe_filename(filename)
        try:
            text, _ = decode_article(raw, Path(name).suffix.lower())
        except CorpusError as exc:
            raise UploadError(f"{name} {exc}") from exc
        same = self._documents_by_text().get(_text_key(text))
        if same is not None:
            raise UploadError(f"{name} is already in the corpus as {same.file}: an identical copy would count as a second source")
        with self._write_lock:
            target = _free_path(self.corpus_dir / name)
            fd, tmp = tempfile.mkstemp(dir=self.corpus_dir, prefix=".upload-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(raw)
                os.chmod(tmp, 0o644)  # mkstemp makes it 0600; an article is as readable as the rest of the corpus
                os.replace(tmp, target)
            except OSError as exc:
                Path(tmp).unlink(missing_ok=True)
                raise UploadError(f"could not save {name}: {exc.strerror}") from exc
        try:
            self.refresh(progress=progress)
        except Exception:
            target.unlink(missing_ok=True)
            raise
        for doc in self.state.corpus.documents:
            if doc.file == target.name:
                return doc
        target.unlink(missing_ok=True)
        raise UploadError(f"{name} could not be read as an article")


def _text_key(text: str) -> str:
    """Two uploads are one article when their text is the same, whitespace aside."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _usable(previous: str | None) -> str | None:
    """The previous question as context, or None when there is none fit to use."""
    if not previous:
        return None
    try:
        return clean_question(previous)
    except QuestionError:
        return None


def safe_filename(filename: str) -> str:
    """A plain file name for an upload: no folders, no hidden files, only an allowed type."""
    base = re.split(r"[\\/]", filename or "")[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot or f".{suffix.lower()}" not in CORPUS_SUFFIXES:
        allowed = ", ".join(CORPUS_SUFFIXES)
        raise UploadError(f"{base or 'the file'} is not an allowed type: upload one of {allowed}")
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-")[:MAX_NAME_CHARS] or "article"
    return f"{stem}.{suffix.lower()}"


def _free_path(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


__all__ = ["Engine", "MAX_DOCUMENT_BYTES", "safe_filename"]
