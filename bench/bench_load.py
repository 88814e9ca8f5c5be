"""Load and start-up benchmark of the chat app (not a test).

Starts `rag chat` on a copy of the seed corpus on a free loopback port and prints:
  - start-up: seconds from launching the process until its page is served and until its first answer (asked
    as soon as the page is up), with no index (it builds one) and with the index already built;
  - load: N concurrent gradio_client clients asking /ask for a bounded time; p50/p95 latency, answers per
    second, errors (must be 0), and wrong answers (checked against the expected answer of each question).
Run: python bench/bench_load.py [--clients 8] [--seconds 30]
"""

from __future__ import annotations

import argparse
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
    "What is Anthropic's annual revenue?": "surpassing $1 billion",
    "What is the capital of France?": "",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(corpus: Path, index: Path) -> tuple[subprocess.Popen, str, float, float]:
    """Start the app; return it, its URL, the seconds until its page is served and until its first answer."""
    from gradio_client import Client

    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rag.cli", "chat", "--corpus", str(corpus), "--index", str(index), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, HF_HUB_OFFLINE="1"),
    )
    url = f"http://127.0.0.1:{port}"
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("the app did not start") from None
            time.sleep(0.2)
    page = time.perf_counter() - t0
    Client(url, verbose=False).predict("Who is the CEO of Anthropic?", "", api_name="/ask")
    return proc, url, page, time.perf_counter() - t0


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
    args = parser.parse_args()
    from gradio_client import Client

    work = Path(tempfile.mkdtemp(prefix="rag-load-"))
    try:
        shutil.copytree(ROOT / "corpus", work / "corpus")
        proc, _, cold_page, cold = start(work / "corpus", work / "index")
        stop(proc)
        proc, url, warm_page, warm = start(work / "corpus", work / "index")
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
        stop(proc)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * (len(ordered) - 1)))] if ordered else float("nan")
    print(f"start-up, no index (builds it): page served {cold_page:.1f} s, first answer {cold:.1f} s")
    print(f"start-up, index already built: page served {warm_page:.1f} s, first answer {warm:.1f} s")
    print(f"load: {args.clients} concurrent clients for {args.seconds:.0f} s: {len(latencies)} answers, "
          f"{len(latencies) / elapsed:.1f} answers/s")
    if latencies:
        print(f"latency per question: p50 {1000 * statistics.median(latencies):.0f} ms, p95 {1000 * p95:.0f} ms")
    print(f"errors: {len(errors)}; wrong answers: {len(wrong)}")
    for e in errors[:5]:
        print("  ", e)


if __name__ == "__main__":
    main()
