"""The index folder: versions over immutable segments, switched atomically, opened without reading it all.

    index/CURRENT          names the live version, `v-<n>`
    index/v-<n>/           manifest.json (model, dimension, chunking, the segments and their checksums,
                           documents deleted from them, stamp overrides, checksum of derived.json)
                           derived.json (what is computed across articles: measure classes, article dates)
    index/seg-<id>/        segments (segment.py), shared by versions, never rewritten

An update writes a new segment holding only the added and changed articles, marks their old copies
deleted in the new manifest, and switches CURRENT: its bytes grow with the change, not with the corpus.
Small indexes are kept in one segment, and past MAX_SEGMENTS the small segments are merged by the writer
(`rag index --optimize` merges all). One writer at a time (a lock file); a crash at any moment leaves the
previous version whole. Opening checks sizes, headers and the small files' checksums; `rag index --check`
hashes everything.
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
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from rag.config import DEFAULT_CHUNK_SETTINGS, DEFAULT_SENTENCE_VECTORS, INDEX_FORMAT_VERSION, ChunkSettings
from rag.corpus import CorpusScan, FileEntry, no_articles, read_entries, scan_corpus
from rag.dating import SAME_EVENT_MAX_ARTICLES, DocTime, times_from_bounds
from rag.disagreement import measure_classes
from rag.embedding import Embedder, Progress
from rag.errors import CorpusError, IndexCorrupt, IndexMissing, IndexOutdated, IndexStoreError, ModelMismatch
from rag.index.embed import check_route, embed_parts
from rag.index.parts import DocPart, process_document
from rag.index.reuse import Known, known_from, sentence_route
from rag.index.segment import (
    Segment,
    SegmentInput,
    fsync_path,
    open_segment,
    read_segment_meta,
    segment_parts,
    verify,
    write_segment,
)
from rag.index.view import IndexData
from rag.records import Claim, Document, SkippedFile

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
DERIVED = "derived.json"
LOCK = ".lock"
MERGE_ALL_BELOW_DOCUMENTS = 200  # an index this small is kept in one segment (a merge costs little)
MAX_SEGMENTS = 8  # past this many, the writer merges the small ones
DERIVE_NEAR_MAX = 100  # articles re-dated around an update at most (those linked to it through stated facts)
RACY_NS = 2_000_000_000  # files modified this close to an index write are compared by content, not by stamp
Log = Callable[[str], None]

_VERSION_NAME = re.compile(r"v-[0-9]{1,30}")
_SEGMENT_NAME = re.compile(r"seg-[0-9a-f]{16}")
_MAX_POINTER_BYTES = 256


@dataclasses.dataclass(frozen=True)
class EnsureResult:
    data: IndexData
    action: str  # "loaded", "built", "updated", "rebuilt" or "stale"
    embedded_documents: int = 0
    skipped: tuple[SkippedFile, ...] = ()
    written_bytes: int = 0


# ---------------------------------------------------------------- reading


def read_manifest(index_dir: Path) -> tuple[Path, dict]:
    """The live version folder and its manifest; IndexMissing or IndexCorrupt otherwise.

    A version folder that vanishes while it is read (a writer beside this reader replaced it) is followed
    once to the version CURRENT names now.
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
    pointer = index_dir / CURRENT
    try:
        mode = os.lstat(pointer).st_mode
    except FileNotFoundError:
        if index_dir.is_dir() and any(p.name.startswith(("v-", "seg-")) for p in index_dir.iterdir()):
            raise IndexCorrupt(f"{index_dir}/{CURRENT} is missing") from None
        raise IndexMissing(f"no index in {index_dir}: run `rag index`") from None
    except NotADirectoryError:
        raise IndexStoreError(f"{index_dir} is inside a file, not a folder: pass --index with a folder") from None
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
        ("chunking", dict, "an object"), ("segments", list, "a list"), ("deleted", dict, "an object"),
        ("stamps", dict, "an object"), ("counts", dict, "an object"), ("checksums", dict, "an object"),
    ):
        if key not in manifest:
            return f"{key} is missing"
        if not isinstance(manifest[key], kind) or isinstance(manifest[key], bool):
            return f"{key} is not {what}"
    if manifest["dim"] <= 0:
        return "dim is not positive"
    for seg in manifest["segments"]:
        if not isinstance(seg, dict) or not isinstance(seg.get("name"), str) or not _SEGMENT_NAME.fullmatch(seg["name"]):
            return "segments name something that is not a segment folder"
        if not isinstance(seg.get("sha256"), str):
            return f"segment {seg['name']} has no checksum"
    names = {s["name"] for s in manifest["segments"]}
    for name, ids in manifest["deleted"].items():
        if name not in names or not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            return "deleted does not map segments to document ids"
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in manifest["stamps"].items()):
        return "stamps do not map document ids to stamps"
    if not isinstance(manifest["checksums"].get(DERIVED), str):
        return f"checksums leave out {DERIVED}"
    counts = manifest["counts"]
    for key in ("documents", "chunks", "sentences"):
        value = counts.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return f"counts.{key} is not a count"
    return ""


