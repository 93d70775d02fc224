"""The SQL behind each page, captured in this process with Django's test client, and the
database's floor: the same SELECT statements replayed on the raw DB-API connection."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

READS = ("SELECT", "WITH")
_PLACEHOLDER = re.compile(r"(?<!%)%s")


@dataclass
class Captured:
    status: int
    queries: int = 0
    reads: list[tuple[str, Any]] = field(default_factory=list)  # (sql, params) to replay

    @property
    def writes(self) -> int:
        return self.queries - len(self.reads)


def capture(user: User, path: str, headers: dict[str, str] | None = None) -> Captured:
    """Request ``path`` as ``user`` twice (the first warms caches) and record the second's SQL."""
    client = Client(SERVER_NAME="127.0.0.1")
    if headers is None:
        client.force_login(user)
    client.get(path, headers=headers)
    recorded: list[tuple[str, Any]] = []

    def record(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        recorded.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = client.get(path, headers=headers)
    reads = [(sql, params) for sql, params in recorded if sql.lstrip().upper().startswith(READS)]
    return Captured(response.status_code, len(recorded), reads)


def _raw_statements(reads: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    if connection.vendor != "sqlite":
        return reads
    # As Django's SQLite cursor does: %s becomes ?, %% becomes %, only when there are params.
    return [
        (sql, ()) if params is None else (_PLACEHOLDER.sub("?", sql).replace("%%", "%"), params)
        for sql, params in reads
    ]


@dataclass
class Replayed:
    runs: list[float]  # seconds for all the statements, per run
    slowest: tuple[float, str] = (0.0, "")  # the median seconds and SQL of the slowest one


def replay(reads: list[tuple[str, Any]], repeat: int) -> Replayed:
    """Seconds for each of ``repeat`` runs of the statements on the raw DB-API cursor, rows
    fetched: what the page's data costs the database and the driver, nothing else."""
    connection.ensure_connection()
    raw = connection.connection
    assert raw is not None
    statements = _raw_statements(reads)
    cursor = raw.cursor()
    runs = []
    each: list[list[float]] = [[] for _ in statements]
    for _ in range(repeat):
        started = last = time.perf_counter()
        for index, (sql, params) in enumerate(statements):
            cursor.execute(sql, params)
            cursor.fetchall()
            now = time.perf_counter()
            each[index].append(now - last)
            last = now
        runs.append(last - started)
    cursor.close()
    if not statements:
        return Replayed(runs)
    medians = [sorted(times)[len(times) // 2] for times in each]
    slowest = max(range(len(statements)), key=medians.__getitem__)
    return Replayed(runs, (medians[slowest], reads[slowest][0]))
