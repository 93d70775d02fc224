"""What the API tests share: the five resources, valid bodies for them, and the 422 check."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import models
from django.http import HttpResponse

from coffeechat.followup.models import Task
from coffeechat.interviews.models import Activity, Interview
from coffeechat.people.models import Organization, Person
from tests.factories import (
    ActivityFactory,
    InterviewFactory,
    OrganizationFactory,
    PersonFactory,
    TaskFactory,
)

API = "/api/v1"
# Request fields that are times: compared as instants, since the API may answer in another offset.
TIME_FIELDS = {"scheduled_start", "due_at", "at"}
# A time in the future with a non-UTC offset, to see offsets survive the round trip.
LATER = "2030-05-01T14:00:00+02:00"


def error_fields(response: HttpResponse) -> list[str]:
    """The field each entry of a 422 answer names: the last part of its `loc`."""
    assert response.status_code == 422, response.content
    return [str(entry["loc"][-1]) for entry in response.json()["detail"]]


def parse_time(value: str) -> datetime:
    """An ISO 8601 time that must carry an offset (or Z)."""
    parsed = datetime.fromisoformat(value)
    assert parsed.utcoffset() is not None, f"{value!r} has no offset"
    return parsed


def assert_echoes(body: dict[str, Any], sent: dict[str, Any]) -> None:
    for key, value in sent.items():
        if key in TIME_FIELDS and value is not None:
            assert parse_time(body[key]) == parse_time(value), key
        else:
            assert body[key] == value, key


def person_body(user: User) -> dict[str, Any]:
    organization = OrganizationFactory(owner=user, name="Analytical Engines")
    return {
        "name": "Ada Lovelace",
        "title": "Analyst",
        "organization_id": organization.pk,
        "emails": ["ada@example.org"],
        "time_zone": "Europe/London",
        "relationship": "alumni",
        "tags": ["math", "poetry"],
    }


def organization_body(user: User) -> dict[str, Any]:
    return {
        "name": "Analytical Engines",
        "website": "https://engines.example.org",
        "industry": "Computing",
        "location": "London",
        "research_notes": "Builds difference engines.",
    }


def interview_body(user: User) -> dict[str, Any]:
    return {
        "person_id": PersonFactory(owner=user).pk,
        "topic": "How a research engineer spends the week",
        "stage": "scheduled",
        "duration_minutes": 30,
        "scheduled_start": LATER,
        "time_zone": "Europe/Paris",
        "mode": "cafe",
        "location": "Café de Flore",
    }


def activity_body(user: User) -> dict[str, Any]:
    interview = InterviewFactory(owner=user)
    return {
        "kind": "reply_received",
        "at": LATER,
        "interview_id": interview.pk,
        "person_id": interview.person_id,
        "text": "Happy to chat next week.",
    }


def task_body(user: User) -> dict[str, Any]:
    interview = InterviewFactory(owner=user)
    return {
        "title": "Send the thank-you note",
        "kind": "thank_you",
        "due_at": LATER,
        "interview_id": interview.pk,
        "person_id": interview.person_id,
        "notes": "Mention the book she recommended.",
    }


@dataclass(frozen=True)
class Resource:
    name: str
    model: type[models.Model]
    make: Callable[..., models.Model]  # a factory: make(owner=user) is one row of that user
    body: Callable[[User], dict[str, Any]]  # a valid create body, its links owned by the user
    patch: dict[str, Any]  # a partial update

    @property
    def url(self) -> str:
        return f"{API}/{self.name}"

    def item(self, pk: int) -> str:
        return f"{self.url}/{pk}"

    def __str__(self) -> str:
        return self.name


RESOURCES = [
    Resource("people", Person, PersonFactory, person_body, {"title": "Director of Research"}),
    Resource(
        "organizations",
        Organization,
        OrganizationFactory,
        organization_body,
        {"industry": "Biotech"},
    ),
    Resource("interviews", Interview, InterviewFactory, interview_body, {"topic": "Career paths"}),
    Resource("activities", Activity, ActivityFactory, activity_body, {"text": "Edited note"}),
    Resource("tasks", Task, TaskFactory, task_body, {"notes": "Bring the printed brief"}),
]

each_resource = pytest.mark.parametrize("resource", RESOURCES, ids=str)
