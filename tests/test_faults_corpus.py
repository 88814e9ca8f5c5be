"""Faults in what the reader is handed: links, pipes and sockets in the corpus, damaged metadata, HTML too deep
to parse, foreign and too-short questions, and index folders whose manifest, CURRENT or version folder is
wrong or gone, or that cannot be updated (disk full)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rag.config import MAX_META_BYTES, META_MAX_FIELD_CHARS, TITLE_MAX_CHARS
from rag.corpus import load_corpus, read_regular_file
from rag.errors import CorpusError, IndexCorrupt, QuestionError
from rag.index import segment, store
from rag.index.store import ensure_index, read_index, read_manifest
from rag.questions import clean_question
from tests.conftest import SEED, SEED_CORPUS, HashEmbedder

ARTICLE = "Helios Power opened the Sunfield solar farm in Nevada in March 2024. It cost $2.4 billion to build.\n"


def load_within(folder: Path, seconds: float = 20):  # type: ignore[no-untyped-def]
    """load_corpus in a thread, so that a reader stuck on a pipe fails the test instead of hanging it."""
    out: dict = {}

    def work() -> None:
        try:
            out["corpus"] = load_corpus(folder)
        except BaseException as exc:  # handed to the test below
            out["error"] = exc

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "load_corpus hung"
    if "error" in out:
        raise out["error"]
    return out["corpus"]


# ---------------------------------------------------------------- 1. only regular files are read


def test_links_pipes_and_sockets_are_reported_and_never_opened(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "solar.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "alias.txt").symlink_to(corpus / "solar.txt")  # a link to a file inside the corpus is refused too
    (corpus / "dangling.md").symlink_to(tmp_path / "nowhere")
    (corpus / "folder.html").symlink_to(tmp_path)
    os.mkfifo(corpus / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(corpus / "sock.txt"))
    try:
        got = load_within(corpus)
    finally:
        sock.close()
    assert [d.file for d in got.documents] == ["solar.txt"]
    reasons = {s.file: s.reason for s in got.skipped}
    link = "is a symbolic link; only regular files are read"
    assert reasons == {
        "alias.txt": link, "dangling.md": link, "folder.html": link, "passwd.txt": link,
        "pipe.txt": "is a named pipe (FIFO); only regular files are read",
        "sock.txt": "is a socket; only regular files are read",
    }


def test_a_device_is_refused(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    try:
        os.mknod(tmp_path / "null.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # a character device, like /dev/null
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here ({exc})")
    reasons = {s.file: s.reason for s in load_within(tmp_path).skipped}
    assert reasons == {"null.txt": "is a character device; only regular files are read"}


def test_the_open_itself_refuses_a_file_swapped_for_a_link_or_pipe(tmp_path: Path, monkeypatch):
    """lstat can be raced: a regular file replaced by a link or a pipe just after it is looked at. The open
    (O_NOFOLLOW, O_NONBLOCK) and the fstat after it are the second guard."""
    regular = tmp_path / "regular.txt"
    regular.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(regular)
    os.mkfifo(tmp_path / "pipe.txt")
    looks_regular = os.stat(regular)
    monkeypatch.setattr("rag.corpus.os.lstat", lambda _path: looks_regular)
    with pytest.raises(CorpusError, match="is a symbolic link; only regular files are read"):
        read_regular_file(tmp_path / "link.txt", 1000)
    with pytest.raises(CorpusError, match=r"is a named pipe \(FIFO\); only regular files are read"):
        read_regular_file(tmp_path / "pipe.txt", 1000)  # opened without blocking, refused after fstat
    assert read_regular_file(regular, 1000) == ARTICLE.encode()
    with pytest.raises(CorpusError, match="over the 10-byte limit"):
        read_regular_file(regular, 10)


def test_a_name_that_is_not_utf8_is_reported_not_raised(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    fd = os.open(os.fsencode(tmp_path) + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY, 0o644)
    os.write(fd, ARTICLE.encode())
    os.close(fd)
    got = load_within(tmp_path)
    assert [d.file for d in got.documents] == ["a.txt"]
    assert [(s.file, s.reason) for s in got.skipped] == [("caf\ufffd.txt", "its name is not valid UTF-8: rename it")]


def test_cli_never_quotes_a_linked_file_and_a_pipe_does_not_hang_it(tmp_path: Path):
    """One real `rag ask` (it builds the index first): the link and the pipe are reported, only the article is indexed."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "solar.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    os.mkfifo(corpus / "pipe.txt")
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    result = subprocess.run(
        [sys.executable, "-m", "rag.cli", "ask", "--json", "root"], cwd=tmp_path, capture_output=True, timeout=240, env=env
    )
    err = result.stderr.decode()
    assert result.returncode == 0, err
    assert "skipped passwd.txt: is a symbolic link; only regular files are read" in err
    assert "skipped pipe.txt: is a named pipe (FIFO); only regular files are read" in err
    answer = json.loads(result.stdout)
    assert all(c["file"] == "solar.txt" for c in answer["citations"])
    assert "root:" not in result.stdout.decode()
    from rag.embedding import default_embedder

    documents = read_index(tmp_path / "index", default_embedder.name).documents  # type: ignore[attr-defined]
    assert [d.file for d in documents] == ["solar.txt"]