def read_index(index_dir: Path, model: str, reuse: Mapping[str, Segment] | None = None) -> IndexData:
    """Open the live index. A reader never fails because a writer replaced the version it was opening:
    when files vanish under it, CURRENT is read again and the new version opened once. `reuse` holds segments
    already open (by name), which the new view shares instead of opening them again."""
    version, manifest = read_manifest(index_dir)
    try:
        return _open_version(index_dir, version, manifest, model, reuse)
    except IndexCorrupt:
        try:
            now = _read_pointer(index_dir)
        except (IndexCorrupt, IndexMissing):
            now = version.name
        if now == version.name:
            raise
    version, manifest = read_manifest(index_dir)
    return _open_version(index_dir, version, manifest, model, reuse)


def _open_version(index_dir: Path, version: Path, manifest: dict, model: str, reuse: Mapping[str, Segment] | None = None) -> IndexData:
    if manifest["model"] != model:
        raise ModelMismatch(
            f"the index in {index_dir} was built with the model {manifest['model']!r}, not {model!r}:"
            f" run `rag index --force` to replace it, or pass --index with another folder"
        )
    if manifest["format_version"] != INDEX_FORMAT_VERSION:
        raise IndexOutdated(
            f"the index in {index_dir} has format {manifest['format_version']}; this version of rag reads format {INDEX_FORMAT_VERSION}"
        )
    segments = []
    opened: list[Segment] = []  # closed again if the version cannot be opened (the reused ones are not ours)
    try:
        derived_raw = (version / DERIVED).read_bytes()
        if hashlib.sha256(derived_raw).hexdigest() != manifest["checksums"][DERIVED]:
            raise IndexCorrupt(f"{DERIVED} in {index_dir} is missing or damaged")
        derived = json.loads(derived_raw)
        classes = dict(derived["measure_classes"])
        times = {d: DocTime(d, lo, up, basis) for d, (lo, up, basis) in derived["times"].items()}
        for entry in manifest["segments"]:
            folder = index_dir / entry["name"]
            raw = (folder / "segment.json").read_bytes()
            if hashlib.sha256(raw).hexdigest() != entry["sha256"]:
                raise IndexCorrupt(f"segment {entry['name']} in {index_dir} is damaged")
            seg = (reuse or {}).get(entry["name"])
            if seg is None:
                seg = open_segment(folder, manifest["dim"])
                opened.append(seg)
            segments.append(seg)
        deleted = {name: set(ids) for name, ids in manifest["deleted"].items()}
        data = IndexData(manifest, segments, deleted, classes, times)
    except IndexCorrupt:
        _close(opened)
        raise
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        _close(opened)
        raise IndexCorrupt(f"the index in {index_dir} cannot be opened ({type(exc).__name__}: {exc})") from exc
    counts = manifest["counts"]
    if (counts["documents"], counts["chunks"], counts["sentences"]) != (len(data.documents), len(data.chunks), len(data.sentences)):
        _close(opened)
        raise IndexCorrupt(f"the index in {index_dir} holds other counts than its manifest says")
    return data


