"""`rag chat` refuses a port it cannot listen on at once, in one line, before loading anything."""

import os
import socket
import subprocess
import sys
import time

import pytest

from tests.conftest import free_port

RAG = [sys.executable, "-m", "rag.cli"]


def chat(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    result = subprocess.run(RAG + ["chat", *args], capture_output=True, timeout=120, env=dict(os.environ, HF_HUB_OFFLINE="1"))
    return result, time.monotonic() - start


def the_line(result: subprocess.CompletedProcess) -> str:
    err = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("port", ["99999", "0", "-1"])
def test_a_port_out_of_range_is_one_line(port):
    result, seconds = chat("--port", port)
    assert the_line(result) == f"rag: error: --port {port} is out of range: the port must be 1-65535"
    assert seconds < 10  # refused before the index or the model is loaded


def test_a_port_in_use_is_one_line_that_says_what_to_do():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", free_port()))
        taken.listen()
        port = taken.getsockname()[1]
        result, seconds = chat("--port", str(port))
    line = the_line(result)
    assert line == f"rag: error: port {port} is in use: pass --port with a free port"
    assert "server_port" not in line and "disk" not in line and seconds < 10


def test_a_host_that_is_not_this_machine_is_one_line():
    result, _ = chat("--host", "192.0.2.1", "--port", str(free_port()))  # TEST-NET-1: never a local address
    assert the_line(result).startswith("rag: error: cannot listen on 192.0.2.1:")
