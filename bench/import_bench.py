"""The import benchmark: a generated LinkedIn ``Connections.csv`` through ``coffeechat import``
(a new process, end to end) against inserting the same rows with raw executemany (the floor)."""

from __future__ import annotations

import csv
import io
import random
import subprocess
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone

from bench import words
from bench.database import BenchError, Store
from bench.people_rows import FIRST_SLUGS, LAST_SLUGS
from bench.writer import Columns, insert_sql
from coffeechat.accounts.models import Profile
from coffeechat.people.models import Person
from coffeechat.portability.linkedin import parse_date

PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address."\r\n\r\n'
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
COMPANIES = 3_000
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
IMPORTER = "bench-import"
FLOOR_OWNER = "bench-import-floor"


def connections_csv(rows: int, seed: int = 7) -> bytes:
    """LinkedIn's export as it comes: byte-order mark, preamble, CRLF, one email in three.

    No two rows are the same person (same name at the same company), so every row is new.
    """
    from bench.people_rows import organization_name

    generator = random.Random(f"{seed}:linkedin")
    out = io.StringIO()
    out.write(PREAMBLE)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    names = len(words.FIRST_NAMES) * len(words.LAST_NAMES)
    for index in range(rows):
        company, round_ = index % COMPANIES, index // COMPANIES
        name = (round_ * 593 + company * 7) % names
        first, last = name % len(words.FIRST_NAMES), name // len(words.FIRST_NAMES)
        slug = f"{FIRST_SLUGS[first]}-{LAST_SLUGS[last]}-{index:x}"
        email = f"{FIRST_SLUGS[first]}.{LAST_SLUGS[last]}.{index}@example.org"
        writer.writerow(
            [
                words.FIRST_NAMES[first],
                words.LAST_NAMES[last],
                f"https://www.linkedin.com/in/{slug}",
                email if generator.random() < 1 / 3 else "",
                organization_name(0, company),
                generator.choice(words.TITLES),
                f"{generator.randint(1, 28):02d} {generator.choice(MONTHS)} "
                f"{generator.randint(2008, 2025)}",
            ]
        )
    return b"\xef\xbb\xbf" + out.getvalue().encode()


@dataclass
class ImportResult:
    rows: int
    seconds: float  # coffeechat import, end to end (a new process)
    floor_seconds: float  # raw executemany of the same rows into people_person, committed
    people: int  # people the import created
    summary: str

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor_seconds if self.floor_seconds else float("inf")


def _empty_user(name: str) -> User:
    user = User.objects.create(username=name, password="!")  # noqa: S106 (unusable password)
    Profile.objects.create(user=user)
    return user


def _floor_rows(
    data: bytes, owner_id: int, now: datetime
) -> tuple[Columns, list[tuple[object, ...]]]:
    """The CSV's rows as people_person rows (read before the clock starts: storage only)."""
    lines = data.decode("utf-8-sig").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("First Name,"))
    given = ("owner_id", "name", "title", "emails", "profile_url", "relationship_since")
    rows = [
        (owner_id, f"{first} {last}", position, [email] if email else [], url, parse_date(since))
        for first, last, url, email, _company, position, since in csv.reader(lines[start + 1 :])
    ]
    columns = Columns(Person, given, now)
    return columns, list(columns.complete(rows))


def _raw_insert(columns: Columns, rows: list[tuple[object, ...]]) -> float:
    connection.ensure_connection()
    raw = connection.connection
    assert raw is not None
    sql = insert_sql(columns)
    started = time.perf_counter()
    if connection.vendor == "sqlite":
        cursor = raw.cursor()
        cursor.execute("BEGIN")
        cursor.executemany(sql.replace("%s", "?"), rows)
        cursor.execute("COMMIT")
    else:
        with raw.transaction(), raw.cursor() as cursor:
            cursor.executemany(sql, rows)
    return time.perf_counter() - started


def bench_import(store: Store, rows: int, coffeechat: Path) -> ImportResult:
    data = connections_csv(rows)
    path = store.data_dir / "Connections.csv"
    path.write_bytes(data)
    importer = _empty_user(IMPORTER)
    floor_owner = _empty_user(FLOOR_OWNER)
    connection.close()  # SQLite: no lock of ours while the import writes
    started = time.perf_counter()
    done = subprocess.run(
        [str(coffeechat), "import", "linkedin", str(path), "--user", IMPORTER],
        env=store.env(),
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchError(f"coffeechat import failed ({done.returncode}): {done.stderr[-2000:]}")
    people = Person.objects.filter(owner=importer).count()
    columns, prepared = _floor_rows(data, floor_owner.pk, timezone.now())
    floor = _raw_insert(columns, prepared)
    summary = done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""
    stored = Person.objects.filter(owner=floor_owner).count()
    if stored != rows:
        raise BenchError(f"The raw insert stored {stored} people, not {rows}.")
    return ImportResult(rows, seconds, floor, people, summary)
