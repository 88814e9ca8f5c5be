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
import errno
import fcntl
import hashlib
import json
import os
import re
import shutil
import stat
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from rag.building import build_index, compatible
from rag.config import DEFAULT_CHUNK_SETTINGS, ChunkSettings
from rag.corpus import Corpus
from rag.dating import DocTime
from rag.embedding import Embedder, Progress
from rag.errors import IndexCorrupt, IndexMissing, IndexStoreError, ModelMismatch
from rag.index_data import EnsureResult, IndexData
from rag.lexical import Lexical
from rag.records import Chunk, Claim, Document, Figure, Sentence
from rag.vectors import FaissIndex

__all__ = [
    "EnsureResult", "IndexData", "build_index", "check_index_folder", "ensure_index", "index_is_fresh",
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
        _write_jsonl(tmp / "claims.jsonl", (claim_row(c) for c in data.claims))
        _write_text(
            tmp / "claims_meta.json",
            json.dumps({"measure_classes": data.measure_classes, "times": {d: dataclasses.asdict(t) for d, t in data.times.items()}}),
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


def claim_row(c: Claim) -> dict:
    return {**dataclasses.asdict(c), "figure": dataclasses.asdict(c.figure), "scope": list(c.scope)}


def claim_from_row(r: dict) -> Claim:
    return Claim(**{**r, "figure": Figure(**r["figure"]), "scope": tuple(r["scope"])})


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

# CURRENT names a version folder directly inside the index folder: nothing else (no `..`, no `/`, no absolute path).
_VERSION_NAME = re.compile(r"v-[0-9]{1,30}")
_MAX_POINTER_BYTES = 256
# The files every version holds; a manifest whose checksums leave one out would let it go unchecked.
_REQUIRED_FILES = (
    "documents.jsonl", "sentences.jsonl", "chunks.jsonl", "claims.jsonl", "claims_meta.json",
    "chunk_vectors.npy", "sentence_vectors.npy", "chunks.faiss",
)


def read_manifest(index_dir: Path) -> tuple[Path, dict]:
    """The live version folder and its manifest; IndexMissing or IndexCorrupt otherwise.

    A version folder that vanishes while it is read (a rebuild beside this reader replaced it) is
    followed once to the version CURRENT names now.
    """
    pointer = _read_pointer(index_dir)
    try:
        return _read_version_manifest(index_dir, pointer)
    except IndexCorrupt:
        again = _read_pointer(index_dir)
        if again == pointer:
            raise
        return _read_version_manifest(index_dir, again)


def _read_pointer(index_dir: Path) -> str:
    """The version folder name in CURRENT, checked to be a `v-<n>` folder directly inside the index folder."""
    pointer = index_dir / CURRENT
    try:
        mode = os.lstat(pointer).st_mode
    except FileNotFoundError:
        if index_dir.is_dir() and any(p.name.startswith("v-") for p in index_dir.iterdir()):
            raise IndexCorrupt(f"{index_dir}/{CURRENT} is missing") from None
        raise IndexMissing(f"no index in {index_dir}: run `rag index`") from None
    except OSError as exc:
        raise IndexCorrupt(f"{index_dir}/{CURRENT} cannot be read ({exc.strerror})") from exc
    if not stat.S_ISREG(mode):
        raise IndexCorrupt(f"{index_dir}/{CURRENT} is not a plain file")
    try:
        with pointer.open("rb") as fh:
            name = fh.read(_MAX_POINTER_BYTES + 1).decode("utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise IndexCorrupt(f"{index_dir}/{CURRENT} cannot be read ({exc})") from exc
    if not _VERSION_NAME.fullmatch(name):
        raise IndexCorrupt(f"{index_dir}/{CURRENT} names {name[:80]!r}, not a version folder v-<n> inside the index folder")
    return name


def _read_version_manifest(index_dir: Path, name: str) -> tuple[Path, dict]:
    version = index_dir / name
    try:
        if not stat.S_ISDIR(os.lstat(version).st_mode):
            raise IndexCorrupt(f"{version} is not a folder")
        manifest = json.loads((version / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise IndexCorrupt(f"the manifest in {index_dir} cannot be read ({type(exc).__name__}: {exc})") from exc
    problem = manifest_problem(manifest)
    if problem:
        raise IndexCorrupt(f"the manifest in {index_dir} is damaged: {problem}")
    return version, manifest


def manifest_problem(manifest: object) -> str:
    """What is wrong with a manifest's shape, in words; "" when it has every field with the right type."""
    if not isinstance(manifest, dict):
        return "it is not a JSON object"
    for key, kind, what in (
        ("format_version", int, "a number"), ("model", str, "text"), ("dim", int, "a number"),
        ("chunking", dict, "an object"), ("corpus_fingerprint", str, "text"), ("documents", dict, "an object"),
        ("counts", dict, "an object"), ("checksums", dict, "an object"),
    ):
        if key not in manifest:
            return f"{key} is missing"
        if not isinstance(manifest[key], kind) or isinstance(manifest[key], bool):
            return f"{key} is not {what}"
    if manifest["dim"] <= 0:
        return "dim is not positive"
    for key in ("documents", "checksums"):
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in manifest[key].items()):
            return f"{key} does not map names to checksums"
    for name in manifest["checksums"]:
        if name.startswith("/") or ".." in name.split("/") or "\\" in name:
            return f"checksums name a file outside the version folder ({name[:80]!r})"
    missing = [name for name in _REQUIRED_FILES if name not in manifest["checksums"]]
    if missing:
        return f"checksums leave out {', '.join(missing)}"
    counts = manifest["counts"]
    for key in ("documents", "chunks", "sentences"):
        value = counts.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return f"counts.{key} is not a count"
    return ""


def read_index(index_dir: Path, model: str) -> IndexData:
    """Load the live index, verifying every file against the manifest's checksums.

    A reader never fails because a rebuild replaced the version it was reading: when files vanish
    or change under it, CURRENT is read again and the new version loaded once.
    """
    version, manifest = read_manifest(index_dir)
    try:
        return _load_version(index_dir, version, manifest, model)
    except IndexCorrupt:
        try:
            now = _read_pointer(index_dir)
        except IndexStoreError:
            now = version.name
        if now == version.name:
            raise
    version, manifest = read_manifest(index_dir)
    return _load_version(index_dir, version, manifest, model)


def _load_version(index_dir: Path, version: Path, manifest: dict, model: str) -> IndexData:
    if manifest.get("model") != model:
        raise ModelMismatch(
            f"the index in {index_dir} was built with the model {manifest.get('model')!r}, not {model!r}:"
            f" run `rag index --force` to replace it, or pass --index with another folder"
        )
    for name, digest in manifest["checksums"].items():
        path = version / name
        try:
            intact = path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == digest
        except OSError:
            intact = False
        if not intact:
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
        claims = tuple(claim_from_row(r) for r in _read_jsonl(version / "claims.jsonl"))
        meta = json.loads((version / "claims_meta.json").read_text(encoding="utf-8"))
        times = {d: DocTime(**t) for d, t in meta["times"].items()}
        data = IndexData(
            manifest=manifest,
            documents=documents,
            sentences=sentences,
            chunks=chunks,
            claims=claims,
            measure_classes=dict(meta["measure_classes"]),
            times=times,
            chunk_vectors=np.load(version / "chunk_vectors.npy"),
            sentence_vectors=np.load(version / "sentence_vectors.npy"),
            vectors=FaissIndex.load(version / "chunks.faiss"),
            lexical=Lexical.load(version / "lexical", len(chunks)),
        )
    except (OSError, ValueError, KeyError, TypeError, RuntimeError, AttributeError, IndexError, RecursionError) as exc:
        raise IndexCorrupt(f"the index in {index_dir} cannot be loaded ({type(exc).__name__}: {exc})") from exc
    if data.vectors.count() != len(chunks) or len(data.sentence_vectors) != len(sentences):
        raise IndexCorrupt(f"the index in {index_dir} has vectors that do not match its chunks")
    counts = manifest["counts"]
    if (counts["documents"], counts["chunks"], counts["sentences"]) != (len(documents), len(chunks), len(sentences)):
        raise IndexCorrupt(f"the index in {index_dir} holds other counts than its manifest says")
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

    A folder built by another model is refused (ModelMismatch) unless `force`. When the new version cannot
    be written (disk full, read-only) but the previous one loaded, that one is returned as "stale" with a warning.
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
    try:
        with locked(index_dir):
            data, embedded = build_index(corpus, embedder(), settings, None if force else previous, progress)
            write_index(data, index_dir)
    except (OSError, IndexStoreError) as exc:
        if previous is None or not _storage_refused(exc):
            raise
        say(f"warning: the index could not be updated ({_why(exc, index_dir)}); answering from the previous index")
        return EnsureResult(previous, "stale")
    return EnsureResult(data, action, embedded)


# The storage refused the new version (full, read-only, not ours to write); the previous one is still whole.
_STORAGE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO})


def _storage_refused(exc: BaseException) -> bool:
    return isinstance(exc, IndexStoreError) or (isinstance(exc, OSError) and exc.errno in _STORAGE_ERRNOS)


def _why(exc: BaseException, index_dir: Path) -> str:
    """One line: what went wrong and where (a write error often carries no file name, so the folder stands in)."""
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename or index_dir}"
    return str(exc)
