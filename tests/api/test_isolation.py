"""Another user's object: 404 on every route that takes its id, and it stays as it was."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User

from coffeechat.followup.models import Task
from coffeechat.interviews.models import Activity, Interview
from tests.api.helpers import API, RESOURCES, Resource, each_resource, error_fields
from tests.conftest import ApiClient
from tests.factories import InterviewFactory, OrganizationFactory, PersonFactory, TaskFactory


@each_resource
def test_outsider_gets_404_reading_the_owners_object(
    resource: Resource, owner: User, outsider_api: ApiClient
) -> None:
    row = resource.make(owner=owner)
    response = outsider_api.get(resource.item(row.pk))
    assert response.status_code == 404


@each_resource
def test_outsiders_404_looks_like_a_missing_id(
    resource: Resource, owner: User, outsider_api: ApiClient
) -> None:
    row = resource.make(owner=owner)
    theirs = outsider_api.get(resource.item(row.pk))
    missing = outsider_api.get(resource.item(999_999))
    assert theirs.status_code == missing.status_code == 404
    assert theirs.json() == missing.json()


@each_resource
def test_outsider_gets_404_patching_the_owners_object_and_it_is_unchanged(
    resource: Resource, owner: User, owner_api: ApiClient, outsider_api: ApiClient
) -> None:
    row = resource.make(owner=owner)
    before = owner_api.get(resource.item(row.pk)).json()
    response = outsider_api.patch(resource.item(row.pk), resource.patch)
    assert response.status_code == 404
    assert owner_api.get(resource.item(row.pk)).json() == before


@each_resource
def test_outsider_gets_404_deleting_the_owners_object_and_it_stays(
    resource: Resource, owner: User, owner_api: ApiClient, outsider_api: ApiClient
) -> None:
    row = resource.make(owner=owner)
    response = outsider_api.delete(resource.item(row.pk))
    assert response.status_code == 404
    assert resource.model._default_manager.filter(pk=row.pk).exists()
    assert owner_api.get(resource.item(row.pk)).status_code == 200


# (resource, field, factory of the linked model): every id in a body that points at another row.
LINKS = [
    ("people", "organization_id", OrganizationFactory),
    ("people", "referred_by_id", PersonFactory),
    ("interviews", "person_id", PersonFactory),
    ("activities", "person_id", PersonFactory),
    ("activities", "interview_id", InterviewFactory),
    ("tasks", "person_id", PersonFactory),
    ("tasks", "interview_id", InterviewFactory),
]
PATCHABLE_LINKS = [link for link in LINKS if link[0] != "activities"]
BY_NAME = {resource.name: resource for resource in RESOURCES}


def _body_without_links(resource: Resource, user: User) -> dict[str, Any]:
    body = resource.body(user)
    for field in ("organization_id", "referred_by_id", "interview_id"):
        body.pop(field, None)
    if resource.name != "interviews":
        body.pop("person_id", None)
    return body


@pytest.mark.parametrize(("name", "field", "factory"), LINKS)
def test_creating_with_another_users_id_is_422_naming_the_field(
    name: str, field: str, factory: Any, owner: User, outsider: User, owner_api: ApiClient
) -> None:
    resource = BY_NAME[name]
    body = _body_without_links(resource, owner)
    body[field] = factory(owner=outsider).pk
    count = resource.model._default_manager.filter(owner=owner).count()
    response = owner_api.post(resource.url, body)
    assert error_fields(response) == [field]
    assert resource.model._default_manager.filter(owner=owner).count() == count


@pytest.mark.parametrize(("name", "field", "factory"), LINKS)
def test_creating_with_a_nonexistent_id_is_422_naming_the_field(
    name: str, field: str, factory: Any, owner: User, owner_api: ApiClient
) -> None:
    resource = BY_NAME[name]
    body = _body_without_links(resource, owner)
    body[field] = 999_999
    count = resource.model._default_manager.filter(owner=owner).count()
    response = owner_api.post(resource.url, body)
    assert error_fields(response) == [field]
    assert resource.model._default_manager.filter(owner=owner).count() == count


@pytest.mark.parametrize(("name", "field", "factory"), PATCHABLE_LINKS)
def test_patching_in_another_users_id_is_422_and_changes_nothing(
    name: str,
    field: str,
    factory: Any,
    owner: User,
    outsider: User,
    owner_api: ApiClient,
) -> None:
    resource = BY_NAME[name]
    row = resource.make(owner=owner)
    before = owner_api.get(resource.item(row.pk)).json()
    response = owner_api.patch(resource.item(row.pk), {field: factory(owner=outsider).pk})
    assert error_fields(response) == [field]
    assert owner_api.get(resource.item(row.pk)).json() == before


def test_the_error_for_another_users_id_reads_like_a_missing_one(
    owner: User, outsider: User, owner_api: ApiClient
) -> None:
    theirs = PersonFactory(owner=outsider).pk
    answers = [
        owner_api.post(f"{API}/interviews", {"topic": "x", "person_id": pk}).json()["detail"]
        for pk in (theirs, 999_999)
    ]
    assert [re.sub(r"\d+", "N", entry[0]["msg"]) for entry in answers] == [
        "No such person with id N."
    ] * 2


def test_list_filters_by_another_users_id_find_nothing(
    owner: User, outsider: User, outsider_api: ApiClient
) -> None:
    interview = InterviewFactory(owner=owner)
    TaskFactory(owner=owner, interview=interview)
    Activity.objects.create(owner=owner, kind="note", at=interview.created_at, interview=interview)
    assert outsider_api.get(f"{API}/interviews", person_id=interview.person_id).json()["count"] == 0
    assert outsider_api.get(f"{API}/activities", interview_id=interview.pk).json()["count"] == 0
    assert (
        outsider_api.get(f"{API}/people", organization_id=interview.person.organization_id).json()[
            "count"
        ]
        == 0
    )
    assert Interview.objects.count() == 1
    assert Task.objects.count() == 1
