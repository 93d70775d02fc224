"""Time the one-box search at 30,000 people in 3,000 organizations and 100,000 notes.

Run from the project root:

    python scripts/bench_search.py                  # SQLite, in a temporary data directory
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cc_search_bench python scripts/bench_search.py

Bulk-inserts one user's data (plus interviews, debriefs and resources, and a second user's data
that must never show up), builds the index from scratch and reports the time, then times 200
searches of realistic queries (one to three words, names, prefixes) and prints p50/p95/max in ms.
On PostgreSQL the script creates the database named in DATABASE_URL (it refuses one that already
exists) and drops it at the end; on SQLite it deletes its temporary directory.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


def _words(text: str, separator: str | None = None) -> list[str]:
    return text.split(separator)


FIRST = _words(
    "Amara Daniel Sofia Liam Priya Mateo Hannah Kenji Fatima Noah Chloé Oliver Aisha Lucas "
    "Mei Ethan Zara Gabriel Isabelle Samuel Nina Jacob Elena Marcus Yasmin Thomas Grace "
    "Arjun Olivia Rafael Leah Ibrahim Emily Hiro Sara Victor Ana Ben Maya Jonas Ada Omar "
    "Lena Pablo Ines Tariq Ruth Felix Nora Hugo Alice Bruno Clara Diego Eva Farid Greta "
    "Hamza Iris Jamal Kira Louis"
)
LAST = _words(
    "Okafor Chen Rossi O'Connor Raman García Schmidt Watanabe Haddad Tremblay Gagnon Brown "
    "Mohammed Martin Lin Wilson Ahmed Silva Roy Adeyemi Petrova Nguyen Popescu Johnson "
    "Farah Leblanc Kim Mehta Davis Costa Cohen Diallo Clarke Tanaka Lindqvist Moreau "
    "Ribeiro Carter Patel Weber Novak Horvat Kowalski Jensen Larsen Dubois Fischer Müller "
    "Öztürk Alvarez Santos Ferreira Ivanova Yamamoto Suzuki Hassan Abadi Mensah Boateng "
    "Kariuki Mwangi Banda Phiri"
)
WORDS_A = _words(
    "Acme Northwind Lumen Harbour Fieldnote Cedar Granite Open Kestrel Tidewater Brightside "
    "Atlas Quill Summit Pixel Maple Blue Red Silver Golden Green Iron River Lake Stone "
    "Cloud Bright Clear Swift Polar Solar Urban Prairie Coastal Northern Global United "
    "Civic"
)
WORDS_B = _words(
    "Data Health Transit Analytics Bank Studio Learning Robotics Library Games Energy "
    "Logistics Media Consulting Labs Systems Works Partners Group Foundation Networks "
    "Insights Design Software Capital Foods Motors Telecom Pharma Research Security "
    "Ventures"
)
INDUSTRIES = _words(
    "Software;Healthcare;Public transport;Financial services;Education;Robotics;Video games;"
    "Renewable energy;Nonprofit;Logistics;Digital media;Consulting;Retail;Government",
    ";",
)
CITIES = _words(
    "Toronto Montréal Vancouver Ottawa Waterloo Halifax Calgary Victoria Québec Winnipeg"
)
TITLES = _words(
    "Product Manager;UX Researcher;Data Analyst;Engineering Manager;Designer;Data Scientist;"
    "Service Designer;Content Strategist;Head of Research;Program Manager;Software Engineer;"
    "Policy Analyst;Operations Manager;Director of Product;Learning Designer;Consultant",
    ";",
)
VOCABULARY = _words(
    "data research team product users interview design career manager role work project "
    "analysis learning hiring culture growth budget stakeholders roadmap metrics survey "
    "onboarding mentor feedback portfolio network conference workshop prototype "
    "accessibility strategy pipeline dashboard experiment customer service policy transit "
    "health education engineering writing presentation leadership remote office schedule "
    "coffee introduction referral advice resources book podcast association course "
    "certificate transition skills gap python sql statistics visualization storytelling "
    "facilitation recruiting salary interviewing networking volunteering internship "
    "apprenticeship bootcamp degree teaching classroom students curriculum assessment "
    "community nonprofit government startup agency consulting client deadline quarterly "
    "planning retrospective agile kanban sprint release quality testing security privacy "
    "compliance regulation procurement vendor partnership"
)
FILLER = _words("the a of to and in on for with about that it was they we said how what when")
# A flattened Zipf law: the commonest topic word is in about half the notes, a typical one in 5%.
_WEIGHTS = [1 / (rank + 10) for rank in range(len(VOCABULARY))]
_CUMULATIVE = [sum(_WEIGHTS[: index + 1]) for index in range(len(_WEIGHTS))]


def note_text(rng: random.Random) -> str:
    count = rng.randint(8, 60)
    words = [
        rng.choice(FILLER)
        if rng.random() < 0.45
        else rng.choices(VOCABULARY, cum_weights=_CUMULATIVE)[0]
        for _ in range(count)
    ]
    return " ".join(words).capitalize() + "."


def queries(rng: random.Random, count: int) -> list[str]:
    """What people type: names, organizations, roles, topics, half-typed words, two or three."""
    makers = [
        lambda: rng.choice(LAST),
        lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        lambda: rng.choice(LAST)[: rng.randint(3, 5)],
        lambda: f"{rng.choice(WORDS_A)} {rng.choice(WORDS_B)}".lower(),
        lambda: rng.choice(WORDS_A)[: rng.randint(3, 5)].lower(),
        lambda: rng.choice(TITLES).lower(),
        lambda: rng.choice(VOCABULARY),
        lambda: rng.choice(VOCABULARY)[:3],
        lambda: f"{rng.choice(WORDS_A)} {rng.choice(VOCABULARY)}".lower(),
        lambda: f"{rng.choice(VOCABULARY)} {rng.choice(VOCABULARY)} {rng.choice(CITIES)}",
        lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)[:2]}",
    ]
    return [rng.choice(makers)() for _ in range(count)]


def fill(user: Any, rng: random.Random, people: int, organizations: int, notes: int) -> None:
    from coffeechat.debrief.models import Debrief, Resource, ResourceKind
    from coffeechat.interviews.models import Activity, ActivityKind, Interview
    from coffeechat.people.models import Organization, Person

    orgs = Organization.objects.bulk_create(
        [
            Organization(
                owner=user,
                name=f"{rng.choice(WORDS_A)} {rng.choice(WORDS_B)} {index}",
                industry=rng.choice(INDUSTRIES),
                location=rng.choice(CITIES),
                website=f"https://org{index}.example",
                research_notes=note_text(rng) if index % 3 == 0 else "",
            )
            for index in range(organizations)
        ],
        batch_size=1000,
    )
    persons = Person.objects.bulk_create(
        [
            Person(
                owner=user,
                name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                title=rng.choice(TITLES),
                organization=rng.choice(orgs),
                location=rng.choice(CITIES),
                emails=[f"person{index}@example.org"] if index % 2 else [],
                what_they_do=note_text(rng) if index % 4 == 0 else "",
            )
            for index in range(people)
        ],
        batch_size=1000,
    )
    interviews = Interview.objects.bulk_create(
        [
            Interview(owner=user, person=rng.choice(persons), topic=note_text(rng)[:120])
            for _ in range(max(1, people // 10))
        ],
        batch_size=1000,
    )
    Debrief.objects.bulk_create(
        [Debrief(interview=i, insights=note_text(rng)) for i in interviews[::3]], batch_size=1000
    )
    Resource.objects.bulk_create(
        [
            Resource(owner=user, kind=ResourceKind.BOOK, title=note_text(rng)[:80], notes="")
            for _ in range(max(1, people // 15))
        ],
        batch_size=1000,
    )
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for first in range(0, notes, 5000):
        Activity.objects.bulk_create(
            [
                Activity(
                    owner=user,
                    kind=ActivityKind.NOTE,
                    at=start + timedelta(minutes=index),
                    person=rng.choice(persons),
                    text=note_text(rng),
                )
                for index in range(first, min(notes, first + 5000))
            ],
            batch_size=1000,
        )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _admin_connection(url: str) -> Any:
    import psycopg

    parts = urlsplit(url)
    admin = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    return psycopg.connect(admin, autocommit=True)


def create_database(url: str) -> str:
    name = urlsplit(url).path.lstrip("/")
    with _admin_connection(url) as admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            sys.exit(f"The database {name} exists: this benchmark only uses one it creates.")
        admin.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_database(url: str, name: str) -> None:
    with _admin_connection(url) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def run(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from coffeechat.people.models import Person
    from coffeechat.search.backends import search
    from coffeechat.search.index import rebuild
    from coffeechat.search.models import SearchEntry

    call_command("migrate", interactive=False, verbosity=0)
    rng = random.Random(7)
    owner = User.objects.create_user("bench")
    other = User.objects.create_user("bench-other")
    started = time.perf_counter()
    fill(owner, rng, args.people, args.organizations, args.notes)
    fill(other, rng, args.people // 6, args.organizations // 6, args.notes // 6)
    print(
        f"database: {connection.vendor}; generated {args.people:,} people, "
        f"{args.organizations:,} organizations, {args.notes:,} notes (and another user's "
        f"{args.notes // 6:,}) in {time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    entries = rebuild()
    print(f"index built: {entries:,} entries in {time.perf_counter() - started:.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")

    typed = queries(random.Random(11), args.searches)
    for query in typed[:10]:  # warm the caches, as a running server has them
        search(owner, query)
    timings: list[float] = []
    query_counts: set[int] = set()
    found = 0
    for query in typed:
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            began = time.perf_counter()
            hits = search(owner, query)
            timings.append((time.perf_counter() - began) * 1000)
        query_counts.add(len(captured.captured_queries))
        found += bool(hits)
    slowest = max(range(len(typed)), key=lambda i: timings[i])
    print(
        f"{len(typed)} searches: p50 {percentile(timings, 0.5):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms "
        f"(slowest: {typed[slowest]!r}); mean {statistics.mean(timings):.1f} ms; "
        f"{found} with hits; queries per search: {sorted(query_counts)}"
    )
    people = {hit.id for query in typed for hit in search(owner, query) if hit.kind == "person"}
    strangers = Person.objects.filter(pk__in=people).exclude(owner=owner).count()
    assert strangers == 0, f"{strangers} of another user's people were found"
    theirs = SearchEntry.objects.filter(owner=other).count()
    print(f"{len(people):,} people found, none of the other user's {theirs:,} entries")
    print(f"load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--organizations", type=int, default=3_000)
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=200)
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="coffeechat-bench-search-"))
    os.environ["COFFEECHAT_DATA_DIR"] = str(data_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "coffeechat.settings"
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    url = os.environ.get("DATABASE_URL", "")
    postgres = url.startswith(("postgres://", "postgresql://", "pgsql://"))
    if not postgres:
        os.environ.pop("DATABASE_URL", None)
    name = create_database(url) if postgres else ""
    try:
        run(args)
    finally:
        if postgres:
            drop_database(url, name)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
