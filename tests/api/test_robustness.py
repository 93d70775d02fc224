"""Odd input answers 4xx with the field named, never 500."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from tests.api.helpers import API, RESOURCES, Resource, each_resource, error_fields
from tests.conftest import ApiClient

HUGE = 10**20  # more than any database integer holds


@each_resource
def test_a_huge_page_number_is_422(resource: Resource, owner_api: ApiClient) -> None:
    assert error_fields(owner_api.get(resource.url, page=HUGE)) == ["page"]


@each_resource
def test_page_zero_is_422(resource: Resource, owner_api: ApiClient) -> None:
    assert error_fields(owner_api.get(resource.url, page=0)) == ["page"]


@each_resource
def test_a_huge_id_in_the_path_is_404(resource: Resource, owner_api: ApiClient) -> None:
    assert owner_api.get(resource.item(HUGE)).status_code == 404


@each_resource
def test_a_non_numeric_id_in_the_path_is_4xx(resource: Resource, owner_api: ApiClient) -> None:
    assert owner_api.get(f"{resource.url}/abc").status_code in {404, 422}


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("people", "organization_id"),
        ("interviews", "person_id"),
        ("activities", "person_id"),
        ("activities", "interview_id"),
    ],
)
def test_a_huge_id_filter_is_422(name: str, field: str, owner_api: ApiClient) -> None:
    assert error_fields(owner_api.get(f"{API}/{name}", **{field: HUGE})) == [field]


@pytest.mark.parametrize(("name", "field"), [("people", "organization_id"), ("tasks", "person_id")])
def test_a_huge_id_in_a_body_is_422(name: str, field: str, owner_api: ApiClient) -> None:
    body = {"name": "Ada"} if name == "people" else {"title": "Nudge"}
    assert error_fields(owner_api.post(f"{API}/{name}", {**body, field: HUGE})) == [field]


def test_malformed_json_is_400(owner_api: ApiClient) -> None:
    response = owner_api.client.post(
        f"{API}/people", "{not json", content_type="application/json", headers=owner_api.headers
    )
    assert response.status_code == 400


def test_a_body_that_is_not_an_object_is_422(owner_api: ApiClient) -> None:
    assert owner_api.post(f"{API}/people", ["Ada"]).status_code == 422


# PATCH with null: a field that cannot be empty answers 422; before, some of these saved NULL (500).
NON_NULLABLE = [
    ("people", "name"),
    ("people", "emails"),
    ("people", "location"),
    ("organizations", "industry"),
    ("interviews", "person_id"),
    ("interviews", "time_zone"),
    ("interviews", "stage"),
    ("tasks", "title"),
    ("tasks", "done"),
]
BY_NAME = {resource.name: resource for resource in RESOURCES}


@pytest.mark.parametrize(("name", "field"), NON_NULLABLE)
def test_patching_null_into_a_required_field_is_422_and_changes_nothing(
    name: str, field: str, owner: User, owner_api: ApiClient
) -> None:
    resource = BY_NAME[name]
    row = resource.make(owner=owner)
    before = owner_api.get(resource.item(row.pk)).json()
    response = owner_api.patch(resource.item(row.pk), {field: None})
    assert error_fields(response) == [field]
    assert owner_api.get(resource.item(row.pk)).json() == before
