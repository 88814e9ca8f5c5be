"""The `rag` command line: thin commands that parse, call the library and print.

Heavy imports (torch, gradio) happen inside the commands, so `rag --help` is instant.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from rag.config import DEFAULT_CORPUS_DIR, DEFAULT_INDEX_DIR, DEFAULT_SENTENCE_VECTORS, DEFAULT_TOP_K, SENTENCE_VECTOR_ROUTES
from rag.errors import IndexCorrupt, RagError

corpus_option = click.option(
    "--corpus", "corpus_dir", default=DEFAULT_CORPUS_DIR, show_default=True, type=click.Path(path_type=Path),
    help="Folder of articles (.txt, .md, .html).",
)
index_option = click.option(
    "--index", "index_dir", default=DEFAULT_INDEX_DIR, show_default=True, type=click.Path(path_type=Path),
    help="Folder where the index lives; built or updated when missing or stale.",
)
json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of readable text.")


def _say(message: str) -> None:
    click.echo(f"rag: {message}", err=True)


class _Bar:
    """A tqdm progress bar on stderr for long index builds, shown only on a terminal or when asked."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._desc = ""

    def __call__(self, done: int, total: int, desc: str) -> None:
        from tqdm import tqdm

        if self._bar is None or desc != self._desc:
            self.close()
            self._bar = tqdm(total=total, desc=desc, unit="text", file=sys.stderr, leave=False, disable=total < 64 and not sys.stderr.isatty())
            self._desc = desc
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _engine(  # type: ignore[no-untyped-def]
    corpus_dir: Path, index_dir: Path, force: bool = False, embedder: Any = None, optimize: bool = False, process: Any = None,
    sentence_vectors: str | None = None, preload: bool = False, question: str | None = None,
):
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from rag.engine import Engine

    # what the imports made lives as long as the process: the collector need not walk it again each time opening
    # an index of many articles allocates its rows (a third of the open's time at 10,000 articles otherwise)
    gc.freeze()
    bar = _Bar()
    engine = Engine(corpus_dir, index_dir, log=_say) if embedder is None else Engine(corpus_dir, index_dir, embedder=embedder, log=_say)
    if preload:  # a question needs the model anyway: load it while the corpus is scanned and the index opened
        engine.load_model_in_background(question)
    try:
        engine.open(force=force, progress=bar, optimize=optimize, process=process, sentence_vectors=sentence_vectors)
    finally:
        bar.close()
    for skipped in engine.skipped:
        _say(f"{'part of' if skipped.partial else 'skipped'} {skipped.file}: {skipped.reason}")
    return engine


def _exit_now(status: int) -> None:
    """End the process at once, after flushing what it wrote. An interrupt (Ctrl-C) that lands inside an import can
    leave Python's import lock held; the interpreter's shutdown would then wait forever for the thread that loads the
    model, itself importing (seen once in 150 interrupts under load). What the command was doing has unwound already:
    its temporary files are gone and the index in use was never touched, as after a kill."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(status)


def _interrupted() -> None:
    _say("interrupted; the index in use is unchanged")
    _exit_now(130)


def _unraisable(hook: Any) -> None:
    """An interrupt can land where Python cannot raise it: in a weakref callback or a finalizer (the import system's
    module-lock callbacks among them). Python would print "Exception ignored in ..." with a traceback and go on as if
    Ctrl-C had not been pressed; here it ends the command as an interrupt anywhere else does. Other unraisable
    exceptions keep Python's own report."""
    if hook.exc_type is not None and issubclass(hook.exc_type, KeyboardInterrupt):
        _interrupted()
    sys.__unraisablehook__(hook)


