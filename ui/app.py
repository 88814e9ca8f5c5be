"""The chat window: cited answers with a passage panel, figure checks, sources, and uploads.

One Engine (model and index) is loaded before the server starts and shared by every session; answers
read an immutable snapshot of the index, uploads build a new one and swap it in.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import gradio as gr

from rag.config import MAX_DOCUMENT_BYTES
from rag.engine import Engine
from rag.errors import RagError
from rag.serialize import answer_dict, lookup_dict
from ui.render import answer_markdown, esc_html, lookup_html, passages_html, sources_rows

CONCURRENCY = 4
UPLOAD_TYPES = [".txt", ".md", ".html", ".htm"]
SOURCE_COLUMNS = ["title", "publisher", "date", "chunks", "file"]

CSS = """
.passages { max-height: 70vh; overflow-y: auto; }
.passage { border-left: 3px solid #bbb; padding: 4px 10px; margin-bottom: 12px; }
.passage .meta, .lookup .meta { font-weight: 600; font-size: 0.9em; }
.passage .file, .lookup .file { font-weight: 400; color: #888; }
.passage.flash { border-left-color: #e8a400; background: rgba(232, 164, 0, 0.08); }
mark { background: #ffe58a; color: inherit; }
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


def build_app(engine: Engine) -> gr.Blocks:
    def chat(question: str, history: list[dict[str, Any]], last_question: str):  # type: ignore[no-untyped-def]
        history = list(history or [])
        if not question or not question.strip():
            return "", history, passages_html(None, engine.data), last_question
        history.append({"role": "user", "content": esc_html(question)})
        try:
            answer = engine.ask(question, previous=last_question or None)
        except RagError as exc:
            history.append({"role": "assistant", "content": f"⚠️ {esc_html(str(exc))}"})
            return "", history, passages_html(None, engine.data), last_question
        data = engine.data
        history.append({"role": "assistant", "content": answer_markdown(answer, data)})
        return "", history, passages_html(answer, data), answer.question

    def check_figure(query: str) -> str:
        try:
            lookup, differing = engine.figure_check(query)
        except RagError as exc:
            return f'<p class="error">⚠️ {esc_html(str(exc))}</p>'
        return lookup_html(lookup, differing, engine.data)

    def show_document(file: str | None) -> str:
        for doc in engine.data.documents:
            if doc.file == file:
                return doc.text
        return ""

    def sources_update() -> tuple[Any, Any]:
        data = engine.data
        files = [d.file for d in data.documents]
        return gr.update(value=sources_rows(data)), gr.update(choices=files, value=files[0] if files else None)

    def add_article(path: str | None, progress: gr.Progress = gr.Progress()) -> tuple[str, Any, Any]:  # noqa: B008
        if not path:
            return "Choose a file first.", *sources_update()
        file = Path(path)
        try:
            size = file.stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                raise RagError(f"{file.name} is {size:,} bytes; the limit is {MAX_DOCUMENT_BYTES:,}")
            progress(0.05, desc="reading")

            def step(done: int, total: int, desc: str) -> None:
                progress(0.1 + 0.85 * done / max(1, total), desc=desc)

            doc = engine.add_article(file.name, file.read_bytes(), progress=step)
        except RagError as exc:
            return f"⚠️ Not added: {exc}", *sources_update()
        except OSError as exc:  # the corpus or index folder cannot be written: nothing was changed
            return f"⚠️ Not added: {exc.strerror or exc} ({exc.filename or 'index'})", *sources_update()
        progress(1.0, desc="done")
        return f"Added {doc.file} ({doc.title or 'no title'}); you can ask about it now.", *sources_update()

    def api_ask(question: str, previous: str = "") -> dict:
        """Answer a question: the same JSON as `rag ask --json`."""
        try:
            return answer_dict(engine.ask(question, previous=previous or None))
        except RagError as exc:
            raise gr.Error(str(exc)) from exc

    def api_figure(query: str) -> dict:
        """Every mention of a figure: the same JSON as `rag figure --json`."""
        try:
            return lookup_dict(engine.figure(query))
        except RagError as exc:
            raise gr.Error(str(exc)) from exc

    with gr.Blocks(title="Ask the articles") as app:
        gr.Markdown("## Ask the articles\nAnswers are verbatim text from the articles, with their sources.")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                last_question = gr.State("")
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label="Chat", height=520, sanitize_html=True, elem_id="chatbot",
                            placeholder="Ask about the articles, e.g. “How much is Amazon investing in Anthropic?”",
                        )
                        with gr.Row():
                            box = gr.Textbox(placeholder="Type a question and press Enter", show_label=False, scale=5,
                                             max_length=1000, elem_id="question")
                            ask = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                        clear = gr.Button("New conversation", size="sm")
                    with gr.Column(scale=2):
                        gr.Markdown("### Cited passages")
                        panel = gr.HTML(passages_html(None, engine.data), elem_id="passages")
                outputs = [box, chatbot, panel, last_question]
                box.submit(chat, [box, chatbot, last_question], outputs, api_visibility="private")
                ask.click(chat, [box, chatbot, last_question], outputs, api_visibility="private")
                clear.click(lambda: ([], passages_html(None, engine.data), ""), None, [chatbot, panel, last_question],
                            api_visibility="private")
            with gr.Tab("Check a figure", id="figure"):
                figure_box = gr.Textbox(label="A figure or a claim", placeholder="$25 billion · 5 GW · Amazon will invest $25B",
                                        max_length=1000, elem_id="figure-query")
                figure_button = gr.Button("Check", variant="primary", elem_id="figure-check")
                figure_out = gr.HTML(elem_id="figure-result")
                figure_box.submit(check_figure, figure_box, figure_out, api_visibility="private")
                figure_button.click(check_figure, figure_box, figure_out, api_visibility="private")
            with gr.Tab("Sources", id="sources"):
                table = gr.Dataframe(value=sources_rows(engine.data), headers=SOURCE_COLUMNS, interactive=False, elem_id="sources")
                files = [d.file for d in engine.data.documents]
                pick = gr.Dropdown(choices=files, value=files[0] if files else None, label="Show a document")
                # a Textbox shows text as text: nothing in an article can become markup here
                full_text = gr.Textbox(value=show_document(files[0] if files else None), lines=18, max_lines=40,
                                       interactive=False, label="Full text", elem_id="document-text")
                pick.change(show_document, pick, full_text, api_visibility="private")
            with gr.Tab("Add an article", id="upload"):
                gr.Markdown(f"Upload a {', '.join(UPLOAD_TYPES)} file of at most {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB;"
                            " it is indexed at once and can then be asked about.")
                upload = gr.File(file_types=UPLOAD_TYPES, type="filepath", label="Article", elem_id="upload")
                add = gr.Button("Add to the sources", variant="primary", elem_id="add")
                status = gr.Markdown(elem_id="upload-status")
                add.click(add_article, upload, [status, table, pick], api_name="add_article")
        # each page load shows the corpus as it is now, uploads by other sessions included
        app.load(sources_update, None, [table, pick], api_visibility="private")
        gr.api(api_ask, api_name="ask")
        gr.api(api_figure, api_name="figure")
    return app


def launch(engine: Engine, host: str = "127.0.0.1", port: int = 7860, share: bool = False,
           auth: tuple[str, str] | None = None, block: bool = True) -> gr.Blocks:
    app = build_app(engine)
    app.queue(default_concurrency_limit=CONCURRENCY)
    app.launch(
        server_name=host, server_port=port, share=share, auth=auth, prevent_thread_lock=True,
        max_file_size=MAX_DOCUMENT_BYTES, css=CSS, head=HEAD, show_error=True, quiet=False,
    )
    # the page is up; load the model now rather than on the first question
    threading.Thread(target=engine.warm_up, name="warm-up", daemon=True).start()
    if block:
        app.block_thread()
    return app
