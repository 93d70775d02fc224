from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import InterviewFactory, TaskFactory


@pytest.mark.parametrize(
    "path",
    [
        "/today/",
        "/people/",
        "/organizations/",
        "/interviews/",
        "/account/",
        "/people/new/",
        "/dashboard/",
        "/goals/",
        "/insights/",
        "/insights/compare/",
        "/resources/",
        "/skills/",
        "/network/",
        "/search/?q=acme",
    ],
)
def test_main_pages_answer_for_a_signed_in_user(owner_client: Client, owner, path: str) -> None:  # type: ignore[no-untyped-def]
    interview = InterviewFactory(owner=owner)
    TaskFactory(owner=owner, interview=interview)
    assert owner_client.get(path).status_code == 200
