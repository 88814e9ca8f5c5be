import json
from pathlib import Path

import pytest

from rag.corpus import load_corpus
from rag.errors import CorpusError
from tests.conftest import SEED, SEED_CORPUS


def test_seed_corpus_is_verbatim_with_metadata_only_where_shown():
    corpus = load_corpus(SEED_CORPUS)
    assert [d.doc_id for d in corpus.documents] == list(SEED.values())
    assert corpus.skipped == ()
    shared = SEED_CORPUS.parent.parent / "shared" / "corpus-seed"
    for d in corpus.documents:
        assert d.text == (SEED_CORPUS / d.file).read_text(encoding="utf-8")
        if shared.exists():
            assert d.text == (shared / d.file).read_text(encoding="utf-8")
    by_id = {d.doc_id: d for d in corpus.documents}
    assert by_id[SEED["002"]].title == "Amazon Invests $5B in Anthropic for $100B AWS Deal"
    assert by_id[SEED["002"]].publisher == "AI Business"
    assert by_id[SEED["000"]].title.startswith("Amazon is significantly raising the stakes")  # no headline: its first line
    assert all(d.date == "" for d in corpus.documents)  # none of them shows a date


def test_bad_files_are_reported_by_name_and_skipped(tmp_path: Path):
    (tmp_path / "good.txt").write_text("A real article. It has text.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Title\n\nMarkdown body.", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    (tmp_path / "empty.md").write_text("  \n", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    corpus = load_corpus(tmp_path)
    assert [d.file for d in corpus.documents] == ["good.txt", "notes.md"]
    reasons = {s.file: s.reason for s in corpus.skipped}
    assert reasons["binary.txt"] == "is binary, not text"
    assert reasons["latin1.txt"].startswith("is not UTF-8 text")
    assert reasons["empty.md"] == "is empty"
    assert reasons["scan.pdf"].startswith("unsupported file type")


def test_html_is_read_through_trafilatura(tmp_path: Path):
    body = "<p>The Orbital Bakery opened in Lisbon in 2011 and now runs 42 shops across Portugal.</p>" * 3
    (tmp_path / "page.html").write_text(
        f"<html><head><title>Orbital Bakery grows</title></head><body><article>{body}</article></body></html>", encoding="utf-8"
    )
    doc = load_corpus(tmp_path).documents[0]
    assert "42 shops across Portugal" in doc.text
    assert "<p>" not in doc.text
    assert doc.title == "Orbital Bakery grows"


def test_metadata_sidecar_changes_the_fingerprint(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Some article text.", encoding="utf-8")
    before = load_corpus(tmp_path).fingerprint
    (tmp_path / "a.meta.json").write_text(json.dumps({"title": "A title", "date": "2026-01-02"}), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.documents[0].title == "A title" and corpus.documents[0].date == "2026-01-02"
    assert corpus.fingerprint != before


def test_empty_and_missing_folders_raise_clear_errors(tmp_path: Path):
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nope")
    with pytest.raises(CorpusError, match="no readable articles"):
        load_corpus(tmp_path)
    (tmp_path / "bin.txt").write_bytes(b"\x00")
    with pytest.raises(CorpusError, match=r"bin\.txt: is binary"):
        load_corpus(tmp_path)