def _close(segments: Sequence) -> None:
    for seg in segments:
        seg.close()


def check_index(index_dir: Path, model: str, log: Log | None = None) -> int:
    """Hash every byte of the live index against its checksums (`rag index --check`); returns the number of
    segments checked, raises IndexCorrupt naming the first damage found (its `segment`: the damaged segment's name)."""
    version, manifest = read_manifest(index_dir)
    data = _open_version(index_dir, version, manifest, model)
    data.close()
    for entry in manifest["segments"]:
        folder = index_dir / entry["name"]
        try:
            verify(folder, read_segment_meta(folder))
        except IndexCorrupt as exc:
            exc.segment = entry["name"]  # which segment to index again
            raise
        if log:
            log(f"segment {entry['name']}: intact")
    return len(manifest["segments"])


# ---------------------------------------------------------------- writing


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


def check_index_folder(index_dir: Path) -> None:
    """Refuse to write into a folder that holds anything but a rag index (nothing of the user's is overwritten)."""
    if index_dir.exists() and not index_dir.is_dir():
        raise IndexStoreError(f"{index_dir} is a file, not an index folder: pass --index with a folder")
    if not index_dir.exists():
        return
    foreign = [
        p.name for p in index_dir.iterdir()
        if not p.name.startswith(".") and p.name not in (CURRENT, CURRENT + ".tmp") and not p.name.startswith(("v-", "seg-"))
    ]
    if foreign:
        raise IndexStoreError(
            f"{index_dir} holds files that are not a rag index ({', '.join(sorted(foreign)[:3])}):"
            " pass --index with an empty or new folder"
        )


def compatible(manifest: dict, model: str, settings: ChunkSettings) -> bool:
    return (
        manifest.get("format_version") == INDEX_FORMAT_VERSION
        and manifest.get("model") == model
        and manifest.get("chunking") == dataclasses.asdict(settings)
    )


@dataclasses.dataclass(frozen=True)
class Plan:
    """What an update must do: articles to (re)index, live copies to drop, stamps to record."""

    fresh: tuple[FileEntry, ...]  # added or changed on disk (by stamp), to be read
    removed: tuple[str, ...]  # doc ids in the index no longer in the corpus
    live: dict[str, tuple[str, str, str]]  # doc id -> (file, stamp, sha256) of the indexed copy

    @property
    def empty(self) -> bool:
        return not self.fresh and not self.removed


def plan_update(data: IndexData | None, scan: CorpusScan) -> Plan:
    live: dict[str, tuple[str, str, str]] = {}
    if data is not None:
        for i, seg in enumerate(data.segments):
            dead = data._dead_rows[i]
            live.update({doc_id: (file, stamp, sha) for row, doc_id, _, _, file, stamp, sha in seg.doc_rows() if row not in dead})
        for doc_id, stamp in data.manifest.get("stamps", {}).items():  # stamps renewed since (content unchanged)
            if doc_id in live:
                file, _, sha = live[doc_id]
                live[doc_id] = (file, stamp, sha)
    present = {e.doc_id for e in scan.entries}
    # "racy" files, like git's: changed within the clock's resolution of the index write, so a stamp alone cannot
    # tell; they are read again and compared by content
    racy_after = (data.manifest.get("written_ns", 0) if data is not None else 0) - RACY_NS
    missing = ("", "", "")
    fresh = tuple(
        e for e in scan.entries
        if (known := live.get(e.doc_id, missing))[1] != e.stamp or known[0] != e.file or e.mtime_ns >= racy_after
    )
    removed = tuple(sorted(set(live) - present))
    return Plan(fresh, removed, live)