def _fail_cleanly(func: Callable[..., None]) -> Callable[..., None]:
    """The library raises; here a RagError becomes one line on stderr and exit status 1 (and, for --json, an
    {"error": ...} object on stdout, unless the command already wrote one)."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        sys.unraisablehook = _unraisable
        try:
            func(*args, **kwargs)
        except RagError as exc:
            if kwargs.get("as_json") and not getattr(exc, "reported", False):
                # a script reading standard output gets a JSON object for a failure too
                click.echo(json.dumps({"error": str(exc)}, ensure_ascii=False))
            _say(f"error: {exc}")
            sys.exit(1)
        except KeyboardInterrupt:
            _interrupted()
        except BrokenPipeError:  # the reader went away (`rag ask ... | head`): stop quietly
            # before OSError, its base class; and point stdout at /dev/null so the exit's flush cannot fail again
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(0)
        except OSError as exc:  # a folder that cannot be written, a full disk: say which and why
            where = f" ({exc.filename})" if exc.filename else ""
            _say(f"error: {exc.strerror or exc}{where}: check the path and its permissions, or free disk space")
            sys.exit(1)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rag-news")
def main() -> None:
    """Ask questions about a folder of news articles and get verbatim, cited answers.

    No LLM and no network: a local embedding model, a FAISS and BM25 index, an extractive answerer.
    Start with `rag ask "How much is Amazon investing in Anthropic?"` in the project folder.
    """


@main.command()
@corpus_option
@index_option
@click.option("--force", is_flag=True, help="Rebuild from scratch, replacing an index built by another model.")
@click.option("--optimize", is_flag=True, help="Merge the index's segments into one (updates add small segments).")
@click.option("--check", "check", is_flag=True,
              help="Verify every byte of the index against its checksums; a damaged segment is reported (exit status 1)"
                   " and its articles are indexed again from the corpus.")
@click.option(
    "--ray", "ray_address", is_flag=False, flag_value="local", default=None, metavar="[ADDRESS]",
    help="Read, parse and embed the changed articles as a Ray Data pipeline: on a Ray cluster at ADDRESS"
    " (host:port or auto), or on a local Ray when no address is given.",
)
@click.option(
    "--sentence-vectors", type=click.Choice(SENTENCE_VECTOR_ROUTES), default=None,
    help="How the vectors are made: 'sentences-only' (the default) encodes each sentence by itself and pools each"
    " chunk's vector from its sentences', encoding the text once; 'alone' encodes the chunks too, about three times"
    " the build time; 'in-chunk' encodes the chunks only and reads each sentence's vector from its chunk's pass,"
    " which moves some answers (see the README's benchmarks). The index keeps its way until asked for another,"
    " which builds it again.",
)
@_fail_cleanly
def index(
    corpus_dir: Path, index_dir: Path, force: bool, optimize: bool, check: bool, ray_address: str | None, sentence_vectors: str | None,
) -> None:
    """Build or update the index of the corpus: added and changed articles go into a new segment, and only
    they are read and embedded again."""
    if check:
        from rag.embedding import default_embedder
        from rag.index.store import check_index

        try:
            n = check_index(index_dir, default_embedder.name, log=_say)  # type: ignore[attr-defined]
        except IndexCorrupt as exc:
            damaged = exc.segment
            if damaged is None:
                raise
            # the damage is reported (exit status 1), and repaired: that segment's articles are indexed again
            _say(f"error: {exc}; indexing the articles of {damaged} again from the corpus")
            repaired = _engine(corpus_dir, index_dir)
            repaired.refresh(damaged=frozenset({damaged}))
            click.echo(f"index repaired: {repaired.data.manifest['counts']['documents']} documents ({index_dir})")
            sys.exit(1)
        click.echo(f"index intact: {n} segment(s) verified ({index_dir})")
        return
    process = None
    if ray_address is not None:
        from rag.index.distributed import ray_processor

        process = ray_processor(None if ray_address == "local" else ray_address)
    engine = _engine(corpus_dir, index_dir, force=force, optimize=optimize, process=process, sentence_vectors=sentence_vectors)
    from rag.index.reuse import sentence_route

    result = engine.last_update
    counts = engine.data.manifest["counts"]
    action = result.action if result else "loaded"
    detail = f", {result.embedded_documents} embedded" if result and result.action != "loaded" else ", up to date"
    segments = len(engine.data.manifest["segments"])
    click.echo(
        f"index {action}: {counts['documents']} documents, {counts['chunks']} chunks, {counts['sentences']} sentences"
        f"{detail}, {segments} segment(s), vectors {sentence_route(engine.data.manifest)} ({index_dir})"
    )


def _questions(question: str | None) -> Iterator[str]:
    """QUESTION, or every line of stdin: a blank line too, which is reported as a line that cannot be asked."""
    if question is not None:
        yield question
        return
    for raw in sys.stdin.buffer:
        # bytes that are not UTF-8 stay marked (surrogateescape), so that the line is reported, not guessed at
        yield raw.decode("utf-8", errors="surrogateescape").rstrip("\r\n")


@main.command(context_settings={"ignore_unknown_options": True})  # "rag ask -5%?": a question, not an option
@corpus_option
@index_option
@json_option
@click.option("--top-k", default=DEFAULT_TOP_K, show_default=True, type=click.IntRange(1, 50), help="Passages to read.")
@click.option("--conversation", is_flag=True,
              help="Read the lines of standard input as one conversation: a line may follow up the one before "
                   "(\"And before that?\", \"Who said that?\"), as in the chat.")
@click.argument("question", required=False)
@_fail_cleanly
def ask(corpus_dir: Path, index_dir: Path, as_json: bool, top_k: int, conversation: bool, question: str | None) -> None:
    """Answer QUESTION, or each line of standard input when QUESTION is left out.

    The answer is verbatim text from an article, with numbered citations; when the articles
    do not answer the question, it says so. With --json each answer is a JSON object:
    question, answer, sentence, abstained, confidence, citations, conflicts.
    """
    from rag.questions import clean_question
    from rag.serialize import answer_dict, answer_text

    def failed_json(q: str, exc: RagError) -> None:
        if as_json:  # a script reading standard output gets an object for every question, a failed one too
            shown = q[:200].encode("utf-8", "surrogateescape").decode("utf-8", "replace")  # bytes that were not UTF-8: U+FFFD
            click.echo(json.dumps({"question": shown, "error": str(exc)}, ensure_ascii=False))
            exc.reported = True  # type: ignore[attr-defined]

    if question is not None:
        try:
            clean_question(question)  # a bad question fails before any index work
        except RagError as exc:
            failed_json(question, exc)
            raise
    elif sys.stdin.isatty():
        raise click.UsageError("give a QUESTION, or pipe questions to standard input, one per line")
    lines = _questions(question)
    first = next(lines, None)
    if first is None:  # found out before the index is opened (or built)
        raise RagError("no question: standard input was empty (give a QUESTION, or one question per line)")
    engine = _engine(corpus_dir, index_dir, preload=True, question=first)
    failed = 0
    previous: str | None = None
    for q in itertools.chain([first], lines):
        try:
            answer = engine.ask(q, previous=previous if conversation else None, k=top_k)
            previous = engine.next_previous(q, previous)
        except RagError as exc:
            failed_json(q, exc)
            if question is not None:
                raise
            failed += 1
            _say(f"error: {exc}")
            continue
        if as_json:
            click.echo(json.dumps(answer_dict(answer), ensure_ascii=False))
        else:
            click.echo(answer_text(answer) + ("\n" if question is None else ""))
    if failed:
        sys.exit(1)


@main.command(context_settings={"ignore_unknown_options": True})  # "rag figure -3%": a figure, not an option
@corpus_option
@index_option
@json_option
@click.argument("query")
@_fail_cleanly
def figure(corpus_dir: Path, index_dir: Path, as_json: bool, query: str) -> None:
    """List every mention of the figure in QUERY across the corpus, grouped by document.

    QUERY is a figure in any written form ("$25B", "33 billion dollars", "5 gigawatts", "49 percent")
    or a claim holding one ("Amazon will invest $25 billion"); for a claim, the sentences that
    match it best come first. An empty list means no source gives that figure.
    """
    from rag.figures import parse_figures
    from rag.serialize import lookup_dict

    if not parse_figures(query):
        raise RagError(f"no figure found in {query[:200]!r}: write one such as $25 billion, 5 GW or 49%")
    engine = _engine(corpus_dir, index_dir)
    lookup, differing = engine.figure_check(query)
    click.echo(json.dumps(lookup_dict(lookup, differing), ensure_ascii=False) if as_json else _lookup_text(lookup, differing))


def _lookup_text(lookup: Any, differing: Any = ()) -> str:
    """The readable figure lookup for a terminal: plain text, the figure in bold where the terminal shows it
    (click.echo drops the styling when the output is not a terminal)."""
    from rag.serialize import lookup_text

    return lookup_text(lookup, mark=lambda quote: click.style(quote, bold=True), differing=differing)


@main.command(name="eval")
@click.option("--set", "which", type=click.Choice(["seed", "seed-dev", "seed-test", "figures", "squad", "squad-dev", "squad-test", "all"]),
              default="all", show_default=True, help="seed, figures and squad run their dev and test splits both.")
@click.option("--mode", type=click.Choice(["hybrid", "dense", "lexical"]), default="hybrid", show_default=True, help="Retrieval to use.")
@click.option("--eval-dir", type=click.Path(path_type=Path), default=Path("eval"), show_default=True)
@click.option("--work-dir", type=click.Path(path_type=Path), default=Path(DEFAULT_INDEX_DIR) / ".eval", show_default=True,
              help="Where the evaluation corpora and their indexes are kept between runs.")
@click.option("--sentence-vectors", type=click.Choice(SENTENCE_VECTOR_ROUTES), default=DEFAULT_SENTENCE_VECTORS, show_default=True,
              help="How the evaluation indexes make their vectors (as `rag index --sentence-vectors`).")
@_fail_cleanly
def evaluate(which: str, mode: str, eval_dir: Path, work_dir: Path, sentence_vectors: str) -> None:
    """Run the project's evaluation sets and print their figures, dev and frozen test splits apart.

    seed: questions on the bundled articles (eval/seed_dev.jsonl, eval/seed_test.jsonl); figures: figure
    queries in many written forms (eval/figure_forms_*.jsonl); squad: SQuAD 2.0 articles split by article
    (eval/squad2-dev-*.json, CC BY-SA 4.0, Rajpurkar et al.). Tuning (bench/tune.py) reads dev splits only.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from rag import evaluation

    plan = evaluation.EVAL_SETS[which]
    for suite, split in plan:
        name = evaluation.title(suite, split)
        missing = [p for p in evaluation.split_files(suite, split, eval_dir) if not p.is_file()]
        if missing and len(plan) > 1:  # a split not written yet does not stop the others
            click.echo(f"== {name}\n  not run: {', '.join(map(str, missing))} missing")
            continue
        report = evaluation.run_set(
            suite, split, eval_dir, Path(DEFAULT_CORPUS_DIR), work_dir, mode, progress=_Bar(), sentence_vectors=sentence_vectors
        )
        click.echo(evaluation.format_report(name, report))