# ---------------------------------------------------------------- 2. metadata costs only itself


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        (b"[" * 100_000 + b"]" * 100_000, f"is 200,000 bytes, over the {MAX_META_BYTES:,}-byte limit"),
        (b"[" * 30_000 + b"]" * 30_000, "nested too deeply to read"),
        (b'{"title": "A"' + b" " * MAX_META_BYTES + b"}", "over the"),
        (b"{not json", "is not valid JSON"),
        (b'{"title": "caf\xe9"}', "is not UTF-8 text"),
        (b'["a list"]', "must be a JSON object, not a list"),
        (b'{"title": 1' + b"0" * 5000 + b"}", "is not valid JSON"),  # an integer too long to convert
    ],
)
def test_damaged_metadata_loses_only_itself(tmp_path: Path, sidecar: bytes, reason: str):
    (tmp_path / "solar.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "solar.meta.json").write_bytes(sidecar)
    got = load_within(tmp_path)
    (doc,) = got.documents
    assert doc.text == ARTICLE and doc.title == ARTICLE.strip()
    (note,) = got.skipped
    assert note.file == "solar.meta.json"
    assert note.reason.startswith("metadata ignored: it ") and reason in note.reason
    assert note.reason.endswith("the article solar.txt is read without it")


def test_metadata_fields_of_the_wrong_type_are_dropped_and_text_is_cleaned(tmp_path: Path):
    (tmp_path / "solar.txt").write_text(ARTICLE, encoding="utf-8")
    meta = {"title": ["not", "text"], "date": 20240301, "publisher": "Daily\x00 \x1b[31mSun\u202e\n" + "x" * 10_000}
    (tmp_path / "solar.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    got = load_within(tmp_path)
    (doc,) = got.documents
    assert doc.publisher.startswith("Daily [31mSun x") and len(doc.publisher) == META_MAX_FIELD_CHARS
    assert doc.date == ""
    assert doc.title.startswith("Helios Power")  # the bad title is replaced by the article's own first sentence
    assert sorted(s.reason.split(";")[0] for s in got.skipped) == [
        "its date is a number, not text, so it is ignored",
        "its title is a list, not text, so it is ignored",
    ]


@pytest.mark.parametrize(("date", "why"), [
    ("2025-13-01", "has no month 13"),
    ("2025-00-10", "has no month 0"),
    ("2025-02-30", "has no day 30 in February 2025"),
    ("0000-01-01", "has the year 0"),
])
def test_a_metadata_date_that_is_no_calendar_date_is_dropped(tmp_path: Path, date: str, why: str):
    # it raised IndexError while dating the articles (month 13), or was shown as a date (month 0, 30 February)
    (tmp_path / "solar.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "solar.meta.json").write_text(json.dumps({"title": "Solar", "date": date}), encoding="utf-8")
    got = load_within(tmp_path)
    (doc,) = got.documents
    assert doc.date == "" and doc.title == "Solar"
    (note,) = got.skipped
    assert note.partial and note.reason == f"its date {date!r} {why}, so it is ignored; the article solar.txt is read without its date"


@pytest.mark.parametrize("date", ["2024", "2024-02", "2024-02-29", "2025-02-24T09:30:00Z", "March 3, 2025"])
def test_a_calendar_date_or_one_written_otherwise_is_kept(tmp_path: Path, date: str):
    (tmp_path / "solar.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "solar.meta.json").write_text(json.dumps({"date": date}), encoding="utf-8")
    got = load_within(tmp_path)
    assert got.documents[0].date == date and not got.skipped


def test_a_linked_sidecar_is_not_followed(tmp_path: Path):
    (tmp_path / "solar.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "secret.json").write_text('{"title": "from elsewhere"}', encoding="utf-8")
    (tmp_path / "solar.meta.json").symlink_to(tmp_path / "secret.json")
    got = load_within(tmp_path)
    assert got.documents[0].title != "from elsewhere"
    assert "solar.meta.json" in [s.file for s in got.skipped]


# ---------------------------------------------------------------- 3. HTML too deep for the parser


def test_html_nested_too_deeply_for_lxml_still_gives_its_text(tmp_path: Path):
    sentence = "The Orbital Bakery opened 42 shops across Portugal in 2011."
    page = (
        "<html><head><title>Orbital Bakery grows</title><style>p {color: red}</style></head><body>"
        + "<div>" * 5000 + f"<p>{sentence}</p><script>var x = 1;</script>" + "</div>" * 5000 + "</body></html>"
    )
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    (doc,) = load_within(tmp_path).documents
    assert doc.text == sentence
    assert doc.title == "Orbital Bakery grows"


def test_html_with_no_text_at_all_says_it_is_empty(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "blank.html").write_text("<html><body>" + "<div>" * 3000 + "</div>" * 3000 + "</body></html>", encoding="utf-8")
    assert {s.file: s.reason for s in load_within(tmp_path).skipped} == {"blank.html": "is empty"}


# ---------------------------------------------------------------- 4. every document has a title


def test_titles_come_from_metadata_markdown_heading_or_first_line(tmp_path: Path):
    from rag.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "plain.txt").write_text("\n\n  Metrolink approves Blue Line extension  \n\nThe plan costs $2.4bn.\n", encoding="utf-8")
    engine = Engine(corpus, tmp_path / "index", embedder=HashEmbedder).open()
    markdown = "Posted by the newsroom\n\n## Summary first\n\n# Crumb & Co. raises $15 million #\n\nThe bakery chain raised $15 million.\n"
    uploaded = engine.add_article("notes.md", markdown.encode())
    assert uploaded.title == "Crumb & Co. raises $15 million"
    assert uploaded.text == markdown  # the article text is untouched
    titles = {d.file: d.title for d in engine.data.documents}
    assert titles == {"plain.txt": "Metrolink approves Blue Line extension", "notes.md": "Crumb & Co. raises $15 million"}


def test_a_seed_article_without_a_headline_gets_its_first_line_cut_to_a_title():
    by_id = {d.doc_id: d for d in load_corpus(SEED_CORPUS).documents}
    title = by_id[SEED["000"]].title
    first_line = by_id[SEED["000"]].text.splitlines()[0]
    assert len(first_line) > TITLE_MAX_CHARS
    assert title == "Amazon is significantly raising the stakes in the global artificial intelligence arms race, signaling a potential total…"
    assert len(title) <= TITLE_MAX_CHARS and first_line.startswith(title[:-1])
    assert by_id[SEED["002"]].title == "Amazon Invests $5B in Anthropic for $100B AWS Deal"  # metadata wins


# ---------------------------------------------------------------- 6. questions


@pytest.mark.parametrize(
    "question",
    ["¿Cuánto invirtió Amazon en Anthropic?", "Combien Amazon investit-il dans Anthropic ?", "Wie viel investiert Amazon in Anthropic?",
     "Quanto investe a Amazon na Anthropic?", "亚马逊投资了多少？", "Сколько Amazon вложил в Anthropic?"],
)
def test_questions_in_other_languages_are_refused_as_not_english(question: str):
    with pytest.raises(QuestionError, match="^only English questions are supported: "):
        clean_question(question)


@pytest.mark.parametrize(
    "question",
    ["Who is Dario Amodei?", "AWS revenue?", "Trainium chips?", "5 GW?", "Who is Jean de la Fontaine?",
     "What does la vie en rose mean?", "When?", "and Google?", "Who says $25B?"],
)
def test_short_english_questions_pass(question: str):
    assert clean_question(question) == question


@pytest.mark.parametrize("question", ["x", "a b c", "? x !", "1 x"])
def test_a_question_needs_a_word_of_two_letters(question: str):
    with pytest.raises(QuestionError, match="is too short"):
        clean_question(question)


def test_a_question_of_bytes_that_are_not_utf8_is_refused():
    # what surrogateescape keeps of bytes that are not UTF-8 (stdin, or a command-line argument)
    question = b"How much \xff\xfe did Amazon invest?".decode("utf-8", errors="surrogateescape")
    with pytest.raises(QuestionError, match="not valid UTF-8"):
        clean_question(question)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=1200))
def test_clean_question_raises_only_question_error(question: str):
    try:
        cleaned = clean_question(question)
    except QuestionError:
        return
    assert cleaned == cleaned.strip() and cleaned
    assert all(ch.isprintable() for ch in cleaned)


_NAMES = st.text(st.characters(blacklist_characters="/\0", blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(
    lambda n: n not in (".", "..") and len(n.encode()) < 200
)
_SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".htm", ".meta.json", ".pdf", ""])
_CONTENT = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.recursive(st.none() | st.integers() | st.text(max_size=20), lambda c: st.lists(c) | st.dictionaries(st.text(max_size=8), c),
                 max_leaves=20).map(lambda v: json.dumps({"title": v}).encode()),
    st.text(max_size=200).map(lambda t: f"<html><body><div><p>{t}</div></body>".encode("utf-8", "surrogatepass")),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.tuples(_NAMES, _SUFFIXES, _CONTENT), max_size=6))
