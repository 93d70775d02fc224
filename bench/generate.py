"""The synthetic data generator: bulk rows for every user of a scale, with a fixed random seed.

It writes through the current Django database connection (the benchmark's fresh database, or
the test database in tests), straight into the tables: COPY on PostgreSQL, executemany on SQLite.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.management.color import no_style
from django.db import DatabaseError, connection, models, transaction
from django.db.models import Max
from django.utils import timezone

from bench import words
from bench.layout import Layout
from bench.people_rows import STAR, Contacts, username
from bench.pipeline_rows import STAR_STAGES, Pipeline
from bench.scales import Scale
from bench.writer import Row, write
from coffeechat.accounts.models import Profile
from coffeechat.followup.models import Task
from coffeechat.interviews.models import Activity, Interview
from coffeechat.people.models import Organization, Person, Tag

BENCH_PASSWORD = "coffeechat-bench-password"  # noqa: S105 (generated test accounts only)
SEED = 7
Progress = Callable[[str, int, float], None]


@dataclass
class Generated:
    scale: Scale
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    contacts: Contacts | None = None

    def user_id(self, number: int) -> int:
        assert self.contacts is not None
        return self.contacts.users.id(number - self.contacts.first_user, 0)

    def star_person_id(self, number: int) -> int:
        """The person of user ``number`` with the long timeline (and a referral chain)."""
        assert self.contacts is not None
        return self.contacts.people.id(number - self.contacts.first_user, STAR)


def check(scale: Scale) -> None:
    """Refuse sizes the generator cannot honour exactly."""
    problems = []
    if scale.users < 1:
        problems.append("at least 1 user")
    if scale.people < 20:
        problems.append("at least 20 people per user (the star's referrals)")
    if scale.interviews < len(STAR_STAGES):
        problems.append(f"at least {len(STAR_STAGES)} interviews per user")
    if scale.activities < scale.star_activities + scale.interviews:
        problems.append("activities per user ≥ star_activities + interviews")
    if scale.tasks < 3:
        problems.append("at least 3 tasks per user")
    if not 2 <= scale.tags <= len(words.TAGS):
        problems.append(f"between 2 and {len(words.TAGS)} tags per user")
    if problems:
        raise ValueError(f"Scale {scale.name!r} needs " + "; ".join(problems) + ".")


def _next_id(model: type[models.Model]) -> int:
    highest = model._default_manager.aggregate(highest=Max("pk"))["highest"]
    return int(highest or 0) + 1


@contextlib.contextmanager
def _fast_writes() -> Iterator[None]:
    """No fsync while generating: the data can be generated again."""
    if connection.in_atomic_block:  # in a test's transaction, where pragmas cannot change
        yield
        return
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous=OFF")
            try:
                yield
            finally:
                cursor.execute("PRAGMA synchronous=NORMAL")  # coffeechat's own setting
        elif connection.vendor == "postgresql":
            cursor.execute("SET synchronous_commit = off")
            # The rows are consistent by construction (the tests check every link): skipping the
            # foreign-key triggers halves the load. Only a superuser may; others just wait longer.
            with contextlib.suppress(DatabaseError), transaction.atomic():
                cursor.execute("SET session_replication_role = replica")
            try:
                yield
            finally:
                cursor.execute("RESET session_replication_role")
                cursor.execute("RESET synchronous_commit")
        else:
            yield


def _finish(tables: list[type[models.Model]]) -> None:
    """Move the id sequences past the ids written; give PostgreSQL's planner its statistics
    (autovacuum would, a little later, on a real server)."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), tables):
            cursor.execute(statement)
        if connection.vendor == "postgresql":
            for model in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def generate(
    scale: Scale,
    *,
    seed: int = SEED,
    now: datetime | None = None,
    progress: Progress | None = None,
    first_user: int = 1,
) -> Generated:
    """Write ``scale``'s users and their data; users are named bench0001, bench0002, … (from
    number ``first_user``: a second call adds users of another size beside the first)."""
    check(scale)
    now = now or timezone.now().replace(microsecond=0)
    started = time.perf_counter()
    users = scale.users
    through = Person.tags.through
    contacts = Contacts(
        scale=scale,
        seed=seed,
        now=now,
        first_user=first_user,
        users=Layout(_next_id(User), users, 1),
        organizations=Layout(_next_id(Organization), users, scale.organizations),
        tags=Layout(_next_id(Tag), users, scale.tags),
        people=Layout(_next_id(Person), users, scale.people),
    )
    pipeline = Pipeline(
        contacts,
        interviews=Layout(_next_id(Interview), users, scale.interviews),
        activities=Layout(_next_id(Activity), users, scale.activities),
        tasks=Layout(_next_id(Task), users, scale.tasks),
    )
    names = [username(first_user + user) for user in range(users)]
    taken = User.objects.filter(username__in=names).order_by("username").first()
    if taken is not None:
        raise ValueError(f"User {taken.username} exists already: generate into a fresh database.")
    result = Generated(scale, contacts=contacts)
    password = make_password(BENCH_PASSWORD)  # one hash for all: hashing 5,000 would take minutes

    def step(
        name: str, model: type[models.Model], columns: tuple[str, ...], rows: Iterable[Row]
    ) -> None:
        begun = time.perf_counter()
        result.rows[name] = write(model, columns, rows, now)
        if progress is not None:
            progress(name, result.rows[name], time.perf_counter() - begun)

    with _fast_writes():
        step("users", User, Contacts.USER_COLUMNS, contacts.user_rows(password))
        step("profiles", Profile, Contacts.PROFILE_COLUMNS, contacts.profile_rows())
        step(
            "organizations",
            Organization,
            Contacts.ORGANIZATION_COLUMNS,
            contacts.organization_rows(),
        )
        step("tags", Tag, Contacts.TAG_COLUMNS, contacts.tag_rows())
        step("people", Person, Contacts.PERSON_COLUMNS, contacts.person_rows())
        step("person tags", through, Contacts.PERSON_TAG_COLUMNS, contacts.person_tag_rows())
        pipeline.make_plan()
        step("interviews", Interview, Pipeline.INTERVIEW_COLUMNS, pipeline.interview_rows())
        step("activities", Activity, Pipeline.ACTIVITY_COLUMNS, pipeline.activity_rows())
        step("tasks", Task, Pipeline.TASK_COLUMNS, pipeline.task_rows())
        _finish([User, Profile, Organization, Tag, Person, through, Interview, Activity, Task])
    result.seconds = time.perf_counter() - started
    return result
