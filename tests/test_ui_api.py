"""The app's named endpoints through a default gradio_client, against a real server."""

import concurrent.futures

import pytest
from gradio_client import Client, handle_file

from tests.conftest import SEED

INJECTION = (
    "Orbit Bakery raised $9 million from Crumb Capital in May 2026. "
    "<script>alert('xss')</script> The founder said <img src=x onerror=alert('img')> nothing more.\n"
)


@pytest.fixture(scope="module")
def client(chat_server):  # type: ignore[no-untyped-def]
    return Client(chat_server["url"], verbose=False)


def test_only_the_documented_endpoints_are_named(client):
    named = set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert named == {"/ask", "/figure", "/add_article"}


def test_ask_returns_the_cli_contract(client):
    answer = client.predict("How much computing capacity does Amazon guarantee Anthropic?", "", api_name="/ask")
    assert set(answer) == {"question", "answer", "sentence", "abstained", "confidence", "citations", "conflicts", "source_count", "lead_basis", "conflict_count", "note"}
    assert answer["answer"] == "up to 5 gigawatts"
    assert answer["citations"][0]["doc_id"] == SEED["004"]


def test_ask_reports_disagreement(client):
    answer = client.predict("What is Anthropic's annual revenue?", "", api_name="/ask")
    assert answer["answer"] == "$30 billion"  # the newer figure leads
    assert {c["value"] for c in answer["conflicts"]} == {1e9}
    assert {c["doc_id"] for c in answer["conflicts"]} == {SEED["003"]}
    assert {c["doc_id"] for c in answer["citations"]} == {SEED["000"], SEED["004"]}


def test_follow_up_through_the_api(client):
    answer = client.predict("and how much will Anthropic spend on AWS in return?", "How much is Amazon investing in Anthropic?", api_name="/ask")
    assert "$100" in answer["answer"]


def test_figure_returns_the_cli_contract(client):
    data = client.predict("$25B", api_name="/figure")
    assert set(data) == {"query", "figures", "mentions", "found", "differing", "elsewhere", "outlet", "note"}
    assert {m["doc_id"] for m in data["mentions"]} == {SEED["000"], SEED["001"], SEED["004"]}


def test_bad_input_is_an_error_with_its_message(client):
    with pytest.raises(Exception, match="the question is empty"):
        client.predict("   ", "", api_name="/ask")
    with pytest.raises(Exception, match="no figure found"):
        client.predict("Amazon", api_name="/figure")


def test_concurrent_questions_get_their_own_answers(client):
    questions = {
        "How much computing capacity does Amazon guarantee Anthropic?": "up to 5 gigawatts",
        "Who is the CEO of Anthropic?": "Dario Amodei",
        "How long is Anthropic's new AWS contract?": "10-year",
        "What return ratio does the circular investment create?": "20:1",
    }
    jobs = list(questions) * 3
    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda q: client.predict(q, "", api_name="/ask"), jobs))
    for q, a in zip(jobs, answers):
        assert a["question"] == q and a["answer"] == questions[q]


def test_upload_then_ask(client, chat_server, tmp_path):
    article = tmp_path / "orbit bakery.txt"
    article.write_text(INJECTION, encoding="utf-8")
    status = client.predict(handle_file(str(article)), api_name="/add_article")
    assert status.startswith("Added orbit_bakery.txt")
    assert (chat_server["corpus"] / "orbit_bakery.txt").read_text(encoding="utf-8") == INJECTION
    answer = client.predict("How much did Orbit Bakery raise?", "", api_name="/ask")
    assert answer["answer"] == "$9 million"
    assert answer["citations"][0]["file"] == "orbit_bakery.txt"
    # the rest of the corpus is still there
    assert client.predict("Who is the CEO of Anthropic?", "", api_name="/ask")["answer"] == "Dario Amodei"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x00\x01\x02", "is binary"),
        ("latin.txt", "caf\xe9".encode("latin-1"), "is not UTF-8"),
        ("empty.md", b"   ", "is empty"),
    ],
)
def test_unusable_uploads_are_refused_and_nothing_is_lost(client, chat_server, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = sorted(p.name for p in chat_server["corpus"].iterdir())
    status = client.predict(handle_file(str(path)), api_name="/add_article")
    assert status.startswith("⚠️ Not added") and message in status
    assert sorted(p.name for p in chat_server["corpus"].iterdir()) == before
    assert client.predict("Who is the CEO of Anthropic?", "", api_name="/ask")["answer"] == "Dario Amodei"


def test_other_file_types_get_a_message_and_oversized_files_are_refused_by_the_server(client, tmp_path):
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    status = client.predict(handle_file(str(exe)), api_name="/add_article")
    assert status == "⚠️ Not added: tool.exe is not an allowed type: upload one of .txt, .md, .html, .htm"
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (1024 * 1024 + 10))  # just over 5 MB
    with pytest.raises(Exception, match="(?i)too large|exceeds|maximum|size"):
        client.predict(handle_file(str(big)), api_name="/add_article")

