"""Shared fixtures: tiny real corpora, real indexes built once per session, and a stand-in embedder
for the unit tests of the index layer (never for answer quality)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SEED_CORPUS = ROOT / "corpus"
TINY_CORPUS = ROOT / "tests" / "data" / "tiny"

SEED = {
    "000": "000_7788c575e5747f72",
    "001": "001_c507e63f62ee9e32",
    "002": "002_abb96b131d0470f9",
    "003": "003_225291d27f60a22a",
    "004": "004_c10972b7a4e90871",
}


class HashEmbedder:
    """A bag of hashed words: deterministic and instant, for testing the index layer only."""

    name = "hash-bow-test"
    dim = 64

    def __init__(self) -> None:
        self.calls = 0
        self.texts = 0

    def encode(self, texts: Sequence[str], progress=None) -> np.ndarray:  # type: ignore[no-untyped-def]
        self.calls += 1
        self.texts += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)

    def encode_spans(self, texts: Sequence[str], spans, progress=None):  # type: ignore[no-untyped-def]
        """Like the real embedders, the spans of each text are read in the text's own pass (one text counted)."""
        vectors = self.encode(texts, progress)
        words = [self._bag(t[a:b]) for t, rows in zip(texts, spans) for a, b in rows]
        pooled, i = [], 0
        for rows in spans:
            pooled.append(np.array(words[i : i + len(rows)], dtype=np.float32).reshape(len(rows), self.dim))
            i += len(rows)
        return vectors, pooled

    def _bag(self, text: str) -> np.ndarray:
        out = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            out[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
        norm = float(np.linalg.norm(out))
        return out / norm if norm else out


@pytest.fixture
def hash_embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def tiny_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(TINY_CORPUS, folder)
    return folder


@pytest.fixture(scope="session")
def seed_engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from rag.engine import Engine

    return Engine(SEED_CORPUS, tmp_path_factory.mktemp("seed") / "index").open()


@pytest.fixture(scope="session")
def tiny_engine(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from rag.engine import Engine

    base = tmp_path_factory.mktemp("tiny")
    shutil.copytree(TINY_CORPUS, base / "corpus")
    return Engine(base / "corpus", base / "index").open()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def running_server(base: Path, *extra: str):  # type: ignore[no-untyped-def]
    """A real `rag chat` process on a copy of the seed corpus under `base`, on a free local port."""
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    shutil.copytree(SEED_CORPUS, base / "corpus")
    port = free_port()
    log = (base / "server.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "chat", "--corpus", str(base / "corpus"), "--index", str(base / "index"),
         "--port", str(port), *extra],
        stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, HF_HUB_OFFLINE="1"),
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 180
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except urllib.error.HTTPError:
            break  # it answers (a login page answers 401)
        except OSError:
            if proc.poll() is not None or time.time() > deadline:
                proc.kill()
                raise RuntimeError("the chat server did not start:\n" + (base / "server.log").read_text(errors="replace")) from None
            time.sleep(0.5)
    try:
        yield {"url": url, "corpus": base / "corpus", "proc": proc}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def chat_server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The app as `rag chat` serves it, shared by the API and browser tests (uploads land in its own corpus copy)."""
    with running_server(tmp_path_factory.mktemp("server")) as server:
        yield server