def test_load_corpus_raises_only_corpus_error(tmp_path_factory: pytest.TempPathFactory, files: list[tuple[str, str, bytes]]):
    folder = tmp_path_factory.mktemp("fuzz")
    for name, suffix, content in files:
        (folder / (name + suffix)).write_bytes(content)
    try:
        corpus = load_corpus(folder)
    except CorpusError:
        return
    for doc in corpus.documents:
        assert doc.text.strip() and len(doc.title) <= META_MAX_FIELD_CHARS
        assert not any(unicodedata.category(ch) in ("Cc", "Cs") for ch in doc.title + doc.publisher + doc.date)


# ---------------------------------------------------------------- 7. the index folder


def ensure(index: Path, corpus_dir: Path, emb: HashEmbedder, **kw):  # type: ignore[no-untyped-def]
    return ensure_index(index, corpus_dir, lambda: emb, emb.name, **kw)


def live_version(index: Path) -> Path:
    return index / (index / "CURRENT").read_text().strip()


@pytest.mark.parametrize(
    "damage",
    [
        {"checksums": []},
        {"checksums": {}},  # derived.json would go unchecked
        {"checksums": {"derived.json": 7}},
        {"counts": None},
        {"counts": {"documents": "3", "chunks": 1, "sentences": 1}},
        {"model": ["hash-bow-test"]},
        {"dim": True},
        {"segments": ["solar"]},
        {"segments": [{"name": "../elsewhere", "sha256": "0"}]},
        {"segments": None},
        {"deleted": {"seg-0000000000000000": ["solar"]}},  # a segment the version does not hold
        {"stamps": {"solar": 7}},
    ],
)
def test_a_manifest_of_the_wrong_shape_counts_as_damage(tmp_path, tiny_corpus, hash_embedder, damage):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    manifest_path = live_version(index) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    for key, value in damage.items():
        if value is None:
            del manifest[key]
        else:
            manifest[key] = value
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexCorrupt, match="manifest .* is damaged"):
        read_manifest(index)
    messages: list[str] = []
    result = ensure(index, tiny_corpus, hash_embedder, log=messages.append)
    assert result.action == "rebuilt" and any("damaged" in m for m in messages)
    assert read_index(index, hash_embedder.name).manifest["counts"] == result.data.manifest["counts"]


