"""The chat server's defences and edges, against real `rag chat` processes: the page before the model, a
Content-Security-Policy, one log line per refused question, paged sources, upload permissions and messages,
and throttled logins."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import httpx
import pytest
from gradio_client import Client, handle_file
from playwright.sync_api import expect

from tests.conftest import SEED_CORPUS, free_port
from tests.test_ui_browser import CHROMIUM, chromium, open_page

FILLERS = 40  # with the 5 seed articles: 45 documents, three pages of 20


def _model_child(pid: int, timeout: float = 30) -> int:
    """The pid of the server's model process (ui.model_process), as soon as it exists."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for children in Path(f"/proc/{pid}/task").glob("*/children"):
            for child in children.read_text().split():
                with contextlib.suppress(OSError):
                    if b"ui.model_process" in Path(f"/proc/{child}/cmdline").read_bytes():
                        return int(child)
        time.sleep(0.01)
    raise RuntimeError("the chat server started no model process")


@contextlib.contextmanager
def serve(corpus: Path, index: Path, log: Path, *extra: str, hold_model: bool = False):  # type: ignore[no-untyped-def]
    """`rag chat` on a corpus whose index is already built; with hold_model, its model process is stopped
    (SIGSTOP) before it can load, until the test lets it go with `release()`."""
    port = free_port()
    out = log.open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "chat", "--corpus", str(corpus), "--index", str(index), "--port", str(port), *extra],
        stdout=out, stderr=subprocess.STDOUT, env=dict(os.environ, HF_HUB_OFFLINE="1"),
    )
    model = _model_child(proc.pid)
    if hold_model:
        os.kill(model, signal.SIGSTOP)

    def release() -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(model, signal.SIGCONT)

    url = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    try:
        while True:
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() - started > 120:
                    raise RuntimeError("the chat server did not start:\n" + log.read_text(errors="replace")) from None
                time.sleep(0.1)
        yield {"url": url, "corpus": corpus, "proc": proc, "log": log, "release": release, "model": model}
    finally:
        release()
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        out.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):  # type: ignore[no-untyped-def]
    """45 articles, indexed beforehand (so the page is served before the model is loaded), the model held back."""
    from rag.engine import Engine

    base = tmp_path_factory.mktemp("faults")
    corpus = base / "corpus"
    shutil.copytree(SEED_CORPUS, corpus)
    for i in range(FILLERS):
        (corpus / f"filler-{i:02d}.txt").write_text(
            f"Filler Company {i} opened its office number {i} in Springfield in May 2026.\n", encoding="utf-8"
        )
    Engine(corpus, base / "index").open()
    with serve(corpus, base / "index", base / "server.log", hold_model=True) as running:
        yield running


needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")


@needs_chromium
def test_the_page_comes_before_the_model_and_says_it_is_loading(server):
    with chromium() as browser:
        page = open_page(browser, server["url"], 1400, 900)
        status = page.locator("#model-status")
        status.wait_for(timeout=30_000)
        assert "Loading the model…" in status.inner_text()
        page.locator("#question textarea").fill("Who is the CEO of Anthropic?")
        page.locator("#question textarea").press("Enter")
        page.wait_for_timeout(1_500)
        assert "Loading the model…" in status.inner_text()  # still held back: no answer yet, and it says why
        assert page.locator("#chatbot [data-testid=bot]").count() == 0
        server["release"]()
        page.wait_for_function(
            "() => document.querySelector('#model-status').innerText.includes('Model loaded')", timeout=120_000
        )
        page.wait_for_function("() => document.querySelectorAll('#chatbot [data-testid=bot]').length >= 1", timeout=60_000)
        assert "Dario Amodei" in page.locator("#chatbot [data-testid=bot]").last.inner_text()


def test_pages_carry_a_content_security_policy(server):
    for path in ("/", "/config"):
        response = httpx.get(server["url"] + path)
        policy = dict(
            (part.strip().split(" ", 1) + [""])[:2] for part in response.headers["content-security-policy"].split(";")
        )
        assert policy["default-src"] == "'self'"
        assert policy["img-src"] == "'self' data: blob:"
        assert policy["script-src"] == "'self' 'unsafe-inline' 'unsafe-eval'"
        assert policy["connect-src"] == "'self'"
        assert policy["object-src"] == "'none'"


def test_a_refused_question_is_one_log_line(server):
    client = Client(server["url"], verbose=False)
    for question, message in [("   ", "the question is empty"), ("x" * 1500, "limit is 1,000"), ("亚马逊投资了多少？", "not in English")]:
        with pytest.raises(Exception, match=message):
            client.predict(question, "", api_name="/ask")
    time.sleep(0.5)
    log = server["log"].read_text(errors="replace")
    assert "Traceback" not in log
    refused = [line for line in log.splitlines() if line.startswith("rag: refused question:")]
    assert len(refused) == 3 and "limit is 1,000" in refused[1] and len(refused[1]) < 200


