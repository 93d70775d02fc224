"""A keep-alive HTTP client over loopback, timing each request from send to the last byte."""

from __future__ import annotations

import http.client
import re
import threading
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

CSRF_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Answer:
    status: int
    body: bytes
    seconds: float
    headers: dict[str, str] = field(default_factory=dict)


class Client:
    """One connection, kept alive, with the cookies the server sets (a browser's session)."""

    def __init__(self, port: int, headers: dict[str, str] | None = None) -> None:
        self.port = port
        self.headers = dict(headers or {})
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def _connection(self) -> http.client.HTTPConnection:
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        return self.connection

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        sent = {**self.headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        for attempt in (1, 2):
            connection = self._connection()
            try:
                started = time.perf_counter()
                connection.request(method, path, body=body, headers=sent)
                response = connection.getresponse()
                content = response.read()
                seconds = time.perf_counter() - started
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()  # the server closed an idle connection: once more on a new one
                if attempt == 2:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        return Answer(response.status, content, seconds, dict(response.getheaders()))

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def log_in(self, username: str, password: str) -> None:
        """Sign in through the real login form, as a browser does; keeps the session cookie."""
        form = self.get("/accounts/login/")
        match = CSRF_FIELD.search(form.body)
        if form.status != 200 or match is None:
            raise RuntimeError(f"The login page answered {form.status} without a form.")
        body = urlencode(
            {
                "csrfmiddlewaretoken": match.group(1).decode(),
                "username": username,
                "password": password,
            }
        ).encode()
        answer = self.request(
            "POST",
            "/accounts/login/",
            body,
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"Signing in as {username} failed (status {answer.status}).")


def wait_for_first_page(port: int, path: str, started: float, timeout: float) -> float:
    """Seconds from ``started`` until ``path`` first answers 200 (polling every 10 ms)."""
    while time.perf_counter() - started < timeout:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                return time.perf_counter() - started
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.01)
    raise TimeoutError(f"No page from the server within {timeout:.0f} s.")


@dataclass
class Throughput:
    requests: int
    errors: int
    seconds: float
    threads: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def throughput(
    port: int, path: str, headers: dict[str, str], threads: int, seconds: float
) -> Throughput:
    """Requests per second with ``threads`` clients, each on its own keep-alive connection."""
    counts = [0] * threads
    errors = [0] * threads
    start = threading.Barrier(threads + 1)
    deadline = [0.0]

    def work(slot: int) -> None:
        client = Client(port, headers)
        client.get(path)  # connect before the clock starts
        start.wait()
        while time.perf_counter() < deadline[0]:
            try:
                answer = client.get(path)
            except OSError:
                errors[slot] += 1
                client.close()
                continue
            if answer.status == 200:
                counts[slot] += 1
            else:
                errors[slot] += 1
        client.close()

    workers = [threading.Thread(target=work, args=(slot,)) for slot in range(threads)]
    for worker in workers:
        worker.start()
    deadline[0] = time.perf_counter() + seconds + 3600  # set properly once all are connected
    start.wait()
    began = time.perf_counter()
    deadline[0] = began + seconds
    for worker in workers:
        worker.join()
    return Throughput(sum(counts), sum(errors), time.perf_counter() - began, threads)