@pytest.mark.parametrize("pointer", ["../elsewhere", "/tmp", "v-1/../../x", "sub/v-1", "", "v-", "v-12abc", "v-1\nv-2", "x" * 5000])
def test_current_must_name_a_version_folder_inside_the_index(tmp_path, tiny_corpus, hash_embedder, pointer):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    (index / "CURRENT").write_text(pointer)
    with pytest.raises(IndexCorrupt, match="CURRENT"):
        read_manifest(index)
    messages: list[str] = []
    assert ensure(index, tiny_corpus, hash_embedder, log=messages.append).action == "rebuilt"
    assert any("damaged" in m for m in messages)


def test_current_naming_a_link_to_a_folder_elsewhere_is_damage(tmp_path, tiny_corpus, hash_embedder):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    outside = tmp_path / "outside"
    shutil.copytree(live_version(index), outside)
    (index / "v-1").symlink_to(outside)
    (index / "CURRENT").write_text("v-1\n")
    with pytest.raises(IndexCorrupt, match="is not a folder"):
        read_index(index, hash_embedder.name)


def test_a_reader_follows_a_rebuild_that_deletes_its_version_mid_read(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    old = live_version(index)
    newer = index / f"v-{int(old.name[2:]) + 1}"
    shutil.copytree(old, newer)
    real_load = segment.np.load
    calls = {"n": 0}

    def rebuild_then_load(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 1:  # what a concurrent write_index does: switch CURRENT, delete the old version
            (index / "CURRENT").write_text(newer.name + "\n")
            shutil.rmtree(old)
        return real_load(path, *args, **kwargs)

    monkeypatch.setattr(segment.np, "load", rebuild_then_load)
    data = read_index(index, hash_embedder.name)
    assert calls["n"] > 1 and not old.exists()  # the first read failed on the old version; the rest came from the new one
    assert {d.doc_id for d in data.documents} == {"bakery", "rail", "solar"}


def test_a_version_that_vanishes_without_a_new_one_is_damage_not_a_crash(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    (name,) = [s["name"] for s in read_index(index, hash_embedder.name).manifest["segments"]]
    real_load = segment.np.load

    def vanish_then_load(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        shutil.rmtree(index / name, ignore_errors=True)
        return real_load(path, *args, **kwargs)

    monkeypatch.setattr(segment.np, "load", vanish_then_load)
    with pytest.raises(IndexCorrupt):
        read_index(index, hash_embedder.name)


@pytest.mark.parametrize(
    ("error", "where"),
    [
        (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), None),  # a failed write() carries no file name
        (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/data/index/.tmp-1/chunk_vectors.npy"), "/data/index/.tmp-1/chunk_vectors.npy"),
        (OSError(errno.EROFS, os.strerror(errno.EROFS), "/data/index"), "/data/index"),
    ],
)
def test_when_the_index_cannot_be_updated_the_previous_one_answers_with_a_warning(
    tmp_path, tiny_corpus, hash_embedder, monkeypatch, error, where
):
    index = tmp_path / "index"
    ensure(index, tiny_corpus, hash_embedder)
    before = (index / "CURRENT").read_text()
    (tiny_corpus / "solar.txt").write_text("Changed text about the farm.", encoding="utf-8")

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise error

    monkeypatch.setattr(store, "_write_version", refuse)
    messages: list[str] = []
    result = ensure(index, tiny_corpus, hash_embedder, log=messages.append)
    assert result.action == "stale"
    assert any("Nevada" in d.text for d in result.data.documents)  # the previous text
    warning = f"warning: the index could not be updated ({error.strerror}: {where or index}); answering from the previous index"
    assert messages[-1] == warning
    assert (index / "CURRENT").read_text() == before


def test_without_a_previous_index_a_full_disk_is_an_error(tmp_path, tiny_corpus, hash_embedder, monkeypatch):
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store, "_write_version", refuse)
    with pytest.raises(OSError, match="No space left on device"):
        ensure(tmp_path / "index", tiny_corpus, hash_embedder)
