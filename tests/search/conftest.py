"""What the search tests share: a small world of Acme people and notes, and the index check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone

from coffeechat.interviews.models import Activity
from coffeechat.people.models import Organization, Person
from coffeechat.search.backends import Hit, search
from coffeechat.search.index import rebuild
from coffeechat.search.models import SearchEntry
from tests.factories import ActivityFactory, OrganizationFactory, PersonFactory


def index_rows() -> list[tuple[Any, ...]]:
    """Every entry with every column, in a stable order."""
    names = [field.attname for field in SearchEntry._meta.concrete_fields]
    return sorted(SearchEntry.objects.values_list(*names))


def check_fts() -> None:
    """SQLite: the FTS5 index agrees row for row with the entries its triggers copied."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")


def assert_index_fresh() -> None:
    """The index kept up to date by the write paths equals what a rebuild from scratch gives."""
    check_fts()
    kept = index_rows()
    rebuild()
    check_fts()
    assert kept == index_rows()


def found(user: User, q: str, **options: Any) -> list[tuple[str, str]]:
    """(kind, title) of each hit, best first."""
    return [(hit.kind, hit.title) for hit in search(user, q, **options)]


def only_hit(user: User, q: str) -> Hit:
    hits = search(user, q)
    assert len(hits) == 1, hits
    return hits[0]


@dataclass
class AcmeWorld:
    acme: Organization
    ada: Person
    grace: Person
    alan: Person
    pipelines: Activity
    oil: Activity


@pytest.fixture
def acme_world(owner: User) -> AcmeWorld:
    return build_acme_world(owner)


def build_acme_world(owner: User) -> AcmeWorld:
    """Two people at Acme, one elsewhere, and notes about him that mention data."""
    now = timezone.now()
    acme = OrganizationFactory(owner=owner, name="Acme", industry="Logistics", location="Lyon")
    bletchley = OrganizationFactory(owner=owner, name="Bletchley Park", industry="Cryptography")
    ada = PersonFactory(owner=owner, name="Ada Lovelace", title="Engineer", organization=acme)
    grace = PersonFactory(owner=owner, name="Grace Hopper", title="Admiral", organization=acme)
    alan = PersonFactory(
        owner=owner, name="Alan Turing", title="Mathematician", organization=bletchley
    )
    pipelines = ActivityFactory(
        owner=owner,
        interview=None,
        person=alan,
        text="We talked about data pipelines.",
        at=now - timedelta(days=2),
    )
    oil = ActivityFactory(
        owner=owner,
        interview=None,
        person=alan,
        text="He said data is the new oil.",
        at=now - timedelta(days=1),
    )
    ActivityFactory(owner=owner, interview=None, person=alan, text="Lunch by the river.")
    return AcmeWorld(acme, ada, grace, alan, pipelines, oil)