def test_the_page_carries_one_page_of_sources(server):
    fillers = [f"filler-{i:02d}.txt" for i in range(FILLERS)]
    config = httpx.get(server["url"] + "/config").text + httpx.get(server["url"]).text
    assert 0 < sum(name in config for name in fillers) <= 20


@needs_chromium
def test_sources_are_searched_and_paged_in_the_browser(server):
    with chromium() as browser:
        page = open_page(browser, server["url"], 1400, 900)
        page.get_by_role("tab", name="Sources").click()
        summary = page.locator("#sources-summary")
        expect(summary).to_have_text("1–20 of 45 documents · page 1 of 3")
        seen = _files(page, 20)
        page.locator("#sources-next").click()
        expect(summary).to_have_text("21–40 of 45 documents · page 2 of 3")
        seen |= _files(page, 20, seen)
        page.locator("#sources-next").click()
        expect(summary).to_have_text("41–45 of 45 documents · page 3 of 3")
        seen |= _files(page, 5, seen)
        assert len(seen) == 45
        page.locator("#sources-search textarea").fill("filler-07")
        expect(summary).to_have_text("1–1 of 1 matching document (45 in all) · page 1 of 1")
        assert _files(page, 1) == {"filler-07.txt"}
        expect(page.locator("#document-text textarea")).to_have_value(re.compile("office number 7 in Springfield"))


def _files(page, n: int, old: frozenset[str] | set[str] = frozenset()) -> set[str]:  # type: ignore[no-untyped-def]
    """The files the page lists (the table's rows, the document picker's choices), once it lists n that were
    not on the page before."""
    grid = page.locator("#sources [role=grid]")
    deadline = time.time() + 15
    while True:
        page.locator("#sources-pick input").click()
        files = {option.split("\n")[-1].strip() for option in page.get_by_role("option").all_inner_texts()}  # "✓" marks the one shown
        page.keyboard.press("Escape")
        rows = int(grid.get_attribute("aria-rowcount") or 0) - 1  # the header is a row too
        if (len(files) == n == rows and not files & old) or time.time() > deadline:
            return files
        time.sleep(0.2)


def test_an_upload_is_saved_readable_and_other_types_get_one_message(server, tmp_path):
    server["release"]()  # the upload embeds: the model must load (the browser test, skipped without chromium, releases it first)
    client = Client(server["url"], verbose=False)
    article = tmp_path / "mode check.txt"
    article.write_text("Slate Foods raised $4 million from Chalk Capital in April 2026.\n", encoding="utf-8")
    assert client.predict(handle_file(str(article)), api_name="/add_article").startswith("Added mode_check.txt")
    assert (server["corpus"] / "mode_check.txt").stat().st_mode & 0o777 == 0o644
    for name in ("report.pdf", "blob.bin"):
        path = tmp_path / name
        path.write_bytes(b"%PDF-1.4 not an article")
        status = client.predict(handle_file(str(path)), api_name="/add_article")
        assert status == f"⚠️ Not added: {name} is not an allowed type: upload one of .txt, .md, .html, .htm"
        assert not (server["corpus"] / name).exists()


def test_a_model_process_that_dies_is_started_again(server):
    os.kill(server["model"], signal.SIGKILL)
    client = Client(server["url"], verbose=False)
    assert client.predict("Who is the CEO of Anthropic?", "", api_name="/ask")["answer"] == "Dario Amodei"
    assert _model_child(server["proc"].pid) != server["model"]


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory, seed_engine):  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("auth")
    shutil.copytree(SEED_CORPUS, base / "corpus")
    shutil.copytree(seed_engine.index_dir, base / "index")  # the seed corpus's index, already built
    with serve(base / "corpus", base / "index", base / "server.log", "--auth", "reader:s3cret") as running:
        yield running


def test_auth_keeps_out_who_has_no_login(auth_server):
    with pytest.raises(Exception):  # noqa: B017 - the client's error type for a refused login varies
        Client(auth_server["url"], verbose=False).predict("Who is the CEO of Anthropic?", "", api_name="/ask")
    client = Client(auth_server["url"], auth=("reader", "s3cret"), verbose=False)
    assert client.predict("Who is the CEO of Anthropic?", "", api_name="/ask")["answer"] == "Dario Amodei"


def test_failed_logins_are_throttled_per_client(auth_server):
    # last in this module: afterwards this address may not log in for a minute
    def login(client: httpx.Client, password: str) -> httpx.Response:
        return client.post(auth_server["url"] + "/login", data={"username": "reader", "password": password})

    with httpx.Client() as here:
        for _ in range(5):
            assert login(here, "guess").status_code == 400
        for password in ("guess", "s3cret"):  # the right password too: a guesser learns nothing more
            refused = login(here, password)
            assert refused.status_code == 429 and int(refused.headers["retry-after"]) >= 1
            assert "Too many failed logins" in refused.json()["detail"]
    try:
        other = httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"))
        response = login(other, "s3cret")
    except httpx.ConnectError:
        pytest.skip("127.0.0.2 is not usable here to stand for another client")
    assert response.status_code == 200  # another client is not held back by the first one's failures
    other.close()