def ensure_index(
    index_dir: Path,
    corpus_dir: Path,
    embedder: Callable[[], Embedder],
    model: str,
    settings: ChunkSettings = DEFAULT_CHUNK_SETTINGS,
    force: bool = False,
    log: Log | None = None,
    progress: Progress | None = None,
    optimize: bool = False,
    process: Callable[..., tuple[list[tuple[DocPart, object]], list[SkippedFile]]] | None = None,
    damaged: frozenset[str] = frozenset(),
    sentence_vectors: str | None = None,
) -> EnsureResult:
    """Open the index of `corpus_dir`, first updating it when articles were added, changed or removed
    (found by size and modification time, then by content), building it when missing or damaged.

    A folder built by another model is refused (ModelMismatch) unless `force`. When the new version cannot
    be written (disk full, read-only) but the previous one opened, that one is returned as "stale" with a warning.
    `process` replaces the local reading, parsing and embedding (the Ray pipeline). `damaged` names segments a
    full check found damaged: their articles are indexed again from the corpus and the segments dropped.
    `sentence_vectors` (rag.config.SENTENCE_VECTOR_ROUTES): how the vectors are made; None keeps the open
    index's way (or the default for a new one), another way than the index's builds it again.
    """
    say = log or (lambda _msg: None)
    if sentence_vectors is not None:
        check_route(sentence_vectors)
    check_index_folder(index_dir)
    scan = scan_corpus(corpus_dir)
    previous, action = _open_previous(index_dir, model, force, say)
    if (previous is not None and not force and not optimize and not damaged and compatible(previous.manifest, model, settings)
            and sentence_vectors in (None, sentence_route(previous.manifest))):
        if plan_update(previous, scan).empty:
            return EnsureResult(previous, "loaded", skipped=scan.skipped)
    opened = live_version(index_dir) if previous is not None else None
    try:
        with locked(index_dir):
            # another writer may have finished while this one waited: decide against what is live now
            if previous is None or live_version(index_dir) != opened:
                if previous is not None:
                    previous.close()
                previous, action = _open_previous(index_dir, model, force, None, action)
            return _update(
                index_dir, scan, previous, embedder, settings, force, optimize, action, say, progress, process, damaged, sentence_vectors
            )
    except (OSError, IndexStoreError) as exc:
        if not _storage_refused(exc):
            raise
        try:
            stale = read_index(index_dir, model)
        except (IndexMissing, IndexCorrupt, ModelMismatch):
            raise exc from None
        say(f"warning: the index could not be updated ({_why(exc, index_dir)}); answering from the previous index")
        return EnsureResult(stale, "stale", skipped=scan.skipped)


def live_version(index_dir: Path) -> str | None:
    """The name of the version CURRENT makes live, or None where there is none fit to read: one small file read."""
    try:
        return _read_pointer(index_dir)
    except (IndexMissing, IndexCorrupt):
        return None


def _open_previous(index_dir: Path, model: str, force: bool, say: Log | None, action: str = "built") -> tuple[IndexData | None, str]:
    try:
        return read_index(index_dir, model), "updated"
    except IndexMissing:
        if say:
            say(f"building the index in {index_dir}")
        return None, action
    except ModelMismatch:
        if not force:
            raise
        if say:
            say(f"replacing the index in {index_dir} (built by another model)")
        return None, "rebuilt"
    except IndexOutdated as exc:
        if say:
            say(f"{exc}: rebuilding it")
        return None, "rebuilt"
    except IndexCorrupt as exc:
        if say:
            say(f"the index is damaged ({exc}); rebuilding it")
        return None, "rebuilt"


