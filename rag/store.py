"""The index folder: atomic write, load with integrity checks, and the life cycle (build, update, rebuild).

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
from pathlib import Path

import numpy as np

from rag.building import build_index, compatible
from rag.config import DEFAULT_CHUNK_SETTINGS, ChunkSettings
from rag.corpus import Corpus
from rag.embedding import Embedder, Progress
from rag.errors import IndexCorrupt, IndexMissing, IndexStoreError, ModelMismatch
from rag.index_data import DocFigure, EnsureResult, IndexData
from rag.lexical import Lexical
from rag.records import Chunk, Document, Figure, Sentence
from rag.vectors import FaissIndex

__all__ = [
    "DocFigure", "EnsureResult", "IndexData", "build_index", "check_index_folder", "ensure_index", "index_is_fresh",
    "locked", "read_index", "read_manifest", "write_index",
]

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
LOCK = ".lock"
Log = Callable[[str], None]




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
    return compatible(manifest, model, settings) and manifest.get("corpus_fingerprint") == corpus.fingerprint


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
