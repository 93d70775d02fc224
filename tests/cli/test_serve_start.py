"""`coffeechat serve` starts fast (issue #9): no migrate when nothing is pending, and SQLite's
planner gets statistics."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db import connection

from coffeechat.cli import migrate_if_needed, optimize_database
from tests.factories import PersonFactory


def test_serve_skips_migrate_when_no_migration_is_pending(db: None) -> None:
    assert migrate_if_needed() is False


def test_optimize_gives_sqlite_statistics_for_the_people_table(owner: User) -> None:
    PersonFactory.create_batch(3, owner=owner)
    assert optimize_database() is (connection.vendor == "sqlite")
    if connection.vendor != "sqlite":
        return  # PostgreSQL analyses on its own
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'people_person'")
        assert cursor.fetchone()[0] > 0