def _update(
    index_dir: Path, scan: CorpusScan, previous: IndexData | None, embedder: Callable[[], Embedder], settings: ChunkSettings,
    force: bool, optimize: bool, action: str, say: Log, progress: Progress | None, process: Callable | None,
    damaged: frozenset[str] = frozenset(), sentence_vectors: str | None = None,
) -> EnsureResult:
    route = sentence_vectors or (sentence_route(previous.manifest) if previous is not None else DEFAULT_SENTENCE_VECTORS)
    if previous is not None and route != sentence_route(previous.manifest):
        say(f"building the index in {index_dir} again: vectors {route}, not {sentence_route(previous.manifest)}")
        previous.close()
        previous, action = None, "rebuilt"
    if previous is not None and (force or not compatible(previous.manifest, previous.manifest["model"], settings)):
        previous.close()
        previous, action = None, ("rebuilt" if force else "updated")
    plan = plan_update(previous, scan)
    lost: dict[str, str] = {}  # doc id -> the damaged segment that held it
    if previous is not None and damaged:
        lost = {d: previous.segments[p.segment].name for d, p in previous._places.items() if previous.segments[p.segment].name in damaged}
        known = {e.doc_id for e in plan.fresh}
        again = tuple(e for e in scan.entries if e.doc_id in lost and e.doc_id not in known)
        plan = Plan(plan.fresh + again, plan.removed, {d: v for d, v in plan.live.items() if d not in lost})
    if previous is not None and plan.empty and not optimize and not lost:
        return EnsureResult(previous, "loaded", skipped=scan.skipped)
    items: list[tuple[Document, object]]
    if process is None:
        documents, skipped = read_entries(scan, plan.fresh)
        items = [(d, None) for d in documents]
    else:
        built, skipped = process(scan, plan.fresh, route)
        items = [(part.document, (part, vectors)) for part, vectors in built]
    stamps = dict(previous.manifest["stamps"]) if previous is not None else {}
    entry_of = {e.doc_id: e for e in plan.fresh}
    changed: list[tuple[Document, str, object]] = []
    for doc, extra in items:
        old = plan.live.get(doc.doc_id)
        if old is not None and old[0] == doc.file and old[2] == doc.sha256:
            if entry_of[doc.doc_id].stamp != old[1]:
                stamps[doc.doc_id] = entry_of[doc.doc_id].stamp  # touched, not changed: remember its new stamp
        else:
            changed.append((doc, entry_of[doc.doc_id].stamp, extra))
    replaced = {d.doc_id for d, _, _ in changed if d.doc_id in plan.live} | set(plan.removed)
    if previous is not None and not changed and not replaced and not optimize and not lost and stamps == previous.manifest["stamps"]:
        return EnsureResult(previous, "loaded", skipped=(*scan.skipped, *skipped))
    if previous is not None and (changed or replaced):
        added = sum(1 for d, _, _ in changed if d.doc_id not in plan.live)
        say(f"the corpus changed ({added} added, {len(changed) - added} changed, {len(plan.removed)} removed);"
            f" updating the index in {index_dir}")
    if len(plan.live) - len(replaced) + len(changed) <= 0:
        raise no_articles(scan.folder, (*scan.skipped, *skipped))
    segments = list(previous.manifest["segments"]) if previous is not None else []
    deleted = {k: set(v) for k, v in previous.manifest["deleted"].items()} if previous is not None else {}
    model = previous.manifest["model"] if previous is not None else embedder().name
    dim = int(previous.manifest["dim"]) if previous is not None else embedder().dim
    if previous is not None:
        for doc_id in replaced | set(lost):
            place = previous._places.get(doc_id)
            if place is not None:
                deleted.setdefault(previous.segments[place.segment].name, set()).add(doc_id)
            stamps.pop(doc_id, None)
    new_segment = None
    if changed:
        if process is None:
            # an edited article's unchanged text is taken from its old copy, never from a damaged segment
            reusable = [d.doc_id for d, _, _ in changed if d.doc_id not in lost]
            reused = known_from(previous, reusable) if previous is not None else Known()
            parts = [process_document(d, settings, stamp, reused.claims.get(d.doc_id)) for d, stamp, _ in changed]
            seg_input = _embed(parts, embedder(), progress, reused, route)
        else:
            seg_input = _input_from_built(
                [(dataclasses.replace(extra[0], stamp=stamp), extra[1]) for _, stamp, extra in changed]  # type: ignore[index]
            )
        new_segment = write_segment(index_dir, seg_input, dim)
        segments.append(_segment_entry(index_dir, new_segment))
    embedded = len(changed)
    segments, deleted = _merge(index_dir, previous, segments, deleted, dim, optimize or force, say)
    touched = None if optimize else {d.doc_id for d, _, _ in changed} | replaced | set(lost)
    version = _write_version(index_dir, model, dim, settings, segments, deleted, stamps, previous, touched, route)
    _collect(index_dir, version, segments)
    shared = {s.name: s for s in previous.segments} if previous is not None else {}
    data = read_index(index_dir, model, shared)
    _close([s for s in shared.values() if s not in data.segments])
    written = _bytes_of(version) + (_bytes_of(index_dir / new_segment) if new_segment else 0)
    return EnsureResult(data, action, embedded, (*scan.skipped, *skipped), written)


