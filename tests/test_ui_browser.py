"""The chat window in a real browser: Playwright driving Debian's Chromium, headless."""

import contextlib
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from gradio_client import Client, handle_file
from playwright.sync_api import expect

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)"),
]


@contextlib.contextmanager
def chromium():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(browser, url: str, width: int, height: int):  # type: ignore[no-untyped-def]
    """A page on `url` that records dialogs and every request it makes."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.dialogs = []
    page.requests = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: page.requests.append(r.url))
    page.goto(url)
    return page


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def page(browser, chat_server):  # type: ignore[no-untyped-def]
    return open_page(browser, chat_server["url"], 1400, 900)


def ask(page, question: str) -> None:  # type: ignore[no-untyped-def]
    before = page.locator("#chatbot [data-testid=bot]").count()
    page.locator("#question textarea").fill(question)
    page.locator("#question textarea").press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#chatbot [data-testid=bot]').length >= n + 1", arg=before, timeout=60_000
    )


def test_ask_see_the_answer_and_open_its_passage(page):
    ask(page, "What is Anthropic's annual revenue?")
    reply = page.locator("#chatbot .message").last
    text = reply.inner_text()
    # the sources give $1 billion and $30 billion: one is the answer, the other is shown as disagreeing
    assert "Sources disagree" in text and "$1 billion" in text and "$30 billion" in text
    assert "Amazon Pours $4B More Into Anthropic Deal" in text
    links = reply.locator("a.cite")
    assert links.count() >= 3
    # the passage panel holds the quoted sentence, highlighted
    first = page.locator("#passage-1 mark").inner_text()
    assert "billion" in first and first in reply.locator("blockquote").inner_text()
    # clicking a citation brings its passage into view
    links.last.click()
    target = page.locator(".passage.flash")
    target.wait_for(timeout=5_000)
    number = links.last.get_attribute("href").removeprefix("#")
    assert target.get_attribute("id") == number
    assert target.is_visible()
    box, panel = target.bounding_box(), page.locator("#passages .passages").bounding_box()
    assert panel["y"] - 1 <= box["y"] <= panel["y"] + panel["height"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)


def test_abstention_is_said_plainly(page):
    ask(page, "What is the capital of France?")
    assert "I could not find this in the sources" in page.locator("#chatbot .message").last.inner_text()


def test_a_pasted_question_past_the_limit_is_refused_not_cut(page):
    # the box held 1,000 characters: a longer paste was cut there without a word and answered
    ask(page, "How much is Amazon investing in Anthropic? " * 40)
    assert "the limit is 1,000" in page.locator("#chatbot .message").last.inner_text()


def test_check_a_figure(page):
    page.get_by_role("tab", name="Figures").click()
    page.locator("#figure-query textarea").fill("5 gigawatts")
    page.locator("#figure-check").click()
    page.locator("#figure-result mark").first.wait_for(timeout=30_000)
    result = page.locator("#figure-result")
    assert sorted(result.locator("mark").all_inner_texts()) == ["5 gigawatts", "5 gigawatts", "5GW"]
    assert result.locator(".doc").count() == 2
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "figure.png"), full_page=True)
    page.get_by_role("tab", name="Chat").click()


def test_article_html_and_script_show_as_text(page, chat_server, tmp_path):
    article = tmp_path / "injection.txt"
    payload = "Quill Press raised $3 million from Ink Partners in 2026. <script>alert('xss')</script> <img src=x onerror=alert('img')> <b>bold</b>"
    article.write_text(payload, encoding="utf-8")
    status = Client(chat_server["url"], verbose=False).predict(handle_file(str(article)), api_name="/add_article")
    assert status.startswith("Added")
    page.reload()
    ask(page, "How much did Quill Press raise from Ink Partners?")
    reply = page.locator("#chatbot .message").last
    assert "$3 million" in reply.inner_text()
    assert "<script>alert('xss')</script>" in page.locator("#passages").inner_text()
    assert "<img src=x onerror=alert('img')>" in page.locator("#passages").inner_text()
    assert page.locator("#passages script, #passages img, #chatbot img[src='x'], #passages b").count() == 0
    page.get_by_role("tab", name="Sources").click()
    page.get_by_label("Show a document").click()
    page.get_by_role("option", name="injection.txt").click()
    page.wait_for_function("() => document.querySelector('#document-text textarea').value.includes('Quill')")
    assert page.locator("#document-text textarea").input_value() == payload
    page.wait_for_timeout(500)
    assert page.dialogs == []  # type: ignore[attr-defined]
    page.get_by_role("tab", name="Chat").click()


EVIL_TITLE = "<img src=x onerror=alert(1)>**bold** [link](http://example.com/x)"
MARKUP = "img[src='x'], a[href*='example.com'], strong:text-is('bold'), b:text-is('bold')"


@pytest.fixture
def tracker():  # type: ignore[no-untyped-def]
    """A tiny local web server that records every request: nothing on the page may reach it."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_a_question_with_markup_is_shown_as_text_and_fetches_nothing(page, tracker):
    base, hits = tracker
    question = (f"How long is Anthropic's new AWS contract? ![t]({base}/track.png) [x]({base}/link) "
                f"<img src={base}/img.png> **bold** {base}/bare")
    ask(page, question)
    assert page.locator("#chatbot [data-testid=user]").last.inner_text().strip() == question
    assert page.locator(f"#chatbot img[src^='{base}'], #chatbot a[href^='{base}'], #chatbot strong:text-is('bold')").count() == 0
    # and were an image to slip through, the page's Content-Security-Policy allows none from elsewhere
    page.evaluate("url => { const img = new Image(); img.src = url; document.body.appendChild(img); }", f"{base}/csp.png")
    page.wait_for_timeout(500)
    assert hits == []


