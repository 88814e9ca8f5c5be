"""The embedding model in a child process, started first thing by `rag chat`.

Importing torch and loading the model take longer than importing Gradio and serving the page; in one
process the two run one after the other (the GIL), in two they run side by side. The child answers
`encode` requests over a socket pair; its vectors are the same as the in-process model's.

    parent                                 child (python -m ui.model_process FD)
    ModelProcess() ── spawn ─────────────> load the model, encode one text
    ready (a thread waits) <── ("ready", dim) or ("error", message)
    encode(texts) ── ("encode", texts) ──> ("vectors", array) or ("error", message)
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Sequence
from multiprocessing.connection import Connection

import numpy as np

from rag.config import EMBED_BATCH_SIZE, MODEL_NAME
from rag.embedding import Progress
from rag.errors import RagError

# texts sent in one request: large enough that the round trip does not count, small enough for steady progress
REQUEST_TEXTS = 4 * EMBED_BATCH_SIZE


class ModelProcess:
    """An Embedder whose model lives in a child process; `ready` says whether it can answer without waiting."""

    name = MODEL_NAME

    def __init__(self) -> None:
        self._lock = threading.Lock()  # one request at a time on the socket
        self._start()

    def _start(self) -> None:
        parent, child = socket.socketpair()
        env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
        # One torch thread, unless told otherwise: a question is one short text, and with two threads on a busy
        # 2-core machine each encoding took a median 488 ms instead of 17 ms (the threads wait on each other).
        env.setdefault("OMP_NUM_THREADS", "1")
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "ui.model_process", str(child.fileno())], pass_fds=[child.fileno()], env=env,
            stdin=subprocess.DEVNULL,
        )
        child.close()
        self._conn = Connection(parent.detach())
        self._ready = threading.Event()
        self._dim = 0
        self._error = ""
        self._died = False
        threading.Thread(target=self._await_ready, name="model-ready", daemon=True).start()

    def _await_ready(self) -> None:
        try:
            kind, value = self._conn.recv()
        except (EOFError, OSError):
            kind, value = "died", f"the model process stopped (exit status {self._proc.wait()})"
        if kind == "ready":
            self._dim = int(value)
        else:
            self._error, self._died = str(value), kind == "died"
        self._ready.set()

    @property
    def ready(self) -> bool:
        """True once loading is over (when it failed, questions get its error at once)."""
        return self._ready.is_set()

    @property
    def state(self) -> tuple[bool, str]:
        """Whether loading is over, and why it failed if it did."""
        return self._ready.is_set(), self._error

    @property
    def dim(self) -> int:
        with self._lock:
            self._ensure()
            return self._dim

    def encode(self, texts: Sequence[str], progress: Progress | None = None) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), REQUEST_TEXTS):
            batch = list(texts[start : start + REQUEST_TEXTS])
            out[start : start + len(batch)] = self._request(batch)
            if progress is not None:
                progress(start + len(batch), len(texts), "embedding")
        return out

    def _ensure(self) -> None:
        """Wait for the model; start its process again, once, if it died (out of memory, a signal). Under the lock."""
        self._ready.wait()
        if self._died:
            self._conn.close()
            self._proc.wait()
            self._start()
            self._ready.wait()
        if self._error:
            raise RagError(f"the embedding model could not be loaded: {self._error}")

    def _request(self, texts: list[str]) -> np.ndarray:
        with self._lock:
            self._ensure()
            try:
                return self._exchange(texts)
            except (EOFError, OSError):
                self._died, self._error = True, f"the model process stopped (exit status {self._proc.wait()})"
            self._ensure()
            try:
                return self._exchange(texts)
            except (EOFError, OSError):
                raise RagError("the model process stopped twice in a row: restart rag chat") from None

    def _exchange(self, texts: list[str]) -> np.ndarray:
        self._conn.send(("encode", texts))
        kind, value = self._conn.recv()
        if kind != "vectors":
            raise RagError(f"the embedding model failed: {value}")
        return np.asarray(value, dtype=np.float32)

    def get(self) -> ModelProcess:
        """The embedder factory the Engine takes."""
        return self

    def close(self) -> None:
        """Stop the child at once, even mid-load (the command is ending, maybe on an error)."""
        self._conn.close()
        self._proc.terminate()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()


def _serve(conn: Connection) -> None:
    # Same priority as the server: a lower one while loading (nice 10) did bring the page sooner on a busy
    # machine, but the first answer later, and later on a quiet one too.
    try:
        from rag.embedding import default_embedder

        model = default_embedder()
        model.encode(["warm up"])
    except Exception as exc:  # noqa: BLE001 - every failure goes back to the parent as one message
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", model.dim))
    while True:
        _, texts = conn.recv()
        try:
            conn.send(("vectors", model.encode(texts)))
        except Exception as exc:  # noqa: BLE001
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


def main() -> None:
    conn = Connection(int(sys.argv[1]))
    try:
        _serve(conn)
    except (EOFError, BrokenPipeError, ConnectionResetError, KeyboardInterrupt):
        pass  # the server stopped; so does its model


if __name__ == "__main__":
    main()