def _input_from_built(built: Sequence[tuple[DocPart, object]]) -> SegmentInput:
    import numpy as np

    parts = [p for p, _ in built]
    chunk_vectors = [v[0] for _, v in built]  # type: ignore[index]
    sentence_vectors = [v[1] for _, v in built]  # type: ignore[index]
    dim = chunk_vectors[0].shape[1] if chunk_vectors else 0
    return SegmentInput(
        parts,
        np.concatenate(chunk_vectors) if chunk_vectors else np.zeros((0, dim), dtype=np.float32),
        np.concatenate(sentence_vectors) if sentence_vectors else np.zeros((0, dim), dtype=np.float32),
    )


def _embed(
    parts: list[DocPart], embedder: Embedder, progress: Progress | None, known: Known | None = None, route: str = DEFAULT_SENTENCE_VECTORS,
) -> SegmentInput:
    """The parts' chunk and sentence vectors (rag.index.embed); what `known` holds (an edited article's unchanged
    text) is not encoded again."""
    chunk_vectors, sentence_vectors = embed_parts(parts, embedder, progress, known, route)
    return SegmentInput(parts, chunk_vectors, sentence_vectors)


def _segment_entry(index_dir: Path, name: str) -> dict:
    raw = (index_dir / name / "segment.json").read_bytes()
    meta = json.loads(raw)
    return {"name": name, "sha256": hashlib.sha256(raw).hexdigest(), **meta["counts"]}


def _merge(
    index_dir: Path, previous: IndexData | None, segments: list[dict], deleted: dict[str, set[str]], dim: int,
    everything: bool, say: Log,
) -> tuple[list[dict], dict[str, set[str]]]:
    """Merge segments when the index is small (one segment), when there are too many, or when asked to."""
    live = {s["name"]: s["documents"] - len(deleted.get(s["name"], ())) for s in segments}
    total = sum(live.values())
    if len(segments) <= 1 and not any(deleted.values()):
        return segments, deleted
    if everything or total <= MERGE_ALL_BELOW_DOCUMENTS:
        chosen = [s["name"] for s in segments]
    elif len(segments) > MAX_SEGMENTS or any(live[s["name"]] * 2 < s["documents"] for s in segments):
        largest = max(live.values())
        chosen = [s["name"] for s in segments if live[s["name"]] * 10 <= largest or live[s["name"]] * 2 < s["documents"]]
        if len(chosen) < 2 and len(segments) > MAX_SEGMENTS:
            chosen = [s["name"] for s in sorted(segments, key=lambda s: live[s["name"]])[: len(segments) - MAX_SEGMENTS + 1]]
    else:
        return segments, deleted
    if len(chosen) < 2 and not any(deleted.get(n) for n in chosen):
        return segments, deleted
    if len(chosen) > 1 and total > MERGE_ALL_BELOW_DOCUMENTS:
        say(f"merging {len(chosen)} segments")
    parts: list[tuple[str, DocPart, object, object]] = []
    import numpy as np

    sizes = {s["name"]: s["documents"] for s in segments}
    for name in chosen:
        gone = deleted.get(name, set())
        if len(gone) >= sizes[name]:
            continue  # nothing of it is live (a damaged segment is never read again)
        seg = open_segment(index_dir / name, dim)
        try:
            rows = [row for row, doc_id in seg.query("SELECT row, doc_id FROM documents ORDER BY row") if doc_id not in gone]
            got = segment_parts(seg, rows)
        finally:
            seg.close()
        c = s = 0
        for part in got.parts:
            nc, ns = len(part.chunks), len(part.sentences)
            parts.append((part.document.file, part, got.chunk_vectors[c : c + nc], got.sentence_vectors[s : s + ns]))
            c, s = c + nc, s + ns
    parts.sort(key=lambda p: (p[0], p[1].document.doc_id))  # the order a fresh build has: by file name
    merged = SegmentInput(
        [p for _, p, _, _ in parts],
        np.concatenate([v for _, _, v, _ in parts]) if parts else np.zeros((0, dim), dtype=np.float32),  # type: ignore[misc]
        np.concatenate([v for _, _, _, v in parts]) if parts else np.zeros((0, dim), dtype=np.float32),  # type: ignore[misc]
    )
    kept = [s for s in segments if s["name"] not in chosen]
    if merged.parts:
        kept.append(_segment_entry(index_dir, write_segment(index_dir, merged, dim)))
    return kept, {k: v for k, v in deleted.items() if k not in chosen and v}


