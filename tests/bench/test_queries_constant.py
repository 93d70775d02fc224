"""Queries per page do not grow with the rows: every list page, at two sizes of generated data."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.generate import generate
from bench.people_rows import username
from bench.scales import SCALES
from coffeechat.accounts.services import issue_token

pytestmark = pytest.mark.django_db

# The same user shape at two sizes: everything ×5 (the star's timeline too).
SMALL = replace(
    SCALES["tiny"],
    users=1,
    people=30,
    organizations=6,
    interviews=12,
    activities=60,
    tasks=12,
    star_activities=20,
)
LARGE = replace(
    SMALL,
    people=150,
    organizations=30,
    interviews=60,
    activities=300,
    tasks=60,
    star_activities=100,
)
PAGES = [
    "/people/",
    "/people/?relationship=alumni",
    "/people/?stage=scheduled",
    "/people/?q=a",
    "/people/?tag=ux",
    "/people/{star}/",
    "/organizations/",
    "/interviews/",
    "/today/",
    "/dashboard/",
    "/network/",
]
API = [
    "/api/v1/people",
    "/api/v1/organizations",
    "/api/v1/interviews",
    "/api/v1/activities",
    "/api/v1/tasks",
]


def count_queries(client: Client, path: str, headers: dict[str, str] | None = None) -> int:
    assert client.get(path, headers=headers).status_code == 200, path  # warms one-off work
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    assert response.status_code == 200, path
    return len(queries)


def queries_per_page(pages: list[str], *, api: bool) -> tuple[dict[str, int], dict[str, int]]:
    """Queries of each page for user 1 (SMALL) and user 2 (LARGE), side by side in one database."""
    small, large = generate(SMALL), generate(LARGE, first_user=2)
    counts = []
    for number, generated in ((1, small), (2, large)):
        user = User.objects.get(username=username(number))
        client = Client()
        headers = None
        if api:
            headers = {"Authorization": f"Bearer {issue_token(user)}"}
        else:
            client.force_login(user)
        star = generated.star_person_id(number)
        counts.append(
            {page: count_queries(client, page.format(star=star), headers) for page in pages}
        )
    return counts[0], counts[1]


def test_every_list_page_runs_as_many_queries_for_five_times_the_rows() -> None:
    small, large = queries_per_page(PAGES, api=False)
    assert large == small


def test_every_api_list_runs_as_many_queries_for_five_times_the_rows() -> None:
    small, large = queries_per_page(API, api=True)
    assert large == small
