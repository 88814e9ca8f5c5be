"""The index folder: build, incremental update, atomic write, load and integrity checks.

Layout: `<index>/CURRENT` names the live version folder `v-<n>/`, which holds `manifest.json`
(model, dimension, chunking, corpus fingerprint, format version, checksums of every other file),
the document, sentence, chunk and figure stores (`*.jsonl`), the vectors (`*.npy`, `chunks.faiss`)
and the BM25 index (`lexical/`). A new version is written beside the old one and `CURRENT` is
switched with an atomic rename, so a crash mid-build leaves the previous index in use.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag.chunking import chunk_sentences, document_sentences
from rag.config import DEFAULT_CHUNK_SETTINGS, INDEX_FORMAT_VERSION, ChunkSettings
from rag.corpus import Corpus
from rag.embedding import Embedder, Progress
from rag.errors import IndexCorrupt, IndexMissing, IndexStoreError, ModelMismatch
from rag.figures import extract_figures
from rag.lexical import Lexical
from rag.records import Chunk, Document, Figure, Sentence
from rag.vectors import FaissIndex

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
LOCK = ".lock"
Log = Callable[[str], None]


@dataclass(frozen=True)
class DocFigure:
    doc_id: str
    sentence_id: int
    figure: Figure


@dataclass(frozen=True)
class IndexData:
    manifest: dict
    documents: tuple[Document, ...]
    sentences: tuple[Sentence, ...]
    chunks: tuple[Chunk, ...]
    figures: tuple[DocFigure, ...]
    chunk_vectors: np.ndarray
    sentence_vectors: np.ndarray
    vectors: FaissIndex
    lexical: Lexical

    @property
    def sentence_chunk(self) -> np.ndarray:
        """For each sentence, the first chunk that holds it."""
        cached = self.__dict__.get("_sentence_chunk")
        if cached is None:
            cached = np.zeros(len(self.sentences), dtype=np.int64)
            for cid in range(len(self.chunks) - 1, -1, -1):
                c = self.chunks[cid]
                cached[c.first_sentence : c.last_sentence + 1] = cid
            object.__setattr__(self, "_sentence_chunk", cached)
        return cached

    def document(self, doc_id: str) -> Document:
        return self._by_id[doc_id]

    @property
    def _by_id(self) -> dict[str, Document]:
        cached = self.__dict__.get("_doc_map")
        if cached is None:
            cached = {d.doc_id: d for d in self.documents}
            object.__setattr__(self, "_doc_map", cached)
        return cached


@dataclass(frozen=True)
class EnsureResult:
    data: IndexData
    action: str  # "loaded", "built", "updated" or "rebuilt"
    embedded_documents: int = 0


# ---------------------------------------------------------------- building


def build_index(
    corpus: Corpus,
    embedder: Embedder,
    settings: ChunkSettings = DEFAULT_CHUNK_SETTINGS,
    previous: IndexData | None = None,
    progress: Progress | None = None,
) -> tuple[IndexData, int]:
    """Index `corpus`; documents unchanged since `previous` keep their vectors. Returns (index, documents embedded)."""
    reusable = previous is not None and _compatible(previous.manifest, embedder.name, settings)
    old = _doc_slices(previous) if reusable and previous is not None else {}
    sentences: list[Sentence] = []
    chunks: list[Chunk] = []
    sent_rows: list[np.ndarray | None] = []
    chunk_rows: list[np.ndarray | None] = []
    embedded = 0
    for doc in corpus.documents:
        prior = old.get(doc.doc_id)
        if prior is not None and prior[0] == doc.sha256 and previous is not None:
            _, (s_lo, s_hi), (c_lo, c_hi) = prior
            shift = len(sentences) - s_lo
            sentences.extend(previous.sentences[s_lo:s_hi])
            for c in previous.chunks[c_lo:c_hi]:
                chunks.append(dataclasses.replace(c, first_sentence=c.first_sentence + shift, last_sentence=c.last_sentence + shift))
            sent_rows.extend(previous.sentence_vectors[s_lo:s_hi])
            chunk_rows.extend(previous.chunk_vectors[c_lo:c_hi])
            continue
        embedded += 1
        doc_sents = document_sentences(doc, settings)
        chunks.extend(chunk_sentences(doc, doc_sents, len(sentences), settings))
        sentences.extend(doc_sents)
        sent_rows.extend([None] * len(doc_sents))
        chunk_rows.extend([None] * (len(chunks) - len(chunk_rows)))
    chunk_vectors = _fill(chunk_rows, [c.text for c in chunks], embedder, progress, "chunks")
    sentence_vectors = _fill(sent_rows, [s.text for s in sentences], embedder, progress, "sentences")
    vectors = FaissIndex(embedder.dim)
    vectors.add(chunk_vectors)
    manifest = {
        "format_version": INDEX_FORMAT_VERSION,
        "model": embedder.name,
        "dim": embedder.dim,
        "chunking": dataclasses.asdict(settings),
        "corpus_fingerprint": corpus.fingerprint,
        "documents": {d.doc_id: d.sha256 for d in corpus.documents},
        "counts": {"documents": len(corpus.documents), "chunks": len(chunks), "sentences": len(sentences)},
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    data = IndexData(
        manifest=manifest,
        documents=tuple(corpus.documents),
        sentences=tuple(sentences),
        chunks=tuple(chunks),
        figures=tuple(_figures(corpus.documents, sentences)),
        chunk_vectors=chunk_vectors,
        sentence_vectors=sentence_vectors,
        vectors=vectors,
        lexical=Lexical.build([c.text for c in chunks]),
    )
    return data, embedded


def _compatible(manifest: dict, model: str, settings: ChunkSettings) -> bool:
    return (
        manifest.get("format_version") == INDEX_FORMAT_VERSION
        and manifest.get("model") == model
        and manifest.get("chunking") == dataclasses.asdict(settings)
    )


def _doc_slices(data: IndexData) -> dict[str, tuple[str, tuple[int, int], tuple[int, int]]]:
    """Each document's sha and its contiguous ranges of sentences and chunks (documents are stored in order)."""
    sent_range: dict[str, list[int]] = {}
    for i, s in enumerate(data.sentences):
        sent_range.setdefault(s.doc_id, [i, i])[1] = i
    chunk_range: dict[str, list[int]] = {}
    for i, c in enumerate(data.chunks):
        chunk_range.setdefault(c.doc_id, [i, i])[1] = i
    spans: dict[str, tuple[str, tuple[int, int], tuple[int, int]]] = {}
    for doc in data.documents:
        if doc.doc_id in sent_range and doc.doc_id in chunk_range:
            (s_lo, s_hi), (c_lo, c_hi) = sent_range[doc.doc_id], chunk_range[doc.doc_id]
            spans[doc.doc_id] = (doc.sha256, (s_lo, s_hi + 1), (c_lo, c_hi + 1))
    return spans


