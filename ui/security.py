"""Two ASGI middlewares for the chat server: a Content-Security-Policy on every response, and a limit on
failed logins per client.

The policy lets the page load nothing from another origin: no remote images (a Markdown image in an answer
could otherwise report who reads it), scripts, styles, fonts or connections. Gradio's page needs inline
scripts and styles and `eval` (its front end compiles some code at run time).
"""

from __future__ import annotations

import json
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
])
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]

MAX_FAILED_LOGINS = 5
FAILED_LOGIN_WINDOW_S = 60.0
LOGIN_PATHS = ("/login", "/login/")


class SecurityHeaders:
    """Adds the policy (and no-sniff, no-referrer) to every HTTP response that does not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(name, value) for name, value in SECURITY_HEADERS if name not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class LoginThrottle:
    """After MAX_FAILED_LOGINS failed logins from one client address within FAILED_LOGIN_WINDOW_S, further
    logins from it get HTTP 429 (with Retry-After) until the oldest of those failures is a window old.

    Right or wrong passwords alike: answering a right one would tell a guesser when to stop.
    """

    def __init__(self, app: ASGIApp, max_failures: int = MAX_FAILED_LOGINS, window_s: float = FAILED_LOGIN_WINDOW_S) -> None:
        self.app = app
        self.max_failures = max_failures
        self.window_s = window_s
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, client: str, now: float) -> deque[float]:
        failures = self._failures.get(client, deque())
        while failures and now - failures[0] >= self.window_s:
            failures.popleft()
        return failures

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "POST" or not scope.get("path", "").endswith(LOGIN_PATHS):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown",))[0]
        now = time.monotonic()
        failures = self._recent(client, now)
        if len(failures) >= self.max_failures:
            wait = max(1, int(failures[-self.max_failures] + self.window_s - now + 0.999))
            await _too_many(send, wait)
            return
        status = 0

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        await self.app(scope, receive, watch)
        if status == 200:
            self._failures.pop(client, None)
        elif 400 <= status < 500:
            failures.append(time.monotonic())
            self._failures[client] = failures
            if len(self._failures) > 10_000:  # forget clients whose failures are all a window old
                self._failures = {c: f for c, f in self._failures.items() if self._recent(c, now)}


async def _too_many(send: Send, wait: int) -> None:
    body = json.dumps({"detail": f"Too many failed logins from this address: try again in {wait} s."}).encode()
    await send({
        "type": "http.response.start",
        "status": 429,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    (b"retry-after", str(wait).encode())],
    })
    await send({"type": "http.response.body", "body": body})
