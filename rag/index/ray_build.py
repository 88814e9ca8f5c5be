"""Reading, parsing, chunking and embedding a corpus as a Ray Data pipeline, for when one machine is not enough.

The unit of work is the single-machine build's own: `rag.corpus.read_document`, then
`rag.index.parts.process_document`, then `rag.index.embed.embed_parts`. Ray only spreads it:

    from_items(entries) -> map(read + process one file) -> map_batches(embed, actor pool) -> collect

The embedding actors load the model once each, through `embedder_factory()`. Ray Data fuses the
read/process step into the embedding actors (same resources, task -> actor fusion), so each actor reads,
cuts and embeds its own batch of files and the result leaves the actor once.

Records cross process boundaries as pickled bytes in a column (Ray Data rows are dicts of columns); every
node must run the same Python and the same packages as the driver. What a cluster needs:

* the corpus folder at the same absolute path on every node (a shared filesystem), since workers read the files;
* this project's dependencies installed on every node (spaCy, sentence-transformers, the packaged model);
* the `rag` code itself travels with the job: when `ray_process` joins a running cluster it ships the
  driver's `rag` package to the workers (`runtime_env` `py_modules`, about 0.4 MB), so every node cuts text
  with the driver's code even where another version is installed. (Ray puts the driver's working directory
  first on the workers' path, so a node that has a checkout at that same path imports that one.)

Ray is imported only inside `ray_process`: importing `rag` never imports ray.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
import re
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import DEFAULT_CHUNK_SETTINGS, DEFAULT_SENTENCE_VECTORS, ChunkSettings
from rag.corpus import FileEntry, read_document
from rag.embedding import Embedder, Progress, default_embedder
from rag.errors import CorpusError, RagError
from rag.index.embed import embed_parts
from rag.index.parts import DocPart, process_document
from rag.records import SkippedFile

DOCS_PER_BATCH = 8  # documents an embedding actor takes at once (fewer when that would leave actors idle)
MAX_EMBED_ACTORS = 8  # default cap on the actor pool; each actor holds a model (about 0.5-1 GB of memory)
MAX_BLOCKS = 2000  # the entries are cut into about one block per batch, at most this many
CONNECT_TIMEOUT_S = 5.0  # how long to wait for a cluster's address to answer before giving up
_PICKLE = pickle.HIGHEST_PROTOCOL
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_RAISED = re.compile(r"[A-Za-z_][\w.]*(Error|Exception|Exit|Interrupt)(: |$)")  # "KeyError: 'x'" in a traceback
_HTTP2_PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + b"\x00\x00\x00\x04\x00\x00\x00\x00\x00"  # and an empty SETTINGS


@dataclass(frozen=True)
class RayBuilt:
    """One document as the cluster built it: its part and the vectors of its chunks and sentences."""

    part: DocPart
    chunk_vectors: np.ndarray  # float32, (len(part.chunks), dim), L2-normalized
    sentence_vectors: np.ndarray  # float32, (len(part.sentences), dim), L2-normalized


def ray_process(
    folder: str | Path,
    entries: Sequence[FileEntry],
    settings: ChunkSettings = DEFAULT_CHUNK_SETTINGS,
    embedder_factory: Callable[[], Embedder] = default_embedder,
    address: str | None = None,
    progress: Progress | None = None,
    *,
    embed_actors: int | None = None,
    docs_per_batch: int = DOCS_PER_BATCH,
    ship_code: bool = True,
    route: str = DEFAULT_SENTENCE_VECTORS,
) -> tuple[list[RayBuilt], list[SkippedFile]]:
    """Read, cut and embed `entries` of `folder` on a Ray cluster; what `read_entries` + `process_document` +
    the embedder give on one machine, in the order of `entries`.

    Returns the built documents and the files (or metadata sidecars) that could not be used, as
    `rag.corpus.read_entries` reports them, both in entry order.

    `address`: None starts a local Ray (or joins the one `ray start` left on this machine, as `ray.init()`
    does); "auto" or "host:port" connects to a running cluster. A driver already connected to Ray (the caller
    ran `ray.init`) is used as it is and left connected; otherwise `ray_process` connects and disconnects.
    `embedder_factory` must be a picklable top-level callable: each embedding actor calls it once.
    `embed_actors`: size of the actor pool (each takes one CPU and holds a model); default and ceiling: the
    cluster's CPUs, at most MAX_EMBED_ACTORS by default. `ship_code`: when joining a running cluster, send the
    driver's `rag` package to the workers. `progress(done, total, what)` is called as documents come back.
    `route`: how the vectors are made (rag.index.embed), as the single-machine build does.
    Raises RagError when no cluster can be reached, when a node does not see the corpus folder, or when a
    worker fails (the Ray error chained).
    """
    entries = list(entries)
    if not entries:
        return [], []
    if docs_per_batch < 1:
        raise ValueError("docs_per_batch must be at least 1")
    try:
        import ray  # type: ignore[import-untyped,unused-ignore]
        import ray.data  # type: ignore[import-untyped,unused-ignore]
    except ImportError as exc:  # pragma: no cover - install problem
        raise RagError(f"Ray is not installed ({exc.name}): run `pip install -e .` to build on a cluster") from exc

    connected_here = _connect(ray, address, ship_code)
    try:
        return _run(ray, Path(folder).absolute(), entries, settings, embedder_factory, progress, embed_actors, docs_per_batch, route)
    finally:
        if connected_here:
            ray.shutdown()


# ---------------------------------------------------------------- connecting


def _connect(ray: Any, address: str | None, ship_code: bool) -> bool:
    """Connect this driver to Ray unless it is already; True when this call connected (and must disconnect)."""
    if ray.is_initialized():
        return False
    if address is not None and not address.strip():
        address = None
    hint = "start one with `ray start --head`, or pass the head's address as host:port (port 6379 by default)"
    target = address
    if address is None or "://" not in address:  # ray:// (Ray Client) is not probed
        try:
            from ray._private.services import canonicalize_bootstrap_address  # type: ignore[import-untyped,unused-ignore]

            # what ray.init will dial: RAY_ADDRESS, the cluster `ray start` left here, 127.0.0.1 as the node's IP;
            # None when ray.init will start a local Ray of its own
            target = canonicalize_bootstrap_address(address)  # type: ignore[arg-type]  # None is what ray.init passes too
        except ConnectionError as exc:  # "auto" and nothing running
            raise RagError(f"cannot reach a Ray cluster at {address}: none is running here: {hint}") from exc
        except ValueError as exc:
            raise RagError(f"the Ray address {address!r} is not host:port (for example 10.0.0.5:6379) or \"auto\"") from exc
        except ImportError:  # pragma: no cover - a Ray without this helper: dial what was given
            target = address if address not in (None, "auto") else None
        if target:
            where = address if address and address != "auto" else f"{target} (found on this machine)"
            problem = _probe(target)
            if problem:
                raise RagError(f"cannot reach a Ray cluster at {where} ({problem}): {hint}")
    runtime_env: dict[str, Any] | None = None
    if target and ship_code:
        import rag

        runtime_env = {"py_modules": [str(Path(rag.__file__).parent)], "excludes": ["__pycache__", "*.pyc"]}
    try:
        ray.init(
            address=address,
            include_dashboard=False,
            logging_level=logging.WARNING,
            log_to_driver=False,
            ignore_reinit_error=True,
            runtime_env=runtime_env,
        )
    except (ConnectionError, TimeoutError, ValueError, RuntimeError, OSError) as exc:
        detail = " ".join(str(exc).split())[:300]
        raise RagError(f"cannot reach a Ray cluster at {address or 'a local Ray'} ({detail}): {hint}") from exc
    return True


def _probe(address: str) -> str:
    """Why `address` is no Ray head, or "". The head's GCS speaks gRPC (HTTP/2), which answers the HTTP/2 connection
    preface with a SETTINGS frame at once; ray.init itself would retry a silent or wrong port for many minutes."""
    host, _, port = address.rpartition(":")
    host = host.strip("[]")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        return "not host:port"
    try:
        with socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT_S) as conn:
            conn.settimeout(CONNECT_TIMEOUT_S)
            conn.sendall(_HTTP2_PREFACE)
            frame = b""
            while len(frame) < 9:
                more = conn.recv(9 - len(frame))
                if not more:
                    break
                frame += more
    except TimeoutError:
        return f"no answer within {CONNECT_TIMEOUT_S:.0f} s"
    except OSError as exc:
        return exc.strerror or type(exc).__name__
    if len(frame) < 9 or frame[3] != 0x04:  # frame type 4: SETTINGS
        return "something answers there, but not a Ray head; is it the dashboard's port?"
    return ""


# ---------------------------------------------------------------- the pipeline


def _run(
    ray: Any,
    folder: Path,
    entries: list[FileEntry],
    settings: ChunkSettings,
    embedder_factory: Callable[[], Embedder],
    progress: Progress | None,
    embed_actors: int | None,
    docs_per_batch: int,
    route: str = DEFAULT_SENTENCE_VECTORS,
) -> tuple[list[RayBuilt], list[SkippedFile]]:
    cpus = int(ray.cluster_resources().get("CPU", 0))
    if cpus < 1:
        raise RagError("the Ray cluster has no CPU to run on: start its nodes with --num-cpus=1 or more")
    # an actor pool larger than the cluster would wait forever for its last actors
    embed_actors = max(1, min(cpus, len(entries), MAX_EMBED_ACTORS if embed_actors is None else embed_actors))
    batch = max(1, min(docs_per_batch, math.ceil(len(entries) / embed_actors)))
    items = [{"index": i, "file": e.file, "doc_id": e.doc_id, "stamp": e.stamp} for i, e in enumerate(entries)]

    context = ray.data.DataContext.get_current()
    saved = context.enable_progress_bars, context.print_on_execution_start
    context.enable_progress_bars, context.print_on_execution_start = False, False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)  # "progress bars disabled": we asked
    try:
        dataset = (
            ray.data.from_items(items, override_num_blocks=min(MAX_BLOCKS, math.ceil(len(items) / batch)))
            # num_cpus as the actors': Ray Data then fuses this step into them (no CPU left waiting for tasks)
            .map(_read_and_process, fn_kwargs={"folder": str(folder), "settings": settings}, num_cpus=1)
            .map_batches(
                _EmbedParts,
                fn_constructor_args=(embedder_factory, route),
                batch_size=batch,
                batch_format="numpy",
                compute=ray.data.ActorPoolStrategy(size=embed_actors),
                num_cpus=1,
            )
        )
        rows: dict[int, tuple[bytes, bytes]] = {}
        for row in dataset.iter_rows():
            if row["missing"]:
                raise RagError(
                    f"the corpus folder {folder} is not there on the Ray node {row['missing']}: workers read the files,"
                    " so the folder must be at the same path on every node (a shared filesystem)"
                )
            rows[int(row["index"])] = (row["built"], row["skipped"])
            if progress is not None:
                progress(len(rows), len(entries), "documents read, cut and embedded on Ray")
    except ray.exceptions.RayError as exc:
        raise RagError(f"the Ray build failed on a worker: {_root_cause(exc)}") from exc
    finally:
        context.enable_progress_bars, context.print_on_execution_start = saved
    if sorted(rows) != list(range(len(entries))):  # pragma: no cover - Ray lost or duplicated rows
        raise RagError(f"the Ray build returned {len(rows)} of {len(entries)} documents: run it again")
    built: list[RayBuilt] = []
    skipped: list[SkippedFile] = []
    for i in range(len(entries)):
        blob, notes = rows[i]
        if blob:
            built.append(pickle.loads(blob))
        skipped.extend(pickle.loads(notes))
    return built, skipped


def _root_cause(exc: BaseException) -> str:
    """What failed on the worker, on one line: the user's exception where Ray kept it (RayTaskError.cause), else
    the last exception line of the worker's traceback in Ray's report that is not one of Ray's own wrappers."""
    cause = getattr(exc, "cause", None)
    if isinstance(cause, BaseException) and not type(cause).__module__.startswith("ray."):
        return _clip(f"{type(cause).__name__}: {cause}")
    lines = [line.rstrip() for line in _ANSI.sub("", str(exc)).splitlines() if line.strip()]
    raised = [line for line in lines if _RAISED.match(line) and not line.startswith("ray.")]
    return _clip(raised[-1] if raised else lines[-1] if lines else type(exc).__name__)


