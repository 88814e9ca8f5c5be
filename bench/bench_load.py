"""Load and start-up benchmark of the chat app (not a test).

Starts `rag chat` on a copy of the seed corpus on a free loopback port and prints:
  - start-up: seconds from launching the process until its page is served and until its first answer (asked
    as soon as the page is up), with no index (it builds one) and with the index already built;
  - the floors, measured in the same run and alternated with the app's start so they share the machine's load:
    (1) a trivial Gradio app (one Markdown block) until its page is served, (2) a bare model load (a process
    that loads all-MiniLM-L6-v2 and encodes one text); and the ratios page / trivial (target <= 1.2) and
    first answer / max(trivial, model) (target <= 1.15), from the medians of --startups runs;
  - load: N concurrent gradio_client clients asking /ask for a bounded time; p50/p95 latency, answers per
    second, errors (must be 0), and wrong answers (checked against the expected answer of each question).
Run: python bench/bench_load.py [--clients 8] [--seconds 30] [--startups 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = {
    "How much computing capacity does Amazon guarantee Anthropic?": "up to 5 gigawatts",
    "Who is the CEO of Anthropic?": "Dario Amodei",
    "How long is Anthropic's new AWS contract?": "10-year",
    "What return ratio does the circular investment create?": "20:1",
    "What is Anthropic's annual revenue?": "$30 billion",  # the newer figure; $1 billion is shown as disagreeing
    "What is the capital of France?": "",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


ENV = dict(os.environ, HF_HUB_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")
TRIVIAL_APP = """
import sys
import gradio as gr
with gr.Blocks() as app:
    gr.Markdown("hello")
app.launch(server_port=int(sys.argv[1]), prevent_thread_lock=True, quiet=True)
app.block_thread()
"""
BARE_MODEL = """
from rag.embedding import default_embedder
default_embedder().encode(["warm up"])
print("ready", flush=True)
"""


def wait_for_page(proc: subprocess.Popen, url: str, t0: float) -> float:
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            return time.perf_counter() - t0
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"{url} did not start") from None
            time.sleep(0.05)


def first_answer(url: str, question: str) -> dict:
    """One /ask call over plain HTTP (no client set-up in the timing): post it, then read its result."""
    request = urllib.request.Request(f"{url}/gradio_api/call/ask", data=json.dumps({"data": [question, ""]}).encode(),
                                     headers={"Content-Type": "application/json"})
    event = json.load(urllib.request.urlopen(request, timeout=600))["event_id"]
    with urllib.request.urlopen(f"{url}/gradio_api/call/ask/{event}", timeout=600) as stream:
        kind = ""
        for raw in stream:
            line = raw.decode().strip()
            if line.startswith("event:"):
                kind = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and kind in ("complete", "error"):
                if kind == "error":
                    raise SystemExit(f"the first question failed: {line}")
                return json.loads(line[5:])[0]
    raise SystemExit("no answer")


def start(corpus: Path, index: Path) -> tuple[subprocess.Popen, str, float, float]:
    """Start the app; return it, its URL, the seconds until its page is served and until its first answer."""
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "chat", "--corpus", str(corpus), "--index", str(index), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        page = wait_for_page(proc, url, t0)
        answer = first_answer(url, "Who is the CEO of Anthropic?")
        if answer["answer"] != "Dario Amodei":
            raise SystemExit(f"wrong first answer: {answer['answer']!r}")
    except BaseException:
        stop(proc)
        raise
    return proc, url, page, time.perf_counter() - t0


def trivial_app() -> float:
    """Floor 1: seconds until a one-block Gradio app serves its page."""
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", TRIVIAL_APP, str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=ENV)
    try:
        return wait_for_page(proc, f"http://127.0.0.1:{port}", t0)
    finally:
        stop(proc)


def bare_model() -> float:
    """Floor 2: seconds until a fresh process has loaded the model and encoded one text."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", BARE_MODEL], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=ENV, cwd=ROOT)
    assert proc.stdout is not None
    if proc.stdout.readline().strip() != b"ready":
        raise SystemExit("the bare model load failed")
    seconds = time.perf_counter() - t0
    stop(proc)
    return seconds


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--startups", type=int, default=3, help="Starts of each kind; the medians are compared.")
    args = parser.parse_args()
    from gradio_client import Client

    work = Path(tempfile.mkdtemp(prefix="rag-load-"))
    load_before = os.getloadavg()[0]
    proc: subprocess.Popen | None = None
    try:
        shutil.copytree(ROOT / "corpus", work / "corpus")
        proc, _, cold_page, cold = start(work / "corpus", work / "index")
        stop(proc)
        trivial: list[float] = []
        model: list[float] = []
        pages: list[float] = []
        answers: list[float] = []
        for n in range(args.startups):  # alternated, so that a busy moment of the machine hits every kind alike
            trivial.append(trivial_app())
            model.append(bare_model())
            proc, url, page_s, answer_s = start(work / "corpus", work / "index")
            pages.append(page_s)
            answers.append(answer_s)
            if n < args.startups - 1:
                stop(proc)
        warm_page, warm = statistics.median(pages), statistics.median(answers)
        floor_page, floor_model = statistics.median(trivial), statistics.median(model)
        latencies: list[float] = []
        errors: list[str] = []
        wrong: list[str] = []
        lock = threading.Lock()
        deadline = time.perf_counter() + args.seconds

        def worker(n: int) -> None:
            client = Client(url, verbose=False)
            questions = list(QUESTIONS)
            i = n
            while time.perf_counter() < deadline:
                q = questions[i % len(questions)]
                i += 1
                t0 = time.perf_counter()
                try:
                    got = client.predict(q, "", api_name="/ask")
                except Exception as exc:  # noqa: BLE001 - every failure is counted
                    with lock:
                        errors.append(f"{type(exc).__name__}: {exc}")
                    continue
                with lock:
                    latencies.append(time.perf_counter() - t0)
                    if got["answer"] != QUESTIONS[q]:
                        wrong.append(q)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t0
    finally:
        if proc is not None:
            stop(proc)
        shutil.rmtree(work, ignore_errors=True)
    # the start-up ratios assume spare cores: the app's two processes (page, model) run side by side
    print(f"machine: {os.cpu_count()} cores, load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * (len(ordered) - 1)))] if ordered else float("nan")
    print(f"start-up, no index (builds it): page served {cold_page:.1f} s, first answer {cold:.1f} s")
    print(f"start-up, index already built (median of {args.startups}): page served {warm_page:.2f} s,"
          f" first answer {warm:.2f} s   [runs: {_runs(pages)} | {_runs(answers)}]")
    print(f"floor 1, trivial Gradio app: page served {floor_page:.2f} s   [runs: {_runs(trivial)}]")
    print(f"floor 2, bare model load (load + one encoding): {floor_model:.2f} s   [runs: {_runs(model)}]")
    print(f"ratio page / trivial app: {warm_page / floor_page:.2f} (target <= 1.2)")
    print(f"ratio first answer / max(trivial app, model load): {warm / max(floor_page, floor_model):.2f} (target <= 1.15)")
    print(f"load: {args.clients} concurrent clients for {args.seconds:.0f} s: {len(latencies)} answers, "
          f"{len(latencies) / elapsed:.1f} answers/s")
    if latencies:
        print(f"latency per question: p50 {1000 * statistics.median(latencies):.0f} ms, p95 {1000 * p95:.0f} ms")
    print(f"errors: {len(errors)}; wrong answers: {len(wrong)}")
    for e in errors[:5]:
        print("  ", e)


def _runs(values: list[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


if __name__ == "__main__":
    main()
