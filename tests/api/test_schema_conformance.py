"""Schemathesis against /api/v1/openapi.json: for every operation, generated requests (valid and
invalid) with a real Bearer token never get a 5xx, and every answer the schema describes matches it.

Path ids are drawn from the owner's objects, another user's (which must answer 404) and whatever
schemathesis makes up. Bounded for the normal run (SCHEMATHESIS_MAX_EXAMPLES per operation, 15 by
default); scripts/schemathesis_run.sh runs the same test with many more.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import schemathesis
from django.contrib.auth.models import User
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, models
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from coffeechat.accounts.services import issue_token
from coffeechat.followup.models import Task
from coffeechat.insights.models import Goal
from coffeechat.interviews.models import Activity, Interview
from coffeechat.people.models import Organization, Person
from coffeechat.prep.models import Question
from tests.conftest import ApiClient
from tests.factories import (
    ActivityFactory,
    GoalFactory,
    InterviewFactory,
    PersonFactory,
    QuestionFactory,
    TaskFactory,
)

LONG_RUN = os.environ.get("SCHEMATHESIS_MAX_EXAMPLES")
MAX_EXAMPLES = int(LONG_RUN or "15")
ONLY = os.environ.get("SCHEMATHESIS_OPERATION")
# The path parameter each model's id goes in.
ID_PARAMETERS: dict[str, type[models.Model]] = {
    "person_id": Person,
    "organization_id": Organization,
    "interview_id": Interview,
    "activity_id": Activity,
    "task_id": Task,
    "question_id": Question,
    "goal_id": Goal,
}


def some_data_of(user: User) -> None:
    """Two of everything the API serves, linked the way real data is."""
    for _ in range(2):
        interview = InterviewFactory(owner=user)
        ActivityFactory(owner=user, interview=interview, person=interview.person)
        TaskFactory(owner=user, interview=interview, person=interview.person)
        QuestionFactory(owner=user)
        GoalFactory(owner=user)
    PersonFactory(owner=user, organization=None)


def ids_of(user: User) -> dict[str, list[int]]:
    return {
        name: sorted(model._default_manager.filter(owner=user).values_list("pk", flat=True))
        for name, model in ID_PARAMETERS.items()
    }


@pytest.fixture
def world(owner: User, outsider: User) -> dict[str, Any]:
    some_data_of(owner)
    some_data_of(outsider)
    return {"token": issue_token(owner), "mine": ids_of(owner), "theirs": ids_of(outsider)}


@pytest.fixture(autouse=True)
def one_connection_for_the_test() -> Iterator[None]:
    # As Django's test client does: the real WSGI handler would close the database connection at
    # each request's end (a connection inside the test's transaction looks unusable to it).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Loaded once at collection: the schema needs no database. (schemathesis.pytest.from_fixture
# would load it per test, but it does not run under pytest 9.)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
if ONLY:  # e.g. SCHEMATHESIS_OPERATION="POST /api/v1/activities", to chase one failure
    schema = schema.include(name=ONLY)


def refused_for_nul(response: Any) -> bool:
    return response.status_code == 422 and all(
        "NUL character" in entry["msg"] for entry in response.json()["detail"]
    )


@schema.parametrize()
@schema.given(data=st.data())
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,
    # The normal run tries the same cases every time; a long run (the script) explores anew.
    derandomize=LONG_RUN is None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_every_request_as_its_schema_says(
    case: Any, data: st.DataObject, world: dict[str, Any]
) -> None:
    theirs = False
    for name in case.path_parameters or {}:
        if name not in ID_PARAMETERS:
            continue
        source = data.draw(st.sampled_from(["mine", "theirs", "generated"]), label=name)
        if source != "generated" and world[source][name]:
            case.path_parameters[name] = data.draw(st.sampled_from(world[source][name]))
            theirs = theirs or source == "theirs"
    response = case.call_and_validate(
        headers={"Authorization": f"Bearer {world['token']}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
    if theirs and case.meta.generation.mode == GenerationMode.POSITIVE:
        # A valid request for another user's object: not found, as if it did not exist (unless
        # its text holds a NUL, refused before any lookup, whoever's the id).
        assert response.status_code == 404 or refused_for_nul(response), (
            case.method,
            case.path,
            response.status_code,
        )


# --- what the run found, pinned ------------------------------------------------------------------
# On PostgreSQL a NUL character in any text (a field, a list item, a filter) was a 500: it can
# neither store nor compare one. The API now answers 422 naming where it was, on every database.


def test_a_nul_in_a_field_is_422_naming_it_and_creates_nothing(owner_api: ApiClient) -> None:
    response = owner_api.post("/api/v1/people", {"name": "Ada\u0000Lovelace"})
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {
                "loc": ["body", "name"],
                "msg": "Text cannot contain the NUL character (\\u0000).",
                "type": "value_error",
            }
        ]
    }
    assert not Person.objects.exists()


def test_a_nul_in_a_list_item_is_422_naming_its_place(owner_api: ApiClient) -> None:
    response = owner_api.post("/api/v1/people", {"name": "Ada", "tags": ["math", "po\u0000etry"]})
    assert [entry["loc"] for entry in response.json()["detail"]] == [["body", "tags", 1]]


def test_a_nul_in_a_patch_is_422_and_changes_nothing(owner: User, owner_api: ApiClient) -> None:
    person = PersonFactory(owner=owner, name="Ada", title="Analyst")
    response = owner_api.patch(f"/api/v1/people/{person.pk}", {"title": "\u0000"})
    assert response.status_code == 422
    person.refresh_from_db()
    assert person.title == "Analyst"


@pytest.mark.parametrize(
    ("path", "parameter"),
    [("people", "q"), ("interviews", "stage"), ("interviews", "q"), ("tasks", "kind")],
)
def test_a_nul_in_a_filter_is_422_naming_it(
    owner_api: ApiClient, path: str, parameter: str
) -> None:
    response = owner_api.get(f"/api/v1/{path}", **{parameter: "a\u0000"})
    assert response.status_code == 422
    assert [entry["loc"] for entry in response.json()["detail"]] == [["query", parameter]]


# PostgreSQL refused a time whose offset is beyond ±15:59 (ISO 8601 and Python allow up to ±23:59):
# a 500. Times are now taken as the instant they name, kept in UTC.


def test_a_time_with_a_far_offset_is_kept_as_the_instant_it_names(
    owner: User, owner_api: ApiClient
) -> None:
    response = owner_api.post("/api/v1/activities", {"at": "2030-05-01T14:00:00-21:17"})
    assert response.status_code == 201
    assert Activity.objects.get().at == datetime(2030, 5, 2, 11, 17, tzinfo=UTC)
    assert response.json()["at"] == "2030-05-02T11:17:00Z"


def test_a_time_that_overflows_in_utc_is_422_naming_it(owner_api: ApiClient) -> None:
    response = owner_api.post(
        "/api/v1/tasks", {"title": "Nudge", "due_at": "9999-12-31T23:00-05:00"}
    )
    assert response.status_code == 422
    assert [entry["loc"][-1] for entry in response.json()["detail"]] == ["due_at"]
    assert not Task.objects.exists()
