"""The Ray build gives what the single-machine build gives: a real two-node Ray cluster (a head and a worker,
each its own `ray start`, one CPU each) and the real model, over the bundled corpus.

Ray is a dependency: nothing here is skipped when it is missing, the tests fail.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from rag.config import DEFAULT_CHUNK_SETTINGS
from rag.corpus import read_entries, scan_corpus
from rag.embedding import default_embedder
from rag.errors import RagError
from rag.index.embed import embed_parts
from rag.index.parts import process_document
from rag.index.ray_build import RayBuilt, ray_process

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
RAY = Path(sys.executable).with_name("ray")
TOLERANCE = 1e-4


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("", 0))
        return int(probe.getsockname()[1])


def _ray_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
    # no usage report (no network here); no auth token: a throwaway cluster for one test module
    env.update(RAY_USAGE_STATS_ENABLED="0", RAY_AUTH_MODE="disabled", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return env


def _ray(*args: str) -> None:
    done = subprocess.run([str(RAY), *args], env=_ray_env(), capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, f"ray {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"


def _stop_cluster(marker: str) -> None:
    """Kill the processes of our cluster only, like `ray stop --force` but not every Ray on the machine: those
    whose command line names our temp dir (GCS, raylets, monitors) and everything they started (workers, agents)."""
    procs: dict[int, tuple[int, str]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
            with open(f"/proc/{name}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        procs[int(name)] = (ppid, cmd)
    doomed = {pid for pid, (_, cmd) in procs.items() if marker in cmd and pid != os.getpid()}
    grown = True
    while grown:
        more = {pid for pid, (ppid, _) in procs.items() if ppid in doomed} - doomed
        doomed |= more
        grown = bool(more)
    for pid in doomed:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[str]:
    """A head and a worker node on this machine, one CPU each; the head's address. Always torn down."""
    temp = tempfile.mkdtemp(prefix="rayt", dir="/tmp")  # short: Ray's socket paths must fit in 107 bytes
    port = _free_port()
    try:
        _ray(
            "start", "--head", f"--port={port}", "--num-cpus=1", "--disable-usage-stats", "--include-dashboard=false",
            f"--dashboard-port={_free_port()}", f"--temp-dir={temp}",
        )
        _ray("start", f"--address=127.0.0.1:{port}", "--num-cpus=1", "--disable-usage-stats")
        yield f"127.0.0.1:{port}"
    finally:
        _stop_cluster(temp)
        shutil.rmtree(temp, ignore_errors=True)


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """The bundled corpus, with a file that cannot be read and a damaged metadata sidecar."""
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    (folder / "zz_binary.txt").write_bytes(b"not\0text")
    (folder / "zz_notes.txt").write_text("Rates rose by 2% in March, the bank said on Tuesday.\n", encoding="utf-8")
    (folder / "zz_notes.meta.json").write_text("[1, 2]", encoding="utf-8")
    return folder


def test_importing_rag_does_not_import_ray() -> None:
    code = "import sys, rag, rag.index.ray_build; assert 'ray' not in sys.modules, 'ray imported'"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]


def test_unreachable_address_is_a_clear_error_at_once() -> None:
    address = f"127.0.0.1:{_free_port()}"  # nothing listens there
    started = time.monotonic()
    with pytest.raises(RagError, match=rf"cannot reach a Ray cluster at {address} \(.+\): start one with `ray start --head`"):
        ray_process(CORPUS, scan_corpus(CORPUS).entries, address=address)
    assert time.monotonic() - started < 15


def test_a_port_that_is_not_ray_is_a_clear_error_at_once() -> None:
    """Left to itself, ray.init retries a port that answers but is no Ray head for many minutes."""
    server = socket.create_server(("", 0))
    port = server.getsockname()[1]

    def hang_up() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")
            conn.close()

    threading.Thread(target=hang_up, daemon=True).start()
    started = time.monotonic()
    try:
        with pytest.raises(RagError, match=r"cannot reach a Ray cluster at .+ \(something answers there, but not a Ray head"):
            ray_process(CORPUS, scan_corpus(CORPUS).entries, address=f"127.0.0.1:{port}")
    finally:
        server.close()
    assert time.monotonic() - started < 15


def test_bad_address_is_a_clear_error() -> None:
    with pytest.raises(RagError, match="is not host:port"):
        ray_process(CORPUS, scan_corpus(CORPUS).entries, address="no-port-here")


@pytest.fixture
def ray_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """The driver side of the test cluster's settings (no auth token, no usage report, no RAY_ADDRESS)."""
    for name, value in _ray_env().items():
        if name.startswith("RAY_"):
            monkeypatch.setenv(name, value)
    monkeypatch.delenv("RAY_ADDRESS", raising=False)