def _fill(rows: list, texts: list[str], embedder: Embedder, progress: Progress | None, what: str) -> np.ndarray:
    todo = [i for i, row in enumerate(rows) if row is None]
    out = np.zeros((len(rows), embedder.dim), dtype=np.float32)
    for i, row in enumerate(rows):
        if row is not None:
            out[i] = row
    if todo:
        step = None if progress is None else (lambda done, total, _: progress(done, total, f"embedding {what}"))
        out[todo] = embedder.encode([texts[i] for i in todo], progress=step)
    return out


def _figures(documents: tuple[Document, ...], sentences: list[Sentence]) -> Iterator[DocFigure]:
    by_doc: dict[str, list[tuple[int, Sentence]]] = {}
    for i, s in enumerate(sentences):
        by_doc.setdefault(s.doc_id, []).append((i, s))
    for doc in documents:
        for sid, sent in by_doc.get(doc.doc_id, []):
            for f in extract_figures(sent.text):
                yield DocFigure(doc.doc_id, sid, dataclasses.replace(f, start=f.start + sent.start, end=f.end + sent.start))


# ---------------------------------------------------------------- writing


def write_index(data: IndexData, index_dir: Path) -> Path:
    """Write a new version folder and switch CURRENT to it atomically; older versions are removed after."""
    index_dir.mkdir(parents=True, exist_ok=True)
    tmp = index_dir / f".tmp-{uuid.uuid4().hex}"
    tmp.mkdir()
    try:
        _write_jsonl(tmp / "documents.jsonl", (dataclasses.asdict(d) for d in data.documents))
        _write_jsonl(tmp / "sentences.jsonl", ({"doc_id": s.doc_id, "start": s.start, "end": s.end} for s in data.sentences))
        _write_jsonl(
            tmp / "chunks.jsonl",
            ({k: v for k, v in dataclasses.asdict(c).items() if k != "text"} for c in data.chunks),
        )
        _write_jsonl(
            tmp / "figures.jsonl",
            ({"doc_id": f.doc_id, "sentence_id": f.sentence_id, **dataclasses.asdict(f.figure)} for f in data.figures),
        )
        np.save(tmp / "chunk_vectors.npy", data.chunk_vectors)
        np.save(tmp / "sentence_vectors.npy", data.sentence_vectors)
        data.vectors.save(tmp / "chunks.faiss")
        data.lexical.save(tmp / "lexical")
        manifest = dict(data.manifest, checksums=_checksums(tmp))
        _write_text(tmp / MANIFEST, json.dumps(manifest, indent=2, sort_keys=True))
        final = index_dir / f"v-{time.time_ns()}"
        os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _write_text(index_dir / (CURRENT + ".tmp"), final.name + "\n")
    os.replace(index_dir / (CURRENT + ".tmp"), index_dir / CURRENT)
    _fsync_dir(index_dir)
    for old in index_dir.iterdir():
        if old.name != final.name and (old.name.startswith("v-") or old.name.startswith(".tmp-")):
            shutil.rmtree(old, ignore_errors=True)
    return final


