"""Time a large LinkedIn import on SQLite, as a local install runs it.

Run from the project root:  python scripts/bench_import.py [--rows 30000]

Generates a Connections.csv (preamble, byte-order mark, CRLF, one row in three with an email,
3,000 companies) in a temporary data directory, migrates a fresh SQLite database there (WAL, as
configured by coffeechat), then times: reading the file, planning (matching against the account),
and writing, for a first import into an empty account and for the same file again (every row
matched and skipped). DATABASE_URL is ignored unless --keep-database-url is given.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

PREAMBLE = (
    'Notes:\r\n"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\r\n\r\n'
)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
FIRST = ["Amara", "Daniel", "Sofia", "Liam", "Priya", "Mateo", "Hannah", "Kenji", "Fatima", "Noah"]
LAST = ["Okafor", "Chen", "Rossi", "O'Connor", "Raman", "García", "Schmidt", "Watanabe", "Haddad"]
TITLES = ["Product Manager", "UX Researcher", "Data Analyst", "Engineering Manager", "Designer"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def connections_csv(rows: int, seed: int = 7) -> bytes:
    rng = random.Random(seed)
    lines = [PREAMBLE, HEADER]
    for i in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        email = f"{first.lower()}.{i}@example.org" if i % 3 == 0 else ""
        company = f'"Company {rng.randrange(3000)}, Inc."'
        date = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2010, 2025)}"
        url = f"https://www.linkedin.com/in/{first.lower()}-{last.lower()}-{i}"
        lines.append(f"{first},{last} {i},{url},{email},{company},{rng.choice(TITLES)},{date}\r\n")
    return b"\xef\xbb\xbf" + "".join(lines).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    parser.add_argument("--keep-database-url", action="store_true")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="coffeechat-bench-"))
    os.environ["COFFEECHAT_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "coffeechat.settings"
    if not args.keep_database_url:
        os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from coffeechat.accounts.services import create_user
    from coffeechat.people.models import Organization, Person
    from coffeechat.portability.importer import apply_plan, run_import
    from coffeechat.portability.linkedin import parse_linkedin
    from coffeechat.portability.merge import plan_import

    call_command("migrate", interactive=False, verbosity=0)
    user = create_user("bench", "a-long-bench-password-42")
    data = connections_csv(args.rows)
    print(f"{args.rows:,} rows, {len(data) / 1e6:.1f} MB, database: {connection.vendor}")

    started = time.perf_counter()
    parsed = parse_linkedin(data, "Connections.csv")
    read = time.perf_counter()
    assert not parsed.problems, parsed.problems[0]
    with transaction.atomic():
        plan = plan_import(user, parsed)
        planned = time.perf_counter()
        apply_plan(plan)
    written = time.perf_counter()
    people = Person.objects.filter(owner=user).count()
    organizations = Organization.objects.filter(owner=user).count()
    print(
        f"first import:  read {read - started:.2f} s, plan {planned - read:.2f} s, "
        f"write {written - planned:.2f} s, total {written - started:.2f} s "
        f"({people:,} people, {organizations:,} organizations)"
    )

    started = time.perf_counter()
    preview = run_import(user, "linkedin", data, "Connections.csv")
    again = time.perf_counter() - started
    print(f"same file again: {again:.2f} s total ({preview.counts})")


if __name__ == "__main__":
    main()