@main.command()
@corpus_option
@index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 to expose it).")
@click.option("--port", default=7860, show_default=True, type=int, help="Port to listen on (1-65535).")
@click.option("--share", is_flag=True, help="Ask Gradio for a public share link (off by default).")
@click.option("--auth", default=None, metavar="USER:PASSWORD", help="Require this login.")
@_fail_cleanly
def chat(corpus_dir: Path, index_dir: Path, host: str, port: int, share: bool, auth: str | None) -> None:
    """Open the chat window in the browser (a Gradio app on http://HOST:PORT)."""
    credentials = None
    if auth is not None:
        user, sep, password = auth.partition(":")
        if not sep or not user or not password:
            raise RagError("--auth takes USER:PASSWORD, both non-empty")
        credentials = (user, password)
    _check_port(host, port)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # no network: Gradio's usage reports stay off
    # The model loads in its own process from now on, while this one loads the index and Gradio and serves
    # the page: side by side, the first answer comes about when the slower of the two is done.
    from ui.model_process import ModelProcess

    model = ModelProcess()
    try:
        engine = _engine(corpus_dir, index_dir, embedder=model.get)
        engine.verify_in_background()
        from ui.app import launch

        launch(engine, host=host, port=port, share=share, auth=credentials, model_state=lambda: model.state)
    finally:
        model.close()


def _check_port(host: str, port: int) -> None:
    """Fail at once, before minutes of loading, on a port that cannot be listened on."""
    import errno
    import socket

    if not 1 <= port <= 65535:
        raise RagError(f"--port {port} is out of range: the port must be 1-65535")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise RagError(f"cannot listen on {host}: {exc.strerror}: pass --host with an address of this machine") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: a closing socket is no obstacle
        try:
            s.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise RagError(f"port {port} is in use: pass --port with a free port") from None
            if exc.errno == errno.EACCES:
                raise RagError(f"port {port} needs administrator rights: pass --port with a number above 1023") from None
            raise RagError(f"cannot listen on {host}:{port}: {exc.strerror}: pass --host with an address of this machine") from None


if __name__ == "__main__":
    main()
