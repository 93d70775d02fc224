"""`python -m bench run`: a fresh database, generated data, the real server, timed pages."""

from __future__ import annotations

import os
import platform
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from bench.client import Client, Throughput, throughput, wait_for_first_page
from bench.database import BenchError, Store, fresh_store, remove_store, setup_django
from bench.report import (
    FIRST_PAGE_SECONDS,
    IMPORT_RATIO,
    IMPORT_SECONDS,
    Report,
    Result,
    Timing,
)
from bench.scales import Scale

if TYPE_CHECKING:  # Django is set up only once the benchmark's database exists
    from django.contrib.auth.models import User

FIRST_PAGE = "/accounts/login/"
WARM_UP = 3
GENERATE_PERSONAL_SECONDS = 60.0


@dataclass(frozen=True)
class Options:
    scale: Scale
    database_url: str
    data_dir: str | None
    requests: int
    out: Path | None
    keep: bool
    rps_seconds: float
    rps_threads: int
    import_rows: int
    max_seconds: float  # per target, so one slow page cannot hold the run for an hour
    note: str = ""


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    api: bool = False


def targets(star: int) -> list[Target]:
    return [
        Target("people list", "/people/"),
        Target("people filter", "/people/?relationship=alumni"),
        Target("people by stage", "/people/?stage=scheduled"),
        Target("people search", "/people/?q=rossi"),
        Target("person detail", f"/people/{star}/"),
        Target("organizations", "/organizations/"),
        Target("pipeline board", "/interviews/"),
        Target("today", "/today/"),
        Target("dashboard", "/dashboard/"),
        Target("API people list", "/api/v1/people", api=True),
        Target("API person detail", f"/api/v1/people/{star}", api=True),
    ]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def coffeechat_command() -> Path:
    beside = Path(sys.executable).parent / "coffeechat"
    found = beside if beside.exists() else shutil.which("coffeechat")
    if not found:
        raise BenchError("The `coffeechat` command is not installed: pip install -e . first.")
    return Path(found)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    first_page: float
    log: Path

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(store: Store, coffeechat: Path) -> Server:
    port = free_port()
    log_path = store.data_dir / "server.log"
    log = log_path.open("ab")
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(coffeechat), "serve", "--port", str(port)],
        env=store.env(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        first_page = wait_for_first_page(port, FIRST_PAGE, started, timeout=120)
    except TimeoutError:
        process.kill()
        tail = log_path.read_text(errors="replace")[-2000:]
        raise BenchError(f"The server did not answer within 120 s:\n{tail}") from None
    return Server(process, port, first_page, log_path)


def time_target(client: Client, path: str, requests: int, max_seconds: float) -> Result:
    result = Result("", path)
    for _ in range(WARM_UP):
        first = client.get(path)
        if first.status != 200:
            result.note = "not available" if first.status == 404 else f"status {first.status}"
            return result
    seconds: list[float] = []
    began = time.perf_counter()
    for _ in range(requests):
        answer = client.get(path)
        seconds.append(answer.seconds)
        result.errors += answer.status != 200
        if time.perf_counter() - began > max_seconds:
            break
    result.timing = Timing(seconds)
    return result


def _facts(options: Options, store: Store) -> list[tuple[str, str]]:
    import django

    scale = options.scale
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    totals = ", ".join(f"{count:,} {name}" for name, count in scale.totals().items())
    return [
        ("when", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("scale", f"{scale.name}: {totals}"),
        ("measured user", f"bench{scale.measured_user:04d} (of {scale.users:,})"),
        ("database", store.describe().split(" ")[0]),
        (
            "machine",
            f"{os.cpu_count()} CPUs, load average at start {load}; Python "
            f"{platform.python_version()}, Django {django.get_version()}",
        ),
        (
            "requests per target",
            f"{options.requests} sequential, keep-alive, after {WARM_UP} warm-up",
        ),
        *([("note", options.note)] if options.note else []),
    ]


def run(options: Options) -> Report:
    coffeechat = coffeechat_command()
    store = fresh_store(options.database_url, options.data_dir)
    say(f"Benchmark data in {store.describe()}")
    try:
        return _run(options, store, coffeechat)
    finally:
        if options.keep:
            say(f"Kept: COFFEECHAT_DATA_DIR={store.data_dir}")
        else:
            from django.apps import apps

            if apps.ready:
                from django.db import connections

                connections.close_all()
            remove_store(store)


def _run(options: Options, store: Store, coffeechat: Path) -> Report:
    setup_django(store)
    from django.contrib.auth.models import User
    from django.db import connection

    from bench.generate import BENCH_PASSWORD, generate
    from bench.people_rows import username
    from coffeechat.accounts.services import issue_token

    scale = options.scale
    report = Report(f"coffeechat benchmark: {scale.name} on {store.vendor}")
    report.facts = _facts(options, store)
    say(f"Generating {scale.name} ({scale.users:,} users)…")
    generated = generate(
        scale, progress=lambda name, rows, s: say(f"  {name}: {rows:,} in {s:.1f} s")
    )
    say(f"Generated in {generated.seconds:.1f} s")
    number = scale.measured_user
    user = User.objects.get(pk=generated.user_id(number))
    token = issue_token(user, "bench")
    plan = targets(generated.star_person_id(number))
    results = _capture(plan, user, token, options.requests)
    connection.close()

    server = start_server(store, coffeechat)
    say(f"Serving on port {server.port}; first page after {server.first_page:.2f} s")
    try:
        framework, rps = _measure(
            server, plan, results, username(number), BENCH_PASSWORD, token, options
        )
    finally:
        server.stop()
    report.framework = framework
    report.results = results

    if scale.name == "personal":
        verdict = "pass" if generated.seconds < GENERATE_PERSONAL_SECONDS else "FAIL"
        report.extras.append(
            ("generate personal", f"{generated.seconds:.1f} s", f"< 60 s: {verdict}")
        )
    else:
        report.extras.append((f"generate {scale.name}", f"{generated.seconds:.1f} s", "minutes"))
    verdict = "pass" if server.first_page < FIRST_PAGE_SECONDS else "FAIL"
    report.extras.append(
        ("`coffeechat serve` → first page", f"{server.first_page:.2f} s", f"< 2 s: {verdict}")
    )
    report.extras.append(
        (
            f"API people list, {rps.threads} client threads, {options.rps_seconds:.0f} s",
            f"{rps.per_second:.0f} requests/s ({rps.errors} errors)",
            "server's default workers",
        )
    )
    if options.import_rows:
        _import(options, store, coffeechat, report)
    report.notes.append(
        "p50/p95/max: milliseconds per request over loopback, send to last byte. queries: SQL "
        "statements per request (Django test client on the same database). DB floor: the same "
        "SELECTs on the raw DB-API cursor. × framework: p95 ÷ the framework floor's p95."
    )
    return report


def _capture(plan: list[Target], user: User, token: str, repeat: int) -> list[Result]:
    from bench.capture import capture, replay

    results = []
    for target in plan:
        headers = {"Authorization": f"Bearer {token}"} if target.api else None
        captured = capture(user, target.path, headers)
        result = Result(target.name, target.path)
        if captured.status == 404 and not target.api:
            result.note = "not available"
        elif captured.status != 200:
            result.note = f"status {captured.status}"
        else:
            result.queries, result.writes = captured.queries, captured.writes
            replayed = replay(captured.reads, repeat)
            result.db_floor = Timing(replayed.runs)
            result.slowest_sql = replayed.slowest
        say(f"  {target.name}: {result.queries} queries")
        results.append(result)
    return results


def _measure(
    server: Server,
    plan: list[Target],
    results: list[Result],
    name: str,
    password: str,
    token: str,
    options: Options,
) -> tuple[Timing, Throughput]:
    port = server.port
    browser = Client(port)
    browser.log_in(name, password)
    api_headers = {"Authorization": f"Bearer {token}"}
    api = Client(port, api_headers)
    anonymous = Client(port)
    framework = time_target(anonymous, "/healthz", options.requests, options.max_seconds).timing
    if framework is None:
        raise BenchError("/healthz did not answer 200: no framework floor.")
    told = False
    for target, result in zip(plan, results, strict=True):
        if result.note:
            continue
        timed = time_target(
            api if target.api else browser, target.path, options.requests, options.max_seconds
        )
        result.timing, result.errors, result.note = timed.timing, timed.errors, timed.note
        if (result.note.startswith("status 5") or result.errors) and not told:
            told = True  # one traceback is enough to start with
            say(f"  {target.name} failed; the server's log ends with:\n{server.log_tail()}")
        p95 = f"p95 {result.timing.p95:.1f} ms" if result.timing else result.note
        say(f"  {target.name}: {p95}")
    for client in (browser, api, anonymous):
        client.close()
    rps = throughput(port, "/api/v1/people", api_headers, options.rps_threads, options.rps_seconds)
    say(f"  API list: {rps.per_second:.0f} requests/s")
    return framework, rps


def _import(options: Options, store: Store, coffeechat: Path, report: Report) -> None:
    from bench.import_bench import bench_import

    say(f"Importing {options.import_rows:,} LinkedIn rows…")
    result = bench_import(store, options.import_rows, coffeechat)
    seconds_ok = "pass" if result.seconds < IMPORT_SECONDS else "FAIL"
    ratio_ok = "pass" if result.ratio <= IMPORT_RATIO else "FAIL"
    report.extras.append(
        (
            f"`coffeechat import linkedin`, {result.rows:,} rows, end to end",
            f"{result.seconds:.2f} s ({result.people:,} people created)",
            f"< 3 s: {seconds_ok}",
        )
    )
    report.extras.append(
        (
            "raw executemany of the same rows into people_person (storage floor)",
            f"{result.floor_seconds:.2f} s; import is {result.ratio:.1f}× the floor",
            f"≤ 4×: {ratio_ok}",
        )
    )
