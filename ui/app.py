"""The chat window: cited answers with a passage panel, figure checks, sources, and uploads.

One Engine (index, and the model or a handle on the model's process) is shared by every session; answers
read an immutable snapshot of the index, uploads build a new one and swap it in. The page is served as soon
as the index is loaded; the model may still be loading, which the chat tab says until it is ready.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr
from starlette.middleware import Middleware

from rag.config import CORPUS_SUFFIXES, MAX_DOCUMENT_BYTES, MAX_QUESTION_CHARS
from rag.engine import Engine, safe_filename
from rag.errors import RagError
from rag.serialize import answer_dict, lookup_dict
from ui.render import answer_markdown, esc, esc_html, lookup_html, passages_html
from ui.security import LoginThrottle, SecurityHeaders
from ui.sources import SOURCE_COLUMNS, sources_page

CONCURRENCY = 4
UPLOAD_TYPES = list(CORPUS_SUFFIXES)
READY_POLL_S = 0.5
PASTE_LIMIT = 20  # the question box takes this many times the longest question, so that a longer one is refused

MODEL_LOADING = '<p class="model-status loading">⏳ Loading the model… questions asked now are answered once it is loaded.</p>'
MODEL_READY = '<p class="model-status ready">Model loaded: ask away.</p>'
# whether the model has finished loading, and why it failed if it did
ModelState = Callable[[], tuple[bool, str]]

CSS = """
.passages { max-height: 70vh; overflow-y: auto; }
.passage { border-left: 3px solid #bbb; padding: 4px 10px; margin-bottom: 12px; }
.passage .meta, .lookup .meta { font-weight: 600; font-size: 0.9em; }
.passage .file, .lookup .file { font-weight: 400; color: #888; }
.passage.flash { border-left-color: #e8a400; background: rgba(232, 164, 0, 0.08); }
mark { background: #ffe58a; color: inherit; }
.model-status { margin: 0; font-size: 0.9em; }
.model-status.loading { color: #b26b00; font-weight: 600; }
.model-status.ready { color: #888; }
.model-status.failed { color: #b00020; font-weight: 600; }
/* A phone: the chat is shorter, so the cited passages (right under the question box) show with the answer. */
@media (max-width: 640px) {
  #chatbot { height: 46vh !important; min-height: 0 !important; }
  .passages { max-height: 60vh; }
  #passages-heading h3 { margin: 0; }
}
"""

# Citation links inside chat messages scroll their passage into view, instead of following the link.
HEAD = """
<script>
document.addEventListener("click", function (event) {
  const link = event.target.closest("a[href^='#passage-']");
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();
  const target = document.getElementById(link.getAttribute("href").slice(1));
  if (!target) return;
  target.scrollIntoView({behavior: "instant", block: "center"});
  document.querySelectorAll(".passage.flash").forEach(function (el) { el.classList.remove("flash"); });
  target.classList.add("flash");
}, true);
</script>
"""


def _refused(what: str, exc: RagError) -> None:
    """One line in the server log for input that was turned away (it is the user's error, not the server's)."""
    print(f"rag: refused {what}: {exc}", file=sys.stderr, flush=True)


def build_app(engine: Engine, model_state: ModelState = lambda: (True, "")) -> gr.Blocks:
    def chat(question: str, history: list[dict[str, Any]], last_question: str):  # type: ignore[no-untyped-def]
        history = list(history or [])
        engine.follow()  # articles another process indexed since (`rag index`): a read of index/CURRENT otherwise
        if not question or not question.strip():
            return "", history, passages_html(None, engine.data), last_question
        # the question is shown as typed: a Markdown image or link in it is text, never fetched
        history.append({"role": "user", "content": esc(question)})
        try:
            answer = engine.ask(question, previous=last_question or None)
        except RagError as exc:
            _refused("question", exc)
            history.append({"role": "assistant", "content": f"⚠️ {esc(str(exc))}"})
            return "", history, passages_html(None, engine.data), last_question
        data = engine.data
        history.append({"role": "assistant", "content": answer_markdown(answer, data)})
        return "", history, passages_html(answer, data), engine.next_previous(question, last_question or None) or ""

    def model_status() -> tuple[str, Any]:
        settled, error = model_state()
        if not settled:
            return MODEL_LOADING, gr.Timer(active=True)
        if error:
            return f'<p class="model-status failed">⚠️ The model could not be loaded: {esc_html(error)}</p>', gr.Timer(active=False)
        return MODEL_READY, gr.Timer(active=False)

    def check_figure(query: str) -> str:
        engine.follow()
        try:
            lookup, differing = engine.figure_check(query)
        except RagError as exc:
            _refused("figure query", exc)
            return f'<p class="error">⚠️ {esc_html(str(exc))}</p>'
        return lookup_html(lookup, differing, engine.data)

    def show_document(file: str | None) -> str:
        doc = engine.data.document_by_file(file) if file else None
        return doc.text if doc is not None else ""

    def sources_update(query: str = "", page: int = 0) -> tuple[Any, Any, str, int]:
        engine.follow()
        shown = sources_page(engine.data, query or "", page)
        pick = gr.update(choices=shown.files, value=shown.files[0] if shown.files else None)
        return gr.update(value=shown.rows), pick, esc_html(shown.summary), shown.page

    def upload_check(path: str | None) -> str:
        """Refuse a file of another type as soon as it is chosen, with the same message as the Add button."""
        if not path:
            return ""
        try:
            safe_filename(Path(path).name)
        except RagError as exc:
            return f"⚠️ Not added: {exc}"
        return f"{Path(path).name}: press “Add to the sources” to index it."

    def add_article(path: str | None, progress: gr.Progress = gr.Progress()) -> str:  # noqa: B008
        if not path:
            return "Choose a file first."
        file = Path(path)
        try:
            safe_filename(file.name)  # the type first: a .pdf is refused for its type, whatever its size
            size = file.stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                raise RagError(f"{file.name} is {size:,} bytes; the limit is {MAX_DOCUMENT_BYTES:,}")
            progress(0.05, desc="reading")

            def step(done: int, total: int, desc: str) -> None:
                progress(0.1 + 0.85 * done / max(1, total), desc=desc)

            doc = engine.add_article(file.name, file.read_bytes(), progress=step)
        except RagError as exc:
            _refused("upload", exc)
            return f"⚠️ Not added: {exc}"
        except OSError as exc:  # the corpus or index folder cannot be written: nothing was changed
            return f"⚠️ Not added: {exc.strerror or exc} ({exc.filename or 'index'})"
        progress(1.0, desc="done")
        return f"Added {doc.file} ({doc.title or 'no title'}); you can ask about it now."

    def api_ask(question: str, previous: str = "") -> dict:
        """Answer a question: the same JSON as `rag ask --json`."""
        engine.follow()
        try:
            return answer_dict(engine.ask(question, previous=previous or None))
        except RagError as exc:
            _refused("question", exc)
            raise gr.Error(str(exc), print_exception=False) from exc

    def api_figure(query: str) -> dict:
        """Every mention of a figure: the same JSON as `rag figure --json`."""
        engine.follow()
        try:
            return lookup_dict(*engine.figure_check(query))
        except RagError as exc:
            _refused("figure query", exc)
            raise gr.Error(str(exc), print_exception=False) from exc

    first = sources_page(engine.data)
    with gr.Blocks(title="Ask the articles") as app:
        gr.Markdown("## Ask the articles\nAnswers are verbatim text from the articles, with their sources.")
        # short tab labels: all four fit a phone's width, none hides behind an overflow menu
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                status = gr.HTML(MODEL_LOADING, elem_id="model-status")
                timer = gr.Timer(READY_POLL_S)
                last_question = gr.State("")
                with gr.Row():
                    with gr.Column(scale=3, min_width=300):
                        # no LaTeX, no custom tags: article text is text
                        chatbot = gr.Chatbot(
                            label="Chat", height=520, sanitize_html=True, elem_id="chatbot", latex_delimiters=[],
                            allow_tags=False,
                            placeholder="Ask about the articles, e.g. “How much is Amazon investing in Anthropic?”",
                        )
                        # one line, also on a phone, so the cited passages come right under the chat
                        with gr.Row(equal_height=True, elem_id="question-row"):
                            # the box takes more than a question may hold, so that a long paste is refused with the
                            # limit's message, not cut short without a word and answered
                            box = gr.Textbox(placeholder="Type a question and press Enter", show_label=False, scale=5,
                                             min_width=120, max_length=PASTE_LIMIT * MAX_QUESTION_CHARS, elem_id="question")
                            ask = gr.Button("Ask", variant="primary", scale=0, min_width=64, elem_id="ask")
                            clear = gr.Button("New chat", scale=0, min_width=64, elem_id="new-chat")
                    with gr.Column(scale=2, min_width=300):
                        gr.Markdown("### Cited passages", elem_id="passages-heading")
                        panel = gr.HTML(passages_html(None, engine.data), elem_id="passages")
                outputs = [box, chatbot, panel, last_question]
                box.submit(chat, [box, chatbot, last_question], outputs, api_visibility="private")
                ask.click(chat, [box, chatbot, last_question], outputs, api_visibility="private")
                clear.click(lambda: ([], passages_html(None, engine.data), ""), None, [chatbot, panel, last_question],
                            api_visibility="private")
                timer.tick(model_status, None, [status, timer], api_visibility="private", queue=False)
            with gr.Tab("Figures", id="figure"):
                figure_box = gr.Textbox(label="Check a figure or a claim", placeholder="$25 billion · 5 GW · Amazon will invest $25B",
                                        max_length=1000, elem_id="figure-query")
                figure_button = gr.Button("Check", variant="primary", elem_id="figure-check")
                figure_out = gr.HTML(elem_id="figure-result")
                figure_box.submit(check_figure, figure_box, figure_out, api_visibility="private")
                figure_button.click(check_figure, figure_box, figure_out, api_visibility="private")
            with gr.Tab("Sources", id="sources"):
                search = gr.Textbox(label="Search titles, publishers, file names and metadata dates", max_length=200,
                                    elem_id="sources-search")
                page = gr.State(0)
                with gr.Row(equal_height=True):
                    prev_page = gr.Button("◀ Previous", size="sm", scale=0, min_width=100, elem_id="sources-prev")
                    summary = gr.HTML(esc_html(first.summary), elem_id="sources-summary")
                    next_page = gr.Button("Next ▶", size="sm", scale=0, min_width=100, elem_id="sources-next")
                # a Dataframe of plain strings shows them as text; the page holds PAGE_SIZE rows, not the corpus
                table = gr.Dataframe(value=first.rows, headers=SOURCE_COLUMNS, interactive=False, elem_id="sources")
                pick = gr.Dropdown(choices=first.files, value=first.files[0] if first.files else None,
                                   label="Show a document", elem_id="sources-pick")
                # a Textbox shows text as text: nothing in an article can become markup here
                full_text = gr.Textbox(value=show_document(first.files[0] if first.files else None), lines=18,
                                       max_lines=40, interactive=False, label="Full text", elem_id="document-text")
                pick.change(show_document, pick, full_text, api_visibility="private")
                listing = [table, pick, summary, page]
                search.change(lambda q: sources_update(q, 0), search, listing, api_visibility="private",
                              trigger_mode="always_last")
                prev_page.click(lambda q, p: sources_update(q, p - 1), [search, page], listing, api_visibility="private")
                next_page.click(lambda q, p: sources_update(q, p + 1), [search, page], listing, api_visibility="private")
            with gr.Tab("Upload", id="upload"):
                gr.Markdown(f"Add an article: a {', '.join(UPLOAD_TYPES)} file of at most"
                            f" {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB; it is indexed at once and can then be asked about.")
                # any type is accepted here and refused by the handler, with a message that says what to upload
                upload = gr.File(type="filepath", label="Article", elem_id="upload")
                add = gr.Button("Add to the sources", variant="primary", elem_id="add")
                # a Textbox shows the status as text, whatever the file's name or title holds
                upload_status = gr.Textbox(label="Status", interactive=False, elem_id="upload-status")
                upload.upload(upload_check, upload, upload_status, api_visibility="private")
                added = add.click(add_article, upload, upload_status, api_name="add_article")
                added.then(sources_update, [search, page], listing, api_visibility="private")
                # once added, the file box is ready for the next one (a refused file stays, beside its message)
                added.success(lambda s: None if s.startswith("Added") else gr.skip(), upload_status, upload,
                              api_visibility="private")
        # each page load shows the corpus as it is now, uploads by other sessions included, and the model's state
        app.load(sources_update, [search, page], listing, api_visibility="private")
        app.load(model_status, None, [status, timer], api_visibility="private", queue=False)
        gr.api(api_ask, api_name="ask")
        gr.api(api_figure, api_name="figure")
    return app


def launch(engine: Engine, host: str = "127.0.0.1", port: int = 7860, share: bool = False,
           auth: tuple[str, str] | None = None, block: bool = True, model_state: ModelState | None = None) -> gr.Blocks:
    """Serve the app. `model_state` tells whether the model is loaded (ui.model_process loads it alongside);
    without it the model is loaded here, in the background, once the page is up."""
    warmed = threading.Event()
    failure: list[str] = []
    app = build_app(engine, model_state or (lambda: (warmed.is_set(), "; ".join(failure))))
    app.queue(default_concurrency_limit=CONCURRENCY)
    try:
        app.launch(
            server_name=host, server_port=port, share=share, auth=auth, prevent_thread_lock=True,
            max_file_size=MAX_DOCUMENT_BYTES, css=CSS, head=HEAD, show_error=True, quiet=False, ssr_mode=False,
            app_kwargs={"middleware": [Middleware(SecurityHeaders), Middleware(LoginThrottle)]},  # type: ignore[arg-type]
        )
    except OSError as exc:
        if "empty port" in str(exc):  # taken between the command's own check and now
            raise RagError(f"port {port} is in use: pass --port with a free port") from None
        raise
    if model_state is None:
        def warm_up() -> None:
            try:
                engine.warm_up()
            except Exception as exc:  # noqa: BLE001 - shown on the page; each question then gets its own error
                failure.append(str(exc))
            finally:
                warmed.set()

        threading.Thread(target=warm_up, name="warm-up", daemon=True).start()
    if block:
        app.block_thread()
    return app