def _clip(text: str) -> str:
    return " ".join(text.split())[:300]


def _read_and_process(row: dict[str, Any], folder: str, settings: ChunkSettings) -> dict[str, Any]:
    """On a worker: one file read and cut, as `read_entries` + `process_document` do; the part pickled.
    `missing` names this node when it does not see the corpus folder at all (every file would be 'unreadable')."""
    index, file = int(row["index"]), str(row["file"])
    if not os.path.isdir(folder):
        return {"index": index, "part": b"", "skipped": pickle.dumps([], _PICKLE), "missing": socket.gethostname() or "?"}
    try:
        doc, notes = read_document(Path(folder) / file, str(row["doc_id"]))
    except CorpusError as exc:
        notes, blob = [SkippedFile(file, str(exc))], b""
    else:
        blob = pickle.dumps(process_document(doc, settings, str(row["stamp"])), _PICKLE)
    return {"index": index, "part": blob, "skipped": pickle.dumps(notes, _PICKLE), "missing": ""}


class _EmbedParts:
    """An embedding actor: the model loaded once, then batches of parts embedded (chunks, then sentences)."""

    def __init__(self, embedder_factory: Callable[[], Embedder], route: str = DEFAULT_SENTENCE_VECTORS) -> None:
        self._embedder = embedder_factory()
        self._route = route

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        parts: list[DocPart | None] = [pickle.loads(blob) if blob else None for blob in batch["part"]]
        if all(part is None for part in parts):  # only unreadable files: nothing to embed
            return {key: batch[key] for key in ("index", "skipped", "missing")} | {"built": batch["part"]}
        chunk_vectors, sentence_vectors = embed_parts([part for part in parts if part is not None], self._embedder, route=self._route)
        built: list[bytes] = []
        c = s = 0
        for part in parts:
            if part is None:
                built.append(b"")
                continue
            nc, ns = len(part.chunks), len(part.sentences)
            item = RayBuilt(part, chunk_vectors[c : c + nc].copy(), sentence_vectors[s : s + ns].copy())
            built.append(pickle.dumps(item, _PICKLE))
            c, s = c + nc, s + ns
        out_built = np.empty(len(built), dtype=object)
        out_built[:] = built
        return {"index": batch["index"], "built": out_built, "skipped": batch["skipped"], "missing": batch["missing"]}