def test_a_node_without_the_corpus_folder_is_a_clear_error(ray_cluster: str, ray_env: None, tmp_path: Path) -> None:
    entries = scan_corpus(CORPUS).entries
    # dict stands in for the model: a node that cannot see the folder never needs one
    with pytest.raises(RagError, match=r"corpus folder .*nowhere is not there on the Ray node .*same path on every node"):
        ray_process(tmp_path / "nowhere", entries, DEFAULT_CHUNK_SETTINGS, dict, address=ray_cluster)


def test_a_failing_worker_is_one_clear_error(ray_cluster: str, ray_env: None) -> None:
    entries = scan_corpus(CORPUS).entries[:1]
    with pytest.raises(RagError, match=r"the Ray build failed on a worker: AttributeError: 'dict' object has no attribute"):
        ray_process(CORPUS, entries, DEFAULT_CHUNK_SETTINGS, dict, address=ray_cluster)


def test_ray_build_matches_the_single_machine_build(ray_cluster: str, ray_env: None, corpus_copy: Path) -> None:
    """With sentence vectors read in the chunks' passes (`rag index --ray` below checks the default way)."""
    scan = scan_corpus(corpus_copy)
    calls: list[tuple[int, int]] = []
    built, skipped = ray_process(
        corpus_copy, scan.entries, DEFAULT_CHUNK_SETTINGS, default_embedder, address=ray_cluster,
        progress=lambda done, total, _what: calls.append((done, total)), route="in-chunk",
    )
    assert calls[-1] == (len(scan.entries), len(scan.entries))

    documents, local_skipped = read_entries(scan, scan.entries)
    assert skipped == local_skipped
    assert [s.file for s in skipped] == ["zz_binary.txt", "zz_notes.meta.json"]
    assert [b.part.document for b in built] == documents
    assert len(documents) == 6  # the five bundled articles and zz_notes.txt
    stamps = {e.doc_id: e.stamp for e in scan.entries}
    embedder = default_embedder()
    for item, doc in zip(built, documents, strict=True):
        assert isinstance(item, RayBuilt)
        local = process_document(doc, DEFAULT_CHUNK_SETTINGS, stamps[doc.doc_id])
        assert item.part.sentences == local.sentences
        assert item.part.chunks == local.chunks
        assert item.part.claims == local.claims
        assert item.part == local  # bounds and stamp too
        local_chunks, local_sentences = embed_parts([local], embedder, route="in-chunk")
        for ray_vectors, local_vectors, n in ((item.chunk_vectors, local_chunks, len(local.chunks)),
                                              (item.sentence_vectors, local_sentences, len(local.sentences))):
            assert ray_vectors.dtype == np.float32
            assert ray_vectors.shape == local_vectors.shape == (n, embedder.dim)
            assert np.abs(ray_vectors - local_vectors).max() <= TOLERANCE
    assert sum(len(b.part.claims) for b in built) > 0


def test_rag_index_with_ray_writes_the_index_a_single_machine_writes(ray_cluster: str, corpus_copy: Path, tmp_path: Path) -> None:
    """`rag index --ray ADDRESS` end to end: its segments hold what the local build's hold."""
    from rag.index.store import ensure_index, read_index

    done = subprocess.run(
        [sys.executable, "-m", "rag.cli", "index", "--corpus", str(corpus_copy), "--index", str(tmp_path / "ray-index"),
         "--ray", ray_cluster],
        capture_output=True, text=True, timeout=600, env={**_ray_env(), "HF_HUB_OFFLINE": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert "index built: 6 documents" in done.stdout
    assert "skipped zz_binary.txt" in done.stderr
    embedder = default_embedder()
    by_ray = read_index(tmp_path / "ray-index", embedder.name)
    local = ensure_index(tmp_path / "local-index", corpus_copy, default_embedder, embedder.name).data
    assert list(by_ray.documents) == list(local.documents)
    assert list(by_ray.sentences) == list(local.sentences)
    assert list(by_ray.chunks) == list(local.chunks)
    assert by_ray.claims == local.claims
    assert by_ray.times == local.times and by_ray.measure_classes == local.measure_classes
    every_chunk = list(range(len(local.chunks)))
    assert np.abs(by_ray.chunk_vectors[every_chunk] - local.chunk_vectors[every_chunk]).max() <= TOLERANCE
    every_sentence = list(range(len(local.sentences)))  # stored as float16 by both
    assert np.abs(by_ray.sentence_vectors[every_sentence] - local.sentence_vectors[every_sentence]).max() <= 1e-3