def _write_version(
    index_dir: Path, model: str, dim: int, settings: ChunkSettings, segments: list[dict], deleted: dict[str, set[str]],
    stamps: dict[str, str], previous: IndexData | None, touched: set[str] | None = None, route: str = DEFAULT_SENTENCE_VECTORS,
) -> Path:
    written_ns = time.time_ns()
    if previous is not None and touched is not None:
        derived = _derive_near(index_dir, segments, deleted, dim, previous, touched)
    else:
        derived = _derive(index_dir, segments, deleted, dim)
    tmp = index_dir / f".tmp-v-{time.time_ns()}"
    tmp.mkdir()
    try:
        raw = json.dumps(derived, separators=(",", ":")).encode("utf-8")
        _write_bytes(tmp / DERIVED, raw)
        live_docs = sum(s["documents"] - len(deleted.get(s["name"], ())) for s in segments)
        manifest = {
            "format_version": INDEX_FORMAT_VERSION,
            "model": model,
            "dim": dim,
            "chunking": dataclasses.asdict(settings),
            "sentence_vectors": route,
            "segments": segments,
            "deleted": {k: sorted(v) for k, v in deleted.items()},
            "stamps": stamps,
            "counts": {
                "documents": live_docs,
                "chunks": sum(s["chunks"] for s in segments),
                "sentences": sum(s["sentences"] for s in segments),
            },
            "checksums": {DERIVED: hashlib.sha256(raw).hexdigest()},
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "written_ns": written_ns,
        }
        _write_bytes(tmp / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"))
        final = index_dir / f"v-{time.time_ns()}"
        os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    fsync_path(index_dir)
    _write_bytes(index_dir / (CURRENT + ".tmp"), (final.name + "\n").encode())
    os.replace(index_dir / (CURRENT + ".tmp"), index_dir / CURRENT)
    fsync_path(index_dir)
    return final


def _derive(index_dir: Path, segments: list[dict], deleted: dict[str, set[str]], dim: int) -> dict:
    """What is computed across articles: measure classes and article dates, from every live claim and date bound."""
    claims: list[Claim] = []
    docs: list[tuple[str, str, tuple]] = []
    for entry in segments:
        seg = open_segment(index_dir / entry["name"], dim)
        try:
            gone = deleted.get(entry["name"], set())
            dead = {row for row, doc_id in seg.query("SELECT row, doc_id FROM documents") if doc_id in gone}
            for row, doc_id, date, lo, lw, up, uw in seg.query(
                "SELECT row, doc_id, date, lower, low_words, upper, up_words FROM documents ORDER BY row"
            ):
                if row not in dead:
                    docs.append((doc_id, date or "", (lo, lw or "", up, uw or "")))
            claims.extend(c for row, c in seg.claims_where("1 = 1", (), 0) if row not in dead)
        finally:
            seg.close()
    classes = measure_classes(claims)
    times = times_from_bounds(docs, claims, classes)
    return {"measure_classes": classes, "times": {d: [t.lower, t.upper, t.basis] for d, t in times.items()}}


def _derive_near(
    index_dir: Path, segments: list[dict], deleted: dict[str, set[str]], dim: int, previous: IndexData, touched: set[str],
) -> dict:
    """`_derive` for an update, in work that grows with the change: the added, changed and removed articles, and
    every article linked to them through stated facts (hop by hop, a fact stated by more than
    SAME_EVENT_MAX_ARTICLES linking nothing), are dated again from their own evidence, as a full build dates them.
    The rest keep their dates. Past DERIVE_NEAR_MAX linked articles the search stops and those found start from
    the dates they had (then a date a removed article had pushed later stays until `rag index --optimize`)."""
    shared = {s.name: s for s in previous.segments}
    opened = [open_segment(index_dir / s["name"], dim) for s in segments if s["name"] not in shared]
    fresh = {s.name: s for s in opened}
    view = IndexData({"dim": dim}, [shared.get(s["name"]) or fresh[s["name"]] for s in segments], deleted, {}, {})
    try:
        facts = {_fact(c) for d in touched if previous.has_document(d) for c in previous.claims_of_document(d) if c.subject}
        pool = {d for d in touched if view.has_document(d)}
        of_doc = {d: view.claims_of_document(d) for d in pool}
        facts |= {_fact(c) for d in pool for c in of_doc[d] if c.subject}
        # every article linked to the change through shared facts, hop by hop: dated again from scratch, as a full
        # build would (a date one of them had through an edited or removed article must not outlive it)
        done: set[tuple[str, str, str]] = set()
        closed = True
        while facts and closed:
            found: set[str] = set()
            for fact in sorted(facts):
                stating = view.documents_stating(*fact)
                if len(stating) <= SAME_EVENT_MAX_ARTICLES:  # a common fact links no event
                    found |= stating - pool
            done |= facts
            if len(pool) + len(found) > DERIVE_NEAR_MAX:
                closed = False  # too wide to follow: the rest start from the dates they had
                found = set(sorted(found)[: max(0, DERIVE_NEAR_MAX - len(pool))])
            pool |= found
            of_doc.update((d, view.claims_of_document(d)) for d in found)
            facts = {_fact(c) for d in found for c in of_doc[d] if c.subject} - done
        claims = [c for d in sorted(pool) for c in of_doc[d]]
        classes = dict(previous.measure_classes)
        for stem, rep in measure_classes(claims).items():
            a, b = classes.get(stem, stem), classes.get(rep, rep)
            keep = min(a, b)
            if a != b:  # join two classes: point every member of the later one at the earlier
                classes = {k: (keep if v == max(a, b) else v) for k, v in classes.items()}
            classes.setdefault(stem, keep)
            classes.setdefault(rep, keep)
        prior = {} if closed else {d: t for d, t in previous.times.items() if d in pool and d not in touched}
        times = {d: t for d, t in previous.times.items() if d not in touched and d not in pool and view.has_document(d)}
        times.update(times_from_bounds([(d, *view.date_evidence(d)) for d in sorted(pool)], claims, classes, prior))
    finally:
        _close(opened)
    return {"measure_classes": classes, "times": {d: [t.lower, t.upper, t.basis] for d, t in times.items()}}


def _fact(c: Claim) -> tuple[str, str, str]:
    from rag.disagreement import entity_key

    return entity_key(c.subject), c.figure.unit, repr(float(c.figure.value))


def _collect(index_dir: Path, version: Path, segments: list[dict]) -> None:
    """Remove versions, segments and leftovers the live version does not use (readers that have them open keep them)."""
    keep = {version.name} | {s["name"] for s in segments}
    for path in index_dir.iterdir():
        if path.name.startswith(("v-", "seg-", ".tmp-")) and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def _bytes_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _write_bytes(path: Path, raw: bytes) -> None:
    with path.open("wb") as fh:
        fh.write(raw)
        fh.flush()
        os.fsync(fh.fileno())


# The storage refused the new version (full, read-only, not ours to write); the previous one is still whole.
_STORAGE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO})


def _storage_refused(exc: BaseException) -> bool:
    return isinstance(exc, IndexStoreError) or (isinstance(exc, OSError) and exc.errno in _STORAGE_ERRNOS)


def _why(exc: BaseException, index_dir: Path) -> str:
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename or index_dir}"
    return str(exc)


__all__ = [
    "CorpusError", "EnsureResult", "IndexData", "check_index", "check_index_folder", "ensure_index", "locked",
    "read_index", "read_manifest",
]
