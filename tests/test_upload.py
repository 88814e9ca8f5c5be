"""Adding an article through the engine: safe names, limits, nothing lost on failure."""

import pytest

from rag.engine import Engine, safe_filename
from rag.errors import UploadError


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\evil.md", "evil.md"),
        ("/abs/path/news.HTML", "news.html"),
        (".hidden.txt", "hidden.txt"),
        ("my article (final).txt", "my_article_final.txt"),
        ("<script>.txt", "script.txt"),
        ("....txt", "article.txt"),
    ],
)
def test_file_names_are_sanitized(name, safe):
    assert safe_filename(name) == safe


@pytest.mark.parametrize("name", ["notes.pdf", "script.py", "noext", "", "archive.txt.exe"])
def test_other_types_are_refused(name):
    with pytest.raises(UploadError, match="not an allowed type"):
        safe_filename(name)


@pytest.fixture
def engine(tiny_corpus, tmp_path, hash_embedder):  # type: ignore[no-untyped-def]
    return Engine(tiny_corpus, tmp_path / "index", embedder=lambda: hash_embedder).open()


def test_an_upload_is_saved_and_indexed(engine, tiny_corpus):
    doc = engine.add_article("../news.txt", b"Zephyr Labs raised $7 billion in June 2026.")
    assert doc.file == "news.txt" and (tiny_corpus / "news.txt").exists()
    assert {d.file for d in engine.data.documents} == {"bakery.md", "news.txt", "rail.txt", "solar.txt"}
    again = engine.add_article("news.txt", b"A second article with the same name.")
    assert again.file == "news-1.txt"


@pytest.mark.parametrize(
    ("raw", "message"),
    [(b"\x00\x01", "binary"), (b"\xff\xfe\xfa", "not UTF-8"), (b"  \n ", "empty"), (b"x" * (5 * 1024 * 1024 + 1), "limit")],
)
def test_bad_uploads_leave_corpus_and_index_as_they_were(engine, tiny_corpus, raw, message):
    files = sorted(p.name for p in tiny_corpus.iterdir())
    manifest = engine.data.manifest
    with pytest.raises(UploadError, match=message):
        engine.add_article("article.txt", raw)
    assert sorted(p.name for p in tiny_corpus.iterdir()) == files
    assert engine.data.manifest is manifest


def test_a_failed_index_update_removes_the_new_file(engine, tiny_corpus, monkeypatch):
    from rag.index import store

    files = sorted(p.name for p in tiny_corpus.iterdir())

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(store, "_write_version", crash)
    with pytest.raises(OSError):
        engine.add_article("fine.txt", b"A perfectly fine article about bread.")
    assert sorted(p.name for p in tiny_corpus.iterdir()) == files
    assert all(d.file != "fine.txt" for d in engine.data.documents)


def test_an_identical_upload_is_refused_with_the_name_it_has(engine, tiny_corpus):
    engine.add_article("news.txt", b"Zephyr Labs raised $7 billion in June 2026.")
    files = sorted(p.name for p in tiny_corpus.iterdir())
    with pytest.raises(UploadError, match="already in the corpus as news.txt"):
        engine.add_article("copy.txt", b"Zephyr Labs raised  $7 billion in June 2026.\n")
    assert sorted(p.name for p in tiny_corpus.iterdir()) == files


def test_the_same_file_uploaded_twice_at_once_is_added_once(engine, tiny_corpus):
    # two tabs pressing "Add" together: both passed the duplicate check before either was indexed (news.txt, news-2.txt)
    import threading

    before = {p.name for p in tiny_corpus.iterdir()}
    outcomes: list[str] = []
    start = threading.Barrier(2)

    def upload() -> None:
        start.wait()
        try:
            outcomes.append(engine.add_article("news.txt", b"Zephyr Labs raised $7 billion in June 2026.").file)
        except UploadError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=upload) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes)[0] == "news.txt" and "already in the corpus as news.txt" in sorted(outcomes)[1]
    assert {p.name for p in tiny_corpus.iterdir()} - before == {"news.txt"}


def test_an_engine_follows_the_version_another_process_made_live(engine, tiny_corpus, tmp_path, hash_embedder):
    # a running chat kept answering from the index it opened: an article `rag index` added later was never found
    (tiny_corpus / "later.txt").write_text("Quillon Freight raised $9 million in May 2026.", encoding="utf-8")
    other = Engine(tiny_corpus, tmp_path / "index", embedder=lambda: hash_embedder).open()  # as `rag index` would
    assert other.data.document_by_file("later.txt") is not None
    assert engine.data.document_by_file("later.txt") is None
    # the live version is not the one this engine read: a switch recorded now would never open it
    assert engine._version_of(engine.data) is None and other._version_of(other.data) is not None
    assert engine.follow() is True
    assert engine.data.document_by_file("later.txt") is not None
    assert engine.follow() is False  # nothing new: only index/CURRENT was read