def test_an_html_upload_whose_title_holds_markup_shows_it_as_text(page, tmp_path):
    article = tmp_path / "evil-title.html"
    article.write_text(
        f"<!doctype html><html><head><title>{EVIL_TITLE}</title></head><body><article>"
        "<p>Basalt Works raised $12 million from Granite Ventures in March 2026 to build a plant in Ohio.</p>"
        "<p>The plant will employ 300 people by 2028, the company said.</p></article></body></html>",
        encoding="utf-8",
    )
    page.get_by_role("tab", name="Upload").click()
    page.locator("#upload input[type=file]").set_input_files(str(article))
    page.wait_for_function("() => document.querySelector('#upload-status textarea').value.includes('evil-title.html')")
    page.locator("#add").click()
    page.wait_for_function("() => document.querySelector('#upload-status textarea').value.startsWith('Added')", timeout=60_000)
    assert page.locator("#upload-status textarea").input_value() == f"Added evil-title.html ({EVIL_TITLE}); you can ask about it now."
    page.get_by_role("tab", name="Sources").click()
    page.locator("#sources-search textarea").fill("evil-title")
    expect(page.locator("#sources-summary")).to_contain_text("of 1 matching document")
    expect(page.locator("#sources tbody")).to_contain_text(EVIL_TITLE)
    page.get_by_role("tab", name="Chat").click()
    ask(page, "How much did Basalt Works raise from Granite Ventures?")
    reply = page.locator("#chatbot .message").last
    assert "$12 million" in reply.inner_text() and EVIL_TITLE in reply.inner_text()
    assert EVIL_TITLE in page.locator("#passage-1 .meta").inner_text()
    assert page.locator(MARKUP).count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_a_file_of_another_type_gets_one_clear_message(page, tmp_path):
    page.get_by_role("tab", name="Upload").click()
    for name in ("report.pdf", "blob.bin"):
        path = tmp_path / name
        path.write_bytes(b"%PDF-1.4 not an article")
        expected = f"⚠️ Not added: {name} is not an allowed type: upload one of .txt, .md, .html, .htm"
        page.locator("#upload input[type=file]").set_input_files(str(path))
        page.wait_for_function("m => document.querySelector('#upload-status textarea').value === m", arg=expected)
        page.locator("#add").click()
        page.wait_for_timeout(1_000)
        assert page.locator("#upload-status textarea").input_value() == expected
        assert page.get_by_text("Invalid file type").count() == 0 and page.get_by_text("Choose a file first").count() == 0
        page.locator("#upload button[aria-label='Clear']").click()
    page.get_by_role("tab", name="Chat").click()


def test_on_a_phone_every_tab_shows_and_the_passage_opens_under_the_answer(browser, chat_server):
    phone = open_page(browser, chat_server["url"], 390, 844)
    try:
        expect(phone.get_by_role("tab")).to_have_count(4)
        tabs = phone.get_by_role("tab").all()
        assert [t.inner_text().strip() for t in tabs] == ["Chat", "Figures", "Sources", "Upload"]
        for tab in tabs:
            box = tab.bounding_box()
            assert tab.is_visible() and box is not None and 0 <= box["x"] and box["x"] + box["width"] <= 390
        assert not phone.locator(".overflow-menu").first.is_visible()  # nothing hidden under "…"
        ask(phone, "How much computing capacity does Amazon guarantee Anthropic?")
        phone.locator("#chatbot .message").last.scroll_into_view_if_needed()
        chat, passage = phone.locator("#chatbot").bounding_box(), phone.locator("#passage-1").bounding_box()
        assert chat is not None and passage is not None
        assert 0 <= passage["y"] < 844  # in view together with the answer
        assert passage["y"] - (chat["y"] + chat["height"]) < 200  # right under the chat: only the question row between
        ARTIFACTS.mkdir(exist_ok=True)
        phone.screenshot(path=str(ARTIFACTS / "phone.png"))
    finally:
        phone.close()
