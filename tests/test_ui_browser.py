"""The chat window in a real browser: Playwright driving Debian's Chromium, headless."""

import shutil
from pathlib import Path

import pytest
from gradio_client import Client, handle_file

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)"),
]


@pytest.fixture(scope="module")
def page(chat_server):  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.dialogs = []  # type: ignore[attr-defined]
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
        page.goto(chat_server["url"])
        yield page
        browser.close()


def ask(page, question: str) -> None:  # type: ignore[no-untyped-def]
    before = page.locator("#chatbot .message").count()
    page.locator("#question textarea").fill(question)
    page.locator("#question textarea").press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#chatbot .message').length >= n + 2", arg=before, timeout=60_000
    )


def test_ask_see_the_answer_and_open_its_passage(page):
    ask(page, "What is Anthropic's annual revenue?")
    reply = page.locator("#chatbot .message").last
    text = reply.inner_text()
    assert "surpassing $1 billion" in text and "Sources disagree" in text and "$30 billion" in text
    assert "Amazon Pours $4B More Into Anthropic Deal" in text
    links = reply.locator("a.cite")
    assert links.count() >= 3
    # the passage panel holds the quoted sentence, highlighted
    first = page.locator("#passage-1 mark")
    assert "surpassing $1 billion in annualized recurring revenue" in first.inner_text()
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


def test_check_a_figure(page):
    page.get_by_role("tab", name="Check a figure").click()
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
    status, _, _ = Client(chat_server["url"], verbose=False).predict(handle_file(str(article)), api_name="/add_article")
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