def _write_jsonl(path: Path, rows: Iterator[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def _write_text(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _checksums(folder: Path) -> dict[str, str]:
    sums = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != MANIFEST:
            sums[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sums


# ---------------------------------------------------------------- reading


def read_manifest(index_dir: Path) -> tuple[Path, dict]:
    """The live version folder and its manifest; IndexMissing or IndexCorrupt otherwise."""
    pointer = index_dir / CURRENT
    if not pointer.exists():
        if index_dir.exists() and any(p.name.startswith("v-") for p in index_dir.iterdir()):
            raise IndexCorrupt(f"{index_dir}/{CURRENT} is missing")
        raise IndexMissing(f"no index in {index_dir}: run `rag index`")
    try:
        version = index_dir / pointer.read_text(encoding="utf-8").strip()
        manifest = json.loads((version / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexCorrupt(f"the manifest in {index_dir} cannot be read ({exc})") from exc
    if not isinstance(manifest, dict) or "model" not in manifest or "checksums" not in manifest:
        raise IndexCorrupt(f"the manifest in {index_dir} is incomplete")
    return version, manifest


def read_index(index_dir: Path, model: str) -> IndexData:
    """Load the live index, verifying every file against the manifest's checksums."""
    version, manifest = read_manifest(index_dir)
    if manifest.get("model") != model:
        raise ModelMismatch(
            f"the index in {index_dir} was built with the model {manifest.get('model')!r}, not {model!r}:"
            f" run `rag index --force` to replace it, or pass --index with another folder"
        )
    for name, digest in manifest["checksums"].items():
        path = version / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            raise IndexCorrupt(f"{name} in {index_dir} is missing or damaged")
    try:
        documents = tuple(Document(**row) for row in _read_jsonl(version / "documents.jsonl"))
        texts = {d.doc_id: d.text for d in documents}
        sentences = tuple(
            Sentence(r["doc_id"], r["start"], r["end"], texts[r["doc_id"]][r["start"] : r["end"]])
            for r in _read_jsonl(version / "sentences.jsonl")
        )
        chunks = tuple(
            Chunk(text=texts[r["doc_id"]][r["start"] : r["end"]], **r) for r in _read_jsonl(version / "chunks.jsonl")
        )
        figures = tuple(
            DocFigure(r.pop("doc_id"), r.pop("sentence_id"), Figure(**r)) for r in _read_jsonl(version / "figures.jsonl")
        )
        data = IndexData(
            manifest=manifest,
            documents=documents,
            sentences=sentences,
            chunks=chunks,
            figures=figures,
            chunk_vectors=np.load(version / "chunk_vectors.npy"),
            sentence_vectors=np.load(version / "sentence_vectors.npy"),
            vectors=FaissIndex.load(version / "chunks.faiss"),
            lexical=Lexical.load(version / "lexical", len(chunks)),
        )
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexCorrupt(f"the index in {index_dir} cannot be loaded ({type(exc).__name__}: {exc})") from exc
    if data.vectors.count() != len(chunks) or len(data.sentence_vectors) != len(sentences):
        raise IndexCorrupt(f"the index in {index_dir} has vectors that do not match its chunks")
    return data


def _read_jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


# ---------------------------------------------------------------- the life cycle


def check_index_folder(index_dir: Path) -> None:
    """Refuse to write into a folder that holds anything but a rag index (nothing of the user's is overwritten)."""
    if index_dir.exists() and not index_dir.is_dir():
        raise IndexStoreError(f"{index_dir} is a file, not an index folder: pass --index with a folder")
    if not index_dir.exists():
        return
    foreign = [
        p.name for p in index_dir.iterdir()
        if not p.name.startswith(".") and p.name not in (CURRENT, CURRENT + ".tmp") and not p.name.startswith("v-")
    ]
    if foreign:
        raise IndexStoreError(
            f"{index_dir} holds files that are not a rag index ({', '.join(sorted(foreign)[:3])}):"
            " pass --index with an empty or new folder"
        )


@contextlib.contextmanager
def locked(index_dir: Path) -> Iterator[None]:
    """One writer at a time per index folder, across processes."""
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / LOCK).open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def index_is_fresh(manifest: dict, corpus: Corpus, model: str, settings: ChunkSettings) -> bool:
    return _compatible(manifest, model, settings) and manifest.get("corpus_fingerprint") == corpus.fingerprint


def ensure_index(
    index_dir: Path,
    corpus: Corpus,
    embedder: Callable[[], Embedder],
    model: str,
    settings: ChunkSettings = DEFAULT_CHUNK_SETTINGS,
    force: bool = False,
    log: Log | None = None,
    progress: Progress | None = None,
) -> EnsureResult:
    """Load the index for `corpus`, building or updating it first when it is missing, stale or corrupt.

    A folder built by another model is refused (ModelMismatch) unless `force`.
    """
    say = log or (lambda _msg: None)
    check_index_folder(index_dir)
    previous: IndexData | None = None
    action = "built"
    try:
        previous = read_index(index_dir, model)
    except IndexMissing:
        say(f"building the index in {index_dir}")
    except ModelMismatch:
        if not force:
            raise
        say(f"replacing the index in {index_dir} (built by another model)")
        action = "rebuilt"
    except IndexCorrupt as exc:
        say(f"the index is damaged ({exc}); rebuilding it")
        action = "rebuilt"
    if previous is not None:
        if not force and index_is_fresh(previous.manifest, corpus, model, settings):
            return EnsureResult(previous, "loaded")
        say(f"the corpus or settings changed; updating the index in {index_dir}")
        action = "updated"
    with locked(index_dir):
        data, embedded = build_index(corpus, embedder(), settings, None if force else previous, progress)
        write_index(data, index_dir)
    return EnsureResult(data, action, embedded)
