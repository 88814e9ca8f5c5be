"""The library's face: `from rag import Engine` with its errors, the model name read off the embedder, `embed()`."""

import subprocess
import sys

import numpy as np

import rag
from tests.conftest import HashEmbedder


def test_engine_and_errors_import_from_the_package():
    from rag import Engine, QuestionError, RagError

    assert issubclass(QuestionError, RagError)
    assert Engine.__name__ == "Engine"
    assert set(rag.__all__) >= {"Engine", "RagError", "QuestionError", "CorpusError", "IndexCorrupt", "Answer"}


def test_importing_rag_does_not_load_the_engine_layers():
    code = "import sys, rag; print('rag.engine' in sys.modules, 'faiss' in sys.modules, 'torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "False"]


def test_model_name_comes_from_the_embedder_and_embed_is_public(tiny_corpus, tmp_path):
    from rag import Engine

    engine = Engine(tiny_corpus, tmp_path / "index", embedder=HashEmbedder).open()
    assert engine.data.manifest["model"] == HashEmbedder.name
    vectors = engine.embed(["solar farm", "bakery"])
    assert vectors.shape == (2, HashEmbedder.dim)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


def test_the_model_loads_in_the_background_and_a_failure_waits_for_its_real_use(tiny_corpus, tmp_path):
    import threading

    import pytest

    from rag import Engine, RagError

    loaded: list[str] = []

    def factory() -> HashEmbedder:
        loaded.append(threading.current_thread().name)
        return HashEmbedder()

    factory.name = HashEmbedder.name  # type: ignore[attr-defined]
    engine = Engine(tiny_corpus, tmp_path / "index", embedder=factory)
    engine.load_model_in_background().join(timeout=10)
    assert loaded == ["rag-model"]

    def broken() -> HashEmbedder:
        raise RagError("the model files are damaged")

    broken.name = HashEmbedder.name  # type: ignore[attr-defined]
    failing = Engine(tiny_corpus, tmp_path / "index", embedder=broken)
    failing.load_model_in_background().join(timeout=10)  # swallowed in the thread ...
    with pytest.raises(RagError, match="damaged"):  # ... and raised, with its message, where the model is used
        failing.embed(["solar farm"])
